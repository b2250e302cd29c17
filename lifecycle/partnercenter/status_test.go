package partnercenter_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/lifecycle/partnercenter"
	"github.com/lapse-go/lapse/policy"
)

// annualOff is testdata/nce-annual-autorenew-off.json: new commerce,
// annual, 2025-06-14T16:57:14.498252Z to 2026-06-13, auto-renew off. Under
// the built-in rules it is Expired from 2026-06-14, Disabled from
// 2026-07-14 and Deleted from 2026-10-12 (E+121, §1.1 row 9).
func annualOff(t testing.TB) partnercenter.Subscription {
	return readFixture(t, "nce-annual-autorenew-off.json")[0]
}

// TestStatus is the table of the status rules: which statuses need which
// instant, the events they become, and the check at Options.AsOf.
func TestStatus(t *testing.T) {
	start := time.Date(2025, 6, 14, 16, 57, 14, 498252000, time.UTC)
	const id = "a4c1340d-6911-4758-bba3-0c4c6007d163"
	at := func(t time.Time) map[string]time.Time { return map[string]time.Time{id: t} }
	tests := []struct {
		name, reason string
		status       string
		autoRenew    bool
		opts         partnercenter.Options
		wantHistory  []lifecycle.Event // when no error is wanted
		wantErr      *refusal
		wantState    lifecycle.State // for a *MismatchError: the state lapse judged
	}{
		{name: "active", status: "active"},
		{name: "active, in any case", reason: "Partner Center writes lower case; the key's case never mattered", status: "Active"},
		{name: "active at AsOf", status: "active", opts: partnercenter.Options{AsOf: utc(2026, 6, 13, 23, 59, 59)}},
		{name: "active after the end", reason: "with auto-renew off lapse judges it expired: Partner Center was read later, or is wrong",
			status: "active", opts: partnercenter.Options{AsOf: utc(2026, 6, 14, 0, 0, 0)}, wantState: lifecycle.Expired},

		{name: "suspended without its instant", status: "suspended",
			wantErr: &refusal{Field: "status", Option: "SuspendedAt"}},
		{name: "suspended", status: "suspended", opts: partnercenter.Options{SuspendedAt: at(utc(2026, 3, 2, 10, 0, 0))},
			wantHistory: []lifecycle.Event{{Kind: lifecycle.Suspend, At: utc(2026, 3, 2, 10, 0, 0), Actor: lifecycle.Partner}}},
		{name: "suspended, checked", status: "suspended",
			opts:        partnercenter.Options{SuspendedAt: at(utc(2026, 3, 2, 10, 0, 0)), AsOf: utc(2026, 6, 1, 0, 0, 0)},
			wantHistory: []lifecycle.Event{{Kind: lifecycle.Suspend, At: utc(2026, 3, 2, 10, 0, 0), Actor: lifecycle.Partner}}},
		{name: "suspended before the term", reason: "a suspension ends with its term",
			status: "suspended", opts: partnercenter.Options{SuspendedAt: at(start.Add(-time.Second))},
			wantErr: &refusal{Field: `Options.SuspendedAt["` + id + `"]`}},
		{name: "suspended at the start", status: "suspended", opts: partnercenter.Options{SuspendedAt: at(start)},
			wantHistory: []lifecycle.Event{{Kind: lifecycle.Suspend, At: start, Actor: lifecycle.Partner}}},
		{name: "suspended at the zero time", status: "suspended", opts: partnercenter.Options{SuspendedAt: at(time.Time{})},
			wantErr: &refusal{Field: `Options.SuspendedAt["` + id + `"]`}},
		{name: "another id's suspension", reason: "keys are ids exactly as Partner Center spells them",
			status: "suspended", opts: partnercenter.Options{SuspendedAt: map[string]time.Time{"A4C1340D-6911-4758-BBA3-0C4C6007D163": start}},
			wantErr: &refusal{Field: "status", Option: "SuspendedAt"}},

		{name: "expired", reason: "the dates explain it", status: "expired"},
		{name: "expired, checked", status: "expired", opts: partnercenter.Options{AsOf: utc(2026, 6, 14, 0, 0, 0)}},
		{name: "expired too early", status: "expired", opts: partnercenter.Options{AsOf: utc(2026, 6, 13, 12, 0, 0)},
			wantState: lifecycle.Active},
		{name: "expired but renewing", status: "expired", autoRenew: true,
			wantErr: &refusal{Field: "autoRenewEnabled"}},

		{name: "disabled, path unknown", reason: "expiry or a suspension reaching the term end",
			status: "disabled", wantErr: &refusal{Field: "status", Option: "AsOf"}},
		{name: "disabled by expiry, checked", status: "disabled", opts: partnercenter.Options{AsOf: utc(2026, 7, 14, 0, 0, 0)}},
		{name: "disabled during the Expired days", reason: "only a suspension disables it then: 30-day Disabled (C-8)",
			status: "disabled", opts: partnercenter.Options{AsOf: utc(2026, 7, 1, 0, 0, 0)}, wantState: lifecycle.Expired},
		{name: "disabled after a suspension", status: "disabled",
			opts:        partnercenter.Options{SuspendedAt: at(utc(2026, 3, 2, 10, 0, 0)), AsOf: utc(2026, 7, 1, 0, 0, 0)},
			wantHistory: []lifecycle.Event{{Kind: lifecycle.Suspend, At: utc(2026, 3, 2, 10, 0, 0), Actor: lifecycle.Partner}}},
		{name: "disabled but renewing", status: "disabled", autoRenew: true, opts: partnercenter.Options{AsOf: utc(2026, 7, 14, 0, 0, 0)},
			wantErr: &refusal{Field: "autoRenewEnabled"}},

		{name: "deleted, path unknown", status: "deleted", wantErr: &refusal{Field: "status", Option: "CancelledAt"}},
		{name: "deleted by cancellation", reason: "R-CAN-14: within seven days of purchase; Deleted at once",
			status: "deleted", opts: partnercenter.Options{CancelledAt: at(start.Add(72 * time.Hour)), AsOf: start.Add(73 * time.Hour)},
			wantHistory: []lifecycle.Event{{Kind: lifecycle.CancelNow, At: start.Add(72 * time.Hour), Actor: lifecycle.Partner}}},
		{name: "deleted at the end of its life", status: "deleted", opts: partnercenter.Options{AsOf: utc(2026, 10, 12, 0, 0, 0)}},
		{name: "deleted too early", status: "deleted", opts: partnercenter.Options{AsOf: utc(2026, 10, 11, 23, 59, 59)},
			wantState: lifecycle.Disabled},
		{name: "deleted after a suspension", status: "deleted",
			opts:        partnercenter.Options{SuspendedAt: at(utc(2026, 3, 2, 10, 0, 0)), AsOf: utc(2026, 10, 12, 0, 0, 0)},
			wantHistory: []lifecycle.Event{{Kind: lifecycle.Suspend, At: utc(2026, 3, 2, 10, 0, 0), Actor: lifecycle.Partner}}},

		{name: "pending", reason: "not provisioned yet", status: "pending", wantErr: &refusal{Field: "status"}},
		{name: "none", status: "none", wantErr: &refusal{Field: "status"}},
		{name: "missing", status: "", wantErr: &refusal{Field: "status"}},
		{name: "unknown", status: "cancelled", wantErr: &refusal{Field: "status"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := annualOff(t)
			s.Status, s.AutoRenewEnabled = tt.status, ptr(tt.autoRenew)
			got, err := s.Spec(tt.opts)
			switch {
			case tt.wantErr != nil:
				want := *tt.wantErr
				want.Item = -1
				if diff := cmp.Diff(want, refusalOf(err)); diff != "" || err == nil {
					t.Errorf("Spec() refusal mismatch (-want +got):\n%s\nerror: %v", diff, err)
				}
				if want.Option != "" && !errors.Is(err, partnercenter.ErrMissing) {
					t.Errorf("Spec error %v does not match ErrMissing", err)
				}
			case tt.wantState != 0:
				var me *partnercenter.MismatchError
				if !errors.As(err, &me) || !errors.Is(err, partnercenter.ErrMismatch) {
					t.Fatalf("Spec: %v; want a *MismatchError", err)
				}
				if diff := cmp.Diff(partnercenter.MismatchError{Status: tt.status, State: tt.wantState, AsOf: tt.opts.AsOf}, *me); diff != "" {
					t.Errorf("MismatchError mismatch (-want +got):\n%s", diff)
				}
			default:
				if err != nil {
					t.Fatalf("Spec: %v (%s)", err, tt.reason)
				}
				if diff := cmp.Diff(tt.wantHistory, got.History); diff != "" {
					t.Errorf("Spec().History mismatch (-want +got):\n%s", diff)
				}
			}
		})
	}
}

