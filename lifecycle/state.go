package lifecycle

import (
	"database/sql/driver"

	"github.com/lapse-go/lapse/internal/enumtext"
)

// State is a subscription's lifecycle state. The zero value is invalid.
type State uint8

// The lifecycle states of RULES.md R-LC-1 and §1.2.
const (
	// Active: the subscription is paid for (or in its free trial) and in
	// use.
	Active State = iota + 1
	// Expired ("Grace" in the enterprise and VL tables): the term ended;
	// users keep access (R-LC-2, §2).
	Expired
	// Disabled ("Inactive"): users lose access, admins can still access and
	// back up data (§2).
	Disabled
	// Deleted ("Deprovisioned" in older texts): terminal; data is deleted
	// (R-LC-1, R-DAT-8).
	Deleted
	// Suspended: a CSP partner suspended the subscription (§1.2).
	Suspended
)

var stateNames = []string{"", "active", "expired", "disabled", "deleted", "suspended"}

// states reads, besides the names in any case (which covers the admin
// center's "Disabled" and Partner Center's subscription status values
// "active", "suspended", "deleted", "expired" and "disabled"), the
// enterprise and legacy names (C-25), and refuses Partner Center's two
// statuses that are no lifecycle state with their own reason.
var states = enumtext.New("State", stateNames, enumError,
	enumtext.Alias[State]{Name: "grace", Value: Expired},
	enumtext.Alias[State]{Name: "inactive", Value: Disabled},
	enumtext.Alias[State]{Name: "deprovisioned", Value: Deleted},
).Refuse("pending", `Partner Center's status "pending" is a subscription not yet provisioned, before its lifecycle begins, not a lifecycle state`).
	Refuse("none", `Partner Center's status "none" is no status at all, not a lifecycle state`)

// String returns the state's text name, such as "expired", or
// "%!State(n)" for an invalid value.
func (s State) String() string { return states.String(s) }

// IsValid reports whether s is a declared state.
func (s State) IsValid() bool { return states.Valid(s) }

// MarshalText implements encoding.TextMarshaler: the state's canonical
// name, such as "expired", never an alias. An invalid State is a
// *FieldError naming the value.
func (s State) MarshalText() ([]byte, error) { return states.MarshalText(s) }

// UnmarshalText implements encoding.TextUnmarshaler, reading what
// ParseState reads. On error s is unchanged.
func (s *State) UnmarshalText(b []byte) error { return states.UnmarshalText(s, b) }

// Value implements database/sql/driver.Valuer: the canonical name, as a
// string. An invalid State is a *FieldError.
func (s State) Value() (driver.Value, error) { return states.Value(s) }

// Scan implements database/sql.Scanner: a string or []byte column is read
// as ParseState reads it. SQL NULL and other types are a *FieldError;
// scan a nullable column into a sql.Null[State].
func (s *State) Scan(src any) error { return states.Scan(s, src) }

// ParseState parses a state's text name, such as "expired", in any ASCII
// case, so that it also reads the admin center's names ("Expired",
// "Disabled") and Partner Center's subscription status values ("active",
// "suspended", "deleted", "expired", "disabled"). It also accepts the
// enterprise and legacy names as aliases: "grace" (Expired), "inactive"
// (Disabled) and "deprovisioned" (Deleted) (C-25); String and MarshalText
// never write them. Partner Center's "pending" and "none" name no
// lifecycle state and are refused with a reason saying so. The error, a
// *FieldError, names the value and the accepted names.
func ParseState(name string) (State, error) { return states.Parse(name) }

// AdminCenterName returns the name the Microsoft 365 admin center shows:
// "Active", "Expired", "Disabled", "Deleted", "Suspended".
func (s State) AdminCenterName() string {
	switch s {
	case Active:
		return "Active"
	case Expired:
		return "Expired"
	case Disabled:
		return "Disabled"
	case Deleted:
		return "Deleted"
	case Suspended:
		return "Suspended"
	}
	return s.String()
}

