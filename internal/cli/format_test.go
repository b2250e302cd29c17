package cli

import (
	"errors"
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
