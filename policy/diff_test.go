package policy_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lapse-go/lapse/policy"
)

func TestDiff(t *testing.T) {
	vianet := withOverrides(t, "testdata/21vianet.json")
	reseller := withOverrides(t, "testdata/reseller-copilot.json")
	mca := policy.Builtin().Rows()[7] // direct-mca 2024-09 … 2026-02-09
	mca.Rules.ExpiredDays = 45
	rows := policy.Builtin().Rows()
	rows[7] = mca
	edited, err := policy.NewTable(rows)
	if err != nil {
		t.Fatal(err)
	}
	onlyMOSA, err := policy.NewTable(policy.Builtin().Rows()[:6])
	if err != nil {
		t.Fatal(err)
	}
	mosaAndLegacy, err := policy.NewTable(append(policy.Builtin().Rows()[:6:6], policy.Builtin().Rows()[19]))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		a, b   *policy.Table
		want   []policy.Change
		reason string
	}{
		{"same table", policy.Builtin(), policy.Builtin(), nil, "nothing differs"},
		{"21Vianet", policy.Builtin(), vianet, []policy.Change{
			{Channel: policy.CSPNewCommerce, Country: "CN", From: utc(2022, 1, 1, 0, 0), Path: "suspension.max",
				Old: `{"days": 0}`, New: `{"days": 60}`, OldLayer: "builtin", NewLayer: "21vianet"},
			{Channel: policy.CSPLegacy, Country: "CN", From: utc(2016, 1, 1, 0, 0), Path: "suspension.max",
				Old: `{"days": 90}`, New: `{"days": 60}`, OldLayer: "builtin", NewLayer: "21vianet"},
		}, "one change per channel, merged over the NCE versions and every term"},
		{"reseller", policy.Builtin(), reseller, []policy.Change{
			{Channel: policy.VolumeLicensing, Offer: "contoso-copilot-vl", From: utc(2025, 2, 6, 0, 0), Path: "expired",
				Old: `{"days": 90}`, New: `{"days": 30}`, OldLayer: "builtin", NewLayer: "contoso-reseller"},
		}, "the Copilot product row already has 30 days, so only the generic products change"},
		{"edited row", policy.Builtin(), edited, []policy.Change{
			{Channel: policy.DirectMCA, From: utc(2024, 9, 10, 0, 0), Until: utc(2026, 2, 9, 0, 0), Path: "expired",
				Old: `{"days": 30}`, New: `{"days": 45}`, OldLayer: "builtin", NewLayer: ""},
		}, "a changed value of a full table"},
		{"rules on one side only", onlyMOSA, mosaAndLegacy, []policy.Change{
			{Channel: policy.CSPLegacy, From: utc(2016, 1, 1, 0, 0), New: `"2023-08"`, NewLayer: ""},
		}, "csp-legacy has no rule in the old table"},
		{"rules on the other side only", mosaAndLegacy, onlyMOSA, []policy.Change{
			{Channel: policy.CSPLegacy, From: utc(2016, 1, 1, 0, 0), Old: `"2023-08"`, OldLayer: ""},
		}, "csp-legacy has no rule in the new table"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := policy.Diff(tt.a, tt.b)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Diff() mismatch (-want +got): %s\n%s", tt.reason, diff)
			}
		})
	}
}

// TestDiffEqualCellsWithoutExplaining: Diff resolves each key once per
// instant and explains (with Effective, which allocates) only the cells
// that differ, so comparing a table with itself allocates far fewer times
// than once per cell: 410 allocations for the 20 rows of issue 12's table
// (3,980 when every cell was explained), 1,499 for the 33 rows issue 11's
// product and country rows bring, whose keys multiply the cells.
func TestDiffEqualCellsWithoutExplaining(t *testing.T) {
	a, b := policy.Builtin(), policy.Builtin()
	if n := testing.AllocsPerRun(2, func() {
		if changes, err := policy.Diff(a, b); err != nil || len(changes) != 0 {
			t.Fatalf("Diff(builtin, builtin) = %v, %v", changes, err)
		}
	}); n > 2000 {
		t.Errorf("Diff(builtin, builtin) allocates %v times, want at most 2000", n)
	}
}
