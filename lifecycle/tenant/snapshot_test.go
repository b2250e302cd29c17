package tenant_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/lifecycle/tenant"
	"github.com/lapse-go/lapse/policy"
)

func TestNewContradictions(t *testing.T) {
	mosa := sub(t, "S1", policy.DirectMOSA, policy.Monthly, date(2026, 1, 10), 10)
	tests := []struct {
		name   string
		reason string
		spec   func(*tenant.SnapshotSpec)
		want   []string // the joined errors, one per line
	}{{
		name:   "user on an unknown domain",
		reason: "every user's sign-in domain must be a domain of the tenant",
		spec: func(s *tenant.SnapshotSpec) {
			s.Users = append(s.Users, tenant.User{ID: "bob@contoso.com", Domain: "contoso.org"})
		},
		want: []string{`tenant: users[3] "bob@contoso.com": sign-in domain "contoso.org" is not a domain of the tenant`},
	}, {
		name:   "custom domain marked as the system domain",
		reason: "a domain is either the .onmicrosoft.com system domain or custom, not both",
		spec:   func(s *tenant.SnapshotSpec) { s.Domains[1].System = true },
		want: []string{
			`tenant: domains[1] "contoso.com": marked as the system domain but it is a custom domain: only a .onmicrosoft.com domain is the system domain`,
			`tenant: domains[1] "contoso.com": a second system domain: domains[0] "contoso.onmicrosoft.com" is the tenant's .onmicrosoft.com domain`,
		},
	}, {
		name:   "system domain marked as custom",
		reason: "the .onmicrosoft.com domain must be marked as the system domain",
		spec:   func(s *tenant.SnapshotSpec) { s.Domains[0].System = false },
		want: []string{
			`tenant: domains[0] "contoso.onmicrosoft.com": a .onmicrosoft.com domain must be marked as the system domain, not as a custom domain`,
			`tenant: domains: no .onmicrosoft.com system domain: every tenant has one (R-DOM-9)`,
		},
	}, {
		name:   "two defaults",
		reason: "a tenant has one default domain",
		spec:   func(s *tenant.SnapshotSpec) { s.Domains[0].Default = true },
		want:   []string{`tenant: domains[1] "contoso.com": a second default domain: domains[0] "contoso.onmicrosoft.com" is the default`},
	}, {
		name:   "no default",
		reason: "a tenant has one default domain",
		spec:   func(s *tenant.SnapshotSpec) { s.Domains[1].Default = false },
		want:   []string{`tenant: domains: no default domain`},
	}, {
		name:   "duplicate domain, differing in case",
		reason: "domain names compare without regard to case",
		spec: func(s *tenant.SnapshotSpec) {
			s.Domains = append(s.Domains, tenant.Domain{Name: "Contoso.COM"})
		},
		want: []string{`tenant: domains[2] "contoso.com": duplicate of domains[1]`},
	}, {
		name:   "removed default domain with users",
		reason: "a removed domain is not the default and nothing uses it",
		spec:   func(s *tenant.SnapshotSpec) { s.Domains[1].RemovedAt = date(2026, 1, 5) },
		want: []string{
			`tenant: domains[1] "contoso.com": a removed domain can't be the default domain (R-DOM-8)`,
			`tenant: users[0] "admin@contoso.com": sign-in domain "contoso.com" was removed from the tenant on 2026-01-05T00:00:00Z`,
			`tenant: users[1] "it@contoso.com": sign-in domain "contoso.com" was removed from the tenant on 2026-01-05T00:00:00Z`,
			`tenant: users[2] "ann@contoso.com": sign-in domain "contoso.com" was removed from the tenant on 2026-01-05T00:00:00Z`,
			`tenant: groups[0] "sales@contoso.com": domain "contoso.com" was removed from the tenant on 2026-01-05T00:00:00Z`,
			`tenant: aliases[0] "info@contoso.com": domain "contoso.com" was removed from the tenant on 2026-01-05T00:00:00Z`,
		},
	}, {
		name:   "group and alias on unknown domains",
		reason: "groups and aliases use domains of the tenant",
		spec: func(s *tenant.SnapshotSpec) {
			s.Groups = append(s.Groups, tenant.Group{Name: "hr@fabrikam.com", Domain: "fabrikam.com"})
			s.Aliases = append(s.Aliases, tenant.Alias{Address: "sales@fabrikam.com"}, tenant.Alias{Address: "nobody"})
		},
		want: []string{
			`tenant: groups[1] "hr@fabrikam.com": domain "fabrikam.com" is not a domain of the tenant`,
			`tenant: aliases[1] "sales@fabrikam.com": domain "fabrikam.com" is not a domain of the tenant`,
			`tenant: aliases[2] "nobody": not an email address`,
		},
	}, {
		name:   "duplicate user",
		reason: "user ids are unique",
		spec:   func(s *tenant.SnapshotSpec) { s.Users = append(s.Users, s.Users[0]) },
		want:   []string{`tenant: users[3] "admin@contoso.com": duplicate of users[0]`},
	}, {
		name:   "zero lifecycle, missing id and duplicate id",
		reason: "subscriptions are judged with lifecycle.Judge and named uniquely",
		spec: func(s *tenant.SnapshotSpec) {
			s.Subscriptions = append(s.Subscriptions, lifecycle.Lifecycle{}, sub(t, "", policy.DirectMCA, policy.Annual, date(2026, 1, 10), 1), mosa)
		},
		want: []string{
			`tenant: subscriptions[1]: zero Lifecycle: judge the subscription with lifecycle.Judge(sub, table)`,
			`tenant: subscriptions[2]: subscription id required: it names the subscription in plans`,
			`tenant: subscriptions[3] "S1": duplicate of subscriptions[0]`,
		},
	}, {
		name:   "missing billing account and negative invoices",
		reason: "the billing account type is required",
		spec:   func(s *tenant.SnapshotSpec) { s.BillingAccount, s.UnpaidInvoices = 0, -1 },
		want: []string{
			`tenant: BillingAccount "%!BillingAccount(0)": required: mosa or mca`,
			`tenant: UnpaidInvoices "-1": must not be negative`,
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spec := contoso(t)
			tt.spec(&spec)
			_, err := tenant.New(spec)
			if err == nil {
				t.Fatalf("New() = nil error; want %q (%s)", tt.want, tt.reason)
			}
			if !errors.Is(err, tenant.ErrInvalid) {
				t.Errorf("errors.Is(err, ErrInvalid) = false for %v", err)
			}
			var ee *tenant.EntryError
			if !errors.As(err, &ee) {
				t.Errorf("errors.As(err, *EntryError) = false for %v", err)
			}
			if diff := cmp.Diff(tt.want, strings.Split(err.Error(), "\n")); diff != "" {
				t.Errorf("New() error mismatch (-want +got):\n%s\n%s", diff, tt.reason)
			}
		})
	}
}

