package policy_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/lapse-go/lapse/policy"
)

var (
	y2026 = utc(2026, 3, 31, 0, 0)
	cite  = policy.Citation{Rules: "R-TEST", Sources: "[TEST]"}
)

// override returns an override row of channel c from 2025-02-06 setting
// the fields set to the values edit puts in Rules.
func override(c policy.Channel, set []string, edit func(r *policy.Row)) policy.Override {
	o := policy.Override{Row: policy.Row{Channel: c, From: utc(2025, 2, 6, 0, 0), Rules: policy.Rules{Cite: cite}}, Set: set}
	if edit != nil {
		edit(&o.Row)
	}
	return o
}

func mustLayer(t *testing.T, name string, rows ...policy.Override) *policy.Layer {
	t.Helper()
	l, err := policy.NewLayer(name, rows)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func mustWith(t *testing.T, base *policy.Table, layers ...*policy.Layer) *policy.Table {
	t.Helper()
	tbl, err := base.With(layers...)
	if err != nil {
		t.Fatal(err)
	}
	return tbl
}

func TestOverridesFiles(t *testing.T) {
	vianet := withOverrides(t, "testdata/21vianet.json")
	reseller := withOverrides(t, "testdata/reseller-copilot.json")
	tests := []struct {
		name   string
		tbl    *policy.Table
		key    policy.Key
		at     time.Time
		get    func(policy.Rules) int
		want   int
		reason string
	}{
		{"21Vianet NCE suspension", vianet, policy.Key{Channel: policy.CSPNewCommerce, Term: policy.Annual, Country: "CN"}, y2026,
			func(r policy.Rules) int { return r.Suspension.MaxDays }, 60, "the CN row sets 60 days"},
		{"NCE elsewhere", vianet, policy.Key{Channel: policy.CSPNewCommerce, Term: policy.Annual, Country: "DE"}, y2026,
			func(r policy.Rules) int { return r.Suspension.MaxDays }, 0, "the built-in NCE has no limit"},
		{"21Vianet legacy suspension", vianet, policy.Key{Channel: policy.CSPLegacy, Term: policy.Monthly, Country: "CN"}, utc(2016, 1, 1, 0, 0),
			func(r policy.Rules) int { return r.Suspension.MaxDays }, 60, "from the first legacy rule"},
		{"legacy elsewhere", vianet, policy.Key{Channel: policy.CSPLegacy, Term: policy.Monthly}, y2026,
			func(r policy.Rules) int { return r.Suspension.MaxDays }, 90, "§1.1 row 10"},
		{"21Vianet keeps the rest", vianet, policy.Key{Channel: policy.CSPNewCommerce, Term: policy.Annual, Country: "CN"}, y2026,
			func(r policy.Rules) int { return r.DisabledDays }, 90, "only suspension.max is overridden"},
		{"reseller offer grace", reseller, policy.Key{Channel: policy.VolumeLicensing, Term: policy.Annual, Offer: "contoso-copilot-vl"}, y2026,
			func(r policy.Rules) int { return r.ExpiredDays }, 30, "30-day grace for the reseller's Copilot offer"},
		{"reseller offer keeps Disabled", reseller, policy.Key{Channel: policy.VolumeLicensing, Term: policy.Annual, Offer: "contoso-copilot-vl"}, y2026,
			func(r policy.Rules) int { return r.DisabledDays }, 60, "VL's 60 days (§1.1 row 7)"},
		{"VL other offers", reseller, policy.Key{Channel: policy.VolumeLicensing, Term: policy.Annual, Offer: "other"}, y2026,
			func(r policy.Rules) int { return r.ExpiredDays }, 90, "§1.1 row 7"},
		{"reseller offer before its row", reseller, policy.Key{Channel: policy.VolumeLicensing, Term: policy.Annual, Offer: "contoso-copilot-vl"}, utc(2025, 2, 6, 0, 0).Add(-time.Nanosecond),
			func(r policy.Rules) int { return r.ExpiredDays }, 90, "the override is effective-dated too"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := tt.tbl.Lookup(tt.key, tt.at)
			if err != nil {
				t.Fatal(err)
			}
			if got := tt.get(r); got != tt.want {
				t.Errorf("Lookup(%v) = %d, want %d: %s", tt.key, got, tt.want, tt.reason)
			}
		})
	}
}

