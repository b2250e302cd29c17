package lifecycle_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/lifecycle/lifecycletest"
	"github.com/lapse-go/lapse/policy"
)

// TestJudgeAll: every lifecycle of a batch gives the answers Judge gives
// for its subscription alone, at every phase boundary ±1ns; a subscription
// that can't be judged leaves a zero Lifecycle and a *BatchError naming its
// index, and the others are judged.
func TestJudgeAll(t *testing.T) {
	g := lifecycletest.Subscription(builtin)
	var subs []lifecycle.Subscription
	for i := range 300 {
		subs = append(subs, g.Example(i))
	}
	// A zero subscription and one the table can't judge (a VL
	// subscription before the first VL row) among them.
	bad := mustNew(t, lifecycle.Spec{ID: "too-early", Channel: policy.VolumeLicensing, Term: policy.Annual,
		Start: date(2019, 1, 1), End: day(2019, 12, 31)})
	subs[7], subs[150] = lifecycle.Subscription{}, bad

	lcs, err := lifecycle.JudgeAll(subs, builtin)
	if len(lcs) != len(subs) {
		t.Fatalf("JudgeAll returned %d lifecycles for %d subscriptions", len(lcs), len(subs))
	}
	var be *lifecycle.BatchError
	if !errors.As(err, &be) || !errors.Is(err, lifecycle.ErrInvalid) || !errors.Is(err, policy.ErrNoRule) {
		t.Fatalf("JudgeAll error = %v, want *BatchError values matching ErrInvalid and policy.ErrNoRule", err)
	}
	for _, want := range []string{"subscriptions[7]", "subscriptions[150]"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("JudgeAll error does not name %s: %v", want, err)
		}
	}
	for i, sub := range subs {
		if i == 7 || i == 150 {
			if !lcs[i].IsZero() {
				t.Errorf("lcs[%d] is not zero for a subscription that can't be judged", i)
			}
			continue
		}
		one := judge(t, sub, builtin)
		if diff := cmp.Diff(one.Phases(), lcs[i].Phases()); diff != "" {
			t.Fatalf("subs[%d]: JudgeAll's phases differ from Judge's (-Judge +JudgeAll):\n%s", i, diff)
		}
		for _, p := range one.Phases() {
			for _, d := range []time.Duration{-time.Nanosecond, 0, time.Nanosecond} {
				at := p.Start.Add(d)
				if at.Before(sub.Start()) {
					continue
				}
				a, _ := one.At(at)
				b, err := lcs[i].At(at)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(answersOf(a), answersOf(b)); diff != "" {
					t.Fatalf("subs[%d] at %v: JudgeAll differs from Judge (-Judge +JudgeAll):\n%s", i, at, diff)
				}
			}
		}
	}
}

// TestJudgeAllApplyKeepsNeighbours: applying a command to one lifecycle
// of a batch changes neither it nor the lifecycles stored beside it.
func TestJudgeAllApplyKeepsNeighbours(t *testing.T) {
	spec := lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Monthly, Start: utc(2026, 1, 5, 9, 0),
		End: day(2026, 2, 4), Licenses: 5, Assigned: 5, PaymentMethod: true, RecurringBilling: true}
	var subs []lifecycle.Subscription
	for i := range 3 {
		spec.ID = fmt.Sprint("s", i)
		subs = append(subs, mustNew(t, spec))
	}
	lcs, err := lifecycle.JudgeAll(subs, builtin)
	if err != nil {
		t.Fatal(err)
	}
	before := [3][]lifecycle.Phase{lcs[0].Phases(), lcs[1].Phases(), lcs[2].Phases()}
	next, err := lcs[1].Apply(lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.BillingAdmin}, utc(2026, 3, 1, 9, 0))
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := next.At(utc(2026, 3, 2, 9, 0)); st.State() != lifecycle.Disabled {
		t.Errorf("after cancelling: %v, want disabled", st.State())
	}
	for i := range 3 {
		if diff := cmp.Diff(before[i], lcs[i].Phases()); diff != "" {
			t.Errorf("lcs[%d] changed when lcs[1] was applied a command:\n%s", i, diff)
		}
	}
}

// ExampleJudgeAll judges a book of subscriptions at once and sweeps it:
// the lifecycles are stored side by side, so the sweep reads memory in
// order.
func ExampleJudgeAll() {
	var subs []lifecycle.Subscription
	for i, end := range []clock.Date{
		{Year: 2026, Month: time.January, Day: 31},
		{Year: 2026, Month: time.March, Day: 31},
		{Year: 2026, Month: time.August, Day: 31},
	} {
		sub, err := lifecycle.New(lifecycle.Spec{ID: fmt.Sprint("mca-", i), Channel: policy.DirectMCA, Term: policy.Annual,
			Start: end.UTC().AddDate(-1, 0, 1), End: end, Licenses: 5, PaymentMethod: true})
		if err != nil {
			panic(err)
		}
		subs = append(subs, sub)
	}
	lcs, err := lifecycle.JudgeAll(subs, policy.Builtin())
	if err != nil {
		panic(err)
	}
	for _, lc := range lcs {
		st, err := lc.At(time.Date(2026, 4, 15, 0, 0, 0, 0, time.UTC))
		if err != nil {
			panic(err)
		}
		fmt.Println(lc.Subscription().ID(), st.State(), "judged by", st.Versions().Lifecycle.Label())
	}
	// Output:
	// mca-0 disabled judged by 2024-09
	// mca-1 disabled judged by 2025-12
	// mca-2 active judged by 2025-12
}
