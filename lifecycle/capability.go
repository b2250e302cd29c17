package lifecycle

import (
	"database/sql/driver"

	"github.com/lapse-go/lapse/internal/enumtext"
	"github.com/lapse-go/lapse/internal/fsmgraph"
	"github.com/lapse-go/lapse/policy"
)

// DataAccess says who can access the customer data (RULES.md §2 row 1).
// The zero value is invalid.
type DataAccess uint8

// Data access levels.
const (
	// Everyone: users and admins ("Data is accessible to all").
	Everyone DataAccess = iota + 1
	// AdminsOnly: "only admins have access to the data" and can back it up.
	AdminsOnly
	// Nobody: the data is deleted or being deleted.
	Nobody
)

var dataAccessNames = []string{"", "everyone", "admins-only", "nobody"}

var dataAccesses = enumtext.New[DataAccess]("DataAccess", dataAccessNames, enumError)

// String returns the level's text name.
func (d DataAccess) String() string { return dataAccesses.String(d) }

// IsValid reports whether d is a declared level.
func (d DataAccess) IsValid() bool { return dataAccesses.Valid(d) }

// MarshalText implements encoding.TextMarshaler: the level's canonical
// name. An invalid DataAccess is a *FieldError naming the value.
func (d DataAccess) MarshalText() ([]byte, error) { return dataAccesses.MarshalText(d) }

// UnmarshalText implements encoding.TextUnmarshaler, reading what
// ParseDataAccess reads. On error d is unchanged.
func (d *DataAccess) UnmarshalText(b []byte) error { return dataAccesses.UnmarshalText(d, b) }

// Value implements database/sql/driver.Valuer: the canonical name, as a
// string. An invalid DataAccess is a *FieldError.
func (d DataAccess) Value() (driver.Value, error) { return dataAccesses.Value(d) }

// Scan implements database/sql.Scanner: a string or []byte column is read
// as ParseDataAccess reads it. SQL NULL and other types are a *FieldError;
// scan a nullable column into a sql.Null[DataAccess].
func (d *DataAccess) Scan(src any) error { return dataAccesses.Scan(d, src) }

// ParseDataAccess parses a level's text name, such as "admins-only", in
// any ASCII case. The error, a *FieldError, names the value and the
// accepted names.
func ParseDataAccess(name string) (DataAccess, error) { return dataAccesses.Parse(name) }

// AppsMode is how the Office desktop apps behave (§2). The zero value is
// invalid.
type AppsMode uint8

// Office apps modes.
const (
	// AppsNormal: full functionality.
	AppsNormal AppsMode = iota + 1
	// AppsReducedFunctionality: the apps "eventually move into a
	// read-only, reduced functionality mode and display Unlicensed Product
	// notifications"; users "can only read and print documents".
	AppsReducedFunctionality
	// AppsUndocumented: the sources do not say (CSP Suspended).
	AppsUndocumented
)

var appsModeNames = []string{"", "normal", "reduced-functionality", "undocumented"}

var appsModes = enumtext.New[AppsMode]("AppsMode", appsModeNames, enumError)

// String returns the mode's text name.
func (a AppsMode) String() string { return appsModes.String(a) }

// IsValid reports whether a is a declared mode.
func (a AppsMode) IsValid() bool { return appsModes.Valid(a) }

// MarshalText implements encoding.TextMarshaler: the mode's canonical
// name. An invalid AppsMode is a *FieldError naming the value.
func (a AppsMode) MarshalText() ([]byte, error) { return appsModes.MarshalText(a) }

// UnmarshalText implements encoding.TextUnmarshaler, reading what
// ParseAppsMode reads. On error a is unchanged.
func (a *AppsMode) UnmarshalText(b []byte) error { return appsModes.UnmarshalText(a, b) }

// Value implements database/sql/driver.Valuer: the canonical name, as a
// string. An invalid AppsMode is a *FieldError.
func (a AppsMode) Value() (driver.Value, error) { return appsModes.Value(a) }

// Scan implements database/sql.Scanner: a string or []byte column is read
// as ParseAppsMode reads it. SQL NULL and other types are a *FieldError;
// scan a nullable column into a sql.Null[AppsMode].
func (a *AppsMode) Scan(src any) error { return appsModes.Scan(a, src) }

// ParseAppsMode parses a mode's text name, such as
// "reduced-functionality", in any ASCII case. The error, a *FieldError,
// names the value and the accepted names.
func ParseAppsMode(name string) (AppsMode, error) { return appsModes.Parse(name) }

// Billing says whether the CSP partner is billed (§1.2). The zero value is
// invalid.
type Billing uint8

// Partner billing.
const (
	// Billed: the transacting partner is billed.
	Billed Billing = iota + 1
	// NotBilled: the partner is not billed.
	NotBilled
	// NotApplicable: not a CSP subscription.
	NotApplicable
)

var billingNames = []string{"", "billed", "not-billed", "not-applicable"}

var billings = enumtext.New[Billing]("Billing", billingNames, enumError)

// String returns the value's text name.
func (b Billing) String() string { return billings.String(b) }

