// Package adversarial generates the hostile policy files of
// policy/testdata/adversarial: inputs within the default size limit of a
// policy file (policy.DefaultMaxBytes) built to make a careless loader
// take quadratic time or memory. The files are deterministic, so that the
// corpus can be regenerated and checked:
//
//	go test ./policy -run TestAdversarialCorpus -update-adversarial
package adversarial

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/lapse-go/lapse/policy"
)

// File is one generated input.
type File struct {
	Name string // file name, such as "overrides-identical.json"
	Why  string // what the file attacks
	Data []byte
}

// Limit is the size every file stays within: policy.DefaultMaxBytes.
const Limit = policy.DefaultMaxBytes

// Files returns the corpus, in name order.
func Files() []File {
	full := fullRow()
	return []File{
		{"deep-nesting.json", "arrays and objects nested far beyond a policy file's depth",
			deep()},
		{"duplicate-keys.json", "one row object holding the same key again and again",
			fill(head("table")+`{"channel": "csp-nce"`, func(i int) string { return `, "expired": {"days": 30}` }, `}]}`)},
		{"long-strings.json", "a description and offer names made of escapes and multi-byte characters",
			longStrings()},
		{"overrides-many-versions.json", "a valid overrides file: one channel's generic override in thousands of consecutive versions",
			manyVersions(head("overrides"), `{"channel": "csp-nce", "from": "2022-01-01", "cite": {"rules": "R", "sources": "S"}, "expired": {"days": 30}}`)},
		{"long-lists.json", "one row naming as many distinct short offers as fit",
			fill(head("overrides")+`{"channel": "csp-nce", "from": "2022-01-01", "cite": {"rules": "R", "sources": "S"}, "expired": {"days": 30}, "offers": [`,
				func(i int) string { return sep(i)[:1] + fmt.Sprintf(`"%x"`, i) }, `]}]}`)},
		{"overrides-offer-lists.json", "an overrides file of rows each naming the most offers a list may hold, more scope cells together than a policy may name",
			fill(head("overrides"), func(i int) string {
				var b strings.Builder
				for j := range policy.MaxNames {
					if j > 0 {
						b.WriteByte(',')
					}
					fmt.Fprintf(&b, `"%x"`, i*policy.MaxNames+j)
				}
				return sep(i) + `{"channel": "csp-nce", "from": "2022-01-01", "cite": {"rules": "R", "sources": "S"}, "expired": {"days": 30}, "offers": [` + b.String() + `]}`
			}, `]}`)},
		{"overrides-distinct-offers.json", "an overrides file whose rows each name a different offer",
			fill(head("overrides"), func(i int) string {
				return sep(i) + fmt.Sprintf(`{"channel": "csp-nce", "offers": ["o%d"], "from": "2022-01-01", "cite": {"rules": "R", "sources": "S"}, "expired": {"days": 30}}`, i)
			}, `]}`)},
		{"overrides-identical.json", "an overrides file of the same row repeated: every pair overlaps",
			fill(head("overrides"), func(i int) string {
				return sep(i) + `{"channel": "csp-nce", "from": "2022-01-01", "cite": {"rules": "R", "sources": "S"}, "suspension": {"max": {"days": 60}}}`
			}, `]}`)},
		{"overrides-staggered.json", "an overrides file of open-ended rows starting a day apart: every pair overlaps, each at its own instant",
			fill(head("overrides"), func(i int) string {
				from := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i).Format(time.DateOnly)
				return sep(i) + `{"channel": "csp-nce", "from": "` + from + `", "cite": {"rules": "R", "sources": "S"}, "expired": {"days": 30}}`
			}, `]}`)},
		{"table-many-versions.json", "a valid table file: one channel's generic row in hundreds of consecutive versions",
			manyVersions(head("table"), full)},
		{"table-identical.json", "a table file of the same full row repeated: every pair overlaps",
			fill(head("table"), func(i int) string { return sep(i) + full }, `]}`)},
		{"unknown-keys.json", "a row of distinct unknown keys, each near a known one, and long lists of distinct names",
			fill(head("overrides")+`{"channel": "csp-nce", "from": "2022-01-01", "cite": {"rules": "R", "sources": "S"}, "expired": {"days": 30}`,
				func(i int) string { return fmt.Sprintf(`, "expire%d": 1`, i) }, `}]}`)},
	}
}

func head(kind string) string {
	return `{"format": "lapse-policy/v1", "kind": "` + kind + `", "name": "adversarial", "rows": [`
}

func sep(i int) string {
	if i == 0 {
		return "\n"
	}
	return ",\n"
}

// fill returns prefix, item(0), item(1), … and suffix, with as many items
// as fit within Limit.
func fill(prefix string, item func(i int) string, suffix string) []byte {
	var b bytes.Buffer
	b.WriteString(prefix)
	for i := 0; ; i++ {
		s := item(i)
		if b.Len()+len(s)+len(suffix)+1 > Limit {
			break
		}
		b.WriteString(s)
	}
	b.WriteString(suffix)
	b.WriteByte('\n')
	return b.Bytes()
}

// fullRow returns one complete row of a table file: the built-in rules of
// csp-nce, open-ended from 2022-01-01, on one line.
func fullRow() string {
	r, err := policy.Builtin().Lookup(policy.Key{Channel: policy.CSPNewCommerce, Term: policy.Annual}, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		panic(err)
	}
	t, err := policy.NewTable([]policy.Row{{Channel: r.Channel, From: time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC), Rules: r}})
	if err != nil {
		panic(err)
	}
	var b bytes.Buffer
	if err := t.WriteJSON(&b); err != nil {
		panic(err)
	}
	s := b.String()
	s = s[strings.Index(s, "    {"):strings.LastIndex(s, "\n  ]")]
	return strings.Join(strings.Fields(s), " ")
}

// manyVersions returns a file of consecutive one-day versions of row,
// which has "from": "2022-01-01"; the last version is open-ended.
func manyVersions(head, row string) []byte {
	day := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	version := func(i int, last bool) string {
		period := `"from": "` + day.AddDate(0, 0, i).Format(time.DateOnly) + `"`
		if !last {
			period += `, "until": "` + day.AddDate(0, 0, i+1).Format(time.DateOnly) + `"`
		}
		return sep(i) + strings.Replace(row, `"from": "2022-01-01"`, period, 1)
	}
	n := len(fill(head, func(i int) string { return version(i, false) }, `]}`))
	var b bytes.Buffer
	b.WriteString(head)
	for i := 0; ; i++ {
		s := version(i, false)
		if b.Len()+len(s)+n/len(s)+len(`]}`)+1 > Limit-len(s) {
			b.WriteString(version(i, true))
			break
		}
		b.WriteString(s)
	}
	b.WriteString("]}\n")
	return b.Bytes()
}

func deep() []byte {
	var b bytes.Buffer
	for b.Len()+8 < Limit/2 {
		b.WriteString(`[{"a": `)
	}
	return b.Bytes()
}

func longStrings() []byte {
	var b bytes.Buffer
	b.WriteString(head("overrides"))
	b.WriteString(`{"channel": "csp-nce", "from": "2022-01-01", "cite": {"rules": "R", "sources": "S"}, "expired": {"days": 30}, "offers": [`)
	for i := 0; b.Len() < Limit/2; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, `"%s%d"`, strings.Repeat(`é\u00e9`, 20), i)
	}
	b.WriteString(`]}], "description": "`)
	for b.Len()+16 < Limit {
		b.WriteString(`\u00e9\n\"é`)
	}
	b.WriteString("\"}\n")
	return b.Bytes()
}
