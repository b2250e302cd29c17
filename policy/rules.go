package policy

import (
	"errors"
	"fmt"
	"time"
)

// Citation names where a row's values come from: the rule ids of RULES.md
// (R-…, DC-…, C-…) and the source keys of its §5 ([D-WIF-2025-02], [S004],
// …). Both are required in every row of a table.
type Citation struct {
	Rules   string // rule ids, such as "R-LC-3, DC-3a, C-16"
	Sources string // source keys, such as "[D-WIF-2025-02], [S004]"
}

// String returns "rules (sources)".
func (c Citation) String() string { return c.Rules + " (" + c.Sources + ")" }

// Window is the period during which an action is open after its start
// instant (a purchase, a renewal, seats added). Length and Unit are
// meaningful only for the AfterStart kind.
type Window struct {
	Kind   WindowKind // Anytime, Never or AfterStart
	Length int        // in Unit; positive for AfterStart
	Unit   Unit       // Days (on dates, DC-6) or Hours (on instants, DC-5)
	// Inclusive says whether the last instant (Hours) or the last date
	// (Days) is still inside the window; [AMBIGUOUS] in DC-5 and DC-6,
	// default true.
	Inclusive bool
	// Retroactive says that when the row takes effect, its window also
	// applies to windows that opened before its From and would still be
	// open at its From under its own length and unit: the CSP
	// new-commerce seven-day window "will apply retroactively to
	// subscriptions purchased seven days prior" (R-CAN-14, P-CRN-2022).
	// It is meaningful only for AfterStart windows. The default, false,
	// judges a window by the version in force when it opened.
	Retroactive bool
}

// Open reports whether the window that started at t0 is open at now.
// Hours windows compare instants; Days windows compare UTC dates.
func (w Window) Open(t0, now time.Time) bool {
	switch w.Kind {
	case Anytime:
		return true
	case AfterStart:
		end := w.End(t0)
		if w.Unit == Days {
			// end is the first date outside (exclusive) or the last inside
			// (inclusive) at 00:00Z; compare dates.
			d := dayStart(now)
			if w.Inclusive {
				return !d.After(end) && !d.Before(dayStart(t0))
			}
			return d.Before(end) && !d.Before(dayStart(t0))
		}
		if now.Before(t0) {
			return false
		}
		if w.Inclusive {
			return !now.After(end)
		}
		return now.Before(end)
	}
	return false
}

// End returns the window's boundary for a window that started at t0: for
// Hours, the instant t0+Length h; for Days, the date date(t0)+Length at
// 00:00Z. Whether the boundary itself is inside is [Window.Inclusive]. For
// other kinds End returns the zero time.
func (w Window) End(t0 time.Time) time.Time {
	if w.Kind != AfterStart {
		return time.Time{}
	}
	if w.Unit == Days {
		return dayStart(t0).AddDate(0, 0, w.Length)
	}
	return t0.UTC().Add(time.Duration(w.Length) * time.Hour)
}

// LastOpen returns the last instant at which the window is open, for
// messages such as "cancel by 2026-01-17": the boundary itself when
// Inclusive, else the instant (Hours) or the date (Days) before it. For
// other kinds it returns the zero time.
func (w Window) LastOpen(t0 time.Time) time.Time {
	end := w.End(t0)
	if end.IsZero() || w.Inclusive {
		return end
	}
	if w.Unit == Days {
		return end.AddDate(0, 0, -1)
	}
	return end.Add(-time.Nanosecond)
}

