package lifecycle_test

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"
	"pgregory.net/rapid"

	"github.com/lapse-go/lapse/lifecycle"
)

func TestMoneyString(t *testing.T) {
	rows := []struct {
		m    lifecycle.Money
		want string
	}{
		{lifecycle.USD(1857), "$18.57"},
		{lifecycle.USD(-143), "-$1.43"},
		{lifecycle.USD(5), "$0.05"},
		{lifecycle.USD(0), "$0.00"},
		{lifecycle.Money{Minor: 1857, Currency: "EUR"}, "18.57 EUR"},
		{lifecycle.Money{Minor: 1234, Currency: "JPY"}, "1234 JPY"},
		{lifecycle.Money{Minor: 1234, Currency: "KWD"}, "1.234 KWD"},
		{lifecycle.Money{}, "0"},
		{lifecycle.USD(math.MinInt64), "-$92233720368547758.08"},
		{lifecycle.USD(math.MaxInt64), "$92233720368547758.07"},
		{moneyOf(0, "JPY"), "0 JPY"},
		{moneyOf(-5, "BHD"), "-0.005 BHD"},
		{moneyOf(1, "CLF"), "0.0001 CLF"},
		{moneyOf(math.MinInt64, "CLF"), "-922337203685477.5808 CLF"},
		{moneyOf(math.MaxInt64, "JPY"), "9223372036854775807 JPY"},
		// Issue 13: an invalid Money showed a scale it does not have.
		{moneyOf(1857, "eur"), `%!Money(1857 minor units, currency "eur")`},
		{moneyOf(1857, "XYZ"), `%!Money(1857 minor units, currency "XYZ")`},
		{moneyOf(0, "XAU"), `%!Money(0 minor units, currency "XAU")`},
		{moneyOf(7, ""), "%!Money(7 minor units, no currency)"},
		{moneyOf(math.MinInt64, ""), "%!Money(-9223372036854775808 minor units, no currency)"},
		{moneyOf(1, "US\nD"), `%!Money(1 minor units, currency "US\nD")`},
	}
	for _, r := range rows {
		if got := r.m.String(); got != r.want {
			t.Errorf("%#v.String() = %q, want %q", r.m, got, r.want)
		}
	}
}

// TestMoneyDecimal: every scale, the int64 bounds, the zero Money, and
// the %!Money(…) of an invalid Money, which ParseMoney refuses rather
// than read as an amount.
func TestMoneyDecimal(t *testing.T) {
	for _, r := range []struct {
		m    lifecycle.Money
		want string
	}{
		{lifecycle.USD(1857), "18.57"},
		{lifecycle.USD(-143), "-1.43"},
		{lifecycle.USD(-1), "-0.01"},
		{lifecycle.USD(0), "0.00"},
		{lifecycle.Money{}, "0"},
		{moneyOf(1234, "JPY"), "1234"},
		{moneyOf(-1234, "JPY"), "-1234"},
		{moneyOf(1234, "BHD"), "1.234"},
		{moneyOf(12, "KWD"), "0.012"},
		{moneyOf(12345, "CLF"), "1.2345"},
		{moneyOf(-1, "UYW"), "-0.0001"},
		{lifecycle.USD(math.MaxInt64), "92233720368547758.07"},
		{lifecycle.USD(math.MinInt64), "-92233720368547758.08"},
		{moneyOf(math.MinInt64, "JPY"), "-9223372036854775808"},
		{moneyOf(math.MaxInt64, "BHD"), "9223372036854775.807"},
		{moneyOf(5, "XYZ"), `%!Money(5 minor units, currency "XYZ")`},
		{moneyOf(5, ""), "%!Money(5 minor units, no currency)"},
	} {
		got := r.m.Decimal()
		if got != r.want {
			t.Errorf("%#v.Decimal() = %q, want %q", r.m, got, r.want)
		}
		back, err := lifecycle.ParseMoney(got, r.m.Currency)
		if valid := !strings.HasPrefix(got, "%!"); valid != (err == nil) || (valid && back != r.m) {
			t.Errorf("ParseMoney(%q, %q) = %v, %v; want %#v back exactly when valid", got, r.m.Currency, back, err, r.m)
		}
	}
}