// TestAsOfLocation checks that the instant of the check, not its location,
// decides: AsOf in any location gives the answer AsOf in UTC gives.
func TestAsOfLocation(t *testing.T) {
	for _, loc := range []*time.Location{time.UTC, time.FixedZone("UTC+14", 14*3600), time.FixedZone("UTC-12", -12*3600)} {
		for _, c := range []struct {
			at   time.Time
			fail bool
		}{
			{utc(2026, 6, 13, 23, 59, 59), false}, // active on its end date
			{utc(2026, 6, 14, 0, 0, 0), true},     // expired from the next day
		} {
			s := annualOff(t)
			_, err := s.Spec(partnercenter.Options{AsOf: c.at.In(loc)})
			if (err != nil) != c.fail {
				t.Errorf("AsOf %v: Spec error %v, want failure %v", c.at.In(loc), err, c.fail)
			}
		}
	}
}

// TestAsOfInvalid checks the Options the check needs.
func TestAsOfInvalid(t *testing.T) {
	s := annualOff(t)
	for _, asOf := range []time.Time{day(1899, 12, 31), day(2200, 1, 1)} {
		if _, err := s.Spec(partnercenter.Options{AsOf: asOf}); refusalOf(err).Field != "Options.AsOf" {
			t.Errorf("Spec with AsOf %v = %v; want a refusal of Options.AsOf", asOf, err)
		}
	}
	// The table judges: a table with no CSP rules cannot.
	direct, err := policy.Pin(policy.Builtin().Rows()[0].Rules)
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Spec(partnercenter.Options{AsOf: utc(2026, 1, 1, 0, 0, 0), Table: direct})
	if !errors.Is(err, lifecycle.ErrRulesMismatch) {
		t.Errorf("Spec judged by a direct-only table = %v; want lifecycle.ErrRulesMismatch", err)
	}
}
