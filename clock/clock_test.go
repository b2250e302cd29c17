package clock

import (
	"sync"
	"testing"
	"time"
)

var (
	_ Clock = System()
	_ Clock = Func(nil)
)

func TestSystemNowIsBetweenSurroundingReads(t *testing.T) {
	c := System()
	before := time.Now()
	got := c.Now()
	after := time.Now()
	if got.Before(before) || got.After(after) {
		t.Errorf("System().Now() = %v, want within [%v, %v]", got, before, after)
	}
}

func TestSystemNowMovesForward(t *testing.T) {
	c := System()
	first := c.Now()
	time.Sleep(time.Millisecond)
	second := c.Now()
	if !second.After(first) {
		t.Errorf("System().Now() did not move forward: first %v, second %v", first, second)
	}
}

func TestSystemReturnsEqualValues(t *testing.T) {
	if System() != System() {
		t.Error("System() != System(), want equal values")
	}
}

func TestSystemNowConcurrent(t *testing.T) {
	c := System()
	var wg sync.WaitGroup
	for range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 100 {
				if c.Now().IsZero() {
					t.Error("System().Now() returned the zero time")
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestFuncNow(t *testing.T) {
	fixed := time.Date(2024, time.February, 29, 23, 59, 59, 999_999_999, time.FixedZone("UTC+5", 5*60*60))
	tests := []struct {
		name   string
		reason string
		f      Func
		want   time.Time
	}{
		{
			name:   "nil",
			reason: "the zero Func is a clock stopped at the zero time",
			f:      nil,
			want:   time.Time{},
		},
		{
			name:   "fixed",
			reason: "Now returns exactly what the function returns",
			f:      func() time.Time { return fixed },
			want:   fixed,
		},
		{
			name:   "zero time",
			reason: "a function returning the zero time is passed through",
			f:      func() time.Time { return time.Time{} },
			want:   time.Time{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.f.Now()
			if !got.Equal(tt.want) {
				t.Errorf("Func.Now() = %v, want %v (%s)", got, tt.want, tt.reason)
			}
			if got.Location().String() != tt.want.Location().String() {
				t.Errorf("Func.Now().Location() = %v, want %v (%s)", got.Location(), tt.want.Location(), tt.reason)
			}
		})
	}
}

func TestFuncCallsFunctionEachTime(t *testing.T) {
	calls := 0
	start := time.Date(2025, time.January, 31, 0, 0, 0, 0, time.UTC)
	c := Func(func() time.Time {
		calls++
		return start.Add(time.Duration(calls) * time.Second)
	})
	for i := 1; i <= 3; i++ {
		want := start.Add(time.Duration(i) * time.Second)
		if got := c.Now(); !got.Equal(want) {
			t.Errorf("call %d: Func.Now() = %v, want %v", i, got, want)
		}
	}
	if calls != 3 {
		t.Errorf("function called %d times, want 3", calls)
	}
}