func TestEffective(t *testing.T) {
	tbl := withOverrides(t, "testdata/21vianet.json")
	k := policy.Key{Channel: policy.CSPNewCommerce, Term: policy.Annual, Country: "CN"}
	e, err := tbl.Effective(k, y2026)
	if err != nil {
		t.Fatal(err)
	}
	r, _ := tbl.Lookup(k, y2026)
	if diff := cmp.Diff(r, e.Rules); diff != "" {
		t.Errorf("Effective().Rules differs from Lookup (-want +got):\n%s", diff)
	}
	from := map[string]string{}
	for _, v := range e.Values {
		from[v.Path] = e.Sources[v.Source].Layer + " " + v.JSON
	}
	want := map[string]string{
		"suspension.max":      `21vianet {"days": 60}`,
		"suspension.disabled": `builtin {"days": 30}`,
		"expired":             `builtin {"days": 30}`,
		"cancel.window":       `builtin {"kind": "after-start", "length": 168, "unit": "hours", "inclusive": true, "retroactive": true}`,
	}
	for path, w := range want {
		if from[path] != w {
			t.Errorf("Effective value %s = %q, want %q", path, from[path], w)
		}
	}
	if len(e.Values) != len(policy.FieldPaths()) {
		t.Errorf("Effective has %d values, want one per field (%d)", len(e.Values), len(policy.FieldPaths()))
	}
	wantSources := []policy.Source{
		{Layer: "builtin", Row: 18, Version: "2023-10", From: utc(2022, 3, 1, 0, 0), Cite: policy.Builtin().Rows()[18].Rules.Cite},
		{Layer: "21vianet", Row: 0, Override: true, Version: "21vianet-2024", From: utc(2022, 1, 1, 0, 0), Cite: tbl.Layers()[0].Overrides()[0].Rules.Cite},
	}
	if diff := cmp.Diff(wantSources, e.Sources); diff != "" {
		t.Errorf("Effective().Sources mismatch (-want +got):\n%s", diff)
	}
	if e.Rules.Version != "21vianet-2024" || e.Rules.Cite != wantSources[1].Cite {
		t.Errorf("Rules.Version, Cite = %q, %v; want the override's", e.Rules.Version, e.Rules.Cite)
	}
	if _, err := tbl.Effective(policy.Key{Channel: policy.CSPLegacy, Term: policy.Annual}, utc(2000, 1, 1, 0, 0)); !errors.Is(err, policy.ErrNoRule) {
		t.Errorf("Effective before any rule = %v, want ErrNoRule", err)
	}
	if _, err := tbl.Effective(policy.Key{}, y2026); !errors.Is(err, policy.ErrInvalid) {
		t.Errorf("Effective(zero key) = %v, want ErrInvalid", err)
	}
}

