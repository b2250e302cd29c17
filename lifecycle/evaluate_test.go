package lifecycle_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// calendarRows are the month-end and leap-day cases: renewals of a term
// bought on the 31st, an end date on 2028-02-29, and day counts across
// February (DC-1, DC-2).
func calendarRows(t *testing.T) []acRow {
	var rows []acRow
	fix := func(spec lifecycle.Spec) fixture {
		sub := mustNew(t, spec)
		return fixture{sub: sub, rules: rulesFor(t, sub), rows: &rows}
	}
	type term struct{ Start, End time.Time }
	termOf := func(s lifecycle.Status) any { return term{s.TermStart(), s.TermEnd()} }
	monthly := func(start time.Time) fixture {
		return fix(lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Monthly, Start: start,
			End: lifecycle.EndOfTerm(start, policy.Monthly), Licenses: 5, Assigned: 5, PaymentMethod: true, RecurringBilling: true})
	}

	// A monthly term bought on 2026-01-31 renews on the last day of
	// February and on the 31st again after it.
	jan := monthly(utc(2026, 1, 31, 9, 0))
	jan.row("month-end/2026/first", date(2026, 2, 15), termOf, term{date(2026, 1, 31), date(2026, 2, 27)}, "EndOfTerm: the day before the same day a month later, clamped")
	jan.edge("month-end/2026/feb", date(2026, 2, 28), termOf, term{date(2026, 1, 31), date(2026, 2, 27)}, term{date(2026, 2, 28), date(2026, 3, 30)}, "renews on 2026-02-28")
	jan.edge("month-end/2026/mar", date(2026, 3, 31), termOf, term{date(2026, 2, 28), date(2026, 3, 30)}, term{date(2026, 3, 31), date(2026, 4, 29)}, "back on the 31st after February")
	jan.row("month-end/2026/apr", date(2026, 5, 1), termOf, term{date(2026, 4, 30), date(2026, 5, 30)}, "30-day months clamp to the 30th")
	jan.row("month-end/2027/feb", date(2027, 2, 28), termOf, term{date(2027, 2, 28), date(2027, 3, 30)}, "a year later still anchored on the 31st")

	// The same in a leap year: renewals on 2028-02-29.
	leap := monthly(utc(2028, 1, 31, 9, 0))
	leap.edge("leap/feb-29", date(2028, 2, 29), termOf, term{date(2028, 1, 31), date(2028, 2, 28)}, term{date(2028, 2, 29), date(2028, 3, 30)}, "renews on the leap day")
	leap.edge("leap/mar-31", date(2028, 3, 31), termOf, term{date(2028, 2, 29), date(2028, 3, 30)}, term{date(2028, 3, 31), date(2028, 4, 29)}, "back on the 31st")

	// An event in a short month does not move the renewal day: a license
	// change on 2026-02-10 leaves the chain anchored on the 31st.
	ev := mustNew(t, lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Monthly, Start: utc(2026, 1, 31, 9, 0),
		End: date(2026, 2, 27), Licenses: 5, Assigned: 5, PaymentMethod: true, RecurringBilling: true,
		History: []lifecycle.Event{{Kind: lifecycle.ChangeLicenses, At: utc(2026, 3, 10, 9, 0), Licenses: 6, Assigned: 5}}})
	evf := fixture{sub: ev, rules: rulesFor(t, ev), rows: &rows}
	evf.edge("month-end/event", date(2026, 3, 31), termOf, term{date(2026, 2, 28), date(2026, 3, 30)}, term{date(2026, 3, 31), date(2026, 4, 29)},
		"a license change in the 28th-anchored term does not re-anchor the chain")

	// An annual term bought on a leap day ends on 2029-02-27 (clamped to
	// 2029-02-28, minus one day) and renews on 2029-02-28.
	ld := fix(lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Annual, Start: utc(2028, 2, 29, 9, 0),
		End: lifecycle.EndOfTerm(utc(2028, 2, 29, 9, 0), policy.Annual), Licenses: 5, Assigned: 5, PaymentMethod: true, RecurringBilling: true})
	ld.edge("leap/annual", date(2029, 2, 28), termOf, term{date(2028, 2, 29), date(2029, 2, 27)}, term{date(2029, 2, 28), date(2030, 2, 27)},
		"annual terms from a leap day renew on 02-28")
	ld.row("leap/annual/2032", date(2032, 3, 1), termOf, term{date(2032, 2, 29), date(2033, 2, 27)}, "and on 02-29 again in leap years")

	// An end date on the leap day: Expired = [2028-02-29, +30),
	// Disabled from 2028-03-30, Deleted from 2028-06-28.
	le := fix(lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Annual, Start: utc(2027, 3, 1, 9, 0), End: date(2028, 2, 29),
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
		f := fix(lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Annual, Start: utc(y-1, 2, 16, 9, 0), End: E, Licenses: 5, Assigned: 5})
		next := E.AddDate(0, 0, 30)
		f.edge(fmt.Sprintf("february/%d", y), next, phaseOf,
			phaseView{State: lifecycle.Expired, Since: E, Cause: lifecycle.TermEnded, Next: lifecycle.Disabled, NextAt: next},
			phaseView{State: lifecycle.Disabled, Since: next, Cause: lifecycle.GraceEnded, Next: lifecycle.Deleted, NextAt: next.AddDate(0, 0, 90)},
			"DC-2: calendar days, not months")
	}
	return rows
}

