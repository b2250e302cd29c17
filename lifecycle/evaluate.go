package lifecycle

import (
	"time"

	"github.com/lapse-go/lapse/policy"
)

// Status is the answer of [Evaluate]: a subscription's state at one instant,
// since when, what comes next and when, its deadlines and what may be done.
// Instants are in UTC. A zero time.Time means "none": no next state (the
// subscription renews, or is Deleted), no deadline scheduled. Status is an
// immutable value, safe to copy and share; the zero Status (returned with
// an error) answers zero everywhere.
//
// A Status holds its instants as integers and converts one only when its
// method is called, so that Evaluate does not pay for the instants a
// caller does not read.
type Status struct {
	// Instants, as stamps (see stamp): the zero stamp is "none".
	at, since, nextAt, termStart, termEnd stamp
	conflictUntil, cancelWindowEnd        stamp
	reactivateUntil                       stamp
	purgeNotBefore, purgeDeadline         stamp
	deletedAt                             stamp

	licenses, assigned int
	caps               Capabilities
	state, next        State
	cause, nextCause   Cause
	trial, est         bool
	recurring          bool
	purgeByDay         bool

	channel policy.Channel
	version string
	cite    policy.Citation
}

// stamp is an instant as a Status stores it: its nanoseconds since 1970
// with the sign bit flipped, so that the zero stamp is none (the engine's
// "no instant", which flips to 0) and a zero Status has no instants.
type stamp int64

// stampOf returns the stamp of n; none and never (an open end) are the zero
// stamp.
func stampOf(n int64) stamp {
	if n == never {
		return 0
	}
	return stamp(n ^ none)
}

// ns returns the instant of a non-zero stamp.
func (s stamp) ns() int64 { return int64(s) ^ none }

// time returns the instant of s in UTC, or the zero time for the zero stamp.
func (s stamp) time() time.Time {
	if s == 0 {
		return time.Time{}
	}
	return timeOf(s.ns())
}

// At returns the instant judged, in UTC.
func (s Status) At() time.Time { return s.at.time() }

// State returns the lifecycle state at At.
func (s Status) State() State { return s.state }

// Since returns the instant the current state began (the start of the
// current phase).
func (s Status) Since() time.Time { return s.since.time() }

// Cause returns why the current state began.
func (s Status) Cause() Cause { return s.cause }

// Trial reports whether the subscription is in (or expiring from) its free
// trial.
func (s Status) Trial() bool { return s.trial }

// ExtendedServiceTerm reports whether the subscription runs on an Extended
// Service Term (R-LC-13).
func (s Status) ExtendedServiceTerm() bool { return s.est }

// Next returns the state that follows absent further events; zero (an
// invalid State) when nothing follows.
func (s Status) Next() State { return s.next }

// NextAt returns when the next state begins; zero when nothing follows.
func (s Status) NextAt() time.Time { return s.nextAt.time() }

// NextCause returns why the next state begins; zero when nothing follows.
func (s Status) NextCause() Cause { return s.nextCause }

// TermStart returns the first day of the current term (00:00Z).
func (s Status) TermStart() time.Time { return s.termStart.time() }

// TermEnd returns the end date of the current term (00:00Z).
func (s Status) TermEnd() time.Time { return s.termEnd.time() }

// RecurringBilling reports whether recurring billing (auto-renew) is on.
func (s Status) RecurringBilling() bool { return s.recurring }

// Licenses returns the purchased license count.
func (s Status) Licenses() int { return s.licenses }

// Assigned returns the assigned license count.
func (s Status) Assigned() int { return s.assigned }

// LicenseConflictUntil returns the first day after the period in which
// assigned licenses in excess of a reduced quantity must be resolved
// without service interruption (R-LIC-4); zero if none. AC-33's
// "2026-03-01…2026-05-29" is LicenseConflictUntil 2026-05-30.
func (s Status) LicenseConflictUntil() time.Time { return s.conflictUntil.time() }

