package lifecycle

// segment is an interval of a judged lifecycle in which the answers of a
// Status stand still: one phase of one fold's projection, cut where the
// version of the policy in force for commands changes. Answers that turn
// at an instant inside a segment — whether the cancellation window or the
// license-conflict period is still open, whether reactivation is still
// possible — compare the instant asked with the one stored here or in the
// fold. A segment ends where the next one starts.
//
// A judged lifecycle stores its segments in two arrays: their marks, which
// At searches and a sweep over many subscriptions reads, and their
// details, which only the other answers of a Status read. Kept together,
// a segment's 48 bytes would make a sweep read three times the memory it
// needs.
type segment struct {
	mark
	detail
}

// mark is the part of a segment that At reads: 16 bytes.
type mark struct {
	start int64 // its first instant
	fold  int32 // the index of its fold
	state State
	// next and nextCause are the next phase of the projection (see
	// detail.nextAt); zero when nothing follows.
	next      State
	cause     Cause
	nextCause Cause
}

// detail is the rest of a segment: 32 bytes.
type detail struct {
	since int64 // the instant its phase began (Status.Since)
	// nextAt is the instant the next phase of the projection begins; never
	// when nothing follows.
	nextAt int64
	// reactUntil is the first instant reactivation is no longer possible
	// in the run of reactivatable phases that holds the segment or, for an
	// Active one, follows it; none when there is no such run.
	reactUntil int64
	cmd        uint16 // the version in force for commands
	ver        uint16 // the version that judged its phase
	trial      bool
	est        bool
}

// maxVersions is the most versions a schedule may hold for a segment to
// name them.
const maxVersions = 1<<16 - 1

// segments returns the segments of f's projection p from its phase from
// on, up to the one that holds the instant until: each phase cut where the
// version in force for commands changes. carry is the phase the event that
// began f found, which the first phase continues when it is the same state
// (its since and cause carry over); carry.state is zero for the first fold.
// The result is appended to buf.
func (e *engine) segments(f *fold, p *projection, from int, carry *segment, buf []segment, until int64) []segment {
	first := len(buf)
	last, cut := from, false // the phase of the last segment; whether p goes on after it
phases:
	for k := from; k < p.n; k++ {
		ph := &p.ph[k]
		for t := ph.start; t < ph.end; {
			if t > until {
				cut = true
				break phases
			}
			v := e.b.at(t)
			buf = append(buf, e.segment(f, p, k, t, v, carry))
			last = k
			t = min(ph.end, e.b.v.Ends[v])
		}
	}
	// The reactivation deadlines, from the last segment back: each is what
	// reactUntil finds looking forward, taken from the segment after it.
	// Where the projection goes on past the last segment, the last looks
	// forward itself.
	segs := buf[first:]
	i := len(segs) - 1
	if cut && i >= 0 {
		segs[i].reactUntil = e.reactUntil(f, p, last, segs[i].start)
		i--
	}
	for ; i >= 0; i-- {
		segs[i].reactUntil = e.reactAfter(f, segs, i)
	}
	return buf
}

// reactAfter returns the reactivation deadline of segs[i] (see reactUntil)
// from the deadline of the segment after it, already filled.
func (e *engine) reactAfter(f *fold, segs []segment, i int) int64 {
	s := &segs[i]
	var next *segment
	end := never
	if i+1 < len(segs) {
		next = &segs[i+1]
		end = next.start
	}
	switch {
	case s.state == Active: // the run that follows its phase, if any
		if next != nil && (next.since == s.since || next.state != Active) {
			return next.reactUntil
		}
		return none
	case !e.reactivatable(f, s.state, s.cause, s.trial, int32(s.cmd)):
		return none
	case s.state == Deleted: // C-6: the hours after an explicit deletion
		return addHours(f.modeAt, e.b.rulesAt(f.modeAt).Reactivation.ExplicitDeleteHours)
	case next != nil && next.state != Active && next.reactUntil != none:
		return next.reactUntil // the run goes on
	}
	return end
}

// segment returns the segment of phase k of p that starts at t, where the
// phase starts or version v takes effect within it, without its
// reactivation deadline.
func (e *engine) segment(f *fold, p *projection, k int, t int64, v int32, carry *segment) segment {
	ph := &p.ph[k]
	s := segment{
		mark:   mark{start: t, state: ph.state, cause: ph.cause},
		detail: detail{since: ph.start, nextAt: never, cmd: uint16(v), ver: uint16(ph.ver), trial: ph.trial, est: ph.est},
	}
	if k == 0 && carry.state == ph.state && carry.trial == ph.trial && carry.est == ph.est {
		s.since, s.cause = carry.since, carry.cause
	}
	if k+1 < p.n {
		nx := &p.ph[k+1]
		s.next, s.nextAt, s.nextCause = nx.state, nx.start, nx.cause
	}
	return s
}

// reactUntil returns the first instant from t on at which reactivation is
// no longer possible in the run of reactivatable time that holds t, in
// phase k of p — or, for an Active phase, in the run that follows it; none
// when there is no such run (R-REA-1, R-REA-3, R-REA-7, C-6). Reactivation
// is judged by the version in force for commands at each instant, so a run
// may end where a version takes effect. Evaluate asks it for its one
// segment; Judge fills every segment's from the next one's (reactAfter),
// and the tests compare the two.
func (e *engine) reactUntil(f *fold, p *projection, k int, t int64) int64 {
	if p.ph[k].state == Active {
		if k+1 == p.n || p.ph[k+1].state == Active {
			return none
		}
		k, t = k+1, p.ph[k+1].start
	}
	if ph := &p.ph[k]; !e.reactivatable(f, ph.state, ph.cause, ph.trial, e.b.at(t)) {
		return none
	}
	for ; k < p.n; k++ {
		ph := &p.ph[k]
		if ph.state == Active {
			return ph.start
		}
		for t = max(t, ph.start); t < ph.end; {
			v := e.b.at(t)
			if !e.reactivatable(f, ph.state, ph.cause, ph.trial, v) {
				return t
			}
			if ph.state == Deleted { // C-6: the hours after an explicit deletion
				return addHours(f.modeAt, e.b.rulesAt(f.modeAt).Reactivation.ExplicitDeleteHours)
			}
			t = min(ph.end, e.b.v.Ends[v])
		}
	}
	return never
}

// reactivatable reports whether the subscription can be reactivated in a
// phase of the given state, cause and trial under version v, in force for
// commands then (R-REA-1, R-REA-7, C-6).
func (e *engine) reactivatable(f *fold, st State, c Cause, trial bool, v int32) bool {
	if trial {
		return false // a trial is bought, not reactivated
	}
	r := &e.b.rules(v).Reactivation
	switch st {
	case Expired:
		return r.FromExpired
	case Disabled:
		return r.FromDisabled
	case Suspended:
		return r.FromSuspended
	case Deleted:
		// The window opened at the deletion (C-6).
		return c == ExplicitlyDeleted && e.b.rulesAt(f.modeAt).Reactivation.ExplicitDeleteHours > 0
	}
	return false
}

// holding returns the index of the mark of marks that holds t (the last
// that starts at or before it), or -1.
func holding(marks []mark, t int64) int {
	lo, hi := 0, len(marks)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if marks[m].start <= t {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo - 1
}
