package enumtext

import "testing"

type color uint8

var colorNames = []string{"", "red", "green"}

func TestString(t *testing.T) {
	tests := []struct {
		v    color
		want string
	}{
		{0, "%!color(0)"},
		{1, "red"},
		{2, "green"},
		{3, "%!color(3)"},
		{255, "%!color(255)"},
	}
	for _, tt := range tests {
		if got := String(tt.v, colorNames, "color"); got != tt.want {
			t.Errorf("String(%d) = %q, want %q", tt.v, got, tt.want)
		}
		if got, want := Valid(tt.v, colorNames), tt.v == 1 || tt.v == 2; got != want {
			t.Errorf("Valid(%d) = %v, want %v", tt.v, got, want)
		}
	}
}

func TestIndex(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"red", 1},
		{"green", 2},
		{"", 0},
		{"blue", 0},
		{"Red", 0},
	}
	for _, tt := range tests {
		if got := Index(colorNames, tt.s); got != tt.want {
			t.Errorf("Index(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}
