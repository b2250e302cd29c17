package tenant

import (
	"errors"
	"fmt"
	"time"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// The billing account as a whole: dunning (R-MISC-1), the blocking of an
// inactive account (R-MISC-2), accelerated deprovisioning (R-DAT-6) and
// the purchases an account may make (R-MISC-2, R-TRI-8). The numbers come
// from a policy.AccountRules, typically policy.BuiltinAccount().

// ErrAccountBlocked is matched by the error of [Purchase] when the billing
// account is blocked for inactivity: "blocked accounts can't add new
// subscriptions" (R-MISC-2).
var ErrAccountBlocked = errors.New("tenant: billing account blocked")

// ErrTrialUsed is matched by the error of [Purchase] when the customer
// already had a free trial of the offer: "one free trial per offer per
// customer" (CSP traditional, R-TRI-8).
var ErrTrialUsed = errors.New("tenant: free trial of the offer already used")

// PurchaseError is the verdict of [Purchase] when the billing account may
// not buy the subscription. It matches ErrAccountBlocked or ErrTrialUsed.
type PurchaseError struct {
	// At is the instant of the purchase (Spec.Start), in UTC.
	At time.Time
	// Since is when the account was blocked (ErrAccountBlocked), or when
	// the earlier trial of the offer started (ErrTrialUsed).
	Since time.Time
	// Subscription is the id of the earlier trial (ErrTrialUsed).
	Subscription string
	// Rule and Sources cite the rule.
	Rule    string
	Sources string

	err error
}

// Error implements error.
func (e *PurchaseError) Error() string {
	if e.err == ErrTrialUsed {
		return fmt.Sprintf("tenant: purchase at %s refused (%s; %s): the customer already had a free trial of the offer, subscription %q from %s; there is one per offer per customer",
			e.At.Format(time.RFC3339Nano), e.Rule, e.Sources, e.Subscription, e.Since.Format(time.DateOnly))
	}
	return fmt.Sprintf("tenant: purchase at %s refused (%s; %s): the billing account is blocked for inactivity since %s and can't add new subscriptions",
		e.At.Format(time.RFC3339Nano), e.Rule, e.Sources, e.Since.Format(time.DateOnly))
}

// Is reports whether target is the error's sentinel.
func (e *PurchaseError) Is(target error) bool { return target == e.err }

const (
	srcDunning    = "[D-DUN-2025-09]"
	srcInactivity = "[D-INACT-2025-09]"
	srcTrials     = "[PC-TRIAL-2022-09]"
	srcLockout    = "[P-TRAIN]"
)

// Deactivation is when Microsoft deactivates services for an unpaid
// invoice or an accepted chargeback (R-MISC-1), as calendar dates read in
// UTC (DC-1).
type Deactivation struct {
	// NotBefore is the first day on which services may be deactivated;
	// zero when the source gives no earliest day.
	NotBefore clock.Date
	// NotAfter is the last day on which services may still be
	// deactivated: the deactivation happens on or before it.
	NotAfter clock.Date
	// Rule and Sources cite the rule.
	Rule    string
	Sources string
}

// mcaOnly refuses a question about an MOSA billing account: R-MISC-1 is
// documented for MCA only.
func mcaOnly(snap Snapshot, what string) error {
	if snap.IsZero() {
		return &EntryError{Path: "snapshot", Reason: "the zero Snapshot; build one with tenant.New"}
	}
	if snap.BillingAccount() != MCA {
		return &lifecycle.NotModelledError{Rule: "R-MISC-1", Sources: srcDunning, What: what + " of a " + snap.BillingAccount().String() + " billing account",
			Why: "the dunning timeline is documented for Microsoft Customer Agreement billing accounts only"}
	}
	return nil
}

// UnpaidInvoice returns when services are deactivated for an invoice of
// an MCA billing account due on the date due and still unpaid: "The
// timeline for service deactivation ranges from two to 30 days, depending
// on the customer type and scenario" (R-MISC-1, AC-57): not before the
// due date + rules.DunningMinDays, not after the due date +
// rules.DunningMaxDays. Which day in between depends on facts lapse does
// not have. A zero or invalid due date is an *EntryError; an MOSA account
// gets a *lifecycle.NotModelledError (lifecycle.ErrNotModelled).
func UnpaidInvoice(snap Snapshot, due clock.Date, rules policy.AccountRules) (Deactivation, error) {
	if err := mcaOnly(snap, "the deactivation for an unpaid invoice"); err != nil {
		return Deactivation{}, err
	}
	if due.IsZero() {
		return Deactivation{}, &EntryError{Path: "due", Reason: "the invoice's due date is required"}
	}
	if !due.IsValid() {
		return Deactivation{}, &EntryError{Path: "due", Entry: due.String(), Reason: "not a valid calendar date"}
	}
	return Deactivation{NotBefore: due.AddDays(rules.DunningMinDays), NotAfter: due.AddDays(rules.DunningMaxDays),
		Rule: "R-MISC-1", Sources: srcDunning}, nil
}

// Chargeback returns when unpaid assets of an MCA billing account are
// deactivated after a chargeback accepted at the instant accepted:
// "within one day of the chargeback acceptance" (R-MISC-1, AC-57), so by
// the acceptance's UTC date + rules.ChargebackDays (accepted may be in
// any location: its UTC date counts, DC-1). NotBefore is zero. An MOSA
// account gets a *lifecycle.NotModelledError.
func Chargeback(snap Snapshot, accepted time.Time, rules policy.AccountRules) (Deactivation, error) {
	if err := mcaOnly(snap, "the deactivation after a chargeback"); err != nil {
		return Deactivation{}, err
	}
	if accepted.IsZero() {
		return Deactivation{}, &EntryError{Path: "accepted", Reason: "the chargeback's acceptance instant is required"}
	}
	return Deactivation{NotAfter: clock.DateOf(accepted.UTC()).AddDays(rules.ChargebackDays), Rule: "R-MISC-1", Sources: srcDunning}, nil
}

// AccountBlocked returns the first day on which the billing account is
// blocked for inactivity, and whether it is blocked at at: "If your
// billing account remains inactive for 30 days after the notification, we
// block it" (R-MISC-2, AC-58): from the notification's UTC date +
// rules.InactiveBlockDays, so blocked from 00:00Z of that day. An account
// never notified (or active since, InactivityNotified zero) is never
// blocked: since is the zero Date.
func AccountBlocked(snap Snapshot, at time.Time, rules policy.AccountRules) (since clock.Date, blocked bool) {
	n := snap.spec.InactivityNotified
	if n.IsZero() {
		return clock.Date{}, false
	}
	since = clock.DateOf(n.UTC()).AddDays(rules.InactiveBlockDays)
	return since, !at.Before(since.UTC())
}

// Purchase is lifecycle.Purchase for a subscription bought into the
// tenant: it refuses a purchase of a billing account blocked for
// inactivity at spec.Start (R-MISC-2, AC-58; ErrAccountBlocked), and a
// free trial of an offer the customer already had a trial of, when the
// rules in force give one trial per offer (CSP traditional, R-TRI-8;
// ErrTrialUsed). An offer is the channel, product and Offer of the Spec.
// A Spec.ID the tenant already has is an *EntryError (ErrInvalid).
// Otherwise it returns what lifecycle.Purchase returns.
func Purchase(snap Snapshot, spec lifecycle.Spec, table *policy.Table, rules policy.AccountRules) (lifecycle.Lifecycle, error) {
	if snap.IsZero() {
		return lifecycle.Lifecycle{}, &EntryError{Path: "snapshot", Reason: "the zero Snapshot; build one with tenant.New"}
	}
	if _, dup := snap.Subscription(spec.ID); dup && spec.ID != "" {
		return lifecycle.Lifecycle{}, &EntryError{Path: "Spec.ID", Entry: spec.ID, Reason: "the tenant already has a subscription with this id"}
	}
	lc, err := lifecycle.Purchase(spec, table)
	if err != nil {
		return lifecycle.Lifecycle{}, err
	}
	at := spec.Start.UTC()
	if since, blocked := AccountBlocked(snap, at, rules); blocked {
		return lifecycle.Lifecycle{}, &PurchaseError{At: at, Since: since.UTC(), Rule: "R-MISC-2", Sources: srcInactivity, err: ErrAccountBlocked}
	}
	if !spec.Trial {
		return lc, nil
	}
	st, err := lc.At(spec.Start)
	if err != nil {
		return lifecycle.Lifecycle{}, err
	}
	if !st.Versions().Commands.Rules().Trial.OncePerOffer {
		return lc, nil
	}
	for _, old := range snap.spec.Subscriptions {
		o := old.Subscription()
		k := o.Key()
		if o.Spec().Trial && k.Channel == spec.Channel && k.Product == spec.Product && k.Offer == spec.Offer && !o.Start().After(spec.Start) {
			return lifecycle.Lifecycle{}, &PurchaseError{At: at, Since: o.Start().UTC(), Subscription: o.ID(), Rule: "R-TRI-8", Sources: srcTrials, err: ErrTrialUsed}
		}
	}
	return lc, nil
}

// DataDeletedAfterLockout returns the first instant at which all user
// data is guaranteed deleted after an accelerated deprovisioning: "all
// user data is deleted three days after the administrator enters the
// lockout code provided by Microsoft" (R-DAT-6): the instant the code was
// entered + rules.LockoutPurgeDays calendar days (DC-1), in UTC. It is an
// instant, not a day: the days run from the exact instant of entry, like
// Status.DataGoneBy after an explicit deletion (R-DAT-4).
func DataDeletedAfterLockout(entered time.Time, rules policy.AccountRules) (time.Time, error) {
	if entered.IsZero() {
		return time.Time{}, &EntryError{Path: "entered", Reason: "the instant the lockout code was entered is required (R-DAT-6)"}
	}
	return entered.UTC().AddDate(0, 0, rules.LockoutPurgeDays), nil
}
