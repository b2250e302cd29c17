package lifecycle

import (
	"time"

	"github.com/lapse-go/lapse/policy"
)

// The engine judges a subscription in three steps, each in its own file:
//
//   - the fold (this file): each event of the history changes the facts in
//     force — the current term, recurring billing, the licenses, a
//     cancellation, deletion or suspension. A fold is those facts from one
//     event to the next.
//   - the projection (project.go): the phases a fold leads to absent
//     further events — Active to the end date, then Expired, Disabled,
//     Deleted — each judged by the version of the policy that governs it.
//   - the segmentation (segment.go): each fold's projection cut where the
//     version in force for commands changes, with the answers a Status
//     reads (since when, what next, until when reactivation is possible),
//     up to the next event.
//
// Judge keeps every fold and its segments (judge.go); Evaluate folds up to
// one instant and keeps only the segment that holds it (evaluate.go).

// mode is what became of the subscription, if anything, besides running.
type mode uint8

const (
	running   mode = iota // Active, renewing or running to its end date
	cancelled             // cancelled now: Disabled or Deleted from modeAt
	deleted               // explicitly deleted at modeAt
	suspended             // suspended by the CSP partner from modeAt
)

// fold is what holds from one event of a history to the next: the current
// term and its renewal chain, the settings and counts in force, and what
// they lead to. It is a plain value; its fields are ordered to keep it
// small, because a judged subscription keeps one per event.
type fold struct {
	// b is the book the subscription is judged by, the same in every
	// fold: a Status reaches it through its fold, which keeps the Status
	// four words long (the most the compiler keeps in registers).
	b        book
	winStart int64 // the instant the current term's cancellation window opened
	// modeAt is the instant of the cancellation, deletion or suspension
	// (mode), or of a cancellation that takes effect at the term end
	// (cancelDeferred).
	modeAt    int64
	expireAt  int64 // the instant all licenses were removed (R-LIC-4); none if not
	deletedAt int64 // the instant the projection reaches Deleted; never if it does not

	tStart, tEnd day // the current term: its first day and its end date E
	// cycle is the first day of the renewal chain: the terms that follow
	// are [cycle+j·months, cycle+(j+1)·months−1 day], so a term bought on
	// the 31st renews on the last day of shorter months and on the 31st
	// again after them (DC-1).
	cycle       day
	conflictEnd day // the first day after the license-conflict period (R-LIC-4); noDay if none

	licenses, assigned int32
	win                uint16 // the version that judges the window that opened at winStart
	months             uint8  // the length of the terms that follow
	mode               mode
	firstCause         Cause // why the current term began
	extensions         uint8 // trial extensions used
	facts              facts
}

// facts are a fold's yes-or-no facts, a set of flags: a judged
// subscription keeps a fold per event, and a flag takes a bit where a
// bool takes a byte.
type facts uint16

const (
	billingOn      facts = 1 << iota // recurring billing (auto-renew) is on
	inTrial                          // the current term is a free trial
	trialBought                      // the trial was bought and converts at its end
	trialConverts                    // the trial converts to paid at its end (bought, or auto-converting)
	estNext                          // an Extended Service Term follows the current term
	inEST                            // the current term is an Extended Service Term
	endsAtRenewal                    // "cancel before the next renewal date" was chosen
	cancelDeferred                   // a cancellation takes effect at the term end (C-21)
	productKey                       // the subscription was prepaid with a product key (R-CAN-7, R-REF-4)
	paymentMethod                    // a payment method is attached (R-REA-4, R-TRI-1)
	byPartner                        // the partner cancelled a direct subscription on behalf of the customer (AOBO, R-LC-12)
	viaSeller                        // bought under an MCA through a partner or Microsoft representative (R-CAN-4)
)

// is reports whether fact x holds in f.
func (f *fold) is(x facts) bool { return f.facts&x != 0 }

// set makes the facts x hold in f when on, and not hold when not.
func (f *fold) set(x facts, on bool) {
	if on {
		f.facts |= x
	} else {
		f.facts &^= x
	}
}

// engine judges one subscription against its book of versions.
type engine struct {
	s *sub
	b book
}

