package clocktest_test

import (
	"reflect"
	"testing"

	"github.com/lapse-go/lapse/clock/clocktest"
	"github.com/lapse-go/lapse/internal/apitest"
)

// TestZeroValues_Defect3 calls every exported function and method of package
// clocktest with zero values — a nil table, the zero Subscription, Lifecycle,
// Status, Command and instant, nil slices, zero receivers; then again with
// slices of one zero element and enums of their first value — and requires
// that none panics (issue 12, defect 3: CanRemovePaymentMethod with a zero
// use dereferenced nil). The table below must list exactly the package's
// exported API, which the test reads from the source with go/parser: a new
// function fails this test until it is added here.
func TestZeroValues_Defect3(t *testing.T) {
	table := map[string]reflect.Value{
		"(*Fake).Advance":     reflect.ValueOf((*clocktest.Fake).Advance),
		"(*Fake).AdvanceDate": reflect.ValueOf((*clocktest.Fake).AdvanceDate),
		"(*Fake).Now":         reflect.ValueOf((*clocktest.Fake).Now),
		"(*Fake).Set":         reflect.ValueOf((*clocktest.Fake).Set),
		"New":                 reflect.ValueOf(clocktest.New),
	}
	api, err := apitest.Exported(".")
	if err != nil {
		t.Fatal(err)
	}
	missing, stale := apitest.Missing(api, table)
	for _, n := range missing {
		t.Errorf("%s is exported but not in the table of this test: add it", n)
	}
	for _, n := range stale {
		t.Errorf("%s is in the table of this test but not exported", n)
	}
	for name, fn := range table {
		r := apitest.CallZero(name, fn)
		if r.Panic != nil {
			t.Errorf("%s with zero values panicked: %v", name, r.Panic)
		}
		if e := apitest.CallZeroElems(name, fn); e.Panic != nil {
			t.Errorf("%s with slices of one zero element and enums of 1 panicked: %v", name, e.Panic)
		}
		_ = r.Err
	}
}
