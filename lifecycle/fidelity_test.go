package lifecycle_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// Regression tests of issue 11 ("one answer per rule"), each named by the
// rule it pins. Each failed before its fix.

// around returns the instants just before, at and just after t.
func around(t time.Time) [3]time.Time {
	return [3]time.Time{t.Add(-time.Nanosecond), t, t.Add(time.Nanosecond)}
}

func mustApply(tb testing.TB, lc lifecycle.Lifecycle, cmd lifecycle.Command, at time.Time) lifecycle.Lifecycle {
	tb.Helper()
	next, err := lc.Apply(cmd, at)
	if err != nil {
		tb.Fatalf("Apply(%v at %v): %v", cmd, at, err)
	}
	return next
}

func mustAt(tb testing.TB, lc lifecycle.Lifecycle, at time.Time) lifecycle.Status {
	tb.Helper()
	st, err := lc.At(at)
	if err != nil {
		tb.Fatalf("At(%v): %v", at, err)
	}
	return st
}

// Item 1: a direct trial given "cancel now" only turns recurring billing
// off: the trial runs to its end, its Expired days follow, then Deleted —
// no 90-day Disabled, no reactivation (R-TRI-3, R-TRI-5, R-TRI-6).
func TestR_TRI_3_CancelTrialTurnsOffRecurringBilling(t *testing.T) {
	for _, ch := range []policy.Channel{policy.DirectMOSA, policy.DirectMCA} {
		t.Run(ch.String(), func(t *testing.T) {
			start := utc(2026, 3, 1, 9, 0)
			end := mustDate(lifecycle.EndOfTrial(start, 30))
			spec := lifecycle.Spec{ID: "trial", Channel: ch, Term: policy.Annual, Start: start, End: end,
				Licenses: 25, Assigned: 3, Trial: true, PaymentMethod: true, RecurringBilling: true}
			lc := judge(t, mustNew(t, spec), builtin)
			actor := lifecycle.BillingAdmin
			if ch == policy.DirectMCA {
				actor = lifecycle.BillingAccountOwner
			}
			cancelAt := utc(2026, 3, 10, 12, 0)
			lc = mustApply(t, lc, lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: actor}, cancelAt)
			st := mustAt(t, lc, cancelAt)
			if st.State() != lifecycle.Active || !st.Trial() || st.RecurringBilling() {
				t.Fatalf("after cancel: %v trial %v billing %v; want an Active trial with recurring billing off", st.State(), st.Trial(), st.RecurringBilling())
			}
			expiredAt := end.UTC() // DC-3a
			if st.Next() != lifecycle.Expired || !st.NextAt().Equal(expiredAt) {
				t.Fatalf("next %v at %v; want expired at %v", st.Next(), st.NextAt(), expiredAt)
			}
			deletedAt := expiredAt.AddDate(0, 0, 30) // R-TRI-5: the 30-day Expired status, then deleted
			for i, at := range around(expiredAt) {
				want := []lifecycle.State{lifecycle.Active, lifecycle.Expired, lifecycle.Expired}[i]
				if s := mustAt(t, lc, at); s.State() != want || !s.Trial() {
					t.Errorf("At(%v) = %v (trial %v); want %v", at, s.State(), s.Trial(), want)
				}
			}
			for i, at := range around(deletedAt) {
				want := []lifecycle.State{lifecycle.Expired, lifecycle.Deleted, lifecycle.Deleted}[i]
				if s := mustAt(t, lc, at); s.State() != want {
					t.Errorf("At(%v) = %v; want %v", at, s.State(), want)
				}
			}
			for _, ph := range lc.Phases() {
				if ph.State == lifecycle.Disabled {
					t.Errorf("a cancelled trial has a Disabled phase %+v", ph)
				}
			}
			for _, at := range []time.Time{cancelAt, expiredAt.AddDate(0, 0, 1)} {
				s := mustAt(t, lc, at)
				if s.Capabilities().Reactivate || !s.ReactivateUntil().IsZero() {
					t.Errorf("At(%v): reactivation offered to a trial", at)
				}
				for _, r := range s.Explain() {
					if strings.Contains(r.Text, "reactivated by") {
						t.Errorf("At(%v): Explain offers reactivation: %s", at, r.Text)
					}
				}
			}
			// Cancelling again changes nothing.
			if err := lc.Check(lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: actor}, cancelAt.Add(time.Hour)); !errors.Is(err, lifecycle.ErrPrecondition) {
				t.Errorf("second cancel: %v; want ErrPrecondition", err)
			}
		})
	}
}

// Item 2: VL and Open renew through the licensing partner, never
// automatically, so a reactivated VL subscription has recurring billing
// off and runs to its end date (R-REN-4, R-REA-9).
func TestR_REN_4_ReactivatedVLDoesNotRenewAutomatically(t *testing.T) {
	for _, ch := range []policy.Channel{policy.VolumeLicensing, policy.OpenValue} {
		t.Run(ch.String(), func(t *testing.T) {
			spec := lifecycle.Spec{ID: "vl", Channel: ch, Term: policy.Annual, Start: date(2025, 7, 1), End: day(2026, 6, 30),
				Licenses: 10, Assigned: 10, PaymentMethod: true}
			lc := judge(t, mustNew(t, spec), builtin)
			at := date(2026, 7, 15)
			if st := mustAt(t, lc, at); st.State() != lifecycle.Expired {
				t.Fatalf("At(%v) = %v; want expired", at, st.State())
			}
			lc = mustApply(t, lc, lifecycle.Command{Kind: lifecycle.CmdReactivate, Actor: lifecycle.GlobalAdmin}, at)
			st := mustAt(t, lc, at)
			if st.State() != lifecycle.Active || st.RecurringBilling() {
				t.Fatalf("after reactivation: %v, recurring billing %v; want active without recurring billing", st.State(), st.RecurringBilling())
			}
			if st.Next() != lifecycle.Expired || st.NextAt().IsZero() {
				t.Errorf("a reactivated %v subscription renews on its own: next %v at %v", ch, st.Next(), st.NextAt())
			}
			// Item 4: Capabilities and Apply agree that recurring billing is
			// the licensing partner's business.
			if st.Capabilities().ChangeRecurringBilling {
				t.Errorf("Capabilities offers a recurring billing change on %v", ch)
			}
			for _, k := range []lifecycle.CommandKind{lifecycle.CmdTurnOnRecurringBilling, lifecycle.CmdTurnOffRecurringBilling} {
				if err := lc.Check(lifecycle.Command{Kind: k, Actor: lifecycle.GlobalAdmin}, at); !errors.Is(err, lifecycle.ErrNotOffered) {
					t.Errorf("%v: %v; want ErrNotOffered (licensing partner)", k, err)
				}
			}
		})
	}
}

