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

// TestR_LIC_8_ClosePlanLeavesCSPToThePartner is issue 11 item 6: with a
// CSP subscription past its cancellation window, the close-account plan
// used to give the Global Administrator the step "turn off recurring
// billing of CSP1", which Apply refuses for that actor, and Execute then
// acted as the partner. A step names who can take it, and the plan never
// executes as someone else (R-LIC-8, R-CAN-14, §3.12).
func TestR_LIC_8_ClosePlanLeavesCSPToThePartner(t *testing.T) {
	start := time.Date(2025, 9, 1, 10, 0, 0, 0, time.UTC)
	at := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	csp := sub(t, "CSP1", policy.CSPNewCommerce, policy.Annual, start, 5)
	mosa := sub(t, "M1", policy.DirectMOSA, policy.Annual, start, 5)

	t.Run("csp-only", func(t *testing.T) {
		spec := fabrikam(tenant.MOSA, csp)
		spec.Users, spec.DirectorySync, spec.BackedUp = spec.Users[:1], false, true
		snap := mustSnapshot(t, spec)
		plan, err := tenant.CloseAccountPlan(snap, "admin", at)
		if err != nil {
			t.Fatal(err)
		}
		st, _ := plan.Step(tenant.CancelSubscriptions)
		if st.Status != tenant.Blocked || st.By != lifecycle.RolesOf(lifecycle.Partner) || !strings.Contains(st.Unblock, "CSP partner") ||
			len(st.Targets) != 1 || st.Targets[0] != "CSP1" {
			t.Fatalf("cancel step: %+v; want blocked on the CSP partner for CSP1", st)
		}
		if !strings.Contains(st.Rule, "R-LIC-8") {
			t.Errorf("cancel step cites %q; want R-LIC-8", st.Rule)
		}
		if _, err := plan.Execute(snap, tenant.CancelSubscriptions, at); !errors.Is(err, tenant.ErrNotNext) {
			t.Errorf("Execute of the partner's step: %v; want ErrNotNext", err)
		}
	})

	t.Run("mixed", func(t *testing.T) {
		spec := fabrikam(tenant.MOSA, mosa, csp)
		spec.Users, spec.DirectorySync, spec.BackedUp = spec.Users[:1], false, true
		snap := mustSnapshot(t, spec)
		plan, err := tenant.CloseAccountPlan(snap, "admin", at)
		if err != nil {
			t.Fatal(err)
		}
		st, _ := plan.Step(tenant.CancelSubscriptions)
		if st.Status != tenant.Next || st.By != lifecycle.RolesOf(lifecycle.GlobalAdmin) || len(st.Targets) != 1 || st.Targets[0] != "M1" {
			t.Fatalf("cancel step: %+v; want the admin's step for M1 only", st)
		}
		if !strings.Contains(st.Reason, "CSP1") || !strings.Contains(st.Reason, "CSP partner") {
			t.Errorf("reason %q does not say the partner acts on CSP1", st.Reason)
		}
		next, err := plan.Execute(snap, tenant.CancelSubscriptions, at)
		if err != nil {
			t.Fatalf("Execute: %v", err)
		}
		for _, lc := range next.Spec().Subscriptions {
			h := lc.Subscription().History()
			switch lc.Subscription().ID() {
			case "CSP1":
				if len(h) != 0 {
					t.Errorf("Execute acted on the partner's subscription: %v", h)
				}
			case "M1":
				if len(h) != 1 || h[0].Actor != lifecycle.GlobalAdmin {
					t.Errorf("M1 history %v; want one event by the global admin", h)
				}
			}
		}
	})

	t.Run("mca-without-billing-role", func(t *testing.T) {
		spec := fabrikam(tenant.MCA, sub(t, "S1", policy.DirectMCA, policy.Annual, start, 5))
		spec.Users, spec.DirectorySync, spec.BackedUp = spec.Users[:1], false, true
		spec.Users[0].Roles = ga // a Global Administrator only
		snap := mustSnapshot(t, spec)
		plan, err := tenant.CloseAccountPlan(snap, "admin", at)
		if err != nil {
			t.Fatal(err)
		}
		st, _ := plan.Step(tenant.CancelSubscriptions)
		if st.Status != tenant.Blocked || !st.By.Has(lifecycle.BillingAccountOwner) || st.By.Has(lifecycle.GlobalAdmin) {
			t.Fatalf("cancel step: %+v; want blocked on the MCA billing roles", st)
		}
	})
}

func mustSnapshot(tb testing.TB, spec tenant.SnapshotSpec) tenant.Snapshot {
	tb.Helper()
	snap, err := tenant.New(spec)
	if err != nil {
		tb.Fatal(err)
	}
	return snap
}
