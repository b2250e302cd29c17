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

// contoso is the AC-51 tenant: MOSA, custom default domain contoso.com
// whose NS records point to Microsoft 365, two Global Administrators and a
// user on it, a group and an alias, one active subscription.
func contoso(t testing.TB) tenant.SnapshotSpec {
	return tenant.SnapshotSpec{
		BillingAccount: tenant.MOSA,
		Domains: []tenant.Domain{
			{Name: "contoso.onmicrosoft.com", System: true},
			{Name: "contoso.com", Default: true, NSAtMicrosoft: true, MXAtMicrosoft: true},
		},
		Users: []tenant.User{
			{ID: "admin@contoso.com", Domain: "contoso.com", Roles: ga, MFA: true},
			{ID: "it@contoso.com", Domain: "contoso.com", Roles: ga},
			{ID: "ann@contoso.com", Domain: "contoso.com"},
		},
		Groups:  []tenant.Group{{Name: "sales@contoso.com", Domain: "contoso.com"}},
		Aliases: []tenant.Alias{{Address: "info@contoso.com"}},
		Subscriptions: []lifecycle.Lifecycle{
			sub(t, "S1", policy.DirectMOSA, policy.Monthly, time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC), 10),
		},
	}
}

func TestReleaseDomainPlan(t *testing.T) {
	at := date(2026, 2, 1)
	me := tenant.ReleaseOptions{Actor: "admin@contoso.com"}
	const (
		D = tenant.Done
		N = tenant.Next
		B = tenant.Blocked
		X = tenant.NotNeeded
		P = tenant.Pending
	)
	tests := []struct {
		name   string
		reason string
		spec   func(*tenant.SnapshotSpec)
		opts   tenant.ReleaseOptions
		want   []row
	}{{
		name:   "AC-51",
		reason: "NS at Microsoft 365: the MX change waits for the NS change (R-DOM-3); every step is pending behind notifying the users",
		opts:   me,
		want: []row{
			{tenant.NotifyUsers, N, "R-DOM-6", time.Time{}, nil},
			{tenant.DNSRecords, P, "R-DOM-2, R-DOM-4", time.Time{}, nil},
			{tenant.Nameservers, P, "R-DOM-3, R-DOM-4", time.Time{}, nil},
			{tenant.OtherGlobalAdmin, P, "R-DOM-8", time.Time{}, []string{"it@contoso.com"}},
			{tenant.MoveUsers, P, "R-DOM-7, R-DOM-8, R-DOM-9", time.Time{}, []string{"admin@contoso.com", "it@contoso.com", "ann@contoso.com"}},
			{tenant.MoveGroups, P, "R-DOM-7, R-DOM-8", time.Time{}, []string{"sales@contoso.com"}},
			{tenant.DeleteAliases, P, "R-DOM-10", time.Time{}, []string{"info@contoso.com"}},
			{tenant.ChangeDefaultDomain, N, "R-DOM-8", time.Time{}, []string{"contoso.com"}},
			{tenant.RemoveDomain, P, "R-DOM-1, R-DOM-7, R-DOM-9", time.Time{}, []string{"contoso.com"}},
		},
	}, {
		name:   "AC-52",
		reason: "NS never moved to Microsoft 365: the NS step is not needed and the MX change routes mail right away (R-DOM-5)",
		spec:   func(s *tenant.SnapshotSpec) { s.Domains[1].NSAtMicrosoft = false },
		opts:   me,
		want: []row{
			{tenant.NotifyUsers, N, "R-DOM-6", time.Time{}, nil},
			{tenant.DNSRecords, P, "R-DOM-2, R-DOM-5", time.Time{}, nil},
			{tenant.Nameservers, X, "R-DOM-5", time.Time{}, nil},
			{tenant.OtherGlobalAdmin, P, "R-DOM-8", time.Time{}, []string{"it@contoso.com"}},
			{tenant.MoveUsers, P, "R-DOM-7, R-DOM-8, R-DOM-9", time.Time{}, []string{"admin@contoso.com", "it@contoso.com", "ann@contoso.com"}},
			{tenant.MoveGroups, P, "R-DOM-7, R-DOM-8", time.Time{}, []string{"sales@contoso.com"}},
			{tenant.DeleteAliases, P, "R-DOM-10", time.Time{}, []string{"info@contoso.com"}},
			{tenant.ChangeDefaultDomain, N, "R-DOM-8", time.Time{}, []string{"contoso.com"}},
			{tenant.RemoveDomain, P, "R-DOM-1, R-DOM-7, R-DOM-9", time.Time{}, []string{"contoso.com"}},
		},
	}, {
		name:   "half-way",
		reason: "users notified, records set up, NS moved, users moved and the default changed: the groups are next",
		spec: func(s *tenant.SnapshotSpec) {
			s.Domains[1] = tenant.Domain{Name: "contoso.com", RecordsAtNewHost: true, UsersNotified: date(2026, 1, 20)}
			s.Domains[0].Default = true
			for i := range s.Users {
				s.Users[i].Domain = "contoso.onmicrosoft.com"
			}
		},
		opts: me,
		want: []row{
			{tenant.NotifyUsers, D, "R-DOM-6", time.Time{}, nil},
			{tenant.DNSRecords, D, "R-DOM-2, R-DOM-5", time.Time{}, nil},
			{tenant.Nameservers, X, "R-DOM-5", time.Time{}, nil},
			{tenant.OtherGlobalAdmin, X, "R-DOM-8", time.Time{}, nil},
			{tenant.MoveUsers, D, "R-DOM-7, R-DOM-8, R-DOM-9", time.Time{}, nil},
			{tenant.MoveGroups, N, "R-DOM-7, R-DOM-8", time.Time{}, []string{"sales@contoso.com"}},
			{tenant.DeleteAliases, P, "R-DOM-10", time.Time{}, []string{"info@contoso.com"}},
			{tenant.ChangeDefaultDomain, X, "R-DOM-8", time.Time{}, nil},
			{tenant.RemoveDomain, P, "R-DOM-1, R-DOM-7, R-DOM-9", time.Time{}, []string{"contoso.com"}},
		},
	}, {
		name:   "done",
		reason: "the domain was removed: every step is finished and the plan is done",
		spec: func(s *tenant.SnapshotSpec) {
			s.Domains[1] = tenant.Domain{Name: "contoso.com", RemovedAt: time.Date(2026, 1, 25, 14, 0, 0, 0, time.UTC)}
			s.Domains[0].Default = true
			for i := range s.Users {
				s.Users[i].Domain = "contoso.onmicrosoft.com"
			}
			s.Groups[0].Domain = "contoso.onmicrosoft.com"
			s.Aliases = nil
		},
		opts: me,
		want: []row{
			{tenant.NotifyUsers, X, "R-DOM-6", time.Time{}, nil},
			{tenant.DNSRecords, D, "R-DOM-2, R-DOM-5", time.Time{}, nil},
			{tenant.Nameservers, X, "R-DOM-5", time.Time{}, nil},
			{tenant.OtherGlobalAdmin, X, "R-DOM-8", time.Time{}, nil},
			{tenant.MoveUsers, D, "R-DOM-7, R-DOM-8, R-DOM-9", time.Time{}, nil},
			{tenant.MoveGroups, D, "R-DOM-7, R-DOM-8", time.Time{}, nil},
			{tenant.DeleteAliases, D, "R-DOM-10", time.Time{}, nil},
			{tenant.ChangeDefaultDomain, X, "R-DOM-8", time.Time{}, nil},
			{tenant.RemoveDomain, D, "R-DOM-1, R-DOM-7, R-DOM-9", time.Time{}, nil},
		},
	}, {
		name:   "only Global Administrator",
		reason: "the actor is the only Global Administrator and signs in with the domain: R-DOM-8 blocks until another one exists elsewhere",
		spec: func(s *tenant.SnapshotSpec) {
			s.Users = s.Users[:1]
			s.Users = append(s.Users, tenant.User{ID: "ann@contoso.com", Domain: "contoso.com"})
			s.Domains[1] = tenant.Domain{Name: "contoso.com", RecordsAtNewHost: true, UsersNotified: date(2026, 1, 20)}
			s.Domains[0].Default = true
		},
		opts: me,
		want: []row{
			{tenant.NotifyUsers, D, "R-DOM-6", time.Time{}, nil},
			{tenant.DNSRecords, D, "R-DOM-2, R-DOM-5", time.Time{}, nil},
			{tenant.Nameservers, X, "R-DOM-5", time.Time{}, nil},
			{tenant.OtherGlobalAdmin, B, "R-DOM-8", time.Time{}, []string{"admin@contoso.com"}},
			{tenant.MoveUsers, P, "R-DOM-7, R-DOM-8, R-DOM-9", time.Time{}, []string{"admin@contoso.com", "ann@contoso.com"}},
			{tenant.MoveGroups, P, "R-DOM-7, R-DOM-8", time.Time{}, []string{"sales@contoso.com"}},
			{tenant.DeleteAliases, P, "R-DOM-10", time.Time{}, []string{"info@contoso.com"}},
			{tenant.ChangeDefaultDomain, X, "R-DOM-8", time.Time{}, nil},
			{tenant.RemoveDomain, P, "R-DOM-1, R-DOM-7, R-DOM-9", time.Time{}, []string{"contoso.com"}},
		},
	}, {
		name:   "delete users",
		reason: "with DeleteUsers the users step deletes them (and their cloud data, R-DOM-10)",
		spec: func(s *tenant.SnapshotSpec) {
			s.Domains[1] = tenant.Domain{Name: "contoso.com", RecordsAtNewHost: true, UsersNotified: date(2026, 1, 20)}
			s.Domains[0].Default = true
			s.Users[1].Domain = "contoso.onmicrosoft.com"
		},
		opts: tenant.ReleaseOptions{Actor: "admin@contoso.com", DeleteUsers: true},
		want: []row{
			{tenant.NotifyUsers, D, "R-DOM-6", time.Time{}, nil},
			{tenant.DNSRecords, D, "R-DOM-2, R-DOM-5", time.Time{}, nil},
			{tenant.Nameservers, X, "R-DOM-5", time.Time{}, nil},
			{tenant.OtherGlobalAdmin, X, "R-DOM-8", time.Time{}, nil},
			{tenant.MoveUsers, N, "R-DOM-7, R-DOM-8, R-DOM-10", time.Time{}, []string{"admin@contoso.com", "ann@contoso.com"}},
			{tenant.MoveGroups, P, "R-DOM-7, R-DOM-8", time.Time{}, []string{"sales@contoso.com"}},
			{tenant.DeleteAliases, P, "R-DOM-10", time.Time{}, []string{"info@contoso.com"}},
			{tenant.ChangeDefaultDomain, X, "R-DOM-8", time.Time{}, nil},
			{tenant.RemoveDomain, P, "R-DOM-1, R-DOM-7, R-DOM-9", time.Time{}, []string{"contoso.com"}},
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spec := contoso(t)
			if tt.spec != nil {
				tt.spec(&spec)
			}
			snap := mustNew(t, spec)
			for _, loc := range []*time.Location{time.UTC, time.FixedZone("UTC-10", -10*3600)} {
				got, err := tenant.ReleaseDomainPlan(snap, "Contoso.COM", at.In(loc), tt.opts)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(tt.want, rows(got)); diff != "" {
					t.Errorf("ReleaseDomainPlan() mismatch (-want +got):\n%s\n%s", diff, tt.reason)
				}
				if got.Done != (tt.name == "done") {
					t.Errorf("Done = %v", got.Done)
				}
			}
		})
	}
}

