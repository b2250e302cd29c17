package policy_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/lapse-go/lapse/policy"
)

// nceNow returns the built-in CSP new-commerce rules in force today, whose
// windows are after-start and retroactive (R-CAN-14).
func nceNow(t *testing.T) policy.Rules {
	t.Helper()
	r, err := policy.Builtin().Lookup(policy.Key{Channel: policy.CSPNewCommerce, Term: policy.Annual}, y2026)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestValidateRetroactive(t *testing.T) {
	retro := func(k policy.WindowKind) policy.Window { return policy.Window{Kind: k, Retroactive: true} }
	tests := []struct {
		name   string
		edit   func(r *policy.Rules)
		want   []string
		reason string
	}{
		{"after-start", func(*policy.Rules) {}, nil, "R-CAN-14: the seven-day window applies retroactively"},
		{"after-start, not retroactive", func(r *policy.Rules) { r.Cancel.Window.Retroactive = false }, nil, "the default"},
		{"anytime cancel window", func(r *policy.Rules) { r.Cancel.Window = retro(policy.Anytime) },
			[]string{"Rules.Cancel.Window.Retroactive"}, "an anytime window has no length to apply back"},
		{"never cancel window", func(r *policy.Rules) { r.Cancel.Window, r.Cancel.Effect = retro(policy.Never), 0 },
			[]string{"Rules.Cancel.Window.Retroactive"}, "a window that never opens"},
		{"never removal window", func(r *policy.Rules) { r.Licenses.RemoveWindow = retro(policy.Never) },
			[]string{"Rules.Licenses.RemoveWindow.Retroactive"}, "the license-removal window too"},
		{"length and retroactive", func(r *policy.Rules) {
			r.Licenses.RemoveWindow = policy.Window{Kind: policy.Anytime, Length: 3, Retroactive: true}
		}, []string{"Rules.Licenses.RemoveWindow.Length", "Rules.Licenses.RemoveWindow.Retroactive"}, "every problem at once"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := nceNow(t)
			tt.edit(&r)
			if diff := cmp.Diff(tt.want, fieldsOf(t, r.Validate())); diff != "" {
				t.Errorf("Validate() fields mismatch (-want +got): %s\n%s", tt.reason, diff)
			}
		})
	}
	r := nceNow(t)
	r.Cancel.Window = retro(policy.Anytime)
	want := `policy: Rules.Cancel.Window.Retroactive = true: only an after-start window can be retroactive`
	if got := r.Validate().Error(); got != want {
		t.Errorf("Validate().Error() = %q, want %q", got, want)
	}
}

