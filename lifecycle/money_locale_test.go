package lifecycle_test

import (
	"fmt"
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/lapse-go/lapse/lifecycle"
)

// TestParseMoneyInAgainstXText: what golang.org/x/text/message prints for
// each locale ParseMoneyIn knows — CLDR's separators, with grouping —
// ParseMoneyIn reads back exactly. The amounts are exact in binary, so
// that the float x/text formats is the amount itself.
func TestParseMoneyInAgainstXText(t *testing.T) {
	known := []string{"en", "en-US", "en-GB", "de", "de-DE", "nl", "nl-NL", "nl-BE", "da", "da-DK", "fr", "fr-FR"}
	amounts := []struct {
		f     float64
		cents int64
	}{
		{1234567.25, 123456725},
		{-9876543.5, -987654350},
		{0.75, 75},
		{999.5, 99950},
		{1000, 100000},
		{-1000000, -100000000},
		{4503599627370495.5, 450359962737049550}, // 2⁵² − ½: the last half a float holds
	}
	for _, s := range known {
		tag := language.MustParse(s)
		p := message.NewPrinter(tag)
		for _, a := range amounts {
			text := p.Sprintf("%.2f", a.f)
			got, err := lifecycle.ParseMoneyIn(text, "EUR", tag)
			if err != nil || got != (lifecycle.Money{Minor: a.cents, Currency: "EUR"}) {
				t.Errorf("%s: ParseMoneyIn(%q) = %v, %v; want %d cents, as x/text printed %v", s, text, got, err, a.cents, a.f)
			}
		}
	}
}

// TestParseMoneyInRefusedLocales: the regions ParseMoneyIn does not take
// for their language write numbers otherwise, per x/text (CLDR 32): that
// is why they are refused rather than matched to the language.
func TestParseMoneyInRefusedLocales(t *testing.T) {
	for _, r := range []struct{ tag, lang, want string }{
		{"de-CH", "de", "1’234’567.25"},
		{"de-AT", "de", "1\u00a0234\u00a0567,25"},
		{"de-LI", "de", "1’234’567.25"},
		{"en-IN", "en", "12,34,567.25"},
		{"en-ZA", "en", "1\u00a0234\u00a0567,25"},
		{"en-DK", "en", "1.234.567,25"},
		{"en-150", "en", "1.234.567,25"},
	} {
		tag := language.MustParse(r.tag)
		got := message.NewPrinter(tag).Sprintf("%.2f", 1234567.25)
		lang := message.NewPrinter(language.MustParse(r.lang)).Sprintf("%.2f", 1234567.25)
		if got != r.want || got == lang {
			t.Errorf("x/text prints 1234567.25 in %s as %q and in %s as %q; want %q, unlike its language", r.tag, got, r.lang, lang, r.want)
		}
		_, err := lifecycle.ParseMoneyIn(got, "EUR", tag)
		wantFieldErr(t, fmt.Sprintf("ParseMoneyIn(%q, EUR, %s)", got, r.tag), err, "locale", fmt.Sprintf("%q", r.tag))
	}
}
