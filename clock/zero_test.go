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
		"Func.Now": reflect.ValueOf(clock.Func.Now),
		"System":   reflect.ValueOf(clock.System),
	}
	apitest.Check(t, ".", table, nil)
}