func TestEvaluateCalendar(t *testing.T) {
	locs := locations(t)
	for _, tt := range calendarRows(t) {
		t.Run(tt.name, func(t *testing.T) {
			got, err := lifecycle.Evaluate(tt.sub, &tt.rules, tt.at)
			if err != nil {
				t.Fatalf("Evaluate: %v", err)
			}
			if diff := cmp.Diff(tt.want, tt.view(got)); diff != "" {
				t.Errorf("Evaluate() mismatch (-want +got):\n%s\nreason: %s", diff, tt.reason)
			}
			for _, loc := range locs {
				in, err := lifecycle.Evaluate(tt.sub, &tt.rules, tt.at.In(loc))
				if err != nil {
					t.Fatalf("Evaluate(at.In(%v)): %v", loc, err)
				}
				if diff := cmp.Diff(got, in, statusCmp); diff != "" {
					t.Errorf("Evaluate(at.In(%v)) differs from UTC (-utc +local):\n%s", loc, diff)
				}
			}
		})
	}
}

// TestEvaluateSpecLocation: a Spec whose instants are given in another
// location is the same subscription and gets the same answers.
func TestEvaluateSpecLocation(t *testing.T) {
	spec := lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Annual, Start: utc(2025, 4, 1, 2, 0), End: date(2026, 3, 31),
		Licenses: 10, Assigned: 8, PaymentMethod: true, RecurringBilling: true,
		History: []lifecycle.Event{
			{Kind: lifecycle.RecurringBillingOff, At: utc(2026, 2, 1, 3, 0)},
			{Kind: lifecycle.Reactivate, At: utc(2026, 5, 1, 1, 30)},
		}}
	utcSub := mustNew(t, spec)
	rules := rulesFor(t, utcSub)
	for _, loc := range locations(t) {
		local := spec
		local.Start, local.End = spec.Start.In(loc), spec.End.In(loc)
		local.History = nil
		for _, e := range spec.History {
			e.At = e.At.In(loc)
			local.History = append(local.History, e)
		}
		sub := mustNew(t, local)
		for at := utc(2025, 4, 1, 2, 0); at.Before(date(2026, 12, 31)); at = at.Add(7*24*time.Hour + 90*time.Minute) {
			want, err := lifecycle.Evaluate(utcSub, &rules, at)
			if err != nil {
				t.Fatal(err)
			}
			got, err := lifecycle.Evaluate(sub, &rules, at.In(loc))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got, statusCmp); diff != "" {
				t.Fatalf("Evaluate(spec in %v, %v) mismatch (-utc +local):\n%s", loc, at, diff)
			}
		}
	}
}

