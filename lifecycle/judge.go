package lifecycle

import (
	"errors"
	"time"

	"github.com/lapse-go/lapse/policy"
)

// Lifecycle is a subscription judged against a policy table: its history
// folded once into segments — intervals in which every answer of a
// [Status] stands still — so that any instant is answered by a search and
// a copy ([Lifecycle.At]). Build one with [Judge].
//
// A Lifecycle is a small immutable value, a handle to data Judge fills
// once: copying one is cheap, and it is safe for concurrent use. The zero
// Lifecycle is invalid; its methods return errors.
type Lifecycle struct {
	s *sub
	// marks and details are the closed segments: those of every fold but
	// the last, in order, each fold's cut at the next event; marks[i] and
	// details[i] are the two parts of segment i. They only grow at their
	// end, so Apply shares them with the lifecycle it extends (see line).
	marks   []mark
	details []detail
	// tail and tailDetails are the open segments: the last fold's, from
	// the last event (or the purchase) to the open end; never empty. Apply
	// rebuilds them.
	tail        []mark
	tailDetails []detail
	// folds[i] is the fold after the first i events of the history.
	folds []fold
}

// Judge folds sub's history against table and returns the judged
// lifecycle. table is usually [policy.Builtin] or a loaded policy file
// with its override layers; [policy.Pin] makes a table of fixed rules.
//
// Judging resolves every rule by the version of the table in force when it
// applies, looked up under sub's key (channel, term, product, offer,
// country):
//
//   - how each term ends — its Expired and Disabled days, the expiry
//     anchor, whether services stay on while Expired, whether a trial
//     converts — by the version in force on that term's end date (R-LC-14;
//     AC-20: an MCA term ending on 2026-01-31 expires, one ending on or
//     after 2026-02-09 has no Expired state);
//   - each cancellation window by the version in force when it opened at
//     the purchase, the renewal or the seat addition, unless a later
//     version declares its window retroactive (R-CAN-14: the seven-day CSP
//     window of March 2022 "will apply retroactively to subscriptions
//     purchased seven days prior");
//   - each event of the history, and what it leads to (a cancellation's
//     Disabled days and purge bounds, a suspension's limit), by the version
//     in force at its instant; so is each command of [Lifecycle.Apply] and
//     each capability of [Lifecycle.At].
//
// The table must have versions in force for the key without a gap from
// the first day of sub on; otherwise the error is a *RulesError that wraps
// the *policy.NoRuleError. A history event that could not have happened
// in the state it found is a *HistoryError. Judge reads no clock.
func Judge(sub Subscription, table *policy.Table) (Lifecycle, error) {
	if sub.IsZero() {
		return Lifecycle{}, &FieldError{Field: "Subscription", Value: "zero", Reason: "not built with lifecycle.New"}
	}
	e, err := newEngine(sub.sub, table)
	if err != nil {
		return Lifecycle{}, err
	}
	// One fold per event and one before them. The segments, one or two a
	// fold and a few for the last, gather on the stack and are stored in
	// their two parts once they are counted.
	var segBuf [16]segment
	segs, open, folds, err := e.judge(segBuf[:0], make([]fold, 0, len(e.s.ts)+1))
	if err != nil {
		return Lifecycle{}, err
	}
	lc := Lifecycle{s: e.s, folds: folds}
	marks, details := split(segs, make([]mark, 0, len(segs)), make([]detail, 0, len(segs)))
	lc.cut(marks, details, open)
	return lc, nil
}

// cut sets lc's closed and open segments from marks and details, whose
// open segments start at index open. The closed ones are clipped, so that
// Apply appends to a copy of them, not over the open ones.
func (lc *Lifecycle) cut(marks []mark, details []detail, open int) {
	lc.marks, lc.details = marks[:open:open], details[:open:open]
	lc.tail, lc.tailDetails = marks[open:], details[open:]
}

// segments returns the number of segments of lc, closed and open.
func (lc *Lifecycle) segments() int { return len(lc.marks) + len(lc.tail) }

// split appends the marks and details of segs to marks and details.
func split(segs []segment, marks []mark, details []detail) ([]mark, []detail) {
	for i := range segs {
		marks = append(marks, segs[i].mark)
		details = append(details, segs[i].detail)
	}
	return marks, details
}

// book returns the book lc was judged by, which every fold holds.
func (lc *Lifecycle) book() book { return lc.folds[0].b }

// segment returns segment i of lc (counting the closed ones, then the
// open ones), its two parts together.
func (lc *Lifecycle) segment(i int) segment {
	if i < len(lc.marks) {
		return segment{lc.marks[i], lc.details[i]}
	}
	i -= len(lc.marks)
	return segment{lc.tail[i], lc.tailDetails[i]}
}

