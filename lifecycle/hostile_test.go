package lifecycle_test

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// The defects of issue 12 found by trying the library as an attacker and
// as a careless caller would, each pinned by the input that found it.

// TestDefect8_RefusalCopiesDomains: the refusal of a cancellation names
// the custom domains the caller passed; changing the caller's slice after
// the call does not change the error (it kept the slice).
func TestDefect8_RefusalCopiesDomains(t *testing.T) {
	at := utc(2026, 1, 10, 9, 0)
	lc := renewable(t, policy.Monthly, at)
	domains := []string{"contoso.com"}
	err := lc.Check(lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.GlobalAdmin, CustomDomains: domains}, at.Add(1))
	if !errors.Is(err, lifecycle.ErrPrecondition) {
		t.Fatalf("Check = %v, want ErrPrecondition", err)
	}
	before := err.Error()
	domains[0] = "fabrikam.com"
	if after := err.Error(); after != before || !strings.Contains(after, "contoso.com") {
		t.Errorf("the error changed with the caller's slice:\nbefore %s\nafter  %s", before, after)
	}
}

// TestDefect9_AddLicensesOverflow: adding math.MaxInt licenses (or enough
// to pass 2147483647 with those held) is a *FieldError naming
// Command.Licenses, not "History[n].Licenses = -9223…: must not be
// negative"; the boundary itself is accepted.
func TestDefect9_AddLicensesOverflow(t *testing.T) {
	at := utc(2026, 1, 10, 9, 0)
	lc := renewable(t, policy.Monthly, at) // 5 licenses
	for _, c := range []struct {
		n  int
		ok bool
	}{
		{math.MaxInt, false},
		{math.MaxInt32, false},
		{math.MaxInt32 - 4, false}, // just past: 2147483648
		{math.MaxInt32 - 5, true},  // at: 2147483647
		{math.MaxInt32 - 6, true},  // just before
	} {
		cmd := lifecycle.Command{Kind: lifecycle.CmdAddLicenses, Actor: lifecycle.GlobalAdmin, Licenses: c.n}
		next, err := lc.Apply(cmd, at.Add(1))
		if c.ok {
			if err != nil {
				t.Errorf("AddLicenses(%d): %v", c.n, err)
				continue
			}
			if st, _ := next.At(at.Add(1)); st.Licenses() != 5+c.n {
				t.Errorf("AddLicenses(%d): %d licenses", c.n, st.Licenses())
			}
			continue
		}
		var fe *lifecycle.FieldError
		if !errors.As(err, &fe) || fe.Field != "Command.Licenses" || fe.Value != c.n || !errors.Is(err, lifecycle.ErrInvalid) {
			t.Errorf("AddLicenses(%d) = %v, want a *FieldError on Command.Licenses", c.n, err)
		}
		if _, qerr := lc.Quote(lifecycle.Command{Kind: lifecycle.CmdRemoveLicenses, Actor: lifecycle.GlobalAdmin, Licenses: c.n},
			lifecycle.Price{PerLicense: lifecycle.USD(100), Billing: policy.Monthly}, at.Add(1)); qerr == nil {
			t.Errorf("Quote(remove %d of 5 licenses) accepted", c.n)
		}
	}
}

// TestDefect3_PaymentZeroLifecycle: a zero Lifecycle among the uses of a
// payment method is a *FieldError naming it, not a nil dereference.
func TestDefect3_PaymentZeroLifecycle(t *testing.T) {
	at := utc(2026, 1, 10, 9, 0)
	err := lifecycle.CanRemovePaymentMethod(lifecycle.GlobalAdmin, []lifecycle.Lifecycle{{}}, at)
	var fe *lifecycle.FieldError
	if !errors.As(err, &fe) || fe.Field != "uses[0]" {
		t.Errorf("CanRemovePaymentMethod(zero Lifecycle) = %v, want a *FieldError on uses[0]", err)
	}
	ok := renewable(t, policy.Monthly, at)
	err = lifecycle.CanRemovePaymentMethod(lifecycle.GlobalAdmin, []lifecycle.Lifecycle{ok, {}}, at.Add(1))
	if !errors.Is(err, lifecycle.ErrRefused) && !errors.As(err, &fe) {
		t.Errorf("CanRemovePaymentMethod(active, zero) = %v", err)
	}
}

// TestDefect6_QuoteHugePrice: a price whose charge leaves the range of
// Money is a *FieldError on Price.PerLicense, not the same saturated Paid
// for 2 licenses as for 10; the largest price that fits is quoted exactly.
func TestDefect6_QuoteHugePrice(t *testing.T) {
	at := utc(2026, 1, 10, 9, 0)
	lc := renewable(t, policy.Monthly, at) // 5 licenses
	cancel := lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.GlobalAdmin}
	price := func(minor int64) lifecycle.Price {
		return lifecycle.Price{PerLicense: lifecycle.USD(minor), Billing: policy.Monthly}
	}
	q, err := lc.Quote(cancel, price(math.MaxInt64/5), at.Add(time.Hour))
	if err != nil || q.Paid != lifecycle.USD(math.MaxInt64/5*5) {
		t.Errorf("Quote at the largest price that fits = %v, %v", q.Paid, err)
	}
	for _, c := range []struct {
		cmd   lifecycle.Command
		price int64
	}{
		{cancel, math.MaxInt64/5 + 1},
		{cancel, math.MaxInt64},
		{lifecycle.Command{Kind: lifecycle.CmdRemoveLicenses, Actor: lifecycle.GlobalAdmin, Licenses: 2}, math.MaxInt64},
		{lifecycle.Command{Kind: lifecycle.CmdRemoveLicenses, Actor: lifecycle.GlobalAdmin, Licenses: 4}, math.MaxInt64},
	} {
		q, err := lc.Quote(c.cmd, price(c.price), at.Add(time.Hour))
		var fe *lifecycle.FieldError
		if !errors.As(err, &fe) || fe.Field != "Price.PerLicense" || !errors.Is(err, lifecycle.ErrInvalid) {
			t.Errorf("Quote(%v at %d) = %+v, %v; want a *FieldError on Price.PerLicense", c.cmd, c.price, q, err)
		}
	}
}
