package enumtext

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type color uint8

var colorNames = []string{"", "red", "green", "Dark-Blue"}

// testError is the owning package's error of the tests.
type testError struct {
	Field  string
	Value  any
	Reason string
}

func (e *testError) Error() string { return fmt.Sprintf("%s = %v: %s", e.Field, e.Value, e.Reason) }

func newTestError(typ string, v any, reason string) error {
	return &testError{Field: typ, Value: v, Reason: reason}
}

var colors = New("color", colorNames, newTestError, Alias[color]{"rot", 1}, Alias[color]{"NAVY", 3})

func TestString(t *testing.T) {
	tests := []struct {
		v    color
		want string
	}{
		{0, "%!color(0)"},
		{1, "red"},
		{2, "green"},
		{3, "Dark-Blue"},
		{4, "%!color(4)"},
		{255, "%!color(255)"},
	}
	for _, tt := range tests {
		if got := String(tt.v, colorNames, "color"); got != tt.want {
			t.Errorf("String(%d) = %q, want %q", tt.v, got, tt.want)
		}
		if got := colors.String(tt.v); got != tt.want {
			t.Errorf("Table.String(%d) = %q, want %q", tt.v, got, tt.want)
		}
		want := tt.v >= 1 && tt.v <= 3
		if got := Valid(tt.v, colorNames); got != want {
			t.Errorf("Valid(%d) = %v, want %v", tt.v, got, want)
		}
		if got := colors.Valid(tt.v); got != want {
			t.Errorf("Table.Valid(%d) = %v, want %v", tt.v, got, want)
		}
	}
}

