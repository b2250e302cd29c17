package lifecycle

import (
	"database/sql/driver"
	"fmt"
	"sync"

	"github.com/lapse-go/lapse/internal/enumtext"
	"github.com/lapse-go/lapse/internal/fsmgraph"
	"github.com/lapse-go/lapse/policy"
)

// The legal event graph of each channel: which command may be issued in
// which state and where it leads, and which transitions time makes. It is
// held as a looplab/fsm description in internal/fsmgraph and is the single
// source of both Apply's first check and the diagrams. It is the union over
// every documented policy version of the channel: whether an edge is open
// at an instant under given rules is decided afterwards by the policy
// guards of Apply.

// node is a vertex of the graph: a State, with a free trial's Active and
// Expired states apart from the paid ones.
type node uint8

const (
	nodeTrial node = iota
	nodeTrialExpired
	nodeActive
	nodeExpired
	nodeDisabled
	nodeSuspended
	nodeDeleted
	numNodes
)

var (
	nodeNames  = []string{"trial", "trial-expired", "active", "expired", "disabled", "suspended", "deleted"}
	nodeTitles = []string{"Active (free trial)", "Expired (free trial)", "Active", "Expired", "Disabled", "Suspended", "Deleted"}
)

func (n node) String() string {
	if n < numNodes {
		return nodeNames[n]
	}
	return fmt.Sprintf("%%!node(%d)", uint8(n))
}

// nodeOf returns the graph vertex of a status.
func nodeOf(st *Status) node {
	switch st.State() {
	case Active:
		if st.Trial() {
			return nodeTrial
		}
		return nodeActive
	case Expired:
		if st.Trial() {
			return nodeTrialExpired
		}
		return nodeExpired
	case Disabled:
		return nodeDisabled
	case Suspended:
		return nodeSuspended
	}
	return nodeDeleted
}

// Timed events: transitions made by the passage of time, drawn dashed. Their
// indices follow the command kinds'.
const (
	evTrialConverts = iota + int(CmdConvertToEST) + 1
	evTrialEnds
	evTrialExpiredEnds
	evTermEnds
	evTermEndsNoGrace
	evAllLicensesRemoved
	evGraceEnds
	evDisabledEnds
	evSuspendedAtTermEnd
	evSuspensionEnds
	numEvents
)

var timedEventNames = []string{"trial-converts", "trial-ends", "trial-expired-ends", "term-ends", "term-ends-without-grace",
	"all-licenses-removed", "grace-ends", "disabled-ends", "suspended-at-term-end", "suspension-ends"}

func eventNames() []string {
	out := make([]string, 0, numEvents)
	out = append(out, "invalid-command") // index 0: the invalid CommandKind, never in a transition
	out = append(out, commandKindNames[1:]...)
	return append(out, timedEventNames...)
}

// graphBuilder collects the transitions of one channel.
type graphBuilder struct {
	ts      []fsmgraph.Transition
	entries []fsmgraph.Entry
}

func (b *graphBuilder) cmd(k CommandKind, label string, dst node, src ...node) {
	b.ts = append(b.ts, fsmgraph.Transition{Event: int(k), Src: nodeInts(src), Dst: int(dst), Label: label})
}

func (b *graphBuilder) timed(ev int, label string, dst node, src ...node) {
	b.ts = append(b.ts, fsmgraph.Transition{Event: ev, Src: nodeInts(src), Dst: int(dst), Label: label, Timed: true})
}

func nodeInts(ns []node) []int {
	out := make([]int, len(ns))
	for i, n := range ns {
		out[i] = int(n)
	}
	return out
}

