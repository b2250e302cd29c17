package partnercenter_test

import (
	"reflect"
	"testing"

	"github.com/lapse-go/lapse/internal/apitest"
	"github.com/lapse-go/lapse/lifecycle/partnercenter"
)

// TestZeroValues calls every exported function and method of package
// partnercenter with zero values — a nil reader, the zero Subscription and
// Options, zero errors — and then with slices of one zero element, and
// requires that none panics and that each function returning an error
// returns one. The table must list exactly the package's exported API,
// which the test reads from the source: a new function fails this test
// until it is added here.
func TestZeroValues(t *testing.T) {
	table := map[string]reflect.Value{
		"(*FieldError).Error":    reflect.ValueOf((*partnercenter.FieldError).Error),
		"(*FieldError).Is":       reflect.ValueOf((*partnercenter.FieldError).Is),
		"(*FieldError).Unwrap":   reflect.ValueOf((*partnercenter.FieldError).Unwrap),
		"(*ItemError).Error":     reflect.ValueOf((*partnercenter.ItemError).Error),
		"(*ItemError).Unwrap":    reflect.ValueOf((*partnercenter.ItemError).Unwrap),
		"(*LimitError).Error":    reflect.ValueOf((*partnercenter.LimitError).Error),
		"(*LimitError).Is":       reflect.ValueOf((*partnercenter.LimitError).Is),
		"(*MismatchError).Error": reflect.ValueOf((*partnercenter.MismatchError).Error),
		"(*MismatchError).Is":    reflect.ValueOf((*partnercenter.MismatchError).Is),
		"Decode":                 reflect.ValueOf(partnercenter.Decode),
		"Import":                 reflect.ValueOf(partnercenter.Import),
		"Subscription.Spec":      reflect.ValueOf(partnercenter.Subscription.Spec),
	}
	apitest.Check(t, ".", table, nilErrOK)
}

// nilErrOK lists the functions that may return a nil error for zero
// values, and why.
var nilErrOK = map[string]bool{
	// Unwrap returns the error wrapped, nil when there is none.
	"(*FieldError).Unwrap": true,
	"(*ItemError).Unwrap":  true,
}
