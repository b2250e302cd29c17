package lifecycle_test

import (
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lapse-go/lapse/internal/enumtext/enumtexttest"
	"github.com/lapse-go/lapse/lifecycle"
	"pgregory.net/rapid"
)

// fieldOf returns the field of err when it is a *lifecycle.FieldError.
func fieldOf(err error) (string, bool) {
	var fe *lifecycle.FieldError
	if !errors.As(err, &fe) || !errors.Is(err, lifecycle.ErrInvalid) {
		return "", false
	}
	return fe.Field, true
}

// TestEnumCodecs: every enum of the package round-trips every value
// through text, JSON and database/sql, reads names in any ASCII case and
// its aliases, and refuses invalid values, unknown names, SQL NULL and
// other types with a *FieldError naming the type (issue 13, item 1).
func TestEnumCodecs(t *testing.T) {
	enumtexttest.Check(t, enumtexttest.Case[lifecycle.State]{
		Type:    "State",
		Names:   []string{"active", "expired", "disabled", "deleted", "suspended"},
		Aliases: map[string]lifecycle.State{"grace": lifecycle.Expired, "inactive": lifecycle.Disabled, "deprovisioned": lifecycle.Deleted},
		Parse:   lifecycle.ParseState,
		Field:   fieldOf,
	})
	enumtexttest.Check(t, enumtexttest.Case[lifecycle.CapabilityStatus]{
		Type:  "CapabilityStatus",
		Names: []string{"Enabled", "Warning", "Suspended", "LockedOut", "Deleted"},
		Parse: lifecycle.ParseCapabilityStatus,
		Field: fieldOf,
	})
	enumtexttest.Check(t, enumtexttest.Case[lifecycle.Cause]{
		Type: "Cause",
		Names: []string{"purchased", "trial-started", "trial-converted", "reactivated", "renewed",
			"term-ended", "cancelled-at-renewal", "trial-ended", "grace-ended", "disabled-ended", "cancelled",
			"explicitly-deleted", "suspended", "unsuspended", "suspended-at-term-end", "suspension-limit",
			"all-licenses-removed", "extended-service-term"},
		Parse: lifecycle.ParseCause,
		Field: fieldOf,
	})
	enumtexttest.Check(t, enumtexttest.Case[lifecycle.EventKind]{
		Type: "EventKind",
		Names: []string{"recurring-billing-off", "recurring-billing-on", "cancel-now", "cancel-at-renewal",
			"reactivate", "delete", "suspend", "unsuspend", "extend-trial", "convert-trial", "change-licenses", "renew", "convert-est"},
		Parse: lifecycle.ParseEventKind,
		Field: fieldOf,
	})
	enumtexttest.Check(t, enumtexttest.Case[lifecycle.Role]{
		Type: "Role",
		Names: []string{"global-admin", "billing-admin", "billing-account-owner", "billing-account-contributor",
			"billing-profile-owner", "billing-profile-contributor", "user-admin", "partner", "support", "user"},
		Parse: lifecycle.ParseRole,
		Field: fieldOf,
	})
	enumtexttest.Check(t, enumtexttest.Case[lifecycle.CommandKind]{
		Type: "CommandKind",
		Names: []string{"turn-off-recurring-billing", "turn-on-recurring-billing", "cancel-now",
			"cancel-at-renewal", "reactivate", "delete", "suspend", "unsuspend", "extend-trial", "convert-trial",
			"add-licenses", "remove-licenses", "assign-licenses", "renew", "convert-to-est"},
		Parse: lifecycle.ParseCommandKind,
		Field: fieldOf,
	})
	enumtexttest.Check(t, enumtexttest.Case[lifecycle.DataAccess]{
		Type: "DataAccess", Names: []string{"everyone", "admins-only", "nobody"}, Parse: lifecycle.ParseDataAccess, Field: fieldOf,
	})
	enumtexttest.Check(t, enumtexttest.Case[lifecycle.AppsMode]{
		Type: "AppsMode", Names: []string{"normal", "reduced-functionality", "undocumented"}, Parse: lifecycle.ParseAppsMode, Field: fieldOf,
	})
	enumtexttest.Check(t, enumtexttest.Case[lifecycle.Billing]{
		Type: "Billing", Names: []string{"billed", "not-billed", "not-applicable"}, Parse: lifecycle.ParseBilling, Field: fieldOf,
	})
	enumtexttest.Check(t, enumtexttest.Case[lifecycle.PaymentKind]{
		Type: "PaymentKind", Names: []string{"card", "bank-account", "invoice"}, Parse: lifecycle.ParsePaymentKind, Field: fieldOf,
	})
	enumtexttest.Check(t, enumtexttest.Case[lifecycle.RefundKind]{
		Type: "RefundKind", Names: []string{"prorated-refund", "no-refund"}, Parse: lifecycle.ParseRefundKind, Field: fieldOf,
	})
	enumtexttest.Check(t, enumtexttest.Case[lifecycle.DiagramFormat]{
		Type:    "DiagramFormat",
		Names:   []string{"mermaid", "graphviz"},
		Aliases: map[string]lifecycle.DiagramFormat{"dot": lifecycle.Graphviz},
		Parse:   lifecycle.ParseDiagramFormat,
		Field:   fieldOf,
	})
}

