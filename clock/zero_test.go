package clock_test

import (
	"reflect"
	"testing"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/internal/apitest"
)

// TestZeroValues_Defect3 calls every exported function and method of package
// clock with zero values — a nil table, the zero Subscription, Lifecycle,
// Status, Command and instant, nil slices, zero receivers; then again with
// slices of one zero element and enums of their first value — and requires
// that none panics (issue 12, defect 3: CanRemovePaymentMethod with a zero
// use dereferenced nil). The table below must list exactly the package's
// exported API, which the test reads from the source with go/parser: a new
// function fails this test until it is added here.
func TestZeroValues_Defect3(t *testing.T) {
	table := map[string]reflect.Value{
		"(*Date).Scan":          reflect.ValueOf((*clock.Date).Scan),
		"(*Date).UnmarshalText": reflect.ValueOf((*clock.Date).UnmarshalText),
		"(*DateError).Error":    reflect.ValueOf((*clock.DateError).Error),
		"Date.AddDays":          reflect.ValueOf(clock.Date.AddDays),
		"Date.After":            reflect.ValueOf(clock.Date.After),
		"Date.Before":           reflect.ValueOf(clock.Date.Before),
		"Date.Compare":          reflect.ValueOf(clock.Date.Compare),
		"Date.DaysSince":        reflect.ValueOf(clock.Date.DaysSince),
		"Date.In":               reflect.ValueOf(clock.Date.In),
		"Date.IsValid":          reflect.ValueOf(clock.Date.IsValid),
		"Date.IsZero":           reflect.ValueOf(clock.Date.IsZero),
		"Date.MarshalText":      reflect.ValueOf(clock.Date.MarshalText),
		"Date.String":           reflect.ValueOf(clock.Date.String),
		"Date.UTC":              reflect.ValueOf(clock.Date.UTC),
		"Date.Value":            reflect.ValueOf(clock.Date.Value),
		"DateOf":                reflect.ValueOf(clock.DateOf),
		"Func.Now":              reflect.ValueOf(clock.Func.Now),
		"ParseDate":             reflect.ValueOf(clock.ParseDate),
		"System":                reflect.ValueOf(clock.System),
	}
	zeroDateOK := map[string]bool{ // the zero Date is "no date": empty text, SQL NULL
		"(*Date).Scan":          true,
		"(*Date).UnmarshalText": true,
		"Date.MarshalText":      true,
		"Date.Value":            true,
	}
	apitest.Check(t, ".", table, zeroDateOK)
}