// TestMoneyInvalid: arithmetic on an invalid Money — an unknown,
// lower-case or unit-less code, or a non-zero amount of no currency — is
// a *FieldError naming Money.Currency, on either side; the zero Money
// still combines with any currency, and zero of a currency is not the
// zero Money (issue 13).
func TestMoneyInvalid(t *testing.T) {
	usd, zero := lifecycle.USD, lifecycle.Money{}
	for _, bad := range []lifecycle.Money{
		moneyOf(100, "XYZ"), moneyOf(100, "eur"), moneyOf(0, "eur"), moneyOf(100, "XAU"),
		moneyOf(0, "XTS"), moneyOf(100, ""), moneyOf(-1, ""), moneyOf(100, "USD "),
	} {
		for _, c := range []struct {
			op string
			do func() (lifecycle.Money, error)
		}{
			{"Times", func() (lifecycle.Money, error) { return bad.Times(2) }},
			{"Times 0", func() (lifecycle.Money, error) { return bad.Times(0) }},
			{"Prorate", func() (lifecycle.Money, error) { return bad.Prorate(1, 2) }},
			{"Plus", func() (lifecycle.Money, error) { return bad.Plus(usd(1)) }},
			{"Plus to", func() (lifecycle.Money, error) { return usd(1).Plus(bad) }},
			{"Plus zero", func() (lifecycle.Money, error) { return bad.Plus(zero) }},
			{"Plus to zero", func() (lifecycle.Money, error) { return zero.Plus(bad) }},
			{"Plus itself", func() (lifecycle.Money, error) { return bad.Plus(bad) }},
			{"Minus", func() (lifecycle.Money, error) { return bad.Minus(usd(1)) }},
			{"Minus from", func() (lifecycle.Money, error) { return usd(1).Minus(bad) }},
			{"Minus itself", func() (lifecycle.Money, error) { return bad.Minus(bad) }},
		} {
			got, err := c.do()
			what := fmt.Sprintf("%s with %#v", c.op, bad)
			wantFieldErr(t, what, err, "Money.Currency", fmt.Sprintf("%q", bad.Currency))
			if got != zero {
				t.Errorf("%s = %#v with an error; want the zero Money", what, got)
			}
		}
	}
	for _, c := range []struct {
		name  string
		do    func() (lifecycle.Money, error)
		want  lifecycle.Money
		field string
	}{
		{"zero Money times", func() (lifecycle.Money, error) { return zero.Times(5) }, zero, ""},
		{"zero Money prorated", func() (lifecycle.Money, error) { return zero.Prorate(1, 3) }, zero, ""},
		{"zero Money plus zero Money", func() (lifecycle.Money, error) { return zero.Plus(zero) }, zero, ""},
		{"zero Money minus yen", func() (lifecycle.Money, error) { return zero.Minus(moneyOf(5, "JPY")) }, moneyOf(-5, "JPY"), ""},
		{"dinar minus zero Money", func() (lifecycle.Money, error) { return moneyOf(5, "BHD").Minus(zero) }, moneyOf(5, "BHD"), ""},
		{"UF plus UF", func() (lifecycle.Money, error) { return moneyOf(1, "CLF").Plus(moneyOf(2, "CLF")) }, moneyOf(3, "CLF"), ""},
		{"zero EUR is a currency", func() (lifecycle.Money, error) { return usd(1).Plus(moneyOf(0, "EUR")) }, zero, "Money.Currency"},
		{"zero USD minus zero EUR", func() (lifecycle.Money, error) { return usd(0).Minus(moneyOf(0, "EUR")) }, zero, "Money.Currency"},
		{"valid prorate bad den", func() (lifecycle.Money, error) { return usd(1).Prorate(1, 0) }, zero, "den"},
	} {
		got, err := c.do()
		wantFieldErr(t, c.name, err, c.field)
		if got != c.want {
			t.Errorf("%s = %#v, want %#v", c.name, got, c.want)
		}
	}
}

// wantFieldErr checks that err is a *FieldError on field, matching
// ErrInvalid, whose message holds each of msg; or that err is nil when
// field is "".
func wantFieldErr(t *testing.T, what string, err error, field string, msg ...string) {
	t.Helper()
	if field == "" {
		if err != nil {
			t.Errorf("%s: unexpected error %v", what, err)
		}
		return
	}
	var fe *lifecycle.FieldError
	if !errors.As(err, &fe) || fe.Field != field || !errors.Is(err, lifecycle.ErrInvalid) {
		t.Errorf("%s: error %v; want a *FieldError on %s matching ErrInvalid", what, err, field)
		return
	}
	for _, m := range msg {
		if !strings.Contains(err.Error(), m) {
			t.Errorf("%s: error %q does not say %q", what, err, m)
		}
	}
}

func moneyOf(minor int64, cur string) lifecycle.Money {
	return lifecycle.Money{Minor: minor, Currency: cur}
}

