package lifecycle

import (
	"time"

	"github.com/lapse-go/lapse/policy"
)

// The engine folds a history into a regime — the facts in force since the
// last event — and projects the regime into at most maxPhases phases that
// follow absent further events. Evaluate folds the events up to an instant
// and reads the projection there; Timeline concatenates the projections,
// each clipped at the next event. Both use only integer arithmetic on
// nanosecond instants and allocate nothing.

// maxPhases bounds a projection: Active, Expired, Disabled, Disabled,
// Deleted, with one spare.
const maxPhases = 6

type mode uint8

const (
	running   mode = iota // Active, renewing or running to its end date
	cancelled             // cancelled now: Disabled or Deleted from modeAt
	deleted               // explicitly deleted at modeAt
	suspended             // CSP suspension from modeAt
)

// phase is one interval [start, end) of a projection.
type phase struct {
	start, end int64
	state      State
	cause      Cause
	trial      bool // the phase belongs to a free trial
	est        bool // the phase is an Extended Service Term
}

// regime holds the facts in force from origin on.
type regime struct {
	origin       int64
	tStart, tEnd int64 // current term: first day and end date E (00:00Z)
	months       int   // length of the terms that follow
	// cycle is the first day of the renewal chain: renewed terms are
	// [addMonths(cycle, j*months), addMonths(cycle, (j+1)*months)-1day],
	// so a term bought on the 31st renews on the last day of shorter
	// months and on the 31st again after them, whatever events fall
	// between (DC-1; the day-of-month anchor is never lost).
	cycle        int64
	winStart     int64 // instant the current term's cancellation window opened
	recurring    bool
	trial        bool // the current term is a free trial
	convertTrial bool // the trial was bought and converts at its end
	est          bool // an Extended Service Term follows the current term
	inEST        bool // the current term is an Extended Service Term
	atRenewal    bool // "cancel before the next renewal date" was chosen
	deferred     bool // a cancellation takes effect at the term end (C-21)
	mode         mode
	modeAt       int64
	expireAt     int64 // all licenses removed at this instant (R-LIC-4); none if not
	firstCause   Cause
	carry        bool // the first phase continues the previous regime's phase
	carrySince   int64
	carryCause   Cause
	licenses     int
	assigned     int
	conflictEnd  int64 // end of the license-conflict period (R-LIC-4); none if none
	seatsAddedAt int64 // instant licenses were last added (R-LIC-7); none if never
	extensions   int
	reactivated  bool
}

type engine struct {
	spec  *Spec
	start int64 // ns(spec.Start)
	day0  int64 // the first term's first day: dayOf(start)
	dayE  int64 // the first term's end date: dayOf(ns(spec.End))
	rules *policy.Rules
	rg    regime
	ph    [maxPhases]phase
	n     int
	// projected says ph[:n] is the projection of the current regime. The
	// projection is computed lazily (see need): most events fall where
	// the regime's first phase is plainly Active, which first reads off
	// the regime without emitting every phase.
	projected bool
	csp       bool
	anchor    int64 // days added to E to get the expiry boundary (DC-3a: 0, DC-3b: 1)

	outStart, outEnd int64 // Timeline: the instants of the last phase appended
}

// init starts the fold at the purchase, in a zero engine whose spec, start,
// day0, dayE and rules the caller has set. The caller declares the engine
// and sets those fields one by one: a composite literal is built in a
// temporary and then copied, which zeroes and moves its 368 bytes twice.
// init does not take them as arguments: storing pointer arguments through
// its receiver makes them leak, so a caller's &rules would move to the
// heap on every call.
func (e *engine) init() {
	s, r := e.spec, e.rules
	e.csp = s.Channel.IsCSP()
	e.anchor = 0
	if r.ExpiryAnchor == policy.DayAfterEndDate {
		e.anchor = dayNs
	}
	// Field by field into the zero engine, for the reason given in emit.
	start := e.start
	rg := &e.rg
	rg.origin = start
	rg.tStart, rg.tEnd = e.day0, e.dayE
	rg.months = s.Term.Months()
	rg.winStart = start
	rg.recurring, rg.trial = s.RecurringBilling, s.Trial
	rg.firstCause = Purchased
	rg.licenses, rg.assigned = s.Licenses, s.Assigned
	rg.cycle = none // fixed by chain on first use
	rg.expireAt, rg.conflictEnd, rg.seatsAddedAt = none, none, none
	if s.Trial {
		e.rg.firstCause = TrialStarted
	}
}

