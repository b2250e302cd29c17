package lifecycle_test

import (
	"context"
	"fmt"
	"maps"
	"math/bits"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/looplab/fsm"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/lifecycle/lifecycletest"
	"github.com/lapse-go/lapse/policy"
)

// The package's benchmarks of answering: the physical floor (a binary
// search over a precomputed timeline), Lifecycle.At, every answer of a
// Status, Judge, the one-shot Evaluate, Phases, a sweep over a book of a
// hundred thousand or a million judged subscriptions, and, for scale, a
// looplab/fsm replay and one comparison of two instants.

// benchLifecycle is a typical annual MOSA subscription with a license
// change and recurring billing turned off (AC-01…AC-07), judged against
// the built-in table; benchStates has an instant in each of its states.
func benchLifecycle(tb testing.TB) lifecycle.Lifecycle {
	tb.Helper()
	sub := mustNew(tb, lifecycle.Spec{
		ID: "bench", Channel: policy.DirectMOSA, Term: policy.Annual,
		Start: utc(2025, 4, 1, 10, 0), End: day(2026, 3, 31), Licenses: 10, Assigned: 8, PaymentMethod: true, RecurringBilling: true,
		History: []lifecycle.Event{
			{Kind: lifecycle.ChangeLicenses, At: utc(2025, 6, 1, 9, 0), Licenses: 12, Assigned: 11, Actor: lifecycle.BillingAdmin},
			{Kind: lifecycle.RecurringBillingOff, At: utc(2026, 2, 1, 12, 0), Actor: lifecycle.BillingAdmin},
		},
	})
	return judge(tb, sub, builtin)
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

// Sinks keep results alive past a benchmark loop. Loops keep their last
// result in a local and store it once: storing to a global on every
// iteration costs write barriers.
var (
	benchSinkStatus lifecycle.Status
	benchSinkState  lifecycle.State
	benchSinkPhases []lifecycle.Phase
	benchSinkLC     lifecycle.Lifecycle
	benchSinkBool   bool
	benchSinkString string
)

// floorTimeline is a lifecycle reduced to what a lookup of the state
// needs: the phase starts in nanoseconds, in order, and their states.
type floorTimeline struct {
	starts []int64
	states []lifecycle.State
}

func newFloorTimeline(phases []lifecycle.Phase) floorTimeline {
	var tl floorTimeline
	for _, p := range phases {
		tl.starts = append(tl.starts, p.Start.UnixNano())
		tl.states = append(tl.states, p.State)
	}
	return tl
}

// floorState returns the state of the phase holding the instant t (Unix
// nanoseconds) by a plain binary search; zero before the first phase.
//
//go:noinline
func floorState(tl *floorTimeline, t int64) lifecycle.State {
	lo, hi := 0, len(tl.starts)
	for lo < hi { // the first phase that starts after t
		m := int(uint(lo+hi) >> 1)
		if tl.starts[m] <= t {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == 0 {
		return 0
	}
	return tl.states[lo-1]
}

// BenchmarkFloor is the physical floor of answering "what state at t": a
// binary search on t.UnixNano() over a timeline precomputed from
// lc.Phases(). BenchmarkAt answers the same question.
func BenchmarkFloor(b *testing.B) {
	tl := newFloorTimeline(benchLifecycle(b).Phases())
	for _, s := range benchStates {
		b.Run(s.name, func(b *testing.B) {
			at := s.at
			b.ReportAllocs()
			var last lifecycle.State
			for b.Loop() {
				last = floorState(&tl, at.UnixNano())
			}
			benchSinkState = last
			if last.String() != s.name {
				b.Fatalf("floor at %v = %v, want %s", at, last, s.name)
			}
		})
	}
}

// BenchmarkAt is Lifecycle.At followed by State on a judged lifecycle:
// the cost of a question once the subscription is judged.
func BenchmarkAt(b *testing.B) {
	lc := benchLifecycle(b)
	for _, s := range benchStates {
		b.Run(s.name, func(b *testing.B) {
			at := s.at
			b.ReportAllocs()
			var last lifecycle.State
			var err error
			for b.Loop() {
				var st lifecycle.Status
				st, err = lc.At(at)
				last = st.State()
			}
			benchSinkState = last
			if err != nil || last.String() != s.name {
				b.Fatalf("At(%v) = %v, %v; want %s", at, last, err, s.name)
			}
		})
	}
}

// Page holds every answer of a Status but Explain and Versions: what a
// status page shows. It is exported so that go-cmp reads it when embedded.
type Page struct {
	At, Since, NextAt                                       time.Time
	TermStart, TermEnd                                      clock.Date
	State, Next                                             lifecycle.State
	Cause, NextCause                                        lifecycle.Cause
	Trial, EST, Recurring                                   bool
	Licenses, Assigned                                      int
	ConflictUntil, ReactivateUntil, AdminCenterLagUntil     clock.Date
	CancelWindowEnd, CancelWindowClosesAt, ReactivateBefore time.Time
	PurgeNotBefore, PurgeDeadline                           clock.Date
	DataGoneBy, DeletedAt                                   time.Time
	Capabilities                                            lifecycle.Capabilities
}

// pageOf calls every answer method of st but Explain and Versions.
func pageOf(st lifecycle.Status) Page {
	return Page{
		At: st.At(), Since: st.Since(), NextAt: st.NextAt(), TermStart: st.TermStart(), TermEnd: st.TermEnd(),
		State: st.State(), Next: st.Next(), Cause: st.Cause(), NextCause: st.NextCause(),
		Trial: st.Trial(), EST: st.ExtendedServiceTerm(), Recurring: st.RecurringBilling(),
		Licenses: st.Licenses(), Assigned: st.Assigned(),
		ConflictUntil: st.LicenseConflictUntil(), ReactivateUntil: st.ReactivateUntil(), AdminCenterLagUntil: st.AdminCenterLagUntil(),
		CancelWindowEnd: st.CancelWindowEnd(), CancelWindowClosesAt: st.CancelWindowClosesAt(), ReactivateBefore: st.ReactivateBefore(),
		PurgeNotBefore: st.PurgeNotBefore(), PurgeDeadline: st.PurgeDeadline(), DataGoneBy: st.DataGoneBy(), DeletedAt: st.DeletedAt(),
		Capabilities: st.Capabilities(),
	}
}

// BenchmarkAtFull is Lifecycle.At followed by every answer of the Status
// (every instant, Capabilities, Licenses …; not Explain, not Versions):
// what a status page shows.
func BenchmarkAtFull(b *testing.B) {
	lc := benchLifecycle(b)
	for _, s := range benchStates {
		b.Run(s.name, func(b *testing.B) {
			at := s.at
			b.ReportAllocs()
			var last Page
			var err error
			for b.Loop() {
				var st lifecycle.Status
				st, err = lc.At(at)
				last = pageOf(st)
			}
			if err != nil || last.State.String() != s.name || last.Licenses != 12 || last.Assigned != 11 || !last.At.Equal(at) {
				b.Fatalf("At(%v) = %+v, %v; want %s with 12/11 licenses", at, last, err, s.name)
			}
		})
	}
}

// BenchmarkJudge judges the two-event fixture: the fold of its history
// into segments, once per subscription.
func BenchmarkJudge(b *testing.B) {
	sub := benchLifecycle(b).Subscription()
	b.ReportAllocs()
	var last lifecycle.Lifecycle
	var err error
	for b.Loop() {
		last, err = lifecycle.Judge(sub, builtin)
	}
	benchSinkLC = last
	if err != nil || len(last.Phases()) != 4 {
		b.Fatalf("Judge = %d phases, %v; want 4", len(last.Phases()), err)
	}
}

// benchEventsSub is the annual MOSA fixture without recurring billing
// turned off, with n license changes in its history.
func benchEventsSub(tb testing.TB, n int) lifecycle.Subscription {
	tb.Helper()
	spec := lifecycle.Spec{
		ID: "bench-events", Channel: policy.DirectMOSA, Term: policy.Annual,
		Start: utc(2025, 4, 1, 10, 0), End: day(2026, 3, 31), Licenses: 10, Assigned: 8, PaymentMethod: true, RecurringBilling: true,
	}
	for i := range n {
		spec.History = append(spec.History, lifecycle.Event{
			Kind: lifecycle.ChangeLicenses, At: utc(2025, 5, 1+i, 9, 0), Licenses: 11 + i, Assigned: 8, Actor: lifecycle.BillingAdmin,
		})
	}
	return mustNew(tb, spec)
}

// BenchmarkJudgeEvents judges the same subscription with 0, 1, 2, 4 and 8
// license changes in its history: the cost of Judge is a fixed part plus a
// part per event, which this shows apart.
func BenchmarkJudgeEvents(b *testing.B) {
	for _, n := range []int{0, 1, 2, 4, 8} {
		sub := benchEventsSub(b, n)
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			var last lifecycle.Lifecycle
			var err error
			for b.Loop() {
				last, err = lifecycle.Judge(sub, builtin)
			}
			benchSinkLC = last
			if err != nil {
				b.Fatal(err)
			}
			if st, err := last.At(date(2026, 2, 2)); err != nil || st.State() != lifecycle.Active || st.Licenses() != 10+n {
				b.Fatalf("Judge then At = %v with %d licenses, %v; want active with %d", st.State(), st.Licenses(), err, 10+n)
			}
		})
	}
}

// BenchmarkEvaluate is the one-shot Evaluate (Judge up to the instant and
// At) of the two-event fixture in each state, for a caller who asks once.
func BenchmarkEvaluate(b *testing.B) {
	sub := benchLifecycle(b).Subscription()
	for _, s := range benchStates {
		b.Run(s.name, func(b *testing.B) {
			at := s.at
			b.ReportAllocs()
			// The Status stays in the loop, as a caller's local variable:
			// its cell is on the stack (see Evaluate).
			var last lifecycle.State
			var err error
			for b.Loop() {
				var st lifecycle.Status
				st, err = lifecycle.Evaluate(sub, builtin, at)
				last = st.State()
			}
			benchSinkState = last
			if err != nil || last.String() != s.name {
				b.Fatalf("Evaluate at %v = %v, %v; want %s", at, last, err, s.name)
			}
		})
	}
}

// BenchmarkPhases lists the phases of the judged two-event fixture.
func BenchmarkPhases(b *testing.B) {
	lc := benchLifecycle(b)
	b.ReportAllocs()
	var last []lifecycle.Phase
	for b.Loop() {
		last = lc.Phases()
	}
	benchSinkPhases = last
	if len(last) != 4 || last[3].State != lifecycle.Deleted {
		b.Fatalf("Phases = %+v, want 4 ending Deleted", last)
	}
}

// A sweep answers, for every subscription of a book of business, its
// state at one instant, as a nightly billing job does.

// sweepAt is the instant of the sweep; every subscription of a sweep book
// started before it.
var sweepAt = date(2026, 6, 1)

// sweepShapes are the distinct subscriptions a sweep book is made of:
// 4096 subscriptions of lifecycletest.Cases over the built-in table
// (every channel and term, paid and trial, histories of up to eight events
// crossing policy versions), drawn deterministically with rapid's
// Example(i), keeping those that started within three years before
// sweepAt. They are drawn once per test binary.
var sweepShapes = sync.OnceValue(func() []lifecycle.Spec {
	const n = 4096
	g := lifecycletest.Cases(builtin, false)
	from := sweepAt.AddDate(-3, 0, 0)
	out := make([]lifecycle.Spec, 0, n)
	for i := 0; len(out) < n; i++ {
		c := g.Example(i)
		if s := c.Sub.Start(); !s.Before(from) && s.Before(sweepAt) {
			out = append(out, c.Sub.Spec())
		}
	}
	return out
})

// sweepBook is a book of n subscriptions, each its own value built with
// lifecycle.New (its own ID) from one of the sweep shapes in turn, judged
// against the built-in table one by one (Judge) or together (JudgeAll).
type sweepBook struct {
	subs []lifecycle.Subscription
	lcs  []lifecycle.Lifecycle
	// retained is the heap the judged lifecycles hold per subscription,
	// allocated what judging allocated per subscription, including garbage
	// (runtime.MemStats HeapAlloc and TotalAlloc around judging).
	retained, allocated float64
	// states counts the states at sweepAt.
	states map[lifecycle.State]int
	err    error
}

func buildSweepBook(n int, together bool) *sweepBook {
	shapes := sweepShapes()
	bk := &sweepBook{subs: make([]lifecycle.Subscription, n), lcs: make([]lifecycle.Lifecycle, n), states: map[lifecycle.State]int{}}
	for i := range bk.subs {
		spec := shapes[i%len(shapes)]
		spec.ID = fmt.Sprintf("sweep-%d", i)
		sub, err := lifecycle.New(spec)
		if err != nil {
			bk.err = err
			return bk
		}
		bk.subs[i] = sub
	}
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	if together {
		lcs, err := lifecycle.JudgeAll(bk.subs, builtin)
		if err != nil {
			bk.err = err
			return bk
		}
		copy(bk.lcs, lcs)
	} else {
		for i, sub := range bk.subs {
			lc, err := lifecycle.Judge(sub, builtin)
			if err != nil {
				bk.err = err
				return bk
			}
			bk.lcs[i] = lc
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&m1)
	bk.retained = float64(m1.HeapAlloc-m0.HeapAlloc) / float64(n)
	bk.allocated = float64(m1.TotalAlloc-m0.TotalAlloc) / float64(n)
	for i, lc := range bk.lcs {
		st, err := lc.At(sweepAt)
		if err != nil {
			bk.err = err
			return bk
		}
		bk.states[st.State()]++
		// A sample checked against the one-shot Evaluate, another path.
		if i%997 == 0 {
			one, err := lifecycle.Evaluate(bk.subs[i], builtin, sweepAt)
			if err != nil || one.State() != st.State() {
				bk.err = fmt.Errorf("subscription %d: At says %v, Evaluate %v, %v", i, st.State(), one.State(), err)
				return bk
			}
		}
	}
	return bk
}

// sweepBooks are the books by how they were judged and their size, each
// built on first use.
var sweepBooks = map[string]func() *sweepBook{
	"Judge/n=100000":     sync.OnceValue(func() *sweepBook { return buildSweepBook(100_000, false) }),
	"Judge/n=1000000":    sync.OnceValue(func() *sweepBook { return buildSweepBook(1_000_000, false) }),
	"JudgeAll/n=100000":  sync.OnceValue(func() *sweepBook { return buildSweepBook(100_000, true) }),
	"JudgeAll/n=1000000": sync.OnceValue(func() *sweepBook { return buildSweepBook(1_000_000, true) }),
}

// sweepNames are the books' names in the order the benchmarks run them.
var sweepNames = []string{"Judge/n=100000", "Judge/n=1000000", "JudgeAll/n=100000", "JudgeAll/n=1000000"}

// sweepBookFor returns the named book, building it on first use.
func sweepBookFor(b *testing.B, name string) *sweepBook {
	b.Helper()
	bk := sweepBooks[name]()
	if bk.err != nil {
		b.Fatalf("building the sweep book %s: %v", name, bk.err)
	}
	return bk
}

// checkSweep fails b unless the states counted in one sweep, counts[s]
// subscriptions in state s, are the book's.
func checkSweep(b *testing.B, bk *sweepBook, counts *[256]int, errs int) {
	b.Helper()
	if errs != 0 {
		b.Fatalf("%d subscriptions answered with an error", errs)
	}
	got := map[lifecycle.State]int{}
	for s, c := range counts {
		if c > 0 {
			got[lifecycle.State(s)] = c
		}
	}
	if !maps.Equal(got, bk.states) {
		b.Fatalf("sweep counted %v, the book %v", got, bk.states)
	}
	if bk.states[lifecycle.Active] == 0 || bk.states[lifecycle.Deleted] == 0 {
		b.Fatalf("the book is not mixed: %v", bk.states)
	}
}

// reportSweep reports the subscriptions answered per second and the bytes
// per judged subscription.
func reportSweep(b *testing.B, bk *sweepBook, subs float64) {
	b.ReportMetric(subs/b.Elapsed().Seconds(), "subs/s")
	b.ReportMetric(bk.retained, "B/sub")
	b.ReportMetric(bk.allocated, "allocB/sub")
}

// BenchmarkSweep answers At(sweepAt).State() for every subscription of a
// judged book; an op is one sweep of the book. The books judged together
// (JudgeAll) are stored side by side, those judged one by one (Judge)
// wherever the allocator put them.
func BenchmarkSweep(b *testing.B) {
	for _, name := range sweepNames {
		b.Run(name, func(b *testing.B) {
			bk := sweepBookFor(b, name)
			at := sweepAt
			b.ReportAllocs()
			var counts [256]int
			errs := 0
			for b.Loop() {
				counts, errs = [256]int{}, 0
				for _, lc := range bk.lcs {
					st, err := lc.At(at)
					if err != nil {
						errs++
					}
					counts[st.State()]++
				}
			}
			reportSweep(b, bk, float64(len(bk.lcs))*float64(b.N))
			checkSweep(b, bk, &counts, errs)
		})
	}
}

// BenchmarkSweepFloor is the floor of a sweep: BenchmarkFloor's search
// over the phase starts of every subscription of the book judged with
// JudgeAll, the starts and states of all of them packed side by side (a
// timeline's two slices and about 3 phases, some 80 bytes a
// subscription). It shows what the memory of this machine allows.
func BenchmarkSweepFloor(b *testing.B) {
	for _, size := range []string{"n=100000", "n=1000000"} {
		b.Run(size, func(b *testing.B) {
			bk := sweepBookFor(b, "JudgeAll/"+size)
			var starts []int64
			var states []lifecycle.State
			ends := make([]int, len(bk.lcs)) // where each subscription's phases end
			for i, lc := range bk.lcs {
				for _, p := range lc.Phases() {
					starts = append(starts, p.Start.UnixNano())
					states = append(states, p.State)
				}
				ends[i] = len(starts)
			}
			tls := make([]floorTimeline, len(bk.lcs))
			for i, hi := range ends {
				lo := 0
				if i > 0 {
					lo = ends[i-1]
				}
				tls[i] = floorTimeline{starts: starts[lo:hi:hi], states: states[lo:hi:hi]}
			}
			at := sweepAt.UnixNano()
			var counts [256]int
			for b.Loop() {
				counts = [256]int{}
				for i := range tls {
					counts[floorState(&tls[i], at)]++
				}
			}
			b.ReportMetric(float64(len(tls))*float64(b.N)/b.Elapsed().Seconds(), "subs/s")
			checkSweep(b, bk, &counts, 0)
		})
	}
}

// BenchmarkSweepParallel is BenchmarkSweep on every CPU: each goroutine
// answers subscriptions of the book in turn; an op is one subscription.
func BenchmarkSweepParallel(b *testing.B) {
	for _, name := range sweepNames {
		b.Run(name, func(b *testing.B) {
			bk := sweepBookFor(b, name)
			n := len(bk.lcs)
			at := sweepAt
			var next, errs, answered atomic.Int64
			b.ReportAllocs()
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				i := int(next.Add(int64(n/7+1))) % n // goroutines start apart
				var local, bad int64
				for pb.Next() {
					st, err := bk.lcs[i].At(at)
					if err != nil || !st.State().IsValid() {
						bad++
					}
					local++
					if i++; i == n {
						i = 0
					}
				}
				answered.Add(local)
				errs.Add(bad)
			})
			b.StopTimer()
			reportSweep(b, bk, float64(answered.Load()))
			if errs.Load() != 0 || answered.Load() != int64(b.N) {
				b.Fatalf("%d of %d answers failed (b.N %d)", errs.Load(), answered.Load(), b.N)
			}
		})
	}
}

