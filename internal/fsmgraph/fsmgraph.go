// Package fsmgraph holds the legal event graphs of the subscription
// lifecycle as looplab/fsm descriptions, answers "may this event happen in
// this state, and where does it lead" from them, and draws them as Mermaid
// and Graphviz text.
//
// It is the only package of the module that imports github.com/looplab/fsm.
// Its API speaks in small integer indices and plain strings so that no
// looplab type, string-keyed callback map or interface{} metadata reaches
// the public API of lapse.
//
// # How looplab is used
//
// A [Machine] is built once from a list of [Transition]s. [New] turns them
// into an fsm.Events description and then, for every (state, event) pair,
// builds a fresh looplab machine in that state with no callbacks and fires
// the event, recording the destination (or the translated error) in a dense
// table. [Machine.Step] reads that table: it allocates nothing, takes no
// lock and is safe for concurrent use. [Machine.StepFSM] answers the same
// question by building a fresh looplab machine per call (about 1–2 µs and a
// dozen allocations); tests use it to prove the table and looplab agree.
//
// No callback is ever registered: looplab runs callbacks with its locks
// held, and a callback that calls back into the machine deadlocks.
package fsmgraph

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/looplab/fsm"
)

// Transition is one edge kind of a description: the event Event leads from
// each state of Src to Dst. States and events are indices into the names
// given to [New].
type Transition struct {
	Event int
	Src   []int
	Dst   int
	// Label is the text drawn on the edge; empty means the event's name.
	Label string
	// Timed marks a transition that happens by the passage of time (drawn
	// dashed in Graphviz); commands are not timed.
	Timed bool
}

// Entry is a way into the machine: the diagrams draw it as an arrow from
// the start pseudo-state [*] to State, labelled Label.
type Entry struct {
	State int
	Label string
}

// Machine is a legal event graph. It is immutable once built and safe for
// concurrent use.
type Machine struct {
	name    string
	states  []string // state names, by index
	titles  []string // state display names, by index
	events  []string // event names, by index
	entries []Entry
	finals  []int // states drawn with an arrow to the end
	ts      []Transition
	desc    fsm.Events
	table   []int16 // [src*len(events)+event] → dst, or -1
}

// ErrNoTransition is matched by every error of Step that reports an event
// not legal in the state.
var ErrNoTransition = errors.New("fsmgraph: no transition")

// StepError reports an event that is not legal in a state. It matches
// ErrNoTransition.
type StepError struct {
	State, Event int
	// Unknown says the event is not part of the machine at all (looplab's
	// UnknownEventError); otherwise it exists but not from this state
	// (looplab's InvalidEventError).
	Unknown bool
}

// Error implements error.
func (e *StepError) Error() string {
	if e.Unknown {
		return fmt.Sprintf("fsmgraph: event %d is not part of the machine", e.Event)
	}
	return fmt.Sprintf("fsmgraph: event %d is not legal in state %d", e.Event, e.State)
}

// Is reports whether target is ErrNoTransition.
func (e *StepError) Is(target error) bool { return target == ErrNoTransition }

