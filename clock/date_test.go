package clock_test

import (
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/lapse-go/lapse/clock"
	"pgregory.net/rapid"
)

var (
	_ sql.Scanner   = (*clock.Date)(nil)
	_ driver.Valuer = clock.Date{}
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    clock.Date
		wantErr string
	}{
		{in: "2026-09-27", want: clock.Date{Year: 2026, Month: time.September, Day: 27}},
		{in: "2028-02-29", want: clock.Date{Year: 2028, Month: time.February, Day: 29}},
		{in: "0001-01-01", want: clock.Date{Year: 1, Month: time.January, Day: 1}},
		{in: "9999-12-31", want: clock.Date{Year: 9999, Month: time.December, Day: 31}},
		{in: "2026-02-28", want: clock.Date{Year: 2026, Month: time.February, Day: 28}},
		{in: "2026-02-29", wantErr: `clock: bad date "2026-02-29": day out of range 1 to 28`},
		{in: "2026-04-31", wantErr: `clock: bad date "2026-04-31": day out of range 1 to 30`},
		{in: "2026-13-01", wantErr: `clock: bad date "2026-13-01": month out of range 1 to 12`},
		{in: "2026-00-01", wantErr: `clock: bad date "2026-00-01": month out of range 1 to 12`},
		{in: "2026-01-00", wantErr: `clock: bad date "2026-01-00": day out of range 1 to 31`},
		{in: "0000-01-01", wantErr: `clock: bad date "0000-01-01": year out of range 1 to 9999`},
		{in: "", wantErr: `clock: bad date "": want YYYY-MM-DD, such as 2026-09-27`},
		{in: "2026-9-27", wantErr: `clock: bad date "2026-9-27": want YYYY-MM-DD, such as 2026-09-27`},
		{in: "2026-09-27T00:00:00Z", wantErr: `clock: bad date "2026-09-27T00:00:00Z": want YYYY-MM-DD, such as 2026-09-27`},
		{in: "+026-09-27", wantErr: `clock: bad date "+026-09-27": want YYYY-MM-DD, such as 2026-09-27`},
		{in: "2026/09/27", wantErr: `clock: bad date "2026/09/27": want YYYY-MM-DD, such as 2026-09-27`},
	}
	for _, tt := range tests {
		got, err := clock.ParseDate(tt.in)
		if tt.wantErr != "" {
			var de *clock.DateError
			if !errors.As(err, &de) || err.Error() != tt.wantErr {
				t.Errorf("ParseDate(%q) error = %v, want %s", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

// TestDateOfUsesItsLocation is the issue-13 defect: an end date given as
// midnight in Berlin became the previous UTC day.
func TestDateOfUsesItsLocation(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no tzdata:", err)
	}
	midnight := time.Date(2026, 9, 27, 0, 0, 0, 0, berlin)
	if got, want := clock.DateOf(midnight), (clock.Date{Year: 2026, Month: 9, Day: 27}); got != want {
		t.Errorf("DateOf(Berlin midnight) = %v, want %v", got, want)
	}
	if got, want := clock.DateOf(midnight.UTC()), (clock.Date{Year: 2026, Month: 9, Day: 26}); got != want {
		t.Errorf("DateOf(Berlin midnight in UTC) = %v, want %v", got, want)
	}
	d := clock.Date{Year: 2026, Month: 9, Day: 27}
	if got := d.In(berlin); !got.Equal(midnight) {
		t.Errorf("In(Berlin) = %v, want %v", got, midnight)
	}
	if got, want := d.UTC(), time.Date(2026, 9, 27, 0, 0, 0, 0, time.UTC); !got.Equal(want) || got.Location() != time.UTC {
		t.Errorf("UTC() = %v, want %v", got, want)
	}
	// The instants just before, at and just after the start of the day.
	for _, tt := range []struct {
		t    time.Time
		want clock.Date
	}{
		{midnight.Add(-time.Nanosecond), clock.Date{Year: 2026, Month: 9, Day: 26}},
		{midnight, d},
		{midnight.Add(time.Nanosecond), d},
	} {
		if got := clock.DateOf(tt.t); got != tt.want {
			t.Errorf("DateOf(%v) = %v, want %v", tt.t, got, tt.want)
		}
	}
}

func TestDateZero(t *testing.T) {
	var z clock.Date
	if !z.IsZero() || z.IsValid() || z.String() != "" || !z.UTC().IsZero() || z.AddDays(3) != z {
		t.Errorf("zero Date: IsZero %v IsValid %v String %q UTC %v AddDays %v", z.IsZero(), z.IsValid(), z.String(), z.UTC(), z.AddDays(3))
	}
	b, err := z.MarshalText()
	if err != nil || len(b) != 0 {
		t.Errorf("zero MarshalText = %q, %v", b, err)
	}
	v, err := z.Value()
	if err != nil || v != nil {
		t.Errorf("zero Value = %v, %v; want NULL", v, err)
	}
	d := clock.Date{Year: 2026, Month: 1, Day: 1}
	if err := d.UnmarshalText(nil); err != nil || !d.IsZero() {
		t.Errorf("UnmarshalText(empty) = %v, %v; want the zero Date", d, err)
	}
	d = clock.Date{Year: 2026, Month: 1, Day: 1}
	if err := d.Scan(nil); err != nil || !d.IsZero() {
		t.Errorf("Scan(nil) = %v, %v; want the zero Date", d, err)
	}
}

func TestDateInvalid(t *testing.T) {
	bad := clock.Date{Year: 2026, Month: 2, Day: 30}
	if got, want := bad.String(), "%!Date(2026-02-30)"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	var de *clock.DateError
	if _, err := bad.MarshalText(); !errors.As(err, &de) {
		t.Errorf("MarshalText(%v) error = %v, want a *DateError", bad, err)
	}
	if _, err := bad.Value(); !errors.As(err, &de) {
		t.Errorf("Value(%v) error = %v, want a *DateError", bad, err)
	}
	var d clock.Date
	if err := d.Scan(42); !errors.As(err, &de) || de.Value != "int" {
		t.Errorf("Scan(42) error = %v, want a *DateError naming int", err)
	}
	if got := bad.DaysSince(clock.Date{Year: 2026, Month: 1, Day: 1}); got != 0 {
		t.Errorf("DaysSince from an invalid date = %d, want 0", got)
	}
}

func TestDateArithmetic(t *testing.T) {
	d := func(y int, m time.Month, dd int) clock.Date { return clock.Date{Year: y, Month: m, Day: dd} }
	tests := []struct {
		from clock.Date
		n    int
		want clock.Date
	}{
		{d(2026, 1, 31), 1, d(2026, 2, 1)},
		{d(2028, 2, 28), 1, d(2028, 2, 29)},
		{d(2028, 2, 29), 1, d(2028, 3, 1)},
		{d(2026, 3, 1), -1, d(2026, 2, 28)},
		{d(2026, 12, 31), 1, d(2027, 1, 1)},
		{d(2026, 5, 10), 90, d(2026, 8, 8)},
		{d(2026, 5, 10), 0, d(2026, 5, 10)},
	}
	for _, tt := range tests {
		got := tt.from.AddDays(tt.n)
		if got != tt.want {
			t.Errorf("%v.AddDays(%d) = %v, want %v", tt.from, tt.n, got, tt.want)
		}
		if back := got.DaysSince(tt.from); back != tt.n {
			t.Errorf("%v.DaysSince(%v) = %d, want %d", got, tt.from, back, tt.n)
		}
	}
	a, b := d(2026, 9, 27), d(2026, 9, 28)
	if !a.Before(b) || a.After(b) || !b.After(a) || a.Compare(a) != 0 || a.Compare(b) != -1 || b.Compare(a) != 1 {
		t.Error("Before/After/Compare disagree on 2026-09-27 and 2026-09-28")
	}
	if c := d(2026, 10, 1).Compare(d(2026, 9, 30)); c != 1 {
		t.Errorf("month order: Compare = %d, want 1", c)
	}
	if c := d(2025, 12, 31).Compare(d(2026, 1, 1)); c != -1 {
		t.Errorf("year order: Compare = %d, want -1", c)
	}
	if !(clock.Date{}).Before(d(1, 1, 1)) {
		t.Error("the zero Date is not before 0001-01-01")
	}
}

// genDate draws a valid date.
var genDate = rapid.Custom(func(t *rapid.T) clock.Date {
	n := rapid.Int64Range(0, 3652058).Draw(t, "days since 0001-01-01") // through 9999-12-31
	return clock.DateOf(time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(n)))
})

func TestDateRoundTrips(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		d := genDate.Draw(t, "d")
		if !d.IsValid() {
			t.Fatalf("%v is not valid", d)
		}
		b, err := d.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back clock.Date
		if err := back.UnmarshalText(b); err != nil || back != d {
			t.Fatalf("text %q -> %v, %v; want %v", b, back, err, d)
		}
		if p, err := clock.ParseDate(d.String()); err != nil || p != d {
			t.Fatalf("ParseDate(%q) = %v, %v", d.String(), p, err)
		}
		v, err := d.Value()
		if err != nil {
			t.Fatal(err)
		}
		back = clock.Date{}
		if err := back.Scan(v); err != nil || back != d {
			t.Fatalf("Scan(%v) -> %v, %v; want %v", v, back, err, d)
		}
		back = clock.Date{}
		if err := back.Scan([]byte(d.String())); err != nil || back != d {
			t.Fatalf("Scan([]byte) -> %v, %v; want %v", back, err, d)
		}
		if err := back.Scan(d.UTC()); err != nil || back != d {
			t.Fatalf("Scan(time.Time) -> %v, %v; want %v", back, err, d)
		}
		if got := clock.DateOf(d.UTC()); got != d {
			t.Fatalf("DateOf(UTC()) = %v, want %v", got, d)
		}
		loc := time.FixedZone("east", rapid.IntRange(-14, 14).Draw(t, "offset hours")*3600)
		if got := clock.DateOf(d.In(loc)); got != d {
			t.Fatalf("DateOf(In(%v)) = %v, want %v", loc, got, d)
		}
	})
}

