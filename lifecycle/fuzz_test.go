package lifecycle_test

import (
	"encoding/binary"
	"errors"
	"testing"
	"time"

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

// fuzzInput builds an arbitrary, possibly invalid, subscription, rules and
// instant from the fuzz bytes: unknown enums, negative or huge counts,
// events out of order or in impossible states, rules with negative days.
func fuzzInput(data []byte) (lifecycle.Spec, policy.Rules, time.Time) {
	r := &fuzzReader{data}
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	spec := lifecycle.Spec{
		Channel:          policy.Channel(r.u8() % 10),
		Term:             policy.Term(r.u8() % 5),
		Start:            base.Add(time.Duration(r.i32()) * time.Minute),
		Licenses:         int(int8(r.u8())),
		Assigned:         int(int8(r.u8())),
		Trial:            r.u8()%3 == 0,
		PaymentMethod:    r.u8()%2 == 0,
		RecurringBilling: r.u8()%2 == 0,
		ProductKey:       r.u8()%5 == 0,
		NonUser:          r.u8()%5 == 0,
	}
	spec.End = spec.Start.AddDate(0, 0, r.i16()/16)
	if spec.Term.IsValid() && r.u8()%2 == 0 {
		spec.End = lifecycle.EndOfTerm(spec.Start, spec.Term)
	}
	at := spec.Start
	for n := r.u8() % 10; n > 0; n-- {
		at = at.Add(time.Duration(r.i16()) * time.Hour / 4)
		spec.History = append(spec.History, lifecycle.Event{
			Kind: lifecycle.EventKind(r.u8() % 15), At: at, Actor: lifecycle.Role(r.u8() % 12),
			Licenses: int(int8(r.u8())), Assigned: int(int8(r.u8())),
		})
	}
	key := policy.Key{Channel: spec.Channel, Term: spec.Term}
	if !key.Channel.IsValid() {
		key.Channel = policy.DirectMOSA
	}
	if !key.Term.IsValid() {
		key.Term = policy.Annual
	}
	rules, err := policy.Builtin().Lookup(key, spec.End)
	if err != nil {
		rules, _ = policy.Builtin().Lookup(policy.Key{Channel: key.Channel, Term: key.Term}, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	}
	switch r.u8() % 8 { // perturb the rules, sometimes into invalid ones
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
	return spec, rules, at.Add(time.Duration(r.i32()) * time.Minute)
}

// FuzzEvaluate: nothing panics; every error is an ErrInvalid naming what
// is wrong; when the history is valid, Evaluate agrees with Timeline.
func FuzzEvaluate(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{1, 2, 0, 0, 0, 0, 10, 8, 1, 0, 0, 0, 0, 0, 0, 1, 3, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0})
	f.Add([]byte{7, 2, 9, 0, 0, 0, 10, 10, 3, 0, 0, 1, 1, 0, 0, 1, 4, 0, 0, 7, 3, 8, 0, 0, 3, 0, 0, 0, 0, 200, 0, 0, 0})
	f.Add([]byte{1, 1, 0, 0, 0, 0, 5, 5, 0, 0, 0, 1, 1, 0, 0, 1, 2, 96, 0, 3, 0, 0, 0, 240, 0, 6, 0, 0, 0, 40, 0, 5, 0, 0, 0, 0, 0, 1, 0, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		spec, rules, at := fuzzInput(data)
		sub, err := lifecycle.New(spec)
		if err != nil {
			if !errors.Is(err, lifecycle.ErrInvalid) || !sub.IsZero() {
				t.Fatalf("New() error %v: not ErrInvalid, or a non-zero Subscription", err)
			}
			// A zero subscription is reported, not a panic.
			if _, err := lifecycle.Evaluate(sub, &rules, at); !errors.Is(err, lifecycle.ErrInvalid) {
				t.Fatalf("Evaluate(zero) error = %v", err)
			}
			return
		}
		st, evalErr := lifecycle.Evaluate(sub, &rules, at)
		ph, tlErr := lifecycle.Timeline(sub, &rules)
		for _, err := range []error{evalErr, tlErr} {
			if err == nil {
				continue
			}
			var fe *lifecycle.FieldError
			var he *lifecycle.HistoryError
			var re *lifecycle.RulesError
			if !errors.Is(err, lifecycle.ErrInvalid) || (!errors.As(err, &fe) && !errors.As(err, &he) && !errors.As(err, &re)) {
				t.Fatalf("error %T %v is not a typed ErrInvalid", err, err)
			}
		}
		if tlErr != nil {
			if evalErr == nil && !errors.Is(tlErr, lifecycle.ErrHistory) {
				t.Fatalf("Timeline fails (%v) where Evaluate succeeds", tlErr)
			}
			return
		}
		if evalErr != nil {
			if errors.Is(evalErr, lifecycle.ErrHistory) || errors.Is(evalErr, lifecycle.ErrRulesMismatch) {
				t.Fatalf("Evaluate fails (%v) on a history Timeline accepts", evalErr)
			}
			return // at out of range or before the start
		}
		for _, p := range ph {
			if p.Contains(at) {
				if p.State != st.State() || !p.Start.Equal(st.Since()) || p.Cause != st.Cause() {
					t.Fatalf("Evaluate(%v) = %v since %v (%v); Timeline %v since %v (%v)", at, st.State(), st.Since(), st.Cause(), p.State, p.Start, p.Cause)
				}
				return
			}
		}
		t.Fatalf("no Timeline phase holds %v: %v", at, ph)
	})
}
