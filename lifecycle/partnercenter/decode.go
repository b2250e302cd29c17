package partnercenter

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
)

// Limits of [Decode] and [Import], so that an input of any size costs
// bounded memory: the bytes are read whole, and each item is kept as a
// [Subscription] (a few hundred bytes).
const (
	// MaxBytes is the longest input read: 16 MiB, room for some 20,000
	// subscriptions as Partner Center formats them.
	MaxBytes = 16 << 20
	// MaxItems is the most items a collection may hold. Partner Center
	// pages its collections ("links": {"next": …}); a caller reads and
	// decodes one page at a time.
	MaxItems = 100_000
)

// utf8BOM is the byte order mark a UTF-8 HTTP body may begin with.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// Decode reads one Partner Center Subscription object, or a collection of
// them ({"totalCount": …, "items": […], "attributes": {"objectType":
// "Collection"}}), and returns the subscriptions in input order. It checks
// the JSON and the type of each field, not the values: [Subscription.Spec]
// does that.
//
// Keys match field names without regard to case, as encoding/json does
// (Partner Center's own examples write both "status" and "Status"), and a
// key given twice keeps its last value. Unknown fields are ignored, since
// Partner Center adds fields over time. A collection's "links" (the next
// page) and "totalCount" (the count over every page) are not followed or
// checked.
//
// The input may hold at most [MaxBytes] bytes and [MaxItems] items; more is
// a *LimitError. Anything else Decode cannot read is a *FieldError, or an
// *ItemError naming the item's index (and id, when it was read) that
// unwraps to one; the errors of every bad item are joined (errors.Join),
// up to 100 of them. Decode returns either subscriptions or an error,
// never both. A nil reader is an error.
func Decode(r io.Reader) ([]Subscription, error) {
	if r == nil {
		return nil, &FieldError{Field: "input", Value: nil, Reason: "no reader"}
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("partnercenter: reading the input: %w", err)
	}
	if len(data) > MaxBytes {
		return nil, &LimitError{What: "bytes", Max: MaxBytes}
	}
	return decode(bytes.TrimPrefix(data, utf8BOM))
}

// document is the name of the whole input in errors.
const document = "(document)"

// decode is Decode on the bytes read.
func decode(data []byte) ([]Subscription, error) {
	if first := firstByte(data); first != '{' {
		return nil, &FieldError{Field: document, Value: excerpt(data),
			Reason: `want a Subscription object or a collection {"items": [...]}`}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil { // the '{' seen above
		return nil, syntaxError(document, err)
	}
	var (
		attrs      Attributes
		haveItems  bool
		haveAttrs  bool
		subs       []Subscription
		itemErrors []error
	)
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, syntaxError(document, err)
		}
		key, _ := tok.(string) // an object's keys are strings
		switch {
		case strings.EqualFold(key, "items"):
			if haveItems {
				return nil, &FieldError{Field: "items", Value: key, Reason: "given twice"}
			}
			haveItems = true
			subs, itemErrors, err = decodeItems(dec)
			if err != nil {
				return nil, err
			}
		case strings.EqualFold(key, "attributes"):
			haveAttrs = true
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return nil, syntaxError("attributes", err)
			}
			if err := json.Unmarshal(raw, &attrs); err != nil {
				return nil, typeError(err, "attributes")
			}
		default:
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return nil, syntaxError(key, err)
			}
		}
	}
	if _, err := dec.Token(); err != nil { // the closing '}'
		return nil, syntaxError(document, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &FieldError{Field: document, Value: excerpt(data[dec.InputOffset():]), Reason: "data after the JSON value"}
	}
	if !haveItems {
		if haveAttrs && attrs.ObjectType != "" && !strings.EqualFold(attrs.ObjectType, "Subscription") {
			return nil, &FieldError{Field: "attributes.objectType", Value: attrs.ObjectType, Reason: "want Subscription or Collection"}
		}
		s, err := decodeItem(data)
		if err != nil {
			return nil, &ItemError{Index: 0, ID: s.ID, Err: err}
		}
		return []Subscription{s}, nil
	}
	if attrs.ObjectType != "" && !strings.EqualFold(attrs.ObjectType, "Collection") {
		return nil, &FieldError{Field: "attributes.objectType", Value: attrs.ObjectType, Reason: `a collection of "items" is a Collection`}
	}
	if len(itemErrors) > 0 {
		return nil, joinItems(itemErrors)
	}
	return subs, nil
}

