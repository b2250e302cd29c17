// Package roundtrip checks that every exported type of a package survives
// its codecs: a test declares a table of each type — sample values and the
// codecs each must round-trip through, or why it cannot and what to store
// instead — and Check fails on a type missing from the table, so that the
// type added next gets its codec too (issue 13). It is for tests only.
package roundtrip

import (
	"database/sql"
	"database/sql/driver"
	"encoding"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/lapse-go/lapse/internal/apitest"
)

// Codec is a way to store a value.
type Codec uint8

// Codecs.
const (
	// JSON is encoding/json: json.Marshal, then json.Unmarshal into a new
	// value.
	JSON Codec = iota + 1
	// Text is encoding.TextMarshaler and encoding.TextUnmarshaler.
	Text
	// SQL is database/sql/driver.Valuer and database/sql.Scanner.
	SQL
)

// String returns the codec's name: "json", "text" or "sql".
func (c Codec) String() string {
	switch c {
	case JSON:
		return "json"
	case Text:
		return "text"
	case SQL:
		return "sql"
	}
	return fmt.Sprintf("Codec(%d)", uint8(c))
}

// Row is what a package's table says of one exported type.
type Row struct {
	// Samples are values of the type, several, the edge ones included
	// (zero, empty, extreme). Each must round-trip through every codec of
	// Codecs to a value cmp.Diff with Opts finds equal.
	Samples []any
	// Enum marks a small integer type whose valid values (IsValid) are
	// its samples: Check walks 0 < v < 256 and round-trips each valid one.
	// Samples then holds one value, only to name the type.
	Enum bool
	// Codecs are the codecs every sample must round-trip through.
	Codecs []Codec
	// Opts compare a sample with its decoded copy; say why beside them.
	Opts cmp.Options
	// Numbers are the JSON keys whose values may be numbers (counts,
	// amounts), besides those Check finds itself: the keys of the fields
	// of a plain integer or float type (int, not an enum's named type) in
	// the structs the sample's type holds, as far as encoding/json writes
	// them by default. A number anywhere else is an enum or a set that
	// lost its name, and fails the check.
	Numbers []string
	// Empty are the JSON keys whose values may be {}: zero values nested
	// in a sample (the zero Event in the history of an invalid Spec). {}
	// anywhere else is a value that lost its fields.
	Empty []string
	// OneWay marks a type that is written but cannot be read back (it
	// points into a judged lifecycle or a policy table): its samples are
	// marshalled to JSON and checked for their shape only. Instead says
	// what to decode instead.
	OneWay bool
	// None says why the type is not a value to store, and what to store
	// instead; a row with None has no samples.
	None string
	// Instead names, for a OneWay row, what to store instead.
	Instead string
}