// TestMinorDigits: one currency of each scale of ISO 4217 list one, the
// funds and the newest codes (which x/text does not know), and the codes
// refused — upper case only, no withdrawn or unknown code, none of the
// codes ISO 4217 lists without a minor unit (issue 13: "XYZ" and "eur"
// were accepted, and every code not listed by hand had two digits).
func TestMinorDigits(t *testing.T) {
	for _, r := range []struct {
		code   string
		want   int
		msg    string // "" when valid; else a part of the error
		reason string
	}{
		{"JPY", 0, "", ""},
		{"UYI", 0, "", "a fund with no fraction"},
		{"XOF", 0, "", ""},
		{"USD", 2, "", ""},
		{"EUR", 2, "", ""},
		{"IDR", 2, "", "CLDR shows it with none; ISO gives 2"},
		{"BHD", 3, "", ""},
		{"IQD", 3, "", "CLDR shows it with none; ISO gives 3"},
		{"KWD", 3, "", ""},
		{"CLF", 4, "", ""},
		{"UYW", 4, "", "newer than x/text's data"},
		{"XCG", 2, "", "Caribbean guilder, 2025"},
		{"ZWG", 2, "", "Zimbabwe Gold, 2024"},
		{"AED", 2, "", "first record of the table"},
		{"ZWG", 2, "", "last record of the table"},
		{"eur", 0, `want "EUR"`, "lower case: the upper-case code is suggested"},
		{"Eur", 0, `want "EUR"`, "mixed case"},
		{"jpy", 0, `want "JPY"`, ""},
		{"xau", 0, "not a current ISO 4217", "no suggestion of a code without a minor unit"},
		{"xyz", 0, "not a current ISO 4217", "no suggestion of an unknown code"},
		{"XYZ", 0, "not a current ISO 4217", "unknown"},
		{"HRK", 0, "not a current ISO 4217", "withdrawn in 2023"},
		{"BGN", 0, "not a current ISO 4217", "withdrawn on 2026-01-01"},
		{"AAA", 0, "not a current ISO 4217", "before the first record"},
		{"ZZZ", 0, "not a current ISO 4217", "after the last record"},
		{"XAU", 0, "no minor unit", "gold"},
		{"XAG", 0, "no minor unit", "silver"},
		{"XDR", 0, "no minor unit", "SDR"},
		{"XTS", 0, "no minor unit", "testing"},
		{"XXX", 0, "no minor unit", "no currency"},
		{"", 0, "such as USD", "empty"},
		{"US", 0, "not a current ISO 4217", "two letters"},
		{"USDX", 0, "not a current ISO 4217", "four letters"},
		{"USD ", 0, "not a current ISO 4217", "trailing space"},
		{"ÉUR", 0, "not a current ISO 4217", "not ASCII"},
		{"usd\n", 0, "not a current ISO 4217", "control character"},
	} {
		got, err := lifecycle.MinorDigits(r.code)
		what := fmt.Sprintf("MinorDigits(%q) (%s)", r.code, r.reason)
		if r.msg == "" {
			if err != nil || got != r.want {
				t.Errorf("%s = %d, %v; want %d", what, got, err, r.want)
			}
			continue
		}
		wantFieldErr(t, what, err, "Money.Currency", r.msg, fmt.Sprintf("%q", r.code))
		if got != 0 {
			t.Errorf("%s = %d with an error; want 0", what, got)
		}
	}
}

