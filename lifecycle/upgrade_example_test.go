package lifecycle_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// A CSP partner moves 3 of 10 seats to a higher plan four days after the
// purchase. The new subscription inherits the parent's cancellation
// window, which still closes 168 hours after the parent's purchase
// (R-CAN-16); the parent keeps 7 seats.
func ExampleLifecycle_Upgrade() {
	bought := time.Date(2026, 1, 10, 10, 0, 0, 0, time.UTC)
	sub, _ := lifecycle.New(lifecycle.Spec{
		ID: "E3", Channel: policy.CSPNewCommerce, Term: policy.Annual,
		Start: bought, End: mustDate(lifecycle.EndOfTerm(bought, policy.Annual)),
		Licenses: 10, RecurringBilling: true,
	})
	parent, _ := lifecycle.Judge(sub, policy.Builtin())

	at := time.Date(2026, 1, 14, 12, 0, 0, 0, time.UTC)
	to := lifecycle.Spec{
		ID: "E5", Channel: policy.CSPNewCommerce, Term: policy.Annual,
		Start: at, End: mustDate(lifecycle.EndOfTerm(at, policy.Annual)),
		Licenses: 3, RecurringBilling: true,
	}
	parent, child, err := parent.Upgrade(lifecycle.Partner, to, policy.Builtin(), at)
	if err != nil {
		fmt.Println(err)
		return
	}
	p, _ := parent.At(at)
	c, _ := child.At(at)
	fmt.Println("parent:", p.State(), p.Licenses(), "licenses")
	fmt.Println("child's window closes:", c.CancelWindowEnd())

	err = child.Check(lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.Partner}, time.Date(2026, 1, 18, 0, 0, 0, 0, time.UTC))
	fmt.Println(errors.Is(err, lifecycle.ErrWindowClosed))
	// Output:
	// parent: active 7 licenses
	// child's window closes: 2026-01-17 10:00:00 +0000 UTC
	// true
}
