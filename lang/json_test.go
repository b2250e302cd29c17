package lang_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"

	"github.com/lapse-go/lapse/lang"
)

var (
	day    = time.Date(2026, 7, 29, 0, 0, 0, 0, time.UTC)
	berlin = time.FixedZone("CEST", 2*3600)
	// instant is not on a whole second and not in UTC: it is written in
	// UTC, to the nanosecond.
	instant = time.Date(2026, 2, 28, 23, 30, 0, 1, berlin)
)

// messages are sample messages: every kind, nested, the zero message,
// and the nil and empty slices that must read back as they were.
func messages() []lang.Message {
	nested := lang.New("expiry.on-end-date", lang.Date(day))
	return []lang.Message{
		{},
		lang.New("next.grace-ended"),
		lang.New("cause.purchased", lang.Term("state.active"), lang.Date(day)),
		lang.New("x", lang.Date(day), lang.Instant(instant), lang.Day(day), lang.Stamp(instant), lang.Number(-12345),
			lang.Days(0), lang.Days(90), lang.Count("licenses", 3), lang.Term("role.partner"),
			lang.Roles("role.global-admin", "role.billing-admin").Capitalized(), lang.Roles(), lang.Text("R-LC-3"),
			lang.Quoted(`"quoted" \ id`), lang.List("a.com", "b.com"), lang.List(), lang.Sub(nested), lang.Sub(lang.Message{})),
		{Key: "empty args", Args: []lang.Arg{}},
		{Key: "empty terms", Args: []lang.Arg{{Kind: lang.KindRoles, Terms: []string{}}}},
		lang.New("next", lang.Sub(lang.New("next.term-ended", lang.Sub(lang.New("expiry.no-expired", lang.Sub(nested)))))),
		// Fields a kind does not use are kept too: any Arg reads back.
		{Key: "odd", Args: []lang.Arg{{Kind: lang.KindNumber, N: 1, Time: day, Term: "t", Terms: []string{"u"}, Cap: true}}},
		{Key: "ünïcødé ✓", Args: []lang.Arg{lang.Text("<&>")}},
	}
}

func TestMessageJSONRoundTrip(t *testing.T) {
	for _, m := range messages() {
		b, err := json.Marshal(m)
		if err != nil {
			t.Errorf("json.Marshal(%#v): %v", m, err)
			continue
		}
		var back lang.Message
		if err := json.Unmarshal(b, &back); err != nil {
			t.Errorf("json.Unmarshal(%s): %v", b, err)
			continue
		}
		if diff := cmp.Diff(m, back); diff != "" {
			t.Errorf("round trip of %s mismatch (-want +got):\n%s", b, diff)
		}
		for _, tag := range []language.Tag{language.English, language.German} {
			if got, want := back.In(tag), m.In(tag); got != want {
				t.Errorf("%s: read back renders %q in %v, want %q", b, got, tag, want)
			}
		}
	}
}

func TestMessageJSONForm(t *testing.T) {
	tests := []struct {
		m    lang.Message
		want string
	}{
		{lang.Message{}, `{"key":""}`},
		{lang.New("next.grace-ended"), `{"key":"next.grace-ended"}`},
		{lang.New("cause.purchased", lang.Term("state.active"), lang.Date(day)),
			`{"key":"cause.purchased","args":[{"kind":"term","term":"state.active"},{"kind":"date","time":"2026-07-29T00:00:00Z"}]}`},
		{lang.New("k", lang.Stamp(instant), lang.Count("licenses", 3), lang.Roles("role.partner").Capitalized()),
			`{"key":"k","args":[{"kind":"stamp","time":"2026-02-28T21:30:00.000000001Z"},{"kind":"count","n":3,"term":"licenses"},{"kind":"roles","terms":["role.partner"],"cap":true}]}`},
		{lang.New("k", lang.Sub(lang.New("n", lang.Days(1)))), `{"key":"k","args":[{"kind":"message","msg":{"key":"n","args":[{"kind":"days","n":1}]}}]}`},
	}
	for _, tt := range tests {
		b, err := json.Marshal(tt.m)
		if err != nil || string(b) != tt.want {
			t.Errorf("json.Marshal(%#v) = %s, %v; want %s", tt.m, b, err, tt.want)
		}
	}
}

