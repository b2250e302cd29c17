package lifecycle_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

func TestTimeline(t *testing.T) {
	type P = lifecycle.Phase
	var (
		open   time.Time // the last phase's End
		start  = utc(2025, 4, 1, 10, 0)
		cancel = utc(2026, 5, 10, 9, 0)
		del    = utc(2026, 5, 20, 9, 0)
	)
	tests := []struct {
		name   string
		spec   lifecycle.Spec
		rules  func(policy.Rules) policy.Rules // nil: the built-in rules
		want   []P
		reason string
	}{{
		name: "AC-01..07 natural expiry",
		spec: lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Annual, Start: start, End: date(2026, 3, 31), Licenses: 10, Assigned: 8,
			RecurringBilling: true, History: []lifecycle.Event{{Kind: lifecycle.RecurringBillingOff, At: utc(2026, 2, 1, 12, 0)}}},
		want: []P{
			{State: lifecycle.Active, Cause: lifecycle.Purchased, Start: start, End: date(2026, 3, 31)},
			{State: lifecycle.Expired, Cause: lifecycle.TermEnded, Start: date(2026, 3, 31), End: date(2026, 4, 30)},
			{State: lifecycle.Disabled, Cause: lifecycle.GraceEnded, Start: date(2026, 4, 30), End: date(2026, 7, 29)},
			{State: lifecycle.Deleted, Cause: lifecycle.DisabledEnded, Start: date(2026, 7, 29), End: open},
		},
		reason: "R-LC-3, DC-2, DC-3a: a recurring-billing event inside a phase does not split it",
	}, {
		name: "AC-08/AC-11 cancel then delete",
		spec: lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Monthly, Start: utc(2026, 4, 20, 8, 0), End: date(2026, 5, 19), Licenses: 10, Assigned: 10,
			RecurringBilling: true, History: []lifecycle.Event{{Kind: lifecycle.CancelNow, At: cancel}, {Kind: lifecycle.Delete, At: del}}},
		want: []P{
			{State: lifecycle.Active, Cause: lifecycle.Purchased, Start: utc(2026, 4, 20, 8, 0), End: cancel},
			{State: lifecycle.Disabled, Cause: lifecycle.Cancelled, Start: cancel, End: del},
			{State: lifecycle.Deleted, Cause: lifecycle.ExplicitlyDeleted, Start: del, End: open},
		},
		reason: "R-LC-5, R-LC-8",
	}, {
		name: "renewing monthly with an Expired reactivation",
		spec: lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Monthly, Start: utc(2026, 1, 31, 9, 0), End: date(2026, 2, 27), Licenses: 1, Assigned: 1,
			History: []lifecycle.Event{{Kind: lifecycle.Reactivate, At: utc(2026, 3, 10, 9, 0)}}},
		want: []P{
			{State: lifecycle.Active, Cause: lifecycle.Purchased, Start: utc(2026, 1, 31, 9, 0), End: date(2026, 2, 27)},
			{State: lifecycle.Expired, Cause: lifecycle.TermEnded, Start: date(2026, 2, 27), End: utc(2026, 3, 10, 9, 0)},
			{State: lifecycle.Active, Cause: lifecycle.Reactivated, Start: utc(2026, 3, 10, 9, 0), End: open},
		},
		reason: "R-REA-1, R-REA-4: a reactivated subscription renews (recurring billing on)",
	}, {
		name: "CSP suspended at term end",
		spec: lifecycle.Spec{Channel: policy.CSPNewCommerce, Term: policy.Annual, Start: utc(2025, 3, 2, 10, 0), End: date(2026, 3, 1), Licenses: 10, Assigned: 10,
			RecurringBilling: true, History: []lifecycle.Event{{Kind: lifecycle.Suspend, At: utc(2026, 1, 10, 9, 0), Actor: lifecycle.Partner}}},
		want: []P{
			{State: lifecycle.Active, Cause: lifecycle.Purchased, Start: utc(2025, 3, 2, 10, 0), End: utc(2026, 1, 10, 9, 0)},
			{State: lifecycle.Suspended, Cause: lifecycle.SuspendedByPartner, Start: utc(2026, 1, 10, 9, 0), End: date(2026, 3, 2)},
			{State: lifecycle.Disabled, Cause: lifecycle.SuspendedAtTermEnd, Start: date(2026, 3, 2), End: date(2026, 4, 1)},
			{State: lifecycle.Disabled, Cause: lifecycle.DisabledEnded, Start: date(2026, 4, 1), End: date(2026, 6, 30)},
			{State: lifecycle.Deleted, Cause: lifecycle.DisabledEnded, Start: date(2026, 6, 30), End: open},
		},
		reason: "C-8, DC-3b, R-MISC-4: 30-day then 90-day Disabled after the term end (E+1)",
	}, {
		name: "CSP legacy suspension limit",
		spec: lifecycle.Spec{Channel: policy.CSPLegacy, Term: policy.Annual, Start: utc(2025, 3, 2, 10, 0), End: date(2026, 3, 1), Licenses: 10, Assigned: 10,
			RecurringBilling: true, History: []lifecycle.Event{{Kind: lifecycle.Suspend, At: utc(2025, 6, 1, 9, 0), Actor: lifecycle.Partner}}},
		want: []P{
			{State: lifecycle.Active, Cause: lifecycle.Purchased, Start: utc(2025, 3, 2, 10, 0), End: utc(2025, 6, 1, 9, 0)},
			{State: lifecycle.Suspended, Cause: lifecycle.SuspendedByPartner, Start: utc(2025, 6, 1, 9, 0), End: utc(2025, 8, 30, 9, 0)},
			{State: lifecycle.Deleted, Cause: lifecycle.SuspensionLimit, Start: utc(2025, 8, 30, 9, 0), End: open},
		},
		reason: "§1.1 row 10: \"After 90 days in the suspended state, the subscription will be deleted\"",
	}, {
		name: "MCA Extended Service Term",
		spec: lifecycle.Spec{Channel: policy.DirectMCA, Term: policy.Annual, Start: utc(2025, 7, 1, 9, 0), End: date(2026, 6, 30), Licenses: 5, Assigned: 5,
			History: []lifecycle.Event{{Kind: lifecycle.ConvertEST, At: utc(2026, 6, 1, 9, 0)}}},
		want: []P{
			{State: lifecycle.Active, Cause: lifecycle.Purchased, Start: utc(2025, 7, 1, 9, 0), End: date(2026, 7, 1)},
			{State: lifecycle.Active, Cause: lifecycle.ExtendedServiceTerm, Start: date(2026, 7, 1), End: open, ExtendedServiceTerm: true},
		},
		reason: "R-LC-13: month-to-month EST after the end date",
	}, {
		name: "direct trial converts",
		spec: lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Annual, Trial: true, Start: utc(2026, 3, 2, 9, 0), End: date(2026, 3, 31), Licenses: 25,
			PaymentMethod: true, RecurringBilling: true},
		want: []P{
			{State: lifecycle.Active, Cause: lifecycle.TrialStarted, Start: utc(2026, 3, 2, 9, 0), End: date(2026, 4, 1), Trial: true},
			{State: lifecycle.Active, Cause: lifecycle.TrialConverted, Start: date(2026, 4, 1), End: open},
		},
		reason: "R-TRI-1, R-TRI-2 (AC-47)",
	}, {
		name: "bought trial with recurring billing turned off",
		spec: lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Monthly, Trial: true, Start: utc(2026, 3, 2, 9, 0), End: date(2026, 3, 31), Licenses: 25,
			History: []lifecycle.Event{{Kind: lifecycle.ConvertTrial, At: utc(2026, 3, 10, 9, 0)}, {Kind: lifecycle.RecurringBillingOff, At: utc(2026, 3, 20, 9, 0)}}},
		want: []P{
			{State: lifecycle.Active, Cause: lifecycle.TrialStarted, Start: utc(2026, 3, 2, 9, 0), End: date(2026, 4, 1), Trial: true},
			{State: lifecycle.Active, Cause: lifecycle.TrialConverted, Start: date(2026, 4, 1), End: date(2026, 4, 30)},
			{State: lifecycle.Expired, Cause: lifecycle.TermEnded, Start: date(2026, 4, 30), End: date(2026, 5, 30)},
			{State: lifecycle.Disabled, Cause: lifecycle.GraceEnded, Start: date(2026, 5, 30), End: date(2026, 8, 28)},
			{State: lifecycle.Deleted, Cause: lifecycle.DisabledEnded, Start: date(2026, 8, 28), End: open},
		},
		reason: "R-TRI-1, R-LC-3: the paid term the trial converts to runs out when recurring billing is off",
	}, {
		name:  "trial expires (C-12 alternative: no Expired days)",
		spec:  lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Annual, Trial: true, Start: utc(2026, 3, 2, 9, 0), End: date(2026, 3, 31), Licenses: 25},
		rules: func(r policy.Rules) policy.Rules { r.Trial.ExpiredDays = 0; return r },
		want: []P{
			{State: lifecycle.Active, Cause: lifecycle.TrialStarted, Start: utc(2026, 3, 2, 9, 0), End: date(2026, 3, 31), Trial: true},
			{State: lifecycle.Deleted, Cause: lifecycle.TrialEnded, Start: date(2026, 3, 31), End: open, Trial: true},
		},
		reason: "C-12 (12/2025): deleted when the trial ends",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sub := mustNew(t, tt.spec)
			rules := rulesFor(t, sub)
			if tt.rules != nil {
				rules = tt.rules(rules)
			}
			got, err := lifecycle.Timeline(sub, &rules)
			if err != nil {
				t.Fatalf("Timeline: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Timeline() mismatch (-want +got):\n%s\nreason: %s", diff, tt.reason)
			}
			// Evaluate agrees at every boundary, before, at and after.
			for i, p := range got {
				for _, at := range []time.Time{p.Start.Add(-time.Nanosecond), p.Start, p.Start.Add(time.Nanosecond)} {
					if at.Before(sub.Start()) {
						continue
					}
					st, err := lifecycle.Evaluate(sub, &rules, at)
					if err != nil {
						t.Fatalf("Evaluate(%v): %v", at, err)
					}
					j := i
					if at.Before(p.Start) {
						j = i - 1
					}
					q := got[j]
					if st.State() != q.State || !st.Since().Equal(q.Start) || st.Cause() != q.Cause || st.Trial() != q.Trial {
						t.Errorf("Evaluate(%v) = %v since %v (%v), Timeline phase %d = %v since %v (%v)", at, st.State(), st.Since(), st.Cause(), j, q.State, q.Start, q.Cause)
					}
				}
			}
		})
	}
}

