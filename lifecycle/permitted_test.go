package lifecycle_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/lapse-go/lapse/lifecycle"
)

// permittedOf returns Permitted's answers as two parallel slices.
func permittedOf(lc lifecycle.Lifecycle, actor lifecycle.Role, at time.Time) ([]lifecycle.CommandKind, []error) {
	var kinds []lifecycle.CommandKind
	var errs []error
	for k, err := range lc.Permitted(actor, at) {
		kinds = append(kinds, k)
		errs = append(errs, err)
	}
	return kinds, errs
}

// TestPermitted asks who may do what at instants beside the boundaries of
// the fixtures: every kind is answered, in declaration order, nil exactly
// for the kinds accepted, and each refusal matches its sentinel.
func TestPermitted(t *testing.T) {
	csp := judge(t, mustNew(t, cspMonthlySpec()), builtin)
	ac08 := judge(t, mustNew(t, ac08Spec()), builtin)
	windowEnd := utc(2026, 2, 7, 15, 0) // 168 hours after the purchase, inclusive (DC-5)
	C := utc(2026, 5, 10, 9, 0)
	tests := []struct {
		name   string
		lc     lifecycle.Lifecycle
		actor  lifecycle.Role
		at     time.Time
		allow  []lifecycle.CommandKind
		want   map[lifecycle.CommandKind]error // the sentinel of some refusals; the others match ErrRefused
		all    error                           // when every kind is refused with it
		reason string
	}{{
		name: "CSP window open", lc: csp, actor: lifecycle.Partner, at: windowEnd,
		allow: []lifecycle.CommandKind{lifecycle.CmdTurnOffRecurringBilling, lifecycle.CmdCancelNow, lifecycle.CmdSuspend,
			lifecycle.CmdAddLicenses, lifecycle.CmdAssignLicenses, lifecycle.CmdRenew},
		want: map[lifecycle.CommandKind]error{
			lifecycle.CmdTurnOnRecurringBilling: lifecycle.ErrPrecondition, // already on
			lifecycle.CmdRemoveLicenses:         lifecycle.ErrPrecondition, // every license is assigned
			lifecycle.CmdDelete:                 lifecycle.ErrState,
			lifecycle.CmdConvertToEST:           lifecycle.ErrNotOffered,
		},
		reason: "R-CAN-14: the partner cancels within 168 hours, the last instant inside (DC-5)",
	}, {
		name: "CSP window closed", lc: csp, actor: lifecycle.Partner, at: windowEnd.Add(time.Nanosecond),
		allow: []lifecycle.CommandKind{lifecycle.CmdTurnOffRecurringBilling, lifecycle.CmdSuspend,
			lifecycle.CmdAddLicenses, lifecycle.CmdAssignLicenses, lifecycle.CmdRenew},
		want:   map[lifecycle.CommandKind]error{lifecycle.CmdCancelNow: lifecycle.ErrWindowClosed},
		reason: "R-CAN-14: a nanosecond later the window is closed",
	}, {
		name: "CSP customer's admin", lc: csp, actor: lifecycle.GlobalAdmin, at: windowEnd,
		allow:  []lifecycle.CommandKind{lifecycle.CmdAssignLicenses},
		want:   map[lifecycle.CommandKind]error{lifecycle.CmdCancelNow: lifecycle.ErrRole, lifecycle.CmdAddLicenses: lifecycle.ErrRole},
		reason: "§3.12, R-LIC-8: only the partner manages a CSP subscription; the customer's admin assigns licenses",
	}, {
		name: "AC-08 cancelled, billing admin", lc: ac08, actor: lifecycle.BillingAdmin, at: C,
		allow: []lifecycle.CommandKind{lifecycle.CmdReactivate, lifecycle.CmdDelete},
		want: map[lifecycle.CommandKind]error{
			lifecycle.CmdCancelNow:              lifecycle.ErrState,
			lifecycle.CmdTurnOnRecurringBilling: lifecycle.ErrState,
			lifecycle.CmdSuspend:                lifecycle.ErrNotOffered,
		},
		reason: "R-REA-3: reactivation while Disabled; R-LC-9: a Disabled MOSA subscription can be deleted",
	}, {
		name: "AC-08 cancelled, user admin", lc: ac08, actor: lifecycle.UserAdmin, at: C,
		want:   map[lifecycle.CommandKind]error{lifecycle.CmdReactivate: lifecycle.ErrRole, lifecycle.CmdDelete: lifecycle.ErrRole},
		reason: "§3.12: a User Administrator manages users, not billing",
	}, {
		name: "AC-08 deleted", lc: ac08, actor: lifecycle.BillingAdmin, at: date(2026, 8, 8),
		want:   map[lifecycle.CommandKind]error{lifecycle.CmdReactivate: lifecycle.ErrState},
		reason: "R-REA-3: reactivation through 2026-08-07; nothing is done to a Deleted subscription",
	}, {
		name: "before the last event", lc: ac08, actor: lifecycle.BillingAdmin, at: C.Add(-time.Nanosecond), all: lifecycle.ErrHistory,
		reason: "Check refuses a command dated before the last event of the history",
	}, {
		name: "invalid actor", lc: ac08, actor: 0, at: C, all: lifecycle.ErrInvalid,
		reason: "Check's *FieldError on Command.Actor",
	}, {
		name: "zero lifecycle", actor: lifecycle.BillingAdmin, at: C, all: lifecycle.ErrInvalid,
		reason: "Check's *FieldError on Lifecycle",
	}}
	for _, tt := range tests {
		for _, at := range append([]time.Time{tt.at}, inLocations(t, tt.at)...) {
			kinds, errs := permittedOf(tt.lc, tt.actor, at)
			if !slices.Equal(kinds, lifecycle.CommandKinds()) {
				t.Fatalf("%s: kinds %v, want every kind in order", tt.name, kinds)
			}
			for i, k := range kinds {
				err := errs[i]
				switch {
				case tt.all != nil:
					if !errors.Is(err, tt.all) {
						t.Errorf("%s: %v: %v, want %v (%s)", tt.name, k, err, tt.all, tt.reason)
					}
				case slices.Contains(tt.allow, k):
					if err != nil {
						t.Errorf("%s at %v: %v refused: %v (%s)", tt.name, at, k, err, tt.reason)
					}
				default:
					want := tt.want[k]
					if want == nil {
						want = lifecycle.ErrRefused
					}
					var re *lifecycle.RefusalError
					if !errors.Is(err, want) || !errors.As(err, &re) || re.Command != k || re.Actor != tt.actor {
						t.Errorf("%s at %v: %v: %v, want a refusal of it matching %v (%s)", tt.name, at, k, err, want, tt.reason)
					}
				}
			}
		}
	}
}

