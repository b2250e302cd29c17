package tenant

import (
	"fmt"
	"slices"
	"strings"
	"time"

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
		{Step: obstacleStep(RemoveApplications, "Delete the applications registered in the tenant.",
			"No application is registered.", "applications", snap.spec.Applications), after: []StepID{BackUp}},
		{Step: obstacleStep(RemoveMFAProviders, "Delete the multifactor authentication providers.",
			"No MFA provider exists.", "MFA providers", snap.spec.MFAProviders), after: []StepID{BackUp}},
		{Step: invoicesStep(snap.spec.UnpaidInvoices)},
		{Step: deleteTenantStep(snap, subs, at), after: all},
	}
	if snap.spec.Deleted {
		for i := range ds {
			if !ds[i].Status.Finished() {
				ds[i].Status, ds[i].Unblock, ds[i].Earliest = Done, "", time.Time{}
				ds[i].Reason = "The tenant was deleted."
			}
		}
	}
	resolve(&p, ds)
	return p, nil
}

func confirmStep(me User, actor UserID, ba BillingAccount) Step {
	s := Step{ID: ConfirmGlobalAdmin, Rule: "R-CLO-2, C-10", Sources: srcClose,
		Text: "Close the account as a Global Administrator."}
	if ba == MCA {
		s.Text = "Close the account as a Global Administrator who is also a billing account owner or contributor for the billing tasks."
	}
	if me.IsGlobalAdmin() {
		s.Status, s.Reason = Done, fmt.Sprintf("%s is a Global Administrator.", actor)
		return s
	}
	s.Status = Blocked
	s.Reason = fmt.Sprintf("%s is not a Global Administrator; only a Global Administrator can close the account and delete the tenant.", actor)
	s.Unblock = "sign in as a Global Administrator, or have one assign you the role"
	s.Targets = []string{string(actor)}
	return s
}

func backUpStep(done bool) Step {
	s := Step{ID: BackUp, Rule: "R-CLO-1", Sources: srcClose,
		Text: "Back up all data you want to keep: closing the account deletes subscriptions, licenses, payment methods, users and user data."}
	if done {
		s.Status, s.Reason = Done, "The data is backed up."
	} else {
		s.Status, s.Reason = Next, "Nothing is backed up yet."
	}
	return s
}

func syncStep(on bool, others []User) Step {
	s := Step{ID: TurnOffDirectorySync, Rule: "R-CLO-3", Sources: srcClose,
		Text: "Turn off directory synchronization, then delete the synchronized users in the cloud directory (or in your on-premises Active Directory)."}
	var synced []string
	for _, u := range others {
		if u.Synced {
			synced = append(synced, string(u.ID))
		}
	}
	switch {
	case len(synced) == 0:
		s.Status, s.Reason = NotNeeded, "No user to delete is synchronized from on-premises."
	case !on:
		s.Status, s.Reason = Done, "Directory synchronization is off."
	default:
		s.Status = Next
		s.Reason = fmt.Sprintf("%s synchronized from on-premises: %s.", plural(len(synced), "user is", "users are"), list(synced))
		s.Targets = synced
	}
	return s
}

func deleteUsersStep(others []User, actor UserID) Step {
	s := Step{ID: DeleteUsers, Rule: "R-CLO-3, R-CLO-4", Sources: srcClose + ", " + srcEntra,
		Text: fmt.Sprintf("Delete every user except %s, the Global Administrator who closes the account.", actor)}
	if len(others) == 0 {
		s.Status, s.Reason = Done, fmt.Sprintf("%s is the only user.", actor)
		return s
	}
	s.Status = Next
	s.Targets = userIDs(others)
	s.Reason = fmt.Sprintf("The tenant can be deleted only when no user but one Global Administrator is left; %s left: %s.",
		plural(len(others), "other user is", "other users are"), list(s.Targets))
	return s
}

