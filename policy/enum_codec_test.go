package policy_test

import (
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lapse-go/lapse/internal/enumtext/enumtexttest"
	"github.com/lapse-go/lapse/policy"
	"pgregory.net/rapid"
)

// fieldOf returns the field of err when it is a *policy.FieldError.
func fieldOf(err error) (string, bool) {
	var fe *policy.FieldError
	if !errors.As(err, &fe) || !errors.Is(err, policy.ErrInvalid) {
		return "", false
	}
	return fe.Field, true
}

// TestEnumCodecs: every enum of the package round-trips every value
// through text, JSON and database/sql, reads names in any ASCII case and
// its aliases, and refuses invalid values, unknown names, SQL NULL and
// other types with a *FieldError naming the type (issue 13, item 1).
func TestEnumCodecs(t *testing.T) {
	enumtexttest.Check(t, enumtexttest.Case[policy.Channel]{
		Type:  "Channel",
		Names: []string{"direct-mosa", "direct-mca", "enterprise", "volume-licensing", "open-value", "open-license", "csp-nce", "csp-legacy"},
		Aliases: map[string]policy.Channel{
			"mosa": policy.DirectMOSA, "mca": policy.DirectMCA, "ea": policy.VolumeLicensing,
			"csp-new-commerce": policy.CSPNewCommerce, "nce": policy.CSPNewCommerce, "csp-traditional": policy.CSPLegacy,
		},
		Parse: policy.ParseChannel,
		Field: fieldOf,
	})
	enumtexttest.Check(t, enumtexttest.Case[policy.Term]{
		Type:    "Term",
		Names:   []string{"monthly", "annual", "multi-year"},
		Aliases: map[string]policy.Term{"P1M": policy.Monthly, "P1Y": policy.Annual, "P3Y": policy.MultiYear, "three-year": policy.MultiYear},
		Parse:   policy.ParseTerm,
		Field:   fieldOf,
	})
	enumtexttest.Check(t, enumtexttest.Case[policy.ExpiryAnchor]{Type: "ExpiryAnchor", Names: []string{"on-end-date", "day-after-end-date"}, Field: fieldOf})
	enumtexttest.Check(t, enumtexttest.Case[policy.WindowKind]{Type: "WindowKind", Names: []string{"anytime", "never", "after-start"}, Field: fieldOf})
	enumtexttest.Check(t, enumtexttest.Case[policy.Unit]{Type: "Unit", Names: []string{"days", "hours"}, Field: fieldOf})
	enumtexttest.Check(t, enumtexttest.Case[policy.CancelEffect]{Type: "CancelEffect", Names: []string{"disabled", "deleted", "at-term-end"}, Field: fieldOf})
	enumtexttest.Check(t, enumtexttest.Case[policy.LicenseCount]{Type: "LicenseCount", Names: []string{"purchased", "assigned"}, Field: fieldOf})
	enumtexttest.Check(t, enumtexttest.Case[policy.OverLimit]{Type: "OverLimit", Names: []string{"reduce-first", "call-support", "reduce-or-call-support"}, Field: fieldOf})
	enumtexttest.Check(t, enumtexttest.Case[policy.SuspendedAtTermEnd]{Type: "SuspendedAtTermEnd", Names: []string{"disabled-then-disabled", "deleted", "disabled-then-deleted"}, Field: fieldOf})
	enumtexttest.Check(t, enumtexttest.Case[policy.PurgeAnchor]{Type: "PurgeAnchor", Names: []string{"end-date", "expired-end"}, Field: fieldOf})
	enumtexttest.Check(t, enumtexttest.Case[policy.OfferClass]{Type: "OfferClass", Names: []string{"commercial", "government", "education", "add-on"}, Field: fieldOf})
}

