package lang

import (
	"errors"
	"fmt"
)

// ErrInvalid is matched (with errors.Is) by every *FieldError.
var ErrInvalid = errors.New("lang: invalid")

// FieldError reports one invalid value of the package's types: the field
// or type it is for (such as "Kind", or a JSON path such as
// "args[1].kind"), the offending value and why it is refused. It matches
// ErrInvalid. (A language without a catalog is an
// *UnsupportedError instead.)
type FieldError struct {
	Field  string // the field or type, such as "Kind", or a JSON path such as "args[1].kind"
	Value  any    // the offending value
	Reason string // why it is refused, lower case
}

// Error implements error: `lang: Kind = "bogus": unknown Kind; want one of …`.
func (e *FieldError) Error() string {
	v := fmt.Sprintf("%v", e.Value)
	if s, ok := e.Value.(string); ok {
		v = fmt.Sprintf("%q", s)
	}
	return fmt.Sprintf("lang: %s = %s: %s", e.Field, v, e.Reason)
}

// Is reports whether target is ErrInvalid.
func (e *FieldError) Is(target error) bool { return target == ErrInvalid }

// fieldError is this package's enumtext.ErrorFunc.
func fieldError(typ string, v any, reason string) error {
	return &FieldError{Field: typ, Value: v, Reason: reason}
}
