package lifecycle_test

import (
	"fmt"
	"time"

	"github.com/lapse-go/lapse/clock"
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
		End:              clock.Date{Year: 2026, Month: time.March, Day: 31},
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

// ExampleJudge is the quick start: judge an annual Business Standard
// subscription (AC-01…AC-07) against the built-in policy table once, then
// ask it about an instant.
func ExampleJudge() {
	sub, err := lifecycle.New(lifecycle.Spec{ // AC-01…AC-07
		ID:      "contoso-business-standard",
		Channel: policy.DirectMOSA, Term: policy.Annual,
		Start:    time.Date(2025, 4, 1, 10, 0, 0, 0, time.UTC),
		End:      clock.Date{Year: 2026, Month: time.March, Day: 31}, // a calendar date: the last day of the term
		Licenses: 10, Assigned: 8, PaymentMethod: true, RecurringBilling: true,
		History: []lifecycle.Event{
			{Kind: lifecycle.RecurringBillingOff, At: time.Date(2026, 2, 1, 12, 0, 0, 0, time.UTC), Actor: lifecycle.BillingAdmin},
		},
	})
	if err != nil {
		panic(err)
	}
	lc, err := lifecycle.Judge(sub, policy.Builtin()) // each rule by the version in force when it applies
	if err != nil {
		panic(err)
	}
	st, err := lc.At(time.Date(2026, 4, 15, 9, 0, 0, 0, time.UTC))
	if err != nil {
		panic(err)
	}
	fmt.Println(st.State(), "since", st.Since().Format(time.DateOnly), "because", st.Cause())
	fmt.Println("next:", st.Next(), "on", st.NextAt().Format(time.DateOnly))
	fmt.Println("services:", st.Capabilities().Services, "data:", st.Capabilities().Data)
	fmt.Println("reactivate:", st.Capabilities().Reactivate, "by", st.Capabilities().ReactivateRoles, "through", st.ReactivateUntil())
	fmt.Println("change recurring billing:", st.Capabilities().ChangeRecurringBilling)
	fmt.Printf("data may be deleted from %s; kept at most through %s; gone from %s\n",
		st.PurgeNotBefore(), st.PurgeDeadline(), st.DataGoneBy().Format(time.RFC3339))
	// Output:
	// expired since 2026-03-31 because term-ended
	// next: disabled on 2026-04-30
	// services: true data: everyone
	// reactivate: true by global-admin, billing-admin through 2026-07-28
	// change recurring billing: false
	// data may be deleted from 2026-07-29; kept at most through 2026-09-27; gone from 2026-09-28T00:00:00Z
}

func ExampleNew() {
	_, err := lifecycle.New(lifecycle.Spec{
		Channel:  policy.DirectMOSA,
		Term:     policy.Annual,
		Start:    time.Date(2026, 4, 1, 10, 0, 0, 0, time.UTC),
		End:      clock.Date{Year: 2026, Month: time.March, Day: 31},
		Licenses: 10,
	})
	fmt.Println(err)
	// Output:
	// lifecycle: Spec.End = 2026-03-31: end date before the start date 2026-04-01 (Start's UTC date)
}

// A judged lifecycle answers any instant as known at that instant: a
// reactivation on 2026-05-04 does not change what was true on
// 2026-04-15, nor the Disabled date announced then.
func ExampleLifecycle_At() {
	spec := exampleSub().Spec()
	spec.History = append(spec.History, lifecycle.Event{Kind: lifecycle.Reactivate, At: time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC), Actor: lifecycle.GlobalAdmin})
	sub, err := lifecycle.New(spec)
	if err != nil {
		panic(err)
	}
	lc, err := lifecycle.Judge(sub, policy.Builtin())
	if err != nil {
		panic(err)
	}
	for _, at := range []time.Time{
		time.Date(2026, 3, 30, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 4, 15, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 5, 4, 8, 59, 0, 0, time.UTC),
		time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC),
		time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC),
	} {
		st, err := lc.At(at)
		if err != nil {
			panic(err)
		}
		next := "nothing scheduled"
		if st.Next().IsValid() {
			next = fmt.Sprint(st.Next(), " on ", st.NextAt().Format(time.DateOnly))
		}
		fmt.Printf("%s: %s (%s), next %s\n", at.Format("2006-01-02 15:04"), st.State(), st.Cause(), next)
	}
	// Output:
	// 2026-03-30 00:00: active (purchased), next expired on 2026-03-31
	// 2026-04-15 00:00: expired (term-ended), next disabled on 2026-04-30
	// 2026-05-04 08:59: disabled (grace-ended), next deleted on 2026-07-29
	// 2026-05-04 09:00: active (reactivated), next nothing scheduled
	// 2027-01-01 00:00: active (reactivated), next nothing scheduled
}

