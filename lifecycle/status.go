package lifecycle

import (
	"time"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/policy"
)

// Status is a subscription's state at one instant, since when, what comes
// next and when, its deadlines and what may be done — the answer of
// [Lifecycle.At] and [Evaluate]. Each answer is either a day, a
// [clock.Date] read in UTC ("the last day on which …", "the first day
// of …"), or an instant, a time.Time in UTC ("the first instant at
// which …"); the package documentation's Deadlines section lists them. A
// zero Date or time.Time means "none": no next state (the subscription
// renews, or is Deleted), no deadline scheduled.
//
// A Status is a small immutable value, safe to copy and share: it points
// at the segment of the judged lifecycle that holds its instant (its mark
// and its detail) and at that segment's fold, and computes each answer
// from them when its method is called. The zero Status (returned with an
// error) answers zero everywhere.
type Status struct {
	m  *mark // nil in the zero Status
	d  *detail
	f  *fold
	at int64
}

// Versions names the versions of the policy that judged the answers of a
// [Status]; see [Judge] for which version judges what.
type Versions struct {
	// Lifecycle judged the phase and what follows it — State, Next, the
	// deadlines, and services and data access: the version in force on the
	// end date of the current term (R-LC-14), or at the cancellation,
	// deletion or suspension that began the phase.
	Lifecycle policy.Version
	// Window judged the current term's cancellation window: the version in
	// force when it opened, or a later retroactive one (R-CAN-14).
	Window policy.Version
	// Commands judged what may be done at the instant — Capabilities —
	// as Apply judges a command then: the version in force at the instant.
	Commands policy.Version
}

// At returns the instant judged, in UTC.
func (s Status) At() time.Time {
	if s.m == nil {
		return time.Time{}
	}
	return timeOf(s.at)
}

// State returns the lifecycle state at At.
func (s Status) State() State {
	if s.m == nil {
		return 0
	}
	return s.m.state
}

// Since returns the first instant of the current state (the start of the
// current phase).
func (s Status) Since() time.Time {
	if s.m == nil {
		return time.Time{}
	}
	return timeOf(s.d.since)
}

// Cause returns why the current state began.
func (s Status) Cause() Cause {
	if s.m == nil {
		return 0
	}
	return s.m.cause
}

// Trial reports whether the subscription is in (or expiring from) its free
// trial.
func (s Status) Trial() bool { return s.m != nil && s.d.trial }

// ExtendedServiceTerm reports whether the subscription runs on an Extended
// Service Term (R-LC-13).
func (s Status) ExtendedServiceTerm() bool { return s.m != nil && s.d.est }

// Next returns the state that follows absent further events; zero (an
// invalid State) when nothing follows.
func (s Status) Next() State {
	if s.m == nil {
		return 0
	}
	return s.m.next
}

// NextAt returns the first instant of the next state; zero when nothing
// follows.
func (s Status) NextAt() time.Time {
	if s.m == nil {
		return time.Time{}
	}
	return timeOf(s.d.nextAt)
}

// NextCause returns why the next state begins; zero when nothing follows.
func (s Status) NextCause() Cause {
	if s.m == nil {
		return 0
	}
	return s.m.nextCause
}

// rolled reports whether At lies past the fold's current term in a
// renewing fold, so that the term holding At is a later one of its chain.
func (s *Status) rolled() bool { return s.f.renews() && s.at >= s.f.tEnd.add(1).ns() }

// term returns the term holding At: the fold's current term or, while the
// subscription renews, the one the renewal chain has reached by At.
func (s *Status) term() (start, end day) {
	if !s.rolled() {
		return s.f.tStart, s.f.tEnd
	}
	t := *s.f
	t.rollTo(s.at)
	return t.tStart, t.tEnd
}

// TermStart returns the first day of the current term: the term that
// holds At, which while the subscription renews is a later term of its
// renewal chain.
func (s Status) TermStart() clock.Date {
	if s.m == nil {
		return clock.Date{}
	}
	start, _ := s.term()
	return start.date()
}

// TermEnd returns the end date of the current term: its last day, as the
// admin center or Partner Center shows it. Whether Expired begins on it or
// the day after is the rules' ExpiryAnchor (DC-3a, DC-3b).
func (s Status) TermEnd() clock.Date {
	if s.m == nil {
		return clock.Date{}
	}
	_, end := s.term()
	return end.date()
}

// RecurringBilling reports whether recurring billing (auto-renew) is on.
func (s Status) RecurringBilling() bool {
	return s.f != nil && s.f.is(billingOn) && s.f.mode == running
}

