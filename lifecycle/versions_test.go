package lifecycle_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// This file holds the cases of a subscription that lives through several
// versions of the policy: each term's end of life is judged by the version
// in force on its end date (R-LC-14), each cancellation window by the
// version in force when it opened (R-CAN-14, R-CAN-15, R-CAN-5), each
// command by the version in force at its instant. Each test is named by
// the rule it pins; each failed when one set of rules judged the whole
// subscription.

// versionView is what a row of these tables compares: the phase and the
// versions that judged it.
type versionView struct {
	State     lifecycle.State
	Since     time.Time
	Cause     lifecycle.Cause
	Next      lifecycle.State
	NextAt    time.Time
	Lifecycle string // Versions().Lifecycle.Label()
}

func versionViewOf(s lifecycle.Status) versionView {
	return versionView{State: s.State(), Since: s.Since(), Cause: s.Cause(), Next: s.Next(), NextAt: s.NextAt(),
		Lifecycle: s.Versions().Lifecycle.Label()}
}

// atEach checks view at b−1ns (wanting before), b and b+1ns (wanting
// after), through Lifecycle.At and Evaluate, in UTC and other locations.
func atEach(t *testing.T, lc lifecycle.Lifecycle, name string, b time.Time, before, after versionView) {
	t.Helper()
	for _, c := range []struct {
		at   time.Time
		want versionView
	}{{b.Add(-time.Nanosecond), before}, {b, after}, {b.Add(time.Nanosecond), after}} {
		for _, loc := range append([]*time.Location{time.UTC}, locations(t)...) {
			at := c.at.In(loc)
			st, err := lc.At(at)
			if err != nil {
				t.Fatalf("%s: At(%v): %v", name, at, err)
			}
			if diff := cmp.Diff(c.want, versionViewOf(st)); diff != "" {
				t.Errorf("%s: At(%v) mismatch (-want +got):\n%s", name, at, diff)
			}
			one, err := lifecycle.Evaluate(lc.Subscription(), builtin, at)
			if err != nil {
				t.Fatalf("%s: Evaluate(%v): %v", name, at, err)
			}
			if diff := cmp.Diff(answersOf(st), answersOf(one)); diff != "" {
				t.Errorf("%s: Evaluate(%v) differs from At (-At +Evaluate):\n%s", name, at, diff)
			}
		}
	}
}

// TestR_LC_14_MCATermEndingAfterFebruary9 is the first scenario:
// an MCA monthly subscription bought on 2025-12-01 renews, recurring
// billing is turned off on 2026-02-10, and its term ends on 2026-02-28.
// That term's end is judged by the version in force on 2026-02-28 — no
// Expired state (R-LC-13, C-26): Disabled from the end date for 90 days —
// although the first term, ending 2025-12-31, fell under the 2024-09
// version, which has one.
func TestR_LC_14_MCATermEndingAfterFebruary9(t *testing.T) {
	start := utc(2025, 12, 1, 9, 0)
	off := utc(2026, 2, 10, 9, 0)
	sub := mustNew(t, lifecycle.Spec{ID: "R-LC-14/mca", Channel: policy.DirectMCA, Term: policy.Monthly,
		Start: start, End: mustDate(lifecycle.EndOfTerm(start, policy.Monthly)), Licenses: 5, Assigned: 5,
		PaymentMethod: true, RecurringBilling: true,
		History: []lifecycle.Event{{Kind: lifecycle.RecurringBillingOff, At: off, Actor: lifecycle.BillingAccountOwner}}})
	lc := judge(t, sub, builtin)
	E := date(2026, 2, 28)

	active := versionView{State: lifecycle.Active, Since: start, Cause: lifecycle.Purchased, Next: lifecycle.Disabled, NextAt: E, Lifecycle: "2025-12"}
	disabled := versionView{State: lifecycle.Disabled, Since: E, Cause: lifecycle.TermEnded, Next: lifecycle.Deleted, NextAt: date(2026, 5, 29), Lifecycle: "2025-12"}
	atEach(t, lc, "end date", E, active, disabled)
	atEach(t, lc, "deleted", date(2026, 5, 29), disabled,
		versionView{State: lifecycle.Deleted, Since: date(2026, 5, 29), Cause: lifecycle.DisabledEnded, Lifecycle: "2025-12"})
	// Before recurring billing was turned off the subscription renewed
	// each month, and the version that would judge the end of the term
	// it was in follows the renewals: 2024-09 for the term ending on
	// 2026-01-31, 2025-12 for the one ending on 2026-02-28.
	atEach(t, lc, "billing off", off,
		versionView{State: lifecycle.Active, Since: start, Cause: lifecycle.Purchased, Lifecycle: "2025-12"}, active)
	atEach(t, lc, "february term", date(2026, 2, 1),
		versionView{State: lifecycle.Active, Since: start, Cause: lifecycle.Purchased, Lifecycle: "2024-09"},
		versionView{State: lifecycle.Active, Since: start, Cause: lifecycle.Purchased, Lifecycle: "2025-12"})

	// The first term's end alone, had recurring billing been off from
	// the purchase, is judged by 2024-09: Expired for 30 days (AC-20).
	early := mustNew(t, lifecycle.Spec{ID: "R-LC-14/first-term", Channel: policy.DirectMCA, Term: policy.Monthly,
		Start: start, End: mustDate(lifecycle.EndOfTerm(start, policy.Monthly)), Licenses: 5, Assigned: 5, PaymentMethod: true})
	atEach(t, judge(t, early, builtin), "first term", date(2025, 12, 31),
		versionView{State: lifecycle.Active, Since: start, Cause: lifecycle.Purchased, Next: lifecycle.Expired, NextAt: date(2025, 12, 31), Lifecycle: "2024-09"},
		versionView{State: lifecycle.Expired, Since: date(2025, 12, 31), Cause: lifecycle.TermEnded, Next: lifecycle.Disabled, NextAt: date(2026, 1, 30), Lifecycle: "2024-09"})

	// Every phase names the version that judged it.
	var got []string
	for _, p := range lc.Phases() {
		got = append(got, p.State.String()+" "+p.Version.Label())
	}
	if want := []string{"active 2025-12", "disabled 2025-12", "deleted 2025-12"}; !cmp.Equal(got, want) {
		t.Errorf("Phases versions = %v, want %v", got, want)
	}
}

