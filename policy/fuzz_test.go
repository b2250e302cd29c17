package policy_test

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/lapse-go/lapse/policy"
)

// FuzzLoadJSON checks that no input makes the loader panic, that every
// problem it reports is a *FileError matching ErrInvalid, at most
// MaxProblems of them and a count, and that what it accepts writes back
// and loads again to an equal table or layer. Besides the seeds below,
// testdata/fuzz/FuzzLoadJSON holds inputs that once found defects (lone
// surrogates, the zero instant, overlapping rows, fields out of order,
// …); plain go test runs them all. CI fuzzes for a bounded number of
// executions (about 30 s on two cores), with minimisation bounded too so
// that the run keeps executing:
//
//	go test -run='^$' -fuzz='^FuzzLoadJSON$' -fuzztime=300000x -fuzzminimizetime=5s ./policy
//
// A count rather than a duration (-fuzztime=30s works too) sidesteps a race
// in the fuzzing coordinator of Go 1.26 that can fail a run with "context
// deadline exceeded", and no failing input, at the deadline (go.dev/issue/75804,
// fixed in Go 1.27); it was seen here with -fuzztime=30s under load.
func FuzzLoadJSON(f *testing.F) {
	for _, name := range []string{golden, "testdata/21vianet.json", "testdata/reseller-copilot.json"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(oneRow))
	f.Add([]byte(fileWith("overrides", `{"channel": "csp-nce", "countries": ["CN"], "offers": ["o"], "terms": ["annual"], "from": "2022-01-01T10:00:00+01:00", "until": "2030-01-01", "cite": {"rules": "R", "sources": "S"}, "cancel": {"window": {"kind": "after-start", "length": 3, "unit": "days", "inclusive": false}}}`)))
	f.Add([]byte(`{"format": "lapse-policy/v1", "kind": "table", "rows": [{"channel": "x", "expired": {"days": -1e99}}, [], "\u00e9\ud800"]}`))
	f.Add([]byte(strings.Replace(oneRow, `"salesEnd": null`, `"salesEnd": "9999-12-31T18:59:59.999999999-05:00"`, 1)))
	f.Add([]byte(`[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[`))
	f.Fuzz(func(t *testing.T, data []byte) {
		tbl, err := policy.ParseJSON(data, policy.LoadOptions{Name: "fuzz.json"})
		if err != nil {
			if !errors.Is(err, policy.ErrInvalid) {
				t.Fatalf("error %v does not match ErrInvalid", err)
			}
			problems := leaves(err)
			for _, e := range problems {
				var fe *policy.FileError
				if !errors.As(e, &fe) {
					t.Fatalf("error %v is not a *FileError", e)
				}
			}
			if len(problems) > policy.MaxProblems+1 {
				t.Fatalf("%d problems, want at most %d and a count of the rest", len(problems), policy.MaxProblems)
			}
			return
		}
		var b bytes.Buffer
		if layers := tbl.Layers(); len(layers) > 0 {
			if err := layers[0].WriteJSON(&b); err != nil {
				t.Fatalf("Layer.WriteJSON of an accepted file: %v", err)
			}
			back, err := policy.ParseJSON(b.Bytes(), policy.LoadOptions{})
			if err != nil {
				t.Fatalf("reading what Layer.WriteJSON wrote: %v\n%s", err, b.Bytes())
			}
			if diff := cmp.Diff(layers[0].Overrides(), back.Layers()[0].Overrides(), cmpopts.EquateEmpty()); diff != "" {
				t.Fatalf("layer round trip mismatch (-want +got):\n%s", diff)
			}
			return
		}
		if err := tbl.WriteJSON(&b); err != nil {
			t.Fatalf("WriteJSON of an accepted file: %v", err)
		}
		back, err := policy.ParseJSON(b.Bytes(), policy.LoadOptions{})
		if err != nil {
			t.Fatalf("reading what WriteJSON wrote: %v\n%s", err, b.Bytes())
		}
		if diff := cmp.Diff(tbl.Rows(), back.Rows(), cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("table round trip mismatch (-want +got):\n%s", diff)
		}
	})
}