// decodeItems reads the array of a collection's "items", each item on its
// own, so that the error of one names its index and the others are still
// checked. A syntax error or an array over MaxItems ends the reading (err).
func decodeItems(dec *json.Decoder) (subs []Subscription, itemErrors []error, err error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, nil, syntaxError("items", err)
	}
	if tok != json.Delim('[') {
		return nil, nil, &FieldError{Field: "items", Value: fmt.Sprint(tok), Reason: "want an array of Subscription objects"}
	}
	subs = []Subscription{}
	for i := 0; dec.More(); i++ {
		if i == MaxItems {
			return nil, nil, &LimitError{What: "items", Max: MaxItems}
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, nil, syntaxError(fmt.Sprintf("items[%d]", i), err)
		}
		s, err := decodeItem(raw)
		if err != nil {
			itemErrors = append(itemErrors, &ItemError{Index: i, ID: s.ID, Err: err})
			continue
		}
		subs = append(subs, s)
	}
	if _, err := dec.Token(); err != nil { // the closing ']'
		return nil, nil, syntaxError("items", err)
	}
	return subs, itemErrors, nil
}

// decodeItem decodes one Subscription object; on an error, the returned
// Subscription holds what was read (its id, for the error).
func decodeItem(raw []byte) (Subscription, error) {
	var s Subscription
	if firstByte(raw) != '{' {
		return s, &FieldError{Field: "(item)", Value: excerpt(raw), Reason: "want a Subscription object"}
	}
	if err := json.Unmarshal(raw, &s); err != nil {
		return s, typeError(err, "")
	}
	if ot := s.Attributes.ObjectType; ot != "" && !strings.EqualFold(ot, "Subscription") {
		return s, &FieldError{Field: "attributes.objectType", Value: ot, Reason: "want Subscription"}
	}
	return s, nil
}

// syntaxError reports JSON that cannot be parsed at or in field.
func syntaxError(field string, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return &FieldError{Field: field, Value: se.Offset, Reason: "not JSON at this byte offset", Err: err}
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return &FieldError{Field: field, Value: "end of input", Reason: "the JSON value is not complete", Err: err}
	}
	return &FieldError{Field: field, Value: nil, Reason: "not JSON", Err: err}
}

// typeError reports a field whose JSON type is not the documented one;
// prefix is the path of the object decoded, "" for a Subscription.
func typeError(err error, prefix string) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		field := te.Field
		switch {
		case field == "":
			field = prefix
		case prefix != "":
			field = prefix + "." + field
		}
		return &FieldError{Field: field, Value: te.Value, Reason: "want " + jsonType(te.Type)}
	}
	return &FieldError{Field: prefix, Value: nil, Reason: "not a Subscription object", Err: err}
}

// jsonType names the JSON a Go type decodes from.
func jsonType(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return "an integer"
	case reflect.String:
		return "a string"
	case reflect.Slice:
		return "an array"
	case reflect.Struct:
		return "an object"
	}
	return t.String()
}

// firstByte returns the first byte of data that is not JSON white space,
// or 0.
func firstByte(data []byte) byte {
	for _, c := range data {
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		}
		return c
	}
	return 0
}

// excerpt returns the start of data, for an error.
func excerpt(data []byte) string {
	data = bytes.TrimSpace(data)
	if len(data) > 40 {
		return string(data[:40]) + "…"
	}
	return string(data)
}
