package lifecycle

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"time"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/internal/enumtext"
	"github.com/lapse-go/lapse/policy"
)

// Price is what one license costs for one billing period. Prices are not
// part of the policy: the caller passes the customer's own.
type Price struct {
	// PerLicense is the price of one license for one billing period.
	PerLicense Money
	// Billing is the billing frequency: policy.Monthly (a monthly price;
	// the current month is prorated), policy.Annual (a yearly price paid up
	// front) or policy.MultiYear (paid up front for the whole term).
	Billing policy.Term
}

// RefundKind says whether money comes back. The zero value is invalid.
type RefundKind uint8

// Refund kinds.
const (
	// ProratedRefund: the unused days of the billing period are credited
	// or refunded (R-REF-1, R-REF-2, R-REF-3, R-REF-6, R-LIC-3).
	ProratedRefund RefundKind = iota + 1
	// NoRefund: nothing comes back: a product key (R-REF-4), a closed
	// window (R-REF-2, R-CAN-5, R-CAN-14), a free trial, or rules without
	// proration.
	NoRefund
)

var (
	refundKindNames = []string{"", "prorated-refund", "no-refund"}
	refundKinds     = enumtext.New[RefundKind]("RefundKind", refundKindNames, enumError)
)

// String returns "prorated-refund" or "no-refund", or "%!RefundKind(n)"
// for an invalid value.
func (k RefundKind) String() string { return refundKinds.String(k) }

// IsValid reports whether k is a declared kind.
func (k RefundKind) IsValid() bool { return refundKinds.Valid(k) }

// MarshalText implements encoding.TextMarshaler: the kind's canonical
// name. An invalid RefundKind is a *FieldError naming the value.
func (k RefundKind) MarshalText() ([]byte, error) { return refundKinds.MarshalText(k) }

// UnmarshalText implements encoding.TextUnmarshaler, reading what
// ParseRefundKind reads. On error k is unchanged.
func (k *RefundKind) UnmarshalText(b []byte) error { return refundKinds.UnmarshalText(k, b) }

// Value implements database/sql/driver.Valuer: the canonical name, as a
// string. An invalid RefundKind is a *FieldError.
func (k RefundKind) Value() (driver.Value, error) { return refundKinds.Value(k) }

// Scan implements database/sql.Scanner: a string or []byte column is read
// as ParseRefundKind reads it. SQL NULL and other types are a *FieldError;
// scan a nullable column into a sql.Null[RefundKind].
func (k *RefundKind) Scan(src any) error { return refundKinds.Scan(k, src) }

// ParseRefundKind parses a kind's text name, such as "no-refund", in any
// ASCII case. The error, a *FieldError, names the value and the
// accepted names.
func ParseRefundKind(name string) (RefundKind, error) { return refundKinds.Parse(name) }

// Refund is the money side of a cancellation or a license removal: what
// was paid for the billing period, what is deducted for the days held, what
// comes back, and any early termination fee. Days are UTC calendar days:
// the day of the command is not charged (R-REF-3: bought on February 1,
// cancelled on February 3, "the two days you held the subscription"). The
// deduction is rounded half away from zero to the minor unit and the refund
// is the rest, so Used + Amount = Paid exactly. Refund is a plain value.
type Refund struct {
	// Kind says whether money comes back.
	Kind RefundKind
	// Licenses is the number of licenses concerned.
	Licenses int
	// Paid is the charge for those licenses for the billing period (for
	// seats added within the period, from the day they were added); Used
	// the part deducted for the days held; Amount what is credited or
	// refunded, Paid − Used (zero when Kind is NoRefund).
	Paid   Money
	Used   Money
	Amount Money
	// Fee is the one-time early termination fee that may be charged,
	// "typically equal to the cost of a monthly subscription for each
	// license" (R-REF-5, C-18: the 2014-era rule, AC-56); zero if none.
	Fee Money
	// PeriodStart is the first day and PeriodEnd the last day of the
	// billing period holding the command's instant (both included: a
	// month billed from 2026-02-01 is 2026-02-01 through 2026-02-28);
	// DaysUsed of its DaysInPeriod days had passed. Zero when Refusal is
	// set.
	PeriodStart  clock.Date
	PeriodEnd    clock.Date
	DaysUsed     int
	DaysInPeriod int
	// Rule and Sources are the rule ids and source keys behind the answer.
	Rule    string
	Sources string
	// Note says, in words a support agent can read, how the money moves.
	Note string
	// Refusal is the *RefusalError when the command itself is refused
	// because its window has closed (AC-24: nothing is refunded after 72
	// hours); nil otherwise.
	Refusal error
}

