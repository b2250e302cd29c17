package lifecycle

import (
	"errors"
	"fmt"
	"time"

	"github.com/lapse-go/lapse/clock"
)

// ErrInvalid is matched (with errors.Is) by every error that reports an
// invalid subscription, event or argument.
var ErrInvalid = errors.New("lifecycle: invalid")

// ErrHistory is matched by every error that reports a history that could
// not have happened: events out of order, before the start, after the
// subscription was Deleted, or in a state that does not admit them. Such
// errors also match ErrInvalid.
var ErrHistory = errors.New("lifecycle: impossible history")

// ErrRulesMismatch is matched when the policy table cannot judge the
// subscription: no table, no rules in force for its key from its first day
// on, or rules that do not offer what it needs. It also matches ErrInvalid.
var ErrRulesMismatch = errors.New("lifecycle: rules do not fit the subscription")

// FieldError reports one invalid field, naming its path and value. It
// matches ErrInvalid.
type FieldError struct {
	Field  string // path of the field, such as "Spec.End" or "Spec.History[2].At"
	Value  any    // the offending value
	Reason string // why it is refused, lower case
}

// Error implements error.
func (e *FieldError) Error() string {
	return fmt.Sprintf("lifecycle: %s = %s: %s", e.Field, formatValue(e.Value), e.Reason)
}

// Is reports whether target is ErrInvalid.
func (e *FieldError) Is(target error) bool { return target == ErrInvalid }

func formatValue(v any) string {
	switch x := v.(type) {
	case string:
		return fmt.Sprintf("%q", x)
	case time.Time:
		return x.Format(time.RFC3339Nano)
	case clock.Date:
		if x.IsZero() {
			return "clock.Date{}"
		}
		return x.String()
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprintf("%v", v)
}

// HistoryError reports an event that could not have happened. It matches
// ErrHistory and ErrInvalid.
type HistoryError struct {
	Index  int       // position of the event in the history
	Kind   EventKind // the event's kind
	At     time.Time // the event's instant
	State  State     // the state at that instant before the event (zero if not known)
	Reason string    // why it is impossible, lower case
}

// Error implements error.
func (e *HistoryError) Error() string {
	st := ""
	if e.State.IsValid() {
		st = " in state " + e.State.String()
	}
	return fmt.Sprintf("lifecycle: history[%d] %s at %s%s: %s", e.Index, e.Kind, e.At.UTC().Format(time.RFC3339Nano), st, e.Reason)
}

// Is reports whether target is ErrHistory or ErrInvalid.
func (e *HistoryError) Is(target error) bool { return target == ErrHistory || target == ErrInvalid }

// RulesError reports a policy table or rules that cannot judge the
// subscription, naming the field and value: no table, no versions in force
// for the subscription's key from its first day on, a trial where the
// rules offer none. It matches ErrRulesMismatch and ErrInvalid, and
// unwraps to the policy error behind it, if any (a *policy.NoRuleError,
// matching policy.ErrNoRule).
type RulesError struct {
	Field  string // such as "table" or "Rules.Trial.Available"
	Value  any
	Reason string
	Err    error // the policy error behind it; nil if none
}

// Error implements error.
func (e *RulesError) Error() string {
	s := fmt.Sprintf("lifecycle: %s = %s: %s", e.Field, formatValue(e.Value), e.Reason)
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the policy error behind e, or nil.
func (e *RulesError) Unwrap() error { return e.Err }

// Is reports whether target is ErrRulesMismatch or ErrInvalid.
func (e *RulesError) Is(target error) bool { return target == ErrRulesMismatch || target == ErrInvalid }

// BatchError reports the subscription at Index of a batch ([JudgeAll]) that
// could not be judged; it unwraps to the error [Judge] returns for it.
type BatchError struct {
	Index int
	Err   error
}

// Error implements error.
func (e *BatchError) Error() string {
	return fmt.Sprintf("lifecycle: subscriptions[%d]: %v", e.Index, e.Err)
}

// Unwrap returns the error behind e.
func (e *BatchError) Unwrap() error { return e.Err }

// ErrHistoryLimit is matched by a *HistoryLimitError: a history longer
// than [MaxEvents]. It also matches ErrInvalid.
var ErrHistoryLimit = errors.New("lifecycle: history too long")

// HistoryLimitError reports a history of more than [MaxEvents] events: a
// Spec given to [New], or the event [Lifecycle.Apply] would append. It
// matches ErrHistoryLimit and ErrInvalid.
type HistoryLimitError struct {
	Len int // the number of events the history would hold
}

// Error implements error.
func (e *HistoryLimitError) Error() string {
	return fmt.Sprintf("lifecycle: Spec.History = %d events: more than the %d a history may hold", e.Len, MaxEvents)
}

// Is reports whether target is ErrHistoryLimit or ErrInvalid.
func (e *HistoryLimitError) Is(target error) bool {
	return target == ErrHistoryLimit || target == ErrInvalid
}
