package policy_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/lapse-go/lapse/policy"
	"pgregory.net/rapid"
)

// TestOverlapsAsScanned checks the overlap check by scope cell against the
// pairwise reference: every row that overlaps another is named, on the
// later of a pair, and every pair named overlaps.
func TestOverlapsAsScanned(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		names := []string{"a", "b", "c"}
		subset := func(label string) []string {
			var out []string
			for _, n := range names {
				if rapid.Bool().Draw(t, label+n) {
					out = append(out, n)
				}
			}
			return out
		}
		day := func(label string) time.Time {
			return time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rapid.IntRange(0, 6).Draw(t, label))
		}
		n := rapid.IntRange(0, 12).Draw(t, "rows")
		rows := make([]policy.Row, n)
		for i := range rows {
			r := &rows[i]
			r.Channel = rapid.SampledFrom([]policy.Channel{policy.DirectMOSA, policy.CSPNewCommerce}).Draw(t, "channel")
			for _, term := range policy.Terms() {
				if rapid.Bool().Draw(t, "term") {
					r.Terms |= policy.TermsOf(term)
				}
			}
			for _, p := range subset("product") {
				r.Products = append(r.Products, policy.Product(p))
			}
			r.Offers = subset("offer")
			if rapid.Bool().Draw(t, "country") {
				r.Countries = []string{rapid.SampledFrom([]string{"CN", "DE"}).Draw(t, "code")}
			}
			r.From = day("from")
			if rapid.Bool().Draw(t, "bounded") {
				r.Until = r.From.AddDate(0, 0, rapid.IntRange(1, 3).Draw(t, "days"))
			}
		}
		involved := make(map[int]bool)
		for i := range rows {
			for j := i + 1; j < len(rows); j++ {
				if policy.ScanOverlapping(&rows[i], &rows[j]) {
					involved[i], involved[j] = true, true
				}
			}
		}
		named := make(map[int]bool)
		for _, p := range policy.OverlapPairs(rows) {
			later, earlier := p[0], p[1]
			if later <= earlier {
				t.Fatalf("pair %v: the problem goes on the later row", p)
			}
			if !policy.ScanOverlapping(&rows[later], &rows[earlier]) {
				t.Fatalf("rows %d and %d do not overlap:\n%+v\n%+v", later, earlier, rows[later], rows[earlier])
			}
			named[later], named[earlier] = true, true
		}
		if diff := cmp.Diff(involved, named); diff != "" {
			t.Fatalf("rows named as overlapping mismatch (-want +got):\n%s", diff)
		}
	})
}

// TestDefect1_OverlapsReportedOncePerRow: identical rows are each reported
// once, against the first, not once per pair (issue 12, defect 1: n rows
// made n²/2 formatted problems).
func TestDefect1_OverlapsReportedOncePerRow(t *testing.T) {
	from := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	rules, err := policy.Builtin().Lookup(policy.Key{Channel: policy.CSPNewCommerce, Term: policy.Annual}, from)
	if err != nil {
		t.Fatal(err)
	}
	row := policy.Row{Channel: policy.CSPNewCommerce, From: from, Rules: rules}
	_, err = policy.NewTable([]policy.Row{row, row, row, row})
	var got []string
	for _, e := range leaves(err) {
		got = append(got, e.Error()[:len("policy: rows[1] = ")])
	}
	want := []string{"policy: rows[1] = ", "policy: rows[2] = ", "policy: rows[3] = "}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("NewTable of 4 identical rows: problems mismatch (-want +got):\n%s\n%v", diff, err)
	}
	for i, e := range leaves(err) {
		if want := fmt.Sprintf("rows[%d] = %q: overlaps rows[0] (", i+1, "csp-nce any [] [2022-01-01, open)"); !strings.Contains(e.Error(), want) {
			t.Errorf("problem %d = %v, want it to contain %s", i, e, want)
		}
	}
}
