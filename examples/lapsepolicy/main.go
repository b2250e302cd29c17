// Lapsepolicy validates, shows, diffs and exports lapse policy files (see
// package policy, "Policy files").
//
// Usage:
//
//	lapsepolicy validate FILE...
//	lapsepolicy show -channel CHANNEL -term TERM -at DATE [-product P] [-offer O] [-country CC] [-policy FILE]...
//	lapsepolicy diff [A] B
//	lapsepolicy export
//	lapsepolicy help [COMMAND]
//
// validate loads each file strictly (an overrides file onto the built-in
// table), prints "FILE: ok" on stdout for each good one, and every
// problem of the others on stderr with its line, column and JSON path.
//
// show prints the rules in force for a key at an instant, each value with
// the table or layer and row it came from, then the citations of those
// rows. -at is a date (2026-03-31, its midnight UTC), a time in UTC
// (2026-03-31T09:00) or a time with an offset (2026-03-31T09:00+08:00),
// read as every lapse command reads them. -policy loads a table file or an
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
// Flags may come before or after the arguments; after "--" every
// argument is a file, so "validate -- -h" validates a file named -h.
// "lapsepolicy COMMAND -h" and "lapsepolicy help COMMAND" print a
// command's flags.
//
// The exit code is 0 when all is well; 1 when a file has problems, no
// rule is in force, or the policies differ; and 2 for a usage error (an
// unknown command or flag, a missing or bad value, a table file after an
// overrides file in -policy). Problems and usage errors go to stderr.
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

	"github.com/lapse-go/lapse/internal/cli"
	"github.com/lapse-go/lapse/policy"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// program is lapsepolicy's commands.
var program = &cli.Program{
	Name: "lapsepolicy",
	Doc:  "Lapsepolicy validates, shows, diffs and exports lapse policy files.",
	Commands: []cli.Command{
		{
			Name: "validate", Args: "FILE...", Run: validate,
			Doc: `Validate loads each file strictly (an overrides file onto the built-in
table), prints "FILE: ok" on stdout for each good one, and every problem
of the others on stderr with its line, column and JSON path. It exits 1
when a file has problems.`,
		},
		{
			Name: "show", Args: "-channel CHANNEL -term TERM -at DATE [-product P] [-offer O] [-country CC] [-policy FILE]...", Run: show,
			Doc: `Show prints the rules in force for a key at an instant, each value with
the table or layer and row it came from, then the citations of those
rows. -policy loads a table file or an overrides file; further -policy
files must be overrides and stack on top, in order. Without -policy,
show uses the built-in table. It exits 1 when no rule is in force.`,
		},
		{
			Name: "diff", Args: "[A] B", Run: diff,
			Doc: `Diff compares the answers of two policies for every key and period and
prints each changed value by JSON path, "-" old and "+" new, with the
layer it came from. With one file, or with the word builtin for A or B,
the built-in table is compared. It exits 1 when the policies differ.`,
		},
		{
			Name: "export", Run: export,
			Doc: `Export writes the built-in table as a policy file of kind "table".`,
		},
	},
}

// run runs the command with args (without the program name) and returns
// the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	return program.Run(args, stdout, stderr)
}

// load loads a policy file; the word builtin is the built-in table.
func load(name string, base *policy.Table) (*policy.Table, error) {
	if name == "builtin" {
		return policy.Builtin(), nil
	}
	return policy.LoadFile(name, policy.LoadOptions{Base: base})
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

func validate(fs *flag.FlagSet, args []string, stdout, _ io.Writer) error {
	names, err := cli.Parse(fs, args)
	if err != nil {
		return err
	}
	if len(names) == 0 {
		return cli.Usagef("no file given")
	}
	var problems []error
	for _, name := range names {
		t, err := load(name, nil)
		if err != nil {
			problems = append(problems, err)
			continue
		}
		fmt.Fprintf(stdout, "%s: ok: %s\n", name, describe(t))
	}
	return errors.Join(problems...)
}

func show(fs *flag.FlagSet, args []string, stdout, _ io.Writer) error {
	channel := fs.String("channel", "", "purchase channel: "+names(policy.Channels()))
	term := fs.String("term", "", "commitment term: "+names(policy.Terms()))
	product := fs.String("product", "", "product, such as "+string(policy.Copilot))
	offer := fs.String("offer", "", "offer id")
	country := fs.String("country", "", "country, ISO 3166-1 alpha-2, such as CN")
	at := fs.String("at", "", "date (2026-03-31, midnight UTC) or time (2026-03-31T09:00 in UTC, 2026-03-31T09:00+08:00)")
	var policies cli.Strings
	fs.Var(&policies, "policy", "policy file (repeatable; later files are overrides)")
	rest, err := cli.Parse(fs, args)
	if err != nil {
		return err
	}
	var k policy.Key
	var when time.Time
	var errs []error
	// need checks that the flag name is set and parses its value.
	need := func(name string, parse func() error) {
		if err := cli.Required(fs, name); err != nil {
			errs = append(errs, err)
			return
		}
		errs = append(errs, cli.FlagError(name, parse()))
	}
	need("channel", func() (err error) { k.Channel, err = policy.ParseChannel(*channel); return err })
	need("term", func() (err error) { k.Term, err = policy.ParseTerm(*term); return err })
	need("at", func() (err error) { when, err = cli.ParseInstant(*at, time.UTC); return err })
	if len(rest) > 0 {
		errs = append(errs, cli.Usagef("unexpected arguments %q", rest))
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	k.Product, k.Offer, k.Country = policy.Product(*product), *offer, *country

	t, err := cli.Policy(policies)
	if err != nil {
		return err
	}
	e, err := t.Effective(k, when)
	if err != nil {
		return err
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
	return nil
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

func diff(fs *flag.FlagSet, args []string, stdout, _ io.Writer) error {
	files, err := cli.Parse(fs, args)
	if err != nil {
		return err
	}
	var a, b string
	switch len(files) {
	case 1:
		a, b = "builtin", files[0]
	case 2:
		a, b = files[0], files[1]
	default:
		return cli.Usagef("want one or two files, not %d", len(files))
	}
	ta, errA := load(a, nil)
	tb, errB := load(b, nil)
	if err := errors.Join(errA, errB); err != nil {
		return err
	}
	changes, err := policy.Diff(ta, tb)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "--- %s: %s\n+++ %s: %s\n", a, describe(ta), b, describe(tb))
	if len(changes) == 0 {
		fmt.Fprintln(stdout, "no differences")
		return nil
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
	return cli.ErrFinding
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

func export(fs *flag.FlagSet, args []string, stdout, _ io.Writer) error {
	rest, err := cli.Parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return cli.Usagef("unexpected arguments %q", rest)
	}
	return policy.Builtin().WriteJSON(stdout)
}
