package lifecycle_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/lifecycle/lifecycletest"
	"github.com/lapse-go/lapse/policy"
)

// The properties of issue 2, each checked with rapid.Check in a test and
// exported as a fuzz target with rapid.MakeFuzz. They run on cases drawn
// by lifecycletest from the built-in table with perturbed rules (every
// version perturbed alike), so the [AMBIGUOUS] alternatives are covered as
// well as the defaults, and histories cross policy versions.

// drawnCase is a generated subscription with the table that judges it,
// its judged lifecycle and its phases.
type drawnCase struct {
	lifecycletest.Case
	lc lifecycle.Lifecycle
	ph []lifecycle.Phase
}

// drawCase draws a case and judges it.
func drawCase(t *rapid.T) drawnCase {
	c := lifecycletest.Cases(policy.Builtin(), true).Draw(t, "case")
	lc, err := lifecycle.Judge(c.Sub, c.Table)
	if err != nil {
		t.Fatalf("Judge: %v", err)
	}
	ph := lc.Phases()
	if len(ph) == 0 {
		t.Fatal("Phases() is empty")
	}
	return drawnCase{Case: c, lc: lc, ph: ph}
}

// lastEvent returns the instant of the last event, or the start.
func lastEvent(sub lifecycle.Subscription) time.Time {
	if n := sub.Len(); n > 0 {
		e, _ := sub.Event(n - 1)
		return e.At
	}
	return sub.Start()
}

// horizon is an instant well after everything a case schedules: the last
// phase start or the last event, plus four years.
func horizon(sub lifecycle.Subscription, ph []lifecycle.Phase) time.Time {
	h := lastEvent(sub)
	if s := ph[len(ph)-1].Start; s.After(h) {
		h = s
	}
	return h.AddDate(4, 0, 0)
}

// evaluate asks the judged lifecycle at at.
func evaluate(t *rapid.T, c drawnCase, at time.Time) lifecycle.Status {
	st, err := c.lc.At(at)
	if err != nil {
		t.Fatalf("At(%v): %v", at, err)
	}
	return st
}

// probes are the instants a property checks: every phase boundary just
// before, at and just after, every event, and a few drawn instants.
func probes(t *rapid.T, c drawnCase) []time.Time {
	start := c.Sub.Start()
	var out []time.Time
	for _, p := range c.ph {
		for _, d := range []time.Duration{-time.Nanosecond, 0, time.Nanosecond} {
			if at := p.Start.Add(d); !at.Before(start) {
				out = append(out, at)
			}
		}
	}
	for i := range c.Sub.Len() {
		e, _ := c.Sub.Event(i)
		out = append(out, e.At.Add(-time.Nanosecond), e.At)
	}
	gen := lifecycletest.Instant(start, horizon(c.Sub, c.ph))
	for range 5 {
		out = append(out, gen.Draw(t, "at"))
	}
	for i := range out {
		if out[i].Before(start) {
			out[i] = start
		}
	}
	return out
}

// phaseAt returns the index of the phase holding at.
func phaseAt(t *rapid.T, ph []lifecycle.Phase, at time.Time) int {
	for i, p := range ph {
		if p.Contains(at) {
			return i
		}
	}
	t.Fatalf("no phase holds %v in %v", at, ph)
	return -1
}

// propTimelineAgrees: Lifecycle.At agrees with Phases at every instant on
// State, Since, Cause, Trial and Extended Service Term; after the last
// event, also on what comes next; and the one-shot Evaluate gives every
// answer of At.
func propTimelineAgrees(t *rapid.T) {
	c := drawCase(t)
	last := lastEvent(c.Sub)
	for _, at := range probes(t, c) {
		st := evaluate(t, c, at)
		one, err := lifecycle.Evaluate(c.Sub, c.Table, at)
		if err != nil {
			t.Fatalf("Evaluate(%v): %v", at, err)
		}
		if diff := cmp.Diff(answersOf(st), answersOf(one)); diff != "" {
			t.Fatalf("Evaluate(%v) differs from At (-At +Evaluate):\n%s", at, diff)
		}
		i := phaseAt(t, c.ph, at)
		p := c.ph[i]
		got := lifecycle.Phase{State: st.State(), Cause: st.Cause(), Start: st.Since(), End: p.End, Trial: st.Trial(),
			ExtendedServiceTerm: st.ExtendedServiceTerm(), Version: p.Version}
		if diff := cmp.Diff(p, got); diff != "" {
			t.Fatalf("At(%v) disagrees with phase %d (-phase +At):\n%s", at, i, diff)
		}
		if at.Before(last) {
			continue
		}
		var next struct {
			State lifecycle.State
			At    time.Time
			Cause lifecycle.Cause
		}
		if i+1 < len(c.ph) {
			next.State, next.At, next.Cause = c.ph[i+1].State, c.ph[i+1].Start, c.ph[i+1].Cause
		}
		if diff := cmp.Diff(next, struct {
			State lifecycle.State
			At    time.Time
			Cause lifecycle.Cause
		}{st.Next(), st.NextAt(), st.NextCause()}); diff != "" {
			t.Fatalf("At(%v).Next disagrees with Phases (-phases +At):\n%s", at, diff)
		}
	}
}

