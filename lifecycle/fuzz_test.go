package lifecycle_test

import (
	"encoding/binary"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// fuzzReader hands out values from the fuzz input, zeros once it is spent.
type fuzzReader struct{ b []byte }

func (r *fuzzReader) u8() uint8 {
	if len(r.b) == 0 {
		return 0
	}
	v := r.b[0]
	r.b = r.b[1:]
	return v
}

func (r *fuzzReader) i16() int {
	if len(r.b) < 2 {
		r.b = nil
		return 0
	}
	v := int16(binary.LittleEndian.Uint16(r.b))
	r.b = r.b[2:]
	return int(v)
}

func (r *fuzzReader) i32() int64 {
	if len(r.b) < 4 {
		r.b = nil
		return 0
	}
	v := int32(binary.LittleEndian.Uint32(r.b))
	r.b = r.b[4:]
	return int64(v)
}

// fuzzInput builds an arbitrary, possibly invalid, subscription, policy
// table and instant from the fuzz bytes: unknown enums, negative or huge
// counts, events out of order or in impossible states, instants before
// the built-in table's first version or out of range. The table is the
// built-in one, or sometimes a pinned version with perturbed (possibly
// invalid) rules; pinErr is policy.Pin's error when it refused them (the
// table is then the built-in one).
func fuzzInput(data []byte) (spec lifecycle.Spec, table *policy.Table, at time.Time, pinErr error) {
	r := &fuzzReader{data}
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	spec = lifecycle.Spec{
		Channel:          policy.Channel(r.u8() % 10),
		Term:             policy.Term(r.u8() % 5),
		Start:            base.Add(time.Duration(r.i32()/16) * time.Minute), // ±255 years
		Licenses:         int(int8(r.u8())),
		Assigned:         int(int8(r.u8())),
		Trial:            r.u8()%3 == 0,
		PaymentMethod:    r.u8()%2 == 0,
		RecurringBilling: r.u8()%2 == 0,
		ProductKey:       r.u8()%5 == 0,
		NonUser:          r.u8()%5 == 0,
	}
	spec.End = clock.DateOf(spec.Start.UTC().AddDate(0, 0, r.i16()/16))
	if r.u8()%8 == 0 { // an invalid or zero end date
		spec.End = clock.Date{Year: int(r.i16()), Month: time.Month(r.u8() % 14), Day: int(r.u8() % 33)}
	}
	if spec.Term.IsValid() && r.u8()%2 == 0 {
		if end, err := lifecycle.EndOfTerm(spec.Start, spec.Term); err == nil {
			spec.End = end
		}
	}
	at = spec.Start
	for n := r.u8() % 10; n > 0; n-- {
		at = at.Add(time.Duration(r.i16()) * time.Hour / 4)
		spec.History = append(spec.History, lifecycle.Event{
			Kind: lifecycle.EventKind(r.u8() % 15), At: at, Actor: lifecycle.Role(r.u8() % 12),
			Licenses: int(int8(r.u8())), Assigned: int(int8(r.u8())),
		})
	}
	at = at.Add(time.Duration(r.i32()/16) * time.Minute)
	table = policy.Builtin()
	perturb := r.u8() % 16
	if perturb < 8 {
		return spec, table, at, nil
	}
	key := policy.Key{Channel: spec.Channel, Term: spec.Term}
	if !key.Channel.IsValid() {
		key.Channel = policy.DirectMOSA
	}
	if !key.Term.IsValid() {
		key.Term = policy.Annual
	}
	rules, err := table.Lookup(key, spec.End.UTC())
	if err != nil {
		rules, _ = table.Lookup(key, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	}
	switch perturb % 8 { // perturb the rules, sometimes into invalid ones
	case 1:
		rules.ExpiredDays = r.i16()
	case 2:
		rules.DisabledDays = r.i16()
	case 3:
		rules.ExpiryAnchor = policy.ExpiryAnchor(r.u8() % 4)
	case 4:
		rules.Reactivation.ExplicitDeleteHours = r.i16()
	case 5:
		rules.Trial.ExpiredDays, rules.Suspension.MaxDays = r.i16(), r.i16()
	case 6:
		rules.Purge.CancelNotBeforeDays, rules.Purge.CancelDeadlineDays = r.i16(), r.i16()
	case 7:
		rules.Channel = policy.Channel(r.u8() % 10)
	}
	pinned, err := policy.Pin(rules)
	if err != nil {
		return spec, table, at, err
	}
	return spec, pinned, at, nil
}

// fuzzSeed encodes, in fuzzInput's layout, a paid subscription with
// payment method and recurring billing on, its first term a whole term,
// the history, the instant and the table choice (perturb below 8: the
// built-in table) with its perturbation bytes. Instants are whole minutes
// from 2024-01-01 − 255 years on; events are whole quarter-hours apart,
// at most 341 days.
func fuzzSeed(ch policy.Channel, term policy.Term, start time.Time, licenses, assigned uint8, history []lifecycle.Event, at time.Time, perturb uint8, extra ...byte) []byte {
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	i32 := func(b []byte, v int64) []byte { return binary.LittleEndian.AppendUint32(b, uint32(int32(v))) }
	i16 := func(b []byte, v int64) []byte { return binary.LittleEndian.AppendUint16(b, uint16(int16(v))) }
	b := []byte{uint8(ch), uint8(term)}
	b = i32(b, int64(start.Sub(base)/time.Minute)*16)
	b = append(b, licenses, assigned, 1, 0, 0, 1, 1) // not a trial, payment method, recurring billing, no product key, per user
	b = i16(b, 0)
	b = append(b, 0, uint8(len(history))) // EndOfTerm
	prev := start
	for _, e := range history {
		b = i16(b, int64(e.At.Sub(prev)/(15*time.Minute)))
		b = append(b, uint8(e.Kind), uint8(e.Actor), uint8(e.Licenses), uint8(e.Assigned))
		prev = e.At
	}
	b = i32(b, int64(at.Sub(prev)/time.Minute)*16)
	return append(append(b, perturb), extra...)
}

// checkTyped fails unless err is nil or a typed error matching ErrInvalid.
func checkTyped(t *testing.T, fn string, err error) {
	t.Helper()
	if err == nil {
		return
	}
	var fe *lifecycle.FieldError
	var he *lifecycle.HistoryError
	var re *lifecycle.RulesError
	if !errors.Is(err, lifecycle.ErrInvalid) || (!errors.As(err, &fe) && !errors.As(err, &he) && !errors.As(err, &re)) {
		t.Fatalf("%s: error %T %v is not a typed ErrInvalid", fn, err, err)
	}
}

// FuzzEvaluate: nothing panics; every error is a typed ErrInvalid naming
// what is wrong; Judge and Timeline agree; Evaluate gives the answers of
// Judge followed by Lifecycle.At, as known at the instant (a history that
// Judge refuses for an event after the instant is still answered, as the
// history up to the instant); the phase that holds the instant is the one
// At reports, at every phase boundary too; and the location of the
// instant changes nothing.
func FuzzEvaluate(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{7, 2, 9, 0, 0, 0, 10, 10, 3, 0, 0, 1, 1, 0, 0, 1, 4, 0, 0, 7, 3, 8, 0, 0, 3, 0, 0, 0, 0, 200, 0, 0, 0})
	f.Add([]byte{1, 1, 0, 0, 0, 0, 5, 5, 0, 0, 0, 1, 1, 0, 0, 1, 2, 96, 0, 3, 0, 0, 0, 240, 0, 6, 0, 0, 0, 40, 0, 5, 0, 0, 0, 0, 0, 1, 0, 0, 0})
	ev := func(k lifecycle.EventKind, at time.Time, actor lifecycle.Role) lifecycle.Event {
		return lifecycle.Event{Kind: k, At: at, Actor: actor}
	}
	// AC-01…AC-07 at 2026-04-15T09:00Z, by the built-in table.
	f.Add(fuzzSeed(policy.DirectMOSA, policy.Annual, utc(2025, 4, 1, 10, 0), 10, 8,
		[]lifecycle.Event{ev(lifecycle.RecurringBillingOff, utc(2026, 2, 1, 12, 0), lifecycle.BillingAdmin)}, utc(2026, 4, 15, 9, 0), 0))
	// A monthly MCA subscription whose last term ends after 2026-02-09
	// (R-LC-14), by the built-in table and with pinned Expired days.
	mca := []lifecycle.Event{ev(lifecycle.RecurringBillingOff, utc(2026, 1, 20, 9, 0), lifecycle.BillingAccountOwner)}
	f.Add(fuzzSeed(policy.DirectMCA, policy.Monthly, utc(2025, 12, 15, 9, 0), 5, 5, mca, utc(2026, 3, 1, 0, 0), 0))
	f.Add(fuzzSeed(policy.DirectMCA, policy.Monthly, utc(2025, 12, 15, 9, 0), 5, 5, mca, utc(2026, 3, 1, 0, 0), 9, 45, 0))
	// A CSP cancellation in the window made retroactive on 2022-03-01
	// (R-CAN-14).
	f.Add(fuzzSeed(policy.CSPNewCommerce, policy.Annual, utc(2022, 2, 25, 10, 0), 10, 10,
		[]lifecycle.Event{ev(lifecycle.CancelNow, utc(2022, 3, 3, 9, 0), lifecycle.Partner)}, utc(2022, 3, 4, 0, 0), 0))
	// An impossible event after the instant asked.
	f.Add(fuzzSeed(policy.DirectMOSA, policy.Annual, utc(2025, 4, 1, 10, 0), 10, 8,
		[]lifecycle.Event{ev(lifecycle.Unsuspend, utc(2026, 2, 1, 9, 0), 0)}, utc(2026, 2, 1, 8, 0), 0))
	f.Fuzz(func(t *testing.T, data []byte) {
		spec, table, at, pinErr := fuzzInput(data)
		if pinErr != nil && !errors.Is(pinErr, policy.ErrInvalid) {
			t.Fatalf("Pin error %v does not match policy.ErrInvalid", pinErr)
		}
		sub, err := lifecycle.New(spec)
		if err != nil {
			if !errors.Is(err, lifecycle.ErrInvalid) || !sub.IsZero() {
				t.Fatalf("New() error %v: not ErrInvalid, or a non-zero Subscription", err)
			}
			// A zero subscription is reported, not a panic.
			if _, err := lifecycle.Evaluate(sub, table, at); !errors.Is(err, lifecycle.ErrInvalid) {
				t.Fatalf("Evaluate(zero) error = %v", err)
			}
			if lc, err := lifecycle.Judge(sub, table); !errors.Is(err, lifecycle.ErrInvalid) || !lc.IsZero() {
				t.Fatalf("Judge(zero) error = %v", err)
			}
			return
		}
		st, evalErr := lifecycle.Evaluate(sub, table, at)
		lc, judgeErr := lifecycle.Judge(sub, table)
		ph, tlErr := lifecycle.Timeline(sub, table)
		checkTyped(t, "Evaluate", evalErr)
		checkTyped(t, "Judge", judgeErr)
		checkTyped(t, "Timeline", tlErr)
		if (judgeErr == nil) != (tlErr == nil) || (judgeErr != nil && judgeErr.Error() != tlErr.Error()) {
			t.Fatalf("Judge error %v, Timeline error %v: want the same", judgeErr, tlErr)
		}
		if evalErr != nil && (errors.Is(evalErr, lifecycle.ErrHistory) || errors.Is(evalErr, lifecycle.ErrRulesMismatch)) && judgeErr == nil {
			t.Fatalf("Evaluate fails (%v) on a history Judge accepts", evalErr)
		}
		var he *lifecycle.HistoryError
		if errors.As(judgeErr, &he) {
			// Judge refuses the whole history; Evaluate refuses it only
			// if the impossible event is at or before the instant, and
			// otherwise answers as the history known then.
			if evalErr == nil {
				if he.At.After(at) {
					upTo, err := historyUpTo(sub, at)
					if err != nil {
						t.Fatalf("New(history up to %v): %v", at, err)
					}
					known, err := lifecycle.Judge(upTo, table)
					if err != nil {
						t.Fatalf("Evaluate answers at %v but Judge refuses the history up to then: %v", at, err)
					}
					kst, err := known.At(at)
					if err != nil {
						t.Fatalf("At(%v) of the history known then: %v", at, err)
					}
					if diff := cmp.Diff(answersOf(kst), answersOf(st)); diff != "" {
						t.Fatalf("Evaluate(%v) differs from the history known then (-known +Evaluate):\n%s", at, diff)
					}
					return
				}
				t.Fatalf("Evaluate(%v) answers, but Judge refuses event %d at %v: %v", at, he.Index, he.At, judgeErr)
			}
			return
		}
		if judgeErr != nil {
			if evalErr == nil {
				t.Fatalf("Evaluate answers where Judge fails: %v", judgeErr)
			}
			return
		}
		if lc.IsZero() || len(ph) == 0 || !ph[0].Start.Equal(sub.Start()) {
			t.Fatalf("Judge gave a zero Lifecycle or Timeline %v does not start at the purchase", ph)
		}
		atSt, atErr := lc.At(at)
		checkTyped(t, "At", atErr)
		if (atErr == nil) != (evalErr == nil) {
			t.Fatalf("At error %v, Evaluate error %v", atErr, evalErr)
		}
		// The phases agree with At at every boundary, just before, at and
		// just after.
		for i, p := range ph {
			if i > 0 && !ph[i-1].End.Equal(p.Start) {
				t.Fatalf("phase %d ends %v, phase %d starts %v", i-1, ph[i-1].End, i, p.Start)
			}
			for _, b := range []time.Time{p.Start.Add(-time.Nanosecond), p.Start, p.Start.Add(time.Nanosecond)} {
				if b.Before(sub.Start()) || b.Year() >= 2200 {
					continue
				}
				bs, err := lc.At(b)
				if err != nil {
					t.Fatalf("At(%v): %v", b, err)
				}
				if q := phaseHolding(t, ph, b); bs.State() != q.State || !bs.Since().Equal(q.Start) {
					t.Fatalf("At(%v) = %v since %v; phase %v since %v", b, bs.State(), bs.Since(), q.State, q.Start)
				}
			}
		}
		if evalErr != nil {
			return // at out of range or before the start
		}
		if diff := cmp.Diff(answersOf(atSt), answersOf(st)); diff != "" {
			t.Fatalf("Evaluate(%v) differs from At (-At +Evaluate):\n%s", at, diff)
		}
		loc := time.FixedZone("UTC-10", -10*3600)
		if in, err := lc.At(at.In(loc)); err != nil || !cmp.Equal(answersOf(in), answersOf(atSt)) {
			t.Fatalf("At(at.In(%v)) = %v; differs from UTC", loc, err)
		}
		p := phaseHolding(t, ph, at)
		if p.State != st.State() || !p.Start.Equal(st.Since()) || p.Cause != st.Cause() || p.Trial != st.Trial() || p.ExtendedServiceTerm != st.ExtendedServiceTerm() {
			t.Fatalf("Evaluate(%v) = %v since %v (%v); phase %v since %v (%v)", at, st.State(), st.Since(), st.Cause(), p.State, p.Start, p.Cause)
		}
	})
}

// phaseHolding returns the phase holding at, or fails the test.
func phaseHolding(tb testing.TB, ph []lifecycle.Phase, at time.Time) lifecycle.Phase {
	tb.Helper()
	for _, p := range ph {
		if p.Contains(at) {
			return p
		}
	}
	tb.Fatalf("no phase holds %v in %v", at, ph)
	return lifecycle.Phase{}
}
