package lifecycle_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// refundView is what the refund table compares.
type refundView struct {
	Kind             lifecycle.RefundKind
	Licenses         int
	Paid, Used, Back string
	Fee              string
	Days             [2]int
	Rule             string
	Refused          bool
}

func viewRefund(q lifecycle.Refund) refundView {
	return refundView{Kind: q.Kind, Licenses: q.Licenses, Paid: q.Paid.String(), Used: q.Used.String(), Back: q.Amount.String(),
		Fee: q.Fee.String(), Days: [2]int{q.DaysUsed, q.DaysInPeriod}, Rule: q.Rule, Refused: q.Refusal != nil}
}

func TestQuoteAcceptance(t *testing.T) {
	const (
		bao = lifecycle.BillingAccountOwner
		p   = lifecycle.Partner
	)
	mca2022 := lifecycle.Spec{ID: "mca", Channel: policy.DirectMCA, Term: policy.Annual, Start: utc(2022, 2, 1, 11, 0),
		End: day(2023, 1, 31), Licenses: 1, Assigned: 1, RecurringBilling: true, PaymentMethod: true}
	csp := lifecycle.Spec{Channel: policy.CSPNewCommerce, Term: policy.Annual, Start: utc(2026, 1, 15, 10, 0),
		End: day(2027, 1, 14), Licenses: 20, Assigned: 10, RecurringBilling: true}
	era := lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Annual, Start: utc(2014, 3, 1, 9, 0),
		End: day(2015, 2, 28), Licenses: 20, Assigned: 15, RecurringBilling: true, PaymentMethod: true}
	key := lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Annual, Start: utc(2015, 3, 1, 9, 0),
		End: day(2016, 2, 29), Licenses: 5, Assigned: 5, ProductKey: true}
	mosa := lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Monthly, Start: utc(2026, 5, 1, 9, 0),
		End: day(2026, 5, 31), Licenses: 10, Assigned: 5, RecurringBilling: true, PaymentMethod: true}
	monthly := func(cents int64) lifecycle.Price {
		return lifecycle.Price{PerLicense: lifecycle.USD(cents), Billing: policy.Monthly}
	}
	cancel := func(actor lifecycle.Role) lifecycle.Command {
		return lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: actor}
	}
	remove := func(n int, actor lifecycle.Role) lifecycle.Command {
		return lifecycle.Command{Kind: lifecycle.CmdRemoveLicenses, Actor: actor, Licenses: n}
	}
	rows := []struct {
		name   string
		reason string
		spec   lifecycle.Spec
		setup  []cmdStep
		cmd    lifecycle.Command
		price  lifecycle.Price
		at     time.Time
		want   refundView
	}{
		{name: "AC-24/refund", reason: "R-REF-3: $20/month, two of 28 days held: deduct $1.43, refund $18.57",
			spec: mca2022, cmd: cancel(bao), price: monthly(2000), at: utc(2022, 2, 3, 11, 0),
			want: refundView{Kind: lifecycle.ProratedRefund, Licenses: 1, Paid: "$20.00", Used: "$1.43", Back: "$18.57", Fee: "$0.00",
				Days: [2]int{2, 28}, Rule: "R-REF-3, R-CAN-5"}},
		{name: "AC-24/at-72h", reason: "DC-5 default: the boundary instant is inside; three of 28 days held",
			spec: mca2022, cmd: cancel(bao), price: monthly(2000), at: utc(2022, 2, 4, 11, 0),
			want: refundView{Kind: lifecycle.ProratedRefund, Licenses: 1, Paid: "$20.00", Used: "$2.14", Back: "$17.86", Fee: "$0.00",
				Days: [2]int{3, 28}, Rule: "R-REF-3, R-CAN-5"}},
		{name: "AC-24/72h+1ns", spec: mca2022, cmd: cancel(bao), price: monthly(2000), at: utc(2022, 2, 4, 11, 0).Add(time.Nanosecond),
			want: refundView{Kind: lifecycle.NoRefund, Licenses: 1, Paid: "$0.00", Used: "$0.00", Back: "$0.00", Fee: "$0.00",
				Rule: "R-CAN-5, R-REF-3, DC-5", Refused: true}},
		{name: "AC-24/no-refund", reason: "refunds aren't available after 72 hours",
			spec: mca2022, cmd: cancel(bao), price: monthly(2000), at: utc(2022, 2, 4, 11, 0).Add(time.Second),
			want: refundView{Kind: lifecycle.NoRefund, Licenses: 1, Paid: "$0.00", Used: "$0.00", Back: "$0.00", Fee: "$0.00",
				Rule: "R-CAN-5, R-REF-3, DC-5", Refused: true}},
		{name: "AC-16", reason: "product key: cancelled via support, no refund, an ETF may apply (R-REF-4, R-REF-5)",
			spec: key, cmd: cancel(lifecycle.Support), price: monthly(1000), at: date(2015, 9, 1),
			want: refundView{Kind: lifecycle.NoRefund, Licenses: 5, Paid: "$0.00", Used: "$0.00", Back: "$0.00", Fee: "$50.00",
				Days: [2]int{0, 30}, Rule: "R-CAN-7, R-REF-4, R-REF-5"}},
		{name: "AC-35", reason: "CSP within 168 hours: daily proration (R-REF-6)",
			spec: csp, cmd: cancel(p), price: monthly(1000), at: utc(2026, 1, 20, 9, 0),
			want: refundView{Kind: lifecycle.ProratedRefund, Licenses: 20, Paid: "$200.00", Used: "$32.26", Back: "$167.74", Fee: "$0.00",
				Days: [2]int{5, 31}, Rule: "R-REF-6"}},
		{name: "AC-36/no-refund", reason: "after 168 hours the partner is billed for the full term",
			spec: csp, cmd: cancel(p), price: monthly(1000), at: utc(2026, 1, 22, 10, 0).Add(time.Second),
			want: refundView{Kind: lifecycle.NoRefund, Licenses: 20, Paid: "$0.00", Used: "$0.00", Back: "$0.00", Fee: "$0.00",
				Rule: "R-CAN-14, R-CAN-15, DC-5", Refused: true}},
		{name: "AC-40", reason: "R-REF-6: the 10 seats added on 2026-04-01 were charged from then; 7 of their days were used",
			spec: csp, setup: []cmdStep{{lifecycle.Command{Kind: lifecycle.CmdAddLicenses, Actor: p, Licenses: 10}, utc(2026, 4, 1, 8, 0)}},
			cmd: remove(10, p), price: monthly(1000), at: utc(2026, 4, 8, 8, 0),
			want: refundView{Kind: lifecycle.ProratedRefund, Licenses: 10, Paid: "$45.16", Used: "$22.58", Back: "$22.58", Fee: "$0.00",
				Days: [2]int{24, 31}, Rule: "R-LIC-2, R-LIC-3, R-LIC-7, R-REF-6"}},
		{name: "AC-56", reason: "2014: removing 5 licenses from an annual commitment billed monthly: ETF 5 × $12.50",
			spec: era, cmd: remove(5, lifecycle.GlobalAdmin), price: monthly(1250), at: date(2014, 6, 10),
			want: refundView{Kind: lifecycle.NoRefund, Licenses: 5, Paid: "$0.00", Used: "$0.00", Back: "$0.00", Fee: "$62.50",
				Days: [2]int{9, 30}, Rule: "R-REF-5, C-18"}},
		{name: "AC-56/current", reason: "current MOSA rules: no ETF, a prorated credit (R-LIC-3)",
			spec: mosa, cmd: remove(5, lifecycle.GlobalAdmin), price: monthly(1250), at: date(2026, 5, 11),
			want: refundView{Kind: lifecycle.ProratedRefund, Licenses: 5, Paid: "$62.50", Used: "$20.16", Back: "$42.34", Fee: "$0.00",
				Days: [2]int{10, 31}, Rule: "R-LIC-2, R-LIC-3, R-LIC-7, R-REF-1"}},
		{name: "R-REF-1", reason: "MOSA cancel: prorated credit",
			spec: mosa, cmd: cancel(lifecycle.GlobalAdmin), price: monthly(2200), at: date(2026, 5, 11),
			want: refundView{Kind: lifecycle.ProratedRefund, Licenses: 10, Paid: "$220.00", Used: "$70.97", Back: "$149.03", Fee: "$0.00",
				Days: [2]int{10, 31}, Rule: "R-REF-1"}},
		{name: "R-REF-2/annual-upfront", reason: "MCA billed yearly: the year is prorated",
			spec: lifecycle.Spec{Channel: policy.DirectMCA, Term: policy.Annual, Start: utc(2026, 1, 10, 15, 30), End: day(2027, 1, 9),
				Licenses: 10, RecurringBilling: true, PaymentMethod: true},
			cmd: cancel(bao), price: lifecycle.Price{PerLicense: lifecycle.USD(26400), Billing: policy.Annual}, at: date(2026, 1, 15),
			want: refundView{Kind: lifecycle.ProratedRefund, Licenses: 10, Paid: "$2640.00", Used: "$36.16", Back: "$2603.84", Fee: "$0.00",
				Days: [2]int{5, 365}, Rule: "R-REF-2, R-CAN-3"}},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			lc := judgeSteps(t, row.spec, builtin, row.setup)
			q, err := lc.Quote(row.cmd, row.price, row.at)
			if err != nil {
				t.Fatalf("Quote: %v", err)
			}
			if diff := cmp.Diff(row.want, viewRefund(q)); diff != "" {
				t.Errorf("Quote mismatch (-want +got):\n%s\nreason: %s", diff, row.reason)
			}
			// at.In(loc) must not change the answer.
			for _, at := range inLocations(t, row.at) {
				q2, err := lc.Quote(row.cmd, row.price, at)
				if err != nil {
					t.Fatalf("Quote at %v: %v", at, err)
				}
				if diff := cmp.Diff(viewRefund(q), viewRefund(q2)); diff != "" {
					t.Errorf("Quote at %v differs from UTC (-utc +loc):\n%s", at, diff)
				}
			}
			// A quote is refused exactly when Check refuses the command for
			// another reason than a closed window; a window refusal is the
			// Refusal of a NoRefund quote.
			cerr := lc.Check(row.cmd, row.at)
			if (cerr == nil) != (q.Refusal == nil) || (cerr != nil && cerr.Error() != q.Refusal.Error()) {
				t.Errorf("Check = %v, Quote.Refusal = %v", cerr, q.Refusal)
			}
			if sum, err := q.Used.Plus(q.Amount); (err != nil || sum != q.Paid) && q.Kind == lifecycle.ProratedRefund {
				t.Errorf("Used %v + Amount %v != Paid %v", q.Used, q.Amount, q.Paid)
			}
			if q.Refusal != nil && !errors.Is(q.Refusal, lifecycle.ErrWindowClosed) {
				t.Errorf("Refusal %v is not ErrWindowClosed", q.Refusal)
			}
		})
	}
}

