package lifecycle

import (
	"errors"
	"fmt"
	"strings"
	"time"

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
	// Until is the instant the refusal turns on, zero if none: the last
	// instant a window was open (ErrWindowClosed), the first instant it
	// opens (trial extension), the date the subscription ends or is
	// deleted, the date sales ended.
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
	roles   RoleSet   // who may (ErrRole)
	end     time.Time // the term's end date, for "let it expire on"
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

func refDate(t time.Time) string { return t.UTC().Format(time.DateOnly) }

// until prints Until as a date for day-based rules and as an instant for
// hour-based ones.
func (e *RefusalError) until() string {
	if e.unit == policy.Hours {
		return e.Until.UTC().Format(time.RFC3339Nano)
	}
	return refDate(e.Until)
}

// Reason returns why the command was refused, in lower case words a support
// agent can read.
func (e *RefusalError) Reason() string {
	cmd := e.Command.String()
	switch e.why {
	case refRole:
		if !e.Command.IsValid() { // a payment method, a purchase: no command, maybe no channel
			what := "buy"
			switch e.action {
			case "remove-payment-method":
				what = "remove a payment method"
			case "add-payment-method":
				what = "add a payment method"
			}
			if !e.Channel.IsValid() {
				return fmt.Sprintf("%s may not %s", e.Actor.Title(), what)
			}
			return fmt.Sprintf("%s may not %s of a %s subscription", e.Actor.Title(), what, e.Channel)
		}
		return fmt.Sprintf("%s may not %s a %s subscription", e.Actor.Title(), cmd, e.Channel)
	case refCSPLicenses:
		return "the subscription was bought through a CSP partner, so licenses can't be changed in the Microsoft 365 admin center"
	case refRecurringNotActive:
		return fmt.Sprintf("recurring billing can be changed only while the subscription is active; it is %s", e.stateName())
	case refSuspendedAutoRenew:
		return "suspending the subscription turned off auto-renew, and it can't change while suspended"
	case refDeleted:
		return "the subscription is deleted and can't be changed or reactivated"
	case refCancelFirst:
		return "a subscription must be cancelled, and be disabled, before it can be deleted"
	case refDeleteNotOffered:
		return fmt.Sprintf("a disabled %s subscription can't be deleted by an admin; it is deleted on %s", e.Channel, refDate(e.Until))
	case refDeleteNotYet:
		return fmt.Sprintf("only a disabled subscription can be deleted; it becomes disabled on %s", refDate(e.Until))
	case refNoReactivateCSP:
		return fmt.Sprintf("a CSP subscription that is %s can't be reactivated", e.stateName())
	case refReactivateTrial:
		return "a trial is not reactivated: it is bought"
	case refReactivateClosed:
		return fmt.Sprintf("the subscription can no longer be reactivated while %s", e.stateName())
	case refAlready:
		return fmt.Sprintf("%s would change nothing", cmd)
	case refTrialSeats:
		return "the number of licenses can't change during a free trial"
	case refPartnerChannel:
		return fmt.Sprintf("a %s subscription is changed through the licensing partner, not in the admin center", e.Channel)
	case refNoCancel:
		return fmt.Sprintf("a %s subscription can't be cancelled online", e.Channel)
	case refTrialNoExtend:
		return "free trials on this channel can't be extended"
	case refTrialExtendedOnce:
		if e.Limit == 1 {
			return "the trial was already extended; it can be extended only once"
		}
		return fmt.Sprintf("the trial was already extended %d times, the most allowed", e.Limit)
	case refTrialExtendEarly:
		return fmt.Sprintf("a trial can be extended only within %d days of its end on %s", e.Limit, refDate(e.end))
	case refTrialNotCancellable:
		return "a free trial can't be cancelled under these rules"
	case refTrialStatus:
		return "a CSP trial's status and quantity can't be changed during the trial"
	case refCancelWindow:
		if e.unit == policy.Hours {
			return "cancel within the window after the start or renewal; the window closed at " + e.until()
		}
		return "cancel within the window after the start or renewal; its last day was " + e.until()
	case refProductKey:
		return "a subscription bought with a product key can be cancelled only through support, without refund"
	case refOnlineLimit:
		return fmt.Sprintf("%d licenses is over the online cancellation limit of %s", e.count, e.limitText())
	case refCustomDomain:
		return "a custom domain is still added to the subscription: " + strings.Join(e.domains, ", ")
	case refLicensesAssigned:
		return fmt.Sprintf("assigned licenses can't be removed: %d more than the remaining licenses are assigned", e.Limit)
	case refLicensesMin:
		return fmt.Sprintf("the license count can't go below %d", e.Limit)
	case refPrepaid:
		return "licenses of a prepaid subscription can't be removed because they have already been paid for"
	case refESTQuantity:
		return "the license quantity can't change while on an Extended Service Term"
	case refLicenseWindow:
		return fmt.Sprintf("%s can be removed now: licenses can be removed only within the window after they were bought, renewed or added", licensesText(e.Limit))
	case refLicensesRecurring:
		return "licenses can be removed only when recurring billing is on"
	case refAssignTooMany:
		return fmt.Sprintf("%d licenses can't be assigned when %d are bought", e.count, e.Limit)
	case refESTNotOffered:
		return fmt.Sprintf("an Extended Service Term is not offered for a %s subscription under these rules", e.Channel)
	case refSuspendNotOffered:
		return fmt.Sprintf("a %s subscription can't be suspended", e.Channel)
	case refSalesEnded:
		return fmt.Sprintf("the %s program sells and renews nothing from %s", e.Channel, refDate(e.Until))
	case refPaymentAttached:
		return fmt.Sprintf("the payment method is still attached to subscription %q, which is %s", e.SubscriptionID, e.stateName())
	case refKeyUsed:
		return "the product key was already used for this subscription"
	case refTrialLicenses:
		return fmt.Sprintf("a free trial comes with %d licenses, not %d", e.Limit, e.count)
	case refReactivatePayment:
		return "a payment method must be chosen or added to reactivate the subscription"
	case refPaymentCancelled:
		return fmt.Sprintf("the payment method of a cancelled or expired subscription can't be removed until the subscription is deleted; %q is %s until %s", e.SubscriptionID, e.stateName(), refDate(e.Until))
	case refOtherProcess, refCancelViaSupport, refRecurringBillingOnly, refContactSeller, refTrialOffer, refPaymentCountry, refBankAccount:
		return e.saleReason()
	}
	return fmt.Sprintf("%s is not possible on a %s subscription while %s", cmd, e.Channel, e.stateName())
}

func (e *RefusalError) limitText() string {
	if e.over == 0 {
		return fmt.Sprint(e.Limit)
	}
	if e.count == e.Limit {
		return fmt.Sprintf("fewer than %d assigned", e.Limit)
	}
	return fmt.Sprintf("%d", e.Limit)
}

// Instead returns what the actor can do instead, in lower case words, or
// "" when nothing can be done.
func (e *RefusalError) Instead() string {
	switch e.why {
	case refRole:
		if e.Channel.IsCSP() && !e.roles.Has(e.Actor) && e.Actor != Partner {
			return "contact your CSP partner"
		}
		if !e.Channel.IsCSP() {
			return askRoles(e.roles &^ partnerRoles) // a direct customer asks its admins, not a partner (AOBO)
		}
		return askRoles(e.roles)
	case refCSPLicenses:
		return "contact your CSP partner to change licenses"
	case refRecurringNotActive:
		return "reactivate the subscription first, then turn recurring billing on or off"
	case refSuspendedAutoRenew:
		return "unsuspend it first"
	case refDeleted:
		return "buy a new subscription; the deleted subscription's data is not restored"
	case refCancelFirst:
		return "cancel it first"
	case refDeleteNotOffered, refDeleteNotYet:
		return ""
	case refNoReactivateCSP:
		return "buy a new subscription"
	case refReactivateTrial:
		return "buy the trial (convert-trial)"
	case refReactivateClosed:
		return "buy a new subscription"
	case refTrialSeats:
		if e.Channel.IsCSP() {
			return "wait until the trial converts to a paid subscription"
		}
		return "buy the trial subscription first, then buy more licenses"
	case refPartnerChannel:
		return "contact your licensing partner"
	case refNoCancel:
		if e.Channel.IsCSP() {
			return "suspend it instead"
		}
		return "contact your licensing partner to make sure there's no automatic extension, and let it expire"
	case refTrialNoExtend, refTrialExtendedOnce:
		if !e.end.IsZero() {
			return "buy the trial (convert-trial) before it ends on " + refDate(e.end)
		}
		return "buy the trial (convert-trial)"
	case refTrialExtendEarly:
		return "extend it from " + refDate(e.Until)
	case refTrialNotCancellable, refTrialStatus:
		if e.Channel.IsCSP() {
			return "turn off auto-renew and let the trial end on " + refDate(e.end)
		}
		return "turn off recurring billing and let the trial end on " + refDate(e.end)
	case refCancelWindow:
		if e.Channel.IsCSP() {
			return "turn off auto-renew so that it ends on " + refDate(e.end) + "; the partner is billed for the full term"
		}
		return "turn off recurring billing and let it expire on " + refDate(e.end) + "; charges continue until then"
	case refProductKey:
		return "contact support to cancel; no refund is given"
	case refOnlineLimit:
		switch e.over {
		case policy.ReduceFirst:
			return fmt.Sprintf("reduce to %d licenses or fewer first, then cancel online", e.Limit)
		case policy.CallSupport:
			return "contact support to cancel"
		}
		return fmt.Sprintf("unassign licenses until fewer than %d are assigned, or contact support", e.Limit)
	case refCustomDomain:
		if len(e.domains) == 1 {
			return "remove the custom domain " + e.domains[0] + " first"
		}
		return "remove the custom domains first"
	case refLicensesAssigned:
		return fmt.Sprintf("unassign %s from users first", licensesText(e.Limit))
	case refLicensesMin:
		return "cancel the subscription instead"
	case refPrepaid:
		return "turn off recurring billing so that fewer licenses renew"
	case refESTQuantity:
		return "buy a new subscription with the quantity you need"
	case refLicenseWindow:
		what := "the others"
		if e.Limit == 0 {
			what = "licenses"
		}
		return "remove " + what + " in the next window, which opens at the renewal on " + refDate(e.end.AddDate(0, 0, 1))
	case refLicensesRecurring:
		return "turn recurring billing on first"
	case refAssignTooMany:
		return "buy more licenses first"
	case refESTNotOffered:
		return "renew the subscription or let it end"
	case refSalesEnded:
		return "buy through another program, such as Open Value"
	case refPaymentAttached:
		return fmt.Sprintf("move subscription %q to another payment method first", e.SubscriptionID)
	case refKeyUsed:
		return "enter a new, unused product key for the same Microsoft plan"
	case refTrialLicenses:
		return fmt.Sprintf("start the trial with %d licenses or fewer, and buy more once it is bought", e.Limit)
	case refReactivatePayment:
		return "add a payment method, then reactivate"
	case refPaymentCancelled:
		return fmt.Sprintf("wait until subscription %q is deleted on %s", e.SubscriptionID, refDate(e.Until))
	case refOtherProcess, refCancelViaSupport, refRecurringBillingOnly, refContactSeller, refTrialOffer, refPaymentCountry, refBankAccount:
		return e.saleInstead()
	}
	return ""
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

// licensesText returns "1 license" or "n licenses".
func licensesText(n int) string {
	if n == 1 {
		return "1 license"
	}
	return fmt.Sprintf("%d licenses", n)
}

// askRoles returns whom to ask: "ask a Global Administrator or a Billing
// Administrator, or contact support".
func askRoles(s RoleSet) string {
	var b strings.Builder
	for _, r := range s.List() {
		if r == Support {
			continue
		}
		if b.Len() == 0 {
			b.WriteString("ask ")
		} else {
			b.WriteString(" or ")
		}
		b.WriteString(r.Title())
	}
	if s.Has(Support) {
		if b.Len() > 0 {
			b.WriteString(", or ")
		}
		b.WriteString("contact support")
	}
	return b.String()
}
