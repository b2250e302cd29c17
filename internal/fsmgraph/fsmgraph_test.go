package fsmgraph

import (
	"errors"
	"strings"
	"sync"
	"testing"
)

// A small machine: a → b (go), b → b (stay, a self-loop looplab reports as
// NoTransitionError), b → c (end, timed, with a label to escape).
func testMachine(t testing.TB) *Machine {
	t.Helper()
	m, err := New("test \"m\"", []string{"a", "b", "c", "x-y"}, []string{"A", "", "C; \"end\"", ""}, []string{"go", "stay", "end", "unused"},
		[]Entry{{State: 0, Label: "start: here"}}, []int{2},
		[]Transition{
			{Event: 0, Src: []int{0}, Dst: 1},
			{Event: 1, Src: []int{1}, Dst: 1},
			{Event: 2, Src: []int{1}, Dst: 2, Label: "after 30 days: #1; <done> {x}", Timed: true},
		})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestStepAgreesWithLooplab(t *testing.T) {
	m := testMachine(t)
	want := map[[2]int]int{{0, 0}: 1, {1, 1}: 1, {1, 2}: 2}
	for s := 0; s < 4; s++ {
		for ev := 0; ev < 4; ev++ {
			d1, e1 := m.Step(s, ev)
			d2, e2 := m.StepFSM(s, ev)
			if d1 != d2 || (e1 == nil) != (e2 == nil) {
				t.Errorf("(%d,%d): table %d,%v; looplab %d,%v", s, ev, d1, e1, d2, e2)
			}
			w, ok := want[[2]int{s, ev}]
			if ok != (e1 == nil) || (ok && d1 != w) {
				t.Errorf("Step(%d,%d) = %d, %v; want %d, %v", s, ev, d1, e1, w, ok)
			}
			if e1 != nil && !errors.Is(e1, ErrNoTransition) {
				t.Errorf("Step(%d,%d) error %v does not match ErrNoTransition", s, ev, e1)
			}
		}
	}
	var se *StepError
	if _, err := m.StepFSM(0, 3); !errors.As(err, &se) || !se.Unknown {
		t.Errorf("an event with no transition at all is looplab's UnknownEventError: %v", err)
	}
	if _, err := m.StepFSM(0, 2); !errors.As(err, &se) || se.Unknown {
		t.Errorf("an event not legal in the state is looplab's InvalidEventError: %v", err)
	}
	if _, err := m.Step(-1, 0); err == nil {
		t.Error("Step out of range accepted")
	}
	if got := m.Events(1); len(got) != 2 || got[0] != 1 || got[1] != 2 {
		t.Errorf("Events(b) = %v", got)
	}
	if !m.Terminal(2) || m.Terminal(1) {
		t.Error("Terminal wrong")
	}
}

func TestNewRejects(t *testing.T) {
	states, titles, events := []string{"a", "b"}, []string{"", ""}, []string{"go"}
	bad := [][]Transition{
		{{Event: 5, Src: []int{0}, Dst: 1}},
		{{Event: 0, Src: []int{7}, Dst: 1}},
		{{Event: 0, Src: []int{0}, Dst: 9}},
		{{Event: 0, Src: []int{0}, Dst: 1}, {Event: 0, Src: []int{0}, Dst: 0}},
	}
	for i, ts := range bad {
		if _, err := New("m", states, titles, events, nil, nil, ts); err == nil {
			t.Errorf("case %d accepted", i)
		}
	}
	if _, err := New("m", states, titles[:1], events, nil, nil, nil); err == nil {
		t.Error("titles of the wrong length accepted")
	}
	if _, err := New("m", states, titles, events, []Entry{{State: 3}}, nil, nil); err == nil {
		t.Error("entry out of range accepted")
	}
	if _, err := New("m", states, titles, events, nil, []int{3}, nil); err == nil {
		t.Error("final out of range accepted")
	}
}

func TestDiagrams(t *testing.T) {
	m := testMachine(t)
	wantMermaid := `stateDiagram-v2
    state "A" as a
    state "b" as b
    state "C#59; #quot;end#quot;" as c
    [*] --> a: start#58; here
    a --> b: go
    b --> b: stay
    b --> c: after 30 days#58; #35;1#59; #lt;done#gt; #123;x#125;
    c --> [*]
`
	if got := m.Mermaid(); got != wantMermaid {
		t.Errorf("Mermaid:\n%s\nwant:\n%s", got, wantMermaid)
	}
	wantDot := `digraph "test \"m\"" {
    rankdir=LR;
    node [shape=box, style=rounded];
    "[*]" [shape=point, label=""];
    "a" [label="A"];
    "b" [label="b"];
    "c" [label="C; \"end\"", peripheries=2];
    "[*]" -> "a" [label="start: here"];
    "a" -> "b" [label="go"];
    "b" -> "b" [label="stay"];
    "b" -> "c" [label="after 30 days: #1; <done> {x}", style=dashed];
}
`
	if got := m.Graphviz(); got != wantDot {
		t.Errorf("Graphviz:\n%s\nwant:\n%s", got, wantDot)
	}
	if strings.Contains(m.Mermaid(), "x-y") {
		t.Error("an unused state is drawn")
	}
}

// TestConcurrentUse runs Step, StepFSM and the diagrams from many
// goroutines (go test -race).
func TestConcurrentUse(t *testing.T) {
	m := testMachine(t)
	var wg sync.WaitGroup
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				m.Step(i%4, i%3)
				m.StepFSM(i%4, i%3)
				if i%50 == 0 {
					_ = m.Mermaid()
					_ = m.Graphviz()
				}
			}
		}()
	}
	wg.Wait()
}

// BenchmarkStep measures the table Apply consults.
func BenchmarkStep(b *testing.B) {
	m := testMachine(b)
	b.ReportAllocs()
	for b.Loop() {
		m.Step(1, 2)
	}
}

// BenchmarkStepFSM measures the alternative: a fresh looplab machine per
// question.
func BenchmarkStepFSM(b *testing.B) {
	m := testMachine(b)
	b.ReportAllocs()
	for b.Loop() {
		m.StepFSM(1, 2)
	}
}