// New builds a machine named name over the given state names (with display
// titles; an empty title means the name), event names, entries, final
// states (drawn with an arrow to the end; a final state may still have
// transitions out, such as a reactivation allowed by a policy knob) and
// transitions, and precomputes its transition table by firing every event
// in every state on fresh looplab machines. It reports indices out of range
// and an event with two destinations from the same state.
func New(name string, states, titles, events []string, entries []Entry, finals []int, ts []Transition) (*Machine, error) {
	if len(titles) != len(states) {
		return nil, fmt.Errorf("fsmgraph: %s: %d titles for %d states", name, len(titles), len(states))
	}
	m := &Machine{name: name, states: states, titles: titles, events: events, entries: entries, finals: finals, ts: ts}
	for _, f := range finals {
		if f < 0 || f >= len(states) {
			return nil, fmt.Errorf("fsmgraph: %s: final state %d out of range", name, f)
		}
	}
	seen := make(map[[2]int]int)
	for _, t := range ts {
		if t.Event < 0 || t.Event >= len(events) || t.Dst < 0 || t.Dst >= len(states) {
			return nil, fmt.Errorf("fsmgraph: %s: transition %+v out of range", name, t)
		}
		src := make([]string, len(t.Src))
		for i, s := range t.Src {
			if s < 0 || s >= len(states) {
				return nil, fmt.Errorf("fsmgraph: %s: transition %+v: source out of range", name, t)
			}
			if d, ok := seen[[2]int{s, t.Event}]; ok && d != t.Dst {
				return nil, fmt.Errorf("fsmgraph: %s: event %s from %s has two destinations", name, events[t.Event], states[s])
			}
			seen[[2]int{s, t.Event}] = t.Dst
			src[i] = states[s]
		}
		m.desc = append(m.desc, fsm.EventDesc{Name: events[t.Event], Src: src, Dst: states[t.Dst]})
	}
	for _, en := range entries {
		if en.State < 0 || en.State >= len(states) {
			return nil, fmt.Errorf("fsmgraph: %s: entry %+v out of range", name, en)
		}
	}
	m.table = make([]int16, len(states)*len(events))
	for s := range states {
		for ev := range events {
			dst, err := m.StepFSM(s, ev)
			switch {
			case err == nil:
				m.table[s*len(events)+ev] = int16(dst)
			case errors.Is(err, ErrNoTransition):
				m.table[s*len(events)+ev] = -1
			default:
				return nil, err
			}
		}
	}
	return m, nil
}

// Step returns the state that event ev leads to from state s, or a
// *StepError. It reads the precomputed table: no allocation, no lock.
func (m *Machine) Step(s, ev int) (int, error) {
	if s < 0 || s >= len(m.states) || ev < 0 || ev >= len(m.events) {
		return -1, &StepError{State: s, Event: ev, Unknown: true}
	}
	d := m.table[s*len(m.events)+ev]
	if d < 0 {
		return -1, &StepError{State: s, Event: ev}
	}
	return int(d), nil
}

// Can reports whether event ev is legal in state s.
// Unlike Step it allocates nothing when the event is not legal.
func (m *Machine) Can(s, ev int) bool {
	if s < 0 || s >= len(m.states) || ev < 0 || ev >= len(m.events) {
		return false
	}
	return m.table[s*len(m.events)+ev] >= 0
}

// StepFSM answers like Step by building a fresh looplab machine in state s
// (no callbacks) and firing ev on it, translating looplab's errors: an
// InvalidEventError or UnknownEventError becomes a *StepError, and a
// NoTransitionError (a self-loop, which looplab reports as an error) is a
// legal step to s itself.
func (m *Machine) StepFSM(s, ev int) (int, error) {
	if s < 0 || s >= len(m.states) || ev < 0 || ev >= len(m.events) {
		return -1, &StepError{State: s, Event: ev, Unknown: true}
	}
	f := fsm.NewFSM(m.states[s], m.desc, nil)
	err := f.Event(context.Background(), m.events[ev])
	var (
		invalid fsm.InvalidEventError
		unknown fsm.UnknownEventError
		noTrans fsm.NoTransitionError
	)
	switch {
	case err == nil, errors.As(err, &noTrans):
		cur := f.Current()
		for i, n := range m.states {
			if n == cur {
				return i, nil
			}
		}
		return -1, fmt.Errorf("fsmgraph: %s: looplab reached unknown state %q", m.name, cur)
	case errors.As(err, &invalid):
		return -1, &StepError{State: s, Event: ev}
	case errors.As(err, &unknown):
		return -1, &StepError{State: s, Event: ev, Unknown: true}
	}
	return -1, fmt.Errorf("fsmgraph: %s: looplab: %w", m.name, err)
}

// Events returns, for state s, the indices of the events legal there, in
// index order.
func (m *Machine) Events(s int) []int {
	var out []int
	for ev := range m.events {
		if m.Can(s, ev) {
			out = append(out, ev)
		}
	}
	return out
}

// Terminal reports whether no event leads out of state s.
func (m *Machine) Terminal(s int) bool {
	for _, t := range m.ts {
		if t.Dst == s {
			continue
		}
		for _, x := range t.Src {
			if x == s {
				return false
			}
		}
	}
	return true
}

