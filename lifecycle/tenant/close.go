package tenant

import (
	"slices"
	"time"

	"github.com/lapse-go/lapse/lang"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// TenantDeletionWait is how long Microsoft Entra ID keeps refusing to
// delete the tenant after a subscription was explicitly deleted: "after
// you delete a Microsoft 365 subscription, wait 72 hours" (R-CLO-4,
// AC-11).
const TenantDeletionWait = 72 * time.Hour

// CloseAccountPlan returns the plan that closes the Microsoft 365 account
// of snap and deletes its tenant, carried out by the Global Administrator
// actor, as it stands at the instant at (R-CLO-1…R-CLO-5, AC-54). The
// steps, in order: confirm the actor is a Global Administrator, back up,
// turn off directory synchronization, delete every other user, remove the
// custom domains (R-CAN-10), cancel the active subscriptions (or turn off
// their recurring billing where the cancellation window has passed), delete
// the disabled subscriptions where the admin can, turn off MFA for the
// other accounts, remove applications and MFA providers, pay the invoices,
// delete the tenant.
//
// The subscriptions' states come from their judged lifecycles at at
// (lifecycle.Lifecycle.At) and the earliest instants from their phases
// (Lifecycle.Phases); what may be done to a subscription now is judged by
// the rules in force at at, its cancellation window by the version that
// judges the window (Status.Versions). The tenant can be deleted once
// every subscription is Deleted, and 72 hours after the last explicit
// deletion. With an MCA billing account the tenant-deletion step is
// Blocked whatever else holds: Microsoft Entra ID Free can't be cancelled
// (R-CAN-12).
//
// The error matches [ErrInvalid] when snap is the zero Snapshot or actor
// is not a user of the tenant, and wraps lifecycle's error when a
// subscription can't be evaluated at at.
func CloseAccountPlan(snap Snapshot, actor UserID, at time.Time) (Plan, error) {
	if snap.IsZero() {
		return Plan{}, &EntryError{Path: "snapshot", Reason: "zero Snapshot: build one with tenant.New"}
	}
	if err := checkAt(at); err != nil {
		return Plan{}, err
	}
	me, ok := snap.User(actor)
	if !ok {
		return Plan{}, &EntryError{Path: "actor", Entry: string(actor), Reason: "not a user of the tenant"}
	}
	subs, err := snap.evaluate(at)
	if err != nil {
		return Plan{}, err
	}
	p := Plan{Kind: CloseAccount, Actor: actor, At: at.UTC()}
	var others []User
	for _, u := range snap.spec.Users {
		if u.ID != actor {
			others = append(others, u)
		}
	}
	all := []StepID{ConfirmGlobalAdmin, BackUp, TurnOffDirectorySync, DeleteUsers, RemoveCustomDomains,
		CancelSubscriptions, DeleteSubscriptions, DisableMFA, RemoveApplications, RemoveMFAProviders, PayInvoices}
	ds := []draft{
		{Step: confirmStep(me, actor, snap.spec.BillingAccount)},
		{Step: backUpStep(snap.spec.BackedUp), after: []StepID{ConfirmGlobalAdmin}},
		{Step: syncStep(snap.spec.DirectorySync, others), after: []StepID{BackUp}},
		{Step: deleteUsersStep(others, actor), after: []StepID{TurnOffDirectorySync}},
		{Step: customDomainsStep(snap), after: []StepID{DeleteUsers}},
		{Step: cancelStep(subs, me, at), after: []StepID{RemoveCustomDomains}},
		{Step: deleteSubsStep(subs, me, at), after: []StepID{CancelSubscriptions}},
		{Step: mfaStep(others, actor), after: []StepID{DeleteUsers}},
		{Step: obstacleStep(RemoveApplications, "plan.apps", snap.spec.Applications), after: []StepID{BackUp}},
		{Step: obstacleStep(RemoveMFAProviders, "plan.mfa-providers", snap.spec.MFAProviders), after: []StepID{BackUp}},
		{Step: invoicesStep(snap.spec.UnpaidInvoices)},
		{Step: deleteTenantStep(snap, subs, at), after: all},
	}
	if snap.spec.Deleted {
		for i := range ds {
			if !ds[i].Status.Finished() {
				ds[i].Status, ds[i].Earliest = Done, time.Time{}
				ds[i].Messages.Unblock = lang.Message{}
				ds[i].Messages.Reason = msg("plan.tenant.deleted")
			}
		}
	}
	resolve(&p, ds)
	return p, nil
}

func confirmStep(me User, actor UserID, ba BillingAccount) Step {
	s := Step{ID: ConfirmGlobalAdmin, Rule: "R-CLO-2, C-10", Sources: srcClose}
	s.Messages.Text = msg("plan.confirm.text")
	if ba == MCA {
		s.Messages.Text = msg("plan.confirm.text.mca")
	}
	if me.IsGlobalAdmin() {
		s.Status, s.Messages.Reason = Done, msg("plan.confirm.done", text(string(actor)))
		return s
	}
	s.Status = Blocked
	s.Messages.Reason = msg("plan.confirm.blocked", text(string(actor)))
	s.Messages.Unblock = msg("plan.confirm.unblock")
	s.Targets = []string{string(actor)}
	return s
}

func backUpStep(done bool) Step {
	s := Step{ID: BackUp, Rule: "R-CLO-1", Sources: srcClose}
	s.Messages.Text = msg("plan.backup.text")
	if done {
		s.Status, s.Messages.Reason = Done, msg("plan.backup.done")
	} else {
		s.Status, s.Messages.Reason = Next, msg("plan.backup.next")
	}
	return s
}

func syncStep(on bool, others []User) Step {
	s := Step{ID: TurnOffDirectorySync, Rule: "R-CLO-3", Sources: srcClose}
	s.Messages.Text = msg("plan.sync.text")
	var synced []string
	for _, u := range others {
		if u.Synced {
			synced = append(synced, string(u.ID))
		}
	}
	switch {
	case len(synced) == 0:
		s.Status, s.Messages.Reason = NotNeeded, msg("plan.sync.not-needed")
	case !on:
		s.Status, s.Messages.Reason = Done, msg("plan.sync.done")
	default:
		s.Status = Next
		s.Messages.Reason = msg("plan.sync.next", lang.Number(len(synced)), listArg(synced))
		s.Targets = synced
	}
	return s
}

func deleteUsersStep(others []User, actor UserID) Step {
	s := Step{ID: DeleteUsers, Rule: "R-CLO-3, R-CLO-4", Sources: srcClose + ", " + srcEntra}
	s.Messages.Text = msg("plan.delete-users.text", text(string(actor)))
	if len(others) == 0 {
		s.Status, s.Messages.Reason = Done, msg("plan.delete-users.done", text(string(actor)))
		return s
	}
	s.Status = Next
	s.Targets = userIDs(others)
	s.Messages.Reason = msg("plan.delete-users.next", lang.Number(len(others)), listArg(s.Targets))
	return s
}

func customDomainsStep(snap Snapshot) Step {
	s := Step{ID: RemoveCustomDomains, Rule: "R-CAN-10, R-DOM-1", Sources: srcCancelDom}
	s.Messages.Text = msg("plan.domains.text")
	inUse := snap.CustomDomainsInUse()
	if len(inUse) == 0 {
		s.Status, s.Messages.Reason = Done, msg("plan.domains.done")
		return s
	}
	s.Status = Next
	s.Messages.Reason = msg("plan.domains.next", listArg(inUse))
	s.Targets = inUse
	return s
}

// subAction is what the cancel step does to one subscription.
type subAction uint8

const (
	noAction  subAction = iota // Deleted, Expired, Disabled, or already set to end
	cancelNow                  // "Cancel now" is open
	billOff                    // turn off recurring billing and wait for the end of the term
	stuck                      // neither: can't be cancelled or set to end now
)

func cancelAction(e evaluated) subAction {
	st := e.status
	if st.State() != lifecycle.Active && st.State() != lifecycle.Suspended {
		return noAction
	}
	switch {
	case st.Capabilities().Cancel:
		return cancelNow
	case !st.DeletedAt().IsZero():
		return noAction
	case st.Capabilities().ChangeRecurringBilling && st.RecurringBilling():
		return billOff
	}
	return stuck
}

// actionRoles returns who may take a's action on e now, as Apply would
// accept it (Capabilities asks Apply's guards): the roles that may cancel
// now (support aside) or change recurring billing.
func actionRoles(e evaluated, a subAction) lifecycle.RoleSet {
	c := e.status.Capabilities()
	switch a {
	case cancelNow:
		return c.CancelRoles &^ lifecycle.RolesOf(lifecycle.Support)
	case billOff:
		return c.ChangeRecurringBillingRoles
	}
	return 0
}

func cancelStep(subs []evaluated, me User, at time.Time) Step {
	s := Step{ID: CancelSubscriptions, Rule: "R-CLO-3, R-CAN-3, R-LC-4", Sources: srcClose + ", " + srcMCACancel + ", [D-RENEW-2025-07]"}
	s.Messages.Text = msg("plan.cancel.text")
	if len(subs) == 0 {
		s.Status, s.Messages.Reason = NotNeeded, msg("plan.no-subscriptions")
		return s
	}
	var cancel, off, stuckIDs, others []string
	var reasons, otherWhat, ending []lang.Message
	var by, otherBy lifecycle.RoleSet
	for _, e := range subs {
		a := cancelAction(e)
		if a == cancelNow || a == billOff {
			// A step names who can take it, and the plan acts only as its
			// own actor (R-LIC-8, R-CAN-14, §3.12): a subscription whose
			// action only someone else may take (the CSP partner, an MCA
			// billing account owner) is theirs to act on.
			may := actionRoles(e, a)
			if mine := may & me.Roles; mine.IsEmpty() {
				others = append(others, e.id)
				otherBy |= may
				what := "plan.cancel.other.cancel"
				if a == billOff {
					what = "plan.cancel.other.bill-off"
					if e.channel().IsCSP() {
						what = "plan.cancel.other.auto-renew-off"
					}
				}
				otherWhat = append(otherWhat, msg(what, rolesArg(may).Capitalized(), text(e.id)))
				continue
			} else {
				by |= mine
			}
		}
		switch a {
		case cancelNow:
			cancel = append(cancel, e.id)
			if e.channel().IsCSP() {
				reasons = append(reasons, msg("plan.cancel.csp", text(e.id)))
			}
		case billOff:
			off = append(off, e.id)
			why := msg("plan.cancel.why.offline")
			online := e.commands().Cancel.Online // as Apply judges a cancellation now
			n := e.status.Licenses()
			if online.Count == policy.Assigned {
				n = e.status.Assigned()
			}
			if last, ok := windowLastOpen(e); ok && at.After(last) {
				why = msg("plan.cancel.why.window", instantArg(last))
			} else if !online.Allows(n) {
				why = msg("plan.cancel.why.limit", lang.Number(n), lang.Term("license-count."+online.Count.String()), lang.Number(online.Max))
			}
			reasons = append(reasons, msg("plan.cancel.stays-active", text(e.id), dayArg(e.status.TermEnd()), lang.Sub(why)))
		case stuck:
			stuckIDs = append(stuckIDs, e.id)
		default:
			if e.status.State() != lifecycle.Deleted && !e.status.DeletedAt().IsZero() && e.status.State() == lifecycle.Active {
				ending = append(ending, msg("plan.cancel.ends", text(e.id), dayArg(e.status.TermEnd())))
			}
		}
	}
	if len(others) > 0 {
		reasons = append(reasons, msg("plan.cancel.not-you", lang.Sub(joined("plan.join.semicolon", otherWhat)), text(string(me.ID))))
		s.Rule += ", R-LIC-8, R-CAN-14, §3.12"
		s.Sources += ", [D-LIC-2024-02], [PC-LIFE-2023-08]"
	}
	switch {
	case len(cancel)+len(off) > 0:
		s.Status, s.By = Next, by
		var parts []lang.Message
		if len(cancel) > 0 {
			parts = append(parts, msg("plan.cancel.do.cancel", listArg(cancel)))
		}
		if len(off) > 0 {
			parts = append(parts, msg("plan.cancel.do.bill-off", listArg(off)))
		}
		s.Messages.Text = msg("plan.sentence", lang.Sub(joined("plan.join.semicolon", parts)).Capitalized())
		s.Messages.Reason = joined("plan.join.space", reasons)
		if len(reasons) == 0 {
			s.Messages.Reason = msg("plan.cancel.active-blocks")
		}
		s.Targets = append(cancel, off...)
	case len(others) > 0:
		s.Status, s.By, s.Targets = Blocked, otherBy, others
		s.Messages.Reason = joined("plan.join.space", reasons)
		s.Messages.Unblock = msg("plan.cancel.ask", rolesArg(otherBy))
	case len(stuckIDs) > 0:
		s.Status = Blocked
		s.Messages.Reason = msg("plan.cancel.stuck", lang.Number(len(stuckIDs)), listArg(stuckIDs))
		s.Messages.Unblock = msg("plan.cancel.stuck.unblock")
		s.Targets = stuckIDs
	default:
		s.Status = Done
		s.Messages.Reason = msg("plan.cancel.done")
		if len(ending) > 0 {
			s.Messages.Reason = msg("plan.cancel.done.ending", lang.Sub(joined("plan.join.semicolon", ending)).Capitalized())
		}
	}
	return s
}

// deletableFrom returns the first instant at or after at when an admin can
// explicitly delete e (zero if never before it is Deleted anyway): now if
// the status at at allows it, else the start of its Disabled phase if the
// rules in force then allow an explicit deletion (R-LC-9: MOSA only).
func deletableFrom(e evaluated, at time.Time) time.Time {
	if e.status.State() == lifecycle.Deleted {
		return time.Time{}
	}
	if e.status.Capabilities().Delete {
		return at
	}
	for _, ph := range e.lc.Phases() {
		if ph.State != lifecycle.Disabled || !ph.Start.After(at) {
			continue // a Disabled phase holding at was judged by the status at at
		}
		if st, err := e.lc.At(ph.Start); err == nil && st.Capabilities().Delete {
			return ph.Start
		}
		return time.Time{}
	}
	return time.Time{}
}

func deleteSubsStep(subs []evaluated, me User, at time.Time) Step {
	s := Step{ID: DeleteSubscriptions, Rule: "R-CLO-3, R-LC-9, R-LC-10", Sources: srcClose}
	s.Messages.Text = msg("plan.delete-subs.text")
	if len(subs) == 0 {
		s.Status, s.Messages.Reason = NotNeeded, msg("plan.no-subscriptions")
		return s
	}
	var now, later []string
	var earliest time.Time
	var cannot []lang.Message
	var renew []string
	var by lifecycle.RoleSet
	deleted := 0
	for _, e := range subs {
		if e.status.State() == lifecycle.Deleted {
			deleted++
			continue
		}
		if t := deletableFrom(e, at); !t.IsZero() {
			if !t.After(at) {
				mine := e.status.Capabilities().DeleteRoles & me.Roles
				if mine.IsEmpty() { // §3.12: the plan acts only as its actor
					cannot = append(cannot, msg("plan.delete-subs.only", rolesArg(e.status.Capabilities().DeleteRoles), text(e.id)))
					continue
				}
				by |= mine
				now = append(now, e.id)
				continue
			}
			later = append(later, e.id)
			if earliest.IsZero() || t.Before(earliest) {
				earliest = t
			}
			continue
		}
		if d := e.status.DeletedAt(); !d.IsZero() {
			cannot = append(cannot, msg("plan.delete-subs.deleted-on", text(e.id), instantArg(d)))
		} else {
			renew = append(renew, e.id)
		}
	}
	switch {
	case len(now) > 0:
		s.Status, s.Targets, s.By = Next, now, by
		s.Messages.Text = msg("plan.delete-subs.now.text", listArg(now))
		s.Messages.Reason = msg("plan.delete-subs.now")
	case len(later) > 0:
		s.Status, s.Targets, s.Earliest = Next, later, earliest
		s.Messages.Text = msg("plan.delete-subs.later.text", listArg(later))
		s.Messages.Reason = msg("plan.delete-subs.later")
	case len(renew) > 0:
		s.Status, s.Targets = Blocked, renew
		s.Messages.Reason = msg("plan.delete-subs.renews", listArg(renew))
		s.Messages.Unblock = msg("plan.delete-subs.renews.unblock")
	case len(cannot) > 0:
		s.Status = NotNeeded
		s.Messages.Reason = msg("plan.delete-subs.cannot", lang.Sub(joined("plan.join.semicolon", cannot)))
	case deleted > 0:
		s.Status, s.Messages.Reason = Done, msg("plan.delete-subs.done")
	}
	return s
}

func mfaStep(others []User, actor UserID) Step {
	s := Step{ID: DisableMFA, Rule: "R-CLO-3", Sources: srcClose}
	s.Messages.Text = msg("plan.mfa.text", text(string(actor)))
	var on []string
	for _, u := range others {
		if u.MFA {
			on = append(on, string(u.ID))
		}
	}
	if len(on) == 0 {
		s.Status, s.Messages.Reason = Done, msg("plan.mfa.done")
		return s
	}
	s.Status, s.Targets = Next, on
	s.Messages.Reason = msg("plan.mfa.next", listArg(on))
	return s
}

// obstacleStep is a tenant-deletion check of R-CLO-4 that lists what is
// still in the way: done when the list is empty, next otherwise. key
// names its words: key+".text", key+".done" and key+".next".
func obstacleStep(id StepID, key string, items []string) Step {
	s := Step{ID: id, Rule: "R-CLO-4", Sources: srcEntra}
	s.Messages.Text = msg(key + ".text")
	if len(items) == 0 {
		s.Status, s.Messages.Reason = Done, msg(key+".done")
		return s
	}
	s.Status, s.Targets = Next, items
	s.Messages.Reason = msg(key+".next", listArg(items))
	return s
}

func invoicesStep(n int) Step {
	s := Step{ID: PayInvoices, Rule: "R-CLO-4", Sources: srcEntra}
	s.Messages.Text = msg("plan.invoices.text")
	if n == 0 {
		s.Status, s.Messages.Reason = Done, msg("plan.invoices.done")
		return s
	}
	s.Status, s.Messages.Reason = Next, msg("plan.invoices.next", lang.Number(n))
	return s
}

// clearAt returns when the subscriptions stop blocking tenant deletion:
// the latest instant a subscription is Deleted, or 72 hours after it was
// explicitly deleted (R-CLO-4, AC-11, AC-54); ok is false while a
// subscription renews (is never Deleted).
func clearAt(subs []evaluated) (t time.Time, last string, ok bool) {
	for _, e := range subs {
		d := e.status.DeletedAt()
		if d.IsZero() {
			return time.Time{}, e.id, false
		}
		if explicitlyDeleted(e) {
			d = d.Add(TenantDeletionWait)
		}
		if d.After(t) {
			t, last = d, e.id
		}
	}
	return t, last, true
}

func explicitlyDeleted(e evaluated) bool {
	if e.status.State() == lifecycle.Deleted {
		return e.status.Cause() == lifecycle.ExplicitlyDeleted
	}
	return false
}

func deleteTenantStep(snap Snapshot, subs []evaluated, at time.Time) Step {
	s := Step{ID: DeleteTenant, Rule: "R-CLO-3, R-CLO-4", Sources: srcClose + ", " + srcEntra}
	s.Messages.Text = msg("plan.tenant.text")
	if snap.spec.Deleted {
		s.Status, s.Messages.Reason = Done, msg("plan.tenant.deleted")
		return s
	}
	clear, last, ok := clearAt(subs)
	if !ok {
		s.Status = Blocked
		s.Messages.Reason = msg("plan.tenant.renews", text(last))
		s.Messages.Unblock = msg("plan.tenant.renews.unblock")
		s.Targets = []string{last}
		return s
	}
	var why lang.Message
	if clear.After(at) {
		s.Earliest = clear
		if e := subs[slices.IndexFunc(subs, func(e evaluated) bool { return e.id == last })]; explicitlyDeleted(e) {
			why = msg("plan.tenant.wait-72h", text(last), instantArg(e.status.DeletedAt()), instantArg(clear))
		} else {
			why = msg("plan.tenant.wait-deleted", text(last), instantArg(clear))
		}
	}
	if snap.spec.BillingAccount == MCA {
		s.Status = Blocked
		s.Rule += ", R-CAN-12"
		s.Sources += ", [D-CAN-2025-05]"
		s.Messages.Reason = msg("plan.tenant.mca")
		if !why.IsZero() {
			s.Messages.Reason = msg("plan.tenant.mca.then", lang.Sub(why))
		}
		s.Messages.Unblock = msg("plan.tenant.mca.unblock")
		s.Targets = []string{"billing-account"}
		return s
	}
	s.Status, s.Messages.Reason = Next, why
	if why.IsZero() {
		s.Messages.Reason = msg("plan.tenant.ok")
	}
	return s
}

// windowLastOpen returns the last instant (Hours) or day (Days) of the
// current term's cancellation window, when the window is after-start,
// under the version that judges the window (the one in force when it
// opened, or a later retroactive one, Status.Versions().Window).
func windowLastOpen(e evaluated) (time.Time, bool) {
	end := e.status.CancelWindowEnd()
	if end.IsZero() {
		return time.Time{}, false
	}
	w := e.status.Versions().Window.Rules().Cancel.Window
	if w.Kind != policy.AfterStart {
		return time.Time{}, false
	}
	if w.Inclusive {
		return end, true
	}
	if w.Unit == policy.Days {
		return end.AddDate(0, 0, -1), true
	}
	return end.Add(-time.Nanosecond), true
}