// TestParseMoney: amounts of each scale, the int64 bounds of minor units
// (just inside and just outside), and what is refused: invalid
// currencies, malformed numbers, extra precision, and a decimal comma or
// grouping, which needs ParseMoneyIn (issue 13).
func TestParseMoney(t *testing.T) {
	for _, r := range []struct {
		name, in, cur string
		want          lifecycle.Money
		field         string // "" when it succeeds
		msg           string
	}{
		{"dollars", "18.57", "USD", lifecycle.USD(1857), "", ""},
		{"negative", "-1.43", "USD", lifecycle.USD(-143), "", ""},
		{"whole", "20", "USD", lifecycle.USD(2000), "", ""},
		{"fewer digits", "12.5", "USD", lifecycle.USD(1250), "", ""},
		{"leading zeros", "007.05", "USD", lifecycle.USD(705), "", ""},
		{"minus zero", "-0", "USD", lifecycle.USD(0), "", ""},
		{"yen", "1234", "JPY", moneyOf(1234, "JPY"), "", ""},
		{"dinar", "1.234", "BHD", moneyOf(1234, "BHD"), "", ""},
		{"dinar short", "-0.5", "KWD", moneyOf(-500, "KWD"), "", ""},
		{"UF", "1.2345", "CLF", moneyOf(12345, "CLF"), "", ""},
		{"UP", "0.0001", "UYW", moneyOf(1, "UYW"), "", ""},
		{"zero Money", "0", "", lifecycle.Money{}, "", ""},

		{"JPY max", "9223372036854775807", "JPY", moneyOf(math.MaxInt64, "JPY"), "", ""},
		{"JPY past max", "9223372036854775808", "JPY", lifecycle.Money{}, "Money", "out of range"},
		{"JPY min", "-9223372036854775808", "JPY", moneyOf(math.MinInt64, "JPY"), "", ""},
		{"JPY past min", "-9223372036854775809", "JPY", lifecycle.Money{}, "Money", "out of range"},
		{"USD max", "92233720368547758.07", "USD", lifecycle.USD(math.MaxInt64), "", ""},
		{"USD past max", "92233720368547758.08", "USD", lifecycle.Money{}, "Money", "out of range"},
		{"USD min", "-92233720368547758.08", "USD", lifecycle.USD(math.MinInt64), "", ""},
		{"USD past min", "-92233720368547758.09", "USD", lifecycle.Money{}, "Money", "out of range"},
		{"BHD max", "9223372036854775.807", "BHD", moneyOf(math.MaxInt64, "BHD"), "", ""},
		{"BHD past max", "9223372036854775.808", "BHD", lifecycle.Money{}, "Money", "out of range"},
		{"CLF min", "-922337203685477.5808", "CLF", moneyOf(math.MinInt64, "CLF"), "", ""},
		{"CLF past min", "-922337203685477.5809", "CLF", lifecycle.Money{}, "Money", "out of range"},
		{"USD 2^64", "184467440737095516.16", "USD", lifecycle.Money{}, "Money", "out of range"},
		{"huge", "99999999999999999999999999", "USD", lifecycle.Money{}, "Money", "out of range"},
		{"many leading zeros", "000000000000000000000001.00", "USD", lifecycle.USD(100), "", ""},

		{"unknown currency", "10", "XYZ", lifecycle.Money{}, "Money.Currency", `"XYZ"`},
		{"lower case", "10", "eur", lifecycle.Money{}, "Money.Currency", `want "EUR"`},
		{"no minor unit", "10", "XAU", lifecycle.Money{}, "Money.Currency", "no minor unit"},
		{"no currency", "10", "", lifecycle.Money{}, "Money.Currency", "such as USD"},
		{"zero of no currency with digits", "0.00", "", lifecycle.Money{}, "Money.Currency", "such as USD"},
		{"bad amount and currency", "x", "eur", lifecycle.Money{}, "Money.Currency", "EUR"},

		{"extra digit", "1.234", "USD", lifecycle.Money{}, "Money", "USD has 2 decimal digits, not 3"},
		{"yen fraction", "1.2", "JPY", lifecycle.Money{}, "Money", "JPY has no decimal digits, not 1"},
		{"dinar extra digit", "1.2345", "BHD", lifecycle.Money{}, "Money", "BHD has 3 decimal digits, not 4"},
		{"letters", "abc", "USD", lifecycle.Money{}, "Money", "such as 18.57"},
		{"empty", "", "USD", lifecycle.Money{}, "Money", "such as 18.57"},
		{"minus alone", "-", "USD", lifecycle.Money{}, "Money", "such as 18.57"},
		{"two minus", "--1", "USD", lifecycle.Money{}, "Money", "such as 18.57"},
		{"plus sign", "+1", "USD", lifecycle.Money{}, "Money", "such as 18.57"},
		{"unicode minus", "−1", "USD", lifecycle.Money{}, "Money", "such as 18.57"},
		{"trailing point", "1.", "USD", lifecycle.Money{}, "Money", "such as 18.57"},
		{"leading point", ".5", "USD", lifecycle.Money{}, "Money", "such as 18.57"},
		{"two points", "1.2.3", "USD", lifecycle.Money{}, "Money", "more than one decimal separator"},
		{"exponent", "1e3", "USD", lifecycle.Money{}, "Money", "such as 18.57"},
		{"space", " 1", "USD", lifecycle.Money{}, "Money", "such as 18.57"},
		{"symbol", "$1", "USD", lifecycle.Money{}, "Money", "such as 18.57"},
		{"arabic digits", "١٢", "USD", lifecycle.Money{}, "Money", "such as 18.57"},
		{"invalid UTF-8", "1\xff", "USD", lifecycle.Money{}, "Money", "such as 18.57"},
		{"decimal comma", "12,50", "EUR", lifecycle.Money{}, "Money", "a decimal comma needs a locale: use ParseMoneyIn"},
		{"grouping", "1,234.50", "USD", lifecycle.Money{}, "Money", "group separators need a locale: use ParseMoneyIn"},
		{"German grouping", "1.234,50", "EUR", lifecycle.Money{}, "Money", "group separators need a locale: use ParseMoneyIn"},
		{"no-break space", "1\u00a0234", "EUR", lifecycle.Money{}, "Money", "such as 18.57"},
	} {
		got, err := lifecycle.ParseMoney(r.in, r.cur)
		what := fmt.Sprintf("%s: ParseMoney(%q, %q)", r.name, r.in, r.cur)
		wantFieldErr(t, what, err, r.field, r.msg)
		if diff := cmp.Diff(r.want, got); diff != "" {
			t.Errorf("%s mismatch (-want +got):\n%s", what, diff)
		}
	}
}

