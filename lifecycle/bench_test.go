package lifecycle_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/looplab/fsm"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// benchLifecycle is a typical annual MOSA subscription with a license
// change and recurring billing turned off (AC-01…AC-07), and an instant
// in each of its states.
func benchLifecycle(tb testing.TB) (lifecycle.Subscription, policy.Rules) {
	tb.Helper()
	sub := mustNew(tb, lifecycle.Spec{
		ID: "bench", Channel: policy.DirectMOSA, Term: policy.Annual,
		Start: utc(2025, 4, 1, 10, 0), End: date(2026, 3, 31), Licenses: 10, Assigned: 8, PaymentMethod: true, RecurringBilling: true,
		History: []lifecycle.Event{
			{Kind: lifecycle.ChangeLicenses, At: utc(2025, 6, 1, 9, 0), Licenses: 12, Assigned: 11, Actor: lifecycle.BillingAdmin},
			{Kind: lifecycle.RecurringBillingOff, At: utc(2026, 2, 1, 12, 0), Actor: lifecycle.BillingAdmin},
		},
	})
	return sub, rulesFor(tb, sub)
}

var benchStates = []struct {
	name string
	at   time.Time
	// fsmEvents replays the same lifecycle up to at through looplab/fsm.
	fsmEvents []string
}{
	{"active", date(2026, 2, 2), nil},
	{"expired", date(2026, 4, 15), []string{"expire"}},
	{"disabled", date(2026, 6, 1), []string{"expire", "disable"}},
	{"deleted", date(2026, 8, 1), []string{"expire", "disable", "delete"}},
}

var sinkStatus lifecycle.Status

// benchEvaluate times Evaluate(sub, rules, at) and returns the last Status.
// The loop keeps it in a local: storing to a global costs write barriers.
func benchEvaluate(b *testing.B, sub lifecycle.Subscription, rules *policy.Rules, at time.Time) lifecycle.Status {
	b.Helper()
	b.ReportAllocs()
	var last lifecycle.Status
	for b.Loop() {
		st, err := lifecycle.Evaluate(sub, rules, at)
		if err != nil {
			b.Fatal(err)
		}
		last = st
	}
	sinkStatus = last
	return last
}

func BenchmarkEvaluate(b *testing.B) {
	sub, rules := benchLifecycle(b)
	for _, s := range benchStates {
		b.Run(s.name, func(b *testing.B) {
			if got := benchEvaluate(b, sub, &rules, s.at).State().String(); got != s.name {
				b.Fatalf("Evaluate at %v = %s, want %s", s.at, got, s.name)
			}
		})
	}
}

// BenchmarkEvaluateNoHistory evaluates a subscription without events:
// the fixed cost of Evaluate (validation, projection, Status).
func BenchmarkEvaluateNoHistory(b *testing.B) {
	sub := mustNew(b, lifecycle.Spec{
		ID: "bench-nohistory", Channel: policy.DirectMOSA, Term: policy.Annual,
		Start: utc(2025, 4, 1, 10, 0), End: date(2026, 3, 31), Licenses: 10, Assigned: 8, PaymentMethod: true, RecurringBilling: true,
	})
	rules := rulesFor(b, sub)
	at := date(2026, 2, 2)
	benchEvaluate(b, sub, &rules, at)
}

// BenchmarkEvaluateWindow evaluates a Direct MCA subscription inside its
// seven-day cancellation window: the window is computed on every call.
func BenchmarkEvaluateWindow(b *testing.B) {
	sub := mustNew(b, lifecycle.Spec{
		ID: "bench-window", Channel: policy.DirectMCA, Term: policy.Annual,
		Start: utc(2025, 4, 1, 10, 0), End: date(2026, 3, 31), Licenses: 10, Assigned: 8, PaymentMethod: true, RecurringBilling: true,
	})
	rules := rulesFor(b, sub)
	at := date(2025, 4, 3)
	if st := benchEvaluate(b, sub, &rules, at); !st.Capabilities().Cancel || st.CancelWindowEnd().IsZero() {
		b.Fatalf("not in the cancellation window: %+v", st)
	}
}

