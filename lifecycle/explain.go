package lifecycle

import (
	"fmt"
	"strings"
	"time"

	"github.com/lapse-go/lapse/policy"
)

// Reason is one answer of a Status in words a support agent can read to a
// customer, with the rule ids of RULES.md and the source keys behind it.
type Reason struct {
	// Topic names the question answered: "state", "next", "access",
	// "reactivation", "purge", "cancel", "renewal", "delete", "licenses"
	// or "rules".
	Topic string
	// Text is one or two plain English sentences.
	Text string
	// Rules are the rule ids, such as "R-LC-3, DC-3a".
	Rules string
	// Sources are the source keys, such as "[D-WIF-2025-02], [S004]".
	Sources string
}

// String returns the text followed by its rules and sources.
func (r Reason) String() string { return r.Text + " (" + r.Rules + "; " + r.Sources + ")" }

func longDate(t time.Time) string { return t.UTC().Format("January 2, 2006") }

// instant formats t as a date when it is a UTC midnight (a day-based
// deadline), else with the time of day.
func instant(t time.Time) string {
	if t.UTC().Truncate(24 * time.Hour).Equal(t) {
		return longDate(t)
	}
	return t.UTC().Format("January 2, 2006 15:04 MST")
}

// expiryWords says when a term ends and its first day after, per the
// expiry anchor of the rules r that judge its end (DC-3a, DC-3b, C-16),
// and the rule ids and sources of that reading.
func expiryWords(r *policy.Rules, end time.Time) (text, rules, sources string) {
	switch {
	case r.ExpiryAnchor == policy.DayAfterEndDate:
		return fmt.Sprintf("after its end date, %s, which is inclusive of the whole day", longDate(end)),
			"R-LC-2, DC-3b, C-16", "[PC-SUB-2023-10], [PC-LIFE-2023-08]"
	case partnerRenewed(r.Channel): // no recurring billing: renewed through the licensing partner
		return fmt.Sprintf("on its end date, %s; it renews only by a renewal order placed with the licensing partner", longDate(end)),
			"R-LC-2, DC-3a, R-REN-4, R-REA-9", "[D-WIF-2025-02], [S004]"
	}
	return fmt.Sprintf("on its end date, %s, and the Expired status starts on the end date, not on the date recurring billing was turned off", longDate(end)),
		"R-LC-2, R-LC-3, DC-3a", "[D-WIF-2025-02], [S004]"
}

// nextReason says in the future tense why the next phase will begin.
func (s *Status) nextReason() (text, rules, sources string) {
	const wif = "[D-WIF-2025-02], [S004]"
	switch c := s.NextCause(); c {
	case TermEnded, CancelledAtRenewal:
		r := s.f.b.rules(int32(s.d.ver))
		if s.Next() != Expired && r.ExpiredDays == 0 && r.Channel == policy.DirectMCA && !s.f.is(inTrial) { // R-LC-13: no Expired status
			return fmt.Sprintf("when its term ends on its end date, %s: the Expired status no longer applies to license-based subscriptions bought directly through an MCA, and the data is retained for %d days and then permanently deleted",
				longDate(s.TermEnd()), r.DisabledDays), "R-LC-13, R-LC-14, C-26", "[D-WIF-2025-12], [D-EST-2026-03]"
		}
		t, ids, src := expiryWords(r, s.TermEnd())
		if s.Next() != Expired && r.ExpiredDays == 0 {
			t += "; these rules have no Expired status"
		}
		if c == CancelledAtRenewal {
			return "when its term ends " + t + ", because it was cancelled before the next renewal date", "R-CAN-2, " + ids, "[D-CAN-2024-09], " + src
		}
		return "when its term ends " + t, ids, src
	case GraceEnded:
		return "when the Expired period ends", "R-LC-1", wif
	case DisabledEnded:
		if s.f.b.channel().IsCSP() {
			return "when the Disabled period ends; the data is retained for 90 days after the end of the previous state", "R-LC-1, §1.2", "[PC-LIFE-2023-08]"
		}
		return "when the Disabled period ends", "R-LC-1, R-LC-7", wif + ", [S003]"
	case TrialConverted:
		return "when the trial converts to a paid subscription", "R-TRI-1, R-TRI-2, R-TRI-7", "[D-TRY-2025-06], [S004], [PC-SUB-2023-10]"
	case TrialEnded:
		return "when the trial ends without being bought", "R-TRI-3, R-TRI-5, C-12", "[D-CAN-2024-09], " + wif
	case Cancelled:
		return "when the cancellation takes effect at the end of the billing cycle", "C-21", "[P-O365-2013]"
	case SuspendedAtTermEnd:
		return "if it is still suspended when its term ends", "C-8", "[PC-LIFE-2023-08]"
	case SuspensionLimit:
		return "after the longest suspension allowed", "§1.1 row 10", "[PC-LIFE-2023-08], [P-PC-SUSP-OLD]"
	case ExtendedServiceTerm:
		return "when its Extended Service Term begins", "R-LC-13", "[D-WIF-2025-12], [D-EST-2026-03]"
	case AllLicensesRemoved:
		return "because all licenses were removed", "R-LIC-4", wif
	}
	return "", "R-LC-1", wif
}

