package policy_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/lapse-go/lapse/policy"
)

func TestVersionJSON(t *testing.T) {
	s, err := policy.Builtin().Schedule(policy.Key{Channel: policy.DirectMOSA, Term: policy.Annual})
	if err != nil {
		t.Fatal(err)
	}
	v, err := s.At(time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(v)
	want := `{"label":"` + v.Label() + `","from":"` + v.From().Format(time.RFC3339Nano) + `"}`
	if err != nil || string(b) != want {
		t.Errorf("json.Marshal(%v) = %s, %v; want %s", v, b, err, want)
	}
	first := s.Version(0)
	b, err = json.Marshal(first)
	want = `{"label":"` + first.Label() + `","from":"` + first.From().Format(time.RFC3339Nano) + `","until":"` + first.Until().Format(time.RFC3339Nano) + `"}`
	if err != nil || string(b) != want || first.Until().IsZero() {
		t.Errorf("json.Marshal(%v) = %s, %v; want %s", first, b, err, want)
	}
	if b, err := json.Marshal(policy.Version{}); err != nil || string(b) != "null" {
		t.Errorf("json.Marshal(zero Version) = %s, %v; want null", b, err)
	}

	// A Version cannot be read back: an error, never a silent zero.
	var got policy.Version
	err = json.Unmarshal([]byte(`{"label":"2025-02"}`), &got)
	var fe *policy.FieldError
	if !errors.As(err, &fe) || fe.Field != "Version" || !errors.Is(err, policy.ErrInvalid) {
		t.Errorf("json.Unmarshal into a Version = %v, want a *FieldError on Version", err)
	}
	got = v
	if err := json.Unmarshal([]byte(`null`), &got); err != nil || !got.IsZero() {
		t.Errorf("json.Unmarshal(null) into a Version = %v, %v; want the zero Version", got, err)
	}
}
