package lifecycle

import (
	"math"
	"time"

	"github.com/lapse-go/lapse/clock"
)

// Internally an instant is int64 nanoseconds since 1970-01-01T00:00:00Z,
// and a calendar date is a day: the number of days since 1970-01-01, a UTC
// date (DC-1) that begins at the instant day.ns(). UTC has no daylight
// saving time, so calendar days applied in UTC are exactly 24 hours, the
// same as time.AddDate in UTC. At the API a day is a clock.Date (dayFrom,
// day.date, lastDay convert), an instant a time.Time (ns, timeOf); this
// is the only use lifecycle makes of package clock.

const dayNs = int64(24 * time.Hour)

// never is later than any supported instant: the end of an open interval.
const never = int64(math.MaxInt64)

// none is earlier than any supported instant: "no instant" for optional
// instants. (Zero is 1970-01-01T00:00:00Z, a valid instant.)
const none = int64(math.MinInt64)

func ns(t time.Time) int64 { return t.UnixNano() }

// timeOf returns the instant n in UTC; never and none are the zero time.
func timeOf(n int64) time.Time {
	if n == never || n == none {
		return time.Time{}
	}
	return time.Unix(0, n).UTC()
}

func addHours(n int64, hours int) int64 { return n + int64(hours)*int64(time.Hour) }

// day is a UTC calendar date, counted in days since 1970-01-01.
type day int32

// noDay is "no date" for optional dates.
const noDay = day(math.MinInt32)

// endDay is the first date past the supported range, 2200-01-01: every
// end date is before it. Every length the policy adds to a date is
// bounded (policy.Rules.Validate: at most 3660 days), so no instant lapse
// computes from a date before endDay leaves int64 nanoseconds (which end
// in 2262).
const endDay = day(maxUnix / (dayNs / int64(time.Second)))

// dayOf returns the UTC date of the instant n.
func dayOf(n int64) day {
	d := n / dayNs
	if n%dayNs < 0 {
		d--
	}
	return day(d)
}

// ns returns the instant the date begins, 00:00Z.
func (d day) ns() int64 { return int64(d) * dayNs }

// time returns the instant the date begins in UTC, or the zero time for
// noDay.
func (d day) time() time.Time {
	if d == noDay {
		return time.Time{}
	}
	return timeOf(d.ns())
}

// dayFrom returns the day of the calendar date d, read in UTC (DC-1): the
// day that begins at d.UTC(). d must be valid ([clock.Date.IsValid]).
func dayFrom(d clock.Date) day { return day(daysFromCivil(int64(d.Year), int(d.Month), d.Day)) }

// date returns the calendar date of d, or the zero Date for noDay.
func (d day) date() clock.Date {
	if d == noDay {
		return clock.Date{}
	}
	y, m, dd := civil(int64(d))
	return clock.Date{Year: int(y), Month: time.Month(m), Day: dd}
}

// lastDay returns the calendar date of the last instant before n: the
// last day on which something that ends at the instant n is still
// possible. For a day boundary (00:00Z) it is the day before; for any
// other instant, its own UTC date. none and never give the zero Date.
func lastDay(n int64) clock.Date {
	if n == none || n == never {
		return clock.Date{}
	}
	return dayOf(n - 1).date()
}

// add returns the date n days later (earlier when n is negative).
func (d day) add(n int) day { return d + day(n) }

// addMonths adds months to a date, keeping the day of month and clamping
// it to the last day of a shorter month (2026-01-31 + 1 month =
// 2026-02-28), unlike time.AddDate, which would normalise to March.
func (d day) addMonths(months int) day {
	y, m, dd := civil(int64(d))
	t := int64(m-1) + int64(months)
	y += t / 12
	mo := int(t % 12)
	if mo < 0 {
		mo += 12
		y--
	}
	mo++
	if dim := daysIn(y, mo); dd > dim {
		dd = dim
	}
	return day(daysFromCivil(y, mo, dd))
}

// monthsBetween returns the whole calendar months from date a to date b
// (b ≥ a): the k with a.addMonths(k) ≤ b < a.addMonths(k+1).
func monthsBetween(a, b day) int {
	ya, ma, _ := civil(int64(a))
	yb, mb, _ := civil(int64(b))
	k := int((yb-ya)*12) + mb - ma
	for k > 0 && a.addMonths(k) > b {
		k--
	}
	for a.addMonths(k+1) <= b {
		k++
	}
	return k
}

// civil converts a day number (days since 1970-01-01) to a proleptic
// Gregorian date (H. Hinnant's days_from_civil inverse).
func civil(z int64) (y int64, m, d int) {
	z += 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = int(doy - (153*mp+2)/5 + 1)
	if mp < 10 {
		m = int(mp + 3)
	} else {
		m = int(mp - 9)
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

// daysFromCivil is the inverse of civil.
func daysFromCivil(y int64, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mm := int64(m)
	if m > 2 {
		mm -= 3
	} else {
		mm += 9
	}
	doy := (153*mm+2)/5 + int64(d) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func daysIn(y int64, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
