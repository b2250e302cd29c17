package lifecycle

import (
	"github.com/lapse-go/lapse/internal/enumtext"
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

// String returns the level's text name.
func (d DataAccess) String() string {
	return enumtext.String(d, dataAccessNames, "DataAccess")
}

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

// String returns the mode's text name.
func (a AppsMode) String() string {
	return enumtext.String(a, appsModeNames, "AppsMode")
}

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

// String returns the value's text name.
func (b Billing) String() string {
	return enumtext.String(b, billingNames, "Billing")
}

// Capabilities says who may use what and do what at one instant (RULES.md
// §2, §3.12). A role set names who may act; an empty set with the flag
// false means nobody may. Capabilities judge one subscription alone: tenant
// facts (custom domains, other subscriptions sharing a payment method) are
// judged by Apply and the tenant plans.
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
	// AssignLicenses reports whether licenses can be assigned to users.
	AssignLicenses bool
	// Reactivate reports whether the subscription can be reactivated now,
	// and ReactivateRoles by whom (R-REA-*, §3.12).
	Reactivate      bool
	ReactivateRoles RoleSet
	// ChangeRecurringBilling reports whether recurring billing can be
	// turned on or off now (R-REN-2: only while Active), and by whom.
	ChangeRecurringBilling      bool
	ChangeRecurringBillingRoles RoleSet
	// Cancel reports whether the subscription can be cancelled online now
	// — its state, the cancellation window, the online license limit and
	// product-key rule — and CancelRoles by whom. Apply explains refusals
	// and also checks tenant preconditions such as custom domains.
	Cancel      bool
	CancelRoles RoleSet
	// Delete reports whether an admin can delete the subscription now
	// (MOSA Disabled only, R-LC-9).
	Delete bool
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
// phase, commands under the version in force at At — the same rules
// [Lifecycle.Apply] applies to a command then.
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
	roles := BillingRoles(ch)
	c := Capabilities{AdminCenter: true, BuyOtherSubscriptions: true, PartnerBilled: NotApplicable}
	switch s.m.state {
	case Active:
		c.Services, c.Data, c.OfficeApps = true, Everyone, AppsNormal
		c.AssignLicenses = true
		c.ChangeRecurringBilling = true
	case Expired:
		c.Services, c.Data, c.OfficeApps = life.ServicesDuringExpired, Everyone, AppsNormal
		if !life.ServicesDuringExpired { // C-1, 03/2024 VL text [INFERRED: admins keep the data]
			c.Data, c.OfficeApps = AdminsOnly, AppsReducedFunctionality
		}
		c.AssignLicenses = true // [INFERRED] from Graph "Warning"
	case Disabled:
		c.Data, c.OfficeApps = AdminsOnly, AppsReducedFunctionality
		c.Delete = r.ExplicitDelete
		c.RemovePaymentMethod = r.Payment.AllowReplaceWhileDisabled
	case Suspended:
		c.Data, c.OfficeApps = AdminsOnly, AppsUndocumented
	case Deleted:
		c.Data, c.OfficeApps = Nobody, AppsReducedFunctionality
		c.RemovePaymentMethod = true
		if s.f.mode == cancelled && life.Cancel.Effect == policy.CancelToDeleted {
			if nb, _, _, _ := s.purge(); s.at < nb {
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
		if s.m.state == Suspended {
			c.ChangeRecurringBilling = false // R-MISC-4: suspension turns off auto-renew
		}
	}
	if c.ChangeRecurringBilling {
		c.ChangeRecurringBillingRoles = roles
	}
	if s.m.state != Active && s.d.reactUntil != none && s.at < s.d.reactUntil {
		c.Reactivate = true
		c.ReactivateRoles = roles
		if r.Reactivation.ViaSupport {
			c.ReactivateRoles = RolesOf(Support)
		}
	}
	if s.cancellable(r) {
		c.Cancel, c.CancelRoles = true, roles
	}
	return c
}

// cancellable reports whether an online cancellation is open at At under
// the rules r in force then and the window of the current term.
func (s *Status) cancellable(r *policy.Rules) bool {
	if s.m.state != Active && s.m.state != Suspended {
		return false
	}
	if s.d.trial && !r.Trial.Cancellable {
		return false
	}
	if s.f.is(productKey) && r.Cancel.ProductKeyViaSupport {
		return false
	}
	if t0, w := s.cancelWindow(); w.Kind != policy.Anytime && !windowOpen(w, t0, s.at) {
		return false
	}
	n := s.f.licenses
	if r.Cancel.Online.Count == policy.Assigned {
		n = s.f.assigned
	}
	return r.Cancel.Online.Allows(int(n))
}
