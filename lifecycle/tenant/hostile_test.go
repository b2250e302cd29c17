package tenant_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/lifecycle/tenant"
	"github.com/lapse-go/lapse/policy"
)

// TestDefect4_ZeroInstant: Execute, ReleaseDomainPlan and CloseAccountPlan
// check their instant as lifecycle.Evaluate does: the zero time and
// instants just outside 1900–2200 are an *EntryError on "at" wrapping
// lifecycle's *FieldError (issue 12, defect 4: Execute at the zero time
// returned no error and did nothing, so a loop walking the plan never
// ended). A tenant without subscriptions, which lifecycle never sees, is
// checked too.
func TestDefect4_ZeroInstant(t *testing.T) {
	snap := mustNew(t, tenant.SnapshotSpec{
		BillingAccount: tenant.MOSA,
		Domains: []tenant.Domain{{Name: "fabrikam.onmicrosoft.com", System: true},
			{Name: "fabrikam.com", Default: true, NSAtMicrosoft: true, MXAtMicrosoft: true}},
		Users: []tenant.User{{ID: "admin", Domain: "fabrikam.onmicrosoft.com", Roles: ga}},
	})
	ok := date(2026, 3, 1)
	release, err := tenant.ReleaseDomainPlan(snap, "fabrikam.com", ok, tenant.ReleaseOptions{Actor: "admin"})
	if err != nil {
		t.Fatal(err)
	}
	closing, err := tenant.CloseAccountPlan(snap, "admin", ok)
	if err != nil {
		t.Fatal(err)
	}
	next, _ := release.Next()
	for _, at := range []time.Time{
		{},
		time.Date(1899, 12, 31, 23, 59, 59, 999999999, time.UTC), // just before
		time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC),              // at the end
		time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC),
	} {
		calls := map[string]error{}
		_, calls["Execute"] = release.Execute(snap, next.ID, at)
		_, calls["ReleaseDomainPlan"] = tenant.ReleaseDomainPlan(snap, "fabrikam.com", at, tenant.ReleaseOptions{})
		_, calls["CloseAccountPlan"] = tenant.CloseAccountPlan(snap, "admin", at)
		cs, _ := closing.Next()
		_, calls["Execute(close)"] = closing.Execute(snap, cs.ID, at)
		for name, err := range calls {
			var ee *tenant.EntryError
			var fe *lifecycle.FieldError
			if !errors.As(err, &ee) || ee.Path != "at" || !errors.As(err, &fe) || !errors.Is(err, tenant.ErrInvalid) {
				t.Errorf("%s at %v = %v; want an *EntryError on at wrapping a *lifecycle.FieldError", name, at, err)
			}
		}
	}
	// Just inside: the first instant of the range.
	if _, err := tenant.ReleaseDomainPlan(snap, "fabrikam.com", time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC), tenant.ReleaseOptions{}); err != nil {
		t.Errorf("ReleaseDomainPlan at 1900-01-01: %v", err)
	}
}

