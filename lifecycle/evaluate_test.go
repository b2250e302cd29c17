package lifecycle_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// calendarRows are the month-end and leap-day cases: renewals of a term
// bought on the 31st, an end date on 2028-02-29, and day counts across
// February (DC-1, DC-2). Each is judged by the built-in table.
func calendarRows(t *testing.T) []acRow {
	var rows []acRow
	fix := func(spec lifecycle.Spec) fixture {
		return fixture{sub: mustNew(t, spec), table: builtin, rows: &rows}
	}
	type term struct{ Start, End clock.Date }
	termDates := func(s lifecycle.Status) any { return term{s.TermStart(), s.TermEnd()} }
	monthly := func(start time.Time) fixture {
		return fix(lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Monthly, Start: start,
			End: mustDate(lifecycle.EndOfTerm(start, policy.Monthly)), Licenses: 5, Assigned: 5, PaymentMethod: true, RecurringBilling: true})
	}

	// A monthly term bought on 2026-01-31 renews on the last day of
	// February and on the 31st again after it.
	jan := monthly(utc(2026, 1, 31, 9, 0))
	jan.row("month-end/2026/first", date(2026, 2, 15), termDates, term{day(2026, 1, 31), day(2026, 2, 27)}, "EndOfTerm: the day before the same day a month later, clamped")
	jan.edge("month-end/2026/feb", date(2026, 2, 28), termDates, term{day(2026, 1, 31), day(2026, 2, 27)}, term{day(2026, 2, 28), day(2026, 3, 30)}, "renews on 2026-02-28")
	jan.edge("month-end/2026/mar", date(2026, 3, 31), termDates, term{day(2026, 2, 28), day(2026, 3, 30)}, term{day(2026, 3, 31), day(2026, 4, 29)}, "back on the 31st after February")
	jan.row("month-end/2026/apr", date(2026, 5, 1), termDates, term{day(2026, 4, 30), day(2026, 5, 30)}, "30-day months clamp to the 30th")
	jan.row("month-end/2027/feb", date(2027, 2, 28), termDates, term{day(2027, 2, 28), day(2027, 3, 30)}, "a year later still anchored on the 31st")

	// The same in a leap year: renewals on 2028-02-29.
	leap := monthly(utc(2028, 1, 31, 9, 0))
	leap.edge("leap/feb-29", date(2028, 2, 29), termDates, term{day(2028, 1, 31), day(2028, 2, 28)}, term{day(2028, 2, 29), day(2028, 3, 30)}, "renews on the leap day")
	leap.edge("leap/mar-31", date(2028, 3, 31), termDates, term{day(2028, 2, 29), day(2028, 3, 30)}, term{day(2028, 3, 31), day(2028, 4, 29)}, "back on the 31st")

	// An event in a short month does not move the renewal day: a license
	// change on 2026-03-10 leaves the chain anchored on the 31st.
	evf := fix(lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Monthly, Start: utc(2026, 1, 31, 9, 0),
		End: day(2026, 2, 27), Licenses: 5, Assigned: 5, PaymentMethod: true, RecurringBilling: true,
		History: []lifecycle.Event{{Kind: lifecycle.ChangeLicenses, At: utc(2026, 3, 10, 9, 0), Licenses: 6, Assigned: 5}}})
	evf.edge("month-end/event", date(2026, 3, 31), termDates, term{day(2026, 2, 28), day(2026, 3, 30)}, term{day(2026, 3, 31), day(2026, 4, 29)},
		"a license change in the 28th-anchored term does not re-anchor the chain")

	// An annual term bought on a leap day ends on 2029-02-27 (clamped to
	// 2029-02-28, minus one day) and renews on 2029-02-28.
	ld := fix(lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Annual, Start: utc(2028, 2, 29, 9, 0),
		End: mustDate(lifecycle.EndOfTerm(utc(2028, 2, 29, 9, 0), policy.Annual)), Licenses: 5, Assigned: 5, PaymentMethod: true, RecurringBilling: true})
	ld.edge("leap/annual", date(2029, 2, 28), termDates, term{day(2028, 2, 29), day(2029, 2, 27)}, term{day(2029, 2, 28), day(2030, 2, 27)},
		"annual terms from a leap day renew on 02-28")
	ld.row("leap/annual/2032", date(2032, 3, 1), termDates, term{day(2032, 2, 29), day(2033, 2, 27)}, "and on 02-29 again in leap years")

	// An end date on the leap day: Expired = [2028-02-29, +30),
	// Disabled from 2028-03-30, Deleted from 2028-06-28.
	le := fix(lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Annual, Start: utc(2027, 3, 1, 9, 0), End: day(2028, 2, 29),
		Licenses: 5, Assigned: 5, PaymentMethod: true})
	le.edge("leap/expired", date(2028, 2, 29), phaseOf,
		phaseView{State: lifecycle.Active, Since: utc(2027, 3, 1, 9, 0), Cause: lifecycle.Purchased, Next: lifecycle.Expired, NextAt: date(2028, 2, 29)},
		phaseView{State: lifecycle.Expired, Since: date(2028, 2, 29), Cause: lifecycle.TermEnded, Next: lifecycle.Disabled, NextAt: date(2028, 3, 30)},
		"DC-3a on a leap day")
	le.edge("leap/disabled", date(2028, 3, 30), phaseOf,
		phaseView{State: lifecycle.Expired, Since: date(2028, 2, 29), Cause: lifecycle.TermEnded, Next: lifecycle.Disabled, NextAt: date(2028, 3, 30)},
		phaseView{State: lifecycle.Disabled, Since: date(2028, 3, 30), Cause: lifecycle.GraceEnded, Next: lifecycle.Deleted, NextAt: date(2028, 6, 28)},
		"DC-2: 30 days across March")

	// Expired across February of a leap and a common year: 30 days from
	// 2028-02-15 end on 2028-03-16, from 2027-02-15 on 2027-03-17.
	for _, y := range []int{2027, 2028} {
		E := date(y, 2, 15)
		f := fix(lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Annual, Start: utc(y-1, 2, 16, 9, 0), End: day(y, 2, 15), Licenses: 5, Assigned: 5})
		next := E.AddDate(0, 0, 30)
		f.edge(fmt.Sprintf("february/%d", y), next, phaseOf,
			phaseView{State: lifecycle.Expired, Since: E, Cause: lifecycle.TermEnded, Next: lifecycle.Disabled, NextAt: next},
			phaseView{State: lifecycle.Disabled, Since: next, Cause: lifecycle.GraceEnded, Next: lifecycle.Deleted, NextAt: next.AddDate(0, 0, 90)},
			"DC-2: calendar days, not months")
	}
	return rows
}

// TestEvaluateCalendar asks every calendar row of Lifecycle.At and of the
// one-shot Evaluate, which agree on every answer, in UTC and in other
// locations.
func TestEvaluateCalendar(t *testing.T) { checkStatusRows(t, calendarRows(t)) }

// TestEvaluateVersions asks the rows where the version that judges an
// answer is not the one in force on the first end date.
func TestEvaluateVersions(t *testing.T) { checkStatusRows(t, versionRows(t)) }