func TestDateJSONInStruct(t *testing.T) {
	type row struct {
		End clock.Date `json:"end"`
	}
	in := row{End: clock.Date{Year: 2026, Month: 9, Day: 27}}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(`{"end":"2026-09-27"}`, string(b)); diff != "" {
		t.Errorf("json (-want +got):\n%s", diff)
	}
}

// TestDateInSkippedMidnight: in Santiago the clocks jump from 00:00 to
// 01:00 on 2026-09-06; the day begins at 01:00 -03, not the day before.
func TestDateInSkippedMidnight(t *testing.T) {
	santiago, err := time.LoadLocation("America/Santiago")
	if err != nil {
		t.Skip("no tzdata:", err)
	}
	d := clock.Date{Year: 2026, Month: time.September, Day: 6}
	got := d.In(santiago)
	want := time.Date(2026, 9, 6, 4, 0, 0, 0, time.UTC) // 01:00 -03
	if !got.Equal(want) || clock.DateOf(got) != d {
		t.Errorf("In(Santiago) = %v, want %v", got, want)
	}
	if before := got.Add(-time.Nanosecond); clock.DateOf(before) != d.AddDays(-1) {
		t.Errorf("the instant before %v is on %v, want the day before", got, clock.DateOf(before))
	}
	// A day whose midnight exists is unchanged.
	if got := d.AddDays(1).In(santiago); got.Hour() != 0 || clock.DateOf(got) != d.AddDays(1) {
		t.Errorf("In(Santiago) the next day = %v, want midnight", got)
	}
}
