package lifecycle

import (
	"github.com/lapse-go/lapse/internal/fsmgraph"
	"github.com/lapse-go/lapse/policy"
)

// The policy guards of Apply: after the legal event graph has admitted a
// command in the subscription's state, these check the actor's role
// (§3.12) and the rules in force (§3.2–§3.7, §3.10).

// admit is steps 2 and 3 of Apply for cmd at st: the legal event graph m
// of the channel, then the policy guards. It returns nil and sets ev's
// kind, actor and license counts when cmd is admitted, else fills out with
// the refusal and returns it. s is the subscription, read by
// RemoveLicenses (its seat lots, R-LIC-2, R-LIC-7) and Renew (the product
// keys it used, R-REN-3); nil when asked without the history, as
// Capabilities and Explain do for the other kinds.
//
// It is the one place that decides whether a command may be issued:
// [Status.Capabilities] asks it for each role instead of keeping a copy
// of the rules, so the two cannot disagree.
func admit(m *fsmgraph.Machine, s *sub, cmd *Command, st *Status, ev *Event, out *RefusalError) *RefusalError {
	n := nodeOf(st)
	kind := cmd.Kind
	if kind == CmdReactivate && n == nodeSuspended {
		kind = CmdUnsuspend
	}
	if !m.Can(int(n), int(kind)) {
		return graphRefusal(out, cmd, st.f.b.channel(), st, n)
	}
	*ev = Event{Kind: kind.event(), Actor: cmd.Actor}
	return guard(out, s, cmd, st, ev)
}

// usedKey reports whether the product key k prepaid the subscription or
// extended it by one of its first n events (R-REN-3).
func (s *sub) usedKey(k string, n int) bool {
	if k == s.spec.ProductKeyID {
		return true
	}
	for _, e := range s.spec.History[:n] {
		if e.Kind == Renew && e.ProductKey == k {
			return true
		}
	}
	return false
}

// partnerRenewed reports whether ch renews, and changes licenses, through
// the licensing partner rather than in the admin center: Volume Licensing,
// Open Value and Open License ("contact your Microsoft volume licensing
// partner", R-REN-4, R-REA-9). Such a subscription has no recurring
// billing setting: nothing renews it automatically.
func partnerRenewed(ch policy.Channel) bool {
	return ch == policy.VolumeLicensing || ch == policy.OpenValue || ch == policy.OpenLicense
}

// graphRefusal explains why the event graph has no edge for cmd at st.
func graphRefusal(out *RefusalError, cmd *Command, ch policy.Channel, st *Status, n node) *RefusalError {
	why := refState
	k := cmd.Kind
	switch {
	case n == nodeDeleted:
		why = refDeleted
	case k == CmdTurnOffRecurringBilling || k == CmdTurnOnRecurringBilling || k == CmdCancelAtRenewal || k == CmdConvertToEST:
		switch {
		case partnerRenewed(ch):
			why = refPartnerChannel
		case n == nodeSuspended:
			why = refSuspendedAutoRenew
		case k == CmdConvertToEST && ch != policy.DirectMCA:
			why = refESTNotOffered
		case n != nodeActive && n != nodeTrial:
			why = refRecurringNotActive
		}
	case k == CmdCancelNow:
		switch {
		case partnerRenewed(ch) || ch == policy.CSPLegacy:
			why = refNoCancel
		case n == nodeTrial && ch.IsCSP():
			why = refTrialStatus
		}
	case k == CmdDelete:
		switch {
		case ch != policy.DirectMOSA && n == nodeDisabled:
			why = refDeleteNotOffered
		case n == nodeActive || n == nodeTrial || n == nodeSuspended:
			why = refCancelFirst
		case n == nodeExpired:
			why = refDeleteNotYet
		}
	case k == CmdReactivate:
		switch {
		case n == nodeTrial || n == nodeTrialExpired:
			why = refReactivateTrial
		case ch.IsCSP() && (n == nodeExpired || n == nodeDisabled):
			why = refNoReactivateCSP
		case n == nodeActive:
			why = refAlready
		}
	case k == CmdSuspend || k == CmdUnsuspend:
		switch {
		case !ch.IsCSP():
			why = refSuspendNotOffered
		case n == nodeTrial:
			why = refTrialStatus
		case k == CmdSuspend && n == nodeSuspended, k == CmdUnsuspend && n == nodeActive:
			why = refAlready
		}
	case k == CmdExtendTrial:
		if n == nodeTrial {
			why = refTrialNoExtend
		}
	case k == CmdAddLicenses || k == CmdRemoveLicenses:
		switch {
		case n == nodeTrial:
			why = refTrialSeats
		case partnerRenewed(ch):
			why = refPartnerChannel
		}
	case k == CmdRenew && ch.IsCSP() && n == nodeExpired:
		why = refNoReactivateCSP
	}
	e := out.refuse(why, cmd, ch, st)
	switch why {
	case refAlready: // reactivate an Active, suspend a Suspended subscription
		e.Rule, e.Sources = "R-REA-1, R-REA-7, §1.2", "[D-WIF-2025-02], [PC-LIFE-2023-08]"
	case refDeleteNotOffered:
		e.Until = st.DeletedAt()
	case refDeleteNotYet:
		e.Until = st.NextAt()
	}
	return e
}

