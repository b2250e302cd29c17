package lifecycle_test

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/lifecycle/lifecycletest"
	"github.com/lapse-go/lapse/policy"
)

// buildStart is the purchase of the subscriptions histories are built on:
// a monthly MOSA subscription that renews, so it stays Active under any
// number of license assignments.
var buildStart = time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC)

func buildBase(tb testing.TB) lifecycle.Lifecycle {
	tb.Helper()
	sub := mustNew(tb, lifecycle.Spec{ID: "build", Channel: policy.DirectMOSA, Term: policy.Monthly, Start: buildStart,
		End: mustDate(lifecycle.EndOfTerm(buildStart, policy.Monthly)), Licenses: 5, Assigned: 1,
		PaymentMethod: true, RecurringBilling: true})
	return judge(tb, sub, builtin)
}

// build issues n license assignments (alternately 2 and 1 assigned) one
// second apart after from, by Apply.
func build(tb testing.TB, lc lifecycle.Lifecycle, from time.Time, n int) lifecycle.Lifecycle {
	tb.Helper()
	for i := range n {
		var err error
		lc, err = lc.Apply(lifecycle.Command{Kind: lifecycle.CmdAssignLicenses, Actor: lifecycle.GlobalAdmin, Assigned: 2 - i%2},
			from.Add(time.Duration(i+1)*time.Second))
		if err != nil {
			tb.Fatalf("Apply %d: %v", i, err)
		}
	}
	return lc
}

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var a, b runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&a)
	f()
	runtime.ReadMemStats(&b)
	return b.TotalAlloc - a.TotalAlloc
}

// TestDefect10_ApplyBuildLinear: building a history by Apply costs memory
// linear in its length: four times the events, about four times the bytes
// (issue 12, defect 10: each Apply copied the history, marks, details and
// folds, so 16k Applies took 5.8 s and 7.9 GB: sixteen times the bytes).
func TestDefect10_ApplyBuildLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 5000 events")
	}
	base := buildBase(t)
	small := allocated(func() { build(t, base, buildStart, 1000) })
	large := allocated(func() { build(t, base, buildStart, 4000) })
	if ratio := float64(large) / float64(small); ratio > 5.5 {
		t.Errorf("1000 Applies allocate %d bytes, 4000 allocate %d: ×%.1f, want about ×4", small, large, ratio)
	}
}

// TestApplyBuildSameAsJudge: a history built by Apply, in place on a line
// and by copies where two values extend the same parent, answers as Judge
// of the same subscription at every instant around every event and in
// between, and every earlier value still answers as before.
func TestApplyBuildSameAsJudge(t *testing.T) {
	base := buildBase(t)
	mid := build(t, base, buildStart, 40)
	at := buildStart.Add(41 * time.Second)
	a := build(t, mid, at, 30) // extends mid in place
	b := build(t, mid, at, 25) // mid was extended: copies, then its own line
	c := build(t, a, at.Add(time.Hour), 5)
	for _, lc := range []lifecycle.Lifecycle{base, mid, a, b, c} {
		sameAsJudged(t, lc)
	}
	if mid.Subscription().Len() != 40 || a.Subscription().Len() != 70 || b.Subscription().Len() != 65 || c.Subscription().Len() != 75 {
		t.Errorf("lengths %d %d %d %d", mid.Subscription().Len(), a.Subscription().Len(), b.Subscription().Len(), c.Subscription().Len())
	}
}

// sameAsJudged checks that lc answers as Judge of its subscription does.
func sameAsJudged(t *testing.T, lc lifecycle.Lifecycle) {
	t.Helper()
	sub := lc.Subscription()
	want := judge(t, mustNew(t, sub.Spec()), builtin)
	if diff := cmp.Diff(want.Phases(), lc.Phases()); diff != "" {
		t.Fatalf("Phases of %d events mismatch (-judged +applied):\n%s", sub.Len(), diff)
	}
	probes := []time.Time{sub.Start(), sub.Start().AddDate(0, 3, 0), sub.Start().AddDate(2, 0, 0)}
	for _, e := range sub.History() {
		probes = append(probes, e.At.Add(-1), e.At, e.At.Add(1))
	}
	for _, at := range probes {
		ws, werr := want.At(at)
		gs, gerr := lc.At(at)
		if (werr == nil) != (gerr == nil) {
			t.Fatalf("At(%v) after %d events: applied %v, judged %v", at, sub.Len(), gerr, werr)
		}
		if diff := cmp.Diff(statusAnswers(ws), statusAnswers(gs)); diff != "" {
			t.Fatalf("At(%v) after %d events mismatch (-judged +applied):\n%s", at, sub.Len(), diff)
		}
	}
}

