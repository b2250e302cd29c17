package cli

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/lapse-go/lapse/clock"
)

// instantForms lists the forms ParseInstant accepts.
const instantForms = "a date (2026-06-01), a local time (2026-06-01T09:00) or a time with an offset (2026-06-01T09:00+02:00, 2026-06-01T07:00:00Z)"

// dateForm is the form ParseDate accepts.
const dateForm = "YYYY-MM-DD, such as 2026-06-01"

// ParseInstant parses an instant given on a command line, in one of
// three forms:
//
//   - a date, "2026-06-01": the first instant of that day in loc — its
//     midnight, or, where a daylight-saving change skips midnight
//     (America/Santiago on 2026-09-06), the instant the clocks jump to
//     (01:00 there);
//   - a local time without offset, "2026-06-01T09:00" or
//     "2026-06-01T09:00:30.5": that wall-clock time in loc;
//   - a time with an offset, RFC 3339 with or without seconds,
//     "2026-06-01T09:00:00+02:00", "2026-06-01T09:00+02:00" or
//     "2026-06-01T07:00:00Z": that instant, whatever loc is.
//
// A nil loc means UTC, the location lapse's rules read dates in. A space
// may stand for the T, and spaces around s are ignored. The result is in
// loc.
//
// A local time that does not exist in loc, because the clocks skip it
// (2026-03-29T02:30 in Europe/Berlin), or that exists twice, because the
// clocks go back over it (2026-10-25T02:30 there), is an error: either
// reading could be the wrong one, and a deadline an hour out is wrong.
// The error says what the clocks do and gives the value with each offset
// that makes it exact. A date is never an error for this reason: a day
// always has a first instant.
//
// Years run from 1 to 9999, as for [clock.Date]; February 29 exists in
// leap years only; hours run to 23 and seconds to 59 (no leap second).
// Errors are [*ValueError]s that wrap the [*clock.DateError] or
// [*time.ParseError] underneath, when there is one.
func ParseInstant(s string, loc *time.Location) (time.Time, error) {
	if loc == nil {
		loc = time.UTC
	}
	bad := func(reason, want string, err error) (time.Time, error) {
		return time.Time{}, &ValueError{What: "date or time", Value: s, Reason: reason, Want: want, Err: err}
	}
	v := strings.TrimSpace(s)
	if v == "" {
		return bad("empty", instantForms, nil)
	}
	if !dateShaped(v) {
		return bad("", instantForms, nil)
	}
	d, err := clock.ParseDate(v[:10])
	if err != nil {
		return bad(dateReason(err), instantForms, err)
	}
	rest := v[10:]
	if rest == "" {
		return startOfDay(d, loc), nil
	}
	if rest[0] != 'T' && rest[0] != ' ' {
		return bad("", instantForms, nil)
	}
	v = v[:10] + "T" + rest[1:]
	clockPart := rest[1:]
	offset := strings.HasSuffix(clockPart, "Z") || strings.ContainsAny(clockPart, "+-")
	if i := strings.IndexAny(clockPart, "Z+-"); i >= 0 {
		clockPart = clockPart[:i]
	}
	layout := "2006-01-02T15:04"
	if strings.Count(clockPart, ":") >= 2 {
		layout += ":05"
	}
	if offset {
		t, err := time.Parse(layout+"Z07:00", v)
		if err != nil {
			return bad(parseReason(err), instantForms, err)
		}
		return t.In(loc), nil
	}
	wall, err := time.Parse(layout, v)
	if err != nil {
		return bad(parseReason(err), instantForms, err)
	}
	at, tr := resolve(wall, loc)
	switch {
	case len(at) == 1:
		return at[0], nil
	case len(at) == 0 && tr != nil:
		return bad(fmt.Sprintf("the clocks in %s go forward from %s to %s that day, so %s does not exist", loc, hm(tr.before), hm(tr.after), hm(wall)),
			fmt.Sprintf("a time with an offset, such as %s or %s", withOffset(wall, tr.from), withOffset(wall, tr.to)), nil)
	case len(at) == 2 && tr != nil:
		return bad(fmt.Sprintf("the clocks in %s go back from %s to %s that day, so %s happens twice", loc, hm(tr.before), hm(tr.after), hm(wall)),
			fmt.Sprintf("a time with an offset: %s for the first or %s for the second", withOffset(wall, tr.from), withOffset(wall, tr.to)), nil)
	}
	// Not reached with the time zone database: a wall time exists once,
	// never or twice, next to a transition that resolve finds.
	return time.Date(wall.Year(), wall.Month(), wall.Day(), wall.Hour(), wall.Minute(), wall.Second(), wall.Nanosecond(), loc), nil
}

