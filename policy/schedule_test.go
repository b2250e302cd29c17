package policy_test

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/lapse-go/lapse/internal/policyview"
	"github.com/lapse-go/lapse/policy"
	"github.com/lapse-go/lapse/policy/policytest"
	"pgregory.net/rapid"
)

var viewOf = policyview.Of.(func(*policy.Schedule) *policyview.Versions[policy.Rules, policy.Schedule])

// span is what a test says about a version: its label and period.
type span struct {
	Label       string
	From, Until time.Time
}

func spansOf(s *policy.Schedule) []span {
	var out []span
	for v := range s.All() {
		out = append(out, span{v.Label(), v.From(), v.Until()})
	}
	return out
}

func mustSchedule(t *testing.T, tbl *policy.Table, k policy.Key) *policy.Schedule {
	t.Helper()
	s, err := tbl.Schedule(k)
	if err != nil {
		t.Fatalf("Schedule(%v) error: %v", k, err)
	}
	return s
}

// reasonOf returns the reason of a *NoRuleError, failing the test for any
// other error.
func reasonOf(t interface {
	Helper()
	Fatalf(format string, args ...any)
}, err error) string {
	t.Helper()
	var nr *policy.NoRuleError
	if !errors.As(err, &nr) || !errors.Is(err, policy.ErrNoRule) {
		t.Fatalf("error %v is not a *NoRuleError matching ErrNoRule", err)
	}
	return nr.Reason
}

func TestScheduleDirectMCA(t *testing.T) {
	s := mustSchedule(t, policy.Builtin(), policy.Key{Channel: policy.DirectMCA, Term: policy.Annual})
	want := []span{
		{"2022", utc(2022, 1, 1, 0, 0), utc(2024, 9, 10, 0, 0)},
		{"2024-09", utc(2024, 9, 10, 0, 0), utc(2026, 2, 9, 0, 0)},
		{"2025-12", utc(2026, 2, 9, 0, 0), time.Time{}},
	}
	if diff := cmp.Diff(want, spansOf(s)); diff != "" {
		t.Errorf("direct-mca versions mismatch (-want +got):\n%s", diff)
	}
	wantStrings := []string{
		"direct-mca 2022 [2022-01-01, 2024-09-10)",
		"direct-mca 2024-09 [2024-09-10, 2026-02-09)",
		"direct-mca 2025-12 [2026-02-09, open)",
	}
	var got []string
	for i := range s.Len() {
		v := s.Version(i)
		got = append(got, v.String())
		if v.Index() != i || v.Key() != s.Key() || v.IsZero() {
			t.Errorf("Version(%d): Index %d, Key %v, IsZero %v", i, v.Index(), v.Key(), v.IsZero())
		}
	}
	if diff := cmp.Diff(wantStrings, got); diff != "" {
		t.Errorf("Version.String mismatch (-want +got):\n%s", diff)
	}
	if got := s.Version(0).Rules().Cancel.Window; got.Length != 72 || got.Unit != policy.Hours {
		t.Errorf("direct-mca 2022 cancel window = %+v, want 72 hours (R-CAN-5)", got)
	}
	if got := s.Version(2).Rules().ExpiredDays; got != 0 {
		t.Errorf("direct-mca 2025-12 ExpiredDays = %d, want 0 (R-LC-13)", got)
	}
}

// genericRows returns the table's rows for channel c and term that name no
// product, offer or country, by From.
func genericRows(tbl *policy.Table, c policy.Channel, term policy.Term) []policy.Row {
	var out []policy.Row
	for _, r := range tbl.Rows() {
		if r.Channel == c && r.Terms.Has(term) && len(r.Products) == 0 && len(r.Offers) == 0 && len(r.Countries) == 0 {
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b policy.Row) int { return a.From.Compare(b.From) })
	return out
}

// TestScheduleBuiltin checks every built-in channel and term: one version
// per row, and At on both sides of every boundary agrees with Lookup.
func TestScheduleBuiltin(t *testing.T) {
	tbl := policy.Builtin()
	ns := time.Nanosecond
	for _, c := range policy.Channels() {
		for _, term := range policy.Terms() {
			k := policy.Key{Channel: c, Term: term}
			t.Run(k.String(), func(t *testing.T) {
				s := mustSchedule(t, tbl, k)
				if s.Key() != k {
					t.Errorf("Key() = %v, want %v", s.Key(), k)
				}
				var want []span
				for _, r := range genericRows(tbl, c, term) {
					want = append(want, span{r.Rules.Version, r.From, r.Until})
				}
				if diff := cmp.Diff(want, spansOf(s)); diff != "" {
					t.Fatalf("versions mismatch with the rows (-want +got):\n%s", diff)
				}
				for i, v := range slices.Collect(s.All()) {
					checkAt(t, tbl, s, k, v.From().Add(-ns), i-1)
					checkAt(t, tbl, s, k, v.From(), i)
					checkAt(t, tbl, s, k, v.From().Add(ns), i)
					checkAt(t, tbl, s, k, v.From().In(zones[1]), i)
					if u := v.Until(); !u.IsZero() {
						checkAt(t, tbl, s, k, u.Add(-ns), i)
						next := i + 1
						if next == s.Len() {
							next = -1
						}
						checkAt(t, tbl, s, k, u, next)
					}
				}
				checkAt(t, tbl, s, k, utc(2199, 12, 31, 0, 0), s.Len()-1)
			})
		}
	}
}

