package lifecycle

import (
	"time"

	"github.com/lapse-go/lapse/policy"
)

// Apply issues cmd against sub at the instant at under rules and returns a
// new Subscription with the command's event appended; sub itself is never
// changed. It reads no clock and is safe for concurrent use.
//
// Apply checks, in order:
//
//  1. the command itself (kind, actor, counts), the rules (see [Evaluate])
//     and the instant: at must not precede the start or the last event of
//     the history (*HistoryError, ErrHistory), since history only grows at
//     its end;
//  2. the legal event graph of the subscription's channel (the looplab/fsm
//     description drawn by [Diagram]) in the state [Evaluate] gives at at:
//     a command with no edge there is refused with ErrState (or a more
//     specific sentinel, such as ErrNotOffered for a trial extension on
//     CSP);
//  3. the policy guards: the actor's role (§3.12), windows (R-CAN-3,
//     R-CAN-5, R-CAN-14, R-LIC-2, R-LIC-7, R-TRI-4), the online license
//     limit (R-CAN-1, R-CAN-6, R-CAN-7), preconditions (custom domains
//     R-CAN-10, assigned licenses R-LIC-1, recurring billing R-LIC-2,
//     R-REN-2), what the rules offer (R-LC-9, R-LC-13, R-TRI-8, R-REF-4)
//     and the end of sales (C-23);
//  4. the new history, evaluated again at at.
//
// A refusal is a *RefusalError that names the rule, its sources, the state
// and instant, why, and what the actor can do instead; it matches
// ErrRefused and one specific sentinel with errors.Is. Invalid input is a
// *FieldError or *RulesError (ErrInvalid).
//
// Reactivate on a Suspended CSP subscription is recorded as Unsuspend.
func Apply(sub Subscription, rules *policy.Rules, cmd Command, at time.Time) (Subscription, error) {
	ev, err := check(&sub, rules, &cmd, at)
	if err != nil {
		return Subscription{}, err
	}
	next, err := sub.append(ev)
	if err != nil {
		return Subscription{}, err
	}
	if _, err := Evaluate(next, rules, at); err != nil {
		return Subscription{}, err
	}
	return next, nil
}

// Check reports whether Apply would accept cmd against sub at the instant
// at under rules, without building the new subscription: nil, or the error
// Apply would return.
func Check(sub Subscription, rules *policy.Rules, cmd Command, at time.Time) error {
	_, err := check(&sub, rules, &cmd, at)
	return err
}

// check runs steps 1–3 of Apply and returns the event to append.
func check(sub *Subscription, rules *policy.Rules, cmd *Command, at time.Time) (Event, error) {
	if err := cmd.check(); err != nil {
		return Event{}, err
	}
	if !sub.IsZero() {
		prev := sub.spec.Start
		if n := len(sub.spec.History); n > 0 {
			prev = sub.spec.History[n-1].At
		}
		if at.Before(prev) {
			return Event{}, &HistoryError{Index: len(sub.spec.History), Kind: cmd.Kind.event(), At: at,
				Reason: "a command can't be issued before the start or the last event at " + prev.UTC().Format(time.RFC3339Nano)}
		}
	}
	st, err := Evaluate(*sub, rules, at)
	if err != nil {
		return Event{}, err
	}
	m, err := machineFor(sub.spec.Channel)
	if err != nil {
		return Event{}, err
	}
	n := nodeOf(&st)
	kind := cmd.Kind
	if kind == CmdReactivate && n == nodeSuspended {
		kind = CmdUnsuspend
	}
	if _, err := m.Step(int(n), int(kind)); err != nil {
		return Event{}, graphRefusal(cmd, sub.spec.Channel, &st, n)
	}
	ev := Event{Kind: kind.event(), At: at, Actor: cmd.Actor}
	if r := guard(sub, rules, cmd, &st, &ev); r != nil {
		return Event{}, r
	}
	return ev, nil
}

// Purchase validates spec like [New] and also checks that rules still sell
// the subscription at spec.Start: Open License sells nothing on or after
// 2022-01-01 (C-23, AC-32), a refusal matching ErrSalesEnded. rules must be
// for spec's channel.
func Purchase(spec Spec, rules *policy.Rules) (Subscription, error) {
	sub, err := New(spec)
	if err != nil {
		return Subscription{}, err
	}
	if err := checkFit(&sub, rules); err != nil {
		return Subscription{}, err
	}
	if !rules.SalesEnd.IsZero() && !spec.Start.Before(rules.SalesEnd) {
		info := refusals[refSalesEnded]
		return Subscription{}, &RefusalError{Channel: spec.Channel, State: Active, Trial: spec.Trial,
			At: spec.Start.UTC(), Rule: info.rule, Sources: info.sources, Until: rules.SalesEnd, why: refSalesEnded, action: "purchase"}
	}
	return sub, nil
}
