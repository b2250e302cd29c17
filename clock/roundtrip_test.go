package clock_test

import (
	"testing"
	"time"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/internal/roundtrip"
)

// TestRoundTrip requires every exported type of package clock to survive
// its codecs, or to say why it is not a value to store (issue 13): a type
// added to the package fails here until it has a row.
func TestRoundTrip(t *testing.T) {
	d := func(y int, m time.Month, day int) clock.Date { return clock.Date{Year: y, Month: m, Day: day} }
	roundtrip.Check(t, ".", map[string]roundtrip.Row{
		// The zero Date ("no date") is "" as text and JSON, NULL in SQL.
		"Date": {Samples: []any{clock.Date{}, d(2026, 9, 27), d(2024, 2, 29), d(1, 1, 1), d(9999, 12, 31), d(2026, 12, 31)},
			Codecs: []roundtrip.Codec{roundtrip.JSON, roundtrip.Text, roundtrip.SQL}},
		"Clock":     {None: "a source of the current instant, not a value: store the instants it gives"},
		"Func":      {None: "a function, not a value"},
		"DateError": {None: "an error, not a value to store"},
	})
}
