package partnercenter

import (
	"fmt"
	"time"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// term returns the term of s: its termDuration or, for a trial, the term
// duration of its next term when Partner Center schedules one (lapse's
// Spec.Term of a trial is the term it converts to); opts.Term when no
// duration is given.
func (s *Subscription) term(opts *Options) (policy.Term, error) {
	field, d := "termDuration", s.TermDuration
	if next := s.ScheduledNextTermInstructions; s.IsTrial && next != nil && next.Product.TermDuration != "" {
		field, d = "scheduledNextTermInstructions.product.termDuration", next.Product.TermDuration
	}
	switch d {
	case "P1M":
		return policy.Monthly, nil
	case "P1Y":
		return policy.Annual, nil
	case "P3Y":
		return policy.MultiYear, nil
	case "":
		if opts.Term != 0 {
			return opts.Term, nil // checked by Options.check
		}
		return 0, &FieldError{Field: field, Value: d, Option: "Term", Reason: "required: the length of the term (P1M, P1Y or P3Y)"}
	}
	return 0, &FieldError{Field: field, Value: d, Reason: "not a term lapse models: want P1M, P1Y or P3Y"}
}

// instant parses the date-time field, "" when absent (ok false).
func instant(field, v string) (t time.Time, ok bool, err error) {
	if v == "" {
		return time.Time{}, false, nil
	}
	t, err = time.Parse(time.RFC3339Nano, v)
	if err != nil {
		return time.Time{}, false, &FieldError{Field: field, Value: v,
			Reason: "not an RFC 3339 date-time, such as 2021-01-14T16:57:15.0966728Z", Err: err}
	}
	return t, true, nil
}

// farFuture is the first end date lapse cannot hold: Partner Center marks
// a subscription that does not end by terms with a date "far away in the
// future" (9999-12-10 in its examples).
var farFuture = clock.Date{Year: 2200, Month: time.January, Day: 1}

// currentTerm returns the start instant and the end date of the term s is
// in, as the package doc explains: its first term, whole or shortened to a
// custom end date, from effectiveStartDate (or creationDate) to
// commitmentEndDate; a later term of its renewal chain, from 00:00Z of its
// first day; or the term opts.TermStart gives.
func (s *Subscription) currentTerm(opts *Options, ch policy.Channel, term policy.Term) (start time.Time, end clock.Date, err error) {
	created, haveCreated, err := instant("creationDate", s.CreationDate)
	if err != nil {
		return time.Time{}, clock.Date{}, err
	}
	first, haveFirst, err := instant("effectiveStartDate", s.EffectiveStartDate)
	if err != nil {
		return time.Time{}, clock.Date{}, err
	}
	if !haveFirst {
		if !haveCreated {
			return time.Time{}, clock.Date{}, &FieldError{Field: "effectiveStartDate", Value: "", Reason: "required, or creationDate"}
		}
		first = created
	}
	endAt, haveEnd, err := instant("commitmentEndDate", s.CommitmentEndDate)
	if err != nil {
		return time.Time{}, clock.Date{}, err
	}
	if !haveEnd {
		return time.Time{}, clock.Date{}, &FieldError{Field: "commitmentEndDate", Value: "", Reason: "required: the end date of the current term"}
	}
	// Partner Center's dates are UTC dates: the end date is the UTC date of
	// the instant it sends, whatever offset it is written with. New
	// commerce end dates are inclusive (the term ends at the end of that
	// day: DC-3b, [PC-SUB-2023-10]); legacy end dates are not: the day
	// before is the last (the commitmentEndDate note of Partner Center's
	// Subscription resource, learn.microsoft.com/partner-center/developer/
	// subscription-resources; not in RULES.md, see testdata/README.md).
	end = clock.DateOf(endAt.UTC())
	if ch == policy.CSPLegacy {
		end = end.AddDays(-1)
	}
	if !end.Before(farFuture) {
		return time.Time{}, clock.Date{}, &FieldError{Field: "commitmentEndDate", Value: s.CommitmentEndDate,
			Reason: "a date far in the future: Partner Center's mark of a subscription that does not end by terms"}
	}
	if at, ok := opts.TermStart[s.ID]; ok {
		if err := lifecycle.CheckInstant(at); err != nil {
			return time.Time{}, clock.Date{}, &FieldError{Field: fmt.Sprintf("Options.TermStart[%q]", s.ID), Value: at, Reason: "not a valid instant", Err: err}
		}
		return at, end, nil
	}
	anchor := clock.DateOf(first.UTC())
	if end.Before(anchor) {
		return time.Time{}, clock.Date{}, &FieldError{Field: "commitmentEndDate", Value: s.CommitmentEndDate,
			Reason: "the term ends on " + end.String() + ", before it starts on " + anchor.String()}
	}
	m := term.Months()
	if s.IsTrial || !end.After(addMonths(anchor, m).AddDays(-1)) {
		return first, end, nil // the first term (a trial, or shortened to a custom end date)
	}
	next := end.AddDays(1)
	n := (next.Year-anchor.Year)*12 + int(next.Month) - int(anchor.Month)
	if n%m == 0 && addMonths(anchor, n) == next {
		return addMonths(anchor, n-m).UTC(), end, nil // DC-1: a renewal starts at 00:00Z of its first day
	}
	k := n / m
	return time.Time{}, clock.Date{}, &FieldError{Field: "commitmentEndDate", Value: s.CommitmentEndDate, Option: "TermStart",
		Reason: fmt.Sprintf("the current term ends on %s, which is not the end of a whole %s term of the renewal chain from %s (its terms end on %s and %s): "+
			"the term was aligned to a custom end date, changed at renewal, or aligned to a legacy billing date, and its start is not known",
			end, term, anchor, addMonths(anchor, k*m).AddDays(-1), addMonths(anchor, (k+1)*m).AddDays(-1))}
}

// addMonths returns the same day of the month n ≥ 0 months after d,
// clamped to the month's last day (lapse's renewal chain, DC-1: a term
// bought on the 31st renews on the last day of shorter months).
func addMonths(d clock.Date, n int) clock.Date {
	t := int(d.Month) - 1 + n
	y := d.Year + t/12
	month := time.Month(t%12 + 1)
	day := min(d.Day, time.Date(y, month+1, 0, 0, 0, 0, 0, time.UTC).Day())
	return clock.Date{Year: y, Month: month, Day: day}
}
