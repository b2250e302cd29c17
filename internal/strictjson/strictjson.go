// Package strictjson decodes JSON objects into structs the strict way
// lapse's formats need, which encoding/json does not offer as a whole: a
// key that names no field is an error (a misspelt field must not be
// silently dropped), and so is a key given twice; keys match the json tags
// exactly (encoding/json also accepts any other case); a field of a type
// with a text form (an enum, a date) takes only a JSON string, never the
// number behind it; and every error carries the JSON path of the value it
// refuses, such as "history[2].kind", so that the packages that own the
// types can report it as their own field error.
//
// Fields are a struct's exported fields with a json tag; "-" skips one.
// A field of a type with an UnmarshalJSON or UnmarshalText method is
// decoded by it; a slice element by element; a pointer to a struct and a
// struct without methods as a nested object, recursively. JSON null
// leaves a field at its zero value, as if the key were absent. Only
// Decode's first argument may carry data after the value: none is allowed.
package strictjson

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Error is a value that Decode refuses.
type Error struct {
	// Path locates the value in the document, such as "history[2].kind";
	// empty for the document itself.
	Path string
	// Value is the value as given: the text of a JSON string, the JSON
	// text of anything else, shortened to 80 bytes.
	Value string
	// Reason says what is wrong, lower case; empty when Err says it
	// (Err is then the error of a nested value's own decoder, whose
	// reason the caller takes over).
	Reason string
	// Err is the error of the value's own UnmarshalJSON or UnmarshalText
	// method, or nil.
	Err error
}

// Error returns "strictjson: path = value: reason".
func (e *Error) Error() string {
	why := e.Reason
	if why == "" && e.Err != nil {
		why = e.Err.Error()
	}
	return fmt.Sprintf("strictjson: %s = %s: %s", e.Path, e.Value, why)
}

// Unwrap returns the error of the value's own decoder, or nil.
func (e *Error) Unwrap() error { return e.Err }

// Join returns the path of key (a name, or an index such as "[2]") within
// the value at path.
func Join(path, key string) string {
	switch {
	case path == "":
		return key
	case key == "" || key[0] == '[':
		return path + key
	}
	return path + "." + key
}

// Decode decodes the JSON object data into the struct that ptr points to
// (see the package documentation), or returns an *Error.
func Decode(data []byte, ptr any) error {
	v := reflect.ValueOf(ptr)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return &Error{Reason: fmt.Sprintf("strictjson: Decode needs a pointer to a struct, not %T", ptr)}
	}
	if err := checkSyntax(data); err != nil {
		return err
	}
	return object(bytes.TrimSpace(data), v.Elem(), "")
}

// checkSyntax reports data that is not one JSON value.
func checkSyntax(data []byte) error {
	if json.Valid(data) {
		return nil
	}
	var x any
	err := json.Unmarshal(data, &x)
	reason := "not valid JSON"
	if err != nil {
		reason += ": " + strings.TrimPrefix(err.Error(), "json: ")
	}
	return &Error{Value: shorten(string(data)), Reason: reason}
}

// fieldsOf returns the fields of a struct type by their json names.
func fieldsOf(t reflect.Type) map[string]int {
	out := make(map[string]int, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		tag, ok := f.Tag.Lookup("json")
		if !f.IsExported() || !ok {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if name == "-" || name == "" {
			continue
		}
		out[name] = i
	}
	return out
}

// object decodes the object raw into the struct v.
func object(raw []byte, v reflect.Value, path string) error {
	if len(raw) == 0 || raw[0] != '{' {
		return &Error{Path: path, Value: shown(raw), Reason: "want a JSON object"}
	}
	fields := fieldsOf(v.Type())
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil { // '{': raw is valid JSON
		return &Error{Path: path, Value: shown(raw), Reason: err.Error()}
	}
	seen := make(map[string]bool, len(fields))
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return &Error{Path: path, Value: shown(raw), Reason: err.Error()}
		}
		key, _ := tok.(string) // object keys are strings in valid JSON
		at := Join(path, key)
		var val json.RawMessage
		if err := dec.Decode(&val); err != nil {
			return &Error{Path: at, Value: shown(raw), Reason: err.Error()}
		}
		i, ok := fields[key]
		switch {
		case !ok:
			return &Error{Path: at, Value: shown(val), Reason: "unknown field" + known(fields)}
		case seen[key]:
			return &Error{Path: at, Value: shown(val), Reason: "field given twice"}
		}
		seen[key] = true
		if err := value(val, v.Field(i), at); err != nil {
			return err
		}
	}
	return nil
}

