package lang_test

import (
	"errors"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/lapse-go/lapse/lang"
)

// placeholders returns the argument indexes a template refers to, sorted
// and without repeats, and its verbs that name no index (which a
// translation could not reorder).
func placeholders(tmpl string) (idx []string, bare []string) {
	for _, m := range regexp.MustCompile(`%\[(\d+)\][sd]`).FindAllStringSubmatch(tmpl, -1) {
		if !slices.Contains(idx, m[1]) {
			idx = append(idx, m[1])
		}
	}
	sort.Strings(idx)
	rest := regexp.MustCompile(`%\[\d+\][sd]|%%`).ReplaceAllString(tmpl, "")
	bare = regexp.MustCompile(`%.`).FindAllString(rest, -1)
	return idx, bare
}

func TestCatalogsHaveEveryKey(t *testing.T) {
	cats := lang.Catalogs()
	if len(cats) < 4 || cats[0].Tag != language.English {
		t.Fatalf("Catalogs() = %d catalogs, first %v; want en first and at least en, de, nl, da", len(cats), cats[0].Tag)
	}
	en := cats[0]
	keys := slices.Sorted(maps.Keys(en.Messages))
	units := slices.Sorted(maps.Keys(en.Units))
	for _, c := range cats[1:] {
		t.Run(c.Tag.String(), func(t *testing.T) {
			for _, k := range keys {
				if _, ok := c.Messages[k]; !ok {
					t.Errorf("%s catalog lacks key %q (English: %q)", c.Tag, k, en.Messages[k])
				}
			}
			for k := range c.Messages {
				if _, ok := en.Messages[k]; !ok {
					t.Errorf("%s catalog has key %q, which English lacks: no code renders it", c.Tag, k)
				}
			}
			if got, want := slices.Sorted(maps.Keys(c.Plurals)), slices.Sorted(maps.Keys(en.Plurals)); !slices.Equal(got, want) {
				t.Errorf("%s plural messages = %v, want %v", c.Tag, got, want)
			}
			if got := slices.Sorted(maps.Keys(c.Units)); !slices.Equal(got, units) {
				t.Errorf("%s units = %v, want %v", c.Tag, got, units)
			}
			for i, m := range c.Months {
				if m == "" {
					t.Errorf("%s month %d has no name", c.Tag, i+1)
				}
			}
			for name, f := range map[string]string{"Date": c.Date, "Day": c.Day, "Clock": c.Clock, "Seconds": c.Seconds, "Instant": c.Instant, "Stamp": c.Stamp, "Or": c.Or, "Name": c.Name} {
				if f == "" {
					t.Errorf("%s catalog has no %s", c.Tag, name)
				}
			}
		})
	}
}

// TestCatalogsUseEveryArgument: a translation that drops an argument
// drops a date, a state or a count; one that names an argument English
// does not have prints %!(BADINDEX).
func TestCatalogsUseEveryArgument(t *testing.T) {
	cats := lang.Catalogs()
	en := cats[0]
	for _, c := range cats {
		for k, tmpl := range c.Messages {
			want, _ := placeholders(en.Messages[k])
			got, bare := placeholders(tmpl)
			if !slices.Equal(got, want) {
				t.Errorf("%s %q uses arguments %v, English uses %v: %q", c.Tag, k, got, want, tmpl)
			}
			if len(bare) > 0 {
				t.Errorf("%s %q has verbs without an argument index %v: %q", c.Tag, k, bare, tmpl)
			}
		}
		for k, forms := range c.Plurals {
			want, _ := placeholders(en.Plurals[k][1])
			for _, f := range forms {
				got, bare := placeholders(f)
				if !slices.Equal(got, want) || len(bare) > 0 || !strings.Contains(f, "%[1]d") {
					t.Errorf("%s plural %q form %q uses arguments %v (bare %v), want %v with the count as %%[1]d", c.Tag, k, f, got, bare, want)
				}
			}
		}
		for u, forms := range c.Units {
			for _, f := range forms {
				if strings.Count(f, "%d") != 1 {
					t.Errorf("%s unit %q form %q: want exactly one %%d", c.Tag, u, f)
				}
			}
		}
	}
}

// TestCatalogsAreTranslated: a sentence left in English is an untranslated
// key. Terms that Microsoft keeps in English (Open Value, Extended Service
// Term) are short; sentences are not.
func TestCatalogsAreTranslated(t *testing.T) {
	cats := lang.Catalogs()
	en := cats[0]
	for _, c := range cats[1:] {
		for k, tmpl := range c.Messages {
			if tmpl == en.Messages[k] && len(strings.Fields(tmpl)) >= 3 {
				t.Errorf("%s %q is the English text %q", c.Tag, k, tmpl)
			}
		}
		for k, forms := range c.Plurals {
			if forms[1] == en.Plurals[k][1] {
				t.Errorf("%s plural %q is the English text %q", c.Tag, k, forms[1])
			}
		}
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want language.Tag
	}{
		{"en", language.English},
		{"de", language.German},
		{"de_DE.UTF-8", language.German},
		{"de-AT", language.German},
		{"de_CH", language.German},
		{"nl", language.Dutch},
		{"nl_BE.UTF-8", language.Dutch},
		{"da", language.Danish},
		{"da_DK@euro", language.Danish},
		{"en_US.UTF-8", language.English},
		{"en-GB", language.English},
	}
	for _, tt := range tests {
		got, err := lang.Parse(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("Parse(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "fr", "fr_FR.UTF-8", "C", "POSIX", "nb", "sv", "de DE", "xx-!!"} {
		_, err := lang.Parse(bad)
		var ue *lang.UnsupportedError
		if !errors.As(err, &ue) || ue.Value != bad {
			t.Errorf("Parse(%q) error = %v, want an *UnsupportedError naming %q", bad, err, bad)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, "supported: en, de, nl, da") {
			t.Errorf("Parse(%q) error = %q, want it to list the supported languages", bad, msg)
		}
	}
}

func TestFromEnv(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want language.Tag
	}{
		{"nothing set", nil, language.English},
		{"LANG", map[string]string{"LANG": "de_DE.UTF-8"}, language.German},
		{"LC_ALL wins", map[string]string{"LC_ALL": "da_DK.UTF-8", "LANG": "de_DE.UTF-8"}, language.Danish},
		{"LC_MESSAGES before LANG", map[string]string{"LC_MESSAGES": "nl_NL.UTF-8", "LANG": "de_DE.UTF-8"}, language.Dutch},
		{"C locale", map[string]string{"LANG": "C.UTF-8"}, language.English},
		{"unsupported locale", map[string]string{"LC_ALL": "fr_FR.UTF-8", "LANG": "de_DE.UTF-8"}, language.English},
		{"empty LC_ALL is unset", map[string]string{"LC_ALL": "", "LANG": "nl_BE.UTF-8"}, language.Dutch},
	}
	for _, tt := range tests {
		got := lang.FromEnv(func(k string) string { return tt.env[k] })
		if got != tt.want {
			t.Errorf("%s: FromEnv(%v) = %v, want %v", tt.name, tt.env, got, tt.want)
		}
	}
}

func TestLanguagesAndNames(t *testing.T) {
	if got, want := lang.Names(), []string{"en", "de", "nl", "da"}; !slices.Equal(got, want) {
		t.Errorf("Names() = %v, want %v", got, want)
	}
	ls := lang.Languages()
	ls[0] = language.French // a copy: the table must not change
	if lang.Languages()[0] != language.English {
		t.Error("Languages() returned the table itself, not a copy")
	}
}