// need computes the projection of the current regime unless it is there.
func (e *engine) need() {
	if !e.projected {
		e.project()
		e.carried()
	}
}

// first reports, without projecting, whether the phase of the current
// regime that holds t (t ≥ origin) is plainly its first, Active phase: a
// paid term running towards its end date, or renewing without a pending
// Extended Service Term. If so it returns that phase's start, cause and
// est (its state is Active, trial false); if not the caller projects. The
// results come back in registers: a phase filled byte by byte and then
// compared can stall store forwarding (see emit).
func (e *engine) first(t int64) (start int64, cause Cause, est, ok bool) {
	rg := &e.rg
	if rg.mode != running || rg.trial {
		return 0, 0, false, false
	}
	if e.renews(rg) {
		if rg.est && !rg.inEST {
			return 0, 0, false, false
		}
	} else if t >= e.boundary(rg) {
		return 0, 0, false, false
	}
	if rg.carry {
		return rg.carrySince, rg.carryCause, rg.inEST, true
	}
	return rg.origin, rg.firstCause, rg.inEST, true
}

// boundary is the first instant after the current term under natural
// expiry: E (DC-3a) or E+1 (DC-3b); or the instant all licenses were
// removed (R-LIC-4).
func (e *engine) boundary(rg *regime) int64 {
	if rg.expireAt != none {
		return rg.expireAt
	}
	return rg.tEnd + e.anchor
}

// converts reports whether the current trial converts to paid at its end:
// bought explicitly, or auto-converting with recurring billing on and (for
// direct trials) a payment method (R-TRI-1, R-TRI-3, R-TRI-7, C-14).
func (e *engine) converts(rg *regime) bool {
	if rg.mode != running || rg.deferred || rg.expireAt != none {
		return false
	}
	if rg.convertTrial {
		return true
	}
	return e.rules.Trial.AutoConvert && rg.recurring && (e.csp || e.spec.PaymentMethod)
}

// renews reports whether the current term rolls into a next one.
func (e *engine) renews(rg *regime) bool {
	if rg.mode != running || rg.expireAt != none || rg.deferred {
		return false
	}
	if rg.trial {
		return e.converts(rg)
	}
	return rg.recurring || rg.est
}

// rollTo advances a renewing regime's current term to the one holding t.
func (e *engine) rollTo(rg *regime, t int64) {
	for e.renews(rg) && t >= rg.tEnd+dayNs {
		base := rg.tEnd + dayNs
		switch {
		case rg.trial:
			e.convert(rg)
			continue // the paid term may renew in turn
		case rg.est && !rg.inEST:
			rg.inEST, rg.months = true, 1
			rg.firstCause = ExtendedServiceTerm
			rg.cycle = base
		default:
			rg.firstCause = Renewed
		}
		m := rg.months
		if m <= 0 {
			m = 1
		}
		// The chain's term holding t; never one before base.
		k := monthsBetween(e.chain(rg), dayOf(max(t, base))) / m
		rg.tStart = addMonths(rg.cycle, k*m)
		rg.tEnd = addMonths(rg.cycle, (k+1)*m) - dayNs
		rg.winStart = rg.tStart // DC-1: a renewal starts at 00:00Z of its first day
	}
}

