package lifecycle_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

func TestCanRemovePaymentMethod(t *testing.T) {
	active := lifecycle.Spec{ID: "S1", Channel: policy.DirectMOSA, Term: policy.Annual, Start: date(2025, 6, 1), End: day(2026, 5, 31),
		Licenses: 10, RecurringBilling: true, PaymentMethod: true}
	cancelled := active
	cancelled.ID = "S2"
	cancelled.History = []lifecycle.Event{{Kind: lifecycle.CancelNow, At: date(2026, 1, 10), Actor: lifecycle.GlobalAdmin}}
	mca := active
	mca.ID = "M1"
	mca.Channel = policy.DirectMCA
	csp := active
	csp.ID = "C1"
	csp.Channel = policy.CSPNewCommerce
	// use judges spec against the built-in table or, with tweak, against
	// the built-in rules on its end date, tweaked, at every instant.
	use := func(spec lifecycle.Spec, tweak func(*policy.Rules)) lifecycle.Lifecycle {
		sub := mustNew(t, spec)
		if tweak == nil {
			return judge(t, sub, builtin)
		}
		r := versionAt(t, sub, sub.End().UTC())
		tweak(&r)
		return judge(t, sub, pin(t, r))
	}
	replace := func(r *policy.Rules) { r.Payment.AllowReplaceWhileDisabled = true }
	type view struct {
		Refused, Rule, Sub, Instead string
	}
	rows := []struct {
		name   string
		reason string
		actor  lifecycle.Role
		uses   []lifecycle.Lifecycle
		at     time.Time
		want   view
	}{
		{name: "AC-50", reason: "the only card is attached to an active subscription (R-PAY-2)",
			actor: lifecycle.GlobalAdmin, uses: []lifecycle.Lifecycle{use(active, nil)}, at: date(2026, 2, 1),
			want: view{Refused: "precondition", Rule: "R-PAY-2, R-PAY-3", Sub: "S1", Instead: `move subscription "S1" to another payment method first`}},
		{name: "AC-50/moved", reason: "after the move the card is attached to nothing",
			actor: lifecycle.GlobalAdmin, uses: nil, at: date(2026, 2, 1)},
		{name: "R-PAY-1/disabled", reason: "a cancelled subscription holds it until Deleted",
			actor: lifecycle.BillingAdmin, uses: []lifecycle.Lifecycle{use(cancelled, nil)}, at: date(2026, 2, 1),
			want: view{Refused: "precondition", Rule: "R-PAY-1, R-PAY-3, C-11", Sub: "S2", Instead: `wait until subscription "S2" is deleted on 2026-04-10`}},
		{name: "R-PAY-1/deleted", actor: lifecycle.BillingAdmin, uses: []lifecycle.Lifecycle{use(cancelled, nil)}, at: date(2026, 4, 10)},
		{name: "R-PAY-1/deleted+1ns", actor: lifecycle.BillingAdmin, uses: []lifecycle.Lifecycle{use(cancelled, nil)}, at: date(2026, 4, 10).Add(time.Nanosecond)},
		{name: "R-PAY-1/deleted-1ns", actor: lifecycle.BillingAdmin, uses: []lifecycle.Lifecycle{use(cancelled, nil)}, at: date(2026, 4, 10).Add(-time.Nanosecond),
			want: view{Refused: "precondition", Rule: "R-PAY-1, R-PAY-3, C-11", Sub: "S2", Instead: `wait until subscription "S2" is deleted on 2026-04-10`}},
		{name: "R-PAY-3/knob", reason: "AllowReplaceWhileDisabled: Disabled no longer holds it",
			actor: lifecycle.BillingAdmin, uses: []lifecycle.Lifecycle{use(cancelled, replace)}, at: date(2026, 2, 1)},
		{name: "R-PAY-3/every-subscription", reason: "judged across every subscription using the method",
			actor: lifecycle.BillingAdmin, uses: []lifecycle.Lifecycle{use(cancelled, replace), use(active, nil)}, at: date(2026, 2, 1),
			want: view{Refused: "precondition", Rule: "R-PAY-2, R-PAY-3", Sub: "S1", Instead: `move subscription "S1" to another payment method first`}},
		{name: "§3.12/role", actor: lifecycle.UserAdmin, uses: []lifecycle.Lifecycle{use(cancelled, nil)}, at: date(2026, 4, 20),
			want: view{Refused: "role", Rule: "§3.12", Sub: "S2", Instead: "ask a Global Administrator or a Billing Administrator"}},
		{name: "§3.12/mca-role", actor: lifecycle.GlobalAdmin, uses: []lifecycle.Lifecycle{use(mca, nil)}, at: date(2026, 2, 1),
			want: view{Refused: "role", Rule: "§3.12", Sub: "M1",
				Instead: "ask a billing account owner or a billing account contributor or a billing profile owner or a billing profile contributor"}},
		{name: "CSP/skipped", reason: "CSP is billed to the partner", actor: lifecycle.GlobalAdmin, uses: []lifecycle.Lifecycle{use(csp, nil)}, at: date(2026, 2, 1)},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			// at.In(loc) must not change the answer.
			for _, at := range append([]time.Time{row.at}, inLocations(t, row.at)...) {
				err := lifecycle.CanRemovePaymentMethod(row.actor, row.uses, at)
				var got view
				if err != nil {
					got.Refused = sentinelOf(err)
					var re *lifecycle.RefusalError
					if !errors.As(err, &re) {
						t.Fatalf("error %v is not a *RefusalError", err)
					}
					got.Rule, got.Sub, got.Instead = re.Rule, re.SubscriptionID, re.Instead()
				}
				if diff := cmp.Diff(row.want, got); diff != "" {
					t.Errorf("CanRemovePaymentMethod at %v mismatch (-want +got):\n%s\nreason: %s\nerror: %v", at, diff, row.reason, err)
				}
			}
		})
	}
	for _, row := range []struct {
		name  string
		actor lifecycle.Role
		uses  []lifecycle.Lifecycle
		at    time.Time
	}{
		{"zero-actor", 0, nil, date(2026, 1, 1)},
		{"zero-lifecycle", lifecycle.BillingAdmin, []lifecycle.Lifecycle{use(csp, nil), {}}, date(2026, 2, 1)},
		{"before-start", lifecycle.BillingAdmin, []lifecycle.Lifecycle{use(active, nil)}, date(2025, 6, 1).Add(-time.Nanosecond)},
	} {
		err := lifecycle.CanRemovePaymentMethod(row.actor, row.uses, row.at)
		if !errors.Is(err, lifecycle.ErrInvalid) || errors.Is(err, lifecycle.ErrRefused) {
			t.Errorf("%s: %v, want ErrInvalid", row.name, err)
		}
	}
}
