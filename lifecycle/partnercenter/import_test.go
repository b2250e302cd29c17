package partnercenter_test

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/lifecycle/partnercenter"
	"github.com/lapse-go/lapse/policy"
)

// suspendedID is the id of testdata/nce-suspended.json.
const suspendedID = "a4c1340d-6911-4758-bba3-0c4c6007d165"

func collectionOptions() partnercenter.Options {
	return partnercenter.Options{SuspendedAt: map[string]time.Time{suspendedID: utc(2026, 3, 2, 10, 0, 0)}}
}

func importFile(t *testing.T, path string, opts partnercenter.Options) ([]lifecycle.Subscription, error) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return partnercenter.Import(f, opts)
}

// TestImportCollection imports the six fixtures as one collection, each
// as its own file, and checks that both give the same subscriptions, in
// input order, each the one Spec and lifecycle.New make of it.
func TestImportCollection(t *testing.T) {
	opts := collectionOptions()
	opts.AsOf = utc(2026, 5, 15, 0, 0, 0) // the statuses hold then
	subs, err := importFile(t, "testdata/collection.json", opts)
	if err != nil {
		t.Fatal(err)
	}
	files := []string{"nce-monthly", "nce-annual-autorenew-off", "nce-trial", "nce-suspended", "nce-renewed", "legacy"}
	if len(subs) != len(files) {
		t.Fatalf("Import = %d subscriptions, want %d", len(subs), len(files))
	}
	for i, name := range files {
		one, err := importFile(t, "testdata/"+name+".json", opts)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if diff := cmp.Diff(one[0].Spec(), subs[i].Spec()); diff != "" {
			t.Errorf("%s: collection item %d differs from the file (-file +collection):\n%s", name, i, diff)
		}
		spec, err := readFixture(t, name+".json")[0].Spec(opts)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(spec, subs[i].Spec()); diff != "" {
			t.Errorf("%s: Import differs from Spec (-Spec +Import):\n%s", name, diff)
		}
	}
}

// TestImportAllOrNothing checks that one bad item fails the import, that
// every bad item is named with its index and id, and that the good ones
// are not returned.
func TestImportAllOrNothing(t *testing.T) {
	in := readBytes(t, "testdata/collection.json")
	// Without SuspendedAt, item 3 cannot be imported.
	subs, err := partnercenter.Import(bytes.NewReader(in), partnercenter.Options{})
	if subs != nil {
		t.Errorf("Import returned %d subscriptions with its error", len(subs))
	}
	if diff := cmp.Diff(refusal{Item: 3, ID: suspendedID, Field: "status", Option: "SuspendedAt"}, refusalOf(err)); diff != "" {
		t.Errorf("Import() refusal mismatch (-want +got):\n%s\nerror: %v", diff, err)
	}

	// Two bad items and a repeated id, each reported.
	bad := strings.Replace(string(in), `"status": "active"`, `"status": "pending"`, 1)                                // item 0
	bad = strings.Replace(bad, `"a4c1340d-6911-4758-bba3-0c4c6007d166"`, `"A4C1340D-6911-4758-BBA3-0C4C6007D162"`, 1) // item 4 repeats item 0's id
	_, err = partnercenter.Import(strings.NewReader(bad), partnercenter.Options{})
	var got []refusal
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		got = append(got, refusalOf(e))
	}
	want := []refusal{
		{Item: 0, ID: "a4c1340d-6911-4758-bba3-0c4c6007d162", Field: "status"},
		{Item: 3, ID: suspendedID, Field: "status", Option: "SuspendedAt"},
		{Item: 4, ID: "A4C1340D-6911-4758-BBA3-0C4C6007D162", Field: "id"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Import() refusals mismatch (-want +got):\n%s\nerror: %v", diff, err)
	}

	// At most 100 are joined, and the rest counted.
	many := `{"items": [` + strings.TrimSuffix(strings.Repeat(`{"status": "pending"},`, 120), ",") + `]}`
	_, err = partnercenter.Import(strings.NewReader(many), partnercenter.Options{})
	errs := err.(interface{ Unwrap() []error }).Unwrap()
	if len(errs) != 101 || !strings.Contains(errs[100].Error(), "20 more items") {
		t.Errorf("Import(120 bad items) = %d errors; want 100 and a count of 20 more", len(errs))
	}
}