// TestEvaluateIgnoresLaterEvents: Evaluate judges the history up to and
// including at, so an impossible event after at does not matter yet.
func TestEvaluateIgnoresLaterEvents(t *testing.T) {
	bad := utc(2026, 6, 1, 9, 0)
	sub := mustNew(t, lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Annual, Start: utc(2025, 4, 1, 10, 0), End: date(2026, 3, 31),
		Licenses: 10, Assigned: 8, PaymentMethod: true, RecurringBilling: true,
		History: []lifecycle.Event{{Kind: lifecycle.Unsuspend, At: bad}}})
	rules := rulesFor(t, sub)
	if _, err := lifecycle.Evaluate(sub, &rules, bad.Add(-time.Nanosecond)); err != nil {
		t.Errorf("Evaluate before the impossible event: %v, want no error", err)
	}
	for _, at := range []time.Time{bad, bad.Add(time.Nanosecond)} {
		if _, err := lifecycle.Evaluate(sub, &rules, at); !errors.Is(err, lifecycle.ErrHistory) {
			t.Errorf("Evaluate(%v) error = %v, want ErrHistory", at, err)
		}
	}
	if _, err := lifecycle.Timeline(sub, &rules); !errors.Is(err, lifecycle.ErrHistory) {
		t.Errorf("Timeline error = %v, want ErrHistory", err)
	}
}

