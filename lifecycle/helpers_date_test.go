package lifecycle_test

import (
	"testing"
	"time"

	"github.com/lapse-go/lapse/clock"
)

// mustDate returns the date of an EndOfTerm or EndOfTrial call whose
// arguments the test chose valid; an error is a bug in the test.
func mustDate(d clock.Date, err error) clock.Date {
	if err != nil {
		panic(err)
	}
	return d
}

// day returns the calendar date y-m-d: an end date, a deadline's last
// day. date (acceptance_test.go) is the instant that date begins in UTC.
func day(y int, m time.Month, d int) clock.Date { return clock.Date{Year: y, Month: m, Day: d} }

// mustLoad loads a time zone (tzdata is linked in by acceptance_test.go)
// or fails the test.
func mustLoad(tb testing.TB, name string) *time.Location {
	tb.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		tb.Fatalf("LoadLocation(%q): %v", name, err)
	}
	return loc
}
