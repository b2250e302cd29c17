package lifecycle

import (
	"fmt"
	"time"

	"github.com/lapse-go/lapse/policy"
)

// Apply issues cmd at the instant at and returns the judged lifecycle with
// the command's event appended to the history; lc itself is never
// changed. Only the new event is folded, and the history and segments
// before it are shared with lc, not copied: building a history of n events
// by n Applies in a row costs O(n) in all (BenchmarkApplyBuild). A history
// holds at most [MaxEvents] events; the command that would append one more
// is refused with a *HistoryLimitError. Apply reads no clock and is safe
// for concurrent use, on one lifecycle or many.
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
// *FieldError (ErrInvalid): among them a license count that would pass
// 2147483647. A command whose effect would end the term on or after
// 2200-01-01, past the supported range, is a *HistoryError (ErrHistory).
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
// building the new lifecycle: nil, or the error Apply would return. The
// event is folded as Apply folds it, and the fold is dropped.
func (lc Lifecycle) Check(cmd Command, at time.Time) error {
	_, ev, err := lc.check(&cmd, at)
	if err == nil {
		// Fold the event and keep nothing, as Apply folds it: only the
		// fold knows, for example, where a renewed term ends, which may
		// be past the supported range.
		_, _, _, err = lc.step(ev)
	}
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
	if cmd.Kind == CmdAddLicenses && cmd.Licenses > maxLicenses-st.Licenses() {
		// Checked before the sum is formed: MaxInt would wrap it negative.
		return Status{}, Event{}, &FieldError{Field: "Command.Licenses", Value: cmd.Licenses,
			Reason: fmt.Sprintf("absurd: with the %d licenses held, more than %d", st.Licenses(), maxLicenses)}
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
// open segments, which ran to the open end, are cut at ev's instant, those
// before it close, and the new fold's segments open.
//
// Appending costs O(1) amortised, not a copy of the history: the history,
// its instants, the folds and the closed segments only grow at their end,
// so the new lifecycle appends to lc's arrays in place when it is the
// first to extend lc (it claims lc's history length on their shared line)
// and copies them, with room to grow, otherwise. No value ever reads past
// its own length, so nothing anyone reads is written. The open segments,
// a few, are rebuilt.
func (lc *Lifecycle) extend(ev Event) (Lifecycle, error) {
	s := lc.s
	n := len(s.ts)
	// Fold first: the engine reads nothing of the history, so a refusal
	// leaves the shared arrays unclaimed.
	f, carry, k, err := lc.step(ev)
	if err != nil {
		return Lifecycle{}, err
	}
	t := ns(ev.At)
	e := engine{s: s, b: lc.book()}
	cut := k // the open segments that start before t close
	if lc.tail[k].start < t {
		cut = k + 1
	}
	var buf [2 * maxPhases]segment
	segs := e.fold(&f, t, &carry, buf[:0], never)
	for i := range segs {
		segs[i].fold = int32(len(lc.folds))
	}

	// One allocation for the new subscription and, most often, its open
	// segments.
	x := new(extended)
	next := &x.sub
	*next = sub{spec: s.spec, start: s.start, day0: s.day0, dayE: s.dayE, cycle: s.cycle, line: s.line}
	out := Lifecycle{s: next}
	if s.line.n.CompareAndSwap(int64(n), int64(n+1)) {
		// The first to extend lc: append in place where there is room.
		next.spec.History = append(s.spec.History, ev)
		next.ts = append(s.ts, t)
		out.marks = append(lc.marks, lc.tail[:cut]...)
		out.details = append(lc.details, lc.tailDetails[:cut]...)
		out.folds = append(lc.folds, f)
	} else {
		// lc was extended before: a line of our own, with room to grow.
		next.line = new(line)
		next.line.n.Store(int64(n + 1))
		next.spec.History = append(grown(s.spec.History, 1), ev)
		next.ts = append(grown(s.ts, 1), t)
		out.marks = append(grown(lc.marks, cut), lc.tail[:cut]...)
		out.details = append(grown(lc.details, cut), lc.tailDetails[:cut]...)
		out.folds = append(grown(lc.folds, 1), f)
	}
	if len(segs) <= len(x.marks) {
		out.tail, out.tailDetails = split(segs, x.marks[:0:len(segs)], x.details[:0:len(segs)])
	} else {
		out.tail, out.tailDetails = split(segs, make([]mark, 0, len(segs)), make([]detail, 0, len(segs)))
	}
	return out, nil
}

// extended is what extend allocates at once: the new subscription and room
// for the open segments of its lifecycle (a projection's phases: Active,
// Expired, Disabled, Deleted), which are rebuilt at every Apply.
type extended struct {
	sub
	marks   [4]mark
	details [4]detail
}

// step folds ev into lc's last fold and returns the fold after it, the
// open segment ev found as the carry for the next, and that segment's
// index among the open ones.
func (lc *Lifecycle) step(ev Event) (fold, segment, int, error) {
	s := lc.s
	n := len(s.ts)
	if n >= MaxEvents {
		return fold{}, segment{}, 0, &HistoryLimitError{Len: n + 1}
	}
	prev := s.spec.Start
	if n > 0 {
		prev = s.spec.History[n-1].At
	}
	if err := checkEvent(n, ev, prev); err != nil {
		return fold{}, segment{}, 0, err
	}
	t := ns(ev.At)
	e := engine{s: s, b: lc.book()}
	f := lc.folds[len(lc.folds)-1]
	k := holding(lc.tail, t) // t is at or after the last event, where the open segments start
	carry := segment{lc.tail[k], lc.tailDetails[k]}
	if err := e.step(&f, n, &ev, t, &carry); err != nil {
		return fold{}, segment{}, 0, err
	}
	return f, carry, k, nil
}

// grown returns a copy of x with room for at least more elements after
// its length, and as many again: copies made by appending to a shared
// value double, so a line of Applies that keeps copying stays amortised.
func grown[E any](x []E, more int) []E {
	return append(make([]E, 0, 2*(len(x)+more)), x...)
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
