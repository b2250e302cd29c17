package tenant_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/lifecycle/tenant"
	"github.com/lapse-go/lapse/policy"
)

// Tests of the billing-account rules, each named by its rule; each failed
// before the rule was implemented (nothing answered the question).

var account = policy.BuiltinAccount()

func accountSnap(t *testing.T, ba tenant.BillingAccount, notified time.Time, subs ...lifecycle.Lifecycle) tenant.Snapshot {
	t.Helper()
	return mustNew(t, tenant.SnapshotSpec{
		BillingAccount:     ba,
		Domains:            []tenant.Domain{{Name: "fabrikam.onmicrosoft.com", System: true, Default: true}},
		Subscriptions:      subs,
		InactivityNotified: notified,
	})
}

func TestR_MISC_1_AC_57_DunningDeactivation(t *testing.T) {
	snap := accountSnap(t, tenant.MCA, time.Time{})
	// AC-57: invoice due 2026-03-01 unpaid: not before 03-03, not after
	// 03-31. The due date is a calendar date: one stored as Berlin
	// midnight is 2026-03-01 (clock.DateOf), never the UTC day before.
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	for _, due := range []clock.Date{day(2026, 3, 1), clock.DateOf(time.Date(2026, 3, 1, 0, 0, 0, 0, berlin))} {
		d, err := tenant.UnpaidInvoice(snap, due, account)
		if err != nil {
			t.Fatal(err)
		}
		if d.NotBefore != day(2026, 3, 3) || d.NotAfter != day(2026, 3, 31) || d.Rule != "R-MISC-1" {
			t.Errorf("UnpaidInvoice(%v) = %+v, want 2026-03-03 … 2026-03-31 (R-MISC-1)", due, d)
		}
	}
	// AC-57: chargeback accepted 2026-04-10 → deactivated by 2026-04-11.
	// The acceptance is an instant: its UTC date counts, also when it is
	// given in another zone (2026-04-11 00:30 in Berlin is 04-10 in UTC),
	// just before, at and just after UTC midnight.
	for _, c := range []struct {
		accepted time.Time
		want     clock.Date
	}{
		{time.Date(2026, 4, 10, 17, 30, 0, 0, time.UTC), day(2026, 4, 11)},
		{time.Date(2026, 4, 11, 0, 30, 0, 0, berlin), day(2026, 4, 11)},
		{date(2026, 4, 11).Add(-time.Nanosecond), day(2026, 4, 11)},
		{date(2026, 4, 11), day(2026, 4, 12)},
		{date(2026, 4, 11).Add(time.Nanosecond).In(time.FixedZone("UTC-10", -10*3600)), day(2026, 4, 12)},
	} {
		d, err := tenant.Chargeback(snap, c.accepted, account)
		if err != nil {
			t.Fatal(err)
		}
		if !d.NotBefore.IsZero() || d.NotAfter != c.want {
			t.Errorf("Chargeback(%v) = %+v, want by %v", c.accepted, d, c.want)
		}
	}
	// A month end: due 2026-01-31 → 2026-02-02 … 2026-03-02.
	d, _ := tenant.UnpaidInvoice(snap, day(2026, 1, 31), account)
	if d.NotBefore != day(2026, 2, 2) || d.NotAfter != day(2026, 3, 2) {
		t.Errorf("UnpaidInvoice(2026-01-31) = %+v", d)
	}
	// MOSA: the timeline is documented for MCA only.
	_, err = tenant.UnpaidInvoice(accountSnap(t, tenant.MOSA, time.Time{}), day(2026, 3, 1), account)
	var nm *lifecycle.NotModelledError
	if !errors.Is(err, lifecycle.ErrNotModelled) || !errors.As(err, &nm) || nm.Rule != "R-MISC-1" {
		t.Errorf("UnpaidInvoice(MOSA) = %v, want ErrNotModelled naming R-MISC-1", err)
	}
	if _, err := tenant.UnpaidInvoice(snap, clock.Date{}, account); !errors.Is(err, tenant.ErrInvalid) || !strings.Contains(err.Error(), "due") {
		t.Errorf("UnpaidInvoice(zero due) = %v", err)
	}
	if _, err := tenant.UnpaidInvoice(snap, clock.Date{Year: 2026, Month: time.February, Day: 30}, account); !errors.Is(err, tenant.ErrInvalid) ||
		!strings.Contains(err.Error(), "due") || !strings.Contains(err.Error(), "2026-02-30") {
		t.Errorf("UnpaidInvoice(2026-02-30) = %v, want an error naming due and the date", err)
	}
	if _, err := tenant.Chargeback(tenant.Snapshot{}, date(2026, 4, 10), account); !errors.Is(err, tenant.ErrInvalid) {
		t.Errorf("Chargeback(zero snapshot) = %v", err)
	}
}

