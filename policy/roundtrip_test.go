package policy_test

import (
	"testing"
	"time"

	"github.com/lapse-go/lapse/internal/roundtrip"
	"github.com/lapse-go/lapse/policy"
)

// TestRoundTrip requires every exported type of package policy to survive
// its codecs — JSON for every value type, text and SQL for the enums — or
// to say why it is not a value to store and what to store instead (issue
// 13): a type added to the package fails here until it has a row. Value
// types without their own codec use encoding/json's default form (Go field
// names), which round-trips once every enum and set has a codec; their
// zero values, whose enums are zero, are not written (a zero enum has no
// name). Rows that wait on the enum codecs (issue 13 part a) say so.
func TestRoundTrip(t *testing.T) {
	table := policy.Builtin()
	at := time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)
	var keys, cites []any
	for _, r := range table.Rows() {
		cites = append(cites, r.Rules.Cite)
	}
	cites = append(cites, policy.Citation{})
	var effective, versions []any
	for _, ch := range policy.Channels() {
		for _, term := range policy.Terms() {
			k := policy.Key{Channel: ch, Term: term}
			if e, err := table.Effective(k, at); err == nil {
				keys = append(keys, k)
				effective = append(effective, e)
			}
			if s, err := table.Schedule(k); err == nil {
				for v := range s.All() {
					versions = append(versions, v)
				}
			}
		}
	}
	keys = append(keys, policy.Key{Channel: policy.VolumeLicensing, Term: policy.Annual, Product: policy.Copilot, Offer: "o", Country: "CN"})
	versions = append(versions, policy.Version{})
	var values, sources []any
	for _, e := range effective[:3] {
		for _, v := range e.(policy.Effective).Values {
			values = append(values, v)
		}
		for _, s := range e.(policy.Effective).Sources {
			sources = append(sources, s)
		}
	}
	var vl policy.Rules
	for _, r := range table.Rows() {
		if r.Channel == policy.VolumeLicensing {
			vl = r.Rules
		}
	}
	vl.ExpiredDays = 30
	override := policy.Override{Row: policy.Row{Channel: policy.VolumeLicensing, Offers: []string{"contoso-copilot-vl"},
		From: time.Date(2025, 2, 6, 0, 0, 0, 0, time.UTC), Rules: vl}, Set: []string{"expired"}}
	layered, err := table.With(mustLayer(t, "roundtrip", override))
	if err != nil {
		t.Fatal(err)
	}
	changes, err := policy.Diff(table, layered)
	if err != nil || len(changes) == 0 {
		t.Fatalf("Diff = %v, %v; want changes to sample", changes, err)
	}
	var diffs []any
	for _, c := range changes {
		diffs = append(diffs, c)
	}
	json := []roundtrip.Codec{roundtrip.JSON}
	enum := []roundtrip.Codec{roundtrip.JSON, roundtrip.Text, roundtrip.SQL}

	// The rules are stored as a policy file, the form policy documents
	// and validates: encoding/json's default form cannot write the
	// built-in rules at all (a Window of kind anytime leaves its Unit
	// unset, and a zero enum has no name).
	const asFile = "store rules as a policy file (Table.WriteJSON, Layer.WriteJSON) and read them with ParseJSON or LoadFile: " +
		"json.Marshal cannot write rules that leave an enum unset (a Window of kind anytime has no Unit)"
	roundtrip.Check(t, ".", map[string]roundtrip.Row{
		"Rules":             {None: asFile},
		"Row":               {None: asFile},
		"Override":          {None: asFile},
		"Window":            {None: asFile},
		"OnlineLimit":       {None: asFile},
		"CancelRules":       {None: asFile},
		"PurgeRules":        {None: asFile},
		"ReactivationRules": {None: asFile},
		"SuspensionRules":   {None: asFile},
		"TrialRules":        {None: asFile},
		"LicenseRules":      {None: asFile},
		"RenewalRules":      {None: asFile},
		"PaymentRules":      {None: asFile},
		"Effective":         {None: "an answer of Table.Effective, holding the rules: store the table, the key and the instant; its Values hold each field as the policy file writes it"},
		"Key":               {Samples: keys, Codecs: json},
		"Citation":          {Samples: cites, Codecs: json},
		"Value":             {Samples: values, Codecs: json},
		"Source":            {Samples: sources, Codecs: json},
		"Change":            {Samples: diffs, Codecs: json}, // waits on part a: TermSet
		"AccountRules":      {Samples: []any{policy.BuiltinAccount(), policy.AccountRules{}}, Codecs: json},
		"Product":           {Samples: []any{policy.Product(""), policy.Copilot, policy.Product("ünïcode \"sku\"")}, Codecs: json},
		"TermSet":           {Samples: []any{policy.TermSet(0), policy.TermsOf(policy.Annual), policy.TermsOf(policy.Terms()...)}, Codecs: json}, // waits on part a

		"Channel":            {Samples: []any{policy.Channel(0)}, Enum: true, Codecs: enum},
		"Term":               {Samples: []any{policy.Term(0)}, Enum: true, Codecs: enum},
		"ExpiryAnchor":       {Samples: []any{policy.ExpiryAnchor(0)}, Enum: true, Codecs: enum},
		"WindowKind":         {Samples: []any{policy.WindowKind(0)}, Enum: true, Codecs: enum},
		"Unit":               {Samples: []any{policy.Unit(0)}, Enum: true, Codecs: enum},
		"CancelEffect":       {Samples: []any{policy.CancelEffect(0)}, Enum: true, Codecs: enum},
		"LicenseCount":       {Samples: []any{policy.LicenseCount(0)}, Enum: true, Codecs: enum},
		"OverLimit":          {Samples: []any{policy.OverLimit(0)}, Enum: true, Codecs: enum},
		"SuspendedAtTermEnd": {Samples: []any{policy.SuspendedAtTermEnd(0)}, Enum: true, Codecs: enum},
		"PurgeAnchor":        {Samples: []any{policy.PurgeAnchor(0)}, Enum: true, Codecs: enum},
		"OfferClass":         {Samples: []any{policy.OfferClass(0)}, Enum: true, Codecs: enum},

		"Version": {Samples: versions, OneWay: true,
			Instead: "its key and From: a Version is a handle into a table's schedule; look it up again with Table.Schedule(key) and Schedule.At(from)"},
		"Table":       {None: "a compiled table: store its policy file (Table.WriteJSON) and load it with ParseJSON or LoadFile"},
		"Layer":       {None: "a compiled override layer: store its file (Layer.WriteJSON) and load it with LoadFile"},
		"Schedule":    {None: "a view of a table for one key: store the table and the key"},
		"LoadOptions": {None: "the options of a call, holding a *Table: not a value to store"},
		"FieldError":  {None: "an error, not a value to store"},
		"NoRuleError": {None: "an error, not a value to store"},
		"FileError":   {None: "an error, not a value to store"},
	})
}
