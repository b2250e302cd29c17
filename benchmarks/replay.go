package main

import (
	"fmt"
	"time"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// The states of the peers' machines: lifecycle.State's text names.
const (
	stActive   = "active"
	stExpired  = "expired"
	stDisabled = "disabled"
	stDeleted  = "deleted"
)

// The events of the peers' machines. Time fires the first three when a
// term or a number of days runs out; the history fires the others.
const (
	evExpire      = "expire"      // the term ended, Expired days follow (DC-3): active → expired
	evDisable     = "disable"     // the term ended without Expired days, or they ran out: active, expired → disabled
	evDeprovision = "deprovision" // the Disabled (or Expired) days ran out: active, expired, disabled → deleted
	evCancel      = "cancel"      // cancel now (R-LC-5, DC-4): active → disabled
	evDelete      = "delete"      // an admin deleted it (R-LC-8, R-LC-10): expired, disabled → deleted
	evReactivate  = "reactivate"  // reactivated (R-REA-1): expired, disabled → active
	evRenew       = "renew"       // a renewal order while Expired starts a new term (R-REA-9): expired → active
)

// machine is a state machine a replay drives: a peer library's machine,
// built fresh for each question, in state "active" at the purchase.
type machine interface {
	// Fire fires an event; an event the current state does not permit is
	// an error.
	Fire(event string) error
	// State returns the current state.
	State() string
}

// replay is the plain re-implementation the peers share: it walks a
// subscription's history and the time between its events in order, keeps
// the facts that decide what time does next (the current term, recurring
// billing, a cancellation, the removal of every license), and fires into
// the machine every event that changes the state. Every number of days and
// every choice comes from the table: the end of a term by the version in
// force on its end date (R-LC-14), an event and what it leads to by the
// version in force at its instant.
//
// It models what the fixtures' channels (direct MOSA and MCA, enterprise,
// volume licensing) need and refuses the rest: trials, suspension, CSP's
// cancellation to Deleted, cancellations that take effect at the term end,
// a reactivation after an explicit deletion, Extended Service Terms.
type replay struct {
	m      machine
	table  *policy.Table
	key    policy.Key
	months int // the length of a term

	// The current term ends on end, the n-th end of the renewal chain from
	// cycle: cycle + n terms − 1 day, the day of month clamped to shorter
	// months (DC-1). n is 0 when the first term is irregular (the chain
	// starts the day after it).
	cycle, end time.Time
	n          int

	recurring bool      // recurring billing is on
	cancelled time.Time // the instant it was cancelled now; zero if it was not
	removed   time.Time // the instant every license was removed (R-LIC-4); zero if not
}

// roll is the replay's own time event: a renewing term rolls into the next
// one, and the state does not change.
const roll = "roll"

// replayTo replays spec through m up to and including the instant t, by
// the rules of table, and returns the state m is in then.
func replayTo(m machine, spec *lifecycle.Spec, table *policy.Table, t time.Time) (string, error) {
	t = t.UTC()
	start := spec.Start.UTC()
	if t.Before(start) {
		return "", fmt.Errorf("replay: %v is before the purchase at %v", t, start)
	}
	if spec.Trial {
		return "", fmt.Errorf("replay: trials are not modelled")
	}
	r := replay{
		m: m, table: table,
		key:    policy.Key{Channel: spec.Channel, Term: spec.Term, Product: spec.Product, Offer: spec.Offer, Country: spec.Country},
		months: spec.Term.Months(),
		end:    spec.End.UTC(), recurring: spec.RecurringBilling,
	}
	if day0 := dayOf(start); addMonths(day0, r.months).AddDate(0, 0, -1).Equal(r.end) {
		r.cycle, r.n = day0, 1
	} else {
		r.cycle, r.n = r.end.AddDate(0, 0, 1), 0
	}
	h := spec.History
	for i := 0; ; {
		// Time first: a transition at the instant of an event happens
		// before it, as phases begin at their first instant.
		limit := t
		if i < len(h) && h[i].At.Before(t) {
			limit = h[i].At
		}
		at, ev, err := r.next()
		if err != nil {
			return "", err
		}
		if ev != "" && !at.After(limit) {
			if err := r.advance(ev); err != nil {
				return "", fmt.Errorf("replay: %s at %v: %w", ev, at, err)
			}
			continue
		}
		if i < len(h) && !h[i].At.After(t) {
			if err := r.apply(&h[i]); err != nil {
				return "", fmt.Errorf("replay: %v: %w", h[i], err)
			}
			i++
			continue
		}
		return r.m.State(), nil
	}
}

// next returns what time does next, absent events, and when: ev is empty
// when nothing follows (Deleted).
func (r *replay) next() (at time.Time, ev string, err error) {
	switch r.m.State() {
	case stActive:
		if r.recurring && r.removed.IsZero() {
			return r.end.AddDate(0, 0, 1), roll, nil
		}
		eol, err := r.rules(r.endOfLife())
		if err != nil {
			return at, "", err
		}
		b := r.boundary(&eol)
		switch {
		case eol.ExpiredDays > 0:
			return b, evExpire, nil
		case eol.DisabledDays > 0:
			return b, evDisable, nil
		}
		return b, evDeprovision, nil
	case stExpired:
		eol, err := r.rules(r.endOfLife())
		if err != nil {
			return at, "", err
		}
		at = r.boundary(&eol).AddDate(0, 0, eol.ExpiredDays)
		if eol.DisabledDays > 0 {
			return at, evDisable, nil
		}
		return at, evDeprovision, nil
	case stDisabled:
		if !r.cancelled.IsZero() { // Disabled for its days from the cancellation's date (DC-4)
			c, err := r.rules(r.cancelled)
			if err != nil {
				return at, "", err
			}
			return dayOf(r.cancelled).AddDate(0, 0, c.DisabledDays), evDeprovision, nil
		}
		eol, err := r.rules(r.endOfLife())
		if err != nil {
			return at, "", err
		}
		return r.boundary(&eol).AddDate(0, 0, eol.ExpiredDays+eol.DisabledDays), evDeprovision, nil
	}
	return at, "", nil
}

// advance makes time's event ev happen.
func (r *replay) advance(ev string) error {
	if ev == roll {
		r.n++
		r.end = r.termEnd()
		return nil
	}
	return r.m.Fire(ev)
}

// apply makes the history's event ev happen.
func (r *replay) apply(ev *lifecycle.Event) error {
	at := ev.At.UTC()
	switch ev.Kind {
	case lifecycle.RecurringBillingOff, lifecycle.RecurringBillingOn:
		if st := r.m.State(); st != stActive {
			return fmt.Errorf("recurring billing changes only while active, not %s", st)
		}
		r.recurring = ev.Kind == lifecycle.RecurringBillingOn
	case lifecycle.ChangeLicenses:
		st := r.m.State()
		if st == stDeleted {
			return fmt.Errorf("licenses of a deleted subscription")
		}
		if ev.Licenses == 0 && st == stActive {
			now, err := r.rules(at)
			if err != nil {
				return err
			}
			if now.Licenses.ExpiredOnlyWhenAllRemoved { // R-LIC-4: Expired from now
				r.removed, r.recurring = at, false
			}
		}
	case lifecycle.CancelNow:
		now, err := r.rules(at)
		if err != nil {
			return err
		}
		if now.Cancel.Effect != policy.CancelToDisabled || now.DisabledUntilTermEnd {
			return fmt.Errorf("a cancellation to %v is not modelled", now.Cancel.Effect)
		}
		if err := r.m.Fire(evCancel); err != nil {
			return err
		}
		r.cancelled = at
	case lifecycle.Delete:
		return r.m.Fire(evDelete)
	case lifecycle.Reactivate:
		now, err := r.rules(at)
		if err != nil {
			return err
		}
		eol, err := r.rules(r.endOfLife())
		if err != nil {
			return err
		}
		ended := !r.boundary(&eol).After(at)
		if err := r.m.Fire(evReactivate); err != nil {
			return err
		}
		if now.Reactivation.CreatesNewSubscription || ended {
			r.newTerm(at) // R-REA-5, or the term is over: a new one from today
		}
		r.cancelled, r.removed, r.recurring = time.Time{}, time.Time{}, true
	case lifecycle.Renew:
		switch st := r.m.State(); {
		case st == stExpired:
			if err := r.m.Fire(evRenew); err != nil {
				return err
			}
			r.newTerm(at)
		case st == stActive && !r.recurring: // the term is extended by one term of the chain
			r.n++
			r.end = r.termEnd()
		case st == stActive: // renews anyway: only the cancellation window reopens
		default:
			return fmt.Errorf("a renewal while %s", st)
		}
	default:
		return fmt.Errorf("%v is not modelled", ev.Kind)
	}
	return nil
}

// rules returns the rules in force for the subscription at t.
func (r *replay) rules(t time.Time) (policy.Rules, error) { return r.table.Lookup(r.key, t) }

// endOfLife returns the instant whose rules decide how the current term
// ends: the cancellation, the removal of every license, or its end date.
func (r *replay) endOfLife() time.Time {
	switch {
	case !r.cancelled.IsZero():
		return r.cancelled
	case !r.removed.IsZero():
		return r.removed
	}
	return r.end
}

// boundary returns the first instant after the current term under eol: the
// removal of every license, else the end date (DC-3a) or the day after it
// (DC-3b).
func (r *replay) boundary(eol *policy.Rules) time.Time {
	switch {
	case !r.removed.IsZero():
		return r.removed
	case eol.ExpiryAnchor == policy.OnEndDate:
		return r.end
	}
	return r.end.AddDate(0, 0, 1)
}

// newTerm starts a new term, and a new renewal chain, on at's date.
func (r *replay) newTerm(at time.Time) {
	r.cycle, r.n = dayOf(at), 1
	r.end = r.termEnd()
	r.cancelled, r.removed = time.Time{}, time.Time{}
}

// termEnd returns the end date of the n-th term of the chain.
func (r *replay) termEnd() time.Time {
	return addMonths(r.cycle, r.n*r.months).AddDate(0, 0, -1)
}

// dayOf returns 00:00Z of t's UTC date.
func dayOf(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// addMonths adds months to the UTC date d, clamping its day of month to
// the last day of a shorter month (2026-01-31 + 1 month = 2026-02-28),
// where time.AddDate would run into March.
func addMonths(d time.Time, months int) time.Time {
	y, m, day := d.Date()
	first := time.Date(y, m+time.Month(months), 1, 0, 0, 0, 0, time.UTC)
	if last := first.AddDate(0, 1, -1).Day(); day > last {
		day = last
	}
	return first.AddDate(0, 0, day-1)
}
