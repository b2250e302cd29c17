// Package clock names the one thing lapse needs from a clock, the current
// instant, and the calendar [Date] lapse answers in when an answer is a day
// rather than an instant.
//
// The core packages of this module (lifecycle and policy) never read the wall
// clock: policy never imports clock, and lifecycle imports it only for the
// [Date] type of its day-valued answers, never for a [Clock]. Every decision
// they make takes the instant as
// a parameter, usually called at, the way golang.org/x/time/rate offers
// TokensAt(t) next to Tokens(). Only callers hold a [Clock]; they call
// [Clock.Now] once and pass the result down. That keeps the core
// deterministic: the same inputs at the same instant give the same answer.
//
// # Clocks
//
// [System] is the clock for production code. It is the only place in the
// module that calls [time.Now].
//
// [Func] adapts any func() time.Time, such as a closure over a fixed instant,
// to the [Clock] interface.
//
// Tests use [github.com/lapse-go/lapse/clock/clocktest.Fake], whose time
// moves only when the test says so, by a duration or by calendar units.
//
// # Dates
//
// A [Date] is a year, a month and a day with no time of day and no
// location, like cloud.google.com/go/civil's Date. Term end dates, the last
// day of a reactivation window and the last day data may still exist are
// Dates; the instants a state begins are time.Time. [DateOf] takes an
// instant's date in the instant's own location, and [Date.UTC] gives the
// instant lapse means by "on date X" (00:00Z).
//
// # What a Clock is not
//
// A Clock has no timers, tickers or Sleep: nothing in lapse waits. It also
// has no Since; write at.Sub(start) with the instant you already hold.
package clock
