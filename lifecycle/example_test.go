package lifecycle_test

import (
	"fmt"
	"time"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// exampleSub is AC-01…AC-07: Business Standard bought on 2025-04-01,
// annual, end date 2026-03-31, recurring billing turned off on 2026-02-01.
func exampleSub() lifecycle.Subscription {
	sub, err := lifecycle.New(lifecycle.Spec{
		ID:               "contoso-business-standard",
		Channel:          policy.DirectMOSA,
		Term:             policy.Annual,
		Start:            time.Date(2025, 4, 1, 10, 0, 0, 0, time.UTC),
		End:              time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC),
		Licenses:         10,
		Assigned:         8,
		PaymentMethod:    true,
		RecurringBilling: true,
		History: []lifecycle.Event{
			{Kind: lifecycle.RecurringBillingOff, At: time.Date(2026, 2, 1, 12, 0, 0, 0, time.UTC), Actor: lifecycle.BillingAdmin},
		},
	})
	if err != nil {
		panic(err)
	}
	return sub
}

func ExampleNew() {
	_, err := lifecycle.New(lifecycle.Spec{
		Channel:  policy.DirectMOSA,
		Term:     policy.Annual,
		Start:    time.Date(2026, 4, 1, 10, 0, 0, 0, time.UTC),
		End:      time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC),
		Licenses: 10,
	})
	fmt.Println(err)
	// Output:
	// lifecycle: Spec.End = 2026-03-31T00:00:00Z: end date before the start date 2026-04-01
}

func ExampleEvaluate() {
	sub := exampleSub()
	rules, err := lifecycle.RulesFor(policy.Builtin(), sub)
	if err != nil {
		panic(err)
	}
	st, err := lifecycle.Evaluate(sub, &rules, time.Date(2026, 4, 15, 9, 0, 0, 0, time.UTC))
	if err != nil {
		panic(err)
	}
	fmt.Println(st.State(), "since", st.Since().Format(time.DateOnly), "because", st.Cause())
	fmt.Println("next:", st.Next(), "on", st.NextAt().Format(time.DateOnly))
	fmt.Println("services:", st.Capabilities().Services, "data:", st.Capabilities().Data)
	fmt.Println("reactivate:", st.Capabilities().Reactivate, "by", st.Capabilities().ReactivateRoles, "until", st.ReactivateUntil().Format(time.DateOnly))
	fmt.Println("change recurring billing:", st.Capabilities().ChangeRecurringBilling)
	fmt.Println("purge between", st.PurgeNotBefore().Format(time.DateOnly), "and", st.PurgeDeadline().Format(time.DateOnly))
	// Output:
	// expired since 2026-03-31 because term-ended
	// next: disabled on 2026-04-30
	// services: true data: everyone
	// reactivate: true by global-admin, billing-admin until 2026-07-29
	// change recurring billing: false
	// purge between 2026-07-29 and 2026-09-27
}

// The location of the instant does not matter: 2026-03-30 20:00 in
// Honolulu is 2026-03-31 06:00 UTC, the first Expired day.
func ExampleEvaluate_location() {
	sub := exampleSub()
	rules, _ := lifecycle.RulesFor(policy.Builtin(), sub)
	honolulu := time.FixedZone("HST", -10*3600)
	st, _ := lifecycle.Evaluate(sub, &rules, time.Date(2026, 3, 30, 20, 0, 0, 0, honolulu))
	fmt.Println(st.At(), st.State())
	// Output:
	// 2026-03-31 06:00:00 +0000 UTC expired
}

func ExampleTimeline() {
	sub := exampleSub()
	rules, _ := lifecycle.RulesFor(policy.Builtin(), sub)
	phases, err := lifecycle.Timeline(sub, &rules)
	if err != nil {
		panic(err)
	}
	for _, p := range phases {
		end := "…"
		if !p.End.IsZero() {
			end = p.End.Format(time.DateOnly)
		}
		fmt.Printf("%-8s [%s, %s) %s\n", p.State, p.Start.Format(time.DateOnly), end, p.Cause)
	}
	// Output:
	// active   [2025-04-01, 2026-03-31) purchased
	// expired  [2026-03-31, 2026-04-30) term-ended
	// disabled [2026-04-30, 2026-07-29) grace-ended
	// deleted  [2026-07-29, …) disabled-ended
}