// validSpec is a valid annual MOSA subscription to derive bad input from.
func validSpec() lifecycle.Spec {
	return lifecycle.Spec{ID: "ok", Channel: policy.DirectMOSA, Term: policy.Annual, Start: utc(2025, 4, 1, 10, 0), End: date(2026, 3, 31),
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
		{"zero end", func(s *lifecycle.Spec) { s.End = time.Time{} }, "Spec.End", "0001-01-01T00:00:00Z", false},
		{"end out of range", func(s *lifecycle.Spec) { s.End = date(2200, 1, 1) }, "Spec.End", "2200-01-01T00:00:00Z", false},
		{"end before start", func(s *lifecycle.Spec) { s.End = date(2025, 3, 31) }, "Spec.End", "2025-03-31T00:00:00Z", false},
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

// TestEvaluateInvalid: rules that do not fit, instants out of range and
// histories that could not have happened are errors naming the field (or
// event) and value, from both Evaluate and Timeline.
func TestEvaluateInvalid(t *testing.T) {
	sub := mustNew(t, validSpec())
	good := rulesFor(t, sub)
	at := date(2026, 1, 1)
	withHistory := func(evs ...lifecycle.Event) lifecycle.Subscription {
		s := validSpec()
		s.History = evs
		return mustNew(t, s)
	}
	rules := func(f func(*policy.Rules)) policy.Rules { r := good; f(&r); return r }
	trial := validSpec()
	trial.Channel, trial.Trial = policy.Enterprise, true
	trialSub := mustNew(t, trial)
	enterprise, err := policy.Builtin().Lookup(trialSub.Key(), date(2026, 1, 1))
	if err != nil {
		t.Fatal(err)
	}
	cancel := lifecycle.Event{Kind: lifecycle.CancelNow, At: utc(2025, 5, 1, 9, 0)}
	del := lifecycle.Event{Kind: lifecycle.Delete, At: utc(2025, 5, 2, 9, 0)}
	tests := []struct {
		name  string
		sub   lifecycle.Subscription
		rules policy.Rules
		at    time.Time
		is    error  // the sentinel the error matches besides ErrInvalid
		want  string // text the message must hold: field or event, and value
	}{
		{"zero subscription", lifecycle.Subscription{}, good, at, lifecycle.ErrInvalid, `Subscription = "zero"`},
		{"channel mismatch", sub, rules(func(r *policy.Rules) { r.Channel = policy.DirectMCA }), at, lifecycle.ErrRulesMismatch, `Rules.Channel = "direct-mca"`},
		{"zero rules", sub, policy.Rules{}, at, lifecycle.ErrRulesMismatch, `Rules.Channel = "%!Channel(0)"`},
		{"missing rule ids", sub, rules(func(r *policy.Rules) { r.Cite.Rules = "" }), at, lifecycle.ErrRulesMismatch, `Rules.Cite.Rules = ""`},
		{"missing sources", sub, rules(func(r *policy.Rules) { r.Cite.Sources = "" }), at, lifecycle.ErrRulesMismatch, `Rules.Cite.Sources = ""`},
		{"invalid anchor", sub, rules(func(r *policy.Rules) { r.ExpiryAnchor = 9 }), at, lifecycle.ErrRulesMismatch, `Rules.ExpiryAnchor = "%!ExpiryAnchor(9)"`},
		{"negative expired days", sub, rules(func(r *policy.Rules) { r.ExpiredDays = -1 }), at, lifecycle.ErrRulesMismatch, "Rules.ExpiredDays = -1"},
		{"negative disabled days", sub, rules(func(r *policy.Rules) { r.DisabledDays = -90 }), at, lifecycle.ErrRulesMismatch, "Rules.DisabledDays = -90"},
		{"absurd disabled days", sub, rules(func(r *policy.Rules) { r.DisabledDays = 1 << 40 }), at, lifecycle.ErrRulesMismatch, "Rules.DisabledDays = 1099511627776"},
		{"negative purge days", sub, rules(func(r *policy.Rules) { r.Purge.CancelDeadlineDays = -180 }), at, lifecycle.ErrRulesMismatch, "Rules.Purge.CancelDeadlineDays = -180"},
		{"negative delete hours", sub, rules(func(r *policy.Rules) { r.Reactivation.ExplicitDeleteHours = -72 }), at, lifecycle.ErrRulesMismatch, "Rules.Reactivation.ExplicitDeleteHours = -72"},
		{"empty window", sub, rules(func(r *policy.Rules) { r.Cancel.Window = policy.Window{Kind: policy.AfterStart, Unit: policy.Days} }), at, lifecycle.ErrRulesMismatch, "Rules.Cancel.Window.Length = 0"},
		{"trial without trial rules", trialSub, enterprise, at, lifecycle.ErrRulesMismatch, "Rules.Trial.Available = false"},
		{"zero at", sub, good, time.Time{}, lifecycle.ErrInvalid, "at = 0001-01-01T00:00:00Z"},
		{"at out of range", sub, good, date(2300, 1, 1), lifecycle.ErrInvalid, "at = 2300-01-01T00:00:00Z"},
		{"at before start", sub, good, utc(2025, 4, 1, 9, 0), lifecycle.ErrInvalid, "at = 2025-04-01T09:00:00Z: before the subscription started"},
		{"event after deleted", withHistory(cancel, del, lifecycle.Event{Kind: lifecycle.Reactivate, At: utc(2025, 5, 3, 9, 0)}), good, at, lifecycle.ErrHistory,
			"history[2] reactivate at 2025-05-03T09:00:00Z in state deleted"},
		{"recurring billing after deleted", withHistory(cancel, del, lifecycle.Event{Kind: lifecycle.RecurringBillingOn, At: utc(2025, 5, 3, 9, 0)}), good, at, lifecycle.ErrHistory,
			"history[2] recurring-billing-on at 2025-05-03T09:00:00Z in state deleted"},
		{"cancel while disabled", withHistory(cancel, lifecycle.Event{Kind: lifecycle.CancelNow, At: utc(2025, 5, 3, 9, 0)}), good, at, lifecycle.ErrHistory,
			"history[1] cancel-now at 2025-05-03T09:00:00Z in state disabled"},
		{"reactivate while active", withHistory(lifecycle.Event{Kind: lifecycle.Reactivate, At: utc(2025, 5, 3, 9, 0)}), good, at, lifecycle.ErrHistory,
			"history[0] reactivate at 2025-05-03T09:00:00Z in state active"},
		{"delete while active", withHistory(lifecycle.Event{Kind: lifecycle.Delete, At: utc(2025, 5, 3, 9, 0)}), good, at, lifecycle.ErrHistory,
			"history[0] delete at 2025-05-03T09:00:00Z in state active"},
		{"suspend on a direct channel", withHistory(lifecycle.Event{Kind: lifecycle.Suspend, At: utc(2025, 5, 3, 9, 0)}), good, at, lifecycle.ErrHistory,
			"history[0] suspend at 2025-05-03T09:00:00Z in state active"},
		{"unsuspend while active", withHistory(lifecycle.Event{Kind: lifecycle.Unsuspend, At: utc(2025, 5, 3, 9, 0)}), good, at, lifecycle.ErrHistory,
			"history[0] unsuspend at 2025-05-03T09:00:00Z"},
		{"extend a paid subscription", withHistory(lifecycle.Event{Kind: lifecycle.ExtendTrial, At: utc(2025, 5, 3, 9, 0)}), good, at, lifecycle.ErrHistory,
			"history[0] extend-trial at 2025-05-03T09:00:00Z"},
		{"recurring billing while expired", withHistory(lifecycle.Event{Kind: lifecycle.RecurringBillingOff, At: utc(2025, 5, 3, 9, 0)},
			lifecycle.Event{Kind: lifecycle.RecurringBillingOn, At: utc(2026, 4, 2, 9, 0)}), good, at.AddDate(1, 0, 0), lifecycle.ErrHistory,
			"history[1] recurring-billing-on at 2026-04-02T09:00:00Z in state expired"},
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
				if !strings.Contains(err.Error(), tt.want) {
					t.Errorf("%s() error = %q, want it to hold %q", fn, err, tt.want)
				}
				var fe *lifecycle.FieldError
				var he *lifecycle.HistoryError
				var re *lifecycle.RulesError
				if !errors.As(err, &fe) && !errors.As(err, &he) && !errors.As(err, &re) {
					t.Errorf("%s() error is a %T, want a *FieldError, *HistoryError or *RulesError", fn, err)
				}
			}
			s, err := lifecycle.Evaluate(tt.sub, &tt.rules, tt.at)
			check("Evaluate", err)
			if diff := cmp.Diff(lifecycle.Status{}, s, statusCmp); diff != "" {
				t.Errorf("Evaluate() returned a non-zero Status with an error:\n%s", diff)
			}
			if tt.at.Equal(at) || tt.is == lifecycle.ErrHistory { // Timeline has no instant
				ph, err := lifecycle.Timeline(tt.sub, &tt.rules)
				check("Timeline", err)
				if ph != nil {
					t.Errorf("Timeline() = %v with an error, want nil", ph)
				}
			}
		})
	}
}

