package clocktest

import (
	"math"
	"sync"
	"testing"
	"time"
	_ "time/tzdata" // America/New_York must load on machines without zoneinfo.

	"github.com/google/go-cmp/cmp"
)

func mustLoad(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatalf("time.LoadLocation(%q): %v", name, err)
	}
	return loc
}

func TestZeroFake(t *testing.T) {
	var f Fake
	if got := f.Now(); !got.IsZero() || got.Location() != time.UTC {
		t.Errorf("zero Fake: Now() = %v (location %v), want the zero time in UTC", got, got.Location())
	}

	f.Advance(time.Hour)
	if got, want := f.Now(), (time.Time{}).Add(time.Hour); !got.Equal(want) {
		t.Errorf("zero Fake after Advance(1h): Now() = %v, want %v", got, want)
	}

	f.AdvanceDate(0, 0, 1)
	if got, want := f.Now(), (time.Time{}).Add(25*time.Hour); !got.Equal(want) {
		t.Errorf("zero Fake after AdvanceDate(0, 0, 1): Now() = %v, want %v", got, want)
	}
}

func TestNewKeepsStart(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	for _, start := range []time.Time{
		{},
		time.Date(2024, time.February, 29, 12, 0, 0, 0, time.UTC),
		time.Date(2024, time.February, 29, 12, 0, 0, 0, ny),
		time.Date(1969, time.December, 31, 23, 59, 59, 999_999_999, time.FixedZone("X", -90*60)),
	} {
		f := New(start)
		got := f.Now()
		if !got.Equal(start) || got.Location() != start.Location() {
			t.Errorf("New(%v).Now() = %v, want the same instant and location", start, got)
		}
		// Reading does not move the clock.
		if again := f.Now(); !again.Equal(got) {
			t.Errorf("New(%v): second Now() = %v, want %v", start, again, got)
		}
	}
}

func TestSet(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	start := time.Date(2025, time.June, 15, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		reason string
		to     time.Time
	}{
		{"later", "Set moves forward", start.Add(time.Hour)},
		{"earlier", "Set may move backward", start.Add(-time.Hour)},
		{"same", "Set to the current time changes nothing", start},
		{"other location", "Set takes on the new time's location", start.In(ny)},
		{"zero", "Set accepts the zero time", time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := New(start)
			f.Set(tt.to)
			got := f.Now()
			if diff := cmp.Diff(tt.to, got); diff != "" {
				t.Errorf("Now() after Set mismatch (-want +got):\n%s\n%s", diff, tt.reason)
			}
			if got.Location() != tt.to.Location() {
				t.Errorf("Now().Location() = %v, want %v (%s)", got.Location(), tt.to.Location(), tt.reason)
			}
		})
	}
}