// TestParseMoneyIn: each locale's separators, grouping that is regular or
// refused as malformed or ambiguous, and locales it does not know.
func TestParseMoneyIn(t *testing.T) {
	var (
		en, de, nl, da, fr = language.English, language.German, language.Dutch, language.Danish, language.French
		eur, usd           = func(m int64) lifecycle.Money { return moneyOf(m, "EUR") }, lifecycle.USD
	)
	for _, r := range []struct {
		name, in, cur string
		tag           language.Tag
		want          lifecycle.Money
		field         string // "" when it succeeds
		msg           string // a part of the error; why, when it succeeds
	}{
		{"en grouped", "1,234.50", "USD", en, usd(123450), "", ""},
		{"en plain", "1234.50", "USD", en, usd(123450), "", ""},
		{"en negative", "-1,234,567.5", "USD", en, usd(-123456750), "", ""},
		{"en-US", "1,234.50", "USD", language.AmericanEnglish, usd(123450), "", ""},
		{"en-GB", "1,234.50", "GBP", language.BritishEnglish, moneyOf(123450, "GBP"), "", ""},
		{"en lone group, 2 digits", "1,234", "USD", en, usd(123400), "", ""},
		{"en lone group, 0 digits", "1,234", "JPY", en, moneyOf(1234, "JPY"), "", ""},
		{"en max", "92,233,720,368,547,758.07", "USD", en, usd(math.MaxInt64), "", ""},
		{"en past max", "92,233,720,368,547,758.08", "USD", en, lifecycle.Money{}, "Money", "out of range"},
		{"en min", "-9,223,372,036,854,775,808", "JPY", en, moneyOf(math.MinInt64, "JPY"), "", ""},
		{"de grouped", "1.234,50", "EUR", de, eur(123450), "", ""},
		{"de plain", "12,50", "EUR", de, eur(1250), "", ""},
		{"de whole", "20", "EUR", de, eur(2000), "", ""},
		{"de-DE", "1.234,50", "EUR", language.MustParse("de-DE"), eur(123450), "", ""},
		{"de millions", "-1.234.567,05", "EUR", de, eur(-123456705), "", ""},
		{"de lone group, 2 digits", "1.234", "EUR", de, eur(123400), "", ""},
		{"de min", "-92.233.720.368.547.758,08", "EUR", de, eur(math.MinInt64), "", ""},
		{"nl", "1.234,50", "EUR", nl, eur(123450), "", ""},
		{"nl-BE", "1.234,50", "EUR", language.MustParse("nl-BE"), eur(123450), "", ""},
		{"da", "1.234,50", "DKK", da, moneyOf(123450, "DKK"), "", ""},
		{"da-DK", "1.234,50", "DKK", language.MustParse("da-DK"), moneyOf(123450, "DKK"), "", ""},
		{"fr narrow no-break space", "1\u202f234,50", "EUR", fr, eur(123450), "", ""},
		{"fr no-break space", "1\u00a0234\u00a0567,50", "EUR", fr, eur(123456750), "", ""},
		{"fr-FR", "1\u202f234,50", "EUR", language.MustParse("fr-FR"), eur(123450), "", ""},
		{"fr lone group, 3 digits", "1\u202f234", "BHD", fr, moneyOf(1234000, "BHD"), "", "a space is never a decimal separator"},
		{"zero Money", "0", "", de, lifecycle.Money{}, "", ""},
		{"dinar in de with fraction", "1.234,500", "BHD", de, moneyOf(1234500, "BHD"), "", ""},
		{"dinar in en with fraction", "1,234.5", "KWD", en, moneyOf(1234500, "KWD"), "", ""},
		{"dinar decimal in en", "1.234", "BHD", en, moneyOf(1234, "BHD"), "", "the locale's decimal separator is never ambiguous"},

		{"ambiguous en dinar", "1,234", "BHD", en, lifecycle.Money{}, "Money", "ambiguous"},
		{"ambiguous de dinar", "1.234", "BHD", de, lifecycle.Money{}, "Money", "ambiguous"},
		{"ambiguous de UF", "12.345", "CLF", de, lifecycle.Money{}, "Money", "ambiguous"},
		{"two groups not ambiguous", "1.234.567", "BHD", de, moneyOf(1234567000, "BHD"), "", ""},

		{"de with English decimal", "12.50", "EUR", de, lifecycle.Money{}, "Money", "malformed grouping: want groups of three digits, such as 1.234.567,50"},
		{"en with German grouping", "1.234,50", "USD", en, lifecycle.Money{}, "Money", "group separator ',' after the decimal separator '.'"},
		{"de with English grouping", "1,234.50", "EUR", de, lifecycle.Money{}, "Money", "group separator '.' after the decimal separator ','"},
		{"first group too long", "1234,567.00", "USD", en, lifecycle.Money{}, "Money", "malformed grouping"},
		{"group too short", "1,23,456.00", "USD", en, lifecycle.Money{}, "Money", "malformed grouping: want groups of three digits, such as 1,234,567.50"},
		{"group too long", "1,2345", "USD", en, lifecycle.Money{}, "Money", "malformed grouping"},
		{"empty group", "1,,234", "USD", en, lifecycle.Money{}, "Money", "malformed grouping"},
		{"leading group separator", ",234", "USD", en, lifecycle.Money{}, "Money", "malformed grouping"},
		{"trailing group separator", "1,", "USD", en, lifecycle.Money{}, "Money", "malformed grouping"},
		{"group before decimal", "1,234,.50", "USD", en, lifecycle.Money{}, "Money", "malformed grouping"},
		{"group in fraction", "1,50.0", "USD", en, lifecycle.Money{}, "Money", "malformed grouping"},
		{"fr mixed spaces", "1\u202f234\u00a0567,50", "EUR", fr, lifecycle.Money{}, "Money", "mixed group separators"},
		{"fr plain space", "1 234,50", "EUR", fr, lifecycle.Money{}, "Money", "such as 18,57"},
		{"fr full stop", "1.234,50", "EUR", fr, lifecycle.Money{}, "Money", "such as 18,57"},
		{"two decimal commas", "1,2,3", "EUR", de, lifecycle.Money{}, "Money", "more than one decimal separator"},
		{"extra digit", "1,234", "EUR", de, lifecycle.Money{}, "Money", "EUR has 2 decimal digits, not 3"},
		{"empty", "", "EUR", de, lifecycle.Money{}, "Money", "such as 18,57"},
		{"unknown currency", "1,00", "XYZ", de, lifecycle.Money{}, "Money.Currency", `"XYZ"`},
		{"lower-case currency", "1,00", "eur", de, lifecycle.Money{}, "Money.Currency", `want "EUR"`},

		{"de-CH", "1’234.50", "CHF", language.MustParse("de-CH"), lifecycle.Money{}, "locale", `"de-CH": ParseMoneyIn knows the number formats of en, en-US, en-GB, de, de-DE`},
		{"de-AT", "1.234,50", "EUR", language.MustParse("de-AT"), lifecycle.Money{}, "locale", `"de-AT"`},
		{"en-IN", "1,234.50", "INR", language.MustParse("en-IN"), lifecycle.Money{}, "locale", `"en-IN"`},
		{"en-ZA", "1,234.50", "ZAR", language.MustParse("en-ZA"), lifecycle.Money{}, "locale", `"en-ZA"`},
		{"Japanese", "1,234", "JPY", language.Japanese, lifecycle.Money{}, "locale", `"ja"`},
		{"undetermined", "1", "USD", language.Und, lifecycle.Money{}, "locale", `"und"`},
		{"zero Tag", "1", "USD", language.Tag{}, lifecycle.Money{}, "locale", `"und"`},
		{"extension", "1,234.50", "USD", language.MustParse("en-u-nu-arab"), lifecycle.Money{}, "locale", `"en-u-nu-arab"`},
	} {
		got, err := lifecycle.ParseMoneyIn(r.in, r.cur, r.tag)
		what := fmt.Sprintf("%s: ParseMoneyIn(%q, %q, %s)", r.name, r.in, r.cur, r.tag)
		wantFieldErr(t, what, err, r.field, r.msg)
		if diff := cmp.Diff(r.want, got); diff != "" {
			t.Errorf("%s mismatch (-want +got):\n%s", what, diff)
		}
	}
}

