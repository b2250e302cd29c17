package lifecycle_test

import (
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

var benchSinkReasons []lifecycle.Reason

// benchExplainStatus is the README's subscription, Expired on 2026-04-15.
func benchExplainStatus(b *testing.B) lifecycle.Status {
	lc := judge(b, mustNew(b, lifecycle.Spec{
		ID: "bench", Channel: policy.DirectMOSA, Term: policy.Annual,
		Start: time.Date(2025, 4, 1, 10, 0, 0, 0, time.UTC), End: day(2026, 3, 31),
		Licenses: 10, Assigned: 8, PaymentMethod: true, RecurringBilling: true,
		History: []lifecycle.Event{{Kind: lifecycle.RecurringBillingOff, At: time.Date(2026, 2, 1, 12, 0, 0, 0, time.UTC), Actor: lifecycle.BillingAdmin}},
	}), builtin)
	st, err := lc.At(time.Date(2026, 4, 15, 9, 0, 0, 0, time.UTC))
	if err != nil {
		b.Fatal(err)
	}
	return st
}

// BenchmarkExplain is Explain with its English words: on demand, never on
// the Evaluate path.
func BenchmarkExplain(b *testing.B) {
	st := benchExplainStatus(b)
	b.ReportAllocs()
	for b.Loop() {
		benchSinkReasons = st.Explain()
	}
	if len(benchSinkReasons) == 0 {
		b.Fatal("no reasons")
	}
}

// BenchmarkExplainGerman adds the German rendering of every reason.
func BenchmarkExplainGerman(b *testing.B) {
	st := benchExplainStatus(b)
	b.ReportAllocs()
	var s string
	for b.Loop() {
		for _, r := range st.Explain() {
			s = r.In(language.German)
		}
	}
	if s == "" {
		b.Fatal("no words")
	}
}