// Item 2: Open License sells and renews nothing from 2022-01-01, so an
// expired Open License subscription is no longer reactivated then (C-23).
func TestC_23_OpenLicenseNotReactivatedAfterSalesEnd(t *testing.T) {
	spec := lifecycle.Spec{ID: "open", Channel: policy.OpenLicense, Term: policy.Annual, Start: date(2021, 1, 1), End: day(2021, 12, 31),
		Licenses: 5, Assigned: 5, PaymentMethod: true}
	lc := judge(t, mustNew(t, spec), builtin)
	cmd := lifecycle.Command{Kind: lifecycle.CmdReactivate, Actor: lifecycle.GlobalAdmin}
	end := date(2022, 1, 1)
	for i, at := range around(end) {
		st := mustAt(t, lc, at)
		err := lc.Check(cmd, at)
		if i == 0 {
			if err != nil || !st.Capabilities().Reactivate {
				t.Errorf("At(%v): %v, capability %v; want a reactivation before sales end", at, err, st.Capabilities().Reactivate)
			}
			continue
		}
		if !errors.Is(err, lifecycle.ErrSalesEnded) || st.Capabilities().Reactivate {
			t.Errorf("At(%v): %v, capability %v; want ErrSalesEnded", at, err, st.Capabilities().Reactivate)
		}
	}
	if err := lc.Check(cmd, date(2022, 4, 5)); !errors.Is(err, lifecycle.ErrSalesEnded) {
		t.Errorf("reactivation on 2022-04-05: %v; want ErrSalesEnded", err)
	}
}

// Item 3: a MOSA reactivation needs a payment method (R-REA-4); MCA
// creates a new subscription on the billing profile and needs none.
func TestR_REA_4_ReactivationNeedsPaymentMethod(t *testing.T) {
	rows := []struct {
		name    string
		ch      policy.Channel
		actor   lifecycle.Role
		payment bool
		refused error
	}{
		{"mosa/none", policy.DirectMOSA, lifecycle.BillingAdmin, false, lifecycle.ErrPrecondition},
		{"mosa/card", policy.DirectMOSA, lifecycle.BillingAdmin, true, nil},
		{"mca/none", policy.DirectMCA, lifecycle.BillingAccountOwner, false, nil},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			spec := lifecycle.Spec{ID: "r", Channel: row.ch, Term: policy.Annual, Start: date(2025, 1, 10), End: day(2026, 1, 9),
				Licenses: 5, Assigned: 5, PaymentMethod: row.payment}
			lc := judge(t, mustNew(t, spec), builtin)
			at := date(2026, 1, 20)
			st := mustAt(t, lc, at)
			err := lc.Check(lifecycle.Command{Kind: lifecycle.CmdReactivate, Actor: row.actor}, at)
			if !errors.Is(err, row.refused) || (row.refused == nil) != (err == nil) {
				t.Fatalf("Reactivate while %v: %v; want %v", st.State(), err, row.refused)
			}
			if st.Capabilities().Reactivate != (err == nil) {
				t.Errorf("Capabilities.Reactivate = %v; Apply: %v", st.Capabilities().Reactivate, err)
			}
			var re *lifecycle.RefusalError
			if errors.As(err, &re) && (re.Rule != "R-REA-4" || !strings.Contains(re.Instead(), "payment method")) {
				t.Errorf("refusal %q / %q; want R-REA-4 asking for a payment method", re.Rule, re.Instead())
			}
		})
	}
}

// Item 5: only the roles that manage payment methods may remove one, even
// when it is attached to nothing (§3.12, R-PAY-2), and the refusal reads
// as words, not %!CommandKind(0).
func TestR_PAY_2_RolesThatMayRemovePaymentMethod(t *testing.T) {
	at := date(2026, 3, 1)
	for _, r := range allRoles {
		err := lifecycle.CanRemovePaymentMethod(r, nil, at)
		may := r == lifecycle.GlobalAdmin || r == lifecycle.BillingAdmin || r == lifecycle.BillingAccountOwner ||
			r == lifecycle.BillingAccountContributor || r == lifecycle.BillingProfileOwner || r == lifecycle.BillingProfileContributor
		if may != (err == nil) {
			t.Errorf("CanRemovePaymentMethod(%v, nil) = %v; want allowed %v", r, err, may)
		}
		if err != nil && (!errors.Is(err, lifecycle.ErrRole) || strings.Contains(err.Error(), "%!")) {
			t.Errorf("CanRemovePaymentMethod(%v, nil) = %v; want a readable ErrRole", r, err)
		}
	}
	spec := lifecycle.Spec{ID: "s", Channel: policy.DirectMCA, Term: policy.Annual, Start: date(2026, 1, 1), End: day(2026, 12, 31),
		Licenses: 1, PaymentMethod: true, RecurringBilling: true}
	lc := judge(t, mustNew(t, spec), builtin)
	err := lifecycle.CanRemovePaymentMethod(lifecycle.BillingAdmin, []lifecycle.Lifecycle{lc}, at)
	if !errors.Is(err, lifecycle.ErrRole) || strings.Contains(err.Error(), "%!") || !strings.Contains(err.Error(), "remove a payment method") {
		t.Errorf("a billing admin on an MCA subscription: %v; want a readable ErrRole", err)
	}
}