// EnterpriseName returns the name of the enterprise and Volume Licensing
// tables: "Active", "Grace", "Inactive", "Deleted" (RULES.md §1.1 notes,
// C-25). Suspended has no enterprise name and returns "Suspended".
func (s State) EnterpriseName() string {
	switch s {
	case Expired:
		return "Grace"
	case Disabled:
		return "Inactive"
	}
	return s.AdminCenterName()
}

// LegacyName returns the 2020 and Entra name: Deleted is "Deprovisioned"
// (D-WIF-2020, E-TENANT-2024-01); other states keep their admin center name.
func (s State) LegacyName() string {
	if s == Deleted {
		return "Deprovisioned"
	}
	return s.AdminCenterName()
}

// CapabilityStatus is Microsoft Graph's capabilityStatus of a service plan
// (P-GRAPH-AP, P-GRAPH-LUD). The zero value is invalid.
type CapabilityStatus uint8

// Graph capability statuses in their documented order.
const (
	// Enabled: "Available for normal use".
	Enabled CapabilityStatus = iota + 1
	// Warning: "Available for normal use and assignment but is in a grace
	// period".
	Warning
	// GraphSuspended: "Unavailable for assignment but any data associated
	// with the capability must be preserved".
	GraphSuspended
	// LockedOut: "Unavailable for all administrators and users"; its timing
	// is undocumented (AC-60, [AMBIGUOUS]) and no state maps to it.
	LockedOut
	// GraphDeleted: the capability is deleted.
	GraphDeleted
)

var capabilityStatusNames = []string{"", "Enabled", "Warning", "Suspended", "LockedOut", "Deleted"}

var capabilityStatuses = enumtext.New[CapabilityStatus]("CapabilityStatus", capabilityStatusNames, enumError)

// String returns Graph's spelling, such as "Warning".
func (c CapabilityStatus) String() string { return capabilityStatuses.String(c) }

// IsValid reports whether c is a declared status.
func (c CapabilityStatus) IsValid() bool { return capabilityStatuses.Valid(c) }

// MarshalText implements encoding.TextMarshaler: Graph's spelling, such as
// "LockedOut", as Graph writes it. An invalid CapabilityStatus is a
// *FieldError naming the value.
func (c CapabilityStatus) MarshalText() ([]byte, error) { return capabilityStatuses.MarshalText(c) }

// UnmarshalText implements encoding.TextUnmarshaler, reading what
// ParseCapabilityStatus reads. On error c is unchanged.
func (c *CapabilityStatus) UnmarshalText(b []byte) error {
	return capabilityStatuses.UnmarshalText(c, b)
}

// Value implements database/sql/driver.Valuer: Graph's spelling, as a
// string. An invalid CapabilityStatus is a *FieldError.
func (c CapabilityStatus) Value() (driver.Value, error) { return capabilityStatuses.Value(c) }

// Scan implements database/sql.Scanner: a string or []byte column is read
// as ParseCapabilityStatus reads it. SQL NULL and other types are a
// *FieldError; scan a nullable column into a sql.Null[CapabilityStatus].
func (c *CapabilityStatus) Scan(src any) error { return capabilityStatuses.Scan(c, src) }

// ParseCapabilityStatus parses Graph's capabilityStatus, such as
// "Enabled" or "LockedOut", in any ASCII case ("lockedout"). The error, a
// *FieldError, names the value and the accepted names.
func ParseCapabilityStatus(name string) (CapabilityStatus, error) {
	return capabilityStatuses.Parse(name)
}

// CapabilityStatus maps s to Graph's capabilityStatus (AC-60): Active →
// Enabled, Expired → Warning, Disabled → Suspended, Deleted → Deleted. A
// CSP Suspended subscription keeps its data for admins and maps to
// Suspended. An invalid state returns the invalid zero value.
func (s State) CapabilityStatus() CapabilityStatus {
	switch s {
	case Active:
		return Enabled
	case Expired:
		return Warning
	case Disabled, Suspended:
		return GraphSuspended
	case Deleted:
		return GraphDeleted
	}
	return 0
}