// Licenses returns the purchased license count.
func (s Status) Licenses() int {
	if s.f == nil {
		return 0
	}
	return int(s.f.licenses)
}

// Assigned returns the assigned license count.
func (s Status) Assigned() int {
	if s.f == nil {
		return 0
	}
	return int(s.f.assigned)
}

// LicenseConflictUntil returns the last day of the period in which
// assigned licenses in excess of a reduced quantity must be resolved
// without service interruption (R-LIC-4): AC-33's "2026-03-01…2026-05-29"
// is LicenseConflictUntil 2026-05-29. Zero if there is no such period, or
// once its last day has passed.
func (s Status) LicenseConflictUntil() clock.Date {
	if s.m == nil || s.f.conflictEnd == noDay || s.f.conflictEnd.ns() <= s.at {
		return clock.Date{}
	}
	return s.f.conflictEnd.add(-1).date()
}

// rules returns the rules in force for commands at At (Versions().Commands).
func (s *Status) rules() *policy.Rules { return s.f.b.rules(int32(s.d.cmd)) }

// window returns the instant the cancellation window of the term holding
// At opened and the version that judges it.
func (s *Status) window() (t0 int64, ver int32) {
	if !s.rolled() {
		return s.f.winStart, int32(s.f.win)
	}
	t := *s.f
	t.rollTo(s.at)
	return t.winStart, s.f.b.window(t.winStart, cancelWindow)
}

// cancelWindow returns the instant the cancellation window of the term
// holding At opened and that window, under the version that judges it.
//
// A subscription bought under an MCA through a seller has the seller's
// window instead (R-CAN-4).
func (s *Status) cancelWindow() (t0 int64, w policy.Window) {
	t0, v := s.window()
	c := &s.f.b.rules(v).Cancel
	if s.f.is(viaSeller) {
		return t0, c.SellerWindow()
	}
	return t0, c.Window
}

// CancelWindowEnd returns the boundary of the current term's cancellation
// window, as policy.Window.End defines it, under the version that judges
// the window (Versions().Window): for a window of hours, the instant its
// hours end (DC-5); for a window of days, 00:00Z of the date its days end
// (DC-6). Whether that instant is still inside the window is the window's
// Inclusive ([AMBIGUOUS], default true); [Status.CancelWindowClosesAt]
// gives the one instant a caller usually wants. Zero when the window is
// "any time" or "never", or the subscription is neither Active nor
// Suspended.
func (s Status) CancelWindowEnd() time.Time {
	if s.m == nil || (s.m.state != Active && s.m.state != Suspended) {
		return time.Time{}
	}
	t0, w := s.cancelWindow()
	if w.Kind != policy.AfterStart {
		return time.Time{}
	}
	return timeOf(windowEnd(&w, t0))
}

// CancelWindowClosesAt returns the first instant at which the current
// term's cancellation window no longer admits a cancellation, under the
// version that judges the window (Versions().Window): for a window of days
// (DC-6), 00:00Z of the day after its last day; for a window of hours
// (DC-5), the instant its hours end, or the nanosecond after it when that
// instant is still inside (Inclusive). AC-19: a seven-day window opened on
// 2026-01-10 closes at 2026-01-18T00:00:00Z; AC-36: the 168 hours from
// 2026-01-15T10:00Z close at 2026-01-22T10:00:00.000000001Z. Zero exactly
// when CancelWindowEnd is zero. Whether a cancellation is accepted before
// it (role, license limit, custom domains) is [Capabilities.Cancel].
func (s Status) CancelWindowClosesAt() time.Time {
	if s.m == nil || (s.m.state != Active && s.m.state != Suspended) {
		return time.Time{}
	}
	t0, w := s.cancelWindow()
	if w.Kind != policy.AfterStart {
		return time.Time{}
	}
	return timeOf(windowClosesAt(&w, t0))
}

// ReactivateUntil returns the last day on which the subscription can
// still be reactivated: the UTC date of the last instant before
// [Status.ReactivateBefore] (AC-08: a cancellation on 2026-05-10 can be
// reactivated through 2026-08-07). Zero if the subscription cannot be
// reactivated now, or need not be (it is Active). Where the window ends
// within a day — the 72 hours after an explicit deletion (C-6), a
// suspension's limit counted from its instant — reactivation is possible
// on that day only before ReactivateBefore.
func (s Status) ReactivateUntil() clock.Date { return lastDay(s.reactivateBefore()) }

