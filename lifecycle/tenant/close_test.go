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

// fabrikam is a tenant on its system domain only, with one subscription.
func fabrikam(ba tenant.BillingAccount, s ...lifecycle.Lifecycle) tenant.SnapshotSpec {
	roles := ga
	if ba == tenant.MCA { // R-CLO-2: with MCA, also a billing account owner for the billing tasks
		roles |= lifecycle.RolesOf(lifecycle.BillingAccountOwner)
	}
	return tenant.SnapshotSpec{
		BillingAccount: ba,
		Domains:        []tenant.Domain{{Name: "fabrikam.onmicrosoft.com", System: true, Default: true}},
		Users: []tenant.User{
			{ID: "admin", Domain: "fabrikam.onmicrosoft.com", Roles: roles, MFA: true},
			{ID: "bob", Domain: "fabrikam.onmicrosoft.com", MFA: true, Synced: true},
		},
		DirectorySync: true,
		Subscriptions: s,
	}
}

// ac54 is AC-54: MCA, annual subscription started 2025-09-01, E =
// 2026-08-31; the admin has backed up and deleted the other users.
func ac54(t testing.TB) tenant.SnapshotSpec {
	s := sub(t, "S1", policy.DirectMCA, policy.Annual, time.Date(2025, 9, 1, 10, 0, 0, 0, time.UTC), 5)
	spec := fabrikam(tenant.MCA, s)
	spec.Users, spec.DirectorySync, spec.BackedUp = spec.Users[:1], false, true
	return spec
}

// ac11 is AC-11: MOSA, Business Premium monthly, 10 licenses, cancelled on
// 2026-05-10; the rest of the account is already closed down.
func ac11(t testing.TB, deleteAt time.Time) tenant.SnapshotSpec {
	cmds := []cmdAt{{lifecycle.CmdCancelNow, time.Date(2026, 5, 10, 8, 0, 0, 0, time.UTC)}}
	if !deleteAt.IsZero() {
		cmds = append(cmds, cmdAt{lifecycle.CmdDelete, deleteAt})
	}
	s := sub(t, "S1", policy.DirectMOSA, policy.Monthly, time.Date(2026, 4, 20, 8, 0, 0, 0, time.UTC), 10, cmds...)
	spec := fabrikam(tenant.MOSA, s)
	spec.Users, spec.DirectorySync, spec.BackedUp = spec.Users[:1], false, true
	return spec
}