// checkStatusRows asks every row of Lifecycle.At and of Evaluate, which
// must agree, in UTC and in other locations.
func checkStatusRows(t *testing.T, rows []acRow) {
	locs := locations(t)
	for _, tt := range rows {
		t.Run(tt.name, func(t *testing.T) {
			lc := judge(t, tt.sub, tt.table)
			got := askBoth(t, lc, tt.table, tt.at)
			if diff := cmp.Diff(tt.want, tt.view(got)); diff != "" {
				t.Errorf("At() mismatch (-want +got):\n%s\nreason: %s", diff, tt.reason)
			}
			for _, loc := range locs {
				in := askBoth(t, lc, tt.table, tt.at.In(loc))
				if diff := cmp.Diff(answersOf(got), answersOf(in)); diff != "" {
					t.Errorf("At(at.In(%v)) differs from UTC (-utc +local):\n%s", loc, diff)
				}
			}
		})
	}
}

// versionRows are answers judged by the built-in table's versions as
// RULES.md §1.3 dates them: each term's end of life by the version in
// force on its end date (R-LC-14), each window by the version in force
// when it opened unless a later one is retroactive (R-CAN-14), commands by
// the version in force at the instant.
func versionRows(t *testing.T) []acRow {
	var rows []acRow
	fix := func(spec lifecycle.Spec) fixture {
		return fixture{sub: mustNew(t, spec), table: builtin, rows: &rows}
	}
	vs := func(life, window, commands string) versionLabels { return versionLabels{life, window, commands} }

	// A monthly MCA subscription bought on 2025-12-15 that stops renewing
	// on 2026-01-20: its first term ends 2026-01-14 (2024-09 rules), its
	// second 2026-02-14 (2025-12 rules, no Expired state).
	mca := fix(lifecycle.Spec{ID: "mca-monthly", Channel: policy.DirectMCA, Term: policy.Monthly, Start: utc(2025, 12, 15, 9, 0), End: day(2026, 1, 14),
		Licenses: 5, Assigned: 5, PaymentMethod: true, RecurringBilling: true,
		History: []lifecycle.Event{{Kind: lifecycle.RecurringBillingOff, At: utc(2026, 1, 20, 9, 0), Actor: lifecycle.BillingAccountOwner}}})
	mca.edge("mca/renewal/versions", date(2026, 1, 15), versionLabelsOf, vs("2024-09", "2024-09", "2024-09"), vs("2025-12", "2024-09", "2024-09"),
		"R-LC-14: the renewed term ends 2026-02-14, after 2026-02-09; its window opened under 2024-09")
	mca.edge("mca/renewal/window", date(2026, 1, 15), cancelOf,
		cancelView{State: lifecycle.Active, CancelWindowEnd: date(2025, 12, 22)},
		cancelView{State: lifecycle.Active, Cancel: true, CancelWindowEnd: date(2026, 1, 22)},
		"R-CAN-3, R-CAN-15, DC-6: the renewal opens a new seven-day window")
	mca.edge("mca/2026-02-09/versions", date(2026, 2, 9), versionLabelsOf, vs("2025-12", "2024-09", "2024-09"), vs("2025-12", "2024-09", "2025-12"),
		"commands by the version in force at the instant")
	mca.edge("mca/disabled", date(2026, 2, 14), phaseOf,
		phaseView{State: lifecycle.Active, Since: utc(2025, 12, 15, 9, 0), Cause: lifecycle.Purchased, Next: lifecycle.Disabled, NextAt: date(2026, 2, 14)},
		phaseView{State: lifecycle.Disabled, Since: date(2026, 2, 14), Cause: lifecycle.TermEnded, Next: lifecycle.Deleted, NextAt: date(2026, 5, 15)},
		"R-LC-13, R-LC-14, AC-54: no Expired for a term ending after 2026-02-09; Disabled from E, Deleted at E+90")
	mca.row("mca/2026-01-20/announced", utc(2026, 1, 20, 9, 0), phaseOf,
		phaseView{State: lifecycle.Active, Since: utc(2025, 12, 15, 9, 0), Cause: lifecycle.Purchased, Next: lifecycle.Disabled, NextAt: date(2026, 2, 14)},
		"R-LC-14: known before 2026-02-09, judged by the version on the end date")

	// The same subscription stopping on 2025-12-20: its last term ends
	// 2026-01-14, so the classic lifecycle runs past 2026-02-09.
	mcaOld := fix(lifecycle.Spec{ID: "mca-monthly-old", Channel: policy.DirectMCA, Term: policy.Monthly, Start: utc(2025, 12, 15, 9, 0), End: day(2026, 1, 14),
		Licenses: 5, Assigned: 5, PaymentMethod: true, RecurringBilling: true,
		History: []lifecycle.Event{{Kind: lifecycle.RecurringBillingOff, At: utc(2025, 12, 20, 9, 0), Actor: lifecycle.BillingAccountOwner}}})
	mcaOld.edge("mca-old/disabled", date(2026, 2, 13), phaseOf,
		phaseView{State: lifecycle.Expired, Since: date(2026, 1, 14), Cause: lifecycle.TermEnded, Next: lifecycle.Disabled, NextAt: date(2026, 2, 13)},
		phaseView{State: lifecycle.Disabled, Since: date(2026, 2, 13), Cause: lifecycle.GraceEnded, Next: lifecycle.Deleted, NextAt: date(2026, 5, 14)},
		"R-LC-14, AC-20: Expired 30 days under the 2024-09 rules of the end date")
	mcaOld.row("mca-old/2026-03-01/versions", date(2026, 3, 1), versionLabelsOf, vs("2024-09", "2024-09", "2025-12"),
		"R-LC-14: the phase by the end date's version, commands by today's")

	// CSP new commerce, bought around 168 hours before the seven-day
	// window took effect on 2022-03-01: it applies "retroactively to
	// subscriptions purchased seven days prior" (R-CAN-14).
	cutoff := date(2022, 3, 1).Add(-168 * time.Hour) // 2022-02-22T00:00Z
	for _, c := range []struct {
		name   string
		start  time.Time
		window string
		end    time.Time
		why    string
	}{
		{"csp/retroactive/before", cutoff.Add(-time.Nanosecond), "2022-01", cutoff.Add(72*time.Hour - time.Nanosecond), "168 h from the purchase end before 2022-03-01: the 72-hour window of 2022-01"},
		{"csp/retroactive/at", cutoff, "2023-10", date(2022, 3, 1), "168 h from the purchase end at 2022-03-01, inside an inclusive window: retroactive"},
		{"csp/retroactive/after", cutoff.Add(time.Nanosecond), "2023-10", date(2022, 3, 1).Add(time.Nanosecond), "within seven days prior: retroactive"},
	} {
		f := fix(lifecycle.Spec{ID: c.name, Channel: policy.CSPNewCommerce, Term: policy.Annual, Start: c.start,
			End: mustDate(lifecycle.EndOfTerm(c.start, policy.Annual)), Licenses: 10, Assigned: 10, RecurringBilling: true})
		f.row(c.name+"/window", c.start, func(s lifecycle.Status) any { return []any{s.Versions().Window.Label(), s.CancelWindowEnd()} },
			[]any{c.window, c.end}, "R-CAN-14: "+c.why)
		f.edge(c.name+"/cancel", c.end.Add(time.Nanosecond), cancelOf,
			cancelView{State: lifecycle.Active, Cancel: true, CancelWindowEnd: c.end},
			cancelView{State: lifecycle.Active, CancelWindowEnd: c.end}, "DC-5 inclusive: open at the boundary, closed one nanosecond after")
	}

	// Volume Licensing: a term ending under the 03/2024 version expires
	// without services (C-1, older text), though the 02/2025 version that
	// restored them is in force when the Expired state ends.
	vl := fix(lifecycle.Spec{ID: "vl-2024-03", Channel: policy.VolumeLicensing, Term: policy.Annual, Start: utc(2023, 7, 1, 9, 0), End: day(2024, 6, 30),
		Licenses: 100, Assigned: 90})
	vl.edge("vl/expired", date(2024, 6, 30), accessOf, accessView{State: lifecycle.Active, Services: true, Data: lifecycle.Everyone},
		accessView{State: lifecycle.Expired, Data: lifecycle.AdminsOnly}, "C-1 (03/2024), R-LC-14: services unavailable when Expired starts")
	vl.row("vl/expired/2025", date(2025, 3, 1), accessOf, accessView{State: lifecycle.Deleted, Data: lifecycle.Nobody}, "§1.1 row 7: Expired 90, Disabled 60 days")
	vl.edge("vl/disabled", date(2024, 9, 28), phaseOf,
		phaseView{State: lifecycle.Expired, Since: date(2024, 6, 30), Cause: lifecycle.TermEnded, Next: lifecycle.Disabled, NextAt: date(2024, 9, 28)},
		phaseView{State: lifecycle.Disabled, Since: date(2024, 9, 28), Cause: lifecycle.GraceEnded, Next: lifecycle.Deleted, NextAt: date(2024, 11, 27)},
		"§1.1 row 7 (03/2024): Expired 90 days, Disabled 60")
	return rows
}

