// Package enumtexttest checks, for the tests of every package with enums,
// that an enum type keeps the promises of package enumtext: every valid
// value round-trips through its text, JSON and database/sql forms, names
// parse in any ASCII case, aliases parse to their values and are never
// written, and invalid values, unknown names, SQL NULL and other types are
// the owning package's error naming the type. It is for tests only.
package enumtexttest

import (
	"database/sql"
	"database/sql/driver"
	"encoding"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// Enum is what every enum of lapse implements.
type Enum interface {
	~uint8
	fmt.Stringer
	IsValid() bool
	encoding.TextMarshaler
	driver.Valuer
}

// Ptr is what a pointer to an enum implements.
type Ptr[T any] interface {
	*T
	encoding.TextUnmarshaler
	sql.Scanner
}

// Case describes one enum type.
type Case[T Enum] struct {
	// Type is the type's name as its errors name it, such as "State".
	Type string
	// Names are the canonical names of the values 1…len(Names), in order:
	// the whole list, so that len(Names)+1 must be invalid.
	Names []string
	// Aliases maps each documented alias to its value.
	Aliases map[string]T
	// Parse is the package's ParseX function, or nil when it has none.
	Parse func(string) (T, error)
	// Field returns the field named by err when err is (errors.As) the
	// package's field error, and ok false when it is not.
	Field func(err error) (field string, ok bool)
}

// Check runs the checks on c as subtests of t named after c.Type.
func Check[T Enum, P Ptr[T]](t *testing.T, c Case[T]) {
	t.Run(c.Type, func(t *testing.T) {
		t.Helper()
		wantErr := func(what string, err error) {
			t.Helper()
			if err == nil {
				t.Errorf("%s: nil error, want the package's field error for %s", what, c.Type)
				return
			}
			if f, ok := c.Field(err); !ok || f != c.Type {
				t.Errorf("%s: error %v (field %q, package error %v), want the package's field error for %s", what, err, f, ok, c.Type)
			}
		}
		parsers := []struct {
			name  string
			parse func(string) (T, error)
		}{
			{"UnmarshalText", func(s string) (T, error) { var v T; err := P(&v).UnmarshalText([]byte(s)); return v, err }},
			{"Scan(string)", func(s string) (T, error) { var v T; err := P(&v).Scan(s); return v, err }},
			{"Scan([]byte)", func(s string) (T, error) { var v T; err := P(&v).Scan([]byte(s)); return v, err }},
			{"sql.Null.Scan", func(s string) (T, error) {
				var n sql.Null[T]
				err := n.Scan(s)
				if err == nil && !n.Valid {
					err = fmt.Errorf("sql.Null[%s].Scan(%q): not Valid", c.Type, s)
				}
				return n.V, err
			}},
		}
		if c.Parse != nil {
			parsers = append(parsers, struct {
				name  string
				parse func(string) (T, error)
			}{"Parse", c.Parse})
		}
		for i, name := range c.Names {
			v := T(i + 1)
			if !v.IsValid() || v.String() != name {
				t.Errorf("%s(%d): IsValid %v, String %q; want true, %q", c.Type, i+1, v.IsValid(), v.String(), name)
			}
			text, err := v.MarshalText()
			if err != nil || string(text) != name {
				t.Errorf("%v.MarshalText() = %q, %v; want %q", v, text, err, name)
			}
			dv, err := v.Value()
			if err != nil || dv != driver.Value(name) || !driver.IsValue(dv) {
				t.Errorf("%v.Value() = %#v, %v; want the string %q", v, dv, err, name)
			}
			js, err := json.Marshal(v)
			if want := `"` + name + `"`; err != nil || string(js) != want {
				t.Errorf("json.Marshal(%v) = %s, %v; want %s", v, js, err, want)
			}
			var back T
			if err := json.Unmarshal(js, &back); err != nil || back != v {
				t.Errorf("json.Unmarshal(%s) = %v, %v; want %v", js, back, err, v)
			}
			for _, s := range []string{name, strings.ToUpper(name), strings.ToLower(name), mixedCase(name)} {
				for _, p := range parsers {
					if got, err := p.parse(s); err != nil || got != v {
						t.Errorf("%s(%q) = %v, %v; want %v", p.name, s, got, err, v)
					}
				}
			}
		}
		for alias, v := range c.Aliases {
			for _, s := range []string{alias, strings.ToUpper(alias), strings.ToLower(alias)} {
				for _, p := range parsers {
					if got, err := p.parse(s); err != nil || got != v {
						t.Errorf("%s(alias %q) = %v, %v; want %v", p.name, s, got, err, v)
					}
				}
			}
			if text, _ := v.MarshalText(); string(text) == alias || v.String() == alias {
				t.Errorf("%v is written as its alias %q", v, alias)
			}
		}
		n := len(c.Names)
		for _, bad := range []int{0, n + 1, 255} {
			v := T(bad)
			if v.IsValid() {
				t.Errorf("%s(%d).IsValid() = true", c.Type, bad)
			}
			if got, want := v.String(), fmt.Sprintf("%%!%s(%d)", c.Type, bad); got != want {
				t.Errorf("%s(%d).String() = %q, want %q", c.Type, bad, got, want)
			}
			text, err := v.MarshalText()
			wantErr(fmt.Sprintf("%s(%d).MarshalText() = %q", c.Type, bad, text), err)
			dv, err := v.Value()
			wantErr(fmt.Sprintf("%s(%d).Value() = %#v", c.Type, bad, dv), err)
			if _, err := json.Marshal(v); err == nil {
				t.Errorf("json.Marshal(%s(%d)): nil error", c.Type, bad)
			}
		}
		for _, src := range []any{nil, 42, int64(42), 4.2, true, "bogus", []byte("bogus"), "", " " + c.Names[0], c.Names[0] + "-"} {
			v := T(1)
			err := P(&v).Scan(src)
			wantErr(fmt.Sprintf("Scan(%#v)", src), err)
			if v != 1 {
				t.Errorf("Scan(%#v) changed the destination to %v", src, v)
			}
			if s, ok := src.(string); ok && s == "bogus" {
				for _, name := range c.Names {
					if !strings.Contains(err.Error(), name) {
						t.Errorf("Scan(%q) error %q does not list %q", s, err, name)
					}
				}
				for alias := range c.Aliases {
					if !strings.Contains(err.Error(), alias) {
						t.Errorf("Scan(%q) error %q does not list the alias %q", s, err, alias)
					}
				}
			}
		}
		var null sql.Null[T]
		if err := null.Scan(nil); err != nil || null.Valid {
			t.Errorf("sql.Null[%s].Scan(nil) = %v, Valid %v; want nil, false", c.Type, err, null.Valid)
		}
		for _, s := range []string{"", "bogus", c.Names[0] + "\x00", strings.ReplaceAll(c.Names[0], "-", "_")} {
			if s == c.Names[0] {
				continue // a name without "-"
			}
			for _, p := range parsers {
				_, err := p.parse(s)
				wantErr(fmt.Sprintf("%s(%q)", p.name, s), err)
			}
		}
	})
}

// mixedCase returns s with every other ASCII letter in upper case.
func mixedCase(s string) string {
	b := []byte(s)
	for i := range b {
		if i%2 == 0 {
			b[i] = strings.ToUpper(string(b[i]))[0]
		} else {
			b[i] = strings.ToLower(string(b[i]))[0]
		}
	}
	return string(b)
}