// TestParseAliasesAndRefusals: the aliases read as documented on
// ParseChannel and ParseTerm; names that could mean more than one value,
// and durations Microsoft sells no Microsoft 365 term for, are refused.
func TestParseAliasesAndRefusals(t *testing.T) {
	channels := []struct {
		in     string
		want   policy.Channel
		reason string
	}{
		{"Csp-NCE", policy.CSPNewCommerce, "mixed case"},
		{"CSP-New-Commerce", policy.CSPNewCommerce, "alias in mixed case"},
		{"NCE", policy.CSPNewCommerce, "alias in upper case"},
		{"csp-traditional", policy.CSPLegacy, "Partner Center's name for legacy CSP"},
		{"MOSA", policy.DirectMOSA, "alias"},
		{"mca", policy.DirectMCA, "alias"},
		{"EA", policy.VolumeLicensing, "Enterprise Agreement"},
		{"open", 0, "Open Value or Open License"},
		{"csp", 0, "new commerce or legacy"},
		{"direct", 0, "MOSA or MCA"},
		{"legacy", 0, "not an alias"},
		{"csp nce", 0, "no punctuation folding"},
		{"csp_nce", 0, "no punctuation folding"},
	}
	for _, tt := range channels {
		got, err := policy.ParseChannel(tt.in)
		if got != tt.want || (err == nil) != (tt.want != 0) {
			t.Errorf("ParseChannel(%q) = %v, %v; want %v (%s)", tt.in, got, err, tt.want, tt.reason)
		}
	}
	terms := []struct {
		in     string
		want   policy.Term
		reason string
	}{
		{"P1M", policy.Monthly, "ISO 8601 termDuration"},
		{"p1y", policy.Annual, "ISO 8601, lower case"},
		{"P3Y", policy.MultiYear, "ISO 8601"},
		{"Three-Year", policy.MultiYear, "the direct and CSP name"},
		{"ANNUAL", policy.Annual, "upper case"},
		{"P12M", 0, "not Partner Center's spelling"},
		{"P5Y", 0, "no five-year term"},
		{"P1D", 0, "no daily term"},
		{"one-year", 0, "not an alias: annual is the name"},
		{"yearly", 0, "not an alias"},
	}
	for _, tt := range terms {
		got, err := policy.ParseTerm(tt.in)
		if got != tt.want || (err == nil) != (tt.want != 0) {
			t.Errorf("ParseTerm(%q) = %v, %v; want %v (%s)", tt.in, got, err, tt.want, tt.reason)
		}
	}
	_, err := policy.ParseChannel("csp")
	want := &policy.FieldError{Field: "Channel", Value: "csp", Reason: "unknown Channel; want one of direct-mosa, direct-mca, enterprise, " +
		"volume-licensing, open-value, open-license, csp-nce, csp-legacy (aliases: mosa, mca, ea, csp-new-commerce, nce, csp-traditional)"}
	var fe *policy.FieldError
	if !errors.As(err, &fe) {
		t.Fatalf("ParseChannel(csp) = %v, want a *FieldError", err)
	}
	if diff := cmp.Diff(want, fe); diff != "" {
		t.Errorf("ParseChannel(csp) error mismatch (-want +got):\n%s", diff)
	}
}

// TestPolicyFileTermsStayCanonical: policy files accept the canonical
// names only, as for every other enum of a file; the aliases are for
// callers' data, not for the files lapse writes and validates.
func TestPolicyFileTermsStayCanonical(t *testing.T) {
	annual := strings.Replace(oneRow, `"channel": "csp-legacy",`, `"channel": "csp-legacy", "terms": ["annual"],`, 1)
	if _, err := policy.ParseJSON([]byte(annual), policy.LoadOptions{}); err != nil {
		t.Fatalf("a policy file with terms [annual]: %v", err)
	}
	for _, term := range []string{"P1Y", "Annual", "three-year"} {
		doc := strings.Replace(oneRow, `"channel": "csp-legacy",`, `"channel": "csp-legacy", "terms": ["`+term+`"],`, 1)
		if doc == oneRow {
			t.Fatal(`oneRow has no "channel": "csp-legacy"`)
		}
		if _, err := policy.ParseJSON([]byte(doc), policy.LoadOptions{}); err == nil || !strings.Contains(err.Error(), "want one of monthly, annual, multi-year") {
			t.Errorf("a policy file with terms [%q]: error %v, want the canonical names", term, err)
		}
	}
}