// BenchmarkSweepJudge judges every subscription of a book from its plain
// Subscription and answers At(sweepAt).State() — one by one (Judge then
// At), together (JudgeAll then At) or by the one-shot Evaluate: a sweep
// that keeps no judged lifecycles between runs. An op is one sweep of the
// book.
func BenchmarkSweepJudge(b *testing.B) {
	for _, way := range []string{"Judge", "JudgeAll", "Evaluate"} {
		for _, size := range []string{"n=100000", "n=1000000"} {
			b.Run(way+"/"+size, func(b *testing.B) {
				bk := sweepBookFor(b, "Judge/"+size)
				at := sweepAt
				b.ReportAllocs()
				var counts [256]int
				errs := 0
				for b.Loop() {
					counts, errs = [256]int{}, 0
					switch way {
					case "Judge":
						for _, sub := range bk.subs {
							lc, err := lifecycle.Judge(sub, builtin)
							st, err2 := lc.At(at)
							if err != nil || err2 != nil {
								errs++
							}
							counts[st.State()]++
						}
					case "JudgeAll":
						lcs, err := lifecycle.JudgeAll(bk.subs, builtin)
						if err != nil {
							errs++
						}
						for _, lc := range lcs {
							st, err := lc.At(at)
							if err != nil {
								errs++
							}
							counts[st.State()]++
						}
					case "Evaluate":
						for _, sub := range bk.subs {
							st, err := lifecycle.Evaluate(sub, builtin, at)
							if err != nil {
								errs++
							}
							counts[st.State()]++
						}
					}
				}
				b.ReportMetric(float64(len(bk.subs))*float64(b.N)/b.Elapsed().Seconds(), "subs/s")
				checkSweep(b, bk, &counts, errs)
			})
		}
	}
}