// causeReason explains why the current phase began.
func (s *Status) causeReason() (text, rules, sources string) {
	const wif = "[D-WIF-2025-02], [S004]"
	st, since := s.State(), s.Since()
	switch c := s.Cause(); c {
	case Purchased:
		return fmt.Sprintf("The subscription has been %s since it was bought on %s.", st, longDate(since)), "R-LC-1", wif
	case TrialStarted:
		return fmt.Sprintf("The free trial has been %s since %s.", st, longDate(since)), "R-TRI-1, R-TRI-7", "[D-TRY-2025-06], [PC-SUB-2023-10]"
	case TrialConverted:
		return fmt.Sprintf("The trial converted to a paid subscription on %s.", longDate(since)), "R-TRI-1, R-TRI-2, R-TRI-7", "[D-TRY-2025-06], [S004], [PC-SUB-2023-10]"
	case Reactivated:
		switch {
		case s.f.b.channel() == policy.DirectMCA:
			return fmt.Sprintf("The subscription was reactivated on %s as a new subscription with the same commitment term, starting that day.", longDate(since)), "R-REA-5", "[D-REACT-2025-07]"
		case partnerRenewed(s.f.b.channel()):
			return fmt.Sprintf("The subscription was reactivated on %s; it renews only through the licensing partner.", longDate(since)), "R-REA-1, R-REA-9, R-REN-4", wif
		}
		return fmt.Sprintf("The subscription was reactivated on %s.", longDate(since)), "R-REA-1", wif
	case Renewed:
		return fmt.Sprintf("The subscription renewed on %s.", longDate(since)), "R-REN-1, R-REN-5", "[D-RENEW-2025-07], [PC-SUB-2023-10]"
	case TermEnded, CancelledAtRenewal:
		r := s.f.b.rules(int32(s.d.ver))
		how := "its term ended"
		if c == CancelledAtRenewal {
			how = "it was cancelled before its next renewal date and its term ended"
		}
		if st != Expired && r.ExpiredDays == 0 && r.Channel == policy.DirectMCA { // R-LC-13, C-26: no Expired status
			return fmt.Sprintf("The subscription has been %s since %s on its end date, %s: the Expired status no longer applies to license-based subscriptions bought directly through an MCA, and the data is retained for %d days and then permanently deleted.",
				st, how, longDate(since), r.DisabledDays), "R-LC-13, R-LC-14, C-26", "[D-WIF-2025-12], [D-EST-2026-03]"
		}
		t, ids, src := expiryWords(r, s.TermEnd())
		if st != Expired && r.ExpiredDays == 0 {
			t += "; these rules have no Expired status"
		}
		if c == CancelledAtRenewal {
			ids, src = "R-CAN-2, "+ids, "[D-CAN-2024-09], "+src
		}
		return fmt.Sprintf("The subscription has been %s since %s: %s %s.", st, longDate(since), how, t), ids, src
	case TrialEnded:
		return fmt.Sprintf("The free trial ended without being bought and has been %s since %s.", st, longDate(since)), "R-TRI-3, R-TRI-5, C-12", "[D-CAN-2024-09], " + wif
	case GraceEnded:
		return fmt.Sprintf("The Expired period ended on %s; the subscription has been %s since.", longDate(since), st), "R-LC-1", wif
	case DisabledEnded:
		return fmt.Sprintf("The Disabled period ended on %s; the subscription has been %s since.", longDate(since), st), "R-LC-1, R-LC-7", wif + ", [S003], [PC-LIFE-2023-08]"
	case Cancelled:
		switch {
		case st == Deleted:
			return fmt.Sprintf("The partner cancelled the subscription on %s within its cancellation window, so it went straight to Deleted and can't be restored.", instant(since)), "R-CAN-14, C-7", "[PC-LIFE-2023-08], [PC-SUB-2023-10]"
		case s.f.is(cancelDeferred): // C-21: effective at the end of the billing cycle
			return fmt.Sprintf("The subscription was cancelled on %s, effective as of the next billing cycle, and has been %s since %s; its data is deleted 90 days after the cancellation.",
				longDate(timeOf(s.f.modeAt)), st, longDate(since)), "C-21", "[P-O365-2013]"
		}
		return fmt.Sprintf("The subscription was cancelled on %s, so it skipped the Expired status and users lost access the same day; only admins can reach the data.", longDate(since)), "R-LC-5, R-LC-6, DC-4", wif
	case ExplicitlyDeleted:
		return fmt.Sprintf("An admin deleted the subscription on %s; it skipped the Expired and Disabled statuses and SharePoint Online and OneDrive content was deleted at once.", instant(since)), "R-LC-8, C-6", wif + ", [E-TENANT-2024-01]"
	case SuspendedByPartner:
		return fmt.Sprintf("The partner suspended the subscription on %s; users can't use the services but admins can reach the data.", instant(since)), "§1.2", "[PC-LIFE-2023-08]"
	case Unsuspended:
		return fmt.Sprintf("The partner reactivated the suspended subscription on %s.", instant(since)), "R-REA-7", "[PC-LIFE-2023-08]"
	case SuspendedAtTermEnd:
		return fmt.Sprintf("The subscription was still suspended when its term ended and has been %s since %s.", st, longDate(since)), "C-8", "[PC-LIFE-2023-08]"
	case SuspensionLimit:
		return fmt.Sprintf("The subscription stayed suspended for the longest time allowed and was deleted on %s.", longDate(since)), "§1.1 row 10", "[PC-LIFE-2023-08], [P-PC-SUSP-OLD]"
	case AllLicensesRemoved:
		return fmt.Sprintf("All licenses were removed on %s, so the subscription entered the %s status.", longDate(since), st), "R-LIC-4, R-LIC-6", wif
	case ExtendedServiceTerm:
		return fmt.Sprintf("The subscription has continued month to month on an Extended Service Term since %s.", longDate(since)), "R-LC-13", "[D-WIF-2025-12], [D-EST-2026-03]"
	}
	return fmt.Sprintf("The subscription has been %s since %s.", st, longDate(since)), "R-LC-1", wif
}

