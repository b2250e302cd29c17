package cli

import (
	"fmt"
	"strings"
)

// ValueError reports a value that one of this package's parsers cannot
// read. Its message quotes the value, says what is wrong with it when
// that is known, and lists the accepted forms:
//
//	bad duration "3y": want days (14d), weeks (2w), hours (36h) or a Go duration (1h30m)
//
// Wrap it with [FlagError] to name the flag it came from.
type ValueError struct {
	What   string // what the value should have been, such as "date" or "time zone"
	Value  string // the value as given
	Reason string // what is wrong with it; "" when it has none of the accepted forms
	Want   string // the accepted forms, with examples; may be ""
	Err    error  // the error underneath, such as a *clock.DateError; may be nil
}

// Error returns `bad What "Value": Reason; want Want`, leaving out the
// parts that are empty.
func (e *ValueError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "bad %s %q", e.What, e.Value)
	if e.Reason != "" {
		b.WriteString(": " + e.Reason)
	}
	if e.Want != "" {
		b.WriteString("; want " + e.Want)
	}
	return b.String()
}

// Unwrap returns Err.
func (e *ValueError) Unwrap() error { return e.Err }
