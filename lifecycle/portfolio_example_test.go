package lifecycle_test

import (
	"fmt"
	"time"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// What changed since last night: a nightly job judges its book once and
// asks for the transitions between the previous run and this one. The
// annual subscription expired at 00:00Z, the monthly one was cancelled in
// the afternoon, a third was bought in the evening; the CSP subscription
// renewed, which is no transition.
func ExampleTransitions() {
	lastNight := time.Date(2026, 3, 30, 2, 0, 0, 0, time.UTC)
	now := time.Date(2026, 3, 31, 2, 0, 0, 0, time.UTC)
	spec := func(id string, ch policy.Channel, term policy.Term, start time.Time, history ...lifecycle.Event) lifecycle.Spec {
		end, err := lifecycle.EndOfTerm(start, term)
		if err != nil {
			panic(err)
		}
		return lifecycle.Spec{ID: id, Channel: ch, Term: term, Start: start, End: end, Licenses: 10, Assigned: 10,
			PaymentMethod: true, RecurringBilling: true, History: history}
	}
	specs := []lifecycle.Spec{
		spec("contoso", policy.DirectMOSA, policy.Annual, time.Date(2025, 4, 1, 10, 0, 0, 0, time.UTC),
			lifecycle.Event{Kind: lifecycle.RecurringBillingOff, At: time.Date(2026, 2, 1, 12, 0, 0, 0, time.UTC), Actor: lifecycle.BillingAdmin}),
		spec("fabrikam", policy.DirectMOSA, policy.Monthly, time.Date(2026, 3, 20, 8, 0, 0, 0, time.UTC),
			lifecycle.Event{Kind: lifecycle.CancelNow, At: time.Date(2026, 3, 30, 15, 0, 0, 0, time.UTC), Actor: lifecycle.GlobalAdmin}),
		spec("northwind", policy.CSPNewCommerce, policy.Monthly, time.Date(2026, 2, 28, 9, 0, 0, 0, time.UTC)),
		spec("tailspin", policy.DirectMCA, policy.Annual, time.Date(2026, 3, 30, 19, 30, 0, 0, time.UTC)),
	}
	subs := make([]lifecycle.Subscription, len(specs))
	for i, s := range specs {
		sub, err := lifecycle.New(s)
		if err != nil {
			panic(err)
		}
		subs[i] = sub
	}
	lcs, err := lifecycle.JudgeAll(subs, policy.Builtin())
	if err != nil {
		panic(err)
	}
	changes, err := lifecycle.Transitions(lcs, lastNight, now)
	if err != nil {
		panic(err)
	}
	for c := range changes {
		from := "(new)"
		if c.From.IsValid() {
			from = c.From.String()
		}
		fmt.Printf("%s %s: %s → %s (%s)\n", c.At.Format("2006-01-02 15:04"), specs[c.Index].ID, from, c.To, c.Cause)
	}
	// Output:
	// 2026-03-30 15:00 fabrikam: active → disabled (cancelled)
	// 2026-03-30 19:30 tailspin: (new) → active (purchased)
	// 2026-03-31 00:00 contoso: active → expired (term-ended)
}
