package lifecycle

// CancelAtPeriodEnd reports whether the subscription is Active and its
// service ends when its current period ends, absent further events — like
// Stripe's cancel_at_period_end: it will not renew. Then [Status.Next]
// says what follows (Expired, Disabled or Deleted) and [Status.NextAt]
// when. It is true when:
//
//   - recurring billing (auto-renew) is off (R-LC-3, R-LC-4), and so for
//     a prepaid product-key subscription not extended by a new key
//     (R-REN-3) and always on the channels that renew through their
//     licensing partner, where nothing renews automatically (Volume
//     Licensing, Open Value, Open License; R-REN-4);
//   - "cancel before the next renewal date" was chosen (R-CAN-2);
//   - a cancellation takes effect at the end of the billing cycle under
//     rules that defer it (C-21);
//   - a free trial ends without converting to paid (R-TRI-3, R-TRI-5,
//     C-12): its period is the trial.
//
// It is false while the subscription renews, while a trial converts to
// paid or an Extended Service Term follows the term (R-LC-13) — Active
// goes on — and in every state but Active: a Suspended subscription's
// end is its NextAt too, but suspension is not a choice not to renew.
func (s Status) CancelAtPeriodEnd() bool {
	return s.m != nil && s.m.state == Active && s.m.next.IsValid() && s.m.next != Active
}
