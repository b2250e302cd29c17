package lifecycle_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/lifecycle/lifecycletest"
	"github.com/lapse-go/lapse/policy"
)

// renewable returns a subscription with recurring billing off, so that
// each Renew extends its term by one more term of the chain.
func renewable(t *testing.T, term policy.Term, start time.Time) lifecycle.Lifecycle {
	t.Helper()
	sub := mustNew(t, lifecycle.Spec{ID: "r", Channel: policy.DirectMOSA, Term: term, Start: start,
		End: mustDate(lifecycle.EndOfTerm(start, term)), Licenses: 5, PaymentMethod: true})
	lc, err := lifecycle.Judge(sub, builtin)
	if err != nil {
		t.Fatal(err)
	}
	return lc
}

// TestDefect2_RenewPastRange: Renew commands at one instant each extend
// the term by one more term; the one that would end it on or after
// 2200-01-01 is refused with a *HistoryError (ErrInvalid) naming the end
// date, and the lifecycle before it still answers (issue 12, defect 2: 79
// Renews overflowed int64 nanoseconds and reported the subscription
// Deleted since 2025 with TermEnd 1679-01-11; the three-year term here
// panicked at the 58th).
func TestDefect2_RenewPastRange(t *testing.T) {
	for _, c := range []struct {
		term     policy.Term
		accepted int        // Renews accepted before the refusal
		lastEnd  clock.Date // the term end after the last accepted Renew
	}{
		// 2026-01-01 + 3 years: 2028-12-31; each Renew adds three years.
		{policy.MultiYear, 57, day(2199, 12, 31)},
		{policy.Annual, 173, day(2199, 12, 31)},
	} {
		at := utc(2026, 1, 1, 9, 0)
		lc := renewable(t, c.term, at)
		cmd := lifecycle.Command{Kind: lifecycle.CmdRenew, Actor: lifecycle.GlobalAdmin}
		end := mustDate(lifecycle.EndOfTerm(at, c.term))
		n := 0
		for ; n < 400; n++ {
			next, err := lc.Apply(cmd, at.Add(time.Hour))
			if err != nil {
				var he *lifecycle.HistoryError
				if !errors.As(err, &he) || !errors.Is(err, lifecycle.ErrInvalid) || !strings.Contains(he.Reason, "supported range") {
					t.Fatalf("%v: Renew %d: %v, want a *HistoryError about the supported range", c.term, n, err)
				}
				if cerr := lc.Check(cmd, at.Add(time.Hour)); cerr == nil || cerr.Error() != err.Error() {
					t.Fatalf("Check = %v, Apply = %v", cerr, err)
				}
				break
			}
			st, err := next.At(at.Add(time.Hour))
			if err != nil {
				t.Fatal(err)
			}
			if !st.TermEnd().After(end) || st.State() != lifecycle.Active {
				t.Fatalf("%v: Renew %d: %v until %v after a term ending %v: ran backwards", c.term, n, st.State(), st.TermEnd(), end)
			}
			end, lc = st.TermEnd(), next
		}
		if n != c.accepted || end != c.lastEnd {
			t.Errorf("%v: %d Renews accepted, term ends %v; want %d, %v", c.term, n, end, c.accepted, c.lastEnd)
		}
		// Judge refuses the same history.
		spec := lc.Subscription().Spec()
		spec.History = append(spec.History, lifecycle.Event{Kind: lifecycle.Renew, At: at.Add(time.Hour)})
		if _, err := lifecycle.Judge(mustNew(t, spec), builtin); !errors.Is(err, lifecycle.ErrHistory) {
			t.Errorf("%v: Judge of %d Renews = %v, want ErrHistory", c.term, len(spec.History), err)
		}
		if _, err := lifecycle.Evaluate(mustNew(t, spec), builtin, at.Add(2*time.Hour)); !errors.Is(err, lifecycle.ErrHistory) {
			t.Errorf("%v: Evaluate of %d Renews = %v, want ErrHistory", c.term, len(spec.History), err)
		}
	}
}