// TestDefect7_NewRefuses: New refuses a user whose RoleSet holds bits that
// name no role, and a tenant marked Deleted while users other than the
// Global Administrator who closed it, or subscriptions that never reach
// Deleted, remain (issue 12, defect 7: such snapshots were accepted and
// CloseAccountPlan then marked every step done).
func TestDefect7_NewRefuses(t *testing.T) {
	deletedSub := sub(t, "S1", policy.DirectMOSA, policy.Monthly, date(2026, 4, 20), 10,
		cmdAt{lifecycle.CmdCancelNow, date(2026, 5, 10)}, cmdAt{lifecycle.CmdDelete, date(2026, 5, 20)})
	liveSub := sub(t, "S2", policy.DirectMOSA, policy.Monthly, date(2026, 4, 20), 10)
	base := func() tenant.SnapshotSpec {
		s := fabrikam(tenant.MOSA, deletedSub)
		s.Users, s.DirectorySync, s.BackedUp = s.Users[:1], false, true
		return s
	}
	for _, c := range []struct {
		name string
		edit func(*tenant.SnapshotSpec)
		path string // "" when New accepts
	}{
		{"defined roles", func(s *tenant.SnapshotSpec) {
			s.Users[0].Roles = lifecycle.RolesOf(lifecycle.GlobalAdmin, lifecycle.User)
		}, ""},
		{"bit 0", func(s *tenant.SnapshotSpec) { s.Users[0].Roles |= 1 }, "users[0]"},
		{"bit 15", func(s *tenant.SnapshotSpec) { s.Users[0].Roles |= 1 << 15 }, "users[0]"},
		{"deleted, admin left", func(s *tenant.SnapshotSpec) { s.Deleted = true }, ""},
		{"deleted, no user left", func(s *tenant.SnapshotSpec) { s.Deleted, s.Users = true, nil }, ""},
		{"deleted, two users", func(s *tenant.SnapshotSpec) {
			s.Deleted = true
			s.Users = append(s.Users, tenant.User{ID: "bob", Domain: "fabrikam.onmicrosoft.com"})
		}, "Deleted"},
		{"deleted, a user who is not an admin", func(s *tenant.SnapshotSpec) {
			s.Deleted = true
			s.Users[0].Roles = 0
		}, "Deleted"},
		{"deleted, a live subscription", func(s *tenant.SnapshotSpec) {
			s.Deleted = true
			s.Subscriptions = append(s.Subscriptions, liveSub)
		}, "subscriptions[1]"},
		{"not deleted, a live subscription", func(s *tenant.SnapshotSpec) {
			s.Subscriptions = append(s.Subscriptions, liveSub)
		}, ""},
	} {
		spec := base()
		c.edit(&spec)
		_, err := tenant.New(spec)
		if c.path == "" {
			if err != nil {
				t.Errorf("%s: New = %v", c.name, err)
			}
			continue
		}
		var ee *tenant.EntryError
		if !errors.As(err, &ee) || ee.Path != c.path || !errors.Is(err, tenant.ErrInvalid) {
			t.Errorf("%s: New = %v; want an *EntryError on %s", c.name, err, c.path)
		}
	}
}

// TestDefect7_CloseActorNotUser: a deleted tenant's plan is still asked
// by one of its users; anyone else is refused, as for a live tenant.
func TestDefect7_CloseActorNotUser(t *testing.T) {
	spec := ac11(t, time.Date(2026, 5, 20, 9, 0, 0, 0, time.UTC))
	spec.Deleted = true
	snap := mustNew(t, spec)
	_, err := tenant.CloseAccountPlan(snap, "mallory", date(2026, 6, 1))
	var ee *tenant.EntryError
	if !errors.As(err, &ee) || ee.Path != "actor" || !strings.Contains(err.Error(), "mallory") {
		t.Errorf("CloseAccountPlan(deleted tenant, mallory) = %v; want an *EntryError on actor", err)
	}
	if _, err := tenant.CloseAccountPlan(snap, "admin", date(2026, 6, 1)); err != nil {
		t.Errorf("CloseAccountPlan(deleted tenant, admin) = %v", err)
	}
}

