package lifecycle

import (
	"errors"
	"time"

	"github.com/lapse-go/lapse/policy"
)

// Upgrade upgrades the subscription at the instant at to the new
// subscription to describes, bought at at, and returns both: the old
// subscription with the upgrade's event appended, and the new one judged
// against table.
//
// A full upgrade (to.Licenses at least the licenses held at at) ends the
// old subscription as R-LC-11 lists it among the triggers of Expired:
// recurring billing is turned off, the subscription stays Active to its
// end date, and Expired starts there ("Upgrading a subscription starts
// Expired for the old subscription at its end date"; when a mid-term
// upgrade ends it is [AMBIGUOUS], and lapse reads it as the end date). A
// partial upgrade (fewer) moves to.Licenses seats from the old CSP
// subscription, which keeps the rest and runs on; lapse records the move
// as a change of the license count ([INFERRED]). Only CSP partial
// upgrades are documented: on the other channels a partial upgrade is a
// *NotModelledError (ErrNotModelled).
//
// On CSP the new subscription inherits the old one's cancellation window:
// "Subscriptions created as a result of a partial upgrade inherit the
// cancellation window from the parent … The cancellation window doesn't
// reopen until the subscription itself renews"; "Cancellation windows are
// not applied to upgrades" (R-CAN-16): Upgrade sets to.WindowFrom to the
// instant the old subscription's current window opened. On the direct
// channels the new subscription's window opens at its purchase
// ([INFERRED]: R-CAN-16 is a CSP rule).
//
// Whoever may turn off the old subscription's recurring billing may
// upgrade it; otherwise the error is that command's *RefusalError. to
// must be on the old subscription's channel and start at at, or the error
// is a *FieldError. The new subscription is checked as [Purchase] checks
// it.
func (lc Lifecycle) Upgrade(actor Role, to Spec, table *policy.Table, at time.Time) (old, next Lifecycle, err error) {
	if lc.s == nil {
		return Lifecycle{}, Lifecycle{}, &FieldError{Field: "Lifecycle", Value: "zero", Reason: "not built with lifecycle.Judge"}
	}
	ch := lc.s.spec.Channel
	if to.Channel != ch {
		return Lifecycle{}, Lifecycle{}, &FieldError{Field: "Spec.Channel", Value: to.Channel.String(),
			Reason: "an upgrade stays on the channel of the subscription it upgrades, " + ch.String()}
	}
	if !to.Start.Equal(at) {
		return Lifecycle{}, Lifecycle{}, &FieldError{Field: "Spec.Start", Value: to.Start,
			Reason: "the subscription an upgrade creates starts at the upgrade, " + at.UTC().Format(time.RFC3339Nano)}
	}
	if to.Trial {
		return Lifecycle{}, Lifecycle{}, &FieldError{Field: "Spec.Trial", Value: true, Reason: "an upgrade buys a paid subscription, not a free trial"}
	}
	// The role and the state: those of turning off recurring billing.
	cmd := Command{Kind: CmdTurnOffRecurringBilling, Actor: actor}
	st, ev, err := lc.check(&cmd, at)
	var re *RefusalError
	switch {
	case err == nil:
	case errors.As(err, &re) && re.why == refAlready: // already off: it ends at its end date
		st, err = lc.At(at)
		if err != nil {
			return Lifecycle{}, Lifecycle{}, err
		}
	default:
		return Lifecycle{}, Lifecycle{}, err
	}
	held := st.Licenses()
	partial := to.Licenses < held
	if partial && !ch.IsCSP() {
		return Lifecycle{}, Lifecycle{}, &NotModelledError{Rule: "R-LC-11, R-CAN-16", Sources: "[D-WIF-2025-02], [P-PC-CANPOL-LIVE]",
			What: "a partial upgrade of a " + ch.String() + " subscription",
			Why:  "the sources document partial upgrades for CSP only; a direct upgrade ends the old subscription at its end date"}
	}
	if ch.IsCSP() {
		t0, _ := st.window()
		to.WindowFrom = timeOf(t0) // R-CAN-16
	}
	next, err = Purchase(to, table)
	if err != nil {
		return Lifecycle{}, Lifecycle{}, err
	}
	switch {
	case partial:
		left := held - to.Licenses
		old, err = lc.extend(Event{Kind: ChangeLicenses, At: at, Actor: actor, Licenses: left, Assigned: min(st.Assigned(), left)})
	case re == nil:
		ev.At = at
		old, err = lc.extend(ev) // R-LC-11: recurring billing off, Expired from the end date
	default:
		old = lc
	}
	if err != nil {
		return Lifecycle{}, Lifecycle{}, err
	}
	return old, next, nil
}
