// Package enumtext gives lapse's small enums their text names. Each enum is
// a ~uint8 whose zero value is invalid, with a names slice whose element 0
// is "", so that the zero value never has a name.
//
// A [Table] holds one enum type's names and aliases and implements, once
// for every package, what its methods do: parsing (ASCII case folded, then
// the aliases), encoding.TextMarshaler and TextUnmarshaler, and
// database/sql's driver.Valuer and sql.Scanner. Errors stay with the
// packages that own the enums, so that each can name its own field: a
// Table builds them with the [ErrorFunc] it was given.
package enumtext

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Valid reports whether v has a name.
func Valid[T ~uint8](v T, names []string) bool { return v > 0 && int(v) < len(names) }

// String returns v's name, or "%!Type(n)" for a value without one, as
// package time does for an invalid Month.
func String[T ~uint8](v T, names []string, typ string) string {
	if Valid(v, names) {
		return names[v]
	}
	return fmt.Sprintf("%%!%s(%d)", typ, uint8(v))
}

// Index returns the value named s exactly (no case folding, no aliases),
// or 0 (invalid) when no value has that name. It is for formats that
// accept only the canonical names, such as policy files.
func Index(names []string, s string) int {
	for i := 1; i < len(names); i++ {
		if names[i] == s {
			return i
		}
	}
	return 0
}

// EqualFold reports whether a and b are equal under ASCII case folding:
// 'A'–'Z' match 'a'–'z' and every other byte only itself, so that no
// Unicode look-alike (the Kelvin sign for "k", a dotted capital I) ever
// names a value.
func EqualFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if x == y {
			continue
		}
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// ErrorFunc builds the owning package's error for the enum type typ (such
// as "State"): the offending value and why it is refused, lower case.
type ErrorFunc func(typ string, value any, reason string) error

// Alias is a further name that a Table parses as Value. Aliases are read,
// never written: MarshalText and String give the canonical name.
type Alias[T ~uint8] struct {
	Name  string
	Value T
}

// Table is one enum type's names, aliases and error constructor. Build it
// once, at package initialisation, with [New]; it is read-only after that
// and safe for concurrent use.
type Table[T ~uint8] struct {
	typ     string
	names   []string
	aliases []Alias[T]
	refused []refusal
	newErr  ErrorFunc
	want    string
}

// refusal is a name that names no value but deserves its own reason.
type refusal struct{ name, reason string }

// New returns the Table of the enum type typ. names[0] must be "" and
// every other name non-empty; no two names or aliases may be equal under
// [EqualFold], and every alias must name a valid value. A table breaking
// these rules is a programming error in a package-level variable, so New
// panics, at package initialisation, where every test sees it.
func New[T ~uint8](typ string, names []string, newErr ErrorFunc, aliases ...Alias[T]) *Table[T] {
	if len(names) < 2 || len(names) > 256 || names[0] != "" || newErr == nil {
		panic(fmt.Sprintf("enumtext: table %s: want names[0] == \"\", 1 to 255 names and an ErrorFunc", typ))
	}
	seen := make([]string, 0, len(names)+len(aliases))
	add := func(name string) {
		if name == "" {
			panic(fmt.Sprintf("enumtext: table %s: empty name", typ))
		}
		for _, s := range seen {
			if EqualFold(s, name) {
				panic(fmt.Sprintf("enumtext: table %s: %q and %q are the same name", typ, s, name))
			}
		}
		seen = append(seen, name)
	}
	for _, n := range names[1:] {
		add(n)
	}
	var alias []string
	for _, a := range aliases {
		add(a.Name)
		if !Valid(a.Value, names) {
			panic(fmt.Sprintf("enumtext: table %s: alias %q names no value", typ, a.Name))
		}
		alias = append(alias, a.Name)
	}
	want := "want one of " + strings.Join(names[1:], ", ")
	if len(alias) > 0 {
		want += " (aliases: " + strings.Join(alias, ", ") + ")"
	}
	return &Table[T]{typ: typ, names: names, aliases: aliases, newErr: newErr, want: want}
}

// Refuse makes the error for name (under ASCII case folding) say reason
// before the accepted names: a name from another vocabulary that has no
// value here, such as Partner Center's subscription status "pending" for
// a lifecycle State. It is called at package initialisation, panics when
// name is a name or alias of t (a programming error), and returns t.
func (t *Table[T]) Refuse(name, reason string) *Table[T] {
	if _, ok := t.Lookup(name); ok || name == "" {
		panic(fmt.Sprintf("enumtext: table %s: refused name %q is accepted", t.typ, name))
	}
	t.refused = append(t.refused, refusal{name, reason})
	return t
}

// Type returns the enum type's name, such as "State".
func (t *Table[T]) Type() string { return t.typ }

// Want returns the accepted names as an error message states them: "want
// one of active, expired (aliases: grace)".
func (t *Table[T]) Want() string { return t.want }

// Valid reports whether v has a name.
func (t *Table[T]) Valid(v T) bool { return Valid(v, t.names) }

// String returns v's name, or "%!Type(n)" for a value without one.
func (t *Table[T]) String(v T) string { return String(v, t.names, t.typ) }

// Lookup returns the value named s: a name or an alias, compared under
// ASCII case folding. ok is false when nothing has that name.
func (t *Table[T]) Lookup(s string) (v T, ok bool) {
	for i := 1; i < len(t.names); i++ {
		if EqualFold(t.names[i], s) {
			return T(i), true
		}
	}
	for _, a := range t.aliases {
		if EqualFold(a.Name, s) {
			return a.Value, true
		}
	}
	return 0, false
}

