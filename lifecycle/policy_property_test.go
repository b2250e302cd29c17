package lifecycle_test

import (
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/lifecycle/lifecycletest"
	"github.com/lapse-go/lapse/policy/policytest"
)

// propPolicyTimeline: whatever valid policy a billing team loads (a
// generated table, sometimes with an override layer), a subscription's
// Phases never overlap, leave a gap or go backward: each phase starts
// where the one before ends, ends after it starts, and only the last is
// open-ended; and Lifecycle.At and Evaluate agree with the phase at its
// first and last instant.
func propPolicyTimeline(t *rapid.T) {
	tbl := policytest.Table().Draw(t, "table")
	if rapid.Bool().Draw(t, "with overrides") {
		var err error
		if tbl, err = tbl.With(policytest.Layer(tbl).Draw(t, "layer")); err != nil {
			t.Fatalf("With: %v", err)
		}
	}
	c := lifecycletest.Cases(tbl, false).Draw(t, "case")
	lc, err := lifecycle.Judge(c.Sub, c.Table)
	if err != nil {
		t.Fatalf("Judge: %v", err)
	}
	phases := lc.Phases()
	if len(phases) == 0 {
		t.Fatal("Timeline returned no phase")
	}
	if !phases[0].Start.Equal(c.Sub.Start()) {
		t.Fatalf("the first phase starts at %v, not at the purchase %v", phases[0].Start, c.Sub.Start())
	}
	for i, p := range phases {
		last := i == len(phases)-1
		switch {
		case last && !p.End.IsZero():
			t.Fatalf("the last phase %d (%v) ends at %v; want open-ended", i, p.State, p.End)
		case !last && p.End.IsZero():
			t.Fatalf("phase %d (%v) is open-ended but %d phases follow", i, p.State, len(phases)-1-i)
		case !last && !p.Start.Before(p.End):
			t.Fatalf("phase %d (%v) goes backward or is empty: [%v, %v)", i, p.State, p.Start, p.End)
		case !last && !p.End.Equal(phases[i+1].Start):
			t.Fatalf("phase %d (%v) ends at %v but phase %d (%v) starts at %v: overlap or gap", i, p.State, p.End, i+1, phases[i+1].State, phases[i+1].Start)
		}
		ats := []time.Time{p.Start}
		if !last {
			ats = append(ats, p.End.Add(-time.Nanosecond))
		}
		for _, at := range ats {
			st, err := lc.At(at)
			if err != nil {
				t.Fatalf("At(%v): %v", at, err)
			}
			one, err := lifecycle.Evaluate(c.Sub, c.Table, at)
			if err != nil {
				t.Fatalf("Evaluate(%v): %v", at, err)
			}
			if st.State() != p.State || one.State() != p.State {
				t.Fatalf("At(%v).State = %v, Evaluate %v, but phase %d is %v [%v, %v)", at, st.State(), one.State(), i, p.State, p.Start, p.End)
			}
		}
	}
}

func TestPropertyPolicyTimeline(t *testing.T) { rapid.Check(t, propPolicyTimeline) }

func FuzzPropertyPolicyTimeline(f *testing.F) { f.Fuzz(rapid.MakeFuzz(propPolicyTimeline)) }