// TestEvaluateSpecLocation: a Spec whose instants are given in another
// location is the same subscription and gets the same answers and phases.
func TestEvaluateSpecLocation(t *testing.T) {
	spec := lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Annual, Start: utc(2025, 4, 1, 2, 0), End: day(2026, 3, 31),
		Licenses: 10, Assigned: 8, PaymentMethod: true, RecurringBilling: true,
		History: []lifecycle.Event{
			{Kind: lifecycle.RecurringBillingOff, At: utc(2026, 2, 1, 3, 0)},
			{Kind: lifecycle.Reactivate, At: utc(2026, 5, 1, 1, 30)},
		}}
	utcLC := judge(t, mustNew(t, spec), builtin)
	for _, loc := range locations(t) {
		local := spec
		local.Start = spec.Start.In(loc) // End is a calendar date: it has no location
		local.History = nil
		for _, e := range spec.History {
			e.At = e.At.In(loc)
			local.History = append(local.History, e)
		}
		lc := judge(t, mustNew(t, local), builtin)
		if diff := cmp.Diff(utcLC.Phases(), lc.Phases()); diff != "" {
			t.Fatalf("Phases(spec in %v) mismatch (-utc +local):\n%s", loc, diff)
		}
		for at := utc(2025, 4, 1, 2, 0); at.Before(date(2026, 12, 31)); at = at.Add(7*24*time.Hour + 90*time.Minute) {
			want := askBoth(t, utcLC, builtin, at)
			got := askBoth(t, lc, builtin, at.In(loc))
			if diff := cmp.Diff(answersOf(want), answersOf(got)); diff != "" {
				t.Fatalf("At(spec in %v, %v) mismatch (-utc +local):\n%s", loc, at, diff)
			}
		}
	}
}

// TestEvaluateIgnoresLaterEvents: Evaluate judges the history up to and
// including at, so an impossible event after at does not matter yet;
// Judge and Timeline judge the whole history and refuse it.
func TestEvaluateIgnoresLaterEvents(t *testing.T) {
	bad := utc(2026, 6, 1, 9, 0)
	sub := mustNew(t, lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Annual, Start: utc(2025, 4, 1, 10, 0), End: day(2026, 3, 31),
		Licenses: 10, Assigned: 8, PaymentMethod: true, RecurringBilling: true,
		History: []lifecycle.Event{{Kind: lifecycle.Unsuspend, At: bad}}})
	before := bad.Add(-time.Nanosecond)
	st, err := lifecycle.Evaluate(sub, builtin, before)
	if err != nil {
		t.Fatalf("Evaluate before the impossible event: %v, want no error", err)
	}
	// As known just before: the subscription without the event.
	upTo, err := historyUpTo(sub, before)
	if err != nil {
		t.Fatal(err)
	}
	known := askBoth(t, judge(t, upTo, builtin), builtin, before)
	if diff := cmp.Diff(answersOf(known), answersOf(st)); diff != "" {
		t.Errorf("Evaluate before the impossible event differs from the history known then (-known +got):\n%s", diff)
	}
	for _, at := range []time.Time{bad, bad.Add(time.Nanosecond)} {
		if _, err := lifecycle.Evaluate(sub, builtin, at); !errors.Is(err, lifecycle.ErrHistory) {
			t.Errorf("Evaluate(%v) error = %v, want ErrHistory", at, err)
		}
	}
	if lc, err := lifecycle.Judge(sub, builtin); !errors.Is(err, lifecycle.ErrHistory) || !lc.IsZero() {
		t.Errorf("Judge = %v, %v; want the zero Lifecycle and ErrHistory", lc.IsZero(), err)
	}
	if ph, err := lifecycle.Timeline(sub, builtin); !errors.Is(err, lifecycle.ErrHistory) || ph != nil {
		t.Errorf("Timeline = %v, %v; want nil and ErrHistory", ph, err)
	}
}

// validSpec is a valid annual MOSA subscription to derive bad input from.
func validSpec() lifecycle.Spec {
	return lifecycle.Spec{ID: "ok", Channel: policy.DirectMOSA, Term: policy.Annual, Start: utc(2025, 4, 1, 10, 0), End: day(2026, 3, 31),
		Licenses: 10, Assigned: 8, PaymentMethod: true, RecurringBilling: true}
}