func TestLayerCascade(t *testing.T) {
	vl := policy.VolumeLicensing
	generic := override(vl, []string{"expired", "disabled"}, func(r *policy.Row) { r.Rules.ExpiredDays, r.Rules.DisabledDays = 10, 11 })
	product := override(vl, []string{"expired"}, func(r *policy.Row) {
		r.Products = []policy.Product{policy.Copilot}
		r.Rules.ExpiredDays = 20
		r.Rules.Version = "product-override"
	})
	offer := override(vl, []string{"expired"}, func(r *policy.Row) { r.Offers = []string{"o"}; r.Rules.ExpiredDays = 30 })
	first := mustLayer(t, "first", offer, product, generic) // order in the layer does not matter
	second := mustLayer(t, "second", override(vl, []string{"disabled"}, func(r *policy.Row) {
		r.Products = []policy.Product{policy.Copilot}
		r.Rules.DisabledDays = 40
	}))
	tbl := mustWith(t, policy.Builtin(), first, second)
	tests := []struct {
		name           string
		key            policy.Key
		expired, disab int
		version        string
		reason         string
	}{
		{"generic", policy.Key{Term: policy.Annual}, 10, 11, "2025-02", "the generic override applies; the version stays"},
		{"product", policy.Key{Term: policy.Annual, Product: policy.Copilot}, 20, 40, "product-override",
			"the product row refines the generic one; the second layer sets Disabled"},
		{"offer and product", policy.Key{Term: policy.Annual, Product: policy.Copilot, Offer: "o"}, 30, 40, "product-override",
			"the offer row applies last within its layer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.key.Channel = vl
			r, err := tbl.Lookup(tt.key, y2026)
			if err != nil {
				t.Fatal(err)
			}
			got := []any{r.ExpiredDays, r.DisabledDays, r.Version}
			if diff := cmp.Diff([]any{tt.expired, tt.disab, tt.version}, got); diff != "" {
				t.Errorf("Lookup(%v) mismatch (-want +got): %s\n%s", tt.key, tt.reason, diff)
			}
		})
	}
	e, err := tbl.Effective(policy.Key{Channel: vl, Term: policy.Annual, Product: policy.Copilot, Offer: "o"}, y2026)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range e.Sources {
		got = append(got, s.Layer)
	}
	if diff := cmp.Diff([]string{"builtin", "first", "first", "first", "second"}, got); diff != "" {
		t.Errorf("Sources mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]*policy.Layer{first, second}, tbl.Layers(), cmp.Comparer(func(a, b *policy.Layer) bool { return a == b })); diff != "" {
		t.Errorf("Layers() mismatch (-want +got):\n%s", diff)
	}
	if tbl.Base().Layers() != nil || policy.Builtin().Base() != policy.Builtin() {
		t.Error("Base() keeps layers")
	}
	if r, _ := tbl.Base().Lookup(policy.Key{Channel: vl, Term: policy.Annual}, y2026); r.ExpiredDays != 90 {
		t.Errorf("Base().Lookup = %d, want the built-in 90", r.ExpiredDays)
	}
	if r, _ := policy.Builtin().Lookup(policy.Key{Channel: vl, Term: policy.Annual}, y2026); r.ExpiredDays != 90 {
		t.Error("With changed the built-in table")
	}
}

func TestNewLayerErrors(t *testing.T) {
	c := policy.CSPNewCommerce
	tests := []struct {
		name   string
		layer  string
		rows   []policy.Override
		want   []string
		reason string
	}{
		{"no name", "", []policy.Override{override(c, []string{"expired"}, nil)}, []string{"name"}, "effective values name their layer"},
		{"no field", "l", []policy.Override{override(c, nil, nil)}, []string{"rows[0]"}, "an override sets something"},
		{"unknown field", "l", []policy.Override{override(c, []string{"ExpiredDays"}, nil)}, []string{"rows[0]"}, "JSON paths, not Go names"},
		{"field twice", "l", []policy.Override{override(c, []string{"expired", "expired"}, nil)}, []string{"rows[0]"}, "once"},
		{"invalid value", "l", []policy.Override{override(c, []string{"expired", "cancel.window"}, func(r *policy.Row) {
			r.Rules.ExpiredDays = -1
			r.Rules.Cancel.Window = policy.Window{Kind: policy.AfterStart, Length: 7}
		})}, []string{"rows[0].expired", "rows[0].cancel.window"}, "values are checked on their own"},
		{"no citation", "l", []policy.Override{override(c, []string{"expired"}, func(r *policy.Row) { r.Rules.Cite = policy.Citation{} })},
			[]string{"rows[0].cite.rules", "rows[0].cite.sources"}, "every row cites"},
		{"bad scope and period", "l", []policy.Override{override(0, []string{"expired"}, func(r *policy.Row) {
			r.From, r.Until = utc(2025, 1, 1, 0, 0), utc(2024, 1, 1, 0, 0)
			r.Countries = []string{"China"}
		})}, []string{"rows[0].channel", "rows[0].until", "rows[0].countries"}, "channel, dates and scope"},
		{"no from", "l", []policy.Override{override(c, []string{"expired"}, func(r *policy.Row) { r.From = time.Time{} })}, []string{"rows[0].from"}, "from is required"},
		{"rules for another channel", "l", []policy.Override{override(c, []string{"expired"}, func(r *policy.Row) { r.Rules.Channel = policy.CSPLegacy })},
			[]string{"rows[0].channel"}, "Rules.Channel is zero or the row's"},
		{"overlap", "l", []policy.Override{
			override(c, []string{"expired"}, func(r *policy.Row) { r.Countries = []string{"CN"} }),
			override(c, []string{"disabled"}, func(r *policy.Row) { r.Countries = []string{"CN", "HK"}; r.From = utc(2026, 1, 1, 0, 0) }),
		}, []string{"rows[1]"}, "two CN rows in force in 2026"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := policy.NewLayer(tt.layer, tt.rows)
			if diff := cmp.Diff(tt.want, fieldsOf(t, err)); diff != "" {
				t.Errorf("NewLayer() error fields mismatch (-want +got): %s\n%s", tt.reason, diff)
			}
		})
	}
}

