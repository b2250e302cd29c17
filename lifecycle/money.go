package lifecycle

import (
	"fmt"
	"math"
	"math/bits"
	"strconv"
	"strings"
)

// Money is an exact amount of one currency in its minor unit (cents for
// USD), never a float. The zero Money is zero of no currency; an amount
// with an empty Currency prints without a symbol. Money is a plain value,
// safe to copy and share.
type Money struct {
	// Minor is the amount in the currency's minor unit: 1857 is $18.57.
	Minor int64
	// Currency is the ISO 4217 code, such as "USD".
	Currency string
}

// USD returns an amount of US dollars given in cents.
func USD(cents int64) Money { return Money{Minor: cents, Currency: "USD"} }

// minorDigits returns the number of decimal digits of a currency's minor
// unit (ISO 4217): 2 unless listed.
func minorDigits(currency string) int {
	switch currency {
	case "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF":
		return 0
	case "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND":
		return 3
	}
	return 2
}

// ParseMoney parses a decimal amount such as "18.57" or "-1.43" in the
// given currency. It accepts at most as many fractional digits as the
// currency's minor unit has, and reports anything else, including
// overflow, as a *FieldError.
func ParseMoney(amount, currency string) (Money, error) {
	bad := func(reason string) (Money, error) {
		return Money{}, &FieldError{Field: "Money", Value: amount, Reason: reason}
	}
	digits := minorDigits(currency)
	s := amount
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	if whole == "" || (hasFrac && frac == "") {
		return bad("want a decimal number such as 18.57")
	}
	if len(frac) > digits {
		return bad(fmt.Sprintf("%s has %d decimal digits, not %d", currency, digits, len(frac)))
	}
	frac += strings.Repeat("0", digits-len(frac))
	for _, c := range whole + frac {
		if c < '0' || c > '9' {
			return bad("want a decimal number such as 18.57")
		}
	}
	v, err := strconv.ParseInt(whole+frac, 10, 64)
	if err != nil {
		return bad("out of range")
	}
	if neg {
		v = -v
	}
	return Money{Minor: v, Currency: currency}, nil
}

// IsZero reports whether the amount is zero.
func (m Money) IsZero() bool { return m.Minor == 0 }

// Decimal returns the amount as a decimal string without a symbol, such
// as "18.57" or "-1.43".
func (m Money) Decimal() string {
	digits := minorDigits(m.Currency)
	v := m.Minor
	sign := ""
	var u uint64
	if v < 0 {
		sign = "-"
		u = uint64(-(v + 1)) + 1 // no overflow for math.MinInt64
	} else {
		u = uint64(v)
	}
	s := strconv.FormatUint(u, 10)
	if digits == 0 {
		return sign + s
	}
	if len(s) <= digits {
		s = strings.Repeat("0", digits-len(s)+1) + s
	}
	return sign + s[:len(s)-digits] + "." + s[len(s)-digits:]
}

// String returns "$18.57" for US dollars, "-$1.43" for a negative amount,
// and "18.57 EUR" for other currencies.
func (m Money) String() string {
	switch m.Currency {
	case "USD":
		d := m.Decimal()
		if strings.HasPrefix(d, "-") {
			return "-$" + d[1:]
		}
		return "$" + d
	case "":
		return m.Decimal()
	}
	return m.Decimal() + " " + m.Currency
}

// Arithmetic on Money is exact or an error: an amount that leaves the
// int64 range of minor units is a *FieldError, never a wrapped or
// saturated value, and so is arithmetic on two different currencies. The
// zero Money (zero of no currency) combines with any currency.

// Times returns m multiplied by n, or a *FieldError when the product
// leaves the int64 range.
func (m Money) Times(n int64) (Money, error) {
	hi, lo := bits.Mul64(abs64(m.Minor), abs64(n))
	v, ok := signed(hi, lo, (m.Minor < 0) != (n < 0))
	if !ok {
		return Money{}, overflow(fmt.Sprintf("%s × %d", m, n))
	}
	return Money{Minor: v, Currency: m.Currency}, nil
}

// Plus returns m + o, or a *FieldError when their currencies differ or
// the sum leaves the int64 range. The result has their currency.
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

// Minus returns m − o, or a *FieldError when their currencies differ or
// the difference leaves the int64 range. The result has their currency.
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
// other's when one is the zero Money.
func (m Money) common(o Money, op string) (string, error) {
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
// negative; otherwise, or when the result leaves the int64 range (num >
// den), it returns a *FieldError.
func (m Money) Prorate(num, den int64) (Money, error) {
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
