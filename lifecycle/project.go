package lifecycle

import "github.com/lapse-go/lapse/policy"

// maxPhases bounds a projection: Active, Expired, Disabled, Disabled,
// Deleted, with one spare.
const maxPhases = 6

// phase is one interval [start, end) of a projection, with the version of
// the policy that judged it.
type phase struct {
	start, end int64
	state      State
	cause      Cause
	trial      bool // the phase belongs to a free trial
	est        bool // the phase is an Extended Service Term
	ver        int32
}

// projection is the phases a fold leads to from its origin (the instant of
// the event that began it) on, absent further events. Phases that end
// before the origin are left out and the first one is cut to start there.
type projection struct {
	origin int64
	ph     [maxPhases]phase
	n      int
}

// add appends a phase; start none means "at the origin".
func (p *projection) add(st State, c Cause, start, end int64, trial, est bool, ver int32) {
	if end <= p.origin || end <= start || p.n == maxPhases {
		return
	}
	p.ph[p.n] = phase{start: max(start, p.origin), end: end, state: st, cause: c, trial: trial, est: est, ver: ver}
	p.n++
}

// deletedAt returns where the projection reaches Deleted, or never.
// Deleted is terminal: if the projection reaches it, it is the last phase.
func (p *projection) deletedAt() int64 {
	if p.n > 0 && p.ph[p.n-1].state == Deleted {
		return p.ph[p.n-1].start
	}
	return never
}

// holding returns the phase that holds t as a segment with its state,
// since and cause (carried over from carry when the first phase continues
// it, as segments does), and whether a phase holds t.
func (p *projection) holding(t int64, carry *segment) (segment, bool) {
	for k := 0; k < p.n; k++ {
		ph := &p.ph[k]
		if t < ph.start || t >= ph.end {
			continue
		}
		s := segment{mark: mark{start: ph.start, state: ph.state, cause: ph.cause},
			detail: detail{since: ph.start, trial: ph.trial, est: ph.est}}
		if k == 0 && carry.state == ph.state && carry.trial == ph.trial && carry.est == ph.est {
			s.since, s.cause = carry.since, carry.cause
		}
		return s, true
	}
	return segment{}, false
}

func addDays(n int64, days int) int64 { return n + int64(days)*dayNs }

// project sets p to the phases f leads to from origin on.
func (e *engine) project(p *projection, f *fold, origin int64) {
	p.origin, p.n = origin, 0
	switch f.mode {
	case running:
		e.projectRunning(p, f)
	case cancelled:
		e.projectCancelled(p, f)
	case deleted:
		p.add(Deleted, ExplicitlyDeleted, f.modeAt, never, false, false, e.b.at(f.modeAt))
	case suspended:
		e.projectSuspended(p, f)
	}
}

// projectRunning projects a term that runs to its end date: it renews, or
// its end of life follows under the version that judges it (R-LC-14).
func (e *engine) projectRunning(p *projection, f *fold) {
	from := none // where the (paid) Active phase starts: at the origin
	if f.is(inTrial) && f.is(trialConverts) {
		// The trial runs to its end, then the paid term it converts to
		// follows its own course: it renews, or runs out if recurring
		// billing was turned off after the trial was bought.
		next := f.tEnd.add(1).ns()
		p.add(Active, f.firstCause, none, next, true, false, e.b.at(f.tEnd.ns()))
		paid := *f
		paid.convert()
		f, from = &paid, next
	}
	ver := f.endOfLife()
	r := e.b.rules(ver)
	B := f.boundary(r)
	switch {
	case f.is(inTrial): // not bought: R-TRI-3, R-TRI-5, C-12
		p.add(Active, f.firstCause, none, B, true, false, ver)
		if te := r.Trial.ExpiredDays; te > 0 {
			p.add(Expired, TrialEnded, B, addDays(B, te), true, false, ver)
			p.add(Deleted, GraceEnded, addDays(B, te), never, true, false, ver)
		} else {
			p.add(Deleted, TrialEnded, B, never, true, false, ver)
		}
	case f.renews() && f.is(estNext) && !f.is(inEST):
		next := f.tEnd.add(1).ns()
		p.add(Active, f.firstCause, from, next, false, false, ver)
		p.add(Active, ExtendedServiceTerm, next, never, false, true, ver)
	case f.renews():
		p.add(Active, f.firstCause, from, never, false, f.is(inEST), ver)
	default:
		p.add(Active, f.firstCause, from, B, false, f.is(inEST), ver)
		cause := TermEnded
		switch {
		case f.expireAt != none:
			cause = AllLicensesRemoved
		case f.is(endsAtRenewal):
			cause = CancelledAtRenewal
		}
		if f.is(cancelDeferred) { // C-21: Disabled from the end of the billing cycle
			end := addDays(B, r.DisabledDays)
			p.add(Disabled, Cancelled, B, end, false, false, ver)
			p.add(Deleted, DisabledEnded, end, never, false, false, ver)
			return
		}
		expiry(p, B, cause, r, ver)
	}
}

