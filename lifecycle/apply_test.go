package lifecycle_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// This file holds the acceptance cases of RULES.md §6 about commands and
// eligibility, one table row per case (or per boundary instant), named by
// its AC id. Every row is judged against the built-in table: a command by
// the version in force at its instant, a window by the version in force
// when it opened, the end of a term by the version in force on its end
// date (see Judge). Rows about a historical version use instants inside
// that version's period.

// cmdStep is a command issued at an instant, for the setup of a row.
type cmdStep struct {
	cmd lifecycle.Command
	at  time.Time
}

// judgeSteps judges spec against table and applies the setup steps, or
// fails the test.
func judgeSteps(tb testing.TB, spec lifecycle.Spec, table *policy.Table, setup []cmdStep) lifecycle.Lifecycle {
	tb.Helper()
	lc := judge(tb, mustNew(tb, spec), table)
	for _, s := range setup {
		next, err := lc.Apply(s.cmd, s.at)
		if err != nil {
			tb.Fatalf("setup Apply(%v at %v): %v", s.cmd, s.at, err)
		}
		lc = next
	}
	return lc
}

// cmdOutcome is what a table compares: the sentinel a refusal matches (""
// when accepted), the state after an accepted command, and the rule and
// advice of a refusal.
type cmdOutcome struct {
	Refused string
	State   lifecycle.State
	Rule    string
	Instead string
}

var cmdSentinels = []struct {
	name string
	err  error
}{
	{"role", lifecycle.ErrRole},
	{"state", lifecycle.ErrState},
	{"window", lifecycle.ErrWindowClosed},
	{"limit", lifecycle.ErrLicenseLimit},
	{"precondition", lifecycle.ErrPrecondition},
	{"not-offered", lifecycle.ErrNotOffered},
	{"sales-ended", lifecycle.ErrSalesEnded},
	{"history", lifecycle.ErrHistory},
}

// sentinelOf names the sentinels err matches, comma-separated.
func sentinelOf(err error) string {
	var names []string
	for _, s := range cmdSentinels {
		if errors.Is(err, s.err) {
			names = append(names, s.name)
		}
	}
	if len(names) == 0 {
		return "other: " + err.Error()
	}
	return strings.Join(names, ",")
}

// applyOutcome issues cmd on lc, judged against table, and reduces the
// answer to an outcome. It also checks that Check agrees with Apply, that
// lc is left as it was, and that the lifecycle Apply returns answers at
// the command's instant as the new subscription judged from scratch does.
func applyOutcome(t *testing.T, lc lifecycle.Lifecycle, table *policy.Table, cmd lifecycle.Command, at time.Time) cmdOutcome {
	t.Helper()
	phases := lc.Phases()
	next, err := lc.Apply(cmd, at)
	if !cmp.Equal(phases, lc.Phases()) {
		t.Errorf("Apply(%v at %v) changed the lifecycle it was called on", cmd, at)
	}
	if err != nil {
		if errors.Is(err, lifecycle.ErrRefused) != errors.As(err, new(*lifecycle.RefusalError)) {
			t.Errorf("errors.Is(ErrRefused) and errors.As(*RefusalError) disagree for %v", err)
		}
		if cerr := lc.Check(cmd, at); cerr == nil || cerr.Error() != err.Error() {
			t.Errorf("Check = %v, Apply = %v", cerr, err)
		}
		if !next.IsZero() {
			t.Errorf("a refused Apply returned a non-zero Lifecycle")
		}
		o := cmdOutcome{Refused: sentinelOf(err)}
		var re *lifecycle.RefusalError
		if errors.As(err, &re) {
			o.State, o.Rule, o.Instead = re.State, re.Rule, re.Instead()
			if !strings.HasPrefix(err.Error(), "lifecycle: ") {
				t.Errorf("error %q lacks the package prefix", err)
			}
		}
		return o
	}
	if cerr := lc.Check(cmd, at); cerr != nil {
		t.Errorf("Check = %v, Apply accepted", cerr)
	}
	if n, m := next.Subscription().Len(), lc.Subscription().Len(); n != m+1 {
		t.Errorf("Apply appended %d events, want 1", n-m)
	}
	st, err := next.At(at)
	if err != nil {
		t.Fatalf("At after Apply: %v", err)
	}
	fresh, err := lifecycle.Evaluate(next.Subscription(), table, at)
	if err != nil {
		t.Fatalf("Evaluate after Apply: %v", err)
	}
	if diff := cmp.Diff(answersOf(fresh), answersOf(st)); diff != "" {
		t.Errorf("Apply(%v at %v).At differs from Evaluate of the new subscription (-evaluate +apply):\n%s", cmd, at, diff)
	}
	return cmdOutcome{State: st.State()}
}

type applyRow struct {
	name   string
	reason string
	spec   lifecycle.Spec
	setup  []cmdStep
	cmd    lifecycle.Command
	at     time.Time
	want   cmdOutcome
}

func cmdBy(k lifecycle.CommandKind, actor lifecycle.Role) lifecycle.Command {
	return lifecycle.Command{Kind: k, Actor: actor}
}

