package lifecycle_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// Tests of the deadlines of issue 13 item 2 ("calendar dates as dates"):
// each day-valued answer is a clock.Date meaning "the last day on which …"
// or "the first day …", each instant a time.Time meaning "the first
// instant at which …", and the two agree at their boundary: what the date
// allows is accepted at the instant just before and refused at the instant.

// TestEndBerlinMidnight_Issue13 is the defect of issue 13 item 2: an end
// date stored as Berlin midnight was the previous UTC day, so the
// subscription expired a day early. As a clock.Date taken in the
// instant's own location it is the date the admin center shows, and the
// subscription expires on it (DC-3a) or the day after (DC-3b), never a day
// early.
func TestEndBerlinMidnight_Issue13(t *testing.T) {
	berlin := mustLoad(t, "Europe/Berlin")
	for _, c := range []struct {
		name    string
		ch      policy.Channel
		start   time.Time
		stored  time.Time // the end date as a database stored it
		end     clock.Date
		expired time.Time // the first Expired instant
		why     string
	}{
		{"MOSA", policy.DirectMOSA, utc(2025, 4, 1, 10, 0), time.Date(2026, 3, 31, 0, 0, 0, 0, berlin), day(2026, 3, 31), date(2026, 3, 31),
			"DC-3a: Expired starts on the end date, 2026-03-31, not on 2026-03-30 (Berlin midnight is 2026-03-30T22:00Z)"},
		{"CSP", policy.CSPNewCommerce, utc(2026, 1, 15, 10, 0), time.Date(2027, 1, 14, 0, 0, 0, 0, berlin), day(2027, 1, 14), date(2027, 1, 15),
			"DC-3b: the end date is the last Active day; Expired from 2027-01-15, not 2027-01-14"},
	} {
		t.Run(c.name, func(t *testing.T) {
			spec := lifecycle.Spec{ID: c.name, Channel: c.ch, Term: policy.Annual, Start: c.start, End: clock.DateOf(c.stored),
				Licenses: 5, Assigned: 5, PaymentMethod: true}
			if spec.End != c.end {
				t.Fatalf("clock.DateOf(%v) = %v, want %v", c.stored, spec.End, c.end)
			}
			if wrong := clock.DateOf(c.stored.UTC()); wrong != c.end.AddDays(-1) {
				t.Fatalf("the defect's conversion, the UTC date of %v, = %v; want the day before %v", c.stored, wrong, c.end)
			}
			lc := judge(t, mustNew(t, spec), builtin)
			if got := lc.Subscription().End(); got != c.end {
				t.Errorf("Subscription.End() = %v, want %v", got, c.end)
			}
			for i, at := range []time.Time{c.stored, c.expired.Add(-time.Nanosecond), c.expired, c.expired.Add(time.Nanosecond)} {
				want := lifecycle.Expired
				if i < 2 {
					want = lifecycle.Active
				}
				for _, loc := range append(locations(t), berlin, time.UTC) {
					st := askBoth(t, lc, builtin, at.In(loc))
					if st.State() != want || st.TermEnd() != c.end {
						t.Errorf("At(%v) = %v, TermEnd %v; want %v, TermEnd %v (%s)", at.In(loc), st.State(), st.TermEnd(), want, c.end, c.why)
					}
				}
			}
		})
	}
}

// TestNewEndStart_Issue13: Spec.End is compared with the UTC date of
// Spec.Start, whatever Start's location: a purchase at 00:30 in Berlin on
// 2026-04-01 is 2026-03-31 in UTC, so an end date of 2026-03-31 is a
// one-day term and 2026-03-30 is before the start.
func TestNewEndStart_Issue13(t *testing.T) {
	berlin := mustLoad(t, "Europe/Berlin")
	start := time.Date(2026, 4, 1, 0, 30, 0, 0, berlin)
	for _, c := range []struct {
		end clock.Date
		ok  bool
	}{
		{day(2026, 3, 30), false},
		{day(2026, 3, 31), true},
		{day(2026, 4, 1), true},
	} {
		_, err := lifecycle.New(lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Monthly, Start: start, End: c.end, Licenses: 1})
		var fe *lifecycle.FieldError
		switch {
		case c.ok && err != nil:
			t.Errorf("New(start %v, end %v) = %v, want a subscription", start, c.end, err)
		case !c.ok && (!errors.As(err, &fe) || fe.Field != "Spec.End" || fe.Value != c.end || !errors.Is(err, lifecycle.ErrInvalid)):
			t.Errorf("New(start %v, end %v) = %v, want a *FieldError on Spec.End naming %v", start, c.end, err, c.end)
		}
	}
}

