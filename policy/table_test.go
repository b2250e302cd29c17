package policy_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/lapse-go/lapse/policy"
)

func TestBuiltinIsAValidTable(t *testing.T) {
	rows := policy.Builtin().Rows()
	tbl, err := policy.NewTable(rows)
	if err != nil {
		t.Fatalf("NewTable(Builtin().Rows()) error: %v", err)
	}
	if diff := cmp.Diff(rows, tbl.Rows()); diff != "" {
		t.Errorf("Rows() mismatch (-want +got):\n%s", diff)
	}
	if a, b := policy.Builtin(), policy.Builtin(); a != b {
		t.Error("Builtin() built twice")
	}
	if got := policy.Builtin().Name(); got != "builtin" {
		t.Errorf("Builtin().Name() = %q, want builtin", got)
	}
	for i, r := range rows {
		if r.Rules.Cite.Rules == "" || r.Rules.Cite.Sources == "" {
			t.Errorf("rows[%d] (%v %v) has no citation", i, r.Channel, r.Rules.Version)
		}
	}
}

func TestRowsReturnsACopy(t *testing.T) {
	rows := policy.Builtin().Rows()
	for i := range rows {
		if len(rows[i].Products) > 0 {
			rows[i].Products[0] = "changed"
		}
	}
	for _, r := range policy.Builtin().Rows() {
		for _, p := range r.Products {
			if p == "changed" {
				t.Fatal("changing the result of Rows changed the table")
			}
		}
	}
}

// gappyTable holds MOSA annual rows of product "p" for 2020 and 2022
// only: nothing before 2020, a gap through 2021, nothing from 2023, no
// generic row, no monthly term and no other channel. (NewTable refuses
// gaps in a channel's generic rows, not in rows for a product.)
func gappyTable(t *testing.T) *policy.Table {
	t.Helper()
	y2020, y2021, y2022, y2023 := utc(2020, 1, 1, 0, 0), utc(2021, 1, 1, 0, 0), utc(2022, 1, 1, 0, 0), utc(2023, 1, 1, 0, 0)
	annual := row(t, policy.DirectMOSA, y2020, y2021)
	annual.Terms, annual.Products = policy.TermsOf(policy.Annual), []policy.Product{"p"}
	later := row(t, policy.DirectMOSA, y2022, y2023)
	later.Terms, later.Products = policy.TermsOf(policy.Annual), []policy.Product{"p"}
	gappy, err := policy.NewTable([]policy.Row{annual, later})
	if err != nil {
		t.Fatal(err)
	}
	return gappy
}

// row returns a valid row of channel c during [from, until).
func row(t *testing.T, c policy.Channel, from, until time.Time) policy.Row {
	t.Helper()
	r := mosa(t)
	r.Channel = c
	return policy.Row{Channel: c, From: from, Until: until, Rules: r}
}