func applyRows() []applyRow {
	const (
		ga  = lifecycle.GlobalAdmin
		ba  = lifecycle.BillingAdmin
		ua  = lifecycle.UserAdmin
		bao = lifecycle.BillingAccountOwner
		p   = lifecycle.Partner
		sup = lifecycle.Support
	)
	mosa := func(licenses, assigned int) lifecycle.Spec {
		return lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Annual, Start: utc(2025, 6, 1, 9, 0),
			End: day(2026, 5, 31), Licenses: licenses, Assigned: assigned, RecurringBilling: true, PaymentMethod: true}
	}
	mosa2020 := func(licenses, assigned int) lifecycle.Spec {
		return lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Annual, Start: utc(2020, 6, 1, 9, 0),
			End: day(2021, 5, 31), Licenses: licenses, Assigned: assigned, RecurringBilling: true, PaymentMethod: true}
	}
	mca := lifecycle.Spec{Channel: policy.DirectMCA, Term: policy.Annual, Start: utc(2026, 1, 10, 15, 30),
		End: day(2027, 1, 9), Licenses: 10, Assigned: 5, RecurringBilling: true, PaymentMethod: true}
	mca2022 := lifecycle.Spec{Channel: policy.DirectMCA, Term: policy.Annual, Start: utc(2022, 2, 1, 11, 0),
		End: day(2023, 1, 31), Licenses: 1, Assigned: 1, RecurringBilling: true, PaymentMethod: true}
	csp := lifecycle.Spec{Channel: policy.CSPNewCommerce, Term: policy.Annual, Start: utc(2026, 1, 15, 10, 0),
		End: day(2027, 1, 14), Licenses: 20, Assigned: 10, RecurringBilling: true}
	cspRenewing := lifecycle.Spec{Channel: policy.CSPNewCommerce, Term: policy.Annual, Start: utc(2025, 3, 2, 8, 0),
		End: day(2026, 3, 1), Licenses: 20, Assigned: 10, RecurringBilling: true}
	cspTrial := lifecycle.Spec{Channel: policy.CSPNewCommerce, Term: policy.Annual, Start: utc(2026, 5, 1, 0, 0),
		End: mustDate(lifecycle.EndOfTrial(date(2026, 5, 1), 30)), Licenses: 25, Trial: true, RecurringBilling: true}
	legacyTrial := cspTrial
	legacyTrial.Channel = policy.CSPLegacy
	legacyTrial.RecurringBilling = false
	directTrial := lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Annual, Start: utc(2026, 3, 1, 12, 0),
		End: mustDate(lifecycle.EndOfTrial(date(2026, 3, 1), 30)), Licenses: 25, Trial: true, RecurringBilling: true, PaymentMethod: true}
	estMCA := lifecycle.Spec{Channel: policy.DirectMCA, Term: policy.Annual, Start: utc(2025, 3, 1, 9, 0),
		End: day(2026, 2, 28), Licenses: 10, Assigned: 10, RecurringBilling: false, PaymentMethod: true}
	mcaSep2024 := lifecycle.Spec{Channel: policy.DirectMCA, Term: policy.Annual, Start: utc(2024, 9, 8, 12, 0),
		End: day(2025, 9, 7), Licenses: 1, Assigned: 1, RecurringBilling: true, PaymentMethod: true}
	csp2022 := func(start time.Time) lifecycle.Spec {
		return lifecycle.Spec{Channel: policy.CSPNewCommerce, Term: policy.Annual, Start: start,
			End: mustDate(lifecycle.EndOfTerm(start, policy.Annual)), Licenses: 20, Assigned: 10, RecurringBilling: true}
	}
	estFrom := date(2026, 2, 9) // the first instant of the direct-mca 2025-12 version, which offers the EST (R-LC-13)
	openLicense := lifecycle.Spec{Channel: policy.OpenLicense, Term: policy.Annual, Start: utc(2021, 1, 1, 9, 0),
		End: day(2021, 12, 31), Licenses: 5}
	key := lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Annual, Start: utc(2015, 3, 1, 9, 0),
		End: day(2016, 2, 29), Licenses: 5, Assigned: 5, ProductKey: true}
	dom := cmdBy(lifecycle.CmdCancelNow, ga)
	dom.CustomDomains = []string{"contoso.com"}
	remove := func(n int, actor lifecycle.Role) lifecycle.Command {
		return lifecycle.Command{Kind: lifecycle.CmdRemoveLicenses, Actor: actor, Licenses: n}
	}
	add := func(n int, actor lifecycle.Role) lifecycle.Command {
		return lifecycle.Command{Kind: lifecycle.CmdAddLicenses, Actor: actor, Licenses: n}
	}
	assign := func(n int, actor lifecycle.Role) lifecycle.Command {
		return lifecycle.Command{Kind: lifecycle.CmdAssignLicenses, Actor: actor, Assigned: n}
	}
	const (
		rWinMCA  = "R-CAN-3, R-REF-2, DC-6"
		rWin2022 = "R-CAN-5, R-REF-3, DC-5"
		rWinCSP  = "R-CAN-14, R-CAN-15, DC-5"
	)
	return []applyRow{
		{name: "AC-13", reason: "25 or fewer licenses: cancel online (R-CAN-1)",
			spec: mosa(25, 20), cmd: cmdBy(lifecycle.CmdCancelNow, ga), at: date(2026, 2, 1),
			want: cmdOutcome{State: lifecycle.Disabled}},
		{name: "AC-14/26-licenses", reason: "more than 25: reduce first (R-CAN-1)",
			spec: mosa(26, 26), cmd: cmdBy(lifecycle.CmdCancelNow, ga), at: date(2026, 2, 1),
			want: cmdOutcome{Refused: "limit", State: lifecycle.Active, Rule: "R-CAN-1, C-4", Instead: "reduce to 25 licenses or fewer first, then cancel online"}},
		{name: "AC-14/remove-assigned", reason: "an assigned license can't be removed (R-LIC-1)",
			spec: mosa(26, 26), cmd: remove(1, ga), at: date(2026, 2, 1),
			want: cmdOutcome{Refused: "precondition", State: lifecycle.Active, Rule: "R-LIC-1", Instead: "unassign 1 license from users first"}},
		{name: "AC-14/unassign-remove-cancel", reason: "unassign, reduce to 25, then cancel online",
			spec: mosa(26, 26), setup: []cmdStep{{assign(25, ua), date(2026, 2, 1)}, {remove(1, ba), date(2026, 2, 1)}},
			cmd: cmdBy(lifecycle.CmdCancelNow, ga), at: date(2026, 2, 1), want: cmdOutcome{State: lifecycle.Disabled}},
		{name: "AC-14/2020-call-support", reason: "2020–2021 rule: more than 25 assigned, call support (R-CAN-6)",
			spec: mosa2020(26, 26), cmd: cmdBy(lifecycle.CmdCancelNow, ga), at: date(2021, 2, 1),
			want: cmdOutcome{Refused: "limit", State: lifecycle.Active, Rule: "R-CAN-6, C-4", Instead: "contact support to cancel"}},
		{name: "AC-14/2020-support-cancels", reason: "support cancels past the online limit",
			spec: mosa2020(26, 26), cmd: cmdBy(lifecycle.CmdCancelNow, sup), at: date(2021, 2, 1),
			want: cmdOutcome{State: lifecycle.Disabled}},
		{name: "AC-15/24-assigned", reason: "2020–2021: fewer than 25 assigned, online",
			spec: mosa2020(30, 24), cmd: cmdBy(lifecycle.CmdCancelNow, ba), at: date(2021, 2, 1),
			want: cmdOutcome{State: lifecycle.Disabled}},
		{name: "AC-15/25-assigned", reason: "exactly 25 is [AMBIGUOUS]; default Inclusive=false: call support",
			spec: mosa2020(30, 25), cmd: cmdBy(lifecycle.CmdCancelNow, ba), at: date(2021, 2, 1),
			want: cmdOutcome{Refused: "limit", State: lifecycle.Active, Rule: "R-CAN-6, C-4", Instead: "contact support to cancel"}},
		{name: "AC-15/26-assigned", reason: "more than 25 assigned: call support",
			spec: mosa2020(30, 26), cmd: cmdBy(lifecycle.CmdCancelNow, ba), at: date(2021, 2, 1),
			want: cmdOutcome{Refused: "limit", State: lifecycle.Active, Rule: "R-CAN-6, C-4", Instead: "contact support to cancel"}},
		{name: "AC-14/office-365-era", reason: "Office 365 era: remove users until fewer than 25 are assigned, or call support (R-CAN-7)",
			spec: lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Annual, Start: utc(2015, 3, 1, 9, 0), End: day(2016, 2, 29),
				Licenses: 30, Assigned: 25, RecurringBilling: true, PaymentMethod: true},
			cmd: cmdBy(lifecycle.CmdCancelNow, ga), at: date(2015, 9, 1),
			want: cmdOutcome{Refused: "limit", State: lifecycle.Active, Rule: "R-CAN-7, C-4", Instead: "unassign licenses until fewer than 25 are assigned, or contact support"}},
		{name: "AC-16/product-key-online", reason: "Office 365 era, product key: cancellation only via support (R-CAN-7)",
			spec: key, cmd: cmdBy(lifecycle.CmdCancelNow, ga), at: date(2015, 9, 1),
			want: cmdOutcome{Refused: "precondition", State: lifecycle.Active, Rule: "R-CAN-7, R-REF-4", Instead: "contact support to cancel; no refund is given"}},
		{name: "AC-16/product-key-support", reason: "support cancels a product-key subscription",
			spec: key, cmd: cmdBy(lifecycle.CmdCancelNow, sup), at: date(2015, 9, 1),
			want: cmdOutcome{State: lifecycle.Disabled}},
		{name: "AC-16/product-key-licenses", reason: "prepaid: licenses can't be removed (R-REF-4)",
			spec: key, cmd: remove(1, ga), at: date(2015, 9, 1),
			want: cmdOutcome{Refused: "not-offered", State: lifecycle.Active, Rule: "R-REF-4", Instead: "turn off recurring billing so that fewer licenses renew"}},
		{name: "AC-17/user-admin", reason: "a User Administrator can't cancel (R-CAN-9)",
			spec: mosa(10, 5), cmd: cmdBy(lifecycle.CmdCancelNow, ua), at: date(2026, 2, 1),
			want: cmdOutcome{Refused: "role", State: lifecycle.Active, Rule: "R-CAN-9, §3.12", Instead: "ask a Global Administrator or a Billing Administrator, or contact support"}},
		{name: "AC-17/billing-admin", spec: mosa(10, 5), cmd: cmdBy(lifecycle.CmdCancelNow, ba), at: date(2026, 2, 1),
			want: cmdOutcome{State: lifecycle.Disabled}},
		{name: "AC-17/global-admin", spec: mosa(10, 5), cmd: cmdBy(lifecycle.CmdCancelNow, ga), at: date(2026, 2, 1),
			want: cmdOutcome{State: lifecycle.Disabled}},
		{name: "AC-17/mca-global-admin", reason: "MCA: billing account or profile owners and contributors only",
			spec: mca, cmd: cmdBy(lifecycle.CmdCancelNow, ga), at: date(2026, 1, 12),
			want: cmdOutcome{Refused: "role", State: lifecycle.Active, Rule: "R-CAN-9, §3.12",
				Instead: "ask a billing account owner or a billing account contributor or a billing profile owner or a billing profile contributor, or contact support"}},
		{name: "AC-18", reason: "MCA within seven days: cancel, Disabled from the cancel date",
			spec: mca, cmd: cmdBy(lifecycle.CmdCancelNow, bao), at: date(2026, 1, 15), want: cmdOutcome{State: lifecycle.Disabled}},
		{name: "AC-19/2026-01-18", reason: "eight days after the start: only recurring billing can be turned off",
			spec: mca, cmd: cmdBy(lifecycle.CmdCancelNow, bao), at: utc(2026, 1, 18, 12, 0),
			want: cmdOutcome{Refused: "window", State: lifecycle.Active, Rule: rWinMCA,
				Instead: "turn off recurring billing and let it expire on 2027-01-09; charges continue until then"}},
		{name: "AC-19/2026-01-17", reason: "start+7 is inside under DC-6 (inclusive)",
			spec: mca, cmd: cmdBy(lifecycle.CmdCancelNow, bao), at: date(2026, 1, 17), want: cmdOutcome{State: lifecycle.Disabled}},
		{name: "AC-19/boundary-1ns", spec: mca, cmd: cmdBy(lifecycle.CmdCancelNow, bao), at: date(2026, 1, 18).Add(-time.Nanosecond),
			want: cmdOutcome{State: lifecycle.Disabled}},
		{name: "AC-19/boundary", spec: mca, cmd: cmdBy(lifecycle.CmdCancelNow, bao), at: date(2026, 1, 18),
			want: cmdOutcome{Refused: "window", State: lifecycle.Active, Rule: rWinMCA,
				Instead: "turn off recurring billing and let it expire on 2027-01-09; charges continue until then"}},
		{name: "AC-19/boundary+1ns", spec: mca, cmd: cmdBy(lifecycle.CmdCancelNow, bao), at: date(2026, 1, 18).Add(time.Nanosecond),
			want: cmdOutcome{Refused: "window", State: lifecycle.Active, Rule: rWinMCA,
				Instead: "turn off recurring billing and let it expire on 2027-01-09; charges continue until then"}},
		{name: "AC-19/recurring-billing-off", reason: "the option that remains",
			spec: mca, cmd: cmdBy(lifecycle.CmdTurnOffRecurringBilling, bao), at: date(2026, 1, 18), want: cmdOutcome{State: lifecycle.Active}},
		{name: "AC-22/add", reason: "on an Extended Service Term the quantity can't change (R-LC-13)",
			spec: estMCA, setup: []cmdStep{{cmdBy(lifecycle.CmdConvertToEST, bao), estFrom}},
			cmd: add(1, bao), at: date(2026, 4, 15),
			want: cmdOutcome{Refused: "not-offered", State: lifecycle.Active, Rule: "R-LC-13", Instead: "buy a new subscription with the quantity you need"}},
		{name: "AC-22/remove", spec: estMCA, setup: []cmdStep{{cmdBy(lifecycle.CmdConvertToEST, bao), estFrom}},
			cmd: remove(1, bao), at: date(2026, 4, 15),
			want: cmdOutcome{Refused: "not-offered", State: lifecycle.Active, Rule: "R-LC-13", Instead: "buy a new subscription with the quantity you need"}},
		{name: "AC-22/convert-1ns", reason: "the EST is offered as of 2026-02-09 (R-LC-13): a conversion is judged by the version in force at its instant",
			spec: estMCA, cmd: cmdBy(lifecycle.CmdConvertToEST, bao), at: estFrom.Add(-time.Nanosecond),
			want: cmdOutcome{Refused: "not-offered", State: lifecycle.Active, Rule: "R-LC-13, R-REA-6", Instead: "renew the subscription or let it end"}},
		{name: "AC-22/convert", reason: "MCA from 2026-02-09: an EST can follow the term (R-LC-13)",
			spec: estMCA, cmd: cmdBy(lifecycle.CmdConvertToEST, bao), at: estFrom, want: cmdOutcome{State: lifecycle.Active}},
		{name: "AC-22/convert+1ns", spec: estMCA, cmd: cmdBy(lifecycle.CmdConvertToEST, bao), at: estFrom.Add(time.Nanosecond),
			want: cmdOutcome{State: lifecycle.Active}},
		{name: "AC-22/twice", spec: estMCA, setup: []cmdStep{{cmdBy(lifecycle.CmdConvertToEST, bao), estFrom}},
			cmd: cmdBy(lifecycle.CmdConvertToEST, bao), at: date(2026, 2, 10),
			want: cmdOutcome{Refused: "precondition", State: lifecycle.Active, Rule: "R-LC-13"}},
		{name: "R-LC-14/est-before-2026-02-09", reason: "the term ends on 2027-01-09, under R-LC-13, but on 2026-01-12 no EST was offered yet: " +
			"the command is judged by the version in force at its instant (was accepted when every rule came from the end date)",
			spec: mca, cmd: cmdBy(lifecycle.CmdConvertToEST, bao), at: date(2026, 1, 12),
			want: cmdOutcome{Refused: "not-offered", State: lifecycle.Active, Rule: "R-LC-13, R-REA-6", Instead: "renew the subscription or let it end"}},
		{name: "R-LC-14/est-by-end-date", reason: "the same term, converted once the EST is offered; its end (2027-01-09) is judged by the 2025-12 version",
			spec: mca, cmd: cmdBy(lifecycle.CmdConvertToEST, bao), at: estFrom,
			want: cmdOutcome{State: lifecycle.Active}},
		{name: "R-LC-13/est-2022", reason: "no EST under the 2022 rules",
			spec: mca2022, cmd: cmdBy(lifecycle.CmdConvertToEST, bao), at: date(2022, 3, 1),
			want: cmdOutcome{Refused: "not-offered", State: lifecycle.Active, Rule: "R-LC-13, R-REA-6", Instead: "renew the subscription or let it end"}},
		{name: "R-LC-13/est-mosa", spec: mosa(10, 5), cmd: cmdBy(lifecycle.CmdConvertToEST, ga), at: date(2026, 2, 1),
			want: cmdOutcome{Refused: "not-offered", State: lifecycle.Active, Rule: "R-LC-13, R-REA-6", Instead: "renew the subscription or let it end"}},
		{name: "AC-24/within-72h", reason: "2022 billing profile: within 72 hours",
			spec: mca2022, cmd: cmdBy(lifecycle.CmdCancelNow, bao), at: utc(2022, 2, 3, 11, 0), want: cmdOutcome{State: lifecycle.Disabled}},
		{name: "AC-24/at-72h", reason: "DC-5 default: the boundary instant is inside",
			spec: mca2022, cmd: cmdBy(lifecycle.CmdCancelNow, bao), at: utc(2022, 2, 4, 11, 0), want: cmdOutcome{State: lifecycle.Disabled}},
		{name: "AC-24/after-72h", reason: "refunds aren't available after 72 hours",
			spec: mca2022, cmd: cmdBy(lifecycle.CmdCancelNow, bao), at: utc(2022, 2, 4, 11, 0).Add(time.Second),
			want: cmdOutcome{Refused: "window", State: lifecycle.Active, Rule: rWin2022,
				Instead: "turn off recurring billing and let it expire on 2023-01-31; charges continue until then"}},
		{name: "R-CAN-5/window-by-opening-version/72h", reason: "bought under the 72-hour version, two days before the seven-day version: " +
			"the window is judged by the version in force when it opened",
			spec: mcaSep2024, cmd: cmdBy(lifecycle.CmdCancelNow, bao), at: utc(2024, 9, 11, 12, 0), want: cmdOutcome{State: lifecycle.Disabled}},
		{name: "R-CAN-5/window-by-opening-version/72h+1ns", reason: "closed, although the version in force at the command has a seven-day window",
			spec: mcaSep2024, cmd: cmdBy(lifecycle.CmdCancelNow, bao), at: utc(2024, 9, 11, 12, 0).Add(time.Nanosecond),
			want: cmdOutcome{Refused: "window", State: lifecycle.Active, Rule: rWin2022,
				Instead: "turn off recurring billing and let it expire on 2025-09-07; charges continue until then"}},
		{name: "R-CAN-14/retroactive/at", reason: "bought 2022-02-25 under the 72-hour window; the seven-day window of 2022-03-01 " +
			"applies retroactively to subscriptions purchased seven days prior",
			spec: csp2022(utc(2022, 2, 25, 10, 0)), cmd: cmdBy(lifecycle.CmdCancelNow, p), at: utc(2022, 3, 4, 10, 0), want: cmdOutcome{State: lifecycle.Deleted}},
		{name: "R-CAN-14/retroactive/+1ns", spec: csp2022(utc(2022, 2, 25, 10, 0)), cmd: cmdBy(lifecycle.CmdCancelNow, p), at: utc(2022, 3, 4, 10, 0).Add(time.Nanosecond),
			want: cmdOutcome{Refused: "window", State: lifecycle.Active, Rule: rWinCSP,
				Instead: "turn off auto-renew so that it ends on 2023-02-24; the partner is billed for the full term"}},
		{name: "R-CAN-14/not-retroactive/at", reason: "bought 2022-02-20: its seven days would have ended before 2022-03-01, so the 72-hour window stands",
			spec: csp2022(utc(2022, 2, 20, 10, 0)), cmd: cmdBy(lifecycle.CmdCancelNow, p), at: utc(2022, 2, 23, 10, 0), want: cmdOutcome{State: lifecycle.Deleted}},
		{name: "R-CAN-14/not-retroactive/+1ns", spec: csp2022(utc(2022, 2, 20, 10, 0)), cmd: cmdBy(lifecycle.CmdCancelNow, p), at: utc(2022, 2, 23, 10, 0).Add(time.Nanosecond),
			want: cmdOutcome{Refused: "window", State: lifecycle.Active, Rule: rWinCSP,
				Instead: "turn off auto-renew so that it ends on 2023-02-19; the partner is billed for the full term"}},
		{name: "AC-32/renew-2021-12-31", reason: "Open License renewal before 2022-01-01",
			spec: openLicense, cmd: cmdBy(lifecycle.CmdRenew, ga), at: utc(2021, 12, 31, 10, 0), want: cmdOutcome{State: lifecycle.Active}},
		{name: "AC-32/renew-2022-01-01", reason: "no renewals from 2022-01-01 (C-23)",
			spec: openLicense, cmd: cmdBy(lifecycle.CmdRenew, ga), at: date(2022, 1, 1),
			want: cmdOutcome{Refused: "sales-ended", State: lifecycle.Expired, Rule: "C-23", Instead: "buy through another program, such as Open Value"}},
		{name: "AC-35", reason: "CSP cancel within 168 hours: Deleted at once",
			spec: csp, cmd: cmdBy(lifecycle.CmdCancelNow, p), at: utc(2026, 1, 20, 9, 0), want: cmdOutcome{State: lifecycle.Deleted}},
		{name: "AC-36/-1ns", spec: csp, cmd: cmdBy(lifecycle.CmdCancelNow, p), at: utc(2026, 1, 22, 10, 0).Add(-time.Nanosecond),
			want: cmdOutcome{State: lifecycle.Deleted}},
		{name: "AC-36/at", reason: "exactly 168 hours: inside under the DC-5 default",
			spec: csp, cmd: cmdBy(lifecycle.CmdCancelNow, p), at: utc(2026, 1, 22, 10, 0), want: cmdOutcome{State: lifecycle.Deleted}},
		{name: "AC-36/+1ns", spec: csp, cmd: cmdBy(lifecycle.CmdCancelNow, p), at: utc(2026, 1, 22, 10, 0).Add(time.Nanosecond),
			want: cmdOutcome{Refused: "window", State: lifecycle.Active, Rule: rWinCSP,
				Instead: "turn off auto-renew so that it ends on 2027-01-14; the partner is billed for the full term"}},
		{name: "AC-36/+1s", spec: csp, cmd: cmdBy(lifecycle.CmdCancelNow, p), at: utc(2026, 1, 22, 10, 0).Add(time.Second),
			want: cmdOutcome{Refused: "window", State: lifecycle.Active, Rule: rWinCSP,
				Instead: "turn off auto-renew so that it ends on 2027-01-14; the partner is billed for the full term"}},
		{name: "AC-36/customer-admin", reason: "CSP: the partner cancels, not the customer",
			spec: csp, cmd: cmdBy(lifecycle.CmdCancelNow, ga), at: utc(2026, 1, 16, 0, 0),
			want: cmdOutcome{Refused: "role", State: lifecycle.Active, Rule: "§3.12, R-CAN-14, R-REA-7", Instead: "contact your CSP partner"}},
		{name: "AC-38/at", reason: "the window starts at the renewal's completion (R-CAN-15)",
			spec: cspRenewing, setup: []cmdStep{{cmdBy(lifecycle.CmdRenew, p), utc(2026, 3, 2, 6, 0)}},
			cmd: cmdBy(lifecycle.CmdCancelNow, p), at: utc(2026, 3, 9, 6, 0), want: cmdOutcome{State: lifecycle.Deleted}},
		{name: "AC-38/+1ns", spec: cspRenewing, setup: []cmdStep{{cmdBy(lifecycle.CmdRenew, p), utc(2026, 3, 2, 6, 0)}},
			cmd: cmdBy(lifecycle.CmdCancelNow, p), at: utc(2026, 3, 9, 6, 0).Add(time.Nanosecond),
			want: cmdOutcome{Refused: "window", State: lifecycle.Active, Rule: rWinCSP,
				Instead: "turn off auto-renew so that it ends on 2027-03-01; the partner is billed for the full term"}},
		{name: "AC-38/reduce", reason: "seats can be reduced in the same window",
			spec: cspRenewing, setup: []cmdStep{{cmdBy(lifecycle.CmdRenew, p), utc(2026, 3, 2, 6, 0)}},
			cmd: remove(5, p), at: utc(2026, 3, 9, 6, 0), want: cmdOutcome{State: lifecycle.Active}},
		{name: "AC-38/without-renewal-event", reason: "without the completion instant the window opens at 00:00Z of the first day (DC-1)",
			spec: cspRenewing, cmd: cmdBy(lifecycle.CmdCancelNow, p), at: utc(2026, 3, 9, 3, 0),
			want: cmdOutcome{Refused: "window", State: lifecycle.Active, Rule: rWinCSP,
				Instead: "turn off auto-renew so that it ends on 2027-03-01; the partner is billed for the full term"}},
		{name: "AC-40/remove-added", reason: "the 10 seats added mid-term can be removed for 168 hours",
			spec: csp, setup: []cmdStep{{add(10, p), utc(2026, 4, 1, 8, 0)}},
			cmd: remove(10, p), at: utc(2026, 4, 8, 8, 0), want: cmdOutcome{State: lifecycle.Active}},
		{name: "AC-40/remove-more", reason: "only the added seats are in their window",
			spec: csp, setup: []cmdStep{{add(10, p), utc(2026, 4, 1, 8, 0)}},
			cmd: remove(11, p), at: utc(2026, 4, 5, 0, 0),
			want: cmdOutcome{Refused: "window", State: lifecycle.Active, Rule: "R-LIC-2, R-LIC-7",
				Instead: "remove the others in the next window, which opens at the renewal on 2027-01-15"}},
		{name: "AC-40/2026-04-09", reason: "after the window: rejected until the next renewal window",
			spec: csp, setup: []cmdStep{{add(10, p), utc(2026, 4, 1, 8, 0)}},
			cmd: remove(1, p), at: date(2026, 4, 9),
			want: cmdOutcome{Refused: "window", State: lifecycle.Active, Rule: "R-LIC-2, R-LIC-7",
				Instead: "remove licenses in the next window, which opens at the renewal on 2027-01-15"}},
		{name: "AC-42", reason: "CSP licenses can't be removed in the admin center (R-LIC-8)",
			spec: csp, cmd: remove(1, ga), at: utc(2026, 1, 16, 0, 0),
			want: cmdOutcome{Refused: "role", State: lifecycle.Active, Rule: "R-LIC-8", Instead: "contact your CSP partner to change licenses"}},
		{name: "AC-43/seats-during-trial", reason: "CSP: the license count can't change during the trial (R-LIC-9)",
			spec: cspTrial, cmd: add(5, p), at: date(2026, 5, 10),
			want: cmdOutcome{Refused: "state", State: lifecycle.Active, Rule: "R-LIC-9", Instead: "wait until the trial converts to a paid subscription"}},
		{name: "AC-43/cancel-converted", reason: "the converted subscription has the standard window, until 2026-06-07",
			spec: cspTrial, cmd: cmdBy(lifecycle.CmdCancelNow, p), at: date(2026, 6, 7), want: cmdOutcome{State: lifecycle.Deleted}},
		{name: "AC-43/cancel-converted-late", spec: cspTrial, cmd: cmdBy(lifecycle.CmdCancelNow, p), at: date(2026, 6, 7).Add(time.Nanosecond),
			want: cmdOutcome{Refused: "window", State: lifecycle.Active, Rule: rWinCSP,
				Instead: "turn off auto-renew so that it ends on 2027-05-30; the partner is billed for the full term"}},
		{name: "AC-45", reason: "CSP traditional: free trials can't be extended (R-TRI-8)",
			spec: legacyTrial, cmd: cmdBy(lifecycle.CmdExtendTrial, p), at: date(2026, 5, 20),
			want: cmdOutcome{Refused: "not-offered", State: lifecycle.Active, Rule: "R-TRI-8, R-TRI-4", Instead: "buy the trial (convert-trial) before it ends on 2026-05-30"}},
		{name: "AC-45/expired", reason: "after the trial expired there is nothing to extend",
			spec: legacyTrial, cmd: cmdBy(lifecycle.CmdExtendTrial, p), at: date(2026, 6, 2),
			want: cmdOutcome{Refused: "state", State: lifecycle.Expired, Rule: "R-LC-1, §2", Instead: ""}},
		{name: "AC-51", reason: "remove the custom domain before cancelling (R-CAN-10)",
			spec: mosa(10, 5), cmd: dom, at: date(2026, 2, 1),
			want: cmdOutcome{Refused: "precondition", State: lifecycle.Active, Rule: "R-CAN-10, R-DOM-1", Instead: "remove the custom domain contoso.com first"}},
		{name: "AC-03/recurring-billing-expired", reason: "reactivate before turning recurring billing on (R-REA-6)",
			spec: mosa(10, 5), setup: []cmdStep{{cmdBy(lifecycle.CmdTurnOffRecurringBilling, ga), date(2026, 2, 1)}},
			cmd: cmdBy(lifecycle.CmdTurnOnRecurringBilling, ga), at: date(2026, 6, 15),
			want: cmdOutcome{Refused: "state", State: lifecycle.Expired, Rule: "R-REN-2, R-REA-6", Instead: "reactivate the subscription first, then turn recurring billing on or off"}},
		{name: "AC-03/reactivate", spec: mosa(10, 5), setup: []cmdStep{{cmdBy(lifecycle.CmdTurnOffRecurringBilling, ga), date(2026, 2, 1)}},
			cmd: cmdBy(lifecycle.CmdReactivate, ba), at: date(2026, 6, 15), want: cmdOutcome{State: lifecycle.Active}},
		{name: "AC-54/mca-delete", reason: "an MCA admin can't delete a disabled subscription (R-LC-9)",
			spec: mca, setup: []cmdStep{{cmdBy(lifecycle.CmdCancelNow, bao), date(2026, 1, 12)}},
			cmd: cmdBy(lifecycle.CmdDelete, bao), at: date(2026, 2, 1),
			want: cmdOutcome{Refused: "not-offered", State: lifecycle.Disabled, Rule: "R-LC-9, C-20"}},
		{name: "R-LC-10/delete-active", spec: mosa(10, 5), cmd: cmdBy(lifecycle.CmdDelete, ga), at: date(2026, 2, 1),
			want: cmdOutcome{Refused: "state", State: lifecycle.Active, Rule: "R-LC-10, R-LC-9", Instead: "cancel it first"}},
		{name: "AC-11/delete-disabled", spec: mosa(10, 5), setup: []cmdStep{{cmdBy(lifecycle.CmdCancelNow, ga), date(2026, 2, 1)}},
			cmd: cmdBy(lifecycle.CmdDelete, ga), at: utc(2026, 2, 11, 9, 0), want: cmdOutcome{State: lifecycle.Deleted}},
		{name: "R-TRI-4/too-early", reason: "16 days before the trial's end",
			spec: directTrial, cmd: cmdBy(lifecycle.CmdExtendTrial, ga), at: utc(2026, 3, 14, 23, 0),
			want: cmdOutcome{Refused: "window", State: lifecycle.Active, Rule: "R-TRI-4, DC-6", Instead: "extend it from 2026-03-15"}},
		{name: "R-TRI-4/within-15-days", spec: directTrial, cmd: cmdBy(lifecycle.CmdExtendTrial, ga), at: date(2026, 3, 15),
			want: cmdOutcome{State: lifecycle.Active}},
		{name: "R-TRI-4/once", spec: directTrial, setup: []cmdStep{{cmdBy(lifecycle.CmdExtendTrial, ga), date(2026, 3, 20)}},
			cmd: cmdBy(lifecycle.CmdExtendTrial, ga), at: date(2026, 4, 20),
			want: cmdOutcome{Refused: "precondition", State: lifecycle.Active, Rule: "R-TRI-4", Instead: "buy the trial (convert-trial) before it ends on 2026-04-29"}},
		{name: "R-TRI-1/convert", spec: directTrial, cmd: cmdBy(lifecycle.CmdConvertTrial, ba), at: date(2026, 3, 10),
			want: cmdOutcome{State: lifecycle.Active}},
		{name: "C-13/2013-trial-cancel", reason: "~2013: you cannot cancel a trial subscription",
			spec: lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Annual, Start: utc(2012, 3, 1, 12, 0),
				End: mustDate(lifecycle.EndOfTrial(date(2012, 3, 1), 30)), Licenses: 25, Trial: true},
			cmd: cmdBy(lifecycle.CmdCancelNow, ga), at: date(2012, 3, 10),
			want: cmdOutcome{Refused: "not-offered", State: lifecycle.Active, Rule: "C-13, R-TRI-3", Instead: "turn off recurring billing and let the trial end on 2012-03-30"}},
		{name: "R-LIC-9/direct-trial-seats", spec: directTrial, cmd: add(5, ga), at: date(2026, 3, 10),
			want: cmdOutcome{Refused: "state", State: lifecycle.Active, Rule: "R-LIC-9", Instead: "buy the trial subscription first, then buy more licenses"}},
		{name: "R-LIC-2/mca-remove-late", reason: "MCA removes licenses only within seven days",
			spec: mca, cmd: remove(1, bao), at: date(2026, 2, 1),
			want: cmdOutcome{Refused: "window", State: lifecycle.Active, Rule: "R-LIC-2, R-LIC-7",
				Instead: "remove licenses in the next window, which opens at the renewal on 2027-01-10"}},
		{name: "R-LIC-2/mca-recurring-off", reason: "MCA removes licenses only with recurring billing on",
			spec: mca, setup: []cmdStep{{cmdBy(lifecycle.CmdTurnOffRecurringBilling, bao), date(2026, 1, 11)}},
			cmd: remove(1, bao), at: date(2026, 1, 12),
			want: cmdOutcome{Refused: "precondition", State: lifecycle.Active, Rule: "R-LIC-2", Instead: "turn recurring billing on first"}},
		{name: "R-MISC-4/suspend-unsuspend", spec: csp, setup: []cmdStep{{cmdBy(lifecycle.CmdSuspend, p), date(2026, 3, 1)}},
			cmd: cmdBy(lifecycle.CmdReactivate, p), at: date(2026, 3, 5), want: cmdOutcome{State: lifecycle.Active}},
		{name: "R-MISC-4/suspended-auto-renew", spec: csp, setup: []cmdStep{{cmdBy(lifecycle.CmdSuspend, p), date(2026, 3, 1)}},
			cmd: cmdBy(lifecycle.CmdTurnOnRecurringBilling, p), at: date(2026, 3, 5),
			want: cmdOutcome{Refused: "state", State: lifecycle.Suspended, Rule: "R-MISC-4", Instead: "unsuspend it first"}},
		{name: "history/before-last-event", spec: mosa(10, 5), setup: []cmdStep{{cmdBy(lifecycle.CmdTurnOffRecurringBilling, ga), date(2026, 2, 1)}},
			cmd: cmdBy(lifecycle.CmdTurnOnRecurringBilling, ga), at: date(2026, 1, 31), want: cmdOutcome{Refused: "history"}},
	}
}