func TestWithErrors(t *testing.T) {
	tests := []struct {
		name   string
		rows   []policy.Override
		want   []string
		words  string
		reason string
	}{
		{"open window without effect", []policy.Override{override(policy.VolumeLicensing, []string{"cancel.window"}, func(r *policy.Row) {
			r.Rules.Cancel.Window = policy.Window{Kind: policy.AfterStart, Length: 7, Unit: policy.Days, Inclusive: true}
		})}, []string{`layer "l" rows[0].cancel.effect`}, "not a valid CancelEffect, in the rules for volume-licensing/monthly/- at 2025-02-06",
			"VL's cancellation effect is null (R-REN-4); opening its window needs one (C-7)"},
		{"before the base", []policy.Override{override(policy.CSPLegacy, []string{"expired"}, func(r *policy.Row) { r.From = utc(2015, 1, 1, 0, 0) })},
			[]string{`layer "l" rows[0].from`}, "where builtin has no rule (before the first documented rule, in force from 2016-01-01); start it later",
			"an override does not supply rules where the base has none"},
		{"purge bounds", []policy.Override{override(policy.DirectMOSA, []string{"purge.cancelNotBefore"}, func(r *policy.Row) { r.Rules.Purge.CancelNotBeforeDays = 200 })},
			[]string{`layer "l" rows[0].purge.cancelDeadline`}, "must not precede Purge.CancelNotBeforeDays (200)", "DC-7: not-before 200 exceeds the deadline 180"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := policy.Builtin().With(mustLayer(t, "l", tt.rows...))
			if diff := cmp.Diff(tt.want, fieldsOf(t, err)); diff != "" {
				t.Errorf("With() error fields mismatch (-want +got): %s\n%s", tt.reason, diff)
			}
			if err == nil || !strings.Contains(err.Error(), tt.words) {
				t.Errorf("With() error = %v, want it to say %q", err, tt.words)
			}
		})
	}
	var nilTable *policy.Table
	if _, err := nilTable.With(); !errors.Is(err, policy.ErrInvalid) {
		t.Errorf("nil.With() = %v", err)
	}
	if _, err := policy.Builtin().With(nil); !errors.Is(err, policy.ErrInvalid) {
		t.Errorf("With(nil) = %v", err)
	}
}

