package lifecycle_test

import (
	"bytes"
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"log/slog"
	"math"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"
	"pgregory.net/rapid"

	"github.com/lapse-go/lapse/lifecycle"
)

// currencyCodes returns every three-letter code MinorDigits accepts, found by
// asking it about all 17,576 of AAA…ZZZ.
var currencyCodes = sync.OnceValue(func() []string {
	var codes []string
	for i := range 26 * 26 * 26 {
		c := string([]byte{byte('A' + i/676), byte('A' + i/26%26), byte('A' + i%26)})
		if _, err := lifecycle.MinorDigits(c); err == nil {
			codes = append(codes, c)
		}
	}
	return codes
})

// TestMinorDigitsAll: of all 17,576 upper-case three-letter codes, the
// 165 of ISO 4217 list one with a minor unit are accepted, with 0, 2, 3
// or 4 digits, and their lower-case forms are refused with the upper-case
// code suggested.
func TestMinorDigitsAll(t *testing.T) {
	codes := currencyCodes()
	scales := map[int]int{}
	for _, c := range codes {
		d, _ := lifecycle.MinorDigits(c)
		scales[d]++
		_, err := lifecycle.MinorDigits(strings.ToLower(c))
		wantFieldErr(t, "MinorDigits(lower "+c+")", err, "Money.Currency", fmt.Sprintf("want %q", c))
	}
	if diff := cmp.Diff(map[int]int{0: 17, 2: 139, 3: 7, 4: 2}, scales); diff != "" || len(codes) != 165 {
		t.Errorf("%d codes; count by minor digits mismatch (-want +got):\n%s", len(codes), diff)
	}
}

// TestMoneyMarshalJSON: the amount is a decimal string with all the
// currency's digits; the zero Money is {"amount":"0","currency":""}; an
// invalid Money is an error, through encoding/json as well.
func TestMoneyMarshalJSON(t *testing.T) {
	for _, r := range []struct {
		m    lifecycle.Money
		want string
	}{
		{lifecycle.USD(1857), `{"amount":"18.57","currency":"USD"}`},
		{lifecycle.USD(-143), `{"amount":"-1.43","currency":"USD"}`},
		{lifecycle.USD(0), `{"amount":"0.00","currency":"USD"}`},
		{lifecycle.Money{}, `{"amount":"0","currency":""}`},
		{moneyOf(1234, "JPY"), `{"amount":"1234","currency":"JPY"}`},
		{moneyOf(1234, "BHD"), `{"amount":"1.234","currency":"BHD"}`},
		{moneyOf(1, "CLF"), `{"amount":"0.0001","currency":"CLF"}`},
		{moneyOf(math.MaxInt64, "USD"), `{"amount":"92233720368547758.07","currency":"USD"}`},
		{moneyOf(math.MinInt64, "UYW"), `{"amount":"-922337203685477.5808","currency":"UYW"}`},
	} {
		got, err := json.Marshal(r.m)
		if err != nil || string(got) != r.want {
			t.Errorf("json.Marshal(%#v) = %s, %v; want %s", r.m, got, err, r.want)
		}
	}
	for _, bad := range []lifecycle.Money{moneyOf(1, "eur"), moneyOf(1, ""), moneyOf(0, "XXX")} {
		got, err := json.Marshal(struct{ Price lifecycle.Money }{bad})
		wantFieldErr(t, fmt.Sprintf("json.Marshal(%#v)", bad), err, "Money.Currency")
		if got != nil {
			t.Errorf("json.Marshal(%#v) = %s with an error", bad, got)
		}
	}
}