func (m *Machine) reachable() []bool {
	seen := make([]bool, len(m.states))
	for _, e := range m.entries {
		seen[e.State] = true
	}
	for _, t := range m.ts {
		seen[t.Dst] = true
		for _, s := range t.Src {
			seen[s] = true
		}
	}
	return seen
}

func mermaidID(s string) string { return strings.ReplaceAll(s, "-", "_") }

// mermaidLabel escapes a label with Mermaid's entity codes so that colons,
// semicolons, hashes, quotes and angle brackets print as text.
func mermaidLabel(s string) string {
	r := strings.NewReplacer(
		"#", "#35;",
		";", "#59;",
		":", "#58;",
		"\"", "#quot;",
		"<", "#lt;",
		">", "#gt;",
		"{", "#123;",
		"}", "#125;",
		"\n", " ",
	)
	return r.Replace(s)
}

// Mermaid returns the machine as a Mermaid stateDiagram-v2: the entries
// drawn from [*], every transition in declaration order (one line per
// source state), and an arrow to [*] from every final state.
func (m *Machine) Mermaid() string {
	var b strings.Builder
	b.WriteString("stateDiagram-v2\n")
	used := m.reachable()
	for i, n := range m.states {
		if !used[i] {
			continue
		}
		fmt.Fprintf(&b, "    state \"%s\" as %s\n", mermaidLabel(m.title(i)), mermaidID(n))
	}
	for _, e := range m.entries {
		fmt.Fprintf(&b, "    [*] --> %s: %s\n", mermaidID(m.states[e.State]), mermaidLabel(e.Label))
	}
	for _, t := range m.ts {
		for _, s := range t.Src {
			fmt.Fprintf(&b, "    %s --> %s: %s\n", mermaidID(m.states[s]), mermaidID(m.states[t.Dst]), mermaidLabel(m.label(t)))
		}
	}
	for _, f := range m.finals {
		fmt.Fprintf(&b, "    %s --> [*]\n", mermaidID(m.states[f]))
	}
	return b.String()
}

// dotQuote quotes s as a Graphviz string: backslashes and double quotes
// escaped, newlines as \n.
func dotQuote(s string) string {
	r := strings.NewReplacer("\\", "\\\\", "\"", "\\\"", "\n", "\\n")
	return "\"" + r.Replace(s) + "\""
}

// Graphviz returns the machine as a Graphviz digraph: a point-shaped start
// node with an edge to each entry, solid edges for commands and dashed ones
// for the passage of time, and final states drawn with a double border.
func (m *Machine) Graphviz() string {
	var b strings.Builder
	fmt.Fprintf(&b, "digraph %s {\n", dotQuote(m.name))
	b.WriteString("    rankdir=LR;\n")
	b.WriteString("    node [shape=box, style=rounded];\n")
	b.WriteString("    \"[*]\" [shape=point, label=\"\"];\n")
	used := m.reachable()
	for i, n := range m.states {
		if !used[i] {
			continue
		}
		extra := ""
		if slices.Contains(m.finals, i) {
			extra = ", peripheries=2"
		}
		fmt.Fprintf(&b, "    %s [label=%s%s];\n", dotQuote(n), dotQuote(m.title(i)), extra)
	}
	for _, e := range m.entries {
		fmt.Fprintf(&b, "    \"[*]\" -> %s [label=%s];\n", dotQuote(m.states[e.State]), dotQuote(e.Label))
	}
	for _, t := range m.ts {
		style := ""
		if t.Timed {
			style = ", style=dashed"
		}
		for _, s := range t.Src {
			fmt.Fprintf(&b, "    %s -> %s [label=%s%s];\n", dotQuote(m.states[s]), dotQuote(m.states[t.Dst]), dotQuote(m.label(t)), style)
		}
	}
	b.WriteString("}\n")
	return b.String()
}

func (m *Machine) title(i int) string {
	if m.titles[i] != "" {
		return m.titles[i]
	}
	return m.states[i]
}

func (m *Machine) label(t Transition) string {
	if t.Label != "" {
		return t.Label
	}
	return m.events[t.Event]
}
