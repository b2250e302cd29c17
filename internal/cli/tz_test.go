package cli

import (
	"errors"
	"testing"
	"time"
)

func TestParseTZ(t *testing.T) {
	const want = "; want UTC, Local, an offset such as +02:00, or an IANA name such as Europe/Berlin"
	tests := []struct {
		in         string
		wantName   string // the location's name; "" for an error
		wantOffset int    // at 2026-06-01T00:00Z, in seconds east of UTC
		wantErr    string
	}{
		{in: "UTC", wantName: "UTC"},
		{in: "utc", wantName: "UTC"},
		{in: "Local", wantName: "Local"},
		{in: "LOCAL", wantName: "Local"},
		{in: "Europe/Berlin", wantName: "Europe/Berlin", wantOffset: 2 * 3600},
		{in: " Asia/Kolkata ", wantName: "Asia/Kolkata", wantOffset: 5*3600 + 1800},
		{in: "+02:00", wantName: "+02:00", wantOffset: 2 * 3600},
		{in: "-05:30", wantName: "-05:30", wantOffset: -(5*3600 + 1800)},
		{in: "-12:00", wantName: "-12:00", wantOffset: -12 * 3600},
		{in: "+14:00", wantName: "+14:00", wantOffset: 14 * 3600},
		{in: "-12:01", wantErr: `bad time zone "-12:01": offsets run from -12:00 to +14:00` + want},
		{in: "+14:01", wantErr: `bad time zone "+14:01": offsets run from -12:00 to +14:00` + want},
		{in: "+25:00", wantErr: `bad time zone "+25:00": time zone offset hour out of range` + want},
		{in: "+2", wantErr: `bad time zone "+2"` + want},
		{in: "Europe/Berln", wantErr: `bad time zone "Europe/Berln": no such time zone` + want},
		{in: "CEST", wantErr: `bad time zone "CEST": no such time zone` + want},
		{in: "../etc/passwd", wantErr: `bad time zone "../etc/passwd": no such time zone` + want},
		{in: "", wantErr: `bad time zone "": empty` + want},
	}
	at := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		got, err := ParseTZ(tt.in)
		if tt.wantErr != "" {
			var ve *ValueError
			if !errors.As(err, &ve) || err.Error() != tt.wantErr || got != nil {
				t.Errorf("ParseTZ(%q) = %v, %v; want the *ValueError %q", tt.in, got, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseTZ(%q) error: %v", tt.in, err)
			continue
		}
		if got.String() != tt.wantName {
			t.Errorf("ParseTZ(%q) = %v, want %v", tt.in, got, tt.wantName)
		}
		if tt.wantName == "Local" {
			continue // the system's, whatever it is
		}
		if _, off := at.In(got).Zone(); off != tt.wantOffset {
			t.Errorf("ParseTZ(%q) offset at %v = %d, want %d", tt.in, at, off, tt.wantOffset)
		}
	}
}
