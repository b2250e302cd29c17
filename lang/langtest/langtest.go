// Package langtest checks messages of package lang in tests: that a
// message renders in every supported language without an untranslated
// key, a formatting error or an English word left in another language.
// Packages that build messages (lifecycle, lifecycle/tenant) call Check on
// every message of generated inputs.
package langtest

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/lapse-go/lapse/lang"
)

// Masked returns m with its verbatim arguments (KindText, KindQuoted,
// KindList: rule ids, citations, ids, domain names) replaced by "X", at
// every depth: they are the same in every language, and the policy
// table's citations are English.
func Masked(m lang.Message) lang.Message {
	args := make([]lang.Arg, len(m.Args))
	for i, a := range m.Args {
		switch a.Kind {
		case lang.KindText, lang.KindQuoted, lang.KindList:
			a = lang.Text("X")
		case lang.KindMessage:
			if a.Msg != nil {
				a = lang.Sub(Masked(*a.Msg))
			}
		}
		args[i] = a
	}
	return lang.Message{Key: m.Key, Args: args}
}

// englishMarkers are English words that a sentence of another language
// holds only when it was left untranslated (a catalog names the
// exceptions, its Lookalikes).
var englishMarkers = []string{"the", "and", "can't", "was", "with", "only", "which", "when", "before", "after",
	"until", "subscription", "subscriptions", "licenses", "cancelled", "expired", "disabled", "deleted",
	"nobody", "trial", "user", "users", "delete", "remove", "turn", "every", "days", "renews", "partner's"}

var (
	markersOnce sync.Once
	markers     map[language.Tag][]string
	dotted      []string
)

func fields(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return strings.ContainsRune(" ,;.:()", r) })
}

func initMarkers() {
	markersOnce.Do(func() {
		markers = map[language.Tag][]string{}
		for _, c := range lang.Catalogs() {
			for _, m := range englishMarkers {
				if !slices.Contains(c.Lookalikes, m) {
					markers[c.Tag] = append(markers[c.Tag], m)
				}
			}
		}
		for _, k := range lang.Keys() {
			if strings.Contains(k, ".") {
				dotted = append(dotted, k)
			}
		}
	})
}

// Check renders m, masked, in every supported language and returns an
// error naming the language, the key and the text when a rendering is
// empty, shows a formatting error ("%!") or a catalog key, or — in a
// language other than English — an English word or the English text.
func Check(m lang.Message) error {
	if m.IsZero() {
		return nil
	}
	initMarkers()
	mm := Masked(m)
	en := mm.String()
	for _, tag := range lang.Languages() {
		text := mm.In(tag)
		switch {
		case text == "":
			return fmt.Errorf("%s rendering of %q is empty", tag, m.Key)
		case strings.Contains(text, "%!"):
			return fmt.Errorf("%s rendering of %q has a formatting error: %s", tag, m.Key, text)
		}
		for _, k := range dotted {
			if strings.Contains(text, k) {
				return fmt.Errorf("%s rendering of %q shows the key %q: %s", tag, m.Key, k, text)
			}
		}
		if tag == language.English {
			continue
		}
		if text == en && len(strings.Fields(en)) >= 3 {
			return fmt.Errorf("%s rendering of %q is the English text: %s", tag, m.Key, text)
		}
		words := fields(text)
		for _, w := range markers[tag] {
			if slices.Contains(words, w) {
				return fmt.Errorf("%s rendering of %q has the English word %q: %s", tag, m.Key, w, text)
			}
		}
	}
	return nil
}
