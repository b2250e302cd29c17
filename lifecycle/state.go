package lifecycle

import "github.com/lapse-go/lapse/internal/enumtext"

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

// String returns the state's text name, such as "expired", or
// "%!State(n)" for an invalid value.
func (s State) String() string {
	return enumtext.String(s, stateNames, "State")
}

// IsValid reports whether s is a declared state.
func (s State) IsValid() bool { return enumtext.Valid(s, stateNames) }

// MarshalText implements encoding.TextMarshaler.
func (s State) MarshalText() ([]byte, error) {
	if !s.IsValid() {
		return nil, &FieldError{Field: "State", Value: uint8(s), Reason: "not a valid State"}
	}
	return []byte(stateNames[s]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *State) UnmarshalText(b []byte) error {
	v, err := ParseState(string(b))
	if err == nil {
		*s = v
	}
	return err
}

// ParseState parses a state's text name; it also accepts the enterprise and
// legacy names ("grace", "inactive", "deprovisioned"; C-25).
func ParseState(name string) (State, error) {
	switch name {
	case "grace":
		return Expired, nil
	case "inactive":
		return Disabled, nil
	case "deprovisioned":
		return Deleted, nil
	}
	if i := enumtext.Index(stateNames, name); i > 0 {
		return State(i), nil
	}
	return 0, &FieldError{Field: "State", Value: name, Reason: "unknown state; want active, expired, disabled, deleted or suspended"}
}

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

// String returns Graph's spelling, such as "Warning".
func (c CapabilityStatus) String() string {
	return enumtext.String(c, capabilityStatusNames, "CapabilityStatus")
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

// String returns the cause's text name, such as "term-ended".
func (c Cause) String() string {
	return enumtext.String(c, causeNames, "Cause")
}

// IsValid reports whether c is a declared cause.
func (c Cause) IsValid() bool { return enumtext.Valid(c, causeNames) }

// MarshalText implements encoding.TextMarshaler.
func (c Cause) MarshalText() ([]byte, error) {
	if !c.IsValid() {
		return nil, &FieldError{Field: "Cause", Value: uint8(c), Reason: "not a valid Cause"}
	}
	return []byte(causeNames[c]), nil
}