func TestNewInvalid(t *testing.T) {
	ev := func(k lifecycle.EventKind, at time.Time) lifecycle.Event { return lifecycle.Event{Kind: k, At: at} }
	tests := []struct {
		name   string
		mutate func(*lifecycle.Spec)
		field  string // the field the error names
		value  string // the value it names
		hist   bool   // a *HistoryError rather than a *FieldError
	}{
		{"zero channel", func(s *lifecycle.Spec) { s.Channel = 0 }, "Spec.Channel", "%!Channel(0)", false},
		{"unknown channel", func(s *lifecycle.Spec) { s.Channel = 99 }, "Spec.Channel", "%!Channel(99)", false},
		{"zero term", func(s *lifecycle.Spec) { s.Term = 0 }, "Spec.Term", "%!Term(0)", false},
		{"unknown term", func(s *lifecycle.Spec) { s.Term = 7 }, "Spec.Term", "%!Term(7)", false},
		{"zero start", func(s *lifecycle.Spec) { s.Start = time.Time{} }, "Spec.Start", "0001-01-01T00:00:00Z", false},
		{"start out of range", func(s *lifecycle.Spec) { s.Start = date(1850, 1, 1) }, "Spec.Start", "1850-01-01T00:00:00Z", false},
		{"zero end", func(s *lifecycle.Spec) { s.End = clock.Date{} }, "Spec.End", "clock.Date{}", false},
		{"invalid end", func(s *lifecycle.Spec) { s.End = clock.Date{Year: 2026, Month: time.February, Day: 29} }, "Spec.End", "%!Date(2026-02-29)", false},
		{"end month 13", func(s *lifecycle.Spec) { s.End = clock.Date{Year: 2026, Month: 13, Day: 1} }, "Spec.End", "%!Date(2026-13-01)", false},
		{"end out of range", func(s *lifecycle.Spec) { s.End = day(2200, 1, 1) }, "Spec.End", "2200-01-01", false},
		{"end before the range", func(s *lifecycle.Spec) { s.End = day(1899, 12, 31) }, "Spec.End", "1899-12-31", false},
		{"end before start", func(s *lifecycle.Spec) { s.End = day(2025, 3, 31) }, "Spec.End", "2025-03-31", false},
		{"negative licenses", func(s *lifecycle.Spec) { s.Licenses = -1 }, "Spec.Licenses", "-1", false},
		{"negative assigned", func(s *lifecycle.Spec) { s.Assigned = -3 }, "Spec.Assigned", "-3", false},
		{"assigned above licenses", func(s *lifecycle.Spec) { s.Assigned = 11 }, "Spec.Assigned", "11", false},
		{"zero event kind", func(s *lifecycle.Spec) { s.History = []lifecycle.Event{ev(0, utc(2025, 5, 1, 0, 0))} }, "Spec.History[0].Kind", "%!EventKind(0)", false},
		{"unknown event kind", func(s *lifecycle.Spec) { s.History = []lifecycle.Event{ev(200, utc(2025, 5, 1, 0, 0))} }, "Spec.History[0].Kind", "%!EventKind(200)", false},
		{"zero event instant", func(s *lifecycle.Spec) { s.History = []lifecycle.Event{ev(lifecycle.RecurringBillingOff, time.Time{})} }, "Spec.History[0].At", "0001-01-01T00:00:00Z", false},
		{"event before start", func(s *lifecycle.Spec) {
			s.History = []lifecycle.Event{ev(lifecycle.RecurringBillingOff, utc(2025, 4, 1, 9, 59))}
		}, "history[0]", "2025-04-01T09:59:00Z", true},
		{"events out of order", func(s *lifecycle.Spec) {
			s.History = []lifecycle.Event{ev(lifecycle.RecurringBillingOff, utc(2025, 6, 1, 0, 0)), ev(lifecycle.RecurringBillingOn, utc(2025, 5, 1, 0, 0))}
		}, "history[1]", "2025-05-01T00:00:00Z", true},
		{"invalid actor", func(s *lifecycle.Spec) {
			s.History = []lifecycle.Event{{Kind: lifecycle.RecurringBillingOff, At: utc(2025, 6, 1, 0, 0), Actor: 77}}
		}, "Spec.History[0].Actor", "%!Role(77)", false},
		{"negative event licenses", func(s *lifecycle.Spec) {
			s.History = []lifecycle.Event{{Kind: lifecycle.ChangeLicenses, At: utc(2025, 6, 1, 0, 0), Licenses: -5}}
		}, "Spec.History[0].Licenses", "-5", false},
		{"negative event assigned", func(s *lifecycle.Spec) {
			s.History = []lifecycle.Event{{Kind: lifecycle.ChangeLicenses, At: utc(2025, 6, 1, 0, 0), Licenses: 5, Assigned: -2}}
		}, "Spec.History[0].Assigned", "-2", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spec := validSpec()
			tt.mutate(&spec)
			sub, err := lifecycle.New(spec)
			if err == nil {
				t.Fatalf("New() = %v, nil; want an error naming %s", sub.ID(), tt.field)
			}
			if !sub.IsZero() {
				t.Errorf("New() returned a non-zero Subscription with an error")
			}
			if !errors.Is(err, lifecycle.ErrInvalid) {
				t.Errorf("errors.Is(%v, ErrInvalid) = false", err)
			}
			if tt.hist {
				var he *lifecycle.HistoryError
				if !errors.As(err, &he) || !errors.Is(err, lifecycle.ErrHistory) {
					t.Errorf("New() error = %T %v, want a *HistoryError matching ErrHistory", err, err)
				}
			} else {
				var fe *lifecycle.FieldError
				if !errors.As(err, &fe) {
					t.Fatalf("New() error = %T %v, want a *FieldError", err, err)
				}
				if fe.Field != tt.field {
					t.Errorf("FieldError.Field = %q, want %q", fe.Field, tt.field)
				}
			}
			if msg := err.Error(); !strings.Contains(msg, tt.field) || !strings.Contains(msg, tt.value) || !strings.HasPrefix(msg, "lifecycle: ") {
				t.Errorf("error %q does not start with \"lifecycle: \" or name %s and %s", msg, tt.field, tt.value)
			}
		})
	}
}

// TestPinInvalidRules: rules that can't judge anything never reach
// package lifecycle — policy.Pin (like policy.NewTable) refuses them with
// an error naming the field and value, matching policy.ErrInvalid.
func TestPinInvalidRules(t *testing.T) {
	good := versionAt(t, mustNew(t, validSpec()), date(2026, 3, 31))
	for _, tt := range []struct {
		name   string
		mutate func(*policy.Rules)
		want   string
	}{
		{"zero rules", func(r *policy.Rules) { *r = policy.Rules{} }, "Rules.Channel = %!Channel(0)"},
		{"missing rule ids", func(r *policy.Rules) { r.Cite.Rules = "" }, `Rules.Cite.Rules = ""`},
		{"missing sources", func(r *policy.Rules) { r.Cite.Sources = "" }, `Rules.Cite.Sources = ""`},
		{"invalid anchor", func(r *policy.Rules) { r.ExpiryAnchor = 9 }, "Rules.ExpiryAnchor = %!ExpiryAnchor(9)"},
		{"negative expired days", func(r *policy.Rules) { r.ExpiredDays = -1 }, "Rules.ExpiredDays = -1"},
		{"negative disabled days", func(r *policy.Rules) { r.DisabledDays = -90 }, "Rules.DisabledDays = -90"},
		{"absurd disabled days", func(r *policy.Rules) { r.DisabledDays = 1 << 40 }, "Rules.DisabledDays = 1099511627776"},
		{"negative purge days", func(r *policy.Rules) { r.Purge.CancelDeadlineDays = -180 }, "Rules.Purge.CancelDeadlineDays = -180"},
		{"negative delete hours", func(r *policy.Rules) { r.Reactivation.ExplicitDeleteHours = -72 }, "Rules.Reactivation.ExplicitDeleteHours = -72"},
		{"empty window", func(r *policy.Rules) { r.Cancel.Window = policy.Window{Kind: policy.AfterStart, Unit: policy.Days} }, "Rules.Cancel.Window.Length = 0"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := good
			tt.mutate(&r)
			tbl, err := policy.Pin(r)
			if err == nil || tbl != nil {
				t.Fatalf("Pin() = %v, %v; want nil and an error naming %s", tbl, err, tt.want)
			}
			if !errors.Is(err, policy.ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Pin() error = %q, want policy.ErrInvalid naming %q", err, tt.want)
			}
		})
	}
}

