package lifecycle_test

import "time"

// mustDate returns the date of an EndOfTerm or EndOfTrial call whose
// arguments the test chose valid; an error is a bug in the test.
func mustDate(d time.Time, err error) time.Time {
	if err != nil {
		panic(err)
	}
	return d
}