// acceptsAt reports whether lc accepts cmd at at, and that it does so in
// every location of at alike.
func acceptsAt(t *testing.T, lc lifecycle.Lifecycle, cmd lifecycle.Command, at time.Time) bool {
	t.Helper()
	err := lc.Check(cmd, at)
	if err != nil && !errors.Is(err, lifecycle.ErrRefused) {
		t.Fatalf("Check(%v at %v) = %v, want nil or a refusal", cmd, at, err)
	}
	for _, loc := range locations(t) {
		if other := lc.Check(cmd, at.In(loc)); (other == nil) != (err == nil) {
			t.Fatalf("Check(%v at %v) = %v, but at %v = %v", cmd, at, err, at.In(loc), other)
		}
	}
	return err == nil
}

// TestReactivateDeadline: ReactivateUntil is the last day on which a
// reactivation is possible and ReactivateBefore the first instant at which
// it no longer is: Apply accepts a reactivation at ReactivateBefore−1ns,
// which falls on ReactivateUntil, and refuses it at ReactivateBefore.
func TestReactivateDeadline(t *testing.T) {
	bStart, cancel := utc(2026, 4, 20, 8, 0), utc(2026, 5, 10, 9, 0)
	bSpec := lifecycle.Spec{ID: "AC-08", Channel: policy.DirectMOSA, Term: policy.Monthly, Start: bStart,
		End: mustDate(lifecycle.EndOfTerm(bStart, policy.Monthly)), Licenses: 10, Assigned: 10, PaymentMethod: true, RecurringBilling: true,
		History: []lifecycle.Event{{Kind: lifecycle.CancelNow, At: cancel, Actor: lifecycle.BillingAdmin}}}
	delSpec := bSpec
	delSpec.ID = "AC-11"
	delSpec.History = append(append([]lifecycle.Event(nil), bSpec.History...),
		lifecycle.Event{Kind: lifecycle.Delete, At: utc(2026, 5, 20, 9, 0), Actor: lifecycle.GlobalAdmin})
	del := mustNew(t, delSpec)
	knob := versionAt(t, del, utc(2026, 5, 20, 9, 0))
	knob.Reactivation.ExplicitDeleteHours = 72
	for _, c := range []struct {
		name   string
		lc     lifecycle.Lifecycle
		at     time.Time // an instant in the window
		until  clock.Date
		before time.Time
		why    string
	}{
		{"AC-08", judge(t, mustNew(t, bSpec), builtin), utc(2026, 6, 1, 0, 0), day(2026, 8, 7), date(2026, 8, 8),
			"AC-08, R-REA-3: reactivation through C+89 = 2026-08-07; Deleted from 2026-08-08"},
		{"AC-11/knob", judge(t, del, pin(t, knob)), utc(2026, 5, 21, 0, 0), day(2026, 5, 23), utc(2026, 5, 23, 9, 0).Add(time.Nanosecond),
			"AC-11, C-6, DC-5: the 72 hours after the deletion at 2026-05-20T09:00Z include their last instant"},
	} {
		t.Run(c.name, func(t *testing.T) {
			st := mustAt(t, c.lc, c.at)
			if st.ReactivateUntil() != c.until || !st.ReactivateBefore().Equal(c.before) {
				t.Fatalf("At(%v): ReactivateUntil %v, ReactivateBefore %v; want %v, %v (%s)", c.at, st.ReactivateUntil(), st.ReactivateBefore(), c.until, c.before, c.why)
			}
			last := c.before.Add(-time.Nanosecond)
			if clock.DateOf(last) != c.until {
				t.Fatalf("the last instant %v is not on ReactivateUntil %v", last, c.until)
			}
			cmd := lifecycle.Command{Kind: lifecycle.CmdReactivate, Actor: lifecycle.BillingAdmin}
			if !acceptsAt(t, c.lc, cmd, last) {
				t.Errorf("reactivation refused at ReactivateBefore−1ns %v: %v (%s)", last, c.lc.Check(cmd, last), c.why)
			}
			for _, at := range []time.Time{c.before, c.before.Add(time.Nanosecond)} {
				if acceptsAt(t, c.lc, cmd, at) {
					t.Errorf("reactivation accepted at %v, not before ReactivateBefore %v (%s)", at, c.before, c.why)
				}
			}
			// The answers hold to the last instant and are gone at the
			// first instant outside.
			if st := mustAt(t, c.lc, last); st.ReactivateUntil() != c.until || !st.ReactivateBefore().Equal(c.before) || !st.Capabilities().Reactivate {
				t.Errorf("At(%v): ReactivateUntil %v, ReactivateBefore %v, Reactivate %v; want %v, %v, true", last, st.ReactivateUntil(), st.ReactivateBefore(), st.Capabilities().Reactivate, c.until, c.before)
			}
			if st := mustAt(t, c.lc, c.before); !st.ReactivateUntil().IsZero() || !st.ReactivateBefore().IsZero() || st.Capabilities().Reactivate {
				t.Errorf("At(%v): ReactivateUntil %v, ReactivateBefore %v, Reactivate %v; want none", c.before, st.ReactivateUntil(), st.ReactivateBefore(), st.Capabilities().Reactivate)
			}
		})
	}
}