// Item 7: what the customer can't cancel online, support can: "If you're
// unable to cancel your subscription, contact support" (R-CAN-1).
func TestR_CAN_1_SupportCancelsOverTheOnlineLimit(t *testing.T) {
	at := date(2026, 2, 1)
	for _, n := range []int{24, 25, 26} {
		spec := lifecycle.Spec{ID: "s", Channel: policy.DirectMOSA, Term: policy.Annual, Start: date(2025, 6, 1), End: day(2026, 5, 31),
			Licenses: n, Assigned: n, PaymentMethod: true, RecurringBilling: true}
		lc := judge(t, mustNew(t, spec), builtin)
		st := mustAt(t, lc, at)
		admin := lc.Check(lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.BillingAdmin}, at)
		support := lc.Check(lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.Support}, at)
		if support != nil {
			t.Errorf("%d licenses: support refused: %v", n, support)
		}
		if (n <= 25) != (admin == nil) || (n > 25 && !errors.Is(admin, lifecycle.ErrLicenseLimit)) {
			t.Errorf("%d licenses: admin: %v", n, admin)
		}
		c := st.Capabilities()
		if c.Cancel != (n <= 25) || !c.CancelRoles.Has(lifecycle.Support) || c.CancelRoles.Has(lifecycle.BillingAdmin) != (n <= 25) {
			t.Errorf("%d licenses: Cancel %v by %v", n, c.Cancel, c.CancelRoles)
		}
	}
}

// Item 8: with the explicit-delete reactivation window set to 72 hours,
// +72 h itself is inside: windows are inclusive by default (C-6, DC-5).
func TestC_6_ExplicitDeleteReactivationWindowIsInclusive(t *testing.T) {
	spec := lifecycle.Spec{ID: "s", Channel: policy.DirectMOSA, Term: policy.Monthly, Start: utc(2026, 4, 1, 9, 0), End: day(2026, 4, 30),
		Licenses: 10, Assigned: 10, PaymentMethod: true, RecurringBilling: true}
	r := versionAt(t, mustNew(t, spec), date(2026, 5, 1))
	r.Reactivation.ExplicitDeleteHours = 72
	table := pin(t, r)
	lc := judgeSteps(t, spec, table, []cmdStep{
		{lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.BillingAdmin}, utc(2026, 5, 10, 9, 0)},
		{lifecycle.Command{Kind: lifecycle.CmdDelete, Actor: lifecycle.BillingAdmin}, utc(2026, 5, 20, 9, 0)},
	})
	x72 := utc(2026, 5, 23, 9, 0)
	cmd := lifecycle.Command{Kind: lifecycle.CmdReactivate, Actor: lifecycle.BillingAdmin}
	for i, at := range around(x72) {
		err := lc.Check(cmd, at)
		if (i < 2) != (err == nil) {
			t.Errorf("reactivate at %v: %v; want accepted through +72h", at, err)
		}
		if st := mustAt(t, lc, at); st.Capabilities().Reactivate != (i < 2) {
			t.Errorf("At(%v).Capabilities().Reactivate = %v", at, st.Capabilities().Reactivate)
		}
	}
	// A recorded reactivation at exactly +72 h is judged as Apply judges it.
	next := mustApply(t, lc, cmd, x72)
	if _, err := lifecycle.Judge(next.Subscription(), table); err != nil {
		t.Errorf("Judge of a reactivation at +72h: %v", err)
	}
}

// Item 9: a MOSA history holding a license count of 0 is one Apply would
// refuse ("You cannot reduce your license count to zero", R-LIC-1); Judge
// rejects it instead of keeping the subscription Active forever. VL,
// whose rules let every license go, expires (R-LIC-4).
func TestR_LIC_1_ZeroLicensesHistory(t *testing.T) {
	mosa := lifecycle.Spec{ID: "s", Channel: policy.DirectMOSA, Term: policy.Annual, Start: date(2026, 1, 1), End: day(2026, 12, 31),
		Licenses: 5, PaymentMethod: true, RecurringBilling: true,
		History: []lifecycle.Event{{Kind: lifecycle.ChangeLicenses, At: date(2026, 3, 1), Actor: lifecycle.BillingAdmin}}}
	if _, err := lifecycle.Judge(mustNew(t, mosa), builtin); !errors.Is(err, lifecycle.ErrHistory) {
		t.Errorf("Judge(MOSA history with 0 licenses) = %v; want ErrHistory", err)
	}
	lc := judge(t, mustNew(t, lifecycle.Spec{ID: "s", Channel: policy.DirectMOSA, Term: policy.Annual, Start: date(2026, 1, 1),
		End: day(2026, 12, 31), Licenses: 5, PaymentMethod: true, RecurringBilling: true}), builtin)
	if err := lc.Check(lifecycle.Command{Kind: lifecycle.CmdRemoveLicenses, Actor: lifecycle.BillingAdmin, Licenses: 5}, date(2026, 3, 1)); !errors.Is(err, lifecycle.ErrPrecondition) {
		t.Errorf("removing every MOSA license: %v; want ErrPrecondition", err)
	}
	vl := lifecycle.Spec{ID: "vl", Channel: policy.VolumeLicensing, Term: policy.Annual, Start: date(2026, 1, 1), End: day(2026, 12, 31),
		Licenses: 5, History: []lifecycle.Event{{Kind: lifecycle.ChangeLicenses, At: date(2026, 3, 1), Actor: lifecycle.Partner}}}
	vlc := judge(t, mustNew(t, vl), builtin)
	if st := mustAt(t, vlc, date(2026, 3, 1)); st.State() != lifecycle.Expired || st.Cause() != lifecycle.AllLicensesRemoved {
		t.Errorf("VL with every license removed: %v (%v); want expired (all-licenses-removed)", st.State(), st.Cause())
	}
}

