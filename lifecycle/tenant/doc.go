// Package tenant holds the procedures that surround a subscription's
// lifecycle at the level of the whole Microsoft 365 tenant: releasing a
// custom domain (RULES.md §3.8, R-DOM-1…R-DOM-10) and closing the account
// (§3.9, R-CLO-1…R-CLO-5), as checklists that know the tenant.
//
// A [Snapshot] describes the tenant at one moment: users (roles, sign-in
// domain, MFA, synchronized from on-premises or not), groups and aliases,
// domains (system or custom, default or not, where the NS and MX records
// point), subscriptions (judged lifecycle.Lifecycle values), the billing
// account type (MOSA or MCA), applications, MFA providers and unpaid
// invoices. [New] validates it: contradictions (two default domains, a
// custom domain marked as the ".onmicrosoft.com" system domain, a user on
// a domain the tenant doesn't have, a subscription that was not judged or
// has no id) are errors that name the entry, never panics.
//
// # Judged subscriptions
//
// The caller judges each subscription against its policy table with
// lifecycle.Judge — policy.Builtin(), a loaded table with its override
// layers, or policy.Pin(rules) to judge by fixed rules — and puts the
// judged lifecycles in [SnapshotSpec.Subscriptions]; this package never
// sees the table:
//
//	lc, err := lifecycle.Judge(sub, policy.Builtin())
//	...
//	snap, err := tenant.New(tenant.SnapshotSpec{..., Subscriptions: []lifecycle.Lifecycle{lc}})
//
// A judged lifecycle resolves each rule by the version of the policy in
// force when it applies (lifecycle.Judge): how a term ends by the version
// in force on its end date, a cancellation window by the version in force
// when it opened, a command by the version in force when it is issued. The
// plans follow it: what may be done to a subscription at the plan's
// instant is what Status.Capabilities says then, and a step's reason reads
// the same versions (Status.Versions): a closed cancellation window under
// the version that judged the window, the online license limit under the
// version in force at the instant. Judged by another table — the version
// a subscription was bought under, pinned — the same tenant gets other
// dates.
//
// # Plans
//
// [ReleaseDomainPlan] and [CloseAccountPlan] return a [Plan]: the steps of
// the procedure in the order the sources give, each with a [StepStatus]
// (Done, Next, Blocked, NotNeeded, or Pending behind an unfinished step),
// the reason in plain English, the rule ids and sources, what would
// unblock it, and the earliest instant it can be taken. [Plan.Next] says
// what to do next:
//
//	plan, err := tenant.ReleaseDomainPlan(snap, "contoso.com", at, tenant.ReleaseOptions{})
//	if step, ok := plan.Next(); ok {
//		fmt.Println(step.Text, step.Rule)
//	}
//
// What is done is read from the snapshot, not remembered: the users of a
// domain are moved when no user signs in with it, the NS records are moved
// when Domain.NSAtMicrosoft is false. A portal takes a new snapshot after
// each change and computes the plan again.
//
// # Time
//
// Plans are evaluated at an instant the caller passes in; nothing here
// reads the clock. The subscriptions' states come from Lifecycle.At at that
// instant and the earliest instants from their phases (Lifecycle.Phases):
// an MOSA subscription can be deleted once it is Disabled, an MCA
// subscription is deleted at the end of its term (R-LC-9), and the tenant
// can be deleted once every subscription is Deleted and 72 hours after the
// last explicit deletion (R-CLO-4, AC-11).
//
// # Cancelling with a custom domain
//
// "If you added your own domain name to use with your subscription, you
// must remove the domain before you cancel your subscription" (R-CAN-10).
// [CanCancel] gives that verdict as an error matching [ErrCustomDomain];
// package lifecycle, which does not import this package, receives it as
// the list [Snapshot.CustomDomainsInUse] in lifecycle.Command.CustomDomains.
//
// # The billing account
//
// [UnpaidInvoice] and [Chargeback] say when an MCA account's services are
// deactivated (R-MISC-1, AC-57); [AccountBlocked] when an inactive billing
// account is blocked (R-MISC-2, AC-58); [Purchase] refuses what a blocked
// account or a used CSP traditional trial can't buy (R-MISC-2, R-TRI-8);
// [DataDeletedAfterLockout] when accelerated deprovisioning deletes the
// data (R-DAT-6). Their numbers are a policy.AccountRules, such as
// policy.BuiltinAccount().
//
// # Simulation
//
// [Plan.Execute] applies a Next step's documented effect to a copy of a
// snapshot, for previews and for tests that walk a plan to its end. A
// subscription changes through Lifecycle.Apply, and the new snapshot holds
// the judged lifecycle Apply returned.
//
// # What it is not
//
// This package calls no Microsoft API and keeps no state: a Snapshot is
// what the caller observed, a Plan what follows from it. Step texts are
// plain English; they are not localized.
package tenant
