package lifecycle

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/lang"
	"github.com/lapse-go/lapse/policy"
)

// Sentinels of refused commands. Every *RefusalError matches ErrRefused and
// exactly one of the others; none matches ErrInvalid, because a refusal is
// a valid question with the answer "no".
var (
	// ErrRefused is matched by every refused command.
	ErrRefused = errors.New("lifecycle: command refused")
	// ErrRole: the actor's role may not issue the command (§3.12, R-CAN-9,
	// R-LIC-8).
	ErrRole = errors.New("lifecycle: role may not issue the command")
	// ErrState: the command is not legal in the subscription's state on its
	// channel (the legal event graph; R-REN-2, R-LC-10, R-REA-7, …).
	ErrState = errors.New("lifecycle: command not possible in this state")
	// ErrWindowClosed: the window for the command is closed, or not yet
	// open (R-CAN-3, R-CAN-5, R-CAN-14, R-LIC-2, R-LIC-7, R-TRI-4).
	ErrWindowClosed = errors.New("lifecycle: window closed")
	// ErrLicenseLimit: over the online cancellation license limit
	// (R-CAN-1, R-CAN-5, R-CAN-6, R-CAN-7).
	ErrLicenseLimit = errors.New("lifecycle: over the online license limit")
	// ErrPrecondition: something must be done first: remove the custom
	// domain, unassign licenses, turn recurring billing on, contact
	// support (R-CAN-10, R-LIC-1, R-LIC-2, R-CAN-7), or the command would
	// change nothing.
	ErrPrecondition = errors.New("lifecycle: precondition not met")
	// ErrNotOffered: the channel or policy version does not offer the
	// command at all (R-LC-9, R-TRI-8, R-LC-13, R-REF-4).
	ErrNotOffered = errors.New("lifecycle: not offered")
	// ErrSalesEnded: the channel sells nothing any more (Open License from
	// 2022-01-01, C-23).
	ErrSalesEnded = errors.New("lifecycle: sales ended")
)

// refusal identifies why a command was refused; it selects the sentinel,
// the rule, the sources and the words of a RefusalError.
type refusal uint8

const (
	refRole refusal = iota + 1
	refCSPLicenses
	refState
	refRecurringNotActive
	refSuspendedAutoRenew
	refDeleted
	refCancelFirst
	refDeleteNotOffered
	refDeleteNotYet
	refNoReactivateCSP
	refReactivateTrial
	refReactivateClosed
	refAlready
	refTrialSeats
	refPartnerChannel
	refNoCancel
	refTrialNoExtend
	refTrialExtendedOnce
	refTrialExtendEarly
	refTrialNotCancellable
	refTrialStatus
	refCancelWindow
	refProductKey
	refOnlineLimit
	refCustomDomain
	refLicensesAssigned
	refLicensesMin
	refPrepaid
	refESTQuantity
	refLicenseWindow
	refLicensesRecurring
	refAssignTooMany
	refESTNotOffered
	refSuspendNotOffered
	refSalesEnded
	refPaymentAttached
	refPaymentCancelled
	refReactivatePayment
	refTrialLicenses
	refKeyUsed
	refOtherProcess
	refCancelViaSupport
	refRecurringBillingOnly
	refContactSeller
	refTrialOffer
	refPaymentCountry
	refBankAccount
)

// refusalInfo is the static part of a refusal.
type refusalInfo struct {
	err     error
	rule    string
	sources string
}

