package lifecycle

import (
	"time"

	"github.com/lapse-go/lapse/policy"
)

// Evaluate returns the status of sub at the instant at, judged against
// table: the same answer as Judge(sub, table) followed by At(at), for a
// caller who asks once. It folds only the events up to at, keeps only the
// segment that holds at and its fold, and reads no clock. To ask a
// subscription many questions, judge it once with [Judge].
//
// Evaluate allocates nothing when the caller keeps the Status in a local
// variable: the Status points at a cell the compiler places in the
// caller's frame. A Status stored where it outlives the call (a global, a
// field of a value on the heap) takes its cell with it: one allocation.
func Evaluate(sub Subscription, table *policy.Table, at time.Time) (Status, error) {
	// Evaluate is this small so that it is inlined: the cell is then the
	// caller's, and escape analysis keeps it on the caller's stack unless
	// the Status escapes.
	c := new(cell)
	return c.evaluate(sub, table, at)
}

// evaluate is Evaluate, with c the cell its Status points at.
func (c *cell) evaluate(sub Subscription, table *policy.Table, at time.Time) (Status, error) {
	if sub.IsZero() {
		return Status{}, &FieldError{Field: "Subscription", Value: "zero", Reason: "not built with lifecycle.New"}
	}
	if err := checkAt(at); err != nil {
		return Status{}, err
	}
	t := ns(at)
	if t < sub.start {
		return Status{}, beforeStart(at, sub.sub)
	}
	e, err := newEngine(sub.sub, table)
	if err != nil {
		return Status{}, err
	}
	f := e.first()
	origin := e.s.start
	var carry segment
	var p projection
	for i, et := range e.s.ts {
		if et > t {
			break
		}
		// Only the phase the event finds matters before the last fold.
		e.project(&p, &f, origin)
		found, ok := p.holding(et, &carry)
		if !ok {
			ev := &e.s.spec.History[i]
			return Status{}, &HistoryError{Index: i, Kind: ev.Kind, At: ev.At, Reason: "no state at this instant"}
		}
		carry = found
		if err := e.step(&f, i, &e.s.spec.History[i], et, &carry); err != nil {
			return Status{}, err
		}
		origin = et
	}
	// The segment that holds t: its phase, cut where the version in force
	// at t took effect.
	e.project(&p, &f, origin)
	f.deletedAt = p.deletedAt()
	k := 0
	for k+1 < p.n && p.ph[k+1].start <= t {
		k++
	}
	v := e.b.at(t)
	from := max(p.ph[k].start, e.b.v.Starts[v])
	c.seg, c.f = e.segment(&f, &p, k, from, v, &carry), f
	c.seg.reactUntil = e.reactUntil(&f, &p, k, from)
	return Status{m: &c.seg.mark, d: &c.seg.detail, f: &c.f, at: t}, nil
}

// cell holds the segment and fold a one-shot Status points at.
type cell struct {
	seg segment
	f   fold
}