// Evaluate gives the answer of Judge followed by Lifecycle.At, for a
// caller who asks once.
func ExampleEvaluate() {
	sub := exampleSub()
	st, err := lifecycle.Evaluate(sub, policy.Builtin(), time.Date(2026, 4, 15, 9, 0, 0, 0, time.UTC))
	if err != nil {
		panic(err)
	}
	fmt.Println(st.State(), "since", st.Since().Format(time.DateOnly), "because", st.Cause())
	fmt.Println("next:", st.Next(), "on", st.NextAt().Format(time.DateOnly))
	fmt.Println("services:", st.Capabilities().Services, "data:", st.Capabilities().Data)
	fmt.Println("reactivate:", st.Capabilities().Reactivate, "by", st.Capabilities().ReactivateRoles, "through", st.ReactivateUntil())
	fmt.Println("change recurring billing:", st.Capabilities().ChangeRecurringBilling)
	fmt.Printf("data may be deleted from %s; kept at most through %s; gone from %s\n",
		st.PurgeNotBefore(), st.PurgeDeadline(), st.DataGoneBy().Format(time.RFC3339))
	// Output:
	// expired since 2026-03-31 because term-ended
	// next: disabled on 2026-04-30
	// services: true data: everyone
	// reactivate: true by global-admin, billing-admin through 2026-07-28
	// change recurring billing: false
	// data may be deleted from 2026-07-29; kept at most through 2026-09-27; gone from 2026-09-28T00:00:00Z
}

// The location of the instant does not matter: 2026-03-30 20:00 in
// Honolulu is 2026-03-31 06:00 UTC, the first Expired day.
func ExampleEvaluate_location() {
	honolulu := time.FixedZone("HST", -10*3600)
	st, err := lifecycle.Evaluate(exampleSub(), policy.Builtin(), time.Date(2026, 3, 30, 20, 0, 0, 0, honolulu))
	if err != nil {
		panic(err)
	}
	fmt.Println(st.At(), st.State())
	// Output:
	// 2026-03-31 06:00:00 +0000 UTC expired
}