// crossesVersions reports whether more than one version of the case's
// schedule is in force between the purchase and the horizon.
func crossesVersions(c drawnCase) bool {
	s := c.lc.Schedule()
	v0, err0 := s.At(c.Sub.Start())
	v1, err1 := s.At(horizon(c.Sub, c.ph))
	return err0 == nil && err1 == nil && v0.Index() != v1.Index()
}

// propVersionsCrossed: for cases whose lives cross policy versions, the
// state At answers at any instant is the state of the phase of Phases
// that contains it, at the instants where a new version takes effect too
// (just before, at and after); commands are judged by the version in
// force at the instant; and each phase names the version of the
// subscription's schedule that judged it.
func propVersionsCrossed(t *rapid.T) {
	c := drawCase(t)
	if !crossesVersions(c) {
		t.Skip("the case lives under one version")
	}
	s := c.lc.Schedule()
	ats := probes(t, c)
	for v := range s.All() {
		if from := v.From(); from.After(c.Sub.Start()) {
			ats = append(ats, from.Add(-time.Nanosecond), from, from.Add(time.Nanosecond))
		}
	}
	gen := lifecycletest.Instant(c.Sub.Start(), horizon(c.Sub, c.ph))
	for range 20 {
		ats = append(ats, gen.Draw(t, "at"))
	}
	for _, at := range ats {
		st := evaluate(t, c, at)
		p := c.ph[phaseAt(t, c.ph, at)]
		if st.State() != p.State || !st.Since().Equal(p.Start) {
			t.Fatalf("At(%v) = %v since %v; Phases has %v since %v (version %s)", at, st.State(), st.Since(), p.State, p.Start, p.Version.Label())
		}
		if v, err := s.At(at); err != nil || !st.Versions().Commands.Equal(v) {
			t.Fatalf("At(%v).Versions().Commands = %v, want the version in force then, %v (%v)", at, st.Versions().Commands, v, err)
		}
	}
	// Each phase names a version of the schedule: for a phase that ends
	// (or, not Active, never ends) after the last event, the one At
	// reports as judging the lifecycle at its last instant.
	last := lastEvent(c.Sub)
	for i, p := range c.ph {
		if p.Version.IsZero() || !s.Version(p.Version.Index()).Equal(p.Version) {
			t.Fatalf("phase %d names version %v, not one of the schedule's", i, p.Version)
		}
		end := p.End.Add(-time.Nanosecond)
		if p.End.IsZero() {
			if p.State == lifecycle.Active {
				continue // renewing: each term by its own end date
			}
			end = horizon(c.Sub, c.ph)
		}
		if end.Before(last) {
			continue
		}
		if v := evaluate(t, c, end).Versions().Lifecycle; !v.Equal(p.Version) {
			t.Fatalf("phase %d (%v from %v) names version %s, At(%v) judged by %s", i, p.State, p.Start, p.Version.Label(), end, v.Label())
		}
	}
}

// propKnownAt: At(t) answers as known at t — the same as judging the
// history truncated to the events at or before t and asking it at t.
func propKnownAt(t *rapid.T) {
	c := drawCase(t)
	for _, at := range probes(t, c) {
		st := evaluate(t, c, at)
		upTo, err := historyUpTo(c.Sub, at)
		if err != nil {
			t.Fatalf("New(history up to %v): %v", at, err)
		}
		known, err := lifecycle.Judge(upTo, c.Table)
		if err != nil {
			t.Fatalf("Judge(history up to %v): %v", at, err)
		}
		kst, err := known.At(at)
		if err != nil {
			t.Fatalf("At(%v) of the history up to then: %v", at, err)
		}
		if diff := cmp.Diff(answersOf(kst), answersOf(st)); diff != "" {
			t.Fatalf("At(%v) differs from the history known then (-known +At):\n%s", at, diff)
		}
	}
}

