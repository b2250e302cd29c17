package lifecycle_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/lapse-go/lapse/clock"
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
		rules  func(policy.Rules) policy.Rules // nil: the built-in table; else these rules pinned
		want   []P
		labels []string // the version that judged each phase
		reason string
	}{{
		name: "AC-01..07 natural expiry",
		spec: lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Annual, Start: start, End: day(2026, 3, 31), Licenses: 10, Assigned: 8,
			RecurringBilling: true, History: []lifecycle.Event{{Kind: lifecycle.RecurringBillingOff, At: utc(2026, 2, 1, 12, 0)}}},
		want: []P{
			{State: lifecycle.Active, Cause: lifecycle.Purchased, Start: start, End: date(2026, 3, 31)},
			{State: lifecycle.Expired, Cause: lifecycle.TermEnded, Start: date(2026, 3, 31), End: date(2026, 4, 30)},
			{State: lifecycle.Disabled, Cause: lifecycle.GraceEnded, Start: date(2026, 4, 30), End: date(2026, 7, 29)},
			{State: lifecycle.Deleted, Cause: lifecycle.DisabledEnded, Start: date(2026, 7, 29), End: open},
		},
		labels: []string{"2025-02", "2025-02", "2025-02", "2025-02"},
		reason: "R-LC-3, DC-2, DC-3a: a recurring-billing event inside a phase does not split it",
	}, {
		name: "AC-08/AC-11 cancel then delete",
		spec: lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Monthly, Start: utc(2026, 4, 20, 8, 0), End: day(2026, 5, 19), Licenses: 10, Assigned: 10,
			RecurringBilling: true, History: []lifecycle.Event{{Kind: lifecycle.CancelNow, At: cancel}, {Kind: lifecycle.Delete, At: del}}},
		want: []P{
			{State: lifecycle.Active, Cause: lifecycle.Purchased, Start: utc(2026, 4, 20, 8, 0), End: cancel},
			{State: lifecycle.Disabled, Cause: lifecycle.Cancelled, Start: cancel, End: del},
			{State: lifecycle.Deleted, Cause: lifecycle.ExplicitlyDeleted, Start: del, End: open},
		},
		labels: []string{"2025-02", "2025-02", "2025-02"},
		reason: "R-LC-5, R-LC-8",
	}, {
		name: "renewing monthly with an Expired reactivation",
		spec: lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Monthly, Start: utc(2026, 1, 31, 9, 0), End: day(2026, 2, 27), Licenses: 1, Assigned: 1,
			History: []lifecycle.Event{{Kind: lifecycle.Reactivate, At: utc(2026, 3, 10, 9, 0)}}},
		want: []P{
			{State: lifecycle.Active, Cause: lifecycle.Purchased, Start: utc(2026, 1, 31, 9, 0), End: date(2026, 2, 27)},
			{State: lifecycle.Expired, Cause: lifecycle.TermEnded, Start: date(2026, 2, 27), End: utc(2026, 3, 10, 9, 0)},
			{State: lifecycle.Active, Cause: lifecycle.Reactivated, Start: utc(2026, 3, 10, 9, 0), End: open},
		},
		labels: []string{"2025-02", "2025-02", "2025-02"},
		reason: "R-REA-1, R-REA-4: a reactivated subscription renews (recurring billing on)",
	}, {
		name: "CSP suspended at term end",
		spec: lifecycle.Spec{Channel: policy.CSPNewCommerce, Term: policy.Annual, Start: utc(2025, 3, 2, 10, 0), End: day(2026, 3, 1), Licenses: 10, Assigned: 10,
			RecurringBilling: true, History: []lifecycle.Event{{Kind: lifecycle.Suspend, At: utc(2026, 1, 10, 9, 0), Actor: lifecycle.Partner}}},
		want: []P{
			{State: lifecycle.Active, Cause: lifecycle.Purchased, Start: utc(2025, 3, 2, 10, 0), End: utc(2026, 1, 10, 9, 0)},
			{State: lifecycle.Suspended, Cause: lifecycle.SuspendedByPartner, Start: utc(2026, 1, 10, 9, 0), End: date(2026, 3, 2)},
			{State: lifecycle.Disabled, Cause: lifecycle.SuspendedAtTermEnd, Start: date(2026, 3, 2), End: date(2026, 4, 1)},
			{State: lifecycle.Disabled, Cause: lifecycle.DisabledEnded, Start: date(2026, 4, 1), End: date(2026, 6, 30)},
			{State: lifecycle.Deleted, Cause: lifecycle.DisabledEnded, Start: date(2026, 6, 30), End: open},
		},
		labels: []string{"2023-10", "2023-10", "2023-10", "2023-10", "2023-10"},
		reason: "C-8, DC-3b, R-MISC-4: 30-day then 90-day Disabled after the term end (E+1)",
	}, {
		name: "CSP legacy suspension limit",
		spec: lifecycle.Spec{Channel: policy.CSPLegacy, Term: policy.Annual, Start: utc(2025, 3, 2, 10, 0), End: day(2026, 3, 1), Licenses: 10, Assigned: 10,
			RecurringBilling: true, History: []lifecycle.Event{{Kind: lifecycle.Suspend, At: utc(2025, 6, 1, 9, 0), Actor: lifecycle.Partner}}},
		want: []P{
			{State: lifecycle.Active, Cause: lifecycle.Purchased, Start: utc(2025, 3, 2, 10, 0), End: utc(2025, 6, 1, 9, 0)},
			{State: lifecycle.Suspended, Cause: lifecycle.SuspendedByPartner, Start: utc(2025, 6, 1, 9, 0), End: utc(2025, 8, 30, 9, 0)},
			{State: lifecycle.Deleted, Cause: lifecycle.SuspensionLimit, Start: utc(2025, 8, 30, 9, 0), End: open},
		},
		labels: []string{"2023-08", "2023-08", "2023-08"},
		reason: "§1.1 row 10: \"After 90 days in the suspended state, the subscription will be deleted\"",
	}, {
		name: "MCA Extended Service Term",
		spec: lifecycle.Spec{Channel: policy.DirectMCA, Term: policy.Annual, Start: utc(2025, 7, 1, 9, 0), End: day(2026, 6, 30), Licenses: 5, Assigned: 5,
			History: []lifecycle.Event{{Kind: lifecycle.ConvertEST, At: utc(2026, 6, 1, 9, 0)}}},
		want: []P{
			{State: lifecycle.Active, Cause: lifecycle.Purchased, Start: utc(2025, 7, 1, 9, 0), End: date(2026, 7, 1)},
			{State: lifecycle.Active, Cause: lifecycle.ExtendedServiceTerm, Start: date(2026, 7, 1), End: open, ExtendedServiceTerm: true},
		},
		labels: []string{"2025-12", "2025-12"},
		reason: "R-LC-13: month-to-month EST after the end date",
	}, {
		name: "direct trial converts",
		spec: lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Annual, Trial: true, Start: utc(2026, 3, 2, 9, 0), End: day(2026, 3, 31), Licenses: 25,
			PaymentMethod: true, RecurringBilling: true},
		want: []P{
			{State: lifecycle.Active, Cause: lifecycle.TrialStarted, Start: utc(2026, 3, 2, 9, 0), End: date(2026, 4, 1), Trial: true},
			{State: lifecycle.Active, Cause: lifecycle.TrialConverted, Start: date(2026, 4, 1), End: open},
		},
		labels: []string{"2025-02", "2025-02"},
		reason: "R-TRI-1, R-TRI-2 (AC-47)",
	}, {
		name: "bought trial with recurring billing turned off",
		spec: lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Monthly, Trial: true, Start: utc(2026, 3, 2, 9, 0), End: day(2026, 3, 31), Licenses: 25,
			History: []lifecycle.Event{{Kind: lifecycle.ConvertTrial, At: utc(2026, 3, 10, 9, 0)}, {Kind: lifecycle.RecurringBillingOff, At: utc(2026, 3, 20, 9, 0)}}},
		want: []P{
			{State: lifecycle.Active, Cause: lifecycle.TrialStarted, Start: utc(2026, 3, 2, 9, 0), End: date(2026, 4, 1), Trial: true},
			{State: lifecycle.Active, Cause: lifecycle.TrialConverted, Start: date(2026, 4, 1), End: date(2026, 4, 30)},
			{State: lifecycle.Expired, Cause: lifecycle.TermEnded, Start: date(2026, 4, 30), End: date(2026, 5, 30)},
			{State: lifecycle.Disabled, Cause: lifecycle.GraceEnded, Start: date(2026, 5, 30), End: date(2026, 8, 28)},
			{State: lifecycle.Deleted, Cause: lifecycle.DisabledEnded, Start: date(2026, 8, 28), End: open},
		},
		labels: []string{"2025-02", "2025-02", "2025-02", "2025-02", "2025-02"},
		reason: "R-TRI-1, R-LC-3: the paid term the trial converts to runs out when recurring billing is off",
	}, {
		name:  "trial expires (C-12 alternative: no Expired days)",
		spec:  lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Annual, Trial: true, Start: utc(2026, 3, 2, 9, 0), End: day(2026, 3, 31), Licenses: 25},
		rules: func(r policy.Rules) policy.Rules { r.Trial.ExpiredDays = 0; return r },
		want: []P{
			{State: lifecycle.Active, Cause: lifecycle.TrialStarted, Start: utc(2026, 3, 2, 9, 0), End: date(2026, 3, 31), Trial: true},
			{State: lifecycle.Deleted, Cause: lifecycle.TrialEnded, Start: date(2026, 3, 31), End: open, Trial: true},
		},
		labels: []string{"2025-02", "2025-02"},
		reason: "C-12 (12/2025): deleted when the trial ends",
	}, {
		name: "MCA monthly, last term ending before 2026-02-09",
		spec: lifecycle.Spec{Channel: policy.DirectMCA, Term: policy.Monthly, Start: utc(2025, 12, 15, 9, 0), End: day(2026, 1, 14), Licenses: 5, Assigned: 5,
			PaymentMethod: true, RecurringBilling: true, History: []lifecycle.Event{{Kind: lifecycle.RecurringBillingOff, At: utc(2025, 12, 20, 9, 0)}}},
		want: []P{
			{State: lifecycle.Active, Cause: lifecycle.Purchased, Start: utc(2025, 12, 15, 9, 0), End: date(2026, 1, 14)},
			{State: lifecycle.Expired, Cause: lifecycle.TermEnded, Start: date(2026, 1, 14), End: date(2026, 2, 13)},
			{State: lifecycle.Disabled, Cause: lifecycle.GraceEnded, Start: date(2026, 2, 13), End: date(2026, 5, 14)},
			{State: lifecycle.Deleted, Cause: lifecycle.DisabledEnded, Start: date(2026, 5, 14), End: open},
		},
		labels: []string{"2024-09", "2024-09", "2024-09", "2024-09"},
		reason: "R-LC-14, AC-20: the term ends before 2026-02-09, so the classic lifecycle applies even to the phases after that date",
	}, {
		name: "MCA monthly, last term ending after 2026-02-09",
		spec: lifecycle.Spec{Channel: policy.DirectMCA, Term: policy.Monthly, Start: utc(2025, 12, 15, 9, 0), End: day(2026, 1, 14), Licenses: 5, Assigned: 5,
			PaymentMethod: true, RecurringBilling: true, History: []lifecycle.Event{{Kind: lifecycle.RecurringBillingOff, At: utc(2026, 1, 20, 9, 0)}}},
		want: []P{
			{State: lifecycle.Active, Cause: lifecycle.Purchased, Start: utc(2025, 12, 15, 9, 0), End: date(2026, 2, 14)},
			{State: lifecycle.Disabled, Cause: lifecycle.TermEnded, Start: date(2026, 2, 14), End: date(2026, 5, 15)},
			{State: lifecycle.Deleted, Cause: lifecycle.DisabledEnded, Start: date(2026, 5, 15), End: open},
		},
		labels: []string{"2025-12", "2025-12", "2025-12"},
		reason: "R-LC-13, R-LC-14, AC-54: the renewed term ends on 2026-02-14, after 2026-02-09: no Expired, Disabled from E, Deleted at E+90 (the rules on the first end date, 2026-01-14, had an Expired state)",
	}, {
		name: "VL term ending under the 2020 version",
		spec: lifecycle.Spec{Channel: policy.VolumeLicensing, Term: policy.Annual, Start: utc(2023, 2, 1, 9, 0), End: day(2024, 1, 31), Licenses: 100, Assigned: 90},
		want: []P{
			{State: lifecycle.Active, Cause: lifecycle.Purchased, Start: utc(2023, 2, 1, 9, 0), End: date(2024, 1, 31)},
			{State: lifecycle.Expired, Cause: lifecycle.TermEnded, Start: date(2024, 1, 31), End: date(2024, 4, 30)},
			{State: lifecycle.Disabled, Cause: lifecycle.GraceEnded, Start: date(2024, 4, 30), End: date(2024, 5, 30)},
			{State: lifecycle.Deleted, Cause: lifecycle.DisabledEnded, Start: date(2024, 5, 30), End: open},
		},
		labels: []string{"2020", "2020", "2020", "2020"},
		reason: "C-2, R-LC-14: Expired 90 and Disabled 30 days of the version in force on the end date, though the 2024-03 version (Disabled 60) is in force when Disabled begins",
	}, {
		name: "VL renewal into a new version",
		spec: lifecycle.Spec{Channel: policy.VolumeLicensing, Term: policy.Annual, Start: utc(2023, 7, 1, 9, 0), End: day(2024, 6, 30), Licenses: 100, Assigned: 90,
			RecurringBilling: true, History: []lifecycle.Event{{Kind: lifecycle.RecurringBillingOff, At: utc(2025, 3, 1, 9, 0)}}},
		want: []P{
			{State: lifecycle.Active, Cause: lifecycle.Purchased, Start: utc(2023, 7, 1, 9, 0), End: date(2025, 6, 30)},
			{State: lifecycle.Expired, Cause: lifecycle.TermEnded, Start: date(2025, 6, 30), End: date(2025, 9, 28)},
			{State: lifecycle.Disabled, Cause: lifecycle.GraceEnded, Start: date(2025, 9, 28), End: date(2025, 11, 27)},
			{State: lifecycle.Deleted, Cause: lifecycle.DisabledEnded, Start: date(2025, 11, 27), End: open},
		},
		labels: []string{"2025-02", "2025-02", "2025-02", "2025-02"},
		reason: "R-LC-14: the second term ends on 2025-06-30 under the 2025-02 version (Expired 90, Disabled 60); the first term's version (2024-03) no longer decides anything",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sub := mustNew(t, tt.spec)
			table := builtin
			if tt.rules != nil {
				table = pin(t, tt.rules(versionAt(t, sub, sub.End().UTC())))
			}
			got, err := lifecycle.Timeline(sub, table)
			if err != nil {
				t.Fatalf("Timeline: %v", err)
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.IgnoreFields(P{}, "Version")); diff != "" {
				t.Errorf("Timeline() mismatch (-want +got):\n%s\nreason: %s", diff, tt.reason)
			}
			if diff := cmp.Diff(tt.labels, labelsOf(got)); diff != "" {
				t.Errorf("Timeline() versions mismatch (-want +got):\n%s\nreason: %s", diff, tt.reason)
			}
			lc := judge(t, sub, table)
			if diff := cmp.Diff(got, lc.Phases()); diff != "" {
				t.Errorf("Phases() differs from Timeline() (-Timeline +Phases):\n%s", diff)
			}
			// At and Evaluate agree with the phases at every boundary,
			// before, at and after.
			for i, p := range got {
				for _, at := range []time.Time{p.Start.Add(-time.Nanosecond), p.Start, p.Start.Add(time.Nanosecond)} {
					if at.Before(sub.Start()) {
						continue
					}
					st := askBoth(t, lc, table, at)
					j := i
					if at.Before(p.Start) {
						j = i - 1
					}
					q := got[j]
					if st.State() != q.State || !st.Since().Equal(q.Start) || st.Cause() != q.Cause || st.Trial() != q.Trial || st.ExtendedServiceTerm() != q.ExtendedServiceTerm {
						t.Errorf("At(%v) = %v since %v (%v), Phases()[%d] = %v since %v (%v)", at, st.State(), st.Since(), st.Cause(), j, q.State, q.Start, q.Cause)
					}
				}
			}
		})
	}
}