func TestNewTableErrors(t *testing.T) {
	y2020, y2022, y2024 := utc(2020, 1, 1, 0, 0), utc(2022, 1, 1, 0, 0), utc(2024, 1, 1, 0, 0)
	tests := []struct {
		name   string
		rows   func(t *testing.T) []policy.Row
		want   []string // Field of each error
		reason string
	}{
		{"adjacent periods", func(t *testing.T) []policy.Row {
			return []policy.Row{row(t, policy.DirectMOSA, y2020, y2022), row(t, policy.DirectMOSA, y2022, time.Time{})}
		}, nil, "[2020, 2022) and [2022, …) share no instant"},
		{"overlapping periods", func(t *testing.T) []policy.Row {
			return []policy.Row{row(t, policy.DirectMOSA, y2020, y2024), row(t, policy.DirectMOSA, y2022, time.Time{})}
		}, []string{"rows[1]"}, "two generic rows in force in 2023"},
		{"same period twice", func(t *testing.T) []policy.Row {
			return []policy.Row{row(t, policy.DirectMOSA, y2020, time.Time{}), row(t, policy.DirectMOSA, y2020, time.Time{})}
		}, []string{"rows[1]"}, "a duplicate row"},
		{"different channels", func(t *testing.T) []policy.Row {
			return []policy.Row{row(t, policy.DirectMOSA, y2020, time.Time{}), row(t, policy.DirectMCA, y2020, time.Time{})}
		}, nil, "rows of different channels never overlap"},
		{"disjoint terms", func(t *testing.T) []policy.Row {
			a, b := row(t, policy.Enterprise, y2020, time.Time{}), row(t, policy.Enterprise, y2020, time.Time{})
			a.Terms, b.Terms = policy.TermsOf(policy.Monthly, policy.Annual), policy.TermsOf(policy.MultiYear)
			return []policy.Row{a, b}
		}, nil, "enterprise splits its terms (§1.1 rows 4–6)"},
		{"shared term", func(t *testing.T) []policy.Row {
			a, b := row(t, policy.Enterprise, y2020, time.Time{}), row(t, policy.Enterprise, y2020, time.Time{})
			a.Terms, b.Terms = policy.TermsOf(policy.Monthly, policy.Annual), policy.TermsOf(policy.Annual)
			return []policy.Row{a, b}
		}, []string{"rows[1]"}, "both rows answer annual"},
		{"product row over a generic row", func(t *testing.T) []policy.Row {
			a, b := row(t, policy.VolumeLicensing, y2020, time.Time{}), row(t, policy.VolumeLicensing, y2020, time.Time{})
			b.Products = []policy.Product{policy.Copilot}
			return []policy.Row{a, b}
		}, nil, "a more specific row is not an overlap"},
		{"same product twice", func(t *testing.T) []policy.Row {
			a, b := row(t, policy.VolumeLicensing, y2020, time.Time{}), row(t, policy.VolumeLicensing, y2022, time.Time{})
			a.Products = []policy.Product{policy.Copilot, policy.PowerBIPremiumP}
			b.Products = []policy.Product{policy.PowerBIPremiumP}
			return []policy.Row{a, b}
		}, []string{"rows[1]"}, "both answer Power BI Premium P from 2022"},
		{"same country twice", func(t *testing.T) []policy.Row {
			a, b := row(t, policy.CSPNewCommerce, y2020, time.Time{}), row(t, policy.CSPNewCommerce, y2022, y2024)
			a.Countries, b.Countries = []string{"CN"}, []string{"DE", "CN"}
			return []policy.Row{a, b}
		}, []string{"rows[1]"}, "both answer CN in 2022"},
		{"different offers", func(t *testing.T) []policy.Row {
			a, b := row(t, policy.CSPNewCommerce, y2020, time.Time{}), row(t, policy.CSPNewCommerce, y2020, time.Time{})
			a.Offers, b.Offers = []string{"o-1"}, []string{"o-2"}
			return []policy.Row{a, b}
		}, nil, "disjoint offers"},
		{"invalid scope names", func(t *testing.T) []policy.Row {
			a := row(t, policy.CSPNewCommerce, y2020, time.Time{})
			a.Products, a.Offers, a.Countries = []policy.Product{""}, []string{""}, []string{"cn"}
			return []policy.Row{a}
		}, []string{"rows[0].Products", "rows[0].Offers", "rows[0].Countries"}, "empty names and a lower-case country"},
		{"channel differs from rules", func(t *testing.T) []policy.Row {
			a := row(t, policy.CSPNewCommerce, y2020, time.Time{})
			a.Rules.Channel = policy.CSPLegacy
			return []policy.Row{a}
		}, []string{"rows[0].Channel"}, "Row.Channel must equal Rules.Channel"},
		{"no from, until before from, invalid rules", func(t *testing.T) []policy.Row {
			a := row(t, policy.DirectMOSA, time.Time{}, time.Time{})
			b := row(t, policy.DirectMCA, y2022, y2020)
			b.Rules.ExpiredDays = -1
			return []policy.Row{a, b}
		}, []string{"rows[0].From", "rows[1].Rules.ExpiredDays", "rows[1].Until"}, "every problem at once"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := policy.NewTable(tt.rows(t))
			if diff := cmp.Diff(tt.want, fieldsOf(t, err)); diff != "" {
				t.Errorf("NewTable() error fields mismatch (-want +got): %s\n%s", tt.reason, diff)
			}
		})
	}
}

