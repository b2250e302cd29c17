package tenant_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/lifecycle/tenant"
	"github.com/lapse-go/lapse/policy"
)

// A hoster's customer cancelled Microsoft 365 and wants the domain back
// (AC-51): its NS records point to Microsoft 365, so the MX change waits
// for the NS change (R-DOM-3).
func ExampleReleaseDomainPlan() {
	snap, err := tenant.New(tenant.SnapshotSpec{
		BillingAccount: tenant.MOSA,
		Domains: []tenant.Domain{
			{Name: "contoso.onmicrosoft.com", System: true, Default: true},
			{Name: "contoso.com", NSAtMicrosoft: true, MXAtMicrosoft: true, UsersNotified: time.Date(2026, 1, 20, 0, 0, 0, 0, time.UTC)},
		},
		Users: []tenant.User{
			{ID: "admin", Domain: "contoso.onmicrosoft.com", Roles: lifecycle.RolesOf(lifecycle.GlobalAdmin)},
			{ID: "ann@contoso.com", Domain: "contoso.com"},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	plan, err := tenant.ReleaseDomainPlan(snap, "contoso.com", time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC), tenant.ReleaseOptions{Actor: "admin"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range plan.Steps {
		fmt.Printf("%-10s %-21s %s\n", s.Status, s.ID, s.Rule)
	}
	next, _ := plan.Next()
	fmt.Println(next.Text)
	ns, _ := plan.Step(tenant.Nameservers)
	fmt.Println(ns.Reason)
	// Output:
	// done       notify-users          R-DOM-6
	// next       dns-records           R-DOM-2, R-DOM-4
	// pending    nameservers           R-DOM-3, R-DOM-4
	// not-needed other-global-admin    R-DOM-8
	// pending    move-users            R-DOM-7, R-DOM-8, R-DOM-9
	// done       move-groups           R-DOM-7, R-DOM-8
	// done       delete-aliases        R-DOM-10
	// not-needed change-default-domain R-DOM-8
	// pending    remove-domain         R-DOM-1, R-DOM-7, R-DOM-9
	// Set up the MX record and the other DNS records of contoso.com at the DNS host you plan to use.
	// Waits for dns-records. The NS records point to Microsoft 365 nameservers: the MX change takes effect only after the NS change.
}

// Closing an MCA account (AC-54): on 2026-03-01 the annual subscription's
// seven-day window has long passed, so the plan says to turn off recurring
// billing; then the tenant waits for the subscription's deletion at E+90
// and, with MCA, for Microsoft Entra ID Free (R-CAN-12). The caller judges
// the subscription against the policy table; the plan reads the judged
// lifecycle.
func ExampleCloseAccountPlan() {
	start := time.Date(2025, 9, 1, 10, 0, 0, 0, time.UTC)
	end, _ := lifecycle.EndOfTerm(start, policy.Annual)
	sub, _ := lifecycle.New(lifecycle.Spec{ID: "S1", Channel: policy.DirectMCA, Term: policy.Annual, Start: start,
		End: end, Licenses: 5, PaymentMethod: true, RecurringBilling: true})
	lc, err := lifecycle.Judge(sub, policy.Builtin())
	if err != nil {
		fmt.Println(err)
		return
	}
	snap, err := tenant.New(tenant.SnapshotSpec{
		BillingAccount: tenant.MCA,
		Domains:        []tenant.Domain{{Name: "fabrikam.onmicrosoft.com", System: true, Default: true}},
		// R-CLO-2: with MCA, a Global Administrator who is also a billing
		// account owner does the billing tasks.
		Users:         []tenant.User{{ID: "admin", Domain: "fabrikam.onmicrosoft.com", Roles: lifecycle.RolesOf(lifecycle.GlobalAdmin, lifecycle.BillingAccountOwner)}},
		Subscriptions: []lifecycle.Lifecycle{lc},
		BackedUp:      true,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	at := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	plan, _ := tenant.CloseAccountPlan(snap, "admin", at)
	next, _ := plan.Next()
	fmt.Println(next.ID, "-", next.Text)
	fmt.Println(next.Reason)

	snap, err = plan.Execute(snap, next.ID, at) // what the admin does
	if err != nil {
		fmt.Println(err)
		return
	}
	plan, _ = tenant.CloseAccountPlan(snap, "admin", at)
	_, ok := plan.Next()
	fmt.Println("next step:", ok)
	for _, b := range plan.Blocked() {
		fmt.Println(b.ID, "from", b.Earliest.Format(time.DateOnly), "-", b.Rule)
		fmt.Println(b.Unblock)
	}
	// Output:
	// cancel-subscriptions - Turn off recurring billing of S1 and wait for the end of the term.
	// S1 stays active until its end date 2026-08-31: its cancellation window closed after 2025-09-08 (R-CAN-3).
	// next step: false
	// delete-tenant from 2026-11-29 - R-CLO-3, R-CLO-4, R-CAN-12
	// follow the Microsoft Entra tenant-deletion steps or contact Support
}

// The plans never see the policy table: the caller decides what judges a
// subscription. AC-54's term ends on 2026-08-31, so the built-in table
// judges its end by the MCA version of December 2025 (R-LC-13, R-LC-14: no
// Expired state, deleted at E+90). Pinned to the version in force when it
// was bought (September 2024: Expired for 30 days, then Disabled for 90),
// the same tenant waits a month longer.
func Example_judgedByTable() {
	start := time.Date(2025, 9, 1, 10, 0, 0, 0, time.UTC)
	off := lifecycle.Event{Kind: lifecycle.RecurringBillingOff, At: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), Actor: lifecycle.BillingAccountOwner}
	end, _ := lifecycle.EndOfTerm(start, policy.Annual)
	sub, _ := lifecycle.New(lifecycle.Spec{ID: "S1", Channel: policy.DirectMCA, Term: policy.Annual, Start: start,
		End: end, Licenses: 5, PaymentMethod: true, RecurringBilling: true,
		History: []lifecycle.Event{off}})
	bought, _ := policy.Builtin().Lookup(sub.Key(), start)
	pinned, _ := policy.Pin(bought)
	for _, table := range []*policy.Table{policy.Builtin(), pinned} {
		lc, err := lifecycle.Judge(sub, table)
		if err != nil {
			fmt.Println(err)
			return
		}
		snap, err := tenant.New(tenant.SnapshotSpec{
			BillingAccount: tenant.MCA,
			Domains:        []tenant.Domain{{Name: "fabrikam.onmicrosoft.com", System: true, Default: true}},
			Users:          []tenant.User{{ID: "admin", Domain: "fabrikam.onmicrosoft.com", Roles: lifecycle.RolesOf(lifecycle.GlobalAdmin)}},
			Subscriptions:  []lifecycle.Lifecycle{lc},
			BackedUp:       true,
		})
		if err != nil {
			fmt.Println(err)
			return
		}
		plan, _ := tenant.CloseAccountPlan(snap, "admin", time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC))
		del, _ := plan.Step(tenant.DeleteTenant)
		phases := lc.Phases()
		fmt.Printf("%s, end judged by %s: tenant deletion from %s\n", table.Name(), phases[len(phases)-1].Version.Label(), del.Earliest.Format(time.DateOnly))
	}
	// Output:
	// builtin, end judged by 2025-12: tenant deletion from 2026-11-29
	// pinned, end judged by 2024-09: tenant deletion from 2026-12-29
}

// The cancellation precondition "remove the custom domain first"
// (R-CAN-10) comes from the snapshot; package lifecycle receives it as a
// plain list in the command.
func ExampleCanCancel() {
	start := time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC)
	end, _ := lifecycle.EndOfTerm(start, policy.Monthly)
	sub, _ := lifecycle.New(lifecycle.Spec{ID: "S1", Channel: policy.DirectMOSA, Term: policy.Monthly, Start: start,
		End: end, Licenses: 10, PaymentMethod: true, RecurringBilling: true})
	lc, _ := lifecycle.Judge(sub, policy.Builtin())
	snap, _ := tenant.New(tenant.SnapshotSpec{
		BillingAccount: tenant.MOSA,
		Domains: []tenant.Domain{
			{Name: "contoso.onmicrosoft.com", System: true},
			{Name: "contoso.com", Default: true},
		},
		Subscriptions: []lifecycle.Lifecycle{lc},
	})
	fmt.Println(tenant.CanCancel(snap))

	s1, _ := snap.Subscription("S1")
	cmd := lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.GlobalAdmin, CustomDomains: snap.CustomDomainsInUse()}
	_, err := s1.Apply(cmd, time.Date(2026, 1, 12, 0, 0, 0, 0, time.UTC))
	fmt.Println(errors.Is(err, lifecycle.ErrPrecondition))
	// Output:
	// tenant: remove the custom domain first: contoso.com is still attached to the tenant (R-CAN-10, R-DOM-1)
	// true
}

// Contradictions are errors that name the entry.
func ExampleNew() {
	_, err := tenant.New(tenant.SnapshotSpec{
		BillingAccount: tenant.MOSA,
		Domains: []tenant.Domain{
			{Name: "contoso.onmicrosoft.com", System: true, Default: true},
			{Name: "contoso.com", Default: true},
		},
		Users:         []tenant.User{{ID: "ann@contoso.com", Domain: "contoso.org"}},
		Subscriptions: []lifecycle.Lifecycle{{}}, // not judged
	})
	fmt.Println(err)
	fmt.Println(errors.Is(err, tenant.ErrInvalid))
	// Output:
	// tenant: domains[1] "contoso.com": a second default domain: domains[0] "contoso.onmicrosoft.com" is the default
	// tenant: users[0] "ann@contoso.com": sign-in domain "contoso.org" is not a domain of the tenant
	// tenant: subscriptions[0]: zero Lifecycle: judge the subscription with lifecycle.Judge(sub, table)
	// true
}