// ReactivateBefore returns the first instant at which reactivation is no
// longer possible, exactly (AC-08: 2026-08-08T00:00:00Z); zero if the
// subscription cannot be reactivated now, or need not be (it is Active).
// It is the end of the reactivation window; whether and by whom a
// reactivation is accepted now (payment method, role) is
// [Capabilities.Reactivate]. The hours after an explicit deletion (C-6)
// are inclusive (DC-5): AC-11's deletion at 2026-05-20T09:00Z can be
// reactivated at 2026-05-23T09:00Z, and ReactivateBefore is the
// nanosecond after it.
func (s Status) ReactivateBefore() time.Time { return timeOf(s.reactivateBefore()) }

// reactivateBefore is ReactivateBefore in nanoseconds, or none.
func (s *Status) reactivateBefore() int64 {
	if s.m == nil || !s.reactivationOpen() || s.d.reactUntil == never {
		return none
	}
	if s.m.state == Deleted {
		return s.d.reactUntil + 1
	}
	return s.d.reactUntil
}

// AdminCenterLagUntil returns, after a partner cancelled a direct
// subscription on behalf of the customer (AOBO), the last day on which the
// admin center may still show the old status: "it can take up to 90 days
// for the admin center to reflect the status change" (R-LC-12, AC-59; the
// 01/2023 and 03/2024 texts, policy.Rules.AOBOStatusDelayDays), so C+89
// for a cancellation on C; from the day after, the admin center shows the
// change. It is informational: the state is the one Status reports. Zero
// when no such delay applies, or once its last day has passed.
func (s Status) AdminCenterLagUntil() clock.Date {
	if s.m == nil {
		return clock.Date{}
	}
	if u, ok := s.f.lagEnd(); ok && u.ns() > s.at {
		return u.add(-1).date()
	}
	return clock.Date{}
}

// lagEnd returns the first day on which the admin center must show a
// partner's cancellation on behalf of the customer (R-LC-12), if the
// fold's cancellation was such and its rules give a delay.
func (f *fold) lagEnd() (day, bool) {
	if !f.is(byPartner) || (f.mode != cancelled && !f.is(cancelDeferred)) {
		return 0, false
	}
	n := f.b.rulesAt(f.modeAt).AOBOStatusDelayDays
	if n <= 0 {
		return 0, false
	}
	return dayOf(f.modeAt).add(n), true
}

// RepurchaseRestoresData reports whether buying a new subscription with
// the same service plans now gives access to this subscription's data
// again: while it is Expired or Disabled, not once it is Deleted (C-22,
// reconciling "adding a new subscription of the same type doesn't restore
// the data that was associated with the deleted subscription", R-DAT-7,
// with the CSP trial and try-or-buy texts; [INFERRED]).
func (s Status) RepurchaseRestoresData() bool {
	return s.m != nil && (s.m.state == Expired || s.m.state == Disabled)
}

// purge returns the purge bounds of the fold's projection (R-DAT-2…R-DAT-5,
// DC-7): the first instant the data may be deleted and the first instant
// it is guaranteed gone; ok is false when the projection does not reach
// Deleted.
func (s *Status) purge() (notBefore, gone int64, ok bool) {
	if s.m == nil || s.f.deletedAt == never {
		return 0, 0, false
	}
	f := s.f
	if f.is(inTrial) && f.is(trialConverts) { // the paid term the trial converts to reaches Deleted
		paid := *f
		paid.convert()
		f = &paid
	}
	notBefore, deadline, byDay := f.purge()
	if byDay {
		// Deleted by the end of the deadline's day, and never before the
		// data may be deleted: gone from 00:00Z of the day after.
		return notBefore, max(dayOf(deadline), dayOf(notBefore)).add(1).ns(), true
	}
	return notBefore, max(deadline, notBefore), true
}

