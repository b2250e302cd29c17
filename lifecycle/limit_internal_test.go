package lifecycle

import (
	"errors"
	"testing"
	"time"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/policy"
)

// monthlyMOSA judges a five-license monthly MOSA subscription bought on
// 2026-01-10 at 09:00 UTC against the built-in table, for the internal
// Apply tests, and returns its start.
func monthlyMOSA(t *testing.T) (time.Time, Lifecycle) {
	t.Helper()
	start := time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC)
	sub, err := New(Spec{Channel: policy.DirectMOSA, Term: policy.Monthly, Start: start, End: clock.DateOf(start).AddDays(30), // 2026-02-09
		Licenses: 5, RecurringBilling: true, PaymentMethod: true})
	if err != nil {
		t.Fatal(err)
	}
	lc, err := Judge(sub, policy.Builtin())
	if err != nil {
		t.Fatal(err)
	}
	return start, lc
}

// TestApplyHistoryLimit: Apply refuses the command that would append the
// event after MaxEvents with a *HistoryLimitError. (A real history of a
// million events takes a second and 200 MB to build; the subscription
// here only says it holds that many, which is all extend reads before it
// refuses. Every other Apply test is below the limit.)
func TestApplyHistoryLimit(t *testing.T) {
	start, lc := monthlyMOSA(t)
	cmd := Command{Kind: CmdAssignLicenses, Actor: GlobalAdmin, Assigned: 2}
	for _, c := range []struct {
		n  int // events the history claims to hold
		ok bool
	}{{MaxEvents, false}, {MaxEvents + 5, false}} {
		full := *lc.s
		full.ts = make([]int64, c.n)
		big := lc
		big.s = &full
		_, err := big.Apply(cmd, start.Add(time.Hour))
		var he *HistoryLimitError
		switch {
		case c.ok && err != nil:
			t.Errorf("Apply after %d events: %v", c.n, err)
		case !c.ok && (!errors.As(err, &he) || he.Len != c.n+1 || !errors.Is(err, ErrHistoryLimit) || !errors.Is(err, ErrInvalid)):
			t.Errorf("Apply after %d events = %v; want a *HistoryLimitError", c.n, err)
		}
	}
}