// rolesFor returns who may issue k on ch under r (§3.12).
func rolesFor(k CommandKind, ch policy.Channel, r *policy.Rules) RoleSet {
	billing := BillingRoles(ch)
	switch k {
	case CmdSuspend, CmdUnsuspend:
		return partnerRoles
	case CmdAssignLicenses:
		s := RolesOf(GlobalAdmin, UserAdmin)
		if ch.IsCSP() {
			s |= partnerRoles
		}
		return s
	case CmdCancelNow, CmdCancelAtRenewal:
		if !ch.IsCSP() {
			// "If you're unable to cancel your subscription, contact
			// support" (R-CAN-1); support cancels past the online limit
			// and for product keys (R-CAN-6, R-CAN-7).
			billing |= RolesOf(Support)
		}
		if ch == policy.DirectMOSA || ch == policy.DirectMCA {
			// R-LC-12, AC-59: a partner with delegated administration
			// (AOBO) cancels a direct customer's subscription.
			billing |= partnerRoles
		}
		return billing
	case CmdReactivate:
		if r.Reactivation.ViaSupport {
			return RolesOf(Support) // ~2013: "reinstate by phone" (P-O365-2013)
		}
	}
	return billing
}

// roleRule returns the rule ids and sources that say who may issue k on ch.
func roleRule(k CommandKind, ch policy.Channel) (rule, sources string) {
	if ch.IsCSP() {
		return "§3.12, R-CAN-14, R-REA-7", "[P-PC-CANPOL-LIVE], [PC-LIFE-2023-08]"
	}
	switch k {
	case CmdCancelNow, CmdCancelAtRenewal:
		return "R-CAN-9, §3.12", "[D-CAN-2024-09], [S003]"
	case CmdReactivate:
		return "R-REA-1, R-REA-4, R-REA-5, §3.12", "[D-WIF-2025-02], [D-REACT-2025-07]"
	case CmdAssignLicenses:
		return "§3.12", "[D-LICRM-OLD]"
	}
	return "§3.12", "[D-RENEW-2025-07], [D-CAN-2024-09]"
}