// channelGraph describes the legal event graph of ch.
func channelGraph(ch policy.Channel) graphBuilder {
	var b graphBuilder
	direct := ch == policy.DirectMOSA || ch == policy.DirectMCA
	csp := ch.IsCSP()
	trials := direct || csp
	b.entries = append(b.entries, fsmgraph.Entry{State: int(nodeActive), Label: "purchase"})
	if trials {
		b.entries = append(b.entries, fsmgraph.Entry{State: int(nodeTrial), Label: "start a free trial"})
	}

	// Recurring billing: only while Active (R-REN-2, R-REA-6); VL and Open
	// renew through the licensing partner (R-REN-4).
	if !partnerRenewed(ch) {
		b.cmd(CmdTurnOffRecurringBilling, "", nodeActive, nodeActive)
		b.cmd(CmdTurnOnRecurringBilling, "", nodeActive, nodeActive)
		if trials {
			b.cmd(CmdTurnOffRecurringBilling, "", nodeTrial, nodeTrial)
			b.cmd(CmdTurnOnRecurringBilling, "", nodeTrial, nodeTrial)
		}
	}

	// Cancellation (§3.2, C-7).
	switch {
	case ch == policy.CSPNewCommerce:
		b.cmd(CmdCancelNow, "cancel-now (within 168 hours)", nodeDeleted, nodeActive, nodeSuspended)
	case direct || ch == policy.Enterprise:
		b.cmd(CmdCancelNow, "", nodeDisabled, nodeActive)
		if direct {
			// R-TRI-3: cancelling a trial turns recurring billing off.
			b.cmd(CmdCancelNow, "cancel-now (a direct trial turns recurring billing off)", nodeTrial, nodeTrial)
		}
		b.cmd(CmdCancelAtRenewal, "", nodeActive, nodeActive)
	}

	// Reactivation (§3.4) and explicit deletion (R-LC-8, R-LC-9).
	switch {
	case csp:
		b.cmd(CmdSuspend, "", nodeSuspended, nodeActive)
		b.cmd(CmdUnsuspend, "unsuspend (before the term ends)", nodeActive, nodeSuspended)
	default:
		b.cmd(CmdReactivate, "", nodeActive, nodeExpired, nodeDisabled)
	}
	if ch == policy.DirectMOSA {
		b.cmd(CmdDelete, "", nodeDeleted, nodeDisabled)
		b.cmd(CmdReactivate, "reactivate (within the hours after deletion; C-6 knob)", nodeActive, nodeDeleted)
	}

	// Trials (§3.10).
	if trials {
		if direct {
			b.cmd(CmdExtendTrial, "extend-trial (once, within 15 days of its end)", nodeTrial, nodeTrial)
		}
		b.cmd(CmdConvertTrial, "convert-trial (paid from the trial end)", nodeTrial, nodeTrial)
		b.cmd(CmdConvertTrial, "", nodeActive, nodeTrialExpired)
	}

	// Licenses (§3.6): bought and removed while Active, never during a
	// trial (R-LIC-9); VL and Open change licenses through their partner.
	if direct || csp || ch == policy.Enterprise {
		b.cmd(CmdAddLicenses, "", nodeActive, nodeActive)
		b.cmd(CmdRemoveLicenses, "", nodeActive, nodeActive)
	}
	b.cmd(CmdAssignLicenses, "", nodeActive, nodeActive)
	if ch != policy.CSPLegacy { // legacy CSP has no Expired state (§1.1 row 10)
		// §2: assigning licenses while Expired [INFERRED] from Graph's
		// "Warning": "Available for normal use and assignment".
		b.cmd(CmdAssignLicenses, "", nodeExpired, nodeExpired)
	}
	if trials {
		b.cmd(CmdAssignLicenses, "", nodeTrial, nodeTrial)
	}

	// Renewal (R-CAN-15, R-REA-9, R-REN-3) and EST (R-LC-13).
	b.cmd(CmdRenew, "", nodeActive, nodeActive)
	if !csp {
		b.cmd(CmdRenew, "renew (a new term)", nodeActive, nodeExpired)
	}
	if ch == policy.DirectMCA {
		b.cmd(CmdConvertToEST, "convert-to-est (from 2026-02-09)", nodeActive, nodeActive)
	}

	// Time.
	if trials {
		if ch != policy.CSPLegacy { // legacy trials are never auto-converted (R-TRI-8, C-14)
			b.timed(evTrialConverts, "trial ends: converts to paid (R-TRI-1, R-TRI-7)", nodeActive, nodeTrial)
		}
		b.timed(evTrialEnds, "trial ends: not bought (R-TRI-3)", nodeTrialExpired, nodeTrial)
		b.timed(evTrialExpiredEnds, "trial's Expired days end (R-TRI-5; C-12)", nodeDeleted, nodeTrialExpired)
	}
	switch ch {
	case policy.CSPLegacy:
		b.timed(evSuspensionEnds, "90 days suspended, or the term ends", nodeDeleted, nodeSuspended)
	default:
		anchor := "DC-3a"
		if ch == policy.CSPNewCommerce {
			anchor = "DC-3b: the day after"
		}
		b.timed(evTermEnds, "end date, recurring billing off ("+anchor+")", nodeExpired, nodeActive)
		if ch == policy.DirectMCA {
			b.timed(evTermEndsNoGrace, "end date: no Expired state from 2026-02-09 (R-LC-13)", nodeDisabled, nodeActive)
		}
		if ch == policy.VolumeLicensing {
			b.timed(evAllLicensesRemoved, "all licenses removed (R-LIC-4)", nodeExpired, nodeActive)
		}
		b.timed(evGraceEnds, "Expired days end", nodeDisabled, nodeExpired)
		b.timed(evDisabledEnds, "Disabled days end", nodeDeleted, nodeDisabled)
		if ch == policy.CSPNewCommerce {
			b.timed(evSuspendedAtTermEnd, "still suspended at the term end: 30-day Disabled (C-8)", nodeDisabled, nodeSuspended)
		}
	}
	return b
}