// TestMoneyUnmarshalJSON: exactly the object MarshalJSON writes is read;
// anything else — a number amount, extra precision, an invalid currency,
// a missing, unknown, duplicate or miscased key, null — is a *FieldError
// that leaves the Money as it was.
func TestMoneyUnmarshalJSON(t *testing.T) {
	for _, r := range []struct {
		name, in string
		want     lifecycle.Money
		field    string // "" when it succeeds
		msg      string
	}{
		{"dollars", `{"amount":"18.57","currency":"USD"}`, lifecycle.USD(1857), "", ""},
		{"keys in any order", `{"currency":"USD","amount":"-1.43"}`, lifecycle.USD(-143), "", ""},
		{"spaces", " {\n \"amount\" : \"12.5\" , \"currency\" : \"USD\" } ", lifecycle.USD(1250), "", ""},
		{"zero Money", `{"amount":"0","currency":""}`, lifecycle.Money{}, "", ""},
		{"yen", `{"amount":"-9223372036854775808","currency":"JPY"}`, moneyOf(math.MinInt64, "JPY"), "", ""},
		{"escaped", `{"amount":"1\u002e5","currency":"\u0055SD"}`, lifecycle.USD(150), "", ""},

		{"extra precision", `{"amount":"18.570","currency":"USD"}`, lifecycle.Money{}, "Money", "USD has 2 decimal digits, not 3"},
		{"number", `{"amount":18.57,"currency":"USD"}`, lifecycle.Money{}, "Money", `"amount" must be a string`},
		{"integer", `{"amount":18,"currency":"USD"}`, lifecycle.Money{}, "Money", `"amount" must be a string`},
		{"null amount", `{"amount":null,"currency":"USD"}`, lifecycle.Money{}, "Money", `"amount" must be a string`},
		{"object amount", `{"amount":{},"currency":"USD"}`, lifecycle.Money{}, "Money", `"amount" must be a string`},
		{"number currency", `{"amount":"1","currency":840}`, lifecycle.Money{}, "Money", `"currency" must be a string`},
		{"lower-case currency", `{"amount":"1","currency":"usd"}`, lifecycle.Money{}, "Money.Currency", `want "USD"`},
		{"unknown currency", `{"amount":"1","currency":"XYZ"}`, lifecycle.Money{}, "Money.Currency", "not a current ISO 4217"},
		{"no currency", `{"amount":"1","currency":""}`, lifecycle.Money{}, "Money.Currency", "such as USD"},
		{"decimal comma", `{"amount":"1,50","currency":"EUR"}`, lifecycle.Money{}, "Money", "decimal comma"},
		{"missing amount", `{"currency":"USD"}`, lifecycle.Money{}, "Money", `missing "amount"`},
		{"missing currency", `{"amount":"1"}`, lifecycle.Money{}, "Money", `missing "currency"`},
		{"empty object", `{}`, lifecycle.Money{}, "Money", `missing "amount"`},
		{"unknown key", `{"amount":"1","currency":"USD","note":"x"}`, lifecycle.Money{}, "Money", `unknown key "note"`},
		{"miscased key", `{"Amount":"1","currency":"USD"}`, lifecycle.Money{}, "Money", `unknown key "Amount"`},
		{"duplicate key", `{"amount":"1","amount":"2","currency":"USD"}`, lifecycle.Money{}, "Money", `duplicate key "amount"`},
		{"null", `null`, lifecycle.Money{}, "Money", "*Money"},
		{"string", `"18.57 USD"`, lifecycle.Money{}, "Money", "want an object"},
		{"array", `["18.57","USD"]`, lifecycle.Money{}, "Money", "want an object"},
		{"empty", ``, lifecycle.Money{}, "Money", "want an object"},
		{"truncated", `{"amount":"1"`, lifecycle.Money{}, "Money", "want an object"},
		{"bad key", `{"amount" "1"}`, lifecycle.Money{}, "Money", "want an object"},
		{"number key", `{1:"1"}`, lifecycle.Money{}, "Money", "want an object"},
		{"trailing comma", `{"amount":"1","currency":"USD",}`, lifecycle.Money{}, "Money", "want an object"},
		{"bad value", `{"amount":}`, lifecycle.Money{}, "Money", "want an object"},
		{"trailing data", `{"amount":"1","currency":"USD"} {}`, lifecycle.Money{}, "Money", "data after the object"},
	} {
		before := moneyOf(42, "JPY")
		got := before
		err := got.UnmarshalJSON([]byte(r.in))
		what := fmt.Sprintf("%s: UnmarshalJSON(%s)", r.name, r.in)
		wantFieldErr(t, what, err, r.field, r.msg)
		want := r.want
		if r.field != "" {
			want = before // an error leaves the Money as it was
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s mismatch (-want +got):\n%s", what, diff)
		}
	}
	// Through encoding/json, in a struct; a *Money field takes null.
	var v struct {
		Price lifecycle.Money
		Fee   *lifecycle.Money
	}
	err := json.Unmarshal([]byte(`{"Price":{"amount":"1.234","currency":"KWD"},"Fee":null}`), &v)
	if err != nil || v.Price != moneyOf(1234, "KWD") || v.Fee != nil {
		t.Errorf("json.Unmarshal into a struct = %+v, %v", v, err)
	}
	err = json.Unmarshal([]byte(`{"Price":null}`), &v)
	wantFieldErr(t, "json.Unmarshal of a null Money", err, "Money", "null")
	// A long input is quoted in part, cut on a rune boundary.
	for _, r := range []struct{ in, field string }{
		{`{"amount":"é` + strings.Repeat("9", 1000) + `"}`, "Money"},
		{`{"amount":"` + strings.Repeat("é", 1000) + `","currency":"USD"}`, "Money"},
		{`{"amount":"1","currency":"` + strings.Repeat("€", 1000) + `"}`, "Money.Currency"},
	} {
		err = new(lifecycle.Money).UnmarshalJSON([]byte(r.in))
		if wantFieldErr(t, "a long input", err, r.field, "…"); err != nil && (len(err.Error()) > 200 || !utf8.ValidString(err.Error())) {
			t.Errorf("the error quotes %d bytes of a long input: %v", len(err.Error()), err)
		}
	}
}

