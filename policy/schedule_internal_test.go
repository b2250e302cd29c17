package policy

import (
	"math"
	"testing"
	"time"
)

func TestUnixNano(t *testing.T) {
	minT := time.Unix(0, math.MinInt64).UTC() // 1677-09-21T00:12:43.145224192Z
	maxT := time.Unix(0, math.MaxInt64).UTC() // 2262-04-11T23:47:16.854775807Z
	ns := time.Nanosecond
	tests := []struct {
		name string
		t    time.Time
		want int64
	}{
		{"year 1", time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), math.MinInt64},
		{"1600", time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC), math.MinInt64},
		{"a second before the least", minT.Add(-time.Second), math.MinInt64},
		{"just before the least", minT.Add(-ns), math.MinInt64},
		{"the least", minT, math.MinInt64},
		{"just after the least", minT.Add(ns), math.MinInt64 + 1},
		{"the epoch", time.Unix(0, 0), 0},
		{"just before the epoch", time.Unix(0, -1), -1},
		{"2026 in another zone", time.Date(2026, 3, 31, 8, 0, 0, 5, time.FixedZone("UTC+8", 8*3600)), time.Date(2026, 3, 31, 0, 0, 0, 5, time.UTC).UnixNano()},
		{"just before the greatest", maxT.Add(-ns), math.MaxInt64 - 1},
		{"the greatest", maxT, math.MaxInt64},
		{"just after the greatest", maxT.Add(ns), math.MaxInt64},
		{"9999", time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC), math.MaxInt64},
	}
	for _, tt := range tests {
		if got := unixNano(tt.t); got != tt.want {
			t.Errorf("unixNano(%s: %v) = %d, want %d", tt.name, tt.t, got, tt.want)
		}
	}
}
