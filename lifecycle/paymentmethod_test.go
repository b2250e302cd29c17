package lifecycle_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

func TestR_PAY_4_PaymentMethodFromTheTenantsCountryNoBankAccounts(t *testing.T) {
	rules := policy.BuiltinAccount()
	at := date(2026, 3, 1)
	card := lifecycle.PaymentMethod{Kind: lifecycle.Card, Country: "DE"}
	if err := lifecycle.CanAddPaymentMethod(lifecycle.BillingAdmin, card, "DE", rules, at); err != nil {
		t.Errorf("a German card for a German tenant: %v", err)
	}
	if err := lifecycle.CanAddPaymentMethod(lifecycle.BillingAccountOwner, card, "DE", rules, at); err != nil {
		t.Errorf("an MCA billing account owner: %v", err)
	}
	err := lifecycle.CanAddPaymentMethod(lifecycle.BillingAdmin, card, "FR", rules, at)
	re := refusedBy(t, "a German card for a French tenant", err, lifecycle.ErrPrecondition, "R-PAY-4")
	if !strings.Contains(re.Reason(), "DE") || !strings.Contains(re.Instead(), "FR") {
		t.Errorf("reason %q, instead %q", re.Reason(), re.Instead())
	}
	bank := lifecycle.PaymentMethod{Kind: lifecycle.BankAccount, Country: "DE"}
	refusedBy(t, "a bank account", lifecycle.CanAddPaymentMethod(lifecycle.BillingAdmin, bank, "DE", rules, at), lifecycle.ErrNotOffered, "R-PAY-4")
	refusedBy(t, "a user", lifecycle.CanAddPaymentMethod(lifecycle.User, card, "DE", rules, at), lifecycle.ErrRole, "§3.12")
	// With rules that allow both, both are accepted.
	rules.BankAccounts, rules.PaymentCountryMatchesTenant = true, false
	if err := lifecycle.CanAddPaymentMethod(lifecycle.BillingAdmin, bank, "FR", rules, at); err != nil {
		t.Errorf("permissive rules: %v", err)
	}
	// Bad input names the field.
	for _, tc := range []struct {
		pm      lifecycle.PaymentMethod
		country string
		field   string
	}{
		{lifecycle.PaymentMethod{Country: "DE"}, "DE", "PaymentMethod.Kind"},
		{lifecycle.PaymentMethod{Kind: lifecycle.Card, Country: "de"}, "DE", "PaymentMethod.Country"},
		{card, "Germany", "tenantCountry"},
	} {
		var fe *lifecycle.FieldError
		if err := lifecycle.CanAddPaymentMethod(lifecycle.BillingAdmin, tc.pm, tc.country, rules, at); !errors.As(err, &fe) || fe.Field != tc.field {
			t.Errorf("CanAddPaymentMethod(%+v, %q) = %v, want a FieldError on %s", tc.pm, tc.country, err, tc.field)
		}
	}
}
