package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lapse-go/lapse/policy"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

const (
	vianet   = "../../policy/testdata/21vianet.json"
	reseller = "../../policy/testdata/reseller-copilot.json"
	golden   = "../../policy/testdata/builtin.golden.json"
)

func TestRun(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
	}{
		{"validate-ok", []string{"validate", golden, vianet, reseller}, 0},
		{"validate-broken", []string{"validate", "testdata/broken.json", vianet}, 1},
		{"validate-missing", []string{"validate", "testdata/no-such-file.json"}, 1},
		{"validate-no-args", []string{"validate"}, 2},
		{"show-builtin", []string{"show", "-channel", "volume-licensing", "-term", "annual", "-product", "microsoft-365-copilot", "-at", "2026-03-31"}, 0},
		{"show-21vianet", []string{"show", "-channel", "csp-nce", "-term", "annual", "-country", "CN", "-at", "2026-03-31T12:00:00+08:00", "-policy", vianet}, 0},
		{"show-two-layers", []string{"show", "-channel", "volume-licensing", "-term", "monthly", "-offer", "contoso-copilot-vl", "-at", "2026-03-31", "-policy", vianet, "-policy", reseller}, 0},
		{"show-table-second", []string{"show", "-channel", "csp-nce", "-term", "annual", "-at", "2026-03-31", "-policy", vianet, "-policy", golden}, 1},
		{"show-no-rule", []string{"show", "-channel", "csp-legacy", "-term", "annual", "-at", "2015-01-01"}, 1},
		{"show-bad-flags", []string{"show", "-channel", "csp", "-term", "yearly"}, 2},
		{"show-unknown-flag", []string{"show", "-chanel", "csp-nce"}, 2},
		{"diff-builtin-21vianet", []string{"diff", vianet}, 1},
		{"diff-files", []string{"diff", reseller, vianet}, 1},
		{"diff-same", []string{"diff", "builtin", golden}, 0},
		{"diff-broken", []string{"diff", "testdata/broken.json"}, 1},
		{"diff-usage", []string{"diff", "a", "b", "c"}, 2},
		{"export-usage", []string{"export", "x"}, 2},
		{"no-command", nil, 2},
		{"unknown-command", []string{"lint"}, 2},
		{"help", []string{"help"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdout, &stderr)
			got := fmt.Sprintf("$ lapsepolicy %s\nexit %d\n--- stdout\n%s--- stderr\n%s", strings.Join(tt.args, " "), code, stdout.String(), stderr.String())
			file := filepath.Join("testdata", tt.name+".golden")
			if *update {
				if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run go test ./examples/lapsepolicy -update)", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("run(%q) mismatch (-want +got):\n%s", tt.args, diff)
			}
			if code != tt.wantCode {
				t.Errorf("run(%q) = %d, want %d", tt.args, code, tt.wantCode)
			}
		})
	}
}

// TestExport checks that export writes the built-in table, which loads
// back equal.
func TestExport(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"export"}, &stdout, &stderr); code != 0 {
		t.Fatalf("export = %d: %s", code, stderr.String())
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), stdout.String()); diff != "" {
		t.Errorf("export mismatch with %s (-want +got):\n%s", golden, diff)
	}
	tbl, err := policy.ParseJSON(stdout.Bytes(), policy.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(policy.Builtin().Rows(), tbl.Rows()); diff != "" {
		t.Errorf("exported table mismatch (-want +got):\n%s", diff)
	}
}
