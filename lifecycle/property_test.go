package lifecycle_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/lifecycle/lifecycletest"
	"github.com/lapse-go/lapse/policy"
)

// The properties of issue 2, each checked with rapid.Check in a test and
// exported as a fuzz target with rapid.MakeFuzz. They run on cases drawn
// by lifecycletest with perturbed rules, so the [AMBIGUOUS] alternatives
// are covered as well as the defaults.

// drawCase draws a subscription with the rules that judge it and its
// timeline.
func drawCase(t *rapid.T) (lifecycletest.Case, []lifecycle.Phase) {
	c := lifecycletest.Cases(policy.Builtin(), true).Draw(t, "case")
	ph, err := lifecycle.Timeline(c.Sub, &c.Rules)
	if err != nil {
		t.Fatalf("Timeline: %v", err)
	}
	return c, ph
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

func evaluate(t *rapid.T, c lifecycletest.Case, at time.Time) lifecycle.Status {
	st, err := lifecycle.Evaluate(c.Sub, &c.Rules, at)
	if err != nil {
		t.Fatalf("Evaluate(%v): %v", at, err)
	}
	return st
}

// probes are the instants a property checks: every phase boundary just
// before, at and just after, and a few drawn instants.
func probes(t *rapid.T, c lifecycletest.Case, ph []lifecycle.Phase) []time.Time {
	start := c.Sub.Start()
	var out []time.Time
	for _, p := range ph {
		for _, d := range []time.Duration{-time.Nanosecond, 0, time.Nanosecond} {
			if at := p.Start.Add(d); !at.Before(start) {
				out = append(out, at)
			}
		}
	}
	for i := range c.Sub.Len() {
		e, _ := c.Sub.Event(i)
		out = append(out, e.At)
	}
	gen := lifecycletest.Instant(start, horizon(c.Sub, ph))
	for range 5 {
		out = append(out, gen.Draw(t, "at"))
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

// propTimelineAgrees: Evaluate agrees with Timeline at every instant on
// State, Since, Cause, Trial and Extended Service Term; after the last
// event, also on what comes next.
func propTimelineAgrees(t *rapid.T) {
	c, ph := drawCase(t)
	last := lastEvent(c.Sub)
	for _, at := range probes(t, c, ph) {
		st := evaluate(t, c, at)
		i := phaseAt(t, ph, at)
		p := ph[i]
		got := lifecycle.Phase{State: st.State(), Cause: st.Cause(), Start: st.Since(), End: p.End, Trial: st.Trial(), ExtendedServiceTerm: st.ExtendedServiceTerm()}
		if diff := cmp.Diff(p, got); diff != "" {
			t.Fatalf("Evaluate(%v) disagrees with Timeline phase %d (-timeline +evaluate):\n%s", at, i, diff)
		}
		if at.Before(last) {
			continue
		}
		var next struct {
			State lifecycle.State
			At    time.Time
			Cause lifecycle.Cause
		}
		if i+1 < len(ph) {
			next.State, next.At, next.Cause = ph[i+1].State, ph[i+1].Start, ph[i+1].Cause
		}
		if diff := cmp.Diff(next, struct {
			State lifecycle.State
			At    time.Time
			Cause lifecycle.Cause
		}{st.Next(), st.NextAt(), st.NextCause()}); diff != "" {
			t.Fatalf("Evaluate(%v).Next disagrees with Timeline (-timeline +evaluate):\n%s", at, diff)
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
	c, ph := drawCase(t)
	last := lastEvent(c.Sub)
	gen := lifecycletest.Instant(last, horizon(c.Sub, ph))
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
	for i := phaseAt(t, ph, last); i+1 < len(ph); i++ {
		if rank(ph[i+1].State) < rank(ph[i].State) {
			t.Fatalf("phase %d %v follows %v without an event", i+1, ph[i+1].State, ph[i].State)
		}
	}
}

// propDeletedTerminal: in a timeline, nothing follows Deleted except a
// reactivation within the hours the C-6 knob allows after an explicit
// deletion.
func propDeletedTerminal(t *rapid.T) {
	c, ph := drawCase(t)
	reactivated := map[time.Time]bool{} // instants of reactivations (further events may share them)
	for i := range c.Sub.Len() {
		if e, _ := c.Sub.Event(i); e.Kind == lifecycle.Reactivate {
			reactivated[e.At.UTC()] = true
		}
	}
	for i := 0; i+1 < len(ph); i++ {
		p, q := ph[i], ph[i+1]
		if p.State != lifecycle.Deleted || q.State == lifecycle.Deleted {
			continue
		}
		h := c.Rules.Reactivation.ExplicitDeleteHours
		if p.Cause != lifecycle.ExplicitlyDeleted || !reactivated[q.Start] || h == 0 ||
			!q.Start.Before(p.Start.Add(time.Duration(h)*time.Hour)) {
			t.Fatalf("phase %d %v (%v) follows Deleted (%v) at %v", i+1, q.State, q.Cause, p.Cause, q.Start)
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
		st, err := lifecycle.Evaluate(sub, &c.Rules, e.At)
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
	c, ph := drawCase(t)
	for _, at := range probes(t, c, ph) {
		st := evaluate(t, c, at)
		if st.PurgeDeadline().IsZero() != st.PurgeNotBefore().IsZero() {
			t.Fatalf("Evaluate(%v): PurgeNotBefore %v, PurgeDeadline %v: both or neither", at, st.PurgeNotBefore(), st.PurgeDeadline())
		}
		if st.PurgeDeadline().Before(st.PurgeNotBefore()) {
			t.Fatalf("Evaluate(%v): PurgeDeadline %v before PurgeNotBefore %v", at, st.PurgeDeadline(), st.PurgeNotBefore())
		}
		if st.DataGoneBy().Before(st.PurgeDeadline()) {
			t.Fatalf("Evaluate(%v): DataGoneBy %v before PurgeDeadline %v", at, st.DataGoneBy(), st.PurgeDeadline())
		}
		if st.State() == lifecycle.Deleted && st.PurgeNotBefore().IsZero() {
			t.Fatalf("Evaluate(%v): Deleted without purge bounds", at)
		}
	}
}

// propLocationFree: answers do not depend on the location of at.
func propLocationFree(t *rapid.T) {
	c, ph := drawCase(t)
	for _, at := range probes(t, c, ph) {
		loc := lifecycletest.Location().Draw(t, "loc")
		want := evaluate(t, c, at)
		got := evaluate(t, c, at.In(loc))
		if diff := cmp.Diff(want, got, statusCmp); diff != "" {
			t.Fatalf("Evaluate(at.In(%v)) differs (-utc +local):\n%s", loc, diff)
		}
	}
}

// propPhasesContiguous: timeline phases start at the purchase, are
// non-empty, contiguous and increasing, and only the last is open-ended.
func propPhasesContiguous(t *rapid.T) {
	c, ph := drawCase(t)
	if len(ph) == 0 {
		t.Fatal("empty timeline")
	}
	if !ph[0].Start.Equal(c.Sub.Start()) {
		t.Fatalf("first phase starts %v, want the purchase %v", ph[0].Start, c.Sub.Start())
	}
	for i, p := range ph {
		if !p.State.IsValid() || !p.Cause.IsValid() {
			t.Fatalf("phase %d has state %v cause %v", i, p.State, p.Cause)
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
}

// propNoOpEvent: an event that changes nothing (a license change to the
// same counts) does not change any later answer's dates — the renewal
// day of month, the phases, the deadlines.
func propNoOpEvent(t *rapid.T) {
	c, ph := drawCase(t)
	at := lifecycletest.Instant(lastEvent(c.Sub), horizon(c.Sub, ph)).Draw(t, "event at")
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
		Since, NextAt, TermStart, TermEnd      time.Time
		PurgeNotBefore, PurgeDeadline, Reactiv time.Time
		CancelWindowEnd                        time.Time
	}
	view := func(s lifecycle.Status) dates {
		return dates{s.State(), s.Next(), s.Since(), s.NextAt(), s.TermStart(), s.TermEnd(), s.PurgeNotBefore(), s.PurgeDeadline(), s.ReactivateUntil(), s.CancelWindowEnd()}
	}
	later := lifecycletest.Instant(at, at.AddDate(5, 0, 0)).Draw(t, "later")
	want := view(evaluate(t, c, later))
	gotSt, err := lifecycle.Evaluate(noop, &c.Rules, later)
	if err != nil {
		t.Fatalf("Evaluate with the no-op event: %v", err)
	}
	if diff := cmp.Diff(want, view(gotSt)); diff != "" {
		t.Fatalf("a no-op license change at %v changed the answer at %v (-without +with):\n%s", at, later, diff)
	}
}

func TestPropertyTimelineAgrees(t *testing.T)  { rapid.Check(t, propTimelineAgrees) }
func TestPropertyNeverBackward(t *testing.T)   { rapid.Check(t, propNeverBackward) }
func TestPropertyDeletedTerminal(t *testing.T) { rapid.Check(t, propDeletedTerminal) }
func TestPropertyPurgeOrder(t *testing.T)      { rapid.Check(t, propPurgeOrder) }
func TestPropertyLocationFree(t *testing.T)    { rapid.Check(t, propLocationFree) }
func TestPropertyPhases(t *testing.T)          { rapid.Check(t, propPhasesContiguous) }
func TestPropertyNoOpEvent(t *testing.T)       { rapid.Check(t, propNoOpEvent) }

func FuzzPropertyTimelineAgrees(f *testing.F)  { f.Fuzz(rapid.MakeFuzz(propTimelineAgrees)) }
func FuzzPropertyNeverBackward(f *testing.F)   { f.Fuzz(rapid.MakeFuzz(propNeverBackward)) }
func FuzzPropertyDeletedTerminal(f *testing.F) { f.Fuzz(rapid.MakeFuzz(propDeletedTerminal)) }
func FuzzPropertyPurgeOrder(f *testing.F)      { f.Fuzz(rapid.MakeFuzz(propPurgeOrder)) }
func FuzzPropertyLocationFree(f *testing.F)    { f.Fuzz(rapid.MakeFuzz(propLocationFree)) }
func FuzzPropertyPhases(f *testing.F)          { f.Fuzz(rapid.MakeFuzz(propPhasesContiguous)) }
func FuzzPropertyNoOpEvent(f *testing.F)       { f.Fuzz(rapid.MakeFuzz(propNoOpEvent)) }