// TestReleaseDomainOrder walks AC-51 and AC-52 to the end: the steps come in
// the required order, the MX change takes effect with the NS change
// (R-DOM-3) or at once (R-DOM-5), and the cancellation precondition
// (R-CAN-10) holds until the domain is removed and then clears.
func TestReleaseDomainOrder(t *testing.T) {
	at := date(2026, 2, 1)
	for _, tt := range []struct {
		name string
		ns   bool
		want []tenant.StepID
	}{
		{"AC-51", true, []tenant.StepID{tenant.NotifyUsers, tenant.DNSRecords, tenant.Nameservers,
			tenant.OtherGlobalAdmin, tenant.MoveUsers, tenant.MoveGroups, tenant.DeleteAliases, tenant.ChangeDefaultDomain, tenant.RemoveDomain}},
		{"AC-52", false, []tenant.StepID{tenant.NotifyUsers, tenant.DNSRecords,
			tenant.OtherGlobalAdmin, tenant.MoveUsers, tenant.MoveGroups, tenant.DeleteAliases, tenant.ChangeDefaultDomain, tenant.RemoveDomain}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			spec := contoso(t)
			spec.Domains[1].NSAtMicrosoft = tt.ns
			snap := mustNew(t, spec)
			if err := tenant.CanCancel(snap); !errors.Is(err, tenant.ErrCustomDomain) {
				t.Fatalf("CanCancel() = %v, want ErrCustomDomain", err)
			}
			s1 := snap.Subscriptions()[0]
			cmd := lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.GlobalAdmin, CustomDomains: snap.CustomDomainsInUse()}
			if _, err := s1.Apply(cmd, at); !errors.Is(err, lifecycle.ErrPrecondition) {
				t.Fatalf("Lifecycle.Apply(cancel) with %v = %v, want ErrPrecondition", cmd.CustomDomains, err)
			}

			var ids []tenant.StepID
			for range 20 {
				p, err := tenant.ReleaseDomainPlan(snap, "contoso.com", at, tenant.ReleaseOptions{Actor: "admin@contoso.com"})
				if err != nil {
					t.Fatal(err)
				}
				if p.Done {
					break
				}
				n, ok := p.Next()
				if !ok {
					t.Fatalf("no next step:\n%s", p)
				}
				before, _ := snap.Domain("contoso.com")
				snap, err = p.Execute(snap, n.ID, at)
				if err != nil {
					t.Fatal(err)
				}
				after, _ := snap.Domain("contoso.com")
				switch n.ID {
				case tenant.DNSRecords:
					if after.MXAtMicrosoft != tt.ns {
						t.Errorf("after the MX change, MXAtMicrosoft = %v; want %v (R-DOM-3, R-DOM-5)", after.MXAtMicrosoft, tt.ns)
					}
				case tenant.Nameservers:
					if !before.MXAtMicrosoft || after.MXAtMicrosoft {
						t.Errorf("the NS change should make the MX change take effect (R-DOM-3)")
					}
				}
				ids = append(ids, n.ID)
				at = at.Add(time.Hour)
			}
			if diff := cmp.Diff(tt.want, ids); diff != "" {
				t.Errorf("executed steps mismatch (-want +got):\n%s", diff)
			}
			if err := tenant.CanCancel(snap); err != nil {
				t.Errorf("CanCancel() after removal = %v", err)
			}
			for _, u := range snap.Users() {
				if u.Domain != "contoso.onmicrosoft.com" {
					t.Errorf("user %s still signs in with %s", u.ID, u.Domain)
				}
			}
			cmd = lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.GlobalAdmin, CustomDomains: snap.CustomDomainsInUse()}
			if _, err := s1.Apply(cmd, at); err != nil {
				t.Errorf("Lifecycle.Apply(cancel) after removal: %v", err)
			}
		})
	}
}