func ExampleTimeline() {
	phases, err := lifecycle.Timeline(exampleSub(), policy.Builtin())
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

// Each phase names the version of the policy that judged it. A term's end
// of life is judged by the version in force on its end date (R-LC-14): an
// MCA subscription ending before 2026-02-09 still has an Expired state,
// one ending after it does not.
func ExampleLifecycle_Phases() {
	for _, end := range []clock.Date{
		{Year: 2026, Month: time.January, Day: 31},
		{Year: 2026, Month: time.August, Day: 31},
	} {
		sub, err := lifecycle.New(lifecycle.Spec{Channel: policy.DirectMCA, Term: policy.Annual,
			Start: end.UTC().AddDate(-1, 0, 1), End: end, Licenses: 5})
		if err != nil {
			panic(err)
		}
		lc, err := lifecycle.Judge(sub, policy.Builtin())
		if err != nil {
			panic(err)
		}
		fmt.Println("end", end)
		for _, p := range lc.Phases() {
			fmt.Printf("  %-8s from %s  version %s\n", p.State, p.Start.Format(time.DateOnly), p.Version.Label())
		}
	}
	// Output:
	// end 2026-01-31
	//   active   from 2025-02-01  version 2024-09
	//   expired  from 2026-01-31  version 2024-09
	//   disabled from 2026-03-02  version 2024-09
	//   deleted  from 2026-05-31  version 2024-09
	// end 2026-08-31
	//   active   from 2025-09-01  version 2025-12
	//   disabled from 2026-08-31  version 2025-12
	//   deleted  from 2026-11-29  version 2025-12
}

// A status names the versions that judged it: the lifecycle by the version
// in force on the current term's end date, the cancellation window by the
// version in force when it opened, and what may be done by the version in
// force at the instant.
func ExampleStatus_Versions() {
	sub, err := lifecycle.New(lifecycle.Spec{Channel: policy.DirectMCA, Term: policy.Monthly,
		Start: time.Date(2025, 12, 15, 9, 0, 0, 0, time.UTC), End: clock.Date{Year: 2026, Month: time.January, Day: 14},
		Licenses: 5, Assigned: 5, PaymentMethod: true, RecurringBilling: true})
	if err != nil {
		panic(err)
	}
	lc, err := lifecycle.Judge(sub, policy.Builtin())
	if err != nil {
		panic(err)
	}
	for _, d := range []string{"2026-01-16", "2026-02-10"} {
		at, _ := time.Parse(time.DateOnly, d)
		st, err := lc.At(at)
		if err != nil {
			panic(err)
		}
		v := st.Versions()
		fmt.Printf("%s: term ends %s; lifecycle %s, window %s (closes at %s), commands %s\n", d, st.TermEnd(),
			v.Lifecycle.Label(), v.Window.Label(), st.CancelWindowClosesAt().Format(time.RFC3339), v.Commands.Label())
	}
	// Output:
	// 2026-01-16: term ends 2026-02-14; lifecycle 2025-12, window 2024-09 (closes at 2026-01-23T00:00:00Z), commands 2024-09
	// 2026-02-10: term ends 2026-02-14; lifecycle 2025-12, window 2024-09 (closes at 2026-01-23T00:00:00Z), commands 2025-12
}

// Explain gives the reasons behind every answer, with the rule ids and
// sources.
func ExampleStatus_Explain() {
	st, err := lifecycle.Evaluate(exampleSub(), policy.Builtin(), time.Date(2026, 4, 15, 9, 0, 0, 0, time.UTC))
	if err != nil {
		panic(err)
	}
	for _, r := range st.Explain() {
		fmt.Printf("%s: %s [%s]\n", r.Topic, r.Text, r.Rules)
	}
	// Output:
	// state: The subscription has been expired since March 31, 2026: its term ended on its end date, March 31, 2026, and the Expired status starts on the end date, not on the date recurring billing was turned off. [R-LC-2, R-LC-3, DC-3a]
	// next: Unless something changes, it becomes disabled on April 30, 2026, when the Expired period ends. [R-LC-1]
	// access: Users keep normal access to their apps, files and email, and the data is accessible to everyone. [§2]
	// access: Buying a new subscription with the same service plans before this one is deleted gives access to its data again; after it is deleted, it doesn't. [C-22, R-DAT-7, R-TRI-8]
	// reactivation: It can be reactivated by a Global Administrator or a Billing Administrator through July 28, 2026. [R-REA-1, R-REA-2, R-REA-4]
	// purge: Customer data may be deleted from July 29, 2026; it is kept at most through September 27, 2026 and is guaranteed gone from September 28, 2026. [R-DAT-2…R-DAT-5, DC-7, C-3]
	// rules: Judged by the direct-mosa rules, version 2025-02: §1.1 rows 1 and 14, DC-3a, DC-4, DC-7, R-LC-1…R-LC-10, R-CAN-1, R-CAN-2, R-CAN-9, R-REF-1, R-REF-4, R-REA-1…R-REA-4, R-REN-1…R-REN-3, R-LIC-1, R-LIC-3, R-DAT-2…R-DAT-4, R-PAY-1…R-PAY-3, R-TRI-1…R-TRI-5, C-3, C-4, C-6, C-12, C-14. [R-LC-14]
}

// EndOfTerm reads the start instant in UTC (DC-1): half past midnight in
// Berlin on 2026-05-05 is still 2026-05-04 in UTC, the term's first day.
func ExampleEndOfTerm() {
	berlin := time.FixedZone("CEST", 2*3600)
	for _, start := range []time.Time{
		time.Date(2026, 5, 5, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 5, 5, 0, 30, 0, 0, berlin),
	} {
		annual, err := lifecycle.EndOfTerm(start, policy.Annual)
		if err != nil {
			panic(err)
		}
		monthly, err := lifecycle.EndOfTerm(start, policy.Monthly)
		if err != nil {
			panic(err)
		}
		fmt.Println(start.Format(time.RFC3339), "annual ends", annual, "monthly ends", monthly)
	}
	_, err := lifecycle.EndOfTerm(time.Time{}, policy.Annual)
	fmt.Println(err)
	// Output:
	// 2026-05-05T00:00:00Z annual ends 2027-05-04 monthly ends 2026-06-04
	// 2026-01-31T00:00:00Z annual ends 2027-01-30 monthly ends 2026-02-27
	// 2026-05-05T00:30:00+02:00 annual ends 2027-05-03 monthly ends 2026-06-03
	// lifecycle: start = 0001-01-01T00:00:00Z: required
}

func ExampleEndOfTrial() {
	start := time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)
	end, err := lifecycle.EndOfTrial(start, 30)
	if err != nil {
		panic(err)
	}
	fmt.Println(end)
	_, err = lifecycle.EndOfTrial(start, 0)
	fmt.Println(err)
	// Output:
	// 2026-05-30
	// lifecycle: days = 0: a trial lasts at least one day
}