// TestDefect2_NewTermPastRange: a command that starts a new term (Renew
// in Expired) late in 2199 would end it past the range: refused; the same
// command a term earlier is accepted.
func TestDefect2_NewTermPastRange(t *testing.T) {
	start := utc(2197, 12, 15, 9, 0)
	lc := renewable(t, policy.Annual, start) // ends 2198-12-14, then Expired for 30 days
	cmd := lifecycle.Command{Kind: lifecycle.CmdRenew, Actor: lifecycle.GlobalAdmin}
	for _, c := range []struct {
		at time.Time
		ok bool
	}{
		{utc(2198, 12, 31, 23, 0), true}, // the new term ends 2199-12-30
		{utc(2199, 1, 1, 23, 0), true},   // it ends 2199-12-31, the last day in range
		{utc(2199, 1, 2, 0, 0), false},   // it would end 2200-01-01
	} {
		if st, err := lc.At(c.at); err != nil || st.State() != lifecycle.Expired {
			t.Fatalf("At(%v) = %v, %v; want expired", c.at, st.State(), err)
		}
		_, err := lc.Apply(cmd, c.at)
		if cerr := lc.Check(cmd, c.at); (cerr == nil) != (err == nil) {
			t.Errorf("Check = %v, Apply = %v", cerr, err)
		}
		if c.ok && err != nil {
			t.Errorf("Renew at %v: %v", c.at, err)
		}
		if !c.ok && err == nil {
			t.Errorf("Renew at %v accepted", c.at)
		}
	}
}

// propApplyStaysInRange issues commands, in bursts at one instant and in
// long jumps towards 2200, against generated subscriptions. An accepted
// Apply never makes the timeline run backwards (phases contiguous and in
// order, the term end never earlier after a Renew) nor the subscription
// Deleted unless the command means deletion (CancelNow, Delete); a
// command refused for leaving the supported range is a *HistoryError
// matching ErrInvalid, any other refusal a *RefusalError; nothing panics.
func propApplyStaysInRange(t *rapid.T) {
	c := lifecycletest.Cases(builtin, false).Draw(t, "case")
	lc, err := lifecycle.Judge(c.Sub, c.Table)
	if err != nil {
		t.Fatalf("Judge: %v", err)
	}
	now := lastInstant(c.Sub)
	limit := date(2199, 12, 31)
	for range rapid.IntRange(1, 20).Draw(t, "steps") {
		switch rapid.IntRange(0, 3).Draw(t, "jump") {
		case 0: // the same instant
		case 1:
			now = now.Add(time.Duration(rapid.Int64Range(0, int64(90*24*time.Hour)).Draw(t, "dt")))
		default:
			now = now.AddDate(rapid.IntRange(0, 60).Draw(t, "years"), 0, 0)
		}
		if now.After(limit) {
			now = limit
		}
		cmd := drawCommand(t)
		if rapid.Bool().Draw(t, "renew") {
			cmd.Kind, cmd.Actor = lifecycle.CmdRenew, lifecycle.GlobalAdmin
		}
		before, err := lc.At(now)
		if err != nil {
			t.Fatalf("At(%v): %v", now, err)
		}
		for range rapid.IntRange(1, 80).Draw(t, "burst") {
			next, err := lc.Apply(cmd, now)
			if err != nil {
				var he *lifecycle.HistoryError
				var re *lifecycle.RefusalError
				switch {
				case errors.As(err, &he) && strings.Contains(he.Reason, "supported range"):
				case errors.As(err, &re):
				default:
					t.Fatalf("Apply(%v at %v): %v is neither a refusal nor out of range", cmd, now, err)
				}
				break
			}
			after, err := next.At(now)
			if err != nil {
				t.Fatalf("At after Apply(%v at %v): %v", cmd, now, err)
			}
			if after.State() == lifecycle.Deleted && before.State() != lifecycle.Deleted &&
				cmd.Kind != lifecycle.CmdDelete && cmd.Kind != lifecycle.CmdCancelNow {
				t.Fatalf("Apply(%v at %v): Deleted from %v", cmd, now, before.State())
			}
			if cmd.Kind == lifecycle.CmdRenew && before.State() == lifecycle.Active && after.TermEnd().Before(before.TermEnd()) {
				t.Fatalf("Renew at %v: term end %v before %v", now, after.TermEnd(), before.TermEnd())
			}
			ph := next.Phases()
			for i := range ph {
				if !ph[i].End.IsZero() && !ph[i].Start.Before(ph[i].End) {
					t.Fatalf("phase %d runs backwards: %+v", i, ph[i])
				}
				if i > 0 && !ph[i].Start.Equal(ph[i-1].End) {
					t.Fatalf("phase %d starts at %v, phase %d ends at %v", i, ph[i].Start, i-1, ph[i-1].End)
				}
			}
			if ph[len(ph)-1].Start.Year() > 2300 || ph[0].Start.Year() < 1900 {
				t.Fatalf("phases outside any sane range: %v … %v", ph[0].Start, ph[len(ph)-1].Start)
			}
			lc, before = next, after
		}
	}
}

func TestApplyStaysInRange(t *testing.T) { rapid.Check(t, propApplyStaysInRange) }
