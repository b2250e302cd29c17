package lifecycle_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/lifecycle/lifecycletest"
)

// windowInstants returns instants of lc around which answers change, each
// with the nanoseconds either side: phase starts, events, the purchase,
// the deadlines themselves, where the cancellation window ends (and the
// day after, where an inclusive window of days closes), and the instants
// of boundaryInstants; all of them, not only those after the last event.
func windowInstants(tb fataler, lc lifecycle.Lifecycle) []time.Time {
	tb.Helper()
	sub := lc.Subscription()
	bs := []time.Time{sub.Start()}
	for _, ph := range lc.Phases() {
		bs = append(bs, ph.Start)
	}
	for _, e := range sub.History() {
		bs = append(bs, e.At)
	}
	bs = append(bs, boundaryInstants(lc)...)
	for _, t := range slices.Clone(bs) {
		if st, err := lc.At(t); err == nil && !st.CancelWindowEnd().IsZero() {
			bs = append(bs, st.CancelWindowEnd(), st.CancelWindowEnd().AddDate(0, 0, 1))
		}
	}
	if seq, err := lc.Deadlines(sub.Start().Add(-time.Nanosecond), time.Date(2190, 1, 1, 0, 0, 0, 0, time.UTC)); err == nil {
		n := 0
		for d := range seq {
			if n++; n > 64 {
				break
			}
			bs = append(bs, d.At)
		}
	}
	var out []time.Time
	for _, b := range bs {
		for _, d := range []time.Duration{-time.Nanosecond, 0, time.Nanosecond} {
			if t := b.Add(d); t.Year() < 2190 {
				out = append(out, t)
			}
		}
	}
	slices.SortFunc(out, time.Time.Compare)
	return slices.CompactFunc(out, time.Time.Equal)
}

// TestDeadlinesProperty checks Deadlines of generated subscriptions of
// every channel (with the [AMBIGUOUS] knobs perturbed) over windows whose
// ends lie at or beside their boundaries, against the other answers of
// the package:
//
//   - every deadline lies in (from, to], in order of instant and kind,
//     none twice, and States is the state of At at its instant;
//   - the PhaseBegins deadlines are exactly the starts of Phases in the
//     window, and At changes phase there: Since is the instant, not an
//     instant before;
//   - a renewal keeps the phase and starts a new term; data is gone from
//     DataGone on and was not an instant before;
//   - after the last event, a cancellation (reactivation) is refused to
//     every role from CancelWindowCloses (ReactivationEnds) on; and where
//     Check starts refusing a cancellation for its window, or every
//     reactivation, within a phase, a deadline says so;
//   - as known at from, when no event follows from: the first phase to
//     begin is the status's Next at NextAt;
//   - a window split in two lists the same deadlines.
func TestDeadlinesProperty(t *testing.T) {
	atLeastChecks(t, 300)
	rapid.Check(t, propDeadlines)
}

// FuzzDeadlines is TestDeadlinesProperty as a fuzz target.
func FuzzDeadlines(f *testing.F) { f.Fuzz(rapid.MakeFuzz(propDeadlines)) }

