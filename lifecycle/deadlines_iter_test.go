package lifecycle_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// dl returns a Deadline: the tables' shorthand.
func dl(kind lifecycle.DeadlineKind, at time.Time, st lifecycle.State, c lifecycle.Cause, rules string) lifecycle.Deadline {
	return lifecycle.Deadline{Kind: kind, At: at, State: st, Cause: c, Rules: rules}
}

// TestDeadlines lists every deadline of one subscription of each kind of
// end — natural expiry, cancellation, explicit deletion, CSP's immediate
// deletion, a deferred cancellation, renewals with their windows, a trial,
// a license conflict, a partner's cancellation — from before the purchase
// to years after, and again with the instants in other locations.
func TestDeadlines(t *testing.T) {
	const (
		active, expired, disabled, deleted = lifecycle.Active, lifecycle.Expired, lifecycle.Disabled, lifecycle.Deleted
		phase, renews, window, react       = lifecycle.PhaseBegins, lifecycle.TermRenews, lifecycle.CancelWindowCloses, lifecycle.ReactivationEnds
		conflict, lag, purge, gone         = lifecycle.LicenseConflictEnds, lifecycle.AdminCenterLagEnds, lifecycle.PurgeMayStart, lifecycle.DataGone
	)
	ac11 := mustNew(t, ac11Spec())
	knob := versionAt(t, ac11, utc(2026, 5, 20, 9, 0))
	knob.Reactivation.ExplicitDeleteHours = 72
	X := utc(2026, 5, 20, 9, 0)
	from, to := date(2000, 1, 1), date(2028, 1, 1)

	// AC-08 with the data gone as the subscription is Deleted: purge
	// bounds C+30 and C+89 (by the end of that day).
	ac08 := mustNew(t, ac08Spec())
	goneRules := versionAt(t, ac08, utc(2026, 5, 10, 9, 0))
	goneRules.Purge.CancelNotBeforeDays, goneRules.Purge.CancelDeadlineDays = 30, 89
	// The CSP monthly subscription with events at the instant its first
	// window closes and at its first renewal, which change neither.
	cspEvents := cspMonthlySpec()
	cspEvents.History = []lifecycle.Event{
		{Kind: lifecycle.ChangeLicenses, At: utc(2026, 2, 7, 15, 0).Add(time.Nanosecond), Licenses: 4, Assigned: 3, Actor: lifecycle.Partner},
		{Kind: lifecycle.ChangeLicenses, At: date(2026, 2, 28), Licenses: 5, Assigned: 3, Actor: lifecycle.Partner},
	}
	// Windows that exclude their boundary (DC-5, DC-6 [AMBIGUOUS]).
	mcaExcl := versionAt(t, mustNew(t, mcaSpec()), utc(2026, 1, 10, 9, 0))
	mcaExcl.Cancel.Window.Inclusive = false
	cspExcl := versionAt(t, mustNew(t, cspMonthlySpec()), utc(2026, 1, 31, 15, 0))
	cspExcl.Cancel.Window.Inclusive = false

	tests := []struct {
		name     string
		spec     lifecycle.Spec
		table    *policy.Table
		from, to time.Time
		want     []lifecycle.Deadline
		reason   string
	}{{
		name: "AC-01…AC-07 expiry", spec: exampleSub().Spec(), from: from, to: to,
		want: []lifecycle.Deadline{
			dl(phase, utc(2025, 4, 1, 10, 0), active, lifecycle.Purchased, "R-LC-1"),
			dl(phase, date(2026, 3, 31), expired, lifecycle.TermEnded, "R-LC-2, R-LC-3, DC-3a"),
			dl(phase, date(2026, 4, 30), disabled, lifecycle.GraceEnded, "R-LC-1"),
			dl(phase, date(2026, 7, 29), deleted, lifecycle.DisabledEnded, "R-LC-1, R-LC-7"),
			dl(react, date(2026, 7, 29), deleted, 0, "R-REA-1, R-REA-2, R-REA-4"),
			dl(purge, date(2026, 7, 29), deleted, 0, "R-DAT-3, DC-7"),
			dl(gone, date(2026, 9, 28), deleted, 0, "R-DAT-3, DC-7"),
		},
		reason: "DC-3a: Expired on E; R-REA-1: reactivation through Disabled; R-DAT-3: purge from Deleted, by E+180 = 2026-09-27's end",
	}, {
		name: "AC-08 cancelled", spec: ac08Spec(), from: from, to: to,
		want: []lifecycle.Deadline{
			dl(phase, utc(2026, 4, 20, 8, 0), active, lifecycle.Purchased, "R-LC-1"),
			dl(phase, utc(2026, 5, 10, 9, 0), disabled, lifecycle.Cancelled, "R-LC-5, R-LC-6, DC-4"),
			dl(phase, date(2026, 8, 8), deleted, lifecycle.DisabledEnded, "R-LC-1, R-LC-7"),
			dl(react, date(2026, 8, 8), deleted, 0, "R-REA-1, R-REA-2, R-REA-4, R-REA-3"),
			dl(purge, date(2026, 8, 8), deleted, 0, "R-DAT-2, DC-7"),
			dl(gone, date(2026, 11, 7), deleted, 0, "R-DAT-2, DC-7"),
		},
		reason: "AC-08: reactivation through C+89 = 2026-08-07; R-DAT-2: purge after C+90, by C+180 = 2026-11-06's end; no renewal on 2026-05-20: cancelled before",
	}, {
		name: "AC-11 deleted", spec: ac11Spec(), from: from, to: to,
		want: []lifecycle.Deadline{
			dl(phase, utc(2026, 4, 20, 8, 0), active, lifecycle.Purchased, "R-LC-1"),
			dl(phase, utc(2026, 5, 10, 9, 0), disabled, lifecycle.Cancelled, "R-LC-5, R-LC-6, DC-4"),
			dl(phase, X, deleted, lifecycle.ExplicitlyDeleted, "R-LC-8, C-6"),
			dl(purge, X, deleted, 0, "R-DAT-4"),
			dl(gone, X.Add(72*time.Hour), deleted, 0, "R-DAT-4"),
		},
		reason: "R-DAT-4: SharePoint at once, everything within 72 hours; the reactivation window of the cancellation never closes by time: the deletion closed it",
	}, {
		name: "AC-11 deleted, C-6 knob", spec: ac11Spec(), table: pin(t, knob), from: from, to: to,
		want: []lifecycle.Deadline{
			dl(phase, utc(2026, 4, 20, 8, 0), active, lifecycle.Purchased, "R-LC-1"),
			dl(phase, utc(2026, 5, 10, 9, 0), disabled, lifecycle.Cancelled, "R-LC-5, R-LC-6, DC-4"),
			dl(phase, X, deleted, lifecycle.ExplicitlyDeleted, "R-LC-8, C-6"),
			dl(purge, X, deleted, 0, "R-DAT-4"),
			dl(gone, X.Add(72*time.Hour), deleted, 0, "R-DAT-4"),
			dl(react, X.Add(72*time.Hour+time.Nanosecond), deleted, 0, "C-6, R-REA-8, DC-5"),
		},
		reason: "C-6, DC-5: the 72 hours include their last instant; data gone at the same last instant sorts first",
	}, {
		name: "CSP monthly renewals", spec: cspMonthlySpec(), from: from, to: date(2026, 4, 1),
		want: []lifecycle.Deadline{
			dl(phase, utc(2026, 1, 31, 15, 0), active, lifecycle.Purchased, "R-LC-1"),
			dl(window, utc(2026, 2, 7, 15, 0).Add(time.Nanosecond), active, 0, "R-CAN-14, R-CAN-15, DC-5"),
			dl(renews, date(2026, 2, 28), active, lifecycle.Renewed, "R-REN-1, R-REN-5"),
			dl(window, date(2026, 3, 7).Add(time.Nanosecond), active, 0, "R-CAN-14, R-CAN-15, DC-5"),
			dl(renews, date(2026, 3, 31), active, lifecycle.Renewed, "R-REN-1, R-REN-5"),
		},
		reason: "R-CAN-14: 168 hours from the purchase, inclusive (DC-5); DC-1: bought on the 31st, renewed on the last day of shorter months; R-CAN-15: each renewal opens a window from its 00:00Z",
	}, {
		name: "CSP cancelled in the window", spec: cspCancelSpec(), from: from, to: to,
		want: []lifecycle.Deadline{
			dl(phase, utc(2026, 3, 2, 15, 0), active, lifecycle.Purchased, "R-LC-1"),
			dl(phase, utc(2026, 3, 5, 10, 0), deleted, lifecycle.Cancelled, "R-CAN-14, C-7"),
			dl(purge, utc(2026, 3, 12, 10, 0), deleted, 0, "R-DAT-5"),
			dl(gone, date(2026, 9, 2), deleted, 0, "R-DAT-5"),
		},
		reason: "C-7: Deleted at once; R-DAT-5: the partner may back up for 7 days; the window closes no more once cancelled",
	}, {
		name: "AC-08, data gone as Deleted begins", spec: ac08Spec(), table: pin(t, goneRules), from: from, to: to,
		want: []lifecycle.Deadline{
			dl(phase, utc(2026, 4, 20, 8, 0), active, lifecycle.Purchased, "R-LC-1"),
			dl(phase, utc(2026, 5, 10, 9, 0), disabled, lifecycle.Cancelled, "R-LC-5, R-LC-6, DC-4"),
			dl(purge, date(2026, 6, 9), disabled, 0, "R-DAT-2, DC-7"),
			dl(phase, date(2026, 8, 8), deleted, lifecycle.DisabledEnded, "R-LC-1, R-LC-7"),
			dl(react, date(2026, 8, 8), deleted, 0, "R-REA-1, R-REA-2, R-REA-4, R-REA-3"),
			dl(gone, date(2026, 8, 8), deleted, 0, "R-DAT-2, DC-7"),
		},
		reason: "R-DAT-2 knob: deletable from C+30 while Disabled; gone after C+89, as the Deleted phase begins: listed once, with it",
	}, {
		name: "CSP events at a window's close and a renewal", spec: cspEvents, from: from, to: date(2026, 4, 1),
		want: []lifecycle.Deadline{
			dl(phase, utc(2026, 1, 31, 15, 0), active, lifecycle.Purchased, "R-LC-1"),
			dl(window, utc(2026, 2, 7, 15, 0).Add(time.Nanosecond), active, 0, "R-CAN-14, R-CAN-15, DC-5"),
			dl(renews, date(2026, 2, 28), active, lifecycle.Renewed, "R-REN-1, R-REN-5"),
			dl(window, date(2026, 3, 7).Add(time.Nanosecond), active, 0, "R-CAN-14, R-CAN-15, DC-5"),
			dl(renews, date(2026, 3, 31), active, lifecycle.Renewed, "R-REN-1, R-REN-5"),
		},
		reason: "a segment that ends where a window closes or a term renews announces it; the event there changes neither",
	}, {
		name: "CSP window without its boundary", spec: cspMonthlySpec(), table: pin(t, cspExcl), from: from, to: date(2026, 2, 28),
		want: []lifecycle.Deadline{
			dl(phase, utc(2026, 1, 31, 15, 0), active, lifecycle.Purchased, "R-LC-1"),
			dl(window, utc(2026, 2, 7, 15, 0), active, 0, "R-CAN-14, R-CAN-15, DC-5"),
			dl(renews, date(2026, 2, 28), active, lifecycle.Renewed, "R-REN-1, R-REN-5"),
		},
		reason: "DC-5 knob: 168 hours, the last instant outside",
	}, {
		name: "AC-19 MCA window without its boundary", spec: mcaSpec(), table: pin(t, mcaExcl), from: from, to: date(2026, 12, 31),
		want: []lifecycle.Deadline{
			dl(phase, utc(2026, 1, 10, 9, 0), active, lifecycle.Purchased, "R-LC-1"),
			dl(window, date(2026, 1, 17), active, 0, "R-CAN-3, R-REF-2, DC-6"),
		},
		reason: "DC-6 knob: start+7 = 2026-01-17 is outside",
	}, {
		name: "AC-19 MCA window", spec: mcaSpec(), from: from, to: date(2026, 12, 31),
		want: []lifecycle.Deadline{
			dl(phase, utc(2026, 1, 10, 9, 0), active, lifecycle.Purchased, "R-LC-1"),
			dl(window, date(2026, 1, 18), active, 0, "R-CAN-3, R-REF-2, DC-6"),
		},
		reason: "R-CAN-3, DC-6: start+7 = 2026-01-17 is inside, 2026-01-18 is not",
	}, {
		name: "trial converts", spec: trialSpec(true), from: from, to: date(2026, 6, 1),
		want: []lifecycle.Deadline{
			dl(phase, utc(2026, 3, 1, 9, 0), active, lifecycle.TrialStarted, "R-TRI-1, R-TRI-7"),
			dl(phase, date(2026, 3, 31), active, lifecycle.TrialConverted, "R-TRI-1, R-TRI-2, R-TRI-7"),
			dl(renews, date(2026, 4, 30), active, lifecycle.Renewed, "R-REN-1, R-REN-5"),
			dl(renews, date(2026, 5, 31), active, lifecycle.Renewed, "R-REN-1, R-REN-5"),
		},
		reason: "R-TRI-1: paid from the day after the trial's end date, a new Active phase, not a renewal; then monthly renewals",
	}, {
		name: "trial ends", spec: trialSpec(false), from: from, to: to,
		want: []lifecycle.Deadline{
			dl(phase, utc(2026, 3, 1, 9, 0), active, lifecycle.TrialStarted, "R-TRI-1, R-TRI-7"),
			dl(phase, date(2026, 3, 30), expired, lifecycle.TrialEnded, "R-TRI-3, R-TRI-5, C-12"),
			dl(phase, date(2026, 4, 29), deleted, lifecycle.GraceEnded, "R-LC-1"),
			dl(purge, date(2026, 4, 29), deleted, 0, "R-TRI-5, R-TRI-6"),
			dl(gone, date(2026, 4, 30), deleted, 0, "R-TRI-5, R-TRI-6"),
		},
		reason: "R-TRI-5: deleted when the trial's Expired state ends; R-TRI-6: no reactivation, so no reactivation window",
	}, {
		name: "AC-33 license conflict", spec: conflictSpec(), from: from, to: date(2026, 5, 30),
		want: []lifecycle.Deadline{
			dl(phase, utc(2023, 7, 1, 9, 0), active, lifecycle.Purchased, "R-LC-1"),
			dl(conflict, date(2026, 5, 30), active, 0, "R-LIC-4, C-15"),
		},
		reason: "AC-33: the conflict period is 2026-03-01…2026-05-29; to is inclusive",
	}, {
		name: "AC-59 partner's cancellation", spec: aoboSpec(), from: from, to: to,
		want: []lifecycle.Deadline{
			dl(phase, date(2024, 4, 20), active, lifecycle.Purchased, "R-LC-1"),
			dl(phase, date(2024, 5, 1), disabled, lifecycle.Cancelled, "R-LC-5, R-LC-6, DC-4"),
			dl(phase, date(2024, 7, 30), deleted, lifecycle.DisabledEnded, "R-LC-1, R-LC-7"),
			dl(react, date(2024, 7, 30), deleted, 0, "R-REA-1, R-REA-2, R-REA-4, R-REA-3"),
			dl(lag, date(2024, 7, 30), deleted, 0, "R-LC-12, C-19"),
			dl(purge, date(2024, 7, 30), deleted, 0, "R-DAT-2, DC-7"),
			dl(gone, date(2024, 10, 29), deleted, 0, "R-DAT-2, DC-7"),
		},
		reason: "R-LC-12, C-19: the admin center shows the cancellation by 2024-07-30; same-instant deadlines in DeadlineKind order",
	}, {
		name: "C-21 deferred cancellation", spec: deferredSpec(), from: from, to: to,
		want: []lifecycle.Deadline{
			dl(phase, utc(2012, 6, 5, 9, 0), active, lifecycle.Purchased, "R-LC-1"),
			dl(phase, date(2012, 7, 4), disabled, lifecycle.Cancelled, "C-21"),
			dl(phase, date(2012, 10, 2), deleted, lifecycle.DisabledEnded, "R-LC-1, R-LC-7"),
			dl(react, date(2012, 10, 2), deleted, 0, "R-REA-1, §1.3, R-REA-3"),
			dl(purge, date(2012, 10, 2), deleted, 0, "R-DAT-2, C-21"),
			dl(gone, date(2012, 10, 3), deleted, 0, "R-DAT-2, C-21"),
		},
		reason: "C-21: effective at the end of the billing cycle (2012-07-04), deleted 90 days after it",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			table := tt.table
			if table == nil {
				table = builtin
			}
			lc := judge(t, mustNew(t, tt.spec), table)
			got := deadlinesOf(t, lc, tt.from, tt.to)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Deadlines(%v, %v) mismatch (-want +got) (%s):\n%s", tt.from, tt.to, tt.reason, diff)
			}
			for _, loc := range locations(t) {
				if diff := cmp.Diff(got, deadlinesOf(t, lc, tt.from.In(loc), tt.to.In(loc))); diff != "" {
					t.Errorf("Deadlines in %v differs from UTC (-UTC +%v):\n%s", loc, loc, diff)
				}
			}
		})
	}
}