func TestImportOptions(t *testing.T) {
	// An invalid option is one error, before any item is read.
	_, err := partnercenter.Import(strings.NewReader(`{"items": [{}, {}]}`), partnercenter.Options{Channel: policy.VolumeLicensing})
	var ie *partnercenter.ItemError
	if refusalOf(err).Field != "Options.Channel" || errors.As(err, &ie) {
		t.Errorf("Import with a direct channel = %v; want one refusal of Options.Channel", err)
	}
	// A decoding error is Decode's.
	_, err = partnercenter.Import(strings.NewReader(`[]`), partnercenter.Options{})
	if refusalOf(err).Field != "(document)" {
		t.Errorf("Import([]) = %v; want Decode's refusal", err)
	}
	if subs, err := partnercenter.Import(nil, partnercenter.Options{}); err == nil || subs != nil {
		t.Errorf("Import(nil) = %v, %v; want an error", subs, err)
	}
	subs, err := partnercenter.Import(strings.NewReader(`{"items": []}`), partnercenter.Options{})
	if err != nil || subs == nil || len(subs) != 0 {
		t.Errorf("Import(no items) = %#v, %v; want an empty slice", subs, err)
	}
}

// TestImportReference imports each documented example as the reference
// gives it: what lapse can judge, and why it refuses the others.
func TestImportReference(t *testing.T) {
	tests := []struct {
		file, reason string
		opts         partnercenter.Options
		want         refusal // Item -1 and no field when it imports
		wantIs       error
	}{
		{file: "nce-annual-autorenew-off.json", reason: "the new-commerce example maps as it is",
			want: refusal{Item: -1}},
		{file: "nce-annual-autorenew-off.json", reason: "but its 2021 technical-preview dates predate the built-in new-commerce rules",
			opts: partnercenter.Options{AsOf: utc(2021, 6, 1, 0, 0, 0)}, want: refusal{Item: 0, ID: "a4c1340d-6911-4758-bba3-0c4c6007d161"}, wantIs: lifecycle.ErrRulesMismatch},
		{file: "legacy-addon.json", reason: "no termDuration",
			want: refusal{Item: 0, ID: "968BA1CF-C146-4ADF-A300-308DCF718EEE", Field: "termDuration", Option: "Term"}},
		{file: "legacy-addon.json", reason: "2017-01-25 to 2018-02-10 (exclusive) is not a whole year",
			opts: partnercenter.Options{Term: policy.Annual},
			want: refusal{Item: 0, ID: "968BA1CF-C146-4ADF-A300-308DCF718EEE", Field: "commitmentEndDate", Option: "TermStart"}},
		{file: "legacy-addon.json", reason: "the caller knows the first term ran to the billing date",
			opts: partnercenter.Options{Term: policy.Annual, TermStart: map[string]time.Time{"968BA1CF-C146-4ADF-A300-308DCF718EEE": utc(2017, 1, 25, 23, 1, 8)}},
			want: refusal{Item: -1}},
		{file: "collection.json", reason: "no offerId", want: refusal{Item: 0, ID: "83ef9d05-4169-4ef9-9657-0e86b1eab1de", Field: "offerId", Option: "Channel"}},
		{file: "collection.json", reason: "its dates have spaces in them",
			opts: partnercenter.Options{Channel: policy.CSPLegacy, Term: policy.Annual},
			want: refusal{Item: 0, ID: "83ef9d05-4169-4ef9-9657-0e86b1eab1de", Field: "creationDate"}},
		{file: "azure-usage.json", reason: "usage-billed",
			want: refusal{Item: 0, ID: "A356AC8C-E310-44F4-BF85-C7F29044AF99", Field: "billingType"}},
		{file: "marketplace.json", reason: "R-CAN-17 not modelled",
			want: refusal{Item: 0, ID: "6e7aa601-629e-461b-8933-0898c3cc3c7c"}, wantIs: lifecycle.ErrNotModelled},
		{file: "software.json", reason: "R-CAN-17 not modelled",
			want: refusal{Item: 0, ID: "d3b7c9a2-9a4b-40b2-b075-6e442909e3e7"}, wantIs: lifecycle.ErrNotModelled},
	}
	for _, tt := range tests {
		t.Run(tt.file+": "+tt.reason, func(t *testing.T) {
			subs, err := importFile(t, "testdata/reference/"+tt.file, tt.opts)
			if diff := cmp.Diff(tt.want, refusalOf(err)); diff != "" {
				t.Errorf("Import() refusal mismatch (-want +got):\n%s\nerror: %v", diff, err)
			}
			if tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
				t.Errorf("Import error %v does not match %v", err, tt.wantIs)
			}
			if (err == nil) != (len(subs) == 1) {
				t.Errorf("Import = %d subscriptions, %v", len(subs), err)
			}
		})
	}
}

