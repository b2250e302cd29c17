package policy

import (
	"encoding/json"
	"time"
)

// versionJSON is what JSON can carry of a Version.
type versionJSON struct {
	Label string    `json:"label,omitempty"`
	From  time.Time `json:"from,omitzero"`
	Until time.Time `json:"until,omitzero"`
}

// MarshalJSON implements json.Marshaler: {"label": "2025-02", "from": the
// first instant in force, "until": the first instant no longer in force,
// omitted when open-ended}, instants in RFC 3339 in UTC; the zero Version
// is null. A Version is a handle into its table's schedule, which JSON
// cannot carry: what is written identifies the version to a reader, and
// cannot be read back into a Version (see UnmarshalJSON).
func (v Version) MarshalJSON() ([]byte, error) {
	if v.IsZero() {
		return []byte("null"), nil
	}
	j := versionJSON{Label: v.Label(), From: v.From().UTC(), Until: v.Until()}
	if !j.Until.IsZero() {
		j.Until = j.Until.UTC()
	}
	return json.Marshal(j)
}

// UnmarshalJSON implements json.Unmarshaler by refusing: a Version is a
// handle into a table, and a label and period do not rebuild it. Decoding
// into a Version is a *FieldError rather than a silent zero Version; look
// the version up again with Table.Schedule(key) and Schedule.At(from).
// JSON null is the zero Version.
func (v *Version) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*v = Version{}
		return nil
	}
	s := string(b)
	if len(s) > 80 {
		s = s[:80] + "…"
	}
	return &FieldError{Field: "Version", Value: s,
		Reason: "a Version is a handle into a policy table and cannot be read back; look it up with Table.Schedule(key) and Schedule.At(from)"}
}