func TestIndex(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"red", 1},
		{"green", 2},
		{"", 0},
		{"blue", 0},
		{"Red", 0}, // exact: no folding
		{"rot", 0}, // exact: no aliases
		{"dark-blue", 0},
	}
	for _, tt := range tests {
		if got := Index(colorNames, tt.s); got != tt.want {
			t.Errorf("Index(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

func TestEqualFold(t *testing.T) {
	tests := []struct {
		a, b   string
		want   bool
		reason string
	}{
		{"active", "active", true, "equal"},
		{"active", "ACTIVE", true, "upper case"},
		{"Csp-NCE", "csp-nce", true, "mixed case"},
		{"p1y", "P1Y", true, "digits stay"},
		{"", "", true, "empty"},
		{"active", "activ", false, "lengths differ"},
		{"a-b", "a_b", false, "punctuation is not folded"},
		{"@", "`", false, "bytes next to the letters are not letters"},
		{"[", "{", false, "bytes next to the letters are not letters"},
		{"kelvin", "\u212aelvin", false, "the Kelvin sign is not k: no Unicode folding"},
		{"ı", "I", false, "dotless i is not I"},
		{"é", "É", false, "non-ASCII letters match only themselves"},
		{"é", "é", true, "non-ASCII bytes match themselves"},
	}
	for _, tt := range tests {
		if got := EqualFold(tt.a, tt.b); got != tt.want {
			t.Errorf("EqualFold(%q, %q) = %v, want %v (%s)", tt.a, tt.b, got, tt.want, tt.reason)
		}
		if got := EqualFold(tt.b, tt.a); got != tt.want {
			t.Errorf("EqualFold(%q, %q) = %v, want %v (symmetric)", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		s      string
		want   color
		ok     bool
		reason string
	}{
		{"red", 1, true, "canonical"},
		{"RED", 1, true, "upper case"},
		{"dark-blue", 3, true, "a canonical name with capitals, folded"},
		{"Dark-Blue", 3, true, "a canonical name with capitals, as written"},
		{"rot", 1, true, "alias"},
		{"ROT", 1, true, "alias, upper case"},
		{"navy", 3, true, "an alias with capitals, folded"},
		{"", 0, false, "empty"},
		{" red", 0, false, "no trimming"},
		{"red ", 0, false, "no trimming"},
		{"re", 0, false, "no prefixes"},
		{"dark_blue", 0, false, "no punctuation folding"},
	}
	for _, tt := range tests {
		got, ok := colors.Lookup(tt.s)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Lookup(%q) = %d, %v; want %d, %v (%s)", tt.s, got, ok, tt.want, tt.ok, tt.reason)
		}
		v, err := colors.Parse(tt.s)
		if v != tt.want || (err == nil) != tt.ok {
			t.Errorf("Parse(%q) = %d, %v; want %d, ok %v", tt.s, v, err, tt.want, tt.ok)
		}
	}
}

func TestParseError(t *testing.T) {
	_, err := colors.Parse("blue")
	want := &testError{Field: "color", Value: "blue", Reason: "unknown color; want one of red, green, Dark-Blue (aliases: rot, NAVY)"}
	var te *testError
	if !errors.As(err, &te) {
		t.Fatalf("Parse(blue) error = %v, want a *testError", err)
	}
	if diff := cmp.Diff(want, te); diff != "" {
		t.Errorf("Parse(blue) error mismatch (-want +got):\n%s", diff)
	}
	plain := New[color]("plain", []string{"", "a", "b"}, newTestError)
	if got, want := plain.Want(), "want one of a, b"; got != want {
		t.Errorf("Want() = %q, want %q (no aliases: no aliases clause)", got, want)
	}
	if got := plain.Type(); got != "plain" {
		t.Errorf("Type() = %q", got)
	}
}

func TestTextAndSQL(t *testing.T) {
	for v := color(1); colors.Valid(v); v++ {
		b, err := colors.MarshalText(v)
		if err != nil {
			t.Fatalf("MarshalText(%d): %v", v, err)
		}
		var back color
		if err := colors.UnmarshalText(&back, b); err != nil || back != v {
			t.Errorf("UnmarshalText(%q) = %d, %v; want %d", b, back, err, v)
		}
		dv, err := colors.Value(v)
		if err != nil || dv != driver.Value(colorNames[v]) {
			t.Errorf("Value(%d) = %#v, %v; want %q", v, dv, err, colorNames[v])
		}
		for _, src := range []any{dv, []byte(dv.(string))} {
			var back color
			if err := colors.Scan(&back, src); err != nil || back != v {
				t.Errorf("Scan(%#v) = %d, %v; want %d", src, back, err, v)
			}
		}
	}
	for _, v := range []color{0, 4, 255} {
		var te *testError
		if _, err := colors.MarshalText(v); !errors.As(err, &te) || te.Value != uint8(v) || te.Reason != "not a valid color" {
			t.Errorf("MarshalText(%d) error = %v, want a *testError naming the value", v, err)
		}
		if dv, err := colors.Value(v); !errors.As(err, &te) || dv != nil {
			t.Errorf("Value(%d) = %v, %v; want an error", v, dv, err)
		}
	}
}

func TestScanRefuses(t *testing.T) {
	tests := []struct {
		src    any
		value  any
		reason string
	}{
		{nil, nil, "SQL NULL is not a color; scan a nullable column into sql.Null[color]"},
		{int64(42), int64(42), "cannot scan a int64 into a color; want a string or []byte"},
		{42, 42, "cannot scan a int into a color; want a string or []byte"},
		{true, true, "cannot scan a bool into a color; want a string or []byte"},
		{"blue", "blue", "unknown color; want one of red, green, Dark-Blue (aliases: rot, NAVY)"},
		{[]byte("blue"), "blue", "unknown color; want one of red, green, Dark-Blue (aliases: rot, NAVY)"},
		{"", "", "unknown color; want one of red, green, Dark-Blue (aliases: rot, NAVY)"},
	}
	for _, tt := range tests {
		dst := color(2)
		err := colors.Scan(&dst, tt.src)
		want := &testError{Field: "color", Value: tt.value, Reason: tt.reason}
		var te *testError
		if !errors.As(err, &te) {
			t.Errorf("Scan(%#v) error = %v, want a *testError", tt.src, err)
			continue
		}
		if diff := cmp.Diff(want, te); diff != "" {
			t.Errorf("Scan(%#v) error mismatch (-want +got):\n%s", tt.src, diff)
		}
		if dst != 2 {
			t.Errorf("Scan(%#v) changed the destination to %d", tt.src, dst)
		}
	}
}

func TestRefuse(t *testing.T) {
	tab := New("shade", []string{"", "light", "dark"}, newTestError, Alias[color]{"pale", 1}).Refuse("grey", "grey is neither")
	for _, s := range []string{"grey", "GREY"} {
		_, err := tab.Parse(s)
		want := &testError{Field: "shade", Value: s, Reason: "grey is neither; want one of light, dark (aliases: pale)"}
		var te *testError
		if !errors.As(err, &te) {
			t.Fatalf("Parse(%q) = %v", s, err)
		}
		if diff := cmp.Diff(want, te); diff != "" {
			t.Errorf("Parse(%q) error mismatch (-want +got):\n%s", s, diff)
		}
		var c color = 2
		if err := tab.Scan(&c, []byte(s)); err == nil || err.Error() != want.Error() || c != 2 {
			t.Errorf("Scan(%q) = %v, %v; want the refusal, the destination unchanged", s, c, err)
		}
	}
	_, err := ParseSet[set8](tab, "shades", []string{"dark", "Grey"})
	if err == nil || err.Error() != `shades[1] = Grey: grey is neither; want one of light, dark (aliases: pale)` {
		t.Errorf("ParseSet(dark, Grey) error = %v", err)
	}
	for _, name := range []string{"light", "DARK", "pale", ""} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Refuse(%q) of an accepted name did not panic", name)
				}
			}()
			tab.Refuse(name, "no")
		}()
	}
}