func customDomainsStep(snap Snapshot) Step {
	s := Step{ID: RemoveCustomDomains, Rule: "R-CAN-10, R-DOM-1", Sources: srcCancelDom,
		Text: "Remove the custom domains before you cancel the subscriptions (see the release-domain plan)."}
	inUse := snap.CustomDomainsInUse()
	if len(inUse) == 0 {
		s.Status, s.Reason = Done, "No custom domain is attached to the tenant."
		return s
	}
	s.Status = Next
	s.Reason = fmt.Sprintf("If you added your own domain name, you must remove it before you cancel: %s.", list(inUse))
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
	s := Step{ID: CancelSubscriptions, Rule: "R-CLO-3, R-CAN-3, R-LC-4", Sources: srcClose + ", " + srcMCACancel + ", [D-RENEW-2025-07]",
		Text: "Cancel every active subscription; where the cancellation window has passed, turn off recurring billing and wait for the end of the term."}
	if len(subs) == 0 {
		s.Status, s.Reason = NotNeeded, "The tenant has no subscriptions."
		return s
	}
	var cancel, off, stuckIDs, ending, others []string
	var reasons, otherWhat []string
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
				what := "cancel " + e.id
				if a == billOff {
					what = "turn off recurring billing of " + e.id
					if e.channel().IsCSP() {
						what = "turn off auto-renew of " + e.id
					}
				}
				otherWhat = append(otherWhat, fmt.Sprintf("%s can %s", capitalize(may.Phrase()), what))
				continue
			} else {
				by |= mine
			}
		}
		switch a {
		case cancelNow:
			cancel = append(cancel, e.id)
			if e.channel().IsCSP() {
				reasons = append(reasons, e.id+" is a CSP subscription: your partner cancels it (R-CAN-14).")
			}
		case billOff:
			off = append(off, e.id)
			why := "it can't be cancelled online now"
			online := e.commands().Cancel.Online // as Apply judges a cancellation now
			n := e.status.Licenses()
			if online.Count == policy.Assigned {
				n = e.status.Assigned()
			}
			if last, ok := windowLastOpen(e); ok && at.After(last) {
				why = fmt.Sprintf("its cancellation window closed after %s (R-CAN-3)", instant(last))
			} else if !online.Allows(n) {
				why = fmt.Sprintf("it has %d %s licenses, more than the %d that can be cancelled online; the other way is to reduce them to %d and cancel (R-CAN-1)",
					n, online.Count, online.Max, online.Max)
			}
			reasons = append(reasons, fmt.Sprintf("%s stays active until its end date %s: %s.", e.id, day(e.status.TermEnd()), why))
		case stuck:
			stuckIDs = append(stuckIDs, e.id)
		default:
			if e.status.State() != lifecycle.Deleted && !e.status.DeletedAt().IsZero() && e.status.State() == lifecycle.Active {
				ending = append(ending, fmt.Sprintf("%s ends on %s", e.id, day(e.status.TermEnd())))
			}
		}
	}
	if len(others) > 0 {
		reasons = append(reasons, fmt.Sprintf("%s, not %s (R-LIC-8, R-CAN-14, §3.12).", strings.Join(otherWhat, "; "), me.ID))
		s.Rule += ", R-LIC-8, R-CAN-14, §3.12"
		s.Sources += ", [D-LIC-2024-02], [PC-LIFE-2023-08]"
	}
	switch {
	case len(cancel)+len(off) > 0:
		s.Status, s.By = Next, by
		var parts []string
		if len(cancel) > 0 {
			parts = append(parts, "cancel "+list(cancel))
		}
		if len(off) > 0 {
			parts = append(parts, "turn off recurring billing of "+list(off)+" and wait for the end of the term")
		}
		s.Text = capitalize(strings.Join(parts, "; ")) + "."
		s.Reason = strings.Join(reasons, " ")
		if s.Reason == "" {
			s.Reason = "Active subscriptions keep the tenant from being deleted."
		}
		s.Targets = append(cancel, off...)
	case len(others) > 0:
		s.Status, s.By, s.Targets = Blocked, otherBy, others
		s.Reason = strings.Join(reasons, " ")
		s.Unblock = "ask " + otherBy.Phrase() + " to do it"
	case len(stuckIDs) > 0:
		s.Status = Blocked
		s.Reason = fmt.Sprintf("%s can't be cancelled or set to end now: %s.", plural(len(stuckIDs), "subscription", "subscriptions"), list(stuckIDs))
		s.Unblock = "contact support (or your partner for a CSP subscription) to cancel it"
		s.Targets = stuckIDs
	default:
		s.Status = Done
		s.Reason = "No subscription is active and set to renew."
		if len(ending) > 0 {
			s.Reason += " " + capitalize(strings.Join(ending, "; ")) + "."
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
	s := Step{ID: DeleteSubscriptions, Rule: "R-CLO-3, R-LC-9, R-LC-10", Sources: srcClose,
		Text: "Delete the disabled subscriptions."}
	if len(subs) == 0 {
		s.Status, s.Reason = NotNeeded, "The tenant has no subscriptions."
		return s
	}
	var now, later []string
	var earliest time.Time
	var cannot, renew []string
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
					cannot = append(cannot, fmt.Sprintf("only %s can delete %s", e.status.Capabilities().DeleteRoles.Phrase(), e.id))
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
			cannot = append(cannot, fmt.Sprintf("%s is deleted on %s", e.id, instant(d)))
		} else {
			renew = append(renew, e.id)
		}
	}
	switch {
	case len(now) > 0:
		s.Status, s.Targets, s.By = Next, now, by
		s.Text = "Delete the disabled subscriptions " + list(now) + "."
		s.Reason = "A disabled subscription keeps the tenant from being deleted until it is deleted."
	case len(later) > 0:
		s.Status, s.Targets, s.Earliest = Next, later, earliest
		s.Text = "Delete the subscriptions " + list(later) + " once they are disabled."
		s.Reason = "A subscription must be disabled (cancelled or past its Expired status) before it can be deleted (R-LC-10)."
	case len(renew) > 0:
		s.Status, s.Targets = Blocked, renew
		s.Reason = "A subscription that renews can't be deleted: " + list(renew) + "."
		s.Unblock = "cancel it, or turn off its recurring billing (cancel-subscriptions)"
	case len(cannot) > 0:
		s.Status = NotNeeded
		s.Reason = "The admin can't delete these subscriptions (only MOSA subscriptions can be deleted; with an MCA billing account you can't delete a disabled subscription): " +
			strings.Join(cannot, "; ") + "."
	case deleted > 0:
		s.Status, s.Reason = Done, "Every subscription is deleted."
	}
	return s
}

