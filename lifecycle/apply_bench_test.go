package lifecycle_test

import (
	"errors"
	"testing"
	"time"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// benchSub is an annual subscription with a short history, as a billing
// sweep meets it, judged against the built-in table.
func benchSub(b *testing.B, channel policy.Channel) lifecycle.Lifecycle {
	b.Helper()
	spec := lifecycle.Spec{Channel: channel, Term: policy.Annual, Start: time.Date(2026, 1, 10, 15, 30, 0, 0, time.UTC),
		End: day(2027, 1, 9), Licenses: 20, Assigned: 10, RecurringBilling: true, PaymentMethod: true,
		History: []lifecycle.Event{
			{Kind: lifecycle.ChangeLicenses, At: time.Date(2026, 1, 11, 0, 0, 0, 0, time.UTC), Licenses: 20, Assigned: 12},
			{Kind: lifecycle.RecurringBillingOff, At: time.Date(2026, 1, 12, 0, 0, 0, 0, time.UTC)},
			{Kind: lifecycle.RecurringBillingOn, At: time.Date(2026, 1, 13, 0, 0, 0, 0, time.UTC)},
		}}
	return judge(b, mustNew(b, spec), builtin)
}

// benchApply times lc.Apply(cmd, at) and checks its last answer once:
// accepted with the state want, or refused with the sentinel wantErr.
func benchApply(b *testing.B, lc lifecycle.Lifecycle, cmd lifecycle.Command, at time.Time, want lifecycle.State, wantErr error) {
	b.Helper()
	b.ReportAllocs()
	var next lifecycle.Lifecycle
	var err error
	for b.Loop() {
		next, err = lc.Apply(cmd, at)
	}
	benchSinkLC = next
	if wantErr != nil {
		if !errors.Is(err, wantErr) {
			b.Fatalf("Apply(%v at %v) = %v, want %v", cmd, at, err, wantErr)
		}
		return
	}
	if err != nil {
		b.Fatalf("Apply(%v at %v): %v", cmd, at, err)
	}
	if st, err := next.At(at); err != nil || st.State() != want || next.Subscription().Len() != lc.Subscription().Len()+1 {
		b.Fatalf("after Apply(%v at %v): %v, %v; want %v", cmd, at, st.State(), err, want)
	}
}

func BenchmarkApplyRecurringBillingOff(b *testing.B) {
	benchApply(b, benchSub(b, policy.DirectMOSA), lifecycle.Command{Kind: lifecycle.CmdTurnOffRecurringBilling, Actor: lifecycle.GlobalAdmin},
		time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), lifecycle.Active, nil)
}

func BenchmarkApplyCancel(b *testing.B) {
	benchApply(b, benchSub(b, policy.DirectMOSA), lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.BillingAdmin},
		time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), lifecycle.Disabled, nil)
}

func BenchmarkApplyCancelMCAWindow(b *testing.B) {
	benchApply(b, benchSub(b, policy.DirectMCA), lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.BillingAccountOwner},
		time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC), lifecycle.Disabled, nil)
}

func BenchmarkApplyReactivate(b *testing.B) {
	lc, err := benchSub(b, policy.DirectMOSA).Apply(lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.GlobalAdmin}, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		b.Fatal(err)
	}
	benchApply(b, lc, lifecycle.Command{Kind: lifecycle.CmdReactivate, Actor: lifecycle.GlobalAdmin},
		time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC), lifecycle.Active, nil)
}

// BenchmarkApplyRefusedCancel is an MCA cancellation after the seven-day
// window: a refusal must not cost more than an acceptance.
func BenchmarkApplyRefusedCancel(b *testing.B) {
	benchApply(b, benchSub(b, policy.DirectMCA), lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.BillingAccountOwner},
		time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), 0, lifecycle.ErrWindowClosed)
}

// BenchmarkApplyRefusedRole is refused by the role guard.
func BenchmarkApplyRefusedRole(b *testing.B) {
	benchApply(b, benchSub(b, policy.DirectMOSA), lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.User},
		time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), 0, lifecycle.ErrRole)
}

// BenchmarkApplyRefusedGraph is refused by the event graph.
func BenchmarkApplyRefusedGraph(b *testing.B) {
	benchApply(b, benchSub(b, policy.DirectMOSA), lifecycle.Command{Kind: lifecycle.CmdSuspend, Actor: lifecycle.GlobalAdmin},
		time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), 0, lifecycle.ErrNotOffered)
}

// BenchmarkCheckCancel is Check of an accepted MCA cancellation: Apply
// without building the new lifecycle.
func BenchmarkCheckCancel(b *testing.B) {
	lc := benchSub(b, policy.DirectMCA)
	cmd, at := lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.BillingAccountOwner}, time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	var err error
	for b.Loop() {
		err = lc.Check(cmd, at)
	}
	if err != nil {
		b.Fatalf("Check: %v", err)
	}
}

func BenchmarkQuoteCancel(b *testing.B) {
	lc := benchSub(b, policy.DirectMCA)
	cmd := lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.BillingAccountOwner}
	price := lifecycle.Price{PerLicense: lifecycle.USD(2000), Billing: policy.Monthly}
	at := time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	var q lifecycle.Refund
	var err error
	for b.Loop() {
		q, err = lc.Quote(cmd, price, at)
	}
	if err != nil || q.Kind != lifecycle.ProratedRefund || q.Refusal != nil {
		b.Fatalf("Quote = %+v, %v; want a prorated refund", q, err)
	}
}
