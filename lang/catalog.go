package lang

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Catalog holds the words of one language: its date formats, the
// templates of every message key and the plural forms of the units. A
// Catalog is data: one file per language declares one, and the table in
// languages.go lists them. It must not be changed once Languages or a
// rendering has used it.
type Catalog struct {
	// Tag is the language, such as language.German.
	Tag language.Tag
	// Name is the language's own name, such as "Deutsch".
	Name string
	// Months are the month names, January first.
	Months [12]string
	// Date is the template of a long date: %[1]s the day of the month,
	// %[2]s the month's name, %[3]s the year, %[4]s the ISO 8601 date.
	Date string
	// Day is the template of a KindDay date, with the arguments of Date.
	Day string
	// Clock is the Go time layout of a time of day, such as "15:04 MST".
	Clock string
	// Seconds is the Go time layout of a time of day with seconds and
	// their fraction, such as "15:04:05,999999999 MST", for a KindStamp
	// instant that is not on a whole minute.
	Seconds string
	// Instant is the template of an instant that is not a midnight: %[1]s
	// the long date, %[2]s the time of day.
	Instant string
	// Stamp is the template of a KindStamp instant: %[1]s the long date,
	// %[2]s the time of day, %[3]s the RFC 3339 instant.
	Stamp string
	// Lookalikes are words of the language spelled like English words
	// (German and Dutch "was"), which langtest does not take for English
	// left untranslated.
	Lookalikes []string
	// Or joins the last two items of a list of alternatives: " or ".
	Or string
	// Units are the plural forms of the counted units, keyed by unit
	// ("days", "licenses"): the form for one and the form for other
	// counts, each with %d for the count.
	Units map[string][2]string
	// Plurals are the messages whose words agree with a count ("1 user
	// signs in" / "2 users sign in"): the form for one and the form for
	// other counts, chosen by x/text's plural rules of the language. The
	// message's first argument is the count (KindNumber), written %[1]d.
	Plurals map[string][2]string
	// Messages are the templates by message key; term keys ("state.expired")
	// are messages without arguments. Arguments are referred to as %[1]s,
	// %[2]s… in whatever order the language needs.
	Messages map[string]string

	once sync.Once
	p    *message.Printer // read-only once built, so shared: each Sprintf takes its own state from a pool
}

// printer returns the printer of the catalog's language over its own
// messages only: a key missing here renders as the key, never as another
// language's words.
func (c *Catalog) printer() *message.Printer {
	c.once.Do(func() {
		b := catalog.NewBuilder()
		for k, v := range c.Messages {
			if err := b.SetString(c.Tag, k, v); err != nil {
				panic(fmt.Sprintf("lang: %s catalog: message %q: %v", c.Tag, k, err)) // unreachable: SetString fails only on bad selectors
			}
		}
		for k, forms := range c.Plurals {
			if err := b.Set(c.Tag, k, plural.Selectf(1, "%d", plural.One, forms[0], plural.Other, forms[1])); err != nil {
				panic(fmt.Sprintf("lang: %s catalog: plural %q: %v", c.Tag, k, err)) // unreachable, as above
			}
		}
		for u, forms := range c.Units {
			if err := b.Set(c.Tag, "unit."+u, plural.Selectf(1, "%d", plural.One, forms[0], plural.Other, forms[1])); err != nil {
				panic(fmt.Sprintf("lang: %s catalog: unit %q: %v", c.Tag, u, err)) // unreachable, as above
			}
		}
		c.p = message.NewPrinter(c.Tag, message.Catalog(b))
	})
	return c.p
}

var (
	matcherOnce sync.Once
	matcher     language.Matcher
	tags        []language.Tag
)

func initMatcher() {
	matcherOnce.Do(func() {
		for _, c := range catalogs {
			tags = append(tags, c.Tag)
		}
		matcher = language.NewMatcher(tags)
	})
}

// catalogFor returns the catalog closest to t, English when none is
// close.
func catalogFor(t language.Tag) *Catalog {
	for _, c := range catalogs { // the common case, and English for String: no matching
		if c.Tag == t {
			return c
		}
	}
	initMatcher()
	_, i, conf := matcher.Match(t)
	if conf == language.No {
		return catalogs[0]
	}
	return catalogs[i]
}

// Languages returns the supported languages, English first.
func Languages() []language.Tag {
	initMatcher()
	return append([]language.Tag(nil), tags...)
}

// Names returns the supported languages' BCP 47 codes, such as "de",
// English first.
func Names() []string {
	var out []string
	for _, t := range Languages() {
		out = append(out, t.String())
	}
	return out
}

// UnsupportedError reports a language lapse has no catalog for.
type UnsupportedError struct {
	// Value is the language asked for, as given.
	Value string
}

// Error returns `lang: unsupported language "fr"; supported: en, de, nl, da`.
func (e *UnsupportedError) Error() string {
	return fmt.Sprintf("lang: unsupported language %q; supported: %s", e.Value, strings.Join(Names(), ", "))
}

// Parse returns the supported language that s asks for. s is a BCP 47 tag
// ("de", "de-AT", "nl-BE") or a POSIX locale as in LANG and LC_ALL
// ("de_DE.UTF-8", "da_DK@euro"). A language lapse has no catalog for is an
// *UnsupportedError naming the supported ones.
func Parse(s string) (language.Tag, error) {
	v := s
	if i := strings.IndexAny(v, ".@"); i >= 0 {
		v = v[:i]
	}
	v = strings.ReplaceAll(v, "_", "-")
	t, err := language.Parse(v)
	if err != nil || v == "" {
		return language.Und, &UnsupportedError{Value: s}
	}
	initMatcher()
	_, i, conf := matcher.Match(t)
	want, _ := t.Base()
	got, _ := tags[i].Base()
	if conf == language.No || want != got { // the matcher offers Danish for Norwegian: a reader asked for another language
		return language.Und, &UnsupportedError{Value: s}
	}
	return tags[i], nil
}

// FromEnv returns the language of a POSIX locale environment: LC_ALL,
// then LC_MESSAGES, then LANG, the first that is set and not empty. A
// locale lapse has no catalog for ("C", "POSIX", "fr_FR.UTF-8") gives
// English. getenv is os.Getenv or a test's stand-in; a nil getenv is an
// empty environment, so the answer is English.
func FromEnv(getenv func(string) string) language.Tag {
	if getenv == nil {
		return language.English
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			if t, err := Parse(v); err == nil {
				return t
			}
			return language.English
		}
	}
	return language.English
}

// Keys returns every message key of the English catalog (Messages and
// Plurals), sorted: the keys every other catalog must translate.
func Keys() []string {
	out := make([]string, 0, len(catalogs[0].Messages)+len(catalogs[0].Plurals))
	for k := range catalogs[0].Messages {
		out = append(out, k)
	}
	for k := range catalogs[0].Plurals {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Catalogs returns the catalogs in table order, English first, for tests
// that check them. The catalogs must not be changed.
func Catalogs() []*Catalog { return append([]*Catalog(nil), catalogs...) }
