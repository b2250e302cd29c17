package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lapse-go/lapse/clock/clocktest"
)

// TestRun runs the command as README does, twice on one database, and
// its usage errors.
func TestRun(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	clk := clocktest.New(start)
	tests := []struct {
		name     string
		args     []string
		code     int
		out, err string // substrings
	}{
		{"seed and run", []string{"-db", db, "-seed", "-within", "14d"}, 0,
			"seeded 5 subscriptions", ""},
		{"seed again", []string{"-db", db, "-seed", "-within", "14d"}, 0,
			"already holds 5 subscriptions; not seeding\n2026-11-29T02:00:00Z: 3 found, 0 new, 0 sent", ""},
		// A week later the window runs from the last run: the three notices
		// due meanwhile are found again, and only the new one is sent.
		{"a fixed instant a week later", []string{"-db", db, "-at", "2026-12-06T02:00:00Z"}, 0,
			"notice litware-enterprise becomes Deleted at 2026-12-14T00:00:00Z\n2026-12-06T02:00:00Z: 4 found, 1 new, 1 sent", ""},
		{"no -db", nil, 2, "", "-db: missing"},
		{"bad -within", []string{"-db", db, "-within", "0d"}, 2, "", "-within"},
		{"bad -at", []string{"-db", db, "-at", "2026-02-30"}, 2, "", "-at"},
		{"-every with -at", []string{"-db", db, "-every", "24h", "-at", "2026-12-01"}, 2, "", "-every and -at"},
		{"an argument", []string{"-db", db, "extra"}, 2, "", `unexpected argument "extra"`},
		{"help", []string{"-h"}, 0, "usage: nightly -db FILE", ""},
		{"a directory as database", []string{"-db", t.TempDir()}, 1, "", "nightly:"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), tt.args, &stdout, &stderr, clk)
		if code != tt.code || !strings.Contains(stdout.String(), tt.out) || !strings.Contains(stderr.String(), tt.err) {
			t.Errorf("%s: run(%q) = %d\nstdout:\n%s\nstderr:\n%s\nwant %d, stdout with %q, stderr with %q",
				tt.name, tt.args, code, stdout.String(), stderr.String(), tt.code, tt.out, tt.err)
		}
	}
}
