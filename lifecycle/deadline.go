package lifecycle

import (
	"database/sql/driver"
	"iter"
	"time"

	"github.com/lapse-go/lapse/internal/enumtext"
	"github.com/lapse-go/lapse/policy"
)

// DeadlineKind says what happens at a [Deadline]. The zero value is
// invalid. The kinds are declared in the order [Lifecycle.Deadlines]
// lists deadlines that fall on the same instant.
type DeadlineKind uint8

// Deadline kinds. Each Deadline.At is the first instant at which the thing
// has happened, or is no longer possible.
const (
	// PhaseBegins: a phase of [Lifecycle.Phases] begins — a new state
	// (Expired at the end date, Disabled, Deleted, Active again after a
	// reactivation), or a new phase of the same state: a free trial's
	// conversion to paid (TrialConverted), an Extended Service Term
	// (ExtendedServiceTerm), or Disabled's second part after a CSP
	// suspension (C-8). Deadline.State and Deadline.Cause are the phase's.
	PhaseBegins DeadlineKind = iota + 1
	// TermRenews: a new term of the renewal chain begins and the
	// subscription stays in its phase (R-REN-1, R-REN-5). A trial's
	// conversion and the start of an Extended Service Term are
	// PhaseBegins instead.
	TermRenews
	// CancelWindowCloses: the cancellation window of the current term is
	// closed — "Cancel now" is refused with ErrWindowClosed from At on
	// (R-CAN-3, R-CAN-4, R-CAN-5, R-CAN-14; DC-5, DC-6 for whether the
	// boundary is inside): [Status.CancelWindowClosesAt]. A
	// trial's cancellation has no window (R-TRI-3), so a trial has none of
	// these.
	CancelWindowCloses
	// ReactivationEnds: the reactivation window closes: the first instant
	// at which reactivation is no longer possible (R-REA-1, R-REA-3,
	// R-REA-7, C-6); after an explicit deletion, the nanosecond after the
	// last of its hours (DC-5). Whether, and by whom, a reactivation is
	// accepted before it is [Lifecycle.Permitted]'s answer.
	ReactivationEnds
	// LicenseConflictEnds: the period in which assigned licenses in excess
	// of a reduced quantity must be resolved is over (R-LIC-4, C-15).
	LicenseConflictEnds
	// AdminCenterLagEnds: the admin center must show a partner's
	// cancellation on behalf of the customer by now (R-LC-12, C-19).
	AdminCenterLagEnds
	// PurgeMayStart: customer data may be deleted from At on: the
	// earliest instant of the purge rules (R-DAT-2…R-DAT-5, R-TRI-5).
	PurgeMayStart
	// DataGone: customer data is guaranteed deleted from At on: the end of
	// the purge deadline's day for day-based rules (DC-7), the deadline
	// itself for hour-based ones (R-DAT-4); [Status.DataGoneBy].
	DataGone
)

var (
	deadlineKindNames = []string{"", "phase-begins", "term-renews", "cancel-window-closes", "reactivation-ends",
		"license-conflict-ends", "admin-center-lag-ends", "purge-may-start", "data-gone"}
	deadlineKinds = enumtext.New[DeadlineKind]("DeadlineKind", deadlineKindNames, enumError)
)

// String returns the kind's text name, such as "reactivation-ends", or
// "%!DeadlineKind(n)" for an invalid value.
func (k DeadlineKind) String() string { return deadlineKinds.String(k) }

// IsValid reports whether k is a declared kind.
func (k DeadlineKind) IsValid() bool { return deadlineKinds.Valid(k) }

// MarshalText implements encoding.TextMarshaler; an invalid kind is a
// *FieldError.
func (k DeadlineKind) MarshalText() ([]byte, error) { return deadlineKinds.MarshalText(k) }

// UnmarshalText implements encoding.TextUnmarshaler, reading a name as
// ParseDeadlineKind does.
func (k *DeadlineKind) UnmarshalText(b []byte) error { return deadlineKinds.UnmarshalText(k, b) }

// Value implements database/sql/driver.Valuer: the kind's name.
func (k DeadlineKind) Value() (driver.Value, error) { return deadlineKinds.Value(k) }

// Scan implements database/sql.Scanner: a name as a string or []byte.
// SQL NULL is refused; scan a nullable column into a sql.Null[DeadlineKind].
func (k *DeadlineKind) Scan(src any) error { return deadlineKinds.Scan(k, src) }

// ParseDeadlineKind parses a kind's text name, in any ASCII case.
func ParseDeadlineKind(name string) (DeadlineKind, error) { return deadlineKinds.Parse(name) }

