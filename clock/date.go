package clock

import (
	"database/sql/driver"
	"fmt"
	"strconv"
	"time"
)

// Date is a calendar date: a year, a month and a day, with no time of day
// and no location. lapse uses it for every answer that is a day rather than
// an instant — a term's end date, the last day of a reactivation window,
// the last day data may still exist — so that a date never turns into the
// previous day when it is converted to or from an instant in another
// location.
//
// Date is written here, after cloud.google.com/go/civil's Date (same
// fields, same text form), rather than imported: lapse needs about a
// tenth of that module, and a dependency for one small value type would
// be the library's first outside its three chosen ones.
//
// What a Date is not: it is not an instant, and it has no location. The
// instant a date begins depends on where it is read; lapse's rules read
// dates in UTC (RULES.md DC-1), so [Date.UTC] is the instant lapse
// means by "on date X". [DateOf] takes the date of an instant in that
// instant's own location: for 2026-09-27T00:00+02:00 (midnight in Berlin)
// it is 2026-09-27, not the UTC date 2026-09-26.
//
// The zero Date means "no date": it is not a valid date, its text form is
// the empty string, and it is stored as SQL NULL. A Date is a small value,
// safe to copy, compare with == and share.
type Date struct {
	Year  int        // the year, 1 to 9999 for a valid date
	Month time.Month // the month of the year, January = 1
	Day   int        // the day of the month, from 1
}

// DateOf returns the date of t in t's own location. Convert t first
// (t.UTC(), t.In(loc)) to take its date somewhere else.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: m, Day: d}
}

// ParseDate parses a date in the form "2006-01-02" (RFC 3339's full-date).
// The empty string is an error: a date that may be missing is parsed by
// [Date.UnmarshalText], which reads it as the zero Date.
func ParseDate(s string) (Date, error) {
	if len(s) != len("2006-01-02") || s[4] != '-' || s[7] != '-' {
		return Date{}, &DateError{Value: s, Reason: "want YYYY-MM-DD, such as 2026-09-27"}
	}
	y, ey := digits(s[0:4])
	m, em := digits(s[5:7])
	d, ed := digits(s[8:10])
	if !ey || !em || !ed {
		return Date{}, &DateError{Value: s, Reason: "want YYYY-MM-DD, such as 2026-09-27"}
	}
	date := Date{Year: y, Month: time.Month(m), Day: d}
	if reason := date.invalid(); reason != "" {
		return Date{}, &DateError{Value: s, Reason: reason}
	}
	return date, nil
}

// digits parses a string of ASCII digits only (no sign, no spaces).
func digits(s string) (int, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// invalid returns why d is not a valid date, or "".
func (d Date) invalid() string {
	switch {
	case d.Year < 1 || d.Year > 9999:
		return "year out of range 1 to 9999"
	case d.Month < time.January || d.Month > time.December:
		return "month out of range 1 to 12"
	case d.Day < 1 || d.Day > daysIn(d.Year, d.Month):
		return fmt.Sprintf("day out of range 1 to %d", daysIn(d.Year, d.Month))
	}
	return ""
}

func daysIn(y int, m time.Month) int {
	// The day before the first of the next month, in UTC (no DST).
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// IsValid reports whether d is a real calendar date of the years 1 to
// 9999. The zero Date is not valid.
func (d Date) IsValid() bool { return d.invalid() == "" }

// IsZero reports whether d is the zero Date, "no date".
func (d Date) IsZero() bool { return d == Date{} }

// String returns d in the form "2026-09-27", the empty string for the zero
// Date, and "%!Date(2026-02-30)" for any other invalid date.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case !d.IsValid():
		return fmt.Sprintf("%%!Date(%04d-%02d-%02d)", d.Year, int(d.Month), d.Day)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// In returns the first instant of d in loc: 00:00 local time or, where a
// daylight-saving change skips midnight (America/Santiago on 2026-09-06),
// the instant the clocks jump to (01:00). A nil loc is UTC. The zero Date
// gives the zero time.Time.
func (d Date) In(loc *time.Location) time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	if loc == nil {
		loc = time.UTC
	}
	t := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
	if DateOf(t) != d { // midnight does not exist: time.Date gave the day before
		_, t = t.ZoneBounds() // the end of that zone is the jump into d
	}
	return t
}

// UTC returns the instant d begins in UTC, d.In(time.UTC): the instant
// lapse means by "on date d" (RULES.md DC-1).
func (d Date) UTC() time.Time { return d.In(time.UTC) }

// AddDays returns the date n days after d (before d when n is negative).
// The zero Date stays zero.
func (d Date) AddDays(n int) Date {
	if d.IsZero() {
		return d
	}
	return DateOf(d.UTC().AddDate(0, 0, n))
}

// DaysSince returns the number of days from s to d: positive when d is
// later. Both must be valid dates; it returns 0 otherwise.
func (d Date) DaysSince(s Date) int {
	if !d.IsValid() || !s.IsValid() {
		return 0
	}
	return int(d.UTC().Sub(s.UTC()) / (24 * time.Hour))
}

// Compare returns -1, 0 or +1 as d is before, equal to or after o, like
// time.Time.Compare. The zero Date is before every other date.
func (d Date) Compare(o Date) int {
	switch {
	case d.Year != o.Year:
		return cmpInt(d.Year, o.Year)
	case d.Month != o.Month:
		return cmpInt(int(d.Month), int(o.Month))
	}
	return cmpInt(d.Day, o.Day)
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return +1
	}
	return 0
}

// Before reports whether d is before o.
func (d Date) Before(o Date) bool { return d.Compare(o) < 0 }

// After reports whether d is after o.
func (d Date) After(o Date) bool { return d.Compare(o) > 0 }

// MarshalText implements encoding.TextMarshaler: "2026-09-27", or the
// empty text for the zero Date. An invalid date is an error.
func (d Date) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return []byte{}, nil
	}
	if reason := d.invalid(); reason != "" {
		return nil, &DateError{Value: d.String(), Reason: reason}
	}
	return []byte(d.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler: it parses
// "2026-09-27" as [ParseDate] does, and the empty text as the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Value implements database/sql/driver.Valuer: the text "2026-09-27", or
// NULL for the zero Date. An invalid date is an error.
func (d Date) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	b, err := d.MarshalText()
	if err != nil {
		return nil, err
	}
	return string(b), nil
}

// Scan implements database/sql.Scanner. It accepts NULL (the zero Date),
// the text "2026-09-27" as a string or []byte, and a time.Time, whose
// date is taken in its own location as [DateOf] does — drivers that
// return DATE columns as time.Time give midnight of that date. Anything
// else is an error.
func (d *Date) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*d = Date{}
		return nil
	case string:
		return d.UnmarshalText([]byte(v))
	case []byte:
		return d.UnmarshalText(v)
	case time.Time:
		*d = DateOf(v)
		return nil
	}
	return &DateError{Value: fmt.Sprintf("%T", src), Reason: "cannot scan this type into a Date; want a string, []byte, time.Time or NULL"}
}

// DateError reports a text or value that is not a valid [Date].
type DateError struct {
	Value  string // the text given, or a description of the value
	Reason string // what is wrong with it
}

// Error returns "clock: bad date "2026-02-30": day out of range 1 to 28".
func (e *DateError) Error() string {
	return fmt.Sprintf("clock: bad date %q: %s", e.Value, e.Reason)
}
