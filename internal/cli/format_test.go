package cli

import (
	"errors"
	"flag"
	"testing"
)

func TestParseFormat(t *testing.T) {
	tests := []struct {
		in   string
		want Format // 0 for an error
	}{
		{"table", Table},
		{"json", JSON},
		{"csv", CSV},
		{"JSON", JSON},
		{" Csv ", CSV},
		{"xml", 0},
		{"", 0},
		{"%!Format(0)", 0},
	}
	for _, tt := range tests {
		got, err := ParseFormat(tt.in)
		if tt.want == 0 {
			want := `bad format "` + tt.in + `"; want table, json or csv`
			var ve *ValueError
			if !errors.As(err, &ve) || err.Error() != want || got != 0 {
				t.Errorf("ParseFormat(%q) = %v, %v; want the *ValueError %q", tt.in, got, err, want)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseFormat(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestFormatString(t *testing.T) {
	tests := []struct {
		f    Format
		want string
	}{
		{0, "%!Format(0)"},
		{Table, "table"},
		{JSON, "json"},
		{CSV, "csv"},
		{4, "%!Format(4)"},
	}
	for _, tt := range tests {
		if got := tt.f.String(); got != tt.want {
			t.Errorf("Format(%d).String() = %q, want %q", uint8(tt.f), got, tt.want)
		}
		if tt.f.String()[0] != '%' {
			if back, err := ParseFormat(tt.f.String()); err != nil || back != tt.f {
				t.Errorf("ParseFormat(%v.String()) = %v, %v", tt.f, back, err)
			}
		}
	}
}

// TestFormatFlag checks Format as a flag.Value: the default stays until
// set, a bad value is a usage error naming the flag, and the help shows
// the default.
func TestFormatFlag(t *testing.T) {
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	format := Table
	fs.Var(&format, "format", "output format: "+FormatNames)
	if _, err := Parse(fs, nil); err != nil || format != Table {
		t.Fatalf("no -format: %v, %v; want table", format, err)
	}
	if _, err := Parse(fs, []string{"-format", "CSV"}); err != nil || format != CSV {
		t.Fatalf("-format CSV: %v, %v; want csv", format, err)
	}
	_, err := Parse(fs, []string{"-format=xml"})
	if want := `-format: bad format "xml"; want table, json or csv`; err == nil || err.Error() != want || Code(err) != ExitUsage {
		t.Errorf("-format=xml: %v; want the usage error %q", err, want)
	}
	if format != CSV {
		t.Errorf("-format=xml changed the format to %v", format)
	}
	if f := fs.Lookup("format"); f.DefValue != "table" {
		t.Errorf("-format's default is %q, want table", f.DefValue)
	}
}
