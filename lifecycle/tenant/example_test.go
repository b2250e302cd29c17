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
// and, with MCA, for Microsoft Entra ID Free (R-CAN-12).
func ExampleCloseAccountPlan() {
	start := time.Date(2025, 9, 1, 10, 0, 0, 0, time.UTC)
	sub, _ := lifecycle.New(lifecycle.Spec{ID: "S1", Channel: policy.DirectMCA, Term: policy.Annual, Start: start,
		End: lifecycle.EndOfTerm(start, policy.Annual), Licenses: 5, PaymentMethod: true, RecurringBilling: true})
	rules, _ := lifecycle.RulesFor(policy.Builtin(), sub)
	snap, err := tenant.New(tenant.SnapshotSpec{
		BillingAccount: tenant.MCA,
		Domains:        []tenant.Domain{{Name: "fabrikam.onmicrosoft.com", System: true, Default: true}},
		Users:          []tenant.User{{ID: "admin", Domain: "fabrikam.onmicrosoft.com", Roles: lifecycle.RolesOf(lifecycle.GlobalAdmin)}},
		Subscriptions:  []tenant.Subscription{{Sub: sub, Rules: rules}},
		BackedUp:       true,
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

// The cancellation precondition "remove the custom domain first"
// (R-CAN-10) comes from the snapshot; package lifecycle receives it as a
// plain list in the command.
func ExampleCanCancel() {
	start := time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC)
	sub, _ := lifecycle.New(lifecycle.Spec{ID: "S1", Channel: policy.DirectMOSA, Term: policy.Monthly, Start: start,
		End: lifecycle.EndOfTerm(start, policy.Monthly), Licenses: 10, PaymentMethod: true, RecurringBilling: true})
	rules, _ := lifecycle.RulesFor(policy.Builtin(), sub)
	snap, _ := tenant.New(tenant.SnapshotSpec{
		BillingAccount: tenant.MOSA,
		Domains: []tenant.Domain{
			{Name: "contoso.onmicrosoft.com", System: true},
			{Name: "contoso.com", Default: true},
		},
		Subscriptions: []tenant.Subscription{{Sub: sub, Rules: rules}},
	})
	fmt.Println(tenant.CanCancel(snap))

	cmd := lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.GlobalAdmin, CustomDomains: snap.CustomDomainsInUse()}
	_, err := lifecycle.Apply(sub, &rules, cmd, time.Date(2026, 1, 12, 0, 0, 0, 0, time.UTC))
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
		Users: []tenant.User{{ID: "ann@contoso.com", Domain: "contoso.org"}},
	})
	fmt.Println(err)
	fmt.Println(errors.Is(err, tenant.ErrInvalid))
	// Output:
	// tenant: domains[1] "contoso.com": a second default domain: domains[0] "contoso.onmicrosoft.com" is the default
	// tenant: users[0] "ann@contoso.com": sign-in domain "contoso.org" is not a domain of the tenant
	// true
}