func TestApplyAcceptance(t *testing.T) {
	for _, row := range applyRows() {
		t.Run(row.name, func(t *testing.T) {
			lc := judgeSteps(t, row.spec, builtin, row.setup)
			got := applyOutcome(t, lc, builtin, row.cmd, row.at)
			if diff := cmp.Diff(row.want, got); diff != "" {
				t.Errorf("Apply(%v at %v) mismatch (-want +got):\n%s\nreason: %s", row.cmd, row.at, diff, row.reason)
			}
			// at.In(loc) must not change the answer.
			for _, loc := range locations(t) {
				if g := applyOutcome(t, lc, builtin, row.cmd, row.at.In(loc)); !cmp.Equal(got, g) {
					t.Errorf("in %v: %+v, in UTC: %+v", loc, g, got)
				}
			}
		})
	}
}

// TestApplyAC12 is AC-12: cancelling one of several subscriptions of the
// same product leaves the others alone (R-CAN-13).
func TestApplyAC12(t *testing.T) {
	spec := lifecycle.Spec{ID: "S1", Channel: policy.DirectMOSA, Term: policy.Annual, Start: date(2025, 6, 1), End: day(2026, 5, 31),
		Licenses: 10, Assigned: 10, RecurringBilling: true, PaymentMethod: true}
	s1 := judge(t, mustNew(t, spec), builtin)
	spec.ID, spec.Licenses, spec.Assigned = "S2", 5, 5
	s2 := judge(t, mustNew(t, spec), builtin)
	at := date(2026, 4, 1)
	s1c, err := s1.Apply(lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.GlobalAdmin}, at)
	if err != nil {
		t.Fatalf("cancel S1: %v", err)
	}
	type view struct {
		State    lifecycle.State
		Licenses int
		Services bool
	}
	get := func(lc lifecycle.Lifecycle, at time.Time) view {
		st, err := lc.At(at)
		if err != nil {
			t.Fatal(err)
		}
		return view{st.State(), st.Licenses(), st.Capabilities().Services}
	}
	for _, at := range []time.Time{at, at.Add(time.Nanosecond), date(2026, 5, 1)} {
		if diff := cmp.Diff(view{lifecycle.Disabled, 10, false}, get(s1c, at)); diff != "" {
			t.Errorf("S1 at %v mismatch (-want +got):\n%s", at, diff)
		}
		if diff := cmp.Diff(view{lifecycle.Active, 5, true}, get(s2, at)); diff != "" {
			t.Errorf("S2 at %v mismatch (-want +got):\n%s", at, diff)
		}
		if diff := cmp.Diff(view{lifecycle.Active, 10, true}, get(s1, at)); diff != "" {
			t.Errorf("S1 before Apply changed at %v (-want +got):\n%s", at, diff)
		}
	}
	if diff := cmp.Diff(view{lifecycle.Active, 10, true}, get(s1c, at.Add(-time.Nanosecond))); diff != "" {
		t.Errorf("S1 just before its cancellation (-want +got):\n%s", diff)
	}
}