// PurgeDeadline is the last day on which the data may still exist, and
// DataGoneBy the first instant from which it is guaranteed deleted: the
// day after the deadline at 00:00Z for day-based rules (R-DAT-2: "no
// later than 180 days after cancellation"), the exact end of the hours
// for hour-based ones (R-DAT-4: "permanently deleted in three days").
func ExampleStatus_DataGoneBy() {
	cancel := time.Date(2026, 5, 10, 9, 0, 0, 0, time.UTC)
	spec := lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Monthly,
		Start: time.Date(2026, 4, 20, 8, 0, 0, 0, time.UTC), End: clock.Date{Year: 2026, Month: time.May, Day: 19},
		Licenses: 10, RecurringBilling: true,
		History: []lifecycle.Event{{Kind: lifecycle.CancelNow, At: cancel}}}
	sub, _ := lifecycle.New(spec)
	st, _ := lifecycle.Evaluate(sub, policy.Builtin(), cancel)
	fmt.Println("cancelled: kept at most through", st.PurgeDeadline(), "gone from", st.DataGoneBy().Format(time.RFC3339))

	deleted := cancel.AddDate(0, 0, 10)
	spec.History = append(spec.History, lifecycle.Event{Kind: lifecycle.Delete, At: deleted})
	sub, _ = lifecycle.New(spec)
	st, _ = lifecycle.Evaluate(sub, policy.Builtin(), deleted)
	fmt.Println("deleted: kept at most through", st.PurgeDeadline(), "gone from", st.DataGoneBy().Format(time.RFC3339))
	// Output:
	// cancelled: kept at most through 2026-11-06 gone from 2026-11-07T00:00:00Z
	// deleted: kept at most through 2026-05-23 gone from 2026-05-23T09:00:00Z
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
	lc, _ := lifecycle.Judge(exampleSub(), policy.Builtin())
	for _, d := range []string{"2026-03-15", "2026-04-15", "2026-06-01", "2026-07-29"} {
		at, _ := time.Parse(time.DateOnly, d)
		st, _ := lc.At(at)
		fmt.Println(d, st.State().CapabilityStatus())
	}
	// Output:
	// 2026-03-15 Enabled
	// 2026-04-15 Warning
	// 2026-06-01 Suspended
	// 2026-07-29 Deleted
}
