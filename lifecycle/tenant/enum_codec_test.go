package tenant_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lapse-go/lapse/internal/enumtext/enumtexttest"
	"github.com/lapse-go/lapse/lifecycle/tenant"
)

// pathOf returns the path of err when it is a *tenant.EntryError.
func pathOf(err error) (string, bool) {
	var ee *tenant.EntryError
	if !errors.As(err, &ee) || !errors.Is(err, tenant.ErrInvalid) {
		return "", false
	}
	return ee.Path, true
}

// TestEnumCodecs: every enum of the package round-trips every value
// through text, JSON and database/sql, reads names in any ASCII case, and
// refuses invalid values, unknown names, SQL NULL and other types with an
// *EntryError whose path is the type (issue 13, item 1).
func TestEnumCodecs(t *testing.T) {
	enumtexttest.Check(t, enumtexttest.Case[tenant.BillingAccount]{
		Type: "BillingAccount", Names: []string{"mosa", "mca"}, Parse: tenant.ParseBillingAccount, Field: pathOf,
	})
	enumtexttest.Check(t, enumtexttest.Case[tenant.PlanKind]{
		Type: "PlanKind", Names: []string{"release-domain", "close-account"}, Field: pathOf,
	})
	enumtexttest.Check(t, enumtexttest.Case[tenant.StepID]{
		Type: "StepID",
		Names: []string{"notify-users", "dns-records", "nameservers", "other-global-admin", "move-users",
			"move-groups", "delete-aliases", "change-default-domain", "remove-domain",
			"confirm-global-admin", "back-up", "turn-off-directory-sync", "delete-users", "remove-custom-domains",
			"cancel-subscriptions", "delete-subscriptions", "disable-mfa", "remove-applications", "remove-mfa-providers",
			"pay-invoices", "delete-tenant"},
		Field: pathOf,
	})
	enumtexttest.Check(t, enumtexttest.Case[tenant.StepStatus]{
		Type: "StepStatus", Names: []string{"done", "next", "blocked", "not-needed", "pending"}, Field: pathOf,
	})
}

// TestEnumErrors: the *EntryError of a bad enum names the type as its
// path and the value as its entry; SQL NULL has no entry.
func TestEnumErrors(t *testing.T) {
	var b tenant.BillingAccount
	tests := []struct {
		name string
		err  error
		want *tenant.EntryError
	}{
		{"unknown", b.UnmarshalText([]byte("ea")), &tenant.EntryError{Path: "BillingAccount", Entry: "ea", Reason: "unknown BillingAccount; want one of mosa, mca"}},
		{"invalid", func() error { _, err := tenant.BillingAccount(3).MarshalText(); return err }(), &tenant.EntryError{Path: "BillingAccount", Entry: "3", Reason: "not a valid BillingAccount"}},
		{"NULL", b.Scan(nil), &tenant.EntryError{Path: "BillingAccount", Reason: "SQL NULL is not a BillingAccount; scan a nullable column into sql.Null[BillingAccount]"}},
		{"int", b.Scan(int64(1)), &tenant.EntryError{Path: "BillingAccount", Entry: "1", Reason: "cannot scan a int64 into a BillingAccount; want a string or []byte"}},
	}
	for _, tt := range tests {
		var ee *tenant.EntryError
		if !errors.As(tt.err, &ee) {
			t.Errorf("%s: %v, want an *EntryError", tt.name, tt.err)
			continue
		}
		if diff := cmp.Diff(tt.want, ee); diff != "" {
			t.Errorf("%s: error mismatch (-want +got):\n%s", tt.name, diff)
		}
	}
}