// TestPurchaseAC32 is AC-32: no new Open License purchases from
// 2022-01-01; Open Value is unaffected (C-23).
func TestPurchaseAC32(t *testing.T) {
	rows := []struct {
		name  string
		ch    policy.Channel
		start time.Time
		want  string // sentinel name, "" when allowed
	}{
		{"AC-32/open-license-2021-12-31", policy.OpenLicense, utc(2021, 12, 31, 23, 59).Add(59 * time.Second), ""},
		{"AC-32/open-license-2022-01-01-1ns", policy.OpenLicense, date(2022, 1, 1).Add(-time.Nanosecond), ""},
		{"AC-32/open-license-2022-01-01", policy.OpenLicense, date(2022, 1, 1), "sales-ended"},
		{"AC-32/open-license-2022-01-01+1ns", policy.OpenLicense, date(2022, 1, 1).Add(time.Nanosecond), "sales-ended"},
		{"AC-32/open-value-2022-01-05", policy.OpenValue, date(2022, 1, 5), ""},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			for _, loc := range append([]*time.Location{time.UTC}, locations(t)...) {
				start := row.start.In(loc)
				spec := lifecycle.Spec{Channel: row.ch, Term: policy.Annual, Start: start,
					End: mustDate(lifecycle.EndOfTerm(start, policy.Annual)), Licenses: 5}
				lc, err := lifecycle.Purchase(spec, builtin)
				got := ""
				if err != nil {
					got = sentinelOf(err)
					if !strings.Contains(err.Error(), "lifecycle: purchase refused") {
						t.Errorf("error %q does not say what was refused", err)
					}
					if !lc.IsZero() {
						t.Errorf("a refused Purchase returned a non-zero Lifecycle")
					}
				} else if st, err := lc.At(start); err != nil || st.State() != lifecycle.Active {
					t.Errorf("the purchased lifecycle at its start: %v, %v", st.State(), err)
				}
				if got != row.want {
					t.Errorf("Purchase at %v: %v, want %q", start, err, row.want)
				}
			}
		})
	}
}

