// Package cli is what lapse's commands (examples/lapse, examples/lapsepolicy
// and examples/nightly) share, so that they read the same command lines the
// same way and fail the same way: exit codes, usage errors, the parsers of
// dates, instants, durations, time zones and output formats, flag parsing,
// and the dispatch of subcommands.
//
// # Exit codes
//
// Every command exits with one of three codes, and only these:
//
//   - [ExitOK] (0): the command did what was asked.
//   - [ExitFinding] (1): the command ran and has something to report — a
//     refusal (an action the rules do not allow), a finding (a policy
//     file with problems, two policies that differ), or an error while
//     doing the work (a file that cannot be read).
//   - [ExitUsage] (2): the command line is wrong — an unknown command or
//     flag, a missing or malformed value, flags that conflict, an unknown
//     id. Nothing was done.
//
// [Code] maps an error to its code: nil is 0, a [*UsageError] anywhere in
// the error's tree is 2, anything else is 1. [Report] also writes the
// error to stderr, one line per problem, each prefixed with the command's
// name. A command whose output already says what it found (a diff)
// returns [ErrFinding] to exit 1 without a further message.
//
// # Values
//
// [ParseInstant], [ParseDate], [ParseWithin], [ParseTZ] and [ParseFormat]
// read one flag value each. Their errors are [*ValueError]s that quote the
// value, say what is wrong with it when that is known, and list the forms
// that are accepted. [FlagError] turns such an error into a usage error
// that names the flag:
//
//	-at: bad date or time "2026-02-30": day out of range 1 to 28; want a date (2026-06-01), ...
//
// These messages are written for the person at the command line, so,
// unlike the library's errors, they carry no "cli:" prefix: [Report]
// prefixes them with the command's name instead.
//
// # Flags and subcommands
//
// [Parse] parses a [flag.FlagSet] like the flag package, but lets flags
// and arguments mix (lapse explain ID -at DATE), treats everything after
// "--" as arguments, returns [flag.ErrHelp] for -h, -help and --help, and
// lists the valid flags when one is unknown. [Required] and [Conflicts]
// check the flags a command line set. [UnknownID] lists the valid ids
// when one is not known.
//
// A [Program] dispatches to its [Command]s and owns help: "prog -h",
// "prog help" and "prog help CMD" print usage on stdout and exit 0, as
// does "prog CMD -h"; an unknown command exits 2 and lists the valid ones.
package cli
