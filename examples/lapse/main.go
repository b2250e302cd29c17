// Command lapse is lapse's main example: it judges Microsoft 365
// subscriptions — the user's own, read as JSON or CSV, or a built-in
// portfolio of one per purchase channel taken from the acceptance cases
// of the domain specification — against the built-in policy table (or
// policy files), and answers at an instant: each one's state, what comes
// next, the last day it can be reactivated and the last day its data may
// still exist, its phases, the reasons behind its status, whether a
// command would be accepted, what a cancellation refunds, and the
// deadlines ahead.
//
// Usage:
//
//	lapse status    [ID...] [-at T] [-format table|json|csv]
//	lapse timeline  ID [-format table|json|csv]
//	lapse explain   ID [-at T] [-format table|json|csv]
//	lapse check     ID -command KIND -actor ROLE [-at T] [-licenses N] [-format table|json]
//	lapse apply     ID -command KIND -actor ROLE [-at T] [-licenses N]
//	lapse quote     ID -command KIND -actor ROLE -price AMOUNT -currency CODE [-billing TERM] [-at T] [-format table|json]
//	lapse deadlines [ID...] [-from T] [-within 14d | -to T] [-format table|json|csv]
//	lapse diagram   -channel C [-format mermaid|dot]
//	lapse channels
//	lapse export    [-format json|csv]
//	lapse help      [COMMAND]
//
// Every command but diagram and channels reads subscriptions with -in
// FILE (- for standard input; default the built-in portfolio) and
// -in-format auto|json|csv|partnercenter, and judges them with -policy
// FILE (repeatable: a table or overrides on the built-in table, then
// overrides). Instants are written in the zone of -tz (default UTC; days
// stay days), words in the language of -lang.
//
// The input is JSON or CSV. JSON is a stream of values — one document,
// an array, or one per line (JSON Lines) — each a lapse-subscription/v1
// document (docs/subscription-json.md) or a status record, a line of
// status -format json, so that the commands pipe:
//
//	lapse status -at 2026-06-01 -format json | lapse deadlines -within 30d -in -
//
// CSV has a header line naming the columns, the fields of
// lapse-subscription/v1 in snake_case, with the history in one column
// ("kind@instant@actor;…"; see csvform.go). -in-format partnercenter
// reads Partner Center's subscription JSON (package
// lifecycle/partnercenter).
//
// Without a command, lapse runs status, so that "lapse -at 2026-06-01"
// prints the built-in portfolio; the flags of earlier versions still
// work: -timeline ID, -explain ID and -channels run those commands.
//
// -lang picks the language of the words: en (the default), de, nl or da,
// as a BCP 47 tag or a POSIX locale ("de_DE.UTF-8"); a language lapse has
// no catalog for is a usage error. Without -lang, lapse reads LC_ALL,
// LC_MESSAGES and LANG, and a locale it has no catalog for ("C",
// "fr_FR.UTF-8") means English. Dates in the tables stay ISO 8601; the
// explanation writes them as the language does. The headings of check,
// quote and deadlines are in English.
//
// The exit code is 0 when all is well, 1 for a refusal (check, apply,
// quote) or a problem with the input or the policy, and 2 for a usage
// error — the same codes as lapsepolicy's.
//
// Without -at (or -from) it answers at the instant of the input's status
// records, else at the system clock's now: the only place in lapse that
// reads it.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/internal/cli"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, clock.System(), os.Getenv))
}

// commands are lapse's commands, reading what they need besides their
// arguments from e.
type commands struct {
	e *env
}

const programDoc = `Lapse judges Microsoft 365 subscriptions and answers at an instant: state,
what comes next, deadlines, reasons, and whether a command is accepted.

Subscriptions come from -in FILE (- for standard input; default the
built-in portfolio): JSON — lapse-subscription/v1 documents or the status
records of status -format json, one per line, in an array, or alone —,
CSV with a header line (-in-format csv, or a .csv file), or Partner
Center JSON (-in-format partnercenter). -policy FILE judges them by a
policy file instead of the built-in table.

Without a command, lapse runs status; the flags -timeline ID, -explain ID
and -channels of earlier versions run those commands:

  lapse -at 2026-06-01
  lapse -at 2026-04-15 -explain mosa-annual`

