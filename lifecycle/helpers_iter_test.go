package lifecycle_test

import (
	"time"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// Fixtures of the Deadlines, Transitions, Permitted and CancelAtPeriodEnd
// tests. Their end dates come from EndOfTerm and EndOfTrial, so that they
// follow those functions' type.

// ac08Spec is AC-08…AC-11: Business Premium monthly bought 2026-04-20
// 08:00, "Cancel now" on 2026-05-10 09:00 (Disabled at once for 90 days).
func ac08Spec() lifecycle.Spec {
	start := utc(2026, 4, 20, 8, 0)
	return lifecycle.Spec{ID: "AC-08", Channel: policy.DirectMOSA, Term: policy.Monthly, Start: start,
		End: mustDate(lifecycle.EndOfTerm(start, policy.Monthly)), Licenses: 10, Assigned: 10, PaymentMethod: true, RecurringBilling: true,
		History: []lifecycle.Event{{Kind: lifecycle.CancelNow, At: utc(2026, 5, 10, 9, 0), Actor: lifecycle.BillingAdmin}}}
}

// ac11Spec is AC-08 deleted explicitly on 2026-05-20 09:00 (R-LC-8).
func ac11Spec() lifecycle.Spec {
	spec := ac08Spec()
	spec.ID = "AC-11"
	spec.History = append(spec.History, lifecycle.Event{Kind: lifecycle.Delete, At: utc(2026, 5, 20, 9, 0), Actor: lifecycle.GlobalAdmin})
	return spec
}

// cspMonthlySpec is a CSP new-commerce monthly subscription bought on the
// 31st, renewing (its window: 168 hours, inclusive, R-CAN-14, DC-5).
func cspMonthlySpec() lifecycle.Spec {
	start := utc(2026, 1, 31, 15, 0)
	return lifecycle.Spec{ID: "csp-monthly", Channel: policy.CSPNewCommerce, Term: policy.Monthly, Start: start,
		End: mustDate(lifecycle.EndOfTerm(start, policy.Monthly)), Licenses: 3, Assigned: 3, RecurringBilling: true}
}

// cspCancelSpec is a CSP annual subscription cancelled within its window:
// Deleted at once (C-7), the partner may back up for 7 days (R-DAT-5).
func cspCancelSpec() lifecycle.Spec {
	start := utc(2026, 3, 2, 15, 0)
	return lifecycle.Spec{ID: "csp-cancel", Channel: policy.CSPNewCommerce, Term: policy.Annual, Start: start,
		End: mustDate(lifecycle.EndOfTerm(start, policy.Annual)), Licenses: 3, Assigned: 3, RecurringBilling: true,
		History: []lifecycle.Event{{Kind: lifecycle.CancelNow, At: utc(2026, 3, 5, 10, 0), Actor: lifecycle.Partner}}}
}

// mcaSpec is AC-19: MCA annual bought 2026-01-10 09:00, its seven-day
// window open through 2026-01-17 (DC-6, inclusive).
func mcaSpec() lifecycle.Spec {
	start := utc(2026, 1, 10, 9, 0)
	return lifecycle.Spec{ID: "AC-19", Channel: policy.DirectMCA, Term: policy.Annual, Start: start,
		End: mustDate(lifecycle.EndOfTerm(start, policy.Annual)), Licenses: 5, Assigned: 5, PaymentMethod: true, RecurringBilling: true}
}

// aoboSpec is AC-59: a partner cancels a direct monthly subscription on
// behalf of the customer on 2024-05-01; the admin center may lag 90 days.
func aoboSpec() lifecycle.Spec {
	start := date(2024, 4, 20)
	return lifecycle.Spec{ID: "AC-59", Channel: policy.DirectMOSA, Term: policy.Monthly, Start: start,
		End: mustDate(lifecycle.EndOfTerm(start, policy.Monthly)), Licenses: 5, Assigned: 5, PaymentMethod: true, RecurringBilling: true,
		History: []lifecycle.Event{{Kind: lifecycle.CancelNow, At: date(2024, 5, 1), Actor: lifecycle.Partner}}}
}

// trialSpec is a 30-day direct trial from 2026-03-01 09:00 that converts
// (recurring billing on, a payment method) or, with converts false, ends.
func trialSpec(converts bool) lifecycle.Spec {
	start := utc(2026, 3, 1, 9, 0)
	return lifecycle.Spec{ID: "trial", Channel: policy.DirectMOSA, Term: policy.Monthly, Trial: true, Start: start,
		End: mustDate(lifecycle.EndOfTrial(start, 30)), Licenses: 25, PaymentMethod: true, RecurringBilling: converts}
}

// conflictSpec is AC-33: a Volume Licensing subscription from 2023-07-01
// reduced to 80 licenses with 95 assigned on 2026-03-01 10:00 (R-LIC-4:
// 90 days to resolve the conflict, through 2026-05-29).
func conflictSpec() lifecycle.Spec {
	start := utc(2023, 7, 1, 9, 0)
	return lifecycle.Spec{ID: "AC-33", Channel: policy.VolumeLicensing, Term: policy.MultiYear, Start: start,
		End: mustDate(lifecycle.EndOfTerm(start, policy.MultiYear)), Licenses: 100, Assigned: 95, RecurringBilling: true,
		History: []lifecycle.Event{{Kind: lifecycle.ChangeLicenses, At: utc(2026, 3, 1, 10, 0), Licenses: 80, Assigned: 95}}}
}

// deferredSpec is a 2012 direct subscription cancelled under the rules of
// that time: the cancellation takes effect at the end of the billing
// cycle (C-21).
func deferredSpec() lifecycle.Spec {
	start := utc(2012, 6, 5, 9, 0)
	return lifecycle.Spec{ID: "C-21", Channel: policy.DirectMOSA, Term: policy.Monthly, Start: start,
		End: mustDate(lifecycle.EndOfTerm(start, policy.Monthly)), Licenses: 3, Assigned: 3, PaymentMethod: true, RecurringBilling: true,
		History: []lifecycle.Event{{Kind: lifecycle.CancelNow, At: utc(2012, 6, 20, 10, 0), Actor: lifecycle.GlobalAdmin}}}
}

// collect ranges over seq.
func collect[T any](seq func(func(T) bool)) []T {
	var out []T
	for x := range seq {
		out = append(out, x)
	}
	return out
}

// fataler is what the helpers shared by tests and rapid properties need
// of a testing.TB or a *rapid.T.
type fataler interface {
	Helper()
	Fatalf(format string, args ...any)
}

// deadlinesOf returns the deadlines of lc in (from, to] or fails the test.
func deadlinesOf(tb fataler, lc lifecycle.Lifecycle, from, to time.Time) []lifecycle.Deadline {
	tb.Helper()
	seq, err := lc.Deadlines(from, to)
	if err != nil {
		tb.Fatalf("Deadlines(%v, %v): %v", from, to, err)
	}
	return collect(seq)
}
