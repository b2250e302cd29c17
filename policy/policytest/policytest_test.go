package policytest_test

import (
	"testing"
	"time"

	"github.com/lapse-go/lapse/policy"
	"github.com/lapse-go/lapse/policy/policytest"
	"pgregory.net/rapid"
)

func TestGeneratedValuesAreValid(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		if err := policytest.Rules().Draw(t, "rules").Validate(); err != nil {
			t.Fatalf("Rules: %v", err)
		}
		k := policytest.Key().Draw(t, "key")
		if !k.Channel.IsValid() || !k.Term.IsValid() {
			t.Fatalf("Key: %v", k)
		}
	})
}

// TestLayerOnBuiltin checks that generated layers fit the built-in table,
// whose channels start on different dates and split terms.
func TestLayerOnBuiltin(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		l := policytest.Layer(policy.Builtin()).Draw(t, "layer")
		tbl, err := policy.Builtin().With(l)
		if err != nil {
			t.Fatalf("Builtin().With: %v", err)
		}
		if _, err := tbl.Lookup(policy.Key{Channel: policy.Enterprise, Term: policy.MultiYear}, time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
			t.Fatalf("Lookup: %v", err)
		}
	})
}