// Deadline is one instant at which something about a subscription
// changes: a phase begins, a term renews, a window closes, data may be or
// is deleted. It is a plain value; the zero Deadline is invalid (its Kind
// is zero).
type Deadline struct {
	Kind DeadlineKind
	// At is the first instant at which it has happened, or is no longer
	// possible, in UTC.
	At time.Time
	// State is the state at At: for PhaseBegins the state that begins.
	State State
	// Cause is, for PhaseBegins, why the phase begins, and Renewed for
	// TermRenews; zero for the other kinds.
	Cause Cause
	// Rules are the rule ids behind it, such as "R-DAT-2, DC-7".
	Rules string
}

// Deadlines returns the deadlines of the subscription that fall after
// from and by to — every Deadline with from < At ≤ to — in order of At;
// deadlines on the same instant come in the order their kinds are
// declared ([PhaseBegins] first). The interval is the one of
// [Transitions]: a deadline at exactly from has passed by from (a status
// at from already shows it), and consecutive windows (t0, t1], (t1, t2]
// list every deadline once, so that a job that reports Transitions(…,
// last, now) and Deadlines(now, horizon) neither repeats nor misses one.
//
// The deadlines are those the whole history leaves, as [Lifecycle.Phases]
// gives the phases: PhaseBegins is every phase start, including those an
// event of the history began (a cancellation, a reactivation, the
// purchase itself); PurgeMayStart and DataGone are every instant from
// which data may be, or is, deleted where it could not be, or was not
// guaranteed, an instant before (an explicit deletion makes both happen
// at once); the other kinds are the instants the status an instant before
// announces (a reactivation window that a reactivation ended early does
// not close). When from is at or after the last event of the history —
// the usual question, "what is coming" — they are exactly what the
// status at from announces: the next phase at NextAt and those that
// follow it, the renewals, and the ends of its windows and periods and
// its purge instants that lie after from.
//
// An error is a *FieldError (ErrInvalid): the zero Lifecycle, from or to
// zero or outside the supported range, or to before from; the sequence
// is then empty. from may precede the purchase; the purchase is then the
// first PhaseBegins. The sequence reads no clock, can be ranged over any
// number of times and concurrently, and stops early when the loop
// breaks; a PhaseBegins costs a few allocations for its Rules, the other
// kinds none.
func (lc Lifecycle) Deadlines(from, to time.Time) (iter.Seq[Deadline], error) {
	if lc.s == nil {
		return noDeadlines, &FieldError{Field: "Lifecycle", Value: "zero", Reason: "not built with lifecycle.Judge"}
	}
	lo, hi, err := checkWindow(from, to)
	if err != nil {
		return noDeadlines, err
	}
	return func(yield func(Deadline) bool) {
		w := deadlineWalk{lc: &lc, from: lo, to: hi, yield: yield}
		w.run()
	}, nil
}

func noDeadlines(func(Deadline) bool) {}

// checkWindow checks the interval (from, to] of Deadlines and Transitions
// and returns its ends.
func checkWindow(from, to time.Time) (lo, hi int64, err error) {
	if err := checkInstant("from", from); err != nil {
		return 0, 0, err
	}
	if err := checkInstant("to", to); err != nil {
		return 0, 0, err
	}
	if to.Before(from) {
		return 0, 0, &FieldError{Field: "to", Value: to, Reason: "before from " + from.UTC().Format(time.RFC3339Nano)}
	}
	return ns(from), ns(to), nil
}

// status returns the Status of instant t in segment i of lc (counting the
// closed segments, then the open ones), as At returns it when segment i
// holds t.
func (lc *Lifecycle) status(i int, t int64) Status {
	var d *detail
	if i < len(lc.marks) {
		d = &lc.details[i]
	} else {
		d = &lc.tailDetails[i-len(lc.marks)]
	}
	m := lc.mark(i)
	return Status{m: m, d: d, f: &lc.folds[m.fold], at: t}
}

// mark returns the mark of segment i.
func (lc *Lifecycle) mark(i int) *mark {
	if i < len(lc.marks) {
		return &lc.marks[i]
	}
	return &lc.tail[i-len(lc.marks)]
}

// start returns the first instant of segment i.
func (lc *Lifecycle) start(i int) int64 { return lc.mark(i).start }

// end returns the first instant after segment i: the next one's start, or
// never for the last.
func (lc *Lifecycle) end(i int) int64 {
	if i+1 < lc.segments() {
		return lc.start(i + 1)
	}
	return never
}