var refusals = [...]refusalInfo{
	refRole:                {ErrRole, "§3.12", "[D-CAN-2024-09], [D-REACT-2025-07], [D-RENEW-2025-07], [D-PAY-2024-02], [P-PC-CANPOL-LIVE]"},
	refCSPLicenses:         {ErrRole, "R-LIC-8", "[D-LICRM-OLD], [D-LIC-2024-02]"},
	refState:               {ErrState, "R-LC-1, §2", "[D-WIF-2025-02], [S004]"},
	refRecurringNotActive:  {ErrState, "R-REN-2, R-REA-6", "[D-RENEW-2025-07]"},
	refSuspendedAutoRenew:  {ErrState, "R-MISC-4", "[PC-SUB-2023-10]"},
	refDeleted:             {ErrState, "R-LC-1, R-REA-1, R-DAT-7", "[D-WIF-2025-02], [S004]"},
	refCancelFirst:         {ErrState, "R-LC-10, R-LC-9", "[E-TENANT-2024-01], [D-CLOSE-2025-07]"},
	refDeleteNotOffered:    {ErrNotOffered, "R-LC-9, C-20", "[D-CLOSE-2025-07]"},
	refDeleteNotYet:        {ErrState, "R-LC-9", "[D-CLOSE-2025-07]"},
	refNoReactivateCSP:     {ErrState, "R-REA-7", "[PC-LIFE-2023-08]"},
	refReactivateTrial:     {ErrState, "R-TRI-1, C-14", "[D-TRY-2025-06], [PC-TRIAL-2022-09]"},
	refReactivateClosed:    {ErrState, "R-REA-1, R-REA-3, C-6", "[D-WIF-2025-02], [S003], [E-TENANT-2024-01]"},
	refAlready:             {ErrPrecondition, "R-REN-2", "[D-RENEW-2025-07]"},
	refTrialSeats:          {ErrState, "R-LIC-9", "[D-LIC-2024-02], [PC-TRIAL-2022-09]"},
	refPartnerChannel:      {ErrNotOffered, "R-REN-4, R-REA-9", "[D-WIF-2025-02]"},
	refNoCancel:            {ErrNotOffered, "R-REN-4, §1.1 rows 7, 8 and 10", "[D-WIF-2025-02], [PC-LIFE-2023-08]"},
	refTrialNoExtend:       {ErrNotOffered, "R-TRI-8, R-TRI-4", "[PC-TRIAL-2022-09], [D-TRY-2025-06]"},
	refTrialExtendedOnce:   {ErrPrecondition, "R-TRI-4", "[D-TRY-2025-06], [D-EXT-2020]"},
	refTrialExtendEarly:    {ErrWindowClosed, "R-TRI-4, DC-6", "[D-TRY-2025-06], [D-EXT-2020]"},
	refTrialNotCancellable: {ErrNotOffered, "C-13, R-TRI-3", "[P-O365-2013], [D-CAN-2024-09]"},
	refTrialStatus:         {ErrState, "R-TRI-7", "[PC-SUB-2023-10], [PC-TRIAL-2022-09]"},
	refCancelWindow:        {ErrWindowClosed, "R-CAN-3, R-CAN-5, R-CAN-14", "[D-CAN-2024-09], [P-CAN-2022], [PC-LIFE-2023-08]"}, // refined by guardCancel
	refProductKey:          {ErrPrecondition, "R-CAN-7, R-REF-4", "[S002]"},
	refOnlineLimit:         {ErrLicenseLimit, "R-CAN-1, R-CAN-5, R-CAN-6, R-CAN-7, C-4", "[D-CAN-2024-09], [P-CAN-2022], [S003], [S002]"}, // refined by guardCancel
	refCustomDomain:        {ErrPrecondition, "R-CAN-10, R-DOM-1", "[S002], [S003], [D-CAN-2024-09]"},
	refLicensesAssigned:    {ErrPrecondition, "R-LIC-1", "[D-LICRM-OLD], [D-LIC-2024-02]"},
	refLicensesMin:         {ErrPrecondition, "R-LIC-1", "[P-KB2990529]"},
	refPrepaid:             {ErrNotOffered, "R-REF-4", "[D-LICRM-OLD], [D-LIC-2024-02]"},
	refESTQuantity:         {ErrNotOffered, "R-LC-13", "[D-WIF-2025-12], [D-EST-2026-03]"},
	refLicenseWindow:       {ErrWindowClosed, "R-LIC-2, R-LIC-7", "[D-LIC-2024-02], [PC-SUB-2023-10]"},
	refLicensesRecurring:   {ErrPrecondition, "R-LIC-2", "[D-LIC-2024-02]"},
	refAssignTooMany:       {ErrPrecondition, "R-LIC-1", "[D-LIC-2024-02]"},
	refESTNotOffered:       {ErrNotOffered, "R-LC-13, R-REA-6", "[D-WIF-2025-12], [D-EST-2026-03]"},
	refSuspendNotOffered:   {ErrNotOffered, "§1.2", "[PC-LIFE-2023-08]"},
	refSalesEnded:          {ErrSalesEnded, "C-23", "[P-OPEN], [D-WIF-2025-02]"},
	refPaymentAttached:     {ErrPrecondition, "R-PAY-2, R-PAY-3", "[D-PAY-2024-02]"},
	refPaymentCancelled:    {ErrPrecondition, "R-PAY-1, R-PAY-3, C-11", "[S003], [D-CAN-2021-EN], [D-PAY-2024-02]"},
	refReactivatePayment:   {ErrPrecondition, "R-REA-4", "[D-REACT-2025-07]"},
	refTrialLicenses:       {ErrLicenseLimit, "R-TRI-1, R-TRI-7", "[D-TRY-2025-06], [PC-SUB-2023-10]"},
	refKeyUsed:             {ErrPrecondition, "R-REN-3", "[D-KEY-2024-09], [D-RENEW-2025-07]"},

	// R-CAN-4, R-CAN-7(c), R-CAN-8, R-CAN-11, R-TRI-8, R-PAY-4 (sale.go, paymentmethod.go).
	refOtherProcess:         {ErrNotOffered, "R-CAN-8", "[D-CAN-2024-09]"},
	refCancelViaSupport:     {ErrPrecondition, "R-CAN-7", "[S002]"},
	refRecurringBillingOnly: {ErrNotOffered, "R-CAN-11", "[D-CAN-2024-09]"},
	refContactSeller:        {ErrPrecondition, "R-CAN-4", "[D-CAN-2024-09]"},
	refTrialOffer:           {ErrNotOffered, "R-TRI-8", "[PC-TRIAL-2022-09]"},
	refPaymentCountry:       {ErrPrecondition, "R-PAY-4", "[D-PAY-2024-02]"},
	refBankAccount:          {ErrNotOffered, "R-PAY-4", "[D-PAY-2024-02]"},
}