// TestPurgeDeadline: PurgeNotBefore is the first day on which the data may
// be deleted, PurgeDeadline the last day on which it may still exist, and
// DataGoneBy the first instant at which it is guaranteed gone: the
// nanosecond before DataGoneBy falls on PurgeDeadline, DataGoneBy itself
// on the day after (day-based rules) or within it (the hours after an
// explicit deletion). The status just before and at DataGoneBy gives the
// same bounds: they are facts about the deletion, not moving targets.
func TestPurgeDeadline(t *testing.T) {
	aStart := utc(2025, 4, 1, 10, 0)
	expiry := lifecycle.Spec{ID: "AC-07", Channel: policy.DirectMOSA, Term: policy.Annual, Start: aStart, End: day(2026, 3, 31),
		Licenses: 10, Assigned: 8, PaymentMethod: true, RecurringBilling: true,
		History: []lifecycle.Event{{Kind: lifecycle.RecurringBillingOff, At: utc(2026, 2, 1, 12, 0), Actor: lifecycle.BillingAdmin}}}
	bStart, cancel := utc(2026, 4, 20, 8, 0), utc(2026, 5, 10, 9, 0)
	cancelled := lifecycle.Spec{ID: "AC-08", Channel: policy.DirectMOSA, Term: policy.Monthly, Start: bStart,
		End: mustDate(lifecycle.EndOfTerm(bStart, policy.Monthly)), Licenses: 10, Assigned: 10, PaymentMethod: true, RecurringBilling: true,
		History: []lifecycle.Event{{Kind: lifecycle.CancelNow, At: cancel, Actor: lifecycle.BillingAdmin}}}
	deleted := cancelled
	deleted.ID = "AC-11"
	deleted.History = append(append([]lifecycle.Event(nil), cancelled.History...),
		lifecycle.Event{Kind: lifecycle.Delete, At: utc(2026, 5, 20, 9, 0), Actor: lifecycle.GlobalAdmin})
	cspStart := utc(2026, 1, 15, 10, 0)
	csp := lifecycle.Spec{ID: "AC-35", Channel: policy.CSPNewCommerce, Term: policy.Annual, Start: cspStart,
		End: mustDate(lifecycle.EndOfTerm(cspStart, policy.Annual)), Licenses: 10, Assigned: 10, RecurringBilling: true,
		History: []lifecycle.Event{{Kind: lifecycle.CancelNow, At: utc(2026, 1, 20, 9, 0), Actor: lifecycle.Partner}}}
	type bounds struct {
		NotBefore, Deadline clock.Date
		GoneBy              time.Time
	}
	for _, c := range []struct {
		spec  lifecycle.Spec
		at    time.Time
		want  bounds
		byDay bool
		why   string
	}{
		{expiry, date(2026, 4, 15), bounds{day(2026, 7, 29), day(2026, 9, 27), date(2026, 9, 28)}, true,
			"AC-07, R-DAT-3: not before Deleted (2026-07-29), kept at most through E+180"},
		{cancelled, cancel, bounds{day(2026, 8, 8), day(2026, 11, 6), date(2026, 11, 7)}, true,
			"R-DAT-2, DC-7: may be deleted from C+90, kept at most through C+180"},
		{deleted, utc(2026, 5, 20, 9, 0), bounds{day(2026, 5, 20), day(2026, 5, 23), utc(2026, 5, 23, 9, 0)}, false,
			"AC-11, R-DAT-4: gone three days after the deletion, exactly"},
		{csp, utc(2026, 1, 20, 9, 0), bounds{day(2026, 1, 27), day(2026, 7, 19), date(2026, 7, 20)}, true,
			"R-DAT-5: the partner backs up for 7 days from 2026-01-20T09:00Z; kept at most through C+180"},
	} {
		t.Run(c.spec.ID, func(t *testing.T) {
			lc := judge(t, mustNew(t, c.spec), builtin)
			view := func(s lifecycle.Status) bounds { return bounds{s.PurgeNotBefore(), s.PurgeDeadline(), s.DataGoneBy()} }
			if diff := cmp.Diff(c.want, view(mustAt(t, lc, c.at))); diff != "" {
				t.Fatalf("At(%v) purge bounds mismatch (-want +got):\n%s\nreason: %s", c.at, diff, c.why)
			}
			for _, at := range around(c.want.GoneBy) {
				for _, loc := range locations(t) {
					if diff := cmp.Diff(c.want, view(askBoth(t, lc, builtin, at.In(loc)))); diff != "" {
						t.Errorf("At(%v) purge bounds mismatch (-want +got):\n%s", at.In(loc), diff)
					}
				}
			}
			if last := clock.DateOf(c.want.GoneBy.Add(-time.Nanosecond)); last != c.want.Deadline {
				t.Errorf("DataGoneBy−1ns is on %v, not on PurgeDeadline %v", last, c.want.Deadline)
			}
			next := c.want.Deadline
			if c.byDay {
				next = next.AddDays(1)
			}
			if got := clock.DateOf(c.want.GoneBy); got != next {
				t.Errorf("DataGoneBy %v is on %v, want %v", c.want.GoneBy, got, next)
			}
		})
	}
}