func TestSnapshotIsImmutable(t *testing.T) {
	spec := contoso(t)
	snap := mustNew(t, spec)
	spec.Users[0].Domain = "contoso.onmicrosoft.com"
	spec.Domains[1].Default = false
	got := snap.Spec()
	got.Users[0].ID = "changed"
	got.Domains[0].Name = "changed"
	got.Subscriptions[0] = lifecycle.Lifecycle{}
	spec.Subscriptions[0] = lifecycle.Lifecycle{}
	if lc, ok := snap.Subscription("S1"); !ok || lc.IsZero() {
		t.Errorf("the snapshot shares its subscriptions with the spec: Subscription(S1) = %v, %v", lc.IsZero(), ok)
	}
	if u, _ := snap.User("admin@contoso.com"); u.Domain != "contoso.com" {
		t.Errorf("the snapshot shares its users with the spec: %+v", u)
	}
	if d, _ := snap.Domain("contoso.com"); !d.Default {
		t.Errorf("the snapshot shares its domains with the spec: %+v", d)
	}
	if snap.SystemDomain().Name != "contoso.onmicrosoft.com" {
		t.Errorf("Spec() returned the snapshot's own slices")
	}
}

func TestCanCancel(t *testing.T) {
	spec := contoso(t)
	spec.Domains = append(spec.Domains, tenant.Domain{Name: "fabrikam.com"}, tenant.Domain{Name: "old.example", RemovedAt: date(2025, 12, 1)})
	snap := mustNew(t, spec)
	err := tenant.CanCancel(snap)
	var cde *tenant.CustomDomainError
	if !errors.Is(err, tenant.ErrCustomDomain) || !errors.As(err, &cde) {
		t.Fatalf("CanCancel() = %v; want a CustomDomainError", err)
	}
	if diff := cmp.Diff([]string{"contoso.com", "fabrikam.com"}, cde.Domains); diff != "" {
		t.Errorf("Domains mismatch (-want +got):\n%s", diff)
	}
	const want = "tenant: remove the custom domain first: contoso.com, fabrikam.com is still attached to the tenant (R-CAN-10, R-DOM-1)"
	if err.Error() != want {
		t.Errorf("Error() = %q; want %q", err, want)
	}
	if errors.Is(err, tenant.ErrInvalid) {
		t.Errorf("a verdict is not an invalid input")
	}
	// lifecycle receives the verdict as a plain list and refuses to cancel.
	s1 := snap.Subscriptions()[0]
	_, err = s1.Apply(lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.GlobalAdmin,
		CustomDomains: snap.CustomDomainsInUse()}, time.Date(2026, 1, 12, 0, 0, 0, 0, time.UTC))
	if !errors.Is(err, lifecycle.ErrPrecondition) {
		t.Errorf("Lifecycle.Apply(cancel) = %v; want ErrPrecondition", err)
	}
}

func TestEnumsZeroInvalid(t *testing.T) {
	if tenant.StepID(0).IsValid() || tenant.StepStatus(0).IsValid() || tenant.PlanKind(0).IsValid() || tenant.BillingAccount(0).IsValid() {
		t.Error("a zero enum is valid")
	}
	if got := tenant.StepStatus(9).String(); got != "%!StepStatus(9)" {
		t.Errorf("String() = %q", got)
	}
	for id := tenant.NotifyUsers; id.IsValid(); id++ {
		b, err := id.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back tenant.StepID
		if err := back.UnmarshalText(b); err != nil || back != id {
			t.Errorf("round trip of %s = %s, %v", id, back, err)
		}
	}
	if _, err := tenant.StepID(0).MarshalText(); !errors.Is(err, tenant.ErrInvalid) {
		t.Errorf("MarshalText(0) = %v", err)
	}
}