func TestBuiltinRetroactive(t *testing.T) {
	k := policy.Key{Channel: policy.CSPNewCommerce, Term: policy.Monthly}
	march := utc(2022, 3, 1, 0, 0)
	for _, tt := range []struct {
		at   time.Time
		want bool
	}{
		{march.Add(-time.Nanosecond), false},
		{march, true},
		{march.Add(time.Nanosecond), true},
		{y2026, true},
	} {
		r, err := policy.Builtin().Lookup(k, tt.at)
		if err != nil {
			t.Fatal(err)
		}
		if r.Cancel.Window.Retroactive != tt.want || r.Licenses.RemoveWindow.Retroactive != tt.want {
			t.Errorf("at %v (%s): Cancel.Window.Retroactive %v, Licenses.RemoveWindow.Retroactive %v; want %v",
				tt.at, r.Version, r.Cancel.Window.Retroactive, r.Licenses.RemoveWindow.Retroactive, tt.want)
		}
		if tt.want {
			if !strings.Contains(r.Cite.Rules, "R-CAN-14 (retroactive to subscriptions purchased seven days prior)") || !strings.Contains(r.Cite.Sources, "[P-CRN-2022]") {
				t.Errorf("the retroactive row cites %v, want R-CAN-14 and [P-CRN-2022]", r.Cite)
			}
		}
	}
	n := 0
	for _, r := range policy.Builtin().Rows() {
		if r.Rules.Cancel.Window.Retroactive || r.Rules.Licenses.RemoveWindow.Retroactive {
			n++
			if r.Channel != policy.CSPNewCommerce || !r.From.Equal(march) || r.Rules.Cancel.Window.Length != 168 || r.Rules.Licenses.RemoveWindow.Length != 168 {
				t.Errorf("row %s %s [%v] has a retroactive window; only the CSP 168-hour row of March 2022 has", r.Channel, r.Rules.Version, r.From)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d built-in rows have retroactive windows, want 1", n)
	}
}

// nceFile is a table file of one open-ended csp-nce row with the windows
// of nceNow.
func nceFile(t *testing.T) string {
	t.Helper()
	tbl, err := policy.NewTable([]policy.Row{{Channel: policy.CSPNewCommerce, From: utc(2022, 3, 1, 0, 0), Rules: nceNow(t)}})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := tbl.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestLoadRetroactive(t *testing.T) {
	const (
		cancel = `"window": {"kind": "after-start", "length": 168, "unit": "hours", "inclusive": true, "retroactive": true}`
		remove = `"removeWindow": {"kind": "after-start", "length": 168, "unit": "hours", "inclusive": true, "retroactive": true}`
	)
	file := nceFile(t)
	if !strings.Contains(file, cancel) || !strings.Contains(file, remove) {
		t.Fatalf("WriteJSON does not write the retroactive windows:\n%s", file)
	}
	tests := []struct {
		name                 string
		edit                 func(t *testing.T, s string) string
		wantCancel, wantRemv bool
		want                 []problem
	}{
		{"as written", func(_ *testing.T, s string) string { return s }, true, true, nil},
		{"absent means false", func(t *testing.T, s string) string {
			return strings.ReplaceAll(s, `, "retroactive": true`, ``)
		}, false, false, nil},
		{"explicit false", func(t *testing.T, s string) string {
			return replace(cancel, strings.Replace(cancel, "true}", "false}", 1))(t, s)
		}, false, true, nil},
		{"not a boolean", func(t *testing.T, s string) string {
			return replace(cancel, strings.Replace(cancel, `"retroactive": true`, `"retroactive": "yes"`, 1))(t, s)
		}, false, false, []problem{{"", "rows[0].cancel.window.retroactive", `"yes"`, "want true or false"}}},
		{"misspelt", func(t *testing.T, s string) string {
			return replace(remove, strings.Replace(remove, `"retroactive"`, `"retroactiv"`, 1))(t, s)
		}, false, false, []problem{{"", "rows[0].licenses.removeWindow.retroactiv", `"retroactiv"`, `did you mean "retroactive"?`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tbl, err := policy.ParseJSON([]byte(tt.edit(t, file)), policy.LoadOptions{})
			if diff := cmp.Diff(tt.want, problemsOf(t, err), anyPosition); diff != "" {
				t.Fatalf("ParseJSON() problems mismatch (-want +got):\n%s", diff)
			}
			if err != nil {
				return
			}
			r := tbl.Rows()[0].Rules
			if r.Cancel.Window.Retroactive != tt.wantCancel || r.Licenses.RemoveWindow.Retroactive != tt.wantRemv {
				t.Errorf("Retroactive = %v, %v; want %v, %v", r.Cancel.Window.Retroactive, r.Licenses.RemoveWindow.Retroactive, tt.wantCancel, tt.wantRemv)
			}
		})
	}

	// Only an after-start window may say it, even false.
	refused := []struct {
		name, old, new, field, value string
	}{
		{"never, retroactive", `"window": {"kind": "never"}`, `"window": {"kind": "never", "retroactive": true}`, "rows[0].cancel.window.retroactive", "true"},
		{"anytime, not retroactive", `"removeWindow": {"kind": "anytime"}`, `"removeWindow": {"kind": "anytime", "retroactive": false}`, "rows[0].licenses.removeWindow.retroactive", "false"},
	}
	for _, tt := range refused {
		t.Run(tt.name, func(t *testing.T) {
			_, err := policy.ParseJSON([]byte(replace(tt.old, tt.new)(t, oneRow)), policy.LoadOptions{})
			want := []problem{{"", tt.field, tt.value, "only an after-start window can be retroactive"}}
			if diff := cmp.Diff(want, problemsOf(t, err), anyPosition); diff != "" {
				t.Errorf("ParseJSON() problems mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// anyPosition compares problems ignoring an unstated position and
// matching reasons by substring.
var anyPosition = cmp.Comparer(func(a, b problem) bool {
	return (a.Pos == "" || b.Pos == "" || a.Pos == b.Pos) && a.Field == b.Field && a.Value == b.Value &&
		(strings.Contains(a.Reason, b.Reason) || strings.Contains(b.Reason, a.Reason))
})

func TestRetroactiveOverrides(t *testing.T) {
	nce := policy.CSPNewCommerce
	notRetro := override(nce, []string{"cancel.window"}, func(r *policy.Row) {
		r.From = utc(2023, 1, 1, 0, 0)
		r.Rules.Cancel.Window = policy.Window{Kind: policy.AfterStart, Length: 168, Unit: policy.Hours, Inclusive: true}
	})
	tbl := mustWith(t, policy.Builtin(), mustLayer(t, "no-grandfathering", notRetro))
	k := policy.Key{Channel: nce, Term: policy.Annual}
	r, err := tbl.Lookup(k, y2026)
	if err != nil {
		t.Fatal(err)
	}
	if r.Cancel.Window.Retroactive || !r.Licenses.RemoveWindow.Retroactive {
		t.Errorf("Retroactive = %v, %v; want the override's false and the table's true", r.Cancel.Window.Retroactive, r.Licenses.RemoveWindow.Retroactive)
	}
	changes, err := policy.Diff(policy.Builtin(), tbl)
	if err != nil {
		t.Fatal(err)
	}
	want := []policy.Change{{
		Channel: nce, Path: "cancel.window", From: utc(2023, 1, 1, 0, 0),
		Old:      `{"kind": "after-start", "length": 168, "unit": "hours", "inclusive": true, "retroactive": true}`,
		New:      `{"kind": "after-start", "length": 168, "unit": "hours", "inclusive": true, "retroactive": false}`,
		OldLayer: "builtin", NewLayer: "no-grandfathering",
	}}
	if diff := cmp.Diff(want, changes); diff != "" {
		t.Errorf("Diff mismatch (-want +got):\n%s", diff)
	}

	// The layer round-trips with the sub-field.
	var b bytes.Buffer
	if err := tbl.Layers()[0].WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"retroactive": false`) {
		t.Errorf("Layer.WriteJSON does not write retroactive:\n%s", b.String())
	}
	back, err := policy.ParseJSON(b.Bytes(), policy.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(tbl.Layers()[0].Overrides(), back.Layers()[0].Overrides(), cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s", diff)
	}

	// A retroactive window that is not after-start is refused in a layer.
	bad := override(nce, []string{"cancel.window"}, func(r *policy.Row) {
		r.Rules.Cancel.Window = policy.Window{Kind: policy.Anytime, Retroactive: true}
	})
	_, err = policy.NewLayer("bad", []policy.Override{bad})
	if diff := cmp.Diff([]string{"rows[0].cancel.window"}, fieldsOf(t, err)); diff != "" {
		t.Errorf("NewLayer error fields mismatch (-want +got):\n%s", diff)
	}
	if err == nil || !strings.Contains(err.Error(), "retroactive: only an after-start window can be retroactive") {
		t.Errorf("NewLayer error = %v, want it to name retroactive", err)
	}
}
