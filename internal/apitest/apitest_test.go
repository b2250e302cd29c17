package apitest

import (
	"errors"
	"os"
	"reflect"
	"slices"
	"testing"
)

type T struct{}

func (T) Value() error       { return errors.New("x") }
func (*T) Pointer() error    { return nil }
func boom(p *int) int        { return *p }
func variadic(xs ...int) int { return len(xs) }

type (
	small  uint8
	signed int
)

// enums panics unless both enums are 1 and the slice holds one element,
// as CallZeroElems sets them.
func enums(a small, b signed, xs []int) int {
	if a != 1 || b != 1 || len(xs) != 1 {
		panic("not set")
	}
	return 0
}

func TestExported(t *testing.T) {
	got, err := Exported(".")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"CallZero", "CallZeroElems", "Check", "Exported", "Missing", "Types"}
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
	if r := CallZeroElems("enums", reflect.ValueOf(enums)); r.Panic != nil {
		t.Errorf("CallZeroElems(enums) = %+v", r)
	}
	if r := CallZero("enums", reflect.ValueOf(enums)); r.Panic == nil {
		t.Errorf("CallZero(enums): zero enums, no panic")
	}
}

func TestExportedReceivers(t *testing.T) {
	dir := t.TempDir()
	src := `package p

type G[T any] struct{}
type H[K, V any] struct{}
type u struct{}

func (G[T]) A()      {}
func (*G[T]) B()     {}
func (H[K, V]) C()   {}
func (u) D()         {}
func F()             {}
func f()             {}
`
	if err := os.WriteFile(dir+"/p.go", []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir+"/p_test.go", []byte("package p\n\nfunc Test() {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := Exported(dir)
	want := []string{"(*G).B", "F", "G.A", "H.C"}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("Exported = %v, %v; want %v", got, err, want)
	}
	if err := os.WriteFile(dir+"/bad.go", []byte("package p\nfunc {"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Exported(dir); err == nil {
		t.Error("Exported of a file that does not parse: no error")
	}
}

// recorder is a testing.TB that keeps what Check reports.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Helper()                           {}
func (r *recorder) Errorf(format string, args ...any) { r.errors = append(r.errors, format) }

func TestCheck(t *testing.T) {
	// This package's own API names, each with a harmless stand-in (the
	// helpers themselves are not meant for zero values); then a panic
	// (boom is not exported, but Check calls whatever the table holds), a
	// nil error unless allowed, and the names missing and stale.
	harmless := reflect.ValueOf(func(string) {})
	table := map[string]reflect.Value{
		"CallZero": harmless, "CallZeroElems": harmless, "Check": harmless,
		"Exported": harmless, "Missing": harmless, "Types": harmless,
	}
	var r recorder
	Check(&r, ".", table, nil)
	if len(r.errors) != 0 {
		t.Errorf("Check of this package's exact API reported %q", r.errors)
	}

	delete(table, "Missing")
	table["Stale"] = reflect.ValueOf(func() {})
	table["boom"] = reflect.ValueOf(boom)
	table["(*T).Pointer"] = reflect.ValueOf((*T).Pointer)
	r = recorder{}
	Check(&r, ".", table, nil)
	want := []string{
		"%s: %s is exported but not in the table of this test: add it",
		"%s: %s is in the table of this test but not exported",
		"%s: %s is in the table of this test but not exported",
		"%s: %s is in the table of this test but not exported",
		"%s with zero values returned a nil error",
		"%s with zero values panicked: %v",
		"%s with slices of one zero element and enums of 1 panicked: %v",
	}
	slices.Sort(r.errors)
	slices.Sort(want)
	if !slices.Equal(r.errors, want) {
		t.Errorf("Check reported\n%q\nwant\n%q", r.errors, want)
	}
	r = recorder{}
	Check(&r, ".", map[string]reflect.Value{"(*T).Pointer": reflect.ValueOf((*T).Pointer)}, map[string]bool{"(*T).Pointer": true})
	for _, e := range r.errors {
		if e == "%s with zero values returned a nil error" {
			t.Error("Check reported a nil error that nilErrOK allows")
		}
	}
}

func TestTypes(t *testing.T) {
	dir := t.TempDir()
	src := `package p

import "time"

type A struct{}
type b struct{}
type (
	C uint8
	d int
	E = time.Time
)
type F[T any] func(T) T
type G interface{ M() }

func H() { type Local struct{} }

var I int
`
	if err := os.WriteFile(dir+"/p.go", []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir+"/p_test.go", []byte("package p\n\ntype TestOnly struct{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := Types(dir)
	want := []string{"A", "C", "E", "F", "G"}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("Types = %v, %v; want %v (unexported, local and test-file types left out)", got, err, want)
	}
	if got, err := Types("."); err != nil || !slices.Equal(got, []string{"Result"}) {
		t.Errorf("Types(.) = %v, %v; want [Result]", got, err)
	}
	if _, err := Types("no such dir"); err == nil {
		t.Error("Types(no such dir): no error")
	}
	if err := os.WriteFile(dir+"/bad.go", []byte("package p\ntype {"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Types(dir); err == nil {
		t.Error("Types of a file that does not parse: no error")
	}
}
