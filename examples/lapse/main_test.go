package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/lapse-go/lapse/clock/clocktest"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestRunGolden(t *testing.T) {
	clk := clocktest.New(time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC))
	tests := []struct {
		name string
		args []string
		code int
	}{
		{name: "portfolio-clock", args: nil},
		{name: "portfolio-2026-04-15", args: []string{"-at", "2026-04-15"}},
		{name: "portfolio-2026-08-10", args: []string{"-at", "2026-08-10T00:00:00Z"}},
		{name: "timeline-mosa-annual", args: []string{"-timeline", "mosa-annual"}},
		{name: "channels", args: []string{"-channels"}},
		{name: "timeline-csp-trial", args: []string{"-timeline", "csp-trial"}},
		{name: "explain-mosa-annual", args: []string{"-at", "2026-04-15", "-explain", "mosa-annual"}},
		{name: "explain-csp-cancelled", args: []string{"-at", "2026-01-21", "-explain", "csp-cancelled"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(tt.args, &stdout, &stderr, clk); code != tt.code {
				t.Fatalf("run(%q) = %d, want %d; stderr:\n%s", tt.args, code, tt.code, stderr.String())
			}
			golden := filepath.Join("testdata", tt.name+".golden")
			if *update {
				if err := os.WriteFile(golden, stdout.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), stdout.String()); diff != "" {
				t.Errorf("run(%q) output mismatch (-want +got):\n%s", tt.args, diff)
			}
		})
	}
}

func TestRunBadInput(t *testing.T) {
	clk := clocktest.New(time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	tests := []struct {
		name    string
		args    []string
		code    int
		wantErr string
	}{
		{name: "bad date", args: []string{"-at", "2026-13-01"}, code: 2, wantErr: `-at "2026-13-01"`},
		{name: "unknown timeline id", args: []string{"-timeline", "nope"}, code: 2, wantErr: `-timeline "nope": no such subscription`},
		{name: "unknown explain id", args: []string{"-explain", "nope"}, code: 2, wantErr: `-explain "nope": no such subscription`},
		{name: "unknown flag", args: []string{"-bogus"}, code: 2, wantErr: "flag provided but not defined"},
		{name: "before the purchase", args: []string{"-at", "1999-01-01", "-explain", "mosa-annual"}, code: 2, wantErr: "before the subscription started"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdout, &stderr, clk)
			if code != tt.code {
				t.Fatalf("run(%q) = %d, want %d; stderr:\n%s", tt.args, code, tt.code, stderr.String())
			}
			if tt.wantErr != "" && !strings.Contains(stderr.String(), tt.wantErr) {
				t.Errorf("run(%q) stderr = %q, want it to contain %q", tt.args, stderr.String(), tt.wantErr)
			}
		})
	}
}

// TestReadmeChannelTable keeps README.md true: its channel table is the
// output of -channels.
func TestReadmeChannelTable(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var stdout bytes.Buffer
	printChannels(&stdout)
	if !strings.Contains(string(readme), stdout.String()) {
		t.Errorf("README.md does not hold the output of `go run ./examples/lapse -channels`; paste it in:\n%s", stdout.String())
	}
}

// TestReadmeDiagrams keeps README.md true: it shows the Mermaid diagram of
// every channel as lifecycle.Diagram draws it.
func TestReadmeDiagrams(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, ch := range policy.Channels() {
		d, err := lifecycle.Diagram(ch, lifecycle.Mermaid)
		if err != nil {
			t.Fatalf("Diagram(%s): %v", ch, err)
		}
		if !strings.Contains(string(readme), "```mermaid\n"+d) {
			t.Errorf("README.md does not show the Mermaid diagram of %s:\n%s", ch, d)
		}
	}
}
