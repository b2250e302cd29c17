package lifecycle_test

import (
	"errors"
	"testing"
	"time"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// Tests of upgrades (R-LC-11, R-CAN-16); each failed before Upgrade
// existed (nothing answered what becomes of either subscription).

func TestR_LC_11_UpgradedSubscriptionExpiresAtItsEndDate(t *testing.T) {
	old := judge(t, mustNew(t, saleSpec(policy.DirectMOSA, "", date(2025, 7, 1), day(2026, 6, 30))), builtin)
	at := time.Date(2026, 2, 14, 9, 30, 0, 0, time.UTC)
	to := saleSpec(policy.DirectMOSA, "", at, mustDate(lifecycle.EndOfTerm(at, policy.Annual)))
	to.ID = "new"
	o, n, err := old.Upgrade(lifecycle.GlobalAdmin, to, builtin, at)
	if err != nil {
		t.Fatal(err)
	}
	for i, at := range around(date(2026, 6, 30)) {
		want := lifecycle.Active
		if i > 0 {
			want = lifecycle.Expired
		}
		if st := mustAt(t, o, at); st.State() != want || st.RecurringBilling() {
			t.Errorf("old At(%v) = %v (recurring billing %v), want %v without recurring billing", at, st.State(), st.RecurringBilling(), want)
		}
	}
	if st := mustAt(t, n, at); st.State() != lifecycle.Active || st.Licenses() != 5 {
		t.Errorf("new At(upgrade) = %v with %d licenses", st.State(), st.Licenses())
	}
	// The new subscription is a purchase: its own window, its own term.
	if got := mustAt(t, n, date(2027, 2, 14)).State(); got != lifecycle.Active {
		t.Errorf("new renews: At(2027-02-14) = %v", got)
	}
	// An upgrade with recurring billing already off changes nothing more.
	off := mustApply(t, old, lifecycle.Command{Kind: lifecycle.CmdTurnOffRecurringBilling, Actor: lifecycle.GlobalAdmin}, date(2026, 1, 5))
	if o2, _, err := off.Upgrade(lifecycle.GlobalAdmin, to, builtin, at); err != nil || o2.Subscription().Len() != 1 {
		t.Errorf("upgrade with recurring billing off: %v, %d events", err, o2.Subscription().Len())
	}
	// Who may not turn off recurring billing may not upgrade.
	if _, _, err := old.Upgrade(lifecycle.User, to, builtin, at); !errors.Is(err, lifecycle.ErrRole) {
		t.Errorf("upgrade by a user: %v", err)
	}
	// A partial upgrade of a direct subscription is not documented.
	part := to
	part.Licenses, part.Assigned = 2, 2
	var nm *lifecycle.NotModelledError
	if _, _, err := old.Upgrade(lifecycle.GlobalAdmin, part, builtin, at); !errors.Is(err, lifecycle.ErrNotModelled) || !errors.As(err, &nm) || nm.Rule == "" {
		t.Errorf("partial direct upgrade: %v, want ErrNotModelled", err)
	}
	// Bad input names the field.
	var fe *lifecycle.FieldError
	bad := to
	bad.Start = at.Add(time.Hour)
	if _, _, err := old.Upgrade(lifecycle.GlobalAdmin, bad, builtin, at); !errors.As(err, &fe) || fe.Field != "Spec.Start" {
		t.Errorf("upgrade starting later: %v", err)
	}
	bad = to
	bad.Channel = policy.DirectMCA
	if _, _, err := old.Upgrade(lifecycle.GlobalAdmin, bad, builtin, at); !errors.As(err, &fe) || fe.Field != "Spec.Channel" {
		t.Errorf("upgrade to another channel: %v", err)
	}
}

func TestR_CAN_16_PartialUpgradeInheritsTheParentsWindow(t *testing.T) {
	start := time.Date(2026, 1, 10, 10, 0, 0, 0, time.UTC)
	spec := saleSpec(policy.CSPNewCommerce, "", start, mustDate(lifecycle.EndOfTerm(start, policy.Annual)))
	spec.Licenses, spec.Assigned = 10, 4
	parent := judge(t, mustNew(t, spec), builtin)
	at := time.Date(2026, 1, 14, 12, 0, 0, 0, time.UTC)
	to := saleSpec(policy.CSPNewCommerce, "", at, mustDate(lifecycle.EndOfTerm(at, policy.Annual)))
	to.ID, to.Licenses, to.Assigned = "child", 3, 0
	p, c, err := parent.Upgrade(lifecycle.Partner, to, builtin, at)
	if err != nil {
		t.Fatal(err)
	}
	if st := mustAt(t, p, at); st.State() != lifecycle.Active || st.Licenses() != 7 || !st.RecurringBilling() {
		t.Errorf("parent after the upgrade: %v, %d licenses, recurring billing %v; want active, 7, on", st.State(), st.Licenses(), st.RecurringBilling())
	}
	if got := c.Subscription().Spec().WindowFrom; !got.Equal(start) {
		t.Errorf("child WindowFrom = %v, want the parent's %v", got, start)
	}
	// The child's window closes with the parent's, 168 hours after the
	// parent's purchase, not 168 hours after the upgrade.
	closes := start.Add(168 * time.Hour)
	for i, when := range around(closes) {
		err := c.Check(lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.Partner}, when)
		if (i < 2) != (err == nil) {
			t.Errorf("child cancelled at %v: %v", when, err)
		}
		if i == 2 && !errors.Is(err, lifecycle.ErrWindowClosed) {
			t.Errorf("child cancelled at %v: %v, want ErrWindowClosed", when, err)
		}
	}
	if got := mustAt(t, c, at).CancelWindowEnd(); !got.Equal(closes) {
		t.Errorf("child CancelWindowEnd() = %v, want %v", got, closes)
	}
	// It reopens when the child itself renews (R-CAN-15).
	renewal := mustDate(lifecycle.EndOfTerm(at, policy.Annual)).AddDays(1).UTC()
	if err := c.Check(lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.Partner}, renewal.Add(time.Hour)); err != nil {
		t.Errorf("child cancelled after its renewal: %v", err)
	}
	// Upgraded after the parent's window closed: the child has none.
	late := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	to2 := saleSpec(policy.CSPNewCommerce, "", late, mustDate(lifecycle.EndOfTerm(late, policy.Annual)))
	to2.ID, to2.Licenses, to2.Assigned = "late", 10, 0
	p2, c2, err := parent.Upgrade(lifecycle.Partner, to2, builtin, late)
	if err != nil {
		t.Fatal(err)
	}
	if err := c2.Check(lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.Partner}, late); !errors.Is(err, lifecycle.ErrWindowClosed) {
		t.Errorf("child of a late full upgrade cancelled at once: %v", err)
	}
	// A full upgrade turns the parent's auto-renew off (R-LC-11).
	if st := mustAt(t, p2, late); st.RecurringBilling() || st.Licenses() != 10 {
		t.Errorf("parent after a full upgrade: recurring billing %v, %d licenses", st.RecurringBilling(), st.Licenses())
	}
	// Only the partner upgrades a CSP subscription.
	if _, _, err := parent.Upgrade(lifecycle.GlobalAdmin, to, builtin, at); !errors.Is(err, lifecycle.ErrRole) {
		t.Errorf("upgrade by the customer's admin: %v", err)
	}
	// WindowFrom may not follow the start.
	bad := to
	bad.WindowFrom = at.Add(time.Second)
	var fe *lifecycle.FieldError
	if _, err := lifecycle.New(bad); !errors.As(err, &fe) || fe.Field != "Spec.WindowFrom" {
		t.Errorf("New(WindowFrom after Start) = %v", err)
	}
}

