package lifecycle_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

var (
	longDateRE = regexp.MustCompile(`(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}`)
	isoDateRE  = regexp.MustCompile(`\d{4}-\d{2}-\d{2}`)
	ruleIDRE   = regexp.MustCompile(`^(R-[A-Z]+-\d+(\([a-z]\))?|DC-\d+[ab]?|C-\d+|AC-\d+|§\d+(\.\d+)?|R-[A-Z]+-\d+…R-[A-Z]+-\d+)$`)
	rowsRE     = regexp.MustCompile(`(§\d+(\.\d+)?) rows? \d+(, \d+)*( and \d+)?`)
)

// datesIn returns the UTC days a reason's text names.
func datesIn(tb interface{ Fatalf(string, ...any) }, text string) []time.Time {
	var out []time.Time
	for _, s := range longDateRE.FindAllString(text, -1) {
		d, err := time.Parse("January 2, 2006", s)
		if err != nil {
			tb.Fatalf("%q: %v", s, err)
		}
		out = append(out, d)
	}
	for _, s := range isoDateRE.FindAllString(text, -1) {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			tb.Fatalf("%q: %v", s, err)
		}
		out = append(out, d)
	}
	return out
}

func dayOfT(t time.Time) time.Time { return t.UTC().Truncate(24 * time.Hour) }

// TestExplainCitesTheAnswer is issue 11 item 11's property: over generated
// subscriptions of every channel (knobs perturbed) at instants around
// their boundaries, every date a Reason names is a date of the answer it
// renders (the Status's own dates, or the date of the refusal Apply
// gives), and its rule ids are well formed and those of the answer: a
// refusal is explained by the rule of the guard that fired, an expiry by
// the anchor of the version that judged it (DC-3a or DC-3b), a phase
// without Expired by R-LC-13, a reactivation by the rule of its channel.
func TestExplainCitesTheAnswer(t *testing.T) {
	atLeastChecks(t, 1000)
	rapid.Check(t, func(t *rapid.T) {
		lc, at, st := drawBoundaryStatus(t)
		ch := lc.Subscription().Channel()
		// refusal returns the rule and days of Apply's refusal of kind
		// by the roles that may issue it on the channel.
		refusal := func(kind lifecycle.CommandKind) (rules []string, days []time.Time) {
			for _, r := range allRoles {
				if r == lifecycle.Support {
					continue
				}
				var re *lifecycle.RefusalError
				if err := lc.Check(lifecycle.Command{Kind: kind, Actor: r}, at); errors.As(err, &re) && !errors.Is(err, lifecycle.ErrRole) {
					rules = append(rules, re.Rule)
					days = append(days, re.Until, re.At)
				}
			}
			return rules, days
		}
		for _, r := range st.Explain() {
			var allowed []time.Time
			var wantRules []string // the reason's Rules is one of these, when set
			switch r.Topic {
			case "state":
				allowed = []time.Time{st.Since(), st.TermEnd().UTC(), st.AdminCenterLagUntil().UTC()}
				for _, e := range lc.Subscription().History() { // the event that began the phase (C-21: the cancellation)
					allowed = append(allowed, e.At)
				}
			case "next":
				allowed = []time.Time{st.NextAt(), st.TermEnd().UTC()}
			case "reactivation":
				allowed = []time.Time{st.ReactivateUntil().UTC(), st.ReactivateBefore()} // through the last day, or before the instant
				if !st.Capabilities().Reactivate {
					rules, days := refusal(lifecycle.CmdReactivate)
					wantRules, allowed = rules, append(days, st.TermEnd().UTC(), st.TermEnd().AddDays(1).UTC())
				}
			case "purge":
				allowed = []time.Time{st.PurgeNotBefore().UTC(), st.PurgeDeadline().UTC(), st.DataGoneBy()}
			case "cancel":
				allowed = []time.Time{st.CancelWindowClosesAt(), st.CancelWindowClosesAt().Add(-time.Nanosecond)} // before it, or through its last day
				if !st.Capabilities().Cancel {
					rules, days := refusal(lifecycle.CmdCancelNow)
					wantRules, allowed = rules, append(days, st.TermEnd().UTC(), st.TermEnd().AddDays(1).UTC())
				}
			case "licenses":
				allowed = []time.Time{st.LicenseConflictUntil().UTC()}
			case "rules":
				continue // version labels and citations, checked by TestVersionsExplained
			}
			for _, d := range datesIn(t, r.Text) {
				ok := false
				for _, a := range allowed {
					ok = ok || (!a.IsZero() && dayOfT(a).Equal(d))
				}
				if !ok {
					t.Fatalf("%s reason at %v (%v, %v) names %v, not a date of its answer %v: %s", r.Topic, at, st.State(), ch, d.Format(time.DateOnly), allowed, r.Text)
				}
			}
			for _, id := range strings.Split(rowsRE.ReplaceAllString(r.Rules, "$1"), ", ") {
				if !ruleIDRE.MatchString(id) {
					t.Fatalf("%s reason cites %q, not a rule id: %v", r.Topic, id, r)
				}
			}
			if wantRules != nil {
				found := false
				for _, w := range wantRules {
					found = found || w == r.Rules
				}
				if !found {
					t.Fatalf("%s reason cites %q; the guards that fired cite %v: %v", r.Topic, r.Rules, wantRules, r)
				}
			}
			cites := func(id string) bool { return strings.Contains(", "+r.Rules+",", ", "+id+",") }
			switch {
			case r.Topic == "state" && (st.Cause() == lifecycle.TermEnded || st.Cause() == lifecycle.CancelledAtRenewal):
				life := st.Versions().Lifecycle.Rules()
				switch {
				case st.State() != lifecycle.Expired && life.ExpiredDays == 0 && ch == policy.DirectMCA:
					if !cites("R-LC-13") {
						t.Fatalf("a phase without Expired is not explained by R-LC-13: %v", r)
					}
				case life.ExpiryAnchor == policy.DayAfterEndDate:
					if !cites("DC-3b") || cites("DC-3a") {
						t.Fatalf("an end date inclusive of the whole day is not explained by DC-3b: %v", r)
					}
				default:
					if !cites("DC-3a") || cites("DC-3b") {
						t.Fatalf("an expiry on the end date is not explained by DC-3a: %v", r)
					}
				}
			case r.Topic == "reactivation" && st.Capabilities().Reactivate:
				want := map[lifecycle.State]string{lifecycle.Suspended: "R-REA-7", lifecycle.Deleted: "C-6"}[st.State()]
				if want == "" {
					want = "R-REA-1"
					if ch == policy.DirectMCA {
						want = "R-REA-5"
					}
				}
				if !cites(want) {
					t.Fatalf("a reactivation while %v on %v does not cite %s: %v", st.State(), ch, want, r)
				}
			}
		}
	})
}
