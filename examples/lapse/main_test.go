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
	"github.com/lapse-go/lapse/internal/cli"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// noEnv is an environment without locale variables: English.
func noEnv(string) string { return "" }

// testNow is the clock of the tests: 2026-06-01T12:00Z.
var testNow = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

// result is what a run of lapse left.
type result struct {
	code           int
	stdout, stderr string
}

// lapse runs lapse with args and stdin at testNow, in no locale.
func lapse(args []string, stdin string) result {
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(stdin), &stdout, &stderr, clocktest.New(testNow), noEnv)
	return result{code, stdout.String(), stderr.String()}
}

// golden compares got with testdata/name, or writes it there with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", name, diff)
	}
}

// TestRunGolden holds a transcript of each command, in each of its
// formats, in testdata/*.golden. The flags of earlier versions (-timeline,
// -explain, -channels) write the same files as the commands they map to.
func TestRunGolden(t *testing.T) {
	const portfolioJSON = "testdata/portfolio.json"
	tests := []struct {
		golden string
		args   []string
		stdin  string
		code   int
	}{
		// The flags of earlier versions: lapse without a command.
		{golden: "portfolio-clock", args: nil},
		{golden: "portfolio-2026-04-15", args: []string{"-at", "2026-04-15"}},
		{golden: "portfolio-2026-08-10", args: []string{"-at", "2026-08-10T00:00:00Z"}},
		{golden: "timeline-mosa-annual", args: []string{"-timeline", "mosa-annual"}},
		{golden: "channels", args: []string{"-channels"}},
		{golden: "timeline-csp-trial", args: []string{"-timeline", "csp-trial"}},
		{golden: "explain-mosa-annual", args: []string{"-at", "2026-04-15", "-explain", "mosa-annual"}},
		{golden: "explain-csp-cancelled", args: []string{"-at", "2026-01-21", "-explain", "csp-cancelled"}},
		// R-LC-13, R-LC-14: the term ending 2026-02-28 is judged by the
		// 2025-12 version (no Expired), its window (opened at the renewal on
		// 2026-02-01) by the 2024-09 version.
		{golden: "timeline-mca-monthly", args: []string{"-timeline", "mca-monthly"}},
		{golden: "explain-mca-monthly", args: []string{"-at", "2026-02-10T12:00:00Z", "-explain", "mca-monthly"}},
		// Issue 14: the README example's explanation in each language.
		{golden: "explain-mosa-annual.de", args: []string{"-at", "2026-04-15", "-explain", "mosa-annual", "-lang", "de"}},
		{golden: "explain-mosa-annual.nl", args: []string{"-at", "2026-04-15", "-explain", "mosa-annual", "-lang", "nl"}},
		{golden: "explain-mosa-annual.da", args: []string{"-at", "2026-04-15", "-explain", "mosa-annual", "-lang", "da"}},
		{golden: "explain-csp-cancelled.de", args: []string{"-at", "2026-01-21", "-explain", "csp-cancelled", "-lang", "de"}},
		{golden: "portfolio-2026-08-10.de", args: []string{"-at", "2026-08-10T00:00:00Z", "-lang", "de"}},
		{golden: "timeline-csp-trial.da", args: []string{"-timeline", "csp-trial", "-lang", "da"}},
		{golden: "timeline-mca-monthly.nl", args: []string{"-timeline", "mca-monthly", "-lang", "nl"}},
		{golden: "channels.de", args: []string{"-channels", "-lang", "de"}},

		// The same as commands.
		{golden: "portfolio-clock", args: []string{"status"}},
		{golden: "portfolio-2026-04-15", args: []string{"status", "-at", "2026-04-15"}},
		{golden: "timeline-mosa-annual", args: []string{"timeline", "mosa-annual"}},
		{golden: "explain-mosa-annual", args: []string{"explain", "mosa-annual", "-at", "2026-04-15"}},
		{golden: "explain-mosa-annual.de", args: []string{"explain", "-lang", "de", "-at", "2026-04-15", "mosa-annual"}},
		{golden: "channels", args: []string{"channels"}},
		{golden: "channels.de", args: []string{"channels", "-lang", "de"}},
		// The user's own data: the built-in portfolio as JSON and CSV
		// answers as the built-in one does.
		{golden: "portfolio-2026-04-15", args: []string{"status", "-in", portfolioJSON, "-at", "2026-04-15"}},
		{golden: "portfolio-2026-04-15", args: []string{"status", "-in", "testdata/portfolio.csv", "-at", "2026-04-15"}},
		{golden: "portfolio-2026-04-15", args: []string{"-in", portfolioJSON, "-at", "2026-04-15"}},

		{golden: "help", args: []string{"help"}},
		{golden: "help-status", args: []string{"help", "status"}},

		// status in each format and zone.
		{golden: "status-2026-06-01.json", args: []string{"status", "-at", "2026-06-01", "-format", "json"}},
		{golden: "status-2026-06-01.csv", args: []string{"status", "-at", "2026-06-01", "-format", "csv"}},
		{golden: "status-2026-06-01.berlin", args: []string{"status", "-at", "2026-06-01", "-tz", "Europe/Berlin"}},
		{golden: "status-2026-06-01.berlin.csv", args: []string{"status", "-at", "2026-06-01", "-tz", "Europe/Berlin", "-format", "csv"}},
		{golden: "status-two", args: []string{"status", "csp-trial", "mosa-annual", "-at", "2026-06-01"}},
		// Before its purchase, a subscription has no status.
		{golden: "status-2026-04-15.json", args: []string{"status", "enterprise-monthly", "vl-agreement", "-at", "2026-04-15", "-format", "json"}},
		{golden: "status-2026-04-15.csv", args: []string{"status", "enterprise-monthly", "-at", "2026-04-15", "-format", "csv"}},
		{golden: "status-partnercenter", args: []string{"status", "-in", "testdata/partnercenter.json", "-in-format", "partnercenter", "-at", "2026-06-20"}},

		{golden: "timeline-mosa-annual.json", args: []string{"timeline", "mosa-annual", "-format", "json"}},
		{golden: "timeline-mosa-cancelled.csv", args: []string{"timeline", "mosa-cancelled", "-format", "csv"}},
		{golden: "timeline-mosa-cancelled.berlin", args: []string{"timeline", "mosa-cancelled", "-tz", "Europe/Berlin"}},

		{golden: "explain-mosa-annual.json", args: []string{"explain", "mosa-annual", "-at", "2026-04-15", "-format", "json"}},
		{golden: "explain-mosa-annual.de.csv", args: []string{"explain", "mosa-annual", "-at", "2026-04-15", "-format", "csv", "-lang", "de"}},
		{golden: "explain-mosa-annual.berlin", args: []string{"explain", "mosa-annual", "-at", "2026-04-15", "-tz", "Europe/Berlin"}},

		// check: accepted (0), refused (1), in each format and language.
		{golden: "check-reactivate", args: []string{"check", "mosa-annual", "-command", "reactivate", "-actor", "billing-admin", "-at", "2026-06-01"}},
		{golden: "check-reactivate.json", args: []string{"check", "mosa-annual", "-command", "reactivate", "-actor", "billing-admin", "-at", "2026-06-01", "-format", "json"}},
		{golden: "check-reactivate-user", args: []string{"check", "mosa-annual", "-command", "reactivate", "-actor", "user", "-at", "2026-06-01"}, code: 1},
		{golden: "check-reactivate-user.de", args: []string{"check", "mosa-annual", "-command", "reactivate", "-actor", "user", "-at", "2026-06-01", "-lang", "de"}, code: 1},
		{golden: "check-reactivate-user.json", args: []string{"check", "mosa-annual", "-command", "reactivate", "-actor", "user", "-at", "2026-06-01", "-format", "json"}, code: 1},
		{golden: "check-add-licenses", args: []string{"check", "mca-annual", "-command", "add-licenses", "-licenses", "3", "-actor", "billing-account-owner", "-at", "2026-06-01"}},
		// R-CAN-14: CSP new commerce cancels within 168 hours of the purchase.
		{golden: "check-cancel-late", args: []string{"check", "new", "-in", "testdata/new.csv", "-command", "cancel-now", "-actor", "partner", "-at", "2026-01-22T10:01"}, code: 1},

		{golden: "apply-reactivate.json", args: []string{"apply", "mosa-annual", "-command", "reactivate", "-actor", "billing-admin", "-at", "2026-06-01"}},

		// quote: a prorated refund (0), and none after the window (1).
		{golden: "quote-cancel", args: []string{"quote", "new", "-in", "testdata/new.csv", "-command", "cancel-now", "-actor", "partner", "-at", "2026-01-17", "-price", "12.50", "-currency", "USD", "-billing", "monthly"}},
		{golden: "quote-cancel.json", args: []string{"quote", "new", "-in", "testdata/new.csv", "-command", "cancel-now", "-actor", "partner", "-at", "2026-01-17", "-price", "12.50", "-currency", "eur", "-format", "json"}},
		{golden: "quote-cancel-late", args: []string{"quote", "new", "-in", "testdata/new.csv", "-command", "cancel-now", "-actor", "partner", "-at", "2026-02-17", "-price", "12.50", "-currency", "USD"}, code: 1},
		{golden: "quote-remove-licenses", args: []string{"quote", "new", "-in", "testdata/new.csv", "-command", "remove-licenses", "-licenses", "5", "-actor", "partner", "-at", "2026-01-17T09:00:00Z", "-price", "12.50", "-currency", "USD"}},

		{golden: "deadlines-2026-06-01-30d", args: []string{"deadlines", "-from", "2026-06-01", "-within", "30d"}},
		{golden: "deadlines-2026-06-01-30d.json", args: []string{"deadlines", "-from", "2026-06-01", "-within", "30d", "-format", "json"}},
		{golden: "deadlines-2026-06-01-30d.csv", args: []string{"deadlines", "-from", "2026-06-01", "-within", "30d", "-format", "csv"}},
		{golden: "deadlines-2026-06-01-30d.berlin", args: []string{"deadlines", "-from", "2026-06-01", "-within", "30d", "-tz", "Europe/Berlin"}},
		{golden: "deadlines-clock", args: []string{"deadlines"}},
		{golden: "deadlines-mosa-annual", args: []string{"deadlines", "mosa-annual", "-from", "2026-02-01", "-to", "2026-12-31"}},
		{golden: "deadlines-none", args: []string{"deadlines", "direct-trial", "-from", "2026-06-01", "-within", "2w"}},

		{golden: "diagram-csp-nce.mmd", args: []string{"diagram", "-channel", "csp-nce"}},
		{golden: "diagram-volume-licensing.dot", args: []string{"diagram", "-channel", "ea", "-format", "dot"}}, // ea is an alias
	}
	for _, tt := range tests {
		t.Run(strings.Join(append([]string{tt.golden}, tt.args...), " "), func(t *testing.T) {
			r := lapse(tt.args, tt.stdin)
			if r.code != tt.code {
				t.Fatalf("lapse %q = %d, want %d; stderr:\n%s", tt.args, r.code, tt.code, r.stderr)
			}
			if r.stderr != "" {
				t.Errorf("lapse %q wrote on stderr:\n%s", tt.args, r.stderr)
			}
			golden(t, tt.golden+".golden", r.stdout)
		})
	}
}