// TestParseStateVocabularies: ParseState reads the names of the admin
// center, of the enterprise tables, of the older texts and of Partner
// Center's SubscriptionStatus; the two Partner Center statuses that are no
// lifecycle state are refused with a reason of their own.
func TestParseStateVocabularies(t *testing.T) {
	tests := []struct {
		in     string
		want   lifecycle.State
		reason string
	}{
		{"Active", lifecycle.Active, "admin center"},
		{"Expired", lifecycle.Expired, "admin center"},
		{"Disabled", lifecycle.Disabled, "admin center"},
		{"Deleted", lifecycle.Deleted, "admin center"},
		{"Suspended", lifecycle.Suspended, "admin center, CSP"},
		{"Grace", lifecycle.Expired, "enterprise and VL tables (C-25)"},
		{"Inactive", lifecycle.Disabled, "enterprise and VL tables (C-25)"},
		{"Deprovisioned", lifecycle.Deleted, "2020 and Entra texts"},
		{"active", lifecycle.Active, "Partner Center SubscriptionStatus"},
		{"suspended", lifecycle.Suspended, "Partner Center SubscriptionStatus"},
		{"deleted", lifecycle.Deleted, "Partner Center SubscriptionStatus"},
		{"expired", lifecycle.Expired, "Partner Center SubscriptionStatus"},
		{"disabled", lifecycle.Disabled, "Partner Center SubscriptionStatus"},
		{"SUSPENDED", lifecycle.Suspended, "upper case"},
		{"dIsAbLeD", lifecycle.Disabled, "mixed case"},
	}
	for _, tt := range tests {
		for _, name := range []string{"ParseState", "UnmarshalText", "Scan"} {
			var got lifecycle.State
			var err error
			switch name {
			case "ParseState":
				got, err = lifecycle.ParseState(tt.in)
			case "UnmarshalText":
				err = got.UnmarshalText([]byte(tt.in))
			case "Scan":
				err = got.Scan(tt.in)
			}
			if err != nil || got != tt.want {
				t.Errorf("%s(%q) = %v, %v; want %v (%s)", name, tt.in, got, err, tt.want, tt.reason)
			}
		}
		if text, _ := tt.want.MarshalText(); string(text) != strings.ToLower(tt.want.AdminCenterName()) {
			t.Errorf("%v.MarshalText() = %q, want the canonical name", tt.want, text)
		}
	}

	const want = "; want one of active, expired, disabled, deleted, suspended (aliases: grace, inactive, deprovisioned)"
	refused := []struct {
		in     string
		reason string
	}{
		{"pending", `Partner Center's status "pending" is a subscription not yet provisioned, before its lifecycle begins, not a lifecycle state` + want},
		{"Pending", `Partner Center's status "pending" is a subscription not yet provisioned, before its lifecycle begins, not a lifecycle state` + want},
		{"none", `Partner Center's status "none" is no status at all, not a lifecycle state` + want},
		{"warning", "unknown State" + want},
		{"LockedOut", "unknown State" + want},
		{"cancelled", "unknown State" + want},
		{"", "unknown State" + want},
	}
	for _, tt := range refused {
		wantErr := &lifecycle.FieldError{Field: "State", Value: tt.in, Reason: tt.reason}
		_, err1 := lifecycle.ParseState(tt.in)
		s := lifecycle.Active
		err2 := s.Scan([]byte(tt.in))
		err3 := s.UnmarshalText([]byte(tt.in))
		for _, err := range []error{err1, err2, err3} {
			var fe *lifecycle.FieldError
			if !errors.As(err, &fe) {
				t.Errorf("ParseState(%q) = %v, want a *FieldError", tt.in, err)
				continue
			}
			if diff := cmp.Diff(wantErr, fe); diff != "" {
				t.Errorf("ParseState(%q) error mismatch (-want +got):\n%s", tt.in, diff)
			}
		}
		if s != lifecycle.Active {
			t.Errorf("a refused %q changed the State to %v", tt.in, s)
		}
	}
}

