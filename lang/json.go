package lang

import (
	"encoding/json"
	"errors"
	"strings"
	"time"

	"github.com/lapse-go/lapse/internal/strictjson"
)

// argJSON is the JSON form of an Arg: the kind by name, then the fields
// the kind uses; every other field is omitted when zero, and kept when
// set, so that any Arg reads back as it was written.
type argJSON struct {
	Kind  string    `json:"kind"`
	Time  time.Time `json:"time,omitzero"`
	N     int       `json:"n,omitempty"`
	Term  string    `json:"term,omitempty"`
	Terms []string  `json:"terms,omitzero"` // nil omitted, empty kept
	Msg   *Message  `json:"msg,omitempty"`
	Cap   bool      `json:"cap,omitempty"`
}

// MarshalJSON implements json.Marshaler: an object with "kind", the kind's
// name (such as "date"), and the fields that are set: "time" (an RFC 3339
// instant in UTC, to the nanosecond), "n", "term", "terms", "msg" (a
// nested message) and "cap". An Arg of an invalid Kind is a *FieldError.
func (a Arg) MarshalJSON() ([]byte, error) {
	if a.Kind == 0 || int(a.Kind) >= len(kindNames) {
		return nil, &FieldError{Field: "kind", Value: uint8(a.Kind), Reason: "not a valid kind"}
	}
	j := argJSON{Kind: kindNames[a.Kind], Time: a.Time.UTC(), N: a.N, Term: a.Term, Terms: a.Terms, Msg: a.Msg, Cap: a.Cap}
	if a.Time.IsZero() {
		j.Time = time.Time{}
	}
	return json.Marshal(j)
}

// UnmarshalJSON implements json.Unmarshaler, reading what MarshalJSON
// writes. "kind" is required; a key that is not a field of an Arg, an
// unknown kind or a value of the wrong type is a *FieldError naming it.
func (a *Arg) UnmarshalJSON(b []byte) error {
	var j argJSON
	if err := strictjson.Decode(b, &j); err != nil {
		return jsonError(err, "Arg")
	}
	k := 0
	for i, n := range kindNames[1:] {
		if n == j.Kind {
			k = i + 1
		}
	}
	if k == 0 {
		reason := "unknown kind; want one of " + strings.Join(kindNames[1:], ", ")
		if j.Kind == "" {
			reason = "required; want one of " + strings.Join(kindNames[1:], ", ")
		}
		return &FieldError{Field: "kind", Value: j.Kind, Reason: reason}
	}
	*a = Arg{Kind: Kind(k), Time: j.Time, N: j.N, Term: j.Term, Terms: j.Terms, Msg: j.Msg, Cap: j.Cap}
	return nil
}

// messageJSON is the JSON form of a Message.
type messageJSON struct {
	Key  *string `json:"key"`           // required; nil when absent
	Args []Arg   `json:"args,omitzero"` // nil omitted, empty kept
}

// MarshalJSON implements json.Marshaler: {"key": "cause.purchased",
// "args": [...]}, each argument as [Arg.MarshalJSON] writes it, "args"
// omitted when nil. The zero Message is {"key":""}.
func (m Message) MarshalJSON() ([]byte, error) {
	return json.Marshal(messageJSON{Key: &m.Key, Args: m.Args})
}

// UnmarshalJSON implements json.Unmarshaler, reading what MarshalJSON
// writes, so that a message read back renders exactly as it did: "key" is
// required (empty for the zero Message); anything else is a *FieldError
// naming the field, such as "args[1].kind". The key is not looked up in
// the catalogs: a message of a newer lapse renders as its key.
func (m *Message) UnmarshalJSON(b []byte) error {
	var j messageJSON
	if err := strictjson.Decode(b, &j); err != nil {
		return jsonError(err, "Message")
	}
	if j.Key == nil {
		return &FieldError{Field: "key", Value: "", Reason: "required: the message's catalog key, empty for no words"}
	}
	*m = Message{Key: *j.Key, Args: j.Args}
	return nil
}

// jsonError turns an error of strictjson.Decode into a *FieldError whose
// Field is the JSON path, through the nested values' own errors.
func jsonError(err error, what string) error {
	var e *strictjson.Error
	if !errors.As(err, &e) {
		return err
	}
	out := &FieldError{Field: e.Path, Value: e.Value, Reason: e.Reason}
	var fe *FieldError
	switch {
	case e.Reason != "":
	case errors.As(e.Err, &fe):
		if isPath(fe.Field) { // a nested value's own field
			out.Field = strictjson.Join(out.Field, fe.Field)
		}
		out.Value, out.Reason = fe.Value, fe.Reason
	case e.Err != nil:
		out.Reason = e.Err.Error()
	}
	if out.Field == "" {
		out.Field = what
	}
	return out
}

// isPath reports whether a field is a JSON path (lower case or an index)
// rather than the name of a Go type such as "Message".
func isPath(field string) bool {
	return field != "" && (field[0] == '[' || (field[0] >= 'a' && field[0] <= 'z'))
}
