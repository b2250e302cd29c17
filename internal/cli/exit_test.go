package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"testing"
)

// multi is an error of several problems, as the policy loader returns.
type multi []error

func (m multi) Error() string   { return fmt.Sprintf("%d problems", len(m)) }
func (m multi) Unwrap() []error { return m }

func TestReport(t *testing.T) {
	bad := &ValueError{What: "date", Value: "x", Want: "YYYY-MM-DD"}
	tests := []struct {
		name     string
		err      error
		wantCode int
		wantOut  string
	}{
		{"nil", nil, ExitOK, ""},
		{"help", flag.ErrHelp, ExitOK, ""},
		{"finding", ErrFinding, ExitFinding, ""},
		{"wrapped finding", fmt.Errorf("diff: %w", ErrFinding), ExitFinding, ""},
		{"error", errors.New("policy: no rule"), ExitFinding, "p c: policy: no rule\n"},
		{"value error alone", bad, ExitFinding, "p c: bad date \"x\"; want YYYY-MM-DD\n"},
		{"usage", Usagef("no file given"), ExitUsage, "p c: no file given\n"},
		{"flag", FlagError("at", bad), ExitUsage, "p c: -at: bad date \"x\"; want YYYY-MM-DD\n"},
		{"wrapped usage", fmt.Errorf("loading: %w", Usagef("bad")), ExitUsage, "p c: loading: bad\n"},
		{"joined", errors.Join(FlagError("at", bad), errors.New("other")), ExitUsage, "p c: -at: bad date \"x\"; want YYYY-MM-DD\np c: other\n"},
		{"joined findings", errors.Join(errors.New("a"), ErrFinding, errors.New("b")), ExitFinding, "p c: a\np c: b\n"},
		{"nested", multi{errors.New("a"), errors.Join(errors.New("b"), errors.New("c"))}, ExitFinding, "p c: a\np c: b\np c: c\n"},
		{"lines", errors.New("one\ntwo"), ExitFinding, "p c: one\np c: two\n"},
	}
	for _, tt := range tests {
		var w bytes.Buffer
		code := Report(&w, "p c", tt.err)
		if code != tt.wantCode || w.String() != tt.wantOut {
			t.Errorf("%s: Report = %d, %q; want %d, %q", tt.name, code, w.String(), tt.wantCode, tt.wantOut)
		}
		if got := Code(tt.err); got != code {
			t.Errorf("%s: Code = %d, Report = %d", tt.name, got, code)
		}
	}
	var w bytes.Buffer
	Report(&w, "", errors.New("plain"))
	if w.String() != "plain\n" {
		t.Errorf("Report without prefix wrote %q, want %q", w.String(), "plain\n")
	}
}

func TestFlagError(t *testing.T) {
	inner := errors.New("bad")
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"plain", inner, "-at: bad"},
		{"usage without flag", Usagef("bad"), "-at: bad"},
		{"usage with flag", FlagError("tz", inner), "-at: -tz: bad"},
	}
	for _, tt := range tests {
		err := FlagError("at", tt.err)
		var u *UsageError
		if !errors.As(err, &u) || u.Flag != "at" || err.Error() != tt.want {
			t.Errorf("%s: FlagError = %v; want the usage error %q of -at", tt.name, err, tt.want)
		}
	}
	if err := FlagError("at", nil); err != nil {
		t.Errorf("FlagError(at, nil) = %v, want nil", err)
	}
	if !errors.Is(FlagError("at", inner), inner) {
		t.Error("FlagError(at, err) does not wrap err")
	}
	if got := (&UsageError{}).Error(); got != "usage error" {
		t.Errorf("zero UsageError = %q, want %q", got, "usage error")
	}
	if got := (&UsageError{Flag: "at"}).Error(); got != "-at: usage error" {
		t.Errorf("UsageError{Flag: at} = %q, want %q", got, "-at: usage error")
	}
}
