package main

import (
	"fmt"
	"slices"
	"time"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// A fixture is a subscription, the phases it goes through as worked out by
// hand from [policy.Builtin], and other instants worth asking about.
type fixture struct {
	name   string
	reason string // what it exercises
	spec   lifecycle.Spec
	// phases are the states the subscription goes through, each from an
	// instant to the next one's; the first starts at the purchase.
	phases []phase
	// marks are instants that begin no phase but where a peer could go
	// wrong: end dates of renewing terms, renewals, versions of the
	// policy, deadlines an event cancelled.
	marks []time.Time
}

// phase is a state from an instant on.
type phase struct {
	state lifecycle.State
	from  time.Time
}

func utc(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.UTC)
}

func date(y int, m time.Month, d int) time.Time { return utc(y, m, d, 0, 0) }

// day is the calendar date y-m-d: a Spec's End.
func day(y int, m time.Month, d int) clock.Date { return clock.Date{Year: y, Month: m, Day: d} }

// mosaAnnualStates are the instants at which the benchmarks ask the first
// fixture, one in each of its states, by the state's name.
var mosaAnnualStates = []struct {
	state lifecycle.State
	at    time.Time
}{
	{lifecycle.Active, date(2026, 2, 2)},
	{lifecycle.Expired, date(2026, 4, 15)},
	{lifecycle.Disabled, date(2026, 6, 1)},
	{lifecycle.Deleted, date(2026, 8, 1)},
}