// Item 10: an Extended Service Term is charged 3% over the standard
// monthly rate (R-LC-13), which Quote used to ignore.
func TestR_LC_13_QuoteChargesTheESTSurcharge(t *testing.T) {
	spec := lifecycle.Spec{ID: "est", Channel: policy.DirectMCA, Term: policy.Annual, Start: date(2026, 3, 1), End: day(2027, 2, 28),
		Licenses: 10, Assigned: 10, PaymentMethod: true, RecurringBilling: true}
	lc := judgeSteps(t, spec, builtin, []cmdStep{
		{lifecycle.Command{Kind: lifecycle.CmdConvertToEST, Actor: lifecycle.BillingAccountOwner}, date(2026, 6, 1)},
	})
	at := date(2027, 3, 3)
	if st := mustAt(t, lc, at); !st.ExtendedServiceTerm() {
		t.Fatalf("At(%v): not on an Extended Service Term", at)
	}
	q, err := lc.Quote(lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.BillingAccountOwner},
		lifecycle.Price{PerLicense: lifecycle.USD(10000), Billing: policy.Monthly}, at)
	if err != nil {
		t.Fatalf("Quote: %v", err)
	}
	if q.Paid.String() != "$1030.00" {
		t.Errorf("Paid = %v; want 10 licenses × $100 × 1.03", q.Paid)
	}
	if !strings.Contains(q.Rule, "R-LC-13") || !strings.Contains(q.Note, "3%") {
		t.Errorf("Rule %q, Note %q; want R-LC-13 and the 3%% surcharge", q.Rule, q.Note)
	}
	if sum, err := q.Used.Plus(q.Amount); err != nil || sum != q.Paid {
		t.Errorf("Used %v + Amount %v = %v (err %v); want Paid %v", q.Used, q.Amount, sum, err, q.Paid)
	}
}

// reasonOf returns the first reason on topic, or fails.
func reasonOf(tb testing.TB, st lifecycle.Status, topic string) lifecycle.Reason {
	tb.Helper()
	for _, r := range st.Explain() {
		if r.Topic == topic {
			return r
		}
	}
	tb.Fatalf("no %q reason in %v", topic, st.Explain())
	return lifecycle.Reason{}
}

// Item 11: an MCA term ending on or after 2026-02-09 has no Expired
// status, and is explained by R-LC-13, not the Expired text of R-LC-2/3.
func TestR_LC_13_ExplainsTheEndWithoutExpired(t *testing.T) {
	spec := lifecycle.Spec{ID: "mca", Channel: policy.DirectMCA, Term: policy.Annual, Start: date(2025, 3, 1), End: day(2026, 2, 28),
		Licenses: 5, Assigned: 5, PaymentMethod: true}
	lc := judge(t, mustNew(t, spec), builtin)
	active := mustAt(t, lc, date(2026, 2, 20))
	if next := reasonOf(t, active, "next"); !strings.Contains(next.Rules, "R-LC-13") || strings.Contains(next.Text, "Expired status starts") {
		t.Errorf("next: %v", next)
	}
	st := mustAt(t, lc, date(2026, 3, 5))
	if st.State() != lifecycle.Disabled || !st.Since().Equal(date(2026, 2, 28)) {
		t.Fatalf("At(2026-03-05) = %v since %v; want disabled since the end date", st.State(), st.Since())
	}
	r := reasonOf(t, st, "state")
	if !strings.Contains(r.Rules, "R-LC-13") || strings.Contains(r.Rules, "R-LC-3") || !strings.Contains(r.Text, "February 28, 2026") {
		t.Errorf("state: %v", r)
	}
}

// Item 11: a CSP end date is inclusive of the whole day (DC-3b): the
// reason says the term ended after March 1 and cites Partner Center.
func TestDC_3b_ExplainsTheCSPEndDate(t *testing.T) {
	spec := lifecycle.Spec{ID: "csp", Channel: policy.CSPNewCommerce, Term: policy.Annual, Start: utc(2025, 3, 2, 10, 0), End: day(2026, 3, 1),
		Licenses: 5, Assigned: 5}
	lc := judge(t, mustNew(t, spec), builtin)
	st := mustAt(t, lc, date(2026, 3, 5))
	if st.State() != lifecycle.Expired || !st.Since().Equal(date(2026, 3, 2)) {
		t.Fatalf("At = %v since %v; want expired since 2026-03-02", st.State(), st.Since())
	}
	r := reasonOf(t, st, "state")
	if !strings.Contains(r.Rules, "DC-3b") || strings.Contains(r.Rules, "DC-3a") || strings.Contains(r.Sources, "[D-WIF-2025-02]") ||
		!strings.Contains(r.Text, "March 1, 2026") || !strings.Contains(r.Text, "March 2, 2026") || !strings.Contains(r.Sources, "[PC-SUB-2023-10]") {
		t.Errorf("state: %v", r)
	}
	if a := st.Explain(); !strings.Contains(fmt.Sprint(a), "Partner Center subscriptions page") {
		t.Errorf("no §1.2 note that an expired NCE subscription leaves the Partner Center page: %v", a)
	}
}

// Item 11: under the ~2013 rules a cancellation takes effect at the end
// of the billing cycle (C-21); the reason says so instead of "users lost
// access the same day".
func TestC_21_ExplainsTheDeferredCancellation(t *testing.T) {
	spec := lifecycle.Spec{ID: "o365", Channel: policy.DirectMOSA, Term: policy.Monthly, Start: date(2013, 7, 1), End: day(2013, 7, 31),
		Licenses: 5, Assigned: 5, PaymentMethod: true, RecurringBilling: true,
		History: []lifecycle.Event{{Kind: lifecycle.CancelNow, At: utc(2013, 7, 10, 9, 0), Actor: lifecycle.GlobalAdmin}}}
	lc := judge(t, mustNew(t, spec), builtin)
	st := mustAt(t, lc, date(2013, 8, 5))
	if st.State() != lifecycle.Disabled || !st.Since().Equal(date(2013, 7, 31)) {
		t.Fatalf("At = %v since %v; want disabled since 2013-07-31", st.State(), st.Since())
	}
	r := reasonOf(t, st, "state")
	if r.Rules != "C-21" || strings.Contains(r.Text, "same day") || !strings.Contains(r.Text, "July 10, 2013") || !strings.Contains(r.Text, "July 31, 2013") {
		t.Errorf("state: %v", r)
	}
}

