package lifecycle

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestClip: an input an error quotes is kept whole up to 64 bytes and cut
// after, on a rune boundary, never inside a rune.
func TestClip(t *testing.T) {
	a := func(n int) string { return strings.Repeat("a", n) }
	for _, r := range []struct{ name, in, want string }{
		{"empty", "", ""},
		{"63 bytes", a(63), a(63)},
		{"64 bytes", a(64), a(64)},
		{"65 bytes", a(65), a(64) + "…"},
		{"rune across the cut", a(63) + "é", a(63) + "…"},
		{"rune ending at the cut", a(62) + "é" + "b", a(62) + "é" + "…"},
		{"rune after the cut", a(64) + "é", a(64) + "…"},
		{"three-byte runes", strings.Repeat("€", 30), strings.Repeat("€", 21) + "…"},
		{"64 bytes of runes", strings.Repeat("é", 32), strings.Repeat("é", 32)},
		{"no rune start", strings.Repeat("\x80", 100), "…"},
	} {
		got := clip(r.in)
		if got != r.want || (utf8.ValidString(r.in) && !utf8.ValidString(got)) {
			t.Errorf("%s: clip(%q) = %q, want %q", r.name, r.in, got, r.want)
		}
	}
}