func TestNewPanicsOnBadTables(t *testing.T) {
	tests := []struct {
		name    string
		names   []string
		aliases []Alias[color]
		newErr  ErrorFunc
	}{
		{"no names", []string{""}, nil, newTestError},
		{"names[0] not empty", []string{"x", "y"}, nil, newTestError},
		{"empty name", []string{"", "a", ""}, nil, newTestError},
		{"names equal under folding", []string{"", "a", "A"}, nil, newTestError},
		{"alias equal to a name", []string{"", "a", "b"}, []Alias[color]{{"B", 1}}, newTestError},
		{"two equal aliases", []string{"", "a", "b"}, []Alias[color]{{"x", 1}, {"X", 2}}, newTestError},
		{"alias of an invalid value", []string{"", "a"}, []Alias[color]{{"x", 2}}, newTestError},
		{"alias of the zero value", []string{"", "a"}, []Alias[color]{{"x", 0}}, newTestError},
		{"no ErrorFunc", []string{"", "a"}, nil, nil},
	}
	for _, tt := range tests {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("New with %s did not panic", tt.name)
				}
			}()
			New[color]("bad", tt.names, tt.newErr, tt.aliases...)
		}()
	}
}

type set8 uint8
type set16 uint16

func TestSets(t *testing.T) {
	got, ok := SetNames(colors, set8(1<<1|1<<3))
	if diff := cmp.Diff([]string{"red", "Dark-Blue"}, got); diff != "" || !ok {
		t.Errorf("SetNames mismatch (-want +got):\n%s (ok %v)", diff, ok)
	}
	if got, ok := SetNames(colors, set8(0)); got != nil || !ok {
		t.Errorf("SetNames(0) = %v, %v; want nil, true", got, ok)
	}
	for _, s := range []set16{1, 1 << 4, 1<<1 | 1<<15} {
		if _, ok := SetNames(colors, s); ok {
			t.Errorf("SetNames(%#x) ok: a bit names no color", s)
		}
	}
	s, err := ParseSet[set16](colors, "colors", []string{"GREEN", "rot", "red"})
	if err != nil || s != 1<<1|1<<2 {
		t.Errorf("ParseSet = %#x, %v; want %#x", s, err, 1<<1|1<<2)
	}
	if s, err := ParseSet[set8](colors, "colors", nil); err != nil || s != 0 {
		t.Errorf("ParseSet(nil) = %#x, %v; want the empty set", s, err)
	}
	_, err = ParseSet[set8](colors, "colors", []string{"red", "blue"})
	want := &testError{Field: "colors[1]", Value: "blue", Reason: "unknown color; want one of red, green, Dark-Blue (aliases: rot, NAVY)"}
	var te *testError
	if !errors.As(err, &te) {
		t.Fatalf("ParseSet(red, blue) error = %v", err)
	}
	if diff := cmp.Diff(want, te); diff != "" {
		t.Errorf("ParseSet error mismatch (-want +got):\n%s", diff)
	}

	// A value past the width of the set has no bit: it is never listed,
	// and never parsed into the set.
	names := make([]string, 10)
	for i := 1; i < len(names); i++ {
		names[i] = fmt.Sprintf("v%d", i)
	}
	w := New[color]("wide", names, newTestError)
	if got, ok := SetNames(w, set8(0xfe)); len(got) != 7 || !ok {
		t.Errorf("SetNames(wide, 0xfe) = %v, %v; want v1…v7, true", got, ok)
	}
	if _, err := ParseSet[set8](w, "wides", []string{"v8"}); err == nil {
		t.Error("ParseSet of a value past the width of the set: nil error")
	}
	if s, err := ParseSet[set16](w, "wides", []string{"v8", "v9"}); err != nil || s != 1<<8|1<<9 {
		t.Errorf("ParseSet(v8, v9) into 16 bits = %#x, %v", s, err)
	}
}

