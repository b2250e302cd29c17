package policy_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/iotest"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/lapse-go/lapse/policy"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

const golden = "testdata/builtin.golden.json"

// withOverrides loads an overrides file onto the built-in table.
func withOverrides(t testing.TB, name string) *policy.Table {
	t.Helper()
	tbl, err := policy.LoadFile(name, policy.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return tbl
}

func TestBuiltinGolden(t *testing.T) {
	var b bytes.Buffer
	if err := policy.Builtin().WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./policy -update)", err)
	}
	if diff := cmp.Diff(string(want), b.String()); diff != "" {
		t.Errorf("Builtin().WriteJSON() mismatch with %s (-want +got; go test ./policy -update to accept):\n%s", golden, diff)
	}
}

func TestBuiltinRoundTrip(t *testing.T) {
	tbl, err := policy.LoadFile(golden, policy.LoadOptions{})
	if err != nil {
		t.Fatalf("LoadFile(%s) error: %v", golden, err)
	}
	if diff := cmp.Diff(policy.Builtin().Rows(), tbl.Rows()); diff != "" {
		t.Errorf("LoadFile(%s).Rows() mismatch (-want +got):\n%s", golden, diff)
	}
	if got := tbl.Name(); got != "builtin" {
		t.Errorf("Name() = %q, want builtin", got)
	}
	var again bytes.Buffer
	if err := tbl.WriteJSON(&again); err != nil {
		t.Fatal(err)
	}
	want, _ := os.ReadFile(golden)
	if !bytes.Equal(want, again.Bytes()) {
		t.Error("writing the loaded table does not reproduce the golden file")
	}
}

// oneRow is a valid table file with one open-ended csp-legacy row, the text
// the validation cases edit.
var oneRow = func() string {
	r, err := policy.Builtin().Lookup(policy.Key{Channel: policy.CSPLegacy, Term: policy.Annual}, time.Now())
	if err != nil {
		panic(err)
	}
	tbl, err := policy.NewTable([]policy.Row{{Channel: policy.CSPLegacy, From: time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC), Rules: r}})
	if err != nil {
		panic(err)
	}
	var b bytes.Buffer
	if err := tbl.WriteJSON(&b); err != nil {
		panic(err)
	}
	return strings.Replace(b.String(), `"kind": "table",`, `"kind": "table",`+"\n"+`  "name": "t",`, 1)
}()

// replace returns an edit that replaces old by new exactly once.
func replace(old, new string) func(t *testing.T, s string) string {
	return func(t *testing.T, s string) string {
		t.Helper()
		if strings.Count(s, old) != 1 {
			t.Fatalf("%q occurs %d times in the file", old, strings.Count(s, old))
		}
		return strings.Replace(s, old, new, 1)
	}
}

// rowsOf returns a file of kind table with the given rows text.
func fileWith(kind, rows string) string {
	return `{"format": "lapse-policy/v1", "kind": "` + kind + `", "name": "t", "rows": [` + rows + `]}`
}

// secondRow returns oneRow's row with from and until replaced.
func secondRow(t *testing.T, from, until string) string {
	s := oneRow[strings.Index(oneRow, "    {"):strings.LastIndex(oneRow, "\n  ]")]
	s = replace(`"from": "2016-01-01"`, `"from": "`+from+`"`+until)(t, s)
	return s
}

// problem is the part of a *FileError a validation case checks.
type problem struct {
	Pos    string // "line:col", "" to skip
	Field  string
	Value  string
	Reason string // a substring of the reason
}

func problemsOf(t *testing.T, err error) []problem {
	t.Helper()
	if err == nil {
		return nil
	}
	if !errors.Is(err, policy.ErrInvalid) {
		t.Errorf("error %v does not match ErrInvalid", err)
	}
	var out []problem
	for _, e := range leaves(err) {
		var fe *policy.FileError
		if !errors.As(e, &fe) {
			t.Errorf("error %v is not a *FileError", e)
			continue
		}
		pos := ""
		if fe.Line > 0 {
			pos = fmt.Sprintf("%d:%d", fe.Line, fe.Col)
		}
		out = append(out, problem{pos, fe.Field, fe.Value, fe.Reason})
	}
	return out
}