func TestOverridesFileErrors(t *testing.T) {
	row := func(fields string) string {
		return `{"channel": "csp-nce", "countries": ["CN"], "from": "2022-01-01", "cite": {"rules": "R", "sources": "S"}` + fields + `}`
	}
	tests := []struct {
		name   string
		in     string
		want   []problem
		reason string
	}{
		{"valid", fileWith("overrides", row(`, "suspension": {"max": {"days": 60}}`)), nil, "one field"},
		{"no name", strings.Replace(fileWith("overrides", row(`, "expired": {"days": 1}`)), `"name": "t", `, "", 1),
			[]problem{{"1:1", "name", "", "missing: an overrides file names its layer"}}, "layers are named"},
		{"no field", fileWith("overrides", row(``)), []problem{{"1:74", "rows[0]", "", "an override row sets at least one rule field"}}, "a row changes something"},
		{"invalid merge", fileWith("overrides", row(`, "suspension": {"allowed": true, "atTermEnd": null}`)),
			[]problem{{"", "rows[0].suspension.atTermEnd", "null", "not a valid SuspendedAtTermEnd, in the rules for csp-nce/monthly/-/country=CN at 2022-01-01T00:00:00Z (builtin rows[17] with the overrides applied)"}},
			"C-8 must be chosen once suspension is allowed"},
		{"before the base", fileWith("overrides", strings.Replace(row(`, "expired": {"days": 1}`), "2022-01-01", "2021-01-01", 1)),
			[]problem{{"", "rows[0].from", `"2021-01-01"`, "where builtin has no rule (before the first documented rule, in force from 2022-01-01)"}}, "NCE starts in 2022"},
		{"overlap", fileWith("overrides", row(`, "expired": {"days": 1}`)+","+row(`, "disabled": {"days": 1}`)),
			[]problem{{"", "rows[1]", `"csp-nce any [] countries [CN] [2022-01-01, open)"`, "overlaps rows[0]"}}, "one row per key and period"},
		{"decode problems", fileWith("overrides", row(`, "expired": {"days": -1}, "bogus": 1`)),
			[]problem{{"", "rows[0].expired.days", "-1", "must not be negative"}, {"", "rows[0].bogus", `"bogus"`, "unknown field"}}, "as in table files"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := policy.ParseJSON([]byte(tt.in), policy.LoadOptions{})
			anyPos := cmp.Comparer(func(a, b problem) bool {
				return (a.Pos == "" || b.Pos == "" || a.Pos == b.Pos) && a.Field == b.Field && a.Value == b.Value &&
					(strings.Contains(a.Reason, b.Reason) || strings.Contains(b.Reason, a.Reason))
			})
			if diff := cmp.Diff(tt.want, problemsOf(t, err), anyPos); diff != "" {
				t.Errorf("ParseJSON() problems mismatch (-want +got): %s\n%s", tt.reason, diff)
			}
		})
	}
}

func TestOverridesOnAnotherBase(t *testing.T) {
	base := mustWith(t, policy.Builtin(), mustLayer(t, "first", override(policy.CSPNewCommerce, []string{"expired"}, func(r *policy.Row) { r.Rules.ExpiredDays = 5 })))
	in := fileWith("overrides", `{"channel": "csp-nce", "from": "2025-02-06", "cite": {"rules": "R", "sources": "S"}, "disabled": {"days": 6}}`)
	tbl, err := policy.ParseJSON([]byte(in), policy.LoadOptions{Base: base})
	if err != nil {
		t.Fatal(err)
	}
	r, _ := tbl.Lookup(policy.Key{Channel: policy.CSPNewCommerce, Term: policy.Annual}, y2026)
	if r.ExpiredDays != 5 || r.DisabledDays != 6 {
		t.Errorf("Expired, Disabled = %d, %d; want 5 from the base's layer and 6 from the file", r.ExpiredDays, r.DisabledDays)
	}
	var names []string
	for _, l := range tbl.Layers() {
		names = append(names, l.Name())
	}
	if diff := cmp.Diff([]string{"first", "t"}, names); diff != "" {
		t.Errorf("layer names mismatch (-want +got):\n%s", diff)
	}
}

func TestLayerWriteJSONRoundTrip(t *testing.T) {
	for _, name := range []string{"testdata/21vianet.json", "testdata/reseller-copilot.json"} {
		tbl := withOverrides(t, name)
		l := tbl.Layers()[0]
		var b bytes.Buffer
		if err := l.WriteJSON(&b); err != nil {
			t.Fatal(err)
		}
		back, err := policy.ParseJSON(b.Bytes(), policy.LoadOptions{})
		if err != nil {
			t.Fatalf("%s: reading what Layer.WriteJSON wrote: %v\n%s", name, err, b.String())
		}
		if diff := cmp.Diff(l.Overrides(), back.Layers()[0].Overrides()); diff != "" {
			t.Errorf("%s: round trip mismatch (-want +got):\n%s", name, diff)
		}
	}
	var nilLayer *policy.Layer
	if err := nilLayer.WriteJSON(&bytes.Buffer{}); err == nil {
		t.Error("nil.WriteJSON() = nil")
	}
}

