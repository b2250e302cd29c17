package lifecycle_test

import (
	"testing"
	"time"
)

// Helpers of the command, refund and payment tests and of the benchmarks.
// Shared helpers (date, utc, judge, pin, answersOf …) are in
// acceptance_test.go.

// inLocations returns at in each of the non-UTC locations every table also
// evaluates in: at.In(loc) must not change an answer.
func inLocations(tb testing.TB, at time.Time) []time.Time {
	tb.Helper()
	var out []time.Time
	for _, loc := range locations(tb) {
		out = append(out, at.In(loc))
	}
	return out
}