// fixtures are the subscriptions every implementation is asked about. The
// first is the one the per-state benchmarks use.
var fixtures = []fixture{
	{
		name:   "mosa-annual",
		reason: "AC-01…AC-07: a license change, recurring billing off, then Expired 30 days, Disabled 90 days (DC-3a: Expired from the end date)",
		spec: lifecycle.Spec{
			ID: "mosa-annual", Channel: policy.DirectMOSA, Term: policy.Annual,
			Start: utc(2025, 4, 1, 10, 0), End: day(2026, 3, 31), Licenses: 10, Assigned: 8,
			PaymentMethod: true, RecurringBilling: true,
			History: []lifecycle.Event{
				{Kind: lifecycle.ChangeLicenses, At: utc(2025, 6, 1, 9, 0), Licenses: 12, Assigned: 11},
				{Kind: lifecycle.RecurringBillingOff, At: utc(2026, 2, 1, 12, 0)},
			},
		},
		phases: []phase{
			{lifecycle.Active, utc(2025, 4, 1, 10, 0)},
			{lifecycle.Expired, date(2026, 3, 31)},
			{lifecycle.Disabled, date(2026, 4, 30)},
			{lifecycle.Deleted, date(2026, 7, 29)},
		},
		marks: []time.Time{date(2026, 2, 2), date(2026, 4, 15), date(2026, 6, 1), date(2026, 8, 1)},
	},
	{
		name:   "mosa-monthly-cancelled-deleted",
		reason: "AC-08: cancelled now, Disabled until 2026-08-08 (DC-4); explicitly deleted before that (R-LC-8)",
		spec: lifecycle.Spec{
			ID: "mosa-monthly-cancelled", Channel: policy.DirectMOSA, Term: policy.Monthly,
			Start: utc(2026, 4, 20, 8, 0), End: day(2026, 5, 19), Licenses: 5, Assigned: 5,
			PaymentMethod: true, RecurringBilling: true,
			History: []lifecycle.Event{
				{Kind: lifecycle.CancelNow, At: utc(2026, 5, 10, 9, 0)},
				{Kind: lifecycle.Delete, At: utc(2026, 6, 20, 11, 30)},
			},
		},
		phases: []phase{
			{lifecycle.Active, utc(2026, 4, 20, 8, 0)},
			{lifecycle.Disabled, utc(2026, 5, 10, 9, 0)},
			{lifecycle.Deleted, utc(2026, 6, 20, 11, 30)},
		},
		marks: []time.Time{date(2026, 5, 19), date(2026, 5, 20), date(2026, 8, 8)},
	},
	{
		name: "mca-monthly-crossing-2026-02-09",
		reason: "R-LC-14, AC-20: renews twice, recurring billing off on 2026-02-10; the term ending 2026-02-28 is judged by " +
			"the version in force then, which has no Expired state: Disabled from the end date for 90 days",
		spec: lifecycle.Spec{
			ID: "mca-monthly", Channel: policy.DirectMCA, Term: policy.Monthly,
			Start: utc(2025, 12, 1, 15, 0), End: day(2025, 12, 31), Licenses: 3, Assigned: 3,
			PaymentMethod: true, RecurringBilling: true,
			History: []lifecycle.Event{
				{Kind: lifecycle.RecurringBillingOff, At: utc(2026, 2, 10, 10, 0)},
			},
		},
		phases: []phase{
			{lifecycle.Active, utc(2025, 12, 1, 15, 0)},
			{lifecycle.Disabled, date(2026, 2, 28)},
			{lifecycle.Deleted, date(2026, 5, 29)},
		},
		marks: []time.Time{date(2025, 12, 31), date(2026, 1, 1), date(2026, 1, 31), date(2026, 2, 1), date(2026, 2, 9), date(2026, 3, 1)},
	},
	{
		name: "enterprise-annual-reactivated",
		reason: "§1.1 row 4: expires, reactivated while Expired (a new term from the reactivation, R-REA-1), " +
			"recurring billing off again, then Expired 30, Disabled 90",
		spec: lifecycle.Spec{
			ID: "enterprise-annual", Channel: policy.Enterprise, Term: policy.Annual,
			Start: utc(2025, 1, 15, 14, 0), End: day(2026, 1, 14), Licenses: 300, Assigned: 280,
			RecurringBilling: true,
			History: []lifecycle.Event{
				{Kind: lifecycle.RecurringBillingOff, At: utc(2025, 11, 1, 9, 0)},
				{Kind: lifecycle.Reactivate, At: utc(2026, 1, 20, 10, 0)},
				{Kind: lifecycle.RecurringBillingOff, At: utc(2026, 12, 1, 9, 0)},
			},
		},
		phases: []phase{
			{lifecycle.Active, utc(2025, 1, 15, 14, 0)},
			{lifecycle.Expired, date(2026, 1, 14)},
			{lifecycle.Active, utc(2026, 1, 20, 10, 0)},
			{lifecycle.Expired, date(2027, 1, 19)},
			{lifecycle.Disabled, date(2027, 2, 18)},
			{lifecycle.Deleted, date(2027, 5, 19)},
		},
		marks: []time.Time{date(2026, 2, 13), date(2027, 1, 20)},
	},
	{
		name: "vl-annual-renewed-licenses-removed",
		reason: "§1.1 row 7: Expired 90 days, a renewal order while Expired starts a new term (R-REA-9); " +
			"removing every license expires it at that instant (R-LIC-4), then Disabled 60",
		spec: lifecycle.Spec{
			ID: "vl-annual", Channel: policy.VolumeLicensing, Term: policy.Annual,
			Start: utc(2025, 7, 1, 6, 0), End: day(2026, 6, 30), Licenses: 50, Assigned: 50,
			History: []lifecycle.Event{
				{Kind: lifecycle.ChangeLicenses, At: utc(2025, 10, 1, 12, 0), Licenses: 40, Assigned: 45},
				{Kind: lifecycle.Renew, At: utc(2026, 8, 3, 15, 0)},
				{Kind: lifecycle.ChangeLicenses, At: utc(2027, 3, 1, 10, 0), Licenses: 0, Assigned: 0},
			},
		},
		phases: []phase{
			{lifecycle.Active, utc(2025, 7, 1, 6, 0)},
			{lifecycle.Expired, date(2026, 6, 30)},
			{lifecycle.Active, utc(2026, 8, 3, 15, 0)},
			{lifecycle.Expired, utc(2027, 3, 1, 10, 0)},
			{lifecycle.Disabled, utc(2027, 5, 30, 10, 0)},
			{lifecycle.Deleted, utc(2027, 7, 29, 10, 0)},
		},
		marks: []time.Time{date(2026, 9, 28), date(2027, 8, 2)},
	},
	{
		name: "mosa-annual-cancel-reactivate",
		reason: "cancelled now, reactivated before the end date (the same term, recurring billing on: R-REA-1), " +
			"renews, recurring billing off at the very instant of the renewal: the event finds the renewed term (an event at a boundary comes after it)",
		spec: lifecycle.Spec{
			ID: "mosa-annual-reactivated", Channel: policy.DirectMOSA, Term: policy.Annual,
			Start: utc(2025, 9, 15, 16, 30), End: day(2026, 9, 14), Licenses: 20, Assigned: 18,
			PaymentMethod: true, RecurringBilling: true,
			History: []lifecycle.Event{
				{Kind: lifecycle.CancelNow, At: utc(2026, 1, 5, 10, 0)},
				{Kind: lifecycle.Reactivate, At: utc(2026, 2, 1, 9, 0)},
				{Kind: lifecycle.RecurringBillingOff, At: date(2026, 9, 15)},
			},
		},
		phases: []phase{
			{lifecycle.Active, utc(2025, 9, 15, 16, 30)},
			{lifecycle.Disabled, utc(2026, 1, 5, 10, 0)},
			{lifecycle.Active, utc(2026, 2, 1, 9, 0)},
			{lifecycle.Expired, date(2027, 9, 14)},
			{lifecycle.Disabled, date(2027, 10, 14)},
			{lifecycle.Deleted, date(2028, 1, 12)},
		},
		marks: []time.Time{date(2026, 4, 5), date(2026, 9, 14), date(2026, 9, 15)},
	},
	{
		name: "mca-monthly-31st-leap-day",
		reason: "DC-1: bought on the 31st, renews on the last day of shorter months and on the 31st after them; " +
			"recurring billing off on the leap day 2028-02-29, the first day of a term ending 2028-03-30",
		spec: lifecycle.Spec{
			ID: "mca-monthly-31st", Channel: policy.DirectMCA, Term: policy.Monthly,
			Start: utc(2027, 10, 31, 12, 0), End: day(2027, 11, 29), Licenses: 1, Assigned: 1,
			PaymentMethod: true, RecurringBilling: true,
			History: []lifecycle.Event{
				{Kind: lifecycle.RecurringBillingOff, At: utc(2028, 2, 29, 8, 0)},
			},
		},
		phases: []phase{
			{lifecycle.Active, utc(2027, 10, 31, 12, 0)},
			{lifecycle.Disabled, date(2028, 3, 30)},
			{lifecycle.Deleted, date(2028, 6, 28)},
		},
		marks: []time.Time{date(2027, 11, 30), date(2027, 12, 31), date(2028, 1, 31), date(2028, 2, 28), date(2028, 2, 29), date(2028, 3, 31)},
	},
}