// TestTimelineAcceptance: at every acceptance instant, the Timeline phase
// holding it is the one Evaluate reports.
func TestTimelineAcceptance(t *testing.T) {
	for _, tt := range acceptanceRows(t) {
		ph, err := lifecycle.Timeline(tt.sub, &tt.rules)
		if err != nil {
			t.Fatalf("%s: Timeline: %v", tt.name, err)
		}
		st, err := lifecycle.Evaluate(tt.sub, &tt.rules, tt.at)
		if err != nil {
			t.Fatalf("%s: Evaluate: %v", tt.name, err)
		}
		found := false
		for _, p := range ph {
			if p.Contains(tt.at) {
				found = true
				if p.State != st.State() || !p.Start.Equal(st.Since()) || p.Cause != st.Cause() {
					t.Errorf("%s: Timeline phase %v since %v (%v), Evaluate %v since %v (%v)", tt.name, p.State, p.Start, p.Cause, st.State(), st.Since(), st.Cause())
				}
			}
		}
		if !found {
			t.Errorf("%s: no Timeline phase holds %v", tt.name, tt.at)
		}
	}
}

func TestPhaseContains(t *testing.T) {
	p := lifecycle.Phase{Start: date(2026, 3, 31), End: date(2026, 4, 30)}
	for _, c := range []struct {
		at   time.Time
		want bool
	}{
		{date(2026, 3, 31).Add(-time.Nanosecond), false},
		{date(2026, 3, 31), true},
		{date(2026, 4, 30).Add(-time.Nanosecond), true},
		{date(2026, 4, 30), false},
		{date(2026, 4, 1).In(time.FixedZone("UTC-10", -10*3600)), true},
	} {
		if got := p.Contains(c.at); got != c.want {
			t.Errorf("[%v, %v).Contains(%v) = %v, want %v", p.Start, p.End, c.at, got, c.want)
		}
	}
	if open := (lifecycle.Phase{Start: date(2026, 1, 1)}); !open.Contains(date(2199, 1, 1)) {
		t.Error("an open-ended phase does not contain 2199")
	}
}

