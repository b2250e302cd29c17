package lifecycle

import "testing"

// TestRolesOfLeavesInvalidRolesOut: RolesOf(Role(0)) set bit 0, which names
// no role, and RolesOf(Role(16)) shifted past the 16-bit set and vanished
// without a word; both are left out now, and a valid role beside them stays.
func TestRolesOfLeavesInvalidRolesOut(t *testing.T) {
	last := Role(len(roleNames) - 1)
	for _, r := range []Role{0, last + 1, 16, 200} {
		if got := RolesOf(r); got != 0 {
			t.Errorf("RolesOf(Role(%d)) = %#x, want the empty set", r, uint16(got))
		}
		if got := RolesOf(r, GlobalAdmin); got != RolesOf(GlobalAdmin) {
			t.Errorf("RolesOf(Role(%d), GlobalAdmin) = %#x, want only GlobalAdmin", r, uint16(got))
		}
	}
	if got := RolesOf(last); !got.Has(last) {
		t.Errorf("RolesOf(%v) does not hold %v", last, last)
	}
}