// TestMoneyText: "18.57 USD" and "0", both ways; anything else is a
// *FieldError that leaves the Money as it was.
func TestMoneyText(t *testing.T) {
	for _, r := range []struct {
		m    lifecycle.Money
		want string
	}{
		{lifecycle.USD(1857), "18.57 USD"},
		{lifecycle.USD(-143), "-1.43 USD"},
		{lifecycle.Money{}, "0"},
		{moneyOf(0, "EUR"), "0.00 EUR"},
		{moneyOf(5, "JPY"), "5 JPY"},
		{moneyOf(-5, "OMR"), "-0.005 OMR"},
		{moneyOf(5, "CLF"), "0.0005 CLF"},
		{moneyOf(math.MinInt64, "USD"), "-92233720368547758.08 USD"},
		{moneyOf(math.MaxInt64, "JPY"), "9223372036854775807 JPY"},
	} {
		got, err := r.m.MarshalText()
		if err != nil || string(got) != r.want {
			t.Errorf("%#v.MarshalText() = %q, %v; want %q", r.m, got, err, r.want)
		}
		var back lifecycle.Money
		if err := back.UnmarshalText([]byte(r.want)); err != nil || back != r.m {
			t.Errorf("UnmarshalText(%q) = %#v, %v; want %#v", r.want, back, err, r.m)
		}
	}
	for _, bad := range []lifecycle.Money{moneyOf(1, "usd"), moneyOf(1, ""), moneyOf(1, "XAG")} {
		got, err := bad.MarshalText()
		wantFieldErr(t, fmt.Sprintf("%#v.MarshalText()", bad), err, "Money.Currency")
		if got != nil {
			t.Errorf("%#v.MarshalText() = %q with an error", bad, got)
		}
	}
	for _, r := range []struct{ in, field, msg string }{
		{"18.570 USD", "Money", "USD has 2 decimal digits, not 3"},
		{"18.57 usd", "Money.Currency", `want "USD"`},
		{"18.57 XYZ", "Money.Currency", "not a current ISO 4217"},
		{"18.57", "Money", `such as "18.57 USD"`},
		{"", "Money", `such as "18.57 USD"`},
		{"0 ", "Money", `such as "18.57 USD"`},
		{"0.00", "Money", `such as "18.57 USD"`},
		{"-0", "Money", `such as "18.57 USD"`},
		{"18.57  USD", "Money", `such as "18.57 USD"`},
		{" 18.57 USD", "Money", `such as "18.57 USD"`},
		{"18.57 USD ", "Money", `such as "18.57 USD"`},
		{"18.57 US D", "Money", `such as "18.57 USD"`},
		{"18.57\tUSD", "Money", `such as "18.57 USD"`},
		{"USD 18.57", "Money.Currency", `"18.57"`},
		{"18,57 EUR", "Money", "decimal comma"},
	} {
		before := moneyOf(42, "JPY")
		got := before
		err := got.UnmarshalText([]byte(r.in))
		wantFieldErr(t, fmt.Sprintf("UnmarshalText(%q)", r.in), err, r.field, r.msg)
		if got != before {
			t.Errorf("UnmarshalText(%q) changed the Money to %#v with an error", r.in, got)
		}
	}
}

