package lifecycle_test

import (
	"fmt"
	"time"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// Recurring billing turned off on 2026-02-01 (AC-01…AC-07): from then on
// the subscription ends with its term, as Stripe's cancel_at_period_end
// says.
func ExampleStatus_CancelAtPeriodEnd() {
	lc, err := lifecycle.Judge(exampleSub(), policy.Builtin())
	if err != nil {
		panic(err)
	}
	for _, at := range []time.Time{
		time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 2, 15, 0, 0, 0, 0, time.UTC),
	} {
		st, err := lc.At(at)
		if err != nil {
			panic(err)
		}
		if st.CancelAtPeriodEnd() {
			fmt.Println(at.Format(time.DateOnly), "ends with its period:", st.Next(), "from", st.NextAt().Format(time.DateOnly))
		} else {
			fmt.Println(at.Format(time.DateOnly), "renews")
		}
	}
	// Output:
	// 2026-01-15 renews
	// 2026-02-15 ends with its period: expired from 2026-03-31
}
