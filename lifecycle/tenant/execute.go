package tenant

import (
	"fmt"
	"slices"
	"time"

	"github.com/lapse-go/lapse/lifecycle"
)

// Execute returns snap as it would be after an admin took step id of a plan
// like p at the instant at: the same kind of plan, for the same domain and
// actor, is evaluated afresh for snap at at, the step must be Next there
// with an Earliest not after at, and its effect is applied to a copy of
// snap. snap itself never changes.
//
// Execute is a simulation: it lets a portal preview a procedure and lets
// tests walk a plan to its end. The effects are the documented ones: a
// user moved to the system domain, NS records moved (and the MX change
// taking effect, R-DOM-3), a domain removed, users deleted, a subscription
// cancelled, set not to renew or deleted through lifecycle.Lifecycle.Apply
// (CmdCancelNow, CmdTurnOffRecurringBilling or CmdDelete at at, with the
// snapshot's custom domains as the R-CAN-10 precondition; the returned
// snapshot holds the Lifecycle that Apply returned), the tenant deleted
// (with its directory: only the plan's actor remains).
// For a tenant that exists, read a new Snapshot instead.
//
// The error matches [ErrInvalid] when at is the zero time or outside the
// range package lifecycle judges (see lifecycle.CheckInstant), [ErrNotNext]
// when the step is not next at at, and
// a *[StepError] wrapping lifecycle's refusal when Apply refuses a
// subscription's command.
func (p Plan) Execute(snap Snapshot, id StepID, at time.Time) (Snapshot, error) {
	if err := checkAt(at); err != nil {
		return Snapshot{}, err
	}
	var q Plan
	var err error
	switch p.Kind {
	case ReleaseDomain:
		q, err = ReleaseDomainPlan(snap, p.Domain, at, ReleaseOptions{Actor: p.Actor, DeleteUsers: p.DeleteUsers})
	case CloseAccount:
		q, err = CloseAccountPlan(snap, p.Actor, at)
	default:
		return Snapshot{}, &EntryError{Path: "plan", Entry: p.Kind.String(), Reason: "not a valid plan kind"}
	}
	if err != nil {
		return Snapshot{}, err
	}
	st, ok := q.Step(id)
	if !ok {
		return Snapshot{}, &StepError{Step: id, At: at, NotNext: true, Reason: "not a step of a " + p.Kind.String() + " plan"}
	}
	if st.Status != Next {
		return Snapshot{}, &StepError{Step: id, Status: st.Status, At: at, NotNext: true, Reason: st.Reason}
	}
	if st.Earliest.After(at) {
		return Snapshot{}, &StepError{Step: id, Status: st.Status, At: at, NotNext: true,
			Reason: "not before " + st.Earliest.UTC().Format(time.RFC3339)}
	}
	sp := snap.Spec()
	sys := snap.SystemDomain().Name
	dom := q.Domain
	di := slices.IndexFunc(sp.Domains, func(d Domain) bool { return d.Name == dom })
	if p.Kind == ReleaseDomain && di < 0 { // unreachable: the plan was just computed for it
		return Snapshot{}, &EntryError{Path: "domain", Entry: dom, Reason: "not a domain of the tenant"}
	}
	switch id {
	case NotifyUsers:
		sp.Domains[di].UsersNotified = at.UTC()
	case DNSRecords:
		d := &sp.Domains[di]
		d.RecordsAtNewHost = true
		if !d.NSAtMicrosoft {
			d.MXAtMicrosoft = false // R-DOM-5: mail goes to the new provider right away
		}
	case Nameservers:
		d := &sp.Domains[di]
		d.NSAtMicrosoft = false
		if d.RecordsAtNewHost {
			d.MXAtMicrosoft = false // R-DOM-3: the MX change takes effect now
		}
	case OtherGlobalAdmin:
		moveUsers(&sp, st.Targets, sys)
	case MoveUsers:
		if p.DeleteUsers {
			var keep []string
			if p.Actor != "" {
				keep = []string{string(p.Actor)}
			}
			deleteUsers(&sp, func(u User) bool { return u.Domain == dom && !slices.Contains(keep, string(u.ID)) })
		}
		moveUsers(&sp, st.Targets, sys)
	case MoveGroups:
		for i := range sp.Groups {
			if sp.Groups[i].Domain == dom {
				sp.Groups[i].Domain = sys
			}
		}
	case DeleteAliases:
		sp.Aliases = slices.DeleteFunc(sp.Aliases, func(a Alias) bool { return a.Domain() == dom })
	case ChangeDefaultDomain:
		for i := range sp.Domains {
			sp.Domains[i].Default = sp.Domains[i].Name == sys
		}
	case RemoveDomain:
		sp.Domains[di].RemovedAt = at.UTC()
	case BackUp:
		sp.BackedUp = true
	case TurnOffDirectorySync:
		sp.DirectorySync = false
	case DeleteUsers:
		deleteUsers(&sp, func(u User) bool { return u.ID != p.Actor })
	case RemoveCustomDomains:
		releaseAll(&sp, sys, at)
	case CancelSubscriptions, DeleteSubscriptions:
		me, _ := snap.User(p.Actor)
		if err := actOnSubscriptions(&sp, snap, id, st.Targets, me.Roles, at); err != nil {
			return Snapshot{}, &StepError{Step: id, Status: st.Status, At: at, Reason: "the subscription's history would be impossible", Err: err}
		}
	case DisableMFA:
		for i := range sp.Users {
			if sp.Users[i].ID != p.Actor {
				sp.Users[i].MFA = false
			}
		}
	case RemoveApplications:
		sp.Applications = nil
	case RemoveMFAProviders:
		sp.MFAProviders = nil
	case PayInvoices:
		sp.UnpaidInvoices = 0
	case DeleteTenant:
		sp.Deleted = true
		// The directory goes with the tenant; the admin who closed it
		// remains to read the plan (R-CLO-3).
		deleteUsers(&sp, func(u User) bool { return u.ID != p.Actor })
	default:
		return Snapshot{}, &StepError{Step: id, Status: st.Status, At: at, Reason: "no effect to simulate"}
	}
	out, err := New(sp)
	if err != nil {
		return Snapshot{}, &StepError{Step: id, Status: st.Status, At: at, Reason: "the effect leaves the snapshot invalid", Err: err}
	}
	return out, nil
}