func dayStart(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// OnlineLimit is the license-count limit above which a subscription can't be
// cancelled online (R-CAN-1, R-CAN-5, R-CAN-6, R-CAN-7, C-4).
type OnlineLimit struct {
	// Max is the limit; 0 means no limit.
	Max int
	// Count is which count is compared with Max.
	Count LicenseCount
	// Inclusive says whether a count equal to Max may still cancel online
	// ("25 or fewer": true; "fewer than 25": false). For the 2020–2021 rule
	// exactly 25 is [AMBIGUOUS] (AC-15); default false, i.e. call support.
	Inclusive bool
	// Over is what the customer is told to do above the limit.
	Over OverLimit
}

// Allows reports whether count may cancel online under the limit.
func (l OnlineLimit) Allows(count int) bool {
	if l.Max == 0 {
		return true
	}
	if l.Inclusive {
		return count <= l.Max
	}
	return count < l.Max
}

// CancelRules are the cancellation rules of a channel (§3.2, §3.3).
type CancelRules struct {
	// Window is when "Cancel now" is open after the start or renewal:
	// Anytime for MOSA (R-CAN-1), 7 days on dates for MCA (R-CAN-3, DC-6),
	// 72 hours for MCA in 2022 (R-CAN-5), 168 hours for CSP (R-CAN-14,
	// DC-5).
	Window Window
	// Effect is what a cancellation within the window does (C-7); it may be
	// zero only when the window is Never.
	Effect CancelEffect
	// Online is the license limit for cancelling online.
	Online OnlineLimit
	// ProductKeyViaSupport says that a subscription bought with a product
	// key can be cancelled only through support, without refund
	// (R-CAN-7, R-REF-4).
	ProductKeyViaSupport bool
	// Prorated says whether a cancellation within the window returns a
	// prorated credit or refund (R-REF-1, R-REF-2, R-REF-3, R-REF-6).
	Prorated bool
	// EarlyTerminationFee says whether a cancellation or license removal
	// before the end of the term may incur a fee of one month per license
	// (R-REF-5, C-18; the 2014-era rule).
	EarlyTerminationFee bool
	// ViaSupport says that the subscription is cancelled only by calling
	// support: "all other subscriptions (e.g. Microsoft Dynamics 365 or
	// Microsoft Intune)" of the Office 365 era (R-CAN-7(c)).
	ViaSupport bool
	// OtherProcess says that the product is not cancelled through the
	// Microsoft 365 admin center at all: Azure, the Power BI service, a
	// Fabric trial, Microsoft 365 Family and Personal "use other
	// processes" (R-CAN-8). Every cancellation is refused.
	OtherProcess bool
	// RecurringBillingOnly says that the subscription is not cancelled but
	// left to end: "If you have a domain subscription and do not want it
	// to renew, turn off recurring billing" (R-CAN-11).
	RecurringBillingOnly bool
	// SellerWindowDays is, for a subscription bought under a Microsoft
	// Customer Agreement through a partner or a Microsoft representative,
	// the days after the start or renewal (on dates, inclusive, DC-6)
	// within which the seller cancels it with a prorated refund: "you
	// have seven days to cancel … Contact your seller or partner"; "10
	// days" with a partner in Chile (R-CAN-4). 0: the version documents
	// none, and Window applies.
	SellerWindowDays int
}

// SellerWindow returns the window of SellerWindowDays (R-CAN-4), or Window
// when SellerWindowDays is 0.
func (c CancelRules) SellerWindow() Window {
	if c.SellerWindowDays <= 0 {
		return c.Window
	}
	return Window{Kind: AfterStart, Length: c.SellerWindowDays, Unit: Days, Inclusive: true}
}

// PurgeRules say when customer data is deleted (§3.11).
type PurgeRules struct {
	// CancelNotBeforeDays and CancelDeadlineDays bound the purge after a
	// direct cancellation on date C: "might be deleted after 90 days and
	// will be deleted no later than 180 days" (R-DAT-2, DC-7, C-3).
	CancelNotBeforeDays int
	CancelDeadlineDays  int
	// ExpiryDeadlineDays is the latest purge after expiry, counted from
	// ExpiryDeadlineFrom (R-DAT-3, [INFERRED]: 180).
	ExpiryDeadlineDays int
	// ExpiryDeadlineFrom is the day the expiry deadline is counted from
	// ([AMBIGUOUS] in R-DAT-3; default FromEndDate).
	ExpiryDeadlineFrom PurgeAnchor
	// ExplicitDeleteHours is the purge deadline after an explicit deletion:
	// "permanently deleted in three days" (R-DAT-4): 72.
	ExplicitDeleteHours int
	// CancelBackupDays is the partner's backup period after a CSP
	// cancellation that deletes the subscription (R-DAT-5): 7.
	CancelBackupDays int
}

// ReactivationRules say when and how a subscription can be reactivated
// (§3.4).
type ReactivationRules struct {
	// FromExpired, FromDisabled and FromSuspended say from which states a
	// reactivation is allowed (R-REA-1, R-REA-7).
	FromExpired   bool
	FromDisabled  bool
	FromSuspended bool
	// CreatesNewSubscription says that reactivating creates a new
	// subscription with the same commitment term, starting on the day of
	// reactivation (MCA, R-REA-5).
	CreatesNewSubscription bool
	// ViaSupport says that reactivation is by phone through support (the
	// ~2013 rule, P-O365-2013).
	ViaSupport bool
	// ExplicitDeleteHours is how long after an explicit deletion the
	// subscription can still be reactivated ([AMBIGUOUS], C-6): default 0,
	// not reactivatable; the Entra reading is 72.
	ExplicitDeleteHours int
	// RequiresPaymentMethod says that the reactivating admin must choose
	// or add a payment method (MOSA, R-REA-4).
	RequiresPaymentMethod bool
	// BeforeTermEnd says that a suspended subscription can be reactivated
	// only "before the end of term" (CSP, R-REA-7).
	BeforeTermEnd bool
}

// SuspensionRules are the CSP suspension rules (§1.2, C-8).
type SuspensionRules struct {
	// Allowed says whether the partner can suspend.
	Allowed bool
	// PartnerBilled says whether the partner is still billed while
	// suspended (new commerce: yes; legacy: no).
	PartnerBilled bool
	// AtTermEnd is what happens if still suspended at the term end.
	AtTermEnd SuspendedAtTermEnd
	// DisabledDays is the length of the first Disabled state after a
	// suspension reaches the term end (new commerce: 30).
	DisabledDays int
	// MaxDays is how long a subscription may stay suspended before it is
	// deleted (legacy: 90); 0 means no limit.
	MaxDays int
	// TurnsOffAutoRenew says that suspending turns off auto-renew
	// (R-MISC-4).
	TurnsOffAutoRenew bool
}

// TrialRules are the free-trial rules of a channel (§3.10).
type TrialRules struct {
	// Available says whether the channel offers trials.
	Available bool
	// Days is the trial length: 30 (R-TRI-1, R-TRI-7, R-TRI-8).
	Days int
	// Licenses is the number of licenses (seats) a trial comes with: 25.
	Licenses int
	// ExtensionDays, ExtensionWithinDays and MaxExtensions: "If your trial
	// subscription is within 15 days of expiring and hasn't been extended
	// yet, you can extend your trial for another 30-day period. You can
	// only do this one time" (R-TRI-4). MaxExtensions 0: can't be extended
	// (CSP traditional, R-TRI-8).
	ExtensionDays       int
	ExtensionWithinDays int
	MaxExtensions       int
	// AutoConvert says whether the trial converts to a paid subscription at
	// its end when recurring billing (auto-renew) is on (C-14).
	AutoConvert bool
	// ConvertTerm is the term of the paid subscription a trial converts
	// to: annual (R-TRI-1, R-TRI-7).
	ConvertTerm Term
	// ExpiredDays is how long an unconverted trial stays Expired before it
	// is deleted ([AMBIGUOUS], C-12): 30; alternatives 0, 60, 90.
	ExpiredDays int
	// Cancellable says whether a trial can be cancelled (C-13: false only
	// in the ~2013 rule).
	Cancellable bool
	// SeatChangesAllowed says whether the license count can change during
	// the trial (R-LIC-9: CSP no).
	SeatChangesAllowed bool
	// OncePerOffer says that a customer gets one free trial per offer, and
	// none for government, education or add-on offers (CSP traditional,
	// R-TRI-8).
	OncePerOffer bool
}

// LicenseRules are the license-reduction rules (§3.6).
type LicenseRules struct {
	// RemoveWindow is when licenses can be removed after the start, renewal
	// or seat addition (R-LIC-2, R-LIC-3, R-LIC-7).
	RemoveWindow Window
	// RemoveRequiresRecurringBilling: "You can only remove licenses when
	// recurring billing is turned on" (MCA, R-LIC-2).
	RemoveRequiresRecurringBilling bool
	// RemovableInAdminCenter is false for CSP subscriptions (R-LIC-8).
	RemovableInAdminCenter bool
	// ConflictDays is the period to resolve assigned licenses in excess of
	// a reduced quantity without service interruption (R-LIC-4, C-15): 90
	// for Volume Licensing, 0 elsewhere.
	ConflictDays int
	// ExpiredOnlyWhenAllRemoved says that the subscription enters Expired
	// only after all licenses are removed; a reduction never starts
	// Expired (R-LIC-4, R-LIC-6).
	ExpiredOnlyWhenAllRemoved bool
	// Min is the least license count a reduction may leave: "You cannot
	// reduce your license count to zero" (2014, R-LIC-1) gives 1.
	Min int
}

// RenewalRules are the recurring-billing and renewal rules (§3.5, R-LC-13).
type RenewalRules struct {
	// RecurringBillingDefault is whether recurring billing (auto-renew) is
	// on for a new subscription (R-REN-1).
	RecurringBillingDefault bool
	// ESTAvailable says whether an Extended Service Term can follow the
	// term end (MCA from 2026-02-09, R-LC-13).
	ESTAvailable bool
	// ESTSurchargePercent is the EST price above the standard monthly rate:
	// 3 (R-LC-13).
	ESTSurchargePercent int
}

// PaymentRules are the payment-method rules (§3.7).
type PaymentRules struct {
	// AllowReplaceWhileDisabled lets a payment method be removed once every
	// subscription using it is Disabled or Deleted after it was replaced
	// (R-PAY-3 knob; default false: only when all are Deleted).
	AllowReplaceWhileDisabled bool
}

// Rules are the lifecycle rules of one channel, term and product during one
// period. A Rules value is a plain value; copying it is the way to derive a
// variant. The zero value is invalid (Channel is zero).
type Rules struct {
	// Channel is the channel the rules are for.
	Channel Channel
	// Version labels the documentation version the values transcribe, such
	// as "2025-02".
	Version string
	// Cite names the rule ids and sources of the values.
	Cite Citation

	// ExpiryAnchor is the day Expired begins relative to the end date
	// (DC-3a/DC-3b, C-16).
	ExpiryAnchor ExpiryAnchor
	// ExpiredDays is G, the days in Expired ("Grace"); 0 means there is
	// no Expired state (MCA from 2026-02-09, R-LC-13).
	ExpiredDays int
	// DisabledDays is D, the days in Disabled ("Inactive").
	DisabledDays int
	// ServicesDuringExpired says whether end users keep their services
	// while Expired; false only in the 03/2024 Volume Licensing text (C-1).
	ServicesDuringExpired bool
	// DisabledUntilTermEnd says that a cancelled subscription stays
	// Disabled until the end of its term rather than DisabledDays
	// ([AMBIGUOUS], C-20; MCA knob, default false).
	DisabledUntilTermEnd bool
	// ExplicitDelete says whether an admin can delete a Disabled
	// subscription (MOSA only, R-LC-9).
	ExplicitDelete bool
	// AOBOStatusDelayDays is how long the admin center may show the old
	// status after a partner (AOBO) cancellation (R-LC-12, informational).
	AOBOStatusDelayDays int
	// SalesEnd is the first instant at which new purchases and renewals
	// are refused (Open License: 2022-01-01, C-23); zero means none.
	SalesEnd time.Time

	Cancel       CancelRules
	Purge        PurgeRules
	Reactivation ReactivationRules
	Suspension   SuspensionRules
	Trial        TrialRules
	Licenses     LicenseRules
	Renewal      RenewalRules
	Payment      PaymentRules
}

// maxDays bounds every day count: nothing in the sources exceeds a few
// hundred days, so a larger number is a typo, not a policy.
const maxDays = 3660

// maxHours bounds every hour count (ten years).
const maxHours = 24 * maxDays

// Validate reports every invalid field of r at once, joined with
// errors.Join; each is a *FieldError naming the field path and value.
// Besides values out of range and fields that contradict each other, an
// enum holding a value it does not declare is invalid even where the
// rules do not read it (Effect of a Never window, the count of an online
// limit of 0), and only an after-start window has a length, a unit, an
// inclusive boundary or a retroactive flag. [NewTable], [Pin] and the
// policy loaders validate every rule they take, so that code given rules
// by a table can rely on them.
func (r Rules) Validate() error {
	var errs []error
	bad := func(field string, v any, reason string) {
		errs = append(errs, &FieldError{Field: "Rules." + field, Value: v, Reason: reason})
	}
	days := func(field string, v int) {
		switch {
		case v < 0:
			bad(field, v, "must not be negative")
		case v > maxDays:
			bad(field, v, fmt.Sprintf("absurd: more than %d days", maxDays))
		}
	}
	hours := func(field string, v int) {
		switch {
		case v < 0:
			bad(field, v, "must not be negative")
		case v > maxHours:
			bad(field, v, fmt.Sprintf("absurd: more than %d hours", maxHours))
		}
	}
	window := func(field string, w Window) {
		if !w.Kind.IsValid() {
			bad(field+".Kind", w.Kind, "not a valid WindowKind")
			return
		}
		if w.Kind != AfterStart {
			if w.Length != 0 || w.Unit != 0 {
				bad(field+".Length", w.Length, "only an after-start window has a length and unit")
			}
			if w.Retroactive {
				bad(field+".Retroactive", w.Retroactive, "only an after-start window can be retroactive")
			}
			if w.Inclusive {
				bad(field+".Inclusive", w.Inclusive, "only an after-start window has a boundary to include")
			}
			return
		}
		if !w.Unit.IsValid() {
			bad(field+".Unit", w.Unit, "an after-start window needs a unit (days or hours)")
		}
		if w.Length <= 0 {
			bad(field+".Length", w.Length, "an after-start window needs a positive length")
		}
		if w.Unit == Days {
			days(field+".Length", w.Length)
		} else {
			hours(field+".Length", w.Length)
		}
	}
	if !r.Channel.IsValid() {
		bad("Channel", r.Channel, "not a valid Channel")
	}
	if r.Cite.Rules == "" {
		bad("Cite.Rules", r.Cite.Rules, "every row must cite its rule ids")
	}
	if r.Cite.Sources == "" {
		bad("Cite.Sources", r.Cite.Sources, "every row must cite its sources")
	}
	if !r.ExpiryAnchor.IsValid() {
		bad("ExpiryAnchor", r.ExpiryAnchor, "not a valid ExpiryAnchor")
	}
	days("ExpiredDays", r.ExpiredDays)
	days("DisabledDays", r.DisabledDays)
	days("AOBOStatusDelayDays", r.AOBOStatusDelayDays)

	window("Cancel.Window", r.Cancel.Window)
	if (r.Cancel.Window.Kind != Never || r.Cancel.Effect != 0) && !r.Cancel.Effect.IsValid() {
		bad("Cancel.Effect", r.Cancel.Effect, "not a valid CancelEffect")
	}
	if r.Cancel.Online.Max < 0 {
		bad("Cancel.Online.Max", r.Cancel.Online.Max, "must not be negative")
	}
	switch {
	case r.Cancel.Online.Max > 0 && !r.Cancel.Online.Count.IsValid():
		bad("Cancel.Online.Count", r.Cancel.Online.Count, "a limit needs the count it compares (purchased or assigned)")
	case r.Cancel.Online.Count != 0 && !r.Cancel.Online.Count.IsValid():
		bad("Cancel.Online.Count", r.Cancel.Online.Count, "not a valid LicenseCount")
	}
	switch {
	case r.Cancel.Online.Max > 0 && !r.Cancel.Online.Over.IsValid():
		bad("Cancel.Online.Over", r.Cancel.Online.Over, "a limit needs the action above it")
	case r.Cancel.Online.Over != 0 && !r.Cancel.Online.Over.IsValid():
		bad("Cancel.Online.Over", r.Cancel.Online.Over, "not a valid OverLimit")
	}

	days("Cancel.SellerWindowDays", r.Cancel.SellerWindowDays)

	days("Purge.CancelNotBeforeDays", r.Purge.CancelNotBeforeDays)
	days("Purge.CancelDeadlineDays", r.Purge.CancelDeadlineDays)
	if r.Purge.CancelDeadlineDays < r.Purge.CancelNotBeforeDays {
		bad("Purge.CancelDeadlineDays", r.Purge.CancelDeadlineDays,
			fmt.Sprintf("must not precede Purge.CancelNotBeforeDays (%d)", r.Purge.CancelNotBeforeDays))
	}
	days("Purge.ExpiryDeadlineDays", r.Purge.ExpiryDeadlineDays)
	if !r.Purge.ExpiryDeadlineFrom.IsValid() {
		bad("Purge.ExpiryDeadlineFrom", r.Purge.ExpiryDeadlineFrom, "not a valid PurgeAnchor")
	}
	hours("Purge.ExplicitDeleteHours", r.Purge.ExplicitDeleteHours)
	days("Purge.CancelBackupDays", r.Purge.CancelBackupDays)

	hours("Reactivation.ExplicitDeleteHours", r.Reactivation.ExplicitDeleteHours)

	if (r.Suspension.Allowed || r.Suspension.AtTermEnd != 0) && !r.Suspension.AtTermEnd.IsValid() {
		bad("Suspension.AtTermEnd", r.Suspension.AtTermEnd, "not a valid SuspendedAtTermEnd")
	}
	days("Suspension.DisabledDays", r.Suspension.DisabledDays)
	days("Suspension.MaxDays", r.Suspension.MaxDays)

	if r.Trial.Available {
		if r.Trial.Days <= 0 {
			bad("Trial.Days", r.Trial.Days, "a trial needs a positive length")
		}
		if r.Trial.AutoConvert && r.Trial.ConvertTerm == 0 {
			bad("Trial.ConvertTerm", r.Trial.ConvertTerm, "an auto-converting trial needs the term it converts to")
		}
		if r.Trial.MaxExtensions > 0 && r.Trial.ExtensionDays <= 0 {
			bad("Trial.ExtensionDays", r.Trial.ExtensionDays, "an extendable trial needs a positive extension")
		}
	}
	if r.Trial.ConvertTerm != 0 && !r.Trial.ConvertTerm.IsValid() {
		bad("Trial.ConvertTerm", r.Trial.ConvertTerm, "not a valid Term")
	}
	days("Trial.Days", r.Trial.Days)
	days("Trial.ExtensionDays", r.Trial.ExtensionDays)
	days("Trial.ExtensionWithinDays", r.Trial.ExtensionWithinDays)
	days("Trial.ExpiredDays", r.Trial.ExpiredDays)
	if r.Trial.Licenses < 0 {
		bad("Trial.Licenses", r.Trial.Licenses, "must not be negative")
	}
	if r.Trial.MaxExtensions < 0 {
		bad("Trial.MaxExtensions", r.Trial.MaxExtensions, "must not be negative")
	}

	window("Licenses.RemoveWindow", r.Licenses.RemoveWindow)
	days("Licenses.ConflictDays", r.Licenses.ConflictDays)
	if r.Licenses.Min < 0 {
		bad("Licenses.Min", r.Licenses.Min, "must not be negative")
	}
	if r.Renewal.ESTSurchargePercent < 0 || r.Renewal.ESTSurchargePercent > 100 {
		bad("Renewal.ESTSurchargePercent", r.Renewal.ESTSurchargePercent, "must be between 0 and 100")
	}
	return errors.Join(errs...)
}