// TestRoleSetForms: the text, JSON and SQL forms of a RoleSet, "" and []
// for the empty set.
func TestRoleSetForms(t *testing.T) {
	tests := []struct {
		set  lifecycle.RoleSet
		text string
		json string
	}{
		{0, "", "[]"},
		{lifecycle.RolesOf(lifecycle.Partner), "partner", `["partner"]`},
		{lifecycle.RolesOf(lifecycle.BillingAdmin, lifecycle.GlobalAdmin), "global-admin|billing-admin", `["global-admin","billing-admin"]`},
		{lifecycle.RolesOf(lifecycle.User, lifecycle.Support),
			"support|user", `["support","user"]`},
	}
	for _, tt := range tests {
		text, err := tt.set.MarshalText()
		if err != nil || string(text) != tt.text {
			t.Errorf("%v.MarshalText() = %q, %v; want %q", tt.set, text, err, tt.text)
		}
		js, err := json.Marshal(tt.set)
		if err != nil || string(js) != tt.json {
			t.Errorf("json.Marshal(%v) = %s, %v; want %s", tt.set, js, err, tt.json)
		}
		dv, err := tt.set.Value()
		if err != nil || dv != tt.text {
			t.Errorf("%v.Value() = %#v, %v; want %q", tt.set, dv, err, tt.text)
		}
		for _, src := range []any{tt.text, []byte(strings.ToUpper(tt.text))} {
			back := lifecycle.RolesOf(lifecycle.User)
			if err := back.Scan(src); err != nil || back != tt.set {
				t.Errorf("Scan(%#v) = %v, %v; want %v", src, back, err, tt.set)
			}
		}
		back := lifecycle.RolesOf(lifecycle.User)
		if err := json.Unmarshal(js, &back); err != nil || back != tt.set {
			t.Errorf("json.Unmarshal(%s) = %v, %v; want %v", js, back, err, tt.set)
		}
	}
	var s lifecycle.RoleSet
	if err := s.UnmarshalText([]byte("Partner|partner|SUPPORT")); err != nil || s != lifecycle.RolesOf(lifecycle.Partner, lifecycle.Support) {
		t.Errorf("UnmarshalText(Partner|partner|SUPPORT) = %v, %v; duplicates and case are fine", s, err)
	}
	s = lifecycle.RolesOf(lifecycle.User)
	if err := json.Unmarshal([]byte("null"), &s); err != nil || s != lifecycle.RolesOf(lifecycle.User) {
		t.Errorf("json.Unmarshal(null) = %v, %v; want the set unchanged, as encoding/json does", s, err)
	}

	refusals := []struct {
		name  string
		err   error
		field string
	}{
		{"text unknown", new(lifecycle.RoleSet).UnmarshalText([]byte("partner|admin")), "RoleSet[1]"},
		{"text trailing |", new(lifecycle.RoleSet).UnmarshalText([]byte("partner|")), "RoleSet[1]"},
		{"text lone |", new(lifecycle.RoleSet).UnmarshalText([]byte("|")), "RoleSet[0]"},
		{"text nobody", new(lifecycle.RoleSet).UnmarshalText([]byte("nobody")), "RoleSet[0]"},
		{"text String's separator", new(lifecycle.RoleSet).UnmarshalText([]byte("global-admin, billing-admin")), "RoleSet[0]"},
		{"JSON string", new(lifecycle.RoleSet).UnmarshalJSON([]byte(`"partner"`)), "RoleSet"},
		{"JSON unknown", new(lifecycle.RoleSet).UnmarshalJSON([]byte(`["partner","reseller"]`)), "RoleSet[1]"},
		{"JSON object", new(lifecycle.RoleSet).UnmarshalJSON([]byte(`{}`)), "RoleSet"},
		{"JSON empty input", new(lifecycle.RoleSet).UnmarshalJSON(nil), "RoleSet"},
		{"scan NULL", new(lifecycle.RoleSet).Scan(nil), "RoleSet"},
		{"scan int", new(lifecycle.RoleSet).Scan(int64(42)), "RoleSet"},
		{"scan unknown", new(lifecycle.RoleSet).Scan("owner"), "RoleSet[0]"},
	}
	for _, tt := range refusals {
		if f, ok := fieldOf(tt.err); !ok || f != tt.field {
			t.Errorf("%s: error %v, want a *FieldError for %s", tt.name, tt.err, tt.field)
		}
	}
	// A set holding a bit that names no role cannot be written.
	for _, bad := range []lifecycle.RoleSet{1, 1 << 11, 0xffff, lifecycle.RolesOf(lifecycle.Partner) | 1<<15} {
		_, err1 := bad.MarshalText()
		_, err2 := bad.MarshalJSON()
		_, err3 := bad.Value()
		for _, err := range []error{err1, err2, err3} {
			if f, ok := fieldOf(err); !ok || f != "RoleSet" {
				t.Errorf("RoleSet(%#x): error %v, want a *FieldError for RoleSet", uint16(bad), err)
			}
		}
	}
	// A hostile document is not copied whole into the error.
	huge := `"` + strings.Repeat("é", 1<<16) + `"`
	if err := new(lifecycle.RoleSet).UnmarshalJSON([]byte(huge)); err == nil {
		t.Errorf("UnmarshalJSON of a string of %d bytes: nil error", len(huge))
	} else if len(err.Error()) > 300 {
		t.Errorf("UnmarshalJSON of %d bytes: error of %d bytes, want a short one", len(huge), len(err.Error()))
	}
	var null sql.Null[lifecycle.RoleSet]
	if err := null.Scan("partner"); err != nil || !null.Valid || null.V != lifecycle.RolesOf(lifecycle.Partner) {
		t.Errorf("sql.Null[RoleSet].Scan = %+v, %v", null, err)
	}
}

