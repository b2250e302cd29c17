package lifecycle_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// An MCA subscription can be cancelled within seven days after its start
// (R-CAN-3); after that the refusal says what can be done instead. Apply
// returns a new judged lifecycle; lc itself does not change.
func ExampleLifecycle_Apply() {
	sub, _ := lifecycle.New(lifecycle.Spec{
		Channel: policy.DirectMCA, Term: policy.Annual,
		Start:    time.Date(2026, 1, 10, 15, 30, 0, 0, time.UTC),
		End:      clock.Date{Year: 2027, Month: time.January, Day: 9},
		Licenses: 10, RecurringBilling: true, PaymentMethod: true,
	})
	lc, _ := lifecycle.Judge(sub, policy.Builtin())
	cancel := lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.BillingAccountOwner}

	_, err := lc.Apply(cancel, time.Date(2026, 1, 18, 9, 0, 0, 0, time.UTC))
	var refusal *lifecycle.RefusalError
	if errors.As(err, &refusal) {
		fmt.Println(errors.Is(err, lifecycle.ErrWindowClosed), refusal.Rule)
		fmt.Println(refusal.Reason())
		fmt.Println(refusal.Instead())
	}

	next, err := lc.Apply(cancel, time.Date(2026, 1, 15, 9, 0, 0, 0, time.UTC))
	if err != nil {
		panic(err)
	}
	st, _ := next.At(time.Date(2026, 1, 15, 9, 0, 0, 0, time.UTC))
	fmt.Println(st.State(), "since", st.Since().Format(time.DateOnly))
	fmt.Println(next.Subscription().Len(), "event;", lc.Subscription().Len(), "before")
	// Output:
	// true R-CAN-3, R-REF-2, DC-6
	// cancel within the window after the start or renewal; its last day was 2026-01-17
	// turn off recurring billing and let it expire on 2027-01-09; charges continue until then
	// disabled since 2026-01-15
	// 1 event; 0 before
}

// Check asks whether Apply would accept a command without building the new
// lifecycle. The custom domain precondition comes in with the command:
// package lifecycle/tenant derives it from a tenant snapshot.
func ExampleLifecycle_Check() {
	sub, _ := lifecycle.New(lifecycle.Spec{
		Channel: policy.DirectMOSA, Term: policy.Monthly,
		Start:    time.Date(2026, 4, 1, 8, 0, 0, 0, time.UTC),
		End:      clock.Date{Year: 2026, Month: time.April, Day: 30},
		Licenses: 10, RecurringBilling: true, PaymentMethod: true,
	})
	lc, _ := lifecycle.Judge(sub, policy.Builtin())
	cmd := lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.GlobalAdmin, CustomDomains: []string{"contoso.com"}}
	err := lc.Check(cmd, time.Date(2026, 4, 10, 12, 0, 0, 0, time.UTC))
	fmt.Println(errors.Is(err, lifecycle.ErrPrecondition))
	fmt.Println(err)
	// Output:
	// true
	// lifecycle: cancel-now by global-admin refused at 2026-04-10T12:00:00Z while active (R-CAN-10, R-DOM-1; [S002], [S003], [D-CAN-2024-09]): a custom domain is still added to the subscription: contoso.com; instead: remove the custom domain contoso.com first
}

// R-REF-3: $20 a month, bought on February 1, 2022 at 11 AM and cancelled
// two days later: $1.43 is deducted for the two days and $18.57 refunded.
// The 72-hour window of the 2022 version judges it: the window is judged
// by the version in force when it opened.
func ExampleLifecycle_Quote() {
	sub, _ := lifecycle.New(lifecycle.Spec{
		Channel: policy.DirectMCA, Term: policy.Annual,
		Start:    time.Date(2022, 2, 1, 11, 0, 0, 0, time.UTC),
		End:      clock.Date{Year: 2023, Month: time.January, Day: 31},
		Licenses: 1, RecurringBilling: true, PaymentMethod: true,
	})
	lc, _ := lifecycle.Judge(sub, policy.Builtin())
	cancel := lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.BillingProfileOwner}
	price := lifecycle.Price{PerLicense: lifecycle.USD(2000), Billing: policy.Monthly}

	q, _ := lc.Quote(cancel, price, time.Date(2022, 2, 3, 11, 0, 0, 0, time.UTC))
	fmt.Println(q.Kind, q.Paid, "-", q.Used, "=", q.Amount, q.Rule)
	q, _ = lc.Quote(cancel, price, time.Date(2022, 2, 4, 11, 0, 1, 0, time.UTC))
	fmt.Println(q.Kind, q.Amount)
	// Output:
	// prorated-refund $20.00 - $1.43 = $18.57 R-REF-3, R-CAN-5
	// no-refund $0.00
}