func TestR_MISC_2_AC_58_InactiveAccountBlocked(t *testing.T) {
	// AC-58: notified 2026-01-10 → blocked from 2026-02-09; a purchase on
	// 2026-02-10 is rejected.
	snap := accountSnap(t, tenant.MCA, time.Date(2026, 1, 10, 8, 0, 0, 0, time.UTC))
	for i, at := range [3]time.Time{date(2026, 2, 9).Add(-time.Nanosecond), date(2026, 2, 9), date(2026, 2, 9).Add(time.Nanosecond)} {
		since, blocked := tenant.AccountBlocked(snap, at, account)
		if since != day(2026, 2, 9) || blocked != (i > 0) {
			t.Errorf("AccountBlocked(%v) = %v, %v", at, since, blocked)
		}
	}
	spec := lifecycle.Spec{ID: "new", Channel: policy.DirectMCA, Term: policy.Annual, Start: date(2026, 2, 10),
		End: mustDate(lifecycle.EndOfTerm(date(2026, 2, 10), policy.Annual)), Licenses: 5, PaymentMethod: true, RecurringBilling: true}
	_, err := tenant.Purchase(snap, spec, policy.Builtin(), account)
	var pe *tenant.PurchaseError
	if !errors.Is(err, tenant.ErrAccountBlocked) || !errors.As(err, &pe) || pe.Rule != "R-MISC-2" || !pe.Since.Equal(date(2026, 2, 9)) {
		t.Fatalf("Purchase on 2026-02-10 = %v, want ErrAccountBlocked since 2026-02-09", err)
	}
	// The day before the block, and an account never notified, buy.
	spec.Start = date(2026, 2, 8)
	spec.End = mustDate(lifecycle.EndOfTerm(spec.Start, policy.Annual))
	if _, err := tenant.Purchase(snap, spec, policy.Builtin(), account); err != nil {
		t.Errorf("Purchase on 2026-02-08: %v", err)
	}
	spec.Start = date(2026, 2, 10)
	spec.End = mustDate(lifecycle.EndOfTerm(spec.Start, policy.Annual))
	if _, err := tenant.Purchase(accountSnap(t, tenant.MCA, time.Time{}), spec, policy.Builtin(), account); err != nil {
		t.Errorf("Purchase without notification: %v", err)
	}
}