// Check checks the table of the package in dir: every exported type must
// have a row and every row a type; each row either says why its type is
// not stored (None) or has samples that round-trip.
func Check(t *testing.T, dir string, table map[string]Row) {
	t.Helper()
	types, err := apitest.Types(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range types {
		if _, ok := table[name]; !ok {
			t.Errorf("%s: type %s is exported but not in the round-trip table of this test: add it, with samples and codecs or why it cannot be stored", dir, name)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(table)) {
		row := table[name]
		if !slices.Contains(types, name) {
			t.Errorf("%s: %s is in the round-trip table but not an exported type", dir, name)
			continue
		}
		t.Run(name, func(t *testing.T) { row.check(t, name) })
	}
}

func (row Row) check(t testing.TB, name string) {
	switch {
	case row.None != "":
		if len(row.Samples) > 0 || len(row.Codecs) > 0 {
			t.Errorf("%s: a row with None (%q) has no samples or codecs", name, row.None)
		}
		return
	case len(row.Samples) == 0:
		t.Fatalf("%s: no samples: give several, or None with the reason it is not stored", name)
		return
	case row.OneWay:
		if row.Instead == "" {
			t.Errorf("%s: a OneWay row says what to store Instead", name)
		}
		numbers := append(plainNumbers(reflect.TypeOf(row.Samples[0]), nil), row.Numbers...)
		for i, s := range row.Samples {
			b, err := json.Marshal(s)
			if err != nil {
				t.Errorf("%s sample %d: json.Marshal: %v", name, i, err)
				continue
			}
			shape(t, fmt.Sprintf("%s sample %d", name, i), s, b, numbers, row.Empty)
		}
		return
	case len(row.Codecs) == 0:
		t.Fatalf("%s: no codecs", name)
		return
	}
	row.Codecs = row.supported(t, name)
	row.Numbers = append(plainNumbers(reflect.TypeOf(row.Samples[0]), nil), row.Numbers...)
	if row.Enum {
		row.enum(t, name)
		return
	}
	for i, s := range row.Samples {
		what := fmt.Sprintf("%s sample %d", name, i)
		if v := fmt.Sprint(s); len(v) <= 60 {
			what += " (" + v + ")"
		}
		for _, c := range row.Codecs {
			row.trip(t, what+", "+c.String(), s, c)
		}
	}
}

// supported returns the row's codecs that its type implements, and
// reports each other once.
func (row Row) supported(t testing.TB, name string) []Codec {
	t.Helper()
	typ := reflect.TypeOf(row.Samples[0])
	ptr := reflect.PointerTo(typ)
	var out []Codec
	for _, c := range row.Codecs {
		switch {
		case c == Text && !(typ.Implements(reflect.TypeFor[encoding.TextMarshaler]()) && ptr.Implements(reflect.TypeFor[encoding.TextUnmarshaler]())):
			t.Errorf("%s: %v has no MarshalText and UnmarshalText", name, typ)
		case c == SQL && !(typ.Implements(reflect.TypeFor[driver.Valuer]()) && ptr.Implements(reflect.TypeFor[sql.Scanner]())):
			t.Errorf("%s: %v has no Value and Scan", name, typ)
		default:
			out = append(out, c)
		}
	}
	return out
}

// enum walks the valid values of the enum type of the row's sample.
func (row Row) enum(t testing.TB, name string) {
	typ := reflect.TypeOf(row.Samples[0])
	valid, ok := typ.MethodByName("IsValid")
	if !ok || !reflect.Zero(typ).CanUint() {
		t.Fatalf("%s: an enum needs an unsigned integer type with an IsValid method", name)
		return
	}
	n, bare := 0, -1
	for i := range 256 {
		v := reflect.New(typ).Elem()
		v.SetUint(uint64(i))
		if !valid.Func.Call([]reflect.Value{v})[0].Bool() {
			if b, err := json.Marshal(v.Interface()); err == nil && isNumber(b) && bare < 0 && slices.Contains(row.Codecs, JSON) {
				bare = i
			}
			continue
		}
		if i == 0 {
			t.Errorf("%s: the zero value is valid; lapse's enums make it invalid", name)
		}
		n++
		for _, c := range row.Codecs {
			row.trip(t, fmt.Sprintf("%s(%d) %v, %s", name, i, v.Interface(), c), v.Interface(), c)
		}
	}
	if n == 0 {
		t.Errorf("%s: no valid value in 1…255", name)
	}
	if bare >= 0 {
		t.Errorf("%s(%d), invalid: json.Marshal gives a bare number, and so may others; want an error", name, bare)
	}
}

// trip round-trips s through c.
func (row Row) trip(t testing.TB, what string, s any, c Codec) {
	t.Helper()
	back := reflect.New(reflect.TypeOf(s))
	switch c {
	case JSON:
		b, err := json.Marshal(s)
		if err != nil {
			t.Errorf("%s: json.Marshal: %v", what, err)
			return
		}
		shape(t, what, s, b, row.Numbers, row.Empty)
		if row.Enum && !strings.HasPrefix(string(b), `"`) {
			t.Errorf("%s: json.Marshal = %s, want a JSON string (its name)", what, b)
		}
		if err := json.Unmarshal(b, back.Interface()); err != nil {
			t.Errorf("%s: json.Unmarshal(%s): %v", what, b, err)
			return
		}
	case Text:
		m, ok := s.(encoding.TextMarshaler)
		u, ok2 := back.Interface().(encoding.TextUnmarshaler)
		if !ok || !ok2 {
			t.Errorf("%s: %T has no MarshalText and UnmarshalText", what, s)
			return
		}
		b, err := m.MarshalText()
		if err != nil {
			t.Errorf("%s: MarshalText: %v", what, err)
			return
		}
		if err := u.UnmarshalText(b); err != nil {
			t.Errorf("%s: UnmarshalText(%q): %v", what, b, err)
			return
		}
	case SQL:
		v, ok := s.(driver.Valuer)
		sc, ok2 := back.Interface().(sql.Scanner)
		if !ok || !ok2 {
			t.Errorf("%s: %T has no Value and Scan", what, s)
			return
		}
		dv, err := v.Value()
		if err != nil {
			t.Errorf("%s: Value: %v", what, err)
			return
		}
		if !driver.IsValue(dv) {
			t.Errorf("%s: Value = %#v, not a driver.Value", what, dv)
		}
		if err := sc.Scan(dv); err != nil {
			t.Errorf("%s: Scan(%#v): %v", what, dv, err)
			return
		}
	default:
		t.Fatalf("%s: unknown codec", what)
		return
	}
	if diff := cmp.Diff(s, back.Elem().Interface(), row.Opts...); diff != "" {
		t.Errorf("%s: round trip mismatch (-sent +received):\n%s", what, diff)
	}
}

// shape checks the JSON b of s: no empty object unless s is its type's
// zero value or under the keys of empty, and no number but under the keys
// of numbers.
func shape(t testing.TB, what string, s any, b []byte, numbers, empty []string) {
	t.Helper()
	var x any
	if err := json.Unmarshal(b, &x); err != nil {
		t.Errorf("%s: json.Marshal gave invalid JSON %s: %v", what, b, err)
		return
	}
	zero := reflect.ValueOf(s).IsZero()
	walk(x, "", func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			if len(v) == 0 && !(zero && path == "") && !(path != "" && slices.Contains(empty, lastKey(path))) {
				t.Errorf("%s: %s is {} in %s: a non-empty value written as an empty object", what, orTop(path), b)
			}
		case float64:
			if !slices.Contains(numbers, lastKey(path)) {
				t.Errorf("%s: %s is the bare number %v in %s: an enum or set written as its number? (if it is a count, list its key in Numbers)", what, orTop(path), v, b)
			}
		}
	})
}

