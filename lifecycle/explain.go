package lifecycle

import (
	"strings"

	"golang.org/x/text/language"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/lang"
	"github.com/lapse-go/lapse/policy"
)

// Reason is one answer of a Status in words a support agent can read to a
// customer, with the rule ids of RULES.md and the source keys behind it.
// Its words are data: Message holds a stable key and typed arguments, and
// In renders them in English, German, Dutch or Danish; Text is the English
// rendering.
type Reason struct {
	// Topic names the question answered: "state", "next", "access",
	// "reactivation", "purge", "cancel", "renewal", "delete", "licenses"
	// or "rules".
	Topic string
	// Text is one or two plain English sentences: Message.String().
	Text string
	// Rules are the rule ids, such as "R-LC-3, DC-3a".
	Rules string
	// Sources are the source keys, such as "[D-WIF-2025-02], [S004]".
	Sources string
	// Message is the sentence as data: its catalog key, such as
	// "cause.term-ended", and its arguments (dates, states, roles,
	// durations, rule ids).
	Message lang.Message
}

// String returns the text followed by its rules and sources.
func (r Reason) String() string { return r.Text + " (" + r.Rules + "; " + r.Sources + ")" }

// In returns the reason's sentences in the supported language closest to
// t, English when none is; rules and sources are not translated.
func (r Reason) In(t language.Tag) string { return r.Message.In(t) }

// TopicIn returns the reason's topic in the supported language closest to
// t, such as "Reaktivierung" for "reactivation" in German.
func (r Reason) TopicIn(t language.Tag) string { return lang.New("topic." + r.Topic).In(t) }

// expiryWords says when a term ends and its first day after, per the
// expiry anchor of the rules r that judge its end (DC-3a, DC-3b, C-16),
// and the rule ids and sources of that reading.
func expiryWords(r *policy.Rules, end clock.Date) (text lang.Message, rules, sources string) {
	switch {
	case r.ExpiryAnchor == policy.DayAfterEndDate:
		return lang.New("expiry.day-after", dateArg(end)),
			"R-LC-2, DC-3b, C-16", "[PC-SUB-2023-10], [PC-LIFE-2023-08]"
	case partnerRenewed(r.Channel): // no recurring billing: renewed through the licensing partner
		return lang.New("expiry.partner", dateArg(end)),
			"R-LC-2, DC-3a, R-REN-4, R-REA-9", "[D-WIF-2025-02], [S004]"
	}
	return lang.New("expiry.on-end-date", dateArg(end)),
		"R-LC-2, R-LC-3, DC-3a", "[D-WIF-2025-02], [S004]"
}

