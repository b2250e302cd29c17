// Lapsepolicy validates, shows, diffs and exports lapse policy files (see
// package policy, "Policy files").
//
// Usage:
//
//	lapsepolicy validate FILE...
//	lapsepolicy show -channel CHANNEL -term TERM -at DATE [-product P] [-offer O] [-country CC] [-policy FILE]...
//	lapsepolicy diff [A] B
//	lapsepolicy export
//
// validate loads each file strictly (an overrides file onto the built-in
// table) and prints every problem with its line, column and JSON path.
//
// show prints the rules in force for a key at a date (2006-01-02 or an RFC
// 3339 time), each value with the table or layer and row it came from,
// then the citations of those rows. -policy loads a table file or an
// overrides file; further -policy files must be overrides and stack on
// top, in order. Without -policy, show uses the built-in table.
//
// diff compares the answers of two policies for every key and period and
// prints each changed value by JSON path, "-" old and "+" new, with the
// layer it came from. With one file, or with the word builtin for A or B,
// the built-in table is compared.
//
// export writes the built-in table as a policy file of kind "table".
//
// The exit code is 0 when all is well, 1 when a file has problems or the
// policies differ, and 2 for a usage error.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/lapse-go/lapse/policy"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage:
  lapsepolicy validate FILE...
  lapsepolicy show -channel CHANNEL -term TERM -at DATE [-product P] [-offer O] [-country CC] [-policy FILE]...
  lapsepolicy diff [A] B
  lapsepolicy export
`

// Exit codes.
const (
	exitOK       = 0
	exitProblems = 1
	exitUsage    = 2
)

// run runs the command with args (without the program name) and returns
// the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "validate":
		return validate(args[1:], stdout, stderr)
	case "show":
		return show(args[1:], stdout, stderr)
	case "diff":
		return diff(args[1:], stdout, stderr)
	case "export":
		return export(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "lapsepolicy: unknown command %q\n%s", args[0], usage)
	return exitUsage
}

// load loads a policy file; the word builtin is the built-in table.
func load(name string, base *policy.Table) (*policy.Table, error) {
	if name == "builtin" {
		return policy.Builtin(), nil
	}
	return policy.LoadFile(name, policy.LoadOptions{Base: base})
}

// printProblems prints err, one problem a line.
func printProblems(w io.Writer, err error) {
	var j interface{ Unwrap() []error }
	if errors.As(err, &j) {
		for _, e := range j.Unwrap() {
			fmt.Fprintln(w, e)
		}
		return
	}
	fmt.Fprintln(w, err)
}

// describe names a table and its layers, such as `overrides "21vianet"
// (2 rows) on builtin (20 rows)`.
func describe(t *policy.Table) string {
	base := t.Base()
	name := base.Name()
	if name == "" {
		name = "unnamed table"
	}
	s := fmt.Sprintf("%s (%s)", name, rows(len(base.Rows())))
	var layers []string
	for _, l := range t.Layers() {
		layers = append(layers, fmt.Sprintf("%q (%s)", l.Name(), rows(len(l.Overrides()))))
	}
	if len(layers) > 0 {
		s = "overrides " + strings.Join(layers, ", ") + " on " + s
	}
	return s
}

func rows(n int) string {
	if n == 1 {
		return "1 row"
	}
	return fmt.Sprintf("%d rows", n)
}

func validate(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintf(stderr, "lapsepolicy validate: no file given\n%s", usage)
		return exitUsage
	}
	code := exitOK
	for _, name := range args {
		t, err := load(name, nil)
		if err != nil {
			printProblems(stdout, err)
			code = exitProblems
			continue
		}
		fmt.Fprintf(stdout, "%s: ok: %s\n", name, describe(t))
	}
	return code
}

// files is a repeatable flag.
type files []string

// String and Set implement flag.Value.
func (f *files) String() string     { return strings.Join(*f, ",") }
func (f *files) Set(s string) error { *f = append(*f, s); return nil }

func parseInstant(s string) (time.Time, error) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("want a date such as 2026-03-31 or an RFC 3339 time, not %q", s)
	}
	return t, nil
}

// stack loads the -policy files: the first a table or overrides file, the
// others overrides layered on it.
func stack(names []string, stdout io.Writer) (*policy.Table, bool) {
	t := policy.Builtin()
	for i, name := range names {
		var base *policy.Table
		if i > 0 {
			base = t
		}
		next, err := load(name, base)
		if err != nil {
			printProblems(stdout, err)
			return nil, false
		}
		if i > 0 && len(next.Layers()) != len(t.Layers())+1 {
			fmt.Fprintf(stdout, "%s: a table file must come first; later files must be overrides\n", name)
			return nil, false
		}
		t = next
	}
	return t, true
}

