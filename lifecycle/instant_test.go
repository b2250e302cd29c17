package lifecycle

import (
	"testing"
	"time"
)

// The calendar arithmetic of instant.go against the time package.

func TestCivil(t *testing.T) {
	lo, hi := minInstant.Unix()/86400, maxInstant.Unix()/86400
	for z := lo; z <= hi; z++ {
		y, m, d := time.Unix(z*86400, 0).UTC().Date()
		gy, gm, gd := civil(z)
		if gy != int64(y) || gm != int(m) || gd != d {
			t.Fatalf("civil(%d) = %d-%d-%d, want %v", z, gy, gm, gd, time.Unix(z*86400, 0).UTC())
		}
		if back := daysFromCivil(gy, gm, gd); back != z {
			t.Fatalf("daysFromCivil(civil(%d)) = %d", z, back)
		}
	}
}

func TestDayOf(t *testing.T) {
	for _, at := range []time.Time{
		time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(1969, 12, 31, 23, 59, 59, 999999999, time.UTC),
		time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2028, 2, 29, 23, 59, 59, 999999999, time.UTC),
		time.Date(2026, 3, 31, 22, 0, 0, 0, time.FixedZone("UTC-10", -10*3600)), // 2026-04-01 UTC
		time.Date(2199, 12, 31, 12, 0, 0, 0, time.UTC),
	} {
		y, m, d := at.UTC().Date()
		want := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		if got := timeOf(dayOf(ns(at))); !got.Equal(want) {
			t.Errorf("dayOf(%v) = %v, want %v", at, got, want)
		}
	}
}

// refAddMonths adds months with the time package, clamping the day.
func refAddMonths(day time.Time, months int) time.Time {
	y, m, d := day.Date()
	first := time.Date(y, m+time.Month(months), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(d, last), 0, 0, 0, 0, time.UTC)
}

func TestAddMonths(t *testing.T) {
	for day := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC); day.Before(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)); day = day.AddDate(0, 0, 1) {
		for _, k := range []int{-37, -13, -12, -1, 0, 1, 2, 11, 12, 13, 24, 36, 48} {
			want := refAddMonths(day, k)
			if got := timeOf(addMonths(ns(day), k)); !got.Equal(want) {
				t.Fatalf("addMonths(%v, %d) = %v, want %v", day.Format(time.DateOnly), k, got.Format(time.DateOnly), want.Format(time.DateOnly))
			}
		}
	}
	// The cases of the docs and of RULES.md.
	for _, c := range []struct {
		from   string
		months int
		want   string
	}{
		{"2026-01-31", 1, "2026-02-28"},
		{"2028-01-31", 1, "2028-02-29"},
		{"2028-02-29", 12, "2029-02-28"},
		{"2028-02-29", 48, "2032-02-29"},
		{"2026-05-05", 12, "2027-05-05"},
		{"1900-03-31", -1, "1900-02-28"}, // 1900 is not a leap year
		{"2000-03-31", -1, "2000-02-29"}, // 2000 is
	} {
		from, _ := time.Parse(time.DateOnly, c.from)
		if got := timeOf(addMonths(ns(from), c.months)).Format(time.DateOnly); got != c.want {
			t.Errorf("addMonths(%s, %d) = %s, want %s", c.from, c.months, got, c.want)
		}
	}
}

func TestMonthsBetween(t *testing.T) {
	for a := time.Date(2027, 12, 25, 0, 0, 0, 0, time.UTC); a.Before(time.Date(2028, 4, 2, 0, 0, 0, 0, time.UTC)); a = a.AddDate(0, 0, 1) {
		for b := a; b.Before(a.AddDate(3, 1, 0)); b = b.AddDate(0, 0, 3) {
			k := monthsBetween(ns(a), ns(b))
			if addMonths(ns(a), k) > ns(b) || addMonths(ns(a), k+1) <= ns(b) {
				t.Fatalf("monthsBetween(%v, %v) = %d: addMonths gives %v and %v", a.Format(time.DateOnly), b.Format(time.DateOnly), k,
					timeOf(addMonths(ns(a), k)).Format(time.DateOnly), timeOf(addMonths(ns(a), k+1)).Format(time.DateOnly))
			}
		}
	}
}

func TestAddDaysMatchesAddDate(t *testing.T) {
	for _, start := range []time.Time{
		time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC),
		time.Date(2028, 2, 29, 0, 0, 0, 0, time.UTC),
		time.Date(1969, 12, 31, 0, 0, 0, 0, time.UTC),
	} {
		for _, n := range []int{-1, 0, 1, 29, 30, 90, 120, 180, 366, 3660} {
			if got, want := timeOf(addDays(ns(start), n)), start.AddDate(0, 0, n); !got.Equal(want) {
				t.Errorf("addDays(%v, %d) = %v, want %v", start, n, got, want)
			}
		}
	}
}
