package tenant

// CanCancel returns the custom-domain verdict for cancelling a
// subscription of snap: nil when no custom domain is attached, else a
// *[CustomDomainError] naming the domains, which matches
// [ErrCustomDomain]: "If you added your own domain name to use with your
// subscription, you must remove the domain before you cancel your
// subscription" (R-CAN-10, R-DOM-1, AC-51). [ReleaseDomainPlan] says how to
// remove each domain.
//
// Package lifecycle does not import this package: a caller that issues a
// cancellation passes the verdict to lifecycle.Lifecycle.Apply as a plain
// input, the list of domains still attached, and Apply refuses the
// cancellation with its own error (lifecycle.ErrPrecondition, R-CAN-10)
// while it is not empty:
//
//	cmd := lifecycle.Command{
//		Kind:          lifecycle.CmdCancelNow,
//		Actor:         lifecycle.GlobalAdmin,
//		CustomDomains: snap.CustomDomainsInUse(),
//	}
//	next, err := lc.Apply(cmd, at) // lc from snap.Subscription(id)
//
// The zero Snapshot is an *EntryError (ErrInvalid), not a verdict.
func CanCancel(snap Snapshot) error {
	if snap.IsZero() {
		return &EntryError{Path: "snapshot", Reason: "zero Snapshot: build one with tenant.New"}
	}
	domains := snap.CustomDomainsInUse()
	if len(domains) == 0 {
		return nil
	}
	return &CustomDomainError{Domains: domains, Rule: "R-CAN-10, R-DOM-1", Sources: srcCancelDom}
}
