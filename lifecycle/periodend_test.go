package lifecycle_test

import (
	"testing"
	"time"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// TestCancelAtPeriodEnd asks, of each way a subscription stops renewing
// and of its negatives, whether the service ends with the current period,
// just before, at and just after the instant that decides it, in UTC and
// other locations.
func TestCancelAtPeriodEnd(t *testing.T) {
	with := func(spec lifecycle.Spec, evs ...lifecycle.Event) lifecycle.Spec {
		spec.History = append(append([]lifecycle.Event(nil), spec.History...), evs...)
		return spec
	}
	renewing := exampleSub().Spec()
	renewing.History = nil
	off := exampleSub().Spec() // recurring billing off on 2026-02-01 12:00, E = 2026-03-31
	offAt := utc(2026, 2, 1, 12, 0)
	car := with(renewing, lifecycle.Event{Kind: lifecycle.CancelAtRenewal, At: offAt, Actor: lifecycle.BillingAdmin})
	keyStart := utc(2025, 3, 1, 9, 0)
	key := lifecycle.Spec{ID: "key", Channel: policy.DirectMOSA, Term: policy.Annual, Start: keyStart,
		End: mustDate(lifecycle.EndOfTerm(keyStart, policy.Annual)), Licenses: 5, Assigned: 5, ProductKey: true}
	mca := mcaSpec()
	est := with(mca, lifecycle.Event{Kind: lifecycle.ConvertEST, At: utc(2026, 6, 1, 10, 0), Actor: lifecycle.BillingAccountOwner})
	estOff := with(est, lifecycle.Event{Kind: lifecycle.RecurringBillingOff, At: utc(2027, 2, 10, 10, 0), Actor: lifecycle.BillingAccountOwner})
	suspended := with(cspMonthlySpec(), lifecycle.Event{Kind: lifecycle.Suspend, At: utc(2026, 3, 5, 10, 0), Actor: lifecycle.Partner})

	tests := []struct {
		name   string
		spec   lifecycle.Spec
		at     time.Time
		want   bool
		reason string
	}{
		{"renewing", renewing, date(2026, 3, 30), false, "R-REN-1: recurring billing on: the term renews"},
		{"before billing off", off, offAt.Add(-time.Nanosecond), false, "still renewing"},
		{"billing off", off, offAt, true, "R-LC-3, R-LC-4: Active until the end date, then Expired"},
		{"billing off, after", off, offAt.Add(time.Nanosecond), true, ""},
		{"billing off, last Active instant", off, date(2026, 3, 31).Add(-time.Nanosecond), true, "DC-3a: Active through the day before E"},
		{"billing off, expired", off, date(2026, 3, 31), false, "the period has ended: Expired is no period to cancel"},
		{"cancel at renewal", car, offAt, true, "R-CAN-2: runs to its end date, then Expired"},
		{"cancel at renewal, before", car, offAt.Add(-time.Nanosecond), false, ""},
		{"product key", key, utc(2025, 6, 1, 0, 0), true, "R-REN-3: a prepaid subscription is not renewed automatically"},
		{"trial converts", trialSpec(true), utc(2026, 3, 15, 0, 0), false, "R-TRI-1: a paid term follows the trial"},
		{"trial ends", trialSpec(false), utc(2026, 3, 15, 0, 0), true, "R-TRI-3, R-TRI-5: a trial without auto-renew ends with its period"},
		{"converted trial", trialSpec(true), date(2026, 4, 15), false, "the paid term renews"},
		{"C-21 deferred cancellation", deferredSpec(), utc(2012, 6, 20, 10, 0), true, "C-21: effective at the end of the billing cycle"},
		{"C-21, before", deferredSpec(), utc(2012, 6, 20, 10, 0).Add(-time.Nanosecond), false, ""},
		{"C-21, disabled", deferredSpec(), date(2012, 7, 4), false, "Disabled from the end of the cycle"},
		{"EST follows", est, date(2026, 12, 1), false, "R-LC-13: an Extended Service Term follows the term"},
		{"EST, billing off", estOff, utc(2027, 2, 10, 10, 0), true, "R-LC-4: turning recurring billing off ends the EST at its month's end"},
		{"cancelled now", ac08Spec(), utc(2026, 5, 10, 9, 0), false, "Disabled at once: not Active"},
		{"CSP suspended", suspended, utc(2026, 3, 5, 10, 0), false, "suspension is not a choice not to renew"},
	}
	for _, tt := range tests {
		lc := judge(t, mustNew(t, tt.spec), builtin)
		for _, at := range append([]time.Time{tt.at}, inLocations(t, tt.at)...) {
			st := mustAt(t, lc, at)
			if got := st.CancelAtPeriodEnd(); got != tt.want {
				t.Errorf("%s: CancelAtPeriodEnd at %v (%v, next %v) = %v, want %v (%s)", tt.name, at, st.State(), st.Next(), got, tt.want, tt.reason)
			}
			if st.CancelAtPeriodEnd() && (st.NextAt().IsZero() || st.Next() == lifecycle.Active) {
				t.Errorf("%s: cancels at period end but next %v on %v", tt.name, st.Next(), st.NextAt())
			}
		}
	}
	if (lifecycle.Status{}).CancelAtPeriodEnd() {
		t.Error("the zero Status cancels at period end")
	}
}
