package tenant

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// ErrInvalid is matched (with errors.Is) by every error that reports an
// invalid or contradictory snapshot, or an argument that names nothing in
// the snapshot (an unknown domain or user).
var ErrInvalid = errors.New("tenant: invalid")

// ErrCustomDomain is matched by the error of [CanCancel]: a custom domain
// is still attached to the tenant, and "you must remove the domain before
// you cancel your subscription" (R-CAN-10, R-DOM-1).
var ErrCustomDomain = errors.New("tenant: remove the custom domain first")

// ErrNotNext is matched by the error of [Plan.Execute] when the step asked
// for is not the plan's next step at the instant given (it is done, not
// needed, blocked, pending, or not yet possible).
var ErrNotNext = errors.New("tenant: not the next step")

// EntryError reports one invalid or contradictory entry of a snapshot (or
// an argument), naming where it is and what it is. It matches ErrInvalid.
//
// Its message reads, for example:
//
//	tenant: users[3] "ann@contoso.com": sign-in domain "contoso.org" is not a domain of the tenant
type EntryError struct {
	// Path locates the entry, such as "users[3]", "domains[0]",
	// "BillingAccount" or the argument name "domain".
	Path string
	// Entry names the entry: a user id, a domain or group name, a
	// subscription id; empty when the entry has no name.
	Entry string
	// Reason says what is wrong, lower case.
	Reason string
	// Err is an underlying error (from package lifecycle), or nil.
	Err error
}

// Error implements error.
func (e *EntryError) Error() string {
	var b strings.Builder
	b.WriteString("tenant: ")
	b.WriteString(e.Path)
	if e.Entry != "" {
		fmt.Fprintf(&b, " %q", e.Entry)
	}
	b.WriteString(": ")
	b.WriteString(e.Reason)
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Is reports whether target is ErrInvalid.
func (e *EntryError) Is(target error) bool { return target == ErrInvalid }

// Unwrap returns the underlying error, if any.
func (e *EntryError) Unwrap() error { return e.Err }

// CustomDomainError is the verdict of [CanCancel] when custom domains are
// still attached: it names them and the rule. It matches ErrCustomDomain.
type CustomDomainError struct {
	// Domains are the custom domains still attached, in snapshot order.
	Domains []string
	// Rule and Sources cite the precondition: "R-CAN-10, R-DOM-1" and
	// "[S002], [S003], [D-CAN-2024-09]".
	Rule    string
	Sources string
}

// Error implements error.
func (e *CustomDomainError) Error() string {
	return fmt.Sprintf("tenant: remove the custom domain first: %s is still attached to the tenant (%s)",
		strings.Join(e.Domains, ", "), e.Rule)
}

// Is reports whether target is ErrCustomDomain.
func (e *CustomDomainError) Is(target error) bool { return target == ErrCustomDomain }

// StepError reports a step that [Plan.Execute] refused, or whose effect
// could not be applied. It matches ErrNotNext when the step was not next.
type StepError struct {
	Step   StepID     // the step asked for
	Status StepStatus // its status at At
	At     time.Time  // the instant of the attempt
	Reason string     // why it was refused, lower case
	// NotNext reports that the step was not next at At (its status, or an
	// Earliest after At); false when the step was next but its effect
	// failed (Err says why).
	NotNext bool
	Err     error // an underlying error (from package lifecycle), or nil
}

// Error implements error.
func (e *StepError) Error() string {
	s := fmt.Sprintf("tenant: step %s (%s) at %s: %s", e.Step, e.Status, e.At.UTC().Format(time.RFC3339), e.Reason)
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Is reports whether target is ErrNotNext and the step was not next.
func (e *StepError) Is(target error) bool { return target == ErrNotNext && e.NotNext }

// Unwrap returns the underlying error, if any.
func (e *StepError) Unwrap() error { return e.Err }
