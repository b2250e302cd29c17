package lifecycle

import (
	"math"
	"testing"
	"time"
)

// The calendar arithmetic of instant.go against the time package: the day
// type (days since 1970-01-01, a UTC date), its conversions to and from
// nanosecond instants, and month arithmetic that clamps to month ends.

// dayOfTime returns the day of t's UTC date, computed with the time
// package only (the reference for the day type).
func dayOfTime(t time.Time) day {
	y, m, d := t.UTC().Date()
	return day(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// TestCivil: every day from 1900 to 2200 converts to the date the time
// package gives, and back, and the day type's conversions agree.
func TestCivil(t *testing.T) {
	lo, hi := minInstant.Unix()/86400, maxInstant.Unix()/86400
	for z := lo; z <= hi; z++ {
		ref := time.Unix(z*86400, 0).UTC()
		y, m, d := ref.Date()
		gy, gm, gd := civil(z)
		if gy != int64(y) || gm != int(m) || gd != d {
			t.Fatalf("civil(%d) = %d-%d-%d, want %v", z, gy, gm, gd, ref)
		}
		if back := daysFromCivil(gy, gm, gd); back != z {
			t.Fatalf("daysFromCivil(civil(%d)) = %d", z, back)
		}
		dd := day(z)
		if got := dd.time(); !got.Equal(ref) || got.Location() != time.UTC {
			t.Fatalf("day(%d).time() = %v, want %v in UTC", z, got, ref)
		}
		if dd.ns() != ref.UnixNano() {
			t.Fatalf("day(%d).ns() = %d, want %d", z, dd.ns(), ref.UnixNano())
		}
		// The first and last nanosecond of the day belong to it; the one
		// before belongs to the day before (negative instants included).
		if dayOf(dd.ns()) != dd || dayOf(dd.ns()+dayNs-1) != dd || dayOf(dd.ns()-1) != dd-1 {
			t.Fatalf("dayOf around day(%d) = %d, %d, %d; want %d, %d, %d",
				z, dayOf(dd.ns()), dayOf(dd.ns()+dayNs-1), dayOf(dd.ns()-1), dd, dd, dd-1)
		}
		if daysIn(int64(y), int(m)) != time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day() {
			t.Fatalf("daysIn(%d, %d) = %d", y, m, daysIn(int64(y), int(m)))
		}
	}
}

func TestDayOf(t *testing.T) {
	for _, at := range []time.Time{
		time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC).Add(-time.Nanosecond), // 1900-02-28: 1900 is not a leap year
		time.Date(1969, 12, 31, 23, 59, 59, 999999999, time.UTC),
		time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 1, 31, 23, 59, 59, 999999999, time.UTC),
		time.Date(2028, 2, 29, 0, 0, 0, 0, time.UTC),
		time.Date(2028, 2, 29, 23, 59, 59, 999999999, time.UTC),
		time.Date(2026, 3, 31, 22, 0, 0, 0, time.FixedZone("UTC-10", -10*3600)), // 2026-04-01 UTC
		time.Date(2026, 4, 1, 8, 0, 0, 0, time.FixedZone("UTC+14", 14*3600)),    // 2026-03-31 UTC
		time.Date(2199, 12, 31, 23, 59, 59, 999999999, time.UTC),
	} {
		y, m, d := at.UTC().Date()
		want := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		if got := dayOf(ns(at)).time(); !got.Equal(want) {
			t.Errorf("dayOf(%v) = %v, want %v", at, got, want)
		}
		if got := dayOf(ns(at)); got != dayOfTime(at) {
			t.Errorf("dayOf(%v) = %d, want %d", at, got, dayOfTime(at))
		}
	}
}

// TestNoInstant: none, never and noDay are "no instant", the zero time,
// never 1970-01-01 (day 0 and instant 0 are valid).
func TestNoInstant(t *testing.T) {
	for name, got := range map[string]time.Time{"timeOf(never)": timeOf(never), "timeOf(none)": timeOf(none), "noDay.time()": noDay.time()} {
		if !got.IsZero() {
			t.Errorf("%s = %v, want the zero time", name, got)
		}
	}
	epoch := time.Unix(0, 0).UTC()
	if got := day(0).time(); !got.Equal(epoch) {
		t.Errorf("day(0).time() = %v, want %v", got, epoch)
	}
	if got := timeOf(0); !got.Equal(epoch) {
		t.Errorf("timeOf(0) = %v, want %v", got, epoch)
	}
	if noDay != day(math.MinInt32) || dayOf(minInstant.UnixNano()) <= noDay {
		t.Errorf("noDay = %d collides with a supported date", noDay)
	}
}

// refAddMonths adds months with the time package, clamping the day.
func refAddMonths(d time.Time, months int) time.Time {
	y, m, dd := d.Date()
	first := time.Date(y, m+time.Month(months), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(dd, last), 0, 0, 0, 0, time.UTC)
}

// addMonthsOf is day.addMonths on a time.Time date.
func addMonthsOf(d time.Time, months int) time.Time { return dayOf(ns(d)).addMonths(months).time() }

