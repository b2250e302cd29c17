package policy_test

import (
	"encoding"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/lapse-go/lapse/policy"
)

// textEnum is what every enum of the package implements.
type textEnum interface {
	String() string
	IsValid() bool
	encoding.TextMarshaler
}

func TestEnums(t *testing.T) {
	tests := []struct {
		name      string
		valid     []textEnum
		names     []string
		invalid   []textEnum // zero and out of range
		wantJunk  []string   // their String
		unmarshal func([]byte) (textEnum, error)
	}{
		{
			name:      "Channel",
			valid:     []textEnum{policy.DirectMOSA, policy.DirectMCA, policy.Enterprise, policy.VolumeLicensing, policy.OpenValue, policy.OpenLicense, policy.CSPNewCommerce, policy.CSPLegacy},
			names:     []string{"direct-mosa", "direct-mca", "enterprise", "volume-licensing", "open-value", "open-license", "csp-nce", "csp-legacy"},
			invalid:   []textEnum{policy.Channel(0), policy.Channel(9), policy.Channel(99)},
			wantJunk:  []string{"%!Channel(0)", "%!Channel(9)", "%!Channel(99)"},
			unmarshal: func(b []byte) (textEnum, error) { var v policy.Channel; err := v.UnmarshalText(b); return v, err },
		},
		{
			name:      "Term",
			valid:     []textEnum{policy.Monthly, policy.Annual, policy.MultiYear},
			names:     []string{"monthly", "annual", "multi-year"},
			invalid:   []textEnum{policy.Term(0), policy.Term(4)},
			wantJunk:  []string{"%!Term(0)", "%!Term(4)"},
			unmarshal: func(b []byte) (textEnum, error) { var v policy.Term; err := v.UnmarshalText(b); return v, err },
		},
		{
			name:      "ExpiryAnchor",
			valid:     []textEnum{policy.OnEndDate, policy.DayAfterEndDate},
			names:     []string{"on-end-date", "day-after-end-date"},
			invalid:   []textEnum{policy.ExpiryAnchor(0), policy.ExpiryAnchor(3)},
			wantJunk:  []string{"%!ExpiryAnchor(0)", "%!ExpiryAnchor(3)"},
			unmarshal: func(b []byte) (textEnum, error) { var v policy.ExpiryAnchor; err := v.UnmarshalText(b); return v, err },
		},
		{
			name:      "WindowKind",
			valid:     []textEnum{policy.Anytime, policy.Never, policy.AfterStart},
			names:     []string{"anytime", "never", "after-start"},
			invalid:   []textEnum{policy.WindowKind(0), policy.WindowKind(4)},
			wantJunk:  []string{"%!WindowKind(0)", "%!WindowKind(4)"},
			unmarshal: func(b []byte) (textEnum, error) { var v policy.WindowKind; err := v.UnmarshalText(b); return v, err },
		},
		{
			name:      "Unit",
			valid:     []textEnum{policy.Days, policy.Hours},
			names:     []string{"days", "hours"},
			invalid:   []textEnum{policy.Unit(0), policy.Unit(255)},
			wantJunk:  []string{"%!Unit(0)", "%!Unit(255)"},
			unmarshal: func(b []byte) (textEnum, error) { var v policy.Unit; err := v.UnmarshalText(b); return v, err },
		},
		{
			name:      "CancelEffect",
			valid:     []textEnum{policy.CancelToDisabled, policy.CancelToDeleted, policy.CancelAtTermEnd},
			names:     []string{"disabled", "deleted", "at-term-end"},
			invalid:   []textEnum{policy.CancelEffect(0), policy.CancelEffect(4)},
			wantJunk:  []string{"%!CancelEffect(0)", "%!CancelEffect(4)"},
			unmarshal: func(b []byte) (textEnum, error) { var v policy.CancelEffect; err := v.UnmarshalText(b); return v, err },
		},
		{
			name:      "LicenseCount",
			valid:     []textEnum{policy.Purchased, policy.Assigned},
			names:     []string{"purchased", "assigned"},
			invalid:   []textEnum{policy.LicenseCount(0), policy.LicenseCount(3)},
			wantJunk:  []string{"%!LicenseCount(0)", "%!LicenseCount(3)"},
			unmarshal: func(b []byte) (textEnum, error) { var v policy.LicenseCount; err := v.UnmarshalText(b); return v, err },
		},
		{
			name:      "OverLimit",
			valid:     []textEnum{policy.ReduceFirst, policy.CallSupport, policy.ReduceOrCallSupport},
			names:     []string{"reduce-first", "call-support", "reduce-or-call-support"},
			invalid:   []textEnum{policy.OverLimit(0), policy.OverLimit(4)},
			wantJunk:  []string{"%!OverLimit(0)", "%!OverLimit(4)"},
			unmarshal: func(b []byte) (textEnum, error) { var v policy.OverLimit; err := v.UnmarshalText(b); return v, err },
		},
		{
			name:     "SuspendedAtTermEnd",
			valid:    []textEnum{policy.DisabledThenDisabled, policy.DeletedAtTermEnd, policy.DisabledThenDeleted},
			names:    []string{"disabled-then-disabled", "deleted", "disabled-then-deleted"},
			invalid:  []textEnum{policy.SuspendedAtTermEnd(0), policy.SuspendedAtTermEnd(4)},
			wantJunk: []string{"%!SuspendedAtTermEnd(0)", "%!SuspendedAtTermEnd(4)"},
			unmarshal: func(b []byte) (textEnum, error) {
				var v policy.SuspendedAtTermEnd
				err := v.UnmarshalText(b)
				return v, err
			},
		},
		{
			name:      "PurgeAnchor",
			valid:     []textEnum{policy.FromEndDate, policy.FromExpiredEnd},
			names:     []string{"end-date", "expired-end"},
			invalid:   []textEnum{policy.PurgeAnchor(0), policy.PurgeAnchor(3)},
			wantJunk:  []string{"%!PurgeAnchor(0)", "%!PurgeAnchor(3)"},
			unmarshal: func(b []byte) (textEnum, error) { var v policy.PurgeAnchor; err := v.UnmarshalText(b); return v, err },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var gotNames []string
			for _, v := range tt.valid {
				if !v.IsValid() {
					t.Errorf("%v.IsValid() = false, want true", v)
				}
				gotNames = append(gotNames, v.String())
				text, err := v.MarshalText()
				if err != nil {
					t.Errorf("%v.MarshalText() error: %v", v, err)
					continue
				}
				back, err := tt.unmarshal(text)
				if err != nil || back != v {
					t.Errorf("UnmarshalText(%q) = %v, %v; want %v, nil", text, back, err, v)
				}
			}
			if diff := cmp.Diff(tt.names, gotNames); diff != "" {
				t.Errorf("String() mismatch (-want +got):\n%s", diff)
			}
			var gotJunk []string
			for _, v := range tt.invalid {
				if v.IsValid() {
					t.Errorf("%v.IsValid() = true, want false", v)
				}
				gotJunk = append(gotJunk, v.String())
				if _, err := v.MarshalText(); !errors.Is(err, policy.ErrInvalid) {
					t.Errorf("%v.MarshalText() error = %v, want ErrInvalid", v, err)
				}
			}
			if diff := cmp.Diff(tt.wantJunk, gotJunk); diff != "" {
				t.Errorf("String() of invalid values mismatch (-want +got):\n%s", diff)
			}
			_, err := tt.unmarshal([]byte("Bogus"))
			var fe *policy.FieldError
			if !errors.As(err, &fe) || fe.Value != "Bogus" || !errors.Is(err, policy.ErrInvalid) {
				t.Fatalf("UnmarshalText(%q) error = %v, want a *FieldError with the value", "Bogus", err)
			}
			for _, n := range tt.names {
				if !strings.Contains(err.Error(), n) {
					t.Errorf("UnmarshalText error %q does not list %q", err, n)
				}
			}
		})
	}
}

