package lifecycle

import (
	"fmt"
	"time"
)

// CanRemovePaymentMethod reports whether actor may remove (delete) a
// payment method at the instant at, judged across every subscription that
// uses it, each judged with [Judge] (R-PAY-1…R-PAY-3, AC-50): nil when it
// may, else a *RefusalError naming the first subscription that still holds
// it. A subscription holds its payment method until it is Deleted ("You
// can't remove a payment method from a canceled subscription until after
// it reaches the deleted state"), or, with policy.PaymentRules.AllowReplaceWhileDisabled, until
// it is Disabled; an Active or Expired subscription must first be moved to
// another payment method ("You can only delete a payment method that isn't
// attached to a subscription", R-PAY-2). CSP subscriptions are billed to
// the partner and hold no customer payment method; they are skipped. The
// actor must be allowed to manage payment methods on every channel
// involved (§3.12: at least a Billing Administrator; MCA billing account or
// profile owners and contributors). An empty uses means the method is
// attached to nothing and may be removed.
func CanRemovePaymentMethod(actor Role, uses []Lifecycle, at time.Time) error {
	if !actor.IsValid() {
		return &FieldError{Field: "actor", Value: actor.String(), Reason: "not a valid role"}
	}
	checked := false // whether a subscription's channel judged the actor's role
	for i := range uses {
		u := &uses[i]
		if u.IsZero() {
			return &FieldError{Field: fmt.Sprintf("uses[%d]", i), Value: "zero", Reason: "not built with lifecycle.Judge"}
		}
		ch := u.s.spec.Channel
		if ch.IsCSP() {
			continue
		}
		st, err := u.At(at)
		if err != nil {
			return err
		}
		if roles := BillingRoles(ch); !roles.Has(actor) {
			e := paymentRefusal(refRole, actor, u.s, &st)
			e.roles = roles
			e.Rule, e.Sources = "§3.12", "[D-PAY-2024-02]"
			return e
		}
		checked = true
		if st.Capabilities().RemovePaymentMethod {
			continue
		}
		why := refPaymentAttached
		if st.State() == Disabled {
			why = refPaymentCancelled
		}
		e := paymentRefusal(why, actor, u.s, &st)
		e.Until = st.DeletedAt()
		return e
	}
	// §3.12, R-PAY-2: with no customer-billed subscription to say which
	// channel's roles apply, payment methods are still managed only by at
	// least a Billing Administrator, or the MCA billing account and profile
	// owners and contributors.
	if !checked && !paymentRoles.Has(actor) {
		return &RefusalError{Actor: actor, At: at.UTC(), Rule: "§3.12, R-PAY-2", Sources: "[D-PAY-2024-02]",
			why: refRole, roles: paymentRoles, action: "remove-payment-method"}
	}
	return nil
}

// paymentRoles are the roles that manage payment methods on some channel
// (§3.12); CSP subscriptions are billed to the partner.
var paymentRoles = mosaBillingRoles | mcaBillingRoles

func paymentRefusal(why refusal, actor Role, sub *sub, st *Status) *RefusalError {
	info := refusals[why]
	return &RefusalError{
		Actor: actor, Channel: sub.spec.Channel, State: st.State(), Trial: st.Trial(), At: st.At(),
		Rule: info.rule, Sources: info.sources, SubscriptionID: sub.spec.ID,
		why: why, end: st.TermEnd(), action: "remove-payment-method",
	}
}
