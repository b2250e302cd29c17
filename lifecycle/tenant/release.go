package tenant

import (
	"time"

	"github.com/lapse-go/lapse/lang"
)

// ReleaseOptions tune [ReleaseDomainPlan]. The zero value moves the users
// of the domain to the system domain and knows no acting user.
type ReleaseOptions struct {
	// Actor is the Global Administrator who carries the plan out; when
	// set, the plan never has them move away before another Global
	// Administrator signs in with a different domain (R-DOM-8). It must be
	// a user of the tenant.
	Actor UserID
	// DeleteUsers deletes the users of the domain (except Actor, who is
	// moved) instead of moving them to the system domain; deleting a user
	// also deletes the user's data in the cloud (R-DOM-10, [S000]).
	DeleteUsers bool
}

// ReleaseDomainPlan returns the plan that frees the custom domain name of
// snap, so that another Microsoft 365 provider or the hoster's own mail
// product can use it (R-DOM-1…R-DOM-10, AC-51, AC-52), as it stands at
// the instant at. The steps, in order: notify the users, set up the DNS
// records at the new host, move the NS records if they point to Microsoft
// 365, make sure a Global Administrator signs in with another domain, move
// (or delete) the users, move the groups, delete the remaining aliases,
// make another domain the default, remove the domain.
//
// The error matches [ErrInvalid] when snap is the zero Snapshot, name is not
// a domain of the tenant, name is the ".onmicrosoft.com" system domain
// (which can never be removed, R-DOM-9), or opts.Actor is not a user.
func ReleaseDomainPlan(snap Snapshot, name string, at time.Time, opts ReleaseOptions) (Plan, error) {
	if snap.IsZero() {
		return Plan{}, &EntryError{Path: "snapshot", Reason: "zero Snapshot: build one with tenant.New"}
	}
	if err := checkAt(at); err != nil {
		return Plan{}, err
	}
	d, ok := snap.Domain(name)
	if !ok {
		return Plan{}, &EntryError{Path: "domain", Entry: name, Reason: "not a domain of the tenant"}
	}
	if d.System {
		return Plan{}, &EntryError{Path: "domain", Entry: d.Name, Reason: "the " + SystemSuffix + " domain can't be removed (R-DOM-9)"}
	}
	if opts.Actor != "" {
		if _, ok := snap.User(opts.Actor); !ok {
			return Plan{}, &EntryError{Path: "actor", Entry: string(opts.Actor), Reason: "not a user of the tenant"}
		}
	}
	p := Plan{Kind: ReleaseDomain, Domain: d.Name, Actor: opts.Actor, DeleteUsers: opts.DeleteUsers, At: at.UTC()}
	sys := snap.SystemDomain().Name
	users, groups, aliases := snap.usersOn(d.Name), snap.groupsOn(d.Name), snap.aliasesOn(d.Name)

	ds := []draft{
		notifyStep(d, len(users)+len(groups)+len(aliases) > 0),
		{Step: dnsStep(d), after: []StepID{NotifyUsers}},
		{Step: nsStep(d), after: []StepID{DNSRecords}},
		{Step: otherAdminStep(snap, d, sys, opts.Actor), after: []StepID{Nameservers}},
		{Step: moveUsersStep(d, sys, users, opts), after: []StepID{OtherGlobalAdmin}},
		{Step: moveGroupsStep(d, sys, groups), after: []StepID{MoveUsers}},
		{Step: aliasesStep(d, aliases), after: []StepID{MoveGroups}},
		{Step: defaultStep(d, sys)},
		{Step: removeStep(d, sys), after: []StepID{DeleteAliases, ChangeDefaultDomain}},
	}
	if d.Removed() {
		for i := range ds {
			if !ds[i].Status.Finished() {
				ds[i].Status, ds[i].Earliest = NotNeeded, time.Time{}
				ds[i].Messages.Unblock = lang.Message{}
				ds[i].Messages.Reason = msg("plan.removed-on", text(d.Name), instantArg(d.RemovedAt))
			}
		}
	}
	resolve(&p, ds)
	return p, nil
}

func notifyStep(d Domain, inUse bool) draft {
	// Seed 002 adds that users must take extra steps to move their mail.
	s := Step{ID: NotifyUsers, Rule: "R-DOM-6", Sources: srcDNS}
	s.Messages.Text = msg("plan.notify.text", text(d.Name))
	switch {
	case !d.UsersNotified.IsZero():
		s.Status, s.Messages.Reason = Done, msg("plan.notify.done", instantArg(d.UsersNotified))
	case !inUse && !d.MXAtMicrosoft:
		s.Status, s.Messages.Reason = NotNeeded, msg("plan.notify.not-needed", text(d.Name))
	default:
		s.Status, s.Messages.Reason = Next, msg("plan.notify.next")
	}
	return draft{Step: s}
}

func dnsStep(d Domain) Step {
	s := Step{ID: DNSRecords, Sources: srcDNS}
	if d.NSAtMicrosoft {
		s.Rule = "R-DOM-2, R-DOM-4"
		s.Messages.Text = msg("plan.dns.text.ns", text(d.Name))
	} else {
		s.Rule = "R-DOM-2, R-DOM-5"
		s.Messages.Text = msg("plan.dns.text", text(d.Name))
	}
	switch {
	case d.RecordsAtNewHost && d.NSAtMicrosoft:
		s.Status, s.Messages.Reason = Done, msg("plan.dns.ready")
	case d.RecordsAtNewHost || !d.MXAtMicrosoft:
		s.Status, s.Messages.Reason = Done, msg("plan.dns.done")
	case d.NSAtMicrosoft:
		s.Status, s.Messages.Reason = Next, msg("plan.dns.next.ns")
	default:
		s.Status, s.Messages.Reason = Next, msg("plan.dns.next")
	}
	return s
}