// A payment method is judged across every subscription that uses it
// (R-PAY-1…R-PAY-3).
func ExampleCanRemovePaymentMethod() {
	sub, _ := lifecycle.New(lifecycle.Spec{
		ID: "contoso-premium", Channel: policy.DirectMOSA, Term: policy.Annual,
		Start:    time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC),
		End:      clock.Date{Year: 2026, Month: time.May, Day: 31},
		Licenses: 10, RecurringBilling: true, PaymentMethod: true,
	})
	lc, _ := lifecycle.Judge(sub, policy.Builtin())
	err := lifecycle.CanRemovePaymentMethod(lifecycle.BillingAdmin,
		[]lifecycle.Lifecycle{lc}, time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC))
	var refusal *lifecycle.RefusalError
	if errors.As(err, &refusal) {
		fmt.Println(refusal.Rule, "-", refusal.Instead())
	}
	// Output:
	// R-PAY-2, R-PAY-3 - move subscription "contoso-premium" to another payment method first
}

// Every channel's lifecycle can be drawn; the Mermaid text renders on
// GitHub.
func ExampleDiagram() {
	d, _ := lifecycle.Diagram(policy.CSPLegacy, lifecycle.Mermaid)
	fmt.Print(d)
	// Output:
	// stateDiagram-v2
	//     state "Active (free trial)" as trial
	//     state "Expired (free trial)" as trial_expired
	//     state "Active" as active
	//     state "Suspended" as suspended
	//     state "Deleted" as deleted
	//     [*] --> active: purchase
	//     [*] --> trial: start a free trial
	//     active --> active: turn-off-recurring-billing
	//     active --> active: turn-on-recurring-billing
	//     trial --> trial: turn-off-recurring-billing
	//     trial --> trial: turn-on-recurring-billing
	//     active --> suspended: suspend
	//     suspended --> active: unsuspend (before the term ends)
	//     trial --> trial: convert-trial (paid from the trial end)
	//     trial_expired --> active: convert-trial
	//     active --> active: add-licenses
	//     active --> active: remove-licenses
	//     active --> active: assign-licenses
	//     trial --> trial: assign-licenses
	//     active --> active: renew
	//     trial --> trial_expired: trial ends#58; not bought (R-TRI-3)
	//     trial_expired --> deleted: trial's Expired days end (R-TRI-5#59; C-12)
	//     suspended --> deleted: 90 days suspended, or the term ends
	//     deleted --> [*]
}

// Open License sold nothing from January 1, 2022 (C-23, AC-32).
func ExamplePurchase() {
	start := time.Date(2022, 1, 1, 9, 0, 0, 0, time.UTC)
	end, err := lifecycle.EndOfTerm(start, policy.Annual)
	if err != nil {
		panic(err)
	}
	spec := lifecycle.Spec{Channel: policy.OpenLicense, Term: policy.Annual, Start: start, End: end, Licenses: 5}
	_, err = lifecycle.Purchase(spec, policy.Builtin())
	fmt.Println(errors.Is(err, lifecycle.ErrSalesEnded))
	fmt.Println(err)
	// Output:
	// true
	// lifecycle: purchase refused at 2022-01-01T09:00:00Z while active (C-23; [P-OPEN], [D-WIF-2025-02]): the open-license program sells and renews nothing from 2022-01-01; instead: buy through another program, such as Open Value
}