func TestAdvance(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	midnight := time.Date(2025, time.January, 1, 0, 0, 0, 0, time.UTC)
	// 2025-03-09 02:00 EST: New York clocks jump to 03:00 EDT.
	beforeDST := time.Date(2025, time.March, 8, 12, 0, 0, 0, ny)
	tests := []struct {
		name   string
		reason string
		start  time.Time
		d      time.Duration
		want   time.Time
	}{
		{
			name:   "just before midnight",
			reason: "2ns before midnight plus 1ns stays on the old day",
			start:  midnight.Add(-2 * time.Nanosecond),
			d:      time.Nanosecond,
			want:   time.Date(2024, time.December, 31, 23, 59, 59, 999_999_999, time.UTC),
		},
		{
			name:   "at midnight",
			reason: "1ns before midnight plus 1ns is midnight",
			start:  midnight.Add(-time.Nanosecond),
			d:      time.Nanosecond,
			want:   midnight,
		},
		{
			name:   "just after midnight",
			reason: "midnight plus 1ns is on the new day",
			start:  midnight,
			d:      time.Nanosecond,
			want:   time.Date(2025, time.January, 1, 0, 0, 0, 1, time.UTC),
		},
		{
			name:   "zero",
			reason: "Advance(0) leaves the clock where it is",
			start:  midnight,
			d:      0,
			want:   midnight,
		},
		{
			name:   "negative",
			reason: "a negative duration moves the clock back",
			start:  midnight,
			d:      -time.Second,
			want:   time.Date(2024, time.December, 31, 23, 59, 59, 0, time.UTC),
		},
		{
			name:   "into leap day",
			reason: "February 28 2024 plus 24h is the leap day",
			start:  time.Date(2024, time.February, 28, 6, 0, 0, 0, time.UTC),
			d:      24 * time.Hour,
			want:   time.Date(2024, time.February, 29, 6, 0, 0, 0, time.UTC),
		},
		{
			name:   "month end",
			reason: "January 31 plus 24h is February 1",
			start:  time.Date(2025, time.January, 31, 6, 0, 0, 0, time.UTC),
			d:      24 * time.Hour,
			want:   time.Date(2025, time.February, 1, 6, 0, 0, 0, time.UTC),
		},
		{
			name:   "across DST",
			reason: "24 elapsed hours across spring-forward read 13:00 local",
			start:  beforeDST,
			d:      24 * time.Hour,
			want:   time.Date(2025, time.March, 9, 13, 0, 0, 0, ny),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := New(tt.start)
			f.Advance(tt.d)
			got := f.Now()
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Now() after Advance(%v) mismatch (-want +got):\n%s\n%s", tt.d, diff, tt.reason)
			}
			if got.Location() != tt.start.Location() {
				t.Errorf("Advance changed the location to %v, want %v", got.Location(), tt.start.Location())
			}
		})
	}
}

func TestAdvanceDate(t *testing.T) {
	ny := mustLoad(t, "America/New_York")
	plus14 := time.FixedZone("UTC+14", 14*60*60)
	tests := []struct {
		name                string
		reason              string
		start               time.Time
		years, months, days int
		want                time.Time
	}{
		{
			name:   "day before month end",
			reason: "January 30 plus 1 day is January 31",
			start:  time.Date(2025, time.January, 30, 9, 0, 0, 0, time.UTC),
			days:   1,
			want:   time.Date(2025, time.January, 31, 9, 0, 0, 0, time.UTC),
		},
		{
			name:   "at month end",
			reason: "January 31 plus 1 day is February 1",
			start:  time.Date(2025, time.January, 31, 9, 0, 0, 0, time.UTC),
			days:   1,
			want:   time.Date(2025, time.February, 1, 9, 0, 0, 0, time.UTC),
		},
		{
			name:   "month from month end",
			reason: "January 31 plus 1 month normalizes February 31 to March 3 (2025)",
			start:  time.Date(2025, time.January, 31, 9, 0, 0, 0, time.UTC),
			months: 1,
			want:   time.Date(2025, time.March, 3, 9, 0, 0, 0, time.UTC),
		},
		{
			name:   "month from month end in leap year",
			reason: "January 31 plus 1 month normalizes February 31 to March 2 (2024)",
			start:  time.Date(2024, time.January, 31, 9, 0, 0, 0, time.UTC),
			months: 1,
			want:   time.Date(2024, time.March, 2, 9, 0, 0, 0, time.UTC),
		},
		{
			name:   "month from October 31",
			reason: "October 31 plus 1 month is December 1",
			start:  time.Date(2025, time.October, 31, 0, 0, 0, 0, time.UTC),
			months: 1,
			want:   time.Date(2025, time.December, 1, 0, 0, 0, 0, time.UTC),
		},
		{
			name:   "into leap day",
			reason: "February 28 2024 plus 1 day is February 29",
			start:  time.Date(2024, time.February, 28, 0, 0, 0, 0, time.UTC),
			days:   1,
			want:   time.Date(2024, time.February, 29, 0, 0, 0, 0, time.UTC),
		},
		{
			name:   "year from leap day",
			reason: "February 29 2024 plus 1 year normalizes to March 1 2025",
			start:  time.Date(2024, time.February, 29, 0, 0, 0, 0, time.UTC),
			years:  1,
			want:   time.Date(2025, time.March, 1, 0, 0, 0, 0, time.UTC),
		},
		{
			name:   "four years from leap day",
			reason: "February 29 2024 plus 4 years is February 29 2028",
			start:  time.Date(2024, time.February, 29, 0, 0, 0, 0, time.UTC),
			years:  4,
			want:   time.Date(2028, time.February, 29, 0, 0, 0, 0, time.UTC),
		},
		{
			name:   "backward",
			reason: "negative units move back: March 1 2024 minus 1 day is February 29",
			start:  time.Date(2024, time.March, 1, 0, 0, 0, 0, time.UTC),
			days:   -1,
			want:   time.Date(2024, time.February, 29, 0, 0, 0, 0, time.UTC),
		},
		{
			name:   "zero",
			reason: "AdvanceDate(0, 0, 0) leaves the clock where it is",
			start:  time.Date(2024, time.March, 1, 0, 0, 0, 0, time.UTC),
			want:   time.Date(2024, time.March, 1, 0, 0, 0, 0, time.UTC),
		},
		{
			name:   "all units",
			reason: "years, months and days apply together as in AddDate",
			start:  time.Date(2024, time.December, 31, 0, 0, 0, 0, time.UTC),
			years:  1,
			months: 2,
			days:   3,
			want:   time.Date(2026, time.March, 6, 0, 0, 0, 0, time.UTC),
		},
		{
			name:   "across DST keeps wall time",
			reason: "a calendar day across spring-forward is 23h: 12:00 EST to 12:00 EDT",
			start:  time.Date(2025, time.March, 8, 12, 0, 0, 0, ny),
			days:   1,
			want:   time.Date(2025, time.March, 9, 12, 0, 0, 0, ny),
		},
		{
			name:   "non-UTC calendar",
			reason: "the date is computed in the fake's location: Jan 31 23:00 at UTC+14 is Jan 31 09:00 UTC",
			start:  time.Date(2025, time.January, 31, 23, 0, 0, 0, plus14),
			months: 1,
			want:   time.Date(2025, time.March, 3, 23, 0, 0, 0, plus14),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := New(tt.start)
			f.AdvanceDate(tt.years, tt.months, tt.days)
			got := f.Now()
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Now() after AdvanceDate(%d, %d, %d) mismatch (-want +got):\n%s\n%s",
					tt.years, tt.months, tt.days, diff, tt.reason)
			}
			if got.Location() != tt.start.Location() {
				t.Errorf("AdvanceDate changed the location to %v, want %v", got.Location(), tt.start.Location())
			}
		})
	}
}

