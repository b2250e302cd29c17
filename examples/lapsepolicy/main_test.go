package main

import (
	"bytes"
	"errors"
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

// TestRun runs each command down each of its exit codes — 0, 1 and 2 —
// and asks each for help, comparing stdout, stderr and the code with a
// golden transcript.
func TestRun(t *testing.T) {
	show := func(args ...string) []string {
		return append([]string{"show", "-channel", "csp-nce", "-term", "annual"}, args...)
	}
	tests := []struct {
		name     string
		args     []string
		wantCode int
	}{
		// The program as a whole.
		{name: "no-command", args: nil, wantCode: 2},
		{name: "unknown-command", args: []string{"lint"}, wantCode: 2},
		{name: "flag-first", args: []string{"-channel", "csp-nce", "show"}, wantCode: 2},
		{name: "help", args: []string{"help"}, wantCode: 0},
		{name: "h", args: []string{"-h"}, wantCode: 0},
		{name: "help-flag", args: []string{"--help"}, wantCode: 0},
		{name: "help-show", args: []string{"help", "show"}, wantCode: 0},
		{name: "help-unknown", args: []string{"help", "lint"}, wantCode: 2},

		// validate: problems on stderr.
		{name: "validate-ok", args: []string{"validate", golden, vianet, reseller}, wantCode: 0},
		{name: "validate-builtin", args: []string{"validate", "builtin"}, wantCode: 0},
		{name: "validate-broken", args: []string{"validate", "testdata/broken.json", vianet}, wantCode: 1},
		{name: "validate-missing", args: []string{"validate", "testdata/no-such-file.json"}, wantCode: 1},
		{name: "validate-no-args", args: []string{"validate"}, wantCode: 2},
		{name: "validate-unknown-flag", args: []string{"validate", "-strict", vianet}, wantCode: 2},
		{name: "validate-h", args: []string{"validate", "-h"}, wantCode: 0},
		{name: "validate-help-after-file", args: []string{"validate", vianet, "--help"}, wantCode: 0},
		{name: "validate-file-named-h", args: []string{"validate", "--", "-h"}, wantCode: 1},

		// show.
		{name: "show-builtin", args: []string{"show", "-channel", "volume-licensing", "-term", "annual", "-product", "microsoft-365-copilot", "-at", "2026-03-31"}, wantCode: 0},
		{name: "show-21vianet", args: show("-country", "CN", "-at", "2026-03-31T12:00:00+08:00", "-policy", vianet), wantCode: 0},
		{name: "show-local-time", args: show("-at", "2026-03-31T04:00", "-country", "CN", "-policy", vianet), wantCode: 0},
		{name: "show-two-layers", args: []string{"show", "-channel", "volume-licensing", "-term", "monthly", "-offer", "contoso-copilot-vl", "-at", "2026-03-31", "-policy", vianet, "-policy", reseller}, wantCode: 0},
		{name: "show-no-rule", args: []string{"show", "-channel", "csp-legacy", "-term", "annual", "-at", "2015-01-01"}, wantCode: 1},
		{name: "show-broken-policy", args: show("-at", "2026-03-31", "-policy", "testdata/broken.json"), wantCode: 1},
		{name: "show-missing-policy", args: show("-at", "2026-03-31", "-policy", "testdata/no-such-file.json"), wantCode: 1},
		{name: "show-table-second", args: show("-at", "2026-03-31", "-policy", vianet, "-policy", golden), wantCode: 2},
		{name: "show-bad-flags", args: []string{"show", "-channel", "csp", "-term", "yearly"}, wantCode: 2},
		{name: "show-missing-flags", args: []string{"show", "-term", "annual"}, wantCode: 2},
		{name: "show-bad-date", args: show("-at", "2026-02-29"), wantCode: 2},
		{name: "show-bad-time", args: show("-at", "31.03.2026"), wantCode: 2},
		{name: "show-unknown-flag", args: []string{"show", "-chanel", "csp-nce"}, wantCode: 2},
		{name: "show-flag-without-value", args: show("-at"), wantCode: 2},
		{name: "show-arguments", args: show("-at", "2026-03-31", "extra"), wantCode: 2},
		{name: "show-h", args: []string{"show", "-h"}, wantCode: 0},
		{name: "show-help-late", args: show("-at", "2026-03-31", "-help"), wantCode: 0},

		// diff: the difference on stdout, exit 1.
		{name: "diff-builtin-21vianet", args: []string{"diff", vianet}, wantCode: 1},
		{name: "diff-files", args: []string{"diff", reseller, vianet}, wantCode: 1},
		{name: "diff-same", args: []string{"diff", "builtin", golden}, wantCode: 0},
		{name: "diff-broken", args: []string{"diff", "testdata/broken.json"}, wantCode: 1},
		{name: "diff-broken-both", args: []string{"diff", "testdata/no-such-file.json", "testdata/broken.json"}, wantCode: 1},
		{name: "diff-usage", args: []string{"diff", "a", "b", "c"}, wantCode: 2},
		{name: "diff-no-args", args: []string{"diff"}, wantCode: 2},
		{name: "diff-unknown-flag", args: []string{"diff", "-u", vianet}, wantCode: 2},
		{name: "diff-h", args: []string{"diff", "-h"}, wantCode: 0},
		{name: "diff-file-named-h", args: []string{"diff", "--", "-h"}, wantCode: 1},

		// export: exit 0 is TestExport's, exit 1 TestExportWriteError's.
		{name: "export-usage", args: []string{"export", "x"}, wantCode: 2},
		{name: "export-unknown-flag", args: []string{"export", "-kind", "table"}, wantCode: 2},
		{name: "export-h", args: []string{"export", "-h"}, wantCode: 0},
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
			// Only help and the answers themselves go to stdout; every
			// other failure says why on stderr.
			if code != 0 && stderr.Len() == 0 && !strings.HasPrefix(tt.name, "diff-") {
				t.Errorf("run(%q) = %d with nothing on stderr", tt.args, code)
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

// failingWriter fails every write, as a closed pipe does.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) {
	return 0, errors.New("write /dev/stdout: broken pipe")
}

// TestExportWriteError checks that export reports a failed write on
// stderr and exits 1.
func TestExportWriteError(t *testing.T) {
	var stderr bytes.Buffer
	code := run([]string{"export"}, failingWriter{}, &stderr)
	if code != 1 || !strings.Contains(stderr.String(), "lapsepolicy export: ") || !strings.Contains(stderr.String(), "broken pipe") {
		t.Errorf("export to a broken pipe = %d, stderr %q; want 1 and the error", code, stderr.String())
	}
}

// TestShowChannelUpperCase checks that -channel takes a channel's name in
// any case, as the issue asks: "-channel CSP-NCE" shows what
// "-channel csp-nce" shows.
func TestShowChannelUpperCase(t *testing.T) {
	var want, got, stderr bytes.Buffer
	if code := run([]string{"show", "-channel", "csp-nce", "-term", "annual", "-at", "2026-03-31"}, &want, &stderr); code != 0 {
		t.Fatalf("show -channel csp-nce = %d: %s", code, stderr.String())
	}
	if code := run([]string{"show", "-channel", "CSP-NCE", "-term", "ANNUAL", "-at", "2026-03-31"}, &got, &stderr); code != 0 {
		t.Fatalf("show -channel CSP-NCE -term ANNUAL = %d: %s", code, stderr.String())
	}
	if diff := cmp.Diff(want.String(), got.String()); diff != "" {
		t.Errorf("show -channel CSP-NCE mismatch with csp-nce (-want +got):\n%s", diff)
	}
}