// BenchmarkInstantCompare is a calibration: one comparison of two
// time.Time values, to give the machine's scale next to At.
func BenchmarkInstantCompare(b *testing.B) {
	t0, t1 := utc(2025, 4, 1, 10, 0), date(2026, 2, 2)
	b.ReportAllocs()
	var last bool
	for b.Loop() {
		last = t0.Before(t1)
	}
	benchSinkBool = last
	if !last {
		b.Fatal("Before = false")
	}
}

// benchFSMEvents is the lifecycle as a looplab/fsm machine with string
// states and events, as a scheduler-driven billing system would hold it.
var benchFSMEvents = fsm.Events{
	{Name: "turn-off-recurring-billing", Src: []string{"active"}, Dst: "active"},
	{Name: "cancel", Src: []string{"active"}, Dst: "disabled"},
	{Name: "expire", Src: []string{"active"}, Dst: "expired"},
	{Name: "disable", Src: []string{"expired"}, Dst: "disabled"},
	{Name: "reactivate", Src: []string{"expired", "disabled"}, Dst: "active"},
	{Name: "delete", Src: []string{"disabled"}, Dst: "deleted"},
}

// BenchmarkFSMReplay replays the same lifecycle through a freshly built
// looplab/fsm machine each iteration, for comparison with BenchmarkAt and
// BenchmarkEvaluate in the same run. The machine knows no dates: the
// caller must already know which transitions happened, which is what
// Judge computes.
func BenchmarkFSMReplay(b *testing.B) {
	ctx := context.Background()
	for _, s := range benchStates {
		b.Run(s.name, func(b *testing.B) {
			b.ReportAllocs()
			var last string
			for b.Loop() {
				m := fsm.NewFSM("active", benchFSMEvents, nil)
				_ = m.Event(ctx, "turn-off-recurring-billing") // a self-transition: fsm.NoTransitionError
				for _, e := range s.fsmEvents {
					if err := m.Event(ctx, e); err != nil {
						b.Fatal(err)
					}
				}
				last = m.Current()
			}
			benchSinkString = last
			if last != s.name {
				b.Fatalf("fsm ended in %q, want %q", last, s.name)
			}
		})
	}
}