// TestR_LC_14_VolumeLicensingSecondTerm is the second scenario
// (C-1): a VL subscription whose first term ends on 2025-01-04 is renewed
// by its licensing partner (R-REA-9), so its second term ends on
// 2026-01-04. That end is judged by the 2025-02 version, under which
// services stay available while Expired; the 2024-03 version, in force
// on the first term's end, would have cut them off.
func TestR_LC_14_VolumeLicensingSecondTerm(t *testing.T) {
	start := utc(2024, 1, 5, 9, 0)
	spec := lifecycle.Spec{ID: "R-LC-14/vl", Channel: policy.VolumeLicensing, Term: policy.Annual,
		Start: start, End: day(2025, 1, 4), Licenses: 100, Assigned: 90}
	first := mustNew(t, spec)
	spec.History = []lifecycle.Event{{Kind: lifecycle.Renew, At: utc(2024, 12, 1, 9, 0), Actor: lifecycle.Partner}}
	renewed := mustNew(t, spec)

	for _, c := range []struct {
		name     string
		sub      lifecycle.Subscription
		at       time.Time
		services bool
		data     lifecycle.DataAccess
		version  string
	}{
		{"first term, 2024-03", first, date(2025, 1, 20), false, lifecycle.AdminsOnly, "2024-03"},
		{"second term, 2025-02", renewed, date(2026, 1, 20), true, lifecycle.Everyone, "2025-02"},
	} {
		st, err := judge(t, c.sub, builtin).At(c.at)
		if err != nil {
			t.Fatal(err)
		}
		caps := st.Capabilities()
		if st.State() != lifecycle.Expired || caps.Services != c.services || caps.Data != c.data || st.Versions().Lifecycle.Label() != c.version {
			t.Errorf("%s: %v services=%v data=%v judged by %q, want expired services=%v data=%v by %q",
				c.name, st.State(), caps.Services, caps.Data, st.Versions().Lifecycle.Label(), c.services, c.data, c.version)
		}
	}
	// The renewed term ends on 2026-01-04: Expired from that day.
	atEach(t, judge(t, renewed, builtin), "second term end", date(2026, 1, 4),
		versionView{State: lifecycle.Active, Since: start, Cause: lifecycle.Purchased, Next: lifecycle.Expired, NextAt: date(2026, 1, 4), Lifecycle: "2025-02"},
		versionView{State: lifecycle.Expired, Since: date(2026, 1, 4), Cause: lifecycle.TermEnded, Next: lifecycle.Disabled, NextAt: date(2026, 4, 4), Lifecycle: "2025-02"})
}