// TestEvaluateInvalid: tables that do not fit, instants out of range and
// histories that could not have happened are errors naming the field (or
// event) and value, from Evaluate, Judge, Lifecycle.At and Timeline.
func TestEvaluateInvalid(t *testing.T) {
	sub := mustNew(t, validSpec())
	at := date(2026, 1, 1)
	withHistory := func(evs ...lifecycle.Event) lifecycle.Subscription {
		s := validSpec()
		s.History = evs
		return mustNew(t, s)
	}
	mca := pin(t, versionAt(t, mustNew(t, lifecycle.Spec{Channel: policy.DirectMCA, Term: policy.Annual, Start: at, End: day(2026, 12, 31)}), at))
	trial := validSpec()
	trial.Channel, trial.Trial = policy.Enterprise, true
	trialSub := mustNew(t, trial)
	old := validSpec()
	old.Start, old.End = utc(2005, 1, 1, 0, 0), day(2005, 12, 31) // before the first documented rule
	late := mosaTable(t, [2]time.Time{date(2025, 6, 1), {}})      // no version before 2025-06-01
	cancel := lifecycle.Event{Kind: lifecycle.CancelNow, At: utc(2025, 5, 1, 9, 0)}
	del := lifecycle.Event{Kind: lifecycle.Delete, At: utc(2025, 5, 2, 9, 0)}
	tests := []struct {
		name   string
		sub    lifecycle.Subscription
		table  *policy.Table
		at     time.Time
		is     error  // the sentinel the error matches besides ErrInvalid
		want   string // text the message must hold: field or event, and value
		judged bool   // Judge and Timeline fail too (the error is not about the instant)
	}{
		{"zero subscription", lifecycle.Subscription{}, builtin, at, lifecycle.ErrInvalid, `Subscription = "zero"`, true},
		{"nil table", sub, nil, at, lifecycle.ErrRulesMismatch, `table = "nil"`, true},
		{"table of another channel", sub, mca, at, policy.ErrNoRule, `table = "pinned": no rules for direct-mosa/annual`, true},
		{"before the first rule", mustNew(t, old), builtin, date(2005, 6, 1), policy.ErrNoRule, "no rules in force from 2005-01-01T00:00:00Z", true},
		{"table begins after the purchase", sub, late, at, policy.ErrNoRule, "no rules in force from 2025-04-01T00:00:00Z", true},
		{"trial without trial rules", trialSub, builtin, at, lifecycle.ErrRulesMismatch, "Rules.Trial.Available = false", true},
		{"zero at", sub, builtin, time.Time{}, lifecycle.ErrInvalid, "at = 0001-01-01T00:00:00Z", false},
		{"at out of range", sub, builtin, date(2300, 1, 1), lifecycle.ErrInvalid, "at = 2300-01-01T00:00:00Z", false},
		{"at on the upper bound", sub, builtin, date(2200, 1, 1), lifecycle.ErrInvalid, "at = 2200-01-01T00:00:00Z", false},
		{"at before start", sub, builtin, utc(2025, 4, 1, 9, 0), lifecycle.ErrInvalid, "at = 2025-04-01T09:00:00Z: before the subscription started", false},
		{"at just before start", sub, builtin, utc(2025, 4, 1, 10, 0).Add(-time.Nanosecond), lifecycle.ErrInvalid, "at = 2025-04-01T09:59:59.999999999Z: before the subscription started", false},
		{"event after deleted", withHistory(cancel, del, lifecycle.Event{Kind: lifecycle.Reactivate, At: utc(2025, 5, 3, 9, 0)}), builtin, at, lifecycle.ErrHistory,
			"history[2] reactivate at 2025-05-03T09:00:00Z in state deleted", true},
		{"recurring billing after deleted", withHistory(cancel, del, lifecycle.Event{Kind: lifecycle.RecurringBillingOn, At: utc(2025, 5, 3, 9, 0)}), builtin, at, lifecycle.ErrHistory,
			"history[2] recurring-billing-on at 2025-05-03T09:00:00Z in state deleted", true},
		{"cancel while disabled", withHistory(cancel, lifecycle.Event{Kind: lifecycle.CancelNow, At: utc(2025, 5, 3, 9, 0)}), builtin, at, lifecycle.ErrHistory,
			"history[1] cancel-now at 2025-05-03T09:00:00Z in state disabled", true},
		{"reactivate while active", withHistory(lifecycle.Event{Kind: lifecycle.Reactivate, At: utc(2025, 5, 3, 9, 0)}), builtin, at, lifecycle.ErrHistory,
			"history[0] reactivate at 2025-05-03T09:00:00Z in state active", true},
		{"delete while active", withHistory(lifecycle.Event{Kind: lifecycle.Delete, At: utc(2025, 5, 3, 9, 0)}), builtin, at, lifecycle.ErrHistory,
			"history[0] delete at 2025-05-03T09:00:00Z in state active", true},
		{"suspend on a direct channel", withHistory(lifecycle.Event{Kind: lifecycle.Suspend, At: utc(2025, 5, 3, 9, 0)}), builtin, at, lifecycle.ErrHistory,
			"history[0] suspend at 2025-05-03T09:00:00Z in state active", true},
		{"unsuspend while active", withHistory(lifecycle.Event{Kind: lifecycle.Unsuspend, At: utc(2025, 5, 3, 9, 0)}), builtin, at, lifecycle.ErrHistory,
			"history[0] unsuspend at 2025-05-03T09:00:00Z", true},
		{"extend a paid subscription", withHistory(lifecycle.Event{Kind: lifecycle.ExtendTrial, At: utc(2025, 5, 3, 9, 0)}), builtin, at, lifecycle.ErrHistory,
			"history[0] extend-trial at 2025-05-03T09:00:00Z", true},
		{"recurring billing while expired", withHistory(lifecycle.Event{Kind: lifecycle.RecurringBillingOff, At: utc(2025, 5, 3, 9, 0)},
			lifecycle.Event{Kind: lifecycle.RecurringBillingOn, At: utc(2026, 4, 2, 9, 0)}), builtin, at.AddDate(1, 0, 0), lifecycle.ErrHistory,
			"history[1] recurring-billing-on at 2026-04-02T09:00:00Z in state expired", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check := func(fn string, err error) {
				t.Helper()
				if err == nil {
					t.Fatalf("%s() error = nil, want one holding %q", fn, tt.want)
				}
				if !errors.Is(err, lifecycle.ErrInvalid) || !errors.Is(err, tt.is) {
					t.Errorf("%s() error = %v, want it to match ErrInvalid and %v", fn, err, tt.is)
				}
				if !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "lifecycle: ") {
					t.Errorf("%s() error = %q, want it to start with \"lifecycle: \" and hold %q", fn, err, tt.want)
				}
				var fe *lifecycle.FieldError
				var he *lifecycle.HistoryError
				var re *lifecycle.RulesError
				if !errors.As(err, &fe) && !errors.As(err, &he) && !errors.As(err, &re) {
					t.Errorf("%s() error is a %T, want a *FieldError, *HistoryError or *RulesError", fn, err)
				}
				if errors.Is(err, policy.ErrNoRule) {
					var nr *policy.NoRuleError
					if !errors.As(err, &re) || !errors.As(err, &nr) || nr.Key.Channel != tt.sub.Channel() {
						t.Errorf("%s() error = %v, want a *RulesError wrapping the *policy.NoRuleError for %v", fn, err, tt.sub.Channel())
					}
				}
			}
			s, err := lifecycle.Evaluate(tt.sub, tt.table, tt.at)
			check("Evaluate", err)
			if s != (lifecycle.Status{}) {
				t.Errorf("Evaluate() returned a non-zero Status with an error: %+v", answersOf(s))
			}
			lc, err := lifecycle.Judge(tt.sub, tt.table)
			if tt.judged {
				check("Judge", err)
				if !lc.IsZero() {
					t.Error("Judge() returned a non-zero Lifecycle with an error")
				}
				ph, err := lifecycle.Timeline(tt.sub, tt.table)
				check("Timeline", err)
				if ph != nil {
					t.Errorf("Timeline() = %v with an error, want nil", ph)
				}
				return
			}
			if err != nil {
				t.Fatalf("Judge() error = %v; the error is about the instant only", err)
			}
			s, err = lc.At(tt.at)
			check("At", err)
			if s != (lifecycle.Status{}) {
				t.Errorf("At() returned a non-zero Status with an error: %+v", answersOf(s))
			}
		})
	}
}

