package lifecycle_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// Tests of the rules on how a product or a sale is cancelled (R-CAN-4,
// R-CAN-7(c), R-CAN-8, R-CAN-11), each named by its rule. Each failed
// before the rule was implemented: the cancellation was accepted.

func saleSpec(ch policy.Channel, p policy.Product, start time.Time, end clock.Date) lifecycle.Spec {
	return lifecycle.Spec{ID: "s", Channel: ch, Term: policy.Annual, Product: p, Start: start, End: end,
		Licenses: 5, Assigned: 5, PaymentMethod: true, RecurringBilling: true}
}

func cancelBy(lc lifecycle.Lifecycle, kind lifecycle.CommandKind, actor lifecycle.Role, at time.Time) error {
	return lc.Check(lifecycle.Command{Kind: kind, Actor: actor}, at)
}

// refusedBy asserts that err is a *RefusalError matching sentinel whose
// Rule names rule.
func refusedBy(tb testing.TB, what string, err, sentinel error, rule string) *lifecycle.RefusalError {
	tb.Helper()
	var re *lifecycle.RefusalError
	if !errors.As(err, &re) || !errors.Is(err, sentinel) || !errors.Is(err, lifecycle.ErrRefused) {
		tb.Fatalf("%s: got %v, want a refusal matching %v", what, err, sentinel)
	}
	if !strings.Contains(re.Rule, rule) {
		tb.Errorf("%s: Rule = %q, want it to name %s", what, re.Rule, rule)
	}
	if re.Reason() == "" || re.Instead() == "" || strings.Contains(re.Error(), "%!") {
		tb.Errorf("%s: reason %q, instead %q, error %q", what, re.Reason(), re.Instead(), re.Error())
	}
	return re
}

func TestR_CAN_8_ProductsCancelledByOtherProcesses(t *testing.T) {
	at := date(2026, 1, 5)
	for _, ch := range []policy.Channel{policy.DirectMOSA, policy.DirectMCA} {
		for _, p := range []policy.Product{policy.Azure, policy.PowerBIService, policy.FabricTrial, policy.Microsoft365Family, policy.Microsoft365Personal} {
			lc := judge(t, mustNew(t, saleSpec(ch, p, date(2026, 1, 1), day(2026, 12, 31))), builtin)
			for _, kind := range []lifecycle.CommandKind{lifecycle.CmdCancelNow, lifecycle.CmdCancelAtRenewal} {
				for _, actor := range append(lifecycle.BillingRoles(ch).List(), lifecycle.Support) {
					refusedBy(t, ch.String()+"/"+string(p)+"/"+kind.String()+"/"+actor.String(),
						cancelBy(lc, kind, actor, at), lifecycle.ErrNotOffered, "R-CAN-8")
				}
			}
			if c := mustAt(t, lc, at).Capabilities(); c.Cancel || !c.CancelRoles.IsEmpty() {
				t.Errorf("%v/%s: Capabilities Cancel %v by %v, want nobody", ch, p, c.Cancel, c.CancelRoles)
			}
			// Everything else is the channel's: recurring billing still
			// turns off, and the subscription then expires on its end date.
			mustApply(t, lc, lifecycle.Command{Kind: lifecycle.CmdTurnOffRecurringBilling, Actor: lifecycle.BillingRoles(ch).List()[0]}, at)
		}
		// The products the admin-center article covers are cancelled
		// there as before (Dynamics 365, Intune, Microsoft 365 for
		// business).
		for _, p := range []policy.Product{"", policy.Dynamics365, policy.Intune} {
			lc := judge(t, mustNew(t, saleSpec(ch, p, date(2026, 1, 1), day(2026, 12, 31))), builtin)
			if err := cancelBy(lc, lifecycle.CmdCancelNow, lifecycle.BillingRoles(ch).List()[0], at); err != nil {
				t.Errorf("%v/%q: cancel refused: %v", ch, p, err)
			}
		}
	}
}