func TestR_CAN_17_OtherCSPProductsAreNotJudgedAsLicenses(t *testing.T) {
	start := time.Date(2026, 1, 10, 10, 0, 0, 0, time.UTC)
	for _, p := range []policy.Product{policy.SoftwareSubscription, policy.PerpetualSoftware, policy.MarketplaceSaaS} {
		spec := saleSpec(policy.CSPNewCommerce, p, start, mustDate(lifecycle.EndOfTerm(start, policy.Annual)))
		_, err := lifecycle.New(spec)
		var nm *lifecycle.NotModelledError
		if !errors.Is(err, lifecycle.ErrNotModelled) || !errors.As(err, &nm) || nm.Rule != "R-CAN-17" || errors.Is(err, lifecycle.ErrInvalid) {
			t.Errorf("New(CSP %s) = %v, want ErrNotModelled naming R-CAN-17", p, err)
		}
		// Bought directly they are ordinary subscriptions.
		spec.Channel = policy.DirectMOSA
		if _, err := lifecycle.New(spec); err != nil {
			t.Errorf("New(direct %s) = %v", p, err)
		}
	}
	// Business Central: "7 days", the channel's 168 hours.
	lc := judge(t, mustNew(t, saleSpec(policy.CSPNewCommerce, policy.BusinessCentral, start, mustDate(lifecycle.EndOfTerm(start, policy.Annual)))), builtin)
	if got := mustAt(t, lc, start).CancelWindowEnd(); !got.Equal(start.Add(168 * time.Hour)) {
		t.Errorf("Business Central CancelWindowEnd() = %v", got)
	}
}
