package lifecycle_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/lifecycle/lifecycletest"
)

// transitionsOf returns the transitions of lcs in (from, to] or fails the
// test.
func transitionsOf(tb fataler, lcs []lifecycle.Lifecycle, from, to time.Time) []lifecycle.Transition {
	tb.Helper()
	seq, err := lifecycle.Transitions(lcs, from, to)
	if err != nil {
		tb.Fatalf("Transitions(%v, %v): %v", from, to, err)
	}
	return collect(seq)
}

// portfolio is the book of the Transitions tests: AC-01…AC-07 twice (two
// subscriptions that expire at the same instant), AC-08 (cancelled), a
// CSP monthly subscription (renewals are no transitions) and a trial that
// ends.
func portfolio(tb testing.TB) []lifecycle.Lifecycle {
	twin := exampleSub().Spec()
	twin.ID = "twin"
	var lcs []lifecycle.Lifecycle
	for _, spec := range []lifecycle.Spec{exampleSub().Spec(), ac08Spec(), cspMonthlySpec(), trialSpec(false), twin} {
		lcs = append(lcs, judge(tb, mustNew(tb, spec), builtin))
	}
	return lcs
}

// TestTransitions asks the portfolio what changed over nights (from the
// previous run's instant to this one's), a month and the whole span.
func TestTransitions(t *testing.T) {
	lcs := portfolio(t)
	tr := func(i int, from, to lifecycle.State, c lifecycle.Cause, at time.Time) lifecycle.Transition {
		return lifecycle.Transition{Index: i, From: from, To: to, Cause: c, At: at}
	}
	const active, expired, disabled, deleted = lifecycle.Active, lifecycle.Expired, lifecycle.Disabled, lifecycle.Deleted
	tests := []struct {
		name     string
		from, to time.Time
		want     []lifecycle.Transition
		reason   string
	}{{
		name: "a run at 00:00Z sees what began at 00:00Z", from: date(2026, 3, 30), to: date(2026, 3, 31),
		want: []lifecycle.Transition{
			tr(0, active, expired, lifecycle.TermEnded, date(2026, 3, 31)),
			tr(4, active, expired, lifecycle.TermEnded, date(2026, 3, 31)),
		},
		reason: "DC-3a: Expired from E = 2026-03-31, visible at 00:00Z; ties by index; the trial's Expired began at 2026-03-30 00:00Z, the previous run's instant, reported then",
	}, {
		name: "the night before", from: date(2026, 3, 29), to: date(2026, 3, 30),
		want: []lifecycle.Transition{
			tr(3, active, expired, lifecycle.TrialEnded, date(2026, 3, 30)),
		},
		reason: "R-TRI-3, R-TRI-5: the trial ends on its end date",
	}, {
		name: "a purchase and a cancellation", from: utc(2026, 4, 19, 22, 0), to: utc(2026, 4, 20, 22, 0),
		want: []lifecycle.Transition{
			tr(1, 0, active, lifecycle.Purchased, utc(2026, 4, 20, 8, 0)),
		},
		reason: "a subscription bought during the night is a transition from no state",
	}, {
		name: "April and May", from: date(2026, 4, 1), to: date(2026, 6, 1),
		want: []lifecycle.Transition{
			tr(1, 0, active, lifecycle.Purchased, utc(2026, 4, 20, 8, 0)),
			tr(3, expired, deleted, lifecycle.GraceEnded, date(2026, 4, 29)),
			tr(0, expired, disabled, lifecycle.GraceEnded, date(2026, 4, 30)),
			tr(4, expired, disabled, lifecycle.GraceEnded, date(2026, 4, 30)),
			tr(1, active, disabled, lifecycle.Cancelled, utc(2026, 5, 10, 9, 0)),
		},
		reason: "in order of instant across subscriptions; the CSP subscription renews monthly: no transition",
	}, {
		name: "nothing changes", from: date(2026, 6, 1), to: date(2026, 7, 1),
		reason: "every subscription stays in its phase",
	}}
	for _, tt := range tests {
		got := transitionsOf(t, lcs, tt.from, tt.to)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: Transitions(%v, %v) mismatch (-want +got) (%s):\n%s", tt.name, tt.from, tt.to, tt.reason, diff)
		}
		for _, loc := range locations(t) {
			if diff := cmp.Diff(got, transitionsOf(t, lcs, tt.from.In(loc), tt.to.In(loc))); diff != "" {
				t.Errorf("%s: Transitions in %v differs from UTC (-UTC +%v):\n%s", tt.name, loc, loc, diff)
			}
		}
	}
}