// TestDeadlinesBoundaries asks for every deadline of the fixtures with
// windows whose ends lie just before, at and just after it: the interval
// is (from, to].
func TestDeadlinesBoundaries(t *testing.T) {
	for _, spec := range []lifecycle.Spec{ac08Spec(), ac11Spec(), cspMonthlySpec(), cspCancelSpec(), mcaSpec(), trialSpec(true), conflictSpec(), aoboSpec()} {
		lc := judge(t, mustNew(t, spec), builtin)
		all := deadlinesOf(t, lc, date(2000, 1, 1), date(2030, 1, 1))
		for _, d := range all {
			tests := []struct {
				name     string
				from, to time.Time
				want     bool
			}{
				{"to just before", d.At.Add(-time.Hour), d.At.Add(-time.Nanosecond), false},
				{"to at", d.At.Add(-time.Hour), d.At, true},
				{"to just after", d.At.Add(-time.Hour), d.At.Add(time.Nanosecond), true},
				{"from just before", d.At.Add(-time.Nanosecond), d.At.Add(time.Hour), true},
				{"from at", d.At, d.At.Add(time.Hour), false},
				{"from just after", d.At.Add(time.Nanosecond), d.At.Add(time.Hour), false},
				{"from just before, to at", d.At.Add(-time.Nanosecond), d.At, true},
			}
			for _, tt := range tests {
				got := slices.ContainsFunc(deadlinesOf(t, lc, tt.from, tt.to), func(x lifecycle.Deadline) bool {
					return x.Kind == d.Kind && x.At.Equal(d.At)
				})
				if got != tt.want {
					t.Errorf("%s: %v %v at %v, window %s (%v, %v]: listed %v, want %v",
						spec.ID, d.Kind, d.State, d.At, tt.name, tt.from, tt.to, got, tt.want)
				}
			}
		}
	}
}

