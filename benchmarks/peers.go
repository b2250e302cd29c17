package main

import (
	"fmt"
	"testing"
	"time"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// peer is one implementation of the question: what is a subscription's
// state at an instant.
type peer struct {
	name string
	// answer answers q (the check).
	answer func(q *question) (string, error)
	// bench returns a benchmark that checks every answer to qs once, then
	// times answering them in turn.
	bench func(qs []question) func(*testing.B)
}

// peers are the implementations compared, the floor first and lapse's At
// second: the two the others are measured against.
var peers = []peer{
	{"floor (binary search on phase starts)", floorAnswer, benchFloor},
	{"lapse At (judged once)", lapseAtAnswer, benchLapseAt},
	{"lapse Evaluate", lapseEvaluateAnswer, benchLapseEvaluate},
	{"lapse Judge + At", lapseJudgeAndAtAnswer, benchLapseJudgeAndAt},
	{"looplab/fsm replay", looplabAnswer, benchLooplabReplay},
	{"qmuntal/stateless replay", statelessAnswer, benchStatelessReplay},
}

func floorAnswer(q *question) (string, error) {
	return floorState(q.floor.starts, q.floor.states, q.at.UnixNano()).String(), nil
}

func lapseAtAnswer(q *question) (string, error) {
	st, err := q.lc.At(q.at)
	return st.State().String(), err
}

func lapseEvaluateAnswer(q *question) (string, error) {
	st, err := lifecycle.Evaluate(q.sub, policy.Builtin(), q.at)
	return st.State().String(), err
}

func lapseJudgeAndAtAnswer(q *question) (string, error) {
	lc, err := lifecycle.Judge(q.sub, policy.Builtin())
	if err != nil {
		return "", err
	}
	st, err := lc.At(q.at)
	return st.State().String(), err
}

func looplabAnswer(q *question) (string, error) {
	return looplabStateAt(q.spec, policy.Builtin(), q.at)
}

func statelessAnswer(q *question) (string, error) {
	return statelessStateAt(q.spec, policy.Builtin(), q.at)
}

// locations are where the check asks each instant: the location of an
// instant must not change an answer.
var locations = []*time.Location{time.UTC, time.FixedZone("UTC-11", -11*60*60), time.FixedZone("UTC+14", 14*60*60)}

// disagreements asks every peer every question, in every location, and
// describes each answer that is an error or differs from the state of the
// fixture's hand-worked phases (which lapse must give too).
func disagreements(qs []question) []string {
	var out []string
	for _, q := range qs {
		for _, loc := range locations {
			q.at = q.at.In(loc)
			for _, p := range peers {
				if msg := disagreement(p.name, p.answer, &q); msg != "" {
					out = append(out, msg)
				}
			}
		}
	}
	return out
}

// disagreement describes the answer of the peer named name to q if it is
// wrong, else returns "".
func disagreement(name string, answer func(*question) (string, error), q *question) string {
	got, err := answer(q)
	switch {
	case err != nil:
		return fmt.Sprintf("%s at %s: %s: %v", q.fixture, q.at.Format(time.RFC3339Nano), name, err)
	case got != q.want.String():
		return fmt.Sprintf("%s at %s: %s = %s, want %s", q.fixture, q.at.Format(time.RFC3339Nano), name, got, q.want)
	}
	return ""
}

// verify fails b unless answer answers every question of qs right.
func verify(b *testing.B, name string, answer func(*question) (string, error), qs []question) {
	b.Helper()
	for i := range qs {
		if msg := disagreement(name, answer, &qs[i]); msg != "" {
			b.Fatal(msg)
		}
	}
}

// benchCase is a benchmark's questions, named.
type benchCase struct {
	name string
	qs   []question
}

// benchCases returns one case for each state of the first fixture, named
// after it, and "mixed": every question of qs in turn.
func benchCases(qs []question) ([]benchCase, error) {
	var cs []benchCase
	for _, s := range mosaAnnualStates {
		q, err := mosaAnnualQuestion(qs, s.at)
		if err != nil {
			return nil, err
		}
		cs = append(cs, benchCase{s.state.String(), []question{q}})
	}
	return append(cs, benchCase{"mixed", qs}), nil
}
