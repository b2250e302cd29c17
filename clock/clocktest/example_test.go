package clocktest_test

import (
	"fmt"
	"time"
	_ "time/tzdata" // Europe/Paris must load on machines without zoneinfo.

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/clock/clocktest"
)

func ExampleFake() {
	start := time.Date(2026, time.January, 31, 9, 0, 0, 0, time.UTC)
	f := clocktest.New(start)

	var c clock.Clock = f // code under test holds only a clock.Clock
	fmt.Println(c.Now())

	f.Advance(90 * time.Minute)
	fmt.Println(c.Now())

	f.AdvanceDate(0, 1, 0)
	fmt.Println(c.Now())
	// Output:
	// 2026-01-31 09:00:00 +0000 UTC
	// 2026-01-31 10:30:00 +0000 UTC
	// 2026-03-03 10:30:00 +0000 UTC
}

func ExampleFake_zero() {
	var f clocktest.Fake
	fmt.Println(f.Now().IsZero())
	f.Advance(time.Hour)
	fmt.Println(f.Now())
	// Output:
	// true
	// 0001-01-01 01:00:00 +0000 UTC
}

func ExampleFake_Set() {
	f := clocktest.New(time.Date(2026, time.June, 1, 0, 0, 0, 0, time.UTC))
	f.Set(time.Date(2025, time.December, 31, 23, 59, 59, 0, time.UTC))
	fmt.Println(f.Now())
	// Output: 2025-12-31 23:59:59 +0000 UTC
}

func ExampleFake_Advance() {
	f := clocktest.New(time.Date(2024, time.February, 28, 23, 59, 59, 0, time.UTC))
	f.Advance(time.Second)
	fmt.Println(f.Now())
	f.Advance(-2 * time.Second)
	fmt.Println(f.Now())
	// Output:
	// 2024-02-29 00:00:00 +0000 UTC
	// 2024-02-28 23:59:58 +0000 UTC
}

func ExampleFake_AdvanceDate() {
	f := clocktest.New(time.Date(2024, time.February, 29, 8, 0, 0, 0, time.UTC))
	f.AdvanceDate(1, 0, 0) // February 29, 2025 does not exist.
	fmt.Println(f.Now())
	f.AdvanceDate(0, 7, 30)
	fmt.Println(f.Now())
	// Output:
	// 2025-03-01 08:00:00 +0000 UTC
	// 2025-10-31 08:00:00 +0000 UTC
}

// Calendar days keep the local time of day across a daylight-saving change;
// 24 hours do not. In Paris, clocks go from 02:00 to 03:00 on March 29, 2026.
func ExampleFake_AdvanceDate_daylightSaving() {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		fmt.Println(err)
		return
	}
	start := time.Date(2026, time.March, 28, 12, 0, 0, 0, paris)

	byDate := clocktest.New(start)
	byDate.AdvanceDate(0, 0, 1)
	fmt.Println(byDate.Now())

	byDuration := clocktest.New(start)
	byDuration.Advance(24 * time.Hour)
	fmt.Println(byDuration.Now())
	// Output:
	// 2026-03-29 12:00:00 +0200 CEST
	// 2026-03-29 13:00:00 +0200 CEST
}
