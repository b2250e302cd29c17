package lifecycle_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// s2Row is one column of RULES.md §2 (the capability matrix) as the
// answers of a Status: what users, admins, the data and the partner get,
// and what may be done.
type s2Row struct {
	Services               bool
	Data                   lifecycle.DataAccess
	OfficeApps             lifecycle.AppsMode
	AdminCenter            bool
	AssignLicenses         bool
	Reactivate             bool
	BuyOtherSubscriptions  bool
	ChangeRecurringBilling bool
	Delete                 bool
	RemovePaymentMethod    bool
	PartnerBilled          lifecycle.Billing
}

func s2Of(c lifecycle.Capabilities) s2Row {
	return s2Row{c.Services, c.Data, c.OfficeApps, c.AdminCenter, c.AssignLicenses, c.Reactivate, c.BuyOtherSubscriptions,
		c.ChangeRecurringBilling, c.Delete, c.RemovePaymentMethod, c.PartnerBilled}
}

// s2Want returns the §2 column of state on ch: the direct (MOSA/MCA),
// Enterprise and VL columns, and the CSP columns (§1.2).
func s2Want(ch policy.Channel, state lifecycle.State) s2Row {
	csp := ch.IsCSP()
	billed := lifecycle.NotApplicable
	if csp {
		billed = lifecycle.NotBilled
	}
	partner := ch == policy.VolumeLicensing || ch == policy.OpenValue || ch == policy.OpenLicense
	w := s2Row{AdminCenter: true, BuyOtherSubscriptions: true, PartnerBilled: billed}
	switch state {
	case lifecycle.Active:
		w.Services, w.Data, w.OfficeApps, w.AssignLicenses = true, lifecycle.Everyone, lifecycle.AppsNormal, true
		w.ChangeRecurringBilling = !partner // R-REN-2; VL and Open: the licensing partner (R-REN-4)
		if csp {
			w.PartnerBilled = lifecycle.Billed
		}
	case lifecycle.Expired: // "Data is accessible to all"; CSP: "Can't be reactivated", partner not billed
		w.Services, w.Data, w.OfficeApps, w.AssignLicenses = true, lifecycle.Everyone, lifecycle.AppsNormal, true
		w.Reactivate = !csp
	case lifecycle.Disabled: // admins only, no license assignment; MOSA may delete (R-LC-9)
		w.Data, w.OfficeApps = lifecycle.AdminsOnly, lifecycle.AppsReducedFunctionality
		w.Reactivate = !csp
		w.Delete = ch == policy.DirectMOSA
	case lifecycle.Deleted: // "Data is deleted and Microsoft Entra ID is removed"; the payment method is free (R-PAY-1)
		w.Data, w.OfficeApps = lifecycle.Nobody, lifecycle.AppsReducedFunctionality
		w.RemovePaymentMethod = !csp
	case lifecycle.Suspended: // NCE: admins keep the data, the partner is still billed, reactivated by the partner
		w.Data, w.OfficeApps = lifecycle.AdminsOnly, lifecycle.AppsUndocumented
		w.Reactivate, w.PartnerBilled = true, lifecycle.Billed
	}
	return w
}

// TestSection2Columns walks every state of every channel and asserts each
// column of RULES.md §2 and §1.2: for each channel a subscription whose
// recurring billing is off runs out (Active, Expired, Disabled, Deleted),
// and a CSP subscription is suspended (Suspended, then the Disabled and
// Deleted that follow a suspension at term end, C-8). One instant well
// inside each phase is asked.
func TestSection2Columns(t *testing.T) {
	type scenario struct {
		name string
		spec lifecycle.Spec
		cmds []cmdStep
	}
	run := func(ch policy.Channel, term policy.Term, start time.Time) lifecycle.Spec {
		return lifecycle.Spec{ID: ch.String(), Channel: ch, Term: term, Start: start, End: mustDate(lifecycle.EndOfTerm(start, term)),
			Licenses: 10, Assigned: 5, PaymentMethod: !ch.IsCSP()}
	}
	scenarios := []scenario{
		{"direct-mosa", run(policy.DirectMOSA, policy.Annual, date(2025, 4, 1)), nil},
		{"direct-mca", run(policy.DirectMCA, policy.Monthly, date(2025, 11, 1)), nil}, // ends before 2026-02-09: Expired (AC-20)
		{"enterprise", run(policy.Enterprise, policy.Annual, date(2025, 7, 1)), nil},
		{"volume-licensing", run(policy.VolumeLicensing, policy.Annual, date(2025, 7, 1)), nil},
		{"open-value", run(policy.OpenValue, policy.Annual, date(2025, 7, 1)), nil},
		{"csp-nce", run(policy.CSPNewCommerce, policy.Annual, utc(2025, 7, 1, 10, 0)), nil},
		{"csp-nce/suspended", run(policy.CSPNewCommerce, policy.Annual, utc(2025, 7, 1, 10, 0)),
			[]cmdStep{{lifecycle.Command{Kind: lifecycle.CmdSuspend, Actor: lifecycle.Partner}, date(2026, 3, 1)}}},
	}
	columns := map[lifecycle.State]int{}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			lc := judgeSteps(t, sc.spec, builtin, sc.cmds)
			seen := map[lifecycle.State]bool{}
			for _, ph := range lc.Phases() {
				if ph.Trial || ph.End.IsZero() && ph.State != lifecycle.Deleted {
					continue
				}
				at := ph.Start.AddDate(0, 0, 1)
				if !ph.End.IsZero() && !at.Before(ph.End) {
					at = ph.Start
				}
				if len(sc.cmds) > 0 && at.Before(sc.cmds[len(sc.cmds)-1].at) {
					continue // before the suspension: the other scenario's column
				}
				st := mustAt(t, lc, at)
				want := s2Want(sc.spec.Channel, st.State())
				if diff := cmp.Diff(want, s2Of(st.Capabilities())); diff != "" {
					t.Errorf("%v at %v: §2 column mismatch (-want +got):\n%s", st.State(), at, diff)
				}
				seen[st.State()] = true
				columns[st.State()]++
			}
			want := []lifecycle.State{lifecycle.Active, lifecycle.Expired, lifecycle.Disabled, lifecycle.Deleted}
			if len(sc.cmds) > 0 {
				want = []lifecycle.State{lifecycle.Suspended, lifecycle.Disabled, lifecycle.Deleted}
			}
			for _, s := range want {
				if !seen[s] {
					t.Errorf("the walk never reached %v", s)
				}
			}
		})
	}
	for _, s := range []lifecycle.State{lifecycle.Active, lifecycle.Expired, lifecycle.Disabled, lifecycle.Deleted, lifecycle.Suspended} {
		if columns[s] == 0 {
			t.Errorf("no channel walked through %v", s)
		}
	}
}