// TestHistoryErrorIndex: the error names the event's position, kind and
// the state it found.
func TestHistoryErrorIndex(t *testing.T) {
	s := validSpec()
	s.History = []lifecycle.Event{
		{Kind: lifecycle.CancelNow, At: utc(2025, 5, 1, 9, 0)},
		{Kind: lifecycle.Delete, At: utc(2025, 5, 2, 9, 0)},
		{Kind: lifecycle.CancelNow, At: utc(2025, 5, 3, 9, 0)},
	}
	sub := mustNew(t, s)
	_, err := lifecycle.Evaluate(sub, rulesPtr(t, sub), date(2025, 6, 1))
	var he *lifecycle.HistoryError
	if !errors.As(err, &he) {
		t.Fatalf("Evaluate() error = %v, want a *HistoryError", err)
	}
	want := lifecycle.HistoryError{Index: 2, Kind: lifecycle.CancelNow, At: utc(2025, 5, 3, 9, 0), State: lifecycle.Deleted}
	got := *he
	got.Reason = ""
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("HistoryError mismatch (-want +got):\n%s", diff)
	}
}

// TestTrialExtensions: a direct trial extends once (R-TRI-4); a CSP
// traditional trial can't be extended (R-TRI-8, AC-45).
func TestTrialExtensions(t *testing.T) {
	start := utc(2026, 5, 1, 8, 0)
	ext := func(ch policy.Channel, n int) lifecycle.Subscription {
		s := lifecycle.Spec{Channel: ch, Term: policy.Annual, Trial: true, Start: start, End: lifecycle.EndOfTrial(start, 30), Licenses: 25}
		for i := range n {
			s.History = append(s.History, lifecycle.Event{Kind: lifecycle.ExtendTrial, At: utc(2026, 5, 20+i, 9, 0)})
		}
		return mustNew(t, s)
	}
	once := ext(policy.DirectMOSA, 1)
	st, err := lifecycle.Evaluate(once, rulesPtr(t, once), date(2026, 6, 15))
	if err != nil {
		t.Fatalf("Evaluate(extended once): %v", err)
	}
	if st.State() != lifecycle.Active || !st.Trial() || !st.TermEnd().Equal(date(2026, 6, 29)) {
		t.Errorf("extended trial at 2026-06-15: state %v trial %v end %v, want an active trial ending 2026-06-29", st.State(), st.Trial(), st.TermEnd())
	}
	twice := ext(policy.DirectMOSA, 2)
	if _, err := lifecycle.Evaluate(twice, rulesPtr(t, twice), date(2026, 6, 15)); !errors.Is(err, lifecycle.ErrHistory) {
		t.Errorf("Evaluate(extended twice) error = %v, want ErrHistory (R-TRI-4: only one time)", err)
	}
	legacy := ext(policy.CSPLegacy, 1)
	if _, err := lifecycle.Evaluate(legacy, rulesPtr(t, legacy), date(2026, 6, 15)); !errors.Is(err, lifecycle.ErrHistory) {
		t.Errorf("Evaluate(CSP legacy extended) error = %v, want ErrHistory (AC-45: \"Free trials can't be extended\")", err)
	}
}

