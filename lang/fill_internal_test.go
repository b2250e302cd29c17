package lang

import "testing"

func TestFill(t *testing.T) {
	tests := []struct{ f, want string }{
		{"%[2]s %[1]s, %[3]s", "July 29, 2026"},
		{"%[1]s. %[2]s %[3]s", "29. July 2026"},
		{"%[4]s", "2026-07-29"},
		{"no verbs", "no verbs"},
		{"", ""},
		{"%[1]s%[1]s", "2929"},
		{"%[5]s and %[0]s stay", "%[5]s and %[0]s stay"}, // no such argument
		{"100% %[ %[1] %[1]d end %[", "100% %[ %[1] %[1]d end %["},
	}
	for _, tt := range tests {
		if got := fill(tt.f, "29", "July", "2026", "2026-07-29"); got != tt.want {
			t.Errorf("fill(%q) = %q, want %q", tt.f, got, tt.want)
		}
	}
}