// TestImportSuspendExample walks the suspend example (PascalCase keys, no
// offerId, no termDuration, no suspension instant, a legacy commitment
// longer than a year) through the options that supply, one by one, what
// it does not say, and judges the result.
func TestImportSuspendExample(t *testing.T) {
	const id = "83ef9d05-4169-4ef9-9657-0e86b1eab1de"
	var opts partnercenter.Options
	steps := []struct {
		wantOption string
		set        func()
	}{
		{"Channel", func() { opts.Channel = policy.CSPLegacy }},
		{"Term", func() { opts.Term = policy.Annual }},
		{"TermStart", func() { opts.TermStart = map[string]time.Time{id: utc(2015, 11, 24, 8, 0, 0)} }},
		{"SuspendedAt", func() { opts.SuspendedAt = map[string]time.Time{id: utc(2016, 3, 1, 9, 0, 0)} }},
	}
	for _, step := range steps {
		_, err := importFile(t, "testdata/reference/legacy-suspended.json", opts)
		if got := refusalOf(err).Option; got != step.wantOption {
			t.Fatalf("Import = %v; want a refusal naming Options.%s", err, step.wantOption)
		}
		step.set()
	}
	// The example (2015) predates the built-in table's legacy rules (from
	// 2016): judge it by those rules pinned.
	for _, row := range policy.Builtin().Rows() {
		if row.Channel == policy.CSPLegacy && len(row.Products) == 0 {
			table, err := policy.Pin(row.Rules)
			if err != nil {
				t.Fatal(err)
			}
			opts.Table = table
		}
	}
	opts.AsOf = utc(2016, 4, 1, 0, 0, 0)
	subs, err := importFile(t, "testdata/reference/legacy-suspended.json", opts)
	if err != nil {
		t.Fatal(err)
	}
	want := lifecycle.Spec{ID: id, Channel: policy.CSPLegacy, Term: policy.Annual,
		Start: utc(2015, 11, 24, 8, 0, 0), End: endDate(2016, 12, 11), Licenses: 2,
		History: []lifecycle.Event{{Kind: lifecycle.Suspend, At: utc(2016, 3, 1, 9, 0, 0), Actor: lifecycle.Partner}}}
	if diff := cmp.Diff(want, subs[0].Spec()); diff != "" {
		t.Errorf("Import() mismatch (-want +got):\n%s", diff)
	}
	// Legacy: deleted after 90 days suspended (§1.1 row 10).
	st, err := lifecycle.Evaluate(subs[0], opts.Table, utc(2016, 6, 1, 0, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	if st.State() != lifecycle.Deleted {
		t.Errorf("state on 2016-06-01 = %v, want deleted", st.State())
	}
}