// cancelAt issues a partner's or billing owner's cancellation at at and
// returns the refusal, if any.
func cancelAt(t *testing.T, lc lifecycle.Lifecycle, actor lifecycle.Role, at time.Time) error {
	t.Helper()
	return lc.Check(lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: actor}, at)
}

// TestR_CAN_15_CSPRenewalWindow is the third scenario: a CSP
// monthly subscription bought on 2022-02-20 under the 72-hour window
// renews on 2022-03-20, when the seven-day (168-hour) window is in force;
// the renewal's window is judged by that version (R-CAN-14, R-CAN-15,
// DC-5: from 00:00Z of the renewal day, inclusive).
func TestR_CAN_15_CSPRenewalWindow(t *testing.T) {
	start := utc(2022, 2, 20, 10, 0)
	sub := mustNew(t, lifecycle.Spec{ID: "R-CAN-15", Channel: policy.CSPNewCommerce, Term: policy.Monthly,
		Start: start, End: mustDate(lifecycle.EndOfTerm(start, policy.Monthly)), Licenses: 10, Assigned: 10, RecurringBilling: true})
	lc := judge(t, sub, builtin)
	renewal := date(2022, 3, 20)
	closes := renewal.Add(168 * time.Hour)

	st, err := lc.At(renewal.Add(100 * time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if got := st.CancelWindowEnd(); !got.Equal(closes) {
		t.Errorf("CancelWindowEnd after the renewal = %v, want %v (168 hours from the renewal)", got, closes)
	}
	if got := st.Versions().Window.Label(); got != "2023-10" {
		t.Errorf("window judged by %q, want the 168-hour version 2023-10", got)
	}
	for _, c := range []struct {
		at time.Time
		ok bool
	}{
		{renewal.Add(96 * time.Hour), true},  // closed after 72 hours under the purchase's version
		{closes.Add(-time.Nanosecond), true}, //
		{closes, true},                       // DC-5: the boundary is inside
		{closes.Add(time.Nanosecond), false}, //
	} {
		err := cancelAt(t, lc, lifecycle.Partner, c.at)
		if (err == nil) != c.ok {
			t.Errorf("cancel at %v: %v, want allowed %v", c.at, err, c.ok)
		}
		if err != nil && !errors.Is(err, lifecycle.ErrWindowClosed) {
			t.Errorf("cancel at %v: %v, want ErrWindowClosed", c.at, err)
		}
	}
	// The purchase's own window was the 72-hour one of 2022-01.
	st, _ = lc.At(start.Add(time.Hour))
	if got, want := st.CancelWindowEnd(), start.Add(72*time.Hour); !got.Equal(want) {
		t.Errorf("purchase window ends %v, want %v", got, want)
	}
	if got := st.Versions().Window.Label(); got != "2022-01" {
		t.Errorf("purchase window judged by %q, want 2022-01", got)
	}
}

// TestR_CAN_14_WindowAtPurchase is the fourth scenario: a CSP
// subscription bought on 2022-01-10 (72 hours, R-CAN-14 at NCE launch)
// and an MCA subscription bought on 2024-08-01 (72 hours, R-CAN-5) can't
// be cancelled at +96 hours and +5 days: the window is judged by the
// version in force when it opened, whatever the version at the command.
func TestR_CAN_14_WindowAtPurchase(t *testing.T) {
	for _, c := range []struct {
		name   string
		spec   lifecycle.Spec
		actor  lifecycle.Role
		closes time.Time
		late   time.Time
		rule   string
	}{
		{"csp 2022-01-10", lifecycle.Spec{Channel: policy.CSPNewCommerce, Term: policy.Annual, Start: utc(2022, 1, 10, 10, 0),
			End: day(2023, 1, 9), Licenses: 10, Assigned: 10, RecurringBilling: true},
			lifecycle.Partner, utc(2022, 1, 13, 10, 0), utc(2022, 1, 14, 10, 0), "R-CAN-14"},
		{"mca 2024-08-01", lifecycle.Spec{Channel: policy.DirectMCA, Term: policy.Annual, Start: utc(2024, 8, 1, 10, 0),
			End: day(2025, 7, 31), Licenses: 10, Assigned: 10, PaymentMethod: true, RecurringBilling: true},
			lifecycle.BillingAccountOwner, utc(2024, 8, 4, 10, 0), utc(2024, 8, 6, 10, 0), "R-CAN-5"},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.spec.ID = c.name
			lc := judge(t, mustNew(t, c.spec), builtin)
			if err := cancelAt(t, lc, c.actor, c.closes); err != nil {
				t.Errorf("cancel at the end of the 72 hours: %v", err)
			}
			err := cancelAt(t, lc, c.actor, c.closes.Add(time.Nanosecond))
			var re *lifecycle.RefusalError
			if !errors.As(err, &re) || !errors.Is(err, lifecycle.ErrWindowClosed) {
				t.Fatalf("cancel just after 72 hours: %v, want a window refusal", err)
			}
			if !re.Until.Equal(c.closes) || !strings.Contains(re.Rule, c.rule) {
				t.Errorf("refusal until %v citing %q, want until %v citing %s", re.Until, re.Rule, c.closes, c.rule)
			}
			if err := cancelAt(t, lc, c.actor, c.late); !errors.Is(err, lifecycle.ErrWindowClosed) {
				t.Errorf("cancel at %v: %v, want ErrWindowClosed", c.late, err)
			}
		})
	}
}

