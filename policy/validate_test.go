package policy_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/lapse-go/lapse/policy"
)

// TestDefect7_PinRefusesInvalidRules: Pin validates the rules it pins, as
// NewTable does, so that package lifecycle can rely on every rule a table
// holds (issue 12, defect 7). Each case is one field just outside what
// Validate accepts; the valid neighbour loads.
func TestDefect7_PinRefusesInvalidRules(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(r *policy.Rules)
		field string // "" when valid
	}{
		{"valid", func(r *policy.Rules) {}, ""},
		{"window kind 200", func(r *policy.Rules) { r.Cancel.Window.Kind = 200 }, "rows[0].Rules.Cancel.Window.Kind"},
		{"effect 200", func(r *policy.Rules) { r.Cancel.Effect = 200 }, "rows[0].Rules.Cancel.Effect"},
		{"effect 200 of a never window", func(r *policy.Rules) {
			r.Cancel.Window, r.Cancel.Effect = policy.Window{Kind: policy.Never}, 200
		}, "rows[0].Rules.Cancel.Effect"},
		{"no effect of a never window", func(r *policy.Rules) {
			r.Cancel.Window, r.Cancel.Effect = policy.Window{Kind: policy.Never}, 0
		}, ""},
		{"licenses min -5", func(r *policy.Rules) { r.Licenses.Min = -5 }, "rows[0].Rules.Licenses.Min"},
		{"licenses min -1", func(r *policy.Rules) { r.Licenses.Min = -1 }, "rows[0].Rules.Licenses.Min"},
		{"licenses min 0", func(r *policy.Rules) { r.Licenses.Min = 0 }, ""},
		{"max extensions -5", func(r *policy.Rules) { r.Trial.MaxExtensions = -5 }, "rows[0].Rules.Trial.MaxExtensions"},
		{"max extensions -1", func(r *policy.Rules) { r.Trial.MaxExtensions = -1 }, "rows[0].Rules.Trial.MaxExtensions"},
		{"max extensions 0", func(r *policy.Rules) { r.Trial.MaxExtensions = 0 }, ""},
		{"inclusive anytime window", func(r *policy.Rules) {
			r.Cancel.Window = policy.Window{Kind: policy.Anytime, Inclusive: true}
		}, "rows[0].Rules.Cancel.Window.Inclusive"},
		{"inclusive never window", func(r *policy.Rules) {
			r.Licenses.RemoveWindow = policy.Window{Kind: policy.Never, Inclusive: true}
		}, "rows[0].Rules.Licenses.RemoveWindow.Inclusive"},
		{"exclusive anytime window", func(r *policy.Rules) { r.Cancel.Window = policy.Window{Kind: policy.Anytime} }, ""},
		{"online count 200 without a limit", func(r *policy.Rules) {
			r.Cancel.Online = policy.OnlineLimit{Count: 200}
		}, "rows[0].Rules.Cancel.Online.Count"},
		{"online over 200 without a limit", func(r *policy.Rules) {
			r.Cancel.Online = policy.OnlineLimit{Over: 200}
		}, "rows[0].Rules.Cancel.Online.Over"},
		{"no limit", func(r *policy.Rules) { r.Cancel.Online = policy.OnlineLimit{} }, ""},
		{"at term end 200 without suspension", func(r *policy.Rules) {
			r.Suspension.Allowed, r.Suspension.AtTermEnd = false, 200
		}, "rows[0].Rules.Suspension.AtTermEnd"},
		{"convert term 200 without auto-convert", func(r *policy.Rules) {
			r.Trial.AutoConvert, r.Trial.ConvertTerm = false, 200
		}, "rows[0].Rules.Trial.ConvertTerm"},
		{"convert term 200 with auto-convert", func(r *policy.Rules) {
			r.Trial.AutoConvert, r.Trial.ConvertTerm = true, 200
		}, "rows[0].Rules.Trial.ConvertTerm"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mosa(t)
			tt.edit(&r)
			tbl, err := policy.Pin(r)
			if tt.field == "" {
				if err != nil || tbl == nil {
					t.Fatalf("Pin() = %v, %v; want a table", tbl, err)
				}
				return
			}
			if tbl != nil {
				t.Errorf("Pin() returned a table with error %v", err)
			}
			var fields []string
			for _, e := range leaves(err) {
				var fe *policy.FieldError
				if !errors.As(e, &fe) || !errors.Is(e, policy.ErrInvalid) {
					t.Fatalf("Pin(): %v is not a *FieldError matching ErrInvalid", e)
				}
				fields = append(fields, fe.Field)
			}
			if diff := cmp.Diff([]string{tt.field}, fields); diff != "" {
				t.Errorf("Pin() error fields mismatch (-want +got):\n%s\n%v", diff, err)
			}
		})
	}
}

// newTableCase is a case of NewTable's errors.
type newTableCase struct {
	name string
	rows func(t *testing.T) []policy.Row
	want []string // Field of each error; nil: valid
}

func checkNewTable(t *testing.T, tests []newTableCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := policy.NewTable(tt.rows(t))
			var fields []string
			for _, e := range leaves(err) {
				if e == nil {
					continue
				}
				var fe *policy.FieldError
				if !errors.As(e, &fe) {
					t.Fatalf("%v is not a *FieldError", e)
				}
				fields = append(fields, fe.Field)
			}
			if diff := cmp.Diff(tt.want, fields); diff != "" {
				t.Errorf("NewTable() error fields mismatch (-want +got):\n%s\n%v", diff, err)
			}
		})
	}
}

