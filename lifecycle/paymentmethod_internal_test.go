package lifecycle

import "testing"

// TestIsCountry: two capital letters A–Z, the ends of the range included;
// the bytes either side of it, lower case and other lengths are not a
// country code (R-PAY-4 compares the tenant's and the method's).
func TestIsCountry(t *testing.T) {
	for s, want := range map[string]bool{
		"AA": true, "ZZ": true, "AZ": true, "ZA": true, "CL": true,
		"@A": false, "A@": false, "[A": false, "A[": false, "aa": false,
		"A": false, "ABC": false, "": false,
	} {
		if got := isCountry(s); got != want {
			t.Errorf("isCountry(%q) = %v, want %v", s, got, want)
		}
	}
}
