package lifecycle_test

import (
	"testing"
	"time"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// benchSub is a MOSA annual subscription with a short history, as a
// billing sweep meets it.
func benchSub(b *testing.B, channel policy.Channel) (lifecycle.Subscription, policy.Rules) {
	b.Helper()
	spec := lifecycle.Spec{Channel: channel, Term: policy.Annual, Start: time.Date(2026, 1, 10, 15, 30, 0, 0, time.UTC),
		End: time.Date(2027, 1, 9, 0, 0, 0, 0, time.UTC), Licenses: 20, Assigned: 10, RecurringBilling: true, PaymentMethod: true,
		History: []lifecycle.Event{
			{Kind: lifecycle.ChangeLicenses, At: time.Date(2026, 1, 11, 0, 0, 0, 0, time.UTC), Licenses: 20, Assigned: 12},
			{Kind: lifecycle.RecurringBillingOff, At: time.Date(2026, 1, 12, 0, 0, 0, 0, time.UTC)},
			{Kind: lifecycle.RecurringBillingOn, At: time.Date(2026, 1, 13, 0, 0, 0, 0, time.UTC)},
		}}
	sub, err := lifecycle.New(spec)
	if err != nil {
		b.Fatal(err)
	}
	r, err := lifecycle.RulesFor(policy.Builtin(), sub)
	if err != nil {
		b.Fatal(err)
	}
	return sub, r
}

func benchApply(b *testing.B, channel policy.Channel, cmd lifecycle.Command, at time.Time, wantErr bool) {
	sub, r := benchSub(b, channel)
	if _, err := lifecycle.Apply(sub, &r, cmd, at); (err != nil) != wantErr {
		b.Fatalf("Apply: %v", err)
	}
	b.ReportAllocs()
	for b.Loop() {
		lifecycle.Apply(sub, &r, cmd, at)
	}
}

func BenchmarkApplyRecurringBillingOff(b *testing.B) {
	benchApply(b, policy.DirectMOSA, lifecycle.Command{Kind: lifecycle.CmdTurnOffRecurringBilling, Actor: lifecycle.GlobalAdmin},
		time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), false)
}

func BenchmarkApplyCancel(b *testing.B) {
	benchApply(b, policy.DirectMOSA, lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.BillingAdmin},
		time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), false)
}

func BenchmarkApplyCancelMCAWindow(b *testing.B) {
	benchApply(b, policy.DirectMCA, lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.BillingAccountOwner},
		time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC), false)
}

func BenchmarkApplyReactivate(b *testing.B) {
	sub, r := benchSub(b, policy.DirectMOSA)
	sub, err := lifecycle.Apply(sub, &r, lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.GlobalAdmin}, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		b.Fatal(err)
	}
	cmd, at := lifecycle.Command{Kind: lifecycle.CmdReactivate, Actor: lifecycle.GlobalAdmin}, time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	if _, err := lifecycle.Apply(sub, &r, cmd, at); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		lifecycle.Apply(sub, &r, cmd, at)
	}
}

// BenchmarkApplyRefusedCancel is an MCA cancellation after the seven-day
// window: a refusal must not cost more than an acceptance.
func BenchmarkApplyRefusedCancel(b *testing.B) {
	benchApply(b, policy.DirectMCA, lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.BillingAccountOwner},
		time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), true)
}

// BenchmarkApplyRefusedRole is refused by the role guard.
func BenchmarkApplyRefusedRole(b *testing.B) {
	benchApply(b, policy.DirectMOSA, lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.User},
		time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), true)
}

// BenchmarkApplyRefusedGraph is refused by the event graph.
func BenchmarkApplyRefusedGraph(b *testing.B) {
	benchApply(b, policy.DirectMOSA, lifecycle.Command{Kind: lifecycle.CmdSuspend, Actor: lifecycle.GlobalAdmin},
		time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), true)
}

func BenchmarkQuoteCancel(b *testing.B) {
	sub, r := benchSub(b, policy.DirectMCA)
	cmd := lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.BillingAccountOwner}
	price := lifecycle.Price{PerLicense: lifecycle.USD(2000), Billing: policy.Monthly}
	at := time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		lifecycle.Quote(sub, &r, cmd, price, at)
	}
}