func nsStep(d Domain) Step {
	s := Step{ID: Nameservers, Rule: "R-DOM-3, R-DOM-4", Sources: srcDNS}
	s.Messages.Text = msg("plan.ns.text", text(d.Name))
	if !d.NSAtMicrosoft {
		s.Status, s.Rule = NotNeeded, "R-DOM-5"
		s.Messages.Reason = msg("plan.ns.not-needed")
		return s
	}
	s.Status = Next
	s.Messages.Reason = msg("plan.ns.next")
	return s
}

func otherAdminStep(snap Snapshot, d Domain, sys string, actor UserID) Step {
	s := Step{ID: OtherGlobalAdmin, Rule: "R-DOM-8", Sources: srcRemoveNew}
	s.Messages.Text = msg("plan.admin.text", text(d.Name))
	var onD, elsewhere []User
	for _, u := range snap.spec.Users {
		if !u.IsGlobalAdmin() {
			continue
		}
		if u.Domain == d.Name {
			onD = append(onD, u)
		} else {
			elsewhere = append(elsewhere, u)
		}
	}
	switch {
	case len(onD) == 0:
		s.Status, s.Messages.Reason = NotNeeded, msg("plan.admin.none", text(d.Name))
		return s
	case len(elsewhere) > 0:
		s.Status, s.Messages.Reason = NotNeeded, msg("plan.admin.elsewhere", text(string(elsewhere[0].ID)), text(elsewhere[0].Domain))
		return s
	}
	for _, u := range onD {
		if u.ID != actor {
			s.Status = Next
			s.Messages.Text = msg("plan.admin.move.text", text(string(u.ID)), text(sys))
			s.Messages.Reason = msg("plan.admin.move", text(d.Name))
			s.Targets = []string{string(u.ID)}
			return s
		}
	}
	s.Status = Blocked
	s.Messages.Reason = msg("plan.admin.only-you", text(string(actor)), text(d.Name))
	s.Messages.Unblock = msg("plan.admin.unblock", text(sys))
	s.Targets = []string{string(actor)}
	return s
}

func moveUsersStep(d Domain, sys string, users []User, opts ReleaseOptions) Step {
	s := Step{ID: MoveUsers, Rule: "R-DOM-7, R-DOM-8, R-DOM-9", Sources: srcRemove}
	s.Messages.Text = msg("plan.users.text", text(d.Name), text(sys))
	if opts.DeleteUsers {
		s.Rule, s.Sources = "R-DOM-7, R-DOM-8, R-DOM-10", srcRemove+", [S000]"
		s.Messages.Text = msg("plan.users.text.delete", text(d.Name), text(sys))
	}
	if len(users) == 0 {
		s.Status, s.Messages.Reason = Done, msg("plan.users.done", text(d.Name))
		return s
	}
	s.Status = Next
	s.Messages.Reason = msg("plan.users.next", lang.Number(len(users)), text(d.Name), listArg(userIDs(users)))
	s.Targets = userIDs(users)
	return s
}

func moveGroupsStep(d Domain, sys string, groups []Group) Step {
	s := Step{ID: MoveGroups, Rule: "R-DOM-7, R-DOM-8", Sources: srcRemove}
	s.Messages.Text = msg("plan.groups.text", text(d.Name), text(sys))
	if len(groups) == 0 {
		s.Status, s.Messages.Reason = Done, msg("plan.groups.done", text(d.Name))
		return s
	}
	names := make([]string, len(groups))
	for i, g := range groups {
		names[i] = g.Name
	}
	s.Status = Next
	s.Messages.Reason = msg("plan.groups.next", lang.Number(len(groups)), text(d.Name), listArg(names))
	s.Targets = names
	return s
}

func aliasesStep(d Domain, aliases []Alias) Step {
	s := Step{ID: DeleteAliases, Rule: "R-DOM-10", Sources: srcHoster}
	s.Messages.Text = msg("plan.aliases.text", text(d.Name))
	if len(aliases) == 0 {
		s.Status, s.Messages.Reason = Done, msg("plan.aliases.done", text(d.Name))
		return s
	}
	addrs := make([]string, len(aliases))
	for i, a := range aliases {
		addrs[i] = a.Address
	}
	s.Status = Next
	s.Messages.Reason = msg("plan.aliases.next", text(d.Name), listArg(addrs))
	s.Targets = addrs
	return s
}

func defaultStep(d Domain, sys string) Step {
	s := Step{ID: ChangeDefaultDomain, Rule: "R-DOM-8", Sources: srcRemoveNew}
	s.Messages.Text = msg("plan.default.text", text(sys))
	if !d.Default {
		s.Status, s.Messages.Reason = NotNeeded, msg("plan.default.not-needed", text(d.Name))
		return s
	}
	s.Status = Next
	s.Messages.Reason = msg("plan.default.next", text(d.Name))
	s.Targets = []string{d.Name}
	return s
}

func removeStep(d Domain, sys string) Step {
	s := Step{ID: RemoveDomain, Rule: "R-DOM-1, R-DOM-7, R-DOM-9", Sources: srcRemove + ", [S002], [S003]"}
	s.Messages.Text = msg("plan.remove.text", text(d.Name))
	if d.Removed() {
		s.Status = Done
		s.Messages.Reason = msg("plan.remove.done", instantArg(d.RemovedAt), text(sys))
		return s
	}
	s.Status = Next
	s.Messages.Reason = msg("plan.remove.next", text(sys))
	s.Targets = []string{d.Name}
	return s
}
