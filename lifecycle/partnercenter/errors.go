package partnercenter

import (
	"errors"
	"fmt"
	"time"

	"github.com/lapse-go/lapse/lifecycle"
)

// ErrInvalid is matched (with errors.Is) by every error that reports
// Partner Center JSON this package cannot read or map to a lapse
// subscription. Those errors also match lifecycle.ErrInvalid, so that a
// caller who checks lapse's own sentinel sees them too.
var ErrInvalid = errors.New("partnercenter: invalid input")

// ErrMissing is matched by a *FieldError that a fact Partner Center does
// not give would resolve: the instant of a suspension or a cancellation,
// the start of a term that is not a whole term of its renewal chain, the
// channel of an offer of neither documented form. The error's Option
// names the [Options] field that supplies the fact. It also matches
// ErrInvalid.
var ErrMissing = errors.New("partnercenter: a fact Partner Center does not give")

// ErrMismatch is matched by a *MismatchError: the status Partner Center
// reports differs from the state lapse judges at [Options.AsOf]. It also
// matches ErrInvalid.
var ErrMismatch = errors.New("partnercenter: status differs from lapse's state")

// ErrTooLarge is matched by a *LimitError: input longer than [MaxBytes] or
// a collection of more than [MaxItems] items. It also matches ErrInvalid.
var ErrTooLarge = errors.New("partnercenter: input too large")

// FieldError reports one field of a Partner Center subscription (or of
// [Options]) that cannot be read or mapped, naming the field by its
// documented JSON name ("commitmentEndDate", "productType.id") or its
// Options name ("Options.Channel"). It matches ErrInvalid and
// lifecycle.ErrInvalid, and ErrMissing when Option is set.
type FieldError struct {
	Field  string // the field, such as "termDuration"
	Value  any    // the offending value (the string Partner Center sent for a date)
	Reason string // why it is refused, lower case
	// Option is the Options field that would supply what Partner Center
	// does not give, such as "SuspendedAt"; empty when no option helps.
	Option string
	// Err is the error behind the refusal (a time or JSON parse error),
	// or nil.
	Err error
}

// Error implements error.
func (e *FieldError) Error() string {
	s := fmt.Sprintf("partnercenter: %s = %s: %s", e.Field, formatValue(e.Value), e.Reason)
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Is reports whether target is ErrInvalid or lifecycle.ErrInvalid, or
// ErrMissing when e names an Option.
func (e *FieldError) Is(target error) bool {
	return target == ErrInvalid || target == lifecycle.ErrInvalid || target == ErrMissing && e.Option != ""
}

// Unwrap returns the error behind e, or nil.
func (e *FieldError) Unwrap() error { return e.Err }

func formatValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return fmt.Sprintf("%q", x)
	case time.Time:
		return x.Format(time.RFC3339Nano)
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprintf("%v", v)
}

// MismatchError reports a subscription whose Partner Center status is not
// the state lapse judges at Options.AsOf: a fact Partner Center does not
// give (a suspension, a cancellation, the start of a renewed term) is
// missing or wrong, or the subscription changed after it was read. It
// matches ErrMismatch, ErrInvalid and lifecycle.ErrInvalid.
type MismatchError struct {
	Status string          // the status Partner Center reported, such as "disabled"
	State  lifecycle.State // the state lapse judges
	AsOf   time.Time       // the instant of the comparison (Options.AsOf)
}

// Error implements error.
func (e *MismatchError) Error() string {
	return fmt.Sprintf("partnercenter: status = %q but lapse judges the subscription %s at %s: "+
		"set the fact Partner Center does not give (Options.SuspendedAt, Options.CancelledAt or Options.TermStart)",
		e.Status, e.State, e.AsOf.UTC().Format(time.RFC3339Nano))
}

// Is reports whether target is ErrMismatch, ErrInvalid or
// lifecycle.ErrInvalid.
func (e *MismatchError) Is(target error) bool {
	return target == ErrMismatch || target == ErrInvalid || target == lifecycle.ErrInvalid
}

// LimitError reports input over one of the documented limits: more than
// [MaxBytes] bytes, or more than [MaxItems] items in a collection. It
// matches ErrTooLarge, ErrInvalid and lifecycle.ErrInvalid.
type LimitError struct {
	What string // "bytes" or "items"
	Max  int    // the limit
}

// Error implements error.
func (e *LimitError) Error() string {
	return fmt.Sprintf("partnercenter: more than %d %s: split the input (Partner Center pages its collections)", e.Max, e.What)
}

// Is reports whether target is ErrTooLarge, ErrInvalid or
// lifecycle.ErrInvalid.
func (e *LimitError) Is(target error) bool {
	return target == ErrTooLarge || target == ErrInvalid || target == lifecycle.ErrInvalid
}

// ItemError reports the subscription at Index of the input (0 for a single
// Subscription object) that could not be decoded or imported; it unwraps
// to the reason: a *FieldError, a *MismatchError, or the error lifecycle
// returned for it (such as a *lifecycle.NotModelledError).
type ItemError struct {
	Index int    // the item's position in "items"
	ID    string // the item's id, or "" when it was not read
	Err   error  // the reason
}

// Error implements error: "partnercenter: item 3 (id "…"): reason".
func (e *ItemError) Error() string {
	if e.ID == "" {
		return fmt.Sprintf("partnercenter: item %d: %v", e.Index, e.Err)
	}
	return fmt.Sprintf("partnercenter: item %d (id %q): %v", e.Index, e.ID, e.Err)
}

// Unwrap returns the reason.
func (e *ItemError) Unwrap() error { return e.Err }

// maxReported is the most item errors Decode and Import join into the
// error they return; the rest are counted in one more error.
const maxReported = 100

// joinItems joins item errors, at most maxReported of them.
func joinItems(errs []error) error {
	if len(errs) <= maxReported {
		return errors.Join(errs...)
	}
	more := fmt.Errorf("%w: %d more items refused", ErrInvalid, len(errs)-maxReported)
	return errors.Join(append(errs[:maxReported:maxReported], more)...)
}
