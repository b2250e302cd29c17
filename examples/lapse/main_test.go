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
	"golang.org/x/text/language"

	"github.com/lapse-go/lapse/clock/clocktest"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// noEnv is an environment without locale variables: English.
func noEnv(string) string { return "" }

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
		// R-LC-13, R-LC-14: the term ending 2026-02-28 is judged by the
		// 2025-12 version (no Expired), its window (opened at the renewal on
		// 2026-02-01) by the 2024-09 version.
		{name: "timeline-mca-monthly", args: []string{"-timeline", "mca-monthly"}},
		{name: "explain-mca-monthly", args: []string{"-at", "2026-02-10T12:00:00Z", "-explain", "mca-monthly"}},
		// Issue 14: the README example's explanation in each language.
		{name: "explain-mosa-annual.de", args: []string{"-at", "2026-04-15", "-explain", "mosa-annual", "-lang", "de"}},
		{name: "explain-mosa-annual.nl", args: []string{"-at", "2026-04-15", "-explain", "mosa-annual", "-lang", "nl"}},
		{name: "explain-mosa-annual.da", args: []string{"-at", "2026-04-15", "-explain", "mosa-annual", "-lang", "da"}},
		{name: "explain-csp-cancelled.de", args: []string{"-at", "2026-01-21", "-explain", "csp-cancelled", "-lang", "de"}},
		{name: "portfolio-2026-08-10.de", args: []string{"-at", "2026-08-10T00:00:00Z", "-lang", "de"}},
		{name: "timeline-csp-trial.da", args: []string{"-timeline", "csp-trial", "-lang", "da"}},
		{name: "timeline-mca-monthly.nl", args: []string{"-timeline", "mca-monthly", "-lang", "nl"}},
		{name: "channels.de", args: []string{"-channels", "-lang", "de"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(tt.args, &stdout, &stderr, clk, noEnv); code != tt.code {
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
		{name: "unknown language", args: []string{"-lang", "fr", "-explain", "mosa-annual"}, code: 2, wantErr: `-lang "fr": unsupported language; supported: en, de, nl, da`},
		{name: "unknown locale", args: []string{"-lang", "nb_NO.UTF-8"}, code: 2, wantErr: `-lang "nb_NO.UTF-8": unsupported language; supported: en, de, nl, da`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdout, &stderr, clk, noEnv)
			if code != tt.code {
				t.Fatalf("run(%q) = %d, want %d; stderr:\n%s", tt.args, code, tt.code, stderr.String())
			}
			if tt.wantErr != "" && !strings.Contains(stderr.String(), tt.wantErr) {
				t.Errorf("run(%q) stderr = %q, want it to contain %q", tt.args, stderr.String(), tt.wantErr)
			}
		})
	}
}

// TestRunLocale: without -lang the words follow LC_ALL, LC_MESSAGES and
// LANG; -lang wins over them; a locale without a catalog is English, not
// an error (the environment was not set for lapse).
func TestRunLocale(t *testing.T) {
	clk := clocktest.New(time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC))
	args := []string{"-at", "2026-04-15", "-explain", "mosa-annual"}
	golden := func(name string) string {
		b, err := os.ReadFile(filepath.Join("testdata", name+".golden"))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"LANG", map[string]string{"LANG": "de_DE.UTF-8"}, args, "explain-mosa-annual.de"},
		{"LC_ALL over LANG", map[string]string{"LC_ALL": "da_DK.UTF-8", "LANG": "de_DE.UTF-8"}, args, "explain-mosa-annual.da"},
		{"-lang over LC_ALL", map[string]string{"LC_ALL": "da_DK.UTF-8"}, append([]string{"-lang", "nl"}, args...), "explain-mosa-annual.nl"},
		{"-lang en over LANG", map[string]string{"LANG": "de_DE.UTF-8"}, append([]string{"-lang", "en"}, args...), "explain-mosa-annual"},
		{"unsupported locale", map[string]string{"LANG": "fr_FR.UTF-8"}, args, "explain-mosa-annual"},
		{"C locale", map[string]string{"LC_ALL": "C"}, args, "explain-mosa-annual"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		if code := run(tt.args, &stdout, &stderr, clk, func(k string) string { return tt.env[k] }); code != 0 {
			t.Fatalf("%s: run(%q) = %d; stderr:\n%s", tt.name, tt.args, code, stderr.String())
		}
		if diff := cmp.Diff(golden(tt.want), stdout.String()); diff != "" {
			t.Errorf("%s: run(%q) with %v mismatch with %s (-want +got):\n%s", tt.name, tt.args, tt.env, tt.want, diff)
		}
	}
}

