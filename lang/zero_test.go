package lang_test

import (
	"reflect"
	"testing"

	"github.com/lapse-go/lapse/internal/apitest"
	"github.com/lapse-go/lapse/lang"
	"github.com/lapse-go/lapse/lang/langtest"
)

// TestZeroValues calls every exported function and method of packages lang
// and langtest with zero values — the zero Message, Arg and Tag, an empty
// key, a nil getenv — then again with slices of one zero element, and
// requires that none panics (issue 12, defect 3). The tables must list
// exactly the packages' exported API, read from the source: a new
// function fails this test until it is added here.
func TestZeroValues(t *testing.T) {
	for _, pkg := range []struct {
		dir   string
		table map[string]reflect.Value
	}{
		{".", map[string]reflect.Value{
			"(*UnsupportedError).Error": reflect.ValueOf((*lang.UnsupportedError).Error),
			"(*FieldError).Error":       reflect.ValueOf((*lang.FieldError).Error),
			"(*FieldError).Is":          reflect.ValueOf((*lang.FieldError).Is),
			"(*Arg).UnmarshalJSON":      reflect.ValueOf((*lang.Arg).UnmarshalJSON),
			"(*Message).UnmarshalJSON":  reflect.ValueOf((*lang.Message).UnmarshalJSON),
			"Arg.MarshalJSON":           reflect.ValueOf(lang.Arg.MarshalJSON),
			"Message.MarshalJSON":       reflect.ValueOf(lang.Message.MarshalJSON),
			"Arg.Capitalized":           reflect.ValueOf(lang.Arg.Capitalized),
			"Catalogs":                  reflect.ValueOf(lang.Catalogs),
			"Count":                     reflect.ValueOf(lang.Count),
			"Date":                      reflect.ValueOf(lang.Date),
			"Day":                       reflect.ValueOf(lang.Day),
			"Days":                      reflect.ValueOf(lang.Days),
			"FromEnv":                   reflect.ValueOf(lang.FromEnv),
			"Instant":                   reflect.ValueOf(lang.Instant),
			"Keys":                      reflect.ValueOf(lang.Keys),
			"Kind.String":               reflect.ValueOf(lang.Kind.String),
			"Languages":                 reflect.ValueOf(lang.Languages),
			"List":                      reflect.ValueOf(lang.List),
			"Message.In":                reflect.ValueOf(lang.Message.In),
			"Message.IsZero":            reflect.ValueOf(lang.Message.IsZero),
			"Message.String":            reflect.ValueOf(lang.Message.String),
			"Names":                     reflect.ValueOf(lang.Names),
			"New":                       reflect.ValueOf(lang.New),
			"Number":                    reflect.ValueOf(lang.Number),
			"Parse":                     reflect.ValueOf(lang.Parse),
			"Quoted":                    reflect.ValueOf(lang.Quoted),
			"Roles":                     reflect.ValueOf(lang.Roles),
			"Stamp":                     reflect.ValueOf(lang.Stamp),
			"Sub":                       reflect.ValueOf(lang.Sub),
			"Term":                      reflect.ValueOf(lang.Term),
			"Text":                      reflect.ValueOf(lang.Text),

			// The Kind's text and database/sql forms and their error (issue 13).
			"Kind.IsValid":          reflect.ValueOf(lang.Kind.IsValid),
			"Kind.MarshalText":      reflect.ValueOf(lang.Kind.MarshalText),
			"(*Kind).Scan":          reflect.ValueOf((*lang.Kind).Scan),
			"(*Kind).UnmarshalText": reflect.ValueOf((*lang.Kind).UnmarshalText),
			"Kind.Value":            reflect.ValueOf(lang.Kind.Value),
		}},
		{"langtest", map[string]reflect.Value{
			"Check":  reflect.ValueOf(langtest.Check),
			"Masked": reflect.ValueOf(langtest.Masked),
		}},
	} {
		apitest.Check(t, pkg.dir, pkg.table, langNilErrOK)
	}
}

// langNilErrOK lists the functions that may return a nil error for zero
// values, and why.
var langNilErrOK = map[string]bool{
	"Check": true, // the zero Message renders nothing, so nothing is untranslated
	// The zero Message is valid, no words: {"key":""}.
	"Message.MarshalJSON": true,
}