// checkAt checks that s.At(at) is version want (-1: none) and agrees with
// tbl.Lookup(k, at): the same rules, or an error with the same reason.
func checkAt(t *testing.T, tbl *policy.Table, s *policy.Schedule, k policy.Key, at time.Time, want int) {
	t.Helper()
	v, err := s.At(at)
	r, lerr := tbl.Lookup(k, at)
	if want < 0 {
		if err == nil {
			t.Errorf("At(%v) = %v, want no version", at, v)
			return
		}
		if lerr == nil || reasonOf(t, err) != reasonOf(t, lerr) {
			t.Errorf("At(%v) error %v; Lookup error %v: want the same reason", at, err, lerr)
		}
		if !v.IsZero() {
			t.Errorf("At(%v) returned %v with its error, want the zero Version", at, v)
		}
		return
	}
	if err != nil || v.Index() != want {
		t.Errorf("At(%v) = %v, %v; want version %d", at, v, err, want)
		return
	}
	if lerr != nil {
		t.Errorf("Lookup(%v, %v) error %v, but At answers %v", k, at, lerr, v)
		return
	}
	if diff := cmp.Diff(r, v.Rules()); diff != "" {
		t.Errorf("At(%v).Rules() differs from Lookup (-Lookup +At):\n%s", at, diff)
	}
}