// first returns the fold the purchase (or the trial sign-up) begins.
func (e *engine) first() fold {
	sp := &e.s.spec
	f := fold{
		winStart: e.s.start, modeAt: none, expireAt: none, deletedAt: never,
		tStart: e.s.day0, tEnd: e.s.dayE, conflictEnd: noDay,
		licenses: int32(sp.Licenses), assigned: int32(sp.Assigned),
		months: uint8(sp.Term.Months()), firstCause: Purchased, b: e.b,
	}
	f.set(billingOn, sp.RecurringBilling)
	f.set(inTrial, sp.Trial)
	f.set(productKey, sp.ProductKey)
	f.set(paymentMethod, sp.PaymentMethod)
	f.set(viaSeller, sp.ViaSeller)
	if !sp.WindowFrom.IsZero() {
		f.winStart = ns(sp.WindowFrom) // R-CAN-16: an upgrade inherits its parent's window
	}
	if sp.Trial {
		f.firstCause = TrialStarted
	}
	f.cycle = e.s.cycle
	f.win = uint16(e.b.window(f.winStart, cancelWindow))
	e.settle(&f)
	return f
}

// settle fills whether the fold's trial converts at its end: bought, or
// auto-converting under the version in force on its end date.
func (e *engine) settle(f *fold) {
	converts := false
	if f.is(inTrial) && f.mode == running && !f.is(cancelDeferred) && f.expireAt == none {
		r := e.b.rulesAt(f.tEnd.ns()) // the trial's end of life (R-LC-14)
		auto := r.Trial.AutoConvert && f.is(billingOn) && (e.s.spec.Channel.IsCSP() || f.is(paymentMethod))
		converts = f.is(trialBought) || auto // R-TRI-1, R-TRI-3, R-TRI-7, C-14
	}
	f.set(trialConverts, converts)
}

// endOfLife returns the version that judges how the current term ends: the
// version in force at the cancellation, deletion or removal of every
// license that ended it, else the one in force on its end date (R-LC-14).
func (f *fold) endOfLife() int32 {
	switch {
	case f.mode == cancelled || f.mode == deleted || f.is(cancelDeferred):
		return f.b.at(f.modeAt)
	case f.expireAt != none:
		return f.b.at(f.expireAt)
	}
	return f.b.at(f.tEnd.ns())
}

// boundary is the first instant after the current term under natural
// expiry: E (DC-3a) or E+1 (DC-3b) under the rules that judge its end; or
// the instant all licenses were removed (R-LIC-4).
func (f *fold) boundary(r *policy.Rules) int64 {
	if f.expireAt != none {
		return f.expireAt
	}
	if r.ExpiryAnchor == policy.DayAfterEndDate {
		return f.tEnd.add(1).ns()
	}
	return f.tEnd.ns()
}

// renews reports whether the current term rolls into a next one.
func (f *fold) renews() bool {
	if f.mode != running || f.expireAt != none || f.is(cancelDeferred) {
		return false
	}
	if f.is(inTrial) {
		return f.is(trialConverts)
	}
	return f.is(billingOn) || f.is(estNext)
}

// rollTo advances a renewing fold's current term to the one holding t.
func (f *fold) rollTo(t int64) {
	for f.renews() && t >= f.tEnd.add(1).ns() {
		next := f.tEnd.add(1)
		switch {
		case f.is(inTrial):
			f.convert()
			continue // the paid term may renew in turn
		case f.is(estNext) && !f.is(inEST):
			f.set(inEST, true)
			f.months, f.cycle = 1, next
			f.firstCause = ExtendedServiceTerm
		default:
			f.firstCause = Renewed
		}
		m := max(int(f.months), 1)
		k := monthsBetween(f.cycle, max(dayOf(t), next)) / m // the chain's term holding t
		f.tStart = f.cycle.addMonths(k * m)
		f.tEnd = f.cycle.addMonths((k + 1) * m).add(-1)
		f.winStart = f.tStart.ns() // DC-1: a renewal starts at 00:00Z of its first day
	}
}

// convert turns a trial into the paid term it converts to, which starts
// the day after the trial's end date (R-TRI-1, R-TRI-7).
func (f *fold) convert() {
	next := f.tEnd.add(1)
	f.set(inTrial|trialBought|trialConverts, false)
	f.firstCause = TrialConverted
	f.cycle, f.tStart = next, next
	f.tEnd = next.addMonths(max(int(f.months), 1)).add(-1)
	f.winStart = next.ns() // DC-1: the paid term starts at 00:00Z of its first day
}