// RefusalError reports a command refused by the legal event graph or the
// policy: which rule refused it and its sources, the state and instant it
// was judged at, why, and what the actor can do instead. It matches
// ErrRefused and one of ErrRole, ErrState, ErrWindowClosed, ErrLicenseLimit,
// ErrPrecondition, ErrNotOffered and ErrSalesEnded with errors.Is.
//
// Its words are produced on demand by Reason, Instead and Error, so that a
// refusal costs no more than an acceptance.
type RefusalError struct {
	// Command is the refused command's kind and Actor who issued it.
	Command CommandKind
	Actor   Role
	// Channel is the subscription's channel.
	Channel policy.Channel
	// State is the subscription's state at At; Trial whether it was in
	// (or expiring from) its free trial.
	State State
	Trial bool
	// At is the instant the command was judged at, in UTC.
	At time.Time
	// Rule names the rule ids of RULES.md that refused it, such as
	// "R-CAN-3"; Sources their source keys.
	Rule    string
	Sources string
	// Until is the instant the refusal turns on, in UTC; zero if none. For
	// a closed cancellation window (ErrWindowClosed) it is the window's
	// last moment, policy.Window.LastOpen: for a window of hours the last
	// instant it was open (DC-5), for a window of days 00:00Z of its last
	// day (DC-6: the date is what counts). Otherwise it is the first
	// instant at which what the refusal waits for holds: a trial may be
	// extended (00:00Z of that day, R-TRI-4), the subscription is Disabled
	// (Status.NextAt) or Deleted (Status.DeletedAt), sales ended
	// (policy.Rules.SalesEnd). It stays an instant because a window of
	// hours ends within a day; the refusal's words state it as a day where
	// the rule is day-based.
	Until time.Time
	// SubscriptionID is the ID of the subscription that blocks the
	// removal of a payment method ([CanRemovePaymentMethod]); empty for
	// other refusals, which concern the subscription they were issued on.
	SubscriptionID string
	// Limit is the count the refusal turns on, zero if none: the online
	// license limit, the licenses to unassign first, the licenses
	// removable now, the least license count.
	Limit int

	action  string // what was refused when Command is zero: "purchase", "remove-payment-method", "add-payment-method"
	why     refusal
	roles   RoleSet    // who may (ErrRole)
	end     clock.Date // the term's end date, for "let it expire on"
	over    policy.OverLimit
	count   int         // the count compared with Limit
	domains []string    // custom domains to remove
	unit    policy.Unit // the window's unit, for how to print Until
	country [2]string   // the payment method's and the tenant's country (R-PAY-4)
}