// judge folds the subscription's history and appends its segments to segs
// and its folds to folds; a segment's fold counts from the first fold it
// appends. open is the index in segs where the last fold's segments start.
func (e *engine) judge(segs []segment, folds []fold) (_ []segment, open int, _ []fold, _ error) {
	base := len(folds)
	f := e.first()
	origin := e.s.start
	var carry segment // the phase the last event found: none before the first
	for i := range e.s.spec.History {
		t := e.s.ts[i]
		// The fold's segments up to the one that holds the event, the
		// phase the event finds; one that starts at it is dropped.
		first := len(segs)
		segs = e.fold(&f, origin, &carry, segs, t)
		k := len(segs) - 1
		if k < first {
			ev := &e.s.spec.History[i]
			return nil, 0, nil, &HistoryError{Index: i, Kind: ev.Kind, At: ev.At, Reason: "no state at this instant"}
		}
		carry = segs[k]
		if segs[k].start == t {
			k--
		}
		segs = segs[:k+1]
		for j := first; j < len(segs); j++ {
			segs[j].fold = int32(len(folds) - base)
		}
		folds = append(folds, f)
		if err := e.step(&f, i, &e.s.spec.History[i], t, &carry); err != nil {
			return nil, 0, nil, err
		}
		origin = t
	}
	open = len(segs)
	segs = e.fold(&f, origin, &carry, segs, never)
	for i := open; i < len(segs); i++ {
		segs[i].fold = int32(len(folds) - base)
	}
	return segs, open, append(folds, f), nil
}

// JudgeAll judges every subscription of subs against table, as Judge does,
// and stores the lifecycles side by side: a few allocations for all of
// them rather than three each, and a sweep that asks each the same
// question reads memory in order.
// lcs[i] is subs[i] judged; it is the zero Lifecycle when subs[i] can't be
// judged, and err joins a *BatchError for each such i (errors.Is and
// errors.As reach the error Judge would have returned).
func JudgeAll(subs []Subscription, table *policy.Table) (lcs []Lifecycle, err error) {
	// A fold per event and one more per subscription; a segment per fold,
	// and for each subscription's last fold the phases that follow its
	// first (about two more on the built-in table: append grows the arrays
	// when a book needs more).
	nfolds := 0
	for _, sub := range subs {
		if !sub.IsZero() {
			nfolds += len(sub.ts) + 1
		}
	}
	type span struct{ seg, open, fold int }
	var (
		marks   = make([]mark, 0, nfolds+2*len(subs))
		details = make([]detail, 0, cap(marks))
		folds   = make([]fold, 0, nfolds)
		spans   = make([]span, len(subs)+1)
		scratch []segment // one subscription's segments at a time
		errs    []error
	)
	lcs = make([]Lifecycle, len(subs))
	for i, sub := range subs {
		spans[i] = span{len(marks), len(marks), len(folds)}
		if sub.IsZero() {
			errs = append(errs, &BatchError{Index: i, Err: &FieldError{Field: "Subscription", Value: "zero", Reason: "not built with lifecycle.New"}})
			continue
		}
		e, err := newEngine(sub.sub, table)
		if err == nil {
			var f []fold
			var open int
			scratch, open, f, err = e.judge(scratch[:0], folds)
			if err == nil {
				folds = f
				spans[i].open += open
				marks, details = split(scratch, marks, details)
				lcs[i] = Lifecycle{s: e.s}
			}
		}
		if err != nil {
			folds = folds[:spans[i].fold]
			errs = append(errs, &BatchError{Index: i, Err: err})
		}
	}
	spans[len(subs)] = span{len(marks), len(marks), len(folds)}
	for i := range lcs {
		if lcs[i].s != nil {
			lo, hi := spans[i], spans[i+1]
			// Full slice expressions: a lifecycle never reaches its
			// neighbours', and Apply appends to a copy.
			lcs[i].cut(marks[lo.seg:hi.seg:hi.seg], details[lo.seg:hi.seg:hi.seg], lo.open-lo.seg)
			lcs[i].folds = folds[lo.fold:hi.fold:hi.fold]
		}
	}
	return lcs, errors.Join(errs...)
}

