package lifecycle

import (
	"testing"

	"github.com/lapse-go/lapse/policy"
)

// TestGraphTableAgreesWithLooplab checks, for every channel, state and
// command, that the precomputed table Apply reads gives the answer of a
// fresh looplab machine.
func TestGraphTableAgreesWithLooplab(t *testing.T) {
	for _, ch := range policy.Channels() {
		m, err := machineFor(ch)
		if err != nil {
			t.Fatal(err)
		}
		for n := node(0); n < numNodes; n++ {
			for ev := 0; ev < numEvents; ev++ {
				d1, e1 := m.Step(int(n), ev)
				d2, e2 := m.StepFSM(int(n), ev)
				if d1 != d2 || (e1 == nil) != (e2 == nil) {
					t.Errorf("%v %v event %d: table %d,%v; looplab %d,%v", ch, n, ev, d1, e1, d2, e2)
				}
			}
		}
		// Deleted admits no command but the C-6 reactivation (MOSA).
		for k := CmdTurnOffRecurringBilling; k.IsValid(); k++ {
			if m.Can(int(nodeDeleted), int(k)) && !(ch == policy.DirectMOSA && k == CmdReactivate) {
				t.Errorf("%v: %v is legal when Deleted", ch, k)
			}
		}
	}
	if _, err := machineFor(0); err == nil {
		t.Error("machineFor(0) accepted")
	}
	if got := node(200).String(); got != "%!node(200)" {
		t.Errorf("node(200) = %q", got)
	}
}