// TestApplyBuildConcurrent: goroutines extend the same value, and each
// its own line, at once; under -race this shows the in-place appends write
// nothing another value reads.
func TestApplyBuildConcurrent(t *testing.T) {
	base := build(t, buildBase(t), buildStart, 10)
	at := buildStart.Add(time.Minute)
	out := make([]lifecycle.Lifecycle, 6)
	var wg sync.WaitGroup
	for g := range out {
		wg.Add(1)
		go func() { // no t.Fatal off the test goroutine: errors are counted
			defer wg.Done()
			lc := base
			for i := range 20 + g {
				next, err := lc.Apply(lifecycle.Command{Kind: lifecycle.CmdAssignLicenses, Actor: lifecycle.GlobalAdmin, Assigned: 2 - i%2},
					at.Add(time.Duration(g)*time.Hour+time.Duration(i+1)*time.Second))
				if err != nil {
					return
				}
				lc = next
			}
			out[g] = lc
		}()
	}
	wg.Wait()
	sameAsJudged(t, base)
	for g, lc := range out {
		if lc.Subscription().Len() != 30+g {
			t.Errorf("goroutine %d: %d events", g, lc.Subscription().Len())
		}
		sameAsJudged(t, lc)
	}
}

// TestDefect10_TimelineAllocatesWhatItReturns: a long history that never
// changes the state is one phase, and Timeline and Phases return a slice
// of that one phase, not one sized by the number of segments.
func TestDefect10_TimelineAllocatesWhatItReturns(t *testing.T) {
	lc := build(t, buildBase(t), buildStart, 300)
	ph, err := lifecycle.Timeline(lc.Subscription(), builtin)
	if err != nil {
		t.Fatal(err)
	}
	if len(ph) != 1 || cap(ph) != 1 || ph[0].State != lifecycle.Active {
		t.Errorf("Timeline = %d phases (cap %d): %+v; want one Active phase", len(ph), cap(ph), ph)
	}
	if p := lc.Phases(); len(p) != 1 || cap(p) != 1 {
		t.Errorf("Phases = %d (cap %d)", len(p), cap(p))
	}
	if n := testing.AllocsPerRun(10, func() { lc.Phases() }); n != 1 {
		t.Errorf("Phases allocates %v times, want 1", n)
	}
	// Timeline keeps no judged lifecycle: the bytes it allocates do not
	// grow with the history (they were 2 KB an event).
	sub := lc.Subscription()
	if b := allocated(func() { lifecycle.Timeline(sub, builtin) }); b > 4096 {
		t.Errorf("Timeline of %d events allocates %d bytes", sub.Len(), b)
	}
}

// TestHistoryLimit: New refuses a history of more than MaxEvents events
// with a *HistoryLimitError that matches ErrHistoryLimit and ErrInvalid.
func TestHistoryLimit(t *testing.T) {
	spec := buildBase(t).Subscription().Spec()
	spec.History = make([]lifecycle.Event, lifecycle.MaxEvents+1)
	_, err := lifecycle.New(spec)
	var he *lifecycle.HistoryLimitError
	if !errors.As(err, &he) || he.Len != lifecycle.MaxEvents+1 || !errors.Is(err, lifecycle.ErrHistoryLimit) || !errors.Is(err, lifecycle.ErrInvalid) {
		t.Errorf("New(%d events) = %v; want a *HistoryLimitError", len(spec.History), err)
	}
}

// BenchmarkApplyBuild builds a history of n events by n Applies in a row;
// ns/apply and B/apply stay flat as n grows (linear total cost).
func BenchmarkApplyBuild(b *testing.B) {
	base := buildBase(b)
	for _, n := range []int{1000, 4000, 16000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			var last lifecycle.Lifecycle
			for b.Loop() {
				last = build(b, base, buildStart, n)
			}
			benchSinkLC = last
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/apply")
			if last.Subscription().Len() != n {
				b.Fatalf("%d events", last.Subscription().Len())
			}
		})
	}
}