// TestDefect7_NewTableRefusesWhatFilesCannotHold: NewTable refuses what
// the file loader refuses, so that every table is one a file can hold
// (issue 12, defect 7: undeclared terms and repeated names passed).
func TestDefect7_NewTableRefusesWhatFilesCannotHold(t *testing.T) {
	y2020 := utc(2020, 1, 1, 0, 0)
	checkNewTable(t, []newTableCase{
		{"an undeclared term", func(t *testing.T) []policy.Row {
			r := row(t, policy.DirectMOSA, y2020, time.Time{})
			r.Terms = 1 << 7
			return []policy.Row{r}
		}, []string{"rows[0].Terms"}},
		{"a declared and an undeclared term", func(t *testing.T) []policy.Row {
			r := row(t, policy.DirectMOSA, y2020, time.Time{})
			r.Terms = policy.TermsOf(policy.Annual) | 1<<0
			return []policy.Row{r}
		}, []string{"rows[0].Terms"}},
		{"every declared term", func(t *testing.T) []policy.Row {
			r := row(t, policy.DirectMOSA, y2020, time.Time{})
			r.Terms = policy.TermsOf(policy.Terms()...)
			return []policy.Row{r}
		}, nil},
		{"names listed twice", func(t *testing.T) []policy.Row {
			r := row(t, policy.DirectMOSA, y2020, time.Time{})
			g := r
			r.Products, r.Offers, r.Countries = []policy.Product{"p", "q", "p"}, []string{"o", "o"}, []string{"CN", "DE", "CN"}
			return []policy.Row{g, r}
		}, []string{"rows[1].Products", "rows[1].Offers", "rows[1].Countries"}},
		{"a long list with a name twice", func(t *testing.T) []policy.Row {
			r := row(t, policy.DirectMOSA, y2020, time.Time{})
			g := r
			for i := range 40 {
				r.Offers = append(r.Offers, fmt.Sprint(i%39))
			}
			return []policy.Row{g, r}
		}, []string{"rows[1].Offers"}},
		{"MaxNames names", func(t *testing.T) []policy.Row {
			r := row(t, policy.DirectMOSA, y2020, time.Time{})
			g := r
			for i := range policy.MaxNames {
				r.Offers = append(r.Offers, fmt.Sprint(i))
			}
			return []policy.Row{g, r}
		}, nil},
		{"MaxNames+1 names", func(t *testing.T) []policy.Row {
			r := row(t, policy.DirectMOSA, y2020, time.Time{})
			g := r
			for i := range policy.MaxNames + 1 {
				r.Countries = append(r.Countries, fmt.Sprint(i)) // not even checked one by one
			}
			return []policy.Row{g, r}
		}, []string{"rows[1].Countries"}},
	})
}

// TestBuiltinValidatesThroughNewTable: the built-in table passes every
// check NewTable makes, gaps included.
func TestBuiltinValidatesThroughNewTable(t *testing.T) {
	tbl, err := policy.NewTable(policy.Builtin().Rows())
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(policy.Builtin().Rows(), tbl.Rows()); diff != "" {
		t.Errorf("rows mismatch (-builtin +NewTable):\n%s", diff)
	}
}

// TestDefect7_NewTableRefusesGaps: NewTable checks a channel's generic
// rows for gaps and an end, as the file loader does (issue 12, defect 7).
// Rows for a product may end: a look-up falls back to the generic rows.
func TestDefect7_NewTableRefusesGaps(t *testing.T) {
	y2020, y2021, y2022 := utc(2020, 1, 1, 0, 0), utc(2021, 1, 1, 0, 0), utc(2022, 1, 1, 0, 0)
	checkNewTable(t, []newTableCase{
		{"versions back to back", func(t *testing.T) []policy.Row {
			return []policy.Row{row(t, policy.DirectMOSA, y2020, y2021), row(t, policy.DirectMOSA, y2021, time.Time{})}
		}, nil},
		{"a gap of a nanosecond", func(t *testing.T) []policy.Row {
			return []policy.Row{row(t, policy.DirectMOSA, y2020, y2021), row(t, policy.DirectMOSA, y2021.Add(time.Nanosecond), time.Time{})}
		}, []string{"rows[0].Until"}},
		{"a gap of a year", func(t *testing.T) []policy.Row {
			return []policy.Row{row(t, policy.DirectMOSA, y2020, y2021), row(t, policy.DirectMOSA, y2022, time.Time{})}
		}, []string{"rows[0].Until"}},
		{"a last row that ends", func(t *testing.T) []policy.Row {
			return []policy.Row{row(t, policy.DirectMOSA, y2020, y2021)}
		}, []string{"rows[0].Until"}},
		{"a product row that ends", func(t *testing.T) []policy.Row {
			p := row(t, policy.DirectMOSA, y2020, y2021)
			p.Products = []policy.Product{"p"}
			return []policy.Row{row(t, policy.DirectMOSA, y2020, time.Time{}), p}
		}, nil},
	})
}
