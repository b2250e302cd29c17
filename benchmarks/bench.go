package main

import (
	"testing"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// The benchmarks answer their questions in turn, one an op. Each checks
// every answer first, so that no number is reported for a wrong one, and
// keeps its answers in loop variables, which b.Loop keeps alive. Each is
// written out in full rather than through one helper that takes the
// answering function: an indirect call costs about as much as the floor
// it is compared with.

// benchFloor times floorState on the floor of each question's judged
// lifecycle: the least work that answers.
func benchFloor(qs []question) func(*testing.B) {
	return func(b *testing.B) {
		verify(b, "floor (binary search on phase starts)", floorAnswer, qs)
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			q := &qs[i]
			s := floorState(q.floor.starts, q.floor.states, q.at.UnixNano())
			_ = s
			if i++; i == len(qs) {
				i = 0
			}
		}
	}
}

// benchLapseAt times Lifecycle.At on lifecycles judged before the clock
// starts.
func benchLapseAt(qs []question) func(*testing.B) {
	return func(b *testing.B) {
		verify(b, "lapse At (judged once)", lapseAtAnswer, qs)
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			q := &qs[i]
			st, err := q.lc.At(q.at)
			if err != nil {
				b.Fatal(err)
			}
			s := st.State()
			_ = s
			if i++; i == len(qs) {
				i = 0
			}
		}
	}
}

// benchLapseEvaluate times lifecycle.Evaluate, the one-shot path.
func benchLapseEvaluate(qs []question) func(*testing.B) {
	return func(b *testing.B) {
		verify(b, "lapse Evaluate", lapseEvaluateAnswer, qs)
		table := policy.Builtin()
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			q := &qs[i]
			st, err := lifecycle.Evaluate(q.sub, table, q.at)
			if err != nil {
				b.Fatal(err)
			}
			s := st.State()
			_ = s
			if i++; i == len(qs) {
				i = 0
			}
		}
	}
}

// benchLapseJudgeAndAt times lifecycle.Judge then At, for each question.
func benchLapseJudgeAndAt(qs []question) func(*testing.B) {
	return func(b *testing.B) {
		verify(b, "lapse Judge + At", lapseJudgeAndAtAnswer, qs)
		table := policy.Builtin()
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			q := &qs[i]
			lc, err := lifecycle.Judge(q.sub, table)
			if err != nil {
				b.Fatal(err)
			}
			st, err := lc.At(q.at)
			if err != nil {
				b.Fatal(err)
			}
			s := st.State()
			_ = s
			if i++; i == len(qs) {
				i = 0
			}
		}
	}
}

// benchLooplabReplay times looplabStateAt: a fresh looplab/fsm machine and
// a replay for each question.
func benchLooplabReplay(qs []question) func(*testing.B) {
	return func(b *testing.B) {
		verify(b, "looplab/fsm replay", looplabAnswer, qs)
		table := policy.Builtin()
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			q := &qs[i]
			s, err := looplabStateAt(q.spec, table, q.at)
			if err != nil {
				b.Fatal(err)
			}
			_ = s
			if i++; i == len(qs) {
				i = 0
			}
		}
	}
}

// benchStatelessReplay times statelessStateAt: a fresh qmuntal/stateless
// machine and a replay for each question.
func benchStatelessReplay(qs []question) func(*testing.B) {
	return func(b *testing.B) {
		verify(b, "qmuntal/stateless replay", statelessAnswer, qs)
		table := policy.Builtin()
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			q := &qs[i]
			s, err := statelessStateAt(q.spec, table, q.at)
			if err != nil {
				b.Fatal(err)
			}
			_ = s
			if i++; i == len(qs) {
				i = 0
			}
		}
	}
}
