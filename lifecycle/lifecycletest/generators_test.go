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

// TestCasesValid: every generated case is judged without error, and
// answers from its start on; Lifecycle.At and the one-shot Evaluate agree.
func TestCasesValid(t *testing.T) {
	for _, knobs := range []bool{false, true} {
		rapid.Check(t, func(t *rapid.T) {
			c := lifecycletest.Cases(policy.Builtin(), knobs).Draw(t, "case")
			if c.Table == nil {
				t.Fatal("no table")
			}
			lc, err := lifecycle.Judge(c.Sub, c.Table)
			if err != nil {
				t.Fatalf("Judge: %v", err)
			}
			lo := c.Sub.Start()
			for i := range c.Sub.Len() {
				e, _ := c.Sub.Event(i)
				if _, err := lc.At(e.At); err != nil {
					t.Fatalf("At event %d (%v): %v", i, e, err)
				}
				lo = e.At
			}
			at := lifecycletest.Instant(c.Sub.Start(), lo.AddDate(2, 0, 0)).Draw(t, "at")
			st, err := lc.At(at)
			if err != nil {
				t.Fatalf("At(%v): %v", at, err)
			}
			one, err := lifecycle.Evaluate(c.Sub, c.Table, at)
			if err != nil {
				t.Fatalf("Evaluate(%v): %v", at, err)
			}
			if st.State() != one.State() || !st.Since().Equal(one.Since()) || !st.NextAt().Equal(one.NextAt()) {
				t.Fatalf("At %v since %v next %v, Evaluate %v since %v next %v", st.State(), st.Since(), st.NextAt(), one.State(), one.Since(), one.NextAt())
			}
		})
	}
}

// TestLifecycle: the judged generator's lifecycles answer from their start.
func TestLifecycle(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		lc := lifecycletest.Lifecycle(policy.Builtin()).Draw(t, "lifecycle")
		if lc.IsZero() {
			t.Fatal("zero Lifecycle")
		}
		if _, err := lc.At(lc.Subscription().Start()); err != nil {
			t.Fatalf("At(start): %v", err)
		}
		if len(lc.Phases()) == 0 {
			t.Fatal("no phases")
		}
	})
}

// TestTableKeepsVersions: a perturbed table has the versions of its base,
// each with the same period and label.
func TestTableKeepsVersions(t *testing.T) {
	base := policy.Builtin()
	rapid.Check(t, func(t *rapid.T) {
		tbl := lifecycletest.Table(base).Draw(t, "table")
		k := policy.Key{Channel: policy.DirectMCA, Term: policy.Annual}
		want, _ := base.Schedule(k)
		got, err := tbl.Schedule(k)
		if err != nil {
			t.Fatal(err)
		}
		if got.Len() != want.Len() {
			t.Fatalf("%d versions, want %d", got.Len(), want.Len())
		}
		for i := range want.Len() {
			g, w := got.Version(i), want.Version(i)
			if !g.From().Equal(w.From()) || !g.Until().Equal(w.Until()) || g.Label() != w.Label() {
				t.Fatalf("version %d = %v, want %v", i, g, w)
			}
			if err := g.Rules().Validate(); err != nil {
				t.Fatalf("version %d invalid: %v", i, err)
			}
		}
	})
}

// TestRules: every variant of every built-in row's rules is valid and
// keeps the row's channel, version and citation; the variants do vary.
func TestRules(t *testing.T) {
	rows := policy.Builtin().Rows()
	varied := 0
	rapid.Check(t, func(t *rapid.T) {
		base := rows[rapid.IntRange(0, len(rows)-1).Draw(t, "row")].Rules
		r := lifecycletest.Rules(base).Draw(t, "rules")
		if err := r.Validate(); err != nil {
			t.Fatalf("invalid variant of %s %s: %v", base.Channel, base.Version, err)
		}
		if r.Channel != base.Channel || r.Version != base.Version || r.Cite != base.Cite {
			t.Fatalf("variant is %s %s %v, base %s %s %v", r.Channel, r.Version, r.Cite, base.Channel, base.Version, base.Cite)
		}
		if r.ExpiredDays != base.ExpiredDays || r.DisabledDays != base.DisabledDays || r.ExpiryAnchor != base.ExpiryAnchor {
			varied++
		}
	})
	if varied == 0 {
		t.Error("no variant changed the Expired or Disabled days or the anchor")
	}
}

// TestGeneratorsCover: the generators reach every channel, trials, and
// the interesting states, so properties built on them are not vacuous.
func TestGeneratorsCover(t *testing.T) {
	channels := map[policy.Channel]bool{}
	states := map[lifecycle.State]bool{}
	trials, events, crossed := 0, 0, 0
	g := lifecycletest.Cases(policy.Builtin(), true)
	for i := range 400 {
		c := g.Example(i)
		channels[c.Sub.Channel()] = true
		if c.Sub.Spec().Trial {
			trials++
		}
		events += c.Sub.Len()
		ph, err := lifecycle.Timeline(c.Sub, c.Table)
		if err != nil {
			t.Fatalf("Timeline: %v", err)
		}
		for _, p := range ph {
			states[p.State] = true
		}
		// A subscription crosses versions when its start, its events and
		// its phases are not all judged by the version in force at its
		// start.
		sched, _ := c.Table.Schedule(c.Sub.Key())
		first, _ := sched.At(c.Sub.Start())
		instants := []time.Time{}
		for _, p := range ph {
			instants = append(instants, p.Start)
		}
		for _, e := range c.Sub.History() {
			instants = append(instants, e.At)
		}
		for _, at := range instants {
			if v, _ := sched.At(at); v != first {
				crossed++
				break
			}
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
	if crossed < 40 {
		t.Errorf("only %d of 400 histories cross a policy version; want at least 40", crossed)
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
		st, err := lifecycle.Evaluate(c.Sub, c.Table, at)
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