func TestApplyInvalid(t *testing.T) {
	sub := mustNew(t, lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Monthly, Start: date(2026, 1, 1), End: day(2026, 1, 31), Licenses: 3})
	lc := judge(t, sub, builtin)
	rows := []struct {
		name string
		lc   lifecycle.Lifecycle
		cmd  lifecycle.Command
		at   time.Time
		want error
	}{
		{"zero-kind", lc, lifecycle.Command{Actor: lifecycle.GlobalAdmin}, date(2026, 1, 2), lifecycle.ErrInvalid},
		{"zero-actor", lc, lifecycle.Command{Kind: lifecycle.CmdCancelNow}, date(2026, 1, 2), lifecycle.ErrInvalid},
		{"bad-kind", lc, lifecycle.Command{Kind: 200, Actor: lifecycle.GlobalAdmin}, date(2026, 1, 2), lifecycle.ErrInvalid},
		{"no-licenses", lc, lifecycle.Command{Kind: lifecycle.CmdAddLicenses, Actor: lifecycle.GlobalAdmin}, date(2026, 1, 2), lifecycle.ErrInvalid},
		{"negative-assigned", lc, lifecycle.Command{Kind: lifecycle.CmdAssignLicenses, Actor: lifecycle.GlobalAdmin, Assigned: -1}, date(2026, 1, 2), lifecycle.ErrInvalid},
		{"zero-lifecycle", lifecycle.Lifecycle{}, lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.GlobalAdmin}, date(2026, 1, 2), lifecycle.ErrInvalid},
		{"before-start-1ns", lc, lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.GlobalAdmin}, date(2026, 1, 1).Add(-time.Nanosecond), lifecycle.ErrHistory},
		{"before-start", lc, lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.GlobalAdmin}, date(2025, 12, 31), lifecycle.ErrHistory},
		{"far-future", lc, lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.GlobalAdmin}, date(2300, 1, 1), lifecycle.ErrInvalid},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			next, err := row.lc.Apply(row.cmd, row.at)
			if !errors.Is(err, row.want) {
				t.Errorf("Apply: %v, want %v", err, row.want)
			}
			if errors.Is(err, lifecycle.ErrRefused) {
				t.Errorf("invalid input %v must not be a refusal", err)
			}
			if !next.IsZero() {
				t.Errorf("Apply of invalid input returned a non-zero Lifecycle")
			}
			if cerr := row.lc.Check(row.cmd, row.at); cerr == nil || cerr.Error() != err.Error() {
				t.Errorf("Check = %v, Apply = %v", cerr, err)
			}
		})
	}
	// A command at the start itself is a valid question.
	if err := lc.Check(lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.GlobalAdmin}, date(2026, 1, 1)); err != nil {
		t.Errorf("Check at the start: %v", err)
	}

	// Rules that can't judge the subscription are refused by Judge, before
	// any command: rules of another channel (formerly passed to Apply), no
	// table, and a zero subscription.
	cmr, err := builtin.Lookup(policy.Key{Channel: policy.CSPNewCommerce, Term: policy.Monthly}, date(2026, 1, 1))
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range []struct {
		name  string
		sub   lifecycle.Subscription
		table *policy.Table
		want  []error
	}{
		{"other-channel", sub, pin(t, cmr), []error{lifecycle.ErrRulesMismatch, lifecycle.ErrInvalid, policy.ErrNoRule}},
		{"nil-table", sub, nil, []error{lifecycle.ErrRulesMismatch, lifecycle.ErrInvalid}},
		{"zero-subscription", lifecycle.Subscription{}, builtin, []error{lifecycle.ErrInvalid}},
	} {
		t.Run("Judge/"+row.name, func(t *testing.T) {
			lc, err := lifecycle.Judge(row.sub, row.table)
			for _, want := range row.want {
				if !errors.Is(err, want) {
					t.Errorf("Judge: %v, want %v", err, want)
				}
			}
			if errors.Is(err, lifecycle.ErrRefused) || !lc.IsZero() {
				t.Errorf("Judge: %v, zero Lifecycle %v", err, lc.IsZero())
			}
		})
	}
}

