package tenant_test

import (
	"golang.org/x/text/language"

	"testing"
	"time"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/internal/roundtrip"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/lifecycle/tenant"
	"github.com/lapse-go/lapse/policy"
)

// TestRoundTrip requires every exported type of package tenant to survive
// its codecs, or to say why it is not a value to store and what to store
// instead (issue 13): a type added to the package fails here until it has
// a row. Its value types use encoding/json's default form (Go field
// names); the rows holding role sets and the enums wait on the enum codecs
// (issue 13 part a).
func TestRoundTrip(t *testing.T) {
	users := []tenant.User{
		{ID: "admin", Domain: "contoso.onmicrosoft.com", Roles: lifecycle.RolesOf(lifecycle.GlobalAdmin), MFA: true},
		{ID: "ann@contoso.com", Domain: "contoso.com", Synced: true},
	}
	domains := []tenant.Domain{
		{Name: "contoso.onmicrosoft.com", System: true, Default: true},
		{Name: "contoso.com", NSAtMicrosoft: true, MXAtMicrosoft: true, UsersNotified: time.Date(2026, 1, 20, 0, 0, 0, 0, time.UTC)},
		{Name: "old.example", RemovedAt: time.Date(2025, 12, 31, 23, 59, 59, 1, time.UTC)},
	}
	groups := []tenant.Group{{Name: "sales@contoso.com", Domain: "contoso.com"}}
	aliases := []tenant.Alias{{Address: "info@contoso.com"}}
	snap, err := tenant.New(tenant.SnapshotSpec{BillingAccount: tenant.MOSA, Domains: domains[:2], Users: users, Groups: groups, Aliases: aliases})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	release, err := tenant.ReleaseDomainPlan(snap, "contoso.com", at, tenant.ReleaseOptions{Actor: "admin"})
	if err != nil {
		t.Fatal(err)
	}
	closing, err := tenant.CloseAccountPlan(snap, "admin", at)
	if err != nil {
		t.Fatal(err)
	}
	var steps, messages []any
	for _, p := range []tenant.Plan{release, closing} {
		for _, s := range p.Steps {
			steps = append(steps, s)
			messages = append(messages, s.Messages)
		}
	}
	deact, err := tenant.DataDeletedAfterLockout(at, policy.BuiltinAccount())
	if err != nil {
		t.Fatal(err)
	}
	json := []roundtrip.Codec{roundtrip.JSON}
	enum := []roundtrip.Codec{roundtrip.JSON, roundtrip.Text, roundtrip.SQL}
	var us, ds, gs, as []any
	for _, u := range users {
		us = append(us, u)
	}
	for _, d := range domains {
		ds = append(ds, d)
	}
	for _, g := range groups {
		gs = append(gs, g)
	}
	for _, a := range aliases {
		as = append(as, a)
	}
	roundtrip.Check(t, ".", map[string]roundtrip.Row{
		"Plan":           {Samples: []any{release, closing, release.In(language.German)}, Codecs: json, Numbers: []string{"n"}}, // waits on part a
		"Step":           {Samples: steps, Codecs: json, Numbers: []string{"n"}},                                                // waits on part a
		"StepMessages":   {Samples: messages, Codecs: json, Numbers: []string{"n"}},
		"ReleaseOptions": {Samples: []any{tenant.ReleaseOptions{}, tenant.ReleaseOptions{Actor: "admin", DeleteUsers: true}}, Codecs: json},
		"UserID":         {Samples: []any{tenant.UserID(""), tenant.UserID("ann@contoso.com")}, Codecs: json},
		"User":           {Samples: us, Codecs: json}, // waits on part a: RoleSet
		"Group":          {Samples: gs, Codecs: json},
		"Alias":          {Samples: as, Codecs: json},
		"Domain":         {Samples: ds, Codecs: json},
		"Deactivation":   {Samples: []any{tenant.Deactivation{NotBefore: clock.DateOf(at), NotAfter: clock.DateOf(deact), Rule: "R-MISC-1", Sources: "[D-DUN-2025-09]"}, tenant.Deactivation{}}, Codecs: json},

		"PlanKind":       {Samples: []any{tenant.PlanKind(0)}, Enum: true, Codecs: enum},
		"StepID":         {Samples: []any{tenant.StepID(0)}, Enum: true, Codecs: enum},
		"StepStatus":     {Samples: []any{tenant.StepStatus(0)}, Enum: true, Codecs: enum},
		"BillingAccount": {Samples: []any{tenant.BillingAccount(0)}, Enum: true, Codecs: enum},

		"SnapshotSpec": {None: "holds judged lifecycles: store each Subscription (lapse-subscription/v1) and the tenant's entries, then Judge the subscriptions and build the spec again"},
		"Snapshot":     {None: "a validated SnapshotSpec: store what its spec holds (see SnapshotSpec) and validate it again with New"},

		"PurchaseError":     {None: "an error, not a value to store"},
		"EntryError":        {None: "an error, not a value to store"},
		"CustomDomainError": {None: "an error, not a value to store"},
		"StepError":         {None: "an error, not a value to store"},
	})
}
