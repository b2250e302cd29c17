package strictjson

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// color is an enum with a text form, whose number must never be accepted.
type color uint8

func (c *color) UnmarshalText(b []byte) error {
	switch string(b) {
	case "red":
		*c = 1
	case "green":
		*c = 2
	default:
		return fmt.Errorf("unknown color %q", b)
	}
	return nil
}

type inner struct {
	N int `json:"n"`
}

type doc struct {
	Name    string     `json:"name"`
	Count   int        `json:"count,omitempty"`
	OK      bool       `json:"ok"`
	Color   color      `json:"color"`
	At      time.Time  `json:"at"`
	Tags    []string   `json:"tags"`
	Colors  []color    `json:"colors"`
	Inner   inner      `json:"inner"`
	Ptr     *inner     `json:"ptr"`
	List    []inner    `json:"list"`
	Skipped string     `json:"-"`
	NoTag   string     // not a JSON field
	Nested  *[]float64 `json:"nested"`
}

func TestDecode(t *testing.T) {
	at := time.Date(2026, 9, 27, 10, 0, 0, 5, time.UTC)
	tests := []struct {
		name string
		in   string
		want doc
	}{
		{"every field", `{"name":"x","count":3,"ok":true,"color":"green","at":"2026-09-27T10:00:00.000000005Z",
			"tags":["a","b"],"colors":["red"],"inner":{"n":1},"ptr":{"n":2},"list":[{"n":3},{"n":4}],"nested":[1.5]}`,
			doc{Name: "x", Count: 3, OK: true, Color: 2, At: at, Tags: []string{"a", "b"}, Colors: []color{1},
				Inner: inner{1}, Ptr: &inner{2}, List: []inner{{3}, {4}}, Nested: &[]float64{1.5}}},
		{"empty object", `{}`, doc{}},
		{"nulls are absent", `{"name":null,"ptr":null,"tags":null,"color":null}`, doc{}},
		{"empty array stays empty", `{"tags":[]}`, doc{Tags: []string{}}},
		{"spaces around", " \n{ \"ok\" : true }\t", doc{OK: true}},
	}
	for _, tt := range tests {
		var got doc
		if err := Decode([]byte(tt.in), &got); err != nil {
			t.Errorf("%s: Decode(%s): %v", tt.name, tt.in, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: Decode(%s) mismatch (-want +got):\n%s", tt.name, tt.in, diff)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, in string
		want     Error // Err compared by being set
		err      bool
	}{
		{"unknown field", `{"nmae":"x"}`, Error{Path: "nmae", Value: "x", Reason: "unknown field; want one of name, count, ok, color, at, tags, colors, inner, ptr, list, nested"}, false},
		{"case differs", `{"Name":"x"}`, Error{Path: "Name", Value: "x", Reason: "unknown field; want one of name, count, ok, color, at, tags, colors, inner, ptr, list, nested"}, false},
		{"untagged field", `{"NoTag":"x"}`, Error{Path: "NoTag", Value: "x", Reason: "unknown field; want one of name, count, ok, color, at, tags, colors, inner, ptr, list, nested"}, false},
		{"skipped field", `{"-":"x"}`, Error{Path: "-", Value: "x", Reason: "unknown field; want one of name, count, ok, color, at, tags, colors, inner, ptr, list, nested"}, false},
		{"twice", `{"ok":true,"ok":false}`, Error{Path: "ok", Value: "false", Reason: "field given twice"}, false},
		{"enum as number", `{"color":1}`, Error{Path: "color", Value: "1", Reason: "want a JSON string, not a number"}, false},
		{"enum unknown", `{"color":"blue"}`, Error{Path: "color", Value: "blue"}, true},
		{"enum in array", `{"colors":["red","blue"]}`, Error{Path: "colors[1]", Value: "blue"}, true},
		{"nested unknown", `{"list":[{"n":1},{"m":2}]}`, Error{Path: "list[1].m", Value: "2", Reason: "unknown field; want one of n"}, false},
		{"pointer unknown", `{"ptr":{"x":1}}`, Error{Path: "ptr.x", Value: "1", Reason: "unknown field; want one of n"}, false},
		{"fraction into int", `{"count":1.5}`, Error{Path: "count", Value: "1.5", Reason: "want a whole number in range, not a number with a fraction or exponent"}, false},
		{"overflow", `{"count":99999999999999999999}`, Error{Path: "count", Value: "99999999999999999999", Reason: "want a whole number in range, not a number out of range"}, false},
		{"string into int", `{"count":"3"}`, Error{Path: "count", Value: "3", Reason: "want a whole number in range, not a string"}, false},
		{"number into string", `{"name":3}`, Error{Path: "name", Value: "3", Reason: "want a JSON string, not a number"}, false},
		{"string into bool", `{"ok":"true"}`, Error{Path: "ok", Value: "true", Reason: "want true or false, not a string"}, false},
		{"object into array", `{"tags":{}}`, Error{Path: "tags", Value: "{}", Reason: "want a JSON array, not an object"}, false},
		{"array into object", `{"inner":[]}`, Error{Path: "inner", Value: "[]", Reason: "want a JSON object"}, false},
		{"bad time", `{"at":"yesterday"}`, Error{Path: "at", Value: "yesterday", Reason: "want an RFC 3339 instant such as 2026-09-27T10:00:00Z"}, true},
		{"pointer to a string", `{"name":"x","nested":["x"]}`, Error{Path: "nested[0]", Value: "x", Reason: "want a number, not a string"}, false},
		{"not an object", `[1]`, Error{Value: "[1]", Reason: "want a JSON object"}, false},
		{"null document", `null`, Error{Value: "null", Reason: "want a JSON object"}, false},
		{"empty", ``, Error{Reason: "not valid JSON: unexpected end of JSON input"}, false},
		{"syntax", `{"ok":tru}`, Error{Value: `{"ok":tru}`, Reason: "not valid JSON: invalid character '}' in literal true (expecting 'e')"}, false},
		{"trailing data", `{} {}`, Error{Value: "{} {}", Reason: "not valid JSON: invalid character '{' after top-level value"}, false},
	}
	for _, tt := range tests {
		var got doc
		err := Decode([]byte(tt.in), &got)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%s: Decode(%s) = %v, want an *Error", tt.name, tt.in, err)
			continue
		}
		if (e.Err != nil) != tt.err {
			t.Errorf("%s: Decode(%s).Err = %v, want set: %v", tt.name, tt.in, e.Err, tt.err)
		}
		g := *e
		g.Err = nil
		if diff := cmp.Diff(tt.want, g); diff != "" {
			t.Errorf("%s: Decode(%s) mismatch (-want +got):\n%s", tt.name, tt.in, diff)
		}
		if !strings.HasPrefix(err.Error(), "strictjson: "+tt.want.Path+" = ") {
			t.Errorf("%s: Error() = %q", tt.name, err)
		}
	}
}

func TestDecodeNotAStruct(t *testing.T) {
	var n int
	for _, p := range []any{nil, n, &n, (*doc)(nil)} {
		if err := Decode([]byte(`{}`), p); err == nil {
			t.Errorf("Decode into %T: no error", p)
		}
	}
}

func TestShorten(t *testing.T) {
	long := strings.Repeat("é", 60) // 120 bytes
	got := shorten(long)
	if !strings.HasSuffix(got, "…") || len(got) > 80+len("…") || !strings.HasPrefix(long, strings.TrimSuffix(got, "…")) {
		t.Errorf("shorten(%d bytes) = %q", len(long), got)
	}
	if got := shorten("short"); got != "short" {
		t.Errorf("shorten(short) = %q", got)
	}
}

func TestJoin(t *testing.T) {
	for _, tt := range []struct{ path, key, want string }{
		{"", "a", "a"}, {"a", "b", "a.b"}, {"a", "[2]", "a[2]"}, {"a[2]", "b", "a[2].b"}, {"a", "", "a"},
	} {
		if got := Join(tt.path, tt.key); got != tt.want {
			t.Errorf("Join(%q, %q) = %q, want %q", tt.path, tt.key, got, tt.want)
		}
	}
}