// expiry adds Expired (G days), Disabled (D days) and Deleted from B
// (DC-2, DC-3).
func expiry(p *projection, B int64, cause Cause, r *policy.Rules, ver int32) {
	t := B
	if g := r.ExpiredDays; g > 0 {
		p.add(Expired, cause, t, addDays(t, g), false, false, ver)
		t = addDays(t, g)
		cause = GraceEnded
	}
	if d := r.DisabledDays; d > 0 {
		p.add(Disabled, cause, t, addDays(t, d), false, false, ver)
		t = addDays(t, d)
		cause = DisabledEnded
	}
	p.add(Deleted, cause, t, never, false, false, ver)
}

// projectCancelled projects a cancellation at modeAt under the version in
// force then: Deleted at once (CSP, C-7), or Disabled for its days (DC-4)
// or until the term's end (C-20).
func (e *engine) projectCancelled(p *projection, f *fold) {
	C := f.modeAt
	ver := e.b.at(C)
	r := e.b.rules(ver)
	if r.Cancel.Effect == policy.CancelToDeleted {
		p.add(Deleted, Cancelled, C, never, false, false, ver)
		return
	}
	end := dayOf(C).add(r.DisabledDays).ns()
	if r.DisabledUntilTermEnd {
		// C-20: "deleted at the end of the subscription term", which ends
		// as the version on its end date says.
		if B := f.boundary(e.b.rulesAt(f.tEnd.ns())); B > C {
			end = B
		}
	}
	p.add(Disabled, Cancelled, C, end, false, false, ver)
	p.add(Deleted, DisabledEnded, end, never, false, false, ver)
}

// projectSuspended projects a CSP suspension at modeAt: suspended until
// the longest suspension allowed then (legacy) or until the term ends, and
// what follows a suspension that reaches the term end under the version on
// the end date (C-8).
func (e *engine) projectSuspended(p *projection, f *fold) {
	S := f.modeAt
	vs := e.b.at(S)
	ve := e.b.at(f.tEnd.ns())
	r := e.b.rules(ve)
	B := f.boundary(r)
	if days := e.b.rules(vs).Suspension.MaxDays; days > 0 {
		if lim := addDays(S, days); lim < B {
			p.add(Suspended, SuspendedByPartner, S, lim, false, false, vs)
			p.add(Deleted, SuspensionLimit, lim, never, false, false, vs)
			return
		}
	}
	p.add(Suspended, SuspendedByPartner, S, B, false, false, vs)
	switch r.Suspension.AtTermEnd {
	case policy.DisabledThenDisabled:
		mid := addDays(B, r.Suspension.DisabledDays)
		end := addDays(mid, r.DisabledDays)
		p.add(Disabled, SuspendedAtTermEnd, B, mid, false, false, ve)
		p.add(Disabled, DisabledEnded, mid, end, false, false, ve)
		p.add(Deleted, DisabledEnded, end, never, false, false, ve)
	case policy.DisabledThenDeleted:
		end := addDays(B, r.DisabledDays)
		p.add(Disabled, SuspendedAtTermEnd, B, end, false, false, ve)
		p.add(Deleted, DisabledEnded, end, never, false, false, ve)
	default:
		p.add(Deleted, SuspendedAtTermEnd, B, never, false, false, ve)
	}
}