// Quote returns the money side of issuing cmd (CmdCancelNow or
// CmdRemoveLicenses) at the instant at, at the given price, under the
// version of the policy in force then. A command refused because its
// window has closed quotes NoRefund with the refusal in Refund.Refusal
// (R-REF-2, R-CAN-5, R-CAN-14); any other refusal is returned as the
// error, as [Lifecycle.Check] would return it, and so is invalid input.
func (lc Lifecycle) Quote(cmd Command, price Price, at time.Time) (Refund, error) {
	if cmd.Kind != CmdCancelNow && cmd.Kind != CmdRemoveLicenses {
		return Refund{}, &FieldError{Field: "Command.Kind", Value: cmd.Kind.String(), Reason: "a quote is for cancel-now or remove-licenses"}
	}
	if price.Billing != policy.Monthly && price.Billing != policy.Annual && price.Billing != policy.MultiYear {
		return Refund{}, &FieldError{Field: "Price.Billing", Value: price.Billing.String(), Reason: "want monthly, annual or multi-year"}
	}
	if price.PerLicense.Minor < 0 {
		return Refund{}, &FieldError{Field: "Price.PerLicense", Value: price.PerLicense.String(), Reason: "must not be negative"}
	}
	if _, err := MinorDigits(price.PerLicense.Currency); err != nil { // every amount of the quote is in it
		return Refund{}, err
	}
	zero := Money{Currency: price.PerLicense.Currency}
	st, _, err := lc.check(&cmd, at)
	if err != nil {
		var re *RefusalError
		if errors.As(err, &re) && errors.Is(err, ErrWindowClosed) {
			return Refund{Kind: NoRefund, Licenses: quoteLicenses(&lc, &cmd, at), Paid: zero, Used: zero, Amount: zero, Fee: zero,
				Rule: re.Rule, Sources: re.Sources, Refusal: err,
				Note: "no refund: the window has closed, and the subscription is charged until the end of its term"}, nil
		}
		return Refund{}, err
	}
	rules := st.rules()
	sub := lc.s
	q := Refund{Kind: ProratedRefund, Paid: zero, Used: zero, Amount: zero, Fee: zero}
	p, e := billingPeriod(&st, price.Billing, at)
	q.PeriodStart, q.PeriodEnd = dayOf(p).date(), dayOf(e).add(-1).date()
	day := dayOf(st.at).ns()
	q.DaysInPeriod = int((e - p) / dayNs)
	q.DaysUsed = int((day - p) / dayNs)
	ch := sub.spec.Channel
	if cmd.Kind == CmdCancelNow {
		q.Licenses = st.Licenses()
	} else {
		q.Licenses = cmd.Licenses
	}
	etf := rules.Cancel.EarlyTerminationFee && sub.spec.Term != policy.Monthly
	var c money // the first overflow, if any, refuses the quote
	if etf {
		q.Fee = c.times(monthlyPrice(&c, price, sub.spec.Term), int64(q.Licenses))
	}
	switch {
	case st.Trial():
		q.Kind, q.Rule, q.Sources = NoRefund, "R-TRI-1, R-TRI-3", "[D-TRY-2025-06], [D-CAN-2024-09]"
		q.Note = "nothing was charged for the free trial"
		q.Fee = zero
		return q, nil
	case c.err != nil:
		return Refund{}, priceError(price, c.err)
	case cmd.Kind == CmdCancelNow && sub.spec.ProductKey:
		q.Kind, q.Rule, q.Sources = NoRefund, "R-CAN-7, R-REF-4", "[S002]"
		q.Note = "a subscription bought with a product key can be cancelled, but the money is not returned"
	case cmd.Kind == CmdRemoveLicenses && etf:
		q.Kind, q.Rule, q.Sources = NoRefund, "R-REF-5, C-18", "[P-KB2990529], [S002]"
		q.Note = "removing licenses from an annual commitment may incur a one-time early termination fee of one month per license"
		return q, nil
	case !rules.Cancel.Prorated:
		q.Kind, q.Rule, q.Sources = NoRefund, "C-21, C-18", "[P-O365-2013]"
		q.Note = "these rules give no prorated refund"
	}
	if etf && cmd.Kind == CmdCancelNow {
		q.Rule += ", R-REF-5"
		q.Sources += ", [S002]"
		q.Note += "; an early termination fee may be charged for cancelling before the end of the term"
	}
	if q.Kind == NoRefund {
		q.Note = trimNote(q.Note)
		return q, nil
	}

	// Prorated: R-REF-1 (MOSA), R-REF-2 (MCA), R-REF-3 (MCA 2022), R-REF-6
	// (CSP), R-LIC-2, R-LIC-3, R-LIC-7 (license removals).
	_, w := st.cancelWindow()
	switch {
	case ch.IsCSP():
		q.Rule, q.Sources = "R-REF-6", "[PC-SUB-2023-10]"
		q.Note = "the full amount minus the prorated amount for the days used; proration is calculated daily"
	case ch == policy.DirectMCA && w.Unit == policy.Hours:
		q.Rule, q.Sources = "R-REF-3, R-CAN-5", "[P-CAN-2022]"
		q.Note = "the days held are deducted and the rest is refunded"
	case ch == policy.DirectMCA:
		q.Rule, q.Sources = "R-REF-2, R-CAN-3", "[D-CAN-2024-09]"
		q.Note = "the prorated amount is credited or returned on the monthly invoice around the beginning of the following month"
	default:
		q.Rule, q.Sources = "R-REF-1", "[D-CAN-2024-09], [S003], [S002]"
		q.Note = "the prorated amount is credited towards the next invoice or returned in the next billing cycle"
	}
	if cmd.Kind == CmdRemoveLicenses {
		q.Rule = "R-LIC-2, R-LIC-3, R-LIC-7, " + q.Rule
		q.Sources = "[D-LIC-2024-02], " + q.Sources
	}
	if etf {
		q.Rule += ", R-REF-5"
		q.Sources += ", [S002], [P-KB2990529]"
		q.Note += "; an early termination fee may be charged for cancelling before the end of the term"
	}
	per := price.PerLicense
	// R-LC-13: an Extended Service Term is priced "3% higher than the
	// standard subscription monthly rate", prorated daily; Price is the
	// standard rate.
	if pct := st.f.b.rules(int32(st.d.ver)).Renewal.ESTSurchargePercent; st.ExtendedServiceTerm() && pct > 0 {
		per = c.prorate(per, int64(100+pct), 100)
		q.Rule += ", R-LC-13"
		q.Sources += ", [D-WIF-2025-12], [D-EST-2026-03]"
		q.Note += fmt.Sprintf("; the Extended Service Term is charged at the standard monthly rate plus %d%%", pct)
	}
	if cmd.Kind == CmdCancelNow {
		q.Paid = c.times(per, int64(q.Licenses))
		q.Used = c.prorate(q.Paid, int64(q.DaysUsed), int64(q.DaysInPeriod))
	} else {
		// Seats added within the period were charged from the day they
		// were added; the removal takes the newest seats first.
		var buf [8]seatLot
		lots := seatLots(lc.s, &st, buf[:0])
		left := q.Licenses
		for i := len(lots) - 1; i >= 0 && left > 0; i-- {
			k := min(lots[i].n, left)
			if k <= 0 {
				continue
			}
			left -= k
			from := max(p, dayOf(lots[i].at).ns())
			paid := c.prorate(c.times(per, int64(k)), (e-from)/dayNs, (e-p)/dayNs)
			used := c.prorate(c.times(per, int64(k)), (day-from)/dayNs, (e-p)/dayNs)
			q.Paid, q.Used = c.plus(q.Paid, paid), c.plus(q.Used, used)
		}
	}
	q.Amount = c.minus(q.Paid, q.Used)
	if c.err != nil {
		return Refund{}, priceError(price, c.err)
	}
	return q, nil
}