// BenchmarkEvaluateEvents evaluates the same annual MOSA subscription
// with 0, 1, 2, 4 and 8 license changes in its history, at an instant
// after the last one: the cost of Evaluate is a fixed part plus a part per
// event up to the instant, which this shows apart.
func BenchmarkEvaluateEvents(b *testing.B) {
	for _, n := range []int{0, 1, 2, 4, 8} {
		spec := lifecycle.Spec{
			ID: "bench-events", Channel: policy.DirectMOSA, Term: policy.Annual,
			Start: utc(2025, 4, 1, 10, 0), End: date(2026, 3, 31), Licenses: 10, Assigned: 8, PaymentMethod: true, RecurringBilling: true,
		}
		for i := range n {
			spec.History = append(spec.History, lifecycle.Event{
				Kind: lifecycle.ChangeLicenses, At: utc(2025, 5, 1+i, 9, 0), Licenses: 11 + i, Assigned: 8, Actor: lifecycle.BillingAdmin,
			})
		}
		sub := mustNew(b, spec)
		rules := rulesFor(b, sub)
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			st := benchEvaluate(b, sub, &rules, date(2026, 2, 2))
			if st.State() != lifecycle.Active || st.Licenses() != 10+n {
				b.Fatalf("Evaluate = %s with %d licenses, want active with %d", st.State(), st.Licenses(), 10+n)
			}
		})
	}
}

var sinkBool bool

// BenchmarkInstantCompare is a calibration: one comparison of two
// time.Time values, to give the machine's scale next to Evaluate.
func BenchmarkInstantCompare(b *testing.B) {
	t0, t1 := utc(2025, 4, 1, 10, 0), date(2026, 2, 2)
	b.ReportAllocs()
	for b.Loop() {
		sinkBool = t0.Before(t1)
	}
}

var sinkPhases []lifecycle.Phase

func BenchmarkTimeline(b *testing.B) {
	sub, rules := benchLifecycle(b)
	b.ReportAllocs()
	for b.Loop() {
		ph, err := lifecycle.Timeline(sub, &rules)
		if err != nil {
			b.Fatal(err)
		}
		sinkPhases = ph
	}
}

// fsmEvents is the lifecycle as a looplab/fsm machine with string states
// and events, as a scheduler-driven billing system would hold it.
var fsmEvents = fsm.Events{
	{Name: "turn-off-recurring-billing", Src: []string{"active"}, Dst: "active"},
	{Name: "cancel", Src: []string{"active"}, Dst: "disabled"},
	{Name: "expire", Src: []string{"active"}, Dst: "expired"},
	{Name: "disable", Src: []string{"expired"}, Dst: "disabled"},
	{Name: "reactivate", Src: []string{"expired", "disabled"}, Dst: "active"},
	{Name: "delete", Src: []string{"disabled"}, Dst: "deleted"},
}

var sinkState string

// BenchmarkFSMReplay replays the same lifecycle through a freshly built
// looplab/fsm machine each iteration, for comparison with
// BenchmarkEvaluate in the same run. The machine knows no dates: the
// caller must already know which transitions happened, which is what
// Evaluate computes.
func BenchmarkFSMReplay(b *testing.B) {
	ctx := context.Background()
	for _, s := range benchStates {
		b.Run(s.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				m := fsm.NewFSM("active", fsmEvents, nil)
				_ = m.Event(ctx, "turn-off-recurring-billing") // a self-transition: fsm.NoTransitionError
				for _, e := range s.fsmEvents {
					if err := m.Event(ctx, e); err != nil {
						b.Fatal(err)
					}
				}
				sinkState = m.Current()
			}
			if sinkState != s.name {
				b.Fatalf("fsm ended in %q, want %q", sinkState, s.name)
			}
		})
	}
}

// TestEvaluateAllocs: Evaluate allocates nothing, in every state and for
// every acceptance row; Timeline makes at most one allocation. Allocation
// counts, unlike timings, are deterministic, so they are a test.
func TestEvaluateAllocs(t *testing.T) {
	if testing.Short() {
		t.Skip("allocation counts in -short mode are skipped")
	}
	sub, rules := benchLifecycle(t)
	for _, s := range benchStates {
		if n := testing.AllocsPerRun(100, func() { sinkStatus, _ = lifecycle.Evaluate(sub, &rules, s.at) }); n != 0 {
			t.Errorf("Evaluate(%s) allocates %v times, want 0", s.name, n)
		}
	}
	// Rules held in a local of the caller stay on its stack: Evaluate
	// must not make its rules pointer leak.
	if n := testing.AllocsPerRun(100, func() {
		local := rules
		sinkStatus, _ = lifecycle.Evaluate(sub, &local, benchStates[0].at)
	}); n != 0 {
		t.Errorf("Evaluate with rules in a caller's local allocates %v times, want 0", n)
	}
	for _, r := range append(acceptanceRows(t), calendarRows(t)...) {
		if n := testing.AllocsPerRun(20, func() { sinkStatus, _ = lifecycle.Evaluate(r.sub, &r.rules, r.at) }); n != 0 {
			t.Errorf("Evaluate(%s) allocates %v times, want 0", r.name, n)
		}
		if n := testing.AllocsPerRun(20, func() { sinkPhases, _ = lifecycle.Timeline(r.sub, &r.rules) }); n > 1 {
			t.Errorf("Timeline(%s) allocates %v times, want at most 1", r.name, n)
		}
	}
}
