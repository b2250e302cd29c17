package policy

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// ruleLeaves lists the Go paths of the leaves of Rules that a policy file
// holds as rule fields: every field, recursing into the rule groups and
// OnlineLimit, with Window and time.Time as leaves. Channel, Version and
// Cite are row-level keys.
func ruleLeaves(t reflect.Type, prefix string) []string {
	var out []string
	for i := range t.NumField() {
		f := t.Field(i)
		path := prefix + f.Name
		switch {
		case prefix == "" && (f.Name == "Channel" || f.Name == "Version" || f.Name == "Cite"):
		case f.Type.Kind() == reflect.Struct && f.Type != reflect.TypeFor[Window]() && f.Type != reflect.TypeFor[time.Time]():
			out = append(out, ruleLeaves(f.Type, path+".")...)
		default:
			out = append(out, path)
		}
	}
	return out
}

// leaf returns the addressable value at a Go path of r.
func leaf(r *Rules, goPath string) reflect.Value {
	v := reflect.ValueOf(r).Elem()
	for _, name := range strings.Split(goPath, ".") {
		v = v.FieldByName(name)
	}
	return v
}

// setSample sets v to a valid non-zero value of its type.
func setSample(t *testing.T, v reflect.Value) {
	t.Helper()
	switch x := v.Addr().Interface().(type) {
	case *Window:
		*x = Window{Kind: AfterStart, Length: 3, Unit: Days, Inclusive: true}
	case *time.Time:
		*x = time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)
	default:
		switch v.Kind() {
		case reflect.Bool:
			v.SetBool(true)
		case reflect.Int:
			v.SetInt(7)
		case reflect.Uint8:
			v.SetUint(1)
		default:
			t.Fatalf("no sample for %s", v.Type())
		}
	}
}

// TestFieldsCoverRules fails when a field is added to Rules without a
// policy file name: add it to fields and copyField in fields.go.
func TestFieldsCoverRules(t *testing.T) {
	var got []string
	for _, f := range fields {
		got = append(got, f.goPath)
	}
	want := ruleLeaves(reflect.TypeFor[Rules](), "")
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("fields do not list the leaves of Rules in order (-want +got):\n%s", diff)
	}
	if numFields > 64 {
		t.Errorf("numFields = %d; fieldMask holds 64", numFields)
	}
}

// TestFieldGroupsAreContiguous checks that the fields of a group are
// listed together, which the writer relies on.
func TestFieldGroupsAreContiguous(t *testing.T) {
	closed := map[string]bool{}
	var open []string
	for _, f := range fields {
		segs := strings.Split(f.path, ".")
		parents := make([]string, len(segs)-1)
		for i := range parents {
			parents[i] = strings.Join(segs[:i+1], ".")
		}
		for _, g := range open {
			if !slices.Contains(parents, g) {
				closed[g] = true
			}
		}
		for _, p := range parents {
			if closed[p] {
				t.Errorf("field %s reopens group %s", f.path, p)
			}
		}
		open = parents
	}
}

// TestCopyField checks that copyField(i) copies exactly the leaf that
// fields[i] names.
func TestCopyField(t *testing.T) {
	for i, f := range fields {
		var src, want, got Rules
		setSample(t, leaf(&src, f.goPath))
		setSample(t, leaf(&want, f.goPath))
		copyField(&got, &src, i)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("copyField(%s) mismatch (-want +got):\n%s", f.path, diff)
		}
	}
}

// TestFieldEncodeDecode checks every field's written form reads back.
func TestFieldEncodeDecode(t *testing.T) {
	for _, f := range fields {
		var src Rules
		setSample(t, leaf(&src, f.goPath))
		text, ok := f.enc(&src)
		if !ok {
			t.Errorf("%s: enc(%v) not ok", f.path, leaf(&src, f.goPath))
			continue
		}
		n, serr := parseJSON([]byte(text))
		if serr != nil {
			t.Errorf("%s: enc wrote %s, not JSON: %s", f.path, text, serr.msg)
			continue
		}
		d := &decoder{data: []byte(text), bad: map[string]bool{}}
		var got Rules
		if !f.dec(d, n, path(f.path), &got) {
			t.Errorf("%s: dec(%s) failed: %v", f.path, text, d.err())
			continue
		}
		if diff := cmp.Diff(src, got); diff != "" {
			t.Errorf("%s: dec(enc()) mismatch (-want +got):\n%s", f.path, diff)
		}
		if why := f.check(&src); why != "" {
			t.Errorf("%s: check(sample) = %q, want valid", f.path, why)
		}
	}
}