// purge returns the purge bounds of a fold whose projection reaches
// Deleted at f.deletedAt: the first instant the data may be deleted, and
// the deadline: an instant in the day by whose end the data is gone when
// byDay, else the instant from which it is gone (R-DAT-4).
func (f *fold) purge() (notBefore, deadline int64, byDay bool) {
	b, del := f.b, f.deletedAt
	switch {
	case f.mode == deleted: // R-DAT-4: SharePoint and OneDrive at once, everything within 72 hours
		r := b.rulesAt(f.modeAt)
		return f.modeAt, addHours(f.modeAt, r.Purge.ExplicitDeleteHours), false
	case f.mode == cancelled:
		r := b.rulesAt(f.modeAt)
		c := dayOf(f.modeAt)
		if r.Cancel.Effect == policy.CancelToDeleted { // R-DAT-5: the partner may back up for 7 days
			return addDays(f.modeAt, r.Purge.CancelBackupDays), c.add(r.Purge.CancelDeadlineDays).ns(), true
		}
		return c.add(r.Purge.CancelNotBeforeDays).ns(), c.add(r.Purge.CancelDeadlineDays).ns(), true // R-DAT-2, DC-7
	case f.is(cancelDeferred): // C-21: "deleted 90 days after cancellation", at the end of the billing cycle
		r := b.rulesAt(f.modeAt)
		c := f.boundary(r)
		return addDays(c, r.Purge.CancelNotBeforeDays), addDays(c, r.Purge.CancelDeadlineDays), true
	case f.mode == running && f.is(inTrial): // R-TRI-5, R-TRI-6: deleted when the Expired state ends
		return del, del, true
	}
	// R-DAT-3 [INFERRED]: max(DeletedStart, E+180)
	r := b.rules(f.endOfLife())
	from := f.tEnd.ns()
	if f.expireAt != none {
		from = dayOf(f.expireAt).ns()
	}
	if r.Purge.ExpiryDeadlineFrom == policy.FromExpiredEnd {
		from = addDays(f.boundary(r), r.ExpiredDays)
	}
	return del, addDays(from, r.Purge.ExpiryDeadlineDays), true
}

// PurgeNotBefore returns the first day on which customer data may be
// deleted (R-DAT-2…R-DAT-5, DC-7: C+90 after a direct cancellation on C;
// the day of an explicit deletion, R-DAT-4); zero while no purge is
// scheduled. Where deletion may begin within a day (the CSP partner's
// backup days counted from the cancellation's instant, R-DAT-5), it is
// that instant's UTC date.
func (s Status) PurgeNotBefore() clock.Date {
	if nb, _, ok := s.purge(); ok {
		return dayOf(nb).date()
	}
	return clock.Date{}
}

// PurgeDeadline returns the last day on which customer data may still
// exist (R-DAT-2…R-DAT-5): for the day-based rules, the day by whose end
// it is deleted (DC-7: "will be deleted no later than 180 days after
// cancellation", C+180; AC-07: 2026-09-27); for the hours after an
// explicit deletion (R-DAT-4), the UTC date of the last instant before
// the deadline (AC-11: 2026-05-23). It is always the UTC date of the
// nanosecond before [Status.DataGoneBy], and never before PurgeNotBefore
// unless the data is deleted at the very instant it may first be (an
// explicit deletion at 00:00Z under Purge.ExplicitDeleteHours 0). Zero
// while no purge is scheduled.
func (s Status) PurgeDeadline() clock.Date {
	if _, gone, ok := s.purge(); ok {
		return lastDay(gone)
	}
	return clock.Date{}
}

// DataGoneBy returns the first instant at which customer data is
// guaranteed to be deleted: 00:00Z of the day after PurgeDeadline for the
// day-based rules (AC-07: 2026-09-28T00:00:00Z), the deadline itself for
// the hours after an explicit deletion (AC-11: 2026-05-23T09:00:00Z);
// zero while no purge is scheduled.
func (s Status) DataGoneBy() time.Time {
	if _, gone, ok := s.purge(); ok {
		return timeOf(gone)
	}
	return time.Time{}
}

// DeletedAt returns the first instant at which the subscription is (or
// will be, absent further events) Deleted; zero if it renews.
func (s Status) DeletedAt() time.Time {
	if s.m == nil || s.f.deletedAt == never {
		return time.Time{}
	}
	return timeOf(s.f.deletedAt)
}

// Versions returns the versions of the policy that judged s; zero
// versions for the zero Status.
func (s Status) Versions() Versions {
	if s.m == nil {
		return Versions{}
	}
	life := int32(s.d.ver)
	if s.rolled() {
		_, end := s.term()
		life = s.f.b.at(end.ns()) // the term the renewals have reached
	}
	_, win := s.window()
	return Versions{Lifecycle: s.f.b.version(life), Window: s.f.b.version(win), Commands: s.f.b.version(int32(s.d.cmd))}
}

func checkAt(at time.Time) error {
	if sec := at.Unix(); sec < minUnix || sec >= maxUnix {
		return &FieldError{Field: "at", Value: at, Reason: "outside the supported range 1900-01-01 to 2200-01-01"}
	}
	return nil
}