// RulesFor judges a subscription by the version in force on its end date
// (R-LC-14): an MCA subscription ending before 2026-02-09 still has an
// Expired state, one ending after it does not.
func ExampleRulesFor() {
	for _, end := range []time.Time{
		time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 8, 31, 0, 0, 0, 0, time.UTC),
	} {
		sub, _ := lifecycle.New(lifecycle.Spec{Channel: policy.DirectMCA, Term: policy.Annual,
			Start: end.AddDate(-1, 0, 1), End: end, Licenses: 5})
		rules, err := lifecycle.RulesFor(policy.Builtin(), sub)
		if err != nil {
			panic(err)
		}
		fmt.Printf("end %s: version %s, Expired %d days, Disabled %d days\n", end.Format(time.DateOnly), rules.Version, rules.ExpiredDays, rules.DisabledDays)
	}
	// Output:
	// end 2026-01-31: version 2024-09, Expired 30 days, Disabled 90 days
	// end 2026-08-31: version 2025-12, Expired 0 days, Disabled 90 days
}

func ExampleEndOfTerm() {
	for _, start := range []time.Time{
		time.Date(2026, 5, 5, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC),
	} {
		fmt.Println(start.Format(time.DateOnly), "annual ends", lifecycle.EndOfTerm(start, policy.Annual).Format(time.DateOnly),
			"monthly ends", lifecycle.EndOfTerm(start, policy.Monthly).Format(time.DateOnly))
	}
	// Output:
	// 2026-05-05 annual ends 2027-05-04 monthly ends 2026-06-04
	// 2026-01-31 annual ends 2027-01-30 monthly ends 2026-02-27
}

func ExampleEndOfTrial() {
	end := lifecycle.EndOfTrial(time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC), 30)
	fmt.Println(end.Format(time.DateOnly))
	// Output:
	// 2026-05-30
}

// DataGoneBy is the instant from which the data is guaranteed deleted:
// the end of the deadline's day for day-based rules (R-DAT-2: "no later
// than 180 days after cancellation"), the deadline itself for hour-based
// ones (R-DAT-4: "permanently deleted in three days").
func ExampleStatus_DataGoneBy() {
	cancel := time.Date(2026, 5, 10, 9, 0, 0, 0, time.UTC)
	spec := lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Monthly,
		Start: time.Date(2026, 4, 20, 8, 0, 0, 0, time.UTC), End: time.Date(2026, 5, 19, 0, 0, 0, 0, time.UTC),
		Licenses: 10, RecurringBilling: true,
		History: []lifecycle.Event{{Kind: lifecycle.CancelNow, At: cancel}}}
	sub, _ := lifecycle.New(spec)
	rules, _ := lifecycle.RulesFor(policy.Builtin(), sub)
	st, _ := lifecycle.Evaluate(sub, &rules, cancel)
	fmt.Println("cancelled: deadline", st.PurgeDeadline().Format(time.DateOnly), "gone by", st.DataGoneBy().Format(time.RFC3339))

	deleted := cancel.AddDate(0, 0, 10)
	spec.History = append(spec.History, lifecycle.Event{Kind: lifecycle.Delete, At: deleted})
	sub, _ = lifecycle.New(spec)
	st, _ = lifecycle.Evaluate(sub, &rules, deleted)
	fmt.Println("deleted: deadline", st.PurgeDeadline().Format(time.RFC3339), "gone by", st.DataGoneBy().Format(time.RFC3339))
	// Output:
	// cancelled: deadline 2026-11-06 gone by 2026-11-07T00:00:00Z
	// deleted: deadline 2026-05-23T09:00:00Z gone by 2026-05-23T09:00:00Z
}

// The enterprise and Volume Licensing tables call Expired and Disabled
// "Grace" and "Inactive" (C-25).
func ExampleState_EnterpriseName() {
	for _, s := range []lifecycle.State{lifecycle.Active, lifecycle.Expired, lifecycle.Disabled, lifecycle.Deleted} {
		fmt.Println(s.AdminCenterName(), "=", s.EnterpriseName())
	}
	// Output:
	// Active = Active
	// Expired = Grace
	// Disabled = Inactive
	// Deleted = Deleted
}

// Microsoft Graph's capabilityStatus for the dates of AC-60.
func ExampleState_CapabilityStatus() {
	sub := exampleSub()
	rules, _ := lifecycle.RulesFor(policy.Builtin(), sub)
	for _, d := range []string{"2026-03-15", "2026-04-15", "2026-06-01", "2026-07-29"} {
		at, _ := time.Parse(time.DateOnly, d)
		st, _ := lifecycle.Evaluate(sub, &rules, at)
		fmt.Println(d, st.State().CapabilityStatus())
	}
	// Output:
	// 2026-03-15 Enabled
	// 2026-04-15 Warning
	// 2026-06-01 Suspended
	// 2026-07-29 Deleted
}