// guard applies the policy guards to cmd at st under the version in force
// then; ev is the event the graph admitted, which guard completes (license
// counts). It returns nil or a *RefusalError.
func guard(out *RefusalError, s *sub, cmd *Command, st *Status, ev *Event) *RefusalError {
	ch := st.f.b.channel()
	r := st.rules()
	roles := rolesFor(cmd.Kind, ch, r)
	if !roles.Has(cmd.Actor) {
		why := refRole
		if ch.IsCSP() && (cmd.Kind == CmdAddLicenses || cmd.Kind == CmdRemoveLicenses) {
			why = refCSPLicenses // R-LIC-8, AC-42
		}
		e := out.refuse(why, cmd, ch, st)
		e.roles = roles
		if why == refRole {
			e.Rule, e.Sources = roleRule(cmd.Kind, ch)
		}
		return e
	}
	switch cmd.Kind {
	case CmdTurnOffRecurringBilling:
		if !st.RecurringBilling() {
			return out.refuse(refAlready, cmd, ch, st)
		}
	case CmdTurnOnRecurringBilling:
		if st.RecurringBilling() {
			return out.refuse(refAlready, cmd, ch, st)
		}
	case CmdCancelNow:
		return guardCancel(out, r, cmd, st)
	case CmdCancelAtRenewal:
		if e := guardRoute(out, r, cmd, st); e != nil {
			return e
		}
		if e := guardDomains(out, cmd, ch, st); e != nil {
			return e
		}
	case CmdReactivate:
		return guardReactivate(out, r, cmd, st)
	case CmdDelete:
		if !r.ExplicitDelete {
			e := out.refuse(refDeleteNotOffered, cmd, ch, st)
			e.Until = st.DeletedAt()
			return e
		}
	case CmdSuspend:
		if !r.Suspension.Allowed {
			return out.refuse(refSuspendNotOffered, cmd, ch, st)
		}
	case CmdExtendTrial:
		return guardExtendTrial(out, r, cmd, st)
	case CmdAddLicenses:
		if st.ExtendedServiceTerm() {
			return out.refuse(refESTQuantity, cmd, ch, st)
		}
		ev.Licenses, ev.Assigned = st.Licenses()+cmd.Licenses, st.Assigned()
	case CmdRemoveLicenses:
		if s == nil { // the seat lots need the history; no caller asks without it
			e := out.refuse(refLicenseWindow, cmd, ch, st)
			return e
		}
		return guardRemoveLicenses(out, s, r, cmd, st, ev)
	case CmdAssignLicenses:
		if cmd.Assigned > st.Licenses() {
			e := out.refuse(refAssignTooMany, cmd, ch, st)
			e.Limit, e.count = st.Licenses(), cmd.Assigned
			return e
		}
		if cmd.Assigned == st.Assigned() {
			e := out.refuse(refAlready, cmd, ch, st)
			e.Rule, e.Sources = "R-LIC-1", "[D-LIC-2024-02]"
			return e
		}
		ev.Licenses, ev.Assigned = st.Licenses(), cmd.Assigned
	case CmdRenew:
		if s != nil && cmd.ProductKey != "" && s.usedKey(cmd.ProductKey, len(s.spec.History)) {
			return out.refuse(refKeyUsed, cmd, ch, st) // R-REN-3: "a new, unused product key"
		}
		ev.ProductKey = cmd.ProductKey
		if !r.SalesEnd.IsZero() && !st.At().Before(r.SalesEnd) {
			e := out.refuse(refSalesEnded, cmd, ch, st)
			e.Until = r.SalesEnd
			return e
		}
	case CmdConvertToEST:
		if !r.Renewal.ESTAvailable {
			return out.refuse(refESTNotOffered, cmd, ch, st)
		}
		if st.ExtendedServiceTerm() || st.NextCause() == ExtendedServiceTerm {
			e := out.refuse(refAlready, cmd, ch, st)
			e.Rule, e.Sources = "R-LC-13", "[D-WIF-2025-12], [D-EST-2026-03]"
			return e
		}
	}
	return nil
}

func guardDomains(out *RefusalError, cmd *Command, ch policy.Channel, st *Status) *RefusalError {
	if len(cmd.CustomDomains) == 0 || ch.IsCSP() {
		return nil
	}
	e := out.refuse(refCustomDomain, cmd, ch, st)
	e.domains = append([]string(nil), cmd.CustomDomains...) // a copy: the caller may change its slice
	return e
}