// Item 11: what to do when a subscription can't be cancelled online
// depends on the channel: the licensing partner (R-REN-4), the CSP
// partner (R-CAN-14), support for a product key (R-CAN-7, R-REF-4),
// recurring billing for MCA past its window (R-CAN-3). The reason is the
// refusal Apply gives, with its rule.
func TestR_REN_4_CancelAdviceByChannel(t *testing.T) {
	rows := []struct {
		name, want, rule string
		spec             lifecycle.Spec
	}{
		{"vl", "licensing partner", "R-REN-4", lifecycle.Spec{Channel: policy.VolumeLicensing, Term: policy.Annual, Start: date(2025, 7, 1), End: day(2026, 6, 30), Licenses: 5}},
		{"csp", "auto-renew", "R-CAN-14", lifecycle.Spec{Channel: policy.CSPNewCommerce, Term: policy.Annual, Start: utc(2025, 7, 1, 9, 0), End: day(2026, 6, 30), Licenses: 5, RecurringBilling: true}},
		{"product-key", "support", "R-CAN-7", lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Annual, Start: date(2015, 3, 1), End: day(2016, 2, 29), Licenses: 5, ProductKey: true}},
		{"mca", "recurring billing", "R-CAN-3", lifecycle.Spec{Channel: policy.DirectMCA, Term: policy.Annual, Start: date(2025, 7, 1), End: day(2026, 6, 30), Licenses: 5, PaymentMethod: true, RecurringBilling: true}},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			row.spec.ID = row.name
			lc := judge(t, mustNew(t, row.spec), builtin)
			at := row.spec.Start.AddDate(0, 2, 0)
			r := reasonOf(t, mustAt(t, lc, at), "cancel")
			if !strings.Contains(r.Text, row.want) || !strings.Contains(r.Rules, row.rule) {
				t.Errorf("cancel: %v; want %q and %s", r, row.want, row.rule)
			}
			if row.name != "product-key" && strings.Contains(r.Text, "contact support") {
				t.Errorf("cancel: %v sends the customer to support", r)
			}
		})
	}
}

// Item 11: ReactivateUntil is zero while the subscription is Active,
// which cannot (and need not) be reactivated, as its doc says.
func TestReactivateUntil_ZeroWhileActive(t *testing.T) {
	spec := lifecycle.Spec{ID: "s", Channel: policy.DirectMOSA, Term: policy.Annual, Start: date(2025, 4, 1), End: day(2026, 3, 31),
		Licenses: 5, PaymentMethod: true}
	lc := judge(t, mustNew(t, spec), builtin)
	for i, at := range around(date(2026, 3, 31)) {
		st := mustAt(t, lc, at)
		if got := st.ReactivateUntil(); (i == 0) != got.IsZero() || st.Capabilities().Reactivate != (i > 0) {
			t.Errorf("At(%v) %v: ReactivateUntil %v, Reactivate %v", at, st.State(), got, st.Capabilities().Reactivate)
		}
	}
}

// R-TRI-1, R-TRI-7: a free trial comes with 25 licenses; Purchase used to
// accept a 100-license trial.
func TestR_TRI_1_TrialComesWith25Licenses(t *testing.T) {
	for _, ch := range []policy.Channel{policy.DirectMOSA, policy.CSPNewCommerce} {
		for _, n := range []int{24, 25, 26, 100} {
			start := utc(2026, 5, 1, 9, 0)
			_, err := lifecycle.Purchase(lifecycle.Spec{ID: "t", Channel: ch, Term: policy.Annual, Start: start, End: mustDate(lifecycle.EndOfTrial(start, 30)),
				Licenses: n, Trial: true, PaymentMethod: true, RecurringBilling: true}, builtin)
			if (n <= 25) != (err == nil) {
				t.Errorf("%v trial with %d licenses: %v", ch, n, err)
			}
			var re *lifecycle.RefusalError
			if err != nil && (!errors.Is(err, lifecycle.ErrLicenseLimit) || !errors.As(err, &re) || re.Rule != "R-TRI-1, R-TRI-7" || re.Limit != 25 ||
				strings.Contains(err.Error(), "%!")) {
				t.Errorf("%v trial with %d licenses: %v; want ErrLicenseLimit naming R-TRI-1", ch, n, err)
			}
		}
	}
}

// R-LC-12, AC-59: a partner with delegated administration (AOBO) cancels a
// direct customer's subscription, which used to be refused; under the
// 01/2023 and 03/2024 texts the admin center may show the old status for
// up to 90 days, informational only. AC-59's "until 2024-07-30" is the
// first day after the 90 days 2024-05-01…2024-07-29: AdminCenterLagUntil
// is their last day, 2024-07-29, until 2024-07-30T00:00Z.
func TestR_LC_12_AOBOCancellation(t *testing.T) {
	spec := lifecycle.Spec{ID: "aobo", Channel: policy.DirectMOSA, Term: policy.Monthly, Start: date(2024, 4, 20), End: day(2024, 5, 19),
		Licenses: 5, Assigned: 5, PaymentMethod: true, RecurringBilling: true}
	lc := judge(t, mustNew(t, spec), builtin)
	cancelAt := date(2024, 5, 1)
	lc = mustApply(t, lc, lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.Partner}, cancelAt)
	for i, at := range around(date(2024, 7, 30)) {
		st := mustAt(t, lc, at)
		want := day(2024, 7, 29)
		if i > 0 {
			want = clock.Date{}
		}
		if got := st.AdminCenterLagUntil(); got != want {
			t.Errorf("At(%v).AdminCenterLagUntil() = %v; want %v", at, got, want)
		}
	}
	st := mustAt(t, lc, cancelAt)
	if st.State() != lifecycle.Disabled {
		t.Fatalf("state %v; want disabled (the partner's cancellation is a cancellation)", st.State())
	}
	if r := reasonOf(t, st, "state"); !strings.Contains(fmt.Sprint(st.Explain()), "through July 29, 2024") {
		t.Errorf("Explain does not give the AOBO delay: %v", r)
	}
	// The customer's own cancellation shows no delay; nor does a
	// partner's under the current rules, which dropped the sentence (C-19).
	own := mustApply(t, judge(t, mustNew(t, spec), builtin), lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.BillingAdmin}, cancelAt)
	if got := mustAt(t, own, cancelAt).AdminCenterLagUntil(); !got.IsZero() {
		t.Errorf("an admin's cancellation has an AOBO delay until %v", got)
	}
	spec.Start, spec.End = date(2026, 4, 20), day(2026, 5, 19)
	now := mustApply(t, judge(t, mustNew(t, spec), builtin), lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.Partner}, date(2026, 5, 1))
	if got := mustAt(t, now, date(2026, 5, 1)).AdminCenterLagUntil(); !got.IsZero() {
		t.Errorf("a 2026 AOBO cancellation has a delay until %v", got)
	}
}