func trimNote(s string) string {
	if len(s) > 2 && s[:2] == "; " {
		return s[2:]
	}
	return s
}

// quoteLicenses returns the licenses a refused command concerned.
func quoteLicenses(lc *Lifecycle, cmd *Command, at time.Time) int {
	if cmd.Kind == CmdRemoveLicenses {
		return cmd.Licenses
	}
	if st, err := lc.At(at); err == nil {
		return st.Licenses()
	}
	return 0
}

// billingPeriod returns the billing period [p, e) holding at: months from
// the term's first day for monthly billing, years for annual billing, the
// term for multi-year (up-front) billing.
func billingPeriod(st *Status, billing policy.Term, at time.Time) (p, e int64) {
	t0, end := st.term()
	d := dayOf(ns(at))
	switch billing {
	case policy.Monthly, policy.Annual:
		m := billing.Months()
		k := 0
		if d >= t0 {
			k = monthsBetween(t0, d) / m
		}
		return t0.addMonths(k * m).ns(), t0.addMonths((k + 1) * m).ns()
	}
	return t0.ns(), end.add(1).ns()
}

// monthlyPrice returns the price of one license for one month.
func monthlyPrice(c *money, p Price, term policy.Term) Money {
	switch p.Billing {
	case policy.Monthly:
		return p.PerLicense
	case policy.Annual:
		return c.prorate(p.PerLicense, 1, 12)
	}
	return c.prorate(p.PerLicense, 1, int64(max(term.Months(), 1)))
}

// priceError reports a price whose quote leaves the range of Money.
func priceError(p Price, err error) error {
	return &FieldError{Field: "Price.PerLicense", Value: p.PerLicense.String(), Reason: "too large to quote: " + err.Error()}
}
