package lifecycle

import (
	"time"

	"github.com/lapse-go/lapse/policy"
)

// Phase is one interval of a subscription's lifecycle: State holds on the
// half-open interval [Start, End). End is zero for the last, open-ended
// phase. Phases of a timeline are contiguous and in order.
type Phase struct {
	State State
	Cause Cause
	Start time.Time
	End   time.Time // zero: open-ended
	// Trial reports a phase of the free trial; ExtendedServiceTerm one of
	// an Extended Service Term.
	Trial               bool
	ExtendedServiceTerm bool
}

// Contains reports whether t lies in [Start, End).
func (p Phase) Contains(t time.Time) bool {
	return !t.Before(p.Start) && (p.End.IsZero() || t.Before(p.End))
}

// Timeline returns every phase of sub under rules, past and future: from
// the purchase to the open-ended last phase (Deleted, or Active while it
// renews), taking every event of the history into account. At every
// instant t, the phase holding t agrees with Evaluate(sub, rules, t) on
// State, Since and Cause. Timeline makes one allocation.
func Timeline(sub Subscription, rules *policy.Rules) ([]Phase, error) {
	if err := checkFit(&sub, rules); err != nil {
		return nil, err
	}
	h := sub.spec.History
	out := make([]Phase, 0, (len(h)+1)*maxPhases)
	var e engine // zeroed in place: a composite literal is built in a temporary and copied
	e.spec, e.start, e.day0, e.dayE, e.rules = &sub.spec, sub.start, sub.day0, sub.dayE, rules
	e.init()
	for i := range h {
		t := sub.ts[i]
		out = e.appendPhases(out, t)
		if err := e.step(i, &h[i], t); err != nil {
			return nil, err
		}
	}
	return e.appendPhases(out, never), nil
}

// appendPhases appends the current projection's phases up to limit,
// merging the first one into the last phase already out when the regime
// continues it. A phase's Start is converted once: it is the End of the
// phase before (e.outStart and e.outEnd are the instants of the last
// phase out).
func (e *engine) appendPhases(out []Phase, limit int64) []Phase {
	e.need()
	for i := 0; i < e.n; i++ {
		p := &e.ph[i] // not a copy: see step
		if p.start >= limit {
			break
		}
		end := min(p.end, limit)
		if i == 0 && e.rg.carry && len(out) > 0 && e.outStart == p.start {
			out[len(out)-1].End = timeOf(end)
			e.outEnd = end
			continue
		}
		var start time.Time
		if len(out) > 0 && e.outEnd == p.start {
			start = out[len(out)-1].End
		} else {
			start = timeOf(p.start)
		}
		out = append(out, Phase{State: p.state, Cause: p.cause, Start: start, End: timeOf(end),
			Trial: p.trial, ExtendedServiceTerm: p.est})
		e.outStart, e.outEnd = p.start, end
	}
	return out
}