// program returns lapse's commands as a cli.Program.
func (c *commands) program() *cli.Program {
	return &cli.Program{
		Name: "lapse",
		Doc:  programDoc,
		Commands: []cli.Command{
			{Name: "status", Args: "[ID...] [-at T] [-format table|json|csv] [-in FILE] [-policy FILE]...", Run: c.status, Doc: statusDoc},
			{Name: "timeline", Args: "ID [-format table|json|csv] [-in FILE] [-policy FILE]...", Run: c.timeline, Doc: timelineDoc},
			{Name: "explain", Args: "ID [-at T] [-format table|json|csv] [-lang L] [-in FILE] [-policy FILE]...", Run: c.explain, Doc: explainDoc},
			{Name: "check", Args: "ID -command KIND -actor ROLE [-at T] [-licenses N] [-format table|json] [-in FILE]", Run: c.check, Doc: checkDoc},
			{Name: "apply", Args: "ID -command KIND -actor ROLE [-at T] [-licenses N] [-in FILE]", Run: c.apply, Doc: applyDoc},
			{Name: "quote", Args: "ID -command KIND -actor ROLE -price AMOUNT -currency CODE [-billing TERM] [-at T] [-format table|json]", Run: c.quote, Doc: quoteDoc},
			{Name: "deadlines", Args: "[ID...] [-from T] [-within 14d | -to T] [-format table|json|csv] [-in FILE]", Run: c.deadlines, Doc: deadlinesDoc},
			{Name: "diagram", Args: "-channel C [-format mermaid|dot]", Run: c.diagram, Doc: diagramDoc},
			{Name: "channels", Args: "[-lang L]", Run: c.channels, Doc: channelsDoc},
			{Name: "export", Args: "[-format json|csv] [-in FILE]", Run: c.export, Doc: exportDoc},
		},
	}
}

// run runs lapse with args (without the program name) and returns the
// exit code. stdin is read for -in -, clk for the default instant, getenv
// for the locale (os.Getenv, or a test's stand-in).
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, clk clock.Clock, getenv func(string) string) int {
	c := &commands{e: &env{stdin: stdin, clk: clk, getenv: getenv}}
	if len(args) == 0 || (len(args[0]) > 1 && args[0][0] == '-' && !isHelp(args[0])) {
		return c.legacy(args, stdout, stderr)
	}
	return c.program().Run(args, stdout, stderr)
}

func isHelp(arg string) bool { return arg == "-h" || arg == "-help" || arg == "--help" }

const legacyUsage = "usage: lapse [-at T] [-timeline ID | -explain ID | -channels] [-lang L] [flags of status]; run 'lapse help' for the commands"

// legacy runs lapse without a command: status, or, with the flags of
// earlier versions, timeline (-timeline ID), explain (-explain ID) or
// channels (-channels).
func (c *commands) legacy(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("lapse", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	o := c.statusFlags(fs)
	timeline := fs.String("timeline", "", "print the phases of the subscription with this id (lapse timeline ID)")
	explain := fs.String("explain", "", "print the reasons behind the status of the subscription with this id (lapse explain ID)")
	channels := fs.Bool("channels", false, "print the built-in policy table as a Markdown table (lapse channels)")
	err := func() error {
		rest, err := cli.Parse(fs, args)
		if err != nil {
			return err
		}
		if len(rest) > 0 {
			for _, cmd := range c.program().Commands {
				if cmd.Name == rest[0] {
					return cli.Usagef("flag %s before the command %s; give the command first, then its flags", args[0], cmd.Name)
				}
			}
			return noArgs(rest)
		}
		if err := cli.Conflicts(fs, "timeline", "explain", "channels"); err != nil {
			return err
		}
		// The flags a command does not read conflict with it.
		for _, f := range []string{"in", "in-format", "policy", "at", "tz", "format"} {
			if err := cli.Conflicts(fs, "channels", f); err != nil {
				return err
			}
		}
		if err := cli.Conflicts(fs, "timeline", "at"); err != nil {
			return err
		}
		if err := o.settle(); err != nil {
			return err
		}
		switch {
		case *channels:
			return writeChannels(stdout, o.view())
		case *timeline != "":
			return o.writeTimeline(stdout, *timeline)
		case *explain != "":
			return o.writeExplanation(stdout, *explain)
		}
		return o.writeStatus(stdout, nil)
	}()
	if errors.Is(err, flag.ErrHelp) {
		return c.program().Run([]string{"help"}, stdout, stderr)
	}
	code := cli.Report(stderr, "lapse", err)
	if code == cli.ExitUsage {
		fmt.Fprintln(stderr, legacyUsage)
	}
	return code
}
