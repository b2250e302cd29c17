package lifecycle_test

import (
	"errors"
	"math"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

func TestEndOfTerm(t *testing.T) {
	berlin := mustLoad(t, "Europe/Berlin")
	hst := time.FixedZone("UTC-10", -10*3600)
	for _, c := range []struct {
		start time.Time
		term  policy.Term
		want  clock.Date
		why   string
	}{
		{utc(2026, 5, 5, 10, 0), policy.Annual, day(2027, 5, 4), "AC-23"},
		{utc(2025, 4, 1, 10, 0), policy.Annual, day(2026, 3, 31), "AC-01…07"},
		{utc(2026, 6, 1, 0, 0), policy.Monthly, day(2026, 6, 30), "AC-25"},
		{utc(2026, 1, 31, 9, 0), policy.Monthly, day(2026, 2, 27), "month end: clamped to 02-28, minus a day"},
		{utc(2028, 1, 31, 9, 0), policy.Monthly, day(2028, 2, 28), "leap year: clamped to 02-29, minus a day"},
		{utc(2028, 2, 29, 9, 0), policy.Annual, day(2029, 2, 27), "leap day: clamped to 2029-02-28, minus a day"},
		{utc(2023, 7, 1, 9, 0), policy.MultiYear, day(2026, 6, 30), "three years"},
		{time.Date(2026, 3, 31, 22, 0, 0, 0, hst), policy.Monthly, day(2026, 4, 30), "the UTC date (2026-04-01) counts"},
		{utc(2196, 12, 31, 9, 0), policy.MultiYear, day(2199, 12, 30), "the last three-year term that ends in range"},
		{utc(2199, 1, 1, 9, 0), policy.Annual, day(2199, 12, 31), "the last annual term: it ends on the last day in range"},
		// A start in another location is converted by its instant: the
		// term's first day is the UTC date, just before, at and just
		// after UTC midnight (2026-04-01T00:00Z, 02:00 in Berlin, 14:00
		// the day before at UTC−10).
		{time.Date(2026, 4, 1, 1, 59, 59, 999999999, berlin), policy.Annual, day(2027, 3, 30), "Berlin 01:59 on 04-01 is 03-31 in UTC"},
		{time.Date(2026, 4, 1, 2, 0, 0, 0, berlin), policy.Annual, day(2027, 3, 31), "Berlin 02:00 on 04-01 is 04-01T00:00Z"},
		{time.Date(2026, 4, 1, 2, 0, 0, 1, berlin), policy.Annual, day(2027, 3, 31), "just after"},
		{time.Date(2026, 4, 1, 0, 0, 0, 0, berlin), policy.Monthly, day(2026, 4, 29), "Berlin midnight is the UTC day before: 03-31 + 1 month, clamped, minus a day"},
		{time.Date(2026, 3, 31, 13, 59, 59, 999999999, hst), policy.Monthly, day(2026, 4, 29), "UTC−10 13:59 on 03-31 is 03-31 in UTC"},
		{time.Date(2026, 3, 31, 14, 0, 0, 0, hst), policy.Monthly, day(2026, 4, 30), "UTC−10 14:00 on 03-31 is 04-01T00:00Z"},
		{time.Date(2026, 3, 31, 14, 0, 0, 1, hst), policy.Monthly, day(2026, 4, 30), "just after"},
	} {
		got, err := lifecycle.EndOfTerm(c.start, c.term)
		if err != nil || got != c.want {
			t.Errorf("EndOfTerm(%v, %v) = %v, %v, want %v (%s)", c.start, c.term, got, err, c.want, c.why)
		}
	}
}

// TestEndOfTerm_Defect5: a zero, absurd or out-of-range start, an end
// past 2200-01-01 and an invalid term are errors naming the argument, not
// dates (issue 12, defect 5: EndOfTerm(time.Time{}, Annual) was
// 1755-08-29 and a start in 9999 ended in 1817).
func TestEndOfTerm_Defect5(t *testing.T) {
	for _, c := range []struct {
		start time.Time
		term  policy.Term
		field string
	}{
		{time.Time{}, policy.Annual, "start"},
		{utc(9999, 1, 1, 0, 0), policy.Annual, "start"},
		{utc(1899, 12, 31, 23, 59), policy.Monthly, "start"}, // just before the range
		{utc(2199, 1, 2, 0, 0), policy.Annual, "start"},      // would end on 2200-01-01
		{utc(2199, 12, 31, 23, 59), policy.Monthly, "start"}, // in range, its end is not
		{utc(2026, 1, 1, 0, 0), 0, "term"},
		{utc(2026, 1, 1, 0, 0), policy.Term(200), "term"},
	} {
		got, err := lifecycle.EndOfTerm(c.start, c.term)
		var fe *lifecycle.FieldError
		if !errors.As(err, &fe) || fe.Field != c.field || !errors.Is(err, lifecycle.ErrInvalid) || !got.IsZero() {
			t.Errorf("EndOfTerm(%v, %v) = %v, %v; want a *FieldError on %s", c.start, c.term, got, err, c.field)
		}
	}
	// Just inside the range: the first instant accepted.
	if _, err := lifecycle.EndOfTerm(utc(1900, 1, 1, 0, 0), policy.Monthly); err != nil {
		t.Errorf("EndOfTerm(1900-01-01, monthly): %v", err)
	}
}

func TestEndOfTrial(t *testing.T) {
	berlin := mustLoad(t, "Europe/Berlin")
	hst := time.FixedZone("UTC-10", -10*3600)
	for _, c := range []struct {
		start time.Time
		days  int
		want  clock.Date
	}{
		{utc(2026, 5, 1, 8, 0), 30, day(2026, 5, 30)},  // AC-43
		{utc(2026, 3, 2, 9, 0), 30, day(2026, 3, 31)},  // AC-47
		{utc(2028, 2, 15, 9, 0), 30, day(2028, 3, 15)}, // across a leap day
		{utc(2026, 5, 1, 8, 0), 1, day(2026, 5, 1)},
		{utc(2199, 12, 31, 8, 0), 1, day(2199, 12, 31)}, // the last day in range
		{utc(2199, 12, 2, 8, 0), 30, day(2199, 12, 31)},
		// The first day is the start's UTC date: Berlin midnight on
		// 05-01 is 04-30 in UTC, UTC−10 on 04-30 from 14:00 is 05-01.
		{time.Date(2026, 5, 1, 1, 59, 59, 999999999, berlin), 30, day(2026, 5, 29)},
		{time.Date(2026, 5, 1, 2, 0, 0, 0, berlin), 30, day(2026, 5, 30)},
		{time.Date(2026, 5, 1, 0, 0, 0, 0, berlin), 30, day(2026, 5, 29)},
		{time.Date(2026, 4, 30, 13, 59, 59, 999999999, hst), 30, day(2026, 5, 29)},
		{time.Date(2026, 4, 30, 14, 0, 0, 0, hst), 30, day(2026, 5, 30)},
	} {
		got, err := lifecycle.EndOfTrial(c.start, c.days)
		if err != nil || got != c.want {
			t.Errorf("EndOfTrial(%v, %d) = %v, %v, want %v", c.start, c.days, got, err, c.want)
		}
	}
}

// TestEndOfTrial_Defect5: a trial of no days, of negative days or of
// math.MaxInt days, and a zero start, are errors naming the argument
// (issue 12, defect 5: 0 and -5 ended before the start, MaxInt wrapped
// to 2025).
func TestEndOfTrial_Defect5(t *testing.T) {
	start := utc(2026, 5, 1, 8, 0)
	for _, c := range []struct {
		start time.Time
		days  int
		field string
	}{
		{start, 0, "days"},
		{start, -5, "days"},
		{start, math.MinInt, "days"},
		{start, math.MaxInt, "days"},
		{start, math.MaxInt32 + 2, "days"},
		{utc(2199, 12, 3, 8, 0), 30, "days"}, // would end on 2200-01-01
		{time.Time{}, 30, "start"},
		{utc(2200, 1, 1, 0, 0), 1, "start"},
	} {
		got, err := lifecycle.EndOfTrial(c.start, c.days)
		var fe *lifecycle.FieldError
		if !errors.As(err, &fe) || fe.Field != c.field || !errors.Is(err, lifecycle.ErrInvalid) || !got.IsZero() {
			t.Errorf("EndOfTrial(%v, %d) = %v, %v; want a *FieldError on %s", c.start, c.days, got, err, c.field)
		}
	}
}

// TestSubscriptionImmutable: New copies the history; Spec and History
// return copies; nothing a caller does to them changes the subscription.
func TestSubscriptionImmutable(t *testing.T) {
	spec := validSpec()
	spec.History = []lifecycle.Event{{Kind: lifecycle.RecurringBillingOff, At: utc(2026, 2, 1, 12, 0)}}
	sub := mustNew(t, spec)
	want := sub.Spec()

	spec.History[0].Kind = lifecycle.CancelNow
	got := sub.Spec()
	got.History[0].At = time.Time{}
	h := sub.History()
	h[0].Kind = lifecycle.Delete

	if diff := cmp.Diff(want, sub.Spec()); diff != "" {
		t.Errorf("Subscription changed through a caller's slice (-want +got):\n%s", diff)
	}
	if e, ok := sub.Event(0); !ok || e.Kind != lifecycle.RecurringBillingOff {
		t.Errorf("Event(0) = %v, %v; want recurring-billing-off", e, ok)
	}
	if _, ok := sub.Event(1); ok {
		t.Error("Event(1) ok on a one-event history")
	}
	if _, ok := sub.Event(-1); ok {
		t.Error("Event(-1) ok")
	}
	if sub.Len() != 1 || sub.IsZero() || !(lifecycle.Subscription{}).IsZero() {
		t.Errorf("Len() = %d, IsZero() = %v; zero IsZero() = %v", sub.Len(), sub.IsZero(), (lifecycle.Subscription{}).IsZero())
	}
	if k := sub.Key(); k != (policy.Key{Channel: policy.DirectMOSA, Term: policy.Annual}) {
		t.Errorf("Key() = %v", k)
	}
}

// TestLifecycleSubscription: a judged lifecycle gives back the
// subscription it judged and the schedule of versions of its key; a
// caller's later changes to the Spec change neither.
func TestLifecycleSubscription(t *testing.T) {
	spec := validSpec()
	spec.History = []lifecycle.Event{{Kind: lifecycle.RecurringBillingOff, At: utc(2026, 2, 1, 12, 0)}}
	sub := mustNew(t, spec)
	lc := judge(t, sub, builtin)
	spec.History[0].At = utc(2025, 5, 1, 0, 0)
	if diff := cmp.Diff(sub.Spec(), lc.Subscription().Spec()); diff != "" {
		t.Errorf("Subscription() mismatch (-judged +got):\n%s", diff)
	}
	if lc.IsZero() || lc.Subscription().IsZero() {
		t.Error("a judged Lifecycle is zero")
	}
	want, err := builtin.Schedule(sub.Key())
	if err != nil {
		t.Fatal(err)
	}
	if got := lc.Schedule(); got != want || got.Key() != (policy.Key{Channel: policy.DirectMOSA, Term: policy.Annual}) {
		t.Errorf("Schedule() = %p (key %v), want the table's schedule %p for the key", got, got.Key(), want)
	}
	copied := lc // a value: copies answer alike
	a, _ := lc.At(date(2026, 4, 15))
	b, _ := copied.At(date(2026, 4, 15))
	if diff := cmp.Diff(answersOf(a), answersOf(b)); diff != "" {
		t.Errorf("a copy of the Lifecycle answers differently (-lc +copy):\n%s", diff)
	}
}