func TestMoneyProrate(t *testing.T) {
	rows := []struct {
		name     string
		m        lifecycle.Money
		num, den int64
		want     int64
		reason   string
	}{
		{"R-REF-3", lifecycle.USD(2000), 2, 28, 143, "$20 × 2/28 = $1.428… → $1.43"},
		{"half-up", lifecycle.USD(1), 1, 2, 1, "half a cent rounds away from zero"},
		{"half-down-negative", lifecycle.USD(-1), 1, 2, -1, "and so for negatives"},
		{"below-half", lifecycle.USD(1), 1, 3, 0, ""},
		{"just-below-half", lifecycle.USD(4999), 1, 10000, 0, "0.4999 rounds down"},
		{"just-above-half", lifecycle.USD(5001), 1, 10000, 1, "0.5001 rounds up"},
		{"whole", lifecycle.USD(3100), 31, 31, 3100, ""},
		{"zero-days", lifecycle.USD(3100), 0, 31, 0, ""},
		{"large", lifecycle.USD(math.MaxInt64 / 2), 365, 366, 4599085783404362253, "exact: 4611686018427387903 × 365 / 366 = …252.99"},
		// Issue 12, defect 6: the split q·den + r overflowed r·num.
		{"Defect6/MaxInt64", lifecycle.USD(math.MaxInt64 - 1), 3, math.MaxInt64, 3, "(2⁶³−2)·3/(2⁶³−1) = 2.99999…"},
		{"Defect6/whole-MaxInt64", lifecycle.USD(math.MaxInt64), math.MaxInt64, math.MaxInt64, math.MaxInt64, ""},
		{"Defect6/MinInt64", lifecycle.USD(math.MinInt64), 1, 1, math.MinInt64, ""},
		{"Defect6/MinInt64-half", lifecycle.USD(math.MinInt64), 1, 2, math.MinInt64 / 2, ""},
	}
	for _, r := range rows {
		got, err := r.m.Prorate(r.num, r.den)
		if err != nil || got.Minor != r.want || got.Currency != r.m.Currency {
			t.Errorf("%s: %v.Prorate(%d, %d) = %v (%d), %v; want %d (%s)", r.name, r.m, r.num, r.den, got, got.Minor, err, r.want, r.reason)
		}
	}
}