// TestLayerOverridesNormalizes: Rules holds only the fields set, and Set
// keeps the order given (issue 12, defect 9: it was sorted into the order
// of FieldPaths).
func TestLayerOverridesNormalizes(t *testing.T) {
	o := override(policy.CSPNewCommerce, []string{"disabled", "expired"}, func(r *policy.Row) {
		r.Rules.ExpiredDays, r.Rules.DisabledDays, r.Rules.DisabledUntilTermEnd = 1, 2, true
	})
	got := mustLayer(t, "l", o).Overrides()[0]
	want := policy.Override{
		Row: policy.Row{Channel: policy.CSPNewCommerce, From: o.From, Rules: policy.Rules{Channel: policy.CSPNewCommerce, Cite: cite, ExpiredDays: 1, DisabledDays: 2}},
		Set: []string{"disabled", "expired"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Overrides() mismatch (-want +got):\n%s", diff)
	}
}

// TestDefect9_OverridesSetInFileOrder: a loaded layer's Set is in the
// order of the file, and NewLayer's in the order given with each group
// gathered where its first field is, the order WriteJSON writes and a
// file can hold (issue 12, defect 9: Set was in the order of FieldPaths).
func TestDefect9_OverridesSetInFileOrder(t *testing.T) {
	file := fileWith("overrides", `{"channel": "csp-nce", "from": "2022-01-01", "cite": {"rules": "R", "sources": "S"},
		"suspension": {"max": {"days": 60}, "allowed": true}, "disabled": {"days": 5}, "cancel": {"online": {"max": 0}, "prorated": true}, "expired": {"days": 30}}`)
	tbl, err := policy.ParseJSON([]byte(file), policy.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"suspension.max", "suspension.allowed", "disabled", "cancel.online.max", "cancel.prorated", "expired"}
	if diff := cmp.Diff(want, tbl.Layers()[0].Overrides()[0].Set); diff != "" {
		t.Errorf("Set of a loaded layer mismatch (-want +got):\n%s", diff)
	}

	o := override(policy.CSPNewCommerce, []string{"suspension.max", "expired", "cancel.prorated", "suspension.allowed", "cancel.online.max"}, func(r *policy.Row) {
		r.Rules.Suspension.MaxDays, r.Rules.ExpiredDays, r.Rules.Cancel.Prorated, r.Rules.Suspension.Allowed = 60, 30, true, true
	})
	l := mustLayer(t, "l", o)
	want = []string{"suspension.max", "suspension.allowed", "expired", "cancel.prorated", "cancel.online.max"}
	if diff := cmp.Diff(want, l.Overrides()[0].Set); diff != "" {
		t.Errorf("Set of NewLayer mismatch (-want +got):\n%s", diff)
	}
	var b bytes.Buffer
	if err := l.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	back, err := policy.ParseJSON(b.Bytes(), policy.LoadOptions{})
	if err != nil {
		t.Fatalf("reading what WriteJSON wrote: %v\n%s", err, b.String())
	}
	if diff := cmp.Diff(want, back.Layers()[0].Overrides()[0].Set); diff != "" {
		t.Errorf("Set after WriteJSON and ParseJSON mismatch (-want +got):\n%s", diff)
	}
}

// TestDefect1_CellLimitAcrossRows: the rows of a layer name at most
// MaxCells combinations together; a row for every term counts each term.
func TestDefect1_CellLimitAcrossRows(t *testing.T) {
	names := func(prefix string, n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = fmt.Sprintf("%s%d", prefix, i)
		}
		return out
	}
	scoped := func(terms policy.TermSet, products, offers int, prefix string) policy.Override {
		return override(policy.CSPNewCommerce, []string{"expired"}, func(r *policy.Row) {
			r.Terms = terms
			for _, p := range names(prefix+"p", products) {
				r.Products = append(r.Products, policy.Product(p))
			}
			r.Offers = names(prefix+"o", offers)
		})
	}
	annual := policy.TermsOf(policy.Annual)
	tests := []struct {
		name string
		rows []policy.Override
		want string // the field of the problem; "" for none
	}{
		{"two rows of MaxCells/2", []policy.Override{scoped(annual, 100, 500, "a"), scoped(annual, 100, 500, "b")}, ""},
		{"two rows of MaxCells/2 and 1", []policy.Override{scoped(annual, 100, 500, "a"), scoped(annual, 7, 7143, "b")}, "rows[1]"}, // 7 × 7,143 = 50,001,
		{"every term, 99,990 cells", []policy.Override{scoped(0, 11, 3030, "a")}, ""},
		{"every term, 100,023 cells", []policy.Override{scoped(0, 11, 3031, "a")}, "rows[0]"},
	}
	tooMany := fmt.Sprintf("name more than %d combinations", policy.MaxCells)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := policy.NewLayer("l", tt.rows)
			var got string
			for _, e := range leaves(err) {
				var fe *policy.FieldError
				if errors.As(e, &fe) && strings.Contains(fe.Reason, tooMany) {
					got = fe.Field
				}
			}
			if got != tt.want {
				t.Errorf("NewLayer() problem on %q, want %q: %v", got, tt.want, err)
			}
		})
	}
}

