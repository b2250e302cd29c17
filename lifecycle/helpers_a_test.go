package lifecycle_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// Helpers of the state, timeline, property and fuzz tests. Shared helpers
// (date, utc, judge, pin, answersOf, …) are in acceptance_test.go.

// askBoth asks lc at the instant at through both entry points — the
// judged Lifecycle.At and the one-shot Evaluate against table, which must
// give the same answers — and returns the status of At. It fails the test
// on an error or a disagreement.
func askBoth(tb testing.TB, lc lifecycle.Lifecycle, table *policy.Table, at time.Time) lifecycle.Status {
	tb.Helper()
	st, err := lc.At(at)
	if err != nil {
		tb.Fatalf("At(%s, %v): %v", lc.Subscription().ID(), at, err)
	}
	one, err := lifecycle.Evaluate(lc.Subscription(), table, at)
	if err != nil {
		tb.Fatalf("Evaluate(%s, %v): %v", lc.Subscription().ID(), at, err)
	}
	if diff := cmp.Diff(answersOf(st), answersOf(one)); diff != "" {
		tb.Fatalf("Evaluate(%v) differs from At (-At +Evaluate):\n%s", at, diff)
	}
	return st
}

// historyUpTo returns sub with only the events at or before t: what was
// known at t.
func historyUpTo(sub lifecycle.Subscription, t time.Time) (lifecycle.Subscription, error) {
	spec := sub.Spec()
	n := 0
	for n < len(spec.History) && !spec.History[n].At.After(t) {
		n++
	}
	spec.History = spec.History[:n]
	return lifecycle.New(spec)
}

// labelsOf returns the version label of every phase.
func labelsOf(ph []lifecycle.Phase) []string {
	out := make([]string, len(ph))
	for i, p := range ph {
		out[i] = p.Version.Label()
	}
	return out
}

// versionLabels are the labels of the versions that judged a Status.
type versionLabels struct{ Lifecycle, Window, Commands string }

func versionLabelsOf(s lifecycle.Status) any {
	v := s.Versions()
	return versionLabels{v.Lifecycle.Label(), v.Window.Label(), v.Commands.Label()}
}

// shiftTable returns table with every row moved by the given years (rows
// of a pinned table, in force from 1900, stay where they are). Its
// versions are the table's, as many years earlier or later.
func shiftTable(tb testing.TB, table *policy.Table, years int) *policy.Table {
	tb.Helper()
	floor := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	rows := table.Rows()
	for i := range rows {
		if rows[i].From.After(floor) {
			rows[i].From = rows[i].From.AddDate(years, 0, 0)
		}
		if !rows[i].Until.IsZero() {
			rows[i].Until = rows[i].Until.AddDate(years, 0, 0)
		}
		if !rows[i].Rules.SalesEnd.IsZero() {
			rows[i].Rules.SalesEnd = rows[i].Rules.SalesEnd.AddDate(years, 0, 0)
		}
	}
	out, err := policy.NewTable(rows)
	if err != nil {
		tb.Fatalf("NewTable(rows shifted by %d years): %v", years, err)
	}
	if len(table.Layers()) > 0 {
		tb.Fatalf("shiftTable: table %q has override layers", table.Name())
	}
	return out
}
