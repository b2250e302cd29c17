package policy_test

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"math"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/lapse-go/lapse/policy"
)

// apiFunc is an exported function or method of package policy, as a
// function value (a method expression for a method), and why a zero value
// of each argument is a valid input ("" when it is not: the function
// must then refuse it with an error, if it returns one).
type apiFunc struct {
	fn     any
	zeroOK string
}

// api lists every exported function and method of package policy;
// TestAPIListed fails when one is missing, so that a new function is
// called with zero values by TestDefect3_ZeroValuesNeverPanic.
var api = map[string]apiFunc{
	"Builtin":        {policy.Builtin, "no arguments"},
	"BuiltinAccount": {policy.BuiltinAccount, "no arguments"},
	"Channels":       {policy.Channels, "no arguments"},
	"Terms":          {policy.Terms, "no arguments"},
	"TermsOf":        {policy.TermsOf, "no terms is the empty set, which means any term"},
	"FieldPaths":     {policy.FieldPaths, "no arguments"},
	"ParseChannel":   {policy.ParseChannel, ""},
	"ParseTerm":      {policy.ParseTerm, ""},
	"Diff":           {policy.Diff, "two nil or empty tables have no differences"},
	"LoadJSON":       {policy.LoadJSON, ""},
	"ParseJSON":      {policy.ParseJSON, ""},
	"LoadFile":       {policy.LoadFile, ""},
	"NewLayer":       {policy.NewLayer, ""},
	"NewTable":       {policy.NewTable, "a table of no rows is valid, and answers no look-up"},
	"Pin":            {policy.Pin, ""},

	"Channel.String":           {policy.Channel.String, "prints %!Channel(0)"},
	"Channel.IsValid":          {policy.Channel.IsValid, "reports false"},
	"Channel.IsCSP":            {policy.Channel.IsCSP, "reports false"},
	"Channel.IsDirect":         {policy.Channel.IsDirect, "reports false"},
	"Channel.MarshalText":      {policy.Channel.MarshalText, ""},
	"Channel.UnmarshalText":    {(*policy.Channel).UnmarshalText, ""},
	"Channel.Value":            {policy.Channel.Value, ""},
	"Channel.Scan":             {(*policy.Channel).Scan, ""},
	"OfferClass.String":        {policy.OfferClass.String, "prints %!OfferClass(0)"},
	"OfferClass.IsValid":       {policy.OfferClass.IsValid, "reports false"},
	"OfferClass.MarshalText":   {policy.OfferClass.MarshalText, ""},
	"OfferClass.UnmarshalText": {(*policy.OfferClass).UnmarshalText, ""},
	"OfferClass.Value":         {policy.OfferClass.Value, ""},
	"OfferClass.Scan":          {(*policy.OfferClass).Scan, ""},
	"CancelRules.SellerWindow": {policy.CancelRules.SellerWindow, "no seller window: the channel's own window"},
	"Term.String":              {policy.Term.String, "prints %!Term(0)"},
	"Term.IsValid":             {policy.Term.IsValid, "reports false"},
	"Term.Months":              {policy.Term.Months, "0 months"},
	"Term.MarshalText":         {policy.Term.MarshalText, ""},
	"Term.UnmarshalText":       {(*policy.Term).UnmarshalText, ""},
	"Term.Value":               {policy.Term.Value, ""},
	"Term.Scan":                {(*policy.Term).Scan, ""},
	"TermSet.Has":              {policy.TermSet.Has, "the empty set means any term"},
	"TermSet.List":             {policy.TermSet.List, "nil for the empty set"},
	"TermSet.String":           {policy.TermSet.String, `"any"`},
	"TermSet.MarshalText":      {policy.TermSet.MarshalText, `"any"`},
	"TermSet.UnmarshalText":    {(*policy.TermSet).UnmarshalText, ""},
	"TermSet.MarshalJSON":      {policy.TermSet.MarshalJSON, "[]: the empty set, any term"},
	"TermSet.UnmarshalJSON":    {(*policy.TermSet).UnmarshalJSON, ""},
	"TermSet.Value":            {policy.TermSet.Value, `"any"`},
	"TermSet.Scan":             {(*policy.TermSet).Scan, ""},

	"ExpiryAnchor.String":              {policy.ExpiryAnchor.String, "prints %!ExpiryAnchor(0)"},
	"ExpiryAnchor.IsValid":             {policy.ExpiryAnchor.IsValid, "reports false"},
	"ExpiryAnchor.MarshalText":         {policy.ExpiryAnchor.MarshalText, ""},
	"ExpiryAnchor.UnmarshalText":       {(*policy.ExpiryAnchor).UnmarshalText, ""},
	"ExpiryAnchor.Value":               {policy.ExpiryAnchor.Value, ""},
	"ExpiryAnchor.Scan":                {(*policy.ExpiryAnchor).Scan, ""},
	"WindowKind.String":                {policy.WindowKind.String, "prints %!WindowKind(0)"},
	"WindowKind.IsValid":               {policy.WindowKind.IsValid, "reports false"},
	"WindowKind.MarshalText":           {policy.WindowKind.MarshalText, ""},
	"WindowKind.UnmarshalText":         {(*policy.WindowKind).UnmarshalText, ""},
	"WindowKind.Value":                 {policy.WindowKind.Value, ""},
	"WindowKind.Scan":                  {(*policy.WindowKind).Scan, ""},
	"Unit.String":                      {policy.Unit.String, "prints %!Unit(0)"},
	"Unit.IsValid":                     {policy.Unit.IsValid, "reports false"},
	"Unit.MarshalText":                 {policy.Unit.MarshalText, ""},
	"Unit.UnmarshalText":               {(*policy.Unit).UnmarshalText, ""},
	"Unit.Value":                       {policy.Unit.Value, ""},
	"Unit.Scan":                        {(*policy.Unit).Scan, ""},
	"CancelEffect.String":              {policy.CancelEffect.String, "prints %!CancelEffect(0)"},
	"CancelEffect.IsValid":             {policy.CancelEffect.IsValid, "reports false"},
	"CancelEffect.MarshalText":         {policy.CancelEffect.MarshalText, "the zero CancelEffect is null: no cancellation"},
	"CancelEffect.UnmarshalText":       {(*policy.CancelEffect).UnmarshalText, ""},
	"CancelEffect.Value":               {policy.CancelEffect.Value, ""},
	"CancelEffect.Scan":                {(*policy.CancelEffect).Scan, ""},
	"LicenseCount.String":              {policy.LicenseCount.String, "prints %!LicenseCount(0)"},
	"LicenseCount.IsValid":             {policy.LicenseCount.IsValid, "reports false"},
	"LicenseCount.MarshalText":         {policy.LicenseCount.MarshalText, "the zero LicenseCount is null: no count"},
	"LicenseCount.UnmarshalText":       {(*policy.LicenseCount).UnmarshalText, ""},
	"LicenseCount.Value":               {policy.LicenseCount.Value, ""},
	"LicenseCount.Scan":                {(*policy.LicenseCount).Scan, ""},
	"OverLimit.String":                 {policy.OverLimit.String, "prints %!OverLimit(0)"},
	"OverLimit.IsValid":                {policy.OverLimit.IsValid, "reports false"},
	"OverLimit.MarshalText":            {policy.OverLimit.MarshalText, "the zero OverLimit is null: no limit"},
	"OverLimit.UnmarshalText":          {(*policy.OverLimit).UnmarshalText, ""},
	"OverLimit.Value":                  {policy.OverLimit.Value, ""},
	"OverLimit.Scan":                   {(*policy.OverLimit).Scan, ""},
	"SuspendedAtTermEnd.String":        {policy.SuspendedAtTermEnd.String, "prints %!SuspendedAtTermEnd(0)"},
	"SuspendedAtTermEnd.IsValid":       {policy.SuspendedAtTermEnd.IsValid, "reports false"},
	"SuspendedAtTermEnd.MarshalText":   {policy.SuspendedAtTermEnd.MarshalText, "the zero SuspendedAtTermEnd is null: not documented"},
	"SuspendedAtTermEnd.UnmarshalText": {(*policy.SuspendedAtTermEnd).UnmarshalText, ""},
	"SuspendedAtTermEnd.Value":         {policy.SuspendedAtTermEnd.Value, ""},
	"SuspendedAtTermEnd.Scan":          {(*policy.SuspendedAtTermEnd).Scan, ""},
	"PurgeAnchor.String":               {policy.PurgeAnchor.String, "prints %!PurgeAnchor(0)"},
	"PurgeAnchor.IsValid":              {policy.PurgeAnchor.IsValid, "reports false"},
	"PurgeAnchor.MarshalText":          {policy.PurgeAnchor.MarshalText, ""},
	"PurgeAnchor.UnmarshalText":        {(*policy.PurgeAnchor).UnmarshalText, ""},
	"PurgeAnchor.Value":                {policy.PurgeAnchor.Value, ""},
	"PurgeAnchor.Scan":                 {(*policy.PurgeAnchor).Scan, ""},

	"FieldError.Error":  {(*policy.FieldError).Error, "a message with empty parts"},
	"FieldError.Is":     {(*policy.FieldError).Is, "reports false for a nil target"},
	"NoRuleError.Error": {(*policy.NoRuleError).Error, "a message with empty parts"},
	"NoRuleError.Is":    {(*policy.NoRuleError).Is, "reports false for a nil target"},
	"FileError.Error":   {(*policy.FileError).Error, "a message with empty parts"},
	"FileError.Is":      {(*policy.FileError).Is, "reports false for a nil target"},

	"Citation.String":    {policy.Citation.String, `" ()"`},
	"Window.Open":        {policy.Window.Open, "the zero Window has no kind: never open"},
	"Window.End":         {policy.Window.End, "the zero Window has no kind: the zero instant"},
	"Window.LastOpen":    {policy.Window.LastOpen, "the zero Window has no kind: the zero instant"},
	"OnlineLimit.Allows": {policy.OnlineLimit.Allows, "the zero OnlineLimit allows no count"},
	"Rules.Validate":     {policy.Rules.Validate, ""},
	"Key.String":         {policy.Key.String, "prints the zero key"},

	"Table.Lookup":     {(*policy.Table).Lookup, ""},
	"Table.Effective":  {(*policy.Table).Effective, ""},
	"Table.Schedule":   {(*policy.Table).Schedule, ""},
	"Table.Rows":       {(*policy.Table).Rows, "nil for a nil or zero table"},
	"Table.Name":       {(*policy.Table).Name, `""`},
	"Table.With":       {(*policy.Table).With, "no layers: the zero table itself (a nil table is an error)"},
	"Table.Layers":     {(*policy.Table).Layers, "nil"},
	"Table.Base":       {(*policy.Table).Base, "the table itself"},
	"Table.WriteJSON":  {(*policy.Table).WriteJSON, ""},
	"Layer.Name":       {(*policy.Layer).Name, `""`},
	"Layer.Overrides":  {(*policy.Layer).Overrides, "nil"},
	"Layer.WriteJSON":  {(*policy.Layer).WriteJSON, ""},
	"Schedule.Key":     {(*policy.Schedule).Key, "the zero Key"},
	"Schedule.Len":     {(*policy.Schedule).Len, "0"},
	"Schedule.Version": {(*policy.Schedule).Version, "the zero Version, for any index"},
	"Schedule.All":     {(*policy.Schedule).All, "no versions"},
	"Schedule.At":      {(*policy.Schedule).At, ""},
	"Version.IsZero":   {policy.Version.IsZero, "reports true"},
	"Version.Equal":    {policy.Version.Equal, "reports true: two zero Versions are equal"},
	"Version.Rules":    {policy.Version.Rules, "the zero Rules"},
	"Version.Label":    {policy.Version.Label, `""`},
	"Version.Cite":     {policy.Version.Cite, "the zero Citation"},
	"Version.From":     {policy.Version.From, "the zero instant"},
	"Version.Until":    {policy.Version.Until, "the zero instant"},
	"Version.Key":      {policy.Version.Key, "the zero Key"},
	"Version.Index":    {policy.Version.Index, "0"},
	"Version.String":   {policy.Version.String, "describes the zero Version"},

	"Version.MarshalJSON":   {policy.Version.MarshalJSON, "the zero Version is null"},
	"Version.UnmarshalJSON": {(*policy.Version).UnmarshalJSON, ""},
}

