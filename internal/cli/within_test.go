package cli

import (
	"errors"
	"testing"
	"time"
)

func TestParseWithin(t *testing.T) {
	const want = "; want days (14d), weeks (2w), hours (36h) or a Go duration (1h30m)"
	const day = 24 * time.Hour
	tests := []struct {
		in      string
		want    time.Duration
		wantErr string
	}{
		{in: "14d", want: 14 * day},
		{in: "2w", want: 14 * day},
		{in: "36h", want: 36 * time.Hour},
		{in: "1h30m", want: 90 * time.Minute},
		{in: "1.5h", want: 90 * time.Minute},
		{in: "+3d", want: 3 * day},
		{in: " 2w ", want: 14 * day},
		{in: "1d", want: day},

		// The shortest: a minute.
		{in: "59s", wantErr: `bad duration "59s": less than a minute` + want},
		{in: "1m", want: time.Minute},
		{in: "61s", want: 61 * time.Second},
		{in: "1ns", wantErr: `bad duration "1ns": less than a minute` + want},

		// The longest: 3660 days.
		{in: "3660d", want: 3660 * day},
		{in: "3661d", wantErr: `bad duration "3661d": more than 3660d (about 10 years)` + want},
		{in: "87840h", want: 3660 * day},
		{in: "87840h0.000000001s", wantErr: `bad duration "87840h0.000000001s": more than 3660d (about 10 years)` + want},
		{in: "522w", want: 522 * 7 * day},
		{in: "523w", wantErr: `bad duration "523w": more than 3660d (about 10 years)` + want},
		{in: "99999999999999999999d", wantErr: `bad duration "99999999999999999999d": more than 3660d (about 10 years)` + want},
		{in: "2562047h", wantErr: `bad duration "2562047h": more than 3660d (about 10 years)` + want},

		// Zero and less.
		{in: "0d", wantErr: `bad duration "0d": must be more than zero` + want},
		{in: "0s", wantErr: `bad duration "0s": must be more than zero` + want},
		{in: "-3d", wantErr: `bad duration "-3d": must be more than zero` + want},
		{in: "-1h", wantErr: `bad duration "-1h": must be more than zero` + want},

		// Not in any form.
		{in: "14", wantErr: `bad duration "14": a number needs a unit` + want},
		{in: "0", wantErr: `bad duration "0": a number needs a unit` + want},
		{in: "1.5d", wantErr: `bad duration "1.5d": days and weeks are whole numbers` + want},
		{in: "3y", wantErr: `bad duration "3y"` + want},
		{in: "14D", wantErr: `bad duration "14D"` + want},
		{in: "2w3d", wantErr: `bad duration "2w3d"` + want},
		{in: "d", wantErr: `bad duration "d"` + want},
		{in: "", wantErr: `bad duration "": empty` + want},
	}
	for _, tt := range tests {
		got, err := ParseWithin(tt.in)
		if tt.wantErr != "" {
			var ve *ValueError
			if !errors.As(err, &ve) || err.Error() != tt.wantErr {
				t.Errorf("ParseWithin(%q) = %v, %v; want the *ValueError %q", tt.in, got, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseWithin(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}
