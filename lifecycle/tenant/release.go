package tenant

import (
	"fmt"
	"time"
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
				ds[i].Status, ds[i].Unblock, ds[i].Earliest = NotNeeded, "", time.Time{}
				ds[i].Reason = fmt.Sprintf("%s was removed from the tenant on %s.", d.Name, instant(d.RemovedAt))
			}
		}
	}
	resolve(&p, ds)
	return p, nil
}

func notifyStep(d Domain, inUse bool) draft {
	// Seed 002 adds that users must take extra steps to move their mail.
	s := Step{ID: NotifyUsers, Rule: "R-DOM-6", Sources: srcDNS,
		Text: fmt.Sprintf("Tell the users of %s the date you plan to switch their email and the new email provider, and that they must take extra steps to move their existing mail.", d.Name)}
	switch {
	case !d.UsersNotified.IsZero():
		s.Status, s.Reason = Done, "Users notified on "+instant(d.UsersNotified)+"."
	case !inUse && !d.MXAtMicrosoft:
		s.Status, s.Reason = NotNeeded, fmt.Sprintf("No user, group or alias uses %s and its mail doesn't go to Microsoft 365.", d.Name)
	default:
		s.Status, s.Reason = Next, "Before you update the MX record, let your users know the date and the new email provider."
	}
	return draft{Step: s}
}

func dnsStep(d Domain) Step {
	s := Step{ID: DNSRecords, Sources: srcDNS}
	if d.NSAtMicrosoft {
		s.Rule = "R-DOM-2, R-DOM-4"
		s.Text = fmt.Sprintf("Set up the MX record and the other DNS records of %s at the DNS host you plan to use.", d.Name)
	} else {
		s.Rule = "R-DOM-2, R-DOM-5"
		s.Text = fmt.Sprintf("Change the MX record and the other DNS records of %s at your DNS host to the new email provider.", d.Name)
	}
	switch {
	case d.RecordsAtNewHost && d.NSAtMicrosoft:
		s.Status, s.Reason = Done, "The records are ready at the new DNS host; they take effect when the NS records move (R-DOM-3)."
	case d.RecordsAtNewHost || !d.MXAtMicrosoft:
		s.Status, s.Reason = Done, "The MX record no longer routes mail to Microsoft 365."
	case d.NSAtMicrosoft:
		s.Status, s.Reason = Next, "The NS records point to Microsoft 365: set up the records at the new DNS host first, then change the NS records to it (R-DOM-4)."
	default:
		s.Status, s.Reason = Next, "The NS records were never moved to Microsoft 365: when you change the MX record, mail starts going to the new provider right away (R-DOM-5)."
	}
	return s
}

func nsStep(d Domain) Step {
	s := Step{ID: Nameservers, Rule: "R-DOM-3, R-DOM-4", Sources: srcDNS,
		Text: fmt.Sprintf("Change the NS records of %s to point to the new DNS host.", d.Name)}
	if !d.NSAtMicrosoft {
		s.Status, s.Rule = NotNeeded, "R-DOM-5"
		s.Reason = "The NS records don't point to Microsoft 365: the MX change takes effect right away."
		return s
	}
	s.Status = Next
	s.Reason = "The NS records point to Microsoft 365 nameservers: the MX change takes effect only after the NS change."
	return s
}

func otherAdminStep(snap Snapshot, d Domain, sys string, actor UserID) Step {
	s := Step{ID: OtherGlobalAdmin, Rule: "R-DOM-8", Sources: srcRemoveNew,
		Text: fmt.Sprintf("Make sure a Global Administrator signs in with a domain other than %s before the administrators of %s move.", d.Name, d.Name)}
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
		s.Status, s.Reason = NotNeeded, fmt.Sprintf("No Global Administrator signs in with %s.", d.Name)
		return s
	case len(elsewhere) > 0:
		s.Status, s.Reason = NotNeeded, fmt.Sprintf("%s, a Global Administrator, signs in with %s.", elsewhere[0].ID, elsewhere[0].Domain)
		return s
	}
	for _, u := range onD {
		if u.ID != actor {
			s.Status = Next
			s.Text = fmt.Sprintf("Move Global Administrator %s to %s first, so that a Global Administrator signs in with a different domain.", u.ID, sys)
			s.Reason = fmt.Sprintf("Every Global Administrator signs in with %s.", d.Name)
			s.Targets = []string{string(u.ID)}
			return s
		}
	}
	s.Status = Blocked
	s.Reason = fmt.Sprintf("You (%s) are the only Global Administrator and you sign in with %s.", actor, d.Name)
	s.Unblock = fmt.Sprintf("make a user who signs in with another domain, such as %s, a Global Administrator", sys)
	s.Targets = []string{string(actor)}
	return s
}