func TestNewTableOverlapMessage(t *testing.T) {
	_, err := policy.NewTable([]policy.Row{row(t, policy.DirectMOSA, utc(2020, 1, 1, 0, 0), utc(2024, 1, 1, 0, 0)), row(t, policy.DirectMOSA, utc(2022, 1, 1, 0, 0), time.Time{})})
	want := `policy: rows[1] = "direct-mosa any [] [2022-01-01, open)": overlaps rows[0] (direct-mosa any [] [2020-01-01, 2024-01-01)) for the same channel, terms, products, offers and countries`
	if err == nil || err.Error() != want {
		t.Errorf("NewTable() error = %v, want %s", err, want)
	}
}

func TestLookupBuiltin(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return utc(y, m, d, 0, 0) }
	ns := time.Nanosecond
	tests := []struct {
		name        string
		key         policy.Key
		at          time.Time
		wantVersion string
		wantExpired int
		reason      string
	}{
		{"MOSA today", policy.Key{Channel: policy.DirectMOSA, Term: policy.Annual}, day(2026, 3, 31), "2025-02", 30, "§1.1 row 1"},
		{"MOSA just before 2025-02-06", policy.Key{Channel: policy.DirectMOSA, Term: policy.Monthly}, day(2025, 2, 6).Add(-ns), "2023-01", 30, "Until is exclusive"},
		{"MOSA at 2025-02-06", policy.Key{Channel: policy.DirectMOSA, Term: policy.Monthly}, day(2025, 2, 6), "2025-02", 30, "From is inclusive"},
		{"MOSA at 2025-02-06 in another zone", policy.Key{Channel: policy.DirectMOSA, Term: policy.Monthly}, day(2025, 2, 6).In(zones[1]), "2025-02", 30, "instants, not wall clocks"},
		{"MCA just before 2026-02-09", policy.Key{Channel: policy.DirectMCA, Term: policy.Annual}, day(2026, 2, 9).Add(-ns), "2024-09", 30, "§1.1 row 2"},
		{"MCA at 2026-02-09", policy.Key{Channel: policy.DirectMCA, Term: policy.Annual}, day(2026, 2, 9), "2025-12", 0, "§1.1 row 3: no Expired state (R-LC-13)"},
		{"MCA just after 2026-02-09", policy.Key{Channel: policy.DirectMCA, Term: policy.Annual}, day(2026, 2, 9).Add(ns), "2025-12", 0, "R-LC-13"},
		{"enterprise monthly", policy.Key{Channel: policy.Enterprise, Term: policy.Monthly}, day(2026, 1, 1), "2024-03", 30, "§1.1 row 4"},
		{"enterprise multi-year", policy.Key{Channel: policy.Enterprise, Term: policy.MultiYear}, day(2026, 1, 1), "2024-03", 90, "§1.1 row 6: the term row wins"},
		{"VL generic", policy.Key{Channel: policy.VolumeLicensing, Term: policy.Annual}, day(2026, 1, 1), "2025-02", 90, "§1.1 row 7"},
		{"VL Copilot", policy.Key{Channel: policy.VolumeLicensing, Term: policy.Annual, Product: policy.Copilot}, day(2026, 1, 1), "2025-02-copilot", 30,
			"§1.1 row 7a: the product row wins over the generic one"},
		{"VL Power BI Premium P", policy.Key{Channel: policy.VolumeLicensing, Term: policy.Annual, Product: policy.PowerBIPremiumP}, day(2025, 2, 6), "2025-02-copilot", 30, "C-24"},
		{"VL Copilot before its row", policy.Key{Channel: policy.VolumeLicensing, Term: policy.Annual, Product: policy.Copilot}, day(2025, 2, 6).Add(-ns), "2024-03", 90,
			"before 2025-02-06 the generic row answers"},
		{"VL other product", policy.Key{Channel: policy.VolumeLicensing, Term: policy.Annual, Product: "visio-plan-2"}, day(2026, 1, 1), "2025-02", 90, "no row of its own"},
		{"VL with an unscoped offer and country", policy.Key{Channel: policy.VolumeLicensing, Term: policy.Annual, Offer: "x", Country: "DE"}, day(2026, 1, 1), "2025-02", 90,
			"a key's offer and country match generic rows"},
		{"CSP NCE at launch", policy.Key{Channel: policy.CSPNewCommerce, Term: policy.Monthly}, day(2022, 2, 28), "2022-01", 30, "R-CAN-14: 72 hours at NCE launch"},
		{"CSP legacy", policy.Key{Channel: policy.CSPLegacy, Term: policy.Annual}, day(2020, 1, 1), "2023-08", 0, "§1.1 row 10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := policy.Builtin().Lookup(tt.key, tt.at)
			if err != nil {
				t.Fatalf("Lookup(%v, %v) error: %v", tt.key, tt.at, err)
			}
			got := struct {
				Version string
				Expired int
			}{r.Version, r.ExpiredDays}
			want := struct {
				Version string
				Expired int
			}{tt.wantVersion, tt.wantExpired}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Lookup(%v, %v) mismatch (-want +got): %s\n%s", tt.key, tt.at, tt.reason, diff)
			}
		})
	}
}