// Is reports whether target is ErrRefused or the refusal's own sentinel.
func (e *RefusalError) Is(target error) bool {
	return target == ErrRefused || (int(e.why) < len(refusals) && target == refusals[e.why].err)
}

// Error returns "lifecycle: <command> by <actor> refused at <instant> while
// <state> (<rule>; <sources>): <reason>; instead: <what to do>" (without
// the last part when nothing can be done instead).
func (e *RefusalError) Error() string {
	var b strings.Builder
	what := e.action
	switch {
	case e.Command.IsValid():
		what = e.Command.String() + " by " + e.Actor.String()
	case e.Actor.IsValid():
		what += " by " + e.Actor.String()
	}
	fmt.Fprintf(&b, "lifecycle: %s refused at %s", what, e.At.UTC().Format(time.RFC3339Nano))
	if e.State.IsValid() { // a refusal about no subscription has no state
		fmt.Fprintf(&b, " while %s", e.stateName())
	}
	fmt.Fprintf(&b, " (%s; %s): %s", e.Rule, e.Sources, e.Reason())
	if in := e.Instead(); in != "" {
		b.WriteString("; instead: ")
		b.WriteString(in)
	}
	return b.String()
}

func (e *RefusalError) stateName() string {
	if e.Trial {
		return e.State.String() + " (trial)"
	}
	return e.State.String()
}

// stateArg is the refusal's state, marked when in a trial.
func (e *RefusalError) stateArg() lang.Arg {
	if e.Trial {
		return lang.Sub(lang.New("state.in-trial", stateArg(e.State)))
	}
	return stateArg(e.State)
}

// until is Until as a date for day-based rules and as an instant for
// hour-based ones.
func (e *RefusalError) until() lang.Arg {
	if e.unit == policy.Hours {
		return lang.Stamp(e.Until)
	}
	return lang.Day(e.Until)
}

// Reason returns why the command was refused, in lower case English words
// a support agent can read: ReasonMessage().String().
func (e *RefusalError) Reason() string { return e.ReasonMessage().String() }

// Instead returns what the actor can do instead, in lower case English
// words, or "" when nothing can be done: InsteadMessage().String().
func (e *RefusalError) Instead() string { return e.InsteadMessage().String() }