func TestParseJSONErrors(t *testing.T) {
	anyPos := cmp.Comparer(func(a, b problem) bool {
		return (a.Pos == "" || b.Pos == "" || a.Pos == b.Pos) && a.Field == b.Field && a.Value == b.Value &&
			(strings.Contains(a.Reason, b.Reason) || strings.Contains(b.Reason, a.Reason))
	})
	tests := []struct {
		name   string
		file   func(t *testing.T) string
		want   []problem
		reason string
	}{
		{"valid", func(t *testing.T) string { return oneRow }, nil, "the base file loads"},
		{"syntax error", func(t *testing.T) string { return replace(`"kind": "table",`, `"kind": "table"`)(t, oneRow) },
			[]problem{{"4:3", "", "", `invalid character '"' after object value`}}, "line and column of the syntax error"},
		{"not an object", func(*testing.T) string { return `[]` }, []problem{{"1:1", "", "[]", "want a JSON object"}}, "the top level is an object"},
		{"empty", func(*testing.T) string { return "" }, []problem{{"1:1", "", "", "empty input"}}, "nothing to read"},
		{"missing format", func(t *testing.T) string { return replace(`"format": "lapse-policy/v1",`, ``)(t, oneRow) },
			[]problem{{"1:1", "format", "", "missing"}}, "the format is required"},
		{"future format", func(t *testing.T) string { return replace(`lapse-policy/v1`, `lapse-policy/v2`)(t, oneRow) },
			[]problem{{"2:13", "format", `"lapse-policy/v2"`, "unsupported format"}}, "a later version is refused, not guessed at"},
		{"missing kind", func(t *testing.T) string { return replace(`"kind": "table",`, ``)(t, oneRow) },
			[]problem{{"", "kind", "", "missing"}}, "table or overrides must be said"},
		{"wrong kind", func(t *testing.T) string { return replace(`"kind": "table"`, `"kind": "patch"`)(t, oneRow) },
			[]problem{{"", "kind", `"patch"`, `want "table" or "overrides"`}}, "two kinds"},
		{"unknown top-level key", func(t *testing.T) string { return replace(`"name": "t"`, `"name": "t", "nmae": 1`)(t, oneRow) },
			[]problem{{"", "nmae", `"nmae"`, `did you mean "name"?`}}, "unknown fields are errors"},
		{"duplicate key", func(t *testing.T) string { return replace(`"name": "t"`, `"name": "t", "name": "u"`)(t, oneRow) },
			[]problem{{"4:16", "name", `"name"`, "duplicate key"}}, "the second name is refused"},
		{"rows not an array", func(*testing.T) string { return `{"format": "lapse-policy/v1", "kind": "table", "rows": {}}` },
			[]problem{{"", "rows", "{}", "want an array of rows"}}, "rows is an array"},
		{"row not an object", func(*testing.T) string { return fileWith("table", `3`) },
			[]problem{{"", "rows[0]", "3", "want an object"}}, "rows are objects"},
		{"unknown row field with Go name", func(t *testing.T) string { return replace(`"expired": {"days": 0}`, `"expiredDays": 0`)(t, oneRow) },
			[]problem{{"", "rows[0]", "", "missing rule fields (a row of a table file gives every one; see policy.FieldPaths): expired"}, {"", "rows[0].expiredDays", `"expiredDays"`, `did you mean "expired"?`}},
			"a Go field name is a hint, and the field is still missing"},
		{"unknown nested field", func(t *testing.T) string {
			return replace(`"allowReplaceWhileDisabled": false`, `"allowReplaceWhileDisabled": false, "alowReplace": true`)(t, oneRow)
		}, []problem{{"", "rows[0].payment.alowReplace", `"alowReplace"`, "unknown field"}}, "unknown fields in groups are errors"},
		{"negative duration", func(t *testing.T) string {
			return replace(`"disabled": {"days": 0},`+"\n"+`      "services`, `"disabled": {"days": -30},`+"\n"+`      "services`)(t, oneRow)
		},
			[]problem{{"", "rows[0].disabled.days", "-30", "must not be negative"}}, "negative durations"},
		{"absurd duration", func(t *testing.T) string { return replace(`"max": {"days": 90}`, `"max": {"days": 36500}`)(t, oneRow) },
			[]problem{{"", "rows[0].suspension.max.days", "36500", "absurd: more than 3660 days"}}, "a century of suspension is a typo"},
		{"absurd hours", func(t *testing.T) string {
			return replace(`"explicitDelete": {"hours": 72}`, `"explicitDelete": {"hours": 100000}`)(t, oneRow)
		},
			[]problem{{"", "rows[0].purge.explicitDelete.hours", "100000", "absurd: more than 87840 hours"}}, "hours are bounded too"},
		{"duration without unit", func(t *testing.T) string { return replace(`"expired": {"days": 0}`, `"expired": 30`)(t, oneRow) },
			[]problem{{"", "rows[0].expired", "30", `a duration needs its unit: write {"days": 30}`}}, "a bare number is refused"},
		{"duration in the wrong unit", func(t *testing.T) string {
			return replace(`"expired": {"days": 0}`, `"expired": {"hours": 720}`)(t, oneRow)
		},
			[]problem{{"", "rows[0].expired.hours", "720", `this duration counts days: write {"days": n}`}}, "Expired counts calendar days (DC-2)"},
		{"duration with no key", func(t *testing.T) string { return replace(`"expired": {"days": 0}`, `"expired": {}`)(t, oneRow) },
			[]problem{{"", "rows[0].expired", "{}", "a duration needs its unit"}}, "an empty object"},
		{"fraction", func(t *testing.T) string {
			return replace(`"expired": {"days": 0}`, `"expired": {"days": 1.5}`)(t, oneRow)
		},
			[]problem{{"", "rows[0].expired.days", "1.5", "want a whole number"}}, "whole days"},
		{"huge number", func(t *testing.T) string { return replace(`"min": 1`, `"min": 99999999999999999999`)(t, oneRow) },
			[]problem{{"", "rows[0].licenses.min", "99999999999999999999", "number out of range"}}, "no overflow"},
		{"window without unit", func(t *testing.T) string {
			return replace(`"window": {"kind": "never"}`, `"window": {"kind": "after-start", "length": 7, "inclusive": true}`)(t, oneRow)
		}, []problem{
			{"", "rows[0].cancel.window.unit", `{"kind": "after-start", "length": 7, "inclusive": true}`, "missing: an after-start window needs a unit (days or hours)"},
		}, "DC-5/DC-6 need the unit (checks across fields wait until the fields read)"},
		{"window with unknown unit", func(t *testing.T) string {
			return replace(`"window": {"kind": "never"}`, `"window": {"kind": "after-start", "length": 1, "unit": "weeks", "inclusive": true}`)(t, oneRow)
		}, []problem{{"", "rows[0].cancel.window.unit", `"weeks"`, "want one of days, hours"}},
			"weeks are not a unit"},
		{"window without inclusive", func(t *testing.T) string {
			return replace(`"removeWindow": {"kind": "anytime"}`, `"removeWindow": {"kind": "after-start", "length": 7, "unit": "days"}`)(t, oneRow)
		}, []problem{{"", "rows[0].licenses.removeWindow.inclusive", `{"kind": "after-start", "length": 7, "unit": "days"}`, "[AMBIGUOUS]"}},
			"the DC-6 boundary is a setting the file states"},
		{"never window with a length", func(t *testing.T) string {
			return replace(`"window": {"kind": "never"}`, `"window": {"kind": "never", "length": 3}`)(t, oneRow)
		}, []problem{{"", "rows[0].cancel.window.length", "3", "only an after-start window has a length and unit"}}, "a length means nothing here"},
		{"window of zero length", func(t *testing.T) string {
			return replace(`"removeWindow": {"kind": "anytime"}`, `"removeWindow": {"kind": "after-start", "length": 0, "unit": "hours", "inclusive": true}`)(t, oneRow)
		}, []problem{{"", "rows[0].licenses.removeWindow.length", "0", "positive length"}}, "an empty window"},
		{"unknown enum name", func(t *testing.T) string {
			return replace(`"expiryAnchor": "day-after-end-date"`, `"expiryAnchor": "DayAfterEndDate"`)(t, oneRow)
		},
			[]problem{{"", "rows[0].expiryAnchor", `"DayAfterEndDate"`, "want one of on-end-date, day-after-end-date"}}, "text names only"},
		{"required enum null", func(t *testing.T) string {
			return replace(`"expiryAnchor": "day-after-end-date"`, `"expiryAnchor": null`)(t, oneRow)
		},
			[]problem{{"", "rows[0].expiryAnchor", "null", "not a valid ExpiryAnchor"}}, "Validate refuses the zero anchor"},
		{"bool as string", func(t *testing.T) string {
			return replace(`"explicitDelete": false`, `"explicitDelete": "false"`)(t, oneRow)
		},
			[]problem{{"", "rows[0].explicitDelete", `"false"`, "want true or false"}}, "types are strict"},
		{"missing citation", func(t *testing.T) string {
			s := oneRow
			return s[:strings.Index(s, `      "cite"`)] + s[strings.Index(s, `      "expiryAnchor"`):]
		}, []problem{{"", "rows[0].cite", "", "missing: every row cites its rule ids and sources"}}, "every row cites"},
		{"empty citation", func(t *testing.T) string {
			return replace(`"sources": "[PC-LIFE-2023-08], [P-PC-SUSP-OLD], [PC-TRIAL-2022-09]"`, `"sources": ""`)(t, oneRow)
		},
			[]problem{{"", "rows[0].cite.sources", `""`, "every row must cite its sources"}}, "an empty citation is none"},
		{"missing channel and from", func(t *testing.T) string {
			return replace(`"from": "2016-01-01",`, ``)(t, replace(`"channel": "csp-legacy",`, ``)(t, oneRow))
		}, []problem{{"6:5", "rows[0].channel", "", "missing"}, {"6:5", "rows[0].from", "", "missing"}}, "scope and period are required"},
		{"unknown channel", func(t *testing.T) string { return replace(`"channel": "csp-legacy"`, `"channel": "csp"`)(t, oneRow) },
			[]problem{{"", "rows[0].channel", `"csp"`, "want one of direct-mosa"}}, "channels by name"},
		{"bad date", func(t *testing.T) string { return replace(`"from": "2016-01-01"`, `"from": "01/01/2016"`)(t, oneRow) },
			[]problem{{"", "rows[0].from", `"01/01/2016"`, "want a date such as"}}, "dates are ISO"},
		{"impossible date", func(t *testing.T) string { return replace(`"from": "2016-01-01"`, `"from": "2016-02-30"`)(t, oneRow) },
			[]problem{{"", "rows[0].from", `"2016-02-30"`, "want a date such as"}}, "no 30 February"},
		{"year zero", func(t *testing.T) string { return replace(`"from": "2016-01-01"`, `"from": "0000-01-01"`)(t, oneRow) },
			[]problem{{"", "rows[0].from", `"0000-01-01"`, "in the years 1 to 9999"}}, "a file cannot hold year 0"},
		{"year 10000 in UTC", func(t *testing.T) string {
			return replace(`"salesEnd": null`, `"salesEnd": "9999-12-31T23:00:00-05:00"`)(t, oneRow)
		},
			[]problem{{"", "rows[0].salesEnd", `"9999-12-31T23:00:00-05:00"`, "in the years 1 to 9999"}}, "what loads must write back"},
		{"dates out of order", func(t *testing.T) string {
			return replace(`"from": "2016-01-01"`, `"from": "2016-01-01", "until": "2015-12-31T23:00:00+02:00"`)(t, oneRow)
		},
			[]problem{{"", "rows[0].until", `"2015-12-31T23:00:00+02:00"`, `dates out of order: must be after from "2016-01-01"`}}, "until after from, on instants"},
		{"empty period", func(t *testing.T) string {
			return replace(`"from": "2016-01-01"`, `"from": "2016-01-01", "until": "2016-01-01"`)(t, oneRow)
		},
			[]problem{{"", "rows[0].until", `"2016-01-01"`, "dates out of order"}}, "From must be before Until"},
		{"terms", func(t *testing.T) string {
			return replace(`"channel": "csp-legacy",`, `"channel": "csp-legacy", "terms": ["annual", "yearly", "annual"],`)(t, oneRow)
		}, []problem{{"", "rows[0].terms[1]", `"yearly"`, "want one of monthly, annual, multi-year"}, {"", "rows[0].terms[2]", `"annual"`, "listed twice"}},
			"term names, each once"},
		{"empty scope list", func(t *testing.T) string {
			return replace(`"channel": "csp-legacy",`, `"channel": "csp-legacy", "products": [],`)(t, oneRow)
		},
			[]problem{{"", "rows[0].products", "[]", "must not be empty"}}, "leave the key out instead"},
		{"lower-case country", func(t *testing.T) string {
			return replace(`"channel": "csp-legacy",`, `"channel": "csp-legacy", "countries": ["cn"],`)(t, oneRow)
		},
			[]problem{{"", "rows[0].countries[0]", `"cn"`, "ISO 3166-1 alpha-2"}}, "country codes are upper case"},
		{"missing group", func(t *testing.T) string {
			s := oneRow
			return s[:strings.Index(s, `      "payment"`)-2] + "\n    }\n  ]\n}\n"
		}, []problem{{"", "rows[0]", "", "missing rule fields (a row of a table file gives every one; see policy.FieldPaths): payment"}}, "a table row gives every field"},
		{"cross-field problem", func(t *testing.T) string {
			return replace(`"cancelDeadline": {"days": 180}`, `"cancelDeadline": {"days": 30}`)(t, oneRow)
		},
			[]problem{{"", "rows[0].purge.cancelDeadline", `{"days": 30}`, "must not precede Purge.CancelNotBeforeDays (90)"}}, "Rules.Validate runs on every row (DC-7)"},
		{"overlapping rows", func(t *testing.T) string {
			return strings.Replace(oneRow, "\n  ]", ",\n"+secondRow(t, "2020-01-01", "")+"\n  ]", 1)
		}, []problem{{"96:5", "rows[1]", `"csp-legacy any [] [2020-01-01, open)"`, "overlaps rows[0] (csp-legacy any [] [2016-01-01, open))"}}, "two rules for the same key and period"},
		{"gap", func(t *testing.T) string {
			s := replace(`"from": "2016-01-01"`, `"from": "2016-01-01", "until": "2018-01-01"`)(t, oneRow)
			return strings.Replace(s, "\n  ]", ",\n"+secondRow(t, "2018-03-01", "")+"\n  ]", 1)
		}, []problem{{"", "rows[0].until", `"2018-01-01"`, "gap: no rule in force for csp-legacy (every term) from 2018-01-01 until 2018-03-01, where rows[1] begins"}},
			"a channel has no rule for two months"},
		{"closed end", func(t *testing.T) string {
			return replace(`"from": "2016-01-01"`, `"from": "2016-01-01", "until": "2030-01-01"`)(t, oneRow)
		},
			[]problem{{"", "rows[0].until", `"2030-01-01"`, "no rule in force for csp-legacy (every term) from 2030-01-01 on"}}, "the last row is open-ended"},
		{"many problems at once", func(t *testing.T) string {
			s := replace(`"expired": {"days": 0}`, `"expired": {"days": -1}`)(t, oneRow)
			s = replace(`"min": 1`, `"min": -1`)(t, s)
			return replace(`"name": "t"`, `"name": "t", "x": 1`)(t, s)
		}, []problem{
			{"", "x", `"x"`, "unknown field"},
			{"", "rows[0].expired.days", "-1", "must not be negative"},
			{"", "rows[0].licenses.min", "-1", "must not be negative"},
		}, "all problems, not only the first"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.file(t)
			_, err := policy.ParseJSON([]byte(in), policy.LoadOptions{Name: "t.json"})
			if diff := cmp.Diff(tt.want, problemsOf(t, err), anyPos, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("ParseJSON() problems mismatch (-want +got): %s\n%s\n%s", tt.reason, diff, in)
			}
		})
	}
}

