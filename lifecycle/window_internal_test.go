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
			t0 = dayOf(t0).ns()
		}
		if rng.IntN(8) == 0 {
			t0 -= 60 * 365 * dayNs
		}
		now := t0 + rng.Int64N(400*int64(time.Hour)) - 50*int64(time.Hour)
		switch rng.IntN(4) {
		case 0:
			now = dayOf(now).ns()
		case 1:
			now = addHours(t0, w.Length) + rng.Int64N(3) - 1
		case 2:
			now = dayOf(t0).add(w.Length).ns() + rng.Int64N(3) - 1
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

// TestBookWindowRetroactive: a window is judged by the version in force
// when it opened, unless a later version declares its window retroactive
// and the window, measured under that version from its opening, is still
// open when the version takes effect (R-CAN-14: the seven-day CSP window of
// 2022-03-01 "will apply retroactively to subscriptions purchased seven
// days prior"). Boundaries just before, at and after.
func TestBookWindowRetroactive(t *testing.T) {
	sched, err := policy.Builtin().Schedule(policy.Key{Channel: policy.CSPNewCommerce, Term: policy.Annual})
	if err != nil {
		t.Fatal(err)
	}
	b := book{v: viewOf(sched)}
	seven := time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC) // the 168-hour version takes effect
	cutoff := seven.Add(-168 * time.Hour)                // a window opened here is still open at seven (inclusive)
	for _, c := range []struct {
		opened time.Time
		want   string
		why    string
	}{
		{time.Date(2022, 1, 15, 10, 0, 0, 0, time.UTC), "2022-01", "opened under the 72-hour version, closed long before March"},
		{cutoff.Add(-time.Nanosecond), "2022-01", "168 h from here ends just before 2022-03-01: not retroactive"},
		{cutoff, "2023-10", "168 h from here ends exactly at 2022-03-01, inside an inclusive window"},
		{cutoff.Add(time.Nanosecond), "2023-10", "seven days prior: retroactive"},
		{seven.Add(-time.Nanosecond), "2023-10", "the last instant of the 72-hour version"},
		{seven, "2023-10", "in force when it opened"},
		{seven.Add(time.Nanosecond), "2023-10", "in force when it opened"},
	} {
		got := b.version(b.window(ns(c.opened), cancelWindow))
		if got.Label() != c.want {
			t.Errorf("window opened %v judged by %s, want %s (%s)", c.opened, got.Label(), c.want, c.why)
		}
	}
	// A version whose window is not retroactive never judges an earlier
	// window: the MCA window became seven days on 2024-09-10.
	mca, err := policy.Builtin().Schedule(policy.Key{Channel: policy.DirectMCA, Term: policy.Annual})
	if err != nil {
		t.Fatal(err)
	}
	bm := book{v: viewOf(mca)}
	for _, opened := range []time.Time{time.Date(2024, 9, 9, 12, 0, 0, 0, time.UTC), time.Date(2024, 9, 10, 0, 0, 0, 0, time.UTC).Add(-time.Nanosecond)} {
		if got := bm.version(bm.window(ns(opened), cancelWindow)).Label(); got != "2022" {
			t.Errorf("MCA window opened %v judged by %s, want 2022 (not retroactive)", opened, got)
		}
	}
	if got := bm.version(bm.window(ns(time.Date(2024, 9, 10, 0, 0, 0, 0, time.UTC)), cancelWindow)).Label(); got != "2024-09" {
		t.Errorf("MCA window opened 2024-09-10 judged by %s, want 2024-09", got)
	}
}