// chain returns the first day of rg's renewal chain, fixing it on first
// use from the first term, which no event has changed yet (every event
// that starts a new term sets the chain): the first term's start when it
// is a whole term, so that renewals keep its day of month, else the day
// after its end (an irregular first term: VL alignment, Open activation).
// It is computed lazily because only renewing subscriptions need it.
func (e *engine) chain(rg *regime) int64 {
	if rg.cycle == none {
		rg.cycle = rg.tEnd + dayNs
		if m := rg.months; !rg.trial && m > 0 && addMonths(rg.tStart, m)-dayNs == rg.tEnd {
			rg.cycle = rg.tStart
		}
	}
	return rg.cycle
}

// convert turns a trial regime into the paid term it converts to, which
// starts the day after the trial's end date (R-TRI-1, R-TRI-7).
func (e *engine) convert(rg *regime) {
	base := rg.tEnd + dayNs
	rg.trial, rg.convertTrial = false, false
	rg.firstCause = TrialConverted
	rg.cycle, rg.tStart = base, base
	rg.tEnd = addMonths(base, max(rg.months, 1)) - dayNs
	rg.winStart = base // DC-1: the paid term starts at 00:00Z of its first day
}

// project computes the phases of the current regime from its origin on.
func (e *engine) project() {
	rg := &e.rg
	r := e.rules
	e.n, e.projected = 0, true
	B := e.boundary(rg)
	base := rg.tEnd + dayNs
	switch rg.mode {
	case running:
		from := none // where the (paid) Active phase starts: at the origin
		if rg.trial && e.converts(rg) {
			// The trial runs to its end, then the paid term it converts to
			// follows its own course: it renews, or runs out if recurring
			// billing was turned off after the trial was bought.
			e.emit(Active, rg.firstCause, none, base, true, false)
			paid := *rg
			e.convert(&paid)
			rg, from = &paid, base
			B, base = e.boundary(rg), rg.tEnd+dayNs
		}
		switch {
		case rg.trial:
			e.emit(Active, rg.firstCause, none, B, true, false)
			t := B
			if te := r.Trial.ExpiredDays; te > 0 {
				e.emit(Expired, TrialEnded, t, addDays(t, te), true, false)
				t = addDays(t, te)
				e.emit(Deleted, GraceEnded, t, never, true, false)
			} else {
				e.emit(Deleted, TrialEnded, t, never, true, false)
			}
		case e.renews(rg) && rg.est && !rg.inEST:
			e.emit(Active, rg.firstCause, from, base, false, false)
			e.emit(Active, ExtendedServiceTerm, base, never, false, true)
		case e.renews(rg):
			e.emit(Active, rg.firstCause, from, never, false, rg.inEST)
		default:
			e.emit(Active, rg.firstCause, from, B, false, rg.inEST)
			cause := TermEnded
			switch {
			case rg.expireAt != none:
				cause = AllLicensesRemoved
			case rg.atRenewal:
				cause = CancelledAtRenewal
			}
			if rg.deferred {
				end := addDays(B, r.DisabledDays)
				e.emit(Disabled, Cancelled, B, end, false, false)
				e.emit(Deleted, DisabledEnded, end, never, false, false)
				break
			}
			e.expiry(B, cause)
		}
	case cancelled:
		C := rg.modeAt
		if r.Cancel.Effect == policy.CancelToDeleted {
			e.emit(Deleted, Cancelled, C, never, false, false)
			break
		}
		end := addDays(dayOf(C), r.DisabledDays)
		if r.DisabledUntilTermEnd && B > C {
			end = B // C-20: "deleted at the end of the subscription term"
		}
		e.emit(Disabled, Cancelled, C, end, false, false)
		e.emit(Deleted, DisabledEnded, end, never, false, false)
	case deleted:
		e.emit(Deleted, ExplicitlyDeleted, rg.modeAt, never, false, false)
	case suspended:
		S := rg.modeAt
		s := r.Suspension
		if s.MaxDays > 0 {
			if lim := addDays(S, s.MaxDays); lim < B {
				e.emit(Suspended, SuspendedByPartner, S, lim, false, false)
				e.emit(Deleted, SuspensionLimit, lim, never, false, false)
				break
			}
		}
		e.emit(Suspended, SuspendedByPartner, S, B, false, false)
		switch s.AtTermEnd {
		case policy.DisabledThenDisabled:
			mid := addDays(B, s.DisabledDays)
			end := addDays(mid, r.DisabledDays)
			e.emit(Disabled, SuspendedAtTermEnd, B, mid, false, false)
			e.emit(Disabled, DisabledEnded, mid, end, false, false)
			e.emit(Deleted, DisabledEnded, end, never, false, false)
		case policy.DisabledThenDeleted:
			end := addDays(B, r.DisabledDays)
			e.emit(Disabled, SuspendedAtTermEnd, B, end, false, false)
			e.emit(Deleted, DisabledEnded, end, never, false, false)
		default:
			e.emit(Deleted, SuspendedAtTermEnd, B, never, false, false)
		}
	}
}

