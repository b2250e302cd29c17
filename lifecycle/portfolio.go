package lifecycle

import (
	"errors"
	"iter"
	"time"
)

// Transition is one phase of one subscription of a portfolio beginning:
// what [Transitions] yields. It is a plain value.
type Transition struct {
	// Index is the subscription's position in the slice given to
	// Transitions.
	Index int
	// From is the state before; zero (an invalid State) for the purchase,
	// before which there was none.
	From State
	// To is the state that begins, and Cause why. To equals From for a
	// new phase of the same state: a free trial converting to paid
	// (TrialConverted), an Extended Service Term (ExtendedServiceTerm),
	// the second part of Disabled after a CSP suspension (C-8).
	To    State
	Cause Cause
	// At is the instant it begins, in UTC: the Start of the phase of
	// [Lifecycle.Phases].
	At time.Time
}

// Transitions returns every phase that begins in any of lcs after from and
// by to — each Transition with from < At ≤ to: "what changed since last
// night" — in order of At, and of Index on the same instant. A transition
// is the start of a phase of [Lifecycle.Phases], whether time or an event
// of the history began it (a term that ran out, a cancellation, a
// reactivation, the purchase itself), as the whole history leaves it.
//
// The interval is open at from and closed at to, so that a job that runs
// each night with from set to the previous run's to reports every
// transition exactly once: one at exactly to is already visible in a
// status at to (At includes what begins at its instant) and is reported
// by this run, not the next. [Lifecycle.Deadlines] takes the same
// interval.
//
// The sequence merges the lifecycles' phases as it goes (a heap of the
// next transition of each lifecycle that has one in the interval), so a
// night costs a search per lifecycle and a little per transition, not a
// sort of them all; it reads no clock, allocates only that heap, and
// stops early when the loop breaks.
//
// An error is a *FieldError when from or to is zero or outside the
// supported range, or to is before from; the sequence is then empty. A
// zero Lifecycle in lcs (one [JudgeAll] could not judge) is left out of
// the sequence, and the error joins a *BatchError for each, naming its
// index and wrapping a *FieldError, as JudgeAll reports subscriptions it
// could not judge: the sequence of the others is still returned.
func Transitions(lcs []Lifecycle, from, to time.Time) (iter.Seq[Transition], error) {
	lo, hi, err := checkWindow(from, to)
	if err != nil {
		return noTransitions, err
	}
	var errs []error
	for i := range lcs {
		if lcs[i].s == nil {
			errs = append(errs, &BatchError{Index: i, Err: &FieldError{Field: "Lifecycle", Value: "zero", Reason: "not built with lifecycle.Judge"}})
		}
	}
	return func(yield func(Transition) bool) {
		var h transitionHeap
		for i := range lcs {
			lc := &lcs[i]
			if lc.s == nil {
				continue
			}
			if seg, ok := lc.nextPhase(lc.after(lo), hi); ok {
				h.push(cursor{at: lc.start(seg), index: i, seg: seg})
			}
		}
		for len(h) > 0 {
			c := h[0]
			lc := &lcs[c.index]
			st := lc.status(c.seg, c.at)
			t := Transition{Index: c.index, To: st.m.state, Cause: st.m.cause, At: timeOf(c.at)}
			if c.seg > 0 {
				t.From = lc.mark(c.seg - 1).state
			}
			if !yield(t) {
				return
			}
			if seg, ok := lc.nextPhase(c.seg+1, hi); ok {
				h[0] = cursor{at: lc.start(seg), index: c.index, seg: seg}
			} else {
				h[0] = h[len(h)-1]
				h = h[:len(h)-1]
			}
			h.down(0)
		}
	}, errors.Join(errs...)
}

func noTransitions(func(Transition) bool) {}

// nextPhase returns the first segment from i on that begins a phase at or
// before hi.
func (lc *Lifecycle) nextPhase(i int, hi int64) (int, bool) {
	for n := lc.segments(); i < n && lc.start(i) <= hi; i++ {
		if lc.phaseStart(i) {
			return i, true
		}
	}
	return 0, false
}

// cursor is the next transition of one lifecycle: the segment that begins
// its phase, at its start.
type cursor struct {
	at    int64
	index int
	seg   int
}

// less orders cursors by instant, then by index.
func (c *cursor) less(d *cursor) bool {
	return c.at < d.at || (c.at == d.at && c.index < d.index)
}

// transitionHeap is a binary min-heap of cursors, by less: container/heap
// would box every cursor it pushes in an interface.
type transitionHeap []cursor

func (h *transitionHeap) push(c cursor) {
	*h = append(*h, c)
	s := *h
	for j := len(s) - 1; j > 0; {
		p := (j - 1) / 2
		if !s[j].less(&s[p]) {
			break
		}
		s[j], s[p] = s[p], s[j]
		j = p
	}
}

// down restores the heap order below i.
func (h transitionHeap) down(i int) {
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		m := l
		if r := l + 1; r < len(h) && h[r].less(&h[l]) {
			m = r
		}
		if !h[m].less(&h[i]) {
			return
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
}
