package lifecycle

import (
	"time"

	"github.com/lapse-go/lapse/policy"
)

// checkSale checks the facts of how a subscription was sold: through a
// seller (R-CAN-4), the offer's class (R-TRI-8) and the window inherited
// from an upgraded parent (R-CAN-16).
func checkSale(spec *Spec) error {
	if spec.ViaSeller && spec.Channel != policy.DirectMCA {
		return &FieldError{Field: "Spec.ViaSeller", Value: spec.ViaSeller,
			Reason: "only a " + policy.DirectMCA.String() + " subscription is bought under an MCA through a partner or Microsoft representative (R-CAN-4); " +
				spec.Channel.String() + " is not"}
	}
	if spec.Channel.IsCSP() {
		switch spec.Product {
		case policy.SoftwareSubscription, policy.PerpetualSoftware, policy.MarketplaceSaaS:
			return &NotModelledError{Rule: "R-CAN-17", Sources: "[PC-CANPOL-2023-07], [P-PC-CANPOL-LIVE]",
				What: "a " + string(spec.Product) + " bought through CSP",
				Why:  "its cancellation window and refund (software subscriptions: seven calendar days; perpetual software: a full refund within 30 calendar days; marketplace SaaS: a full refund within 72 hours, 24 hours or 14 days in 2023) differ from license-based subscriptions, and lapse does not model them"}
		}
	}
	if spec.OfferClass != 0 && !spec.OfferClass.IsValid() {
		return &FieldError{Field: "Spec.OfferClass", Value: spec.OfferClass.String(), Reason: "not a valid offer class"}
	}
	if !spec.WindowFrom.IsZero() {
		if err := checkInstant("Spec.WindowFrom", spec.WindowFrom); err != nil {
			return err
		}
		if spec.WindowFrom.After(spec.Start) {
			return &FieldError{Field: "Spec.WindowFrom", Value: spec.WindowFrom,
				Reason: "an inherited cancellation window opened before the upgrade at " + spec.Start.UTC().Format(time.RFC3339Nano) + " (R-CAN-16)"}
		}
		if spec.Trial {
			return &FieldError{Field: "Spec.WindowFrom", Value: spec.WindowFrom, Reason: "a free trial is not created by an upgrade"}
		}
	}
	return nil
}

// guardRoute is how the product or the sale says a subscription is
// cancelled: not in the admin center at all (R-CAN-8), by turning off
// recurring billing (a domain subscription, R-CAN-11), through support
// (Dynamics 365, Intune in the Office 365 era, R-CAN-7(c)), or through the
// seller who sold it under an MCA (R-CAN-4).
func guardRoute(out *RefusalError, r *policy.Rules, cmd *Command, st *Status) *RefusalError {
	ch := st.f.b.channel()
	switch {
	case r.Cancel.OtherProcess:
		return out.refuse(refOtherProcess, cmd, ch, st)
	case r.Cancel.RecurringBillingOnly && cmd.Kind == CmdCancelNow:
		return out.refuse(refRecurringBillingOnly, cmd, ch, st)
	case r.Cancel.ViaSupport && cmd.Actor != Support:
		return out.refuse(refCancelViaSupport, cmd, ch, st)
	case cmd.Kind == CmdCancelAtRenewal: // CancelNow asks guardSeller after its window
		return guardSeller(out, cmd, st)
	}
	return nil
}

// guardSeller refuses a cancellation of a subscription sold under an MCA
// by a partner or a Microsoft representative unless the seller (the
// partner, or support for Microsoft) issues it: "Contact your seller or
// partner" (R-CAN-4).
func guardSeller(out *RefusalError, cmd *Command, st *Status) *RefusalError {
	if st.f.is(viaSeller) && cmd.Actor != Support && !partnerRoles.Has(cmd.Actor) {
		return out.refuse(refContactSeller, cmd, st.f.b.channel(), st)
	}
	return nil
}

// trialOfferRefusal refuses a free trial of a government, education or
// add-on offer where the rules give one trial per commercial offer (CSP
// traditional, R-TRI-8); nil otherwise.
func trialOfferRefusal(spec *Spec, r *policy.Rules) *RefusalError {
	if !spec.Trial || !r.Trial.OncePerOffer || spec.OfferClass == 0 || spec.OfferClass == policy.CommercialOffer {
		return nil
	}
	info := refusals[refTrialOffer]
	return &RefusalError{Channel: spec.Channel, State: Active, Trial: true, At: spec.Start.UTC(),
		Rule: info.rule, Sources: info.sources, why: refTrialOffer, action: "purchase"}
}
