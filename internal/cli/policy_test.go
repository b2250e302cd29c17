package cli

import (
	"errors"
	"flag"
	"testing"

	"github.com/lapse-go/lapse/policy"
)

func TestPolicy(t *testing.T) {
	const (
		overrides = "../../policy/testdata/21vianet.json"
		more      = "../../policy/testdata/reseller-copilot.json"
		table     = "../../policy/testdata/builtin.golden.json"
	)
	tests := []struct {
		name   string
		files  []string
		layers int  // of the table loaded
		usage  bool // a usage error naming -policy
	}{
		{name: "none: the built-in table", files: nil, layers: 0},
		{name: "the word builtin", files: []string{"builtin"}, layers: 0},
		{name: "overrides on the built-in table", files: []string{overrides}, layers: 1},
		{name: "two overrides stack", files: []string{overrides, more}, layers: 2},
		{name: "a table file first", files: []string{table, overrides}, layers: 1},
		{name: "a table file after overrides", files: []string{overrides, table}, usage: true},
		{name: "builtin after overrides", files: []string{overrides, "builtin"}, usage: true},
	}
	for _, tt := range tests {
		got, err := Policy(tt.files)
		var ue *UsageError
		switch {
		case tt.usage:
			if !errors.As(err, &ue) || ue.Flag != "policy" || Code(err) != ExitUsage {
				t.Errorf("%s: Policy(%q) error = %v; want a usage error naming -policy", tt.name, tt.files, err)
			}
		case err != nil:
			t.Errorf("%s: Policy(%q): %v", tt.name, tt.files, err)
		case len(got.Layers()) != tt.layers:
			t.Errorf("%s: Policy(%q) has %d layers, want %d", tt.name, tt.files, len(got.Layers()), tt.layers)
		}
	}
	_, err := Policy([]string{"testdata/no-such-file.json"})
	if err == nil || Code(err) != ExitFinding {
		t.Errorf("Policy(missing file) = %v; want a loader error (exit %d)", err, ExitFinding)
	}
	_, err = Policy([]string{"../../examples/lapsepolicy/testdata/broken.json"})
	if !errors.Is(err, policy.ErrInvalid) {
		t.Errorf("Policy(broken file) = %v; want policy.ErrInvalid", err)
	}
}

func TestStrings(t *testing.T) {
	var s Strings
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	fs.Var(&s, "policy", "")
	if err := fs.Parse([]string{"-policy", "a.json", "-policy", "b.json"}); err != nil {
		t.Fatal(err)
	}
	if len(s) != 2 || s[0] != "a.json" || s[1] != "b.json" || s.String() != "a.json,b.json" {
		t.Errorf("Strings = %q (%s); want [a.json b.json]", []string(s), s.String())
	}
}