func TestMessageJSONErrors(t *testing.T) {
	tests := []struct {
		in   string
		want lang.FieldError
	}{
		{`{}`, lang.FieldError{Field: "key", Value: "", Reason: "required: the message's catalog key, empty for no words"}},
		{`{"key":"k","arg":[]}`, lang.FieldError{Field: "arg", Value: "[]", Reason: "unknown field; want one of key, args"}},
		{`{"key":"k","key":"l"}`, lang.FieldError{Field: "key", Value: "l", Reason: "field given twice"}},
		{`{"Key":"k"}`, lang.FieldError{Field: "Key", Value: "k", Reason: "unknown field; want one of key, args"}},
		{`{"key":3}`, lang.FieldError{Field: "key", Value: "3", Reason: "want a JSON string, not a number"}},
		{`[]`, lang.FieldError{Field: "Message", Value: "[]", Reason: "want a JSON object"}},
		{`{"key":"k","args":[{"kind":"date"},{"kind":"dat"}]}`,
			lang.FieldError{Field: "args[1].kind", Value: "dat", Reason: "unknown kind; want one of date, instant, day, stamp, number, days, count, term, roles, text, quoted, list, message"}},
		{`{"key":"k","args":[{"n":1}]}`,
			lang.FieldError{Field: "args[0].kind", Value: "", Reason: "required; want one of date, instant, day, stamp, number, days, count, term, roles, text, quoted, list, message"}},
		{`{"key":"k","args":[{"kind":"date","time":"2026-07-29"}]}`,
			lang.FieldError{Field: "args[0].time", Value: "2026-07-29", Reason: "want an RFC 3339 instant such as 2026-09-27T10:00:00Z"}},
		{`{"key":"k","args":[{"kind":"number","n":1.5}]}`,
			lang.FieldError{Field: "args[0].n", Value: "1.5", Reason: "want a whole number in range, not a number with a fraction or exponent"}},
		{`{"key":"k","args":[{"kind":"message","msg":{"key":"n","args":[{"kind":"text","txt":"x"}]}}]}`,
			lang.FieldError{Field: "args[0].msg.args[0].txt", Value: "x", Reason: "unknown field; want one of kind, time, n, term, terms, msg, cap"}},
		{`{"key":"k","args":[{"kind":"message","msg":3}]}`,
			lang.FieldError{Field: "args[0].msg", Value: "3", Reason: "want a JSON object"}},
		{`{"key":"k","args":{}}`, lang.FieldError{Field: "args", Value: "{}", Reason: "want a JSON array, not an object"}},
		{`{"key":"k"`, lang.FieldError{Field: "Message", Value: `{"key":"k"`, Reason: "not valid JSON: unexpected end of JSON input"}},
	}
	for _, tt := range tests {
		var m lang.Message
		err := m.UnmarshalJSON([]byte(tt.in))
		var fe *lang.FieldError
		if !errors.As(err, &fe) || !errors.Is(err, lang.ErrInvalid) {
			t.Errorf("UnmarshalJSON(%s) = %v, want a *FieldError matching ErrInvalid", tt.in, err)
			continue
		}
		if diff := cmp.Diff(tt.want, *fe); diff != "" {
			t.Errorf("UnmarshalJSON(%s) mismatch (-want +got):\n%s", tt.in, diff)
		}
		if !m.IsZero() {
			t.Errorf("UnmarshalJSON(%s) set the message to %#v on error", tt.in, m)
		}
	}
}

func TestArgJSONErrors(t *testing.T) {
	for _, a := range []lang.Arg{{}, {Kind: 14}, {Kind: 255, N: 1}} {
		_, err := json.Marshal(a)
		var fe *lang.FieldError
		if !errors.As(err, &fe) || fe.Field != "kind" || fe.Value != uint8(a.Kind) {
			t.Errorf("json.Marshal(%#v) = %v, want a *FieldError on kind", a, err)
		}
	}
	if _, err := json.Marshal(lang.New("k", lang.Arg{})); !errors.Is(err, lang.ErrInvalid) {
		t.Errorf("json.Marshal of a message with a zero Arg = %v, want ErrInvalid", err)
	}
	got := (&lang.FieldError{Field: "args[1].kind", Value: "dat", Reason: "unknown kind"}).Error()
	if want := `lang: args[1].kind = "dat": unknown kind`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	got = (&lang.FieldError{Field: "kind", Value: uint8(0), Reason: "not a valid kind"}).Error()
	if want := `lang: kind = 0: not a valid kind`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

// A message survives JSON — a queue, a database column — and renders the
// same words in any language when read back.
func ExampleMessage_MarshalJSON() {
	m := lang.New("cause.purchased", lang.Term("state.active"), lang.Date(time.Date(2026, 7, 29, 0, 0, 0, 0, time.UTC)))
	b, err := json.Marshal(m)
	if err != nil {
		panic(err)
	}
	fmt.Println(string(b))

	var back lang.Message
	if err := json.Unmarshal(b, &back); err != nil {
		panic(err)
	}
	fmt.Println(back.In(language.German))
	// Output:
	// {"key":"cause.purchased","args":[{"kind":"term","term":"state.active"},{"kind":"date","time":"2026-07-29T00:00:00Z"}]}
	// Das Abonnement ist seit dem Kauf am 29. Juli 2026 im Status Aktiv.
}

// A misspelt field is refused, not dropped, and the error names it.
func ExampleMessage_UnmarshalJSON() {
	var m lang.Message
	err := json.Unmarshal([]byte(`{"key":"next","args":[{"kind":"date","tiem":"2026-07-29T00:00:00Z"}]}`), &m)
	fmt.Println(err)
	fmt.Println(errors.Is(err, lang.ErrInvalid))
	// Output:
	// lang: args[0].tiem = "2026-07-29T00:00:00Z": unknown field; want one of kind, time, n, term, terms, msg, cap
	// true
}
