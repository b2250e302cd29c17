package lang_test

import (
	"testing"

	"github.com/lapse-go/lapse/internal/roundtrip"
	"github.com/lapse-go/lapse/lang"
)

// TestRoundTrip requires every exported type of package lang to survive
// its codecs, or to say why it is not a value to store (issue 13): a
// type added to the package fails here until it has a row.
func TestRoundTrip(t *testing.T) {
	var args []any
	for _, m := range messages() {
		for _, a := range m.Args {
			args = append(args, a)
		}
	}
	var msgs []any
	for _, m := range messages() {
		msgs = append(msgs, m)
	}
	counts := []string{"n"} // KindNumber, KindDays, KindCount
	roundtrip.Check(t, ".", map[string]roundtrip.Row{
		"Arg":     {Samples: args, Codecs: []roundtrip.Codec{roundtrip.JSON}, Numbers: counts},
		"Message": {Samples: msgs, Codecs: []roundtrip.Codec{roundtrip.JSON}, Numbers: counts},
		// Waits on the enum codecs (issue 13, part a): Kind's IsValid and
		// text form. Arg and Message write a kind by name without them.
		"Kind":             {Samples: []any{lang.Kind(0)}, Enum: true, Codecs: []roundtrip.Codec{roundtrip.JSON, roundtrip.Text, roundtrip.SQL}},
		"Catalog":          {None: "a language's words, compiled into the program; store its Tag (language.Tag's text form) and look the catalog up"},
		"FieldError":       {None: "an error, not a value to store; store its Error() text if needed"},
		"UnsupportedError": {None: "an error, not a value to store; store its Error() text if needed"},
	})
}