// walk calls f on every value of the decoded JSON x, with its path.
func walk(x any, path string, f func(path string, v any)) {
	f(path, x)
	switch v := x.(type) {
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(v)) {
			walk(v[k], path+"."+k, f)
		}
	case []any:
		for i, e := range v {
			walk(e, fmt.Sprintf("%s[%d]", path, i), f)
		}
	}
}

// lastKey returns the last object key of path, past any indexes.
func lastKey(path string) string {
	for strings.HasSuffix(path, "]") {
		path = path[:strings.LastIndexByte(path, '[')]
	}
	return path[strings.LastIndexByte(path, '.')+1:]
}

func orTop(path string) string {
	if path == "" {
		return "the value"
	}
	return strings.TrimPrefix(path, ".")
}

func isNumber(b []byte) bool {
	return len(b) > 0 && (b[0] == '-' || (b[0] >= '0' && b[0] <= '9'))
}

var (
	jsonMarshaler = reflect.TypeFor[json.Marshaler]()
	textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
)

// plainNumbers returns the JSON keys under which encoding/json writes a
// field of a plain numeric type (int, int64, float64: a count or an
// amount, not an enum) in a value of type t, descending into the fields,
// elements and pointers that it writes by default; a type with its own
// MarshalJSON or MarshalText is opaque.
func plainNumbers(t reflect.Type, seen map[reflect.Type]bool) []string {
	if seen == nil {
		seen = map[reflect.Type]bool{}
	}
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map {
		if t.Implements(jsonMarshaler) || t.Implements(textMarshaler) {
			return nil
		}
		t = t.Elem()
	}
	if seen[t] || t.Kind() != reflect.Struct || t.Implements(jsonMarshaler) || t.Implements(textMarshaler) ||
		reflect.PointerTo(t).Implements(jsonMarshaler) {
		return nil
	}
	seen[t] = true
	var out []string
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() && !f.Anonymous {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		ft := f.Type
		switch ft.Kind() {
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
			if ft.PkgPath() == "" { // int, not a named type
				out = append(out, name)
			}
		}
		out = append(out, plainNumbers(ft, seen)...)
	}
	return out
}
