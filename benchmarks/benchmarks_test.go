package main

import (
	"testing"
)

// TestFixtures checks the fixtures themselves: their phases start at the
// purchase and are in order, and the first fixture's benchmark instants
// are in the states they are named after.
func TestFixtures(t *testing.T) {
	for _, f := range fixtures {
		if !f.phases[0].from.Equal(f.spec.Start) {
			t.Errorf("%s: first phase starts at %v, want the purchase at %v", f.name, f.phases[0].from, f.spec.Start)
		}
		for i := 1; i < len(f.phases); i++ {
			if !f.phases[i-1].from.Before(f.phases[i].from) || f.phases[i-1].state == f.phases[i].state {
				t.Errorf("%s: phase %d (%v from %v) does not follow phase %d (%v from %v)", f.name,
					i, f.phases[i].state, f.phases[i].from, i-1, f.phases[i-1].state, f.phases[i-1].from)
			}
		}
	}
	for _, s := range mosaAnnualStates {
		if got := fixtures[0].want(s.at); got != s.state {
			t.Errorf("%s at %v is %v, want %v", fixtures[0].name, s.at, got, s.state)
		}
	}
}

// TestSameStates asks every implementation every fixture at every instant,
// in several locations: each must give the state of the fixture's
// hand-worked phases, which lapse gives too.
func TestSameStates(t *testing.T) {
	qs, err := questions()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range disagreements(qs) {
		t.Error(d)
	}
}

// runCases runs body on each case of benchCases as a sub-benchmark.
func runCases(b *testing.B, body func([]question) func(*testing.B)) {
	qs, err := questions()
	if err != nil {
		b.Fatal(err)
	}
	cs, err := benchCases(qs)
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range cs {
		b.Run(c.name, body(c.qs))
	}
}

func BenchmarkFloor(b *testing.B)           { runCases(b, benchFloor) }
func BenchmarkLapseAt(b *testing.B)         { runCases(b, benchLapseAt) }
func BenchmarkLapseEvaluate(b *testing.B)   { runCases(b, benchLapseEvaluate) }
func BenchmarkLapseJudgeAndAt(b *testing.B) { runCases(b, benchLapseJudgeAndAt) }
func BenchmarkLooplabReplay(b *testing.B)   { runCases(b, benchLooplabReplay) }
func BenchmarkStatelessReplay(b *testing.B) { runCases(b, benchStatelessReplay) }