// TestAdvanceDateUsesFakeLocation checks that the same instant in different
// locations can land on different instants, because months are counted on
// the local calendar.
func TestAdvanceDateUsesFakeLocation(t *testing.T) {
	plus14 := time.FixedZone("UTC+14", 14*60*60)
	instant := time.Date(2025, time.January, 31, 9, 0, 0, 0, time.UTC) // Jan 31 23:00 at UTC+14.

	inUTC := New(instant)
	inUTC.AdvanceDate(0, 1, 0)
	inPlus14 := New(instant.In(plus14))
	inPlus14.AdvanceDate(0, 1, 0)

	// UTC: Jan 31 09:00 + 1 month = Mar 3 09:00 UTC.
	// UTC+14: Jan 31 23:00 + 1 month = Mar 3 23:00 UTC+14 = Mar 3 09:00 UTC.
	if got, want := inUTC.Now(), time.Date(2025, time.March, 3, 9, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("UTC fake: Now() = %v, want %v", got, want)
	}
	if got, want := inPlus14.Now(), time.Date(2025, time.March, 3, 9, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("UTC+14 fake: Now() = %v, want %v", got, want)
	}

	// One hour later the UTC+14 calendar has reached February 1, and one
	// month later is March 1, while the UTC calendar still says January 31.
	inUTC.Set(instant.Add(time.Hour))
	inUTC.AdvanceDate(0, 1, 0)
	inPlus14.Set(instant.Add(time.Hour).In(plus14))
	inPlus14.AdvanceDate(0, 1, 0)
	if got, want := inUTC.Now(), time.Date(2025, time.March, 3, 10, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("UTC fake, 1h later: Now() = %v, want %v", got, want)
	}
	if got, want := inPlus14.Now(), time.Date(2025, time.March, 1, 0, 0, 0, 0, plus14); !got.Equal(want) {
		t.Errorf("UTC+14 fake, 1h later: Now() = %v, want %v", got, want)
	}
}