// TestRoleSetRoundTrip: every set of roles reads back from each of its
// forms, whatever the case of its text, and keeps its members.
func TestRoleSetRoundTrip(t *testing.T) {
	var all []lifecycle.Role
	for r := lifecycle.GlobalAdmin; r.IsValid(); r++ {
		all = append(all, r)
	}
	rapid.Check(t, func(t *rapid.T) {
		s := lifecycle.RolesOf(rapid.SliceOf(rapid.SampledFrom(all)).Draw(t, "roles")...)
		text, err := s.MarshalText()
		if err != nil {
			t.Fatalf("%v.MarshalText: %v", s, err)
		}
		if rapid.Bool().Draw(t, "upper") {
			text = []byte(strings.ToUpper(string(text)))
		}
		back := lifecycle.RolesOf(lifecycle.User)
		if err := back.UnmarshalText(text); err != nil || back != s {
			t.Fatalf("UnmarshalText(%q) = %v, %v; want %v", text, back, err, s)
		}
		js, err := json.Marshal(s)
		if err != nil {
			t.Fatalf("json.Marshal(%v): %v", s, err)
		}
		back = lifecycle.RolesOf(lifecycle.User)
		if err := json.Unmarshal(js, &back); err != nil || back != s {
			t.Fatalf("json.Unmarshal(%s) = %v, %v; want %v", js, back, err, s)
		}
		dv, err := s.Value()
		if err != nil {
			t.Fatalf("%v.Value: %v", s, err)
		}
		back = lifecycle.RolesOf(lifecycle.User)
		if err := back.Scan(dv); err != nil || back != s {
			t.Fatalf("Scan(%#v) = %v, %v; want %v", dv, back, err, s)
		}
		if diff := cmp.Diff(s.List(), back.List()); diff != "" {
			t.Fatalf("List() after the round trip mismatch (-want +got):\n%s", diff)
		}
	})
}
