package lifecycle

import (
	"database/sql/driver"
	"strings"

	"github.com/lapse-go/lapse/internal/enumtext"
	"github.com/lapse-go/lapse/policy"
)

// Role is the role of the person (or partner) who acts. The zero value is
// invalid.
type Role uint8

// Roles of RULES.md §3.12.
const (
	// GlobalAdmin is a Microsoft 365 Global Administrator.
	GlobalAdmin Role = iota + 1
	// BillingAdmin is a Billing Administrator.
	BillingAdmin
	// BillingAccountOwner is an MCA billing account owner.
	BillingAccountOwner
	// BillingAccountContributor is an MCA billing account contributor.
	BillingAccountContributor
	// BillingProfileOwner is an MCA billing profile owner.
	BillingProfileOwner
	// BillingProfileContributor is an MCA billing profile contributor.
	BillingProfileContributor
	// UserAdmin is a User Administrator (user management admin).
	UserAdmin
	// Partner is the CSP partner's admin or sales agent (or the partner
	// acting on behalf of the customer).
	Partner
	// Support is Microsoft support, for actions the sources route through
	// a call to support.
	Support
	// User is an end user without an admin role.
	User
)

var roleNames = []string{"", "global-admin", "billing-admin", "billing-account-owner", "billing-account-contributor",
	"billing-profile-owner", "billing-profile-contributor", "user-admin", "partner", "support", "user"}

var roles = enumtext.New[Role]("Role", roleNames, enumError)

// String returns the role's text name, such as "billing-admin".
func (r Role) String() string { return roles.String(r) }

// IsValid reports whether r is a declared role.
func (r Role) IsValid() bool { return roles.Valid(r) }

// MarshalText implements encoding.TextMarshaler: the role's canonical
// name. An invalid Role is a *FieldError naming the value.
func (r Role) MarshalText() ([]byte, error) { return roles.MarshalText(r) }

// UnmarshalText implements encoding.TextUnmarshaler, reading what
// ParseRole reads. On error r is unchanged.
func (r *Role) UnmarshalText(b []byte) error { return roles.UnmarshalText(r, b) }

// Value implements database/sql/driver.Valuer: the canonical name, as a
// string. An invalid Role is a *FieldError.
func (r Role) Value() (driver.Value, error) { return roles.Value(r) }

// Scan implements database/sql.Scanner: a string or []byte column is read
// as ParseRole reads it. SQL NULL and other types are a *FieldError; scan
// a nullable column into a sql.Null[Role].
func (r *Role) Scan(src any) error { return roles.Scan(r, src) }

// ParseRole parses a role's text name, such as "billing-admin", in any
// ASCII case. The error, a *FieldError, names the value and the accepted
// names.
func ParseRole(name string) (Role, error) { return roles.Parse(name) }

var roleTitles = []string{"", "a Global Administrator", "a Billing Administrator", "a billing account owner",
	"a billing account contributor", "a billing profile owner", "a billing profile contributor", "a User Administrator",
	"the CSP partner", "Microsoft support", "a user without an admin role"}

// Title returns the role as a support agent would say it, such as "a
// Billing Administrator".
func (r Role) Title() string {
	if r.IsValid() {
		return roleTitles[r]
	}
	return r.String()
}

// RoleSet is a set of roles. The zero set is empty.
//
// As text (MarshalText, and Value for a database column) a set is its
// roles' names joined by "|" in declaration order, such as
// "global-admin|billing-admin", and the empty set is "". As JSON it is an
// array of names, [] for the empty set. Reading accepts what ParseRole
// accepts for each name, and repeated names. String and Phrase are for
// people, not for reading back.
type RoleSet uint16

// RolesOf returns the set holding rs. A role that is not valid (the zero
// Role, or a value past the last role) names no one and is left out, so a
// set never holds a bit that names no role.
func RolesOf(rs ...Role) RoleSet {
	var s RoleSet
	for _, r := range rs {
		if r.IsValid() {
			s |= 1 << r
		}
	}
	return s
}

// Has reports whether the set holds r.
func (s RoleSet) Has(r Role) bool { return r.IsValid() && s&(1<<r) != 0 }

// IsEmpty reports whether the set holds no role.
func (s RoleSet) IsEmpty() bool { return s == 0 }