func show(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("show", flag.ContinueOnError)
	fs.SetOutput(stderr)
	channel := fs.String("channel", "", "purchase channel: "+names(policy.Channels()))
	term := fs.String("term", "", "commitment term: "+names(policy.Terms()))
	product := fs.String("product", "", "product, such as "+string(policy.Copilot))
	offer := fs.String("offer", "", "offer id")
	country := fs.String("country", "", "country, ISO 3166-1 alpha-2, such as CN")
	at := fs.String("at", "", "date (2006-01-02) or RFC 3339 time")
	var policies files
	fs.Var(&policies, "policy", "policy file (repeatable; later files are overrides)")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	var k policy.Key
	var when time.Time
	var errs []string
	var err error
	if k.Channel, err = policy.ParseChannel(*channel); err != nil {
		errs = append(errs, "-channel: "+err.Error())
	}
	if k.Term, err = policy.ParseTerm(*term); err != nil {
		errs = append(errs, "-term: "+err.Error())
	}
	if when, err = parseInstant(*at); err != nil {
		errs = append(errs, "-at: "+err.Error())
	}
	if fs.NArg() > 0 {
		errs = append(errs, fmt.Sprintf("unexpected arguments %q", fs.Args()))
	}
	if len(errs) > 0 {
		fmt.Fprintf(stderr, "lapsepolicy show: %s\n", strings.Join(errs, "\nlapsepolicy show: "))
		return exitUsage
	}
	k.Product, k.Offer, k.Country = policy.Product(*product), *offer, *country

	t, ok := stack(policies, stdout)
	if !ok {
		return exitProblems
	}
	e, err := t.Effective(k, when)
	if err != nil {
		fmt.Fprintln(stdout, err)
		return exitProblems
	}
	fmt.Fprintf(stdout, "%s at %s\npolicy: %s\n\n", k, when.UTC().Format(time.RFC3339), describe(t))
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "FIELD\tVALUE\tFROM")
	for _, v := range e.Values {
		s := e.Sources[v.Source]
		fmt.Fprintf(tw, "%s\t%s\t%s\n", v.Path, v.JSON, source(s))
	}
	tw.Flush()
	fmt.Fprintln(stdout, "\nSOURCES")
	for _, s := range e.Sources {
		until := "open"
		if !s.Until.IsZero() {
			until = day(s.Until)
		}
		version := ""
		if s.Version != "" {
			version = ", version " + s.Version
		}
		fmt.Fprintf(stdout, "%s: in force %s to %s%s\n  rules:   %s\n  sources: %s\n", source(s), day(s.From), until, version, s.Cite.Rules, s.Cite.Sources)
	}
	return exitOK
}

func source(s policy.Source) string {
	name := s.Layer
	if name == "" {
		name = "table"
	}
	return fmt.Sprintf("%s rows[%d]", name, s.Row)
}

func day(t time.Time) string {
	t = t.UTC()
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339Nano)
}

func names[T fmt.Stringer](vs []T) string {
	var out []string
	for _, v := range vs {
		out = append(out, v.String())
	}
	return strings.Join(out, ", ")
}

func diff(args []string, stdout, stderr io.Writer) int {
	var a, b string
	switch len(args) {
	case 1:
		a, b = "builtin", args[0]
	case 2:
		a, b = args[0], args[1]
	default:
		fmt.Fprintf(stderr, "lapsepolicy diff: want one or two files\n%s", usage)
		return exitUsage
	}
	ta, errA := load(a, nil)
	tb, errB := load(b, nil)
	for _, err := range []error{errA, errB} {
		if err != nil {
			printProblems(stdout, err)
		}
	}
	if errA != nil || errB != nil {
		return exitProblems
	}
	changes, err := policy.Diff(ta, tb)
	if err != nil {
		fmt.Fprintln(stdout, err)
		return exitProblems
	}
	fmt.Fprintf(stdout, "--- %s: %s\n+++ %s: %s\n", a, describe(ta), b, describe(tb))
	if len(changes) == 0 {
		fmt.Fprintln(stdout, "no differences")
		return exitOK
	}
	var last string
	for _, c := range changes {
		if h := header(c); h != last {
			fmt.Fprintf(stdout, "@@ %s @@\n", h)
			last = h
		}
		if c.Path == "" {
			if c.Old == "" {
				fmt.Fprintf(stdout, "- no rule in force\n+ rules in force, version %s (%s)\n", c.New, layer(c.NewLayer))
			} else {
				fmt.Fprintf(stdout, "- rules in force, version %s (%s)\n+ no rule in force\n", c.Old, layer(c.OldLayer))
			}
			continue
		}
		fmt.Fprintf(stdout, "- %s = %s (%s)\n+ %s = %s (%s)\n", c.Path, c.Old, layer(c.OldLayer), c.Path, c.New, layer(c.NewLayer))
	}
	return exitProblems
}

func layer(name string) string {
	if name == "" {
		return "table"
	}
	return name
}

// header describes the keys and period of a change.
func header(c policy.Change) string {
	parts := []string{c.Channel.String()}
	if c.Terms == 0 {
		parts = append(parts, "every term")
	} else {
		parts = append(parts, c.Terms.String())
	}
	if c.Product != "" {
		parts = append(parts, "product "+string(c.Product))
	}
	if c.Offer != "" {
		parts = append(parts, "offer "+c.Offer)
	}
	if c.Country != "" {
		parts = append(parts, "country "+c.Country)
	}
	period := "from " + day(c.From)
	if !c.Until.IsZero() {
		period += " until " + day(c.Until)
	}
	return strings.Join(append(parts, period), ", ")
}

func export(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		fmt.Fprintf(stderr, "lapsepolicy export: unexpected arguments %q\n%s", args, usage)
		return exitUsage
	}
	if err := policy.Builtin().WriteJSON(stdout); err != nil {
		fmt.Fprintln(stderr, err)
		return exitProblems
	}
	return exitOK
}
