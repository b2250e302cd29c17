package lifecycle

import (
	"bytes"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math"
	"math/bits"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Money is an exact amount of one currency in its minor unit (cents for
// USD), never a float. Its Currency is an ISO 4217 code with a minor
// unit ([MinorDigits]); the zero Money is zero of no currency, which
// combines with an amount of any currency. Any other Money — an unknown,
// lower-case or unit-less code, or a non-zero amount of no currency — is
// invalid: arithmetic and encoding refuse it with a *FieldError, and
// String shows it as %!Money(…) rather than guess its scale. Money is a
// plain value, safe to copy and share.
//
// Its encodings hold the amount as a decimal string, so that no float is
// ever involved, and round-trip every valid Money exactly: JSON
// {"amount":"18.57","currency":"USD"}, text and SQL "18.57 USD". The zero
// Money is {"amount":"0","currency":""} and "0". A JSON null or SQL NULL
// is not a Money: use *Money or sql.Null[Money] for an optional amount.
type Money struct {
	// Minor is the amount in the currency's minor unit: 1857 is $18.57.
	Minor int64
	// Currency is the ISO 4217 code, such as "USD"; "" only for the zero
	// Money.
	Currency string
}

// USD returns an amount of US dollars given in cents.
func USD(cents int64) Money { return Money{Minor: cents, Currency: "USD"} }

// digits returns the number of decimal digits of m's minor unit (0 for
// the zero Money), or the *FieldError that makes m invalid.
func (m Money) digits() (int, error) {
	if m.Currency == "" && m.Minor != 0 {
		return 0, &FieldError{Field: "Money.Currency", Value: m.Currency,
			Reason: fmt.Sprintf("%d minor units of no currency: only zero may have none", m.Minor)}
	}
	if m.Currency == "" {
		return 0, nil
	}
	return MinorDigits(m.Currency)
}

// numberFormat is how a locale writes a decimal number.
type numberFormat struct {
	decimal rune   // the decimal separator
	groups  string // the group separators, any one of them per amount; "" for no grouping
}

// localeNumbers returns the number format of the locales ParseMoneyIn
// knows (CLDR's, checked against golang.org/x/text/message by
// money_locale_test.go): the regions listed write numbers as their
// language does; another region may not (de-CH writes 1’234.50, de-AT
// and en-ZA group with a space, en-IN in lakhs), so it is not taken for
// its language.
func localeNumbers(t language.Tag) (numberFormat, bool) {
	switch t.String() {
	case "en", "en-US", "en-GB":
		return numberFormat{decimal: '.', groups: ","}, true
	case "de", "de-DE", "nl", "nl-NL", "nl-BE", "da", "da-DK":
		return numberFormat{decimal: ',', groups: "."}, true
	case "fr", "fr-FR":
		// CLDR groups French with a narrow no-break space since version
		// 34, with a no-break space before (x/text's data is CLDR 32).
		return numberFormat{decimal: ',', groups: "\u202f\u00a0"}, true
	}
	return numberFormat{}, false
}

// knownLocales names the locales of localeNumbers, for the error that
// refuses another.
const knownLocales = "en, en-US, en-GB, de, de-DE, nl, nl-NL, nl-BE, da, da-DK, fr and fr-FR"

// ParseMoney parses a decimal amount as Go and JSON write numbers — an
// optional minus sign, digits, and a full stop before the fraction, no
// grouping — such as "18.57" or "-1.43", in the given ISO 4217 currency
// ([MinorDigits]). It accepts at most as many fractional digits as the
// currency's minor unit has, and fewer ("12.5" USD is 1250 cents). An
// invalid currency is a *FieldError naming Money.Currency; a malformed or
// out-of-range amount, one with more fractional digits than the currency
// has, and one with a decimal comma or group separators ("12,50",
// "1,234.50": use [ParseMoneyIn] with the amount's locale) is a
// *FieldError naming Money and the amount. ParseMoney("0", "") is the
// zero Money, so that ParseMoney(m.Decimal(), m.Currency) returns m for
// every valid m.
func ParseMoney(amount, currency string) (Money, error) {
	return parseMoney(amount, currency, numberFormat{decimal: '.'})
}

// ParseMoneyIn parses a decimal amount written as the locale writes
// numbers, with its decimal separator and, optionally, its group
// separator every three digits: "1.234,50" for de, nl and da, "1,234.50"
// for en, "1 234,50" for fr (with a narrow no-break space, U+202F, or a
// no-break space, U+00A0). It knows en, de, nl and da — the languages of
// package lang — and fr, without a region or with the regions that write
// numbers as their language does (en-US, en-GB, de-DE, nl-NL, nl-BE,
// da-DK, fr-FR); any other locale is a *FieldError naming "locale" and
// the tag, never a guess. Grouping must be regular — one to three digits,
// then groups of three, the same separator throughout, none in the
// fraction — and unambiguous: a single group separator "." or ","
// followed by three digits and no fraction, in a currency with three or
// more minor digits, is refused, since it is how the other convention
// writes a decimal ("1.234" BHD in de: 1234 or 1.234 dinars?); write
// "1.234,000" or "1234". Otherwise it is [ParseMoney] with the locale's
// separators.
func ParseMoneyIn(amount, currency string, locale language.Tag) (Money, error) {
	f, ok := localeNumbers(locale)
	if !ok {
		return Money{}, &FieldError{Field: "locale", Value: locale.String(),
			Reason: "ParseMoneyIn knows the number formats of " + knownLocales}
	}
	return parseMoney(amount, currency, f)
}

// parseMoney is ParseMoney and ParseMoneyIn in the number format f.
func parseMoney(amount, currency string, f numberFormat) (Money, error) {
	if currency == "" && amount == "0" {
		return Money{}, nil
	}
	digits, err := MinorDigits(currency)
	if err != nil {
		return Money{}, err
	}
	neg, units, reason := f.split(amount, currency, digits)
	if reason != "" {
		return Money{}, &FieldError{Field: "Money", Value: clip(amount), Reason: reason}
	}
	v, ok := minorUnits(neg, units)
	if !ok {
		return Money{}, &FieldError{Field: "Money", Value: clip(amount), Reason: "out of range: the amount does not fit in int64 minor units"}
	}
	return Money{Minor: v, Currency: currency}, nil
}

// split reads amount in f: its sign and its digits in minor units of a
// currency with the given number of minor digits, or why it cannot.
func (f numberFormat) split(amount, currency string, digits int) (neg bool, units, reason string) {
	want := "want a decimal number such as 18.57"
	if f.decimal == ',' {
		want = "want a decimal number such as 18,57"
	}
	s, neg := strings.CutPrefix(amount, "-")
	whole, frac, hasDec := strings.Cut(s, string(f.decimal))
	// Group separators: only in the whole part, one kind per amount.
	var group rune
	for i, r := range s {
		switch {
		case '0' <= r && r <= '9':
			continue
		case r == f.decimal && i == len(whole):
			continue
		case r == f.decimal:
			return neg, "", "more than one decimal separator"
		case f.groups == "" && r == ',':
			if strings.ContainsRune(s, '.') {
				return neg, "", "group separators need a locale: use ParseMoneyIn with the amount's language"
			}
			return neg, "", "a decimal comma needs a locale: use ParseMoneyIn with the amount's language, such as language.German"
		case !strings.ContainsRune(f.groups, r):
			return neg, "", want
		case i > len(whole):
			return neg, "", fmt.Sprintf("a group separator %q after the decimal separator %q", r, f.decimal)
		case group != 0 && r != group:
			return neg, "", fmt.Sprintf("mixed group separators %q and %q", group, r)
		}
		group = r
	}
	if whole == "" || (hasDec && frac == "") {
		return neg, "", want
	}
	if group != 0 {
		parts := strings.Split(whole, string(group))
		for i, p := range parts {
			if (i == 0 && len(p) > 3) || (i > 0 && len(p) != 3) || p == "" {
				return neg, "", fmt.Sprintf("malformed grouping: want groups of three digits, such as %s, with %q before the fraction", groupedExample(f), f.decimal)
			}
		}
		if len(parts) == 2 && !hasDec && digits >= 3 && (group == '.' || group == ',') {
			return neg, "", fmt.Sprintf("ambiguous: %s has %d decimal digits, so %q may be a decimal separator; write the fraction after %q, or no group separator",
				currency, digits, group, f.decimal)
		}
		whole = strings.Join(parts, "")
	}
	if len(frac) > digits {
		if digits == 0 {
			return neg, "", fmt.Sprintf("%s has no decimal digits, not %d", currency, len(frac))
		}
		return neg, "", fmt.Sprintf("%s has %d decimal digits, not %d", currency, digits, len(frac))
	}
	return neg, whole + frac + strings.Repeat("0", digits-len(frac)), ""
}

// groupedExample returns 1234567.50 as f writes it with grouping.
func groupedExample(f numberFormat) string {
	g, _ := utf8.DecodeRuneInString(f.groups)
	return fmt.Sprintf("1%c234%c567%c50", g, g, f.decimal)
}

// minorUnits returns the decimal digits units, negated if neg, as an
// int64, and whether it fits.
func minorUnits(neg bool, units string) (int64, bool) {
	u, err := strconv.ParseUint(units, 10, 64)
	if err != nil {
		return 0, false
	}
	return signed(0, u, neg)
}

// IsZero reports whether the amount is zero, in any currency: the zero
// Money and zero dollars alike (so encoding/json's omitzero option leaves
// out both).
func (m Money) IsZero() bool { return m.Minor == 0 }

// Decimal returns the amount as a decimal string without a symbol, such
// as "18.57" or "-1.43": as many fractional digits as the currency has,
// "0" for the zero Money, and %!Money(…) for an invalid Money, whose scale
// is unknown. ParseMoney reads it back.
func (m Money) Decimal() string {
	d, err := m.digits()
	if err != nil {
		return m.invalid()
	}
	return decimal(m.Minor, d)
}

// decimal writes v minor units of a currency with the given number of
// minor digits.
func decimal(v int64, digits int) string {
	sign := ""
	if v < 0 {
		sign = "-"
	}
	s := strconv.FormatUint(abs64(v), 10)
	if digits == 0 {
		return sign + s
	}
	if len(s) <= digits {
		s = strings.Repeat("0", digits-len(s)+1) + s
	}
	return sign + s[:len(s)-digits] + "." + s[len(s)-digits:]
}

// invalid shows an invalid Money for what it holds, in the manner of fmt's
// %!verb(…) and time.Month's String: no scale is guessed.
func (m Money) invalid() string {
	if m.Currency == "" {
		return fmt.Sprintf("%%!Money(%d minor units, no currency)", m.Minor)
	}
	return fmt.Sprintf("%%!Money(%d minor units, currency %q)", m.Minor, m.Currency)
}

// String returns "$18.57" for US dollars, "-$1.43" for a negative amount,
// "18.57 EUR" for other currencies, "0" for the zero Money, and
// %!Money(…) for an invalid Money, such as
// %!Money(1857 minor units, currency "eur").
func (m Money) String() string {
	d, err := m.digits()
	switch {
	case err != nil:
		return m.invalid()
	case m.Currency == "":
		return "0"
	case m.Currency == "USD":
		if m.Minor < 0 {
			return "-$" + decimal(m.Minor, d)[1:]
		}
		return "$" + decimal(m.Minor, d)
	}
	return decimal(m.Minor, d) + " " + m.Currency
}

// Arithmetic on Money is exact or an error: an amount that leaves the
// int64 range of minor units is a *FieldError, never a wrapped or
// saturated value, and so is arithmetic on two different currencies or
// on an invalid Money (a *FieldError naming Money.Currency). The zero
// Money (zero of no currency) combines with any currency.

// Times returns m multiplied by n, or a *FieldError when m is invalid or
// the product leaves the int64 range.
func (m Money) Times(n int64) (Money, error) {
	if _, err := m.digits(); err != nil {
		return Money{}, err
	}
	hi, lo := bits.Mul64(abs64(m.Minor), abs64(n))
	v, ok := signed(hi, lo, (m.Minor < 0) != (n < 0))
	if !ok {
		return Money{}, overflow(fmt.Sprintf("%s × %d", m, n))
	}
	return Money{Minor: v, Currency: m.Currency}, nil
}

// Plus returns m + o, or a *FieldError when either is invalid, their
// currencies differ or the sum leaves the int64 range. The result has their currency.
func (m Money) Plus(o Money) (Money, error) {
	cur, err := m.common(o, "+")
	if err != nil {
		return Money{}, err
	}
	v := m.Minor + o.Minor
	if (v > m.Minor) != (o.Minor > 0) { // the sum wrapped
		return Money{}, overflow(m.String() + " + " + o.String())
	}
	return Money{Minor: v, Currency: cur}, nil
}

// Minus returns m − o, or a *FieldError when either is invalid, their
// currencies differ or the difference leaves the int64 range. The result has their currency.
func (m Money) Minus(o Money) (Money, error) {
	cur, err := m.common(o, "−")
	if err != nil {
		return Money{}, err
	}
	v := m.Minor - o.Minor
	if (v < m.Minor) != (o.Minor > 0) { // the difference wrapped
		return Money{}, overflow(m.String() + " − " + o.String())
	}
	return Money{Minor: v, Currency: cur}, nil
}

// common returns the currency of m op o: theirs when they agree, the
// other's when one is the zero Money; or the error that refuses m op o.
func (m Money) common(o Money, op string) (string, error) {
	if _, err := m.digits(); err != nil {
		return "", err
	}
	if _, err := o.digits(); err != nil {
		return "", err
	}
	switch {
	case m.Currency == o.Currency:
		return m.Currency, nil
	case m == Money{}:
		return o.Currency, nil
	case o == Money{}:
		return m.Currency, nil
	}
	return "", &FieldError{Field: "Money.Currency", Value: o.Currency,
		Reason: fmt.Sprintf("%s %s %s: different currencies", m, op, o)}
}

// Prorate returns m × num / den rounded to the minor unit, half away from
// zero (so $20 × 2/28 = $1.428571… is $1.43, R-REF-3), computed exactly in
// 128 bits for any int64 arguments. den must be positive and num not
// negative; otherwise, when m is invalid, or when the result leaves the
// int64 range (num > den), it returns a *FieldError.
func (m Money) Prorate(num, den int64) (Money, error) {
	if _, err := m.digits(); err != nil {
		return Money{}, err
	}
	switch {
	case den <= 0:
		return Money{}, &FieldError{Field: "den", Value: den, Reason: "must be positive"}
	case num < 0:
		return Money{}, &FieldError{Field: "num", Value: num, Reason: "must not be negative"}
	}
	hi, lo := bits.Mul64(abs64(m.Minor), uint64(num))
	d := uint64(den)
	if hi >= d { // the quotient needs more than 64 bits
		return Money{}, overflow(fmt.Sprintf("%s × %d / %d", m, num, den))
	}
	q, r := bits.Div64(hi, lo, d)
	if r >= d-r { // 2r ≥ den: half or more rounds away from zero
		q++
	}
	v, ok := signed(0, q, m.Minor < 0)
	if !ok || (q == 0 && r >= d-r) { // q wrapped from MaxUint64
		return Money{}, overflow(fmt.Sprintf("%s × %d / %d", m, num, den))
	}
	return Money{Minor: v, Currency: m.Currency}, nil
}

// abs64 returns |v| as a uint64 (exact for math.MinInt64).
func abs64(v int64) uint64 {
	if v < 0 {
		return uint64(-(v + 1)) + 1
	}
	return uint64(v)
}

// signed returns the 128-bit magnitude hi:lo with the sign neg as an
// int64, and whether it fits.
func signed(hi, lo uint64, neg bool) (int64, bool) {
	switch {
	case hi != 0:
		return 0, false
	case neg && lo <= 1<<63:
		return int64(-lo), true // -(1<<63) wraps to math.MinInt64, as wanted
	case !neg && lo <= math.MaxInt64:
		return int64(lo), true
	}
	return 0, false
}

func overflow(what string) *FieldError {
	return &FieldError{Field: "Money", Value: what, Reason: "out of range: the amount does not fit in int64 minor units"}
}

// money keeps the first error of a computation over Money, so that a
// formula reads as one: each step after an error returns the zero Money.
type money struct{ err error }

func (c *money) keep(m Money, err error) Money {
	if c.err == nil {
		c.err = err
	}
	return m
}

func (c *money) times(m Money, n int64) Money          { return c.keep(m.Times(n)) }
func (c *money) plus(m, o Money) Money                 { return c.keep(m.Plus(o)) }
func (c *money) minus(m, o Money) Money                { return c.keep(m.Minus(o)) }
func (c *money) prorate(m Money, num, den int64) Money { return c.keep(m.Prorate(num, den)) }

// MarshalJSON encodes m as {"amount":"18.57","currency":"USD"}: the
// amount a decimal string with all the currency's minor digits, so that
// no float is ever involved. The zero Money is
// {"amount":"0","currency":""}; an invalid Money is a *FieldError.
func (m Money) MarshalJSON() ([]byte, error) {
	d, err := m.digits()
	if err != nil {
		return nil, err
	}
	b := make([]byte, 0, 48)
	b = append(b, `{"amount":"`...)
	b = append(b, decimal(m.Minor, d)...)
	b = append(b, `","currency":"`...)
	b = append(b, m.Currency...) // a valid code is three letters A–Z: nothing to escape
	b = append(b, `"}`...)
	return b, nil
}

// UnmarshalJSON decodes the JSON object MarshalJSON writes: exactly the
// keys "amount" and "currency", each once and each a string, the amount
// read by [ParseMoney] (so a number, such as 18.57 rather than "18.57",
// more fractional digits than the currency has, and an invalid currency
// are refused). JSON null is refused as well, unlike the encoding/json
// convention of leaving the value alone: decode into a *Money for an
// optional amount. Any error is a *FieldError, and leaves m unchanged.
func (m *Money) UnmarshalJSON(data []byte) error {
	bad := func(reason string) error {
		return &FieldError{Field: "Money", Value: clip(string(data)), Reason: reason}
	}
	const want = `want an object such as {"amount":"18.57","currency":"USD"}`
	if string(bytes.TrimSpace(data)) == "null" {
		return bad("null is not an amount: decode an optional amount into a *Money")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return bad(want)
	}
	var amount, currency *string
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return bad(want)
		}
		key, _ := k.(string) // a key is a string when Token succeeds
		v, err := dec.Token()
		if err != nil {
			return bad(want)
		}
		s, ok := v.(string)
		var dst **string
		switch key {
		case "amount":
			dst = &amount
			if !ok {
				return bad(`"amount" must be a string, such as "18.57": a JSON number may pass through a float`)
			}
		case "currency":
			dst = &currency
			if !ok {
				return bad(`"currency" must be a string, such as "USD"`)
			}
		default:
			return bad(fmt.Sprintf("unknown key %q: %s", key, want))
		}
		if *dst != nil {
			return bad(fmt.Sprintf("duplicate key %q", key))
		}
		*dst = &s
	}
	if _, err := dec.Token(); err != nil { // the closing brace
		return bad(want)
	}
	if _, err := dec.Token(); err != io.EOF {
		return bad("data after the object")
	}
	switch {
	case amount == nil:
		return bad(`missing "amount": ` + want)
	case currency == nil:
		return bad(`missing "currency": ` + want)
	}
	v, err := ParseMoney(*amount, *currency)
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// MarshalText encodes m as its amount and currency code separated by one
// space, such as "18.57 USD" or "-1.43 EUR", with all the currency's
// minor digits; the zero Money is "0". An invalid Money is a *FieldError.
func (m Money) MarshalText() ([]byte, error) {
	d, err := m.digits()
	switch {
	case err != nil:
		return nil, err
	case m.Currency == "":
		return []byte("0"), nil
	}
	return []byte(decimal(m.Minor, d) + " " + m.Currency), nil
}

// UnmarshalText decodes the text MarshalText writes: an amount read by
// [ParseMoney], one space and an ISO 4217 code, or "0" for the zero Money.
// Any error is a *FieldError, and leaves m unchanged.
func (m *Money) UnmarshalText(text []byte) error {
	s := string(text)
	amount, currency, ok := strings.Cut(s, " ")
	switch {
	case !ok && s == "0":
		*m = Money{}
		return nil
	case !ok || amount == "" || currency == "" || strings.Contains(currency, " "):
		return &FieldError{Field: "Money", Value: clip(s), Reason: `want an amount, one space and a currency code, such as "18.57 USD", or "0"`}
	}
	v, err := ParseMoney(amount, currency)
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// Value implements driver.Valuer: m's text form ([Money.MarshalText]) as
// a string, such as "18.57 USD", for a text column. An invalid Money is a
// *FieldError.
func (m Money) Value() (driver.Value, error) {
	b, err := m.MarshalText()
	if err != nil {
		return nil, err
	}
	return string(b), nil
}

// Scan implements sql.Scanner: it reads the text form Value writes from a
// string or a []byte ([Money.UnmarshalText]). A NULL and any other type
// are a *FieldError (scan a nullable column into a sql.Null[Money]); any
// error leaves m unchanged.
func (m *Money) Scan(src any) error {
	switch v := src.(type) {
	case string:
		return m.UnmarshalText([]byte(v))
	case []byte:
		return m.UnmarshalText(v)
	case nil:
		return &FieldError{Field: "Money", Value: nil, Reason: "a NULL is not an amount: scan a nullable column into a sql.Null[Money]"}
	}
	return &FieldError{Field: "Money", Value: src, Reason: fmt.Sprintf("want the text form, such as \"18.57 USD\", as a string or []byte, not %T", src)}
}

// LogValue implements slog.LogValuer: a group of the amount, as Decimal
// writes it, and the currency. An invalid Money logs its minor units
// instead of an amount, since its scale is unknown.
func (m Money) LogValue() slog.Value {
	if _, err := m.digits(); err != nil {
		return slog.GroupValue(slog.Int64("minor", m.Minor), slog.String("currency", m.Currency))
	}
	return slog.GroupValue(slog.String("amount", m.Decimal()), slog.String("currency", m.Currency))
}

// clip returns s, cut to its first 64 bytes (on a rune boundary) and
// marked "…" when longer, for an error that quotes the input.
func clip(s string) string {
	const n = 64
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}
