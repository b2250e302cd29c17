// Package lifecycle answers, for one Microsoft 365 commercial subscription
// at one instant: what state it is in and since when, what comes next and
// when, who may use the services and the data, what an admin may do, and by
// when the data is gone.
//
// # Judging a subscription
//
// A [Subscription] is the immutable record of what was bought — channel,
// term, product, dates, licenses — and of the ordered history of what
// admins and partners did since; [New] validates a [Spec] into one. [Judge]
// folds that history against a policy table once and returns a
// [Lifecycle], a small immutable value that answers any instant:
//
//	lc, err := lifecycle.Judge(sub, policy.Builtin())
//	st, err := lc.At(time.Date(2026, 4, 15, 9, 0, 0, 0, time.UTC))
//	fmt.Println(st.State(), "since", st.Since().Format(time.DateOnly), "because", st.Cause())
//
// The [Status] is an immutable value whose answers are methods: the state,
// since when and why, what comes next and when, the deadlines, and
// [Status.Capabilities]. [Lifecycle.At] reads no clock, sleeps or
// schedules nothing and allocates nothing: the instant is a parameter, so
// the state on any date can be computed, no state is ever skipped, and
// tests need no fake timers. A caller who asks once calls
// [Evaluate](sub, table, at), which gives the same answers and, while the
// caller keeps the Status in a local variable, allocates nothing either.
//
// # As known at an instant
//
// At(t) judges the history up to and including t: events after t do not
// change the answer. A reactivation in May does not make the subscription
// Active in April, nor move the date on which April's status said it would
// be Disabled. A history event that could not have happened in the state
// it found is an error from Judge; Evaluate reports it only when asked at
// or after that event.
//
// # Versions of the policy
//
// The policy is effective-dated (RULES.md §1.3), and a subscription lives
// through several of its versions. Judging resolves each rule by the
// version in force when it applies, looked up under the subscription's
// key: how each term ends — its Expired and Disabled days, the expiry
// anchor, services while Expired, trial conversion — by the version in
// force on that term's end date (R-LC-14: an MCA term ending on 2026-01-31
// expires, one ending on or after 2026-02-09 has no Expired state); each
// cancellation window by the version in force when it opened, unless a
// later version declares its window retroactive (R-CAN-14); each event, and
// each command and capability, by the version in force at its instant.
// [Status.Versions] names the versions behind a status, and each [Phase]
// its [Phase.Version]. The table must have versions in force for the key
// from the subscription's first day on; [policy.Pin] makes a table that
// judges every instant by fixed rules.
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
// from the exact instant (DC-5). The location of an instant never changes
// an answer.
//
// An answer that is a day is a [clock.Date] — a year, month and day with
// no location — and one that is an instant is a time.Time; package
// lifecycle imports clock for that type only and never reads a clock.
// Spec.End is a Date: an end date stored as an instant is converted by the
// caller, who knows where it was written (clock.DateOf takes an instant's
// date in its own location, so Berlin midnight of 2026-03-31 is
// 2026-03-31, not the UTC day before). Instants such as Spec.Start are
// read in UTC: their UTC date is the day they fall on.
//
// # Deadlines
//
// Each deadline of a [Status] has one meaning. A day answers "the last day
// on which …" (or "the first day on which …"), read in UTC; an instant
// answers "the first instant at which …". The zero value means none.
//
//	answer                  type        meaning
//	TermStart               clock.Date  the first day of the current term
//	TermEnd                 clock.Date  the last day of the current term, its end date
//	NextAt                  time.Time   the first instant of the next state
//	DeletedAt               time.Time   the first instant the subscription is Deleted
//	ReactivateUntil         clock.Date  the last day on which it can be reactivated (AC-08: 2026-08-07)
//	ReactivateBefore        time.Time   the first instant at which it no longer can (2026-08-08T00:00Z)
//	CancelWindowClosesAt    time.Time   the first instant at which the window refuses a cancellation
//	CancelWindowEnd         time.Time   the window's boundary (policy.Window.End), inside when Inclusive
//	PurgeNotBefore          clock.Date  the first day on which the data may be deleted
//	PurgeDeadline           clock.Date  the last day on which the data may still exist (DC-7: C+180)
//	DataGoneBy              time.Time   the first instant at which the data is guaranteed gone
//	LicenseConflictUntil    clock.Date  the last day of the license-conflict period (AC-33: 2026-05-29)
//	AdminCenterLagUntil     clock.Date  the last day the admin center may show the old status
//
// A day and its instant agree: ReactivateUntil is the UTC date of the
// nanosecond before ReactivateBefore, PurgeDeadline that of the nanosecond
// before DataGoneBy. Where a window ends at a day boundary the day says it
// all; where it ends within a day (the 72 hours after an explicit
// deletion, R-DAT-4 and C-6; a window of hours, DC-5) the instant is
// exact, and [Status.Explain] says "through" the last day, "until" the
// last instant inclusive or "before" the first instant outside. Phases
// ([Phase]) are half-open intervals of instants. [EndOfTerm] and
// [EndOfTrial] return the last day of a term; [Refund] names the first
// and last day of its billing period.
//
// # Timelines and explanations
//
// [Lifecycle.Phases] (or [Timeline]) returns every phase, past and future,
// as the whole history leaves them: contiguous half-open intervals, each
// naming the version that judged it, that agree with At at every instant.
// [Status.Explain] turns a status into sentences with the rule ids and
// sources behind them. Each [Reason] carries its words as data (a
// lang.Message: a catalog key and typed arguments), so [Reason.In]
// renders it in English, German, Dutch or Danish with that language's
// dates and Microsoft's terms; [RefusalError.ReasonMessage] and
// [RefusalError.InsteadMessage] do the same for refusals.
//
// [Lifecycle.Deadlines] ranges over what happens to a subscription
// between two instants — phases, renewals, windows closing, purge dates —
// and [Transitions] over the phases that began across a portfolio ("what
// changed since last night"); [Lifecycle.Permitted] ranges over the
// commands with Check's answer for an actor, and [Status.CancelAtPeriodEnd]
// says whether an Active subscription ends with its current period.
//
// # Commands
//
// History grows only through checked commands. [Lifecycle.Apply] checks a
// [Command] against the state at its instant, the actor's role, the
// channel's legal event graph (a looplab/fsm description kept behind
// internal/) and the version of the policy in force then — windows, license
// limits, custom domains still attached — and returns a new Lifecycle with
// the event appended, or a [*RefusalError] that names the rule, the state
// and what the actor can do instead. [Lifecycle.Check] asks the same
// question without appending; [Lifecycle.Quote] prices a cancellation or a
// license removal in exact [Money]; [Purchase] judges a new subscription
// if the table still sells it; [Lifecycle.Upgrade] ends or reduces a
// subscription and buys the one it is upgraded to, which on CSP inherits
// its cancellation window (R-LC-11, R-CAN-16); [CanRemovePaymentMethod]
// judges a payment method across every subscription that uses it, and
// [CanAddPaymentMethod] a new one (R-PAY-4); [Diagram] draws a channel's
// graph as Mermaid or Graphviz text.
//
// # Storing and logging
//
// A Subscription is stored as JSON: json.Marshal writes the document
// lapse-subscription/v1 ([SubscriptionFormat], described with its JSON
// Schema in docs/subscription-json.md), history included, and
// json.Unmarshal reads it back through [New], so that the result is a
// valid Subscription or a [*FieldError] naming the field. A field the
// format does not have is refused, never dropped. A [Status] points into
// a judged lifecycle and cannot be rebuilt; it is written as its
// [StatusRecord] ([Status.Record]), a plain value of every answer that
// reads back exactly. [Phase], [Capabilities], [Reason], [Command],
// [Price], [PaymentMethod] and [Refund] have JSON forms in the same style:
// lowerCamelCase keys, enums and role sets by name, instants in RFC 3339,
// days as dates. Status and Subscription are slog.LogValuer values: a log
// line shows their main answers by name, never the numbers behind them.
//
// # Errors
//
// Bad input is an error that names the field and value — an invalid
// [Spec], a history that could not have happened, a table without rules
// for the subscription — matching [ErrInvalid], [ErrHistory] or
// [ErrRulesMismatch] with errors.Is (a missing version also matches
// policy.ErrNoRule). A command that is refused matches [ErrRefused] and one
// of [ErrRole], [ErrState], [ErrWindowClosed], [ErrLicenseLimit],
// [ErrPrecondition], [ErrNotOffered] or [ErrSalesEnded]. A question whose
// answer depends on a documented rule lapse does not model (R-CAN-17, a
// partial upgrade outside CSP) is a [*NotModelledError] matching
// [ErrNotModelled], never a guess. The zero
// [Lifecycle] returns errors and the zero [Status] answers zero. Nothing
// panics.
//
// # Limits
//
// Instants lie in [1900-01-01, 2200-01-01) ([CheckInstant]): a zero or
// out-of-range instant is a [*FieldError], [EndOfTerm] and [EndOfTrial]
// return an error rather than an absurd date, and Apply refuses an event
// that would end a term past the range. A history holds at most
// [MaxEvents] events ([ErrHistoryLimit]); Apply appends one in amortised
// constant time, so a history built by Apply costs what it holds. [Money]
// arithmetic is exact or an error — overflow, mixed currencies, a currency
// that is not an ISO 4217 code with a minor unit ([MinorDigits]) — never a
// wrapped amount.
package lifecycle
