package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// Program is a command made of subcommands, such as lapsepolicy (validate,
// show, diff, export). Its [Program.Run] dispatches to them and owns help
// and usage errors, so that every lapse command answers -h, "help" and a
// mistyped command the same way. A Program holds no state of a run and
// may be shared.
type Program struct {
	Name     string    // the program's name, as typed: "lapsepolicy"
	Doc      string    // what the program does, printed first in its help; may be ""
	Commands []Command // the commands, in the order the help lists them
}

// Command is one subcommand of a [Program].
type Command struct {
	Name string // the command's name, as typed: "show"
	Args string // what follows the name in a synopsis: "-at DATE [-policy FILE]... ID"; may be ""
	Doc  string // what the command does, printed in its help; may be ""

	// Run runs the command. fs is a fresh, empty flag set named
	// "program command" for the command's flags; args are the arguments
	// after the command's name. Run defines its flags on fs, calls
	// [Parse](fs, args) before doing anything else (so that -h asks for
	// help and does nothing), and returns nil, [flag.ErrHelp] (from
	// Parse), [ErrFinding] when its output says what it found, a
	// [*UsageError], or any other error for exit code 1. It writes its
	// output to stdout; errors are written by [Program.Run].
	Run func(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) error
}

// Run runs the program with args (without the program's name) and returns
// the exit code (see "Exit codes" in the package documentation):
//
//   - "-h", "-help", "--help" or "help" alone print the program's help on
//     stdout: Doc, the synopsis of each command, the exit codes. 0.
//   - "help CMD" and "CMD -h" print the command's help on stdout: its
//     synopsis, Doc and flags. 0.
//   - No command, an unknown command (listing the valid ones) or a flag
//     before the command: the error and the program's synopses on
//     stderr. 2.
//   - Otherwise the command's Run; an error is written to stderr by
//     [Report], prefixed "program command", followed by the command's
//     synopsis when it is a usage error. Its [Code].
func (p *Program) Run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		return p.usageError(stderr, Usagef("no command given"))
	}
	first := args[0]
	switch {
	case first == "help" && len(args) > 2:
		return p.usageError(stderr, Usagef("help takes one command; got %s", strings.Join(args[1:], " ")))
	case first == "help" && len(args) == 2 && !isHelp(args[1]):
		c, err := p.command(args[1])
		if err != nil {
			return p.usageError(stderr, err)
		}
		fs := p.flagSet(c)
		// Run with -h only defines c's flags and returns flag.ErrHelp;
		// its output, if any, is not help.
		_ = c.Run(fs, []string{"-h"}, io.Discard, io.Discard)
		p.writeCommandHelp(stdout, c, fs)
		return ExitOK
	case first == "help" || isHelp(first):
		p.writeHelp(stdout)
		return ExitOK
	case len(first) > 1 && first[0] == '-':
		return p.usageError(stderr, Usagef("flag %s before the command; give the command first, then its flags", first))
	}
	c, err := p.command(first)
	if err != nil {
		return p.usageError(stderr, err)
	}
	fs := p.flagSet(c)
	err = c.Run(fs, args[1:], stdout, stderr)
	if errors.Is(err, flag.ErrHelp) {
		p.writeCommandHelp(stdout, c, fs)
		return ExitOK
	}
	code := Report(stderr, fs.Name(), err)
	if code == ExitUsage {
		fmt.Fprintf(stderr, "usage: %s\n", p.synopsis(c))
	}
	return code
}

// isHelp reports whether arg asks for help as a flag does.
func isHelp(arg string) bool { return arg == "-h" || arg == "-help" || arg == "--help" }

// command returns the command named name, or a usage error listing the
// valid names.
func (p *Program) command(name string) (Command, error) {
	var names []string
	for _, c := range p.Commands {
		if c.Name == name {
			return c, nil
		}
		names = append(names, c.Name)
	}
	return Command{}, UnknownID("command", name, names)
}

// flagSet returns the empty flag set for c: it writes nothing and exits
// nothing, so that Parse's errors reach Run.
func (p *Program) flagSet(c Command) *flag.FlagSet {
	fs := flag.NewFlagSet(p.Name+" "+c.Name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// usageError reports err, a usage error of the program as a whole, with
// the synopses of its commands.
func (p *Program) usageError(stderr io.Writer, err error) int {
	code := Report(stderr, p.Name, err)
	p.writeSynopses(stderr)
	return code
}

func (p *Program) synopsis(c Command) string {
	return strings.TrimSpace(p.Name + " " + c.Name + " " + c.Args)
}

func (p *Program) writeSynopses(w io.Writer) {
	fmt.Fprintln(w, "usage:")
	for _, c := range p.Commands {
		fmt.Fprintf(w, "  %s\n", p.synopsis(c))
	}
}

func (p *Program) writeHelp(w io.Writer) {
	if p.Doc != "" {
		fmt.Fprintf(w, "%s\n\n", strings.TrimSpace(p.Doc))
	}
	p.writeSynopses(w)
	fmt.Fprintf(w, "\nRun '%s help COMMAND' or '%s COMMAND -h' for a command's flags.\n", p.Name, p.Name)
	fmt.Fprintf(w, "Exit status: %d ok, %d a refusal or a finding, %d a usage error.\n", ExitOK, ExitFinding, ExitUsage)
}

func (p *Program) writeCommandHelp(w io.Writer, c Command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "usage: %s\n", p.synopsis(c))
	if c.Doc != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(c.Doc))
	}
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	if n > 0 {
		fmt.Fprint(w, "\nFlags:\n")
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
}