// CancelWindowEnd returns the boundary of the current term's cancellation
// window (policy.Window.End; inclusive per Window.Inclusive); zero when the
// window is "any time" or "never", or the subscription is neither Active
// nor Suspended.
func (s Status) CancelWindowEnd() time.Time { return s.cancelWindowEnd.time() }

// ReactivateUntil returns the first instant at which reactivation is no
// longer possible (AC-08: a cancellation on 2026-05-10 can be reactivated
// through 2026-08-07, ReactivateUntil 2026-08-08); zero if the
// subscription cannot be (or need not be) reactivated.
func (s Status) ReactivateUntil() time.Time { return s.reactivateUntil.time() }

// PurgeNotBefore returns the earliest instant customer data may be deleted
// (R-DAT-*); zero while no purge is scheduled.
func (s Status) PurgeNotBefore() time.Time { return s.purgeNotBefore.time() }

// PurgeDeadline returns the latest instant by which customer data is
// deleted (R-DAT-*); zero while no purge is scheduled. Day-based deadlines
// (DC-7: "no later than 180 days") are the 00:00Z of the last day, meaning
// by the end of that day; hour-based ones (R-DAT-4) are exact.
// [Status.DataGoneBy] gives the instant from which the data is guaranteed
// gone.
func (s Status) PurgeDeadline() time.Time { return s.purgeDeadline.time() }

// Capabilities returns who may use what and do what at At (RULES.md §2).
func (s Status) Capabilities() Capabilities { return s.caps }

// DataGoneBy returns the instant from which the data is guaranteed to be
// deleted: the end of PurgeDeadline's day for day-based rules, the
// deadline itself for hour-based ones; zero while no purge is scheduled.
func (s Status) DataGoneBy() time.Time {
	if s.purgeDeadline == 0 || !s.purgeByDay {
		return s.purgeDeadline.time()
	}
	return timeOf(s.purgeDeadline.ns() + dayNs)
}

// DeletedAt returns the instant the subscription is (or will be, absent
// further events) Deleted; zero if it renews.
func (s Status) DeletedAt() time.Time { return s.deletedAt.time() }

// RulesVersion returns the version label and citation of the rules that
// judged the subscription.
func (s Status) RulesVersion() (string, policy.Citation) { return s.version, s.cite }

// Bounds of the rules' day and hour counts, the same as policy.Rules.Validate
// ("absurd: more than 3660 days"): larger numbers are typos, and they
// would overflow the engine's nanosecond arithmetic.
const (
	maxRuleDays  = 3660
	maxRuleHours = 24 * maxRuleDays
)

// checkFit reports rules that cannot judge sub. It allocates only on error.
func checkFit(sub *Subscription, r *policy.Rules) error {
	if sub.IsZero() {
		return &FieldError{Field: "Subscription", Value: "zero", Reason: "not built with lifecycle.New"}
	}
	if r == nil {
		return &RulesError{Field: "rules", Value: "nil", Reason: "required: look rules up with RulesFor or policy.Table.Lookup"}
	}
	if r.Channel != sub.spec.Channel {
		return &RulesError{Field: "Rules.Channel", Value: r.Channel.String(),
			Reason: "rules are for another channel than the subscription's " + sub.spec.Channel.String()}
	}
	if r.Cite.Rules == "" {
		return &RulesError{Field: "Rules.Cite.Rules", Value: r.Cite.Rules, Reason: "rules must cite their rule ids"}
	}
	if r.Cite.Sources == "" {
		return &RulesError{Field: "Rules.Cite.Sources", Value: r.Cite.Sources, Reason: "rules must cite their sources"}
	}
	if !r.ExpiryAnchor.IsValid() {
		return &RulesError{Field: "Rules.ExpiryAnchor", Value: r.ExpiryAnchor.String(), Reason: "not a valid expiry anchor"}
	}
	if f, v := badDays(r); f != "" {
		reason := "must not be negative"
		if v > 0 {
			reason = "absurd: more than 3660 days (or 87840 hours)"
		}
		return &RulesError{Field: f, Value: v, Reason: reason}
	}
	if w := r.Cancel.Window; w.Kind == policy.AfterStart && (w.Length <= 0 || !w.Unit.IsValid()) {
		return &RulesError{Field: "Rules.Cancel.Window.Length", Value: w.Length, Reason: "an after-start window needs a positive length and a unit"}
	}
	if sub.spec.Trial && (!r.Trial.Available || r.Trial.Days <= 0) {
		return &RulesError{Field: "Rules.Trial.Available", Value: r.Trial.Available,
			Reason: "the subscription is a trial but the rules offer no trial on " + r.Channel.String()}
	}
	return nil
}

