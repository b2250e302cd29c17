package lifecycle

import (
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

// String returns the role's text name, such as "billing-admin".
func (r Role) String() string {
	return enumtext.String(r, roleNames, "Role")
}

// IsValid reports whether r is a declared role.
func (r Role) IsValid() bool { return enumtext.Valid(r, roleNames) }

// MarshalText implements encoding.TextMarshaler.
func (r Role) MarshalText() ([]byte, error) {
	if !r.IsValid() {
		return nil, &FieldError{Field: "Role", Value: uint8(r), Reason: "not a valid Role"}
	}
	return []byte(roleNames[r]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *Role) UnmarshalText(b []byte) error {
	v, err := ParseRole(string(b))
	if err == nil {
		*r = v
	}
	return err
}

// ParseRole parses a role's text name.
func ParseRole(name string) (Role, error) {
	if i := enumtext.Index(roleNames, name); i > 0 {
		return Role(i), nil
	}
	return 0, &FieldError{Field: "Role", Value: name, Reason: "unknown role; want one of " + strings.Join(roleNames[1:], ", ")}
}

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
