package lifecycle

import (
	"maps"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/currency"
)

// iso4217Codes returns the codes of the table iso4217, in its order.
func iso4217Codes() []string {
	var codes []string
	for i := 0; i+4 <= len(iso4217); i += 4 {
		codes = append(codes, iso4217[i:i+3])
	}
	return codes
}

// TestISO4217Table: the table is well formed — records of three letters
// A–Z and one digit 0–4 or '-', strictly sorted (the binary search needs
// it) — and holds list one's 178 codes: 165 with a minor unit, 13
// without.
func TestISO4217Table(t *testing.T) {
	if len(iso4217)%4 != 0 {
		t.Fatalf("len(iso4217) = %d, not a multiple of 4", len(iso4217))
	}
	codes := iso4217Codes()
	for i, c := range codes {
		for _, r := range c {
			if r < 'A' || r > 'Z' {
				t.Errorf("record %d: code %q is not three letters A–Z", i, c)
			}
		}
		if d := iso4217[4*i+3]; (d < '0' || d > '4') && d != '-' {
			t.Errorf("record %d (%s): digits %q, want 0–4 or '-'", i, c, d)
		}
		if i > 0 && codes[i-1] >= c {
			t.Errorf("record %d: %s after %s: not strictly sorted", i, c, codes[i-1])
		}
	}
	var none int
	for _, c := range codes {
		if d, ok := iso4217Digits(c); !ok {
			t.Errorf("iso4217Digits(%q) not found: the binary search misses a listed code", c)
		} else if d < 0 {
			none++
		}
	}
	if len(codes) != 178 || none != 13 {
		t.Errorf("%d codes, %d without a minor unit; want 178 and 13 (list one of 2026-01-01)", len(codes), none)
	}
}

// TestISO4217AgainstXText checks the table against
// golang.org/x/text/currency (CLDR 32) both ways, and lists every
// difference with its reason; a difference not listed, or listed but
// gone (a newer x/text), fails, so that each is looked at by hand.
func TestISO4217AgainstXText(t *testing.T) {
	// Codes of list one created after CLDR 32 (2017).
	newer := []string{
		"MRU", "SLE", "UYW", "VED", "VES", "XAD", "XCG", "ZWG",
	}
	// CLDR's digits are those an amount is shown with, not ISO's minor
	// unit: CLDR shows these without their fraction.
	cldrZero := []string{
		"AFN", "ALL", "AMD", "COP", "GYD", "IDR", "IQD", "IRR", "KPW", "LAK", "LBP",
		"MGA", "MMK", "MNT", "MUR", "PKR", "RSD", "SOS", "SYP", "TZS", "UZS", "YER",
	}
	// Codes x/text still has as legal tender that list one no longer
	// holds: replaced (ANG by XCG, MRO by MRU, SLL by SLE, VEF by VES),
	// or given up for EUR (BGN 2026, HRK 2023) or for CUP (CUC 2021).
	withdrawn := []string{"ANG", "BGN", "CUC", "HRK", "MRO", "SLL", "VEF"}

	var gotNewer, gotZero []string
	for _, c := range iso4217Codes() {
		d, _ := iso4217Digits(c)
		u, err := currency.ParseISO(c)
		if err != nil {
			gotNewer = append(gotNewer, c)
			continue
		}
		scale, _ := currency.Standard.Rounding(u)
		switch {
		case d < 0 && scale != 2:
			// x/text gives its default, two digits, to codes without a
			// minor unit (XAU, XXX, …).
			t.Errorf("%s: x/text scale %d; want its default 2 for a code without a minor unit", c, scale)
		case d >= 0 && scale != d && scale == 0:
			gotZero = append(gotZero, c)
		case d >= 0 && scale != d:
			t.Errorf("%s: ISO 4217 minor unit %d, x/text (CLDR %s) %d: a difference not listed here", c, d, currency.CLDRVersion, scale)
		}
	}
	if diff := cmp.Diff(newer, gotNewer); diff != "" {
		t.Errorf("codes of the table x/text does not know (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(cldrZero, gotZero); diff != "" {
		t.Errorf("codes with two or three ISO digits that CLDR shows with none (-want +got):\n%s", diff)
	}

	tender := map[string]bool{}
	for it := currency.Query(); it.Next(); {
		c := it.Unit().String()
		if _, ok := iso4217Digits(c); !ok {
			tender[c] = true
		}
	}
	if diff := cmp.Diff(withdrawn, slices.Sorted(maps.Keys(tender))); diff != "" {
		t.Errorf("x/text's current legal tender missing from the table (-want +got):\n%s", diff)
	}
}
