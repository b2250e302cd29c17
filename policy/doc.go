// Package policy holds the Microsoft 365 commercial subscription lifecycle
// rules as data: the purchase [Channel], the commitment [Term], the
// per-channel [Rules] (days in Expired and Disabled, the expiry anchor,
// cancellation windows and effects, purge bounds, reactivation, suspension,
// trial and license rules), and an effective-dated [Table] whose every row
// cites the rule ids (R-…, DC-…, C-…) and source keys of the domain
// specification it transcribes.
//
// # What it is not
//
// Rules are not a state machine and never read the clock: they are the
// numbers and settings that package lifecycle applies to a subscription at
// an instant the caller passes in. A [Table] is immutable once built and
// safe for concurrent use; [Rules] and [Row] are plain values.
//
// # Versions
//
// Microsoft's numbers hold "for most offers in most countries/regions" and
// changed over time (Volume Licensing in 2024 and 2025, direct MCA from
// 2026-02-09, the Open License program retired in December 2021). The
// built-in table keeps every documented version as rows with an
// effective-from and an effective-until instant; [Table.Lookup] returns the
// row in force at the instant given. Which instant judges a subscription is
// the caller's choice: package lifecycle uses the subscription's end date
// for its lifecycle (R-LC-14) and the instant of a command for eligibility.
//
// # Ambiguities
//
// Where the sources leave a boundary open ([AMBIGUOUS] in the
// specification) the choice is a named field with the documented default,
// never a silent choice: [Rules.ExpiryAnchor] (DC-3a/DC-3b),
// [Window.Inclusive] (DC-5/DC-6), [ReactivationRules.ExplicitDeleteHours]
// (C-6), [Rules.DisabledUntilTermEnd] (C-20),
// [SuspensionRules.AtTermEnd] (C-8), [PurgeRules.ExpiryDeadlineFrom]
// (R-DAT-3), [TrialRules.ExpiredDays] (C-12), [OnlineLimit.Inclusive]
// (R-CAN-6, AC-15) and [PaymentRules.AllowReplaceWhileDisabled] (R-PAY-3).
package policy