// phaseStart reports whether segment i begins a phase of Phases: its
// phase began where it starts. A segment that continues a phase — cut by
// an event that kept the state, or by a new version in force for
// commands — carries the earlier start of its phase.
func (lc *Lifecycle) phaseStart(i int) bool {
	if i < len(lc.marks) {
		return lc.details[i].since == lc.marks[i].start
	}
	j := i - len(lc.marks)
	return lc.tailDetails[j].since == lc.tail[j].start
}

// after returns the index of the first segment that starts after t, or
// the number of segments when none does.
func (lc *Lifecycle) after(t int64) int {
	if t < lc.tail[0].start { // a closed segment, or none before the purchase
		return holding(lc.marks, t) + 1
	}
	return len(lc.marks) + holding(lc.tail, t) + 1
}

// dueItem is a deadline found but not yet yielded: its kind and instant,
// the segment that holds the instant and the one that found it, and its
// rules when they were at hand there.
type dueItem struct {
	at        int64
	hold, ann int
	kind      DeadlineKind
	rules     string
}

// deadlineWalk walks the segments of a lifecycle in order and yields the
// deadlines in (from, to]. Each segment [a, b) contributes the deadlines
// its status announces in (a, b] — at b, those of the instant just before
// it — and the deadlines that begin at b with the next segment (a phase,
// data deletable or gone), so that all those of one instant are sorted
// together.
type deadlineWalk struct {
	lc       *Lifecycle
	from, to int64
	yield    func(Deadline) bool
	buf      [10]dueItem
	n        int
}

func (w *deadlineWalk) run() {
	lc := w.lc
	i := 0
	if a := lc.start(0); w.from < a {
		w.boundary(0)
		if !w.flush(a) {
			return
		}
	} else {
		i = lc.after(w.from) - 1 // the segment that holds from
	}
	for n := lc.segments(); i < n; i++ {
		if !w.segment(i) { // past to, or the loop broke
			return
		}
	}
}

// add records a deadline of kind at t, held by segment hold. A pass
// records at most ten: a renewal, a window, the five of the segment's own
// status and the three that begin with the next segment.
func (w *deadlineWalk) add(kind DeadlineKind, t int64, hold int) {
	w.buf[w.n] = dueItem{at: t, hold: hold, ann: hold, kind: kind}
	w.n++
}

// flush yields the recorded deadlines up to to, in order of instant and
// kind, and forgets them; it reports whether to go on past until: false
// when the loop broke, or until or a deadline reached to.
func (w *deadlineWalk) flush(until int64) bool {
	items := w.buf[:w.n]
	w.n = 0
	for i := 1; i < len(items); i++ { // insertion sort: a handful at most
		for j := i; j > 0 && (items[j].at < items[j-1].at || (items[j].at == items[j-1].at && items[j].kind < items[j-1].kind)); j-- {
			items[j], items[j-1] = items[j-1], items[j]
		}
	}
	for _, it := range items { // after from by construction: each pass starts at from or later
		if it.at > w.to || !w.yield(w.deadline(it)) {
			return false
		}
	}
	return until < w.to
}

// boundary records the deadlines that begin with segment j at its start:
// a phase, and data that becomes deletable or is gone from there on
// though it was not an instant before.
func (w *deadlineWalk) boundary(j int) {
	lc := w.lc
	a := lc.start(j)
	if lc.phaseStart(j) {
		w.add(PhaseBegins, a, j)
	}
	st := lc.status(j, a)
	nb, gone, ok := st.purge()
	if !ok {
		return
	}
	// The purge instants before a, those of segment j−1's fold (they do
	// not depend on the instant): data deletable or gone at a that was not
	// at a−1.
	pnb, pgone := never, never // nothing before the purchase
	if j > 0 {
		prev := lc.status(j-1, lc.start(j-1))
		if n, g, ok := prev.purge(); ok {
			pnb, pgone = n, g
		}
	}
	if nb <= a && pnb >= a {
		w.add(PurgeMayStart, a, j)
	}
	if gone <= a && pgone >= a {
		w.add(DataGone, a, j)
	}
}