// rank orders states along the lifecycle: Active < Expired, Suspended <
// Disabled < Deleted.
func rank(s lifecycle.State) int {
	switch s {
	case lifecycle.Active:
		return 0
	case lifecycle.Expired, lifecycle.Suspended:
		return 1
	case lifecycle.Disabled:
		return 2
	case lifecycle.Deleted:
		return 3
	}
	return -1
}

// propNeverBackward: with no further events the state never moves
// backward, and Deleted is terminal.
func propNeverBackward(t *rapid.T) {
	c := drawCase(t)
	last := lastEvent(c.Sub)
	gen := lifecycletest.Instant(last, horizon(c.Sub, c.ph))
	t1, t2 := gen.Draw(t, "t1"), gen.Draw(t, "t2")
	if t2.Before(t1) {
		t1, t2 = t2, t1
	}
	s1, s2 := evaluate(t, c, t1), evaluate(t, c, t2)
	if rank(s2.State()) < rank(s1.State()) {
		t.Fatalf("state moved backward without events: %v at %v, %v at %v", s1.State(), t1, s2.State(), t2)
	}
	if s1.State() == lifecycle.Deleted && s2.State() != lifecycle.Deleted {
		t.Fatalf("Deleted at %v but %v at %v", t1, s2.State(), t2)
	}
	// Along the projection after the last event, too.
	for i := phaseAt(t, c.ph, last); i+1 < len(c.ph); i++ {
		if rank(c.ph[i+1].State) < rank(c.ph[i].State) {
			t.Fatalf("phase %d %v follows %v without an event", i+1, c.ph[i+1].State, c.ph[i].State)
		}
	}
}

// propDeletedTerminal: in a timeline, nothing follows Deleted except a
// reactivation within the hours the C-6 knob of the version in force at
// the explicit deletion allows, the last instant included (DC-5; issue 11
// made those hours inclusive, and this property still said exclusive).
func propDeletedTerminal(t *rapid.T) {
	c := drawCase(t)
	reactivated := map[time.Time]bool{} // instants of reactivations (further events may share them)
	for i := range c.Sub.Len() {
		if e, _ := c.Sub.Event(i); e.Kind == lifecycle.Reactivate {
			reactivated[e.At.UTC()] = true
		}
	}
	for i := 0; i+1 < len(c.ph); i++ {
		p, q := c.ph[i], c.ph[i+1]
		if p.State != lifecycle.Deleted || q.State == lifecycle.Deleted {
			continue
		}
		r, err := c.Table.Lookup(c.Sub.Key(), p.Start)
		if err != nil {
			t.Fatalf("Lookup(%v): %v", p.Start, err)
		}
		h := r.Reactivation.ExplicitDeleteHours
		if p.Cause != lifecycle.ExplicitlyDeleted || !reactivated[q.Start] || h == 0 ||
			q.Start.After(p.Start.Add(time.Duration(h)*time.Hour)) { // the hours are inclusive (C-6, DC-5)
			t.Fatalf("phase %d %v (%v) follows Deleted (%v) at %v, deleted at %v with %d hours to reactivate", i+1, q.State, q.Cause, p.Cause, q.Start, p.Start, h)
		}
	}
	// Every event found a state other than Deleted, unless it is that
	// reactivation: judge the history before it at its instant.
	spec := c.Sub.Spec()
	for i, e := range spec.History {
		before := spec
		before.History = spec.History[:i]
		sub, err := lifecycle.New(before)
		if err != nil {
			t.Fatalf("New(history[:%d]): %v", i, err)
		}
		st, err := lifecycle.Evaluate(sub, c.Table, e.At)
		if err != nil {
			t.Fatalf("Evaluate(history[:%d], %v): %v", i, e.At, err)
		}
		if st.State() == lifecycle.Deleted && e.Kind != lifecycle.Reactivate {
			t.Fatalf("event %d %v accepted after the subscription was deleted", i, e)
		}
	}
}