func TestFileErrorMessage(t *testing.T) {
	in := strings.Replace(oneRow, `"disabled": {"days": 0}`, `"disabled": {"days": -30}`, 1) // the first: Rules.DisabledDays
	_, err := policy.ParseJSON([]byte(in), policy.LoadOptions{Name: "eu.json"})
	want := `policy: eu.json:16:28: rows[0].disabled.days = -30: must not be negative`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
	fe := &policy.FileError{Reason: "larger than the limit of 3 bytes"}
	if got, want := fe.Error(), "policy: input: larger than the limit of 3 bytes"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestParseJSONCapsProblems(t *testing.T) {
	rows := strings.Repeat(`1,`, 150) + `1`
	_, err := policy.ParseJSON([]byte(fileWith("table", rows)), policy.LoadOptions{})
	ps := problemsOf(t, err)
	if len(ps) != 101 || !strings.Contains(ps[100].Reason, "and 51 more problems") {
		t.Errorf("got %d problems ending with %+v; want 100 and a count of the rest", len(ps), ps[len(ps)-1])
	}
}

func TestLoadJSONSizeLimit(t *testing.T) {
	_, err := policy.LoadJSON(strings.NewReader(oneRow), policy.LoadOptions{Name: "big.json", MaxBytes: 100})
	want := []problem{{"", "", "", "larger than the limit of 100 bytes"}}
	if diff := cmp.Diff(want, problemsOf(t, err)); diff != "" {
		t.Errorf("LoadJSON() mismatch (-want +got):\n%s", diff)
	}
	if _, err := policy.ParseJSON([]byte(oneRow), policy.LoadOptions{MaxBytes: int64(len(oneRow))}); err != nil {
		t.Errorf("a file of exactly MaxBytes: %v", err)
	}
	_, err = policy.ParseJSON(make([]byte, policy.DefaultMaxBytes+1), policy.LoadOptions{})
	if !errors.Is(err, policy.ErrInvalid) || !strings.Contains(err.Error(), "larger than the limit of 1048576 bytes") {
		t.Errorf("ParseJSON of 1 MiB + 1 = %v, want the default limit", err)
	}
}

func TestLoadJSONReadError(t *testing.T) {
	boom := errors.New("boom")
	_, err := policy.LoadJSON(iotest.ErrReader(boom), policy.LoadOptions{Name: "x.json"})
	if !errors.Is(err, boom) || errors.Is(err, policy.ErrInvalid) {
		t.Errorf("LoadJSON(failing reader) = %v, want the read error", err)
	}
	if _, err := policy.LoadFile("testdata/no-such-file.json", policy.LoadOptions{}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("LoadFile(missing) = %v, want os.ErrNotExist", err)
	}
}

func TestWriteJSONRefuses(t *testing.T) {
	var b bytes.Buffer
	if err := withOverrides(t, "testdata/21vianet.json").WriteJSON(&b); !errors.Is(err, policy.ErrInvalid) {
		t.Errorf("WriteJSON(layered table) = %v, want an error", err)
	}
	r := mosa(t)
	r.Cancel = policy.CancelRules{Window: policy.Window{Kind: policy.Never}}
	r.Cite.Rules = "\xff"
	tbl, _ := policy.NewTable([]policy.Row{{Channel: policy.DirectMOSA, From: utc(2020, 1, 1, 0, 0), Rules: r}})
	if err := tbl.WriteJSON(&b); err == nil || !strings.Contains(err.Error(), "not valid UTF-8") {
		t.Errorf("WriteJSON(invalid UTF-8) = %v", err)
	}
	tbl, _ = policy.NewTable([]policy.Row{{Channel: policy.DirectMOSA, From: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), Rules: mosa(t)}})
	if err := tbl.WriteJSON(&b); err == nil || !strings.Contains(err.Error(), "rows[0].from") {
		t.Errorf("WriteJSON(year 10000) = %v", err)
	}
}