func moveUsersStep(d Domain, sys string, users []User, opts ReleaseOptions) Step {
	s := Step{ID: MoveUsers, Rule: "R-DOM-7, R-DOM-8, R-DOM-9", Sources: srcRemove,
		Text: fmt.Sprintf("Change the sign-in name of every user of %s, yourself included, to %s or another domain.", d.Name, sys)}
	if opts.DeleteUsers {
		s.Rule, s.Sources = "R-DOM-7, R-DOM-8, R-DOM-10", srcRemove+", [S000]"
		s.Text = fmt.Sprintf("Delete the users of %s (this also deletes their data in the cloud); move yourself to %s.", d.Name, sys)
	}
	if len(users) == 0 {
		s.Status, s.Reason = Done, fmt.Sprintf("No user signs in with %s.", d.Name)
		return s
	}
	s.Status = Next
	s.Reason = fmt.Sprintf("%s with %s: %s.", plural(len(users), "user signs in", "users sign in"), d.Name, list(userIDs(users)))
	s.Targets = userIDs(users)
	return s
}

func moveGroupsStep(d Domain, sys string, groups []Group) Step {
	s := Step{ID: MoveGroups, Rule: "R-DOM-7, R-DOM-8", Sources: srcRemove,
		Text: fmt.Sprintf("Move the Microsoft 365 groups, distribution lists and teams of %s to %s or another domain.", d.Name, sys)}
	if len(groups) == 0 {
		s.Status, s.Reason = Done, fmt.Sprintf("No group uses %s.", d.Name)
		return s
	}
	names := make([]string, len(groups))
	for i, g := range groups {
		names[i] = g.Name
	}
	s.Status = Next
	s.Reason = fmt.Sprintf("%s %s: %s.", plural(len(groups), "group uses", "groups use"), d.Name, list(names))
	s.Targets = names
	return s
}

func aliasesStep(d Domain, aliases []Alias) Step {
	s := Step{ID: DeleteAliases, Rule: "R-DOM-10", Sources: srcHoster,
		Text: fmt.Sprintf("Delete the remaining aliases of %s in Microsoft 365.", d.Name)}
	if len(aliases) == 0 {
		s.Status, s.Reason = Done, fmt.Sprintf("No alias uses %s.", d.Name)
		return s
	}
	addrs := make([]string, len(aliases))
	for i, a := range aliases {
		addrs[i] = a.Address
	}
	s.Status = Next
	s.Reason = fmt.Sprintf("While an alias uses %s, the domain stays bound to Microsoft 365: %s.", d.Name, list(addrs))
	s.Targets = addrs
	return s
}

func defaultStep(d Domain, sys string) Step {
	s := Step{ID: ChangeDefaultDomain, Rule: "R-DOM-8", Sources: srcRemoveNew,
		Text: fmt.Sprintf("Make another domain, such as %s, the default domain.", sys)}
	if !d.Default {
		s.Status, s.Reason = NotNeeded, fmt.Sprintf("%s isn't the default domain.", d.Name)
		return s
	}
	s.Status = Next
	s.Reason = fmt.Sprintf("%s is the default domain, and the default domain can't be removed.", d.Name)
	s.Targets = []string{d.Name}
	return s
}

func removeStep(d Domain, sys string) Step {
	s := Step{ID: RemoveDomain, Rule: "R-DOM-1, R-DOM-7, R-DOM-9", Sources: srcRemove + ", [S002], [S003]",
		Text: fmt.Sprintf("Remove %s in Settings > Domains; then subscriptions can be cancelled.", d.Name)}
	if d.Removed() {
		s.Status = Done
		s.Reason = fmt.Sprintf("Removed on %s; removal takes as little as 5 minutes and up to about a day, and user accounts revert to %s.", instant(d.RemovedAt), sys)
		return s
	}
	s.Status = Next
	s.Reason = fmt.Sprintf("Removal takes as little as 5 minutes and up to about a day; user accounts revert to %s.", sys)
	s.Targets = []string{d.Name}
	return s
}
