package lifecycle

import (
	"testing"
	"time"
)

// TestApplyAppendsInPlace: the first Apply on a value appends to the arrays
// it shares with that value, and so does the first Apply on the result —
// which is what makes building a history by Apply linear (issue 12, defect
// 10) — while a second Apply on the same value copies, so the value the
// first Apply extended never sees the second's event.
func TestApplyAppendsInPlace(t *testing.T) {
	start, lc := monthlyMOSA(t)
	assign := func(lc Lifecycle, n int, at time.Time) Lifecycle {
		t.Helper()
		next, err := lc.Apply(Command{Kind: CmdAssignLicenses, Actor: GlobalAdmin, Assigned: n}, at)
		if err != nil {
			t.Fatal(err)
		}
		return next
	}
	// Grow the arrays so that an append in place has room.
	for i := range 8 {
		lc = assign(lc, 1+i%4, start.Add(time.Duration(i+1)*time.Hour))
	}
	a := assign(lc, 2, start.Add(10*time.Hour)) // the loop left 4 assigned
	b := assign(a, 3, start.Add(11*time.Hour))
	c := assign(b, 1, start.Add(12*time.Hour))
	if &b.s.ts[0] != &a.s.ts[0] || &c.s.ts[0] != &b.s.ts[0] || &c.folds[0] != &a.folds[0] {
		t.Error("a chain of Applies copied its history: each first Apply on a value must append in place")
	}
	d := assign(b, 4, start.Add(12*time.Hour)) // b was extended by c: d copies
	if &d.s.ts[0] == &b.s.ts[0] {
		t.Error("a second Apply on the same value appended in place, over the first's event")
	}
	e := assign(d, 2, start.Add(13*time.Hour)) // d owns its copy: e appends in place
	if &e.s.ts[0] != &d.s.ts[0] {
		t.Error("the first Apply on a copied value copied again")
	}
	if got, want := c.s.spec.History[len(c.s.spec.History)-1].Assigned, 1; got != want {
		t.Errorf("c's last event assigns %d, want %d: d's Apply wrote over it", got, want)
	}
}
