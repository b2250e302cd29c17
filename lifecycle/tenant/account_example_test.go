package tenant_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/lifecycle/tenant"
	"github.com/lapse-go/lapse/policy"
)

// An MCA invoice due on 2026-03-01 is unpaid (AC-57), and the billing
// account was notified of 12 months' inactivity on 2026-01-10 (AC-58).
func ExampleUnpaidInvoice() {
	snap, _ := tenant.New(tenant.SnapshotSpec{
		BillingAccount:     tenant.MCA,
		Domains:            []tenant.Domain{{Name: "contoso.onmicrosoft.com", System: true, Default: true}},
		InactivityNotified: time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC),
	})
	rules := policy.BuiltinAccount()

	d, _ := tenant.UnpaidInvoice(snap, clock.Date{Year: 2026, Month: time.March, Day: 1}, rules)
	fmt.Println("deactivated from", d.NotBefore, "through", d.NotAfter, "("+d.Rule+")")

	since, _ := tenant.AccountBlocked(snap, time.Date(2026, 2, 10, 0, 0, 0, 0, time.UTC), rules)
	fmt.Println("blocked from", since)

	start := time.Date(2026, 2, 10, 0, 0, 0, 0, time.UTC)
	_, err := tenant.Purchase(snap, lifecycle.Spec{
		ID: "new", Channel: policy.DirectMCA, Term: policy.Annual,
		Start: start, End: mustDate(lifecycle.EndOfTerm(start, policy.Annual)), Licenses: 5, RecurringBilling: true,
	}, policy.Builtin(), rules)
	fmt.Println(errors.Is(err, tenant.ErrAccountBlocked))
	// Output:
	// deactivated from 2026-03-03 through 2026-03-31 (R-MISC-1)
	// blocked from 2026-02-09
	// true
}