// TestWithGridLimit: With examines at most MaxCells keys × instants per
// channel. A pinned table (one instant) with a layer from 2022 (a second)
// for n offers has 3 terms × (n+1) offers × 2 instants cells.
func TestWithGridLimit(t *testing.T) {
	base, err := policy.Pin(mosa(t))
	if err != nil {
		t.Fatal(err)
	}
	layer := func(n int) *policy.Layer {
		var rows []policy.Override
		for start := 0; start < n; start += policy.MaxNames {
			rows = append(rows, override(policy.DirectMOSA, []string{"expired"}, func(r *policy.Row) {
				for i := start; i < min(n, start+policy.MaxNames); i++ {
					r.Offers = append(r.Offers, fmt.Sprint("o", i))
				}
			}))
		}
		return mustLayer(t, "offers", rows...)
	}
	if _, err := base.With(layer(policy.MaxCells/6 - 1)); err != nil { // 99,996 cells
		t.Errorf("With(16,665 offers) = %v", err)
	}
	_, err = base.With(layer(policy.MaxCells / 6)) // 100,002 cells
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("16666 offers, 0 countries and 2 dates make too many combinations to check (more than %d)", policy.MaxCells)) {
		t.Errorf("With(16,666 offers) = %v, want too many combinations", err)
	}
}

// TestLayerSetGroupedWithThreeFields: the least number of fields whose
// order a file cannot hold is three: a group, another field, the group
// again.
func TestLayerSetGroupedWithThreeFields(t *testing.T) {
	for _, tt := range []struct{ set, want []string }{
		{[]string{"suspension.max", "expired"}, []string{"suspension.max", "expired"}},
		{[]string{"expired", "suspension.max"}, []string{"expired", "suspension.max"}},
		{[]string{"suspension.max", "expired", "suspension.allowed"}, []string{"suspension.max", "suspension.allowed", "expired"}},
		{[]string{"cancel.online.max", "cancel.prorated", "cancel.online.inclusive"}, []string{"cancel.online.max", "cancel.online.inclusive", "cancel.prorated"}},
	} {
		o := override(policy.CSPNewCommerce, tt.set, func(r *policy.Row) {
			r.Rules.Suspension.MaxDays, r.Rules.Suspension.Allowed, r.Rules.ExpiredDays = 60, true, 30
		})
		if diff := cmp.Diff(tt.want, mustLayer(t, "l", o).Overrides()[0].Set); diff != "" {
			t.Errorf("Set %v mismatch (-want +got):\n%s", tt.set, diff)
		}
	}
}

// TestEffectiveOfTheFirstRow: a value from a table's first row (index 0)
// is found and attributed to it, as any other row's.
func TestEffectiveOfTheFirstRow(t *testing.T) {
	r := mosa(t)
	tbl, err := policy.Pin(r)
	if err != nil {
		t.Fatal(err)
	}
	k := policy.Key{Channel: policy.DirectMOSA, Term: policy.Annual}
	at := utc(2026, 1, 1, 0, 0)
	e, err := tbl.Effective(k, at)
	if err != nil {
		t.Fatalf("Effective() of a pinned table: %v", err)
	}
	want, _ := tbl.Lookup(k, at)
	if diff := cmp.Diff(want, e.Rules); diff != "" {
		t.Errorf("Effective().Rules differs from Lookup (-Lookup +Effective):\n%s", diff)
	}
	if len(e.Sources) != 1 || e.Sources[0].Row != 0 || e.Sources[0].Layer != "pinned" || e.Sources[0].Override {
		t.Errorf("Effective().Sources = %+v, want rows[0] of the pinned table", e.Sources)
	}
}