// R-REN-3: extending a prepaid subscription needs "a new, unused product
// key for the same Microsoft plan": re-entering a used key is refused by
// Apply and rejected by Judge in a history.
func TestR_REN_3_UsedProductKeyIsRefused(t *testing.T) {
	spec := lifecycle.Spec{ID: "pk", Channel: policy.DirectMOSA, Term: policy.Annual, Start: date(2025, 4, 1), End: day(2026, 3, 31),
		Licenses: 5, Assigned: 5, ProductKey: true, ProductKeyID: "KEY-1"}
	lc := judge(t, mustNew(t, spec), builtin)
	renew := func(key string) lifecycle.Command {
		return lifecycle.Command{Kind: lifecycle.CmdRenew, Actor: lifecycle.GlobalAdmin, ProductKey: key}
	}
	at := date(2026, 4, 10) // Expired: a new key starts a new term
	if err := lc.Check(renew("KEY-1"), at); !errors.Is(err, lifecycle.ErrPrecondition) {
		t.Errorf("re-entering the purchase key: %v; want ErrPrecondition", err)
	} else if re := (*lifecycle.RefusalError)(nil); !errors.As(err, &re) || re.Rule != "R-REN-3" {
		t.Errorf("refusal %v; want R-REN-3", err)
	}
	next := mustApply(t, lc, renew("KEY-2"), at)
	if h := next.Subscription().History(); len(h) != 1 || h[0].ProductKey != "KEY-2" {
		t.Fatalf("history %v; want the renewal with KEY-2", h)
	}
	later := date(2027, 4, 10)
	if err := next.Check(renew("KEY-2"), later); !errors.Is(err, lifecycle.ErrPrecondition) {
		t.Errorf("re-entering the renewal key: %v; want ErrPrecondition", err)
	}
	if err := next.Check(renew("KEY-3"), later); err != nil {
		t.Errorf("a new key: %v", err)
	}
	bad := spec
	bad.History = []lifecycle.Event{{Kind: lifecycle.Renew, At: at, ProductKey: "KEY-1"}}
	if _, err := lifecycle.Judge(mustNew(t, bad), builtin); !errors.Is(err, lifecycle.ErrHistory) {
		t.Errorf("Judge of a renewal with the used key: %v; want ErrHistory", err)
	}
	bad.History = []lifecycle.Event{{Kind: lifecycle.RecurringBillingOn, At: at, ProductKey: "KEY-9"}}
	if _, err := lifecycle.New(bad); !errors.Is(err, lifecycle.ErrInvalid) {
		t.Errorf("New with a product key on a recurring-billing event: %v; want ErrInvalid", err)
	}
}

// C-22: a new subscription with the same service plans restores access to
// the data while the old one is Expired or Disabled, not once Deleted.
func TestC_22_RepurchaseRestoresDataUntilDeleted(t *testing.T) {
	spec := lifecycle.Spec{ID: "s", Channel: policy.DirectMOSA, Term: policy.Annual, Start: date(2025, 4, 1), End: day(2026, 3, 31),
		Licenses: 5, PaymentMethod: true}
	lc := judge(t, mustNew(t, spec), builtin)
	for _, c := range []struct {
		at   time.Time
		want bool
	}{
		{date(2026, 3, 31).Add(-time.Nanosecond), false}, {date(2026, 3, 31), true},
		{date(2026, 7, 29).Add(-time.Nanosecond), true}, {date(2026, 7, 29), false},
	} {
		st := mustAt(t, lc, c.at)
		if got := st.RepurchaseRestoresData(); got != c.want {
			t.Errorf("At(%v) %v: RepurchaseRestoresData = %v; want %v", c.at, st.State(), got, c.want)
		}
		if strings.Contains(fmt.Sprint(st.Explain()), "C-22") != c.want {
			t.Errorf("At(%v): Explain and RepurchaseRestoresData disagree", c.at)
		}
	}
}

// AC-33, R-REA-9: after a VL seat reduction the explanation gives the
// documented advice: place an Online Reservation, contact the partner.
func TestR_REA_9_VLSeatReductionAdvice(t *testing.T) {
	spec := lifecycle.Spec{ID: "ea", Channel: policy.VolumeLicensing, Term: policy.Annual, Start: date(2025, 7, 1), End: day(2026, 6, 30),
		Licenses: 100, Assigned: 95,
		History: []lifecycle.Event{{Kind: lifecycle.ChangeLicenses, At: date(2026, 3, 1), Licenses: 80, Assigned: 95}}}
	st := mustAt(t, judge(t, mustNew(t, spec), builtin), date(2026, 5, 15))
	r := reasonOf(t, st, "licenses")
	if !strings.Contains(r.Text, "Online Reservation") || !strings.Contains(r.Text, "by the end of May 29, 2026") || !strings.Contains(r.Rules, "R-REA-9") {
		t.Errorf("licenses: %v", r)
	}
}