func TestQuoteRefusalsAndInvalid(t *testing.T) {
	lc := judge(t, mustNew(t, lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Monthly, Start: date(2026, 5, 1), End: day(2026, 5, 31),
		Licenses: 10, RecurringBilling: true}), builtin)
	price := lifecycle.Price{PerLicense: lifecycle.USD(100), Billing: policy.Monthly}
	if _, err := lc.Quote(lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.UserAdmin}, price, date(2026, 5, 2)); !errors.Is(err, lifecycle.ErrRole) {
		t.Errorf("Quote by a user admin: %v, want ErrRole", err)
	}
	if _, err := lc.Quote(lifecycle.Command{Kind: lifecycle.CmdRenew, Actor: lifecycle.GlobalAdmin}, price, date(2026, 5, 2)); !errors.Is(err, lifecycle.ErrInvalid) {
		t.Errorf("Quote of a renewal: %v, want ErrInvalid", err)
	}
	bad := price
	bad.Billing = 0
	if _, err := lc.Quote(lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.GlobalAdmin}, bad, date(2026, 5, 2)); !errors.Is(err, lifecycle.ErrInvalid) {
		t.Errorf("Quote with no billing: %v, want ErrInvalid", err)
	}
	neg := price
	neg.PerLicense = lifecycle.USD(-1)
	if _, err := lc.Quote(lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.GlobalAdmin}, neg, date(2026, 5, 2)); !errors.Is(err, lifecycle.ErrInvalid) {
		t.Errorf("Quote at a negative price: %v, want ErrInvalid", err)
	}
	// A price in no valid currency is refused up front, naming the
	// currency, on every path (the window-closed one included), rather
	// than quoted in it or refused as "too large".
	for _, cur := range []string{"usd", "XYZ", "XXX", ""} {
		odd := price
		odd.PerLicense = lifecycle.Money{Minor: 100, Currency: cur}
		for _, at := range []time.Time{date(2026, 5, 2), date(2026, 5, 20)} {
			_, err := lc.Quote(lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.GlobalAdmin}, odd, at)
			var fe *lifecycle.FieldError
			if !errors.As(err, &fe) || fe.Field != "Money.Currency" {
				t.Errorf("Quote at %v in currency %q: %v, want a *FieldError on Money.Currency", at, cur, err)
			}
		}
	}
	if _, err := (lifecycle.Lifecycle{}).Quote(lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.GlobalAdmin}, price, date(2026, 5, 2)); !errors.Is(err, lifecycle.ErrInvalid) {
		t.Errorf("Quote on the zero Lifecycle: %v, want ErrInvalid", err)
	}
	if _, err := lc.Quote(lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.GlobalAdmin}, price, date(2026, 5, 1).Add(-time.Nanosecond)); !errors.Is(err, lifecycle.ErrHistory) {
		t.Errorf("Quote before the start: %v, want ErrHistory", err)
	}
}
