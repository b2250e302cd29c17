package main

import (
	"time"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// day is the calendar date y-m-d: an end date is a date, not an instant.
func day(y int, m time.Month, d int) clock.Date { return clock.Date{Year: y, Month: m, Day: d} }

// builtinPortfolio returns the built-in subscriptions, each from an acceptance
// case of RULES.md §6.
func builtinPortfolio() []lifecycle.Spec {
	at := func(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, time.UTC) }
	return []lifecycle.Spec{
		{ // AC-01…AC-07: annual, recurring billing turned off
			ID: "mosa-annual", Channel: policy.DirectMOSA, Term: policy.Annual,
			Start: date(2025, 3, 31), End: day(2026, 3, 31), Licenses: 10, Assigned: 8, RecurringBilling: true, PaymentMethod: true,
			History: []lifecycle.Event{{Kind: lifecycle.RecurringBillingOff, At: date(2026, 2, 1), Actor: lifecycle.BillingAdmin}},
		},
		{ // AC-08: monthly, cancelled now
			ID: "mosa-cancelled", Channel: policy.DirectMOSA, Term: policy.Monthly,
			Start: date(2026, 5, 1), End: day(2026, 5, 31), Licenses: 10, RecurringBilling: true, PaymentMethod: true,
			History: []lifecycle.Event{{Kind: lifecycle.CancelNow, At: at(2026, 5, 10, 9), Actor: lifecycle.BillingAdmin}},
		},
		{ // AC-54: MCA annual, recurring billing off; its end (2026-08-31) is judged by the 2025-12 version: no Expired
			ID: "mca-annual", Channel: policy.DirectMCA, Term: policy.Annual,
			Start: date(2025, 9, 1), End: day(2026, 8, 31), Licenses: 5, RecurringBilling: true, PaymentMethod: true,
			History: []lifecycle.Event{{Kind: lifecycle.RecurringBillingOff, At: date(2026, 3, 1), Actor: lifecycle.BillingAccountOwner}},
		},
		{ // R-LC-13, R-LC-14: MCA monthly bought under the 2024-09 version (7-day window), renewed;
			// its term ending 2026-02-28 is judged by the 2025-12 version: no Expired state
			ID: "mca-monthly", Channel: policy.DirectMCA, Term: policy.Monthly,
			Start: date(2025, 12, 1), End: day(2025, 12, 31), Licenses: 5, RecurringBilling: true, PaymentMethod: true,
			History: []lifecycle.Event{{Kind: lifecycle.RecurringBillingOff, At: date(2026, 2, 10), Actor: lifecycle.BillingAccountOwner}},
		},
		{ // AC-25: enterprise, monthly term
			ID: "enterprise-monthly", Channel: policy.Enterprise, Term: policy.Monthly,
			Start: date(2026, 6, 1), End: day(2026, 6, 30), Licenses: 50,
		},
		{ // AC-28: Volume Licensing, end date aligned with the agreement
			ID: "vl-agreement", Channel: policy.VolumeLicensing, Term: policy.MultiYear,
			Start: date(2023, 7, 1), End: day(2026, 6, 30), Licenses: 100,
		},
		{ // AC-35: CSP new commerce, cancelled within 168 hours
			ID: "csp-cancelled", Channel: policy.CSPNewCommerce, Term: policy.Annual,
			Start: at(2026, 1, 15, 10), End: day(2027, 1, 14), Licenses: 20, RecurringBilling: true,
			History: []lifecycle.Event{{Kind: lifecycle.CancelNow, At: at(2026, 1, 20, 9), Actor: lifecycle.Partner}},
		},
		{ // AC-44: CSP new commerce trial, auto-renew off
			ID: "csp-trial", Channel: policy.CSPNewCommerce, Term: policy.Annual, Trial: true,
			Start: date(2026, 5, 1), End: day(2026, 5, 30), Licenses: 25, RecurringBilling: true,
			History: []lifecycle.Event{{Kind: lifecycle.RecurringBillingOff, At: date(2026, 5, 3), Actor: lifecycle.Partner}},
		},
		{ // AC-47: direct trial with a card, converts to annual
			ID: "direct-trial", Channel: policy.DirectMOSA, Term: policy.Annual, Trial: true,
			Start: date(2026, 3, 2), End: day(2026, 3, 31), Licenses: 25, RecurringBilling: true, PaymentMethod: true,
		},
	}
}