// TestTransitionsBoundaries: the interval is (from, to] for every
// transition of the portfolio, with its ends just before, at and just
// after it.
func TestTransitionsBoundaries(t *testing.T) {
	lcs := portfolio(t)
	for _, x := range transitionsOf(t, lcs, date(2020, 1, 1), date(2030, 1, 1)) {
		tests := []struct {
			name     string
			from, to time.Time
			want     bool
		}{
			{"to just before", x.At.Add(-time.Hour), x.At.Add(-time.Nanosecond), false},
			{"to at", x.At.Add(-time.Hour), x.At, true},
			{"to just after", x.At.Add(-time.Hour), x.At.Add(time.Nanosecond), true},
			{"from just before", x.At.Add(-time.Nanosecond), x.At.Add(time.Hour), true},
			{"from at", x.At, x.At.Add(time.Hour), false},
			{"from just after", x.At.Add(time.Nanosecond), x.At.Add(time.Hour), false},
		}
		for _, tt := range tests {
			got := slices.Contains(transitionsOf(t, lcs, tt.from, tt.to), x)
			if got != tt.want {
				t.Errorf("%+v, window %s (%v, %v]: listed %v, want %v", x, tt.name, tt.from, tt.to, got, tt.want)
			}
		}
	}
}

// TestTransitionsErrors: bad instants are a *FieldError with an empty
// sequence; zero lifecycles are a *BatchError each, and the others are
// still answered.
func TestTransitionsErrors(t *testing.T) {
	lcs := portfolio(t)
	at := date(2026, 6, 1)
	for _, tt := range []struct {
		name     string
		from, to time.Time
		field    string
	}{
		{"zero from", time.Time{}, at, "from"},
		{"zero to", at, time.Time{}, "to"},
		{"from before 1900", date(1899, 12, 31), at, "from"},
		{"to at 2200", at, date(2200, 1, 1), "to"},
		{"to before from", at, at.Add(-time.Nanosecond), "to"},
	} {
		seq, err := lifecycle.Transitions(lcs, tt.from, tt.to)
		var fe *lifecycle.FieldError
		if !errors.As(err, &fe) || fe.Field != tt.field || !errors.Is(err, lifecycle.ErrInvalid) {
			t.Errorf("%s: error %v, want a *FieldError on %s", tt.name, err, tt.field)
		}
		if got := collect(seq); len(got) != 0 {
			t.Errorf("%s: the sequence with the error yields %v", tt.name, got)
		}
	}

	from, to := date(2026, 4, 1), date(2026, 6, 1)
	want := transitionsOf(t, lcs, from, to)
	holes := []lifecycle.Lifecycle{{}, lcs[0], lcs[1], {}, lcs[2], lcs[3], lcs[4]} // zero at 0 and 3
	seq, err := lifecycle.Transitions(holes, from, to)
	var idx []int
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var be *lifecycle.BatchError
		if !errors.As(e, &be) || !errors.Is(e, lifecycle.ErrInvalid) {
			t.Fatalf("error %v: not a *BatchError matching ErrInvalid", e)
		}
		idx = append(idx, be.Index)
	}
	if !slices.Equal(idx, []int{0, 3}) {
		t.Errorf("BatchError indices %v, want [0 3]", idx)
	}
	where := []int{1, 2, 4, 5, 6} // the index of lcs[i] in holes
	for i := range want {
		want[i].Index = where[want[i].Index]
	}
	if diff := cmp.Diff(want, collect(seq)); diff != "" {
		t.Errorf("transitions of the lifecycles besides the zero ones (-want +got):\n%s", diff)
	}
}

// TestTransitionsStopEarly: a loop that breaks gets a prefix.
func TestTransitionsStopEarly(t *testing.T) {
	lcs := portfolio(t)
	from, to := date(2020, 1, 1), date(2030, 1, 1)
	all := transitionsOf(t, lcs, from, to)
	seq, _ := lifecycle.Transitions(lcs, from, to)
	for n := 1; n < len(all); n++ {
		var got []lifecycle.Transition
		for x := range seq {
			if got = append(got, x); len(got) == n {
				break
			}
		}
		if diff := cmp.Diff(all[:n], got); diff != "" {
			t.Errorf("first %d (-want +got):\n%s", n, diff)
		}
	}
}