// Cause says why a phase of the lifecycle began. The zero value is invalid.
type Cause uint8

// Causes of phases.
const (
	// Purchased: the subscription was bought (the first paid term).
	Purchased Cause = iota + 1
	// TrialStarted: the free trial began.
	TrialStarted
	// TrialConverted: the trial converted to a paid subscription (R-TRI-1,
	// R-TRI-7).
	TrialConverted
	// Reactivated: an admin or the partner reactivated it (§3.4).
	Reactivated
	// Renewed: a renewal (a new term) began (R-REN-1, R-REN-5).
	Renewed
	// TermEnded: the end date was reached without renewal (R-LC-2, R-LC-3).
	TermEnded
	// CancelledAtRenewal: "Cancel before the next renewal date" reached
	// the end date (R-CAN-2).
	CancelledAtRenewal
	// TrialEnded: the trial ended without conversion (R-TRI-3, R-TRI-5).
	TrialEnded
	// GraceEnded: the Expired state ended (R-LC-1).
	GraceEnded
	// DisabledEnded: the Disabled state ended (R-LC-7).
	DisabledEnded
	// Cancelled: a cancellation took effect (R-LC-5, R-LC-6, C-7).
	Cancelled
	// ExplicitlyDeleted: an admin deleted the subscription (R-LC-8).
	ExplicitlyDeleted
	// SuspendedByPartner: the CSP partner suspended it (§1.2).
	SuspendedByPartner
	// Unsuspended: the partner reactivated a suspended subscription.
	Unsuspended
	// SuspendedAtTermEnd: still suspended when the term ended (C-8).
	SuspendedAtTermEnd
	// SuspensionLimit: suspended for the longest time allowed (legacy CSP:
	// 90 days).
	SuspensionLimit
	// AllLicensesRemoved: every license was removed (R-LIC-4).
	AllLicensesRemoved
	// ExtendedServiceTerm: an Extended Service Term began (R-LC-13).
	ExtendedServiceTerm
)

var causeNames = []string{"", "purchased", "trial-started", "trial-converted", "reactivated", "renewed",
	"term-ended", "cancelled-at-renewal", "trial-ended", "grace-ended", "disabled-ended", "cancelled",
	"explicitly-deleted", "suspended", "unsuspended", "suspended-at-term-end", "suspension-limit",
	"all-licenses-removed", "extended-service-term"}

var causes = enumtext.New[Cause]("Cause", causeNames, enumError)

// String returns the cause's text name, such as "term-ended".
func (c Cause) String() string { return causes.String(c) }

// IsValid reports whether c is a declared cause.
func (c Cause) IsValid() bool { return causes.Valid(c) }

// MarshalText implements encoding.TextMarshaler: the cause's canonical
// name. An invalid Cause is a *FieldError naming the value.
func (c Cause) MarshalText() ([]byte, error) { return causes.MarshalText(c) }

// UnmarshalText implements encoding.TextUnmarshaler, reading what
// ParseCause reads. On error c is unchanged.
func (c *Cause) UnmarshalText(b []byte) error { return causes.UnmarshalText(c, b) }

// Value implements database/sql/driver.Valuer: the canonical name, as a
// string. An invalid Cause is a *FieldError.
func (c Cause) Value() (driver.Value, error) { return causes.Value(c) }

// Scan implements database/sql.Scanner: a string or []byte column is read
// as ParseCause reads it. SQL NULL and other types are a *FieldError;
// scan a nullable column into a sql.Null[Cause].
func (c *Cause) Scan(src any) error { return causes.Scan(c, src) }

// ParseCause parses a cause's text name, such as "term-ended", in any
// ASCII case. The error, a *FieldError, names the value and the accepted
// names.
func ParseCause(name string) (Cause, error) { return causes.Parse(name) }