// TestCancelWindowClosesAt: the first instant at which the cancellation
// window refuses a cancellation, for windows of days (DC-6, on dates) and
// of hours (DC-5, on instants), inclusive (the default, [AMBIGUOUS]) and
// not: Apply accepts a cancellation at CancelWindowClosesAt−1ns and
// refuses it with ErrWindowClosed at CancelWindowClosesAt. Explain says
// the same boundary: through the last day of a window of days, until the
// last instant inclusive, or before the first instant outside.
func TestCancelWindowClosesAt(t *testing.T) {
	mcaStart, cspStart := utc(2026, 1, 10, 9, 0), utc(2026, 1, 15, 10, 0)
	mca := mustNew(t, lifecycle.Spec{ID: "AC-19", Channel: policy.DirectMCA, Term: policy.Annual, Start: mcaStart,
		End: mustDate(lifecycle.EndOfTerm(mcaStart, policy.Annual)), Licenses: 5, Assigned: 5, PaymentMethod: true, RecurringBilling: true})
	csp := mustNew(t, lifecycle.Spec{ID: "AC-36", Channel: policy.CSPNewCommerce, Term: policy.Annual, Start: cspStart,
		End: mustDate(lifecycle.EndOfTerm(cspStart, policy.Annual)), Licenses: 10, Assigned: 10, RecurringBilling: true})
	exclusive := func(sub lifecycle.Subscription, at time.Time) *policy.Table {
		r := versionAt(t, sub, at)
		r.Cancel.Window.Inclusive = false
		return pin(t, r)
	}
	for _, c := range []struct {
		name   string
		sub    lifecycle.Subscription
		table  *policy.Table
		actor  lifecycle.Role
		closes time.Time
		words  string // Explain's boundary, in English
		why    string
	}{
		{"AC-19", mca, builtin, lifecycle.BillingAccountOwner, date(2026, 1, 18), "through January 17, 2026",
			"AC-19, DC-6: start+7 = 2026-01-17 is the last day; refused on 2026-01-18"},
		{"AC-19/exclusive", mca, exclusive(mca, mcaStart), lifecycle.BillingAccountOwner, date(2026, 1, 17), "through January 16, 2026",
			"DC-6 ALT: start+7 itself outside"},
		{"AC-36", csp, builtin, lifecycle.Partner, utc(2026, 1, 22, 10, 0).Add(time.Nanosecond), "until 2026-01-22T10:00:00Z inclusive",
			"AC-36, DC-5: exactly 168 h is allowed, a nanosecond later is not"},
		{"AC-36/exclusive", csp, exclusive(csp, cspStart), lifecycle.Partner, utc(2026, 1, 22, 10, 0), "before January 22, 2026 10:00 UTC",
			"DC-5 ALT: the 168th hour's end is outside"},
	} {
		t.Run(c.name, func(t *testing.T) {
			lc := judge(t, c.sub, c.table)
			open := c.sub.Start().Add(time.Hour)
			st := askBoth(t, lc, c.table, open)
			if !st.CancelWindowClosesAt().Equal(c.closes) {
				t.Fatalf("CancelWindowClosesAt() = %v, want %v (%s)", st.CancelWindowClosesAt(), c.closes, c.why)
			}
			if r := reasonOf(t, st, "cancel"); !strings.Contains(r.Text, c.words) {
				t.Errorf("Explain cancel = %q, want it to say %q", r.Text, c.words)
			}
			cmd := lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: c.actor}
			if last := c.closes.Add(-time.Nanosecond); !acceptsAt(t, lc, cmd, last) {
				t.Errorf("cancellation refused at CancelWindowClosesAt−1ns %v: %v (%s)", last, lc.Check(cmd, last), c.why)
			}
			for _, at := range []time.Time{c.closes, c.closes.Add(time.Nanosecond)} {
				if err := lc.Check(cmd, at); !errors.Is(err, lifecycle.ErrWindowClosed) {
					t.Errorf("Check(cancel at %v) = %v, want ErrWindowClosed (%s)", at, err, c.why)
				}
				if acceptsAt(t, lc, cmd, at) {
					t.Errorf("cancellation accepted at %v", at)
				}
			}
		})
	}
}