// known lists the field names for an unknown-field error, in the order
// of the struct's fields (the order the documentation gives them in).
func known(fields map[string]int) string {
	if len(fields) == 0 {
		return "; this object has none"
	}
	names := slices.SortedFunc(maps.Keys(fields), func(a, b string) int { return fields[a] - fields[b] })
	return "; want one of " + strings.Join(names, ", ")
}

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// value decodes raw into v, which is settable.
func value(raw json.RawMessage, v reflect.Value, path string) error {
	if string(raw) == "null" {
		return nil // as if absent
	}
	p := v.Addr()
	switch {
	case p.Type().Implements(jsonUnmarshaler):
		if err := p.Interface().(json.Unmarshaler).UnmarshalJSON(raw); err != nil {
			e := &Error{Path: path, Value: shown(raw), Err: err}
			var pe *time.ParseError
			if errors.As(err, &pe) {
				e.Reason = "want an RFC 3339 instant such as 2026-09-27T10:00:00Z"
			}
			return e
		}
		return nil
	case p.Type().Implements(textUnmarshaler):
		var s string
		if raw[0] != '"' || json.Unmarshal(raw, &s) != nil {
			return &Error{Path: path, Value: shown(raw), Reason: "want a JSON string, not " + kindOf(raw)}
		}
		if err := p.Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
			return &Error{Path: path, Value: shorten(s), Err: err}
		}
		return nil
	}
	switch v.Kind() {
	case reflect.Struct:
		return object(raw, v, path)
	case reflect.Pointer:
		e := reflect.New(v.Type().Elem())
		if err := value(raw, e.Elem(), path); err != nil {
			return err
		}
		v.Set(e)
		return nil
	case reflect.Slice:
		if raw[0] != '[' {
			return &Error{Path: path, Value: shown(raw), Reason: "want a JSON array, not " + kindOf(raw)}
		}
		var elems []json.RawMessage
		if err := json.Unmarshal(raw, &elems); err != nil {
			return &Error{Path: path, Value: shown(raw), Reason: err.Error()}
		}
		s := reflect.MakeSlice(v.Type(), len(elems), len(elems))
		for i, e := range elems {
			if err := value(e, s.Index(i), Join(path, "["+strconv.Itoa(i)+"]")); err != nil {
				return err
			}
		}
		v.Set(s)
		return nil
	}
	if err := json.Unmarshal(raw, p.Interface()); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			got := kindOf(raw)
			if got == "a number" && want(v.Kind()) == "a whole number in range" {
				got = "a number with a fraction or exponent"
				if !bytes.ContainsAny(raw, ".eE") {
					got = "a number out of range"
				}
			}
			return &Error{Path: path, Value: shown(raw), Reason: "want " + want(v.Kind()) + ", not " + got}
		}
		return &Error{Path: path, Value: shown(raw), Reason: strings.TrimPrefix(err.Error(), "json: ")}
	}
	return nil
}

// want names the JSON a Go kind is decoded from.
func want(k reflect.Kind) string {
	switch k {
	case reflect.Bool:
		return "true or false"
	case reflect.String:
		return "a JSON string"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number in range"
	case reflect.Float32, reflect.Float64:
		return "a number"
	}
	return "a JSON value of Go kind " + k.String()
}

// kindOf names the kind of the JSON value raw.
func kindOf(raw []byte) string {
	switch raw[0] {
	case '"':
		return "a string"
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// shown returns raw for an error: the text of a string, else the JSON.
func shown(raw []byte) string {
	var s string
	if len(raw) > 0 && raw[0] == '"' && json.Unmarshal(raw, &s) == nil {
		return shorten(s)
	}
	return shorten(string(raw))
}

func shorten(s string) string {
	const max = 80
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && s[cut]&0xC0 == 0x80 { // not inside a UTF-8 sequence
		cut--
	}
	return s[:cut] + "…"
}