// TestCommandWindow: check and quote answer at the instant given, to the
// nanosecond. R-CAN-14 and DC-5: a CSP new-commerce subscription bought at
// 2026-01-15T10:00Z can be cancelled, with a refund, through the 168th
// hour after its purchase, the boundary included, and not after.
func TestCommandWindow(t *testing.T) {
	tests := []struct {
		at   string
		code int
	}{
		{"2026-01-22T09:59:59.999999999Z", 0},
		{"2026-01-22T10:00:00Z", 0},
		{"2026-01-22T10:00:00.000000001Z", 1},
		{"2026-01-22T11:00:00+01:00", 0}, // the same instant as 10:00Z
	}
	for _, tt := range tests {
		base := []string{"-in", "testdata/new.csv", "-command", "cancel-now", "-actor", "partner", "-at", tt.at}
		for _, args := range [][]string{
			append([]string{"check", "new"}, base...),
			append([]string{"quote", "new", "-price", "10", "-currency", "USD"}, base...),
		} {
			r := lapse(args, "")
			if r.code != tt.code {
				t.Errorf("lapse %q = %d, want %d; stdout:\n%s\nstderr:\n%s", args, r.code, tt.code, r.stdout, r.stderr)
			}
			if refused := strings.Contains(r.stdout, "refused:"); refused != (tt.code == 1) {
				t.Errorf("lapse %q says refused %v, want %v:\n%s", args, refused, tt.code == 1, r.stdout)
			}
		}
	}
}