// TestR_CAN_14_Retroactive: the seven-day window of March 2022 "will apply
// retroactively to subscriptions purchased seven days prior" (R-CAN-14,
// P-CRN-2022): a purchase on 2022-02-25, whose 72-hour window closed on
// 2022-02-28, can be cancelled until 2022-03-04; a purchase on
// 2022-02-20, whose seven days ended before March, keeps its 72 hours.
func TestR_CAN_14_Retroactive(t *testing.T) {
	for _, c := range []struct {
		start   time.Time
		closes  time.Time
		version string
	}{
		{utc(2022, 2, 25, 10, 0), utc(2022, 3, 4, 10, 0), "2023-10"},
		{utc(2022, 2, 21, 23, 59), utc(2022, 2, 24, 23, 59), "2022-01"}, // 168 hours end before 2022-03-01
		{utc(2022, 2, 22, 0, 0), utc(2022, 3, 1, 0, 0), "2023-10"},      // open exactly at 2022-03-01 (inclusive)
	} {
		sub := mustNew(t, lifecycle.Spec{ID: "R-CAN-14/retroactive", Channel: policy.CSPNewCommerce, Term: policy.Annual,
			Start: c.start, End: mustDate(lifecycle.EndOfTerm(c.start, policy.Annual)), Licenses: 10, Assigned: 10, RecurringBilling: true})
		lc := judge(t, sub, builtin)
		st, err := lc.At(c.start)
		if err != nil {
			t.Fatal(err)
		}
		if got := st.CancelWindowEnd(); !got.Equal(c.closes) || st.Versions().Window.Label() != c.version {
			t.Errorf("bought %v: window ends %v judged by %q, want %v by %q", c.start, got, st.Versions().Window.Label(), c.closes, c.version)
		}
		if err := cancelAt(t, lc, lifecycle.Partner, c.closes); err != nil {
			t.Errorf("bought %v: cancel at %v: %v", c.start, c.closes, err)
		}
		if err := cancelAt(t, lc, lifecycle.Partner, c.closes.Add(time.Nanosecond)); !errors.Is(err, lifecycle.ErrWindowClosed) {
			t.Errorf("bought %v: cancel just after %v: %v, want ErrWindowClosed", c.start, c.closes, err)
		}
	}
}

// TestR_LC_14_CommandsByTheVersionAtTheirInstant: a MOSA subscription
// bought in 2019 is cancelled in 2021 and again judged in 2026; the
// 2020–2021 online limit ("fewer than 25 licenses assigned", R-CAN-6)
// decides a cancellation in 2021, the current "25 or fewer licenses"
// (R-CAN-1) one in 2026 — Capabilities and Check agree at each instant.
func TestR_LC_14_CommandsByTheVersionAtTheirInstant(t *testing.T) {
	start := utc(2019, 6, 1, 9, 0)
	sub := mustNew(t, lifecycle.Spec{ID: "R-CAN-6/R-CAN-1", Channel: policy.DirectMOSA, Term: policy.Monthly,
		Start: start, End: mustDate(lifecycle.EndOfTerm(start, policy.Monthly)), Licenses: 25, Assigned: 25, PaymentMethod: true, RecurringBilling: true})
	lc := judge(t, sub, builtin)
	for _, c := range []struct {
		at      time.Time
		ok      bool
		version string
	}{
		{utc(2021, 6, 1, 9, 0), false, "2020"},     // R-CAN-6: 25 assigned is not fewer than 25
		{utc(2026, 6, 1, 9, 0), true, "2025-02"},   // R-CAN-1: 25 or fewer licenses
		{utc(2021, 12, 31, 23, 59), false, "2020"}, // the last minute of the 2020 version
		{date(2022, 1, 1), true, "2022"},           // R-CAN-5 without a billing profile: 25 or fewer
	} {
		st, err := lc.At(c.at)
		if err != nil {
			t.Fatal(err)
		}
		err = cancelAt(t, lc, lifecycle.BillingAdmin, c.at)
		if st.Capabilities().Cancel != c.ok || (err == nil) != c.ok || st.Versions().Commands.Label() != c.version {
			t.Errorf("at %v: Capabilities().Cancel=%v Check=%v by %q, want %v by %q",
				c.at, st.Capabilities().Cancel, err, st.Versions().Commands.Label(), c.ok, c.version)
		}
	}
}

