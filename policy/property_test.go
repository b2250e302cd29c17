package policy_test

import (
	"bytes"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/lapse-go/lapse/policy"
	"github.com/lapse-go/lapse/policy/policytest"
	"pgregory.net/rapid"
)

// instant draws an instant between 2009 and 2035, sometimes exactly on a
// row boundary of tbl.
func instant(t *rapid.T, tbl *policy.Table) time.Time {
	var bounds []time.Time
	for _, r := range tbl.Rows() {
		bounds = append(bounds, r.From)
		if !r.Until.IsZero() {
			bounds = append(bounds, r.Until.Add(-time.Nanosecond), r.Until)
		}
	}
	if len(bounds) > 0 && rapid.Bool().Draw(t, "on a boundary") {
		return rapid.SampledFrom(bounds).Draw(t, "boundary")
	}
	return time.Date(2009, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(rapid.Int64Range(0, 26*365*24).Draw(t, "hours")) * time.Hour)
}

func TestPropertyRulesAreValid(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		r := policytest.Rules().Draw(t, "rules")
		if err := r.Validate(); err != nil {
			t.Fatalf("generated rules are invalid: %v", err)
		}
	})
}

// Any generated valid policy round-trips through its JSON form.
func TestPropertyTableRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		tbl := policytest.Table().Draw(t, "table")
		var b bytes.Buffer
		if err := tbl.WriteJSON(&b); err != nil {
			t.Fatalf("WriteJSON: %v", err)
		}
		back, err := policy.ParseJSON(b.Bytes(), policy.LoadOptions{})
		if err != nil {
			t.Fatalf("ParseJSON of what WriteJSON wrote: %v\n%s", err, b.Bytes())
		}
		if diff := cmp.Diff(tbl.Rows(), back.Rows(), cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("round trip mismatch (-want +got):\n%s", diff)
		}
	})
}

// Any generated layer round-trips, and what it changes is what it sets.
func TestPropertyLayerRoundTripAndDiff(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		base := policytest.Table().Draw(t, "base")
		l := policytest.Layer(base).Draw(t, "layer")
		tbl, err := base.With(l)
		if err != nil {
			t.Fatalf("With: %v", err)
		}
		var b bytes.Buffer
		if err := l.WriteJSON(&b); err != nil {
			t.Fatalf("Layer.WriteJSON: %v", err)
		}
		back, err := policy.ParseJSON(b.Bytes(), policy.LoadOptions{Base: base})
		if err != nil {
			t.Fatalf("ParseJSON of what Layer.WriteJSON wrote: %v\n%s", err, b.Bytes())
		}
		if diff := cmp.Diff(l.Overrides(), back.Layers()[0].Overrides(), cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("round trip mismatch (-want +got):\n%s", diff)
		}
		var set []string
		for _, o := range l.Overrides() {
			set = append(set, o.Set...)
		}
		changes, err := policy.Diff(base, tbl)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range changes {
			if !slices.Contains(set, c.Path) {
				t.Fatalf("Diff reports %s, which no override row sets (%v)", c.Path, set)
			}
			if c.NewLayer != l.Name() {
				t.Fatalf("Diff attributes %s to %q, want the layer %q", c.Path, c.NewLayer, l.Name())
			}
		}
	})
}

// Lookup, Effective and the effective values agree, and Lookup's rules are
// valid wherever it answers.
func TestPropertyLookupEffective(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		base := policytest.Table().Draw(t, "base")
		tbl := base
		if rapid.Bool().Draw(t, "layered") {
			var err error
			if tbl, err = base.With(policytest.Layer(base).Draw(t, "layer")); err != nil {
				t.Fatalf("With: %v", err)
			}
		}
		k := policytest.Key().Draw(t, "key")
		at := instant(t, base)
		r, err := tbl.Lookup(k, at)
		e, eerr := tbl.Effective(k, at)
		if (err == nil) != (eerr == nil) {
			t.Fatalf("Lookup error %v, Effective error %v", err, eerr)
		}
		if err != nil {
			return
		}
		if diff := cmp.Diff(r, e.Rules); diff != "" {
			t.Fatalf("Effective().Rules mismatch (-Lookup +Effective):\n%s", diff)
		}
		if err := r.Validate(); err != nil {
			t.Fatalf("Lookup returned invalid rules: %v", err)
		}
		if diff := cmp.Diff(policy.FieldPaths(), pathsOf(e.Values)); diff != "" {
			t.Fatalf("Effective().Values paths mismatch (-want +got):\n%s", diff)
		}
		for _, v := range e.Values {
			if s := e.Sources[v.Source]; s.From.After(at) || (!s.Until.IsZero() && !at.Before(s.Until)) {
				t.Fatalf("value %s comes from a row not in force at %v: %+v", v.Path, at, s)
			}
		}
		if n := testing.AllocsPerRun(10, func() { _, _ = tbl.Lookup(k, at) }); n != 0 {
			t.Fatalf("Lookup allocates %v times", n)
		}
	})
}

func pathsOf(vs []policy.Value) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.Path
	}
	return out
}

// Diff of a table with itself is empty.
func TestPropertyDiffSelf(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		tbl := policytest.Table().Draw(t, "table")
		changes, err := policy.Diff(tbl, tbl)
		if err != nil || len(changes) > 0 {
			t.Fatalf("Diff(t, t) = %v, %v; want none", changes, err)
		}
	})
}

// FuzzPropertyTableRoundTrip runs the round-trip property as a fuzz
// target, so that the fuzzer explores generated tables too.
func FuzzPropertyTableRoundTrip(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(func(t *rapid.T) {
		tbl := policytest.Table().Draw(t, "table")
		var b bytes.Buffer
		if err := tbl.WriteJSON(&b); err != nil {
			t.Fatalf("WriteJSON: %v", err)
		}
		if _, err := policy.ParseJSON(b.Bytes(), policy.LoadOptions{}); err != nil {
			t.Fatalf("ParseJSON: %v", err)
		}
	}))
}