// TestFixtures keeps testdata/portfolio.json and portfolio.csv equal to
// what export writes for the built-in portfolio (go test -update rewrites
// them).
func TestFixtures(t *testing.T) {
	for _, tt := range []struct{ file, format string }{{"portfolio.json", "json"}, {"portfolio.csv", "csv"}} {
		r := lapse([]string{"export", "-format", tt.format}, "")
		if r.code != 0 {
			t.Fatalf("export -format %s = %d; stderr:\n%s", tt.format, r.code, r.stderr)
		}
		golden(t, tt.file, r.stdout)
	}
}

// TestRunLocale: without -lang the words follow LC_ALL, LC_MESSAGES and
// LANG; -lang wins over them; a locale without a catalog is English, not
// an error (the environment was not set for lapse).
func TestRunLocale(t *testing.T) {
	args := []string{"-at", "2026-04-15", "-explain", "mosa-annual"}
	readGolden := func(name string) string {
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
		{"explain command", map[string]string{"LANG": "de_DE.UTF-8"}, []string{"explain", "mosa-annual", "-at", "2026-04-15"}, "explain-mosa-annual.de"},
		// deadlines has no -lang: its words are English whatever the locale.
		{"deadlines in English", map[string]string{"LANG": "de_DE.UTF-8"}, []string{"deadlines", "-from", "2026-06-01", "-within", "30d"}, "deadlines-2026-06-01-30d"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		if code := run(tt.args, strings.NewReader(""), &stdout, &stderr, clocktest.New(testNow), func(k string) string { return tt.env[k] }); code != 0 {
			t.Fatalf("%s: run(%q) = %d; stderr:\n%s", tt.name, tt.args, code, stderr.String())
		}
		if diff := cmp.Diff(readGolden(tt.want), stdout.String()); diff != "" {
			t.Errorf("%s: run(%q) with %v mismatch with %s (-want +got):\n%s", tt.name, tt.args, tt.env, tt.want, diff)
		}
	}
}

// builtin returns the built-in portfolio judged against the built-in
// table.
func builtin(t *testing.T) *portfolio {
	t.Helper()
	o := newOpts(&env{stdin: strings.NewReader(""), clk: clocktest.New(testNow), getenv: noEnv}, flag.NewFlagSet("test", flag.ContinueOnError))
	o.table = policy.Builtin()
	p, err := o.load()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestBuiltinPortfolio: every subscription of the built-in portfolio is
// valid and judged, with an id of its own.
func TestBuiltinPortfolio(t *testing.T) {
	p := builtin(t)
	if got, want := len(p.entries), len(builtinPortfolio()); got != want {
		t.Fatalf("the built-in portfolio judged %d subscriptions, want %d", got, want)
	}
	for _, en := range p.entries {
		if en.src != "builtin" || !en.at.IsZero() {
			t.Errorf("%s: src %q, at %v; want builtin and no instant", en.id(), en.src, en.at)
		}
	}
}

// TestPortfolioCrossesVersions checks the portfolio's mca-monthly
// subscription, judged once against the built-in table: bought under the
// 2024-09 MCA version (a seven-day window, R-CAN-3), it renews into a term
// ending 2026-02-28 that the 2025-12 version judges (R-LC-13, R-LC-14): no
// Expired state, Disabled from 2026-02-28, Deleted from 2026-05-29.
func TestPortfolioCrossesVersions(t *testing.T) {
	en, err := builtin(t).find("mca-monthly")
	if err != nil {
		t.Fatal(err)
	}
	lc := en.lc
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
				next = st.Next().String() + " " + utcView.when(st.NextAt())
			}
			v := st.Versions()
			got := answer{st.State(), utcView.when(st.Since()), next, v.Lifecycle.Label(), v.Window.Label(), v.Commands.Label(), utcView.when(st.CancelWindowEnd())}
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

// readme returns README.md.
func readme(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestReadmeChannelTable keeps README.md true: its channel table is the
// output of lapse channels.
func TestReadmeChannelTable(t *testing.T) {
	var stdout bytes.Buffer
	if err := writeChannels(&stdout, utcView); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(readme(t), stdout.String()) {
		t.Errorf("README.md does not hold the output of `go run ./examples/lapse channels`; paste it in:\n%s", stdout.String())
	}
}

// TestReadmeDiagrams keeps README.md true: it shows the Mermaid diagram of
// every channel as lifecycle.Diagram draws it, which lapse diagram
// prints.
func TestReadmeDiagrams(t *testing.T) {
	text := readme(t)
	for _, ch := range policy.Channels() {
		d, err := lifecycle.Diagram(ch, lifecycle.Mermaid)
		if err != nil {
			t.Fatalf("Diagram(%s): %v", ch, err)
		}
		if !strings.Contains(text, "```mermaid\n"+d) {
			t.Errorf("README.md does not show the Mermaid diagram of %s:\n%s", ch, d)
		}
		if r := lapse([]string{"diagram", "-channel", ch.String()}, ""); r.code != 0 || r.stdout != d {
			t.Errorf("lapse diagram -channel %s = %d, %q; want 0 and lifecycle.Diagram's %q", ch, r.code, r.stdout, d)
		}
	}
}

// TestReadmeCommands keeps README.md's command-line section true: each
// command it shows in a console block (lines "$ go run ./examples/lapse
// …", a pipe of two at most) writes the output shown under it.
func TestReadmeCommands(t *testing.T) {
	text := readme(t)
	const prompt = "$ go run ./examples/lapse"
	n := 0
	for _, block := range strings.Split(text, "```console\n")[1:] {
		block = block[:strings.Index(block, "```")]
		lines := strings.SplitAfter(block, "\n")
		for i := 0; i < len(lines); {
			line := strings.TrimSuffix(lines[i], "\n")
			if !strings.HasPrefix(line, prompt) {
				i++
				continue
			}
			var want strings.Builder
			j := i + 1
			for ; j < len(lines) && !strings.HasPrefix(lines[j], "$ "); j++ {
				want.WriteString(lines[j])
			}
			got := runShown(t, line)
			if diff := cmp.Diff(strings.TrimRight(want.String(), "\n"), strings.TrimRight(got, "\n")); diff != "" {
				t.Errorf("README.md shows for %q (-README +lapse):\n%s", line, diff)
			}
			n++
			i = j
		}
	}
	if n < 3 {
		t.Errorf("README.md shows %d lapse commands with their output; want the pipe and its parts", n)
	}
	// Its CSV example reads.
	for _, block := range strings.Split(text, "```csv\n")[1:] {
		block = block[:strings.Index(block, "```")]
		if _, err := decodeCSV([]byte(block), "README.md"); err != nil {
			t.Errorf("README.md's CSV example does not read: %v\n%s", err, block)
		}
	}
}

// runShown runs a command line of README.md: go run ./examples/lapse
// ARGS, or two of them joined by a pipe, the second reading the first's
// output. The path of -in is from the repository root.
func runShown(t *testing.T, line string) string {
	t.Helper()
	in := ""
	var out string
	for _, part := range strings.Split(strings.TrimPrefix(line, "$ "), " | ") {
		fields := strings.Fields(part)
		if len(fields) < 3 || fields[0] != "go" || fields[1] != "run" || fields[2] != "./examples/lapse" {
			t.Fatalf("README.md: %q: want go run ./examples/lapse …", part)
		}
		args := fields[3:]
		for i, a := range args {
			if rel, ok := strings.CutPrefix(a, "examples/lapse/"); ok {
				args[i] = rel
			}
		}
		var stdout, stderr bytes.Buffer
		code := run(args, strings.NewReader(in), &stdout, &stderr, clocktest.New(testNow), noEnv)
		if code != cli.ExitOK {
			t.Fatalf("README.md: %q = %d; stderr:\n%s", part, code, stderr.String())
		}
		out, in = stdout.String(), stdout.String()
	}
	return out
}