func TestScheduleErrors(t *testing.T) {
	y2020, y2021, y2022, y2023 := utc(2020, 1, 1, 0, 0), utc(2021, 1, 1, 0, 0), utc(2022, 1, 1, 0, 0), utc(2023, 1, 1, 0, 0)
	gappy := gappyTable(t)
	ns := time.Nanosecond
	mosaAnnual := policy.Key{Channel: policy.DirectMOSA, Term: policy.Annual, Product: "p"}
	tests := []struct {
		name   string
		tbl    *policy.Table
		key    policy.Key
		at     time.Time
		reason string
	}{
		{"just before the first rule", policy.Builtin(), policy.Key{Channel: policy.CSPLegacy, Term: policy.Annual}, utc(2016, 1, 1, 0, 0).Add(-ns),
			"before the first documented rule, in force from 2016-01-01"},
		{"long before the first rule", gappy, mosaAnnual, utc(1700, 1, 1, 0, 0), "before the first documented rule, in force from 2020-01-01"},
		{"beyond int64 nanoseconds", gappy, mosaAnnual, utc(1, 1, 1, 0, 0), "before the first documented rule, in force from 2020-01-01"},
		{"at the end of a closed row", gappy, mosaAnnual, y2021, "in a gap between documented rules"},
		{"in a gap", gappy, mosaAnnual, utc(2021, 6, 1, 0, 0), "in a gap between documented rules"},
		{"just before the next row", gappy, mosaAnnual, y2022.Add(-ns), "in a gap between documented rules"},
		{"at the end of the last row", gappy, mosaAnnual, y2023, "after the last documented rule, in force until 2023-01-01"},
		{"after the last row", gappy, mosaAnnual, y2023.Add(ns), "after the last documented rule, in force until 2023-01-01"},
		{"far after the last row", gappy, mosaAnnual, utc(9999, 1, 1, 0, 0), "after the last documented rule, in force until 2023-01-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustSchedule(t, tt.tbl, tt.key)
			_, err := s.At(tt.at)
			if got := reasonOf(t, err); got != tt.reason {
				t.Errorf("At(%v) reason = %q, want %q", tt.at, got, tt.reason)
			}
			var nr *policy.NoRuleError
			if errors.As(err, &nr) && (nr.Key != s.Key() || !nr.At.Equal(tt.at)) {
				t.Errorf("At error names %v at %v, want %v at %v", nr.Key, nr.At, s.Key(), tt.at)
			}
			_, lerr := tt.tbl.Lookup(tt.key, tt.at)
			if lerr == nil || lerr.Error() != err.Error() {
				t.Errorf("Lookup error %v, At error %v: want the same", lerr, err)
			}
		})
	}

	// Schedule's own errors.
	var nilTable *policy.Table
	for _, tt := range []struct {
		name     string
		tbl      *policy.Table
		key      policy.Key
		wantRule bool
		words    string
	}{
		{"term without rows", gappy, policy.Key{Channel: policy.DirectMOSA, Term: policy.Monthly}, true, "no row for channel direct-mosa with term monthly"},
		{"channel without rows", gappy, policy.Key{Channel: policy.CSPLegacy, Term: policy.Annual}, true, "no row for channel csp-legacy with term annual"},
		{"zero table", &policy.Table{}, mosaAnnual, true, "no row for channel direct-mosa with term annual"},
		{"nil table", nilTable, mosaAnnual, true, "the table is nil"},
		{"invalid channel", policy.Builtin(), policy.Key{Term: policy.Annual}, false, `Key.Channel = "%!Channel(0)"`},
		{"invalid term", policy.Builtin(), policy.Key{Channel: policy.CSPLegacy}, false, `Key.Term = "%!Term(0)"`},
		{"lower-case country", policy.Builtin(), policy.Key{Channel: policy.CSPLegacy, Term: policy.Annual, Country: "cn"}, false, `Key.Country = "cn"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, err := tt.tbl.Schedule(tt.key)
			if s != nil {
				t.Errorf("Schedule(%v) = %v with error %v, want nil", tt.key, s, err)
			}
			if !tt.wantRule {
				var fe *policy.FieldError
				if !errors.As(err, &fe) || !errors.Is(err, policy.ErrInvalid) || !strings.Contains(err.Error(), tt.words) {
					t.Errorf("Schedule(%v) error = %v, want a *FieldError containing %q", tt.key, err, tt.words)
				}
				return
			}
			if got := reasonOf(t, err); got != tt.words {
				t.Errorf("Schedule(%v) reason = %q, want %q", tt.key, got, tt.words)
			}
			_, lerr := tt.tbl.Lookup(tt.key, y2020)
			if reasonOf(t, lerr) != tt.words {
				t.Errorf("Lookup error %v, want the reason %q", lerr, tt.words)
			}
		})
	}
}

func TestScheduleNilAndZero(t *testing.T) {
	var s *policy.Schedule
	if s.Len() != 0 || s.Key() != (policy.Key{}) || !s.Version(0).IsZero() || len(slices.Collect(s.All())) != 0 {
		t.Error("a nil *Schedule does not behave as an empty one")
	}
	if _, err := s.At(y2026); reasonOf(t, err) != "the schedule is nil" {
		t.Errorf("nil At error = %v", err)
	}
	var v policy.Version
	if !v.IsZero() || v.String() != "(no version)" || v.Label() != "" || !v.From().IsZero() || !v.Until().IsZero() ||
		!cmp.Equal(v.Rules(), policy.Rules{}) || v.Cite() != (policy.Citation{}) || v.Key() != (policy.Key{}) || v.Index() != 0 {
		t.Errorf("zero Version is not zero: %v", v)
	}
	s = mustSchedule(t, policy.Builtin(), policy.Key{Channel: policy.DirectMCA, Term: policy.Annual})
	for _, i := range []int{-1, s.Len(), 1 << 40} {
		if !s.Version(i).IsZero() {
			t.Errorf("Version(%d) = %v, want the zero Version", i, s.Version(i))
		}
	}
}

func TestScheduleSharedByKeyClass(t *testing.T) {
	tbl := policy.Builtin()
	vl := policy.Key{Channel: policy.VolumeLicensing, Term: policy.Annual}
	generic := mustSchedule(t, tbl, vl)
	for _, k := range []policy.Key{
		vl,
		{Channel: policy.VolumeLicensing, Term: policy.Annual, Product: "visio-plan-2"},
		{Channel: policy.VolumeLicensing, Term: policy.Annual, Offer: "x", Country: "DE"},
	} {
		if s := mustSchedule(t, tbl, k); s != generic {
			t.Errorf("Schedule(%v) is not the schedule of %v: no row names its product, offer or country", k, vl)
		}
	}
	if got := mustSchedule(t, tbl, policy.Key{Channel: policy.VolumeLicensing, Term: policy.Annual, Offer: "x"}).Key(); got != vl {
		t.Errorf("Key() = %v, want the class %v", got, vl)
	}
	copilot := policy.Key{Channel: policy.VolumeLicensing, Term: policy.Annual, Product: policy.Copilot}
	cs := mustSchedule(t, tbl, copilot)
	if cs == generic || cs.Key() != copilot {
		t.Fatalf("Schedule(%v) = %p with Key %v; want a schedule of its own (generic %p)", copilot, cs, cs.Key(), generic)
	}
	if cs != mustSchedule(t, tbl, policy.Key{Channel: policy.VolumeLicensing, Term: policy.Annual, Product: policy.Copilot, Country: "FR"}) {
		t.Error("a Copilot key with an unnamed country does not share the Copilot schedule")
	}
	wantCopilot := []span{
		{"2020", utc(2020, 5, 8, 0, 0), utc(2024, 3, 29, 0, 0)},
		{"2024-03", utc(2024, 3, 29, 0, 0), utc(2025, 2, 6, 0, 0)},
		{"2025-02-copilot", utc(2025, 2, 6, 0, 0), time.Time{}},
	}
	if diff := cmp.Diff(wantCopilot, spansOf(cs)); diff != "" {
		t.Errorf("Copilot versions mismatch (-want +got):\n%s", diff)
	}
	// The versions before the product row are the generic rows' own rules.
	gv, cv := viewOf(generic), viewOf(cs)
	if cv.Rules[0] != gv.Rules[0] || cv.Rules[1] != gv.Rules[1] || cv.Rules[2] == gv.Rules[2] {
		t.Error("the Copilot schedule does not share the generic rows' rules where they answer")
	}
	if mustSchedule(t, tbl, policy.Key{Channel: policy.VolumeLicensing, Term: policy.Monthly}) == generic {
		t.Error("monthly and annual share a schedule")
	}
	// A product named only by another channel's rows is no product here.
	if s := mustSchedule(t, tbl, policy.Key{Channel: policy.DirectMOSA, Term: policy.Annual, Product: policy.Copilot}); s.Key().Product != "" {
		t.Errorf("direct-mosa Copilot class = %v, want no product", s.Key())
	}
}

// checkView checks that a schedule's view matches its versions.
func checkView(t interface {
	Helper()
	Fatalf(format string, args ...any)
	Errorf(format string, args ...any)
}, s *policy.Schedule) {
	t.Helper()
	v := viewOf(s)
	if v.Len() != s.Len() || len(v.Ends) != s.Len() || len(v.Rules) != s.Len() {
		t.Fatalf("view has %d starts, %d ends, %d rules for %d versions", v.Len(), len(v.Ends), len(v.Rules), s.Len())
	}
	for i := range s.Len() {
		ver := s.Version(i)
		end := int64(1<<63 - 1)
		if !ver.Until().IsZero() {
			end = ver.Until().UnixNano()
		}
		if v.Starts[i] != ver.From().UnixNano() || v.Ends[i] != end {
			t.Errorf("view period %d = [%d, %d), want %v", i, v.Starts[i], v.Ends[i], ver)
		}
		if !cmp.Equal(*v.Rules[i], ver.Rules()) {
			t.Errorf("view rules %d differ from Version.Rules", i)
		}
		if i > 0 && v.Starts[i] < v.Ends[i-1] {
			t.Errorf("versions %d and %d overlap", i-1, i)
		}
		// One resolution has one copy of its rules, and consecutive
		// periods of one resolution are one version.
		if i > 0 && v.Starts[i] == v.Ends[i-1] && v.Rules[i] == v.Rules[i-1] {
			t.Errorf("versions %d and %d are one resolution, not merged", i-1, i)
		}
		if v.Starts[i] >= v.Ends[i] {
			t.Errorf("version %d is empty", i)
		}
	}
	// CoveredFrom is where the last run of versions without a gap starts,
	// if that run is open-ended: found here by walking back from the last
	// version through the public periods.
	want := int64(math.MaxInt64)
	if n := s.Len(); n > 0 && s.Version(n-1).Until().IsZero() {
		j := n - 1
		for j > 0 && s.Version(j-1).Until().Equal(s.Version(j).From()) {
			j--
		}
		want = s.Version(j).From().UnixNano()
	}
	if v.CoveredFrom != want {
		t.Errorf("CoveredFrom = %d, want %d", v.CoveredFrom, want)
	}
}

func TestScheduleOverrideFiles(t *testing.T) {
	vianet := withOverrides(t, "testdata/21vianet.json")
	cn := policy.Key{Channel: policy.CSPNewCommerce, Term: policy.Annual, Country: "CN"}
	s := mustSchedule(t, vianet, cn)
	want := []span{
		{"21vianet-2024", utc(2022, 1, 1, 0, 0), utc(2022, 3, 1, 0, 0)},
		{"21vianet-2024", utc(2022, 3, 1, 0, 0), time.Time{}},
	}
	if diff := cmp.Diff(want, spansOf(s)); diff != "" {
		t.Errorf("21vianet CN versions mismatch (-want +got):\n%s", diff)
	}
	checkView(t, s)
	for _, v := range []policy.Version{s.Version(0), s.Version(1)} {
		if r := v.Rules(); r.Suspension.MaxDays != 60 {
			t.Errorf("%v: Suspension.MaxDays = %d, want 60", v, r.Suspension.MaxDays)
		}
	}
	if got := s.Version(1).Cite(); got != vianet.Layers()[0].Overrides()[0].Rules.Cite {
		t.Errorf("Cite() = %v, want the override's", got)
	}
	if mustSchedule(t, vianet, policy.Key{Channel: policy.CSPNewCommerce, Term: policy.Annual, Country: "DE"}) !=
		mustSchedule(t, vianet, policy.Key{Channel: policy.CSPNewCommerce, Term: policy.Annual}) {
		t.Error("DE does not share the schedule of no country")
	}
	// The layered table has its own schedules; the built-in one is unchanged.
	plain := mustSchedule(t, policy.Builtin(), cn)
	if plain.Key().Country != "" || plain.Version(1).Label() != "2023-10" {
		t.Errorf("built-in CN schedule = %v, %v; want the generic one", plain.Key(), plain.Version(1))
	}

	reseller := withOverrides(t, "testdata/reseller-copilot.json")
	offer := policy.Key{Channel: policy.VolumeLicensing, Term: policy.Annual, Offer: "contoso-copilot-vl"}
	s = mustSchedule(t, reseller, offer)
	want = []span{
		{"2020", utc(2020, 5, 8, 0, 0), utc(2024, 3, 29, 0, 0)},
		{"2024-03", utc(2024, 3, 29, 0, 0), utc(2025, 2, 6, 0, 0)},
		{"2025-02", utc(2025, 2, 6, 0, 0), time.Time{}},
	}
	if diff := cmp.Diff(want, spansOf(s)); diff != "" {
		t.Errorf("reseller offer versions mismatch (-want +got):\n%s", diff)
	}
	checkView(t, s)
	if got := s.Version(2).Rules().ExpiredDays; got != 30 {
		t.Errorf("reseller offer ExpiredDays = %d, want 30", got)
	}
	// Two classes with the same resolution share its rules.
	monthly := offer
	monthly.Term = policy.Monthly
	if viewOf(s).Rules[2] != viewOf(mustSchedule(t, reseller, monthly)).Rules[2] {
		t.Error("annual and monthly resolve the same rows but do not share the rules")
	}
}

// TestScheduleSplitsAtLayerRows checks versions that start and end with a
// layer row, and that one resolution in two periods shares its rules.
func TestScheduleSplitsAtLayerRows(t *testing.T) {
	nce := policy.CSPNewCommerce
	l := mustLayer(t, "split",
		override(nce, []string{"suspension.max"}, func(r *policy.Row) {
			r.From = utc(2022, 3, 1, 0, 0)
			r.Rules.Suspension.MaxDays = 45
		}),
		override(nce, []string{"expired"}, func(r *policy.Row) {
			r.Offers = []string{"o"}
			r.From, r.Until = utc(2024, 6, 1, 0, 0), utc(2025, 1, 1, 0, 0)
			r.Rules.Version = "offer-o"
			r.Rules.ExpiredDays = 10
		}),
	)
	tbl, err := policy.Builtin().With(l)
	if err != nil {
		t.Fatal(err)
	}
	k := policy.Key{Channel: nce, Term: policy.Annual, Offer: "o"}
	s := mustSchedule(t, tbl, k)
	want := []span{
		{"2022-01", utc(2022, 1, 1, 0, 0), utc(2022, 3, 1, 0, 0)},
		{"2023-10", utc(2022, 3, 1, 0, 0), utc(2024, 6, 1, 0, 0)},
		{"offer-o", utc(2024, 6, 1, 0, 0), utc(2025, 1, 1, 0, 0)},
		{"2023-10", utc(2025, 1, 1, 0, 0), time.Time{}},
	}
	if diff := cmp.Diff(want, spansOf(s)); diff != "" {
		t.Fatalf("versions mismatch (-want +got):\n%s", diff)
	}
	checkView(t, s)
	ns := time.Nanosecond
	for _, tt := range []struct {
		at               time.Time
		expired, suspMax int
	}{
		{utc(2022, 3, 1, 0, 0).Add(-ns), 30, 0},
		{utc(2022, 3, 1, 0, 0), 30, 45},
		{utc(2024, 6, 1, 0, 0).Add(-ns), 30, 45},
		{utc(2024, 6, 1, 0, 0), 10, 45},
		{utc(2024, 6, 1, 0, 0).Add(ns), 10, 45},
		{utc(2025, 1, 1, 0, 0).Add(-ns), 10, 45},
		{utc(2025, 1, 1, 0, 0), 30, 45},
		{utc(2025, 1, 1, 0, 0).Add(ns), 30, 45},
	} {
		v, err := s.At(tt.at)
		if err != nil {
			t.Fatal(err)
		}
		if r := v.Rules(); r.ExpiredDays != tt.expired || r.Suspension.MaxDays != tt.suspMax {
			t.Errorf("At(%v) = %v: Expired %d, Suspension.MaxDays %d; want %d, %d", tt.at, v, r.ExpiredDays, r.Suspension.MaxDays, tt.expired, tt.suspMax)
		}
		checkAt(t, tbl, s, k, tt.at, v.Index())
	}
	view := viewOf(s)
	if view.Rules[1] != view.Rules[3] {
		t.Error("the same resolution before and after the offer row does not share its rules")
	}
	generic := viewOf(mustSchedule(t, tbl, policy.Key{Channel: nce, Term: policy.Monthly}))
	if generic.Len() != 2 || generic.Rules[1] != view.Rules[1] {
		t.Error("the generic key and offer o resolve the same rows in 2023 but do not share the rules")
	}
}

// TestScheduleManyClasses checks a channel whose rows name too many
// products for a slot per class.
func TestScheduleManyClasses(t *testing.T) {
	from := utc(2020, 1, 1, 0, 0)
	generic := row(t, policy.CSPNewCommerce, from, time.Time{})
	scoped := row(t, policy.CSPNewCommerce, utc(2024, 1, 1, 0, 0), time.Time{})
	scoped.Rules.Version = "scoped"
	for i := range 2000 {
		scoped.Products = append(scoped.Products, policy.Product(fmt.Sprintf("p-%d", i)))
	}
	tbl, err := policy.NewTable([]policy.Row{generic, scoped})
	if err != nil {
		t.Fatal(err)
	}
	k := policy.Key{Channel: policy.CSPNewCommerce, Term: policy.Annual, Product: "p-1999"}
	s := mustSchedule(t, tbl, k)
	if s.Len() != 2 || s.Version(1).Label() != "scoped" || s.Key() != k {
		t.Errorf("Schedule(%v) = %v versions, %v, key %v", k, s.Len(), s.Version(1), s.Key())
	}
	if mustSchedule(t, tbl, k) != s {
		t.Error("a class without a slot is built twice")
	}
	other := mustSchedule(t, tbl, policy.Key{Channel: policy.CSPNewCommerce, Term: policy.Annual, Product: "q"})
	if other.Len() != 1 || other != mustSchedule(t, tbl, policy.Key{Channel: policy.CSPNewCommerce, Term: policy.Annual}) {
		t.Error("an unnamed product does not share the schedule of no product")
	}
	at := utc(2026, 1, 1, 0, 0)
	if n := testing.AllocsPerRun(100, func() { _, _ = tbl.Lookup(k, at) }); n != 0 {
		t.Errorf("Lookup of a class without a slot allocates %v times", n)
	}
}

// TestScheduleManyRows builds a schedule of a long chain of rows.
func TestScheduleManyRows(t *testing.T) {
	var rows []policy.Row
	from := utc(2000, 1, 1, 0, 0)
	for i := range 3000 {
		until := from.AddDate(0, 0, 1)
		if i == 2999 {
			until = time.Time{}
		}
		r := row(t, policy.DirectMOSA, from, until)
		r.Rules.Version = fmt.Sprint(i)
		rows = append(rows, r)
		from = until
	}
	tbl, err := policy.NewTable(rows)
	if err != nil {
		t.Fatal(err)
	}
	s := mustSchedule(t, tbl, policy.Key{Channel: policy.DirectMOSA, Term: policy.Annual})
	if s.Len() != 3000 {
		t.Fatalf("Len() = %d, want 3000", s.Len())
	}
	checkView(t, s)
	v, err := s.At(utc(2000, 1, 1, 0, 0).AddDate(0, 0, 1234).Add(time.Hour))
	if err != nil || v.Label() != "1234" {
		t.Errorf("At(day 1234) = %v, %v", v, err)
	}
}

// TestScheduleConcurrent looks up and builds schedules of fresh tables
// from many goroutines; run with -race.
func TestScheduleConcurrent(t *testing.T) {
	many := row(t, policy.CSPNewCommerce, utc(2024, 1, 1, 0, 0), time.Time{})
	for i := range 1200 {
		many.Products = append(many.Products, policy.Product(fmt.Sprintf("p-%d", i)))
	}
	rows := append(policy.Builtin().Rows(), many)
	var keys []policy.Key
	for _, c := range policy.Channels() {
		for _, term := range policy.Terms() {
			for _, p := range []policy.Product{"", policy.Copilot, "p-7", "p-1199", "other"} {
				for _, country := range []string{"", "CN", "DE"} {
					keys = append(keys, policy.Key{Channel: c, Term: term, Product: p, Country: country, Offer: "contoso-copilot-vl"})
				}
			}
		}
	}
	ats := []time.Time{utc(2015, 1, 1, 0, 0), utc(2022, 2, 1, 0, 0), utc(2024, 6, 1, 0, 0), utc(2026, 3, 31, 0, 0)}
	for _, fresh := range []struct {
		name string
		tbl  func(t *testing.T) *policy.Table
	}{
		{"21vianet", func(t *testing.T) *policy.Table { return withOverrides(t, "testdata/21vianet.json") }},
		{"reseller", func(t *testing.T) *policy.Table { return withOverrides(t, "testdata/reseller-copilot.json") }},
		{"1200 products", func(t *testing.T) *policy.Table {
			tbl, err := policy.NewTable(rows)
			if err != nil {
				t.Fatal(err)
			}
			return tbl
		}},
	} {
		tbl := fresh.tbl(t)
		const workers = 8
		got := make([][]*policy.Schedule, workers)
		var wg sync.WaitGroup
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range keys {
					k := keys[(i+w*7)%len(keys)] // each worker starts elsewhere
					for _, at := range ats {
						r, err := tbl.Lookup(k, at)
						ref, rerr := policy.ScanLookup(tbl, k, at)
						if (err == nil) != (rerr == nil) || err == nil && !cmp.Equal(r, ref) || err != nil && err.Error() != rerr.Error() {
							t.Errorf("%s: Lookup(%v, %v) = %v; want %v", fresh.name, k, at, err, rerr)
						}
					}
				}
				for _, k := range keys {
					s, _ := tbl.Schedule(k)
					got[w] = append(got[w], s)
				}
			}()
		}
		wg.Wait()
		for w := 1; w < workers; w++ {
			for i := range keys {
				if got[w][i] != got[0][i] {
					t.Errorf("%s: worker %d got another schedule for %v", fresh.name, w, keys[i])
				}
			}
		}
	}
}

// TestPropertySchedule checks, for generated tables, layers and keys, at
// every instant where a row or layer row starts or ends, a nanosecond
// before and after, and at a random one, that a schedule answers what the
// row-scanning reference and Lookup answer, and that keys of one class
// share it.
func TestPropertySchedule(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		tbl := policytest.Table().Draw(t, "base")
		for i := range rapid.IntRange(0, 2).Draw(t, "layers") {
			var err error
			if tbl, err = tbl.With(policytest.Layer(tbl.Base()).Draw(t, fmt.Sprint("layer ", i))); err != nil {
				t.Fatalf("With: %v", err)
			}
		}
		k := policytest.Key().Draw(t, "key")
		var channels []policy.Channel
		for _, r := range tbl.Rows() {
			channels = append(channels, r.Channel)
		}
		if rapid.IntRange(0, 4).Draw(t, "a channel of the table") > 0 {
			k.Channel = rapid.SampledFrom(channels).Draw(t, "channel")
		}
		ats := []time.Time{instant(t, tbl)}
		add := func(r policy.Row) {
			ats = append(ats, r.From, r.From.Add(-time.Nanosecond), r.From.Add(time.Nanosecond))
			if !r.Until.IsZero() {
				ats = append(ats, r.Until.Add(-time.Nanosecond), r.Until, r.Until.Add(time.Nanosecond))
			}
		}
		for _, r := range tbl.Rows() {
			add(r)
		}
		for _, l := range tbl.Layers() {
			for _, o := range l.Overrides() {
				add(o.Row)
			}
		}
		zone := zones[rapid.IntRange(0, len(zones)-1).Draw(t, "zone")]
		s, serr := tbl.Schedule(k)
		for _, at := range ats {
			at = at.In(zone)
			ref, refErr := policy.ScanLookup(tbl, k, at)
			r, err := tbl.Lookup(k, at)
			if (err == nil) != (refErr == nil) || err != nil && err.Error() != refErr.Error() {
				t.Fatalf("Lookup(%v, %v) error %v, reference error %v", k, at, err, refErr)
			}
			if diff := cmp.Diff(ref, r); diff != "" {
				t.Fatalf("Lookup(%v, %v) mismatch (-reference +Lookup):\n%s", k, at, diff)
			}
			if serr != nil {
				if refErr == nil || reasonOf(t, serr) != reasonOf(t, refErr) {
					t.Fatalf("Schedule error %v, reference error at %v %v", serr, at, refErr)
				}
				continue
			}
			v, verr := s.At(at)
			if (verr == nil) != (refErr == nil) || verr != nil && reasonOf(t, verr) != reasonOf(t, refErr) {
				t.Fatalf("At(%v) error %v, reference error %v", at, verr, refErr)
			}
			if diff := cmp.Diff(ref, v.Rules()); diff != "" {
				t.Fatalf("At(%v) = %v mismatch (-reference +At):\n%s", at, v, diff)
			}
			// The class key answers as the key does.
			cref, cerr := policy.ScanLookup(tbl, s.Key(), at)
			if (cerr == nil) != (refErr == nil) || !cmp.Equal(cref, ref) {
				t.Fatalf("the class %v answers %v, %v at %v; the key %v answers %v", s.Key(), cref.Version, cerr, at, k, ref.Version)
			}
		}
		if serr != nil {
			return
		}
		checkView(t, s)
		if cs, _ := tbl.Schedule(s.Key()); cs != s {
			t.Fatalf("Schedule(%v) is not Schedule(%v)", s.Key(), k)
		}
		// Each version is in force from its From until its Until.
		for i := range s.Len() {
			ver := s.Version(i)
			if w, err := s.At(ver.From()); err != nil || w != ver {
				t.Fatalf("At(%v) = %v, %v; want %v", ver.From(), w, err, ver)
			}
			if u := ver.Until(); !u.IsZero() {
				if w, err := s.At(u.Add(-time.Nanosecond)); err != nil || w != ver {
					t.Fatalf("At(%v) = %v, %v; want %v", u.Add(-time.Nanosecond), w, err, ver)
				}
			}
		}
		if n := testing.AllocsPerRun(10, func() { _, _ = tbl.Lookup(k, ats[0]) }); n != 0 && s.Len() > 0 {
			if _, err := s.At(ats[0]); err == nil {
				t.Fatalf("Lookup allocates %v times", n)
			}
		}
	})
}

func TestPin(t *testing.T) {
	r := mosa(t)
	r.Channel = policy.CSPNewCommerce
	r.Version = "pinned-test"
	r.Cancel.Window = policy.Window{Kind: policy.AfterStart, Length: 168, Unit: policy.Hours, Inclusive: true, Retroactive: true}
	tbl, err := policy.Pin(r)
	if err != nil {
		t.Fatalf("Pin error: %v", err)
	}
	if tbl.Name() != "pinned" {
		t.Errorf("Name() = %q, want pinned", tbl.Name())
	}
	from := utc(1900, 1, 1, 0, 0)
	ns := time.Nanosecond
	for _, term := range policy.Terms() {
		for _, k := range []policy.Key{
			{Channel: policy.CSPNewCommerce, Term: term},
			{Channel: policy.CSPNewCommerce, Term: term, Product: policy.Copilot, Offer: "o", Country: "CN"},
		} {
			for _, at := range []time.Time{from, from.Add(ns), utc(2026, 3, 31, 0, 0), utc(2199, 12, 31, 0, 0), utc(2199, 12, 31, 0, 0).In(zones[2])} {
				got, err := tbl.Lookup(k, at)
				if err != nil {
					t.Errorf("Lookup(%v, %v) error: %v", k, at, err)
					continue
				}
				if diff := cmp.Diff(r, got); diff != "" {
					t.Errorf("Lookup(%v, %v) mismatch (-pinned +got):\n%s", k, at, diff)
				}
			}
			if _, err := tbl.Lookup(k, from.Add(-ns)); reasonOf(t, err) != "before the first documented rule, in force from 1900-01-01" {
				t.Errorf("Lookup before 1900: %v", err)
			}
			s := mustSchedule(t, tbl, k)
			if diff := cmp.Diff([]span{{"pinned-test", from, time.Time{}}}, spansOf(s)); diff != "" {
				t.Errorf("pinned versions mismatch (-want +got):\n%s", diff)
			}
		}
	}
	if _, err := tbl.Lookup(policy.Key{Channel: policy.DirectMOSA, Term: policy.Annual}, y2026); reasonOf(t, err) != "no row for channel direct-mosa with term annual" {
		t.Errorf("Lookup of another channel: %v", err)
	}

	for _, tt := range []struct {
		name string
		edit func(*policy.Rules)
		want []string
	}{
		{"negative days", func(r *policy.Rules) { r.ExpiredDays = -1 }, []string{"rows[0].Rules.ExpiredDays"}},
		{"no channel", func(r *policy.Rules) { r.Channel = 0 }, []string{"rows[0].Rules.Channel"}},
		{"no citation", func(r *policy.Rules) { r.Cite = policy.Citation{} }, []string{"rows[0].Rules.Cite.Rules", "rows[0].Rules.Cite.Sources"}},
		{"retroactive never", func(r *policy.Rules) { r.Licenses.RemoveWindow = policy.Window{Kind: policy.Never, Retroactive: true} },
			[]string{"rows[0].Rules.Licenses.RemoveWindow.Retroactive"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			bad := r
			tt.edit(&bad)
			tbl, err := policy.Pin(bad)
			if tbl != nil {
				t.Error("Pin returned a table with its error")
			}
			if diff := cmp.Diff(tt.want, fieldsOf(t, err)); diff != "" {
				t.Errorf("Pin error fields mismatch (-want +got):\n%s", diff)
			}
			_, nerr := policy.NewTable([]policy.Row{{Channel: bad.Channel, From: from, Rules: bad}})
			if nerr == nil || err.Error() != nerr.Error() {
				t.Errorf("Pin error %v, NewTable error %v: want the same", err, nerr)
			}
		})
	}
}

// TestScheduleFarDates checks periods beyond the int64 nanoseconds of the
// view, which are clamped there and exact in At.
func TestScheduleFarDates(t *testing.T) {
	early, late := utc(1600, 1, 1, 0, 0), utc(3000, 1, 1, 0, 0)
	r := row(t, policy.DirectMOSA, early, late)
	r.Products = []policy.Product{"p"} // a product's rows may end; a channel's generic rows may not
	tbl, err := policy.NewTable([]policy.Row{r})
	if err != nil {
		t.Fatal(err)
	}
	key := policy.Key{Channel: policy.DirectMOSA, Term: policy.Annual, Product: "p"}
	s := mustSchedule(t, tbl, key)
	v := viewOf(s)
	if v.Len() != 1 || v.Starts[0] != math.MinInt64 || v.Ends[0] != math.MaxInt64 {
		t.Errorf("view = %v, %v; want the period clamped to [MinInt64, MaxInt64]", v.Starts, v.Ends)
	}
	if !s.Version(0).From().Equal(early) || !s.Version(0).Until().Equal(late) {
		t.Errorf("Version(0) = %v, want [1600, 3000) exactly", s.Version(0))
	}
	ns := time.Nanosecond
	for _, tt := range []struct {
		at     time.Time
		reason string // "" for in force
	}{
		{early.Add(-ns), "before the first documented rule, in force from 1600-01-01"},
		{early, ""},
		{utc(1650, 1, 1, 0, 0), ""},
		{utc(2026, 1, 1, 0, 0), ""},
		{utc(2500, 1, 1, 0, 0), ""},
		{late.Add(-ns), ""},
		{late, "after the last documented rule, in force until 3000-01-01"},
	} {
		_, err := s.At(tt.at)
		switch {
		case tt.reason == "" && err != nil:
			t.Errorf("At(%v) error %v, want the version", tt.at, err)
		case tt.reason != "" && (err == nil || reasonOf(t, err) != tt.reason):
			t.Errorf("At(%v) error %v, want %q", tt.at, err, tt.reason)
		}
		want := -1
		if tt.reason == "" {
			want = 0
		}
		checkAt(t, tbl, s, key, tt.at, want)
	}
}
