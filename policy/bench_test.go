package policy_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/lapse-go/lapse/policy"
)

func BenchmarkLookup(b *testing.B) {
	tbl := policy.Builtin()
	k := policy.Key{Channel: policy.VolumeLicensing, Term: policy.Annual, Product: policy.Copilot}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := tbl.Lookup(k, y2026); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLookupWithOverrides(b *testing.B) {
	tbl := withOverrides(b, "testdata/21vianet.json")
	k := policy.Key{Channel: policy.CSPNewCommerce, Term: policy.Annual, Country: "CN"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := tbl.Lookup(k, y2026); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSchedule finds the schedule of a key whose class is built.
func BenchmarkSchedule(b *testing.B) {
	tbl := withOverrides(b, "testdata/21vianet.json")
	k := policy.Key{Channel: policy.CSPNewCommerce, Term: policy.Annual, Country: "CN", Offer: "x"}
	if _, err := tbl.Schedule(k); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := tbl.Schedule(k); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScheduleAt finds the version in force at an instant.
func BenchmarkScheduleAt(b *testing.B) {
	s, err := policy.Builtin().Schedule(policy.Key{Channel: policy.DirectMOSA, Term: policy.Annual})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.At(y2026); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEffective(b *testing.B) {
	tbl := withOverrides(b, "testdata/21vianet.json")
	k := policy.Key{Channel: policy.CSPNewCommerce, Term: policy.Annual, Country: "CN"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := tbl.Effective(k, y2026); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadBuiltinJSON loads the built-in table from its JSON form; it
// must stay well under a millisecond.
func BenchmarkLoadBuiltinJSON(b *testing.B) {
	data, err := os.ReadFile(golden)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := policy.ParseJSON(data, policy.LoadOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadOverridesJSON(b *testing.B) {
	data, err := os.ReadFile("testdata/21vianet.json")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := policy.ParseJSON(data, policy.LoadOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteBuiltinJSON(b *testing.B) {
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := policy.Builtin().WriteJSON(&buf); err != nil {
			b.Fatal(err)
		}
	}
}