// TestRulesForInvalid: RulesFor names a zero subscription and reports a
// channel without rules at the end date.
func TestRulesForInvalid(t *testing.T) {
	if _, err := lifecycle.RulesFor(policy.Builtin(), lifecycle.Subscription{}); !errors.Is(err, lifecycle.ErrInvalid) {
		t.Errorf("RulesFor(zero) error = %v, want ErrInvalid", err)
	}
	s := validSpec()
	s.Start, s.End = utc(2005, 1, 1, 0, 0), date(2005, 12, 31) // before the first documented rule
	sub := mustNew(t, s)
	if _, err := lifecycle.RulesFor(policy.Builtin(), sub); !errors.Is(err, policy.ErrNoRule) {
		t.Errorf("RulesFor(2005) error = %v, want policy.ErrNoRule", err)
	}
}

// TestRulesValidateMissingSource: the policy side of "rules … missing
// source yields an error naming the field".
func TestRulesValidateMissingSource(t *testing.T) {
	r := rulesFor(t, mustNew(t, validSpec()))
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

// TestNilRules: every function that takes rules refuses a nil pointer with
// a *RulesError naming the parameter, and does not panic.
func TestNilRules(t *testing.T) {
	sub := mustNew(t, validSpec())
	at := date(2025, 5, 1)
	cancel := lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.GlobalAdmin}
	price := lifecycle.Price{PerLicense: lifecycle.Money{Currency: "USD", Minor: 1000}, Billing: policy.Annual}
	calls := map[string]func() error{
		"Evaluate": func() error { _, err := lifecycle.Evaluate(sub, nil, at); return err },
		"Timeline": func() error { _, err := lifecycle.Timeline(sub, nil); return err },
		"Apply":    func() error { _, err := lifecycle.Apply(sub, nil, cancel, at); return err },
		"Check":    func() error { return lifecycle.Check(sub, nil, cancel, at) },
		"Purchase": func() error { _, err := lifecycle.Purchase(validSpec(), nil); return err },
		"Quote":    func() error { _, err := lifecycle.Quote(sub, nil, cancel, price, at); return err },
		"Explanation": func() error {
			_, err := lifecycle.Explanation(sub, nil, at)
			return err
		},
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			err := call()
			var re *lifecycle.RulesError
			if !errors.As(err, &re) || re.Field != "rules" {
				t.Fatalf("%s(nil rules) error = %v, want a *RulesError for field rules", name, err)
			}
			if !errors.Is(err, lifecycle.ErrRulesMismatch) || !errors.Is(err, lifecycle.ErrInvalid) {
				t.Errorf("%s(nil rules) error = %v, want it to match ErrRulesMismatch and ErrInvalid", name, err)
			}
		})
	}
}

