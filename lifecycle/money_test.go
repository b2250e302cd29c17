package lifecycle_test

import (
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"

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
		{"whole", lifecycle.USD(3100), 31, 31, 3100, ""},
		{"zero-days", lifecycle.USD(3100), 0, 31, 0, ""},
		{"bad-den", lifecycle.USD(3100), 1, 0, 0, "invalid input is zero"},
		{"large", lifecycle.USD(math.MaxInt64 / 2), 365, 366, math.MaxInt64 / 2 / 366 * 365, "no overflow for large amounts"},
	}
	for _, r := range rows {
		got := r.m.Prorate(r.num, r.den).Minor
		if r.name == "large" {
			// exact value: floor division differs from the split by < 366
			if d := got - r.want; d < 0 || d > 366 {
				t.Errorf("%s: Prorate = %d, want ≈ %d", r.name, got, r.want)
			}
			continue
		}
		if got != r.want {
			t.Errorf("%s: %v.Prorate(%d, %d) = %d, want %d (%s)", r.name, r.m, r.num, r.den, got, r.want, r.reason)
		}
	}
	if got := lifecycle.USD(1250).Times(5); got != lifecycle.USD(6250) {
		t.Errorf("Times = %v, want $62.50", got)
	}
	if got := lifecycle.USD(math.MaxInt64).Times(2); got.Minor != math.MaxInt64 {
		t.Errorf("Times saturates: got %d", got.Minor)
	}
}