// refusalOf returns Apply's refusal of cmd issued at At by the first role
// that may issue it on the channel (§3.12), or nil when it is admitted.
func (s *Status) refusalOf(kind CommandKind) *RefusalError {
	m, err := machineFor(s.f.b.channel())
	if err != nil {
		return nil
	}
	cmd := Command{Kind: kind}
	for r := GlobalAdmin; r.IsValid(); r++ {
		if rolesFor(kind, s.f.b.channel(), s.rules()).Has(r) && r != Support {
			cmd.Actor = r
			break
		}
	}
	var ev Event
	return admit(m, nil, &cmd, s, &ev, new(RefusalError))
}

// reactivationRules returns the rule ids and sources that allow a
// reactivation now.
func (s *Status) reactivationRules() (rules, sources string) {
	ch := s.f.b.channel()
	switch {
	case s.State() == Suspended:
		return "R-REA-7", "[PC-LIFE-2023-08]"
	case s.State() == Deleted:
		return "C-6, R-REA-8, DC-5", "[E-TENANT-2024-01]"
	case ch == policy.DirectMCA:
		rules, sources = "R-REA-1, R-REA-2, R-REA-5", "[D-WIF-2025-02], [D-REACT-2025-07]"
	case partnerRenewed(ch):
		rules, sources = "R-REA-1, R-REA-9", "[D-WIF-2025-02]"
	case s.rules().Reactivation.ViaSupport:
		rules, sources = "R-REA-1, §1.3", "[P-O365-2013]"
	default:
		rules, sources = "R-REA-1, R-REA-2, R-REA-4", "[D-WIF-2025-02], [D-REACT-2025-07]"
	}
	if s.Cause() == Cancelled || (s.State() == Disabled && s.f.mode == cancelled) {
		rules, sources = rules+", R-REA-3", sources+", [S003]"
	}
	return rules, sources
}

