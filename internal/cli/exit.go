package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// The exit codes of lapse's commands; see "Exit codes" in the package
// documentation.
const (
	ExitOK      = 0 // the command did what was asked
	ExitFinding = 1 // a refusal, a finding, or an error while doing the work
	ExitUsage   = 2 // the command line is wrong; nothing was done
)

// ErrFinding is returned by a command that has already written what it
// found (a diff, say) and wants to exit with [ExitFinding] and no further
// message. [Report] prints nothing for it.
var ErrFinding = errors.New("finding reported")

// UsageError reports a command line that cannot run: an unknown command
// or flag, a missing or malformed value, flags that conflict, an unknown
// id. [Code] maps it, wherever it sits in an error's tree, to
// [ExitUsage]. The zero UsageError has no Err and reports "usage error".
type UsageError struct {
	Flag string // the flag at fault without its dash, such as "at"; "" when no one flag is
	Err  error  // what is wrong
}

// Error returns "-flag: " followed by Err's message, or Err's message
// alone when Flag is "".
func (e *UsageError) Error() string {
	msg := "usage error"
	if e.Err != nil {
		msg = e.Err.Error()
	}
	if e.Flag == "" {
		return msg
	}
	return "-" + e.Flag + ": " + msg
}

// Unwrap returns Err, so that errors.Is and errors.As see through it.
func (e *UsageError) Unwrap() error { return e.Err }

// Usagef returns a [*UsageError] whose message is formatted as by
// fmt.Errorf (so %w wraps).
func Usagef(format string, args ...any) error {
	return &UsageError{Err: fmt.Errorf(format, args...)}
}

// FlagError returns a [*UsageError] that puts the blame for err on the
// flag name (without its dash), or nil when err is nil. Wrap every error
// from parsing a flag's value with it, so that the message names the flag
// and the command exits with [ExitUsage]. A UsageError that names no flag
// yet gets this one.
func FlagError(name string, err error) error {
	if err == nil {
		return nil
	}
	if u, ok := err.(*UsageError); ok && u.Flag == "" {
		return &UsageError{Flag: name, Err: u.Err}
	}
	return &UsageError{Flag: name, Err: err}
}

// Code returns the exit code for err: [ExitOK] for nil and for
// [flag.ErrHelp] (help was asked for, and printed), [ExitUsage] when err's
// tree holds a [*UsageError], and [ExitFinding] for anything else.
func Code(err error) int {
	var u *UsageError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return ExitOK
	case errors.As(err, &u):
		return ExitUsage
	}
	return ExitFinding
}

// Report writes err to w, which is stderr in a command, and returns
// [Code](err). Each problem goes on its own line — the errors joined in
// err (errors.Join, or any error with an Unwrap() []error method) one by
// one, and each line of a message of several lines — prefixed with
// prefix and ": " (no prefix when prefix is ""). [ErrFinding] and
// [flag.ErrHelp] print nothing, nor does nil.
func Report(w io.Writer, prefix string, err error) int {
	for _, e := range leaves(err) {
		if errors.Is(e, ErrFinding) || errors.Is(e, flag.ErrHelp) {
			continue
		}
		for _, line := range strings.Split(e.Error(), "\n") {
			if prefix != "" {
				line = prefix + ": " + line
			}
			fmt.Fprintln(w, line)
		}
	}
	return Code(err)
}

// leaves returns the errors joined in err, depth first, or err alone.
func leaves(err error) []error {
	if err == nil {
		return nil
	}
	j, ok := err.(interface{ Unwrap() []error })
	if !ok {
		return []error{err}
	}
	var out []error
	for _, e := range j.Unwrap() {
		out = append(out, leaves(e)...)
	}
	return out
}