// TestReactivationWords: Explain states the reactivation deadline the way
// the answers give it — through ReactivateUntil when the window ends at a
// day boundary, until the last instant inclusive for the hours after an
// explicit deletion (C-6, DC-5).
func TestReactivationWords(t *testing.T) {
	bStart, cancel := utc(2026, 4, 20, 8, 0), utc(2026, 5, 10, 9, 0)
	spec := lifecycle.Spec{ID: "AC-08", Channel: policy.DirectMOSA, Term: policy.Monthly, Start: bStart,
		End: mustDate(lifecycle.EndOfTerm(bStart, policy.Monthly)), Licenses: 10, Assigned: 10, PaymentMethod: true, RecurringBilling: true,
		History: []lifecycle.Event{{Kind: lifecycle.CancelNow, At: cancel, Actor: lifecycle.BillingAdmin}}}
	if r := reasonOf(t, mustAt(t, judge(t, mustNew(t, spec), builtin), utc(2026, 6, 1, 0, 0)), "reactivation"); !strings.Contains(r.Text, "through August 7, 2026") {
		t.Errorf("AC-08 reactivation = %q, want through August 7, 2026", r.Text)
	}
	spec.History = append(spec.History, lifecycle.Event{Kind: lifecycle.Delete, At: utc(2026, 5, 20, 9, 0), Actor: lifecycle.GlobalAdmin})
	sub := mustNew(t, spec)
	r := versionAt(t, sub, utc(2026, 5, 20, 9, 0))
	r.Reactivation.ExplicitDeleteHours = 72
	st := mustAt(t, judge(t, sub, pin(t, r)), utc(2026, 5, 21, 0, 0))
	if reason := reasonOf(t, st, "reactivation"); !strings.Contains(reason.Text, "until 2026-05-23T09:00:00Z inclusive") {
		t.Errorf("AC-11 knob reactivation = %q, want until 2026-05-23T09:00:00Z inclusive", reason.Text)
	}
}