// ReasonMessage returns why the command was refused as data: a catalog key
// such as "refused.cancel-window" and its arguments. Render it in a
// language with its In method:
//
//	e.ReasonMessage().In(language.German)
func (e *RefusalError) ReasonMessage() lang.Message {
	cmd := commandArg(e.Command)
	ch := channelArg(e.Channel)
	switch e.why {
	case refRole:
		if !e.Command.IsValid() { // a payment method, a purchase: no command, maybe no channel
			what := "refused.role.buy"
			switch e.action {
			case "remove-payment-method":
				what = "refused.role.remove-payment-method"
			case "add-payment-method":
				what = "refused.role.add-payment-method"
			}
			if !e.Channel.IsValid() {
				return lang.New(what, roleArg(e.Actor))
			}
			return lang.New(what+".of", roleArg(e.Actor), ch)
		}
		return lang.New("refused.role", roleArg(e.Actor), cmd, ch)
	case refCSPLicenses:
		return lang.New("refused.csp-licenses")
	case refRecurringNotActive:
		return lang.New("refused.recurring-not-active", e.stateArg())
	case refSuspendedAutoRenew:
		return lang.New("refused.suspended-auto-renew")
	case refDeleted:
		return lang.New("refused.deleted")
	case refCancelFirst:
		return lang.New("refused.cancel-first")
	case refDeleteNotOffered:
		return lang.New("refused.delete-not-offered", ch, lang.Day(e.Until))
	case refDeleteNotYet:
		return lang.New("refused.delete-not-yet", lang.Day(e.Until))
	case refNoReactivateCSP:
		return lang.New("refused.no-reactivate-csp", e.stateArg())
	case refReactivateTrial:
		return lang.New("refused.reactivate-trial")
	case refReactivateClosed:
		return lang.New("refused.reactivate-closed", e.stateArg())
	case refAlready:
		return lang.New("refused.already", cmd)
	case refTrialSeats:
		return lang.New("refused.trial-seats")
	case refPartnerChannel:
		return lang.New("refused.partner-channel", ch)
	case refNoCancel:
		return lang.New("refused.no-cancel", ch)
	case refTrialNoExtend:
		return lang.New("refused.trial-no-extend")
	case refTrialExtendedOnce:
		if e.Limit == 1 {
			return lang.New("refused.trial-extended-once")
		}
		return lang.New("refused.trial-extended", lang.Count("times", e.Limit))
	case refTrialExtendEarly:
		return lang.New("refused.trial-extend-early", lang.Days(e.Limit), dayArg(e.end))
	case refTrialNotCancellable:
		return lang.New("refused.trial-not-cancellable")
	case refTrialStatus:
		return lang.New("refused.trial-status")
	case refCancelWindow:
		if e.unit == policy.Hours {
			return lang.New("refused.cancel-window.closed-at", e.until())
		}
		return lang.New("refused.cancel-window.last-day", e.until())
	case refProductKey:
		return lang.New("refused.product-key")
	case refOnlineLimit:
		return lang.New("refused.online-limit", lang.Count("licenses", e.count), e.limitArg())
	case refCustomDomain:
		return lang.New("refused.custom-domain", lang.List(e.domains...))
	case refLicensesAssigned:
		return lang.New("refused.licenses-assigned", lang.Number(e.Limit))
	case refLicensesMin:
		return lang.New("refused.licenses-min", lang.Number(e.Limit))
	case refPrepaid:
		return lang.New("refused.prepaid")
	case refESTQuantity:
		return lang.New("refused.est-quantity")
	case refLicenseWindow:
		return lang.New("refused.license-window", lang.Count("licenses", e.Limit))
	case refLicensesRecurring:
		return lang.New("refused.licenses-recurring")
	case refAssignTooMany:
		return lang.New("refused.assign-too-many", lang.Count("licenses", e.count), lang.Number(e.Limit))
	case refESTNotOffered:
		return lang.New("refused.est-not-offered", ch)
	case refSuspendNotOffered:
		return lang.New("refused.suspend-not-offered", ch)
	case refSalesEnded:
		return lang.New("refused.sales-ended", ch, lang.Day(e.Until))
	case refPaymentAttached:
		return lang.New("refused.payment-attached", lang.Quoted(e.SubscriptionID), e.stateArg())
	case refKeyUsed:
		return lang.New("refused.key-used")
	case refTrialLicenses:
		return lang.New("refused.trial-licenses", lang.Count("licenses", e.Limit), lang.Number(e.count))
	case refReactivatePayment:
		return lang.New("refused.reactivate-payment")
	case refPaymentCancelled:
		return lang.New("refused.payment-cancelled", lang.Quoted(e.SubscriptionID), e.stateArg(), lang.Day(e.Until))
	case refOtherProcess:
		return lang.New("refused.other-process")
	case refCancelViaSupport:
		return lang.New("refused.cancel-via-support")
	case refRecurringBillingOnly:
		return lang.New("refused.recurring-billing-only")
	case refContactSeller:
		return lang.New("refused.contact-seller")
	case refTrialOffer:
		return lang.New("refused.trial-offer")
	case refPaymentCountry:
		return lang.New("refused.payment-country", lang.Text(e.country[0]), lang.Text(e.country[1]))
	case refBankAccount:
		return lang.New("refused.bank-account")
	}
	return lang.New("refused.state", cmd, ch, e.stateArg())
}

