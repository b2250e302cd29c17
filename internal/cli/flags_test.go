package cli

import (
	"errors"
	"flag"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// testFlags is a flag set with a string, a repeatable, a bool and an int
// flag, and the values they were set to.
type testFlags struct {
	fs       *flag.FlagSet
	at       *string
	policies *[]string
	verbose  *bool
	n        *int
}

func newTestFlags() testFlags {
	fs := flag.NewFlagSet("prog cmd", flag.ContinueOnError)
	var policies []string
	f := testFlags{fs: fs, policies: &policies}
	f.at = fs.String("at", "", "date (2026-06-01) or time")
	fs.Func("policy", "policy file (repeatable)", func(s string) error { policies = append(policies, s); return nil })
	f.verbose = fs.Bool("v", false, "say more")
	f.n = fs.Int("n", 0, "how many")
	return f
}

func TestParse(t *testing.T) {
	type values struct {
		At       string
		Policies []string
		Verbose  bool
		N        int
	}
	const flags = "; want one of -at, -n, -policy, -v"
	tests := []struct {
		name     string
		args     []string
		wantArgs []string
		want     values
		wantErr  string // "" for none; "help" for flag.ErrHelp
	}{
		{name: "nothing", args: nil},
		{name: "flag and value", args: []string{"-at", "2026-06-01"}, want: values{At: "2026-06-01"}},
		{name: "equals", args: []string{"-at=2026-06-01"}, want: values{At: "2026-06-01"}},
		{name: "two dashes", args: []string{"--at", "2026-06-01"}, want: values{At: "2026-06-01"}},
		{name: "two dashes, equals", args: []string{"--at=2026-06-01"}, want: values{At: "2026-06-01"}},
		{name: "empty value", args: []string{"-at="}, want: values{At: ""}},
		{name: "value with dash", args: []string{"-at", "-h"}, want: values{At: "-h"}},
		{name: "repeated", args: []string{"-policy", "a", "-policy=b"}, want: values{Policies: []string{"a", "b"}}},
		{name: "later wins", args: []string{"-at", "x", "-at", "y"}, want: values{At: "y"}},
		{name: "bool", args: []string{"-v", "file"}, wantArgs: []string{"file"}, want: values{Verbose: true}},
		{name: "bool false", args: []string{"-v=false"}, want: values{Verbose: false}},
		{name: "int", args: []string{"-n", "3"}, want: values{N: 3}},
		{name: "mixed", args: []string{"a", "-at", "x", "b", "-v", "c"}, wantArgs: []string{"a", "b", "c"}, want: values{At: "x", Verbose: true}},
		{name: "stdin", args: []string{"-", "-v"}, wantArgs: []string{"-"}, want: values{Verbose: true}},
		{name: "terminator", args: []string{"-v", "--", "-h", "--", "-at"}, wantArgs: []string{"-h", "--", "-at"}, want: values{Verbose: true}},
		{name: "terminator last", args: []string{"a", "--"}, wantArgs: []string{"a"}},
		{name: "terminator as value", args: []string{"-at", "--", "b"}, wantArgs: []string{"b"}, want: values{At: "--"}},

		{name: "-h", args: []string{"-h"}, wantErr: "help"},
		{name: "-help", args: []string{"-help"}, wantErr: "help"},
		{name: "--help", args: []string{"--help"}, wantErr: "help"},
		{name: "help after args", args: []string{"file", "-h"}, wantErr: "help"},
		{name: "help after flags", args: []string{"-at", "x", "--help"}, wantErr: "help"},
		{name: "help word is an argument", args: []string{"help"}, wantArgs: []string{"help"}},
		{name: "help after terminator", args: []string{"--", "-h"}, wantArgs: []string{"-h"}},

		{name: "unknown", args: []string{"-chanel", "x"}, wantErr: `unknown flag "-chanel"` + flags},
		{name: "unknown, two dashes", args: []string{"--x=1"}, wantErr: `unknown flag "-x"` + flags},
		{name: "unknown in case", args: []string{"-AT", "x"}, wantErr: `unknown flag "-AT" (did you mean "-at"?)` + flags},
		{name: "number", args: []string{"-5"}, wantErr: `unknown flag "-5"` + flags},
		{name: "three dashes", args: []string{"---at", "x"}, wantErr: `bad flag syntax "---at"`},
		{name: "no name", args: []string{"-=x"}, wantErr: `bad flag syntax "-=x"`},
		{name: "no value", args: []string{"a", "-at"}, wantErr: `-at: needs a value`},
		{name: "bad int", args: []string{"-n", "three"}, wantErr: `-n: bad value "three": parse error`},
		{name: "bad bool", args: []string{"-v=maybe"}, wantErr: `-v: bad value "maybe": parse error`},
		{name: "error before help", args: []string{"-x", "-h"}, wantErr: `unknown flag "-x"` + flags},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newTestFlags()
			args, err := Parse(f.fs, tt.args)
			switch {
			case tt.wantErr == "help":
				if err != flag.ErrHelp {
					t.Fatalf("Parse(%q) = %q, %v; want flag.ErrHelp", tt.args, args, err)
				}
				return
			case tt.wantErr != "":
				var u *UsageError
				if !errors.As(err, &u) || err.Error() != tt.wantErr {
					t.Fatalf("Parse(%q) = %q, %v; want the usage error %q", tt.args, args, err, tt.wantErr)
				}
				return
			case err != nil:
				t.Fatalf("Parse(%q) error: %v", tt.args, err)
			}
			if diff := cmp.Diff(tt.wantArgs, args); diff != "" {
				t.Errorf("Parse(%q) arguments mismatch (-want +got):\n%s", tt.args, diff)
			}
			got := values{At: *f.at, Policies: *f.policies, Verbose: *f.verbose, N: *f.n}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Parse(%q) flags mismatch (-want +got):\n%s", tt.args, diff)
			}
		})
	}
}