type machines struct {
	m   []*fsmgraph.Machine // indexed by policy.Channel
	err error
}

var graphs = sync.OnceValue(func() *machines {
	ms := &machines{}
	events := eventNames()
	chs := policy.Channels()
	for _, ch := range chs {
		if int(ch) >= len(ms.m) {
			ms.m = append(ms.m, make([]*fsmgraph.Machine, int(ch)+1-len(ms.m))...)
		}
		b := channelGraph(ch)
		m, err := fsmgraph.New(ch.String(), nodeNames, nodeTitles, events, b.entries, []int{int(nodeDeleted)}, b.ts)
		if err != nil {
			ms.err = err
			return ms
		}
		ms.m[ch] = m
	}
	return ms
})

// machineFor returns the event graph of ch.
func machineFor(ch policy.Channel) (*fsmgraph.Machine, error) {
	ms := graphs()
	if ms.err != nil {
		return nil, ms.err
	}
	if !ch.IsValid() || int(ch) >= len(ms.m) || ms.m[ch] == nil {
		return nil, &FieldError{Field: "Channel", Value: ch.String(), Reason: "not a valid channel"}
	}
	return ms.m[ch], nil
}

// DiagramFormat is the text format of a lifecycle diagram. The zero value
// is invalid.
type DiagramFormat uint8

// Diagram formats.
const (
	// Mermaid is a Mermaid stateDiagram-v2, for Markdown (GitHub renders it).
	Mermaid DiagramFormat = iota + 1
	// Graphviz is a Graphviz digraph, for dot.
	Graphviz
)

var (
	diagramFormatNames = []string{"", "mermaid", "graphviz"}
	diagramFormats     = enumtext.New("DiagramFormat", diagramFormatNames, enumError,
		enumtext.Alias[DiagramFormat]{Name: "dot", Value: Graphviz})
)

// String returns "mermaid" or "graphviz", or "%!DiagramFormat(n)" for an
// invalid value.
func (f DiagramFormat) String() string { return diagramFormats.String(f) }

// IsValid reports whether f is a declared format.
func (f DiagramFormat) IsValid() bool { return diagramFormats.Valid(f) }

// MarshalText implements encoding.TextMarshaler: the format's canonical
// name. An invalid DiagramFormat is a *FieldError naming the value.
func (f DiagramFormat) MarshalText() ([]byte, error) { return diagramFormats.MarshalText(f) }

// UnmarshalText implements encoding.TextUnmarshaler, reading what
// ParseDiagramFormat reads. On error f is unchanged.
func (f *DiagramFormat) UnmarshalText(b []byte) error { return diagramFormats.UnmarshalText(f, b) }

// Value implements database/sql/driver.Valuer: the canonical name, as a
// string. An invalid DiagramFormat is a *FieldError.
func (f DiagramFormat) Value() (driver.Value, error) { return diagramFormats.Value(f) }

// Scan implements database/sql.Scanner: a string or []byte column is read
// as ParseDiagramFormat reads it. SQL NULL and other types are a *FieldError;
// scan a nullable column into a sql.Null[DiagramFormat].
func (f *DiagramFormat) Scan(src any) error { return diagramFormats.Scan(f, src) }

// ParseDiagramFormat parses a format's text name, such as "graphviz", in
// any ASCII case. It also accepts "dot", the Graphviz language, for
// Graphviz; String and MarshalText never write it. The error, a
// *FieldError, names the value and the accepted names.
func ParseDiagramFormat(name string) (DiagramFormat, error) { return diagramFormats.Parse(name) }

// Diagram returns the lifecycle diagram of channel ch: its states, the
// commands legal in each (solid edges, labelled with the command) and the
// transitions time makes (labelled with the rule; dashed in Graphviz). The
// start pseudo-state [*] leads to Active ("purchase") and, where the
// channel has free trials, to the trial; Deleted leads to the end. The
// graph is the union over the channel's documented policy versions; which
// edge is open at an instant is for [Apply] to say. Labels are escaped for
// the format. The error reports an invalid channel or format.
func Diagram(ch policy.Channel, f DiagramFormat) (string, error) {
	m, err := machineFor(ch)
	if err != nil {
		return "", err
	}
	switch f {
	case Mermaid:
		return m.Mermaid(), nil
	case Graphviz:
		return m.Graphviz(), nil
	}
	return "", &FieldError{Field: "DiagramFormat", Value: f.String(), Reason: "want Mermaid or Graphviz"}
}