// carried applies the regime's carry to its first phase: the state the
// regime starts in continues the phase before its origin (see step).
func (e *engine) carried() {
	if e.rg.carry && e.n > 0 {
		e.ph[0].start, e.ph[0].cause = e.rg.carrySince, e.rg.carryCause
	}
}

// expiry emits Expired (G days), Disabled (D days) and Deleted from B.
func (e *engine) expiry(B int64, cause Cause) {
	r := e.rules
	t := B
	if g := r.ExpiredDays; g > 0 {
		e.emit(Expired, cause, t, addDays(t, g), false, false)
		t = addDays(t, g)
		cause = GraceEnded
	}
	if d := r.DisabledDays; d > 0 {
		e.emit(Disabled, cause, t, addDays(t, d), false, false)
		t = addDays(t, d)
		cause = DisabledEnded
	}
	e.emit(Deleted, cause, t, never, false, false)
}

// emit appends a phase clipped to start at the regime's origin; phases that
// end at or before the origin are dropped. (project never sees the carry:
// carried applies it to ph[0] afterwards, see step and need.)
func (e *engine) emit(st State, c Cause, start, end int64, trial, est bool) {
	origin, n := e.rg.origin, e.n
	if end <= origin || end <= start || n >= maxPhases {
		return
	}
	// Field by field: a composite literal is built on the stack with byte
	// stores and then copied with wide loads, which can stall store
	// forwarding.
	p := &e.ph[n]
	p.start, p.end = max(start, origin), end
	p.state, p.cause, p.trial, p.est = st, c, trial, est
	e.n = n + 1
}

// at returns the index of the phase holding t (t ≥ origin), or -1.
func (e *engine) at(t int64) int {
	for i := 0; i < e.n; i++ {
		if t < e.ph[i].end {
			return i
		}
	}
	return -1
}

// step applies the i-th event, at t (ns(ev.At)), checking that it could
// happen in the state it found.
func (e *engine) step(i int, ev *Event, t int64) error {
	var old phase
	start, cause, est, plain := e.first(t)
	if plain {
		old.start, old.cause, old.state, old.est = start, cause, Active, est
	} else {
		e.need()
		k := e.at(t)
		if k < 0 {
			return &HistoryError{Index: i, Kind: ev.Kind, At: ev.At, Reason: "no state at this instant"}
		}
		// Field by field: a whole-struct copy reads the phase's flag bytes,
		// just stored one by one by emit, with one wide load, which can
		// stall store forwarding.
		p := &e.ph[k]
		old.start, old.end = p.start, p.end
		old.state, old.cause, old.trial, old.est = p.state, p.cause, p.trial, p.est
	}
	// In a plainly Active paid term, check allows the events of
	// activeKinds without looking further.
	if !plain || activeKinds>>ev.Kind&1 == 0 {
		if err := e.check(i, ev, &old); err != nil {
			return err
		}
	}
	rg := &e.rg
	// What apply needs of the regime before the event, without copying it;
	// only reactivation and renewal look at it.
	var prev before
	if ev.Kind == Reactivate || ev.Kind == Renew {
		prev = before{boundary: e.boundary(rg), mode: rg.mode, renews: e.renews(rg)}
	}
	if e.renews(rg) && t >= rg.tEnd+dayNs {
		e.rollTo(rg, t)
	}
	rg.origin, rg.carry = t, false
	e.apply(rg, &prev, ev, t, &old)
	e.projected = false
	if plain && (ev.Kind == RecurringBillingOn || ev.Kind == ChangeLicenses && ev.Licenses > 0) {
		// These change neither the mode nor the term: the regime is still
		// plainly Active at t, and its first phase continues old.
		rg.carry, rg.carrySince, rg.carryCause = true, old.start, old.cause
		return nil
	}
	// The new regime starts at t, so the phase holding t is its first.
	state, trial := Active, false
	_, _, est, ok := e.first(t)
	if !ok {
		e.project()
		if e.n == 0 {
			return nil
		}
		p := &e.ph[0]
		state, trial, est = p.state, p.trial, p.est
	}
	if state == old.state && trial == old.trial && est == old.est {
		rg.carry, rg.carrySince, rg.carryCause = true, old.start, old.cause
		if e.projected {
			e.carried()
		}
	}
	return nil
}

