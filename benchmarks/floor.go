package main

import "github.com/lapse-go/lapse/lifecycle"

// floor is the least work that answers the question: the phases of a
// judged lifecycle as the instants they start, in nanoseconds since 1970,
// and their states, searched for the instant asked.
type floor struct {
	starts []int64
	states []lifecycle.State
}

// floorOf returns the floor of phases.
func floorOf(phases []lifecycle.Phase) *floor {
	f := &floor{starts: make([]int64, len(phases)), states: make([]lifecycle.State, len(phases))}
	for i, p := range phases {
		f.starts[i], f.states[i] = p.Start.UnixNano(), p.State
	}
	return f
}

// floorState returns the state of the last phase that starts at or before
// n, or zero if none does. It is not inlined, so that the benchmark pays
// for a call as the others do.
//
//go:noinline
func floorState(starts []int64, states []lifecycle.State, n int64) lifecycle.State {
	lo, hi := 0, len(starts)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if starts[mid] <= n {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo == 0 {
		return 0
	}
	return states[lo-1]
}
