package lifecycle

import (
	"database/sql/driver"
	"fmt"

	"github.com/lapse-go/lapse/internal/enumtext"
)

// CommandKind is what an admin, a partner or support asks to do to a
// subscription. The zero value is invalid.
type CommandKind uint8

// Command kinds, each with the event it appends to the history.
const (
	// CmdTurnOffRecurringBilling turns recurring billing (auto-renew) off; the
	// subscription stays Active until its end date (R-LC-3, R-LC-4).
	// Appends RecurringBillingOff.
	CmdTurnOffRecurringBilling CommandKind = iota + 1
	// CmdTurnOnRecurringBilling turns it back on (R-REN-2). Appends
	// RecurringBillingOn.
	CmdTurnOnRecurringBilling
	// CmdCancelNow is "Cancel now": within the cancellation window, Disabled at
	// once (direct, R-LC-5, R-LC-6) or Deleted (CSP, R-CAN-14). Appends
	// CancelNow.
	CmdCancelNow
	// CmdCancelAtRenewal is "Cancel before the next renewal date" (R-CAN-2;
	// MCA from 2026-02-09: cancel at the end of the term, R-LC-13). Appends
	// CancelAtRenewal.
	CmdCancelAtRenewal
	// CmdReactivate reactivates an Expired or Disabled subscription (§3.4); on
	// a CSP Suspended subscription it is the same as Unsuspend. Appends
	// Reactivate (Unsuspend when Suspended).
	CmdReactivate
	// CmdDelete explicitly deletes a Disabled subscription (MOSA, R-LC-8,
	// R-LC-9). Appends Delete.
	CmdDelete
	// CmdSuspend suspends a CSP subscription (§1.2). Appends Suspend.
	CmdSuspend
	// CmdUnsuspend reactivates a suspended CSP subscription before its term
	// ends (R-REA-7). Appends Unsuspend.
	CmdUnsuspend
	// CmdExtendTrial extends a free trial once, within 15 days of its end
	// (R-TRI-4). Appends ExtendTrial.
	CmdExtendTrial
	// CmdConvertTrial buys a trial: a paid subscription from the trial's end
	// (R-TRI-1), or at once for an Expired trial. Appends ConvertTrial.
	CmdConvertTrial
	// CmdAddLicenses buys Command.Licenses more licenses (seats). Appends
	// ChangeLicenses.
	CmdAddLicenses
	// CmdRemoveLicenses removes Command.Licenses purchased licenses (§3.6).
	// Appends ChangeLicenses.
	CmdRemoveLicenses
	// CmdAssignLicenses sets the number of licenses assigned to users to
	// Command.Assigned (unassigning when lower, R-LIC-1). Appends
	// ChangeLicenses with the purchased count unchanged.
	CmdAssignLicenses
	// CmdRenew records a renewal: a renewal completing at the instant (CSP,
	// R-CAN-15), or a new term for an Expired subscription (a VL renewal
	// order, a new product key; R-REA-9, R-REN-3). Appends Renew.
	CmdRenew
	// CmdConvertToEST schedules an Extended Service Term after the end date
	// (MCA, license-based, from 2026-02-09; R-LC-13). Appends ConvertEST.
	CmdConvertToEST
)

var commandKindNames = []string{"", "turn-off-recurring-billing", "turn-on-recurring-billing", "cancel-now",
	"cancel-at-renewal", "reactivate", "delete", "suspend", "unsuspend", "extend-trial", "convert-trial",
	"add-licenses", "remove-licenses", "assign-licenses", "renew", "convert-to-est"}

// CommandKinds lists every valid kind in declaration order.
func CommandKinds() []CommandKind {
	out := make([]CommandKind, 0, len(commandKindNames)-1)
	for k := CmdTurnOffRecurringBilling; int(k) < len(commandKindNames); k++ {
		out = append(out, k)
	}
	return out
}

var commandKinds = enumtext.New[CommandKind]("CommandKind", commandKindNames, enumError)

// String returns the kind's text name, such as "cancel-now", or
// "%!CommandKind(n)" for an invalid value.
func (k CommandKind) String() string { return commandKinds.String(k) }

// IsValid reports whether k is a declared kind.
func (k CommandKind) IsValid() bool { return commandKinds.Valid(k) }

// MarshalText implements encoding.TextMarshaler: the kind's canonical
// name. An invalid CommandKind is a *FieldError naming the value.
func (k CommandKind) MarshalText() ([]byte, error) { return commandKinds.MarshalText(k) }

