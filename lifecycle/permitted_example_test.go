package lifecycle_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// What the CSP partner may do on the seventh day after the purchase, and
// why not the rest; a nanosecond after the 168-hour window, "Cancel now"
// is no longer among them (R-CAN-14).
func ExampleLifecycle_Permitted() {
	start := time.Date(2026, 1, 31, 15, 0, 0, 0, time.UTC)
	end, err := lifecycle.EndOfTerm(start, policy.Monthly)
	if err != nil {
		panic(err)
	}
	sub, err := lifecycle.New(lifecycle.Spec{ID: "northwind-e3", Channel: policy.CSPNewCommerce, Term: policy.Monthly,
		Start: start, End: end, Licenses: 3, Assigned: 2, RecurringBilling: true})
	if err != nil {
		panic(err)
	}
	lc, err := lifecycle.Judge(sub, policy.Builtin())
	if err != nil {
		panic(err)
	}
	now := time.Date(2026, 2, 7, 15, 0, 0, 0, time.UTC)
	for kind, err := range lc.Permitted(lifecycle.Partner, now) {
		var refusal *lifecycle.RefusalError
		switch {
		case err == nil:
			fmt.Println("may:", kind)
		case errors.As(err, &refusal) && kind == lifecycle.CmdDelete:
			fmt.Printf("not %s: %s (%s)\n", kind, refusal.Reason(), refusal.Rule)
		}
	}
	for kind, err := range lc.Permitted(lifecycle.Partner, now.Add(time.Nanosecond)) {
		if kind == lifecycle.CmdCancelNow {
			fmt.Println("a nanosecond later:", errors.Is(err, lifecycle.ErrWindowClosed))
		}
	}
	// Output:
	// may: turn-off-recurring-billing
	// may: cancel-now
	// not delete: a subscription must be cancelled, and be disabled, before it can be deleted (R-LC-10, R-LC-9)
	// may: suspend
	// may: add-licenses
	// may: remove-licenses
	// may: assign-licenses
	// may: renew
	// a nanosecond later: true
}