func (e *RefusalError) limitArg() lang.Arg {
	if e.over != 0 && e.count == e.Limit {
		return lang.Sub(lang.New("limit.fewer-than-assigned", lang.Number(e.Limit)))
	}
	return lang.Number(e.Limit)
}

// InsteadMessage returns what the actor can do instead as data, or the
// zero Message when nothing can be done.
func (e *RefusalError) InsteadMessage() lang.Message {
	switch e.why {
	case refRole:
		if e.Channel.IsCSP() && !e.roles.Has(e.Actor) && e.Actor != Partner {
			return lang.New("instead.contact-csp-partner")
		}
		if !e.Channel.IsCSP() {
			return askRoles(e.roles &^ partnerRoles) // a direct customer asks its admins, not a partner (AOBO)
		}
		return askRoles(e.roles)
	case refCSPLicenses:
		return lang.New("instead.csp-licenses")
	case refRecurringNotActive:
		return lang.New("instead.reactivate-first")
	case refSuspendedAutoRenew:
		return lang.New("instead.unsuspend-first")
	case refDeleted:
		return lang.New("instead.buy-new.data-lost")
	case refCancelFirst:
		return lang.New("instead.cancel-first")
	case refDeleteNotOffered, refDeleteNotYet:
		return lang.Message{}
	case refNoReactivateCSP, refReactivateClosed:
		return lang.New("instead.buy-new")
	case refReactivateTrial:
		return lang.New("instead.convert-trial")
	case refTrialSeats:
		if e.Channel.IsCSP() {
			return lang.New("instead.wait-for-conversion")
		}
		return lang.New("instead.buy-trial-then-licenses")
	case refPartnerChannel:
		return lang.New("instead.contact-licensing-partner")
	case refNoCancel:
		if e.Channel.IsCSP() {
			return lang.New("instead.suspend")
		}
		return lang.New("instead.let-expire-partner")
	case refTrialNoExtend, refTrialExtendedOnce:
		if !e.end.IsZero() {
			return lang.New("instead.convert-trial-before", dayArg(e.end))
		}
		return lang.New("instead.convert-trial")
	case refTrialExtendEarly:
		return lang.New("instead.extend-from", lang.Day(e.Until))
	case refTrialNotCancellable, refTrialStatus:
		if e.Channel.IsCSP() {
			return lang.New("instead.trial-auto-renew-off", dayArg(e.end))
		}
		return lang.New("instead.trial-recurring-off", dayArg(e.end))
	case refCancelWindow:
		if e.Channel.IsCSP() {
			return lang.New("instead.auto-renew-off", dayArg(e.end))
		}
		return lang.New("instead.recurring-off", dayArg(e.end))
	case refProductKey:
		return lang.New("instead.support-no-refund")
	case refOnlineLimit:
		switch e.over {
		case policy.ReduceFirst:
			return lang.New("instead.reduce-first", lang.Count("licenses", e.Limit))
		case policy.CallSupport:
			return lang.New("instead.support-cancel")
		}
		return lang.New("instead.unassign-or-support", lang.Number(e.Limit))
	case refCustomDomain:
		if len(e.domains) == 1 {
			return lang.New("instead.remove-domain", lang.Text(e.domains[0]))
		}
		return lang.New("instead.remove-domains")
	case refLicensesAssigned:
		return lang.New("instead.unassign", lang.Count("licenses", e.Limit))
	case refLicensesMin:
		return lang.New("instead.cancel-subscription")
	case refPrepaid:
		return lang.New("instead.prepaid")
	case refESTQuantity:
		return lang.New("instead.buy-quantity")
	case refLicenseWindow:
		if e.Limit == 0 {
			return lang.New("instead.next-window", dayArg(e.end.AddDays(1)))
		}
		return lang.New("instead.next-window.others", dayArg(e.end.AddDays(1)))
	case refLicensesRecurring:
		return lang.New("instead.recurring-on-first")
	case refAssignTooMany:
		return lang.New("instead.buy-licenses-first")
	case refESTNotOffered:
		return lang.New("instead.renew-or-end")
	case refSalesEnded:
		return lang.New("instead.other-program")
	case refPaymentAttached:
		return lang.New("instead.move-payment", lang.Quoted(e.SubscriptionID))
	case refKeyUsed:
		return lang.New("instead.new-key")
	case refTrialLicenses:
		return lang.New("instead.trial-licenses", lang.Count("licenses", e.Limit))
	case refReactivatePayment:
		return lang.New("instead.add-payment")
	case refPaymentCancelled:
		return lang.New("instead.wait-deleted", lang.Quoted(e.SubscriptionID), lang.Day(e.Until))
	case refOtherProcess:
		return lang.New("instead.other-process")
	case refCancelViaSupport:
		return lang.New("instead.support-cancel")
	case refRecurringBillingOnly:
		return lang.New("instead.recurring-billing-only", dayArg(e.end))
	case refContactSeller:
		return lang.New("instead.contact-seller")
	case refTrialOffer:
		return lang.New("instead.buy-subscription")
	case refPaymentCountry:
		return lang.New("instead.payment-country", lang.Text(e.country[1]))
	case refBankAccount:
		return lang.New("instead.bank-account")
	}
	return lang.Message{}
}

