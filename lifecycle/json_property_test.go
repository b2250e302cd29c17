package lifecycle_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/lapse-go/lapse/lifecycle"
)

// propJSONRoundTrip: a generated subscription written as JSON reads back as
// the same subscription — the same Spec, written again the same bytes —
// and judged against the same table it gives the same answers, every one
// of its StatusRecord, at every probe.
func propJSONRoundTrip(t *rapid.T) {
	c := drawCase(t)
	b, err := json.Marshal(c.Sub)
	if err != nil {
		t.Fatalf("json.Marshal: %v", err)
	}
	var back lifecycle.Subscription
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("json.Unmarshal(%s): %v", b, err)
	}
	if diff := cmp.Diff(c.Sub.Spec(), back.Spec(), endByDate); diff != "" {
		t.Fatalf("Spec round trip of %s mismatch (-want +got):\n%s", b, diff)
	}
	if again, err := json.Marshal(back); err != nil || !bytes.Equal(again, b) {
		t.Fatalf("written again: %s, %v\nfirst: %s", again, err, b)
	}
	lc, err := lifecycle.Judge(back, c.Table)
	if err != nil {
		t.Fatalf("Judge(read back): %v", err)
	}
	for _, at := range probes(t, c) {
		want := evaluate(t, c, at).Record()
		st, err := lc.At(at)
		if err != nil {
			t.Fatalf("At(%v) of the subscription read back: %v", at, err)
		}
		if diff := cmp.Diff(want, st.Record()); diff != "" {
			t.Fatalf("At(%v): the subscription read back answers otherwise (-want +got):\n%s", at, diff)
		}
	}
}

// propRecordJSONRoundTrip: the StatusRecord of every probe of a generated
// subscription survives JSON exactly, and a Status writes its record.
func propRecordJSONRoundTrip(t *rapid.T) {
	c := drawCase(t)
	for _, at := range probes(t, c) {
		st := evaluate(t, c, at)
		r := st.Record()
		b, err := json.Marshal(st)
		if err != nil {
			t.Fatalf("json.Marshal(Status at %v): %v", at, err)
		}
		if rb, err := json.Marshal(r); err != nil || !bytes.Equal(rb, b) {
			t.Fatalf("json.Marshal(Record()) = %s, %v\nwant the Status's %s", rb, err, b)
		}
		var back lifecycle.StatusRecord
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("json.Unmarshal(record at %v): %v", at, err)
		}
		if diff := cmp.Diff(r, back); diff != "" {
			t.Fatalf("StatusRecord at %v round trip mismatch (-want +got):\n%s", at, diff)
		}
	}
}

func TestPropertyJSONRoundTrip(t *testing.T) { rapid.Check(t, propJSONRoundTrip) }

// TestPropertyRecordJSONRoundTrip waits on the enum codecs (issue 13 part
// a): Cause, DataAccess, AppsMode and Billing have no UnmarshalText yet,
// and role sets are numbers.
func TestPropertyRecordJSONRoundTrip(t *testing.T) { rapid.Check(t, propRecordJSONRoundTrip) }

func FuzzPropertyJSONRoundTrip(f *testing.F)       { f.Fuzz(rapid.MakeFuzz(propJSONRoundTrip)) }
func FuzzPropertyRecordJSONRoundTrip(f *testing.F) { f.Fuzz(rapid.MakeFuzz(propRecordJSONRoundTrip)) }