// ParseDate parses a calendar date given on a command line, "2026-06-01",
// with [clock.ParseDate], and explains what is wrong when it cannot: the
// error is a [*ValueError] wrapping the [*clock.DateError]. Spaces around
// s are ignored. A time of day after the date is an error: a date names a
// day, not an instant.
func ParseDate(s string) (clock.Date, error) {
	v := strings.TrimSpace(s)
	bad := func(reason string, err error) (clock.Date, error) {
		return clock.Date{}, &ValueError{What: "date", Value: s, Reason: reason, Want: dateForm, Err: err}
	}
	switch {
	case v == "":
		return bad("empty", nil)
	case !dateShaped(v):
		return bad("", nil)
	}
	d, err := clock.ParseDate(v[:10])
	if err != nil {
		return bad(dateReason(err), err)
	}
	if len(v) > 10 {
		return bad("a date has no time of day", nil)
	}
	return d, nil
}

// dateShaped reports whether s begins with ten characters shaped as
// 2006-01-02: digits and two dashes.
func dateShaped(s string) bool {
	if len(s) < 10 {
		return false
	}
	for i := 0; i < 10; i++ {
		switch {
		case i == 4 || i == 7:
			if s[i] != '-' {
				return false
			}
		case s[i] < '0' || s[i] > '9':
			return false
		}
	}
	return true
}

// dateReason returns the reason of a *clock.DateError, or its message.
func dateReason(err error) string {
	var de *clock.DateError
	if errors.As(err, &de) {
		return de.Reason
	}
	return err.Error()
}

// parseReason returns what a *time.ParseError says is out of range, or ""
// when the text just does not have the layout's form.
func parseReason(err error) string {
	var pe *time.ParseError
	if errors.As(err, &pe) {
		return strings.TrimPrefix(pe.Message, ": ")
	}
	return ""
}

// startOfDay returns the first instant of d in loc.
func startOfDay(d clock.Date, loc *time.Location) time.Time {
	at, tr := resolve(d.UTC(), loc)
	switch {
	case len(at) > 0:
		return at[0]
	case tr != nil:
		return tr.at
	}
	return d.In(loc) // not reached; see ParseInstant
}

// A transition is a change of a location's offset from UTC.
type transition struct {
	at            time.Time // the instant of the change, in the location
	from, to      int       // the offsets before and after, in seconds east of UTC
	before, after time.Time // the wall clock just before and at the change, as UTC times
}

// resolve returns the instants, earliest first, at which the wall clock
// in loc reads wall (whose fields are read as if wall were in UTC): one
// in general, none in a gap the clocks skip, two where they go back. It
// also returns the transition that makes a gap or a repeat, if any.
func resolve(wall time.Time, loc *time.Location) ([]time.Time, *transition) {
	// Offsets lie within ±16h of UTC (LMTs included), so every instant
	// whose wall clock reads wall, and every transition that matters,
	// lies within ±16h of wall read as UTC.
	lo, hi := wall.Add(-16*time.Hour), wall.Add(16*time.Hour)
	var at []time.Time
	var tr *transition
	tried := map[int]bool{}
	x := lo.In(loc)
	for {
		_, off := x.Zone()
		if !tried[off] {
			tried[off] = true
			u := wall.Add(-time.Duration(off) * time.Second).In(loc)
			if sameWall(u, wall) {
				at = append(at, u)
			}
		}
		_, end := x.ZoneBounds()
		if end.IsZero() || end.After(hi) {
			break
		}
		_, next := end.Zone()
		t := transition{at: end, from: off, to: next,
			before: end.UTC().Add(time.Duration(off) * time.Second),
			after:  end.UTC().Add(time.Duration(next) * time.Second)}
		gap := next > off && !wall.Before(t.before) && wall.Before(t.after)
		repeat := next < off && !wall.Before(t.after) && wall.Before(t.before)
		if gap || repeat {
			tr = &t
		}
		x = end
	}
	slices.SortFunc(at, func(a, b time.Time) int { return a.Compare(b) })
	return at, tr
}

// sameWall reports whether t's wall clock in its location reads wall's
// clock in UTC.
func sameWall(t, wall time.Time) bool {
	y, m, d := t.Date()
	h, mi, s := t.Clock()
	return time.Date(y, m, d, h, mi, s, t.Nanosecond(), time.UTC).Equal(wall)
}

// hm formats a wall clock as 15:04, or 15:04:05 when it has seconds.
func hm(t time.Time) string {
	if t.Second() != 0 || t.Nanosecond() != 0 {
		return t.Format("15:04:05")
	}
	return t.Format("15:04")
}

// withOffset formats wall (read as in UTC) with the offset off, in
// seconds east of UTC: 2026-03-29T02:30+01:00.
func withOffset(wall time.Time, off int) string {
	layout := "2006-01-02T15:04"
	if wall.Second() != 0 || wall.Nanosecond() != 0 {
		layout += ":05.999999999"
	}
	t := time.Date(wall.Year(), wall.Month(), wall.Day(), wall.Hour(), wall.Minute(), wall.Second(), wall.Nanosecond(), time.FixedZone("", off))
	return t.Format(layout + "Z07:00")
}
