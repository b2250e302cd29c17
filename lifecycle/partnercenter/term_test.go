package partnercenter_test

import (
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/lifecycle/partnercenter"
	"github.com/lapse-go/lapse/policy"
)

// TestCurrentTerm is the table of the current-term rule: the first term
// (whole or shortened), a renewed term of the chain (from 00:00Z of its
// first day, with month ends clamped), a term off the chain (refused), and
// Options.TermStart.
func TestCurrentTerm(t *testing.T) {
	bought := utc(2024, 1, 31, 8, 0, 0) // a 31st, in a leap year
	tests := []struct {
		name, reason string
		term, end    string
		termStart    time.Time // Options.TermStart for the id; zero for none
		wantStart    time.Time // zero when refused
	}{
		{name: "first term", reason: "Jan 31 + 1 month is Feb 29, the day before is the end",
			term: "P1M", end: "2024-02-28T00:00:00Z", wantStart: bought},
		{name: "shortened first term", reason: "end date alignment shortens the first term",
			term: "P1M", end: "2024-02-15T00:00:00Z", wantStart: bought},
		{name: "second term", reason: "Feb 29 to Mar 30",
			term: "P1M", end: "2024-03-30T00:00:00Z", wantStart: day(2024, 2, 29)},
		{name: "third term", reason: "Mar 31 to Apr 29: the chain keeps the 31st",
			term: "P1M", end: "2024-04-29T00:00:00Z", wantStart: day(2024, 3, 31)},
		{name: "a day after a term end", reason: "no whole term of the chain ends then",
			term: "P1M", end: "2024-03-31T00:00:00Z"},
		{name: "a day before a term end", term: "P1M", end: "2024-04-28T00:00:00Z"},
		{name: "two years on", term: "P1M", end: "2026-05-30T00:00:00Z", wantStart: day(2026, 4, 30)},
		{name: "annual renewed", term: "P1Y", end: "2026-01-30T00:00:00Z", wantStart: day(2025, 1, 31)},
		{name: "annual first", term: "P1Y", end: "2025-01-30T00:00:00Z", wantStart: bought},
		{name: "annual aligned then renewed", reason: "a first term aligned to June 30, renewed: the start is not known",
			term: "P1Y", end: "2025-06-30T00:00:00Z"},
		{name: "multi-year renewed", term: "P3Y", end: "2030-01-30T00:00:00Z", wantStart: day(2027, 1, 31)},
		{name: "term changed at renewal", reason: "12 monthly terms then an annual one ends on the annual chain",
			term: "P1Y", end: "2026-01-30T00:00:00Z", wantStart: day(2025, 1, 31)},
		{name: "TermStart", reason: "the caller knows when the renewal completed",
			term: "P1Y", end: "2025-06-30T00:00:00Z", termStart: utc(2024, 7, 1, 3, 12, 0), wantStart: utc(2024, 7, 1, 3, 12, 0)},
		{name: "TermStart on a chain term", reason: "it replaces the derivation, with the exact instant",
			term: "P1M", end: "2024-03-30T00:00:00Z", termStart: utc(2024, 2, 29, 6, 0, 0), wantStart: utc(2024, 2, 29, 6, 0, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := monthly(t)
			s.EffectiveStartDate, s.TermDuration, s.CommitmentEndDate = "2024-01-31T08:00:00Z", tt.term, tt.end
			var opts partnercenter.Options
			if !tt.termStart.IsZero() {
				opts.TermStart = map[string]time.Time{s.ID: tt.termStart}
			}
			got, err := s.Spec(opts)
			if tt.wantStart.IsZero() {
				if r := refusalOf(err); r.Field != "commitmentEndDate" || r.Option != "TermStart" {
					t.Fatalf("Spec: start %v, %v; want a refusal of commitmentEndDate naming TermStart (%s)", got.Start, err, tt.reason)
				}
				return
			}
			if err != nil {
				t.Fatalf("Spec: %v (%s)", err, tt.reason)
			}
			if !got.Start.Equal(tt.wantStart) {
				t.Errorf("Spec().Start = %v, want %v (%s)", got.Start, tt.wantStart, tt.reason)
			}
		})
	}
}

func TestTermStartInvalid(t *testing.T) {
	s := monthly(t)
	_, err := s.Spec(partnercenter.Options{TermStart: map[string]time.Time{s.ID: {}}})
	if r := refusalOf(err); r.Field != `Options.TermStart["`+s.ID+`"]` {
		t.Errorf("Spec with a zero TermStart = %v; want a refusal of Options.TermStart", err)
	}
}

// TestCurrentTermIsLapsesRenewal checks the current-term rule against
// lapse itself: for a subscription lapse renews automatically from a
// purchase, the term lapse is in at any instant, given to the import as
// commitmentEndDate, maps back to a subscription whose first term is that
// term — so the import agrees with lapse's renewal chain (DC-1), month
// ends and leap days included.
func TestCurrentTermIsLapsesRenewal(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		term := rapid.SampledFrom([]policy.Term{policy.Monthly, policy.Annual, policy.MultiYear}).Draw(t, "term")
		bought := day(2022, 1, 1).Add(time.Duration(rapid.Int64Range(0, 8*365*24*3600).Draw(t, "bought")) * time.Second)
		end, err := lifecycle.EndOfTerm(bought, term)
		if err != nil {
			t.Fatal(err)
		}
		sub, err := lifecycle.New(lifecycle.Spec{ID: "x", Channel: policy.CSPNewCommerce, Term: term, Start: bought, End: end, Licenses: 1, RecurringBilling: true})
		if err != nil {
			t.Fatal(err)
		}
		at := bought.Add(time.Duration(rapid.Int64Range(0, 10*365*24*3600).Draw(t, "later")) * time.Second)
		st, err := lifecycle.Evaluate(sub, policy.Builtin(), at)
		if err != nil {
			t.Fatal(err)
		}
		s := partnercenter.Subscription{
			ID: "x", OfferID: "CFQ7TTC0LH18:0001", Quantity: ptr(1), AutoRenewEnabled: ptr(true), Status: "active",
			EffectiveStartDate: bought.Format(time.RFC3339Nano),
			CommitmentEndDate:  st.TermEnd().UTC().Format(time.RFC3339),
			TermDuration:       map[policy.Term]string{policy.Monthly: "P1M", policy.Annual: "P1Y", policy.MultiYear: "P3Y"}[term],
		}
		spec, err := s.Spec(partnercenter.Options{AsOf: at})
		if err != nil {
			t.Fatalf("Spec of the term %v to %v: %v", st.TermStart(), st.TermEnd(), err)
		}
		wantStart := st.TermStart().UTC()
		if st.TermStart() == clock.DateOf(bought.UTC()) {
			wantStart = bought // the first term starts at the purchase instant
		}
		if !spec.Start.Equal(wantStart) || spec.End != st.TermEnd() {
			t.Fatalf("Spec = %v to %v; lapse's term is %v to %v", spec.Start, spec.End, wantStart, st.TermEnd())
		}
	})
}