// R-TRI-1 names the 25 licenses of a trial as the rules' number: rules
// without a trial license limit (Trial.Licenses = 0) limit nothing.
func TestR_TRI_1_NoLimitWhereTheRulesGiveNone(t *testing.T) {
	start := utc(2026, 5, 1, 9, 0)
	spec := lifecycle.Spec{ID: "t", Channel: policy.DirectMOSA, Term: policy.Annual, Start: start, End: mustDate(lifecycle.EndOfTrial(start, 30)),
		Licenses: 100, Trial: true, PaymentMethod: true, RecurringBilling: true}
	r := versionAt(t, mustNew(t, spec), start)
	r.Trial.Licenses = 0
	if _, err := lifecycle.Purchase(spec, pin(t, r)); err != nil {
		t.Errorf("100-license trial under rules without a trial limit: %v", err)
	}
}

// The "next" reason of an Active subscription says why its term's end
// leads where it leads: under rules without an Expired status (CSP
// legacy: Active, Suspended, Deleted) it says so, and a subscription
// cancelled before the next renewal date says that too (R-CAN-2), each
// citing its rule.
func TestExplainNextAtTermEnd(t *testing.T) {
	nextOf := func(t *testing.T, lc lifecycle.Lifecycle, at time.Time) lifecycle.Reason {
		t.Helper()
		st, err := lc.At(at)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range st.Explain() {
			if r.Topic == "next" {
				return r
			}
		}
		t.Fatalf("no next reason at %v (%v)", at, st.State())
		return lifecycle.Reason{}
	}
	legacy := lifecycle.Spec{ID: "legacy", Channel: policy.CSPLegacy, Term: policy.Annual, Start: date(2025, 3, 1), End: day(2026, 2, 28),
		Licenses: 5, PaymentMethod: true}
	r := nextOf(t, judge(t, mustNew(t, legacy), builtin), date(2025, 6, 1))
	if !strings.Contains(r.Text, "these rules have no Expired status") {
		t.Errorf("CSP legacy next = %q; want it to say the rules have no Expired status", r.Text)
	}
	mosa := lifecycle.Spec{ID: "mosa", Channel: policy.DirectMOSA, Term: policy.Annual, Start: date(2025, 3, 1), End: day(2026, 2, 28),
		Licenses: 5, PaymentMethod: true, RecurringBilling: true}
	lc := mustApply(t, judge(t, mustNew(t, mosa), builtin), lifecycle.Command{Kind: lifecycle.CmdCancelAtRenewal, Actor: lifecycle.GlobalAdmin}, date(2025, 6, 1))
	r = nextOf(t, lc, date(2025, 6, 2))
	if !strings.Contains(r.Text, "because it was cancelled before the next renewal date") || !strings.HasPrefix(r.Rules, "R-CAN-2") ||
		strings.Contains(r.Text, "no Expired status") {
		t.Errorf("cancelled-at-renewal next = %q (%s); want the R-CAN-2 reason", r.Text, r.Rules)
	}
	off := mosa
	off.RecurringBilling = false
	r = nextOf(t, judge(t, mustNew(t, off), builtin), date(2025, 6, 2))
	if strings.Contains(r.Text, "cancelled") || strings.Contains(r.Text, "no Expired status") {
		t.Errorf("recurring billing off, next = %q; want the plain end of term", r.Text)
	}
}

// R-CAN-10: a custom domain still added to the subscription blocks
// "cancel before the next renewal date" as it blocks "cancel now"; CSP
// subscriptions are cancelled by the partner, whom the check does not
// concern. The refusal used to be untested for CancelAtRenewal.
func TestR_CAN_10_CustomDomainBlocksCancelAtRenewal(t *testing.T) {
	spec := lifecycle.Spec{ID: "mosa", Channel: policy.DirectMOSA, Term: policy.Annual, Start: date(2025, 3, 1), End: day(2026, 2, 28),
		Licenses: 5, PaymentMethod: true, RecurringBilling: true}
	lc := judge(t, mustNew(t, spec), builtin)
	at := date(2025, 6, 1)
	cmd := lifecycle.Command{Kind: lifecycle.CmdCancelAtRenewal, Actor: lifecycle.GlobalAdmin, CustomDomains: []string{"contoso.com"}}
	_, err := lc.Apply(cmd, at)
	var re *lifecycle.RefusalError
	if !errors.Is(err, lifecycle.ErrPrecondition) || !errors.As(err, &re) || !strings.Contains(err.Error(), "contoso.com") {
		t.Errorf("cancel at renewal with a custom domain = %v; want a refusal naming contoso.com (ErrPrecondition)", err)
	}
	cmd.CustomDomains = nil
	if _, err := lc.Apply(cmd, at); err != nil {
		t.Errorf("cancel at renewal without a custom domain: %v", err)
	}
}

// C-6 with no reactivation hours (the default): a subscription deleted
// explicitly can't be reactivated, not even at the instant of deletion.
func TestC_6_NoReactivationWithoutHours(t *testing.T) {
	spec := lifecycle.Spec{ID: "s", Channel: policy.DirectMOSA, Term: policy.Monthly, Start: utc(2026, 4, 1, 9, 0), End: day(2026, 4, 30),
		Licenses: 10, Assigned: 10, PaymentMethod: true, RecurringBilling: true}
	r := versionAt(t, mustNew(t, spec), date(2026, 5, 1))
	r.Reactivation.ExplicitDeleteHours = 0
	table := pin(t, r)
	deleted := utc(2026, 5, 20, 9, 0)
	lc := judgeSteps(t, spec, table, []cmdStep{
		{lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.BillingAdmin}, utc(2026, 5, 10, 9, 0)},
		{lifecycle.Command{Kind: lifecycle.CmdDelete, Actor: lifecycle.BillingAdmin}, deleted},
	})
	next := lc.Subscription().Spec()
	next.History = append(next.History, lifecycle.Event{Kind: lifecycle.Reactivate, At: deleted})
	if _, err := lifecycle.Judge(mustNew(t, next), table); !errors.Is(err, lifecycle.ErrHistory) {
		t.Errorf("Judge of a reactivation at the deletion instant, without reactivation hours = %v; want ErrHistory", err)
	}
}