// mosaTable returns a table of the current Direct MOSA rules in force
// during the given periods only ([from, until); a zero until is
// open-ended).
func mosaTable(tb testing.TB, periods ...[2]time.Time) *policy.Table {
	tb.Helper()
	tbl, err := policy.NewTable(mosaRows(tb, periods...))
	if err != nil {
		tb.Fatalf("NewTable: %v", err)
	}
	return tbl
}

// mosaRows returns the rows of mosaTable.
func mosaRows(tb testing.TB, periods ...[2]time.Time) []policy.Row {
	tb.Helper()
	r := versionAt(tb, mustNew(tb, validSpec()), date(2026, 3, 31))
	var rows []policy.Row
	for _, p := range periods {
		rows = append(rows, policy.Row{Channel: policy.DirectMOSA, From: p[0], Until: p[1], Rules: r})
	}
	return rows
}

// TestJudgeCoverage: the table must have versions in force for the key
// from the subscription's first day on, whatever instant is asked: a
// *RulesError wrapping the *policy.NoRuleError at the first instant not
// covered. A gap between versions, or an end, can't be judged because
// policy.NewTable refuses the table (issue 12, defect 7): the validation
// happens once, where the table is made.
func TestJudgeCoverage(t *testing.T) {
	sub := mustNew(t, validSpec()) // from 2025-04-01
	for _, tt := range []struct {
		name    string
		periods [][2]time.Time
		from    time.Time // the first instant not covered; zero: covered
		refused bool      // NewTable refuses the periods
	}{
		{"open-ended", [][2]time.Time{{date(2020, 1, 1), {}}}, time.Time{}, false},
		{"from the first day", [][2]time.Time{{date(2025, 4, 1), {}}}, time.Time{}, false},
		{"from the purchase instant only", [][2]time.Time{{utc(2025, 4, 1, 10, 0), {}}}, date(2025, 4, 1), false},
		{"from the day after", [][2]time.Time{{date(2025, 4, 2), {}}}, date(2025, 4, 1), false},
		{"contiguous versions", [][2]time.Time{{date(2020, 1, 1), date(2025, 6, 1)}, {date(2025, 6, 1), {}}}, time.Time{}, false},
		{"a gap", [][2]time.Time{{date(2020, 1, 1), date(2025, 6, 1)}, {date(2025, 6, 1).Add(time.Nanosecond), {}}}, time.Time{}, true},
		{"an end after the last phase", [][2]time.Time{{date(2020, 1, 1), date(2030, 1, 1)}}, time.Time{}, true},
		{"an end before the purchase", [][2]time.Time{{date(2020, 1, 1), date(2025, 1, 1)}, {date(2027, 1, 1), {}}}, time.Time{}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if tt.refused {
				if _, err := policy.NewTable(mosaRows(t, tt.periods...)); !errors.Is(err, policy.ErrInvalid) {
					t.Fatalf("NewTable = %v, want policy.ErrInvalid: a table with a gap or an end can't be made", err)
				}
				return
			}
			tbl := mosaTable(t, tt.periods...)
			_, err := lifecycle.Judge(sub, tbl)
			_, evalErr := lifecycle.Evaluate(sub, tbl, date(2025, 4, 2))
			if tt.from.IsZero() {
				if err != nil || evalErr != nil {
					t.Fatalf("Judge, Evaluate = %v, %v; want no error", err, evalErr)
				}
				return
			}
			for fn, err := range map[string]error{"Judge": err, "Evaluate": evalErr} {
				var re *lifecycle.RulesError
				var nr *policy.NoRuleError
				if !errors.As(err, &re) || !errors.As(err, &nr) || !errors.Is(err, policy.ErrNoRule) || !errors.Is(err, lifecycle.ErrRulesMismatch) {
					t.Fatalf("%s error = %v, want a *RulesError wrapping a *policy.NoRuleError", fn, err)
				}
				if !nr.At.Equal(tt.from) || !strings.Contains(err.Error(), "no rules in force from "+tt.from.Format(time.RFC3339)) {
					t.Errorf("%s error = %v, want it to name %v", fn, err, tt.from)
				}
			}
		})
	}
}

// TestHistoryErrorIndex: the error names the event's position, kind and
// the state it found, from Judge and Evaluate alike.
func TestHistoryErrorIndex(t *testing.T) {
	s := validSpec()
	s.History = []lifecycle.Event{
		{Kind: lifecycle.CancelNow, At: utc(2025, 5, 1, 9, 0)},
		{Kind: lifecycle.Delete, At: utc(2025, 5, 2, 9, 0)},
		{Kind: lifecycle.CancelNow, At: utc(2025, 5, 3, 9, 0)},
	}
	sub := mustNew(t, s)
	_, evalErr := lifecycle.Evaluate(sub, builtin, date(2025, 6, 1))
	_, judgeErr := lifecycle.Judge(sub, builtin)
	for fn, err := range map[string]error{"Evaluate": evalErr, "Judge": judgeErr} {
		var he *lifecycle.HistoryError
		if !errors.As(err, &he) {
			t.Fatalf("%s() error = %v, want a *HistoryError", fn, err)
		}
		want := lifecycle.HistoryError{Index: 2, Kind: lifecycle.CancelNow, At: utc(2025, 5, 3, 9, 0), State: lifecycle.Deleted}
		got := *he
		got.Reason = ""
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s(): HistoryError mismatch (-want +got):\n%s", fn, diff)
		}
	}
}