// TestPermittedStopsEarly: a loop that breaks after n kinds gets those.
func TestPermittedStopsEarly(t *testing.T) {
	lc := judge(t, mustNew(t, ac08Spec()), builtin)
	for n := 1; n <= 3; n++ {
		var got []lifecycle.CommandKind
		for k := range lc.Permitted(lifecycle.BillingAdmin, date(2026, 6, 1)) {
			if got = append(got, k); len(got) == n {
				break
			}
		}
		if !slices.Equal(got, lifecycle.CommandKinds()[:n]) {
			t.Errorf("first %d: %v", n, got)
		}
	}
}

// TestPermittedOfZeroValues: the zero Lifecycle, actor and instant yield
// every kind with Check's *FieldError, without a panic.
func TestPermittedOfZeroValues(t *testing.T) {
	var zero lifecycle.Lifecycle
	n := 0
	for k, err := range zero.Permitted(0, time.Time{}) {
		n++
		if !errors.Is(err, lifecycle.ErrInvalid) {
			t.Errorf("zero Permitted: %v, %v", k, err)
		}
	}
	if n != len(lifecycle.CommandKinds()) {
		t.Errorf("zero Permitted yields %d kinds, want %d", n, len(lifecycle.CommandKinds()))
	}
}

// TestPermittedIffApply is the agreement property of issue 13 item 3:
// for generated subscriptions of every channel (with the [AMBIGUOUS] knobs
// perturbed), at instants beside every boundary (±1ns), for every role
// and kind, Permitted's answer is Apply's with the representative
// parameters Permitted documents — accepted by both, or refused with the
// same error — and, for the commands Capabilities answers, a role is in
// Capabilities' set exactly when Permitted accepts its command.
func TestPermittedIffApply(t *testing.T) {
	atLeastChecks(t, 1000)
	rapid.Check(t, propPermittedIffApply)
}

// FuzzPermittedIffApply is TestPermittedIffApply as a fuzz target.
func FuzzPermittedIffApply(f *testing.F) { f.Fuzz(rapid.MakeFuzz(propPermittedIffApply)) }

func propPermittedIffApply(t *rapid.T) {
	lc, at, st := drawBoundaryStatus(t)
	caps := st.Capabilities()
	for _, r := range allRoles {
		kinds, errs := permittedOf(lc, r, at)
		if !slices.Equal(kinds, lifecycle.CommandKinds()) {
			t.Fatalf("kinds %v", kinds)
		}
		accepted := map[lifecycle.CommandKind]bool{}
		for i, k := range kinds {
			cmd := lifecycle.Command{Kind: k, Actor: r}
			switch k {
			case lifecycle.CmdAddLicenses, lifecycle.CmdRemoveLicenses:
				cmd.Licenses = 1
			case lifecycle.CmdAssignLicenses:
				cmd.Assigned = st.Assigned() + 1
				if st.Licenses() > 0 && st.Assigned() >= st.Licenses() {
					cmd.Assigned = st.Assigned() - 1
				}
			}
			_, err := lc.Apply(cmd, at)
			if (err == nil) != (errs[i] == nil) || (err != nil && err.Error() != errs[i].Error()) {
				t.Fatalf("%v at %v (%v): Permitted says %v, Apply %v", cmd, at, st.State(), errs[i], err)
			}
			accepted[k] = err == nil
		}
		check := func(what string, roles lifecycle.RoleSet, ok bool) {
			if roles.Has(r) != ok {
				t.Fatalf("%s by %v at %v (%v): Capabilities' roles %v, Permitted %v", what, r, at, st.State(), roles, ok)
			}
		}
		check("reactivate", caps.ReactivateRoles, accepted[lifecycle.CmdReactivate])
		check("cancel", caps.CancelRoles, accepted[lifecycle.CmdCancelNow])
		check("delete", caps.DeleteRoles, accepted[lifecycle.CmdDelete])
		check("recurring billing", caps.ChangeRecurringBillingRoles,
			accepted[lifecycle.CmdTurnOffRecurringBilling] || accepted[lifecycle.CmdTurnOnRecurringBilling])
		if st.Licenses() > 0 {
			check("assign licenses", caps.AssignLicensesRoles, accepted[lifecycle.CmdAssignLicenses])
		}
	}
}

// BenchmarkPermitted answers every kind for one role on an active CSP
// subscription.
func BenchmarkPermitted(b *testing.B) {
	lc := judge(b, mustNew(b, cspMonthlySpec()), builtin)
	at := utc(2026, 2, 5, 12, 0)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n = 0
		for _, err := range lc.Permitted(lifecycle.Partner, at) {
			if err == nil {
				n++
			}
		}
	}
	b.ReportMetric(float64(n), "permitted/op")
}