// TestPortfolioCrossesVersions checks the portfolio's mca-monthly
// subscription, judged once against the built-in table: bought under the
// 2024-09 MCA version (a seven-day window, R-CAN-3), it renews into a term
// ending 2026-02-28 that the 2025-12 version judges (R-LC-13, R-LC-14): no
// Expired state, Disabled from 2026-02-28, Deleted from 2026-05-29.
func TestPortfolioCrossesVersions(t *testing.T) {
	subs, err := load(policy.Builtin())
	if err != nil {
		t.Fatal(err)
	}
	lc, ok := find(subs, "mca-monthly")
	if !ok {
		t.Fatal("mca-monthly is not in the portfolio")
	}
	type answer struct {
		State                      lifecycle.State
		Since, Next                string
		Lifecycle, Window, Command string
		CancelWindowEnd            string
	}
	end := time.Date(2026, 2, 28, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		at   time.Time
		want answer
	}{
		{"purchase", time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC),
			answer{lifecycle.Active, "2025-12-01", "-", "2024-09", "2024-09", "2024-09", "2025-12-08"}},
		{"billing off", time.Date(2026, 2, 10, 12, 0, 0, 0, time.UTC),
			answer{lifecycle.Active, "2025-12-01", "disabled 2026-02-28", "2025-12", "2024-09", "2025-12", "2026-02-08"}},
		{"just before the end date", end.Add(-time.Nanosecond),
			answer{lifecycle.Active, "2025-12-01", "disabled 2026-02-28", "2025-12", "2024-09", "2025-12", "2026-02-08"}},
		{"on the end date", end,
			answer{lifecycle.Disabled, "2026-02-28", "deleted 2026-05-29", "2025-12", "2024-09", "2025-12", "-"}},
		{"just after the end date", end.Add(time.Nanosecond),
			answer{lifecycle.Disabled, "2026-02-28", "deleted 2026-05-29", "2025-12", "2024-09", "2025-12", "-"}},
		{"deleted", time.Date(2026, 5, 29, 0, 0, 0, 0, time.UTC),
			answer{lifecycle.Deleted, "2026-05-29", "-", "2025-12", "2024-09", "2025-12", "-"}},
	}
	for _, tt := range tests {
		for _, loc := range []*time.Location{time.UTC, time.FixedZone("UTC-10", -10*3600)} {
			st, err := lc.At(tt.at.In(loc))
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			next := "-"
			if st.Next().IsValid() {
				next = st.Next().String() + " " + ymd(st.NextAt())
			}
			v := st.Versions()
			got := answer{st.State(), ymd(st.Since()), next, v.Lifecycle.Label(), v.Window.Label(), v.Commands.Label(), ymd(st.CancelWindowEnd())}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s: At(%s) mismatch (-want +got):\n%s", tt.name, tt.at.In(loc).Format(time.RFC3339Nano), diff)
			}
		}
	}
	for _, p := range lc.Phases() {
		if p.State == lifecycle.Expired {
			t.Errorf("mca-monthly has an Expired phase %+v; the 2025-12 version has none (R-LC-13)", p)
		}
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
	printChannels(&stdout, language.English)
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