// TestDeadlinesWindowsPartition: consecutive windows list every deadline
// once, and an empty window none.
func TestDeadlinesWindowsPartition(t *testing.T) {
	lc := judge(t, mustNew(t, cspMonthlySpec()), builtin)
	from, to := date(2026, 1, 1), date(2027, 1, 1)
	whole := deadlinesOf(t, lc, from, to)
	var parts []lifecycle.Deadline
	for t0 := from; t0.Before(to); t0 = t0.AddDate(0, 0, 1) { // nightly at 00:00Z, when renewals fall
		parts = append(parts, deadlinesOf(t, lc, t0, t0.AddDate(0, 0, 1))...)
	}
	if diff := cmp.Diff(whole, parts); diff != "" {
		t.Errorf("daily windows differ from the year (-year +days):\n%s", diff)
	}
	// The purchase on 2026-01-31, 11 renewals (2026-02-28 … 2026-12-31)
	// and 11 windows closing (2026-02-07 … 2026-12-07; the last renewal's
	// in 2027): nightly windows at 00:00Z, where the renewals fall, must
	// not drop or repeat them.
	if n := len(whole); n != 1+11+11 {
		t.Errorf("%d deadlines in 2026, want 23: %v", n, whole)
	}
	if got := deadlinesOf(t, lc, date(2026, 2, 28), date(2026, 2, 28)); len(got) != 0 {
		t.Errorf("Deadlines over an empty window = %v, want none", got)
	}
}