func TestReleaseDomainGolden(t *testing.T) {
	at := date(2026, 2, 1)
	for _, name := range []string{"AC-51", "AC-52"} {
		t.Run(name, func(t *testing.T) {
			spec := contoso(t)
			spec.Domains[1].NSAtMicrosoft = name == "AC-51"
			snap := mustNew(t, spec)
			var out strings.Builder
			ids, _, _ := walk(t, snap, func(s tenant.Snapshot, at time.Time) (tenant.Plan, error) {
				p, err := tenant.ReleaseDomainPlan(s, "contoso.com", at, tenant.ReleaseOptions{Actor: "admin@contoso.com"})
				if err == nil {
					out.WriteString(render(p) + "\n")
				}
				return p, err
			}, at, 20)
			if len(ids) == 0 {
				t.Fatal("nothing executed")
			}
			golden(t, "release-"+name, out.String())
		})
	}
}

func TestReleaseDomainPlanErrors(t *testing.T) {
	snap := mustNew(t, contoso(t))
	at := date(2026, 2, 1)
	for _, tt := range []struct {
		domain string
		opts   tenant.ReleaseOptions
		want   string
	}{
		{"contoso.onmicrosoft.com", tenant.ReleaseOptions{}, `tenant: domain "contoso.onmicrosoft.com": the .onmicrosoft.com domain can't be removed (R-DOM-9)`},
		{"fabrikam.com", tenant.ReleaseOptions{}, `tenant: domain "fabrikam.com": not a domain of the tenant`},
		{"contoso.com", tenant.ReleaseOptions{Actor: "eve@contoso.com"}, `tenant: actor "eve@contoso.com": not a user of the tenant`},
	} {
		_, err := tenant.ReleaseDomainPlan(snap, tt.domain, at, tt.opts)
		if err == nil || err.Error() != tt.want || !errors.Is(err, tenant.ErrInvalid) {
			t.Errorf("ReleaseDomainPlan(%q, %+v) = %v; want %s (ErrInvalid)", tt.domain, tt.opts, err, tt.want)
		}
	}
	if _, err := tenant.ReleaseDomainPlan(tenant.Snapshot{}, "contoso.com", at, tenant.ReleaseOptions{}); !errors.Is(err, tenant.ErrInvalid) {
		t.Errorf("zero Snapshot: %v", err)
	}
}

func TestExecuteRefusesWhatIsNotNext(t *testing.T) {
	snap := mustNew(t, contoso(t))
	at := date(2026, 2, 1)
	p, err := tenant.ReleaseDomainPlan(snap, "contoso.com", at, tenant.ReleaseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []tenant.StepID{tenant.RemoveDomain, tenant.Nameservers, tenant.BackUp} {
		_, err := p.Execute(snap, id, at)
		var se *tenant.StepError
		if !errors.Is(err, tenant.ErrNotNext) || !errors.As(err, &se) || se.Step != id {
			t.Errorf("Execute(%s) = %v; want a StepError matching ErrNotNext", id, err)
		}
	}
}