func TestParseChannelAndTerm(t *testing.T) {
	if c, err := policy.ParseChannel("csp-nce"); err != nil || c != policy.CSPNewCommerce {
		t.Errorf("ParseChannel(csp-nce) = %v, %v", c, err)
	}
	if c, err := policy.ParseChannel("CSP-NCE"); err != nil || c != policy.CSPNewCommerce {
		t.Errorf("ParseChannel(CSP-NCE) = %v, %v; names are read in any ASCII case", c, err)
	}
	if _, err := policy.ParseChannel("CSP"); err == nil || !strings.Contains(err.Error(), `"CSP"`) {
		t.Errorf("ParseChannel(CSP) error = %v, want one naming the value", err)
	}
	if tm, err := policy.ParseTerm("multi-year"); err != nil || tm != policy.MultiYear {
		t.Errorf("ParseTerm(multi-year) = %v, %v", tm, err)
	}
	if _, err := policy.ParseTerm(""); err == nil {
		t.Error("ParseTerm(\"\") = nil error")
	}
	if diff := cmp.Diff(8, len(policy.Channels())); diff != "" {
		t.Errorf("len(Channels()) mismatch (-want +got):\n%s", diff)
	}
}

func TestChannelKinds(t *testing.T) {
	var csp, direct []policy.Channel
	for _, c := range policy.Channels() {
		if c.IsCSP() {
			csp = append(csp, c)
		}
		if c.IsDirect() {
			direct = append(direct, c)
		}
	}
	if diff := cmp.Diff([]policy.Channel{policy.CSPNewCommerce, policy.CSPLegacy}, csp); diff != "" {
		t.Errorf("IsCSP mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]policy.Channel{policy.DirectMOSA, policy.DirectMCA}, direct); diff != "" {
		t.Errorf("IsDirect mismatch (-want +got):\n%s", diff)
	}
}

func TestTerms(t *testing.T) {
	months := map[policy.Term]int{policy.Monthly: 1, policy.Annual: 12, policy.MultiYear: 36, policy.Term(0): 0, policy.Term(9): 0}
	for term, want := range months {
		if got := term.Months(); got != want {
			t.Errorf("%v.Months() = %d, want %d", term, got, want)
		}
	}
	tests := []struct {
		name    string
		set     policy.TermSet
		want    string
		list    []policy.Term
		has     []policy.Term
		hasNone []policy.Term
	}{
		{"empty set means any term", 0, "any", nil, policy.Terms(), nil},
		{"one term", policy.TermsOf(policy.Annual), "annual", []policy.Term{policy.Annual}, []policy.Term{policy.Annual}, []policy.Term{policy.Monthly, policy.MultiYear}},
		{"two terms in declaration order", policy.TermsOf(policy.MultiYear, policy.Monthly), "monthly|multi-year",
			[]policy.Term{policy.Monthly, policy.MultiYear}, []policy.Term{policy.Monthly, policy.MultiYear}, []policy.Term{policy.Annual}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.set.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
			if diff := cmp.Diff(tt.list, tt.set.List()); diff != "" {
				t.Errorf("List() mismatch (-want +got):\n%s", diff)
			}
			for _, term := range tt.has {
				if !tt.set.Has(term) {
					t.Errorf("Has(%v) = false", term)
				}
			}
			for _, term := range tt.hasNone {
				if tt.set.Has(term) {
					t.Errorf("Has(%v) = true", term)
				}
			}
		})
	}
}