// IsValid reports whether b is a declared value.
func (b Billing) IsValid() bool { return billings.Valid(b) }

// MarshalText implements encoding.TextMarshaler: the value's canonical
// name. An invalid Billing is a *FieldError naming the value.
func (b Billing) MarshalText() ([]byte, error) { return billings.MarshalText(b) }

// UnmarshalText implements encoding.TextUnmarshaler, reading what
// ParseBilling reads. On error b is unchanged.
func (b *Billing) UnmarshalText(text []byte) error { return billings.UnmarshalText(b, text) }

// Value implements database/sql/driver.Valuer: the canonical name, as a
// string. An invalid Billing is a *FieldError.
func (b Billing) Value() (driver.Value, error) { return billings.Value(b) }

// Scan implements database/sql.Scanner: a string or []byte column is read
// as ParseBilling reads it. SQL NULL and other types are a *FieldError;
// scan a nullable column into a sql.Null[Billing].
func (b *Billing) Scan(src any) error { return billings.Scan(b, src) }

// ParseBilling parses a value's text name, such as "not-billed", in any
// ASCII case. The error, a *FieldError, names the value and the
// accepted names.
func ParseBilling(name string) (Billing, error) { return billings.Parse(name) }

// Capabilities says who may use what and do what at one instant (RULES.md
// §2, §3.12). A role set names who may act; an empty set with the flag
// false means nobody may.
//
// The command answers (Reactivate, ChangeRecurringBilling, Cancel,
// Delete, AssignLicenses and their role sets) are not a second copy of
// the rules: each is computed by asking the guards that [Lifecycle.Apply]
// runs, for every role, so that a role is in a set exactly when Apply
// would accept the command from it at the same instant. The deliberate
// exceptions, which Capabilities cannot see:
//
//   - tenant facts carried by the Command: custom domains still to be
//     removed (R-CAN-10) refuse a cancellation that Capabilities allows;
//   - history order: Apply refuses a command dated before the last event
//     of the history (ErrHistory), while a Status of an earlier instant
//     says what could be done then;
//   - AssignLicenses is asked with one more (or, when every license is
//     assigned, one fewer) assigned license; other counts may be refused
//     (R-LIC-1).
//
// Commands without a flag here (cancel at renewal, suspend, trial
// extension and conversion, license purchase and removal, renewal, EST)
// are answered by [Lifecycle.Check].
type Capabilities struct {
	// Services reports whether end users can use Microsoft 365 services,
	// files and apps.
	Services bool
	// Data says who can access the customer data.
	Data DataAccess
	// OfficeApps is the Office desktop apps' mode.
	OfficeApps AppsMode
	// AdminCenter reports whether admins can use the admin center (to
	// manage other subscriptions or buy new ones, even when Deleted).
	AdminCenter bool
	// AssignLicenses reports whether licenses can be assigned to users
	// (or unassigned) now, and AssignLicensesRoles by whom (§2, §3.12).
	AssignLicenses      bool
	AssignLicensesRoles RoleSet
	// Reactivate reports whether the subscription can be reactivated now,
	// and ReactivateRoles by whom (R-REA-*, §3.12): the reactivation
	// window is open, the rules offer it (R-REA-7, R-REA-9), a payment
	// method is attached where one is required (R-REA-4) and the channel
	// still sells (C-23).
	Reactivate      bool
	ReactivateRoles RoleSet
	// ChangeRecurringBilling reports whether recurring billing can be
	// turned on or off now (R-REN-2: only while Active; not for the
	// channels that renew through their licensing partner, R-REN-4), and
	// by whom.
	ChangeRecurringBilling      bool
	ChangeRecurringBillingRoles RoleSet
	// Cancel reports whether the subscription can be cancelled online now
	// — its state, the cancellation window, the online license limit and
	// product-key rule — by an admin or the partner. CancelRoles says who
	// may cancel now; it holds Support where the sources route a
	// cancellation through support ("If you're unable to cancel your
	// subscription, contact support", R-CAN-1, R-CAN-6, R-CAN-7), even
	// when Cancel is false because no admin may cancel online, and, on
	// the direct channels, Partner for a partner with delegated
	// administration cancelling for the customer (AOBO, R-LC-12).
	Cancel      bool
	CancelRoles RoleSet
	// Delete reports whether the subscription can be deleted now (MOSA
	// Disabled only, R-LC-9), and DeleteRoles by whom.
	Delete      bool
	DeleteRoles RoleSet
	// RemovePaymentMethod reports whether this subscription still holds
	// its payment method (R-PAY-1…R-PAY-3): false until it is Deleted, or
	// Disabled with policy.PaymentRules.AllowReplaceWhileDisabled. Not
	// applicable (false) for CSP, whose partner is billed.
	RemovePaymentMethod bool
	// BuyOtherSubscriptions reports whether admins can buy other
	// subscriptions.
	BuyOtherSubscriptions bool
	// PartnerBilled says whether the CSP partner is billed.
	PartnerBilled Billing
}

