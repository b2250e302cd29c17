package lifecycle_test

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"testing"

	"github.com/google/go-cmp/cmp"
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
		{lifecycle.Money{Minor: 7}, "0.07"},
		{lifecycle.USD(math.MinInt64), "-$92233720368547758.08"},
	}
	for _, r := range rows {
		if got := r.m.String(); got != r.want {
			t.Errorf("%#v.String() = %q, want %q", r.m, got, r.want)
		}
	}
}

func TestParseMoney(t *testing.T) {
	rows := []struct {
		in, cur string
		want    lifecycle.Money
		err     bool
	}{
		{"18.57", "USD", lifecycle.USD(1857), false},
		{"-1.43", "USD", lifecycle.USD(-143), false},
		{"20", "USD", lifecycle.USD(2000), false},
		{"12.5", "USD", lifecycle.USD(1250), false},
		{"1234", "JPY", lifecycle.Money{Minor: 1234, Currency: "JPY"}, false},
		{"1.234", "USD", lifecycle.Money{}, true},
		{"1.2", "JPY", lifecycle.Money{}, true},
		{"abc", "USD", lifecycle.Money{}, true},
		{"", "USD", lifecycle.Money{}, true},
		{"1.", "USD", lifecycle.Money{}, true},
		{"1e3", "USD", lifecycle.Money{}, true},
		{"99999999999999999999", "USD", lifecycle.Money{}, true},
	}
	for _, r := range rows {
		got, err := lifecycle.ParseMoney(r.in, r.cur)
		if (err != nil) != r.err {
			t.Errorf("ParseMoney(%q, %q) error = %v, want error %v", r.in, r.cur, err, r.err)
			continue
		}
		if err != nil {
			if !errors.Is(err, lifecycle.ErrInvalid) {
				t.Errorf("ParseMoney(%q) error %v does not match ErrInvalid", r.in, err)
			}
			continue
		}
		if diff := cmp.Diff(r.want, got); diff != "" {
			t.Errorf("ParseMoney(%q) mismatch (-want +got):\n%s", r.in, diff)
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