func TestCommandKindText(t *testing.T) {
	for _, k := range lifecycle.CommandKinds() {
		b, err := k.MarshalText()
		if err != nil {
			t.Fatalf("%v: %v", k, err)
		}
		var got lifecycle.CommandKind
		if err := got.UnmarshalText(b); err != nil || got != k {
			t.Errorf("round trip of %v: %v, %v", k, got, err)
		}
	}
	if s := lifecycle.CommandKind(0).String(); s != "%!CommandKind(0)" {
		t.Errorf("zero kind prints %q", s)
	}
	if _, err := lifecycle.CommandKind(0).MarshalText(); !errors.Is(err, lifecycle.ErrInvalid) {
		t.Errorf("MarshalText of zero: %v", err)
	}
	if _, err := lifecycle.ParseCommandKind("cancel"); !errors.Is(err, lifecycle.ErrInvalid) {
		t.Errorf("ParseCommandKind(cancel): %v", err)
	}
	c := lifecycle.Command{Kind: lifecycle.CmdRemoveLicenses, Actor: lifecycle.Partner, Licenses: 3}
	if got, want := c.String(), "remove-licenses by partner (3 licenses)"; got != want {
		t.Errorf("String = %q, want %q", got, want)
	}
}

// TestApplyDoesNotShare checks that Apply never changes its input and that
// results never share history storage.
func TestApplyDoesNotShare(t *testing.T) {
	lc := judge(t, mustNew(t, lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Monthly, Start: date(2026, 1, 1), End: day(2026, 1, 31),
		Licenses: 3, RecurringBilling: true}), builtin)
	a, err := lc.Apply(lifecycle.Command{Kind: lifecycle.CmdTurnOffRecurringBilling, Actor: lifecycle.GlobalAdmin}, date(2026, 1, 2))
	if err != nil {
		t.Fatal(err)
	}
	aPhases := a.Phases()
	b, err := a.Apply(lifecycle.Command{Kind: lifecycle.CmdTurnOnRecurringBilling, Actor: lifecycle.GlobalAdmin}, date(2026, 1, 3))
	if err != nil {
		t.Fatal(err)
	}
	c, err := a.Apply(lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.GlobalAdmin}, date(2026, 1, 3))
	if err != nil {
		t.Fatal(err)
	}
	if lc.Subscription().Len() != 0 || a.Subscription().Len() != 1 {
		t.Fatalf("inputs changed: %d, %d events", lc.Subscription().Len(), a.Subscription().Len())
	}
	if diff := cmp.Diff(aPhases, a.Phases()); diff != "" {
		t.Errorf("a's phases changed by the branches (-before +after):\n%s", diff)
	}
	eb, _ := b.Subscription().Event(1)
	ec, _ := c.Subscription().Event(1)
	if eb.Kind != lifecycle.RecurringBillingOn || ec.Kind != lifecycle.CancelNow {
		t.Errorf("branches share storage: %v, %v", eb, ec)
	}
	// Each branch answers as its own history says.
	for _, x := range []struct {
		name string
		lc   lifecycle.Lifecycle
		want lifecycle.State
	}{{"lc", lc, lifecycle.Active}, {"a", a, lifecycle.Expired}, {"b", b, lifecycle.Active}, {"c", c, lifecycle.Disabled}} {
		st, err := x.lc.At(date(2026, 2, 1))
		if err != nil || st.State() != x.want {
			t.Errorf("%s at 2026-02-01: %v, %v; want %v", x.name, st.State(), err, x.want)
		}
	}
}