// TestMoneySQL: Value writes the text form, Scan reads it from a string or
// a []byte, and refuses NULL and other types; sql.Null[Money] holds a
// nullable column.
func TestMoneySQL(t *testing.T) {
	v, err := lifecycle.USD(1857).Value()
	if err != nil || v != driver.Value("18.57 USD") {
		t.Errorf("Value() = %#v, %v; want \"18.57 USD\"", v, err)
	}
	if v, err := (lifecycle.Money{}).Value(); err != nil || v != driver.Value("0") {
		t.Errorf("zero Money: Value() = %#v, %v; want \"0\"", v, err)
	}
	if v, err := moneyOf(1, "eur").Value(); v != nil {
		t.Errorf("invalid Money: Value() = %#v, %v; want nil and an error", v, err)
	} else {
		wantFieldErr(t, "invalid Money: Value()", err, "Money.Currency")
	}
	for _, r := range []struct {
		src   any
		want  lifecycle.Money
		field string
		msg   string
	}{
		{"18.57 USD", lifecycle.USD(1857), "", ""},
		{[]byte("-5 JPY"), moneyOf(-5, "JPY"), "", ""},
		{"0", lifecycle.Money{}, "", ""},
		{[]byte("1.2345 CLF"), moneyOf(12345, "CLF"), "", ""},
		{nil, moneyOf(42, "JPY"), "Money", "sql.Null[Money]"},
		{int64(1857), moneyOf(42, "JPY"), "Money", "not int64"},
		{18.57, moneyOf(42, "JPY"), "Money", "not float64"},
		{true, moneyOf(42, "JPY"), "Money", "not bool"},
		{"18.57", moneyOf(42, "JPY"), "Money", `such as "18.57 USD"`},
		{[]byte("1 XYZ"), moneyOf(42, "JPY"), "Money.Currency", `"XYZ"`},
	} {
		got := moneyOf(42, "JPY")
		err := got.Scan(r.src)
		wantFieldErr(t, fmt.Sprintf("Scan(%#v)", r.src), err, r.field, r.msg)
		if got != r.want {
			t.Errorf("Scan(%#v) = %#v, want %#v", r.src, got, r.want)
		}
	}
	var n sql.Null[lifecycle.Money]
	if err := n.Scan(nil); err != nil || n.Valid {
		t.Errorf("sql.Null[Money].Scan(nil) = %+v, %v; want not valid", n, err)
	}
	if err := n.Scan("1.50 EUR"); err != nil || !n.Valid || n.V != moneyOf(150, "EUR") {
		t.Errorf("sql.Null[Money].Scan(\"1.50 EUR\") = %+v, %v", n, err)
	}
}

// TestMoneyLogValue: a Money logs as a group of its amount and currency;
// an invalid one as its minor units, whose scale is unknown.
func TestMoneyLogValue(t *testing.T) {
	for _, r := range []struct {
		m    lifecycle.Money
		want string
	}{
		{lifecycle.USD(1857), `{"msg":"quote","price":{"amount":"18.57","currency":"USD"}}`},
		{moneyOf(-1, "BHD"), `{"msg":"quote","price":{"amount":"-0.001","currency":"BHD"}}`},
		{lifecycle.Money{}, `{"msg":"quote","price":{"amount":"0","currency":""}}`},
		{moneyOf(1857, "eur"), `{"msg":"quote","price":{"minor":1857,"currency":"eur"}}`},
		{moneyOf(7, ""), `{"msg":"quote","price":{"minor":7,"currency":""}}`},
	} {
		var buf bytes.Buffer
		drop := func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey || a.Key == slog.LevelKey {
				return slog.Attr{}
			}
			return a
		}
		slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{ReplaceAttr: drop})).Info("quote", "price", r.m)
		if got := strings.TrimSpace(buf.String()); got != r.want {
			t.Errorf("%#v logs %s, want %s", r.m, got, r.want)
		}
	}
}

// moneyGen draws a valid Money: a random currency of ISO 4217 list one
// and a random int64 of minor units (the bounds and small amounts often),
// or the zero Money.
func moneyGen() *rapid.Generator[lifecycle.Money] {
	minor := rapid.OneOf(rapid.Int64(), rapid.Int64Range(-100000, 100000),
		rapid.SampledFrom([]int64{0, 1, -1, math.MaxInt64, math.MinInt64, math.MaxInt64 - 1, math.MinInt64 + 1}))
	return rapid.Custom(func(t *rapid.T) lifecycle.Money {
		if rapid.IntRange(0, 19).Draw(t, "zeroMoney") == 0 {
			return lifecycle.Money{}
		}
		return lifecycle.Money{Minor: minor.Draw(t, "minor"), Currency: rapid.SampledFrom(currencyCodes()).Draw(t, "currency")}
	})
}