// Explain returns the reasons behind s, one per answer, in words a support
// agent can read to a customer. It is computed on demand and allocates;
// Evaluate does not.
func (s Status) Explain() []Reason {
	if !s.State().IsValid() {
		return nil
	}
	var out []Reason
	add := func(topic, text, rules, sources string) {
		out = append(out, Reason{Topic: topic, Text: text, Rules: rules, Sources: sources})
	}
	text, rules, sources := s.causeReason()
	add("state", text, rules, sources)

	if u := s.AdminCenterLagUntil(); !u.IsZero() {
		add("state", fmt.Sprintf("The partner cancelled it on behalf of the customer, so the admin center may show the old status until %s; this is informational only.", longDate(u)),
			"R-LC-12, C-19", "[D-WIF-2024-03], [D-WIF-2023-01]")
	}

	if s.Next().IsValid() {
		t, r, src := s.nextReason()
		add("next", fmt.Sprintf("Unless something changes, it becomes %s on %s, %s.", s.Next(), longDate(s.NextAt()), t), r, src)
	} else if s.State() == Active && partnerRenewed(s.f.b.channel()) {
		add("next", "It renews through the licensing partner, so no other state is scheduled.", "R-REN-4, R-REA-9", "[D-WIF-2025-02]")
	} else if s.State() == Active {
		add("next", "Recurring billing is on, so the subscription renews at the end of each term and no other state is scheduled.", "R-REN-1, R-REN-5", "[D-RENEW-2025-07], [PC-SUB-2023-10]")
	}

	c := s.Capabilities()
	ch := s.f.b.channel()
	switch c.Data {
	case Everyone:
		add("access", "Users keep normal access to their apps, files and email, and the data is accessible to everyone.", "§2", "[D-WIF-2025-02], [S004]")
	case AdminsOnly:
		add("access", "Users can't use the services; only admins can access and back up the data.", "§2, R-LC-5, R-DAT-5", "[D-WIF-2025-02], [S004], [PC-LIFE-2023-08]")
	case Nobody:
		add("access", "The data is deleted or being deleted; nobody can access it, and buying a new subscription doesn't restore it. The Microsoft Entra ID tenant is removed too, unless other services use it.", "R-DAT-7, R-DAT-8", "[D-WIF-2025-02], [S004]")
	}
	if c.OfficeApps == AppsReducedFunctionality && s.State() != Deleted {
		add("access", "The Office desktop apps eventually move into a read-only, reduced functionality mode and display Unlicensed Product notifications; users can only read and print documents.", "§2", "[D-WIF-2025-02], [S004]")
	}
	if s.RepurchaseRestoresData() {
		add("access", "Buying a new subscription with the same service plans before this one is deleted gives access to its data again; after it is deleted, it doesn't.",
			"C-22, R-DAT-7, R-TRI-8", "[D-WIF-2025-02], [PC-TRIAL-2022-09], [D-TRY-2025-06]")
	}
	if s.State() == Expired && !c.Services {
		add("access", "Under this version of the Volume Licensing rules, services became unavailable when the Expired status started.", "C-1", "[D-WIF-2024-03]")
	}
	if s.State() == Expired && ch == policy.CSPNewCommerce {
		add("access", "An expired subscription no longer shows on the Partner Center subscriptions page; find it through the export or the API. The partner is not billed for it.", "§1.2", "[PC-LIFE-2023-08]")
	}

	if c.Reactivate {
		r, src := s.reactivationRules()
		if s.State() == Deleted { // C-6, DC-5: the last instant is inside
			add("reactivation", fmt.Sprintf("It can be reactivated by %s until %s inclusive.", c.ReactivateRoles.Phrase(), instant(s.ReactivateUntil().Add(-time.Nanosecond).Truncate(time.Second))), r, src)
		} else {
			add("reactivation", fmt.Sprintf("It can be reactivated by %s before %s.", c.ReactivateRoles.Phrase(), instant(s.ReactivateUntil())), r, src)
		}
	} else if s.State() != Active {
		if e := s.refusalOf(CmdReactivate); e != nil {
			text := "It can't be reactivated now: " + e.Reason() + "."
			if in := e.Instead(); in != "" {
				text += " Instead: " + in + "."
			}
			add("reactivation", text, e.Rule, e.Sources)
		}
	}

	if nb, dl, byDay, ok := s.purge(); ok {
		deadline := instant(timeOf(dl))
		if byDay {
			deadline = "the end of " + longDate(timeOf(dl))
		}
		add("purge", fmt.Sprintf("Customer data may be deleted from %s and will be deleted no later than %s.", instant(timeOf(nb)), deadline),
			"R-DAT-2…R-DAT-5, DC-7, C-3", "[D-WIF-2025-02], [S002], [S003], [E-TENANT-2024-01], [PC-LIFE-2023-08], [P-TRUST]")
	}

	if !ch.IsCSP() { // a direct customer is told its own roles: not support, nor a partner acting for it (AOBO)
		c.CancelRoles &^= RolesOf(Support, Partner)
	}
	switch {
	case c.Cancel && s.f.is(viaSeller) && !s.CancelWindowEnd().IsZero():
		add("cancel", fmt.Sprintf("It was bought through a partner or a Microsoft representative: contact your seller or partner to cancel it within the cancellation window, which ends %s.", instant(s.CancelWindowEnd())),
			"R-CAN-4, DC-6", "[D-CAN-2024-09]")
	case c.Cancel && !s.CancelWindowEnd().IsZero():
		add("cancel", fmt.Sprintf("It can be cancelled by %s within the cancellation window, which ends %s.", c.CancelRoles.Phrase(), instant(s.CancelWindowEnd())),
			"R-CAN-3, R-CAN-14, DC-5, DC-6", "[D-CAN-2024-09], [PC-LIFE-2023-08]")
	case c.Cancel && s.Trial():
		add("cancel", fmt.Sprintf("The free trial can be cancelled by %s: cancelling turns recurring billing off, and it ends at the end of the trial without charge.", c.CancelRoles.Phrase()),
			"R-TRI-3", "[D-CAN-2024-09]")
	case c.Cancel:
		add("cancel", fmt.Sprintf("It can be cancelled online by %s.", c.CancelRoles.Phrase()), "R-CAN-1, R-CAN-9", "[D-CAN-2024-09]")
	case s.State() == Active || s.State() == Suspended:
		if e := s.refusalOf(CmdCancelNow); e != nil {
			text := "It can't be cancelled online now: " + e.Reason() + "."
			in := e.Instead()
			if c.CancelRoles.Has(Support) && !strings.Contains(in, "support") {
				in += ", or contact support" // R-CAN-1: "If you're unable to cancel your subscription, contact support"
			}
			if in != "" {
				text += " Instead: " + strings.TrimPrefix(in, ", or ") + "."
			}
			add("cancel", text, e.Rule, e.Sources)
		}
	}
	if s.State() == Active && s.f.is(productKey) && !s.RecurringBilling() && !partnerRenewed(ch) {
		add("renewal", "It was prepaid with a product key and expires at the end of its term; to keep it, turn on recurring billing and add a payment method, or extend it with a new, unused product key for the same plan.",
			"R-REN-3", "[D-RENEW-2025-07], [D-KEY-2024-09]")
	}
	if s.State() == Disabled && c.Delete {
		who := c.DeleteRoles.Phrase()
		add("delete", fmt.Sprintf("%s%s can delete it now to remove its data before the Disabled status is over; contact support if it can't be deleted at once.", strings.ToUpper(who[:1]), who[1:]),
			"R-LC-8, R-LC-9, R-CLO-3, R-CLO-5", "[D-CLOSE-2025-07], [S001], [D-WIF-2025-02]")
	}

	if !s.LicenseConflictUntil().IsZero() {
		text := fmt.Sprintf("More licenses are assigned than bought; resolve the conflict before %s. Per-user services are not interrupted in the meantime.", longDate(s.LicenseConflictUntil()))
		rules := "R-LIC-4, C-15"
		if partnerRenewed(ch) { // AC-33: "we recommend placing an Online Reservation to restore service"
			text += " To restore the seats, place an Online Reservation and contact your licensing partner."
			rules += ", R-REA-9"
		}
		add("licenses", text, rules, "[D-WIF-2025-02], [S004]")
	}

	v := s.Versions()
	add("rules", fmt.Sprintf("Judged by the %s rules, version %s: %s.", ch, v.Lifecycle.Label(), v.Lifecycle.Cite().Rules),
		"R-LC-14", v.Lifecycle.Cite().Sources)
	if v.Commands.Index() != v.Lifecycle.Index() {
		add("rules", fmt.Sprintf("What may be done now is judged by version %s, in force at this instant: %s.", v.Commands.Label(), v.Commands.Cite().Rules),
			"R-LC-14", v.Commands.Cite().Sources)
	}
	if v.Window.Index() != v.Commands.Index() && !s.CancelWindowEnd().IsZero() {
		add("rules", fmt.Sprintf("The cancellation window is judged by version %s, in force when it opened: %s.", v.Window.Label(), v.Window.Cite().Rules),
			"R-CAN-14, R-CAN-15", v.Window.Cite().Sources)
	}
	return out
}