// TestMoney_Defect6: overflow and mixed currencies are *FieldErrors
// (ErrInvalid), never a wrapped, saturated or mislabelled amount (issue 12,
// defect 6: USD(MaxInt64).Plus(USD(1)) wrapped negative, USD.Plus(JPY)
// returned USD; issue 13: USD(100).Plus(EUR 100) gave $2.00).
func TestMoney_Defect6(t *testing.T) {
	usd, eur := lifecycle.USD, func(m int64) lifecycle.Money { return lifecycle.Money{Minor: m, Currency: "EUR"} }
	type op func() (lifecycle.Money, error)
	for _, c := range []struct {
		name  string
		do    op
		want  lifecycle.Money
		field string // "" when it succeeds
	}{
		{"plus", func() (lifecycle.Money, error) { return usd(1250).Plus(usd(5)) }, usd(1255), ""},
		{"plus at MaxInt64", func() (lifecycle.Money, error) { return usd(math.MaxInt64 - 1).Plus(usd(1)) }, usd(math.MaxInt64), ""},
		{"plus past MaxInt64", func() (lifecycle.Money, error) { return usd(math.MaxInt64).Plus(usd(1)) }, lifecycle.Money{}, "Money"},
		{"plus negative at MinInt64", func() (lifecycle.Money, error) { return usd(math.MinInt64 + 1).Plus(usd(-1)) }, usd(math.MinInt64), ""},
		{"plus past MinInt64", func() (lifecycle.Money, error) { return usd(math.MinInt64).Plus(usd(-1)) }, lifecycle.Money{}, "Money"},
		{"plus other currency", func() (lifecycle.Money, error) { return usd(100).Plus(eur(100)) }, lifecycle.Money{}, "Money.Currency"},
		{"plus JPY", func() (lifecycle.Money, error) {
			return usd(100).Plus(lifecycle.Money{Minor: 1, Currency: "JPY"})
		}, lifecycle.Money{}, "Money.Currency"},
		{"plus zero Money", func() (lifecycle.Money, error) { return lifecycle.Money{}.Plus(eur(7)) }, eur(7), ""},
		{"plus to zero Money", func() (lifecycle.Money, error) { return eur(7).Plus(lifecycle.Money{}) }, eur(7), ""},
		{"minus", func() (lifecycle.Money, error) { return usd(5).Minus(usd(7)) }, usd(-2), ""},
		{"minus at MinInt64", func() (lifecycle.Money, error) { return usd(-1).Minus(usd(math.MaxInt64)) }, usd(math.MinInt64), ""},
		{"minus past MinInt64", func() (lifecycle.Money, error) { return usd(-2).Minus(usd(math.MaxInt64)) }, lifecycle.Money{}, "Money"},
		{"minus past MaxInt64", func() (lifecycle.Money, error) { return usd(0).Minus(usd(math.MinInt64)) }, lifecycle.Money{}, "Money"},
		{"minus other currency", func() (lifecycle.Money, error) { return eur(1).Minus(usd(1)) }, lifecycle.Money{}, "Money.Currency"},
		{"times", func() (lifecycle.Money, error) { return usd(1250).Times(5) }, usd(6250), ""},
		{"times negative", func() (lifecycle.Money, error) { return usd(1250).Times(-2) }, usd(-2500), ""},
		{"times at MaxInt64", func() (lifecycle.Money, error) { return usd(math.MaxInt64).Times(1) }, usd(math.MaxInt64), ""},
		{"times MinInt64 × 1", func() (lifecycle.Money, error) { return usd(math.MinInt64).Times(1) }, usd(math.MinInt64), ""},
		{"times MinInt64 × -1", func() (lifecycle.Money, error) { return usd(math.MinInt64).Times(-1) }, lifecycle.Money{}, "Money"},
		{"times past MaxInt64", func() (lifecycle.Money, error) { return usd(math.MaxInt64).Times(2) }, lifecycle.Money{}, "Money"},
		{"times just past", func() (lifecycle.Money, error) { return usd(1 << 62).Times(2) }, lifecycle.Money{}, "Money"},
		{"times just before", func() (lifecycle.Money, error) { return usd(1<<62 - 1).Times(2) }, usd(1<<63 - 2), ""},
		{"prorate zero den", func() (lifecycle.Money, error) { return usd(3100).Prorate(1, 0) }, lifecycle.Money{}, "den"},
		{"prorate negative num", func() (lifecycle.Money, error) { return usd(3100).Prorate(-1, 31) }, lifecycle.Money{}, "num"},
		{"prorate past MaxInt64", func() (lifecycle.Money, error) { return usd(math.MaxInt64).Prorate(2, 1) }, lifecycle.Money{}, "Money"},
		{"prorate rounds past MaxInt64", func() (lifecycle.Money, error) {
			return usd(math.MaxInt64).Prorate(math.MaxInt64, math.MaxInt64-1)
		}, lifecycle.Money{}, "Money"},
	} {
		got, err := c.do()
		if c.field == "" {
			if err != nil || got != c.want {
				t.Errorf("%s = %v (%d %s), %v; want %v", c.name, got, got.Minor, got.Currency, err, c.want)
			}
			continue
		}
		var fe *lifecycle.FieldError
		if !errors.As(err, &fe) || fe.Field != c.field || !errors.Is(err, lifecycle.ErrInvalid) || got != (lifecycle.Money{}) {
			t.Errorf("%s = %v, %v; want a *FieldError on %s", c.name, got, err, c.field)
		}
	}
}