// statusAnswers returns what a Status answers, for comparison.
func statusAnswers(s lifecycle.Status) []any {
	return []any{s.State(), s.Since(), s.Cause(), s.Trial(), s.ExtendedServiceTerm(), s.Next(), s.NextAt(), s.NextCause(),
		s.TermStart(), s.TermEnd(), s.RecurringBilling(), s.Licenses(), s.Assigned(), s.LicenseConflictUntil(),
		s.CancelWindowEnd(), s.ReactivateUntil(), s.PurgeNotBefore(), s.PurgeDeadline(), s.DeletedAt()}
}

// propTimelineIsPhases: Timeline, which folds without keeping the judged
// lifecycle, returns what Judge followed by Phases returns, for generated
// subscriptions under perturbed tables.
func propTimelineIsPhases(t *rapid.T) {
	c := lifecycletest.Cases(builtin, true).Draw(t, "case")
	lc, err := lifecycle.Judge(c.Sub, c.Table)
	if err != nil {
		t.Fatalf("Judge: %v", err)
	}
	ph, err := lifecycle.Timeline(c.Sub, c.Table)
	if err != nil {
		t.Fatalf("Timeline: %v", err)
	}
	if diff := cmp.Diff(lc.Phases(), ph); diff != "" {
		t.Fatalf("Timeline mismatch (-Phases +Timeline):\n%s", diff)
	}
}

func TestTimelineIsPhases(t *testing.T) { rapid.Check(t, propTimelineIsPhases) }

// TestTimelineErrors: Timeline refuses what Judge refuses.
func TestTimelineErrors(t *testing.T) {
	if _, err := lifecycle.Timeline(lifecycle.Subscription{}, builtin); !errors.Is(err, lifecycle.ErrInvalid) {
		t.Errorf("Timeline(zero) = %v", err)
	}
	sub := buildBase(t).Subscription()
	if _, err := lifecycle.Timeline(sub, nil); !errors.Is(err, lifecycle.ErrRulesMismatch) {
		t.Errorf("Timeline(nil table) = %v", err)
	}
	spec := sub.Spec()
	spec.History = []lifecycle.Event{{Kind: lifecycle.Reactivate, At: buildStart.Add(time.Hour)}}
	_, jerr := lifecycle.Judge(mustNew(t, spec), builtin)
	_, terr := lifecycle.Timeline(mustNew(t, spec), builtin)
	if !errors.Is(terr, lifecycle.ErrHistory) || jerr.Error() != terr.Error() {
		t.Errorf("Timeline(reactivate while active) = %v; Judge = %v", terr, jerr)
	}
}

// TestApplyAfterJudgeAll: lifecycles judged side by side by JudgeAll
// extend by Apply without touching their neighbours, which share their
// arrays.
func TestApplyAfterJudgeAll(t *testing.T) {
	var subs []lifecycle.Subscription
	for i := range 4 {
		subs = append(subs, build(t, buildBase(t), buildStart.Add(time.Duration(i)*time.Minute), 3+i).Subscription())
	}
	lcs, err := lifecycle.JudgeAll(subs, builtin)
	if err != nil {
		t.Fatal(err)
	}
	before := make([][]lifecycle.Phase, len(lcs))
	for i, lc := range lcs {
		before[i] = lc.Phases()
	}
	for i := range lcs {
		next := lcs[i]
		for k := range 5 {
			next, err = next.Apply(lifecycle.Command{Kind: lifecycle.CmdAddLicenses, Actor: lifecycle.GlobalAdmin, Licenses: 1},
				buildStart.Add(time.Hour+time.Duration(k)*time.Second))
			if err != nil {
				t.Fatal(err)
			}
		}
		sameAsJudged(t, next)
		for j, lc := range lcs {
			if diff := cmp.Diff(before[j], lc.Phases()); diff != "" {
				t.Fatalf("extending lcs[%d] changed lcs[%d] (-before +after):\n%s", i, j, diff)
			}
			sameAsJudged(t, lc)
		}
	}
}