// segment records and yields the deadlines of segment i: those its status
// announces in (a, b], the renewals and windows of each term it holds,
// and those that begin with the next segment at b. It reports whether to
// go on.
func (w *deadlineWalk) segment(i int) bool {
	lc := w.lc
	a, b := lc.start(i), lc.end(i)
	st := lc.status(i, a)
	hold := func(t int64) int { // the segment that holds t in (a, b]
		if t == b {
			return i + 1
		}
		return i
	}

	// The deadlines of the segment's own status; a pass yields those in
	// its (lo, hi], within (a, b] (the purge instants within (a, b): at b
	// they are the next segment's boundary). Reactivation is open until
	// reactUntil in every segment that has one but an Active one, which
	// holds the run that follows it (reactivationOpen).
	var singles [5]dueItem
	n := 0
	single := func(kind DeadlineKind, t int64) {
		singles[n] = dueItem{at: t, hold: hold(t), ann: i, kind: kind}
		n++
	}
	if u := st.reactivateBefore(); u != none { // C-6, DC-5: after a deletion, the last instant is inside
		single(ReactivationEnds, u)
	}
	if c := st.f.conflictEnd; c != noDay {
		single(LicenseConflictEnds, c.ns())
	}
	if u, ok := st.f.lagEnd(); ok {
		single(AdminCenterLagEnds, u.ns())
	}
	if nb, gone, ok := st.purge(); ok {
		if nb < b {
			single(PurgeMayStart, nb)
		}
		if gone < b {
			single(DataGone, gone)
		}
	}

	// The terms the segment holds, from the one that holds from or a: a
	// pass each, so that a subscription that renews for decades costs
	// only the terms up to to.
	renewing := st.m.state == Active && st.f.renews()
	windowed := (st.m.state == Active || st.m.state == Suspended) && !st.d.trial
	lo := max(a, w.from)
	for {
		hi := b
		st.at = lo
		if renewing {
			t := *st.f
			t.rollTo(lo)
			if next := t.tEnd.add(1).ns(); next <= b {
				hi = next
				if t.renews() && !t.is(inTrial) && (!t.is(estNext) || t.is(inEST)) {
					w.add(TermRenews, next, hold(next)) // not a conversion or an EST: those begin phases
				}
			}
		}
		if windowed {
			if c, rules, ok := windowCloses(&st); ok && lo < c && c <= hi {
				w.add(CancelWindowCloses, c, hold(c))
				w.buf[w.n-1].rules = rules
			}
		}
		for _, s := range singles[:n] {
			if lo < s.at && s.at <= hi {
				w.buf[w.n] = s
				w.n++
			}
		}
		if hi == b && b != never {
			w.boundary(i + 1)
		}
		if !w.flush(hi) {
			return false
		}
		if hi >= b {
			return true
		}
		lo = hi
	}
}

// windowCloses returns the first instant at which the cancellation window
// of the term holding st's instant is closed, if it closes after being
// open, and the rule ids of that window.
func windowCloses(st *Status) (int64, string, bool) {
	t0, win := st.cancelWindow()
	if win.Kind != policy.AfterStart {
		return 0, "", false
	}
	c := windowClosesAt(&win, t0) // as Status.CancelWindowClosesAt
	rules, _ := windowRule(st, st.f.b.channel(), &win)
	return c, rules, windowOpen(&win, t0, c-1) && !windowOpen(&win, t0, c)
}

// deadline returns the Deadline of it, with the state at its instant and
// the rules behind it.
func (w *deadlineWalk) deadline(it dueItem) Deadline {
	lc := w.lc
	at := lc.status(it.hold, it.at)
	d := Deadline{Kind: it.kind, At: timeOf(it.at), State: at.m.state}
	switch it.kind {
	case PhaseBegins:
		d.Cause = at.m.cause
		_, d.Rules, _ = at.causeReason()
	case TermRenews:
		d.Cause, d.Rules = Renewed, "R-REN-1, R-REN-5"
	case CancelWindowCloses:
		d.Rules = it.rules
	case ReactivationEnds: // the rules of the segment that announced it, whatever its instant
		pre := lc.status(it.ann, lc.start(it.ann))
		d.Rules, _ = pre.reactivationRules()
	case LicenseConflictEnds:
		d.Rules = "R-LIC-4, C-15"
	case AdminCenterLagEnds:
		d.Rules = "R-LC-12, C-19"
	case PurgeMayStart, DataGone:
		d.Rules = purgeRule(&at)
	}
	return d
}

// purgeRule returns the rule ids of the purge bounds of st's fold, by the
// case of fold.purge that computes them.
func purgeRule(st *Status) string {
	f := st.f
	switch {
	case f.mode == deleted:
		return "R-DAT-4"
	case f.mode == cancelled && f.b.rulesAt(f.modeAt).Cancel.Effect == policy.CancelToDeleted:
		return "R-DAT-5"
	case f.mode == cancelled:
		return "R-DAT-2, DC-7"
	case f.is(cancelDeferred):
		return "R-DAT-2, C-21"
	case f.mode == running && f.is(inTrial) && !f.is(trialConverts):
		return "R-TRI-5, R-TRI-6"
	}
	return "R-DAT-3, DC-7"
}