// Capabilities returns who may use what and do what at At (RULES.md §2,
// §3.12): services and data access under the version that judged the
// phase, commands under the version in force at At, asked of the guards
// [Lifecycle.Apply] runs (see [Capabilities] for what they cannot see).
func (s Status) Capabilities() Capabilities {
	if s.m == nil {
		return Capabilities{}
	}
	return s.capabilities()
}

func (s *Status) capabilities() Capabilities {
	r := s.f.b.rules(int32(s.d.cmd))    // commands at At
	life := s.f.b.rules(int32(s.d.ver)) // the phase
	ch := s.f.b.channel()
	c := Capabilities{AdminCenter: true, BuyOtherSubscriptions: true, PartnerBilled: NotApplicable}
	switch s.m.state {
	case Active:
		c.Services, c.Data, c.OfficeApps = true, Everyone, AppsNormal
	case Expired:
		c.Services, c.Data, c.OfficeApps = life.ServicesDuringExpired, Everyone, AppsNormal
		if !life.ServicesDuringExpired { // C-1, 03/2024 VL text [INFERRED: admins keep the data]
			c.Data, c.OfficeApps = AdminsOnly, AppsReducedFunctionality
		}
	case Disabled:
		c.Data, c.OfficeApps = AdminsOnly, AppsReducedFunctionality
		c.RemovePaymentMethod = r.Payment.AllowReplaceWhileDisabled
	case Suspended:
		c.Data, c.OfficeApps = AdminsOnly, AppsUndocumented
	case Deleted:
		c.Data, c.OfficeApps = Nobody, AppsReducedFunctionality
		c.RemovePaymentMethod = true
		if s.f.mode == cancelled && life.Cancel.Effect == policy.CancelToDeleted {
			if nb, _, _ := s.purge(); s.at < nb {
				c.Data = AdminsOnly // R-DAT-5: the partner administrator may back up for 7 days
			}
		}
	}
	if ch.IsCSP() {
		c.RemovePaymentMethod = false
		c.PartnerBilled = NotBilled
		if (s.m.state == Active && !s.d.trial) || (s.m.state == Suspended && life.Suspension.PartnerBilled) {
			c.PartnerBilled = Billed
		}
	}
	if m, err := machineFor(ch); err == nil {
		c.ReactivateRoles = s.allowed(m, Command{Kind: CmdReactivate})
		c.ChangeRecurringBillingRoles = s.allowed(m, Command{Kind: CmdTurnOffRecurringBilling}) |
			s.allowed(m, Command{Kind: CmdTurnOnRecurringBilling})
		c.CancelRoles = s.allowed(m, Command{Kind: CmdCancelNow})
		c.DeleteRoles = s.allowed(m, Command{Kind: CmdDelete})
		if s.f.licenses > 0 { // with no license there is nothing to assign
			c.AssignLicensesRoles = s.allowed(m, Command{Kind: CmdAssignLicenses, Assigned: s.assignProbe()})
		}
	}
	c.Reactivate = !c.ReactivateRoles.IsEmpty()
	c.ChangeRecurringBilling = !c.ChangeRecurringBillingRoles.IsEmpty()
	c.Cancel = !(c.CancelRoles &^ RolesOf(Support)).IsEmpty()
	c.Delete = !c.DeleteRoles.IsEmpty()
	c.AssignLicenses = !c.AssignLicensesRoles.IsEmpty()
	return c
}

// allowed returns the roles whose cmd (its Actor set to each in turn)
// Apply's graph and guards admit at At. When the graph has no edge, or a
// role fails the guards' role check (rolesFor), admit refuses whatever
// the role, so those are not asked: that only saves time.
func (s *Status) allowed(m *fsmgraph.Machine, cmd Command) RoleSet {
	kind, n := cmd.Kind, nodeOf(s)
	if kind == CmdReactivate && n == nodeSuspended {
		kind = CmdUnsuspend
	}
	if !m.Can(int(n), int(kind)) {
		return 0
	}
	var set RoleSet
	var out RefusalError
	var ev Event
	for r, may := GlobalAdmin, rolesFor(cmd.Kind, s.f.b.channel(), s.rules()); may != 0 && r.IsValid(); r++ {
		if !may.Has(r) {
			continue
		}
		cmd.Actor = r
		if admit(m, nil, &cmd, s, &ev, &out) == nil {
			set |= RolesOf(r)
		}
	}
	return set
}

// assignProbe returns the assigned count Capabilities asks AssignLicenses
// with: one more license assigned, or one fewer when all are.
func (s *Status) assignProbe() int {
	if n := int(s.f.assigned); n < int(s.f.licenses) {
		return n + 1
	}
	return int(s.f.assigned) - 1
}

// reactivationOpen reports whether At lies in a reactivation window
// (R-REA-1, R-REA-3, R-REA-7): before the first instant reactivation is no
// longer possible, or — for the hours after an explicit deletion (C-6) —
// at that instant too, since windows are inclusive by default (DC-5).
func (s *Status) reactivationOpen() bool {
	u := s.d.reactUntil
	switch {
	case s.m.state == Active || u == none:
		return false
	case s.m.state == Deleted:
		return s.at <= u
	}
	return s.at < u
}
