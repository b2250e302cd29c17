package lifecycle

import (
	"testing"

	"github.com/lapse-go/lapse/policy"
)

// TestBadDaysBounds: badDays's fast path (the bitwise OR of the counts)
// and its exact checks agree on every count, at the edges of the fast path
// (2047/2048 days, 65535/65536 hours) and of the real bounds (0, 3660 days
// and 87840 hours allowed; -1, 3661 and 87841 refused).
func TestBadDaysBounds(t *testing.T) {
	counts := []struct {
		field string
		ptr   func(r *policy.Rules) *int
		max   int
	}{
		{"Rules.ExpiredDays", func(r *policy.Rules) *int { return &r.ExpiredDays }, maxRuleDays},
		{"Rules.DisabledDays", func(r *policy.Rules) *int { return &r.DisabledDays }, maxRuleDays},
		{"Rules.Trial.Days", func(r *policy.Rules) *int { return &r.Trial.Days }, maxRuleDays},
		{"Rules.Trial.ExpiredDays", func(r *policy.Rules) *int { return &r.Trial.ExpiredDays }, maxRuleDays},
		{"Rules.Trial.ExtensionDays", func(r *policy.Rules) *int { return &r.Trial.ExtensionDays }, maxRuleDays},
		{"Rules.Suspension.DisabledDays", func(r *policy.Rules) *int { return &r.Suspension.DisabledDays }, maxRuleDays},
		{"Rules.Suspension.MaxDays", func(r *policy.Rules) *int { return &r.Suspension.MaxDays }, maxRuleDays},
		{"Rules.Licenses.ConflictDays", func(r *policy.Rules) *int { return &r.Licenses.ConflictDays }, maxRuleDays},
		{"Rules.Purge.CancelNotBeforeDays", func(r *policy.Rules) *int { return &r.Purge.CancelNotBeforeDays }, maxRuleDays},
		{"Rules.Purge.CancelDeadlineDays", func(r *policy.Rules) *int { return &r.Purge.CancelDeadlineDays }, maxRuleDays},
		{"Rules.Purge.ExpiryDeadlineDays", func(r *policy.Rules) *int { return &r.Purge.ExpiryDeadlineDays }, maxRuleDays},
		{"Rules.Purge.CancelBackupDays", func(r *policy.Rules) *int { return &r.Purge.CancelBackupDays }, maxRuleDays},
		{"Rules.Purge.ExplicitDeleteHours", func(r *policy.Rules) *int { return &r.Purge.ExplicitDeleteHours }, maxRuleHours},
		{"Rules.Reactivation.ExplicitDeleteHours", func(r *policy.Rules) *int { return &r.Reactivation.ExplicitDeleteHours }, maxRuleHours},
		{"Rules.Cancel.Window.Length", func(r *policy.Rules) *int { return &r.Cancel.Window.Length }, maxRuleHours},
	}
	for _, c := range counts {
		for _, v := range []int{-1 << 40, -1, 0, 1, 2047, 2048, 2049, 4095, 65535, 65536, c.max - 1, c.max, c.max + 1, 1 << 40} {
			var r policy.Rules
			*c.ptr(&r) = v
			// Other counts set so that the OR crosses the fast path's
			// edges without this one being out of range.
			if c.field != "Rules.ExpiredDays" {
				r.ExpiredDays = 1024
			}
			field, got := badDays(&r)
			wantBad := v < 0 || v > c.max
			if wantBad && (field != c.field || got != v) {
				t.Errorf("%s = %d: badDays = %q, %d; want %q, %d", c.field, v, field, got, c.field, v)
			}
			if !wantBad && field != "" {
				t.Errorf("%s = %d: badDays = %q, %d; want none", c.field, v, field, got)
			}
		}
	}
}

// TestActiveKinds: step skips check for the events of activeKinds in a
// plainly Active paid term, so check must allow each of them in such a
// phase under every built-in row, and refuse every other kind under some.
func TestActiveKinds(t *testing.T) {
	phases := []phase{
		{state: Active, cause: Purchased},
		{state: Active, cause: Renewed, est: true},
	}
	refused := map[EventKind]bool{}
	for _, row := range policy.Builtin().Rows() {
		r := row.Rules
		for k := EventKind(1); k.IsValid(); k++ {
			for _, p := range phases {
				e := engine{rules: &r}
				e.rg.mode = running
				ev := Event{Kind: k}
				err := e.check(0, &ev, &p)
				if activeKinds>>k&1 != 0 && err != nil {
					t.Errorf("%s %s in %+v: check = %v; want nil (k is in activeKinds)", row.Rules.Version, k, p, err)
				}
				if err != nil {
					refused[k] = true
				}
			}
		}
	}
	for k := EventKind(1); k.IsValid(); k++ {
		if activeKinds>>k&1 == 0 && !refused[k] {
			t.Errorf("%s: check allows it in every Active phase; add it to activeKinds", k)
		}
	}
}