// TestTermSetForms: the text, JSON and SQL forms of a TermSet, "any" and
// [] for the empty set, which matches every term.
func TestTermSetForms(t *testing.T) {
	tests := []struct {
		set  policy.TermSet
		text string
		json string
	}{
		{0, "any", "[]"},
		{policy.TermsOf(policy.Annual), "annual", `["annual"]`},
		{policy.TermsOf(policy.MultiYear, policy.Monthly), "monthly|multi-year", `["monthly","multi-year"]`},
		{policy.TermsOf(policy.Monthly, policy.Annual, policy.MultiYear), "monthly|annual|multi-year", `["monthly","annual","multi-year"]`},
	}
	for _, tt := range tests {
		text, err := tt.set.MarshalText()
		if err != nil || string(text) != tt.text || tt.set.String() != tt.text {
			t.Errorf("%v.MarshalText() = %q, %v; want %q, as String", tt.set, text, err, tt.text)
		}
		js, err := json.Marshal(tt.set)
		if err != nil || string(js) != tt.json {
			t.Errorf("json.Marshal(%v) = %s, %v; want %s", tt.set, js, err, tt.json)
		}
		dv, err := tt.set.Value()
		if err != nil || dv != tt.text {
			t.Errorf("%v.Value() = %#v, %v; want %q", tt.set, dv, err, tt.text)
		}
		for _, src := range []any{tt.text, []byte(strings.ToUpper(tt.text))} {
			back := policy.TermsOf(policy.Annual, policy.Monthly)
			if err := back.Scan(src); err != nil || back != tt.set {
				t.Errorf("Scan(%#v) = %v, %v; want %v", src, back, err, tt.set)
			}
		}
		back := policy.TermsOf(policy.Annual, policy.Monthly)
		if err := json.Unmarshal(js, &back); err != nil || back != tt.set {
			t.Errorf("json.Unmarshal(%s) = %v, %v; want %v", js, back, err, tt.set)
		}
	}

	reads := []struct {
		text   string
		want   policy.TermSet
		reason string
	}{
		{"ANY", 0, "any, upper case"},
		{"P1Y|p3y", policy.TermsOf(policy.Annual, policy.MultiYear), "aliases"},
		{"annual|annual", policy.TermsOf(policy.Annual), "duplicates are fine"},
		{"multi-year|monthly", policy.TermsOf(policy.Monthly, policy.MultiYear), "any order"},
	}
	for _, tt := range reads {
		var s policy.TermSet
		if err := s.UnmarshalText([]byte(tt.text)); err != nil || s != tt.want {
			t.Errorf("UnmarshalText(%q) = %v, %v; want %v (%s)", tt.text, s, err, tt.want, tt.reason)
		}
	}
	var s policy.TermSet
	if err := json.Unmarshal([]byte(`["P1M","monthly","Three-Year"]`), &s); err != nil || s != policy.TermsOf(policy.Monthly, policy.MultiYear) {
		t.Errorf(`json.Unmarshal(["P1M","monthly","Three-Year"]) = %v, %v`, s, err)
	}
	s = policy.TermsOf(policy.Annual)
	if err := json.Unmarshal([]byte(`null`), &s); err != nil || s != policy.TermsOf(policy.Annual) {
		t.Errorf("json.Unmarshal(null) = %v, %v; want the set unchanged, as encoding/json does", s, err)
	}

	refusals := []struct {
		name  string
		err   error
		field string
	}{
		{"text empty", new(policy.TermSet).UnmarshalText(nil), "TermSet"},
		{"text unknown", new(policy.TermSet).UnmarshalText([]byte("annual|yearly")), "TermSet[1]"},
		{"text trailing |", new(policy.TermSet).UnmarshalText([]byte("annual|")), "TermSet[1]"},
		{"text any with a term", new(policy.TermSet).UnmarshalText([]byte("any|annual")), "TermSet[0]"},
		{"text spaces", new(policy.TermSet).UnmarshalText([]byte("annual | monthly")), "TermSet[0]"},
		{"JSON string", new(policy.TermSet).UnmarshalJSON([]byte(`"annual"`)), "TermSet"},
		{"JSON unknown", new(policy.TermSet).UnmarshalJSON([]byte(`["annual","any"]`)), "TermSet[1]"},
		{"JSON number", new(policy.TermSet).UnmarshalJSON([]byte(`[2]`)), "TermSet"},
		{"JSON empty input", new(policy.TermSet).UnmarshalJSON(nil), "TermSet"},
		{"scan NULL", new(policy.TermSet).Scan(nil), "TermSet"},
		{"scan int", new(policy.TermSet).Scan(42), "TermSet"},
		{"scan unknown", new(policy.TermSet).Scan("weekly"), "TermSet[0]"},
	}
	for _, tt := range refusals {
		if f, ok := fieldOf(tt.err); !ok || f != tt.field {
			t.Errorf("%s: error %v, want a *FieldError for %s", tt.name, tt.err, tt.field)
		}
	}
	// A set holding a bit that names no term cannot be written.
	for _, bad := range []policy.TermSet{1, 1 << 4, 0xff, policy.TermsOf(policy.Annual) | 1<<7} {
		_, err1 := bad.MarshalText()
		_, err2 := bad.MarshalJSON()
		_, err3 := bad.Value()
		for _, err := range []error{err1, err2, err3} {
			if f, ok := fieldOf(err); !ok || f != "TermSet" {
				t.Errorf("TermSet(%#x): error %v, want a *FieldError for TermSet", uint8(bad), err)
			}
		}
	}
	var null sql.Null[policy.TermSet]
	if err := null.Scan("monthly|annual"); err != nil || !null.Valid || null.V != policy.TermsOf(policy.Monthly, policy.Annual) {
		t.Errorf("sql.Null[TermSet].Scan = %+v, %v", null, err)
	}
}

