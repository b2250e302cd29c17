package clock_test

import (
	"fmt"
	"time"

	"github.com/lapse-go/lapse/clock"
)

// expired is core code: it takes the instant as a parameter and never reads a
// clock.
func expired(deadline, at time.Time) bool {
	return !at.Before(deadline)
}

// Callers hold the Clock, read it once, and pass the instant down.
func Example() {
	deadline := time.Date(2026, time.March, 31, 0, 0, 0, 0, time.UTC)
	var c clock.Clock = clock.Func(func() time.Time {
		return time.Date(2026, time.March, 30, 23, 59, 59, 0, time.UTC)
	})

	at := c.Now()
	fmt.Println(expired(deadline, at))
	fmt.Println(expired(deadline, at.Add(time.Second)))
	// Output:
	// false
	// true
}

func ExampleFunc() {
	at := time.Date(2024, time.February, 29, 12, 0, 0, 0, time.UTC)
	c := clock.Func(func() time.Time { return at })
	fmt.Println(c.Now())
	// Output: 2024-02-29 12:00:00 +0000 UTC
}

func ExampleFunc_nil() {
	var c clock.Func
	fmt.Println(c.Now().IsZero())
	// Output: true
}

func ExampleSystem() {
	c := clock.System()
	at := c.Now()
	fmt.Println(at.After(time.Date(2000, time.January, 1, 0, 0, 0, 0, time.UTC)))
	// Output: true
}

// A Date is a day, not an instant: midnight in Berlin is still the 27th.
func ExampleDateOf() {
	berlin := time.FixedZone("CEST", 2*60*60)
	end := clock.DateOf(time.Date(2026, time.September, 27, 0, 0, 0, 0, berlin))
	fmt.Println(end)
	fmt.Println(end.UTC())
	fmt.Println(clock.DateOf(end.In(berlin).UTC())) // the UTC date of that midnight
	// Output:
	// 2026-09-27
	// 2026-09-27 00:00:00 +0000 UTC
	// 2026-09-26
}

func ExampleParseDate() {
	d, err := clock.ParseDate("2026-05-10")
	fmt.Println(d.AddDays(90), err)
	_, err = clock.ParseDate("2026-02-29")
	fmt.Println(err)
	// Output:
	// 2026-08-08 <nil>
	// clock: bad date "2026-02-29": day out of range 1 to 28
}