// List returns the roles in declaration order.
func (s RoleSet) List() []Role {
	var out []Role
	for r := GlobalAdmin; int(r) < len(roleNames); r++ {
		if s.Has(r) {
			out = append(out, r)
		}
	}
	return out
}

// Phrase returns the roles as a support agent would say them: "a Global
// Administrator or a Billing Administrator", or "nobody".
func (s RoleSet) Phrase() string {
	roles := s.List()
	switch len(roles) {
	case 0:
		return "nobody"
	case 1:
		return roles[0].Title()
	}
	parts := make([]string, len(roles))
	for i, r := range roles {
		parts[i] = r.Title()
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
}

// String returns the roles joined by ", ", or "nobody".
func (s RoleSet) String() string {
	if s == 0 {
		return "nobody"
	}
	var parts []string
	for _, r := range s.List() {
		parts = append(parts, r.String())
	}
	return strings.Join(parts, ", ")
}

// names returns the set's role names, or a *FieldError when it holds a
// bit that names no role (a RoleSet made by conversion, not by RolesOf).
func (s RoleSet) names() ([]string, error) {
	names, ok := enumtext.SetNames(roles, s)
	if !ok {
		return nil, &FieldError{Field: "RoleSet", Value: uint16(s), Reason: "holds a bit that names no role"}
	}
	return names, nil
}

// MarshalText implements encoding.TextMarshaler: the names joined by "|",
// "" for the empty set. A set holding a bit that names no role is a
// *FieldError.
func (s RoleSet) MarshalText() ([]byte, error) {
	names, err := s.names()
	if err != nil {
		return nil, err
	}
	return []byte(strings.Join(names, "|")), nil
}

// UnmarshalText implements encoding.TextUnmarshaler: "" is the empty set,
// anything else role names joined by "|", each read as ParseRole reads
// it. An empty name ("global-admin|") is a *FieldError; on error s is
// unchanged.
func (s *RoleSet) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*s = 0
		return nil
	}
	v, err := enumtext.ParseSet[RoleSet](roles, "RoleSet", strings.Split(string(b), "|"))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// MarshalJSON implements json.Marshaler: an array of the names in
// declaration order, [] for the empty set. A set holding a bit that names
// no role is a *FieldError.
func (s RoleSet) MarshalJSON() ([]byte, error) {
	names, err := s.names()
	if err != nil {
		return nil, err
	}
	return enumtext.SetJSON(names)
}

// UnmarshalJSON implements json.Unmarshaler: an array of role names, each
// read as ParseRole reads it; [] is the empty set. As with encoding/json's
// own types, null leaves s unchanged. Anything else is a *FieldError; on
// error s is unchanged.
func (s *RoleSet) UnmarshalJSON(b []byte) error {
	v, ok, err := enumtext.ParseSetJSON[RoleSet](roles, "RoleSet", "role names", b)
	if ok {
		*s = v
	}
	return err
}

// Value implements database/sql/driver.Valuer: the text form, a string.
func (s RoleSet) Value() (driver.Value, error) {
	return enumtext.TextValue(s.MarshalText())
}

// Scan implements database/sql.Scanner: a string or []byte column is read
// as UnmarshalText reads it. SQL NULL and other types are a *FieldError;
// scan a nullable column into a sql.Null[RoleSet].
func (s *RoleSet) Scan(src any) error {
	text, err := enumtext.ScanText("RoleSet", src, enumError)
	if err != nil {
		return err
	}
	return s.UnmarshalText([]byte(text))
}

var (
	mosaBillingRoles = RolesOf(GlobalAdmin, BillingAdmin)
	mcaBillingRoles  = RolesOf(BillingAccountOwner, BillingAccountContributor, BillingProfileOwner, BillingProfileContributor)
	partnerRoles     = RolesOf(Partner)
)

// BillingRoles returns who may cancel, reactivate, change recurring
// billing and manage payment methods on a channel (RULES.md §3.12, R-CAN-9,
// R-REA-4, R-REA-5): MOSA and the other admin-center channels "at least a
// Billing Administrator" (a Global Administrator qualifies); MCA the billing
// account or profile owners and contributors; CSP the partner.
func BillingRoles(ch policy.Channel) RoleSet {
	switch {
	case ch == policy.DirectMCA:
		return mcaBillingRoles
	case ch.IsCSP():
		return partnerRoles
	case ch.IsValid():
		return mosaBillingRoles
	}
	return 0
}