// TestExecuteCloseToTheEnd walks the account-closure plan of a tenant
// with every obstacle, step by step with Execute at the earliest instant
// each allows, until the tenant is deleted: the deleted snapshot keeps
// only the admin who closed it, and its plan is done.
func TestExecuteCloseToTheEnd(t *testing.T) {
	s1 := sub(t, "S1", policy.DirectMOSA, policy.Monthly, date(2026, 4, 20), 10)
	spec := fabrikam(tenant.MOSA, s1)
	spec.Domains = append(spec.Domains, tenant.Domain{Name: "fabrikam.com", NSAtMicrosoft: true, MXAtMicrosoft: true})
	spec.Users = append(spec.Users, tenant.User{ID: "carol", Domain: "fabrikam.com", MFA: true})
	spec.Applications, spec.MFAProviders, spec.UnpaidInvoices = []string{"app"}, []string{"otp"}, 2
	snap := mustNew(t, spec)
	at := date(2026, 5, 1)
	var steps []tenant.StepID
	for range 40 {
		p, err := tenant.CloseAccountPlan(snap, "admin", at)
		if err != nil {
			t.Fatal(err)
		}
		n, ok := p.Next()
		if !ok {
			break
		}
		if n.Earliest.After(at) {
			at = n.Earliest
		}
		if snap, err = p.Execute(snap, n.ID, at); err != nil {
			t.Fatalf("Execute(%s at %v): %v\n%s", n.ID, at, err, p)
		}
		steps = append(steps, n.ID)
	}
	if len(steps) == 0 || steps[len(steps)-1] != tenant.DeleteTenant {
		t.Fatalf("steps %v do not end with %s", steps, tenant.DeleteTenant)
	}
	if u := snap.Users(); len(u) != 1 || u[0].ID != "admin" || !snap.Spec().Deleted {
		t.Errorf("deleted tenant keeps users %v", u)
	}
	p, err := tenant.CloseAccountPlan(snap, "admin", at)
	if _, ok := p.Next(); err != nil || ok {
		t.Errorf("plan of the deleted tenant: %v, next %v", err, ok)
	}
	// A step that is not next, and a plan of no valid kind, are refused.
	if _, err := p.Execute(snap, tenant.DeleteTenant, at); !errors.Is(err, tenant.ErrNotNext) {
		t.Errorf("Execute(done step) = %v; want ErrNotNext", err)
	}
	if _, err := (tenant.Plan{}).Execute(snap, tenant.BackUp, at); !errors.Is(err, tenant.ErrInvalid) {
		t.Errorf("Execute of the zero Plan = %v; want ErrInvalid", err)
	}
}

// TestNewRefusesEntries: each malformed entry is reported with its path.
func TestNewRefusesEntries(t *testing.T) {
	for _, c := range []struct {
		name string
		edit func(*tenant.SnapshotSpec)
		path string
	}{
		{"empty domain", func(s *tenant.SnapshotSpec) { s.Domains = append(s.Domains, tenant.Domain{}) }, "domains[1]"},
		{"no dot", func(s *tenant.SnapshotSpec) { s.Domains = append(s.Domains, tenant.Domain{Name: "contoso"}) }, "domains[1]"},
		{"leading dot", func(s *tenant.SnapshotSpec) { s.Domains = append(s.Domains, tenant.Domain{Name: ".contoso.com"}) }, "domains[1]"},
		{"double dot", func(s *tenant.SnapshotSpec) { s.Domains = append(s.Domains, tenant.Domain{Name: "contoso..com"}) }, "domains[1]"},
		{"bad character", func(s *tenant.SnapshotSpec) { s.Domains = append(s.Domains, tenant.Domain{Name: "con_toso.com"}) }, "domains[1]"},
		{"removed system domain", func(s *tenant.SnapshotSpec) { s.Domains[0].RemovedAt = date(2026, 1, 1) }, "domains[0]"},
		{"user without id", func(s *tenant.SnapshotSpec) {
			s.Users = append(s.Users, tenant.User{Domain: "fabrikam.onmicrosoft.com"})
		}, "users[2]"},
		{"group without name", func(s *tenant.SnapshotSpec) {
			s.Groups = append(s.Groups, tenant.Group{Domain: "fabrikam.onmicrosoft.com"})
		}, "groups[0]"},
		{"application without name", func(s *tenant.SnapshotSpec) { s.Applications = []string{""} }, "applications[0]"},
		{"MFA provider without name", func(s *tenant.SnapshotSpec) { s.MFAProviders = []string{""} }, "mfaProviders[0]"},
	} {
		spec := fabrikam(tenant.MOSA)
		c.edit(&spec)
		_, err := tenant.New(spec)
		var ee *tenant.EntryError
		if !errors.As(err, &ee) || ee.Path != c.path || !strings.Contains(err.Error(), "tenant: "+c.path) {
			t.Errorf("%s: New = %v; want an *EntryError on %s", c.name, err, c.path)
		}
	}
}