// exportedAPI lists the exported functions ("Name") and the exported
// methods of exported types ("Type.Name") declared in the package's
// non-test files.
func exportedAPI(t *testing.T) []string {
	t.Helper()
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, ".", func(fi os.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, pkg := range pkgs {
		for _, f := range pkg.Files {
			for _, decl := range f.Decls {
				fd, ok := decl.(*ast.FuncDecl)
				if !ok || !fd.Name.IsExported() {
					continue
				}
				if fd.Recv == nil {
					out = append(out, fd.Name.Name)
					continue
				}
				typ := fd.Recv.List[0].Type
				if star, ok := typ.(*ast.StarExpr); ok {
					typ = star.X
				}
				if ix, ok := typ.(*ast.IndexExpr); ok {
					typ = ix.X
				}
				if id, ok := typ.(*ast.Ident); ok && id.IsExported() {
					out = append(out, id.Name+"."+fd.Name.Name)
				}
			}
		}
	}
	slices.Sort(out)
	return out
}

// TestAPIListed checks that api lists exactly the package's exported
// functions and methods.
func TestAPIListed(t *testing.T) {
	declared := exportedAPI(t)
	if len(declared) < 50 {
		t.Fatalf("found only %d exported functions and methods: %v", len(declared), declared)
	}
	for _, name := range declared {
		if _, ok := api[name]; !ok {
			t.Errorf("%s is exported but not in api (api_test.go): add it, with whether a zero value is a valid input", name)
		}
	}
	for name := range api {
		if !slices.Contains(declared, name) {
			t.Errorf("api lists %s, which the package does not declare", name)
		}
	}
}

// zeroArgs returns the argument lists a zero-value call of fn tries: every
// argument zero, and every pointer argument pointing to a zero value.
func zeroArgs(fn reflect.Type) [][]reflect.Value {
	var lists [][]reflect.Value
	for _, deref := range []bool{false, true} {
		var args []reflect.Value
		hasPtr := false
		for i := range fn.NumIn() {
			in := fn.In(i)
			if deref && in.Kind() == reflect.Pointer {
				args = append(args, reflect.New(in.Elem()))
				hasPtr = true
				continue
			}
			args = append(args, reflect.Zero(in))
		}
		if deref && !hasPtr {
			break
		}
		lists = append(lists, args)
	}
	return lists
}

// TestDefect3_ZeroValuesNeverPanic calls every exported function and
// method with zero values (and zero values behind pointers) and checks
// that none panics and that those for which a zero value is not a valid
// input report an error (issue 12, defect 3: LoadJSON(nil, opts)
// panicked).
func TestDefect3_ZeroValuesNeverPanic(t *testing.T) {
	errType := reflect.TypeFor[error]()
	for name, f := range api {
		fn := reflect.ValueOf(f.fn)
		for _, args := range zeroArgs(fn.Type()) {
			desc := fmt.Sprintf("%s(%s)", name, argsText(args))
			var out []reflect.Value
			func() {
				defer func() {
					if p := recover(); p != nil {
						t.Errorf("%s panicked: %v", desc, p)
					}
				}()
				if fn.Type().IsVariadic() {
					out = fn.CallSlice(args)
				} else {
					out = fn.Call(args)
				}
			}()
			if out == nil || f.zeroOK != "" {
				continue
			}
			last := out[len(out)-1]
			if last.Type() != errType {
				continue
			}
			if last.IsNil() {
				t.Errorf("%s returned no error; a zero value is not a valid input", desc)
				continue
			}
			if err := last.Interface().(error); !errors.Is(err, policy.ErrInvalid) && !errors.Is(err, policy.ErrNoRule) && !errors.Is(err, os.ErrNotExist) {
				t.Errorf("%s: error %v matches neither ErrInvalid nor ErrNoRule", desc, err)
			}
		}
	}
}

func argsText(args []reflect.Value) string {
	var parts []string
	for _, a := range args {
		switch {
		case a.Kind() == reflect.Pointer && !a.IsNil():
			parts = append(parts, "&"+a.Elem().Type().String()+"{}")
		default:
			parts = append(parts, "zero "+a.Type().String())
		}
	}
	return strings.Join(parts, ", ")
}

// TestDefect3_LoadOptions: a nil reader and a negative limit are errors
// naming what is wrong; a limit beyond what ParseJSON can address is that
// limit.
func TestDefect3_LoadOptions(t *testing.T) {
	if _, err := policy.LoadJSON(nil, policy.LoadOptions{Name: "x.json"}); err == nil || !errors.Is(err, policy.ErrInvalid) ||
		err.Error() != "policy: x.json: nothing to read: the reader is nil" {
		t.Errorf("LoadJSON(nil) = %v, want a *FileError saying the reader is nil", err)
	}
	for _, max := range []int64{-1, math.MinInt64} {
		_, err := policy.ParseJSON([]byte(oneRow), policy.LoadOptions{MaxBytes: max})
		var fe *policy.FieldError
		if !errors.As(err, &fe) || fe.Field != "LoadOptions.MaxBytes" || fe.Value != max {
			t.Errorf("ParseJSON with MaxBytes %d: error %v, want a *FieldError for LoadOptions.MaxBytes", max, err)
		}
		if _, err := policy.LoadJSON(strings.NewReader(oneRow), policy.LoadOptions{MaxBytes: max}); !errors.As(err, &fe) {
			t.Errorf("LoadJSON with MaxBytes %d: error %v, want a *FieldError", max, err)
		}
	}
	for _, max := range []int64{0, int64(len(oneRow)), math.MaxInt32, math.MaxInt32 + 1, math.MaxInt64} {
		if _, err := policy.LoadJSON(strings.NewReader(oneRow), policy.LoadOptions{MaxBytes: max}); err != nil {
			t.Errorf("LoadJSON with MaxBytes %d: %v", max, err)
		}
	}
	_, err := policy.LoadJSON(strings.NewReader(oneRow), policy.LoadOptions{MaxBytes: int64(len(oneRow)) - 1})
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("larger than the limit of %d bytes", len(oneRow)-1)) {
		t.Errorf("LoadJSON one byte over the limit: %v", err)
	}
}
