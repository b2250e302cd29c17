package lifecycle

import (
	"encoding/json"
	"time"

	"github.com/lapse-go/lapse/internal/strictjson"
)

// deadlineJSON is the JSON form of a Deadline.
type deadlineJSON struct {
	Kind  DeadlineKind `json:"kind"`
	At    time.Time    `json:"at"`
	State State        `json:"state,omitzero"`
	Cause Cause        `json:"cause,omitzero"`
	Rules string       `json:"rules,omitempty"`
}

// MarshalJSON implements json.Marshaler: {"kind", "at", "state", "cause",
// "rules"}, the kind, state and cause by name, the instant in RFC 3339 in
// UTC; a zero state or cause is omitted. A Deadline of an invalid kind is
// a *FieldError.
func (d Deadline) MarshalJSON() ([]byte, error) {
	return json.Marshal(deadlineJSON{Kind: d.Kind, At: utc(d.At), State: d.State, Cause: d.Cause, Rules: d.Rules})
}

// UnmarshalJSON implements json.Unmarshaler, reading what MarshalJSON
// writes; an unknown field is a *FieldError naming it.
func (d *Deadline) UnmarshalJSON(b []byte) error {
	var j deadlineJSON
	if err := strictjson.Decode(b, &j); err != nil {
		return jsonError(err, "Deadline")
	}
	*d = Deadline(j)
	return nil
}

// transitionJSON is the JSON form of a Transition.
type transitionJSON struct {
	Index int       `json:"index"`
	From  State     `json:"from,omitzero"`
	To    State     `json:"to"`
	Cause Cause     `json:"cause,omitzero"`
	At    time.Time `json:"at"`
}

// MarshalJSON implements json.Marshaler: {"index", "from", "to", "cause",
// "at"}, states and cause by name ("from" omitted for the purchase), the
// instant in RFC 3339 in UTC.
func (t Transition) MarshalJSON() ([]byte, error) {
	return json.Marshal(transitionJSON{Index: t.Index, From: t.From, To: t.To, Cause: t.Cause, At: utc(t.At)})
}

// UnmarshalJSON implements json.Unmarshaler, reading what MarshalJSON
// writes; an unknown field is a *FieldError naming it.
func (t *Transition) UnmarshalJSON(b []byte) error {
	var j transitionJSON
	if err := strictjson.Decode(b, &j); err != nil {
		return jsonError(err, "Transition")
	}
	*t = Transition(j)
	return nil
}