func TestCloseAccountPlan(t *testing.T) {
	const (
		D = tenant.Done
		N = tenant.Next
		B = tenant.Blocked
		X = tenant.NotNeeded
		P = tenant.Pending
	)
	type st = map[tenant.StepID]tenant.StepStatus
	all := func(over st) st {
		m := st{}
		for id := tenant.ConfirmGlobalAdmin; id.IsValid(); id++ {
			m[id] = D
		}
		m[tenant.TurnOffDirectorySync] = X
		for k, v := range over {
			m[k] = v
		}
		return m
	}
	deletion := time.Date(2026, 5, 20, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		reason    string
		spec      func(t testing.TB) tenant.SnapshotSpec
		actor     tenant.UserID
		at        time.Time
		want      st
		next      tenant.StepID // zero: no next step
		earliest  time.Time     // of the next step, or of delete-tenant when blocked
		reasonHas map[tenant.StepID]string
	}{{
		name:   "fresh MOSA tenant",
		reason: "back up first; everything else waits in the R-CLO-3 order; apps, providers and invoices wait only for the backup",
		spec: func(t testing.TB) tenant.SnapshotSpec {
			s := fabrikam(tenant.MOSA, sub(t, "S1", policy.DirectMOSA, policy.Annual, date(2026, 1, 10), 10))
			s.Applications, s.MFAProviders, s.UnpaidInvoices = []string{"payroll"}, []string{"authy"}, 2
			return s
		},
		actor: "admin", at: date(2026, 3, 1),
		want: all(st{tenant.BackUp: N, tenant.TurnOffDirectorySync: P, tenant.DeleteUsers: P, tenant.CancelSubscriptions: P,
			tenant.DeleteSubscriptions: P, tenant.DisableMFA: P, tenant.RemoveApplications: P, tenant.RemoveMFAProviders: P,
			tenant.PayInvoices: N, tenant.DeleteTenant: P}),
		next: tenant.BackUp,
		reasonHas: map[tenant.StepID]string{
			tenant.TurnOffDirectorySync: "bob",
			tenant.PayInvoices:          "2 invoices are outstanding",
		},
	}, {
		name:   "AC-54 on 2026-03-01",
		reason: "MCA past its seven-day window: cancelling is refused, so turn off recurring billing (R-CAN-3)",
		spec:   ac54, actor: "admin", at: date(2026, 3, 1),
		want: all(st{tenant.CancelSubscriptions: N, tenant.DeleteSubscriptions: P, tenant.DeleteTenant: P}),
		next: tenant.CancelSubscriptions,
		reasonHas: map[tenant.StepID]string{
			tenant.CancelSubscriptions: "S1 stays active until its end date 2026-08-31: its cancellation window closed after 2025-09-08 (R-CAN-3)",
		},
	}, {
		name:   "AC-54 after recurring billing off",
		reason: "the MCA subscription can't be deleted by the admin; the tenant waits for 2026-11-29 (E+90) and Entra ID Free blocks it (R-CAN-12)",
		spec: func(t testing.TB) tenant.SnapshotSpec {
			s := ac54(t)
			s.Subscriptions = []lifecycle.Lifecycle{sub(t, "S1", policy.DirectMCA, policy.Annual, time.Date(2025, 9, 1, 10, 0, 0, 0, time.UTC), 5,
				cmdAt{lifecycle.CmdTurnOffRecurringBilling, date(2026, 3, 1)})}
			return s
		},
		actor: "admin", at: date(2026, 3, 1),
		want:     all(st{tenant.DeleteSubscriptions: X, tenant.DeleteTenant: B}),
		earliest: date(2026, 11, 29),
		reasonHas: map[tenant.StepID]string{
			tenant.DeleteSubscriptions: "S1 is deleted on 2026-11-29",
			tenant.DeleteTenant:        "Microsoft Entra ID Free, which you can't cancel",
		},
	}, {
		name: "AC-54 pinned to the rules it was bought under",
		reason: "judged by the 2024-09 MCA version alone (policy.Pin) instead of the version in force on its end date (R-LC-14), " +
			"its end has 30 days Expired and 90 Disabled: deleted on 2026-12-29, not E+90",
		spec: func(t testing.TB) tenant.SnapshotSpec {
			s := ac54(t)
			start := time.Date(2025, 9, 1, 10, 0, 0, 0, time.UTC)
			table := pinAt(t, policy.Key{Channel: policy.DirectMCA, Term: policy.Annual}, start, "2024-09")
			s.Subscriptions = []lifecycle.Lifecycle{judged(t, table, "S1", policy.DirectMCA, policy.Annual, start, 5,
				cmdAt{lifecycle.CmdTurnOffRecurringBilling, date(2026, 3, 1)})}
			return s
		},
		actor: "admin", at: date(2026, 3, 1),
		want:     all(st{tenant.DeleteSubscriptions: X, tenant.DeleteTenant: B}),
		earliest: date(2026, 12, 29),
		reasonHas: map[tenant.StepID]string{
			tenant.DeleteSubscriptions: "S1 is deleted on 2026-12-29",
		},
	}, {
		name:   "AC-11 before the deletion",
		reason: "a cancelled MOSA subscription is Disabled and can be deleted now (R-LC-9)",
		spec:   func(t testing.TB) tenant.SnapshotSpec { return ac11(t, time.Time{}) },
		actor:  "admin", at: deletion,
		want: all(st{tenant.DeleteSubscriptions: N, tenant.DeleteTenant: P}),
		next: tenant.DeleteSubscriptions,
	}, {
		name:   "AC-11 just after the deletion",
		reason: "the tenant can be deleted 72 hours after the explicit deletion (R-CLO-4)",
		spec:   func(t testing.TB) tenant.SnapshotSpec { return ac11(t, deletion) },
		actor:  "admin", at: deletion.Add(time.Second),
		want:     all(st{tenant.DeleteTenant: N}),
		next:     tenant.DeleteTenant,
		earliest: time.Date(2026, 5, 23, 9, 0, 0, 0, time.UTC),
		reasonHas: map[tenant.StepID]string{
			tenant.DeleteTenant: "S1 was deleted at 2026-05-20T09:00:00Z, so not before 2026-05-23T09:00:00Z",
		},
	}, {
		name:   "AC-11 at the boundary",
		reason: "at 2026-05-23T09:00Z the subscription stops blocking",
		spec:   func(t testing.TB) tenant.SnapshotSpec { return ac11(t, deletion) },
		actor:  "admin", at: time.Date(2026, 5, 23, 9, 0, 0, 0, time.UTC),
		want: all(st{tenant.DeleteTenant: N}),
		next: tenant.DeleteTenant,
	}, {
		name:   "MOSA set to expire",
		reason: "recurring billing off: the subscription can be deleted once Disabled, E+30 (DC-3a)",
		spec: func(t testing.TB) tenant.SnapshotSpec {
			s := ac11(t, time.Time{})
			s.Subscriptions = []lifecycle.Lifecycle{sub(t, "S1", policy.DirectMOSA, policy.Annual, date(2025, 6, 1), 30,
				cmdAt{lifecycle.CmdTurnOffRecurringBilling, date(2026, 2, 1)})}
			return s
		},
		actor: "admin", at: date(2026, 3, 1),
		want:     all(st{tenant.DeleteSubscriptions: N, tenant.DeleteTenant: P}),
		next:     tenant.DeleteSubscriptions,
		earliest: date(2026, 6, 30),
	}, {
		name:   "not a Global Administrator",
		reason: "only a Global Administrator closes the account (R-CLO-2, C-10)",
		spec:   func(t testing.TB) tenant.SnapshotSpec { return ac11(t, deletion) },
		actor:  "bob", at: date(2026, 6, 1),
		want: func() st {
			m := all(st{tenant.ConfirmGlobalAdmin: B, tenant.DeleteUsers: P, tenant.DisableMFA: P, tenant.DeleteTenant: P})
			return m
		}(),
		earliest: time.Time{},
	}, {
		name:   "done",
		reason: "the tenant was deleted",
		spec: func(t testing.TB) tenant.SnapshotSpec {
			s := ac11(t, deletion)
			s.Deleted = true
			return s
		},
		actor: "admin", at: date(2026, 6, 1),
		want: all(nil),
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spec := tt.spec(t)
			if tt.actor == "bob" {
				spec.Users = append(spec.Users, tenant.User{ID: "bob", Domain: "fabrikam.onmicrosoft.com"})
			}
			snap := mustNew(t, spec)
			for _, loc := range []*time.Location{time.UTC, time.FixedZone("UTC+13", 13*3600)} {
				p, err := tenant.CloseAccountPlan(snap, tt.actor, tt.at.In(loc))
				if err != nil {
					t.Fatal(err)
				}
				got := statuses(p)
				if tt.actor == "bob" {
					tt.want[tenant.DeleteUsers] = P
				}
				if diff := cmp.Diff(tt.want, got); diff != "" {
					t.Errorf("CloseAccountPlan() statuses mismatch (-want +got):\n%s\n%s\n%s", diff, tt.reason, p)
				}
				n, ok := p.Next()
				if ok != (tt.next != 0) || n.ID != tt.next {
					t.Errorf("Next() = %s, %v; want %s", n.ID, ok, tt.next)
				}
				earliest := n.Earliest
				if !ok {
					s, _ := p.Step(tenant.DeleteTenant)
					earliest = s.Earliest
				}
				if !earliest.Equal(tt.earliest) {
					t.Errorf("Earliest = %v; want %v", earliest, tt.earliest)
				}
				if p.Done != (tt.name == "done") {
					t.Errorf("Done = %v", p.Done)
				}
				for id, want := range tt.reasonHas {
					if s, _ := p.Step(id); !strings.Contains(s.Reason, want) {
						t.Errorf("%s reason = %q; want it to contain %q", id, s.Reason, want)
					}
				}
			}
		})
	}
}