// propPurgeOrder: the purge deadline never precedes the purge not-before,
// and the data is gone no earlier than the deadline.
func propPurgeOrder(t *rapid.T) {
	c := drawCase(t)
	for _, at := range probes(t, c) {
		st := evaluate(t, c, at)
		if st.PurgeDeadline().IsZero() != st.PurgeNotBefore().IsZero() {
			t.Fatalf("At(%v): PurgeNotBefore %v, PurgeDeadline %v: both or neither", at, st.PurgeNotBefore(), st.PurgeDeadline())
		}
		if st.PurgeDeadline().Before(st.PurgeNotBefore()) {
			t.Fatalf("At(%v): PurgeDeadline %v before PurgeNotBefore %v", at, st.PurgeDeadline(), st.PurgeNotBefore())
		}
		if !st.PurgeDeadline().IsZero() && !st.DataGoneBy().After(st.PurgeDeadline().UTC()) {
			t.Fatalf("At(%v): DataGoneBy %v not after the start of PurgeDeadline %v, the last day the data may exist", at, st.DataGoneBy(), st.PurgeDeadline())
		}
		if st.State() == lifecycle.Deleted && st.PurgeNotBefore().IsZero() {
			t.Fatalf("At(%v): Deleted without purge bounds", at)
		}
	}
}

// propDeadlinesAgree (issue 13 item 2): each day-valued deadline is the
// UTC date of the last instant before its exact instant, whenever set —
// ReactivateUntil of ReactivateBefore−1ns, PurgeDeadline of DataGoneBy−1ns —
// and the purge may begin no later than its last day; a reactivation that
// the status allows is accepted by Apply at ReactivateBefore−1ns and
// refused at ReactivateBefore.
func propDeadlinesAgree(t *rapid.T) {
	c := drawCase(t)
	lastDay := func(x time.Time) clock.Date { return clock.DateOf(x.Add(-time.Nanosecond).UTC()) }
	for _, at := range probes(t, c) {
		st := evaluate(t, c, at)
		until, before := st.ReactivateUntil(), st.ReactivateBefore()
		if until.IsZero() != before.IsZero() {
			t.Fatalf("At(%v): ReactivateUntil %v, ReactivateBefore %v: both or neither", at, until, before)
		}
		if !before.IsZero() {
			if want := lastDay(before); until != want {
				t.Fatalf("At(%v): ReactivateUntil %v, want %v, the date of ReactivateBefore−1ns (%v)", at, until, want, before)
			}
			if !before.After(at) {
				t.Fatalf("At(%v): ReactivateBefore %v is not after the instant asked", at, before)
			}
		}
		if gone := st.DataGoneBy(); !gone.IsZero() {
			if want := lastDay(gone); st.PurgeDeadline() != want {
				t.Fatalf("At(%v): PurgeDeadline %v, want %v, the date of DataGoneBy−1ns (%v)", at, st.PurgeDeadline(), want, gone)
			}
			if st.PurgeDeadline().Before(st.PurgeNotBefore()) {
				t.Fatalf("At(%v): PurgeDeadline %v before PurgeNotBefore %v", at, st.PurgeDeadline(), st.PurgeNotBefore())
			}
		} else if !st.PurgeDeadline().IsZero() || !st.PurgeNotBefore().IsZero() {
			t.Fatalf("At(%v): purge days %v…%v without DataGoneBy", at, st.PurgeNotBefore(), st.PurgeDeadline())
		}
		if closes := st.CancelWindowClosesAt(); closes.IsZero() != st.CancelWindowEnd().IsZero() || (!closes.IsZero() && closes.Before(st.CancelWindowEnd())) {
			t.Fatalf("At(%v): CancelWindowClosesAt %v, CancelWindowEnd %v", at, closes, st.CancelWindowEnd())
		}
		if u := st.LicenseConflictUntil(); !u.IsZero() && u.Before(clock.DateOf(at.UTC())) {
			t.Fatalf("At(%v): LicenseConflictUntil %v has passed", at, u)
		}
		if u := st.AdminCenterLagUntil(); !u.IsZero() && u.Before(clock.DateOf(at.UTC())) {
			t.Fatalf("At(%v): AdminCenterLagUntil %v has passed", at, u)
		}
		caps := st.Capabilities()
		if !caps.Reactivate || before.IsZero() {
			continue
		}
		// As known at at: the history after at may end the window sooner
		// (an explicit deletion) or not at all (a reactivation).
		known, err := historyUpTo(c.Sub, at)
		if err != nil {
			t.Fatalf("history up to %v: %v", at, err)
		}
		lc, err := lifecycle.Judge(known, c.Table)
		if err != nil {
			t.Fatalf("Judge(history up to %v): %v", at, err)
		}
		cmd := lifecycle.Command{Kind: lifecycle.CmdReactivate, Actor: caps.ReactivateRoles.List()[0]}
		// The window's last instant; a new version of the rules in force
		// for commands within it may refuse on other grounds (a payment
		// method, the end of sales), never on its deadline.
		if err := lc.Check(cmd, before.Add(-time.Nanosecond)); errors.Is(err, lifecycle.ErrState) || errors.Is(err, lifecycle.ErrWindowClosed) {
			t.Fatalf("At(%v): reactivation refused at ReactivateBefore−1ns %v: %v", at, before.Add(-time.Nanosecond), err)
		}
		if err := lc.Check(cmd, before); err == nil {
			t.Fatalf("At(%v): reactivation accepted at ReactivateBefore %v", at, before)
		}
	}
}