// TestVersionsExplained: Explain names the versions that judged the
// answers, and says so when the phase and the commands are judged by
// different versions.
func TestVersionsExplained(t *testing.T) {
	start := utc(2025, 12, 1, 9, 0)
	sub := mustNew(t, lifecycle.Spec{ID: "explain", Channel: policy.DirectMCA, Term: policy.Annual,
		Start: start, End: mustDate(lifecycle.EndOfTerm(start, policy.Annual)), Licenses: 5, Assigned: 5, PaymentMethod: true})
	st, err := judge(t, sub, builtin).At(utc(2025, 12, 3, 9, 0))
	if err != nil {
		t.Fatal(err)
	}
	v := st.Versions()
	if v.Lifecycle.Label() != "2025-12" || v.Commands.Label() != "2024-09" || v.Window.Label() != "2024-09" {
		t.Fatalf("Versions = %v, %v, %v; want the end date's 2025-12 and the instant's 2024-09", v.Lifecycle, v.Commands, v.Window)
	}
	var rules []string
	for _, r := range st.Explain() {
		if r.Topic == "rules" {
			rules = append(rules, r.Text)
		}
	}
	if len(rules) != 2 || !strings.Contains(rules[0], "version 2025-12") || !strings.Contains(rules[1], "version 2024-09") {
		t.Errorf("rules reasons = %q, want the lifecycle's 2025-12 and the commands' 2024-09", rules)
	}
}

// TestJudgeNeedsVersionsFromTheFirstDay: a table without rules for the
// start of a subscription's life can't judge it; the error names the
// first instant not covered and wraps the policy's no-rule error. A table
// whose rules end can't be made at all (issue 12, defect 7).
func TestJudgeNeedsVersionsFromTheFirstDay(t *testing.T) {
	r := versionAt(t, mustNew(t, lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Annual, Start: date(2026, 1, 1), End: day(2026, 12, 31)}), date(2026, 1, 1))
	late, err := policy.NewTable([]policy.Row{{Channel: policy.DirectMOSA, From: date(2025, 1, 1), Rules: r}})
	if err != nil {
		t.Fatal(err)
	}
	spec := lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Annual, Start: utc(2024, 12, 31, 23, 0), End: day(2025, 12, 30)}
	_, err = lifecycle.Judge(mustNew(t, spec), late)
	var re *lifecycle.RulesError
	if !errors.As(err, &re) || !errors.Is(err, policy.ErrNoRule) || !errors.Is(err, lifecycle.ErrRulesMismatch) || !strings.Contains(err.Error(), "2024-12-31T00:00:00Z") {
		t.Errorf("before the first row: Judge = %v, want a *RulesError naming 2024-12-31T00:00:00Z and wrapping policy.ErrNoRule", err)
	}
	if _, err := lifecycle.Evaluate(mustNew(t, spec), late, spec.Start); !errors.Is(err, policy.ErrNoRule) {
		t.Errorf("before the first row: Evaluate = %v, want policy.ErrNoRule", err)
	}
	if _, err := policy.NewTable([]policy.Row{{Channel: policy.DirectMOSA, From: date(2025, 1, 1), Until: date(2027, 1, 1), Rules: r}}); !errors.Is(err, policy.ErrInvalid) {
		t.Errorf("NewTable with a last row that ends = %v, want policy.ErrInvalid", err)
	}
	if _, err := lifecycle.Judge(mustNew(t, lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Annual, Start: date(2026, 1, 1), End: day(2026, 12, 31)}), nil); !errors.Is(err, lifecycle.ErrRulesMismatch) {
		t.Errorf("Judge(nil table) = %v, want ErrRulesMismatch", err)
	}
}
