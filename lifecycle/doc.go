// Package lifecycle answers, for one Microsoft 365 commercial subscription
// at one instant: what state it is in and since when, what comes next and
// when, who may use the services and the data, what an admin may do, and by
// when the data is gone.
//
// State is a pure function of facts and an instant:
//
//	status, err := lifecycle.Evaluate(sub, &rules, at)
//
// sub is an immutable [Subscription] (channel, term, product, dates,
// licenses and the ordered history of what admins and partners did), rules
// are the [policy.Rules] in force (see [RulesFor]; passed by pointer, never
// changed or kept), and at is a time.Time the caller passes in. The
// [Status] is an immutable value whose answers are methods. Nothing here reads the clock, sleeps or schedules: the
// state on any date can be computed, so no state is ever skipped, and tests
// need no fake timers. Evaluate allocates nothing.
//
// # States
//
// The lifecycle is Active → Expired → Disabled → Deleted (R-LC-1), with
// CSP's Suspended. The enterprise tables call Expired and Disabled "Grace"
// and "Inactive" ([State.EnterpriseName]); Microsoft Graph reports them as
// capabilityStatus Enabled, Warning, Suspended and Deleted
// ([State.CapabilityStatus]).
//
// # Days
//
// Dates are UTC calendar dates; a state that lasts N days from S occupies
// [S, S+N) (DC-1, DC-2). Whether Expired begins on the end date or the day
// after is the rules' ExpiryAnchor (DC-3a, DC-3b). Hour-based windows run
// from the exact instant (DC-5).
//
// # Timelines and explanations
//
// [Timeline] returns every phase, past and future, as half-open intervals
// that agree with Evaluate at every instant. [Status.Explain] turns a status
// into sentences with the rule ids and sources behind them.
//
// # Commands
//
// History grows only through checked commands:
//
//	next, err := lifecycle.Apply(sub, &rules, cmd, at)
//
// [Apply] checks a [Command] against the state at the instant, the actor's
// role, the channel's legal event graph (a looplab/fsm description kept
// behind internal/) and the policy — windows, license limits, custom
// domains still attached — and returns a new Subscription with the event
// appended, or a [*RefusalError] that names the rule, the state and what the
// actor can do instead. [Check] asks the same question without appending;
// [Quote] prices a cancellation or a license removal in exact [Money];
// [CanRemovePaymentMethod] judges a payment method across every
// subscription that uses it; [Diagram] draws a channel's graph as Mermaid or
// Graphviz text.
//
// # Errors
//
// Bad input is an error that names the field and value — an invalid
// [Spec], a history that could not have happened, rules for another
// channel — matching [ErrInvalid], [ErrHistory] or [ErrRulesMismatch] with
// errors.Is. A command that is refused matches [ErrRefused] and one of
// [ErrRole], [ErrState], [ErrWindowClosed], [ErrLicenseLimit],
// [ErrPrecondition], [ErrNotOffered] or [ErrSalesEnded]. Nothing panics.
package lifecycle
