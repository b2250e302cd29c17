package lang_test

import (
	"fmt"
	"time"

	"golang.org/x/text/language"

	"github.com/lapse-go/lapse/lang"
)

// A message is a key and typed arguments; it renders in any supported
// language, with that language's dates, plurals and state names.
func ExampleMessage_In() {
	m := lang.New("next.mca-no-expired", lang.Date(time.Date(2026, 2, 28, 0, 0, 0, 0, time.UTC)), lang.Days(90))
	fmt.Println(m.In(language.German))
	fmt.Println(lang.New("cause.purchased", lang.Term("state.active"), lang.Date(time.Date(2026, 7, 29, 0, 0, 0, 0, time.UTC))).In(language.Danish))
	fmt.Println(lang.New("refused.trial-extend-early", lang.Days(1), lang.Day(time.Date(2026, 5, 30, 0, 0, 0, 0, time.UTC))).In(language.Dutch))
	// Output:
	// wenn seine Laufzeit an seinem Enddatum, dem 28. Februar 2026, endet: Der Status Abgelaufen gilt nicht mehr für lizenzbasierte Abonnements, die direkt über eine Microsoft-Kundenvereinbarung (MCA) gekauft wurden; die Daten werden 90 Tage lang aufbewahrt und dann endgültig gelöscht
	// Abonnementet har haft status Aktiv, siden det blev købt den 29. juli 2026.
	// een proefversie kan alleen worden verlengd in de laatste 1 dag vóór het einde op 30 mei 2026
}

// Parse reads a BCP 47 tag or a POSIX locale; a language without a
// catalog is an error that lists the supported ones.
func ExampleParse() {
	t, err := lang.Parse("de_DE.UTF-8")
	fmt.Println(t, err)
	_, err = lang.Parse("fr")
	fmt.Println(err)
	// Output:
	// de <nil>
	// lang: unsupported language "fr"; supported: en, de, nl, da
}