// guardCancel is §3.2: trials, product keys, the window, the online license
// limit and the custom domain precondition.
func guardCancel(out *RefusalError, r *policy.Rules, cmd *Command, st *Status) *RefusalError {
	ch := st.f.b.channel()
	if e := guardRoute(out, r, cmd, st); e != nil {
		return e
	}
	if st.Trial() {
		if !r.Trial.Cancellable {
			return out.refuse(refTrialNotCancellable, cmd, ch, st)
		}
		// R-TRI-3: "To cancel a free trial, turn off recurring billing";
		// no window, license limit or domain applies, and a trial that
		// will not convert has nothing left to cancel.
		if !st.f.is(trialConverts) && !st.f.is(billingOn) {
			e := out.refuse(refAlready, cmd, ch, st)
			e.Rule, e.Sources = "R-TRI-3", "[D-CAN-2024-09]"
			return e
		}
		return nil
	}
	if st.f.is(productKey) && r.Cancel.ProductKeyViaSupport && cmd.Actor != Support {
		return out.refuse(refProductKey, cmd, ch, st)
	}
	// The window is judged by the version in force when it opened.
	t0, w := st.cancelWindow()
	switch w.Kind {
	case policy.Never:
		return out.refuse(refNoCancel, cmd, ch, st)
	case policy.AfterStart:
		if !windowOpen(&w, t0, st.at) {
			e := out.refuse(refCancelWindow, cmd, ch, st)
			e.Until, e.unit = w.LastOpen(timeOf(t0)), w.Unit
			e.Rule, e.Sources = windowRule(st, ch, &w)
			return e
		}
	}
	if e := guardSeller(out, cmd, st); e != nil { // R-CAN-4, once the window is open
		return e
	}
	if lim := r.Cancel.Online; lim.Max > 0 {
		n := st.Licenses()
		if lim.Count == policy.Assigned {
			n = st.Assigned()
		}
		// Support cancels what the customer can't cancel online: "If
		// you're unable to cancel your subscription, contact support"
		// (R-CAN-1), "call support" (R-CAN-5, R-CAN-6, R-CAN-7).
		if !lim.Allows(n) && cmd.Actor != Support {
			e := out.refuse(refOnlineLimit, cmd, ch, st)
			e.Limit, e.count, e.over = lim.Max, n, lim.Over
			switch {
			case lim.Over == policy.ReduceFirst:
				e.Rule, e.Sources = "R-CAN-1, C-4", "[D-CAN-2024-09], [D-CAN-2025-05]"
			case lim.Over == policy.CallSupport:
				e.Rule, e.Sources = "R-CAN-6, C-4", "[S003], [D-CAN-2020]"
			case lim.Count == policy.Assigned:
				e.Rule, e.Sources = "R-CAN-7, C-4", "[S002]"
			default:
				e.Rule, e.Sources = "R-CAN-5, C-4", "[P-CAN-2022]"
			}
			return e
		}
	}
	return guardDomains(out, cmd, ch, st)
}

// windowRule returns the rule ids and sources of the cancellation window w
// of st's term on ch: the refusal of a cancellation once it has closed,
// and the deadline at which it closes ([CancelWindowCloses]).
func windowRule(st *Status, ch policy.Channel, w *policy.Window) (rule, sources string) {
	switch {
	case st.f.is(viaSeller):
		return "R-CAN-4, DC-6", "[D-CAN-2024-09]"
	case ch.IsCSP():
		return "R-CAN-14, R-CAN-15, DC-5", "[PC-LIFE-2023-08], [PC-SUB-2023-10], [P-CRN-2022]"
	case w.Unit == policy.Hours:
		return "R-CAN-5, R-REF-3, DC-5", "[P-CAN-2022]"
	}
	return "R-CAN-3, R-REF-2, DC-6", "[D-CAN-2024-09], [D-CAN-2025-05]"
}

// guardReactivate is §3.4: the window (R-REA-1, R-REA-3, R-REA-7, C-6),
// the payment method (R-REA-4) and the end of sales (C-23).
func guardReactivate(out *RefusalError, r *policy.Rules, cmd *Command, st *Status) *RefusalError {
	ch := st.f.b.channel()
	if !st.reactivationOpen() {
		return out.refuse(refReactivateClosed, cmd, ch, st)
	}
	if st.State() == Suspended {
		return nil // R-REA-7: the partner unsuspends; nothing is bought
	}
	// R-REA-4: "Reactivate this subscription" asks for a payment method.
	if r.Reactivation.RequiresPaymentMethod && !st.f.is(paymentMethod) {
		return out.refuse(refReactivatePayment, cmd, ch, st)
	}
	// C-23, R-REA-9: a reactivation renews; Open License renews nothing
	// from 2022-01-01.
	if !r.SalesEnd.IsZero() && !st.At().Before(r.SalesEnd) {
		e := out.refuse(refSalesEnded, cmd, ch, st)
		e.Until = r.SalesEnd
		return e
	}
	return nil
}

// guardExtendTrial is R-TRI-4 and R-TRI-8.
func guardExtendTrial(out *RefusalError, r *policy.Rules, cmd *Command, st *Status) *RefusalError {
	ch := st.f.b.channel()
	t := r.Trial
	if t.MaxExtensions <= 0 || t.ExtensionDays <= 0 {
		return out.refuse(refTrialNoExtend, cmd, ch, st)
	}
	if int(st.f.extensions) >= t.MaxExtensions {
		e := out.refuse(refTrialExtendedOnce, cmd, ch, st)
		e.Limit = t.MaxExtensions
		return e
	}
	// DC-6: "within 15 days of expiring" on dates: date(end) − date(now) ≤ N.
	_, end := st.term()
	from := end.add(-t.ExtensionWithinDays)
	if dayOf(st.at) < from {
		e := out.refuse(refTrialExtendEarly, cmd, ch, st)
		e.Until, e.Limit = from.time(), t.ExtensionWithinDays
		return e
	}
	return nil
}