// TestAnswerAllocs: At allocates nothing, in every state and for every
// acceptance row; nor does Evaluate when its Status stays a local
// variable (the segment and fold it points at are on the caller's stack);
// Judge at most three (its segments' marks
// and details, and its folds), Phases only the slice it returns. Allocation counts, unlike timings,
// are deterministic, so they are a test.
func TestAnswerAllocs(t *testing.T) {
	lc := benchLifecycle(t)
	sub := lc.Subscription()
	for _, s := range benchStates {
		if n := testing.AllocsPerRun(100, func() { benchSinkStatus, _ = lc.At(s.at) }); n != 0 {
			t.Errorf("At(%s) allocates %v times, want 0", s.name, n)
		}
		if n := testing.AllocsPerRun(100, func() { st, _ := lifecycle.Evaluate(sub, builtin, s.at); benchSinkState = st.State() }); n != 0 {
			t.Errorf("Evaluate(%s) allocates %v times, want 0", s.name, n)
		}
	}
	for _, r := range acceptanceRows(t) {
		rlc := judge(t, r.sub, r.table)
		if n := testing.AllocsPerRun(20, func() { benchSinkStatus, _ = rlc.At(r.at) }); n != 0 {
			t.Errorf("At(%s) allocates %v times, want 0", r.name, n)
		}
		if n := testing.AllocsPerRun(20, func() { st, _ := lifecycle.Evaluate(r.sub, r.table, r.at); benchSinkState = st.State() }); n != 0 {
			t.Errorf("Evaluate(%s) allocates %v times, want 0", r.name, n)
		}
		if n := testing.AllocsPerRun(20, func() { benchSinkLC, _ = lifecycle.Judge(r.sub, r.table) }); n > 3 {
			t.Errorf("Judge(%s) allocates %v times, want at most 3", r.name, n)
		}
		// Phases allocates only the slice it returns, grown by append: at
		// most one allocation per doubling of its length.
		if n, most := testing.AllocsPerRun(20, func() { benchSinkPhases = rlc.Phases() }), bits.Len(uint(len(rlc.Phases())-1))+1; n > float64(most) {
			t.Errorf("Phases(%s) allocates %v times, want at most %d", r.name, n, most)
		}
	}
}