// badDays returns the first day or hour count of r out of range, or "".
func badDays(r *policy.Rules) (field string, value int) {
	// The fast path, for counts that are small as real ones are: if the
	// bitwise OR of the day counts is below 2048 (≤ maxRuleDays), each
	// count is in [0, 2048), and likewise the hour counts below 1<<16
	// (≤ maxRuleHours). A negative count sets the sign bit, which the
	// conversion to uint makes huge. Anything else takes the exact checks.
	const d, h = 1 << 11, 1 << 16
	days := r.ExpiredDays | r.DisabledDays | r.Trial.Days | r.Trial.ExpiredDays | r.Trial.ExtensionDays |
		r.Suspension.DisabledDays | r.Suspension.MaxDays | r.Licenses.ConflictDays | r.Purge.CancelNotBeforeDays |
		r.Purge.CancelDeadlineDays | r.Purge.ExpiryDeadlineDays | r.Purge.CancelBackupDays
	hours := r.Purge.ExplicitDeleteHours | r.Reactivation.ExplicitDeleteHours | r.Cancel.Window.Length
	if uint(days) < d && uint(hours) < h {
		return "", 0
	}
	dayCounts := [...]struct {
		f string
		v int
	}{
		{"Rules.ExpiredDays", r.ExpiredDays},
		{"Rules.DisabledDays", r.DisabledDays},
		{"Rules.Trial.Days", r.Trial.Days},
		{"Rules.Trial.ExpiredDays", r.Trial.ExpiredDays},
		{"Rules.Trial.ExtensionDays", r.Trial.ExtensionDays},
		{"Rules.Suspension.DisabledDays", r.Suspension.DisabledDays},
		{"Rules.Suspension.MaxDays", r.Suspension.MaxDays},
		{"Rules.Licenses.ConflictDays", r.Licenses.ConflictDays},
		{"Rules.Purge.CancelNotBeforeDays", r.Purge.CancelNotBeforeDays},
		{"Rules.Purge.CancelDeadlineDays", r.Purge.CancelDeadlineDays},
		{"Rules.Purge.ExpiryDeadlineDays", r.Purge.ExpiryDeadlineDays},
		{"Rules.Purge.CancelBackupDays", r.Purge.CancelBackupDays},
	}
	for _, d := range dayCounts {
		if d.v < 0 || d.v > maxRuleDays {
			return d.f, d.v
		}
	}
	hourCounts := [...]struct {
		f string
		v int
	}{
		{"Rules.Purge.ExplicitDeleteHours", r.Purge.ExplicitDeleteHours},
		{"Rules.Reactivation.ExplicitDeleteHours", r.Reactivation.ExplicitDeleteHours},
		{"Rules.Cancel.Window.Length", r.Cancel.Window.Length},
	}
	for _, h := range hourCounts {
		if h.v < 0 || h.v > maxRuleHours {
			return h.f, h.v
		}
	}
	return "", 0
}

