package lifecycle

// segment is an interval of a judged lifecycle in which the answers of a
// Status stand still: one phase of one fold's projection, cut where the
// version of the policy in force for commands changes. Answers that turn
// at an instant inside a segment — whether the cancellation window or the
// license-conflict period is still open, whether reactivation is still
// possible — compare the instant asked with the one stored here or in the
// fold. A segment ends where the next one starts.
type segment struct {
	start int64 // its first instant
	since int64 // the instant its phase began (Status.Since)
	// nextAt is the instant the next phase of the projection begins, and
	// next and nextCause what it is; never and zero when nothing follows.
	nextAt int64
	// reactUntil is the first instant reactivation is no longer possible
	// in the run of reactivatable phases that holds the segment or, for an
	// Active one, follows it; none when there is no such run.
	reactUntil int64
	fold       int32  // the index of its fold
	cmd        uint16 // the version in force for commands
	ver        uint16 // the version that judged its phase
	state      State
	next       State
	cause      Cause
	nextCause  Cause
	trial      bool
	est        bool
}

// maxVersions is the most versions a schedule may hold for a segment to
// name them.
const maxVersions = 1<<16 - 1

// segments returns the segments of f's projection p, from its origin on:
// each phase cut where the version in force for commands changes, with
// since, next and the reactivation deadline filled. carry is the phase
// the event that began f found, which the first phase continues when it is
// the same state (its since and cause carry over); carry.state is zero
// for the first fold. The result is appended to buf.
func (e *engine) segments(f *fold, p *projection, carry *segment, buf []segment) []segment {
	first := len(buf)
	for k := 0; k < p.n; k++ {
		ph := &p.ph[k]
		s := segment{since: ph.start, state: ph.state, cause: ph.cause, trial: ph.trial, est: ph.est,
			ver: uint16(ph.ver), nextAt: never, reactUntil: none}
		if k == 0 && carry.state == ph.state && carry.trial == ph.trial && carry.est == ph.est {
			s.since, s.cause = carry.since, carry.cause
		}
		if k+1 < p.n {
			nx := &p.ph[k+1]
			s.next, s.nextAt, s.nextCause = nx.state, nx.start, nx.cause
		}
		// Cut the phase where the version in force changes.
		for t := ph.start; t < ph.end; {
			v := e.b.at(t)
			s.start, s.cmd = t, uint16(v)
			buf = append(buf, s)
			t = min(ph.end, e.b.v.Ends[v])
		}
	}
	e.reactivation(f, buf[first:])
	return buf
}

// reactivation fills the reactivation deadline of segs, the segments of
// one projection, from the last to the first: a run of segments in which
// reactivation is possible ends where the first one in which it is not
// begins (R-REA-1, R-REA-3, R-REA-7, C-6); an Active segment points at the
// run that follows its phase.
func (e *engine) reactivation(f *fold, segs []segment) {
	for i := len(segs) - 1; i >= 0; i-- {
		s := &segs[i]
		end := never
		var nx *segment
		if i+1 < len(segs) {
			nx = &segs[i+1]
			end = nx.start
		}
		switch {
		case e.reactivatable(f, s):
			s.reactUntil = end
			if s.state == Deleted { // C-6: the hours after an explicit deletion
				s.reactUntil = addHours(f.modeAt, e.b.rulesAt(f.modeAt).Reactivation.ExplicitDeleteHours)
			} else if nx != nil && nx.state != Active && nx.reactUntil != none {
				s.reactUntil = nx.reactUntil
			}
		case s.state == Active && nx != nil && (nx.since == s.since || nx.state != Active):
			s.reactUntil = nx.reactUntil
		}
	}
}

// reactivatable reports whether the subscription can be reactivated in s
// under the version in force for commands there (R-REA-1, R-REA-7, C-6).
func (e *engine) reactivatable(f *fold, s *segment) bool {
	if s.trial {
		return false // a trial is bought, not reactivated
	}
	r := &e.b.rules(int32(s.cmd)).Reactivation
	switch s.state {
	case Expired:
		return r.FromExpired
	case Disabled:
		return r.FromDisabled
	case Suspended:
		return r.FromSuspended
	case Deleted:
		if s.cause != ExplicitlyDeleted {
			return false
		}
		h := e.b.rulesAt(f.modeAt).Reactivation.ExplicitDeleteHours // the window opened at the deletion
		return h > 0 && s.start < addHours(f.modeAt, h)
	}
	return false
}

// holding returns the index of the segment of segs that holds t (the last
// that starts at or before it), or -1.
func holding(segs []segment, t int64) int {
	lo, hi := 0, len(segs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if segs[m].start <= t {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo - 1
}