// TestTimelineBefore1970: the engine counts nanoseconds from 1970, so
// instants before it are negative. Shifting every acceptance case back 84
// years (three 28-year cycles: the same leap years and month lengths)
// shifts its timeline by exactly as much.
func TestTimelineBefore1970(t *testing.T) {
	back := func(t time.Time) time.Time {
		if t.IsZero() {
			return t
		}
		return t.AddDate(-84, 0, 0)
	}
	for _, tt := range acceptanceRows(t) {
		spec := tt.sub.Spec()
		spec.Start, spec.End = back(spec.Start), back(spec.End)
		for i := range spec.History {
			spec.History[i].At = back(spec.History[i].At)
		}
		old := mustNew(t, spec)
		want, err := lifecycle.Timeline(tt.sub, &tt.rules)
		if err != nil {
			t.Fatalf("%s: Timeline: %v", tt.name, err)
		}
		for i := range want {
			want[i].Start, want[i].End = back(want[i].Start), back(want[i].End)
		}
		got, err := lifecycle.Timeline(old, &tt.rules)
		if err != nil {
			t.Fatalf("%s: Timeline(84 years earlier): %v", tt.name, err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("%s: Timeline 84 years earlier mismatch (-want +got):\n%s", tt.name, diff)
		}
		st, err := lifecycle.Evaluate(tt.sub, &tt.rules, tt.at)
		if err != nil {
			t.Fatal(err)
		}
		sto, err := lifecycle.Evaluate(old, &tt.rules, back(tt.at))
		if err != nil {
			t.Fatalf("%s: Evaluate(84 years earlier): %v", tt.name, err)
		}
		type v struct{ NotBefore, Deadline, Conflict, Reactivate, TermEnd time.Time }
		if diff := cmp.Diff(v{back(st.PurgeNotBefore()), back(st.PurgeDeadline()), back(st.LicenseConflictUntil()), back(st.ReactivateUntil()), back(st.TermEnd())},
			v{sto.PurgeNotBefore(), sto.PurgeDeadline(), sto.LicenseConflictUntil(), sto.ReactivateUntil(), sto.TermEnd()}); diff != "" {
			t.Errorf("%s: Evaluate 84 years earlier mismatch (-want +got):\n%s", tt.name, diff)
		}
	}
}