// nextReason says in the future tense why the next phase will begin.
func (s *Status) nextReason() (text lang.Message, rules, sources string) {
	const wif = "[D-WIF-2025-02], [S004]"
	switch c := s.NextCause(); c {
	case TermEnded, CancelledAtRenewal:
		r := s.f.b.rules(int32(s.d.ver))
		if s.Next() != Expired && r.ExpiredDays == 0 && r.Channel == policy.DirectMCA && !s.f.is(inTrial) { // R-LC-13: no Expired status
			return lang.New("next.mca-no-expired", dateArg(s.TermEnd()), lang.Days(r.DisabledDays)),
				"R-LC-13, R-LC-14, C-26", "[D-WIF-2025-12], [D-EST-2026-03]"
		}
		t, ids, src := expiryWords(r, s.TermEnd())
		if s.Next() != Expired && r.ExpiredDays == 0 {
			t = lang.New("expiry.no-expired", lang.Sub(t))
		}
		if c == CancelledAtRenewal {
			return lang.New("next.cancelled-at-renewal", lang.Sub(t)), "R-CAN-2, " + ids, "[D-CAN-2024-09], " + src
		}
		return lang.New("next.term-ended", lang.Sub(t)), ids, src
	case GraceEnded:
		return lang.New("next.grace-ended"), "R-LC-1", wif
	case DisabledEnded:
		if s.f.b.channel().IsCSP() {
			return lang.New("next.disabled-ended.csp"), "R-LC-1, §1.2", "[PC-LIFE-2023-08]"
		}
		return lang.New("next.disabled-ended"), "R-LC-1, R-LC-7", wif + ", [S003]"
	case TrialConverted:
		return lang.New("next.trial-converted"), "R-TRI-1, R-TRI-2, R-TRI-7", "[D-TRY-2025-06], [S004], [PC-SUB-2023-10]"
	case TrialEnded:
		return lang.New("next.trial-ended"), "R-TRI-3, R-TRI-5, C-12", "[D-CAN-2024-09], " + wif
	case Cancelled:
		return lang.New("next.cancelled"), "C-21", "[P-O365-2013]"
	case SuspendedAtTermEnd:
		return lang.New("next.suspended-at-term-end"), "C-8", "[PC-LIFE-2023-08]"
	case SuspensionLimit:
		return lang.New("next.suspension-limit"), "§1.1 row 10", "[PC-LIFE-2023-08], [P-PC-SUSP-OLD]"
	case ExtendedServiceTerm:
		return lang.New("next.extended-service-term"), "R-LC-13", "[D-WIF-2025-12], [D-EST-2026-03]"
	case AllLicensesRemoved:
		return lang.New("next.all-licenses-removed"), "R-LIC-4", wif
	}
	return lang.Message{}, "R-LC-1", wif
}

// causeReason explains why the current phase began.
func (s *Status) causeReason() (text lang.Message, rules, sources string) {
	const wif = "[D-WIF-2025-02], [S004]"
	st, since := stateArg(s.State()), lang.Date(s.Since())
	switch c := s.Cause(); c {
	case Purchased:
		return lang.New("cause.purchased", st, since), "R-LC-1", wif
	case TrialStarted:
		return lang.New("cause.trial-started", st, since), "R-TRI-1, R-TRI-7", "[D-TRY-2025-06], [PC-SUB-2023-10]"
	case TrialConverted:
		return lang.New("cause.trial-converted", since), "R-TRI-1, R-TRI-2, R-TRI-7", "[D-TRY-2025-06], [S004], [PC-SUB-2023-10]"
	case Reactivated:
		switch {
		case s.f.b.channel() == policy.DirectMCA:
			return lang.New("cause.reactivated.mca", since), "R-REA-5", "[D-REACT-2025-07]"
		case partnerRenewed(s.f.b.channel()):
			return lang.New("cause.reactivated.partner", since), "R-REA-1, R-REA-9, R-REN-4", wif
		}
		return lang.New("cause.reactivated", since), "R-REA-1", wif
	case Renewed:
		return lang.New("cause.renewed", since), "R-REN-1, R-REN-5", "[D-RENEW-2025-07], [PC-SUB-2023-10]"
	case TermEnded, CancelledAtRenewal:
		r := s.f.b.rules(int32(s.d.ver))
		how := lang.New("how.term-ended")
		if c == CancelledAtRenewal {
			how = lang.New("how.cancelled-at-renewal")
		}
		if s.State() != Expired && r.ExpiredDays == 0 && r.Channel == policy.DirectMCA { // R-LC-13, C-26: no Expired status
			return lang.New("cause.term-ended.mca-no-expired", st, lang.Sub(how), since, lang.Days(r.DisabledDays)),
				"R-LC-13, R-LC-14, C-26", "[D-WIF-2025-12], [D-EST-2026-03]"
		}
		t, ids, src := expiryWords(r, s.TermEnd())
		if s.State() != Expired && r.ExpiredDays == 0 {
			t = lang.New("expiry.no-expired", lang.Sub(t))
		}
		if c == CancelledAtRenewal {
			ids, src = "R-CAN-2, "+ids, "[D-CAN-2024-09], "+src
		}
		return lang.New("cause.term-ended", st, since, lang.Sub(how), lang.Sub(t)), ids, src
	case TrialEnded:
		return lang.New("cause.trial-ended", st, since), "R-TRI-3, R-TRI-5, C-12", "[D-CAN-2024-09], " + wif
	case GraceEnded:
		return lang.New("cause.grace-ended", since, st), "R-LC-1", wif
	case DisabledEnded:
		return lang.New("cause.disabled-ended", since, st), "R-LC-1, R-LC-7", wif + ", [S003], [PC-LIFE-2023-08]"
	case Cancelled:
		switch {
		case s.State() == Deleted:
			return lang.New("cause.cancelled.deleted", lang.Instant(s.Since())), "R-CAN-14, C-7", "[PC-LIFE-2023-08], [PC-SUB-2023-10]"
		case s.f.is(cancelDeferred): // C-21: effective at the end of the billing cycle
			return lang.New("cause.cancelled.deferred", lang.Date(timeOf(s.f.modeAt)), st, since), "C-21", "[P-O365-2013]"
		}
		return lang.New("cause.cancelled", since), "R-LC-5, R-LC-6, DC-4", wif
	case ExplicitlyDeleted:
		return lang.New("cause.explicitly-deleted", lang.Instant(s.Since())), "R-LC-8, C-6", wif + ", [E-TENANT-2024-01]"
	case SuspendedByPartner:
		return lang.New("cause.suspended", lang.Instant(s.Since())), "§1.2", "[PC-LIFE-2023-08]"
	case Unsuspended:
		return lang.New("cause.unsuspended", lang.Instant(s.Since())), "R-REA-7", "[PC-LIFE-2023-08]"
	case SuspendedAtTermEnd:
		return lang.New("cause.suspended-at-term-end", st, since), "C-8", "[PC-LIFE-2023-08]"
	case SuspensionLimit:
		return lang.New("cause.suspension-limit", since), "§1.1 row 10", "[PC-LIFE-2023-08], [P-PC-SUSP-OLD]"
	case AllLicensesRemoved:
		return lang.New("cause.all-licenses-removed", since, st), "R-LIC-4, R-LIC-6", wif
	case ExtendedServiceTerm:
		return lang.New("cause.extended-service-term", since), "R-LC-13", "[D-WIF-2025-12], [D-EST-2026-03]"
	}
	return lang.New("cause.other", st, since), "R-LC-1", wif
}