// TestZeroValues: the zero Subscription's accessors and the zero Status's
// answers are zero, not a panic and not 1970-01-01 (an instant of 0 ns).
func TestZeroValues(t *testing.T) {
	var sub lifecycle.Subscription
	if !sub.IsZero() || sub.ID() != "" || sub.Channel() != 0 || sub.Term() != 0 || sub.Product() != "" ||
		!sub.Start().IsZero() || !sub.End().IsZero() || sub.History() != nil || sub.Len() != 0 || sub.Key() != (policy.Key{}) {
		t.Errorf("the zero Subscription's accessors are not all zero: %+v", sub.Spec())
	}
	if _, ok := sub.Event(0); ok {
		t.Error("the zero Subscription has an event 0")
	}
	var st lifecycle.Status
	for name, got := range map[string]time.Time{
		"At": st.At(), "Since": st.Since(), "NextAt": st.NextAt(), "TermStart": st.TermStart(), "TermEnd": st.TermEnd(),
		"LicenseConflictUntil": st.LicenseConflictUntil(), "CancelWindowEnd": st.CancelWindowEnd(),
		"ReactivateUntil": st.ReactivateUntil(), "PurgeNotBefore": st.PurgeNotBefore(), "PurgeDeadline": st.PurgeDeadline(),
		"DataGoneBy": st.DataGoneBy(), "DeletedAt": st.DeletedAt(),
	} {
		if !got.IsZero() {
			t.Errorf("Status{}.%s() = %v, want the zero time", name, got)
		}
	}
	if st.State() != 0 || st.Next() != 0 || st.Capabilities() != (lifecycle.Capabilities{}) {
		t.Errorf("Status{} answers a state or capabilities: %v %v %+v", st.State(), st.Next(), st.Capabilities())
	}
}

// TestStatusEpoch: an instant of exactly 1970-01-01T00:00:00Z (0 ns, the
// value a naive "zero means none" encoding would lose) survives in Status.
func TestStatusEpoch(t *testing.T) {
	epoch := time.Unix(0, 0).UTC()
	sub := mustNew(t, lifecycle.Spec{ID: "epoch", Channel: policy.DirectMOSA, Term: policy.Monthly,
		Start: epoch, End: lifecycle.EndOfTerm(epoch, policy.Monthly), Licenses: 1, PaymentMethod: true, RecurringBilling: true})
	rules, err := policy.Builtin().Lookup(sub.Key(), date(2026, 1, 1))
	if err != nil {
		t.Fatal(err)
	}
	for _, at := range []time.Time{epoch, epoch.Add(time.Nanosecond)} {
		st, err := lifecycle.Evaluate(sub, &rules, at)
		if err != nil {
			t.Fatal(err)
		}
		if !st.Since().Equal(epoch) || !st.TermStart().Equal(epoch) || !st.At().Equal(at) {
			t.Errorf("Evaluate at %v: Since %v, TermStart %v, At %v; want %v, %v, %v", at, st.Since(), st.TermStart(), st.At(), epoch, epoch, at)
		}
	}
}