// TestDeadlinesStopEarly: a loop that breaks gets a prefix of the
// deadlines and the iterator stops (the runtime panics if it does not).
func TestDeadlinesStopEarly(t *testing.T) {
	lc := judge(t, mustNew(t, cspMonthlySpec()), builtin)
	seq, err := lc.Deadlines(date(2026, 1, 1), date(2199, 12, 31))
	if err != nil {
		t.Fatal(err)
	}
	all := deadlinesOf(t, lc, date(2026, 1, 1), date(2030, 1, 1))
	for n := 1; n <= 6; n++ {
		var got []lifecycle.Deadline
		for d := range seq {
			got = append(got, d)
			if len(got) == n {
				break
			}
		}
		if diff := cmp.Diff(all[:n], got); diff != "" {
			t.Errorf("first %d deadlines (-want +got):\n%s", n, diff)
		}
	}
}

// TestDeadlinesErrors: bad input is a *FieldError naming the field, and
// the sequence returned with it is empty.
func TestDeadlinesErrors(t *testing.T) {
	lc := judge(t, mustNew(t, ac08Spec()), builtin)
	at := date(2026, 6, 1)
	tests := []struct {
		name     string
		lc       lifecycle.Lifecycle
		from, to time.Time
		field    string
	}{
		{"zero lifecycle", lifecycle.Lifecycle{}, at, at, "Lifecycle"},
		{"zero from", lc, time.Time{}, at, "from"},
		{"zero to", lc, at, time.Time{}, "to"},
		{"from before 1900", lc, date(1899, 12, 31), at, "from"},
		{"to at 2200", lc, at, date(2200, 1, 1), "to"},
		{"to before from", lc, at, at.Add(-time.Nanosecond), "to"},
	}
	for _, tt := range tests {
		seq, err := tt.lc.Deadlines(tt.from, tt.to)
		var fe *lifecycle.FieldError
		if !errors.As(err, &fe) || fe.Field != tt.field || !errors.Is(err, lifecycle.ErrInvalid) {
			t.Errorf("%s: Deadlines error %v, want a *FieldError on %s", tt.name, err, tt.field)
		}
		if seq == nil {
			t.Errorf("%s: nil sequence", tt.name)
			continue
		}
		if got := collect(seq); len(got) != 0 {
			t.Errorf("%s: sequence with the error yields %v", tt.name, got)
		}
	}
	// The supported range's ends are accepted.
	if _, err := lc.Deadlines(date(1900, 1, 1), date(2200, 1, 1).Add(-time.Nanosecond)); err != nil {
		t.Errorf("Deadlines over the whole range: %v", err)
	}
}

