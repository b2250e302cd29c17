package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// greeter is a program with a command of each kind.
var greeter = &Program{
	Name: "greeter",
	Doc:  "Greeter greets people.",
	Commands: []Command{
		{Name: "greet", Args: "[-loud] [-at DATE] NAME...", Doc: "Greet says hello to each NAME.", Run: greet},
		{Name: "diff", Doc: "Diff prints a difference and exits 1.", Run: func(fs *flag.FlagSet, args []string, stdout, _ io.Writer) error {
			if _, err := Parse(fs, args); err != nil {
				return err
			}
			fmt.Fprintln(stdout, "- a\n+ b")
			return ErrFinding
		}},
		{Name: "fail", Run: func(fs *flag.FlagSet, args []string, _, _ io.Writer) error {
			if _, err := Parse(fs, args); err != nil {
				return err
			}
			return errors.Join(errors.New("it broke"), errors.New("twice"))
		}},
	},
}

func greet(fs *flag.FlagSet, args []string, stdout, _ io.Writer) error {
	loud := fs.Bool("loud", false, "shout")
	at := fs.String("at", "", "date (2026-06-01)")
	names, err := Parse(fs, args)
	if err != nil {
		return err
	}
	if len(names) == 0 {
		return Usagef("no NAME given")
	}
	if *at != "" {
		if _, err := ParseDate(*at); err != nil {
			return FlagError("at", err)
		}
	}
	for _, n := range names {
		s := "hello, " + n
		if *loud {
			s = strings.ToUpper(s)
		}
		fmt.Fprintln(stdout, s)
	}
	return nil
}

func TestProgramRun(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
	}{
		{"no-command", nil, 2},
		{"h", []string{"-h"}, 0},
		{"help-flag", []string{"--help"}, 0},
		{"help", []string{"help"}, 0},
		{"help-h", []string{"help", "-h"}, 0},
		{"help-greet", []string{"help", "greet"}, 0},
		{"help-fail", []string{"help", "fail"}, 0},
		{"help-unknown", []string{"help", "gret"}, 2},
		{"help-two", []string{"help", "greet", "diff"}, 2},
		{"unknown-command", []string{"gret", "bob"}, 2},
		{"flag-first", []string{"-loud", "greet", "bob"}, 2},
		{"greet", []string{"greet", "bob", "-loud", "alice"}, 0},
		{"greet-h", []string{"greet", "-h"}, 0},
		{"greet-help-late", []string{"greet", "bob", "--help"}, 0},
		{"greet-terminator", []string{"greet", "--", "-h"}, 0},
		{"greet-no-name", []string{"greet", "-loud"}, 2},
		{"greet-unknown-flag", []string{"greet", "-lod", "bob"}, 2},
		{"greet-bad-date", []string{"greet", "-at", "2026-02-29", "bob"}, 2},
		{"diff", []string{"diff"}, 1},
		{"fail", []string{"fail"}, 1},
		{"fail-h", []string{"fail", "-h"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := greeter.Run(tt.args, &stdout, &stderr)
			got := fmt.Sprintf("$ greeter %s\nexit %d\n--- stdout\n%s--- stderr\n%s", strings.Join(tt.args, " "), code, stdout.String(), stderr.String())
			file := filepath.Join("testdata", tt.name+".golden")
			if *update {
				if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/cli -update)", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("Run(%q) mismatch (-want +got):\n%s", tt.args, diff)
			}
			if code != tt.wantCode {
				t.Errorf("Run(%q) = %d, want %d", tt.args, code, tt.wantCode)
			}
		})
	}
}

// TestProgramHelpDoesNothing checks that "help CMD" does not run CMD's
// work, and that a program holds nothing between runs.
func TestProgramHelpDoesNothing(t *testing.T) {
	ran := 0
	p := &Program{Name: "p", Commands: []Command{{Name: "c", Run: func(fs *flag.FlagSet, args []string, _, _ io.Writer) error {
		fs.Bool("v", false, "verbose")
		if _, err := Parse(fs, args); err != nil {
			return err
		}
		ran++
		return nil
	}}}}
	for i := 0; i < 2; i++ {
		var stdout bytes.Buffer
		if code := p.Run([]string{"help", "c"}, &stdout, io.Discard); code != 0 || !strings.Contains(stdout.String(), "-v\tverbose") {
			t.Errorf("help c = %d, %q; want 0 and c's flags", code, stdout.String())
		}
		if code := p.Run([]string{"c", "-v"}, io.Discard, io.Discard); code != 0 {
			t.Errorf("c -v = %d, want 0 (run %d)", code, i)
		}
	}
	if ran != 2 {
		t.Errorf("c ran %d times, want 2 (not for help)", ran)
	}
}