// propMoneyExact: Times, Plus, Minus and Prorate agree with arbitrary
// precision (math/big) on any int64 operands, rounding half away from
// zero, and report an error exactly when the true result leaves int64.
func propMoneyExact(t *rapid.T) {
	edge := rapid.OneOf(rapid.Int64(), rapid.SampledFrom([]int64{0, 1, -1, 2, math.MaxInt64, math.MinInt64, math.MaxInt64 - 1, math.MinInt64 + 1, 1 << 62, -(1 << 62)}))
	a, b := edge.Draw(t, "a"), edge.Draw(t, "b")
	m := lifecycle.USD(a)
	fits := func(x *big.Int) bool { return x.IsInt64() }
	check := func(op string, got lifecycle.Money, err error, want *big.Int) {
		if fits(want) != (err == nil) || (err == nil && got.Minor != want.Int64()) {
			t.Fatalf("%s = %d, %v; want %v", op, got.Minor, err, want)
		}
	}
	A, B := big.NewInt(a), big.NewInt(b)
	got, err := m.Times(b)
	check(fmt.Sprintf("%d × %d", a, b), got, err, new(big.Int).Mul(A, B))
	got, err = m.Plus(lifecycle.USD(b))
	check(fmt.Sprintf("%d + %d", a, b), got, err, new(big.Int).Add(A, B))
	got, err = m.Minus(lifecycle.USD(b))
	check(fmt.Sprintf("%d − %d", a, b), got, err, new(big.Int).Sub(A, B))
	num := rapid.OneOf(rapid.Int64Range(0, math.MaxInt64), rapid.Int64Range(0, 400)).Draw(t, "num")
	den := rapid.OneOf(rapid.Int64Range(1, math.MaxInt64), rapid.Int64Range(1, 400)).Draw(t, "den")
	// |a|·num/den rounded half away from zero: (2|a|·num + den) / 2den.
	p := new(big.Int).Mul(new(big.Int).Abs(A), big.NewInt(num))
	q := new(big.Int).Quo(new(big.Int).Add(new(big.Int).Lsh(p, 1), big.NewInt(den)), new(big.Int).Lsh(big.NewInt(den), 1))
	if a < 0 {
		q.Neg(q)
	}
	got, err = m.Prorate(num, den)
	check(fmt.Sprintf("%d × %d / %d", a, num, den), got, err, q)
}

func TestMoneyExact(t *testing.T) { rapid.Check(t, propMoneyExact) }

// TestMoneyProrateEdges: half a minor unit rounds away from zero on both
// signs, and a quotient that needs more than 64 bits — its high word
// equal to the denominator, the first value that does — is an overflow
// error, not a panic of the 128-bit division.
func TestMoneyProrateEdges(t *testing.T) {
	for _, c := range []struct {
		m        lifecycle.Money
		num, den int64
		want     int64
	}{
		{lifecycle.USD(1), 1, 2, 1},
		{lifecycle.USD(-1), 1, 2, -1},
		{lifecycle.USD(3), 1, 2, 2},
		{lifecycle.USD(1), 1, 3, 0},
		{lifecycle.USD(2), 1, 3, 1},
	} {
		got, err := c.m.Prorate(c.num, c.den)
		if err != nil || got.Minor != c.want {
			t.Errorf("%v.Prorate(%d, %d) = %v, %v; want %d minor units", c.m, c.num, c.den, got, err, c.want)
		}
	}
	// MaxInt64 × 4 = 2^65 − 4: high word 1, equal to the denominator 1.
	if got, err := lifecycle.USD(math.MaxInt64).Prorate(4, 1); err == nil {
		t.Errorf("MaxInt64.Prorate(4, 1) = %v; want an overflow error", got)
	}
}