// UnmarshalText implements encoding.TextUnmarshaler, reading what
// ParseCommandKind reads. On error k is unchanged.
func (k *CommandKind) UnmarshalText(b []byte) error { return commandKinds.UnmarshalText(k, b) }

// Value implements database/sql/driver.Valuer: the canonical name, as a
// string. An invalid CommandKind is a *FieldError.
func (k CommandKind) Value() (driver.Value, error) { return commandKinds.Value(k) }

// Scan implements database/sql.Scanner: a string or []byte column is read
// as ParseCommandKind reads it. SQL NULL and other types are a
// *FieldError; scan a nullable column into a sql.Null[CommandKind].
func (k *CommandKind) Scan(src any) error { return commandKinds.Scan(k, src) }

// ParseCommandKind parses a kind's text name, such as "cancel-now", in any
// ASCII case. The error, a *FieldError, names the value and the accepted
// names.
func ParseCommandKind(name string) (CommandKind, error) { return commandKinds.Parse(name) }

// event returns the kind of event the command appends; Reactivate on a
// Suspended subscription is recorded as Unsuspend by Apply.
func (k CommandKind) event() EventKind {
	switch k {
	case CmdTurnOffRecurringBilling:
		return RecurringBillingOff
	case CmdTurnOnRecurringBilling:
		return RecurringBillingOn
	case CmdCancelNow:
		return CancelNow
	case CmdCancelAtRenewal:
		return CancelAtRenewal
	case CmdReactivate:
		return Reactivate
	case CmdDelete:
		return Delete
	case CmdSuspend:
		return Suspend
	case CmdUnsuspend:
		return Unsuspend
	case CmdExtendTrial:
		return ExtendTrial
	case CmdConvertTrial:
		return ConvertTrial
	case CmdAddLicenses, CmdRemoveLicenses, CmdAssignLicenses:
		return ChangeLicenses
	case CmdRenew:
		return Renew
	case CmdConvertToEST:
		return ConvertEST
	}
	return 0
}

// Command is a request to change a subscription, with who asks. It is a
// plain value; the zero Command is invalid (its Kind and Actor are zero).
//
// Facts about the tenant that a Subscription does not hold come in as
// fields, so that package lifecycle never needs the tenant: the caller (or
// package lifecycle/tenant, from a tenant snapshot) says which custom
// domains still block a cancellation.
type Command struct {
	// Kind is what to do. Required.
	Kind CommandKind
	// Actor is the role of who asks. Required: it is checked against
	// RULES.md §3.12.
	Actor Role
	// Licenses is, for AddLicenses and RemoveLicenses, how many licenses
	// (seats) to add or remove: a positive count, not the new total.
	// Ignored by other kinds.
	Licenses int
	// Assigned is, for AssignLicenses, the number of licenses assigned to
	// users afterwards. Ignored by other kinds.
	Assigned int
	// ProductKey is, for Renew of a prepaid subscription, the product key
	// that extends it (R-REN-3: "a new, unused product key"); a key the
	// subscription already used is refused. Empty when not given.
	// Ignored by other kinds.
	ProductKey string
	// CustomDomains names the custom domains that must still be removed
	// before this subscription can be cancelled (R-CAN-10, R-DOM-1); empty
	// when none. Checked by CancelNow and CancelAtRenewal on the channels
	// cancelled in the Microsoft 365 admin center. Treat as read-only.
	CustomDomains []string
}

// String returns "kind by actor", with the license count when it matters.
func (c Command) String() string {
	s := c.Kind.String() + " by " + c.Actor.String()
	switch c.Kind {
	case CmdAddLicenses, CmdRemoveLicenses:
		s += fmt.Sprintf(" (%d licenses)", c.Licenses)
	case CmdAssignLicenses:
		s += fmt.Sprintf(" (%d assigned)", c.Assigned)
	}
	return s
}

// check reports an invalid command as a *FieldError.
func (c *Command) check() error {
	if !c.Kind.IsValid() {
		return &FieldError{Field: "Command.Kind", Value: c.Kind.String(), Reason: "not a valid command kind"}
	}
	if !c.Actor.IsValid() {
		return &FieldError{Field: "Command.Actor", Value: c.Actor.String(), Reason: "not a valid role"}
	}
	switch c.Kind {
	case CmdAddLicenses, CmdRemoveLicenses:
		if c.Licenses <= 0 {
			return &FieldError{Field: "Command.Licenses", Value: c.Licenses, Reason: "must be a positive number of licenses to add or remove"}
		}
	case CmdAssignLicenses:
		if c.Assigned < 0 {
			return &FieldError{Field: "Command.Assigned", Value: c.Assigned, Reason: "must not be negative"}
		}
	}
	return nil
}