// guardRemoveLicenses is §3.6: EST, prepaid, the least count, assigned
// licenses, recurring billing and the removal window per seats added.
func guardRemoveLicenses(out *RefusalError, s *sub, r *policy.Rules, cmd *Command, st *Status, ev *Event) *RefusalError {
	ch := st.f.b.channel()
	if st.ExtendedServiceTerm() {
		return out.refuse(refESTQuantity, cmd, ch, st)
	}
	if st.f.is(productKey) {
		return out.refuse(refPrepaid, cmd, ch, st)
	}
	if !r.Licenses.RemovableInAdminCenter && !ch.IsCSP() {
		return out.refuse(refPartnerChannel, cmd, ch, st)
	}
	left := st.Licenses() - cmd.Licenses
	if min := max(r.Licenses.Min, 0); left < min {
		e := out.refuse(refLicensesMin, cmd, ch, st)
		e.Limit = min
		return e
	}
	if left < st.Assigned() && r.Licenses.ConflictDays == 0 {
		e := out.refuse(refLicensesAssigned, cmd, ch, st)
		e.Limit = st.Assigned() - left
		return e
	}
	if r.Licenses.RemoveRequiresRecurringBilling && !st.RecurringBilling() {
		return out.refuse(refLicensesRecurring, cmd, ch, st)
	}
	switch w := r.Licenses.RemoveWindow; w.Kind {
	case policy.Never:
		return out.refuse(refPartnerChannel, cmd, ch, st)
	case policy.AfterStart:
		if n := removableSeats(s, st); cmd.Licenses > n {
			e := out.refuse(refLicenseWindow, cmd, ch, st)
			e.Limit = n
			return e
		}
	}
	ev.Licenses, ev.Assigned = left, st.Assigned()
	return nil
}

// seatLot is a number of licenses whose removal window opened at one
// instant: the seats held when the term's window opened, or seats added
// later (R-LIC-7).
type seatLot struct {
	at int64
	n  int
}

// seatLots returns the lots of the licenses held at st's instant, oldest
// first, in buf: the seats held when the term's window opened form one
// lot, each later addition another, and a removal takes seats from the
// newest lots first.
func seatLots(s *sub, st *Status, buf []seatLot) []seatLot {
	t0, _ := st.window()
	lots := buf[:0]
	h, ts := s.spec.History, s.ts
	cur := s.spec.Licenses
	i := 0
	for ; i < len(h) && ts[i] <= t0; i++ {
		if h[i].Kind == ChangeLicenses {
			cur = h[i].Licenses
		}
	}
	lots = append(lots, seatLot{t0, cur})
	for ; i < len(h) && ts[i] <= st.at; i++ {
		if h[i].Kind != ChangeLicenses {
			continue
		}
		d := h[i].Licenses - cur
		cur = h[i].Licenses
		if d > 0 {
			lots = append(lots, seatLot{ts[i], d})
			continue
		}
		for j := len(lots) - 1; j >= 0 && d < 0; j-- {
			take := min(lots[j].n, -d)
			lots[j].n -= take
			d += take
		}
	}
	return lots
}

// removableSeats returns how many licenses can be removed at st's instant
// under a window that opens after the start, the renewal or the seat
// addition, each lot's judged by the version in force when it opened:
// R-LIC-7 "decreased only within the first seven days of when the seats
// were added … at the initial purchase, on renewal, or at midterm" (AC-40),
// R-LIC-2 likewise for MCA.
func removableSeats(s *sub, st *Status) int {
	var buf [8]seatLot
	n := 0
	b := st.f.b
	for _, l := range seatLots(s, st, buf[:0]) {
		w := &b.rules(b.window(l.at, removeWindow)).Licenses.RemoveWindow
		if l.n > 0 && windowOpen(w, l.at, st.at) {
			n += l.n
		}
	}
	return n
}
