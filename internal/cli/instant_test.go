package cli

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/lapse-go/lapse/clock"
)

func mustLoad(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

const forms = "; want a date (2026-06-01), a local time (2026-06-01T09:00) or a time with an offset (2026-06-01T09:00+02:00, 2026-06-01T07:00:00Z)"

func TestParseInstant(t *testing.T) {
	berlin := mustLoad(t, "Europe/Berlin")
	santiago := mustLoad(t, "America/Santiago")
	lordHowe := mustLoad(t, "Australia/Lord_Howe")
	utc := func(y int, m time.Month, d, h, mi, s int) time.Time { return time.Date(y, m, d, h, mi, s, 0, time.UTC) }
	tests := []struct {
		name    string
		in      string
		loc     *time.Location // nil is UTC
		want    time.Time
		wantErr string // the whole message; "" for no error
	}{
		// The three forms.
		{name: "date is midnight UTC", in: "2026-06-01", want: utc(2026, 6, 1, 0, 0, 0)},
		{name: "date is midnight in loc", in: "2026-06-01", loc: berlin, want: utc(2026, 5, 31, 22, 0, 0)},
		{name: "local time in UTC", in: "2026-06-01T09:00", want: utc(2026, 6, 1, 9, 0, 0)},
		{name: "local time in loc", in: "2026-06-01T09:00", loc: berlin, want: utc(2026, 6, 1, 7, 0, 0)},
		{name: "local time with seconds", in: "2026-06-01T09:00:30", loc: berlin, want: utc(2026, 6, 1, 7, 0, 30)},
		{name: "local time with fraction", in: "2026-06-01T09:00:30.25", want: utc(2026, 6, 1, 9, 0, 30).Add(250 * time.Millisecond)},
		{name: "space for T", in: "2026-06-01 09:00", loc: berlin, want: utc(2026, 6, 1, 7, 0, 0)},
		{name: "RFC 3339", in: "2026-06-01T09:00:00+02:00", want: utc(2026, 6, 1, 7, 0, 0)},
		{name: "RFC 3339 Z", in: "2026-06-01T07:00:00Z", loc: berlin, want: utc(2026, 6, 1, 7, 0, 0)},
		{name: "offset wins over loc", in: "2026-06-01T09:00-05:00", loc: berlin, want: utc(2026, 6, 1, 14, 0, 0)},
		{name: "offset without seconds", in: "2026-06-01T09:00+02:00", want: utc(2026, 6, 1, 7, 0, 0)},
		{name: "offset with nanoseconds", in: "2026-06-01T09:00:00.123456789+02:00", want: utc(2026, 6, 1, 7, 0, 0).Add(123456789)},
		{name: "spaces around", in: " 2026-06-01\t", want: utc(2026, 6, 1, 0, 0, 0)},

		// Leap days, month ends, the range of years.
		{name: "leap day", in: "2028-02-29", want: utc(2028, 2, 29, 0, 0, 0)},
		{name: "leap day of 2000", in: "2000-02-29T23:59:59", want: utc(2000, 2, 29, 23, 59, 59)},
		{name: "no leap day in 2026", in: "2026-02-29", wantErr: `bad date or time "2026-02-29": day out of range 1 to 28` + forms},
		{name: "no leap day in 2100", in: "2100-02-29T00:00", wantErr: `bad date or time "2100-02-29T00:00": day out of range 1 to 28` + forms},
		{name: "April 30", in: "2026-04-30", want: utc(2026, 4, 30, 0, 0, 0)},
		{name: "no April 31", in: "2026-04-31", wantErr: `bad date or time "2026-04-31": day out of range 1 to 30` + forms},
		{name: "last second of a year", in: "2026-12-31T23:59:59", want: utc(2026, 12, 31, 23, 59, 59)},
		{name: "first year", in: "0001-01-01", want: utc(1, 1, 1, 0, 0, 0)},
		{name: "last year", in: "9999-12-31T23:59", want: utc(9999, 12, 31, 23, 59, 0)},
		{name: "year 0", in: "0000-12-31", wantErr: `bad date or time "0000-12-31": year out of range 1 to 9999` + forms},
		{name: "month 13", in: "2026-13-01", wantErr: `bad date or time "2026-13-01": month out of range 1 to 12` + forms},
		{name: "hour 24", in: "2026-06-01T24:00", wantErr: `bad date or time "2026-06-01T24:00": hour out of range` + forms},
		{name: "minute 60", in: "2026-06-01T09:60", wantErr: `bad date or time "2026-06-01T09:60": minute out of range` + forms},
		{name: "leap second", in: "2016-12-31T23:59:60Z", wantErr: `bad date or time "2016-12-31T23:59:60Z": second out of range` + forms},
		{name: "offset hour 25", in: "2026-06-01T09:00+25:00", wantErr: `bad date or time "2026-06-01T09:00+25:00": time zone offset hour out of range` + forms},

		// Not in any form.
		{name: "empty", in: "", wantErr: `bad date or time "": empty` + forms},
		{name: "blank", in: "  ", wantErr: `bad date or time "  ": empty` + forms},
		{name: "words", in: "June 1", wantErr: `bad date or time "June 1"` + forms},
		{name: "short year", in: "26-06-01", wantErr: `bad date or time "26-06-01"` + forms},
		{name: "slashes", in: "2026/06/01", wantErr: `bad date or time "2026/06/01"` + forms},
		{name: "trailing text", in: "2026-06-01x", wantErr: `bad date or time "2026-06-01x"` + forms},
		{name: "hour alone", in: "2026-06-01T09", wantErr: `bad date or time "2026-06-01T09"` + forms},
		{name: "lower-case z", in: "2026-06-01T09:00z", wantErr: `bad date or time "2026-06-01T09:00z": extra text: "z"` + forms},

		// Spring forward in Berlin: 02:00 CET becomes 03:00 CEST.
		{name: "before the gap", in: "2026-03-29T01:59:59", loc: berlin, want: utc(2026, 3, 29, 0, 59, 59)},
		{name: "gap starts", in: "2026-03-29T02:00", loc: berlin,
			wantErr: `bad date or time "2026-03-29T02:00": the clocks in Europe/Berlin go forward from 02:00 to 03:00 that day, so 02:00 does not exist; want a time with an offset, such as 2026-03-29T02:00+01:00 or 2026-03-29T02:00+02:00`},
		{name: "in the gap", in: "2026-03-29T02:30", loc: berlin,
			wantErr: `bad date or time "2026-03-29T02:30": the clocks in Europe/Berlin go forward from 02:00 to 03:00 that day, so 02:30 does not exist; want a time with an offset, such as 2026-03-29T02:30+01:00 or 2026-03-29T02:30+02:00`},
		{name: "gap ends", in: "2026-03-29T02:59:59.5", loc: berlin,
			wantErr: `bad date or time "2026-03-29T02:59:59.5": the clocks in Europe/Berlin go forward from 02:00 to 03:00 that day, so 02:59:59 does not exist; want a time with an offset, such as 2026-03-29T02:59:59.5+01:00 or 2026-03-29T02:59:59.5+02:00`},
		{name: "after the gap", in: "2026-03-29T03:00", loc: berlin, want: utc(2026, 3, 29, 1, 0, 0)},
		{name: "a suggested reading", in: "2026-03-29T02:30+01:00", loc: berlin, want: utc(2026, 3, 29, 1, 30, 0)},
		{name: "date of the gap", in: "2026-03-29", loc: berlin, want: utc(2026, 3, 28, 23, 0, 0)},

		// Fall back in Berlin: 03:00 CEST becomes 02:00 CET.
		{name: "before the repeat", in: "2026-10-25T01:59:59", loc: berlin, want: utc(2026, 10, 24, 23, 59, 59)},
		{name: "repeat starts", in: "2026-10-25T02:00", loc: berlin,
			wantErr: `bad date or time "2026-10-25T02:00": the clocks in Europe/Berlin go back from 03:00 to 02:00 that day, so 02:00 happens twice; want a time with an offset: 2026-10-25T02:00+02:00 for the first or 2026-10-25T02:00+01:00 for the second`},
		{name: "repeat ends", in: "2026-10-25T02:59:59", loc: berlin,
			wantErr: `bad date or time "2026-10-25T02:59:59": the clocks in Europe/Berlin go back from 03:00 to 02:00 that day, so 02:59:59 happens twice; want a time with an offset: 2026-10-25T02:59:59+02:00 for the first or 2026-10-25T02:59:59+01:00 for the second`},
		{name: "after the repeat", in: "2026-10-25T03:00", loc: berlin, want: utc(2026, 10, 25, 2, 0, 0)},
		{name: "the first reading", in: "2026-10-25T02:30+02:00", loc: berlin, want: utc(2026, 10, 25, 0, 30, 0)},
		{name: "the second reading", in: "2026-10-25T02:30+01:00", loc: berlin, want: utc(2026, 10, 25, 1, 30, 0)},

		// Santiago skips midnight (00:00 -04 becomes 01:00 -03) and
		// repeats the hour before it (00:00 -03 becomes 23:00 -04).
		{name: "date whose midnight is skipped", in: "2026-09-06", loc: santiago, want: utc(2026, 9, 6, 4, 0, 0)},
		{name: "the day before", in: "2026-09-05", loc: santiago, want: utc(2026, 9, 5, 4, 0, 0)},
		{name: "skipped midnight", in: "2026-09-06T00:00", loc: santiago,
			wantErr: `bad date or time "2026-09-06T00:00": the clocks in America/Santiago go forward from 00:00 to 01:00 that day, so 00:00 does not exist; want a time with an offset, such as 2026-09-06T00:00-04:00 or 2026-09-06T00:00-03:00`},
		{name: "date after a repeated hour", in: "2026-04-05", loc: santiago, want: utc(2026, 4, 5, 4, 0, 0)},
		{name: "repeated hour", in: "2026-04-04T23:30", loc: santiago,
			wantErr: `bad date or time "2026-04-04T23:30": the clocks in America/Santiago go back from 00:00 to 23:00 that day, so 23:30 happens twice; want a time with an offset: 2026-04-04T23:30-03:00 for the first or 2026-04-04T23:30-04:00 for the second`},

		// Lord Howe Island moves its clocks by half an hour.
		{name: "half-hour repeat", in: "2026-04-05T01:45", loc: lordHowe,
			wantErr: `bad date or time "2026-04-05T01:45": the clocks in Australia/Lord_Howe go back from 02:00 to 01:30 that day, so 01:45 happens twice; want a time with an offset: 2026-04-05T01:45+11:00 for the first or 2026-04-05T01:45+10:30 for the second`},
		{name: "half-hour repeat ends", in: "2026-04-05T02:00", loc: lordHowe, want: utc(2026, 4, 4, 15, 30, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseInstant(tt.in, tt.loc)
			if tt.wantErr != "" {
				var ve *ValueError
				if !errors.As(err, &ve) {
					t.Fatalf("ParseInstant(%q) = %v, %v; want a *ValueError", tt.in, got, err)
				}
				if diff := cmp.Diff(tt.wantErr, err.Error()); diff != "" {
					t.Errorf("ParseInstant(%q) error mismatch (-want +got):\n%s", tt.in, diff)
				}
				if !got.IsZero() {
					t.Errorf("ParseInstant(%q) = %v with its error, want the zero time", tt.in, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseInstant(%q) error: %v", tt.in, err)
			}
			if !got.Equal(tt.want) {
				t.Errorf("ParseInstant(%q) = %v, want %v", tt.in, got, tt.want.In(got.Location()))
			}
			wantLoc := tt.loc
			if wantLoc == nil {
				wantLoc = time.UTC
			}
			if got.Location() != wantLoc {
				t.Errorf("ParseInstant(%q) is in %v, want %v", tt.in, got.Location(), wantLoc)
			}
		})
	}
}

// TestParseInstantWraps checks that the error underneath can be reached.
func TestParseInstantWraps(t *testing.T) {
	_, err := ParseInstant("2026-02-30", nil)
	var de *clock.DateError
	if !errors.As(err, &de) || de.Reason != "day out of range 1 to 28" {
		t.Errorf("ParseInstant(2026-02-30) = %v; want it to wrap a *clock.DateError", err)
	}
	_, err = ParseInstant("2026-06-01T25:00", nil)
	var pe *time.ParseError
	if !errors.As(err, &pe) {
		t.Errorf("ParseInstant(2026-06-01T25:00) = %v; want it to wrap a *time.ParseError", err)
	}
}

// TestParseInstantEveryQuarterHour reads the wall clock of every quarter
// hour of 2026 in zones with daylight saving (Lord Howe's by half an
// hour; Santiago's across midnight) and checks that a wall time shown
// once parses to its instant, and one shown twice or never is refused.
func TestParseInstantEveryQuarterHour(t *testing.T) {
	for _, name := range []string{"Europe/Berlin", "America/Santiago", "Australia/Lord_Howe", "America/New_York", "UTC"} {
		loc := mustLoad(t, name)
		const layout = "2006-01-02T15:04"
		seen := map[string][]time.Time{}
		from, to := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
		for u := from.Add(-24 * time.Hour); u.Before(to.Add(24 * time.Hour)); u = u.Add(15 * time.Minute) {
			s := u.In(loc).Format(layout)
			seen[s] = append(seen[s], u)
		}
		var once, twice, never int
		for w := from; w.Before(to); w = w.Add(15 * time.Minute) {
			s := w.Format(layout)
			got, err := ParseInstant(s, loc)
			switch n := len(seen[s]); {
			case n == 1:
				once++
				if err != nil || !got.Equal(seen[s][0]) {
					t.Errorf("%s: ParseInstant(%q) = %v, %v; want %v", name, s, got, err, seen[s][0])
				}
			default:
				if n == 0 {
					never++
				} else {
					twice++
				}
				var ve *ValueError
				if !errors.As(err, &ve) {
					t.Errorf("%s: ParseInstant(%q) = %v, %v; the wall clock shows it %d times, want a *ValueError", name, s, got, err, n)
				}
			}
		}
		// Each zone's changes, counted in quarter hours: Berlin's and
		// New York's are an hour, Lord Howe's half an hour.
		want := map[string][3]int{
			"Europe/Berlin":       {35040 - 8, 4, 4},
			"America/New_York":    {35040 - 8, 4, 4},
			"America/Santiago":    {35040 - 8, 4, 4},
			"Australia/Lord_Howe": {35040 - 4, 2, 2},
			"UTC":                 {35040, 0, 0},
		}[name]
		if got := [3]int{once, twice, never}; got != want {
			t.Errorf("%s: wall times once, twice, never = %v, want %v", name, got, want)
		}
	}
}

func TestParseDate(t *testing.T) {
	const want = "; want YYYY-MM-DD, such as 2026-06-01"
	tests := []struct {
		in      string
		want    clock.Date
		wantErr string
	}{
		{in: "2026-06-01", want: clock.Date{Year: 2026, Month: time.June, Day: 1}},
		{in: " 2026-06-01 ", want: clock.Date{Year: 2026, Month: time.June, Day: 1}},
		{in: "2028-02-29", want: clock.Date{Year: 2028, Month: time.February, Day: 29}},
		{in: "2026-02-28", want: clock.Date{Year: 2026, Month: time.February, Day: 28}},
		{in: "2026-02-29", wantErr: `bad date "2026-02-29": day out of range 1 to 28` + want},
		{in: "2026-12-31", want: clock.Date{Year: 2026, Month: time.December, Day: 31}},
		{in: "2026-12-32", wantErr: `bad date "2026-12-32": day out of range 1 to 31` + want},
		{in: "2026-00-10", wantErr: `bad date "2026-00-10": month out of range 1 to 12` + want},
		{in: "0001-01-01", want: clock.Date{Year: 1, Month: time.January, Day: 1}},
		{in: "0000-01-01", wantErr: `bad date "0000-01-01": year out of range 1 to 9999` + want},
		{in: "2026-06-01T09:00", wantErr: `bad date "2026-06-01T09:00": a date has no time of day` + want},
		{in: "2026-06-01Z", wantErr: `bad date "2026-06-01Z": a date has no time of day` + want},
		{in: "1/6/2026", wantErr: `bad date "1/6/2026"` + want},
		{in: "2026-6-1", wantErr: `bad date "2026-6-1"` + want},
		{in: "", wantErr: `bad date "": empty` + want},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if tt.wantErr != "" {
			var ve *ValueError
			if !errors.As(err, &ve) || err.Error() != tt.wantErr {
				t.Errorf("ParseDate(%q) = %v, %v; want the *ValueError %q", tt.in, got, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func BenchmarkParseInstant(b *testing.B) {
	berlin := mustLoad(b, "Europe/Berlin")
	for _, in := range []string{"2026-06-01", "2026-06-01T09:00", "2026-06-01T09:00:00+02:00"} {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ParseInstant(in, berlin); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