// deadlineArg says until when something is possible, given the first
// instant before at which it no longer is: "through" its last day when
// before is a day boundary (00:00Z); otherwise "until" the instant before
// it inclusive, when that last instant is inside (DC-5), or "before" it.
// An inclusive last instant is stated exactly (lang.Stamp), because a long
// date alone would read as the whole day.
func deadlineArg(before int64, inclusive bool) lang.Arg {
	switch {
	case before%dayNs == 0:
		return lang.Sub(lang.New("deadline.through", dateArg(lastDay(before))))
	case inclusive:
		return lang.Sub(lang.New("deadline.until", lang.Stamp(timeOf(before-1))))
	}
	return lang.Sub(lang.New("deadline.before", lang.Instant(timeOf(before))))
}

// cancelDeadline says until when the current term's cancellation window
// admits a cancellation: through its last day (days, DC-6), or until its
// end inclusive or before it (hours, DC-5).
func (s *Status) cancelDeadline() lang.Arg {
	t0, w := s.cancelWindow()
	if w.Unit == policy.Hours {
		if w.Inclusive {
			return deadlineArg(windowEnd(&w, t0)+1, true)
		}
		return deadlineArg(windowEnd(&w, t0), false)
	}
	return deadlineArg(windowClosesAt(&w, t0), false)
}

