package lang_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lapse-go/lapse/internal/enumtext/enumtexttest"
	"github.com/lapse-go/lapse/lang"
)

// fieldOf returns the field of err when it is a *lang.FieldError.
func fieldOf(err error) (string, bool) {
	var fe *lang.FieldError
	if !errors.As(err, &fe) || !errors.Is(err, lang.ErrInvalid) {
		return "", false
	}
	return fe.Field, true
}

// TestKindCodecs: every Kind round-trips through text, JSON and
// database/sql, reads in any ASCII case, and a bad one is a *FieldError
// naming the type (issue 13, item 1).
func TestKindCodecs(t *testing.T) {
	enumtexttest.Check(t, enumtexttest.Case[lang.Kind]{
		Type:  "Kind",
		Names: []string{"date", "instant", "day", "stamp", "number", "days", "count", "term", "roles", "text", "quoted", "list", "message"},
		Field: fieldOf,
	})
}

// TestFieldError: the message quotes strings and prints other values with
// %v; the error matches ErrInvalid and nothing else.
func TestFieldError(t *testing.T) {
	var k lang.Kind
	tests := []struct {
		err  error
		want string
	}{
		{k.UnmarshalText([]byte("Dates")), `lang: Kind = "Dates": unknown Kind; want one of date, instant, day, stamp, number, days, count, term, roles, text, quoted, list, message`},
		{k.Scan(nil), "lang: Kind = <nil>: SQL NULL is not a Kind; scan a nullable column into sql.Null[Kind]"},
		{func() error { _, err := lang.Kind(14).Value(); return err }(), "lang: Kind = 14: not a valid Kind"},
	}
	var got []string
	var want []string
	for _, tt := range tests {
		got = append(got, tt.err.Error())
		want = append(want, tt.want)
		if !errors.Is(tt.err, lang.ErrInvalid) || errors.Is(tt.err, errors.ErrUnsupported) {
			t.Errorf("%v: errors.Is(ErrInvalid) false, or matches another sentinel", tt.err)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Error() mismatch (-want +got):\n%s", diff)
	}
}
