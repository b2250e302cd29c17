package lifecycle

import (
	"time"

	"github.com/lapse-go/lapse/policy"
)

// Status is a subscription's state at one instant, since when, what comes
// next and when, its deadlines and what may be done — the answer of
// [Lifecycle.At] and [Evaluate]. Instants are in UTC. A zero time.Time
// means "none": no next state (the subscription renews, or is Deleted), no
// deadline scheduled.
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

// Since returns the instant the current state began (the start of the
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

// NextAt returns when the next state begins; zero when nothing follows.
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

// TermStart returns the first day of the current term (00:00Z).
func (s Status) TermStart() time.Time {
	if s.m == nil {
		return time.Time{}
	}
	start, _ := s.term()
	return start.time()
}

// TermEnd returns the end date of the current term (00:00Z).
func (s Status) TermEnd() time.Time {
	if s.m == nil {
		return time.Time{}
	}
	_, end := s.term()
	return end.time()
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

// LicenseConflictUntil returns the first day after the period in which
// assigned licenses in excess of a reduced quantity must be resolved
// without service interruption (R-LIC-4); zero if none. AC-33's
// "2026-03-01…2026-05-29" is LicenseConflictUntil 2026-05-30.
func (s Status) LicenseConflictUntil() time.Time {
	if s.m == nil || s.f.conflictEnd == noDay || s.f.conflictEnd.ns() <= s.at {
		return time.Time{}
	}
	return s.f.conflictEnd.time()
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
// window (policy.Window.End; inclusive per Window.Inclusive) under the
// version that judges it (Versions().Window); zero when the window is "any
// time" or "never", or the subscription is neither Active nor Suspended.
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

// ReactivateUntil returns the first instant at which reactivation is no
// longer possible (AC-08: a cancellation on 2026-05-10 can be reactivated
// through 2026-08-07, ReactivateUntil 2026-08-08); zero if the
// subscription cannot be reactivated now, or need not be (it is Active).
// It is the end of the reactivation window; whether and by whom a
// reactivation is accepted now (payment method, role) is
// [Capabilities.Reactivate]. The hours after an explicit deletion (C-6)
// are inclusive (DC-5): ReactivateUntil is then the nanosecond after the
// last instant.
func (s Status) ReactivateUntil() time.Time {
	if s.m == nil || !s.reactivationOpen() || s.d.reactUntil == never {
		return time.Time{}
	}
	if s.m.state == Deleted {
		return timeOf(s.d.reactUntil + 1)
	}
	return timeOf(s.d.reactUntil)
}

// AdminCenterLagUntil returns, after a partner cancelled a direct
// subscription on behalf of the customer (AOBO), the first day on which
// the admin center must show the change: "it can take up to 90 days for
// the admin center to reflect the status change" (R-LC-12, AC-59; the
// 01/2023 and 03/2024 texts, policy.Rules.AOBOStatusDelayDays). It is
// informational: the state is the one Status reports. Zero when no such
// delay applies, or once it has passed.
func (s Status) AdminCenterLagUntil() time.Time {
	if s.m == nil || !s.f.is(byPartner) || (s.f.mode != cancelled && !s.f.is(cancelDeferred)) {
		return time.Time{}
	}
	n := s.f.b.rulesAt(s.f.modeAt).AOBOStatusDelayDays
	if n <= 0 {
		return time.Time{}
	}
	if u := dayOf(s.f.modeAt).add(n).ns(); u > s.at {
		return timeOf(u)
	}
	return time.Time{}
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
// DC-7): the earliest instant the data may be deleted, the latest, and
// whether the latest is a day (deleted by the end of that day) rather than
// an instant; ok is false when the projection does not reach Deleted.
func (s *Status) purge() (notBefore, deadline int64, byDay, ok bool) {
	if s.m == nil || s.f.deletedAt == never {
		return 0, 0, false, false
	}
	f := s.f
	if f.is(inTrial) && f.is(trialConverts) { // the paid term the trial converts to reaches Deleted
		paid := *f
		paid.convert()
		f = &paid
	}
	notBefore, deadline, byDay = f.purge()
	return notBefore, max(deadline, notBefore), byDay, true
}

// purge returns the purge bounds of a fold whose projection reaches
// Deleted at f.deletedAt.
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

// PurgeNotBefore returns the earliest instant customer data may be deleted
// (R-DAT-*); zero while no purge is scheduled.
func (s Status) PurgeNotBefore() time.Time {
	if nb, _, _, ok := s.purge(); ok {
		return timeOf(nb)
	}
	return time.Time{}
}

// PurgeDeadline returns the latest instant by which customer data is
// deleted (R-DAT-*); zero while no purge is scheduled. Day-based deadlines
// (DC-7: "no later than 180 days") are the 00:00Z of the last day, meaning
// by the end of that day; hour-based ones (R-DAT-4) are exact.
// [Status.DataGoneBy] gives the instant from which the data is guaranteed
// gone.
func (s Status) PurgeDeadline() time.Time {
	if _, dl, _, ok := s.purge(); ok {
		return timeOf(dl)
	}
	return time.Time{}
}

// DataGoneBy returns the instant from which the data is guaranteed to be
// deleted: the end of PurgeDeadline's day for day-based rules, the
// deadline itself for hour-based ones; zero while no purge is scheduled.
func (s Status) DataGoneBy() time.Time {
	_, dl, byDay, ok := s.purge()
	switch {
	case !ok:
		return time.Time{}
	case byDay:
		return timeOf(dl + dayNs)
	}
	return timeOf(dl)
}

// DeletedAt returns the instant the subscription is (or will be, absent
// further events) Deleted; zero if it renews.
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
