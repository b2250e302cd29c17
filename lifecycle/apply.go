package lifecycle

import (
	"slices"
	"time"

	"github.com/lapse-go/lapse/policy"
)

// Apply issues cmd at the instant at and returns the judged lifecycle with
// the command's event appended to the history; lc itself is never
// changed. Only the new event is folded: the segments before at are
// shared in meaning with lc (copied, not recomputed). Apply reads no clock
// and is safe for concurrent use.
//
// Apply checks, in order:
//
//  1. the command itself (kind, actor, counts) and the instant: at must
//     not precede the start or the last event of the history
//     (*HistoryError, ErrHistory), since history only grows at its end;
//  2. the legal event graph of the subscription's channel (the looplab/fsm
//     description drawn by [Diagram]) in the state [Lifecycle.At] gives at
//     at: a command with no edge there is refused with ErrState (or a more
//     specific sentinel, such as ErrNotOffered for a trial extension on
//     CSP);
//  3. the policy guards under the version in force at at: the actor's
//     role (§3.12), windows under the version in force when they opened
//     (R-CAN-3, R-CAN-5, R-CAN-14, R-LIC-2, R-LIC-7, R-TRI-4), the online
//     license limit (R-CAN-1, R-CAN-6, R-CAN-7), preconditions (custom
//     domains R-CAN-10, assigned licenses R-LIC-1, recurring billing
//     R-LIC-2, R-REN-2), what the rules offer (R-LC-9, R-LC-13, R-TRI-8,
//     R-REF-4) and the end of sales (C-23);
//  4. the new event, folded as [Judge] folds the history.
//
// A refusal is a *RefusalError that names the rule, its sources, the state
// and instant, why, and what the actor can do instead; it matches
// ErrRefused and one specific sentinel with errors.Is. Invalid input is a
// *FieldError (ErrInvalid).
//
// Reactivate on a Suspended CSP subscription is recorded as Unsuspend.
func (lc Lifecycle) Apply(cmd Command, at time.Time) (Lifecycle, error) {
	_, ev, err := lc.check(&cmd, at)
	if err != nil {
		return Lifecycle{}, err
	}
	return lc.extend(ev)
}

// Check reports whether Apply would accept cmd at the instant at, without
// building the new lifecycle: nil, or the error Apply would return.
func (lc Lifecycle) Check(cmd Command, at time.Time) error {
	_, _, err := lc.check(&cmd, at)
	return err
}

// check runs steps 1–3 of Apply and returns the status at at and the event
// to append.
func (lc *Lifecycle) check(cmd *Command, at time.Time) (Status, Event, error) {
	if err := cmd.check(); err != nil {
		return Status{}, Event{}, err
	}
	if lc.s == nil {
		return Status{}, Event{}, &FieldError{Field: "Lifecycle", Value: "zero", Reason: "not built with lifecycle.Judge"}
	}
	prev := lc.s.spec.Start
	if n := len(lc.s.spec.History); n > 0 {
		prev = lc.s.spec.History[n-1].At
	}
	if at.Before(prev) {
		return Status{}, Event{}, &HistoryError{Index: len(lc.s.spec.History), Kind: cmd.Kind.event(), At: at,
			Reason: "a command can't be issued before the start or the last event at " + prev.UTC().Format(time.RFC3339Nano)}
	}
	st, err := lc.At(at)
	if err != nil {
		return Status{}, Event{}, err
	}
	m, err := machineFor(lc.s.spec.Channel)
	if err != nil {
		return Status{}, Event{}, err
	}
	var ev Event
	if r := admit(m, lc.s, cmd, &st, &ev, new(RefusalError)); r != nil {
		return Status{}, Event{}, r
	}
	ev.At = at
	return st, ev, nil
}

// extend returns lc with ev appended to the history, folding only ev: the
// last fold's segments, which ran to the open end, are cut at ev's instant
// and the new fold's follow.
func (lc *Lifecycle) extend(ev Event) (Lifecycle, error) {
	next, err := Subscription{lc.s}.append(ev)
	if err != nil {
		return Lifecycle{}, err
	}
	e := engine{s: next.sub, b: lc.book()}
	t := next.ts[len(next.ts)-1]
	f := lc.folds[len(lc.folds)-1]
	k := holding(lc.marks, t)
	carry := lc.segment(k)
	if err := e.step(&f, len(next.ts)-1, &next.spec.History[len(next.ts)-1], t, &carry); err != nil {
		return Lifecycle{}, err
	}
	cut := k
	if lc.marks[k].start < t {
		cut = k + 1
	}
	var buf [2 * maxPhases]segment
	segs := e.fold(&f, t, &carry, buf[:0], never)
	for i := range segs {
		segs[i].fold = int32(len(lc.folds))
	}
	marks, details := split(segs, slices.Clip(lc.marks[:cut]), slices.Clip(lc.details[:cut]))
	folds := append(slices.Clip(lc.folds), f)
	return Lifecycle{s: next.sub, marks: marks, details: details, folds: folds}, nil
}

// Purchase validates spec like [New] and checks that table still sells the
// subscription at spec.Start under the version in force then: Open License
// sells nothing on or after 2022-01-01 (C-23, AC-32), a refusal matching
// ErrSalesEnded; a free trial comes with at most policy.TrialRules.Licenses
// licenses (25, R-TRI-1, R-TRI-7), a refusal matching ErrLicenseLimit;
// CSP traditional gives no free trial for government, education or add-on
// offers (R-TRI-8), a refusal matching ErrNotOffered. It returns the
// judged lifecycle of the new subscription. Package lifecycle/tenant's
// Purchase adds what needs the tenant (one trial per offer, a blocked
// billing account).
func Purchase(spec Spec, table *policy.Table) (Lifecycle, error) {
	sub, err := New(spec)
	if err != nil {
		return Lifecycle{}, err
	}
	lc, err := Judge(sub, table)
	if err != nil {
		return Lifecycle{}, err
	}
	r := lc.book().rulesAt(sub.start)
	if !r.SalesEnd.IsZero() && !spec.Start.Before(r.SalesEnd) {
		info := refusals[refSalesEnded]
		return Lifecycle{}, &RefusalError{Channel: spec.Channel, State: Active, Trial: spec.Trial,
			At: spec.Start.UTC(), Rule: info.rule, Sources: info.sources, Until: r.SalesEnd, why: refSalesEnded, action: "purchase"}
	}
	if e := trialOfferRefusal(&spec, r); e != nil { // R-TRI-8
		return Lifecycle{}, e
	}
	// R-TRI-1, R-TRI-7: a free trial comes with 25 licenses (seats).
	if spec.Trial && r.Trial.Licenses > 0 && spec.Licenses > r.Trial.Licenses {
		info := refusals[refTrialLicenses]
		return Lifecycle{}, &RefusalError{Channel: spec.Channel, State: Active, Trial: true, At: spec.Start.UTC(),
			Rule: info.rule, Sources: info.sources, Limit: r.Trial.Licenses, count: spec.Licenses, why: refTrialLicenses, action: "purchase"}
	}
	return lc, nil
}
