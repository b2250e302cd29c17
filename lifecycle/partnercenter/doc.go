// Package partnercenter imports the subscriptions Partner Center's REST API
// returns (GET /v1/customers/{customer-id}/subscriptions and
// /subscriptions/{id}) into lapse: [Decode] reads the JSON of one
// Subscription resource or a collection of them, [Subscription.Spec] maps
// one to a lifecycle.Spec, and [Import] does both for a whole input and
// builds the lifecycle.Subscription values.
//
//	subs, err := partnercenter.Import(resp.Body, partnercenter.Options{AsOf: readAt})
//	...
//	st, err := lifecycle.Evaluate(subs[0], policy.Builtin(), at)
//
// The fields are the ones Partner Center documents for its Subscription
// resource (learn.microsoft.com/partner-center/developer/subscription-resources),
// under their JSON names. Unknown fields are ignored, since Partner Center
// adds fields over time; what lapse needs and cannot read is an error
// that names the field and the value, never a default.
//
// # What it maps
//
//   - id → Spec.ID; offerId → Spec.Offer; quantity → Spec.Licenses;
//     autoRenewEnabled → Spec.RecurringBilling (the current setting, taken
//     as the setting since the current term began); isTrial → Spec.Trial.
//   - The channel: policy.CSPNewCommerce when productType.id is
//     "OnlineServicesNCE" or offerId has the form of the new commerce
//     catalog, "productId:skuId[:availabilityId]" (such as
//     "CFQ7TTC0LH18:0001:CFQ7TTC0K971"); policy.CSPLegacy when offerId is a
//     GUID, the form of legacy offers. termDuration does not decide: the
//     reference documented it before new commerce existed, and marketplace
//     subscriptions carry it too. Options.Channel overrides the rule.
//   - termDuration → Spec.Term: P1M monthly, P1Y annual, P3Y multi-year;
//     any other value is an error. A trial's term is the one it converts to
//     (scheduledNextTermInstructions.product.termDuration when given).
//     Options.Term fills in a missing termDuration.
//   - The product: productType.id "Software" is a software subscription
//     and isMicrosoftProduct false a marketplace product, which
//     lifecycle.New refuses as not modelled (R-CAN-17); an offer name
//     containing "Microsoft 365 Copilot", "Extra File Storage" or "Business
//     Central" selects that policy.Product. Azure and usage- or
//     benefit-billed subscriptions are refused: they have no license
//     lifecycle.
//
// # Dates
//
// Partner Center gives every date in UTC. commitmentEndDate is the end date
// of the current term, as a date-time: its UTC date is the end date, so
// "2023-03-01T00:00:00Z" and "2023-03-01T23:59:59Z" both end the term on
// 2023-03-01, and "2023-03-01T00:30:00+01:00" ends it on 2023-02-28. New
// commerce end dates are inclusive ("if the term end date is
// 2023-03-01T00:00:00Z UTC it is inclusive of the whole day", RULES.md
// DC-3b, [PC-SUB-2023-10]): Spec.End is that date. Legacy end dates are
// not inclusive, as the commitmentEndDate note of the Subscription
// resource says: Spec.End is the day before.
//
// The start is effectiveStartDate (creationDate when it is absent): the
// documented "effective start date for this subscription", which Partner
// Center also moves "to back date a migrated subscription or to align it
// with another". creationDate is only when the resource was created; in
// Partner Center's new-commerce example the two are the same instant to
// within a second.
//
// # One term, the current one
//
// A Subscription resource describes the term the subscription is in, not
// the terms before it, and lapse's Spec describes a first term and what
// happened since. The import gives lapse the current term as the first,
// with no invented history:
//
//   - When commitmentEndDate falls within the first term from the start
//     (for a trial, always), the subscription is in its first term, whole
//     or shortened to a custom end date ("end date alignment"): Spec.Start
//     is the exact start instant.
//   - Otherwise it was renewed: when commitmentEndDate ends a whole term of
//     the renewal chain from the start's date (same day of the month,
//     clamped to shorter months, DC-1), Spec.Start is 00:00Z of that term's
//     first day, which is where lapse starts an automatic renewal and its
//     cancellation window (R-CAN-15 starts it "precisely at this datetime
//     of renewal completion", which Partner Center does not give; renewal
//     "may take up to 24 hours", so lapse's window may close up to a day
//     before Partner Center's).
//   - Any other end date (a renewed term after an aligned first one, a
//     renewal to a custom end date, a term changed at renewal, a legacy
//     commitment aligned to the partner's billing date) is refused; the
//     caller who knows when the term began says so in Options.TermStart.
//
// The original start stays in Subscription.EffectiveStartDate and
// CreationDate. The consequences: lapse answers for the current term and
// after it, not for the terms before (an instant before Spec.Start is
// before the subscription, for lapse), and a change made earlier in the
// current term (licenses added, recurring billing turned off and on) is
// not in the history.
//
// # Status
//
// The status becomes events only where Partner Center gives the instant,
// which is nowhere: the Subscription resource has no suspension or
// cancellation date. So:
//
//   - active: no event.
//   - suspended: a Suspend event at Options.SuspendedAt[id], required.
//   - expired: no event; the dates explain it, which needs autoRenewEnabled
//     false.
//   - disabled: after a suspension that reached the term end, a Suspend
//     event at Options.SuspendedAt[id]; else the expiry's path, mapped only
//     when Options.AsOf lets lapse confirm it.
//   - deleted: a CancelNow event at Options.CancelledAt[id], a Suspend at
//     Options.SuspendedAt[id], or the end of its life, mapped only when
//     Options.AsOf lets lapse confirm it. cancellationAllowedUntilDate is
//     the end of a window, not the instant of a cancellation.
//   - pending (not provisioned yet) and none are refused.
//
// With Options.AsOf, the instant the JSON was read, every subscription is
// judged there and its status must be the state lapse finds (a
// *MismatchError otherwise): a check that the facts supplied and the
// mapping agree with Partner Center.
//
// # What it cannot know
//
// Partner Center's Subscription does not say when it was suspended,
// cancelled or deleted, when its current term's renewal completed, how
// long its earlier terms were, whether its first term was aligned to
// another subscription, when quantities or auto-renewal changed within the
// term, how many licenses are assigned (Spec.Assigned is 0), the
// customer's country (Options.Country), or whether a "disabled" or
// "deleted" subscription got there by expiry or by suspension. Each of
// these is an option or a refusal, never a guess.
//
// # Limits
//
// Decode reads at most [MaxBytes] (16 MiB) and [MaxItems] (100,000 items);
// more is a *LimitError. It does not follow a collection's "next" link:
// a caller decodes each page Partner Center returns.
package partnercenter