// TestTrialExtensions: a direct trial extends once (R-TRI-4); a CSP
// traditional trial can't be extended (R-TRI-8, AC-45).
func TestTrialExtensions(t *testing.T) {
	start := utc(2026, 5, 1, 8, 0)
	ext := func(ch policy.Channel, n int) lifecycle.Subscription {
		s := lifecycle.Spec{Channel: ch, Term: policy.Annual, Trial: true, Start: start, End: mustDate(lifecycle.EndOfTrial(start, 30)), Licenses: 25}
		for i := range n {
			s.History = append(s.History, lifecycle.Event{Kind: lifecycle.ExtendTrial, At: utc(2026, 5, 20+i, 9, 0)})
		}
		return mustNew(t, s)
	}
	once := judge(t, ext(policy.DirectMOSA, 1), builtin)
	st := askBoth(t, once, builtin, date(2026, 6, 15))
	if st.State() != lifecycle.Active || !st.Trial() || st.TermEnd() != day(2026, 6, 29) {
		t.Errorf("extended trial at 2026-06-15: state %v trial %v end %v, want an active trial ending 2026-06-29", st.State(), st.Trial(), st.TermEnd())
	}
	for _, c := range []struct {
		name string
		sub  lifecycle.Subscription
		why  string
	}{
		{"extended twice", ext(policy.DirectMOSA, 2), "R-TRI-4: only one time"},
		{"CSP legacy extended", ext(policy.CSPLegacy, 1), "AC-45: \"Free trials can't be extended\""},
	} {
		if _, err := lifecycle.Evaluate(c.sub, builtin, date(2026, 6, 15)); !errors.Is(err, lifecycle.ErrHistory) {
			t.Errorf("Evaluate(%s) error = %v, want ErrHistory (%s)", c.name, err, c.why)
		}
		if _, err := lifecycle.Judge(c.sub, builtin); !errors.Is(err, lifecycle.ErrHistory) {
			t.Errorf("Judge(%s) error = %v, want ErrHistory (%s)", c.name, err, c.why)
		}
	}
}

// TestRulesValidateMissingSource: the policy side of "rules … missing
// source yields an error naming the field".
func TestRulesValidateMissingSource(t *testing.T) {
	sub := mustNew(t, validSpec())
	r := versionAt(t, sub, sub.End().UTC())
	r.Cite.Sources = ""
	r.ExpiredDays = -1
	err := r.Validate()
	for _, want := range []string{"Rules.Cite.Sources", "Rules.ExpiredDays = -1"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Validate() = %v, want it to name %s", err, want)
		}
	}
	if !errors.Is(err, policy.ErrInvalid) {
		t.Errorf("Validate() = %v, want policy.ErrInvalid", err)
	}
}

// TestNilTable: every function that takes a table refuses nil with a
// *RulesError naming the parameter, and does not panic.
func TestNilTable(t *testing.T) {
	sub := mustNew(t, validSpec())
	at := date(2025, 5, 1)
	calls := map[string]func() error{
		"Evaluate": func() error { _, err := lifecycle.Evaluate(sub, nil, at); return err },
		"Timeline": func() error { _, err := lifecycle.Timeline(sub, nil); return err },
		"Judge":    func() error { _, err := lifecycle.Judge(sub, nil); return err },
		"Purchase": func() error { _, err := lifecycle.Purchase(validSpec(), nil); return err },
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			err := call()
			var re *lifecycle.RulesError
			if !errors.As(err, &re) || re.Field != "table" {
				t.Fatalf("%s(nil table) error = %v, want a *RulesError for field table", name, err)
			}
			if !errors.Is(err, lifecycle.ErrRulesMismatch) || !errors.Is(err, lifecycle.ErrInvalid) {
				t.Errorf("%s(nil table) error = %v, want it to match ErrRulesMismatch and ErrInvalid", name, err)
			}
		})
	}
}

