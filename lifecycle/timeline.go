package lifecycle

import (
	"slices"
	"time"

	"github.com/lapse-go/lapse/policy"
)

// Phase is one interval of a subscription's lifecycle: State holds on the
// half-open interval [Start, End) of instants — Start is the first instant
// of the phase, End the first instant of the next one (00:00Z of a day for
// the day-based rules, DC-1). End is zero for the last, open-ended phase.
// Phases of a timeline are contiguous and in order.
type Phase struct {
	State State
	Cause Cause
	Start time.Time
	End   time.Time // zero: open-ended
	// Trial reports a phase of the free trial; ExtendedServiceTerm one of
	// an Extended Service Term.
	Trial               bool
	ExtendedServiceTerm bool
	// Version is the version of the policy that judged the phase: the one
	// in force on the end date of the term it belongs to — for an Active
	// phase that runs through renewals, the term it ends with (R-LC-14) —
	// or at the cancellation, deletion or suspension that began it.
	Version policy.Version
}

// Contains reports whether t lies in [Start, End).
func (p Phase) Contains(t time.Time) bool {
	return !t.Before(p.Start) && (p.End.IsZero() || t.Before(p.End))
}

// Timeline returns every phase of sub judged against table: what [Judge]
// followed by [Lifecycle.Phases] returns, without keeping the judged
// lifecycle. It folds the history as Judge does but turns each fold's
// segments into phases as they come, so that it allocates about what it
// returns, however long the history.
func Timeline(sub Subscription, table *policy.Table) ([]Phase, error) {
	if sub.IsZero() {
		return nil, &FieldError{Field: "Subscription", Value: "zero", Reason: "not built with lifecycle.New"}
	}
	e, err := newEngine(sub.sub, table)
	if err != nil {
		return nil, err
	}
	var buf [16]segment
	tl := timeline{b: e.b}
	f := e.first()
	origin := e.s.start
	var carry segment
	for i := range e.s.spec.History {
		t := e.s.ts[i]
		// As judge does: the fold's segments up to the one that holds
		// the event; one that starts at it is dropped.
		segs := e.fold(&f, origin, &carry, buf[:0], t)
		k := len(segs) - 1
		if k < 0 {
			ev := &e.s.spec.History[i]
			return nil, &HistoryError{Index: i, Kind: ev.Kind, At: ev.At, Reason: "no state at this instant"}
		}
		carry = segs[k]
		if segs[k].start == t {
			k--
		}
		tl.add(segs[:k+1])
		if err := e.step(&f, i, &e.s.spec.History[i], t, &carry); err != nil {
			return nil, err
		}
		origin = t
	}
	tl.add(e.fold(&f, origin, &carry, buf[:0], never))
	return slices.Clip(tl.out), nil
}

// timeline gathers segments, in order, into phases as Phases does.
type timeline struct {
	b    book
	out  []Phase
	prev segment
}

// add appends segs to the phases.
func (tl *timeline) add(segs []segment) {
	for i := range segs {
		s := &segs[i]
		if k := len(tl.out); k > 0 {
			tl.out[k-1].End = timeOf(s.start)
			if samePhase(&tl.prev, s) {
				// The same phase, cut by an event or a new version: the
				// last segment's version judged where it ends.
				tl.out[k-1].End, tl.out[k-1].Version = time.Time{}, tl.b.version(int32(s.ver))
				tl.prev = *s
				continue
			}
		}
		tl.out = append(tl.out, Phase{State: s.state, Cause: s.cause, Start: timeOf(s.since),
			Trial: s.trial, ExtendedServiceTerm: s.est, Version: tl.b.version(int32(s.ver))})
		tl.prev = *s
	}
}