// TestTermSetRoundTrip: every set made of terms reads back from each of
// its forms, whatever the case of its text.
func TestTermSetRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := policy.TermsOf(rapid.SliceOf(rapid.SampledFrom(policy.Terms())).Draw(t, "terms")...)
		text, err := s.MarshalText()
		if err != nil {
			t.Fatalf("%v.MarshalText: %v", s, err)
		}
		if rapid.Bool().Draw(t, "upper") {
			text = []byte(strings.ToUpper(string(text)))
		}
		var back policy.TermSet
		if err := back.UnmarshalText(text); err != nil || back != s {
			t.Fatalf("UnmarshalText(%q) = %v, %v; want %v", text, back, err, s)
		}
		js, err := json.Marshal(s)
		if err != nil {
			t.Fatalf("json.Marshal(%v): %v", s, err)
		}
		back = policy.TermsOf(policy.Annual)
		if err := json.Unmarshal(js, &back); err != nil || back != s {
			t.Fatalf("json.Unmarshal(%s) = %v, %v; want %v", js, back, err, s)
		}
		dv, err := s.Value()
		if err != nil {
			t.Fatalf("%v.Value: %v", s, err)
		}
		back = policy.TermsOf(policy.Monthly)
		if err := back.Scan(dv); err != nil || back != s {
			t.Fatalf("Scan(%#v) = %v, %v; want %v", dv, back, err, s)
		}
		for _, term := range policy.Terms() {
			if back.Has(term) != s.Has(term) {
				t.Fatalf("%v.Has(%v) = %v after the round trip", back, term, back.Has(term))
			}
		}
	})
}