// step applies the i-th event of the history, at t, to f: the phase it
// found (old, from f's segments) must admit it under the version in force
// at t.
func (e *engine) step(f *fold, i int, ev *Event, t int64, old *segment) error {
	r := e.b.rulesAt(t)
	if err := e.check(f, i, ev, t, old, r); err != nil {
		return err
	}
	var prev before
	if ev.Kind == Reactivate || ev.Kind == Renew {
		prev = before{boundary: f.boundary(e.b.rules(f.endOfLife())), mode: f.mode, renews: f.renews()}
	}
	opened := f.winStart
	f.rollTo(t)
	e.apply(f, ev, t, old, r, &prev)
	if f.tEnd >= endDay {
		// Checked arithmetic: repeated renewals would run the term past
		// the range every instant is checked against (and, unchecked,
		// past int64 nanoseconds in 2262).
		return &HistoryError{Index: i, Kind: ev.Kind, At: ev.At, State: old.state,
			Reason: "the term would end on " + f.tEnd.time().Format(time.DateOnly) + ", past the supported range (end dates before 2200-01-01)"}
	}
	e.settle(f)
	if f.winStart != opened { // a renewal, reactivation or new term opened a window
		f.win = uint16(e.b.window(f.winStart, cancelWindow))
	}
	return nil
}