// question is one fixture asked at one instant, with what every
// implementation needs prepared: the validated subscription, its judged
// lifecycle and its floor.
type question struct {
	fixture string
	spec    *lifecycle.Spec
	sub     lifecycle.Subscription
	lc      lifecycle.Lifecycle
	floor   *floor
	at      time.Time
	want    lifecycle.State // from the fixture's hand-worked phases
}

// questions returns every fixture asked at every one of its instants, in
// fixture order.
func questions() ([]question, error) {
	var qs []question
	for i := range fixtures {
		f := &fixtures[i]
		sub, err := lifecycle.New(f.spec)
		if err != nil {
			return nil, fmt.Errorf("fixture %s: %w", f.name, err)
		}
		lc, err := lifecycle.Judge(sub, policy.Builtin())
		if err != nil {
			return nil, fmt.Errorf("fixture %s: %w", f.name, err)
		}
		fl := floorOf(lc.Phases())
		for _, at := range f.instants() {
			qs = append(qs, question{fixture: f.name, spec: &f.spec, sub: sub, lc: lc, floor: fl, at: at, want: f.want(at)})
		}
	}
	return qs, nil
}

// mosaAnnualQuestion returns the question of qs that asks the first
// fixture at at.
func mosaAnnualQuestion(qs []question, at time.Time) (question, error) {
	for _, q := range qs {
		if q.fixture == fixtures[0].name && q.at.Equal(at) {
			return q, nil
		}
	}
	return question{}, fmt.Errorf("no question asks %s at %v", fixtures[0].name, at)
}

// instants returns, in order and without repeats, the instants at which f
// is asked: each phase boundary, event and mark 1ns before, at and 1ns
// after (not before the purchase); the middle of each phase; and 45 days
// and 3 years into the last one.
func (f *fixture) instants() []time.Time {
	start := f.spec.Start
	var ts []time.Time
	around := func(t time.Time) {
		for _, d := range []time.Duration{-1, 0, 1} {
			if u := t.Add(d); !u.Before(start) {
				ts = append(ts, u)
			}
		}
	}
	for i, p := range f.phases {
		around(p.from)
		if i+1 < len(f.phases) {
			ts = append(ts, p.from.Add(f.phases[i+1].from.Sub(p.from)/2))
		} else {
			ts = append(ts, p.from.AddDate(0, 0, 45), p.from.AddDate(3, 0, 0))
		}
	}
	for _, e := range f.spec.History {
		around(e.At)
	}
	for _, m := range f.marks {
		around(m)
	}
	slices.SortFunc(ts, time.Time.Compare)
	return slices.CompactFunc(ts, time.Time.Equal)
}

// want returns the state of f's hand-worked phases at t.
func (f *fixture) want(t time.Time) lifecycle.State {
	var st lifecycle.State
	for _, p := range f.phases {
		if p.from.After(t) {
			break
		}
		st = p.state
	}
	return st
}
