package policy

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// ErrInvalid is matched (with errors.Is) by every error that reports an
// invalid field of a policy value or an invalid table.
var ErrInvalid = errors.New("policy: invalid")

// ErrNoRule is matched by every error that reports a look-up with no row in
// force.
var ErrNoRule = errors.New("policy: no rule in force")

// FieldError reports one invalid field: its path (such as
// "Rules.Cancel.Window.Length" or "rows[3].From"), the offending value and
// why it is refused. It matches ErrInvalid.
type FieldError struct {
	Field  string // path of the field, such as "Rules.ExpiredDays"
	Value  any    // the offending value
	Reason string // why it is refused, lower case
}

// Error implements error.
func (e *FieldError) Error() string {
	if e == nil {
		return "policy: <nil *FieldError>"
	}
	return fmt.Sprintf("policy: %s = %s: %s", e.Field, formatValue(e.Value), e.Reason)
}

// Is reports whether target is ErrInvalid.
func (e *FieldError) Is(target error) bool { return target == ErrInvalid }

func formatValue(v any) string {
	switch x := v.(type) {
	case string:
		return fmt.Sprintf("%q", x)
	case time.Time:
		return x.Format(time.RFC3339)
	}
	return fmt.Sprintf("%v", v)
}

// NoRuleError reports a look-up that matched no row in force. It matches
// ErrNoRule.
type NoRuleError struct {
	Key    Key       // what was looked up
	At     time.Time // the instant judged
	Reason string    // what did not match, such as "no row for channel csp-legacy with term multi-year"
}

// Error implements error.
func (e *NoRuleError) Error() string {
	if e == nil {
		return "policy: <nil *NoRuleError>"
	}
	return fmt.Sprintf("policy: no rule for %v at %s: %s", e.Key, e.At.UTC().Format(time.RFC3339), e.Reason)
}

// Is reports whether target is ErrNoRule.
func (e *NoRuleError) Is(target error) bool { return target == ErrNoRule }

// FileError reports one problem in a policy file: where it is (the file,
// the line and column of the offending value, both 1-based, and its JSON
// path, such as "rows[3].cancel.window.unit"), the offending JSON text and
// why it is refused. A loader reports every problem it finds at once,
// joined with errors.Join; each matches ErrInvalid.
type FileError struct {
	File      string // the file name given to the loader; "" when none
	Line, Col int    // position of the value (or of the object missing it); 0 when unknown
	Field     string // JSON path, such as "rows[3].expired"; "" for the file as a whole
	Value     string // the offending JSON text, shortened; "" when missing
	Reason    string // why it is refused, lower case
}

// Error implements error: "policy: file:line:col: field = value: reason".
func (e *FileError) Error() string {
	if e == nil {
		return "policy: <nil *FileError>"
	}
	var b strings.Builder
	b.WriteString("policy: ")
	file := e.File
	if file == "" {
		file = "input"
	}
	b.WriteString(file)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Col)
	}
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field)
		if e.Value != "" {
			b.WriteString(" = ")
			b.WriteString(e.Value)
		}
		b.WriteString(": ")
	}
	b.WriteString(e.Reason)
	return b.String()
}

// Is reports whether target is ErrInvalid.
func (e *FileError) Is(target error) bool { return target == ErrInvalid }