func mfaStep(others []User, actor UserID) Step {
	s := Step{ID: DisableMFA, Rule: "R-CLO-3", Sources: srcClose,
		Text: fmt.Sprintf("Turn off multifactor authentication for every account except %s.", actor)}
	var on []string
	for _, u := range others {
		if u.MFA {
			on = append(on, string(u.ID))
		}
	}
	if len(on) == 0 {
		s.Status, s.Reason = Done, "No other account has multifactor authentication on."
		return s
	}
	s.Status, s.Targets = Next, on
	s.Reason = "Multifactor authentication is on for " + list(on) + "."
	return s
}

// obstacleStep is a tenant-deletion check of R-CLO-4 that lists what is
// still in the way: done when the list is empty, next otherwise.
func obstacleStep(id StepID, text, none, what string, items []string) Step {
	s := Step{ID: id, Rule: "R-CLO-4", Sources: srcEntra, Text: text}
	if len(items) == 0 {
		s.Status, s.Reason = Done, none
		return s
	}
	s.Status, s.Targets = Next, items
	s.Reason = "The tenant can't be deleted while " + what + " exist: " + list(items) + "."
	return s
}

func invoicesStep(n int) Step {
	s := Step{ID: PayInvoices, Rule: "R-CLO-4", Sources: srcEntra, Text: "Pay all outstanding invoices."}
	if n == 0 {
		s.Status, s.Reason = Done, "No invoice is outstanding."
		return s
	}
	s.Status, s.Reason = Next, plural(n, "invoice is", "invoices are")+" outstanding."
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
	s := Step{ID: DeleteTenant, Rule: "R-CLO-3, R-CLO-4", Sources: srcClose + ", " + srcEntra,
		Text: "Delete the tenant in Microsoft Entra ID (Identity > Overview > Manage tenants > Delete)."}
	if snap.spec.Deleted {
		s.Status, s.Reason = Done, "The tenant was deleted."
		return s
	}
	clear, last, ok := clearAt(subs)
	if !ok {
		s.Status = Blocked
		s.Reason = fmt.Sprintf("Subscription %s is active and renews; every subscription must be deleted first.", last)
		s.Unblock = "cancel it, or turn off its recurring billing and wait for the end of its term"
		s.Targets = []string{last}
		return s
	}
	var why string
	if clear.After(at) {
		s.Earliest = clear
		if e := subs[slices.IndexFunc(subs, func(e evaluated) bool { return e.id == last })]; explicitlyDeleted(e) {
			why = fmt.Sprintf("The tenant can be deleted 72 hours after the last subscription deletion: %s was deleted at %s, so not before %s.",
				last, instant(e.status.DeletedAt()), instant(clear))
		} else {
			why = fmt.Sprintf("Every subscription must be deleted (deprovisioned) first: the last, %s, is deleted on %s.", last, instant(clear))
		}
	}
	if snap.spec.BillingAccount == MCA {
		s.Status = Blocked
		s.Rule += ", R-CAN-12"
		s.Sources += ", [D-CAN-2025-05]"
		s.Reason = "With an MCA billing account you automatically have Microsoft Entra ID Free, which you can't cancel."
		if why != "" {
			s.Reason += " " + why
		}
		s.Unblock = "follow the Microsoft Entra tenant-deletion steps or contact Support"
		s.Targets = []string{"billing-account"}
		return s
	}
	s.Status, s.Reason = Next, why
	if s.Reason == "" {
		s.Reason = "Every check of Microsoft Entra ID passes: one Global Administrator, no subscriptions, applications or MFA providers, invoices paid."
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

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