func TestR_CAN_7_DynamicsAndIntuneCancelledThroughSupportInTheOffice365Era(t *testing.T) {
	// Office 365 era version (2014-01-01 to 2020-05-08): "all other
	// subscriptions (e.g. Microsoft Dynamics 365 or Microsoft Intune)" are
	// cancelled by calling support (R-CAN-7(c)).
	for _, p := range []policy.Product{policy.Dynamics365, policy.Intune} {
		lc := judge(t, mustNew(t, saleSpec(policy.DirectMOSA, p, date(2016, 3, 1), day(2017, 2, 28))), builtin)
		at := date(2016, 6, 1)
		re := refusedBy(t, string(p)+" by admin", cancelBy(lc, lifecycle.CmdCancelNow, lifecycle.GlobalAdmin, at), lifecycle.ErrPrecondition, "R-CAN-7")
		if !strings.Contains(re.Instead(), "support") {
			t.Errorf("%s: Instead() = %q, want support", p, re.Instead())
		}
		if err := cancelBy(lc, lifecycle.CmdCancelNow, lifecycle.Support, at); err != nil {
			t.Errorf("%s: support refused: %v", p, err)
		}
		c := mustAt(t, lc, at).Capabilities()
		if c.Cancel || !c.CancelRoles.Has(lifecycle.Support) || c.CancelRoles.Has(lifecycle.GlobalAdmin) || c.CancelRoles.Has(lifecycle.BillingAdmin) {
			t.Errorf("%s: Capabilities Cancel %v by %v, want not online, support only", p, c.Cancel, c.CancelRoles)
		}
		// A plain Office 365 subscription of the same era is cancelled online.
		plain := judge(t, mustNew(t, saleSpec(policy.DirectMOSA, "", date(2016, 3, 1), day(2017, 2, 28))), builtin)
		if err := cancelBy(plain, lifecycle.CmdCancelNow, lifecycle.GlobalAdmin, at); err != nil {
			t.Errorf("plain Office 365: %v", err)
		}
	}
	// From 2020 the rule is superseded: Dynamics 365 is cancelled online.
	lc := judge(t, mustNew(t, saleSpec(policy.DirectMOSA, policy.Dynamics365, date(2021, 3, 1), day(2022, 2, 28))), builtin)
	if err := cancelBy(lc, lifecycle.CmdCancelNow, lifecycle.GlobalAdmin, date(2021, 6, 1)); err != nil {
		t.Errorf("Dynamics 365 in 2021: %v", err)
	}
}

func TestR_CAN_11_DomainSubscriptionTurnsOffRecurringBilling(t *testing.T) {
	lc := judge(t, mustNew(t, saleSpec(policy.DirectMOSA, policy.DomainSubscription, date(2026, 1, 1), day(2026, 12, 31))), builtin)
	at := date(2026, 3, 1)
	re := refusedBy(t, "cancel now", cancelBy(lc, lifecycle.CmdCancelNow, lifecycle.GlobalAdmin, at), lifecycle.ErrNotOffered, "R-CAN-11")
	if !strings.Contains(re.Instead(), "turn off recurring billing") || !strings.Contains(re.Instead(), "2026-12-31") {
		t.Errorf("Instead() = %q", re.Instead())
	}
	off := mustApply(t, lc, lifecycle.Command{Kind: lifecycle.CmdTurnOffRecurringBilling, Actor: lifecycle.GlobalAdmin}, at)
	for _, tc := range []struct {
		at   time.Time
		want lifecycle.State
	}{{date(2026, 12, 31).Add(-time.Nanosecond), lifecycle.Active}, {date(2026, 12, 31), lifecycle.Expired}} {
		if got := mustAt(t, off, tc.at).State(); got != tc.want {
			t.Errorf("At(%v) = %v, want %v", tc.at, got, tc.want)
		}
	}
}

