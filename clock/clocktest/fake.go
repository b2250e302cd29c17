package clocktest

import (
	"sync"
	"time"

	"github.com/lapse-go/lapse/clock"
)

// Fake is a [clock.Clock] whose time changes only when Set, Advance or
// AdvanceDate is called.
//
// The zero Fake is usable: it reads the zero time (January 1, year 1,
// 00:00:00 UTC, the value of time.Time{}) until it is moved. A Fake is safe
// for concurrent use by multiple goroutines; each method is atomic, so
// concurrent Advance calls all take effect. A Fake must not be copied after
// first use.
//
// No method panics, whatever its arguments: arithmetic that would overflow
// behaves as [time.Time.Add] and [time.Time.AddDate] do.
type Fake struct {
	mu  sync.Mutex
	now time.Time
}

var _ clock.Clock = (*Fake)(nil)

// New returns a Fake that reads start until it is moved. The Fake keeps
// start's location, which AdvanceDate uses for calendar arithmetic.
func New(start time.Time) *Fake {
	return &Fake{now: start}
}

// Now returns the fake's current time.
func (f *Fake) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

// Set moves the fake to t, which may be before its current time. The fake
// takes on t's location.
func (f *Fake) Set(t time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.now = t
}

// Advance moves the fake by d, as [time.Time.Add] does: a negative d moves it
// back, and a zero d leaves it where it is. The location does not change.
func (f *Fake) Advance(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.now = f.now.Add(d)
}

// AdvanceDate moves the fake by calendar units, as [time.Time.AddDate] does
// in the location of the fake's current time. Negative arguments move it
// back.
//
// Calendar units are not fixed durations. AdvanceDate(0, 0, 1) keeps the
// wall-clock time of day across a daylight-saving change, where
// Advance(24*time.Hour) does not. Like AddDate, AdvanceDate normalizes
// dates that do not exist: one month after October 31 is December 1, and one
// year after February 29 is March 1.
func (f *Fake) AdvanceDate(years, months, days int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.now = f.now.AddDate(years, months, days)
}
