package roundtrip

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// color is an enum with every codec; 1 and 2 are valid.
type color uint8

var colorNames = []string{"", "red", "green"}

func (c color) IsValid() bool { return c == 1 || c == 2 }
func (c color) MarshalText() ([]byte, error) {
	if !c.IsValid() {
		return nil, errors.New("invalid color")
	}
	return []byte(colorNames[c]), nil
}
func (c *color) UnmarshalText(b []byte) error {
	for i, n := range colorNames[1:] {
		if n == string(b) {
			*c = color(i + 1)
			return nil
		}
	}
	return fmt.Errorf("unknown color %q", b)
}
func (c color) Value() (driver.Value, error) { b, err := c.MarshalText(); return string(b), err }
func (c *color) Scan(src any) error {
	s, _ := src.(string)
	return c.UnmarshalText([]byte(s))
}

// number is an enum without codecs: its JSON is its number.
type number uint8

func (n number) IsValid() bool { return n == 1 }

// lossy drops B in its JSON.
type lossy struct {
	A int `json:"a"`
	B int `json:"-"`
}

// bits is a set without a text form: its JSON is its number.
type bits uint16

// wrapped holds a set as a number and an empty object.
type wrapped struct {
	Set   bits     `json:"set"`
	Inner struct{} `json:"inner"`
	Count int      `json:"count"`
}

// recorder is a testing.TB that keeps what a check reports.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}
func (r *recorder) Fatalf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func TestRowCheck(t *testing.T) {
	tests := []struct {
		name string
		row  Row
		want []string // a fragment of each error, in order; none for a pass
	}{
		{"enum with every codec", Row{Samples: []any{color(0)}, Enum: true, Codecs: []Codec{JSON, Text, SQL}}, nil},
		{"enum as a number", Row{Samples: []any{number(0)}, Enum: true, Codecs: []Codec{JSON}},
			[]string{"is the bare number 1", "want a JSON string", "number(0), invalid: json.Marshal gives a bare number"}},
		{"enum without text", Row{Samples: []any{number(0)}, Enum: true, Codecs: []Codec{Text}}, []string{"has no MarshalText"}},
		{"enum without sql", Row{Samples: []any{number(0)}, Enum: true, Codecs: []Codec{SQL}}, []string{"has no Value and Scan"}},
		{"lossy", Row{Samples: []any{lossy{1, 2}}, Codecs: []Codec{JSON}, Numbers: []string{"a"}}, []string{"round trip mismatch"}},
		{"lossy, zero", Row{Samples: []any{lossy{}}, Codecs: []Codec{JSON}, Numbers: []string{"a"}}, nil},
		{"number and empty object", Row{Samples: []any{wrapped{Set: 6, Count: 2}}, Codecs: []Codec{JSON}},
			[]string{"inner is {}", "set is the bare number 6"}},
		{"zero value may be {}", Row{Samples: []any{struct{}{}}, Codecs: []Codec{JSON}}, nil},
		{"nested {} where allowed", Row{Samples: []any{wrapped{Set: 6, Count: 2}}, Codecs: []Codec{JSON}, Numbers: []string{"set"}, Empty: []string{"inner"}}, nil},
		{"none with samples", Row{None: "a handle", Samples: []any{1}}, []string{"has no samples or codecs"}},
		{"none", Row{None: "a handle"}, nil},
		{"no samples", Row{Codecs: []Codec{JSON}}, []string{"no samples"}},
		{"no codecs", Row{Samples: []any{1}}, []string{"no codecs"}},
		{"one way", Row{Samples: []any{wrapped{Count: 1, Set: 3}}, OneWay: true},
			[]string{"says what to store Instead", "inner is {}", "set is the bare number 3"}},
		{"one way, numbers listed", Row{Samples: []any{wrapped{Set: 3}}, OneWay: true, Instead: "x", Numbers: []string{"set", "inner"}, Empty: []string{"inner"}}, nil},
		{"one way that fails", Row{Samples: []any{color(9)}, OneWay: true, Instead: "x"}, []string{"json.Marshal: json: error calling MarshalText"}},
		{"text of an invalid value", Row{Samples: []any{color(9)}, Codecs: []Codec{Text, SQL, JSON}},
			[]string{"MarshalText: invalid color", "Value: invalid color", "json.Marshal: json: error calling MarshalText"}},
		{"enum type without IsValid", Row{Samples: []any{lossy{}}, Enum: true, Codecs: []Codec{JSON}}, []string{"needs an unsigned integer type with an IsValid"}},
		{"unknown codec", Row{Samples: []any{1}, Codecs: []Codec{9}}, []string{"unknown codec"}},
	}
	for _, tt := range tests {
		var r recorder
		tt.row.check(&r, tt.name)
		if len(r.errors) != len(tt.want) {
			t.Errorf("%s: reported %d errors, want %d:\n%s", tt.name, len(r.errors), len(tt.want), strings.Join(r.errors, "\n"))
			continue
		}
		for i, w := range tt.want {
			if !strings.Contains(r.errors[i], w) {
				t.Errorf("%s: error %d = %q, want it to contain %q", tt.name, i, r.errors[i], w)
			}
		}
	}
}

func TestCheck(t *testing.T) {
	// This package's own types: Codec is an enum without IsValid, so it
	// is listed as not stored; Row holds functions.
	Check(t, ".", map[string]Row{
		"Codec": {None: "a test helper's own enum, never stored"},
		"Row":   {None: "holds cmp options, which are functions"},
	})
}

func TestLastKey(t *testing.T) {
	for path, want := range map[string]string{
		"": "", ".a": "a", ".a.b": "b", ".a[0]": "a", ".a[0][1]": "a", ".a[0].b": "b", ".a[0].b[2]": "b",
	} {
		if got := lastKey(path); got != want {
			t.Errorf("lastKey(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestCodecString(t *testing.T) {
	for c, want := range map[Codec]string{JSON: "json", Text: "text", SQL: "sql", 9: "Codec(9)"} {
		if got := c.String(); got != want {
			t.Errorf("Codec(%d).String() = %q, want %q", uint8(c), got, want)
		}
	}
}

func TestPlainNumbers(t *testing.T) {
	type inner struct {
		Days  int
		Kind  color
		Skip  int `json:"-"`
		Named int `json:"named,omitempty"`
	}
	type embedded struct{ Max int64 }
	type outer struct {
		embedded
		In     inner
		Ins    []*inner
		Ratio  float64
		Set    uint16
		Enum   number
		Opaque lossyText
		hidden int
	}
	got := plainNumbers(reflect.TypeFor[outer](), nil)
	want := []string{"Max", "Days", "named", "Ratio", "Set"}
	if !slices.Equal(got, want) {
		t.Errorf("plainNumbers = %v, want %v", got, want)
	}
	_ = outer{}.hidden
}

// lossyText has a text form: its fields are not written.
type lossyText struct{ N int }

func (lossyText) MarshalText() ([]byte, error) { return []byte("x"), nil }
