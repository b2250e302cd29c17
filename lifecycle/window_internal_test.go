package lifecycle

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/lapse-go/lapse/policy"
)

// TestWindowMatchesPolicy: windowOpen and windowEnd agree with
// policy.Window.Open and End, which they mirror on nanosecond instants.
func TestWindowMatchesPolicy(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	base := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC).UnixNano()
	for i := 0; i < 200000; i++ {
		w := policy.Window{
			Kind:      policy.WindowKind(rng.IntN(4)),
			Length:    rng.IntN(200),
			Unit:      policy.Unit(1 + rng.IntN(2)),
			Inclusive: rng.IntN(2) == 0,
		}
		// Instants near day and window boundaries, before 1970 too.
		t0 := base + rng.Int64N(40*dayNs) - 20*dayNs
		if rng.IntN(4) == 0 {
			t0 = dayOf(t0)
		}
		if rng.IntN(8) == 0 {
			t0 -= 60 * 365 * dayNs
		}
		now := t0 + rng.Int64N(400*int64(time.Hour)) - 50*int64(time.Hour)
		switch rng.IntN(4) {
		case 0:
			now = dayOf(now)
		case 1:
			now = addHours(t0, w.Length) + rng.Int64N(3) - 1
		case 2:
			now = addDays(dayOf(t0), w.Length) + rng.Int64N(3) - 1
		}
		if got, want := windowOpen(&w, t0, now), w.Open(timeOf(t0), timeOf(now)); got != want {
			t.Fatalf("windowOpen(%+v, %v, %v) = %v, want %v", w, timeOf(t0), timeOf(now), got, want)
		}
		if w.Kind == policy.AfterStart {
			if got, want := timeOf(windowEnd(&w, t0)), w.End(timeOf(t0)); !got.Equal(want) {
				t.Fatalf("windowEnd(%+v, %v) = %v, want %v", w, timeOf(t0), got, want)
			}
		}
	}
}

// TestUnixBounds: minUnix and maxUnix are minInstant and maxInstant.
func TestUnixBounds(t *testing.T) {
	if minInstant.Unix() != minUnix || maxInstant.Unix() != maxUnix || minInstant.Nanosecond() != 0 || maxInstant.Nanosecond() != 0 {
		t.Fatalf("bounds %d %d, want %d %d", minInstant.Unix(), maxInstant.Unix(), minUnix, maxUnix)
	}
}
