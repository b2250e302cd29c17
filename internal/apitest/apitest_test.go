package apitest

import (
	"errors"
	"reflect"
	"slices"
	"testing"
)

type T struct{}

func (T) Value() error       { return errors.New("x") }
func (*T) Pointer() error    { return nil }
func boom(p *int) int        { return *p }
func variadic(xs ...int) int { return len(xs) }

func TestExported(t *testing.T) {
	got, err := Exported(".")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"CallZero", "CallZeroElems", "Exported", "Missing"}
	if !slices.Equal(got, want) {
		t.Errorf("Exported(.) = %v, want %v (test files and unexported names left out)", got, want)
	}
	if _, err := Exported("no such dir"); err == nil {
		t.Error("Exported(no such dir): no error")
	}
}

func TestMissing(t *testing.T) {
	missing, stale := Missing([]string{"A", "B"}, map[string]reflect.Value{"B": {}, "C": {}})
	if !slices.Equal(missing, []string{"A"}) || !slices.Equal(stale, []string{"C"}) {
		t.Errorf("Missing = %v, %v", missing, stale)
	}
}

func TestCall(t *testing.T) {
	if r := CallZero("boom", reflect.ValueOf(boom)); r.Panic == nil {
		t.Error("CallZero(boom): no panic recovered")
	}
	if r := CallZero("T.Value", reflect.ValueOf(T.Value)); r.Panic != nil || !r.HasErr || r.Err == nil {
		t.Errorf("CallZero(T.Value) = %+v", r)
	}
	if r := CallZero("(*T).Pointer", reflect.ValueOf((*T).Pointer)); r.Panic != nil || !r.HasErr || r.Err != nil {
		t.Errorf("CallZero((*T).Pointer) = %+v", r)
	}
	if r := CallZeroElems("variadic", reflect.ValueOf(variadic)); r.Panic != nil || r.HasErr {
		t.Errorf("CallZeroElems(variadic) = %+v", r)
	}
}
