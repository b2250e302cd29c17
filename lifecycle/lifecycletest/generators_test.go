package lifecycletest_test

import (
	"fmt"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/lifecycle/lifecycletest"
	"github.com/lapse-go/lapse/policy"
)

// TestCasesValid: every generated case evaluates without error from its
// start on, and its rules are valid.
func TestCasesValid(t *testing.T) {
	for _, knobs := range []bool{false, true} {
		rapid.Check(t, func(t *rapid.T) {
			c := lifecycletest.Cases(policy.Builtin(), knobs).Draw(t, "case")
			if err := c.Rules.Validate(); err != nil {
				t.Fatalf("generated rules are invalid: %v", err)
			}
			if c.Rules.Channel != c.Sub.Channel() {
				t.Fatalf("rules for %v judge a %v subscription", c.Rules.Channel, c.Sub.Channel())
			}
			if _, err := lifecycle.Timeline(c.Sub, &c.Rules); err != nil {
				t.Fatalf("Timeline: %v", err)
			}
			lo := c.Sub.Start()
			for i := range c.Sub.Len() {
				e, _ := c.Sub.Event(i)
				if _, err := lifecycle.Evaluate(c.Sub, &c.Rules, e.At); err != nil {
					t.Fatalf("Evaluate at event %d (%v): %v", i, e, err)
				}
				lo = e.At
			}
			at := lifecycletest.Instant(c.Sub.Start(), lo.AddDate(2, 0, 0)).Draw(t, "at")
			if _, err := lifecycle.Evaluate(c.Sub, &c.Rules, at); err != nil {
				t.Fatalf("Evaluate(%v): %v", at, err)
			}
		})
	}
}

// TestSubscriptionJudgedByRulesFor: Subscription's histories are valid
// under the table's rules.
func TestSubscriptionJudgedByRulesFor(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		sub := lifecycletest.Subscription(policy.Builtin()).Draw(t, "sub")
		r, err := lifecycle.RulesFor(policy.Builtin(), sub)
		if err != nil {
			t.Fatalf("RulesFor: %v", err)
		}
		if _, err := lifecycle.Timeline(sub, &r); err != nil {
			t.Fatalf("Timeline: %v", err)
		}
	})
}

// TestGeneratorsCover: the generators reach every channel, trials, and
// the interesting states, so properties built on them are not vacuous.
func TestGeneratorsCover(t *testing.T) {
	channels := map[policy.Channel]bool{}
	states := map[lifecycle.State]bool{}
	trials, events := 0, 0
	g := lifecycletest.Cases(policy.Builtin(), true)
	for i := range 400 {
		c := g.Example(i)
		channels[c.Sub.Channel()] = true
		if c.Sub.Spec().Trial {
			trials++
		}
		events += c.Sub.Len()
		ph, err := lifecycle.Timeline(c.Sub, &c.Rules)
		if err != nil {
			t.Fatalf("Timeline: %v", err)
		}
		for _, p := range ph {
			states[p.State] = true
		}
	}
	if len(channels) != len(policy.Channels()) {
		t.Errorf("generated channels %v, want all %d", channels, len(policy.Channels()))
	}
	for _, s := range []lifecycle.State{lifecycle.Active, lifecycle.Expired, lifecycle.Disabled, lifecycle.Deleted, lifecycle.Suspended} {
		if !states[s] {
			t.Errorf("no generated timeline reaches %v", s)
		}
	}
	if trials == 0 || events < 400 {
		t.Errorf("generated %d trials and %d events in 400 cases; want some trials and more than one event a case", trials, events)
	}
}

func TestInstantAndLocation(t *testing.T) {
	lo := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	hi := lo.Add(time.Microsecond)
	rapid.Check(t, func(t *rapid.T) {
		at := lifecycletest.Instant(lo, hi).Draw(t, "at")
		if at.Before(lo) || !at.Before(hi) || at.Location() != time.UTC {
			t.Fatalf("Instant = %v, want a UTC instant in [%v, %v)", at, lo, hi)
		}
		if loc := lifecycletest.Location().Draw(t, "loc"); loc == nil {
			t.Fatal("Location = nil")
		}
	})
}

// Example checks a property of downstream code against generated
// subscriptions: a sweep that bills only Active paid subscriptions never
// bills one whose users have lost their services. In a test, pass the
// same function to rapid.Check(t, …); here a few drawn cases are checked
// directly.
func Example() {
	billable := func(s lifecycle.Status) bool { return s.State() == lifecycle.Active && !s.Trial() }
	property := func(t *rapid.T) {
		c := lifecycletest.Cases(policy.Builtin(), false).Draw(t, "case")
		at := lifecycletest.Instant(c.Sub.Start(), c.Sub.Start().AddDate(3, 0, 0)).Draw(t, "at")
		st, err := lifecycle.Evaluate(c.Sub, &c.Rules, at)
		if err != nil {
			t.Fatal(err)
		}
		if billable(st) && !st.Capabilities().Services {
			t.Fatalf("billing %s at %v without services", c.Sub.ID(), at)
		}
	}
	g := rapid.Custom(func(t *rapid.T) bool { property(t); return true })
	passed := 0
	for seed := range 50 {
		if g.Example(seed) {
			passed++
		}
	}
	fmt.Println(passed, "of 50 cases pass")
	// Output: 50 of 50 cases pass
}
