package lifecycle_test

import (
	"fmt"
	"time"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// A direct subscription cancelled on 2026-05-10 (AC-08): what is coming,
// from the cancellation on — when reactivation stops being possible, when
// it is Deleted, when its data may be deleted and when it is gone.
func ExampleLifecycle_Deadlines() {
	start := time.Date(2026, 4, 20, 8, 0, 0, 0, time.UTC)
	end, err := lifecycle.EndOfTerm(start, policy.Monthly)
	if err != nil {
		panic(err)
	}
	cancelled := time.Date(2026, 5, 10, 9, 0, 0, 0, time.UTC)
	sub, err := lifecycle.New(lifecycle.Spec{
		ID: "fabrikam-business-premium", Channel: policy.DirectMOSA, Term: policy.Monthly,
		Start: start, End: end, Licenses: 10, Assigned: 10, PaymentMethod: true, RecurringBilling: true,
		History: []lifecycle.Event{{Kind: lifecycle.CancelNow, At: cancelled, Actor: lifecycle.BillingAdmin}},
	})
	if err != nil {
		panic(err)
	}
	lc, err := lifecycle.Judge(sub, policy.Builtin())
	if err != nil {
		panic(err)
	}
	deadlines, err := lc.Deadlines(cancelled, cancelled.AddDate(1, 0, 0))
	if err != nil {
		panic(err)
	}
	for d := range deadlines {
		fmt.Println(d.At.Format(time.DateOnly), d.Kind, d.State, "("+d.Rules+")")
	}
	// Output:
	// 2026-08-08 phase-begins deleted (R-LC-1, R-LC-7)
	// 2026-08-08 reactivation-ends deleted (R-REA-1, R-REA-2, R-REA-4, R-REA-3)
	// 2026-08-08 purge-may-start deleted (R-DAT-2, DC-7)
	// 2026-11-07 data-gone deleted (R-DAT-2, DC-7)
}