// activeKinds are the event kinds check allows in any Active phase of a
// paid term, whatever the rules.
const activeKinds = 1<<RecurringBillingOff | 1<<RecurringBillingOn | 1<<CancelNow |
	1<<CancelAtRenewal | 1<<ChangeLicenses | 1<<Renew

// check reports an event that could not have happened in the phase old it
// found.
func (e *engine) check(i int, ev *Event, old *phase) error {
	st := old.state
	refuse := func(reason string) error {
		return &HistoryError{Index: i, Kind: ev.Kind, At: ev.At, State: st, Reason: reason}
	}
	if st == Deleted {
		if ev.Kind == Reactivate && e.rg.mode == deleted {
			h := e.rules.Reactivation.ExplicitDeleteHours
			if h > 0 && ns(ev.At) < addHours(e.rg.modeAt, h) {
				return nil
			}
		}
		return refuse("after the subscription was deleted on " + timeOf(old.start).Format(time.RFC3339Nano))
	}
	switch ev.Kind {
	case RecurringBillingOff, RecurringBillingOn, CancelAtRenewal, ConvertEST:
		if st != Active {
			return refuse("recurring billing and scheduled changes can change only while active (R-REN-2, R-REA-6)")
		}
		if ev.Kind == ConvertEST && (!e.rules.Renewal.ESTAvailable || old.trial) {
			return refuse("an Extended Service Term follows only a paid term under rules that offer it (R-LC-13)")
		}
	case CancelNow:
		if st != Active && st != Suspended {
			return refuse("only an active (or CSP suspended) subscription can be cancelled")
		}
		if old.trial && !e.rules.Trial.Cancellable {
			return refuse("a trial can't be cancelled under these rules (C-13)")
		}
	case Reactivate:
		if old.trial {
			return refuse("a trial is bought (convert-trial), not reactivated")
		}
		if st != Expired && st != Disabled && st != Suspended {
			return refuse("only an expired, disabled or suspended subscription can be reactivated (R-REA-1)")
		}
	case Delete:
		if st != Expired && st != Disabled {
			return refuse("a subscription must be cancelled before it can be deleted (R-LC-10)")
		}
	case Suspend:
		if !e.rules.Suspension.Allowed || st != Active {
			return refuse("only an active CSP subscription can be suspended (§1.2)")
		}
	case Unsuspend:
		if st != Suspended {
			return refuse("only a suspended subscription can be unsuspended")
		}
	case ExtendTrial:
		if !old.trial || st != Active {
			return refuse("only an active trial can be extended (R-TRI-4)")
		}
		if e.rg.extensions >= e.rules.Trial.MaxExtensions {
			return refuse("the trial has used its extensions (R-TRI-4: once; R-TRI-8: \"Free trials can't be extended\")")
		}
	case ConvertTrial:
		if !old.trial || (st != Active && st != Expired) {
			return refuse("only an active or expired trial can be converted (R-TRI-1, C-14)")
		}
	case Renew:
		if st != Active && st != Expired {
			return refuse("only an active or expired subscription can be renewed")
		}
	}
	return nil
}