// refusalOf returns Apply's refusal of cmd issued at At by the first role
// that may issue it on the channel (§3.12), or by a Global Administrator
// when only support may, or nil when it is admitted.
func (s *Status) refusalOf(kind CommandKind) *RefusalError {
	m, err := machineFor(s.f.b.channel())
	if err != nil {
		return nil
	}
	cmd := Command{Kind: kind, Actor: GlobalAdmin} // when only support may issue it, the customer's admin is told so
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
// agent can read to a customer: Text in English, and Message for any
// supported language (Reason.In). It is computed on demand and allocates;
// Evaluate does not.
func (s Status) Explain() []Reason {
	if !s.State().IsValid() {
		return nil
	}
	var out []Reason
	add := func(topic string, m lang.Message, rules, sources string) {
		out = append(out, Reason{Topic: topic, Text: m.String(), Rules: rules, Sources: sources, Message: m})
	}
	text, rules, sources := s.causeReason()
	add("state", text, rules, sources)

	if u := s.AdminCenterLagUntil(); !u.IsZero() {
		add("state", lang.New("state.aobo-lag", dateArg(u)), "R-LC-12, C-19", "[D-WIF-2024-03], [D-WIF-2023-01]")
	}

	if s.Next().IsValid() {
		t, r, src := s.nextReason()
		add("next", lang.New("next", stateArg(s.Next()), lang.Date(s.NextAt()), lang.Sub(t)), r, src)
	} else if s.State() == Active && partnerRenewed(s.f.b.channel()) {
		add("next", lang.New("next.partner-renews"), "R-REN-4, R-REA-9", "[D-WIF-2025-02]")
	} else if s.State() == Active {
		add("next", lang.New("next.renews"), "R-REN-1, R-REN-5", "[D-RENEW-2025-07], [PC-SUB-2023-10]")
	}

	c := s.Capabilities()
	ch := s.f.b.channel()
	switch c.Data {
	case Everyone:
		add("access", lang.New("access.everyone"), "§2", "[D-WIF-2025-02], [S004]")
	case AdminsOnly:
		add("access", lang.New("access.admins-only"), "§2, R-LC-5, R-DAT-5", "[D-WIF-2025-02], [S004], [PC-LIFE-2023-08]")
	case Nobody:
		add("access", lang.New("access.nobody"), "R-DAT-7, R-DAT-8", "[D-WIF-2025-02], [S004]")
	}
	if c.OfficeApps == AppsReducedFunctionality && s.State() != Deleted {
		add("access", lang.New("access.reduced-functionality"), "§2", "[D-WIF-2025-02], [S004]")
	}
	if s.RepurchaseRestoresData() {
		add("access", lang.New("access.repurchase"), "C-22, R-DAT-7, R-TRI-8", "[D-WIF-2025-02], [PC-TRIAL-2022-09], [D-TRY-2025-06]")
	}
	if s.State() == Expired && !c.Services {
		add("access", lang.New("access.vl-services-off"), "C-1", "[D-WIF-2024-03]")
	}
	if s.State() == Expired && ch == policy.CSPNewCommerce {
		add("access", lang.New("access.csp-expired"), "§1.2", "[PC-LIFE-2023-08]")
	}

	if c.Reactivate {
		r, src := s.reactivationRules()
		// C-6, DC-5: the last instant of the hours after a deletion is inside.
		add("reactivation", lang.New("reactivation", rolesArg(c.ReactivateRoles), deadlineArg(s.reactivateBefore(), s.State() == Deleted)), r, src)
	} else if s.State() != Active {
		if e := s.refusalOf(CmdReactivate); e != nil {
			m := lang.New("reactivation.refused", lang.Sub(e.ReasonMessage()))
			if in := e.InsteadMessage(); !in.IsZero() {
				m = lang.New("reactivation.refused.instead", lang.Sub(e.ReasonMessage()), lang.Sub(in))
			}
			add("reactivation", m, e.Rule, e.Sources)
		}
	}

	if nb, gone, ok := s.purge(); ok {
		m := lang.New("purge", lang.Instant(timeOf(nb)), dateArg(lastDay(gone)), lang.Instant(timeOf(gone)))
		add("purge", m, "R-DAT-2…R-DAT-5, DC-7, C-3", "[D-WIF-2025-02], [S002], [S003], [E-TENANT-2024-01], [PC-LIFE-2023-08], [P-TRUST]")
	}

	if !ch.IsCSP() { // a direct customer is told its own roles: not support, nor a partner acting for it (AOBO)
		c.CancelRoles &^= RolesOf(Support, Partner)
	}
	closes := s.CancelWindowClosesAt()
	switch {
	case c.Cancel && s.f.is(viaSeller) && !closes.IsZero():
		add("cancel", lang.New("cancel.via-seller", s.cancelDeadline()),
			"R-CAN-4, DC-6", "[D-CAN-2024-09]")
	case c.Cancel && !closes.IsZero():
		add("cancel", lang.New("cancel.window", rolesArg(c.CancelRoles), s.cancelDeadline()),
			"R-CAN-3, R-CAN-14, DC-5, DC-6", "[D-CAN-2024-09], [PC-LIFE-2023-08]")
	case c.Cancel && s.Trial():
		add("cancel", lang.New("cancel.trial", rolesArg(c.CancelRoles)), "R-TRI-3", "[D-CAN-2024-09]")
	case c.Cancel:
		add("cancel", lang.New("cancel.online", rolesArg(c.CancelRoles)), "R-CAN-1, R-CAN-9", "[D-CAN-2024-09]")
	case s.State() == Active || s.State() == Suspended:
		if e := s.refusalOf(CmdCancelNow); e != nil {
			in := e.InsteadMessage()
			if c.CancelRoles.Has(Support) && !strings.Contains(in.String(), "support") { // R-CAN-1: "If you're unable to cancel your subscription, contact support"
				if in.IsZero() {
					in = lang.New("instead.contact-support")
				} else {
					in = lang.New("instead.or-contact-support", lang.Sub(in))
				}
			}
			m := lang.New("cancel.refused", lang.Sub(e.ReasonMessage()))
			if !in.IsZero() {
				m = lang.New("cancel.refused.instead", lang.Sub(e.ReasonMessage()), lang.Sub(in))
			}
			add("cancel", m, e.Rule, e.Sources)
		}
	}
	if s.State() == Active && s.f.is(productKey) && !s.RecurringBilling() && !partnerRenewed(ch) {
		add("renewal", lang.New("renewal.product-key"), "R-REN-3", "[D-RENEW-2025-07], [D-KEY-2024-09]")
	}
	if s.State() == Disabled && c.Delete {
		add("delete", lang.New("delete.now", rolesArg(c.DeleteRoles).Capitalized()),
			"R-LC-8, R-LC-9, R-CLO-3, R-CLO-5", "[D-CLOSE-2025-07], [S001], [D-WIF-2025-02]")
	}

	if u := s.LicenseConflictUntil(); !u.IsZero() {
		m := lang.New("licenses.conflict", dateArg(u))
		rules := "R-LIC-4, C-15"
		if partnerRenewed(ch) { // AC-33: "we recommend placing an Online Reservation to restore service"
			m = lang.New("licenses.conflict.online-reservation", dateArg(u))
			rules += ", R-REA-9"
		}
		add("licenses", m, rules, "[D-WIF-2025-02], [S004]")
	}

	v := s.Versions()
	add("rules", lang.New("rules.lifecycle", channelArg(ch), lang.Text(v.Lifecycle.Label()), lang.Text(v.Lifecycle.Cite().Rules)),
		"R-LC-14", v.Lifecycle.Cite().Sources)
	if v.Commands.Index() != v.Lifecycle.Index() {
		add("rules", lang.New("rules.commands", lang.Text(v.Commands.Label()), lang.Text(v.Commands.Cite().Rules)),
			"R-LC-14", v.Commands.Cite().Sources)
	}
	if v.Window.Index() != v.Commands.Index() && !closes.IsZero() {
		add("rules", lang.New("rules.window", lang.Text(v.Window.Label()), lang.Text(v.Window.Cite().Rules)),
			"R-CAN-14, R-CAN-15", v.Window.Cite().Sources)
	}
	return out
}