// TestCloseAccountAC11Boundary executes the tenant deletion just before, at
// and just after 2026-05-23T09:00Z (AC-11, R-CLO-4).
func TestCloseAccountAC11Boundary(t *testing.T) {
	deletion := time.Date(2026, 5, 20, 9, 0, 0, 0, time.UTC)
	snap := mustNew(t, ac11(t, deletion))
	clear := time.Date(2026, 5, 23, 9, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		at      time.Time
		refused bool
	}{
		{clear.Add(-time.Nanosecond), true},
		{clear, false},
		{clear.Add(time.Nanosecond), false},
	} {
		p, err := tenant.CloseAccountPlan(snap, "admin", deletion)
		if err != nil {
			t.Fatal(err)
		}
		_, err = p.Execute(snap, tenant.DeleteTenant, tt.at)
		if refused := errors.Is(err, tenant.ErrNotNext); refused != tt.refused {
			t.Errorf("Execute(delete-tenant) at %s = %v; refused want %v", tt.at.Format(time.RFC3339Nano), err, tt.refused)
		}
	}
}

// TestCloseAccountWalk walks AC-54 and a MOSA tenant to their ends.
func TestCloseAccountWalk(t *testing.T) {
	t.Run("AC-54", func(t *testing.T) {
		snap := mustNew(t, ac54(t))
		var out strings.Builder
		ids, last, end := walk(t, snap, func(s tenant.Snapshot, at time.Time) (tenant.Plan, error) {
			p, err := tenant.CloseAccountPlan(s, "admin", at)
			if err == nil {
				out.WriteString(render(p) + "\n")
			}
			return p, err
		}, date(2026, 3, 1), 20)
		if diff := cmp.Diff([]tenant.StepID{tenant.CancelSubscriptions}, ids); diff != "" {
			t.Errorf("executed steps mismatch (-want +got):\n%s", diff)
		}
		b := last.Blocked()
		if len(b) != 1 || b[0].ID != tenant.DeleteTenant || !b[0].Earliest.Equal(date(2026, 11, 29)) || !strings.Contains(b[0].Rule, "R-CAN-12") {
			t.Errorf("Blocked() = %+v; want delete-tenant from 2026-11-29 (R-CAN-12)", b)
		}
		s1 := end.Subscriptions()[0]
		if err := s1.Check(lifecycle.Command{Kind: lifecycle.CmdDelete, Actor: lifecycle.BillingAccountOwner}, date(2026, 9, 1)); err == nil {
			t.Errorf("lifecycle accepts deleting a disabled MCA subscription (R-LC-9)")
		}
		golden(t, "close-AC-54", out.String())
	})
	t.Run("MOSA", func(t *testing.T) {
		s := fabrikam(tenant.MOSA, sub(t, "S1", policy.DirectMOSA, policy.Annual, date(2026, 1, 10), 10),
			sub(t, "S2", policy.DirectMOSA, policy.Monthly, date(2026, 2, 1), 30))
		s.Applications, s.MFAProviders, s.UnpaidInvoices = []string{"payroll"}, []string{"authy"}, 2
		s.Domains = append(s.Domains, tenant.Domain{Name: "fabrikam.com", MXAtMicrosoft: true})
		s.Aliases = []tenant.Alias{{Address: "info@fabrikam.com"}}
		snap := mustNew(t, s)
		var out strings.Builder
		ids, last, end := walk(t, snap, func(s tenant.Snapshot, at time.Time) (tenant.Plan, error) {
			p, err := tenant.CloseAccountPlan(s, "admin", at)
			if err == nil {
				out.WriteString(render(p) + "\n")
			}
			return p, err
		}, date(2026, 3, 1), 30)
		golden(t, "close-MOSA", out.String())
		want := []tenant.StepID{tenant.BackUp, tenant.TurnOffDirectorySync, tenant.DeleteUsers, tenant.RemoveCustomDomains,
			tenant.CancelSubscriptions, tenant.DeleteSubscriptions, tenant.RemoveApplications, tenant.RemoveMFAProviders,
			tenant.PayInvoices, tenant.DeleteSubscriptions, tenant.DeleteTenant}
		if diff := cmp.Diff(want, ids); diff != "" {
			t.Errorf("executed steps mismatch (-want +got):\n%s", diff)
		}
		if !last.Done {
			t.Errorf("plan not done:\n%s", last)
		}
		// S2 had 30 licenses: not cancellable online (R-CAN-1), so its
		// recurring billing was turned off at 2026-03-01; its term ends on
		// 2026-03-31, Disabled from 2026-04-30 (30 days Expired), deleted
		// then; the tenant 72 hours later.
		st, err := end.Subscriptions()[1].At(last.At)
		if err != nil || st.State() != lifecycle.Deleted || st.Cause() != lifecycle.ExplicitlyDeleted {
			t.Errorf("S2 = %v %v, %v", st.State(), st.Cause(), err)
		}
		if want := date(2026, 4, 30).Add(tenant.TenantDeletionWait); !last.At.Equal(want) {
			t.Errorf("tenant deleted at %s; want %s\n%s", last.At, want, last)
		}
	})
}

func TestCloseAccountPlanErrors(t *testing.T) {
	snap := mustNew(t, ac54(t))
	_, err := tenant.CloseAccountPlan(snap, "eve", date(2026, 3, 1))
	if err == nil || err.Error() != `tenant: actor "eve": not a user of the tenant` || !errors.Is(err, tenant.ErrInvalid) {
		t.Errorf("CloseAccountPlan(eve) = %v", err)
	}
	_, err = tenant.CloseAccountPlan(snap, "admin", date(2300, 1, 1))
	if !errors.Is(err, lifecycle.ErrInvalid) || !errors.Is(err, tenant.ErrInvalid) {
		t.Errorf("CloseAccountPlan(2300) = %v; want lifecycle's range error wrapped", err)
	}
}