// propLocationFree: answers do not depend on the location of at, for At
// and Evaluate alike.
func propLocationFree(t *rapid.T) {
	c := drawCase(t)
	for _, at := range probes(t, c) {
		loc := lifecycletest.Location().Draw(t, "loc")
		want := answersOf(evaluate(t, c, at))
		if got := answersOf(evaluate(t, c, at.In(loc))); !cmp.Equal(want, got) {
			t.Fatalf("At(at.In(%v)) differs (-utc +local):\n%s", loc, cmp.Diff(want, got))
		}
		one, err := lifecycle.Evaluate(c.Sub, c.Table, at.In(loc))
		if err != nil {
			t.Fatalf("Evaluate(at.In(%v)): %v", loc, err)
		}
		if got := answersOf(one); !cmp.Equal(want, got) {
			t.Fatalf("Evaluate(at.In(%v)) differs (-utc +local):\n%s", loc, cmp.Diff(want, got))
		}
	}
}

// propPhasesContiguous: phases start at the purchase, are non-empty,
// contiguous and increasing, name a version, and only the last is
// open-ended; Timeline returns the same phases.
func propPhasesContiguous(t *rapid.T) {
	c := drawCase(t)
	ph := c.ph
	if !ph[0].Start.Equal(c.Sub.Start()) {
		t.Fatalf("first phase starts %v, want the purchase %v", ph[0].Start, c.Sub.Start())
	}
	for i, p := range ph {
		if !p.State.IsValid() || !p.Cause.IsValid() || p.Version.IsZero() {
			t.Fatalf("phase %d has state %v cause %v version %v", i, p.State, p.Cause, p.Version)
		}
		if i == len(ph)-1 {
			if !p.End.IsZero() {
				t.Fatalf("last phase ends %v, want open-ended", p.End)
			}
			break
		}
		if p.End.IsZero() || !p.Start.Before(p.End) {
			t.Fatalf("phase %d [%v, %v) is open or empty before the last", i, p.Start, p.End)
		}
		if !p.End.Equal(ph[i+1].Start) {
			t.Fatalf("phase %d ends %v, phase %d starts %v", i, p.End, i+1, ph[i+1].Start)
		}
		if p == ph[i+1] {
			t.Fatalf("phase %d repeats", i)
		}
	}
	tl, err := lifecycle.Timeline(c.Sub, c.Table)
	if err != nil {
		t.Fatalf("Timeline: %v", err)
	}
	if diff := cmp.Diff(ph, tl); diff != "" {
		t.Fatalf("Timeline differs from Phases (-Phases +Timeline):\n%s", diff)
	}
}

// propNoOpEvent: an event that changes nothing (a license change to the
// same counts) does not change any later answer's dates — the renewal
// day of month, the phases, the deadlines.
func propNoOpEvent(t *rapid.T) {
	c := drawCase(t)
	at := lifecycletest.Instant(lastEvent(c.Sub), horizon(c.Sub, c.ph)).Draw(t, "event at")
	st := evaluate(t, c, at)
	if st.State() == lifecycle.Deleted || st.Licenses() == 0 || st.Assigned() > st.Licenses() {
		return // a change on a deleted subscription is refused; reductions to 0 and conflicts restart windows
	}
	spec := c.Sub.Spec()
	spec.History = append(spec.History, lifecycle.Event{Kind: lifecycle.ChangeLicenses, At: at, Licenses: st.Licenses(), Assigned: st.Assigned()})
	noop, err := lifecycle.New(spec)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	type dates struct {
		State, Next                            lifecycle.State
		Since, NextAt                          time.Time
		TermStart, TermEnd                     clock.Date
		PurgeNotBefore, PurgeDeadline, Reactiv clock.Date
		ReactBefore, DataGoneBy                time.Time
		CancelWindowEnd, CancelWindowClosesAt  time.Time
	}
	view := func(s lifecycle.Status) dates {
		return dates{s.State(), s.Next(), s.Since(), s.NextAt(), s.TermStart(), s.TermEnd(), s.PurgeNotBefore(), s.PurgeDeadline(), s.ReactivateUntil(),
			s.ReactivateBefore(), s.DataGoneBy(), s.CancelWindowEnd(), s.CancelWindowClosesAt()}
	}
	later := lifecycletest.Instant(at, at.AddDate(5, 0, 0)).Draw(t, "later")
	want := view(evaluate(t, c, later))
	gotSt, err := lifecycle.Evaluate(noop, c.Table, later)
	if err != nil {
		t.Fatalf("Evaluate with the no-op event: %v", err)
	}
	if diff := cmp.Diff(want, view(gotSt)); diff != "" {
		t.Fatalf("a no-op license change at %v changed the answer at %v (-without +with):\n%s", at, later, diff)
	}
}