// newEngine opens the book of versions for s and checks that the version
// in force when a trial starts offers trials.
func newEngine(s *sub, table *policy.Table) (engine, error) {
	b, err := openBook(table, s)
	if err != nil {
		return engine{}, err
	}
	if b.v.Len() > maxVersions {
		return engine{}, &RulesError{Field: "table", Value: tableName(table),
			Reason: "more than 65535 versions of the rules for " + s.key().String()}
	}
	if r := b.rulesAt(s.start); s.spec.Trial && (!r.Trial.Available || r.Trial.Days <= 0) {
		return engine{}, &RulesError{Field: "Rules.Trial.Available", Value: r.Trial.Available,
			Reason: "the subscription is a trial but the rules in force at its start (" + r.Version + ") offer no trial on " + r.Channel.String()}
	}
	return engine{s: s, b: b}, nil
}

// fold projects f from origin and appends its segments up to the one that
// holds until to buf, recording where the projection reaches Deleted in f.
func (e *engine) fold(f *fold, origin int64, carry *segment, buf []segment, until int64) []segment {
	var p projection
	e.project(&p, f, origin)
	f.deletedAt = p.deletedAt()
	return e.segments(f, &p, 0, carry, buf, until)
}

// IsZero reports whether lc is the zero (invalid) Lifecycle.
func (lc Lifecycle) IsZero() bool { return lc.s == nil }

// Subscription returns the subscription judged.
func (lc Lifecycle) Subscription() Subscription {
	if lc.s == nil {
		return Subscription{}
	}
	return Subscription{lc.s}
}

// Schedule returns the versions of the policy the subscription was judged
// by: the table's schedule for its key.
func (lc Lifecycle) Schedule() *policy.Schedule {
	if lc.s == nil {
		return nil
	}
	return lc.book().sched()
}

// At returns the status of the subscription at the instant t, as known at
// t: the history up to and including t judges it, and events after t do
// not change the answer (a later reactivation does not make an earlier
// Expired status Active, nor move the NextAt it announced). At(t).State()
// is the state of the phase of [Lifecycle.Phases] that holds t. The
// location of t does not matter. An instant before the purchase or outside
// 1900–2200 is a *FieldError. At reads no clock and allocates nothing.
func (lc Lifecycle) At(t time.Time) (Status, error) {
	if lc.s == nil {
		return Status{}, &FieldError{Field: "Lifecycle", Value: "zero", Reason: "not built with lifecycle.Judge"}
	}
	if err := checkAt(t); err != nil {
		return Status{}, err
	}
	n := ns(t)
	// Most questions are about the present, which the last segment holds:
	// it is the one memory access a sweep over many subscriptions makes.
	marks, details := lc.tail, lc.tailDetails
	i := len(marks) - 1
	if n < marks[i].start {
		if n < marks[0].start { // before the last event: a closed segment
			marks, details = lc.marks, lc.details
			if len(marks) == 0 || n < marks[0].start { // the first segment starts at the purchase
				return Status{}, beforeStart(t, lc.s)
			}
			i = len(marks)
		}
		i = holding(marks[:i], n)
	}
	m := &marks[i]
	return Status{m: m, d: &details[i], f: &lc.folds[m.fold], at: n}, nil
}

func beforeStart(at time.Time, s *sub) error {
	return &FieldError{Field: "at", Value: at, Reason: "before the subscription started at " + s.spec.Start.UTC().Format(time.RFC3339Nano)}
}

// Phases returns every phase of the subscription, past and future: from
// the purchase to the open-ended last phase (Deleted, or Active while it
// renews), as the whole history leaves them. Phases are contiguous,
// half-open and in order; each names the version of the policy that
// judged it. It allocates the slice it returns, once.
func (lc Lifecycle) Phases() []Phase {
	if lc.s == nil {
		return nil
	}
	// Two passes: count the phases, then fill exactly as many (a long
	// history of events that change no state has one phase).
	n := 0
	var prev segment
	for i := range lc.segments() {
		s := lc.segment(i)
		if i == 0 || !samePhase(&prev, &s) {
			n++
		}
		prev = s
	}
	out := make([]Phase, 0, n)
	for i := range lc.segments() {
		s := lc.segment(i)
		end := never
		if i+1 < lc.segments() {
			end = lc.segment(i + 1).start
		}
		if k := len(out); k > 0 && samePhase(&prev, &s) {
			// The same phase, cut by an event or a new version: the last
			// segment's version judged where it ends.
			out[k-1].End, out[k-1].Version = timeOf(end), lc.book().version(int32(s.ver))
			prev = s
			continue
		}
		out = append(out, Phase{State: s.state, Cause: s.cause, Start: timeOf(s.since), End: timeOf(end),
			Trial: s.trial, ExtendedServiceTerm: s.est, Version: lc.book().version(int32(s.ver))})
		prev = s
	}
	return out
}

// samePhase reports whether segment s continues the phase of segment p.
func samePhase(p, s *segment) bool {
	return p.state == s.state && p.since == s.since && p.trial == s.trial && p.est == s.est
}
