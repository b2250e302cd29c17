package cli

import (
	"errors"
	"fmt"
	"testing"
)

func TestUnknownID(t *testing.T) {
	many := func(n int) []string {
		var ids []string
		for i := n; i > 0; i-- { // backwards: UnknownID sorts
			ids = append(ids, fmt.Sprintf("s%03d", i))
		}
		return ids
	}
	tests := []struct {
		name  string
		id    string
		valid []string
		want  string
	}{
		{"sorted", "x", []string{"b", "c", "a"}, `unknown subscription "x"; want one of a, b, c`},
		{"duplicates", "x", []string{"b", "a", "b"}, `unknown subscription "x"; want one of a, b`},
		{"none", "x", nil, `unknown subscription "x"; there is no subscription`},
		{"empty id", "", []string{"a"}, `unknown subscription ""; want one of a`},
		{"case", "MOSA-annual", []string{"csp-trial", "mosa-annual"}, `unknown subscription "MOSA-annual" (did you mean "mosa-annual"?); want one of csp-trial, mosa-annual`},
		{"19", "x", many(19), `unknown subscription "x"; want one of s001, s002, s003, s004, s005, s006, s007, s008, s009, s010, s011, s012, s013, s014, s015, s016, s017, s018, s019`},
		{"20", "x", many(20), `unknown subscription "x"; want one of s001, s002, s003, s004, s005, s006, s007, s008, s009, s010, s011, s012, s013, s014, s015, s016, s017, s018, s019, s020`},
		{"21", "x", many(21), `unknown subscription "x"; want one of s001, s002, s003, s004, s005, s006, s007, s008, s009, s010, s011, s012, s013, s014, s015, s016, s017, s018, s019, s020 and 1 more`},
		{"100", "x", many(100), `unknown subscription "x"; want one of s001, s002, s003, s004, s005, s006, s007, s008, s009, s010, s011, s012, s013, s014, s015, s016, s017, s018, s019, s020 and 80 more`},
	}
	for _, tt := range tests {
		before := fmt.Sprint(tt.valid)
		err := UnknownID("subscription", tt.id, tt.valid)
		var u *UsageError
		if !errors.As(err, &u) || err.Error() != tt.want {
			t.Errorf("%s: UnknownID = %v; want the usage error %q", tt.name, err, tt.want)
		}
		if after := fmt.Sprint(tt.valid); after != before {
			t.Errorf("%s: UnknownID changed valid from %s to %s", tt.name, before, after)
		}
	}
	// From a flag, the flag is named.
	err := FlagError("timeline", UnknownID("subscription", "x", []string{"a"}))
	if want := `-timeline: unknown subscription "x"; want one of a`; err.Error() != want {
		t.Errorf("FlagError(timeline, UnknownID) = %q, want %q", err, want)
	}
}
