// Package policyview lets package lifecycle read the versions a
// policy.Schedule holds in place — their periods as Unix nanoseconds and
// pointers to their resolved rules — while the exported API of package
// policy gives out only copies of rules, so that no caller can change a
// table.
//
// Package policy sets Of in its init; package lifecycle asserts it to
// func(*policy.Schedule) *Versions[policy.Rules, policy.Schedule] once, at
// its own initialisation (which Go runs after policy's). Nothing else uses
// this package.
package policyview

import "math"

// Versions is what a schedule holds: version i is in force during
// [Starts[i], Ends[i]) and its rules are *Rules[i]. The periods are sorted
// and do not overlap; a gap between Ends[i] and Starts[i+1] is a period
// with no rules in force. Instants are Unix nanoseconds clamped to the
// int64 range: an open end is math.MaxInt64, a start before 1678 is
// math.MinInt64. The rules are shared between schedules and must never be
// modified. Owner is the schedule that holds the versions.
type Versions[R, S any] struct {
	Starts []int64
	Ends   []int64
	Rules  []*R
	Owner  *S
	// CoveredFrom is the first instant from which some version is in force
	// at every instant on: the start of the run of versions without a gap
	// that ends open. It is math.MaxInt64 when the last version ends.
	CoveredFrom int64
}

// Cover sets v.CoveredFrom from its periods.
func (v *Versions[R, S]) Cover() {
	n := len(v.Starts)
	if n == 0 || v.Ends[n-1] != math.MaxInt64 {
		v.CoveredFrom = math.MaxInt64
		return
	}
	i := n - 1
	for i > 0 && v.Ends[i-1] == v.Starts[i] {
		i--
	}
	v.CoveredFrom = v.Starts[i]
}

// Len returns the number of versions.
func (v *Versions[R, S]) Len() int { return len(v.Starts) }

// Index returns the index of the version in force at the instant t (Unix
// nanoseconds), or -1 when none is.
func (v *Versions[R, S]) Index(t int64) int {
	// Binary search for the last version that starts at or before t.
	lo, hi := 0, len(v.Starts)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if v.Starts[mid] <= t {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	i := lo - 1
	if i < 0 || t >= v.Ends[i] {
		return -1
	}
	return i
}

// Of is set by package policy to a func(*policy.Schedule)
// *Versions[policy.Rules, policy.Schedule] that returns a schedule's
// versions.
var Of any
