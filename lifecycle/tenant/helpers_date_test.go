package tenant_test

import (
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

// day returns the calendar date y-m-d; date (helpers_test.go) is the
// instant it begins in UTC.
func day(y int, m time.Month, d int) clock.Date { return clock.Date{Year: y, Month: m, Day: d} }
