// Package enumtext gives lapse's small enums their text names. Each enum is
// a ~uint8 whose zero value is invalid, with a names slice whose element 0
// is "", so that the zero value never has a name. Errors stay with the
// packages that own the enums, so that each can name its own field.
package enumtext

import "fmt"

// Valid reports whether v has a name.
func Valid[T ~uint8](v T, names []string) bool { return v > 0 && int(v) < len(names) }

// String returns v's name, or "%!Type(n)" for a value without one, as
// package time does for an invalid Month.
func String[T ~uint8](v T, names []string, typ string) string {
	if Valid(v, names) {
		return names[v]
	}
	return fmt.Sprintf("%%!%s(%d)", typ, uint8(v))
}

// Index returns the value named s, or 0 (invalid) when no value has that
// name.
func Index(names []string, s string) int {
	for i := 1; i < len(names); i++ {
		if names[i] == s {
			return i
		}
	}
	return 0
}
