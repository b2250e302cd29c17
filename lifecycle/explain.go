package lifecycle

import (
	"fmt"
	"time"
)

// Reason is one answer of a Status in words a support agent can read to a
// customer, with the rule ids of RULES.md and the source keys behind it.
type Reason struct {
	// Topic names the question answered: "state", "next", "reactivation",
	// "purge", "access", "cancel", "licenses" or "rules".
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

// nextReason says in the future tense why the next phase will begin.
func nextReason(c Cause) (text, rules, sources string) {
	const wif = "[D-WIF-2025-02], [S004]"
	switch c {
	case TermEnded:
		return "when its end date is reached; the Expired status starts on the end date, not on the date recurring billing was turned off", "R-LC-2, R-LC-3, DC-3a, DC-3b", wif + ", [PC-SUB-2023-10]"
	case CancelledAtRenewal:
		return "when its term ends, because it was cancelled before the next renewal date", "R-CAN-2, R-LC-13", "[D-CAN-2024-09], [D-WIF-2025-12]"
	case GraceEnded:
		return "when the Expired period ends", "R-LC-1", wif
	case DisabledEnded:
		return "when the Disabled period ends", "R-LC-1, R-LC-7", wif + ", [PC-LIFE-2023-08]"
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

// causeReason explains why a phase began.
func causeReason(st State, c Cause, since time.Time) (text, rules, sources string) {
	const wif = "[D-WIF-2025-02], [S004]"
	switch c {
	case Purchased:
		return fmt.Sprintf("The subscription has been %s since it was bought on %s.", st, longDate(since)), "R-LC-1", wif
	case TrialStarted:
		return fmt.Sprintf("The free trial has been %s since %s.", st, longDate(since)), "R-TRI-1, R-TRI-7", "[D-TRY-2025-06], [PC-SUB-2023-10]"
	case TrialConverted:
		return fmt.Sprintf("The trial converted to a paid subscription on %s.", longDate(since)), "R-TRI-1, R-TRI-2, R-TRI-7", "[D-TRY-2025-06], [S004], [PC-SUB-2023-10]"
	case Reactivated:
		return fmt.Sprintf("The subscription was reactivated on %s.", longDate(since)), "R-REA-1, R-REA-5, R-REA-7", "[D-WIF-2025-02], [D-REACT-2025-07], [PC-LIFE-2023-08]"
	case Renewed:
		return fmt.Sprintf("The subscription renewed on %s.", longDate(since)), "R-REN-1, R-REN-5", "[D-RENEW-2025-07], [PC-SUB-2023-10]"
	case TermEnded:
		return fmt.Sprintf("The subscription has been %s since its end date was reached on %s; the Expired status starts on the end date, not on the date recurring billing was turned off.", st, longDate(since)),
			"R-LC-2, R-LC-3, DC-3a, DC-3b", wif + ", [PC-SUB-2023-10]"
	case CancelledAtRenewal:
		return fmt.Sprintf("The subscription was cancelled before its next renewal date and has been %s since its end on %s.", st, longDate(since)), "R-CAN-2, R-LC-2, R-LC-13", "[D-CAN-2024-09], [D-WIF-2025-12]"
	case TrialEnded:
		return fmt.Sprintf("The free trial ended without being bought and has been %s since %s.", st, longDate(since)), "R-TRI-3, R-TRI-5, C-12", "[D-CAN-2024-09], " + wif
	case GraceEnded:
		return fmt.Sprintf("The Expired period ended on %s; the subscription has been %s since.", longDate(since), st), "R-LC-1", wif
	case DisabledEnded:
		return fmt.Sprintf("The Disabled period ended on %s; the subscription has been %s since.", longDate(since), st), "R-LC-1, R-LC-7", wif + ", [S003], [PC-LIFE-2023-08]"
	case Cancelled:
		if st == Deleted {
			return fmt.Sprintf("The partner cancelled the subscription on %s within its cancellation window, so it went straight to Deleted and can't be restored.", instant(since)), "R-CAN-14, C-7", "[PC-LIFE-2023-08], [PC-SUB-2023-10]"
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
	text, rules, sources := causeReason(s.State(), s.Cause(), s.Since())
	add("state", text, rules, sources)

	if s.Next().IsValid() {
		t, r, src := nextReason(s.NextCause())
		add("next", fmt.Sprintf("Unless something changes, it becomes %s on %s, %s.", s.Next(), longDate(s.NextAt()), t), r, src)
	} else if s.State() == Active {
		add("next", "Recurring billing is on, so the subscription renews at the end of each term and no other state is scheduled.", "R-REN-1, R-REN-5", "[D-RENEW-2025-07], [PC-SUB-2023-10]")
	}

	c := s.Capabilities()
	switch c.Data {
	case Everyone:
		add("access", "Users keep normal access to their apps, files and email, and the data is accessible to everyone.", "§2", "[D-WIF-2025-02], [S004]")
	case AdminsOnly:
		add("access", "Users can't use the services; only admins can access and back up the data.", "§2, R-LC-5, R-DAT-5", "[D-WIF-2025-02], [S004], [PC-LIFE-2023-08]")
	case Nobody:
		add("access", "The data is deleted or being deleted; nobody can access it, and buying a new subscription doesn't restore it.", "R-DAT-7, R-DAT-8", "[D-WIF-2025-02], [S004]")
	}
	if s.State() == Expired && !c.Services {
		add("access", "Under this version of the Volume Licensing rules, services became unavailable when the Expired status started.", "C-1", "[D-WIF-2024-03]")
	}

	if c.Reactivate {
		add("reactivation", fmt.Sprintf("It can be reactivated by %s before %s.", c.ReactivateRoles.Phrase(), instant(s.ReactivateUntil())),
			"R-REA-1…R-REA-5, R-REA-7, R-REA-8, C-6", "[D-WIF-2025-02], [D-REACT-2025-07], [PC-LIFE-2023-08], [E-TENANT-2024-01]")
	} else if s.State() != Active {
		add("reactivation", "It can't be reactivated in this state.", "R-REA-1, R-REA-7", "[D-WIF-2025-02], [PC-LIFE-2023-08]")
	}

	if nb, dl, byDay, ok := s.purge(); ok {
		deadline := instant(timeOf(dl))
		if byDay {
			deadline = "the end of " + longDate(timeOf(dl))
		}
		add("purge", fmt.Sprintf("Customer data may be deleted from %s and will be deleted no later than %s.", instant(timeOf(nb)), deadline),
			"R-DAT-2…R-DAT-5, DC-7, C-3", "[D-WIF-2025-02], [S002], [S003], [E-TENANT-2024-01], [PC-LIFE-2023-08], [P-TRUST]")
	}

	switch {
	case c.Cancel && !s.CancelWindowEnd().IsZero():
		add("cancel", fmt.Sprintf("It can be cancelled by %s within the cancellation window, which ends %s.", c.CancelRoles.Phrase(), instant(s.CancelWindowEnd())),
			"R-CAN-3, R-CAN-14, DC-5, DC-6", "[D-CAN-2024-09], [PC-LIFE-2023-08]")
	case c.Cancel:
		add("cancel", fmt.Sprintf("It can be cancelled online by %s.", c.CancelRoles.Phrase()), "R-CAN-1, R-CAN-9", "[D-CAN-2024-09]")
	case s.State() == Active:
		add("cancel", "It can't be cancelled online now; turn off recurring billing to let it expire at the end of its term, or contact support.", "R-CAN-1, R-CAN-3, R-CAN-14", "[D-CAN-2024-09], [PC-LIFE-2023-08]")
	}

	if !s.LicenseConflictUntil().IsZero() {
		add("licenses", fmt.Sprintf("More licenses are assigned than bought; resolve the conflict before %s. Per-user services are not interrupted in the meantime.", longDate(s.LicenseConflictUntil())),
			"R-LIC-4, C-15", "[D-WIF-2025-02], [S004]")
	}

	ch := s.f.b.channel()
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