func TestLookupSpecificity(t *testing.T) {
	from := utc(2020, 1, 1, 0, 0)
	mk := func(label string, edit func(*policy.Row)) policy.Row {
		r := row(t, policy.CSPNewCommerce, from, time.Time{})
		r.Rules.Version = label
		edit(&r)
		return r
	}
	tbl, err := policy.NewTable([]policy.Row{
		mk("generic", func(*policy.Row) {}),
		mk("annual", func(r *policy.Row) { r.Terms = policy.TermsOf(policy.Annual) }),
		mk("product", func(r *policy.Row) { r.Products = []policy.Product{"p"} }),
		mk("country", func(r *policy.Row) { r.Countries = []string{"CN"} }),
		mk("country+product", func(r *policy.Row) { r.Countries, r.Products = []string{"CN"}, []policy.Product{"p"} }),
		mk("offer", func(r *policy.Row) { r.Offers = []string{"o"} }),
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		key    policy.Key
		want   string
		reason string
	}{
		{policy.Key{Term: policy.Monthly}, "generic", "nothing more specific matches"},
		{policy.Key{Term: policy.Annual}, "annual", "named terms beat any term"},
		{policy.Key{Term: policy.Annual, Product: "p"}, "product", "a product beats terms"},
		{policy.Key{Term: policy.Monthly, Product: "q"}, "generic", "another product has no row"},
		{policy.Key{Term: policy.Monthly, Country: "CN"}, "country", "a country beats terms"},
		{policy.Key{Term: policy.Monthly, Country: "CN", Product: "p"}, "country+product", "two dimensions beat one"},
		{policy.Key{Term: policy.Monthly, Country: "CN", Product: "p", Offer: "o"}, "offer", "an offer beats a country and a product"},
		{policy.Key{Term: policy.Monthly, Offer: "other"}, "generic", "another offer has no row"},
	}
	for _, tt := range tests {
		tt.key.Channel = policy.CSPNewCommerce
		r, err := tbl.Lookup(tt.key, from)
		if err != nil || r.Version != tt.want {
			t.Errorf("Lookup(%v) = %q, %v; want %q: %s", tt.key, r.Version, err, tt.want, tt.reason)
		}
	}
}

func TestLookupErrors(t *testing.T) {
	y2020, y2023 := utc(2020, 1, 1, 0, 0), utc(2023, 1, 1, 0, 0)
	gappy := gappyTable(t)
	var nilTable *policy.Table
	tests := []struct {
		name      string
		tbl       *policy.Table
		key       policy.Key
		at        time.Time
		wantRule  bool // ErrNoRule, else ErrInvalid
		wantWords string
	}{
		{"before the first rule", policy.Builtin(), policy.Key{Channel: policy.CSPLegacy, Term: policy.Annual}, utc(2015, 12, 31, 23, 59), true,
			"before the first documented rule, in force from 2016-01-01"},
		{"in a gap", gappy, policy.Key{Channel: policy.DirectMOSA, Term: policy.Annual, Product: "p"}, utc(2021, 6, 1, 0, 0), true, "in a gap between documented rules"},
		{"at the end", gappy, policy.Key{Channel: policy.DirectMOSA, Term: policy.Annual, Product: "p"}, y2023, true, "after the last documented rule, in force until 2023-01-01"},
		{"term without rows", gappy, policy.Key{Channel: policy.DirectMOSA, Term: policy.Monthly}, y2020, true, "no row for channel direct-mosa with term monthly"},
		{"channel without rows", gappy, policy.Key{Channel: policy.CSPLegacy, Term: policy.Annual}, y2020, true, "no row for channel csp-legacy"},
		{"nil table", nilTable, policy.Key{Channel: policy.CSPLegacy, Term: policy.Annual}, y2020, true, "the table is nil"},
		{"invalid channel", policy.Builtin(), policy.Key{Term: policy.Annual}, y2020, false, `Key.Channel = "%!Channel(0)"`},
		{"invalid term", policy.Builtin(), policy.Key{Channel: policy.CSPLegacy, Term: 7}, y2020, false, `Key.Term = "%!Term(7)"`},
		{"lower-case country", policy.Builtin(), policy.Key{Channel: policy.CSPLegacy, Term: policy.Annual, Country: "cn"}, y2020, false, `Key.Country = "cn"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.tbl.Lookup(tt.key, tt.at)
			want := policy.ErrInvalid
			if tt.wantRule {
				want = policy.ErrNoRule
			}
			if !errors.Is(err, want) || !strings.Contains(err.Error(), tt.wantWords) {
				t.Errorf("Lookup(%v, %v) error = %v, want %v containing %q", tt.key, tt.at, err, want, tt.wantWords)
			}
			var nr *policy.NoRuleError
			if tt.wantRule && (!errors.As(err, &nr) || nr.Key != tt.key || !nr.At.Equal(tt.at)) {
				t.Errorf("Lookup error %v is not a *NoRuleError for the key and instant", err)
			}
		})
	}
}

func TestLookupAllocatesNothing(t *testing.T) {
	layered := withOverrides(t, "testdata/21vianet.json")
	keys := []policy.Key{
		{Channel: policy.VolumeLicensing, Term: policy.Annual, Product: policy.Copilot},
		{Channel: policy.CSPNewCommerce, Term: policy.Annual, Country: "CN", Offer: "x"},
	}
	at := utc(2026, 3, 31, 0, 0)
	for _, tbl := range []*policy.Table{policy.Builtin(), layered} {
		for _, k := range keys {
			if n := testing.AllocsPerRun(100, func() { _, _ = tbl.Lookup(k, at) }); n != 0 {
				t.Errorf("%s Lookup(%v) allocates %v times, want 0", tbl.Name(), k, n)
			}
		}
	}
}

func TestKeyString(t *testing.T) {
	tests := []struct {
		key  policy.Key
		want string
	}{
		{policy.Key{Channel: policy.DirectMOSA, Term: policy.Annual}, "direct-mosa/annual/-"},
		{policy.Key{Channel: policy.VolumeLicensing, Term: policy.MultiYear, Product: policy.Copilot}, "volume-licensing/multi-year/microsoft-365-copilot"},
		{policy.Key{Channel: policy.CSPNewCommerce, Term: policy.Monthly, Offer: "o", Country: "CN"}, "csp-nce/monthly/-/offer=o/country=CN"},
		{policy.Key{}, "%!Channel(0)/%!Term(0)/-"},
	}
	for _, tt := range tests {
		if got := tt.key.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}