// propAllocations: Lifecycle.At allocates nothing, nor does Evaluate while
// its Status stays a local variable.
func propAllocations(t *rapid.T) {
	c := drawCase(t)
	at := lifecycletest.Instant(c.Sub.Start(), horizon(c.Sub, c.ph)).Draw(t, "at")
	var st lifecycle.Status
	var err error
	if n := testing.AllocsPerRun(10, func() { st, err = c.lc.At(at) }); n != 0 || err != nil {
		t.Fatalf("At(%v) allocates %v times (error %v), want 0", at, n, err)
	}
	var state lifecycle.State
	if n := testing.AllocsPerRun(10, func() {
		var one lifecycle.Status
		one, err = lifecycle.Evaluate(c.Sub, c.Table, at)
		state = one.State()
	}); n != 0 || err != nil {
		t.Fatalf("Evaluate(%v) allocates %v times (error %v), want 0", at, n, err)
	}
	if state != st.State() {
		t.Fatalf("Evaluate(%v) = %v, At %v", at, state, st.State())
	}
}

func TestPropertyTimelineAgrees(t *testing.T)  { rapid.Check(t, propTimelineAgrees) }
func TestPropertyVersionsCrossed(t *testing.T) { rapid.Check(t, propVersionsCrossed) }
func TestPropertyKnownAt(t *testing.T)         { rapid.Check(t, propKnownAt) }
func TestPropertyNeverBackward(t *testing.T)   { rapid.Check(t, propNeverBackward) }
func TestPropertyDeletedTerminal(t *testing.T) { rapid.Check(t, propDeletedTerminal) }
func TestPropertyPurgeOrder(t *testing.T)      { rapid.Check(t, propPurgeOrder) }
func TestPropertyDeadlinesAgree(t *testing.T)  { rapid.Check(t, propDeadlinesAgree) }
func TestPropertyLocationFree(t *testing.T)    { rapid.Check(t, propLocationFree) }
func TestPropertyPhases(t *testing.T)          { rapid.Check(t, propPhasesContiguous) }
func TestPropertyNoOpEvent(t *testing.T)       { rapid.Check(t, propNoOpEvent) }

func TestPropertyAllocations(t *testing.T) {
	rapid.Check(t, propAllocations)
}

func FuzzPropertyTimelineAgrees(f *testing.F)  { f.Fuzz(rapid.MakeFuzz(propTimelineAgrees)) }
func FuzzPropertyVersionsCrossed(f *testing.F) { f.Fuzz(rapid.MakeFuzz(propVersionsCrossed)) }
func FuzzPropertyKnownAt(f *testing.F)         { f.Fuzz(rapid.MakeFuzz(propKnownAt)) }
func FuzzPropertyNeverBackward(f *testing.F)   { f.Fuzz(rapid.MakeFuzz(propNeverBackward)) }
func FuzzPropertyDeletedTerminal(f *testing.F) { f.Fuzz(rapid.MakeFuzz(propDeletedTerminal)) }
func FuzzPropertyPurgeOrder(f *testing.F)      { f.Fuzz(rapid.MakeFuzz(propPurgeOrder)) }
func FuzzPropertyDeadlinesAgree(f *testing.F)  { f.Fuzz(rapid.MakeFuzz(propDeadlinesAgree)) }
func FuzzPropertyLocationFree(f *testing.F)    { f.Fuzz(rapid.MakeFuzz(propLocationFree)) }
func FuzzPropertyPhases(f *testing.F)          { f.Fuzz(rapid.MakeFuzz(propPhasesContiguous)) }
func FuzzPropertyNoOpEvent(f *testing.F)       { f.Fuzz(rapid.MakeFuzz(propNoOpEvent)) }
