package clock

import "time"

// Clock reports the current instant.
//
// It is the smallest clock interface there is, like PassiveClock in
// k8s.io/utils/clock without Since. Implementations must be safe for
// concurrent use if they are shared between goroutines; [System], a [Func]
// whose function is, and clocktest.Fake are.
type Clock interface {
	// Now returns the current instant.
	Now() time.Time
}

// System returns a Clock backed by [time.Now].
//
// It is the only place in the module that reads the wall clock: lifecycle and
// policy take the instant as a parameter and never hold a Clock (lifecycle
// imports this package only for [Date]). The returned
// Clock is safe for concurrent use, and every call to System returns an equal
// value.
func System() Clock { return system{} }

// system is the Clock returned by System.
type system struct{}

// Now returns time.Now().
func (system) Now() time.Time { return time.Now() }

// Func adapts an ordinary function to the [Clock] interface: Func(f).Now()
// calls f.
//
// The zero value, a nil Func, is a Clock stopped at the zero time: its Now
// returns time.Time{} instead of panicking. A Func is safe for concurrent use
// if its function is.
type Func func() time.Time

// Now returns f(), or the zero time if f is nil.
func (f Func) Now() time.Time {
	if f == nil {
		return time.Time{}
	}
	return f()
}