// TestTransitionsPartition: for generated portfolios and consecutive
// windows t0 < t1 < … < tk (nightly runs, each from the last one's
// instant), the windows' transitions, one after the other, are exactly
// the phase starts of Phases in (t0, tk] — none repeated, none missed —
// in order of instant and index, each from the state of the phase before.
func TestTransitionsPartition(t *testing.T) {
	atLeastChecks(t, 300)
	rapid.Check(t, propTransitionsPartition)
}

// FuzzTransitionsPartition is TestTransitionsPartition as a fuzz target.
func FuzzTransitionsPartition(f *testing.F) { f.Fuzz(rapid.MakeFuzz(propTransitionsPartition)) }

func propTransitionsPartition(t *rapid.T) {
	n := rapid.IntRange(1, 5).Draw(t, "subscriptions")
	var lcs []lifecycle.Lifecycle
	var instants []time.Time
	for i := range n {
		c := lifecycletest.Cases(builtin, true).Draw(t, fmt.Sprint("case ", i))
		lc, err := lifecycle.Judge(c.Sub, c.Table)
		if err != nil {
			t.Fatalf("Judge: %v", err)
		}
		lcs = append(lcs, lc)
		for _, ph := range lc.Phases() {
			instants = append(instants, ph.Start.Add(-time.Nanosecond), ph.Start, ph.Start.Add(time.Nanosecond))
		}
	}
	runs := rapid.SliceOfN(rapid.SampledFrom(instants), 2, 8).Draw(t, "runs")
	slices.SortFunc(runs, time.Time.Compare)

	var want []lifecycle.Transition
	for i, lc := range lcs {
		phases := lc.Phases()
		for k, ph := range phases {
			if ph.Start.After(runs[0]) && !ph.Start.After(runs[len(runs)-1]) {
				x := lifecycle.Transition{Index: i, To: ph.State, Cause: ph.Cause, At: ph.Start}
				if k > 0 {
					x.From = phases[k-1].State
				}
				want = append(want, x)
			}
		}
	}
	slices.SortStableFunc(want, func(a, b lifecycle.Transition) int { return a.At.Compare(b.At) }) // by index within an instant: appended so

	var got []lifecycle.Transition
	for k := 1; k < len(runs); k++ {
		got = append(got, transitionsOf(t, lcs, runs[k-1], runs[k])...)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("runs %v (-Phases +Transitions):\n%s", runs, diff)
	}
	if diff := cmp.Diff(want, transitionsOf(t, lcs, runs[0], runs[len(runs)-1])); diff != "" {
		t.Fatalf("one window over the runs (-Phases +Transitions):\n%s", diff)
	}
}

// TestTransitionsOfZeroValues: the sequences returned for zero and
// empty inputs can be ranged over without a panic.
func TestTransitionsOfZeroValues(t *testing.T) {
	for _, lcs := range [][]lifecycle.Lifecycle{nil, {{}}} {
		for _, at := range []time.Time{{}, date(2026, 1, 1)} {
			seq, _ := lifecycle.Transitions(lcs, at, at)
			if got := collect(seq); len(got) != 0 {
				t.Errorf("Transitions(%v, %v) yields %v", lcs, at, got)
			}
		}
	}
}

// BenchmarkTransitions asks a book of 10,000 generated subscriptions
// (every channel and term, histories crossing versions) what changed in
// one night (the night to 2026-05-28 00:00Z: 14 transitions) and in 30
// days (112).
func BenchmarkTransitions(b *testing.B) {
	shapes := sweepShapes()
	subs := make([]lifecycle.Subscription, 10_000)
	for i := range subs {
		spec := shapes[i%len(shapes)]
		spec.ID = fmt.Sprint("night-", i)
		subs[i] = mustNew(b, spec)
	}
	lcs, err := lifecycle.JudgeAll(subs, builtin)
	if err != nil {
		b.Fatal(err)
	}
	for _, w := range []struct {
		name     string
		from, to time.Time
	}{
		{"night", date(2026, 5, 27), date(2026, 5, 28)},
		{"30-days", sweepAt.AddDate(0, 0, -30), sweepAt},
	} {
		b.Run(w.name, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				seq, err := lifecycle.Transitions(lcs, w.from, w.to)
				if err != nil {
					b.Fatal(err)
				}
				n = 0
				for range seq {
					n++
				}
			}
			b.ReportMetric(float64(n), "transitions/op")
		})
	}
}