func TestExtremeArgumentsDoNotPanic(t *testing.T) {
	for _, tt := range []struct {
		name string
		move func(*Fake)
	}{
		{"Advance max", func(f *Fake) { f.Advance(math.MaxInt64) }},
		{"Advance min", func(f *Fake) { f.Advance(math.MinInt64) }},
		{"Advance max twice", func(f *Fake) { f.Advance(math.MaxInt64); f.Advance(math.MaxInt64) }},
		{"AdvanceDate max", func(f *Fake) { f.AdvanceDate(math.MaxInt, math.MaxInt, math.MaxInt) }},
		{"AdvanceDate min", func(f *Fake) { f.AdvanceDate(math.MinInt, math.MinInt, math.MinInt) }},
		{"Set far future", func(f *Fake) { f.Set(time.Unix(math.MaxInt64, 999_999_999)) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, start := range []time.Time{{}, time.Date(2025, time.June, 1, 0, 0, 0, 0, time.UTC)} {
				f := New(start)
				tt.move(f)
				_ = f.Now()
			}
		})
	}
}

func TestConcurrentAdvance(t *testing.T) {
	const (
		goroutines = 64
		steps      = 200
	)
	start := time.Date(2025, time.January, 31, 23, 0, 0, 0, time.UTC)
	f := New(start)

	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range steps {
				// Goroutine g advances by g+1 ms per step.
				f.Advance(time.Duration(g+1) * time.Millisecond)
			}
		}()
	}
	// Readers must never see time go backwards while others only advance.
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			prev := f.Now()
			for range steps {
				now := f.Now()
				if now.Before(prev) {
					t.Errorf("Now() went backwards: %v after %v", now, prev)
					return
				}
				prev = now
			}
		}()
	}
	wg.Wait()

	// Sum over g of steps*(g+1) ms = steps * goroutines*(goroutines+1)/2 ms.
	total := time.Duration(steps*goroutines*(goroutines+1)/2) * time.Millisecond
	if got, want := f.Now(), start.Add(total); !got.Equal(want) {
		t.Errorf("after concurrent Advance: Now() = %v, want %v (start + %v)", got, want, total)
	}
}

func TestConcurrentAdvanceDate(t *testing.T) {
	const (
		goroutines = 32
		steps      = 50
	)
	start := time.Date(2024, time.February, 29, 12, 0, 0, 0, time.UTC)
	f := New(start)

	var wg sync.WaitGroup
	for range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range steps {
				f.AdvanceDate(0, 0, 1)
				f.Advance(time.Second)
			}
		}()
	}
	wg.Wait()

	// UTC days are 24h, so the order of day and second steps does not matter.
	n := goroutines * steps
	want := start.AddDate(0, 0, n).Add(time.Duration(n) * time.Second)
	if got := f.Now(); !got.Equal(want) {
		t.Errorf("after concurrent AdvanceDate: Now() = %v, want %v", got, want)
	}
}

func TestConcurrentZeroFake(t *testing.T) {
	var f Fake
	var wg sync.WaitGroup
	for range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 100 {
				f.Advance(time.Second)
				_ = f.Now()
			}
		}()
	}
	wg.Wait()
	if got, want := f.Now(), (time.Time{}).Add(1600*time.Second); !got.Equal(want) {
		t.Errorf("zero Fake after concurrent Advance: Now() = %v, want %v", got, want)
	}
}

func BenchmarkFakeNow(b *testing.B) {
	f := New(time.Date(2025, time.January, 1, 0, 0, 0, 0, time.UTC))
	b.ReportAllocs()
	for b.Loop() {
		_ = f.Now()
	}
}

func BenchmarkFakeAdvance(b *testing.B) {
	f := New(time.Date(2025, time.January, 1, 0, 0, 0, 0, time.UTC))
	b.ReportAllocs()
	for b.Loop() {
		f.Advance(time.Nanosecond)
	}
}