// TestApplyTermEffects covers acceptance cases whose answer is more than a
// state: the term a reactivation starts, the last day of a reactivation
// window, the end of a trial.
func TestApplyTermEffects(t *testing.T) {
	type view struct {
		Refused   string
		State     lifecycle.State
		Trial     bool
		TermStart clock.Date
		TermEnd   clock.Date
	}
	rows := []struct {
		name   string
		reason string
		spec   lifecycle.Spec
		setup  []cmdStep
		cmd    lifecycle.Command
		at     time.Time
		want   view
	}{
		{name: "AC-23", reason: "MCA reactivation creates a new subscription with the same term from the day of reactivation (R-REA-5)",
			spec: lifecycle.Spec{Channel: policy.DirectMCA, Term: policy.Annual, Start: date(2025, 5, 1), End: day(2026, 4, 30), Licenses: 5, PaymentMethod: true},
			cmd:  lifecycle.Command{Kind: lifecycle.CmdReactivate, Actor: lifecycle.BillingProfileContributor}, at: utc(2026, 5, 5, 14, 0),
			want: view{State: lifecycle.Active, TermStart: day(2026, 5, 5), TermEnd: day(2027, 5, 4)}},
		{name: "AC-08/last-day", reason: "cancelled 2026-05-10: reactivation through 2026-08-07 (R-REA-3)",
			spec: lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Monthly, Start: date(2026, 5, 1), End: day(2026, 5, 31), Licenses: 10,
				RecurringBilling: true, PaymentMethod: true},
			setup: []cmdStep{{lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.GlobalAdmin}, date(2026, 5, 10)}},
			cmd:   lifecycle.Command{Kind: lifecycle.CmdReactivate, Actor: lifecycle.BillingAdmin}, at: utc(2026, 8, 7, 23, 59).Add(59 * time.Second),
			want: view{State: lifecycle.Active, TermStart: day(2026, 8, 7), TermEnd: day(2026, 9, 6)}},
		{name: "AC-08/too-late", spec: lifecycle.Spec{Channel: policy.DirectMOSA, Term: policy.Monthly, Start: date(2026, 5, 1), End: day(2026, 5, 31),
			Licenses: 10, RecurringBilling: true, PaymentMethod: true},
			setup: []cmdStep{{lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.GlobalAdmin}, date(2026, 5, 10)}},
			cmd:   lifecycle.Command{Kind: lifecycle.CmdReactivate, Actor: lifecycle.BillingAdmin}, at: date(2026, 8, 8),
			want: view{Refused: "state", State: lifecycle.Deleted}},
		{name: "AC-44", reason: "CSP trial with auto-renew off expires at the end of the 30 days; auto-renew can't change any more",
			spec: lifecycle.Spec{Channel: policy.CSPNewCommerce, Term: policy.Annual, Start: date(2026, 5, 1), End: mustDate(lifecycle.EndOfTrial(date(2026, 5, 1), 30)),
				Licenses: 25, Trial: true, RecurringBilling: true},
			setup: []cmdStep{{lifecycle.Command{Kind: lifecycle.CmdTurnOffRecurringBilling, Actor: lifecycle.Partner}, date(2026, 5, 3)}},
			cmd:   lifecycle.Command{Kind: lifecycle.CmdTurnOnRecurringBilling, Actor: lifecycle.Partner}, at: date(2026, 5, 31),
			want: view{Refused: "state", State: lifecycle.Expired, Trial: true}},
		{name: "AC-44/buy", reason: "the expired trial can still be bought (R-TRI-1, C-14)",
			spec: lifecycle.Spec{Channel: policy.CSPNewCommerce, Term: policy.Annual, Start: date(2026, 5, 1), End: mustDate(lifecycle.EndOfTrial(date(2026, 5, 1), 30)),
				Licenses: 25, Trial: true, RecurringBilling: true},
			setup: []cmdStep{{lifecycle.Command{Kind: lifecycle.CmdTurnOffRecurringBilling, Actor: lifecycle.Partner}, date(2026, 5, 3)}},
			cmd:   lifecycle.Command{Kind: lifecycle.CmdConvertTrial, Actor: lifecycle.Partner}, at: date(2026, 5, 31),
			want: view{State: lifecycle.Active, TermStart: day(2026, 5, 31), TermEnd: day(2027, 5, 30)}},
		{name: "AC-54/cancel", reason: "MCA on 2026-03-01: the window has passed",
			spec: lifecycle.Spec{Channel: policy.DirectMCA, Term: policy.Annual, Start: date(2025, 9, 1), End: day(2026, 8, 31), Licenses: 5,
				RecurringBilling: true, PaymentMethod: true},
			cmd: lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.BillingAccountOwner}, at: date(2026, 3, 1),
			want: view{Refused: "window", State: lifecycle.Active, TermStart: day(2025, 9, 1), TermEnd: day(2026, 8, 31)}},
		{name: "AC-54/recurring-off", reason: "turn off recurring billing and wait for the end of the term",
			spec: lifecycle.Spec{Channel: policy.DirectMCA, Term: policy.Annual, Start: date(2025, 9, 1), End: day(2026, 8, 31), Licenses: 5,
				RecurringBilling: true, PaymentMethod: true},
			cmd: lifecycle.Command{Kind: lifecycle.CmdTurnOffRecurringBilling, Actor: lifecycle.BillingAccountOwner}, at: date(2026, 3, 1),
			want: view{State: lifecycle.Active, TermStart: day(2025, 9, 1), TermEnd: day(2026, 8, 31)}},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			lc := judgeSteps(t, row.spec, builtin, row.setup)
			var got view
			next, err := lc.Apply(row.cmd, row.at)
			if err != nil {
				got.Refused = sentinelOf(err)
				next = lc
			}
			st, err := next.At(row.at)
			if err != nil {
				t.Fatal(err)
			}
			got.State, got.Trial = st.State(), st.Trial()
			if got.Refused == "" || got.Refused == "window" {
				got.TermStart, got.TermEnd = st.TermStart(), st.TermEnd()
			}
			if diff := cmp.Diff(row.want, got); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s\nreason: %s", diff, row.reason)
			}
		})
	}
}