func checkAt(at time.Time) error {
	// The same as at.Before(minInstant) || !at.Before(maxInstant): both
	// bounds are whole seconds.
	if sec := at.Unix(); sec < minUnix || sec >= maxUnix {
		return &FieldError{Field: "at", Value: at, Reason: "outside the supported range 1900-01-01 to 2200-01-01"}
	}
	return nil
}

// Evaluate returns the status of sub at the instant at under rules. It
// considers the events of the history up to and including at; the location
// of at does not matter, and an instant before the purchase is an error. It
// reads no clock, allocates nothing, and returns an error (never a panic)
// when the rules do not fit the subscription or an event up to at could not
// have happened in the state it found.
//
// Choose rules with [RulesFor] (the version in force at the end date,
// R-LC-14) or policy.Table.Lookup. They are passed by pointer because a
// policy.Rules is over 400 bytes, which copying would cost every call;
// Evaluate neither changes them nor keeps the pointer, and a nil pointer is
// a *RulesError. The same holds for every function of this package that
// takes rules.
func Evaluate(sub Subscription, rules *policy.Rules, at time.Time) (st Status, err error) {
	if err := checkFit(&sub, rules); err != nil {
		return Status{}, err
	}
	if err := checkAt(at); err != nil {
		return Status{}, err
	}
	t := ns(at)
	if t < sub.start {
		return Status{}, &FieldError{Field: "at", Value: at,
			Reason: "before the subscription started at " + sub.spec.Start.UTC().Format(time.RFC3339Nano)}
	}
	var e engine // zeroed in place: a composite literal is built in a temporary and copied
	e.spec, e.start, e.day0, e.dayE, e.rules = &sub.spec, sub.start, sub.day0, sub.dayE, rules
	e.init()
	for i, et := range sub.ts {
		if et > t {
			break
		}
		if err := e.step(i, &sub.spec.History[i], et); err != nil {
			return Status{}, err
		}
	}
	e.status(t, &st)
	return st, nil
}

// RulesFor looks up the rules that judge sub's lifecycle in table: the
// version in force on its end date (R-LC-14; also how AC-20 and AC-30 pick
// their version).
func RulesFor(table *policy.Table, sub Subscription) (policy.Rules, error) {
	if sub.IsZero() {
		return policy.Rules{}, &FieldError{Field: "Subscription", Value: "zero", Reason: "not built with lifecycle.New"}
	}
	return table.Lookup(sub.Key(), sub.spec.End)
}

// status reads the projection at t, projecting if need be, into s, which
// is zero.
func (e *engine) status(t int64, s *Status) {
	r := e.rules
	e.need()
	k := e.at(t)
	if k < 0 { // unreachable: the last phase is open or ends after t
		k = max(e.n-1, 0)
	}
	p := &e.ph[k]
	term := &e.rg
	if e.renews(term) && t >= term.tEnd+dayNs { // the term holding t is a later one
		rolled := *term
		e.rollTo(&rolled, t)
		term = &rolled
	}
	e.purge(s)
	s.at = stampOf(t)
	s.termStart, s.termEnd = stampOf(term.tStart), stampOf(term.tEnd)
	s.state, s.cause, s.since = p.state, p.cause, stampOf(p.start)
	s.trial, s.est = p.trial, p.est
	s.recurring = term.recurring && e.rg.mode == running
	s.licenses, s.assigned = e.rg.licenses, e.rg.assigned
	s.channel, s.version, s.cite = r.Channel, r.Version, r.Cite
	if k+1 < e.n {
		n := &e.ph[k+1]
		s.next, s.nextAt, s.nextCause = n.state, stampOf(n.start), n.cause
	}
	if e.rg.conflictEnd > t {
		s.conflictUntil = stampOf(e.rg.conflictEnd)
	}
	if (p.state == Active || p.state == Suspended) && r.Cancel.Window.Kind == policy.AfterStart {
		s.cancelWindowEnd = stampOf(windowEnd(&r.Cancel.Window, term.winStart)) // policy.Window.End
	}
	e.reactivation(s, k, t)
	e.capabilities(s, p, term, t)
}