func propDeadlines(t *rapid.T) {
	c := lifecycletest.Cases(builtin, true).Draw(t, "case")
	lc, err := lifecycle.Judge(c.Sub, c.Table)
	if err != nil {
		t.Fatalf("Judge: %v", err)
	}
	sub := lc.Subscription()
	instants := windowInstants(t, lc)
	from := rapid.SampledFrom(instants).Draw(t, "from")
	to := rapid.SampledFrom(instants).Draw(t, "to")
	if to.Before(from) {
		from, to = to, from
	}
	got := deadlinesOf(t, lc, from, to)
	last := sub.Start()
	if e, ok := sub.Event(sub.Len() - 1); ok {
		last = e.At
	}
	events := map[int64]bool{}
	for _, e := range sub.History() {
		events[e.At.UnixNano()] = true
	}
	at := func(x time.Time) (lifecycle.Status, bool) {
		st, err := lc.At(x)
		return st, err == nil
	}

	// In the window, in order, once each, with the state at their instant.
	for i, d := range got {
		if !d.At.After(from) || d.At.After(to) {
			t.Fatalf("%v at %v outside (%v, %v]", d.Kind, d.At, from, to)
		}
		if i > 0 {
			p := got[i-1]
			if d.At.Before(p.At) || (d.At.Equal(p.At) && d.Kind <= p.Kind) {
				t.Fatalf("out of order or repeated: %v at %v after %v at %v", d.Kind, d.At, p.Kind, p.At)
			}
		}
		if !d.Kind.IsValid() || d.Rules == "" || d.At.Location() != time.UTC {
			t.Fatalf("malformed deadline %+v", d)
		}
		st, ok := at(d.At)
		if !ok || st.State() != d.State {
			t.Fatalf("%v at %v: State %v, At says %v", d.Kind, d.At, d.State, st.State())
		}
	}

	// PhaseBegins are the phase starts of the window.
	type begin struct {
		At    time.Time
		State lifecycle.State
		Cause lifecycle.Cause
	}
	var want, have []begin
	for _, ph := range lc.Phases() {
		if ph.Start.After(from) && !ph.Start.After(to) {
			want = append(want, begin{ph.Start, ph.State, ph.Cause})
		}
	}
	for _, d := range got {
		if d.Kind == lifecycle.PhaseBegins {
			have = append(have, begin{d.At, d.State, d.Cause})
		}
	}
	if diff := cmp.Diff(want, have); diff != "" {
		t.Fatalf("PhaseBegins in (%v, %v] differ from Phases (-Phases +Deadlines):\n%s", from, to, diff)
	}

	for _, d := range got {
		st, _ := at(d.At)
		pre, hasPre := at(d.At.Add(-time.Nanosecond))
		switch d.Kind {
		case lifecycle.PhaseBegins:
			if !st.Since().Equal(d.At) || st.Cause() != d.Cause || (hasPre && pre.Since().Equal(d.At)) {
				t.Fatalf("phase at %v: At says since %v (%v), an instant before since %v", d.At, st.Since(), st.Cause(), pre.Since())
			}
		case lifecycle.TermRenews:
			if !hasPre || st.State() != lifecycle.Active || pre.State() != lifecycle.Active || !pre.Since().Equal(st.Since()) ||
				cmp.Equal(termStartOf(pre), termStartOf(st)) {
				t.Fatalf("renewal at %v: %v since %v (term from %v), an instant before %v since %v (term from %v)",
					d.At, st.State(), st.Since(), termStartOf(st), pre.State(), pre.Since(), termStartOf(pre))
			}
		case lifecycle.DataGone:
			if g := st.DataGoneBy(); g.IsZero() || g.After(d.At) || (hasPre && !pre.DataGoneBy().IsZero() && !pre.DataGoneBy().After(pre.At())) {
				t.Fatalf("data gone at %v: DataGoneBy %v there, %v an instant before", d.At, g, pre.DataGoneBy())
			}
		case lifecycle.CancelWindowCloses:
			if d.At.Add(-time.Nanosecond).Before(last) {
				continue // Check refuses every command before the last event
			}
			if r, err := acceptedBy(lc, lifecycle.CmdCancelNow, d.At); r.IsValid() {
				t.Fatalf("window closed at %v, but %v may cancel (%v)", d.At, r, err)
			}
		case lifecycle.ReactivationEnds:
			if d.At.Add(-time.Nanosecond).Before(last) {
				continue
			}
			if r, err := acceptedBy(lc, lifecycle.CmdReactivate, d.At); r.IsValid() {
				t.Fatalf("reactivation ended at %v, but %v may reactivate (%v)", d.At, r, err)
			}
		}
	}

	// Where Check's answers change by time within a phase, a deadline.
	listed := func(kind lifecycle.DeadlineKind, x time.Time) bool {
		return slices.ContainsFunc(got, func(d lifecycle.Deadline) bool { return d.Kind == kind && d.At.Equal(x) })
	}
	for _, x := range instants {
		pre := x.Add(-time.Nanosecond)
		if !x.After(from) || x.After(to) || pre.Before(last) || events[x.UnixNano()] {
			continue
		}
		if windowRefuses(lc, x) && !windowRefuses(lc, pre) && !listed(lifecycle.CancelWindowCloses, x) {
			st, _ := at(x)
			t.Fatalf("Check refuses cancelling for the window from %v (%v since %v), but no deadline says so: %v", x, st.State(), st.Since(), got)
		}
		if reactivationOpen(lc, pre) && !reactivationOpen(lc, x) && !listed(lifecycle.ReactivationEnds, x) {
			t.Fatalf("reactivation possible at %v, not at %v, but no deadline says so: %v", pre, x, got)
		}
	}

	// As known at from.
	if st, ok := at(from); ok && !from.Before(last) {
		var first *lifecycle.Deadline
		for i := range got {
			if got[i].Kind == lifecycle.PhaseBegins {
				first = &got[i]
				break
			}
		}
		switch {
		case st.Next().IsValid() && !st.NextAt().After(to):
			if first == nil || !first.At.Equal(st.NextAt()) || first.State != st.Next() || first.Cause != st.NextCause() {
				t.Fatalf("at %v the next phase is %v on %v (%v); Deadlines' first phase %+v", from, st.Next(), st.NextAt(), st.NextCause(), first)
			}
		case !st.Next().IsValid() && first != nil:
			t.Fatalf("at %v nothing follows, but Deadlines lists %+v", from, *first)
		}
		if g := st.DataGoneBy(); g.After(from) && !g.After(to) && !listed(lifecycle.DataGone, g) {
			t.Fatalf("at %v data is gone by %v, not listed: %v", from, g, got)
		}
	}

	// Split in two.
	mid := rapid.SampledFrom(instants).Draw(t, "mid")
	if mid.After(from) && mid.Before(to) {
		parts := append(deadlinesOf(t, lc, from, mid), deadlinesOf(t, lc, mid, to)...)
		if diff := cmp.Diff(got, parts); diff != "" {
			t.Fatalf("(%v, %v] split at %v (-whole +parts):\n%s", from, to, mid, diff)
		}
	}
}

