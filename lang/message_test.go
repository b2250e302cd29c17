package lang_test

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/lapse-go/lapse/lang"
)

func TestRenderArguments(t *testing.T) {
	day := time.Date(2026, 7, 29, 0, 0, 0, 0, time.UTC)
	at := time.Date(2026, 1, 20, 9, 5, 0, 0, time.UTC)
	leap := time.Date(2028, 2, 29, 0, 0, 0, 0, time.UTC)
	berlin := time.FixedZone("CEST", 2*3600)
	tests := []struct {
		name string
		arg  lang.Arg
		want map[string]string // language → rendering
	}{
		{"date", lang.Date(day), map[string]string{"en": "July 29, 2026", "de": "29. Juli 2026", "nl": "29 juli 2026", "da": "29. juli 2026"}},
		{"date of a leap day", lang.Date(leap), map[string]string{"en": "February 29, 2028", "de": "29. Februar 2028", "nl": "29 februari 2028", "da": "29. februar 2028"}},
		// 2026-07-30 01:00 in Berlin is 2026-07-29 23:00 UTC: dates are UTC days.
		{"date given in another zone", lang.Date(time.Date(2026, 7, 30, 1, 0, 0, 0, berlin)), map[string]string{"en": "July 29, 2026", "de": "29. Juli 2026"}},
		{"day", lang.Day(day), map[string]string{"en": "2026-07-29", "de": "29. Juli 2026", "nl": "29 juli 2026", "da": "29. juli 2026"}},
		{"instant at midnight", lang.Instant(day), map[string]string{"en": "July 29, 2026", "de": "29. Juli 2026"}},
		{"instant", lang.Instant(at), map[string]string{"en": "January 20, 2026 09:05 UTC", "de": "20. Januar 2026 um 09:05 UTC", "nl": "20 januari 2026 om 09:05 UTC", "da": "20. januar 2026 kl. 09.05 UTC"}},
		{"stamp", lang.Stamp(at), map[string]string{"en": "2026-01-20T09:05:00Z", "de": "20. Januar 2026 um 09:05 UTC", "da": "20. januar 2026 kl. 09.05 UTC"}},
		{"stamp off the minute", lang.Stamp(at.Add(59*time.Second + 999999999)), map[string]string{"en": "2026-01-20T09:05:59.999999999Z", "de": "20. Januar 2026 um 09:05:59,999999999 UTC", "nl": "20 januari 2026 om 09:05:59,999999999 UTC", "da": "20. januar 2026 kl. 09.05.59,999999999 UTC"}},
		{"one day", lang.Days(1), map[string]string{"en": "1 day", "de": "1 Tag", "nl": "1 dag", "da": "1 dag"}},
		{"thirty days", lang.Days(30), map[string]string{"en": "30 days", "de": "30 Tage", "nl": "30 dagen", "da": "30 dage"}},
		{"no days", lang.Days(0), map[string]string{"en": "0 days", "de": "0 Tage", "nl": "0 dagen", "da": "0 dage"}},
		{"one license", lang.Count("licenses", 1), map[string]string{"en": "1 license", "de": "1 Lizenz", "nl": "1 licentie", "da": "1 licens"}},
		{"licenses", lang.Count("licenses", 25), map[string]string{"en": "25 licenses", "de": "25 Lizenzen", "nl": "25 licenties", "da": "25 licenser"}},
		{"number", lang.Number(12345), map[string]string{"en": "12,345", "de": "12.345", "nl": "12.345", "da": "12.345"}},
		{"state", lang.Term("state.disabled"), map[string]string{"en": "disabled", "de": "Deaktiviert", "nl": "Uitgeschakeld", "da": "Deaktiveret"}},
		{"no roles", lang.Roles(), map[string]string{"en": "nobody", "de": "niemand"}},
		{"roles", lang.Roles("role.global-admin", "role.billing-admin", "role.partner"),
			map[string]string{"en": "a Global Administrator, a Billing Administrator or the CSP partner", "de": "Globaler Administrator, Abrechnungsadministrator oder CSP-Partner"}},
		{"capitalized", lang.Roles("role.global-admin").Capitalized(), map[string]string{"en": "A Global Administrator", "nl": "Globale beheerder"}},
		{"text", lang.Text("R-LC-3, DC-3a"), map[string]string{"en": "R-LC-3, DC-3a", "de": "R-LC-3, DC-3a"}},
		{"quoted", lang.Quoted("sub-1"), map[string]string{"en": `"sub-1"`, "da": `"sub-1"`}},
		{"list", lang.List("a.example", "b.example"), map[string]string{"en": "a.example, b.example", "nl": "a.example, b.example"}},
		{"nested", lang.Sub(lang.New("state.in-trial", lang.Term("state.active"))), map[string]string{"en": "active (trial)", "de": "Aktiv (Testversion)"}},
		{"zero message", lang.Sub(lang.Message{}), map[string]string{"en": "", "de": ""}},
		{"bad argument", lang.Arg{}, map[string]string{"en": "%!(BAD ARG)", "de": "%!(BAD ARG)"}},
	}
	for _, tt := range tests {
		for code, want := range tt.want {
			tag := language.MustParse(code)
			// "list.or" renders "<arg> <or> |" in every language: cut
			// the last two words off to see the argument as it renders.
			full := lang.New("list.or", tt.arg, lang.Text("|")).In(tag)
			i := strings.LastIndex(full, " ")
			got := full[:strings.LastIndex(full[:i], " ")]
			if got != want {
				t.Errorf("%s in %s = %q, want %q", tt.name, code, got, want)
			}
		}
	}
}

func TestRenderFallbacks(t *testing.T) {
	m := lang.New("cause.renewed", lang.Date(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)))
	if got, want := m.In(language.MustParse("de-AT")), "Das Abonnement wurde am 1. März 2026 verlängert."; got != want {
		t.Errorf("In(de-AT) = %q, want the German %q", got, want)
	}
	if got, want := m.In(language.French), m.String(); got != want {
		t.Errorf("In(fr) = %q, want English %q", got, want)
	}
	if got := (lang.Message{}).In(language.German); got != "" {
		t.Errorf("zero Message renders %q, want \"\"", got)
	}
	if got := lang.New("no.such.key").In(language.Dutch); got != "no.such.key" {
		t.Errorf("a missing key renders %q, want the key", got)
	}
	if (lang.Message{}).IsZero() != true || m.IsZero() {
		t.Error("IsZero is wrong")
	}
}

func TestKindString(t *testing.T) {
	if got := lang.KindDate.String(); got != "date" {
		t.Errorf("KindDate = %q", got)
	}
	if got := lang.Kind(99).String(); got != "%!Kind(99)" {
		t.Errorf("Kind(99) = %q", got)
	}
}

// TestRenderConcurrently: a service renders answers from many goroutines
// at once, sharing the catalogs' printers' builders (run with -race).
func TestRenderConcurrently(t *testing.T) {
	m := lang.New("next", lang.Term("state.disabled"), lang.Date(time.Date(2026, 4, 30, 0, 0, 0, 0, time.UTC)), lang.Sub(lang.New("next.grace-ended")))
	want := map[language.Tag]string{}
	for _, tag := range lang.Languages() {
		want[tag] = m.In(tag)
	}
	done := make(chan string)
	for i := range 16 {
		go func() {
			tag := lang.Languages()[i%len(lang.Languages())]
			if got := m.In(tag); got != want[tag] {
				done <- tag.String() + ": " + got
				return
			}
			done <- ""
		}()
	}
	for range 16 {
		if bad := <-done; bad != "" {
			t.Error(bad)
		}
	}
}