// Parse returns the value named s, as Lookup does, or the owning
// package's error naming the type, s and the accepted names.
func (t *Table[T]) Parse(s string) (T, error) {
	if v, ok := t.Lookup(s); ok {
		return v, nil
	}
	return 0, t.Unknown(s)
}

// Unknown returns the error for a name that Lookup does not know: the
// reason given to Refuse for s, or "unknown Type", then the accepted
// names.
func (t *Table[T]) Unknown(s string) error {
	return t.newErr(t.typ, s, t.why(s)+"; "+t.want)
}

func (t *Table[T]) why(s string) string {
	for _, r := range t.refused {
		if EqualFold(r.name, s) {
			return r.reason
		}
	}
	return "unknown " + t.typ
}

// Invalid returns the error for a value without a name.
func (t *Table[T]) Invalid(v T) error {
	return t.newErr(t.typ, uint8(v), "not a valid "+t.typ)
}

// MarshalText returns v's canonical name, or an error for a value without
// one.
func (t *Table[T]) MarshalText(v T) ([]byte, error) {
	if !t.Valid(v) {
		return nil, t.Invalid(v)
	}
	return []byte(t.names[v]), nil
}

// UnmarshalText sets *dst to the value b names, as Parse reads it; on
// error *dst is unchanged.
func (t *Table[T]) UnmarshalText(dst *T, b []byte) error {
	v, err := t.Parse(string(b))
	if err == nil {
		*dst = v
	}
	return err
}

// Value returns v's canonical name as a driver.Value (a string), or an
// error for a value without one.
func (t *Table[T]) Value(v T) (driver.Value, error) {
	if !t.Valid(v) {
		return nil, t.Invalid(v)
	}
	return t.names[v], nil
}

// Scan sets *dst to the value a database column holds: a string or
// []byte, read as Parse reads it. SQL NULL (nil) and every other type are
// errors; on error *dst is unchanged.
func (t *Table[T]) Scan(dst *T, src any) error {
	s, err := ScanText(t.typ, src, t.newErr)
	if err != nil {
		return err
	}
	v, err := t.Parse(s)
	if err == nil {
		*dst = v
	}
	return err
}

// ScanText returns the text of a database value for the type typ: src
// itself when it is a string, or its bytes as a string when it is a
// []byte. SQL NULL (nil) and every other type are errors built with
// newErr; the message says to scan a nullable column into sql.Null[typ].
func ScanText(typ string, src any, newErr ErrorFunc) (string, error) {
	switch x := src.(type) {
	case string:
		return x, nil
	case []byte:
		return string(x), nil
	case nil:
		return "", newErr(typ, nil, "SQL NULL is not a "+typ+"; scan a nullable column into sql.Null["+typ+"]")
	}
	return "", newErr(typ, src, fmt.Sprintf("cannot scan a %T into a %s; want a string or []byte", src, typ))
}

// Excerpt returns b as a string for an error message: whole when it has at
// most n bytes, else its first n bytes, cut back to a whole UTF-8
// character, and "…", so that a hostile document does not become a huge
// error.
func Excerpt(b []byte, n int) string {
	if len(b) <= n {
		return string(b)
	}
	for n > 0 && !utf8.RuneStart(b[n]) {
		n--
	}
	return string(b[:n]) + "…"
}

// SetNames returns the names of the values whose bits (1<<v) the set s
// holds, in value order, and whether every bit of s names a value; it is
// nil for the empty set. A value too large for a bit of S is never in s.
func SetNames[S ~uint8 | ~uint16, T ~uint8](t *Table[T], s S) (names []string, ok bool) {
	var known S
	for i := 1; i < len(t.names); i++ {
		b := S(1) << i // 0 past the width of S
		known |= b
		if s&b != 0 {
			names = append(names, t.names[i])
		}
	}
	return names, s&^known == 0
}

// ParseSet returns the set holding the values names name, each read as
// Parse reads it; a name may be repeated. The error for an unknown name
// is the owning package's, for the field "setType[i]".
func ParseSet[S ~uint8 | ~uint16, T ~uint8](t *Table[T], setType string, names []string) (S, error) {
	var s S
	for i, n := range names {
		v, ok := t.Lookup(n)
		b := S(1) << v // 0 past the width of S
		if !ok || b == 0 {
			return 0, t.newErr(fmt.Sprintf("%s[%d]", setType, i), n, t.why(n)+"; "+t.want)
		}
		s |= b
	}
	return s, nil
}

// SetJSON returns names as a JSON array, [] for none: the JSON form of a
// set of enum values.
func SetJSON(names []string) ([]byte, error) {
	if names == nil {
		names = []string{}
	}
	return json.Marshal(names)
}

// ParseSetJSON reads the JSON form of a set, an array of names each read
// as Parse reads it. ok is false for null, which as with encoding/json's
// own types leaves the destination unchanged. Anything but an array of
// strings is an error built with the table's error function, naming
// setType and what its elements are ("role names").
func ParseSetJSON[S ~uint8 | ~uint16, T ~uint8](t *Table[T], setType, elements string, b []byte) (s S, ok bool, err error) {
	var names []string
	if err := json.Unmarshal(b, &names); err != nil {
		return 0, false, t.newErr(setType, Excerpt(b, 64), "want a JSON array of "+elements+": "+err.Error())
	}
	if names == nil { // null; [] is an empty, non-nil slice
		return 0, false, nil
	}
	s, err = ParseSet[S](t, setType, names)
	return s, err == nil, err
}

// TextValue returns the database value of a type whose text form is its
// stored form: the text as a string.
func TextValue(text []byte, err error) (driver.Value, error) {
	if err != nil {
		return nil, err
	}
	return string(text), nil
}