func TestR_TRI_8_OneCSPTraditionalTrialPerOffer(t *testing.T) {
	trial := func(id string, start time.Time, offer string, class policy.OfferClass) lifecycle.Spec {
		return lifecycle.Spec{ID: id, Channel: policy.CSPLegacy, Term: policy.Annual, Offer: offer, OfferClass: class,
			Start: start, End: mustDate(lifecycle.EndOfTrial(start, 30)), Licenses: 25, Trial: true, RecurringBilling: true}
	}
	first, err := lifecycle.Purchase(trial("T1", date(2025, 5, 1), "O365E3", 0), policy.Builtin())
	if err != nil {
		t.Fatal(err)
	}
	snap := accountSnap(t, tenant.MOSA, time.Time{}, first)
	// A second trial of the same offer is refused, long after the first.
	_, err = tenant.Purchase(snap, trial("T2", date(2026, 1, 5), "O365E3", 0), policy.Builtin(), account)
	var pe *tenant.PurchaseError
	if !errors.Is(err, tenant.ErrTrialUsed) || !errors.As(err, &pe) || pe.Subscription != "T1" || pe.Rule != "R-TRI-8" {
		t.Fatalf("second trial = %v, want ErrTrialUsed naming T1", err)
	}
	// Another offer, or the same offer bought (not a trial), is fine.
	if _, err := tenant.Purchase(snap, trial("T3", date(2026, 1, 5), "O365E5", 0), policy.Builtin(), account); err != nil {
		t.Errorf("trial of another offer: %v", err)
	}
	paid := trial("P1", date(2026, 1, 5), "O365E3", 0)
	paid.Trial, paid.End = false, mustDate(lifecycle.EndOfTerm(paid.Start, policy.Annual))
	if _, err := tenant.Purchase(snap, paid, policy.Builtin(), account); err != nil {
		t.Errorf("paid subscription of the offer: %v", err)
	}
	// An id the tenant already has is refused.
	dup := trial("T1", date(2026, 1, 5), "O365E5", 0)
	if _, err := tenant.Purchase(snap, dup, policy.Builtin(), account); !errors.Is(err, tenant.ErrInvalid) || !strings.Contains(err.Error(), "T1") {
		t.Errorf("duplicate id: %v", err)
	}
	// CSP new commerce has no such rule.
	nce := trial("N1", date(2025, 5, 1), "O365E3", 0)
	nce.Channel = policy.CSPNewCommerce
	firstNCE, err := lifecycle.Purchase(nce, policy.Builtin())
	if err != nil {
		t.Fatal(err)
	}
	nce.ID, nce.Start, nce.End = "N2", date(2026, 1, 5), mustDate(lifecycle.EndOfTrial(date(2026, 1, 5), 30))
	if _, err := tenant.Purchase(accountSnap(t, tenant.MOSA, time.Time{}, firstNCE), nce, policy.Builtin(), account); err != nil {
		t.Errorf("second CSP NCE trial: %v", err)
	}
	// No free trial for government, education or add-on offers.
	for _, c := range []policy.OfferClass{policy.GovernmentOffer, policy.EducationOffer, policy.AddOnOffer} {
		_, err := tenant.Purchase(accountSnap(t, tenant.MOSA, time.Time{}), trial("G", date(2026, 1, 5), "X", c), policy.Builtin(), account)
		var re *lifecycle.RefusalError
		if !errors.Is(err, lifecycle.ErrNotOffered) || !errors.As(err, &re) || re.Rule != "R-TRI-8" || strings.Contains(err.Error(), "%!") {
			t.Errorf("%v trial = %v, want ErrNotOffered (R-TRI-8)", c, err)
		}
	}
	if _, err := lifecycle.Purchase(trial("C", date(2026, 1, 5), "X", policy.CommercialOffer), policy.Builtin()); err != nil {
		t.Errorf("commercial trial: %v", err)
	}
}

func TestR_DAT_6_AcceleratedDeprovisioning(t *testing.T) {
	entered := time.Date(2026, 2, 27, 14, 30, 0, 0, time.FixedZone("PST", -8*3600))
	got, err := tenant.DataDeletedAfterLockout(entered, account)
	if want := time.Date(2026, 3, 2, 22, 30, 0, 0, time.UTC); err != nil || !got.Equal(want) {
		t.Errorf("DataDeletedAfterLockout(%v) = %v, %v; want %v", entered, got, err, want)
	}
	if _, err := tenant.DataDeletedAfterLockout(time.Time{}, account); !errors.Is(err, tenant.ErrInvalid) {
		t.Errorf("zero instant: %v", err)
	}
}