func TestJSONPathOf(t *testing.T) {
	tests := []struct{ goPath, want string }{
		{"Rules.ExpiredDays", "expired"},
		{"Rules.Cancel.Window.Length", "cancel.window.length"},
		{"Rules.Cancel.Online.Max", "cancel.online.max"},
		{"Rules.Trial.Days", "trial.length"},
		{"Rules.Cite.Rules", "cite.rules"},
		{"Rules.Channel", "channel"},
	}
	for _, tt := range tests {
		if got := jsonPathOf(tt.goPath); got != tt.want {
			t.Errorf("jsonPathOf(%q) = %q, want %q", tt.goPath, got, tt.want)
		}
	}
}

func TestParseJSONSyntax(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantOff int
		wantMsg string
	}{
		{"empty", "  ", 0, "empty input"},
		{"trailing data", `{} x`, 3, "after the top-level value"},
		{"unterminated string", `{"a`, 1, "unterminated string"},
		{"bad escape", `["\x"]`, 3, "invalid escape"},
		{"control character", "[\"a\tb\"]", 3, "control character"},
		{"bad number", `[01]`, 2, "after array element"},
		{"lone minus", `[-]`, 2, "want a digit"},
		{"bad exponent", `[1e]`, 3, "exponent"},
		{"missing colon", `{"a" 1}`, 5, "want ':'"},
		{"trailing comma", `{"a":1,}`, 7, "quoted object key"},
		{"bad literal", `[tru]`, 1, "want true"},
		{"invalid UTF-8", "[\"\xff\"]", 1, "not valid UTF-8"},
		{"too deep", strings.Repeat("[", maxDepth+1), maxDepth, "nested more than"},
		{"unclosed array", `[1`, 2, "unexpected end of input"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseJSON([]byte(tt.in))
			if err == nil {
				t.Fatalf("parseJSON(%q) = nil error, want %q", tt.in, tt.wantMsg)
			}
			if err.off != tt.wantOff || !strings.Contains(err.msg, tt.wantMsg) {
				t.Errorf("parseJSON(%q) = error at %d %q, want at %d containing %q", tt.in, err.off, err.msg, tt.wantOff, tt.wantMsg)
			}
		})
	}
}

func TestParseJSONValues(t *testing.T) {
	data := []byte(` {"a": [true, false, null, -1.5e+3, "x\u00e9\"y", "§"], "b": {}} `)
	n, err := parseJSON(data)
	if err != nil {
		t.Fatal(err.msg)
	}
	a := n.members[0].val
	e := func(i int) *jnode { return a.members[i].val }
	got := []string{e(0).kind.String(), e(2).kind.String(), string(data[e(3).off:e(3).end]), e(4).s, e(5).s}
	want := []string{"a boolean", "null", "-1.5e+3", "xé\"y", "§"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("parseJSON values mismatch (-want +got):\n%s", diff)
	}
	if n.off != 1 || n.members[1].keyOff != 57 {
		t.Errorf("offsets: object at %d, key b at %d; want 1, 57", n.off, n.members[1].keyOff)
	}
}

func TestDecoderPosition(t *testing.T) {
	d := &decoder{data: []byte("ab\n§cd\n\nx")}
	tests := []struct{ off, line, col int }{
		{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {5, 2, 2}, {6, 2, 3}, {8, 3, 1}, {9, 4, 1}, {99, 4, 2},
	}
	for _, tt := range tests {
		if l, c := d.position(tt.off); l != tt.line || c != tt.col {
			t.Errorf("position(%d) = %d:%d, want %d:%d", tt.off, l, c, tt.line, tt.col)
		}
	}
}