func BenchmarkScan(b *testing.B) {
	src := []byte("DARK-BLUE")
	var c color
	b.ReportAllocs()
	for b.Loop() {
		if err := colors.Scan(&c, src); err != nil {
			b.Fatal(err)
		}
	}
}

func TestExcerpt(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"", 4, ""},
		{"abcd", 4, "abcd"},
		{"abcde", 4, "abcd…"},
		{"abcé", 4, "abc…"}, // é is two bytes: not cut in half
		{"ééé", 3, "é…"},
		{"é", 0, "…"},
	}
	for _, tt := range tests {
		if got := Excerpt([]byte(tt.in), tt.n); got != tt.want {
			t.Errorf("Excerpt(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

func TestSetJSON(t *testing.T) {
	for _, tt := range []struct {
		names []string
		want  string
	}{{nil, "[]"}, {[]string{"red", "Dark-Blue"}, `["red","Dark-Blue"]`}} {
		if b, err := SetJSON(tt.names); err != nil || string(b) != tt.want {
			t.Errorf("SetJSON(%q) = %s, %v; want %s", tt.names, b, err, tt.want)
		}
	}
	tests := []struct {
		in     string
		want   set8
		ok     bool
		errSub string
	}{
		{in: `["RED","rot","green"]`, want: 1<<1 | 1<<2, ok: true},
		{in: `[]`, want: 0, ok: true},
		{in: `null`, want: 0, ok: false},
		{in: `"red"`, errSub: `colors = "red": want a JSON array of colors: `},
		{in: `[1]`, errSub: "want a JSON array of colors"},
		{in: `["red","blue"]`, errSub: `colors[1] = blue: unknown color`},
	}
	for _, tt := range tests {
		s, ok, err := ParseSetJSON[set8](colors, "colors", "colors", []byte(tt.in))
		switch {
		case tt.errSub != "":
			if err == nil || ok || !strings.Contains(err.Error(), tt.errSub) {
				t.Errorf("ParseSetJSON(%s) = %#x, %v, %v; want an error with %q", tt.in, s, ok, err, tt.errSub)
			}
		case err != nil || ok != tt.ok || s != tt.want:
			t.Errorf("ParseSetJSON(%s) = %#x, %v, %v; want %#x, %v", tt.in, s, ok, err, tt.want, tt.ok)
		}
	}
	if v, err := TextValue([]byte("red"), nil); err != nil || v != "red" {
		t.Errorf("TextValue = %v, %v; want the string red", v, err)
	}
	if _, err := TextValue(nil, errors.New("boom")); err == nil {
		t.Error("TextValue dropped the marshal error")
	}
}
