package lifecycle

import "time"

// Internally every instant is int64 nanoseconds since 1970-01-01T00:00:00Z
// and every date is the instant of its 00:00Z (DC-1). Adding days is adding
// multiples of dayNs: UTC has no daylight saving time, and calendar days
// applied in UTC are exactly 24 hours (the same as time.AddDate in UTC).

const dayNs = int64(24 * time.Hour)

// never is later than any supported instant: the end of an open phase.
const never = int64(1<<63 - 1)

// none is earlier than any supported instant: "no instant" for optional
// instants, and the start of a phase that begins at the regime's origin.
// (Zero is 1970-01-01T00:00:00Z, a valid instant.)
const none = int64(-1 << 63)

func ns(t time.Time) int64 { return t.UnixNano() }

func timeOf(n int64) time.Time {
	if n == never {
		return time.Time{}
	}
	return time.Unix(0, n).UTC()
}

// dayOf returns the 00:00Z instant of n's UTC date.
func dayOf(n int64) int64 {
	d := n / dayNs
	if n%dayNs < 0 {
		d--
	}
	return d * dayNs
}

func addDays(n int64, days int) int64 { return n + int64(days)*dayNs }

func addHours(n int64, hours int) int64 { return n + int64(hours)*int64(time.Hour) }

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

// addMonths adds months to a date, keeping the day of month and clamping
// it to the last day of a shorter month (2026-01-31 + 1 month =
// 2026-02-28), unlike time.AddDate, which would normalise to March.
func addMonths(day int64, months int) int64 {
	y, m, d := civil(day / dayNs)
	t := int64(m-1) + int64(months)
	y += t / 12
	mo := int(t % 12)
	if mo < 0 {
		mo += 12
		y--
	}
	mo++
	if dim := daysIn(y, mo); d > dim {
		d = dim
	}
	return daysFromCivil(y, mo, d) * dayNs
}

// monthsBetween returns the whole calendar months from day a to day b
// (b ≥ a), such that addMonths(a, k) ≤ b < addMonths(a, k+1).
func monthsBetween(a, b int64) int {
	ya, ma, _ := civil(a / dayNs)
	yb, mb, _ := civil(b / dayNs)
	k := int((yb-ya)*12) + mb - ma
	for k > 0 && addMonths(a, k) > b {
		k--
	}
	for addMonths(a, k+1) <= b {
		k++
	}
	return k
}