func TestR_CAN_4_MCAThroughSellerSevenDaysChileTen(t *testing.T) {
	start := time.Date(2026, 1, 10, 15, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		country string
		last    time.Time // the last day the seller may cancel (DC-6, inclusive)
	}{{"", date(2026, 1, 17)}, {"DE", date(2026, 1, 17)}, {"CL", date(2026, 1, 20)}} {
		spec := saleSpec(policy.DirectMCA, "", start, day(2027, 1, 9))
		spec.ViaSeller, spec.Country = true, tc.country
		lc := judge(t, mustNew(t, spec), builtin)
		// The customer's admins don't cancel: they contact the seller.
		re := refusedBy(t, tc.country+" admin", cancelBy(lc, lifecycle.CmdCancelNow, lifecycle.BillingAccountOwner, start.Add(time.Hour)), lifecycle.ErrPrecondition, "R-CAN-4")
		if !strings.Contains(re.Instead(), "seller or partner") {
			t.Errorf("%q: Instead() = %q", tc.country, re.Instead())
		}
		// Once the window has closed, the admin is told so, not sent to
		// the seller.
		refusedBy(t, tc.country+" admin late", cancelBy(lc, lifecycle.CmdCancelNow, lifecycle.BillingAccountOwner, tc.last.AddDate(0, 0, 1)), lifecycle.ErrWindowClosed, "R-CAN-4")
		// The explanation sends the customer to the seller, with the date.
		found := false
		for _, r := range mustAt(t, lc, start).Explain() {
			if r.Topic == "cancel" && strings.Contains(r.Rules, "R-CAN-4") {
				found = strings.Contains(r.Text, "seller or partner") && strings.Contains(r.Text, tc.last.Format("January 2, 2006"))
			}
		}
		if !found {
			t.Errorf("%q: Explain() does not send the customer to the seller by %v", tc.country, tc.last)
		}
		end := tc.last.AddDate(0, 0, 1)
		for i, at := range around(end) {
			err := cancelBy(lc, lifecycle.CmdCancelNow, lifecycle.Partner, at)
			if open := i == 0; open != (err == nil) {
				t.Errorf("%q: partner cancels at %v: %v (want open %v)", tc.country, at, err, open)
			}
			if i > 0 {
				re := refusedBy(t, tc.country+" late", err, lifecycle.ErrWindowClosed, "R-CAN-4")
				if !re.Until.Equal(tc.last) {
					t.Errorf("%q: Until = %v, want %v", tc.country, re.Until, tc.last)
				}
			}
			if got := mustAt(t, lc, at).CancelWindowEnd(); !got.Equal(tc.last) {
				t.Errorf("%q: CancelWindowEnd() = %v, want %v", tc.country, got, tc.last)
			}
		}
	}
	// A direct MCA purchase in Chile keeps the direct seven days (R-CAN-3).
	spec := saleSpec(policy.DirectMCA, "", start, day(2027, 1, 9))
	spec.Country = "CL"
	lc := judge(t, mustNew(t, spec), builtin)
	refusedBy(t, "direct in Chile", cancelBy(lc, lifecycle.CmdCancelNow, lifecycle.BillingAccountOwner, date(2026, 1, 18)), lifecycle.ErrWindowClosed, "R-CAN-3")
	if err := cancelBy(lc, lifecycle.CmdCancelNow, lifecycle.BillingAccountOwner, date(2026, 1, 17)); err != nil {
		t.Errorf("direct in Chile on day 7: %v", err)
	}
	// Only an MCA subscription is sold that way.
	bad := saleSpec(policy.DirectMOSA, "", start, day(2027, 1, 9))
	bad.ViaSeller = true
	var fe *lifecycle.FieldError
	if _, err := lifecycle.New(bad); !errors.As(err, &fe) || fe.Field != "Spec.ViaSeller" || !errors.Is(err, lifecycle.ErrInvalid) {
		t.Errorf("New(MOSA via seller) = %v", err)
	}
}