// TestParseNoFlags checks the message for a command without flags, whose
// arguments may be files named like flags.
func TestParseNoFlags(t *testing.T) {
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	_, err := Parse(fs, []string{"a", "-b"})
	want := `unknown flag "-b": this command takes no flags (put -- before an argument that starts with -)`
	if err == nil || err.Error() != want || Code(err) != ExitUsage {
		t.Errorf("Parse(a -b) without flags = %v; want the usage error %q", err, want)
	}
	if args, err := Parse(fs, []string{"a", "--", "-b"}); err != nil || len(args) != 2 || args[1] != "-b" {
		t.Errorf("Parse(a -- -b) without flags = %q, %v; want [a -b]", args, err)
	}
}

// TestParseDefinedHelp checks that a command's own -h flag is its own.
func TestParseDefinedHelp(t *testing.T) {
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	human := fs.Bool("h", false, "human-readable sizes")
	if _, err := Parse(fs, []string{"-h"}); err != nil || !*human {
		t.Errorf("Parse(-h) with a -h flag = %v, -h = %v; want nil, true", err, *human)
	}
	if _, err := Parse(fs, []string{"-help"}); err != flag.ErrHelp {
		t.Errorf("Parse(-help) with a -h flag = %v; want flag.ErrHelp", err)
	}
}

func TestRequired(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{name: "all there", args: []string{"-at", "x", "-policy", "p"}},
		{name: "func flag set to empty", args: []string{"-at", "x", "-policy="}},
		{name: "one missing", args: []string{"-policy", "p"}, wantErr: "-at: missing; want date (2026-06-01) or time"},
		{name: "set empty", args: []string{"-at=", "-policy", "p"}, wantErr: "-at: missing; want date (2026-06-01) or time"},
		{name: "both missing", args: []string{"-v"}, wantErr: "-at: missing; want date (2026-06-01) or time\n-policy: missing; want policy file (repeatable)"},
	}
	for _, tt := range tests {
		f := newTestFlags()
		if _, err := Parse(f.fs, tt.args); err != nil {
			t.Fatal(err)
		}
		err := Required(f.fs, "at", "policy")
		if tt.wantErr == "" {
			if err != nil {
				t.Errorf("%s: Required = %v, want nil", tt.name, err)
			}
			continue
		}
		if err == nil || err.Error() != tt.wantErr || Code(err) != ExitUsage {
			t.Errorf("%s: Required = %v; want the usage error %q", tt.name, err, tt.wantErr)
		}
	}
}

// TestRequiredUndefined checks that asking for a flag the command does
// not define is the command's mistake, not the user's.
func TestRequiredUndefined(t *testing.T) {
	f := newTestFlags()
	err := Required(f.fs, "tz")
	if want := "cli: Required: prog cmd defines no flag -tz"; err == nil || err.Error() != want || Code(err) != ExitFinding {
		t.Errorf("Required(tz) = %v (exit %d); want %q (exit 1)", err, Code(err), want)
	}
}

func TestConflicts(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{name: "none", args: nil},
		{name: "one", args: []string{"-at", "x"}},
		{name: "others", args: []string{"-at", "x", "-n", "1"}},
		{name: "two", args: []string{"-v", "-at", "x"}, wantErr: "-at and -v cannot be used together"},
		{name: "three", args: []string{"-policy", "p", "-v", "-at", "x"}, wantErr: "-at, -v and -policy cannot be used together"},
		{name: "set to empty", args: []string{"-at=", "-v=false"}, wantErr: "-at and -v cannot be used together"},
	}
	for _, tt := range tests {
		f := newTestFlags()
		if _, err := Parse(f.fs, tt.args); err != nil {
			t.Fatal(err)
		}
		err := Conflicts(f.fs, "at", "v", "policy")
		if tt.wantErr == "" {
			if err != nil {
				t.Errorf("%s: Conflicts = %v, want nil", tt.name, err)
			}
			continue
		}
		var u *UsageError
		if !errors.As(err, &u) || err.Error() != tt.wantErr {
			t.Errorf("%s: Conflicts = %v; want the usage error %q", tt.name, err, tt.wantErr)
		}
	}
}