// TestDeadlineKindText: text names round-trip; the zero and unknown kinds
// are errors.
func TestDeadlineKindText(t *testing.T) {
	tests := []struct {
		kind lifecycle.DeadlineKind
		name string
	}{
		{lifecycle.PhaseBegins, "phase-begins"},
		{lifecycle.TermRenews, "term-renews"},
		{lifecycle.CancelWindowCloses, "cancel-window-closes"},
		{lifecycle.ReactivationEnds, "reactivation-ends"},
		{lifecycle.LicenseConflictEnds, "license-conflict-ends"},
		{lifecycle.AdminCenterLagEnds, "admin-center-lag-ends"},
		{lifecycle.PurgeMayStart, "purge-may-start"},
		{lifecycle.DataGone, "data-gone"},
	}
	for _, tt := range tests {
		b, err := tt.kind.MarshalText()
		if err != nil || string(b) != tt.name || tt.kind.String() != tt.name || !tt.kind.IsValid() {
			t.Errorf("%d: MarshalText %q, %v; String %q; want %q", tt.kind, b, err, tt.kind.String(), tt.name)
		}
		var k lifecycle.DeadlineKind
		if err := k.UnmarshalText([]byte(tt.name)); err != nil || k != tt.kind {
			t.Errorf("UnmarshalText(%q) = %v, %v", tt.name, k, err)
		}
	}
	for _, bad := range []lifecycle.DeadlineKind{0, lifecycle.DataGone + 1} {
		if _, err := bad.MarshalText(); !errors.Is(err, lifecycle.ErrInvalid) || bad.IsValid() {
			t.Errorf("DeadlineKind(%d): MarshalText error %v, IsValid %v", bad, err, bad.IsValid())
		}
	}
	// Names are read in any ASCII case, as every enum's are; an unknown
	// one is refused.
	var k lifecycle.DeadlineKind
	if err := k.UnmarshalText([]byte("Phase-Begins")); err != nil || k != lifecycle.PhaseBegins {
		t.Errorf("UnmarshalText(Phase-Begins) = %v, %v; want phase-begins", k, err)
	}
	if err := k.UnmarshalText([]byte("phase-ends")); !errors.Is(err, lifecycle.ErrInvalid) || k != lifecycle.PhaseBegins {
		t.Errorf("UnmarshalText(phase-ends) = %v, %v; want ErrInvalid and k unchanged", k, err)
	}
}

// TestDeadlinesOfZeroValues: the sequence returned for zero inputs can be
// ranged over without a panic (the zero-value test calls the functions,
// not the iterators they return).
func TestDeadlinesOfZeroValues(t *testing.T) {
	var zero lifecycle.Lifecycle
	seq, _ := zero.Deadlines(time.Time{}, time.Time{})
	if got := collect(seq); len(got) != 0 {
		t.Errorf("Deadlines of zero values yields %v", got)
	}
}

// BenchmarkDeadlines lists a year of deadlines of a renewing monthly CSP
// subscription (12 renewals, 12 windows closing) and of a cancelled one.
func BenchmarkDeadlines(b *testing.B) {
	for _, spec := range []lifecycle.Spec{cspMonthlySpec(), ac08Spec()} {
		lc := judge(b, mustNew(b, spec), builtin)
		from, to := date(2026, 1, 1), date(2027, 1, 1)
		b.Run(spec.ID, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				seq, err := lc.Deadlines(from, to)
				if err != nil {
					b.Fatal(err)
				}
				n = 0
				for range seq {
					n++
				}
			}
			b.ReportMetric(float64(n), "deadlines/op")
		})
	}
}
