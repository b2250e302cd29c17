package lifecycle_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// TestEventKindText: every kind round-trips through its text name, read
// in any case; an unknown name and the zero kind are *FieldErrors.
func TestEventKindText(t *testing.T) {
	for _, k := range lifecycle.EventKinds() {
		b, err := k.MarshalText()
		if err != nil {
			t.Fatalf("%v.MarshalText: %v", k, err)
		}
		var back lifecycle.EventKind
		if err := back.UnmarshalText(b); err != nil || back != k {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v", b, back, err, k)
		}
	}
	var k lifecycle.EventKind
	if err := k.UnmarshalText([]byte("Cancel-Now")); err != nil || k != lifecycle.CancelNow {
		t.Errorf("UnmarshalText(Cancel-Now) = %v, %v; names are read in any ASCII case", k, err)
	}
	k = 0
	for _, bad := range []string{"", "cancel now", "cancel_now", "renewed"} {
		if err := k.UnmarshalText([]byte(bad)); !errors.Is(err, lifecycle.ErrInvalid) || k != 0 {
			t.Errorf("UnmarshalText(%q) = %v, %v; want ErrInvalid", bad, k, err)
		}
	}
	if _, err := lifecycle.EventKind(0).MarshalText(); !errors.Is(err, lifecycle.ErrInvalid) {
		t.Errorf("EventKind(0).MarshalText: %v", err)
	}
}

// TestFieldErrorValues: a FieldError prints strings quoted, instants in
// RFC 3339, Stringers by their String and anything else with %v.
func TestFieldErrorValues(t *testing.T) {
	for _, c := range []struct {
		v    any
		want string
	}{
		{"x", `lifecycle: f = "x": r`},
		{utc(2026, 1, 2, 3, 4), "lifecycle: f = 2026-01-02T03:04:00Z: r"},
		{lifecycle.Expired, "lifecycle: f = expired: r"},
		{42, "lifecycle: f = 42: r"},
	} {
		if got := (&lifecycle.FieldError{Field: "f", Value: c.v, Reason: "r"}).Error(); got != c.want {
			t.Errorf("FieldError(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

// TestNewLicenseBounds: license counts are checked just below, at and
// just past 2147483647.
func TestNewLicenseBounds(t *testing.T) {
	for _, c := range []struct {
		n  int
		ok bool
	}{{math.MaxInt32 - 1, true}, {math.MaxInt32, true}, {math.MaxInt32 + 1, false}, {math.MaxInt, false}, {-1, false}} {
		spec := validSpec()
		spec.Licenses, spec.Assigned = c.n, 0
		_, err := lifecycle.New(spec)
		var fe *lifecycle.FieldError
		if c.ok != (err == nil) || (!c.ok && (!errors.As(err, &fe) || fe.Field != "Spec.Licenses")) {
			t.Errorf("New(Licenses = %d) = %v; want ok %v", c.n, err, c.ok)
		}
	}
}

// TestJudgeUnnamedTable: the error for a key a table has no rules for
// names the table, "unnamed" when it has no name.
func TestJudgeUnnamedTable(t *testing.T) {
	r, err := policy.Builtin().Lookup(policy.Key{Channel: policy.DirectMOSA, Term: policy.Annual}, utc(2026, 1, 1, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	table, err := policy.NewTable([]policy.Row{{Channel: policy.DirectMOSA, From: date(2020, 1, 1), Rules: r}})
	if err != nil {
		t.Fatal(err)
	}
	spec := validSpec()
	spec.Channel = policy.DirectMCA
	_, err = lifecycle.Judge(mustNew(t, spec), table)
	var re *lifecycle.RulesError
	if !errors.As(err, &re) || !strings.Contains(err.Error(), "unnamed") || !errors.Is(err, lifecycle.ErrRulesMismatch) {
		t.Errorf("Judge against an unnamed table without the key = %v", err)
	}
}

// TestProrateWideQuotient: a product whose quotient needs more than 64
// bits is an overflow, not a wrapped amount.
func TestProrateWideQuotient(t *testing.T) {
	if got, err := lifecycle.USD(math.MaxInt64).Prorate(math.MaxInt64, 1); !errors.Is(err, lifecycle.ErrInvalid) {
		t.Errorf("Prorate(MaxInt64, 1) of MaxInt64 = %v, %v; want an overflow", got, err)
	}
	if got, err := lifecycle.USD(math.MinInt64).Prorate(2, 2); err != nil || got.Minor != math.MinInt64 {
		t.Errorf("Prorate(2, 2) of MinInt64 = %v, %v", got, err)
	}
}