// formatMoneyIn writes m as a locale with the decimal separator dec and the
// group separator group writes it, grouped when grouped is set.
func formatMoneyIn(m lifecycle.Money, dec, group string, grouped bool) string {
	d := m.Decimal()
	sign, d, _ := strings.Cut(d, "-")
	if d == "" {
		sign, d = "", sign
	} else {
		sign = "-"
	}
	whole, frac, hasFrac := strings.Cut(d, ".")
	var b strings.Builder
	b.WriteString(sign)
	for i, c := range whole {
		if grouped && i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteString(dec + frac)
	}
	return b.String()
}

// propMoneyRoundTrip: every valid Money comes back exactly from its JSON,
// its text, its SQL value, its Decimal through ParseMoney, and its
// Decimal written by each locale ParseMoneyIn knows, grouped or not.
func propMoneyRoundTrip(t *rapid.T) {
	m := moneyGen().Draw(t, "m")

	j, err := json.Marshal(m)
	if err != nil {
		t.Fatalf("json.Marshal(%#v): %v", m, err)
	}
	var fromJSON lifecycle.Money
	if err := json.Unmarshal(j, &fromJSON); err != nil || fromJSON != m {
		t.Fatalf("JSON %s → %#v, %v; want %#v", j, fromJSON, err, m)
	}

	text, err := m.MarshalText()
	if err != nil {
		t.Fatalf("%#v.MarshalText(): %v", m, err)
	}
	var fromText lifecycle.Money
	if err := fromText.UnmarshalText(text); err != nil || fromText != m {
		t.Fatalf("text %q → %#v, %v; want %#v", text, fromText, err, m)
	}

	v, err := m.Value()
	if err != nil {
		t.Fatalf("%#v.Value(): %v", m, err)
	}
	var fromSQL lifecycle.Money
	if err := fromSQL.Scan(v); err != nil || fromSQL != m {
		t.Fatalf("SQL %#v → %#v, %v; want %#v", v, fromSQL, err, m)
	}
	if err := fromSQL.Scan([]byte(v.(string))); err != nil || fromSQL != m {
		t.Fatalf("SQL []byte %q → %#v, %v; want %#v", v, fromSQL, err, m)
	}

	if got, err := lifecycle.ParseMoney(m.Decimal(), m.Currency); err != nil || got != m {
		t.Fatalf("ParseMoney(%q, %q) = %#v, %v; want %#v", m.Decimal(), m.Currency, got, err, m)
	}

	for _, l := range []struct {
		tag        language.Tag
		dec, group string
	}{
		{language.English, ".", ","},
		{language.German, ",", "."},
		{language.Dutch, ",", "."},
		{language.Danish, ",", "."},
		{language.French, ",", "\u202f"},
		{language.French, ",", "\u00a0"},
	} {
		for _, grouped := range []bool{false, true} {
			s := formatMoneyIn(m, l.dec, l.group, grouped)
			if got, err := lifecycle.ParseMoneyIn(s, m.Currency, l.tag); err != nil || got != m {
				t.Fatalf("ParseMoneyIn(%q, %q, %s) = %#v, %v; want %#v", s, m.Currency, l.tag, got, err, m)
			}
		}
	}
}

func TestMoneyRoundTrip(t *testing.T) { rapid.Check(t, propMoneyRoundTrip) }

// FuzzMoneyText: whatever the bytes, UnmarshalText and UnmarshalJSON do
// not panic, and what they accept encodes back to the canonical form,
// which they read as the same Money.
func FuzzMoneyText(f *testing.F) {
	for _, s := range []string{"18.57 USD", "0", "-0.001 BHD", "1 JPY", "1.2345 CLF", "18.570 USD", "1 usd", "",
		`{"amount":"18.57","currency":"USD"}`, `{"amount":"0","currency":""}`, `{"amount":1,"currency":"USD"}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var m lifecycle.Money
		if m.UnmarshalText([]byte(s)) == nil {
			text, err := m.MarshalText()
			var back lifecycle.Money
			if err != nil || back.UnmarshalText(text) != nil || back != m {
				t.Fatalf("%q → %#v → %q, %v → %#v", s, m, text, err, back)
			}
		}
		m = lifecycle.Money{}
		if m.UnmarshalJSON([]byte(s)) == nil {
			j, err := json.Marshal(m)
			var back lifecycle.Money
			if err != nil || json.Unmarshal(j, &back) != nil || back != m {
				t.Fatalf("%q → %#v → %s, %v → %#v", s, m, j, err, back)
			}
		}
	})
}