// TestTimelineAcceptance: at every acceptance instant, the phase holding
// it is the one Lifecycle.At reports, and Timeline is Judge followed by
// Phases.
func TestTimelineAcceptance(t *testing.T) {
	for _, tt := range acceptanceRows(t) {
		lc := judge(t, tt.sub, tt.table)
		ph := lc.Phases()
		tl, err := lifecycle.Timeline(tt.sub, tt.table)
		if err != nil {
			t.Fatalf("%s: Timeline: %v", tt.name, err)
		}
		if diff := cmp.Diff(ph, tl); diff != "" {
			t.Errorf("%s: Timeline differs from Phases (-Phases +Timeline):\n%s", tt.name, diff)
		}
		st, err := lc.At(tt.at)
		if err != nil {
			t.Fatalf("%s: At: %v", tt.name, err)
		}
		found := false
		for _, p := range ph {
			if p.Contains(tt.at) {
				found = true
				if p.State != st.State() || !p.Start.Equal(st.Since()) || p.Cause != st.Cause() || p.Version.IsZero() {
					t.Errorf("%s: phase %v since %v (%v, version %q), At %v since %v (%v)", tt.name, p.State, p.Start, p.Cause, p.Version.Label(), st.State(), st.Since(), st.Cause())
				}
			}
		}
		if !found {
			t.Errorf("%s: no phase holds %v", tt.name, tt.at)
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
// instants before it are negative. Shifting every acceptance case and the
// versions of its table back 84 years (three 28-year cycles: the same
// leap years and month lengths) shifts its timeline and deadlines by
// exactly as much, judged by the same versions.
func TestTimelineBefore1970(t *testing.T) {
	const years = -84
	back := func(t time.Time) time.Time {
		if t.IsZero() {
			return t
		}
		return t.AddDate(years, 0, 0)
	}
	shifted := map[*policy.Table]*policy.Table{}
	for _, tt := range acceptanceRows(t) {
		table := shifted[tt.table]
		if table == nil {
			table = shiftTable(t, tt.table, years)
			shifted[tt.table] = table
		}
		spec := tt.sub.Spec()
		spec.Start, spec.End = back(spec.Start), clock.DateOf(back(spec.End.UTC()))
		for i := range spec.History {
			spec.History[i].At = back(spec.History[i].At)
		}
		lc := judge(t, tt.sub, tt.table)
		old := judge(t, mustNew(t, spec), table)
		want := lc.Phases()
		for i := range want {
			want[i].Start, want[i].End = back(want[i].Start), back(want[i].End)
		}
		got := old.Phases()
		if diff := cmp.Diff(want, got, cmpopts.IgnoreFields(lifecycle.Phase{}, "Version")); diff != "" {
			t.Fatalf("%s: Phases 84 years earlier mismatch (-want +got):\n%s", tt.name, diff)
		}
		if diff := cmp.Diff(labelsOf(want), labelsOf(got)); diff != "" {
			t.Errorf("%s: versions 84 years earlier mismatch (-want +got):\n%s", tt.name, diff)
		}
		st := askBoth(t, lc, tt.table, tt.at)
		sto := askBoth(t, old, table, back(tt.at))
		type v struct {
			State                                                    lifecycle.State
			Since, NextAt, NotBefore, Deadline, Conflict, Reactivate time.Time
			TermStart, TermEnd, CancelWindowEnd, DeletedAt           time.Time
			ReactivateBefore, CancelWindowClosesAt, DataGoneBy       time.Time
			Capabilities                                             lifecycle.Capabilities
			Versions                                                 versionLabels
		}
		view := func(s lifecycle.Status, shift func(time.Time) time.Time) v {
			// Dates as the instant they begin in UTC, shifted as instants.
			return v{s.State(), shift(s.Since()), shift(s.NextAt()), shift(s.PurgeNotBefore().UTC()), shift(s.PurgeDeadline().UTC()), shift(s.LicenseConflictUntil().UTC()),
				shift(s.ReactivateUntil().UTC()), shift(s.TermStart().UTC()), shift(s.TermEnd().UTC()), shift(s.CancelWindowEnd()), shift(s.DeletedAt()),
				shift(s.ReactivateBefore()), shift(s.CancelWindowClosesAt()), shift(s.DataGoneBy()),
				s.Capabilities(), versionLabelsOf(s).(versionLabels)}
		}
		if diff := cmp.Diff(view(st, back), view(sto, func(t time.Time) time.Time { return t })); diff != "" {
			t.Errorf("%s: At 84 years earlier mismatch (-want +got):\n%s", tt.name, diff)
		}
	}
}