// TestZeroValues: the zero Subscription's accessors and the zero Status's
// answers are zero, not a panic and not 1970-01-01 (an instant of 0 ns);
// the zero Lifecycle's methods return errors or zero values.
func TestZeroValues(t *testing.T) {
	var sub lifecycle.Subscription
	if !sub.IsZero() || sub.ID() != "" || sub.Channel() != 0 || sub.Term() != 0 || sub.Product() != "" ||
		!sub.Start().IsZero() || !sub.End().IsZero() || sub.History() != nil || sub.Len() != 0 || sub.Key() != (policy.Key{}) {
		t.Errorf("the zero Subscription's accessors are not all zero: %+v", sub.Spec())
	}
	if _, ok := sub.Event(0); ok {
		t.Error("the zero Subscription has an event 0")
	}

	// Every method of the zero Status answers zero; none panics.
	var st lifecycle.Status
	for _, m := range []struct {
		name string
		call func() any
		want any
	}{
		{"At", func() any { return st.At() }, time.Time{}},
		{"State", func() any { return st.State() }, lifecycle.State(0)},
		{"Since", func() any { return st.Since() }, time.Time{}},
		{"Cause", func() any { return st.Cause() }, lifecycle.Cause(0)},
		{"Trial", func() any { return st.Trial() }, false},
		{"ExtendedServiceTerm", func() any { return st.ExtendedServiceTerm() }, false},
		{"Next", func() any { return st.Next() }, lifecycle.State(0)},
		{"NextAt", func() any { return st.NextAt() }, time.Time{}},
		{"NextCause", func() any { return st.NextCause() }, lifecycle.Cause(0)},
		{"TermStart", func() any { return st.TermStart() }, clock.Date{}},
		{"TermEnd", func() any { return st.TermEnd() }, clock.Date{}},
		{"RecurringBilling", func() any { return st.RecurringBilling() }, false},
		{"Licenses", func() any { return st.Licenses() }, 0},
		{"Assigned", func() any { return st.Assigned() }, 0},
		{"LicenseConflictUntil", func() any { return st.LicenseConflictUntil() }, clock.Date{}},
		{"AdminCenterLagUntil", func() any { return st.AdminCenterLagUntil() }, clock.Date{}},
		{"CancelWindowEnd", func() any { return st.CancelWindowEnd() }, time.Time{}},
		{"CancelWindowClosesAt", func() any { return st.CancelWindowClosesAt() }, time.Time{}},
		{"ReactivateUntil", func() any { return st.ReactivateUntil() }, clock.Date{}},
		{"ReactivateBefore", func() any { return st.ReactivateBefore() }, time.Time{}},
		{"PurgeNotBefore", func() any { return st.PurgeNotBefore() }, clock.Date{}},
		{"PurgeDeadline", func() any { return st.PurgeDeadline() }, clock.Date{}},
		{"DataGoneBy", func() any { return st.DataGoneBy() }, time.Time{}},
		{"DeletedAt", func() any { return st.DeletedAt() }, time.Time{}},
		{"Capabilities", func() any { return st.Capabilities() }, lifecycle.Capabilities{}},
		{"Versions", func() any { return st.Versions() }, lifecycle.Versions{}},
		{"Explain", func() any { return st.Explain() }, []lifecycle.Reason(nil)},
	} {
		got, panicked := callRecovering(m.call)
		if panicked != nil {
			t.Errorf("Status{}.%s() panics: %v; want %v", m.name, panicked, m.want)
			continue
		}
		if diff := cmp.Diff(m.want, got); diff != "" {
			t.Errorf("Status{}.%s() mismatch (-want +got):\n%s", m.name, diff)
		}
	}
	if v := st.Versions(); !v.Lifecycle.IsZero() || !v.Window.IsZero() || !v.Commands.IsZero() {
		t.Errorf("Status{}.Versions() = %+v, want zero versions", v)
	}

	var lc lifecycle.Lifecycle
	if !lc.IsZero() || !lc.Subscription().IsZero() || lc.Schedule() != nil || lc.Phases() != nil {
		t.Errorf("the zero Lifecycle: IsZero %v, Subscription().IsZero %v, Schedule %v, Phases %v; want true, true, nil, nil",
			lc.IsZero(), lc.Subscription().IsZero(), lc.Schedule(), lc.Phases())
	}
	cmd := lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.GlobalAdmin}
	price := lifecycle.Price{PerLicense: lifecycle.USD(1000), Billing: policy.Annual}
	at := date(2026, 1, 1)
	for name, call := range map[string]func() error{
		"At":    func() error { s, err := lc.At(at); return errIfNonZero(s, err) },
		"Apply": func() error { next, err := lc.Apply(cmd, at); return errIfJudged(next, err) },
		"Check": func() error { return lc.Check(cmd, at) },
		"Quote": func() error { _, err := lc.Quote(cmd, price, at); return err },
		"CanRemovePaymentMethod": func() error {
			return lifecycle.CanRemovePaymentMethod(lifecycle.GlobalAdmin, []lifecycle.Lifecycle{lc}, at)
		},
	} {
		err := call()
		var fe *lifecycle.FieldError
		if !errors.As(err, &fe) || !errors.Is(err, lifecycle.ErrInvalid) || !strings.Contains(err.Error(), `"zero"`) {
			t.Errorf("zero Lifecycle: %s error = %v, want a *FieldError naming the zero value", name, err)
		}
	}
	if ph, err := lifecycle.Timeline(sub, builtin); ph != nil || !errors.Is(err, lifecycle.ErrInvalid) {
		t.Errorf("Timeline(zero Subscription) = %v, %v; want nil, ErrInvalid", ph, err)
	}
}

// errIfNonZero returns err, or an error saying s is not zero beside it.
func errIfNonZero(s lifecycle.Status, err error) error {
	if s != (lifecycle.Status{}) {
		return errors.New("a non-zero Status with the error")
	}
	return err
}

// callRecovering calls f and returns its result, or what it panicked with.
func callRecovering(f func() any) (got, panicked any) {
	defer func() { panicked = recover() }()
	return f(), nil
}

// errIfJudged returns err, or an error saying lc is not zero beside it.
func errIfJudged(lc lifecycle.Lifecycle, err error) error {
	if !lc.IsZero() {
		return errors.New("a non-zero Lifecycle with the error")
	}
	return err
}

// TestStatusEpoch: an instant of exactly 1970-01-01T00:00:00Z (0 ns, the
// value a naive "zero means none" encoding would lose) survives in Status
// and Phases. No version of the built-in table is in force in 1970, so
// the current MOSA rules are pinned.
func TestStatusEpoch(t *testing.T) {
	epoch := time.Unix(0, 0).UTC()
	sub := mustNew(t, lifecycle.Spec{ID: "epoch", Channel: policy.DirectMOSA, Term: policy.Monthly,
		Start: epoch, End: mustDate(lifecycle.EndOfTerm(epoch, policy.Monthly)), Licenses: 1, PaymentMethod: true, RecurringBilling: true})
	table := pin(t, versionAt(t, sub, date(2026, 1, 1)))
	lc := judge(t, sub, table)
	for _, at := range []time.Time{epoch, epoch.Add(time.Nanosecond)} {
		st := askBoth(t, lc, table, at)
		if !st.Since().Equal(epoch) || st.TermStart() != clock.DateOf(epoch) || !st.At().Equal(at) {
			t.Errorf("At(%v): Since %v, TermStart %v, At %v; want %v, %v, %v", at, st.Since(), st.TermStart(), st.At(), epoch, epoch, at)
		}
	}
	if ph := lc.Phases(); len(ph) != 1 || !ph[0].Start.Equal(epoch) || !ph[0].End.IsZero() {
		t.Errorf("Phases() = %v, want one open-ended phase from %v", ph, epoch)
	}
}

// TestAtAndEvaluateAllocations: Lifecycle.At allocates nothing, nor does
// the one-shot Evaluate while its Status stays a local variable; a Status
// kept beyond the call (here in a variable the closure shares) takes
// exactly one object with it, the cell it points at — whatever the instant
// and however many versions cut the phases.
func TestAtAndEvaluateAllocations(t *testing.T) {
	rows := append(calendarRows(t), versionRows(t)...)
	// A subscription bought in 2011, whose open-ended Deleted phase is cut
	// by the five MOSA versions that followed.
	start := date(2011, 6, 29)
	old := fixture{sub: mustNew(t, lifecycle.Spec{ID: "mosa-2011", Channel: policy.DirectMOSA, Term: policy.Monthly, Start: start,
		End: mustDate(lifecycle.EndOfTerm(start, policy.Monthly)), Licenses: 5, Assigned: 5}), table: builtin, rows: &rows}
	for _, at := range []time.Time{start, date(2011, 8, 1), date(2011, 11, 25), date(2026, 1, 1)} {
		old.row("mosa-2011/"+at.Format(time.DateOnly), at, nil, nil, "")
	}
	var sink lifecycle.Status
	var state lifecycle.State
	for _, r := range rows {
		lc := judge(t, r.sub, r.table)
		if n := testing.AllocsPerRun(20, func() { sink, _ = lc.At(r.at) }); n != 0 {
			t.Errorf("%s: At(%v) allocates %v times, want 0", r.name, r.at, n)
		}
		if n := testing.AllocsPerRun(20, func() { st, _ := lifecycle.Evaluate(r.sub, r.table, r.at); state = st.State() }); n != 0 {
			t.Errorf("%s: Evaluate(%v) kept local allocates %v times, want 0", r.name, r.at, n)
		}
		if n := testing.AllocsPerRun(20, func() { sink, _ = lifecycle.Evaluate(r.sub, r.table, r.at) }); n != 1 {
			t.Errorf("%s: Evaluate(%v) kept allocates %v times, want 1", r.name, r.at, n)
		}
	}
	_, _ = sink, state
}