func TestAddMonths(t *testing.T) {
	ks := []int{-37, -13, -12, -1, 0, 1, 2, 11, 12, 13, 24, 36, 48}
	for d := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC); d.Before(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)); d = d.AddDate(0, 0, 1) {
		for _, k := range ks {
			if got, want := addMonthsOf(d, k), refAddMonths(d, k); !got.Equal(want) {
				t.Fatalf("addMonths(%v, %d) = %v, want %v", d.Format(time.DateOnly), k, got.Format(time.DateOnly), want.Format(time.DateOnly))
			}
		}
	}
	// Every month end and leap day from 1900 to 2200 (the 28th to the
	// 31st of every month), where the clamping matters, in both
	// directions, staying inside the range.
	for m := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC); m.Before(maxInstant); m = m.AddDate(0, 1, 0) {
		last := m.AddDate(0, 1, -1).Day()
		for dd := 28; dd <= last; dd++ {
			d := time.Date(m.Year(), m.Month(), dd, 0, 0, 0, 0, time.UTC)
			for _, k := range ks {
				want := refAddMonths(d, k)
				if want.Before(minInstant) || !want.Before(maxInstant) {
					continue
				}
				if got := addMonthsOf(d, k); !got.Equal(want) {
					t.Fatalf("addMonths(%v, %d) = %v, want %v", d.Format(time.DateOnly), k, got.Format(time.DateOnly), want.Format(time.DateOnly))
				}
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
		{"2100-01-31", 1, "2100-02-28"},  // nor is 2100
		{"1969-12-31", 2, "1970-02-28"},  // across the epoch
		{"1970-01-31", -1, "1969-12-31"},
	} {
		from, _ := time.Parse(time.DateOnly, c.from)
		if got := addMonthsOf(from, c.months).Format(time.DateOnly); got != c.want {
			t.Errorf("addMonths(%s, %d) = %s, want %s", c.from, c.months, got, c.want)
		}
	}
}

// TestMonthsBetween: monthsBetween(a, b) is the k with a.addMonths(k) ≤ b
// < a.addMonths(k+1), from month ends and leap days too.
func TestMonthsBetween(t *testing.T) {
	check := func(a, b time.Time) {
		t.Helper()
		da, db := dayOf(ns(a)), dayOf(ns(b))
		k := monthsBetween(da, db)
		if k < 0 || da.addMonths(k) > db || da.addMonths(k+1) <= db {
			t.Fatalf("monthsBetween(%v, %v) = %d: addMonths gives %v and %v", a.Format(time.DateOnly), b.Format(time.DateOnly), k,
				da.addMonths(k).time().Format(time.DateOnly), da.addMonths(k+1).time().Format(time.DateOnly))
		}
	}
	for a := time.Date(2027, 12, 25, 0, 0, 0, 0, time.UTC); a.Before(time.Date(2028, 4, 2, 0, 0, 0, 0, time.UTC)); a = a.AddDate(0, 0, 1) {
		for b := a; b.Before(a.AddDate(3, 1, 0)); b = b.AddDate(0, 0, 3) {
			check(a, b)
		}
	}
	// From every month end of 1900–2200 to the days around its own
	// anniversaries: the whole-month boundaries just before, at and after.
	for m := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC); m.Before(time.Date(2196, 1, 1, 0, 0, 0, 0, time.UTC)); m = m.AddDate(0, 1, 0) {
		a := m.AddDate(0, 1, -1) // the month's last day
		for _, k := range []int{0, 1, 2, 12, 13, 36, 48} {
			edge := addMonthsOf(a, k)
			for _, d := range []int{-1, 0, 1} {
				if b := edge.AddDate(0, 0, d); !b.Before(a) {
					check(a, b)
				}
			}
		}
	}
	// Exact counts of the documented cases.
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"2026-01-31", "2026-02-27", 0},
		{"2026-01-31", "2026-02-28", 1}, // clamped anniversary
		{"2026-01-31", "2026-03-30", 1},
		{"2026-01-31", "2026-03-31", 2},
		{"2028-02-29", "2029-02-27", 11},
		{"2028-02-29", "2029-02-28", 12},
		{"2028-02-29", "2032-02-29", 48},
		{"2026-05-05", "2026-05-05", 0},
	} {
		a, _ := time.Parse(time.DateOnly, c.a)
		b, _ := time.Parse(time.DateOnly, c.b)
		if got := monthsBetween(dayOf(ns(a)), dayOf(ns(b))); got != c.want {
			t.Errorf("monthsBetween(%s, %s) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

func TestAddDaysMatchesAddDate(t *testing.T) {
	for _, start := range []time.Time{
		time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC),
		time.Date(2028, 2, 29, 0, 0, 0, 0, time.UTC),
		time.Date(2028, 2, 29, 13, 45, 0, 7, time.UTC),
		time.Date(1969, 12, 31, 0, 0, 0, 0, time.UTC),
		time.Date(1900, 2, 28, 9, 0, 0, 0, time.UTC),
	} {
		for _, n := range []int{-1, 0, 1, 29, 30, 90, 120, 180, 366, 3660} {
			want := start.AddDate(0, 0, n)
			if got := timeOf(addDays(ns(start), n)); !got.Equal(want) {
				t.Errorf("addDays(%v, %d) = %v, want %v", start, n, got, want)
			}
			if got, want := dayOf(ns(start)).add(n), dayOfTime(want); got != want {
				t.Errorf("day(%v).add(%d) = %v, want %v", start.Format(time.DateOnly), n, got.time(), want.time())
			}
		}
	}
}

func TestAddHours(t *testing.T) {
	start := time.Date(2026, 1, 15, 10, 0, 0, 0, time.UTC)
	for _, h := range []int{-72, 0, 1, 72, 168, 87840} {
		if got, want := timeOf(addHours(ns(start), h)), start.Add(time.Duration(h)*time.Hour); !got.Equal(want) {
			t.Errorf("addHours(%v, %d) = %v, want %v", start, h, got, want)
		}
	}
}
