package tenant_test

import (
	"fmt"
	"testing"
	"time"

	"golang.org/x/text/language"
	"pgregory.net/rapid"

	"github.com/lapse-go/lapse/lang"
	"github.com/lapse-go/lapse/lang/langtest"
	"github.com/lapse-go/lapse/lifecycle/tenant"
)

// checkWords checks that every step's Text, Reason and Unblock are the
// English renderings of its Messages, that each message renders in every
// language without a key, a formatting error or English left in it, and
// that Plan.In renders them.
func checkWords(t *rapid.T, p tenant.Plan) {
	for _, s := range p.Steps {
		m := s.Messages
		if s.Text != m.Text.String() || s.Reason != m.Reason.String() || s.Unblock != m.Unblock.String() {
			t.Fatalf("step %s words are not the English renderings of its messages: %+v", s.ID, s)
		}
		for _, msg := range []lang.Message{m.Text, m.Reason, m.Unblock} {
			if err := langtest.Check(msg); err != nil {
				t.Fatalf("step %s: %v", s.ID, err)
			}
		}
	}
	for _, tag := range lang.Languages() {
		q := p.In(tag)
		for i, s := range q.Steps {
			if s.Text != s.Messages.Text.In(tag) || s.Reason != s.Messages.Reason.In(tag) || s.ID != p.Steps[i].ID {
				t.Fatalf("Plan.In(%s) step %d = %+v", tag, i, s)
			}
		}
	}
	if p.In(language.German).Steps[0].Text == p.Steps[0].Text {
		t.Fatalf("Plan.In(de) changed the plan it was called on, or rendered English: %q", p.Steps[0].Text)
	}
}

func checked(t *rapid.T, plan func(tenant.Snapshot, time.Time) (tenant.Plan, error)) func(tenant.Snapshot, time.Time) (tenant.Plan, error) {
	return func(s tenant.Snapshot, at time.Time) (tenant.Plan, error) {
		p, err := plan(s, at)
		if err == nil {
			checkWords(t, p)
		}
		return p, err
	}
}

// TestPlansEveryLanguage follows generated release-domain and
// close-account plans to their end and renders every step of every plan
// on the way in every language.
func TestPlansEveryLanguage(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		snap, at := genTenant(t)
		actor := rapid.SampledFrom(snap.Users()).Draw(t, "actor").ID
		followPlan(t, snap, at, checked(t, func(s tenant.Snapshot, at time.Time) (tenant.Plan, error) {
			return tenant.CloseAccountPlan(s, actor, at)
		}))
		if custom := snap.CustomDomainsInUse(); len(custom) > 0 {
			domain := rapid.SampledFrom(custom).Draw(t, "domain")
			opts := tenant.ReleaseOptions{DeleteUsers: rapid.Bool().Draw(t, "deleteUsers")}
			followPlan(t, snap, at, checked(t, func(s tenant.Snapshot, at time.Time) (tenant.Plan, error) {
				return tenant.ReleaseDomainPlan(s, domain, at, opts)
			}))
		}
	})
}

// The release-domain plan of AC-51 in Danish, the language of the hoster's
// cancellation page (seed 002).
func ExamplePlan_In() {
	snap, err := tenant.New(tenant.SnapshotSpec{
		BillingAccount: tenant.MOSA,
		Domains: []tenant.Domain{
			{Name: "contoso.onmicrosoft.com", System: true},
			{Name: "contoso.com", Default: true, NSAtMicrosoft: true, MXAtMicrosoft: true},
		},
		Users: []tenant.User{{ID: "admin", Domain: "contoso.com", Roles: ga}, {ID: "anna", Domain: "contoso.com"}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	p, err := tenant.ReleaseDomainPlan(snap, "contoso.com", time.Date(2026, 7, 29, 0, 0, 0, 0, time.UTC), tenant.ReleaseOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range p.In(language.Danish).Steps[:3] {
		fmt.Printf("[%s] %s\n    %s\n", s.Status, s.Text, s.Reason)
	}
	// Output:
	// [next] Giv brugerne af contoso.com besked om, hvilken dato deres mail flyttes, og hvilken ny mailudbyder der vil blive brugt, og at de skal foretage yderligere handlinger for at flytte deres eksisterende mail.
	//     Inden du opdaterer MX-posten, skal du give brugerne besked om datoen og den nye mailudbyder.
	// [pending] Konfigurer MX-posten og de andre DNS-poster for contoso.com på den DNS-vært, du kommer til at bruge.
	//     Venter på notify-users. NS-posterne henviser til Microsoft 365: konfigurer først posterne på den nye DNS-vært, og skift derefter NS-posterne til den (R-DOM-4).
	// [pending] Skift NS-posterne for contoso.com, så de henviser til den nye DNS-vært.
	//     Venter på dns-records. NS-posterne henviser til navneservere hos Microsoft 365: ændringen af MX-posten træder først i kraft efter ændringen af NS-posterne.
}
