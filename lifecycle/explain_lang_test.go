package lifecycle_test

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"
	"pgregory.net/rapid"

	"github.com/lapse-go/lapse/lang"
	"github.com/lapse-go/lapse/lang/langtest"
)

func masked(m lang.Message) lang.Message { return langtest.Masked(m) }

// TestExplainEveryLanguage renders every reason of generated
// subscriptions of every channel, at instants around their boundaries, in
// every supported language: no key is untranslated, no argument is
// misformatted, no English word is left in the other languages.
func TestExplainEveryLanguage(t *testing.T) {
	atLeastChecks(t, 300)
	rapid.Check(t, func(t *rapid.T) {
		_, _, st := drawBoundaryStatus(t)
		for _, r := range st.Explain() {
			if r.Text != r.Message.String() || r.Text != r.In(language.English) {
				t.Fatalf("Text %q is not the English rendering %q of its Message", r.Text, r.Message.String())
			}
			if err := langtest.Check(r.Message); err != nil {
				t.Fatal(err)
			}
			for _, tag := range lang.Languages() {
				if tag != language.English && r.In(tag) == r.Text {
					t.Fatalf("%s reason %q is the English text: %s", tag, r.Message.Key, r.Text)
				}
				if top := r.TopicIn(tag); top == "" || strings.HasPrefix(top, "topic.") {
					t.Fatalf("%s topic %q renders as %q", tag, r.Topic, top)
				}
			}
		}
	})
}

// instantReader reads back the dates and instants a catalog renders.
type instantReader struct {
	re     *regexp.Regexp
	months map[string]time.Month
}

func newInstantReader(c *lang.Catalog) instantReader {
	months := map[string]time.Month{}
	names := make([]string, 12)
	for i, m := range c.Months {
		months[m] = time.Month(i + 1)
		names[i] = regexp.QuoteMeta(m)
	}
	date := regexp.QuoteMeta(c.Date)
	date = strings.NewReplacer(regexp.QuoteMeta("%[1]s"), `(?P<d>\d{1,2})`, regexp.QuoteMeta("%[2]s"), `(?P<m>`+strings.Join(names, "|")+`)`,
		regexp.QuoteMeta("%[3]s"), `(?P<y>\d{4})`).Replace(date)
	sep := strings.TrimSuffix(strings.TrimPrefix(c.Instant, "%[1]s"), "%[2]s")
	clock := `(?P<hh>\d{2})[:.](?P<mm>\d{2})(?:[:.](?P<ss>\d{2})(?:[.,](?P<ns>\d{1,9}))?)? UTC`
	alts := date + `(?:` + regexp.QuoteMeta(sep) + clock + `)?`
	if strings.Contains(c.Day, "%[4]s") || strings.Contains(c.Stamp, "%[3]s") { // ISO 8601 days and RFC 3339 instants
		alts = `(?P<iso>\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z)?)|` + alts
	}
	return instantReader{re: regexp.MustCompile(alts), months: months}
}

// read returns the instants text names, in UTC.
func (ir instantReader) read(t interface{ Fatalf(string, ...any) }, text string) []time.Time {
	var out []time.Time
	for _, m := range ir.re.FindAllStringSubmatch(text, -1) {
		g := map[string]string{}
		for i, name := range ir.re.SubexpNames() {
			if name != "" {
				g[name] = m[i]
			}
		}
		if g["iso"] != "" {
			layout := time.DateOnly
			if strings.Contains(g["iso"], "T") {
				layout = time.RFC3339Nano
			}
			v, err := time.Parse(layout, g["iso"])
			if err != nil {
				t.Fatalf("%q: %v", g["iso"], err)
			}
			out = append(out, v.UTC())
			continue
		}
		num := func(k string) int {
			if g[k] == "" {
				return 0
			}
			n, err := strconv.Atoi(g[k])
			if err != nil {
				t.Fatalf("%q in %q: %v", g[k], m[0], err)
			}
			return n
		}
		ns := 0
		if f := g["ns"]; f != "" {
			ns = num("ns")
			for i := len(f); i < 9; i++ {
				ns *= 10
			}
		}
		v := time.Date(num("y"), ir.months[g["m"]], num("d"), num("hh"), num("mm"), num("ss"), ns, time.UTC)
		if v.Day() != num("d") {
			t.Fatalf("%q is not a date", m[0])
		}
		out = append(out, v)
	}
	return out
}

// TestExplainDatesRoundTrip is issue 14's "numbers stay exact": the dates
// and instants every reason renders in each language read back to the
// same instants as in English — whose dates TestExplainCitesTheAnswer
// ties to the Status — and the state and next reasons name the Status's
// Since and NextAt days in every language.
func TestExplainDatesRoundTrip(t *testing.T) {
	atLeastChecks(t, 300)
	readers := map[language.Tag]instantReader{}
	for _, c := range lang.Catalogs() {
		readers[c.Tag] = newInstantReader(c)
	}
	rapid.Check(t, func(t *rapid.T) {
		_, _, st := drawBoundaryStatus(t)
		for i, r := range st.Explain() {
			m := masked(r.Message)
			want := readers[language.English].read(t, m.String())
			slices.SortFunc(want, time.Time.Compare)
			for _, tag := range lang.Languages() {
				text := m.In(tag)
				got := readers[tag].read(t, text)
				slices.SortFunc(got, time.Time.Compare)
				if !slices.EqualFunc(got, want, time.Time.Equal) {
					t.Fatalf("%s %q names %v, English %v:\n%s\n%s", tag, r.Message.Key, got, want, text, m.String())
				}
				names := func(d time.Time) bool {
					return slices.ContainsFunc(got, func(g time.Time) bool { return dayOfT(g).Equal(dayOfT(d)) })
				}
				if i == 0 && !names(st.Since()) {
					t.Fatalf("%s state reason doesn't name Since %v: %s", tag, st.Since(), text)
				}
				if r.Topic == "next" && st.Next().IsValid() && !names(st.NextAt()) {
					t.Fatalf("%s next reason doesn't name NextAt %v: %s", tag, st.NextAt(), text)
				}
			}
		}
	})
}
