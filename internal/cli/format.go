package cli

import (
	"strings"

	"github.com/lapse-go/lapse/internal/enumtext"
)

// Format is a command's output format, chosen with -format. The zero
// Format is invalid, so that a command that forgets to set a default
// notices; set one before parsing flags:
//
//	format := cli.Table
//	fs.Var(&format, "format", "output format: "+cli.FormatNames)
type Format uint8

// The output formats.
const (
	Table Format = 1 + iota // text in aligned columns, for people
	JSON                    // JSON, for programs
	CSV                     // comma-separated values (RFC 4180), for spreadsheets
)

var formatNames = []string{"", "table", "json", "csv"}

// FormatNames lists the names of the formats for a flag's usage:
// "table, json or csv".
const FormatNames = "table, json or csv"

// ParseFormat returns the format named s, in any case: "table", "json"
// or "csv". Spaces around s are ignored. The error is a [*ValueError].
func ParseFormat(s string) (Format, error) {
	if i := enumtext.Index(formatNames, strings.ToLower(strings.TrimSpace(s))); i > 0 {
		return Format(i), nil
	}
	return 0, &ValueError{What: "format", Value: s, Want: FormatNames}
}

// String returns the format's name, such as "json", or "%!Format(0)" for
// the zero Format and other invalid values.
func (f Format) String() string { return enumtext.String(f, formatNames, "Format") }

// Set implements [flag.Value]: it sets f to the format named s, as
// [ParseFormat] reads it.
func (f *Format) Set(s string) error {
	v, err := ParseFormat(s)
	if err != nil {
		return err
	}
	*f = v
	return nil
}