// The reasons of Explain cite what produced them: R-REA-3 only for a
// cancelled subscription's reactivation, "no Expired status" only where
// the rules have none, and a next reason for an Active subscription that
// renews (R-REN-1) or is renewed by its licensing partner (R-REN-4).
func TestExplainCitesByCase(t *testing.T) {
	reason := func(t *testing.T, lc lifecycle.Lifecycle, at time.Time, topic string) lifecycle.Reason {
		t.Helper()
		st, err := lc.At(at)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range st.Explain() {
			if r.Topic == topic {
				return r
			}
		}
		t.Fatalf("no %s reason at %v (%v)", topic, at, st.State())
		return lifecycle.Reason{}
	}
	mosa := lifecycle.Spec{ID: "mosa", Channel: policy.DirectMOSA, Term: policy.Annual, Start: date(2025, 3, 1), End: day(2026, 2, 28),
		Licenses: 5, PaymentMethod: true, RecurringBilling: true}
	cancelled := mustApply(t, judge(t, mustNew(t, mosa), builtin), lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.GlobalAdmin}, date(2025, 3, 2))
	if r := reason(t, cancelled, date(2025, 3, 10), "reactivation"); !strings.Contains(r.Rules, "R-REA-3") {
		t.Errorf("reactivation of a cancelled subscription cites %q; want R-REA-3", r.Rules)
	}
	off := mosa
	off.RecurringBilling = false
	expired := judge(t, mustNew(t, off), builtin)
	if r := reason(t, expired, date(2026, 4, 15), "reactivation"); strings.Contains(r.Rules, "R-REA-3") {
		t.Errorf("reactivation of an expired subscription cites %q; R-REA-3 is about cancellations", r.Rules)
	}
	if r := reason(t, expired, date(2026, 4, 15), "state"); strings.Contains(r.Text, "no Expired status") {
		t.Errorf("Expired MOSA state = %q; its rules have an Expired status", r.Text)
	}
	legacy := lifecycle.Spec{ID: "legacy", Channel: policy.CSPLegacy, Term: policy.Annual, Start: date(2025, 3, 1), End: day(2026, 2, 28),
		Licenses: 5, PaymentMethod: true}
	if r := reason(t, judge(t, mustNew(t, legacy), builtin), date(2026, 3, 15), "state"); !strings.Contains(r.Text, "these rules have no Expired status") {
		t.Errorf("CSP legacy after its end, state = %q; want 'these rules have no Expired status'", r.Text)
	}
	if r := reason(t, judge(t, mustNew(t, mosa), builtin), date(2025, 6, 1), "next"); !strings.Contains(r.Text, "Recurring billing is on") || !strings.Contains(r.Rules, "R-REN-1") {
		t.Errorf("renewing MOSA next = %q (%s); want the R-REN-1 renewal", r.Text, r.Rules)
	}
	// A VL subscription with recurring billing on (as a partner's system
	// may record it) is renewed by the partner, not automatically.
	vl := lifecycle.Spec{ID: "vl-next", Channel: policy.VolumeLicensing, Term: policy.Annual, Start: date(2025, 3, 1), End: day(2026, 2, 28),
		Licenses: 5, RecurringBilling: true}
	if r := reason(t, judge(t, mustNew(t, vl), builtin), date(2025, 6, 1), "next"); !strings.Contains(r.Text, "licensing partner") || !strings.Contains(r.Rules, "R-REN-4") {
		t.Errorf("VL next = %q (%s); want the partner's renewal, R-REN-4", r.Text, r.Rules)
	}
}

// R-TRI-8: CSP traditional gives no free trial for government, education
// or add-on offers; a commercial offer, or one whose class is not given,
// gets its trial.
func TestR_TRI_8_TrialByOfferClass(t *testing.T) {
	for class, want := range map[policy.OfferClass]bool{
		0: true, policy.CommercialOffer: true,
		policy.GovernmentOffer: false, policy.EducationOffer: false, policy.AddOnOffer: false,
	} {
		spec := lifecycle.Spec{ID: "t", Channel: policy.CSPLegacy, Term: policy.Annual, OfferClass: class,
			Start: date(2025, 5, 1), End: mustDate(lifecycle.EndOfTrial(date(2025, 5, 1), 30)), Licenses: 25, Trial: true}
		_, err := lifecycle.Purchase(spec, builtin)
		if want != (err == nil) || (err != nil && !errors.Is(err, lifecycle.ErrNotOffered)) {
			t.Errorf("CSP legacy trial of a %v offer: %v; want accepted = %v (refusals ErrNotOffered)", class, err, want)
		}
	}
}

// English refusals named a channel after "a" — "a open-value
// subscription", "a enterprise subscription"; they now say "a subscription
// of the open-value channel". No refusal writes "a" before a channel name
// that starts with a vowel.
func TestRefusalArticles(t *testing.T) {
	checked := 0
	for _, ch := range policy.Channels() {
		if !strings.ContainsRune("aeiou", rune(ch.String()[0])) {
			continue
		}
		spec := lifecycle.Spec{ID: "s", Channel: ch, Term: policy.Annual, Start: date(2025, 3, 1), End: day(2026, 2, 28),
			Licenses: 5, PaymentMethod: true}
		lc, err := lifecycle.Judge(mustNew(t, spec), builtin)
		if err != nil {
			t.Fatalf("%v: %v", ch, err)
		}
		for _, k := range lifecycle.CommandKinds() {
			err := lc.Check(lifecycle.Command{Kind: k, Actor: lifecycle.User, Licenses: 1, Assigned: 1}, date(2025, 6, 1))
			if err == nil {
				continue
			}
			checked++
			if strings.Contains(err.Error(), "a "+ch.String()) {
				t.Errorf("%v %v: %q writes \"a %v\"", ch, k, err.Error(), ch)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no refusal was checked: no channel name starts with a vowel?")
	}
}
