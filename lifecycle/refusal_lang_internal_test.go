package lifecycle

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/lang"
	"github.com/lapse-go/lapse/lang/langtest"
	"github.com/lapse-go/lapse/policy"
)

// refusalVariants returns a RefusalError of every refusal in the variants
// its words depend on: with and without a command, a channel, a trial, an
// hour-based window, one or several domains, each way over the limit.
func refusalVariants() []*RefusalError {
	at := time.Date(2026, 1, 20, 9, 30, 0, 0, time.UTC)
	var out []*RefusalError
	for why := refRole; int(why) < len(refusals); why++ {
		for _, v := range []struct {
			cmd   CommandKind
			actor Role
			ch    policy.Channel
			trial bool
			unit  policy.Unit
			over  policy.OverLimit
			n     int
			doms  []string
			act   string
			roles RoleSet
		}{
			{CmdCancelNow, BillingAdmin, policy.DirectMOSA, false, policy.Days, 0, 1, []string{"contoso.com"}, "", RolesOf(GlobalAdmin, BillingAdmin, Support)},
			{CmdReactivate, User, policy.CSPNewCommerce, true, policy.Hours, policy.ReduceFirst, 25, []string{"a.example", "b.example"}, "", RolesOf(Partner)},
			{CmdRemoveLicenses, GlobalAdmin, policy.DirectMCA, false, policy.Days, policy.CallSupport, 0, nil, "", RolesOf(Support)},
			{0, User, 0, false, policy.Days, policy.ReduceOrCallSupport, 30, nil, "purchase", RolesOf(GlobalAdmin, BillingAdmin, BillingAccountOwner)},
			{0, User, policy.DirectMOSA, true, policy.Days, 0, 2, nil, "remove-payment-method", 0},
		} {
			if (v.cmd == 0 || v.ch == 0) && why != refRole { // only a role refusal concerns no command (a purchase) or no channel
				continue
			}
			out = append(out, &RefusalError{
				Command: v.cmd, Actor: v.actor, Channel: v.ch, State: Expired, Trial: v.trial, At: at,
				Until: at.Add(59*time.Second + 1), SubscriptionID: "sub-1", Limit: v.n,
				action: v.act, why: why, roles: v.roles, end: clock.Date{Year: 2026, Month: time.March, Day: 31},
				over: v.over, count: v.n + 1, domains: v.doms, unit: v.unit,
			})
		}
	}
	return out
}

// TestRefusalEveryLanguage renders the reason and the advice of every
// refusal in every language: each renders, shows no key, and leaves no
// English in the other languages (langtest.Check).
func TestRefusalEveryLanguage(t *testing.T) {
	for _, e := range refusalVariants() {
		for _, m := range []lang.Message{e.ReasonMessage(), e.InsteadMessage()} {
			if err := langtest.Check(m); err != nil {
				t.Errorf("refusal %d: %v", e.why, err)
			}
		}
		if e.Reason() != e.ReasonMessage().String() || e.Instead() != e.InsteadMessage().String() {
			t.Errorf("refusal %d: Reason/Instead are not the English renderings of their messages", e.why)
		}
	}
}

// TestRefusalWordsKeepTheirNumbers: a refusal's dates, instants and
// counts are the same in every language (the German of the hour-based
// window closes at the same nanosecond as the English RFC 3339).
func TestRefusalWordsKeepTheirNumbers(t *testing.T) {
	until := time.Date(2026, 1, 22, 9, 59, 59, 999999999, time.UTC)
	e := &RefusalError{Command: CmdCancelNow, Actor: Partner, Channel: policy.CSPNewCommerce, State: Active,
		why: refCancelWindow, unit: policy.Hours, Until: until, end: clock.Date{Year: 2027, Month: time.January, Day: 14}}
	tests := []struct {
		tag           language.Tag
		reason, inste string
	}{
		{language.English, "cancel within the window after the start or renewal; the window closed at 2026-01-22T09:59:59.999999999Z",
			"turn off auto-renew so that it ends on 2027-01-14; the partner is billed for the full term"},
		{language.German, "kündigen Sie innerhalb des Fensters nach dem Kauf oder der Verlängerung; das Fenster schloss am 22. Januar 2026 um 09:59:59,999999999 UTC",
			"deaktivieren Sie die automatische Verlängerung, damit es am 14. Januar 2027 endet; dem Partner wird die volle Laufzeit berechnet"},
		{language.Danish, "annuller inden for perioden efter købet eller fornyelsen; perioden lukkede den 22. januar 2026 kl. 09.59.59,999999999 UTC",
			"slå automatisk fornyelse fra, så det udløber den 14. januar 2027; partneren faktureres for hele perioden"},
	}
	for _, tt := range tests {
		if got := e.ReasonMessage().In(tt.tag); got != tt.reason {
			t.Errorf("reason in %s = %q, want %q", tt.tag, got, tt.reason)
		}
		if got := e.InsteadMessage().In(tt.tag); got != tt.inste {
			t.Errorf("instead in %s = %q, want %q", tt.tag, got, tt.inste)
		}
	}
	lim := &RefusalError{why: refOnlineLimit, Limit: 25, count: 1, over: policy.ReduceFirst, Channel: policy.DirectMOSA}
	for tag, want := range map[language.Tag]string{
		language.English: "1 license is over the online cancellation limit of 25",
		language.German:  "1 Lizenz liegen über der Grenze für die Onlinekündigung von 25",
		language.Dutch:   "1 licentie is meer dan de limiet voor online annuleren van 25",
	} {
		if got := lim.ReasonMessage().In(tag); got != want {
			t.Errorf("limit reason in %s = %q, want %q", tag, got, want)
		}
	}
}

// TestInvalidValuesAreNotKeys: a zero role or state in a refusal shows as
// its String in every language, never as a key or a formatting error.
func TestInvalidValuesAreNotKeys(t *testing.T) {
	e := &RefusalError{why: refRole, Command: CmdReactivate, Channel: policy.DirectMOSA}
	for _, tag := range lang.Languages() {
		if got := e.ReasonMessage().In(tag); !strings.Contains(got, "%!Role(0)") || strings.Contains(got, "role.") {
			t.Errorf("zero actor in %s: %q", tag, got)
		}
	}
}
