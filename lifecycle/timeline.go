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

// Timeline returns every phase of sub judged against table: [Judge]
// followed by [Lifecycle.Phases].
func Timeline(sub Subscription, table *policy.Table) ([]Phase, error) {
	lc, err := Judge(sub, table)
	if err != nil {
		return nil, err
	}
	return lc.Phases(), nil
}