// purge fills the purge bounds from how the projection reaches Deleted
// (R-DAT-2…R-DAT-5, DC-7).
func (e *engine) purge(s *Status) {
	// Deleted is terminal: if the projection reaches it, it is the last
	// phase.
	if e.n == 0 || e.ph[e.n-1].state != Deleted {
		return
	}
	del := e.ph[e.n-1].start
	r := e.rules
	rg := &e.rg // the regime that reaches Deleted: a converting trial's paid term
	if rg.trial && e.converts(rg) {
		paid := *rg
		e.convert(&paid)
		rg = &paid
	}
	s.deletedAt = stampOf(del)
	var notBefore, deadline int64
	byDay := true
	switch {
	case rg.mode == deleted: // R-DAT-4: SharePoint and OneDrive at once, everything within 72 hours
		notBefore, deadline, byDay = rg.modeAt, addHours(rg.modeAt, r.Purge.ExplicitDeleteHours), false
	case rg.mode == cancelled && r.Cancel.Effect == policy.CancelToDeleted: // R-DAT-5
		notBefore, deadline = addDays(rg.modeAt, r.Purge.CancelBackupDays), addDays(dayOf(rg.modeAt), r.Purge.CancelDeadlineDays)
	case rg.mode == cancelled: // R-DAT-2, DC-7
		c := dayOf(rg.modeAt)
		notBefore, deadline = addDays(c, r.Purge.CancelNotBeforeDays), addDays(c, r.Purge.CancelDeadlineDays)
	case rg.mode == running && rg.deferred: // C-21: "deleted 90 days after cancellation"
		c := e.boundary(rg)
		notBefore, deadline = addDays(c, r.Purge.CancelNotBeforeDays), addDays(c, r.Purge.CancelDeadlineDays)
	case rg.mode == running && rg.trial: // R-TRI-5, R-TRI-6: deleted when the Expired state ends
		notBefore, deadline = del, del
	default: // R-DAT-3 [INFERRED]: max(DeletedStart, E+180)
		from := rg.tEnd
		if rg.expireAt != none {
			from = dayOf(rg.expireAt)
		}
		if r.Purge.ExpiryDeadlineFrom == policy.FromExpiredEnd {
			from = addDays(e.boundary(rg), r.ExpiredDays)
		}
		notBefore, deadline = del, addDays(from, r.Purge.ExpiryDeadlineDays)
	}
	s.purgeNotBefore, s.purgeDeadline = stampOf(notBefore), stampOf(max(deadline, notBefore))
	s.purgeByDay = byDay
}

// reactivatable reports whether a phase admits reactivation under the rules
// (R-REA-1, R-REA-7, C-6).
func (e *engine) reactivatable(p *phase) bool {
	r := &e.rules.Reactivation
	if p.trial {
		return false
	}
	switch p.state {
	case Expired:
		return r.FromExpired
	case Disabled:
		return r.FromDisabled
	case Suspended:
		return r.FromSuspended
	case Deleted:
		return p.cause == ExplicitlyDeleted && r.ExplicitDeleteHours > 0
	}
	return false
}

// reactivation sets ReactivateUntil: the end of the run of reactivatable
// phases holding t or, for an Active subscription that will expire, the
// run that follows.
func (e *engine) reactivation(s *Status, k int, t int64) {
	i := k
	if e.ph[k].state == Active {
		i = k + 1
	}
	if i >= e.n || !e.reactivatable(&e.ph[i]) {
		return
	}
	j := i
	for j+1 < e.n && e.reactivatable(&e.ph[j+1]) {
		j++
	}
	end := e.ph[j].end
	if e.ph[j].state == Deleted { // not a copy of the phase: see step
		end = addHours(e.rg.modeAt, e.rules.Reactivation.ExplicitDeleteHours)
	}
	if end > t && end != never {
		s.reactivateUntil = stampOf(end)
	}
}