func TestWriteJSONInstants(t *testing.T) {
	r := mosa(t)
	r.SalesEnd = time.Date(2030, 6, 1, 12, 30, 0, 5, time.FixedZone("UTC+2", 7200))
	r.Cite.Rules = "tab\there, \"quote\", \\, \x01"
	tbl, err := policy.NewTable([]policy.Row{{Channel: policy.DirectMOSA, From: time.Date(2020, 1, 1, 0, 0, 0, 0, time.FixedZone("UTC-1", -3600)), Rules: r}})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := tbl.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"from": "2020-01-01T01:00:00Z"`, `"salesEnd": "2030-06-01T10:30:00.000000005Z"`, `"rules": "tab\there, \"quote\", \\, \u0001"`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("WriteJSON output lacks %s", want)
		}
	}
	back, err := policy.ParseJSON(b.Bytes(), policy.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(tbl.Rows(), back.Rows()); diff != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s", diff)
	}
}

// TestParseJSONGapsByTerm checks the gaps of a file whose generic row for
// any term ends before one for the annual term begins, and that NewTable
// refuses the same rows with the same reasons (issue 12, defect 7: it did
// not check gaps).
func TestParseJSONGapsByTerm(t *testing.T) {
	legacy := policy.Builtin().Rows()[19]
	any := legacy
	annual := legacy
	annual.Terms = policy.TermsOf(policy.Annual)
	annual.From = utc(2021, 1, 1, 0, 0)
	tbl, err := policy.NewTable([]policy.Row{any, annual})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := tbl.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	from := `"from": "` + legacy.From.Format(time.DateOnly) + `",`
	file := replace(from, from+` "until": "2020-01-01",`)(t, b.String())
	_, err = policy.ParseJSON([]byte(file), policy.LoadOptions{})
	any.Until = utc(2020, 1, 1, 0, 0)
	_, tableErr := policy.NewTable([]policy.Row{any, annual})
	var tableProblems []problem
	for _, e := range leaves(tableErr) {
		var fe *policy.FieldError
		if !errors.As(e, &fe) {
			t.Fatalf("NewTable: %v is not a *FieldError", e)
		}
		tableProblems = append(tableProblems, problem{"", strings.ToLower(fe.Field), `"` + fe.Value.(time.Time).Format(time.DateOnly) + `"`, fe.Reason})
	}
	want := []problem{
		{"", "rows[0].until", `"2020-01-01"`, "no rule in force for csp-legacy (monthly|multi-year) from 2020-01-01 on: a channel's last row must be open-ended"},
		{"", "rows[0].until", `"2020-01-01"`, "gap: no rule in force for csp-legacy (annual) from 2020-01-01 until 2021-01-01, where rows[1] begins"},
	}
	anyReason := cmp.Comparer(func(a, b problem) bool {
		return a.Field == b.Field && a.Value == b.Value && (strings.Contains(a.Reason, b.Reason) || strings.Contains(b.Reason, a.Reason))
	})
	if diff := cmp.Diff(want, problemsOf(t, err), anyReason, cmpopts.SortSlices(func(a, b problem) bool { return a.Reason < b.Reason })); diff != "" {
		t.Errorf("ParseJSON() problems mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want, tableProblems, anyReason, cmpopts.SortSlices(func(a, b problem) bool { return a.Reason < b.Reason })); diff != "" {
		t.Errorf("NewTable() problems mismatch (-want +got):\n%s", diff)
	}
}

// TestDefect9_ZeroInstantOutOfRange: a date at the zero instant is
// present, and refused as out of range where it is written, not reported
// as missing (issue 12, defect 9). The instant just after it loads.
func TestDefect9_ZeroInstantOutOfRange(t *testing.T) {
	const reason = `out of range: 0001-01-01T00:00:00Z is the zero instant, which means "no date"; want a later instant`
	tests := []struct {
		name string
		file string
		want []problem
	}{
		{"from, a date", fileWith("overrides", `{"channel": "csp-nce", "from": "0001-01-01", "cite": {"rules": "R", "sources": "S"}, "expired": {"days": 30}}`),
			[]problem{{"1:105", "rows[0].from", `"0001-01-01"`, reason}}},
		{"from, an RFC 3339 time in another zone", fileWith("overrides", `{"channel": "csp-nce", "from": "0001-01-01T01:00:00+01:00", "cite": {"rules": "R", "sources": "S"}, "expired": {"days": 30}}`),
			[]problem{{"1:105", "rows[0].from", `"0001-01-01T01:00:00+01:00"`, reason}}},
		{"until", fileWith("overrides", `{"channel": "csp-nce", "from": "2022-01-01", "until": "0001-01-01", "cite": {"rules": "R", "sources": "S"}, "expired": {"days": 30}}`),
			[]problem{{"1:128", "rows[0].until", `"0001-01-01"`, reason}}},
		{"salesEnd", fileWith("overrides", `{"channel": "csp-nce", "from": "2022-01-01", "cite": {"rules": "R", "sources": "S"}, "salesEnd": "0001-01-01"}`),
			[]problem{{"1:171", "rows[0].salesEnd", `"0001-01-01"`, reason}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := policy.ParseJSON([]byte(tt.file), policy.LoadOptions{})
			if diff := cmp.Diff(tt.want, problemsOf(t, err)); diff != "" {
				t.Errorf("ParseJSON() problems mismatch (-want +got):\n%s", diff)
			}
		})
	}
	// Just after the zero instant is a date like any other; an overrides
	// row from then on is refused only because the built-in table has no
	// rule before 2011 (checked by With, not as missing or out of range).
	file := fileWith("overrides", `{"channel": "csp-nce", "from": "0001-01-01T00:00:00.000000001Z", "cite": {"rules": "R", "sources": "S"}, "expired": {"days": 30}}`)
	_, err := policy.ParseJSON([]byte(file), policy.LoadOptions{})
	for _, p := range problemsOf(t, err) {
		if p.Field != "rows[0].from" || !strings.Contains(p.Reason, "has no rule") {
			t.Errorf("one nanosecond after the zero instant: %+v, want only that the base has no rule then", p)
		}
	}
}

// TestDefect7_LoneSurrogate: a \u escape of a lone surrogate is refused
// where it is written; encoding/json read it as U+FFFD, a character the
// file does not hold (issue 12, defect 7). A surrogate pair is a
// character.
func TestDefect7_LoneSurrogate(t *testing.T) {
	tests := []struct {
		name, text string
		want       []problem
	}{
		{"high", `\ud800`, []problem{{"1:61", "", "", `invalid \u escape \ud800: a high surrogate must be followed by a low surrogate`}}},
		{"high at the end", `x\udbff`, []problem{{"1:62", "", "", `invalid \u escape \udbff: a high surrogate must be followed by a low surrogate`}}},
		{"high, then not a low", `\ud800\u0041`, []problem{{"1:61", "", "", `invalid \u escape \ud800: a high surrogate must be followed by a low surrogate`}}},
		{"high, then a bad escape", `\ud800\u00`, []problem{{"1:71", "", "", `invalid \u escape: want four hex digits`}}},
		{"low", `\udc00`, []problem{{"1:61", "", "", `invalid \u escape \udc00: a low surrogate without a high surrogate before it is not a character`}}},
		{"low, upper case", `\uDFFF`, []problem{{"1:61", "", "", `invalid \u escape \udfff: a low surrogate`}}},
		{"two highs", `\ud800\ud800`, []problem{{"1:61", "", "", `invalid \u escape \ud800: a high surrogate must be followed by a low surrogate`}}},
	}
	anyReason := cmp.Comparer(func(a, b problem) bool {
		return a.Pos == b.Pos && a.Field == b.Field && a.Value == b.Value && (strings.HasPrefix(a.Reason, b.Reason) || strings.HasPrefix(b.Reason, a.Reason))
	})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := `{"format": "lapse-policy/v1", "kind": "overrides", "name": "` + tt.text + `", "rows": []}`
			_, err := policy.ParseJSON([]byte(file), policy.LoadOptions{})
			if diff := cmp.Diff(tt.want, problemsOf(t, err), anyReason); diff != "" {
				t.Errorf("ParseJSON() problems mismatch (-want +got):\n%s", diff)
			}
		})
	}
	// Inputs that end inside an escape.
	for _, tt := range []struct {
		in   string
		want problem
	}{
		{`{"name": "\ud800\`, problem{"1:11", "", "", `invalid \u escape \ud800: a high surrogate must be followed by a low surrogate`}},
		{`{"name": "\u00`, problem{"1:15", "", "", `invalid \u escape: want four hex digits`}},
		{`{"name": "\ud800\u`, problem{"1:19", "", "", `invalid \u escape: want four hex digits`}},
	} {
		_, err := policy.ParseJSON([]byte(tt.in), policy.LoadOptions{})
		if diff := cmp.Diff([]problem{tt.want}, problemsOf(t, err), anyReason); diff != "" {
			t.Errorf("ParseJSON(%s): problems mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
	for _, text := range []string{`\ud800\udc00`, `\uD83D\uDE00`, `\udbff\udfff`, `\ud7ff`, `\ue000`, `\u00e9`} {
		file := fileWith("overrides", `{"channel": "csp-nce", "from": "2022-01-01", "cite": {"rules": "R`+text+`", "sources": "S"}, "expired": {"days": 30}}`)
		tbl, err := policy.ParseJSON([]byte(file), policy.LoadOptions{})
		if err != nil {
			t.Errorf("%s: %v", text, err)
			continue
		}
		var want string
		if err := json.Unmarshal([]byte(`"`+text+`"`), &want); err != nil {
			t.Fatal(err)
		}
		if got := tbl.Layers()[0].Overrides()[0].Rules.Cite.Rules; got != "R"+want || strings.ContainsRune(got, utf8.RuneError) {
			t.Errorf("%s read as %q, want %q", text, got, "R"+want)
		}
	}
}

// TestLoadLimits: the loader's limits, each just at and just past it
// (issue 12, defect 1), and an inclusive boundary on a window that has
// none refused where it is written (defect 7).
func TestLoadLimits(t *testing.T) {
	names := func(n int, format string) string {
		var b strings.Builder
		for i := range n {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, `"`+format+`"`, i)
		}
		return b.String()
	}
	limit := fmt.Sprintf("names, more than the limit of %d", policy.MaxNames)
	tooMany := fmt.Sprintf("more than %d combinations of channel, term, product, offer and country", policy.MaxCells)
	tests := []struct {
		name string
		row  string
		want []problem // those whose reason contains limit or tooMany, or "inclusive" in their field
	}{
		{"MaxNames offers", `"offers": [` + names(policy.MaxNames, "o%d") + `]`, nil},
		{"MaxNames+1 offers", `"offers": [` + names(policy.MaxNames+1, "o%d") + `]`,
			[]problem{{"1:194", "rows[0].offers", `["o0", "o1", "o2", "o3", "o4", "o5", "o6", "o7", "o8", "o9", …`, fmt.Sprintf("%d %s; split the row", policy.MaxNames+1, limit)}}},
		// 1 term × 100 products × 1,000 offers
		{"MaxCells cells in one row", `"terms": ["annual"], "products": [` + names(100, "p%d") + `], "offers": [` + names(policy.MaxCells/100, "o%d") + `]`, nil},
		// 1 term × 11 products × 9,091 offers
		{"MaxCells+1 cells in one row", `"terms": ["annual"], "products": [` + names(11, "p%d") + `], "offers": [` + names((policy.MaxCells+1)/11, "o%d") + `]`,
			[]problem{{"1:74", "rows[0]", `"csp-nce annual [p0 p1 p2 p3 p4 … (6 more)] offers [o0 o1 o2 o3 o4 … (9086 more)] [2022-01-01, open)"`,
				"the rows up to this one name " + tooMany + "; split the policy"}}},
		{"inclusive anytime window", `"cancel": {"window": {"kind": "anytime", "inclusive": true}}`,
			[]problem{{"1:238", "rows[0].cancel.window.inclusive", "true", "only an after-start window has a boundary to include"}}},
		{"exclusive never window", `"cancel": {"window": {"kind": "never", "inclusive": false}}`,
			[]problem{{"1:236", "rows[0].cancel.window.inclusive", "false", "only an after-start window has a boundary to include"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := fileWith("overrides", `{"channel": "csp-nce", "from": "2022-01-01", "cite": {"rules": "R", "sources": "S"}, "expired": {"days": 30}, `+tt.row+`}`)
			_, err := policy.ParseJSON([]byte(file), policy.LoadOptions{})
			var got []problem
			for _, p := range problemsOf(t, err) {
				if strings.Contains(p.Reason, limit) || strings.Contains(p.Reason, tooMany) || strings.Contains(p.Field, "inclusive") {
					got = append(got, p)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseJSON() problems mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
