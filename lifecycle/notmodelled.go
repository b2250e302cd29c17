package lifecycle

import (
	"errors"
	"fmt"
)

// ErrNotModelled is matched by the error of a question whose answer
// depends on a rule of RULES.md that lapse does not model: rather than
// give a wrong answer silently, lapse names the rule. It does not match
// ErrInvalid or ErrRefused: the question is valid, the answer unknown.
var ErrNotModelled = errors.New("lifecycle: rule not modelled")

// NotModelledError names the rule that lapse does not model and what it
// could not answer. It matches ErrNotModelled.
type NotModelledError struct {
	// Rule and Sources cite the rule, such as "R-LC-11" and
	// "[D-WIF-2025-02]".
	Rule    string
	Sources string
	// What is the question that was asked, such as "a mid-term upgrade of
	// a direct subscription"; Why what the sources leave open, lower case.
	What string
	Why  string
}

// Error returns "lifecycle: <what> is not modelled (<rule>; <sources>):
// <why>".
func (e *NotModelledError) Error() string {
	return fmt.Sprintf("lifecycle: %s is not modelled (%s; %s): %s", e.What, e.Rule, e.Sources, e.Why)
}

// Is reports whether target is ErrNotModelled.
func (e *NotModelledError) Is(target error) bool { return target == ErrNotModelled }