// before is what apply needs to know of the regime before an event.
type before struct {
	boundary int64 // its expiry boundary
	mode     mode
	renews   bool
}

func (e *engine) apply(rg *regime, prev *before, ev *Event, t int64, old *phase) {
	r := e.rules
	newTerm := func(cause Cause) {
		rg.mode, rg.trial, rg.convertTrial, rg.inEST, rg.est = running, false, false, false, false
		rg.tStart = dayOf(t)
		rg.months = e.spec.Term.Months()
		rg.tEnd = addMonths(rg.tStart, rg.months) - dayNs
		rg.cycle = rg.tStart
		rg.winStart = t
		rg.expireAt, rg.deferred, rg.atRenewal = none, false, false
		rg.firstCause = cause
	}
	switch ev.Kind {
	case RecurringBillingOff:
		rg.recurring, rg.est = false, false // R-LC-4: also cancels scheduled changes
	case RecurringBillingOn: // step relies on this changing neither mode nor term
		rg.recurring, rg.atRenewal = true, false
	case CancelAtRenewal:
		rg.recurring, rg.atRenewal, rg.est = false, true, false
	case ConvertEST:
		rg.est, rg.recurring = true, true
	case CancelNow:
		if r.Cancel.Effect == policy.CancelAtTermEnd {
			rg.recurring, rg.deferred = false, true
			if old.state == Suspended {
				rg.mode, rg.modeAt = cancelled, t
			}
			break
		}
		rg.mode, rg.modeAt = cancelled, t
	case Reactivate:
		rg.reactivated = true
		if old.state == Suspended {
			rg.mode, rg.firstCause = running, Reactivated
			break
		}
		if r.Reactivation.CreatesNewSubscription || prev.boundary <= t || prev.mode == deleted {
			newTerm(Reactivated)
		} else {
			rg.mode, rg.firstCause = running, Reactivated
			rg.expireAt, rg.deferred, rg.atRenewal = none, false, false
		}
		rg.recurring = true
	case Delete:
		rg.mode, rg.modeAt = deleted, t
	case Suspend:
		rg.mode, rg.modeAt = suspended, t
		if r.Suspension.TurnsOffAutoRenew {
			rg.recurring = false
		}
	case Unsuspend:
		rg.mode, rg.firstCause = running, Unsuspended
	case ExtendTrial:
		rg.tEnd = addDays(rg.tEnd, r.Trial.ExtensionDays)
		rg.extensions++
	case ConvertTrial:
		if old.state == Expired {
			newTerm(TrialConverted)
		} else {
			rg.convertTrial = true
		}
		rg.recurring = true
	case ChangeLicenses: // step relies on this changing neither mode nor term unless ev.Licenses is 0
		if ev.Licenses > rg.licenses {
			rg.seatsAddedAt = t
		}
		rg.licenses, rg.assigned = ev.Licenses, ev.Assigned
		rg.conflictEnd = none
		if ev.Assigned > ev.Licenses && r.Licenses.ConflictDays > 0 && !e.spec.NonUser {
			rg.conflictEnd = addDays(dayOf(t), r.Licenses.ConflictDays)
		}
		if ev.Licenses == 0 && r.Licenses.ExpiredOnlyWhenAllRemoved && old.state == Active {
			rg.expireAt, rg.recurring = t, false
		}
	case Renew:
		switch {
		case old.state == Expired:
			newTerm(Renewed)
		case prev.renews:
			rg.winStart = t // R-CAN-15: the window starts at the renewal's completion
		default: // the current term is extended by one term of the chain
			m := max(rg.months, 1)
			next := rg.tEnd + dayNs
			if next < e.chain(rg) {
				rg.cycle = next
			}
			k := monthsBetween(rg.cycle, next)/m + 1
			rg.tEnd = addMonths(rg.cycle, k*m) - dayNs
		}
	}
}