// TestNewEndRange: Spec.End is accepted from 1900-01-01 through
// 2199-12-31, the dates of the supported instants, and refused just
// outside them (TestNewInvalid).
func TestNewEndRange(t *testing.T) {
	for _, c := range []struct {
		start time.Time
		end   clock.Date
	}{
		{utc(1900, 1, 1, 0, 0), day(1900, 1, 1)},
		{utc(2199, 12, 31, 9, 0), day(2199, 12, 31)},
	} {
		sub, err := lifecycle.New(lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Monthly, Start: c.start, End: c.end, Licenses: 1})
		if err != nil || sub.End() != c.end {
			t.Errorf("New(end %v) = %v, %v; want a subscription ending on %v", c.end, sub.End(), err, c.end)
		}
	}
}

// TestRefundPeriodDays: a quote's billing period runs from its first day
// (PeriodStart) through its last day (PeriodEnd), both included, and
// DaysInPeriod counts them (AC-24: February 2022 holds 28 days).
func TestRefundPeriodDays(t *testing.T) {
	mca := lifecycle.Spec{ID: "AC-24", Channel: policy.DirectMCA, Term: policy.Annual, Start: utc(2022, 2, 1, 11, 0),
		End: day(2023, 1, 31), Licenses: 1, Assigned: 1, RecurringBilling: true, PaymentMethod: true}
	lc := judge(t, mustNew(t, mca), builtin)
	type period struct {
		Start, End clock.Date
		Used, Days int
	}
	cancel := lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.BillingAccountOwner}
	for _, c := range []struct {
		billing policy.Term
		at      time.Time
		want    period
	}{
		{policy.Monthly, utc(2022, 2, 3, 11, 0), period{day(2022, 2, 1), day(2022, 2, 28), 2, 28}},
		{policy.Annual, utc(2022, 2, 3, 11, 0), period{day(2022, 2, 1), day(2023, 1, 31), 2, 365}},
		{policy.MultiYear, utc(2022, 2, 3, 11, 0), period{day(2022, 2, 1), day(2023, 1, 31), 2, 365}},
	} {
		for _, at := range append([]time.Time{c.at}, c.at.In(mustLoad(t, "Europe/Berlin")), c.at.In(time.FixedZone("UTC-10", -10*3600))) {
			q, err := lc.Quote(cancel, lifecycle.Price{PerLicense: lifecycle.USD(2000), Billing: c.billing}, at)
			if err != nil {
				t.Fatalf("Quote(%v at %v): %v", c.billing, at, err)
			}
			if diff := cmp.Diff(c.want, period{q.PeriodStart, q.PeriodEnd, q.DaysUsed, q.DaysInPeriod}); diff != "" {
				t.Errorf("Quote(%v at %v) period mismatch (-want +got):\n%s", c.billing, at, diff)
			}
		}
	}
}
