package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/internal/cli"
	"github.com/lapse-go/lapse/lang"
	"github.com/lapse-go/lapse/policy"
)

// env is what a run reads besides its arguments: standard input (for
// -in -), the clock (for -at's default) and the environment (for -lang's).
type env struct {
	stdin  io.Reader
	clk    clock.Clock
	getenv func(string) string
}

// opts are the flags the commands share. A command registers the groups
// it reads (input, an instant, -tz, -lang, -format) on its flag set, parses
// its arguments with cli.Parse, then calls settle, which checks the values
// and the conflicts between them before anything is read.
type opts struct {
	e  *env
	fs *flag.FlagSet

	in, inFormat string
	policies     cli.Strings

	atName string // "at", or "from" for deadlines; "" when the command takes no instant
	atSet  bool
	at     string
	atTime time.Time // -at parsed by settle, when atSet
	tz     string
	lang   string

	format  cli.Format
	formats []cli.Format // the formats the command writes; nil when it has no -format

	// Set by settle.
	loc   *time.Location
	tag   language.Tag
	table *policy.Table
}

func newOpts(e *env, fs *flag.FlagSet) *opts {
	return &opts{e: e, fs: fs, loc: time.UTC, tag: language.English}
}

// inputFlags registers -in, -in-format and, when judge is set, -policy.
func (o *opts) inputFlags(judge bool) {
	o.fs.StringVar(&o.in, "in", "", "subscriptions to read: a `FILE`, or - for standard input; default the built-in portfolio")
	o.fs.StringVar(&o.inFormat, "in-format", "auto", "`format` of -in: "+strings.Join(inFormats, ", ")+
		"; auto reads a .csv file as csv and anything starting with [ or { as json")
	if judge {
		o.fs.Var(&o.policies, "policy", "policy `FILE`: a table or overrides on the built-in table (repeatable; later files are overrides)")
	}
}

// instantFlag registers the instant the command answers at, as -at or, for
// deadlines, -from.
func (o *opts) instantFlag(name, what string) {
	o.atName = name
	o.fs.StringVar(&o.at, name, "", what+" (`T`): a date (2026-06-01, from 00:00 UTC), a time in UTC (2026-06-01T09:00) "+
		"or with an offset (2026-06-01T09:00+02:00); default the instant of the input's status records, else now")
}

// tzFlag registers -tz.
func (o *opts) tzFlag() {
	o.fs.StringVar(&o.tz, "tz", "UTC", "time `zone` to write instants in (table and csv): UTC, Local, +02:00 or an IANA name such as Europe/Berlin; dates stay dates")
}

// langFlag registers -lang.
func (o *opts) langFlag() {
	o.fs.StringVar(&o.lang, "lang", "", "`language` of the words: "+strings.Join(lang.Names(), ", ")+"; default from LC_ALL, LC_MESSAGES or LANG, else en")
}

// formatFlag registers -format with the formats the command writes, the
// first the default.
func (o *opts) formatFlag(formats ...cli.Format) {
	o.formats = formats
	o.format = formats[0]
	o.fs.Var(&o.format, "format", "output `format`: "+formatList(formats))
}

func formatList(formats []cli.Format) string {
	var names []string
	for _, f := range formats {
		names = append(names, f.String())
	}
	return strings.Join(names, ", ")
}

// settle checks the flags the command line set: -format among the
// command's formats, -tz and -lang parsed, -in-format known and given only
// with -in, the flags that JSON output cannot honour, and the -policy
// files loaded. Each problem is a usage error naming its flag.
func (o *opts) settle() error {
	var errs []error
	set := map[string]bool{}
	o.fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if o.formats != nil && !slices.Contains(o.formats, o.format) {
		errs = append(errs, cli.FlagError("format", fmt.Errorf("%s writes %s, not %s", o.fs.Name(), formatList(o.formats), o.format)))
	}
	if set["tz"] {
		loc, err := cli.ParseTZ(o.tz)
		o.loc = loc
		errs = append(errs, cli.FlagError("tz", err))
	}
	if o.fs.Lookup("lang") != nil { // else the command's words are English
		o.tag = lang.FromEnv(o.e.getenv)
	}
	if set["lang"] {
		t, err := lang.Parse(o.lang)
		if err != nil {
			errs = append(errs, cli.FlagError("lang", fmt.Errorf("unsupported language %q; want one of %s, as a BCP 47 tag or a locale such as de_DE.UTF-8",
				o.lang, strings.Join(lang.Names(), ", "))))
		}
		o.tag = t
	}
	if o.format == cli.JSON {
		// JSON is data: instants in UTC (RFC 3339), words as message keys
		// with their arguments. A flag that only changes how things are
		// written would be silently ignored, so it is an error.
		if set["tz"] {
			errs = append(errs, cli.Usagef("-tz and -format json cannot be used together: JSON writes instants in UTC"))
		}
		if set["lang"] {
			errs = append(errs, cli.Usagef("-lang and -format json cannot be used together: JSON carries each sentence's message key and arguments, not its words"))
		}
	}
	if set["in-format"] {
		switch {
		case !slices.Contains(inFormats, o.inFormat):
			errs = append(errs, cli.FlagError("in-format", cli.UnknownID("input format", o.inFormat, inFormats)))
		case o.in == "":
			errs = append(errs, cli.Usagef("-in-format needs -in: the built-in portfolio has no format to choose"))
		}
	}
	if set[o.atName] {
		t, err := cli.ParseInstant(o.at, time.UTC)
		o.atTime, o.atSet = t, true
		errs = append(errs, cli.FlagError(o.atName, err))
	}
	if set["in"] && o.in == "" {
		errs = append(errs, cli.FlagError("in", errors.New("empty; want a file, or - for standard input")))
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	t, err := cli.Policy(o.policies)
	o.table = t
	return err
}

// instant returns the instant the command answers at: -at (or -from) as
// given, read in UTC whatever -tz says; else the instant the input's
// status records were judged at, when it has any; else now.
func (o *opts) instant(p *portfolio) (time.Time, error) {
	if o.atSet {
		return o.atTime, nil
	}
	if p != nil {
		var at time.Time
		for _, en := range p.entries {
			switch {
			case en.at.IsZero():
			case at.IsZero():
				at = en.at
			case !at.Equal(en.at):
				return time.Time{}, cli.FlagError(o.atName, fmt.Errorf("missing, and the input's status records were judged at different instants (%s, %s); give -%s",
					at.UTC().Format(time.RFC3339Nano), en.at.UTC().Format(time.RFC3339Nano), o.atName))
			}
		}
		if !at.IsZero() {
			return at, nil
		}
	}
	return o.e.clk.Now(), nil
}

// noArgs refuses arguments to a command that takes none.
func noArgs(rest []string) error {
	if len(rest) > 0 {
		return cli.Usagef("unexpected arguments %q", rest)
	}
	return nil
}

// oneID returns the one argument of a command that takes a subscription
// id.
// parseID parses the command line of a command about one subscription:
// its flags, then exactly one id, then the settled options.
func (o *opts) parseID(args []string) (string, error) {
	rest, err := cli.Parse(o.fs, args)
	if err != nil {
		return "", err
	}
	id, err := oneID(rest)
	if err != nil {
		return "", err
	}
	return id, o.settle()
}

func oneID(rest []string) (string, error) {
	switch len(rest) {
	case 0:
		return "", cli.Usagef("no subscription id given")
	case 1:
		return rest[0], nil
	}
	return "", cli.Usagef("want one subscription id, not %d: %q", len(rest), rest)
}
