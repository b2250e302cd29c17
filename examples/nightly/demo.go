package main

import (
	"time"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// demo returns a portfolio dated around now: a subscription a few days
// from each kind of notice, and some that need none.
func demo(now time.Time) ([]lifecycle.Subscription, error) {
	today := clock.DateOf(now.UTC())
	day := func(n int) time.Time { return today.AddDays(n).UTC() }
	// endOf is the end date of the first term of a subscription bought
	// on day n; an error here is a bug of the demo, reported by New.
	endOf := func(n int, term policy.Term) clock.Date {
		end, _ := lifecycle.EndOfTerm(day(n), term)
		return end
	}
	specs := []lifecycle.Spec{
		{ // cancelled 85 days ago, two days after purchase: Deleted 90 days after (RULES.md §1.1 row 1)
			ID: "contoso-mosa", Channel: policy.DirectMOSA, Term: policy.Monthly,
			Start: day(-87), End: endOf(-87, policy.Monthly), Licenses: 10, RecurringBilling: true, PaymentMethod: true,
			History: []lifecycle.Event{{Kind: lifecycle.CancelNow, At: day(-85), Actor: lifecycle.BillingAdmin}},
		},
		{ // annual, recurring billing off, ended 25 days ago: Disabled after 30 days Expired
			ID: "fabrikam-annual", Channel: policy.DirectMOSA, Term: policy.Annual,
			Start: day(-390), End: today.AddDays(-25), Licenses: 25, Assigned: 20, RecurringBilling: true, PaymentMethod: true,
			History: []lifecycle.Event{{Kind: lifecycle.RecurringBillingOff, At: day(-60), Actor: lifecycle.BillingAdmin}},
		},
		{ // CSP new commerce, auto-renew off, its term ended 27 days ago
			ID: "northwind-csp", Channel: policy.CSPNewCommerce, Term: policy.Monthly,
			Start: day(-57), End: endOf(-57, policy.Monthly), Licenses: 40, RecurringBilling: true,
			History: []lifecycle.Event{{Kind: lifecycle.RecurringBillingOff, At: day(-40), Actor: lifecycle.Partner}},
		},
		{ // renews: no notice
			ID: "adatum-renewing", Channel: policy.DirectMCA, Term: policy.Annual,
			Start: day(-200), End: today.AddDays(165), Licenses: 5, RecurringBilling: true, PaymentMethod: true,
		},
		{ // Enterprise, monthly, ended 105 days ago: Deleted in 15 days
			ID: "litware-enterprise", Channel: policy.Enterprise, Term: policy.Monthly,
			Start: day(-135), End: endOf(-135, policy.Monthly), Licenses: 100,
		},
	}
	subs := make([]lifecycle.Subscription, 0, len(specs))
	for _, spec := range specs {
		sub, err := lifecycle.New(spec)
		if err != nil {
			return nil, err
		}
		subs = append(subs, sub)
	}
	return subs, nil
}
