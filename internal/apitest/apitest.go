// Package apitest lists a package's exported API from its source, so that
// a test can require a table of every exported function and method: Go
// cannot list a package's functions at run time, and a table written by
// hand silently misses the function added next. It is for tests only.
package apitest

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// Exported returns the exported functions and methods declared in the
// non-test Go files of the package in dir, sorted: "Func" for a function,
// "Type.Method" for a method with a value receiver and "(*Type).Method"
// for one with a pointer receiver, methods of unexported types left out
// (they are reached through an exported API or not at all). Generic
// functions are listed as well; a table cannot hold them uninstantiated,
// so a caller lists them by name.
func Exported(dir string) ([]string, error) {
	var out []string
	err := eachDecl(dir, func(d ast.Decl) {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || !fd.Name.IsExported() {
			return
		}
		if fd.Recv == nil {
			out = append(out, fd.Name.Name)
			return
		}
		typ, ptr := receiver(fd.Recv.List[0].Type)
		switch {
		case !ast.IsExported(typ):
		case ptr:
			out = append(out, fmt.Sprintf("(*%s).%s", typ, fd.Name.Name))
		default:
			out = append(out, typ+"."+fd.Name.Name)
		}
	})
	slices.Sort(out)
	return out, err
}

// Types returns the exported types declared in the non-test Go files of
// the package in dir, sorted: every named type (struct, enum, interface,
// function type, alias), so that a test can require a table of each —
// the round trip of every value type through its codecs, say — and fail
// on the type added next.
func Types(dir string) ([]string, error) {
	var out []string
	err := eachDecl(dir, func(d ast.Decl) {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.TYPE {
			return
		}
		for _, s := range gd.Specs {
			if ts := s.(*ast.TypeSpec); ts.Name.IsExported() {
				out = append(out, ts.Name.Name)
			}
		}
	})
	slices.Sort(out)
	return out, err
}

// eachDecl calls fn with every top-level declaration of the non-test Go
// files of the package in dir.
func eachDecl(dir string, fn func(ast.Decl)) error {
	fset := token.NewFileSet()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, dir+"/"+name, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		for _, d := range f.Decls {
			fn(d)
		}
	}
	return nil
}

// receiver returns the name of a receiver's type and whether it is a
// pointer.
func receiver(x ast.Expr) (name string, ptr bool) {
	if s, ok := x.(*ast.StarExpr); ok {
		x, ptr = s.X, true
	}
	switch t := x.(type) {
	case *ast.IndexExpr: // a generic type's method
		x = t.X
	case *ast.IndexListExpr:
		x = t.X
	}
	if id, ok := x.(*ast.Ident); ok {
		return id.Name, ptr
	}
	return "", ptr
}

// Missing returns the names of api that table lacks, and the names of
// table that api lacks (a stale entry), each sorted.
func Missing(api []string, table map[string]reflect.Value) (missing, stale []string) {
	for _, n := range api {
		if _, ok := table[n]; !ok {
			missing = append(missing, n)
		}
	}
	for n := range table {
		if !slices.Contains(api, n) {
			stale = append(stale, n)
		}
	}
	slices.Sort(stale)
	return missing, stale
}

// Result is what one call with zero values did.
type Result struct {
	Name  string
	Panic any   // the value recovered, or nil
	Err   error // the last result when it is an error, or nil
	// HasErr reports whether the function returns an error last.
	HasErr bool
}

// CallZero calls fn with the zero value of every argument, except that a
// pointer receiver of a method expression (the first argument of a func
// value named "(*T).M") gets a pointer to a zero T: the zero value of a
// type with methods, not a nil pointer. A variadic function gets no
// variadic arguments. CallZero recovers a panic and reports it.
func CallZero(name string, fn reflect.Value) Result { return call(name, fn, false) }

// CallZeroElems is CallZero with every slice argument (variadic ones
// included) holding one zero element instead of none, a []Lifecycle{{}},
// and every argument of a named integer type set to 1, the first value of
// an enum whose zero value is invalid: so that a zero element is reached
// past the check of a zero enum (CanRemovePaymentMethod(GlobalAdmin,
// []Lifecycle{{}}, at)).
func CallZeroElems(name string, fn reflect.Value) Result { return call(name, fn, true) }

func call(name string, fn reflect.Value, elems bool) (r Result) {
	r.Name = name
	t := fn.Type()
	args := make([]reflect.Value, t.NumIn())
	for i := range args {
		in := t.In(i)
		switch {
		case i == 0 && strings.HasPrefix(name, "(*") && in.Kind() == reflect.Pointer:
			args[i] = reflect.New(in.Elem())
		case elems && in.Kind() == reflect.Slice:
			args[i] = reflect.MakeSlice(in, 1, 1)
		case elems && in.Name() != "" && in.PkgPath() != "" && reflect.Zero(in).CanInt():
			args[i] = reflect.New(in).Elem()
			args[i].SetInt(1)
		case elems && in.Name() != "" && in.PkgPath() != "" && reflect.Zero(in).CanUint():
			args[i] = reflect.New(in).Elem()
			args[i].SetUint(1)
		case t.IsVariadic() && i == t.NumIn()-1:
			args[i] = reflect.Zero(in) // a nil slice: CallSlice below
		default:
			args[i] = reflect.Zero(in)
		}
	}
	if n := t.NumOut(); n > 0 && t.Out(n-1) == reflect.TypeFor[error]() {
		r.HasErr = true
	}
	defer func() { r.Panic = recover() }()
	var out []reflect.Value
	if t.IsVariadic() {
		out = fn.CallSlice(args)
	} else {
		out = fn.Call(args)
	}
	if r.HasErr {
		if e := out[len(out)-1]; !e.IsNil() {
			r.Err = e.Interface().(error)
		}
	}
	return r
}

// Check is the zero-value test of the package in dir, whose exported API
// table must list exactly (Exported): it reports each name missing from
// table or stale in it, then calls every entry with CallZero and
// CallZeroElems and reports a panic, and a nil error from a function
// that returns one unless nilErrOK names it (with the reason beside it,
// where the caller declares the map).
func Check(t testing.TB, dir string, table map[string]reflect.Value, nilErrOK map[string]bool) {
	t.Helper()
	api, err := Exported(dir)
	if err != nil {
		t.Fatal(err)
	}
	missing, stale := Missing(api, table)
	for _, n := range missing {
		t.Errorf("%s: %s is exported but not in the table of this test: add it", dir, n)
	}
	for _, n := range stale {
		t.Errorf("%s: %s is in the table of this test but not exported", dir, n)
	}
	for _, name := range slices.Sorted(maps.Keys(table)) {
		fn := table[name]
		r := CallZero(name, fn)
		if r.Panic != nil {
			t.Errorf("%s with zero values panicked: %v", name, r.Panic)
		} else if r.HasErr && r.Err == nil && !nilErrOK[name] {
			t.Errorf("%s with zero values returned a nil error", name)
		}
		if e := CallZeroElems(name, fn); e.Panic != nil {
			t.Errorf("%s with slices of one zero element and enums of 1 panicked: %v", name, e.Panic)
		}
	}
}