func moveUsers(sp *SnapshotSpec, ids []string, to string) {
	for i := range sp.Users {
		if slices.Contains(ids, string(sp.Users[i].ID)) {
			sp.Users[i].Domain = to
		}
	}
}

func deleteUsers(sp *SnapshotSpec, del func(User) bool) {
	sp.Users = slices.DeleteFunc(sp.Users, del)
}

// releaseAll frees every custom domain at once, as running the release plan
// for each would: users and groups move to the system domain, aliases are
// deleted, the system domain becomes the default, the DNS moves away.
func releaseAll(sp *SnapshotSpec, sys string, at time.Time) {
	custom := map[string]bool{}
	for i := range sp.Domains {
		d := &sp.Domains[i]
		if d.System || d.Removed() {
			continue
		}
		custom[d.Name] = true
		d.NSAtMicrosoft, d.MXAtMicrosoft, d.RecordsAtNewHost, d.Default = false, false, true, false
		if d.UsersNotified.IsZero() {
			d.UsersNotified = at.UTC()
		}
		d.RemovedAt = at.UTC()
	}
	for i := range sp.Domains {
		if sp.Domains[i].Name == sys {
			sp.Domains[i].Default = true
		}
	}
	for i := range sp.Users {
		if custom[sp.Users[i].Domain] {
			sp.Users[i].Domain = sys
		}
	}
	for i := range sp.Groups {
		if custom[sp.Groups[i].Domain] {
			sp.Groups[i].Domain = sys
		}
	}
	sp.Aliases = slices.DeleteFunc(sp.Aliases, func(a Alias) bool { return custom[a.Domain()] })
}

// actOnSubscriptions issues the step's command to each target subscription
// with lifecycle.Lifecycle.Apply, which checks it against the state, the
// role, the windows and the custom-domain precondition under the rules in
// force at at, and puts the judged lifecycle it returns in sp.
//
// It acts as the plan's actor only, with the first of roles (the actor's)
// that Apply accepts; a subscription that only someone else may act on
// (the CSP partner) is refused with Apply's refusal, never issued in
// their name.
func actOnSubscriptions(sp *SnapshotSpec, snap Snapshot, id StepID, targets []string, roles lifecycle.RoleSet, at time.Time) error {
	subs, err := snap.evaluate(at)
	if err != nil {
		return err
	}
	for i, e := range subs {
		if !slices.Contains(targets, e.id) {
			continue
		}
		var kind lifecycle.CommandKind
		switch {
		case id == DeleteSubscriptions:
			kind = lifecycle.CmdDelete
		case cancelAction(e) == cancelNow:
			kind = lifecycle.CmdCancelNow
		case cancelAction(e) == billOff:
			kind = lifecycle.CmdTurnOffRecurringBilling
		default:
			continue
		}
		var next lifecycle.Lifecycle
		err := &lifecycle.FieldError{Field: "Plan.Actor", Value: roles.String(), Reason: "holds no role that may act on " + e.id}
		var last error = err
		for _, r := range roles.List() {
			cmd := lifecycle.Command{Kind: kind, Actor: r, CustomDomains: snap.CustomDomainsInUse()}
			if next, last = e.lc.Apply(cmd, at); last == nil {
				break
			}
		}
		if last != nil {
			return fmt.Errorf("%s: %w", e.id, last)
		}
		sp.Subscriptions[i] = next
	}
	return nil
}