// termStartOf returns the first day of the status's term, whatever its
// type.
func termStartOf(st lifecycle.Status) any { return st.TermStart() }

// acceptedBy returns a role whose kind of command Check accepts at x, with
// representative counts, or the zero Role when none.
func acceptedBy(lc lifecycle.Lifecycle, kind lifecycle.CommandKind, x time.Time) (lifecycle.Role, error) {
	for _, r := range allRoles {
		if err := lc.Check(lifecycle.Command{Kind: kind, Actor: r}, x); err == nil {
			return r, nil
		}
	}
	return 0, nil
}

// windowRefuses reports whether Check refuses some role's cancellation at
// x because the window is closed.
func windowRefuses(lc lifecycle.Lifecycle, x time.Time) bool {
	for _, r := range allRoles {
		if err := lc.Check(lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: r}, x); errors.Is(err, lifecycle.ErrWindowClosed) {
			return true
		}
	}
	return false
}

// reactivationOpen reports whether some role's reactivation at x passes
// the event graph, the role and the reactivation window: accepted, or
// refused only for a payment method (R-REA-4) or the end of sales (C-23).
// An Active subscription has nothing to reactivate (its refusal is a
// precondition too: it would change nothing).
func reactivationOpen(lc lifecycle.Lifecycle, x time.Time) bool {
	if st, err := lc.At(x); err != nil || st.State() == lifecycle.Active {
		return false
	}
	for _, r := range allRoles {
		err := lc.Check(lifecycle.Command{Kind: lifecycle.CmdReactivate, Actor: r}, x)
		if err == nil || errors.Is(err, lifecycle.ErrPrecondition) || errors.Is(err, lifecycle.ErrSalesEnded) {
			return true
		}
	}
	return false
}