// TestApplyESTVersions covers AC-22 and R-LC-14 across the MCA versions: a
// conversion to an Extended Service Term is judged by the version in force
// at its instant (the EST is offered from 2026-02-09, R-LC-13), and the
// term it follows ends as the version in force on its end date says: the
// EST begins the day after the end date.
func TestApplyESTVersions(t *testing.T) {
	const bao = lifecycle.BillingAccountOwner
	estFrom := date(2026, 2, 9)
	convert := lifecycle.Command{Kind: lifecycle.CmdConvertToEST, Actor: bao}
	type view struct {
		State    lifecycle.State
		Cause    lifecycle.Cause
		EST      bool
		Commands string // the label of the version that judges commands
	}
	viewAt := func(t *testing.T, lc lifecycle.Lifecycle, at time.Time) view {
		t.Helper()
		st, err := lc.At(at)
		if err != nil {
			t.Fatal(err)
		}
		return view{st.State(), st.Cause(), st.ExtendedServiceTerm(), st.Versions().Commands.Label()}
	}
	rows := []struct {
		name   string
		reason string
		spec   lifecycle.Spec
		estAt  time.Time // the day after the end date
		probe  time.Time // an instant on the EST, AC-22's 2026-04-15
	}{
		{name: "AC-22", reason: "E = 2026-02-28, converted on 2026-02-09",
			spec: lifecycle.Spec{Channel: policy.DirectMCA, Term: policy.Annual, Start: utc(2025, 3, 1, 9, 0),
				End: day(2026, 2, 28), Licenses: 10, Assigned: 10, PaymentMethod: true},
			estAt: date(2026, 3, 1), probe: date(2026, 4, 15)},
		{name: "R-LC-14", reason: "E = 2027-01-09 (bought 2026-01-10 under the 2024-09 version), converted on 2026-02-09",
			spec: lifecycle.Spec{Channel: policy.DirectMCA, Term: policy.Annual, Start: utc(2026, 1, 10, 15, 30),
				End: day(2027, 1, 9), Licenses: 10, Assigned: 5, RecurringBilling: true, PaymentMethod: true},
			estAt: date(2027, 1, 10), probe: date(2027, 4, 15)},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			lc := judge(t, mustNew(t, row.spec), builtin)
			// Refused just before 2026-02-09, under the 2024-09 version.
			if err := lc.Check(convert, estFrom.Add(-time.Nanosecond)); !errors.Is(err, lifecycle.ErrNotOffered) {
				t.Errorf("Check at 2026-02-09 -1ns: %v, want ErrNotOffered", err)
			}
			if got := viewAt(t, lc, estFrom.Add(-time.Nanosecond)).Commands; got != "2024-09" {
				t.Errorf("commands just before 2026-02-09 judged by %q, want 2024-09", got)
			}
			next, err := lc.Apply(convert, estFrom)
			if err != nil {
				t.Fatalf("Apply at 2026-02-09: %v", err)
			}
			want := []struct {
				at   time.Time
				view view
			}{
				{estFrom, view{lifecycle.Active, lifecycle.Purchased, false, "2025-12"}},
				{row.estAt.Add(-time.Nanosecond), view{lifecycle.Active, lifecycle.Purchased, false, "2025-12"}},
				{row.estAt, view{lifecycle.Active, lifecycle.ExtendedServiceTerm, true, "2025-12"}},
				{row.estAt.Add(time.Nanosecond), view{lifecycle.Active, lifecycle.ExtendedServiceTerm, true, "2025-12"}},
				{row.probe, view{lifecycle.Active, lifecycle.ExtendedServiceTerm, true, "2025-12"}},
			}
			for _, w := range want {
				for _, at := range append([]time.Time{w.at}, inLocations(t, w.at)...) {
					if diff := cmp.Diff(w.view, viewAt(t, next, at)); diff != "" {
						t.Errorf("at %v mismatch (-want +got):\n%s\nreason: %s", at, diff, row.reason)
					}
				}
			}
			ph := next.Phases()
			if last := ph[len(ph)-1]; !last.ExtendedServiceTerm || !last.Start.Equal(row.estAt) || !last.End.IsZero() || last.Version.Label() != "2025-12" {
				t.Errorf("last phase %+v, want an open-ended EST from %v judged by 2025-12", last, row.estAt)
			}
		})
	}
}
