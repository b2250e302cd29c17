package lifecycle

import (
	"fmt"
	"math"
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

// Times returns m multiplied by n, saturating at the int64 range.
func (m Money) Times(n int64) Money {
	_, v := mulSat(m.Minor, n)
	return Money{Minor: v, Currency: m.Currency}
}

// mulSat multiplies with saturation; hi reports whether it saturated.
func mulSat(a, b int64) (bool, int64) {
	if a == 0 || b == 0 {
		return false, 0
	}
	c := a * b
	if c/b != a || (a == -1 && b == math.MinInt64) || (b == -1 && a == math.MinInt64) {
		if (a < 0) != (b < 0) {
			return true, math.MinInt64
		}
		return true, math.MaxInt64
	}
	return false, c
}

// Minus returns m − o; both must be of the same currency (the result has
// m's currency).
func (m Money) Minus(o Money) Money { return Money{Minor: m.Minor - o.Minor, Currency: m.Currency} }

// Plus returns m + o; both must be of the same currency (the result has
// m's currency).
func (m Money) Plus(o Money) Money { return Money{Minor: m.Minor + o.Minor, Currency: m.Currency} }

// Prorate returns m × num / den rounded to the minor unit, half away from
// zero (so $20 × 2/28 = $1.428571… is $1.43, R-REF-3). den must be
// positive and num not negative; otherwise it returns zero.
func (m Money) Prorate(num, den int64) Money {
	if den <= 0 || num < 0 {
		return Money{Currency: m.Currency}
	}
	// Split to avoid overflow: m = q·den + r.
	q, r := m.Minor/den, m.Minor%den
	_, whole := mulSat(q, num)
	_, part := mulSat(r, num) // |r| < den, so r·num fits when num·den does
	rest := part / den
	rem := part % den
	if rem < 0 {
		rem = -rem
	}
	if 2*rem >= den {
		if part < 0 {
			rest--
		} else {
			rest++
		}
	}
	return Money{Minor: whole + rest, Currency: m.Currency}
}