// refuse fills e with the refusal of cmd at st and returns e. The guards
// fill a RefusalError their caller provides, so that Capabilities, which
// asks them for every role, allocates nothing.
func (e *RefusalError) refuse(why refusal, cmd *Command, ch policy.Channel, st *Status) *RefusalError {
	info := refusals[why]
	*e = RefusalError{
		Command: cmd.Kind, Actor: cmd.Actor, Channel: ch,
		State: st.State(), Trial: st.Trial(), At: st.At(),
		Rule: info.rule, Sources: info.sources,
		why: why, end: st.TermEnd(),
	}
	return e
}

// askRoles says whom to ask: "ask a Global Administrator or a Billing
// Administrator, or contact support".
func askRoles(s RoleSet) lang.Message {
	var who lang.Arg
	n := 0
	for _, r := range s.List() {
		if r == Support {
			continue
		}
		if n == 0 {
			who = roleArg(r)
		} else {
			who = lang.Sub(lang.New("list.or", who, roleArg(r)))
		}
		n++
	}
	switch {
	case n > 0 && s.Has(Support):
		return lang.New("instead.ask-or-support", who)
	case n > 0:
		return lang.New("instead.ask", who)
	case s.Has(Support):
		return lang.New("instead.contact-support")
	}
	return lang.Message{}
}