// check reports an event that could not have happened in the phase old it
// found, under the rules r in force at its instant t.
func (e *engine) check(f *fold, i int, ev *Event, t int64, old *segment, r *policy.Rules) error {
	st := old.state
	refuse := func(reason string) error {
		return &HistoryError{Index: i, Kind: ev.Kind, At: ev.At, State: st, Reason: reason}
	}
	if st == Deleted {
		if ev.Kind == Reactivate && f.mode == deleted {
			// The window opened at the deletion (C-6).
			h := e.b.rulesAt(f.modeAt).Reactivation.ExplicitDeleteHours
			if h > 0 && t <= addHours(f.modeAt, h) { // DC-5: inclusive
				return nil
			}
		}
		return refuse("after the subscription was deleted on " + timeOf(old.since).Format(time.RFC3339Nano))
	}
	switch ev.Kind {
	case RecurringBillingOff, RecurringBillingOn, CancelAtRenewal, ConvertEST:
		if st != Active {
			return refuse("recurring billing and scheduled changes can change only while active (R-REN-2, R-REA-6)")
		}
		if ev.Kind == ConvertEST && (!r.Renewal.ESTAvailable || old.trial) {
			return refuse("an Extended Service Term follows only a paid term under rules that offer it (R-LC-13)")
		}
	case CancelNow:
		if st != Active && st != Suspended {
			return refuse("only an active (or CSP suspended) subscription can be cancelled")
		}
		if old.trial && !r.Trial.Cancellable {
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
	case Suspend: // §1.2: CSP only
		if !r.Suspension.Allowed || st != Active {
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
		if int(f.extensions) >= r.Trial.MaxExtensions {
			return refuse("the trial has used its extensions (R-TRI-4: once; R-TRI-8: \"Free trials can't be extended\")")
		}
	case ConvertTrial:
		if !old.trial || (st != Active && st != Expired) {
			return refuse("only an active or expired trial can be converted (R-TRI-1, C-14)")
		}
	case ChangeLicenses:
		// R-LIC-1: "You cannot reduce your license count to zero" where
		// the rules keep a least count; Apply refuses the same
		// (refLicensesMin). Where the rules let every license go, the
		// subscription expires instead (R-LIC-4).
		if min := r.Licenses.Min; ev.Licenses < min && ev.Licenses < int(f.licenses) && !old.trial {
			return refuse("the license count can't go below the least count of these rules (R-LIC-1)")
		}
	case Renew:
		if ev.ProductKey != "" && e.s.usedKey(ev.ProductKey, i) {
			return refuse("the product key was already used; extending a prepaid subscription needs a new, unused product key (R-REN-3)")
		}
		if old.trial {
			return refuse("a free trial is bought (convert-trial), not renewed (R-TRI-1, C-14)")
		}
		if st != Active && st != Expired {
			return refuse("only an active or expired subscription can be renewed")
		}
	}
	return nil
}

// before is what apply needs to know of a fold before an event.
type before struct {
	boundary int64 // its expiry boundary
	mode     mode
	renews   bool
}

// apply changes f by the event ev at t, which found the phase old, under
// the rules r in force at t.
func (e *engine) apply(f *fold, ev *Event, t int64, old *segment, r *policy.Rules, prev *before) {
	newTerm := func(cause Cause) {
		f.mode = running
		f.set(inTrial|trialBought|inEST|estNext, false)
		f.tStart = dayOf(t)
		f.months = uint8(e.s.spec.Term.Months())
		f.tEnd = f.tStart.addMonths(int(f.months)).add(-1)
		f.cycle = f.tStart
		f.winStart = t
		f.expireAt = none
		f.set(cancelDeferred|endsAtRenewal, false)
		f.firstCause = cause
	}
	switch ev.Kind {
	case RecurringBillingOff:
		f.set(billingOn|estNext, false) // R-LC-4: also cancels scheduled changes
	case RecurringBillingOn: // R-REN-2
		f.set(billingOn, true)
		f.set(endsAtRenewal, false)
	case CancelAtRenewal: // R-CAN-2: runs to its end date, then Expired
		f.set(billingOn|estNext, false)
		f.set(endsAtRenewal, true)
	case ConvertEST: // R-LC-13: an Extended Service Term follows the term
		f.set(estNext|billingOn, true)
	case CancelNow:
		if old.trial {
			// R-TRI-3: "To cancel a free trial, turn off recurring
			// billing"; the trial runs to its end, its Expired days follow,
			// then Deleted (R-TRI-5). A trial has no paid retention: no
			// Disabled, no reactivation (R-TRI-6).
			f.set(billingOn|trialBought, false)
			break
		}
		f.modeAt = t
		f.set(byPartner, ev.Actor == Partner && !e.s.spec.Channel.IsCSP())
		if r.Cancel.Effect == policy.CancelAtTermEnd { // C-21: "effective as of the next billing cycle"
			f.set(billingOn, false)
			f.set(cancelDeferred, true)
			if old.state == Suspended {
				f.mode = cancelled
			}
			break
		}
		f.mode = cancelled
	case Reactivate:
		if old.state == Suspended {
			f.mode, f.firstCause = running, Reactivated
			break
		}
		if r.Reactivation.CreatesNewSubscription || prev.boundary <= t || prev.mode == deleted {
			newTerm(Reactivated) // R-REA-5, or a term that has ended
		} else {
			f.mode, f.firstCause = running, Reactivated
			f.expireAt = none
			f.set(cancelDeferred|endsAtRenewal, false)
			f.winStart = t // the seats held now are paid from the reactivation
		}
		// R-REN-1: recurring billing is on by default where the customer
		// renews in the admin center; VL and Open renew through the
		// licensing partner, never automatically (R-REN-4, R-REA-9).
		f.set(billingOn, !partnerRenewed(e.s.spec.Channel))
	case Delete: // R-LC-8, C-6: Deleted at once
		f.mode, f.modeAt = deleted, t
	case Suspend: // §1.2: CSP only
		f.mode, f.modeAt = suspended, t
		if r.Suspension.TurnsOffAutoRenew {
			f.set(billingOn, false) // R-MISC-4
		}
	case Unsuspend: // R-REA-7
		f.mode, f.firstCause = running, Unsuspended
	case ExtendTrial: // R-TRI-4
		f.tEnd = f.tEnd.add(r.Trial.ExtensionDays)
		f.cycle = f.tEnd.add(1) // a trial's chain starts the day after it ends
		f.extensions++
	case ConvertTrial: // R-TRI-1, C-14: paid from the trial's end, or now once it has expired
		if old.state == Expired {
			newTerm(TrialConverted)
		} else {
			f.set(trialBought, true)
		}
		f.set(billingOn, true)
	case ChangeLicenses:
		f.licenses, f.assigned = int32(ev.Licenses), int32(ev.Assigned)
		f.conflictEnd = noDay
		if ev.Assigned > ev.Licenses && r.Licenses.ConflictDays > 0 && !e.s.spec.NonUser {
			f.conflictEnd = dayOf(t).add(r.Licenses.ConflictDays) // R-LIC-4
		}
		if ev.Licenses == 0 && r.Licenses.ExpiredOnlyWhenAllRemoved && old.state == Active {
			f.expireAt = t // R-LIC-4: "only … after all the licenses are removed"
			f.set(billingOn, false)
		}
	case Renew:
		switch {
		case old.state == Expired:
			newTerm(Renewed)
		case prev.renews:
			f.winStart = t // R-CAN-15: the window starts at the renewal's completion
		default: // the current term is extended by one term of the chain
			m := max(int(f.months), 1)
			next := f.tEnd.add(1)
			if next < f.cycle {
				f.cycle = next
			}
			k := monthsBetween(f.cycle, next)/m + 1
			f.tEnd = f.cycle.addMonths(k * m).add(-1)
			f.winStart = t // R-CAN-15, R-LIC-7: a renewal opens the window
		}
	}
}
