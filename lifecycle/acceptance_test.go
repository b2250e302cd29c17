package lifecycle_test

import (
	"fmt"
	"testing"
	"time"
	_ "time/tzdata" // America/New_York on machines without a zoneinfo database

	"github.com/google/go-cmp/cmp"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// This file holds the acceptance cases of RULES.md §6 that concern states,
// dates, deadlines and capabilities, one table row (or one row per
// boundary instant) per case, named by its AC id. Commands, refunds and
// tenant plans are tested where they are implemented.

// date returns the 00:00Z instant of a UTC calendar date.
func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// utc returns an instant in UTC.
func utc(y int, m time.Month, d, h, mi int) time.Time {
	return time.Date(y, m, d, h, mi, 0, 0, time.UTC)
}

// locations are the non-UTC locations every table also evaluates in:
// at.In(loc) must not change an answer.
func locations(tb testing.TB) []*time.Location {
	tb.Helper()
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		tb.Fatalf("LoadLocation: %v", err)
	}
	return []*time.Location{time.FixedZone("UTC-10", -10*3600), ny, time.FixedZone("UTC+14", 14*3600)}
}

// mustNew builds a subscription or fails the test.
func mustNew(tb testing.TB, spec lifecycle.Spec) lifecycle.Subscription {
	tb.Helper()
	s, err := lifecycle.New(spec)
	if err != nil {
		tb.Fatalf("New(%+v): %v", spec, err)
	}
	return s
}

// builtin is the built-in policy table, which judges every subscription
// unless a test pins other rules.
var builtin = policy.Builtin()

// judge judges sub against table or fails the test.
func judge(tb testing.TB, sub lifecycle.Subscription, table *policy.Table) lifecycle.Lifecycle {
	tb.Helper()
	lc, err := lifecycle.Judge(sub, table)
	if err != nil {
		tb.Fatalf("Judge(%s): %v", sub.ID(), err)
	}
	return lc
}

// versionAt returns the built-in rules in force for sub's key at an
// instant, for the historical versions an acceptance case names.
func versionAt(tb testing.TB, sub lifecycle.Subscription, at time.Time) policy.Rules {
	tb.Helper()
	r, err := builtin.Lookup(sub.Key(), at)
	if err != nil {
		tb.Fatalf("Lookup(%v, %v): %v", sub.Key(), at, err)
	}
	return r
}

// pin returns a table that judges every instant by r (policy.Pin).
func pin(tb testing.TB, r policy.Rules) *policy.Table {
	tb.Helper()
	t, err := policy.Pin(r)
	if err != nil {
		tb.Fatalf("Pin(%s %s): %v", r.Channel, r.Version, err)
	}
	return t
}

// answers is every answer of a Status, for comparing two of them.
type answers struct {
	Page
	Versions lifecycle.Versions
	Explain  []lifecycle.Reason
}

func answersOf(s lifecycle.Status) answers {
	return answers{Page: pageOf(s), Versions: s.Versions(), Explain: s.Explain()}
}

// Projections of a Status: each row compares one of them.

type phaseView struct {
	State  lifecycle.State
	Since  time.Time
	Cause  lifecycle.Cause
	Next   lifecycle.State
	NextAt time.Time
}

func phaseOf(s lifecycle.Status) any {
	return phaseView{State: s.State(), Since: s.Since(), Cause: s.Cause(), Next: s.Next(), NextAt: s.NextAt()}
}

type purgeView struct {
	PurgeNotBefore clock.Date // the first day the data may be deleted
	PurgeDeadline  clock.Date // the last day the data may still exist
	DataGoneBy     time.Time  // the first instant it is guaranteed gone
}

func purgeOf(s lifecycle.Status) any {
	return purgeView{PurgeNotBefore: s.PurgeNotBefore(), PurgeDeadline: s.PurgeDeadline(), DataGoneBy: s.DataGoneBy()}
}

type reactivationView struct {
	State            lifecycle.State
	Reactivate       bool
	ReactivateRoles  lifecycle.RoleSet
	ReactivateUntil  clock.Date // the last day reactivation is possible
	ReactivateBefore time.Time  // the first instant it no longer is
}

func reactivationOf(s lifecycle.Status) any {
	return reactivationView{State: s.State(), Reactivate: s.Capabilities().Reactivate,
		ReactivateRoles: s.Capabilities().ReactivateRoles, ReactivateUntil: s.ReactivateUntil(), ReactivateBefore: s.ReactivateBefore()}
}

type termView struct {
	State     lifecycle.State
	Cause     lifecycle.Cause
	Trial     bool
	TermStart clock.Date
	TermEnd   clock.Date
}

func termOf(s lifecycle.Status) any {
	return termView{State: s.State(), Cause: s.Cause(), Trial: s.Trial(), TermStart: s.TermStart(), TermEnd: s.TermEnd()}
}

type accessView struct {
	State    lifecycle.State
	Services bool
	Data     lifecycle.DataAccess
}

func accessOf(s lifecycle.Status) any {
	return accessView{State: s.State(), Services: s.Capabilities().Services, Data: s.Capabilities().Data}
}

type licenseView struct {
	State                lifecycle.State
	Services             bool
	Licenses, Assigned   int
	LicenseConflictUntil clock.Date // the last day of the conflict period
}

func licensesOf(s lifecycle.Status) any {
	return licenseView{State: s.State(), Services: s.Capabilities().Services, Licenses: s.Licenses(),
		Assigned: s.Assigned(), LicenseConflictUntil: s.LicenseConflictUntil()}
}

type cancelView struct {
	State           lifecycle.State
	Cancel          bool
	CancelWindowEnd time.Time
}

func cancelOf(s lifecycle.Status) any {
	return cancelView{State: s.State(), Cancel: s.Capabilities().Cancel, CancelWindowEnd: s.CancelWindowEnd()}
}

func capabilitiesOf(s lifecycle.Status) any { return s.Capabilities() }

type namesView struct {
	State      lifecycle.State
	Enterprise string
	Graph      lifecycle.CapabilityStatus
}

func namesOf(s lifecycle.Status) any {
	return namesView{State: s.State(), Enterprise: s.State().EnterpriseName(), Graph: s.State().CapabilityStatus()}
}

// acRow is one acceptance row: a subscription, the table that judges it,
// an instant, the projection compared and its wanted value.
type acRow struct {
	name   string
	sub    lifecycle.Subscription
	table  *policy.Table
	at     time.Time
	view   func(lifecycle.Status) any
	want   any
	reason string
}

// fixture is a subscription with the table that judges it; rows are added
// through it.
type fixture struct {
	sub   lifecycle.Subscription
	table *policy.Table
	rows  *[]acRow
}

// row adds one row at one instant.
func (f fixture) row(name string, at time.Time, view func(lifecycle.Status) any, want any, reason string) {
	*f.rows = append(*f.rows, acRow{name: name, sub: f.sub, table: f.table, at: at, view: view, want: want, reason: reason})
}

// edge adds the three rows of a boundary b: just before (b−1ns, wanting
// before), at b and just after (b+1ns), both wanting after.
func (f fixture) edge(name string, b time.Time, view func(lifecycle.Status) any, before, after any, reason string) {
	f.row(name+"/before", b.Add(-time.Nanosecond), view, before, reason)
	f.row(name+"/at", b, view, after, reason)
	f.row(name+"/after", b.Add(time.Nanosecond), view, after, reason)
}

// with returns the fixture judged by other rules at every instant.
func (f fixture) with(tb testing.TB, r policy.Rules) fixture { f.table = pin(tb, r); return f }

// rulesOf returns the rules in force for the fixture's subscription on its
// end date, to derive a variant for with.
func (f fixture) rulesOf(tb testing.TB) policy.Rules { return versionAt(tb, f.sub, f.sub.End().UTC()) }

func acceptanceRows(t *testing.T) []acRow {
	var rows []acRow
	fix := func(spec lifecycle.Spec) fixture {
		sub := mustNew(t, spec)
		return fixture{sub: sub, table: builtin, rows: &rows}
	}
	mosa := lifecycle.BillingRoles(policy.DirectMOSA)

	// A. Direct (MOSA) natural expiry: Business Standard, annual, E =
	// 2026-03-31, recurring billing off on 2026-02-01 (DC-3a).
	start := utc(2025, 4, 1, 10, 0)
	E := date(2026, 3, 31)
	a := fix(lifecycle.Spec{
		ID: "AC-01..07", Channel: policy.DirectMOSA, Term: policy.Annual,
		Start: start, End: day(2026, 3, 31), Licenses: 10, Assigned: 8, PaymentMethod: true, RecurringBilling: true,
		History: []lifecycle.Event{{Kind: lifecycle.RecurringBillingOff, At: utc(2026, 2, 1, 12, 0), Actor: lifecycle.BillingAdmin}},
	})
	active := phaseView{State: lifecycle.Active, Since: start, Cause: lifecycle.Purchased, Next: lifecycle.Expired, NextAt: E}
	expired := phaseView{State: lifecycle.Expired, Since: E, Cause: lifecycle.TermEnded, Next: lifecycle.Disabled, NextAt: date(2026, 4, 30)}
	disabled := phaseView{State: lifecycle.Disabled, Since: date(2026, 4, 30), Cause: lifecycle.GraceEnded, Next: lifecycle.Deleted, NextAt: date(2026, 7, 29)}
	deleted := phaseView{State: lifecycle.Deleted, Since: date(2026, 7, 29), Cause: lifecycle.DisabledEnded}

	a.row("AC-01", date(2026, 2, 2), phaseOf, active, "R-LC-3, R-LC-4: turning recurring billing off does not start Expired")
	a.row("AC-01/billing", date(2026, 2, 2), func(s lifecycle.Status) any {
		return []any{s.RecurringBilling(), s.Capabilities().ChangeRecurringBilling, s.Capabilities().ChangeRecurringBillingRoles, s.Capabilities().Services, s.Capabilities().Data}
	}, []any{false, true, mosa, true, lifecycle.Everyone}, "R-REN-2: recurring billing can be turned back on while Active; users and admins normal")
	a.edge("AC-01/billing-off", utc(2026, 2, 1, 12, 0), func(s lifecycle.Status) any { return []any{s.State(), s.RecurringBilling()} },
		[]any{lifecycle.Active, true}, []any{lifecycle.Active, false}, "R-LC-4: the event takes effect at its instant and the state stays Active")
	a.row("AC-02/2026-03-30", date(2026, 3, 30), phaseOf, active, "R-LC-3: still Active the day before the end date")
	a.edge("AC-02", E, phaseOf, active, expired, "R-LC-3, DC-3a: Expired \"starts on the subscription end date\"")
	a.row("AC-03", date(2026, 4, 15), capabilitiesOf, lifecycle.Capabilities{
		Services: true, Data: lifecycle.Everyone, OfficeApps: lifecycle.AppsNormal, AdminCenter: true,
		AssignLicenses: true, AssignLicensesRoles: lifecycle.RolesOf(lifecycle.GlobalAdmin, lifecycle.UserAdmin),
		Reactivate: true, ReactivateRoles: mosa, BuyOtherSubscriptions: true,
		PartnerBilled: lifecycle.NotApplicable,
	}, "§2 Expired column, R-REA-1, R-REA-6 (no recurring billing change), [INFERRED] license assignment from Graph Warning")
	a.row("AC-03/phase", date(2026, 4, 15), phaseOf, expired, "DC-2: Expired = [E, E+30)")
	a.edge("AC-05/disabled-from", date(2026, 4, 30), phaseOf, expired, disabled, "DC-2, DC-3a: Disabled from E+30")
	a.row("AC-05", date(2026, 6, 1), capabilitiesOf, lifecycle.Capabilities{
		Data: lifecycle.AdminsOnly, OfficeApps: lifecycle.AppsReducedFunctionality, AdminCenter: true,
		Reactivate: true, ReactivateRoles: mosa, Delete: true, DeleteRoles: mosa, BuyOtherSubscriptions: true,
		PartnerBilled: lifecycle.NotApplicable,
	}, "§2 Disabled column, R-REA-1, R-PAY-1/3 (payment method stays), R-LC-9 (MOSA may delete a Disabled subscription)")
	a.edge("AC-05/deleted", date(2026, 7, 29), phaseOf, disabled, deleted, "DC-3a, R-LC-1: Deleted from E+120")
	// ReactivateUntil is the last day (2026-07-28), ReactivateBefore the
	// first instant Deleted (2026-07-29T00:00Z).
	a.edge("AC-05/reactivate-until", date(2026, 7, 29), reactivationOf,
		reactivationView{State: lifecycle.Disabled, Reactivate: true, ReactivateRoles: mosa, ReactivateUntil: day(2026, 7, 28), ReactivateBefore: date(2026, 7, 29)},
		reactivationView{State: lifecycle.Deleted}, "R-REA-1: Deleted \"can't be reactivated\"; reactivation through 2026-07-28")
	// AC-07: the data may be deleted from 2026-07-29 and is kept at most
	// through 2026-09-27 (DC-7), gone from 2026-09-28T00:00Z.
	purgeA := purgeView{PurgeNotBefore: day(2026, 7, 29), PurgeDeadline: day(2026, 9, 27), DataGoneBy: date(2026, 9, 28)}
	a.row("AC-07/expired", date(2026, 4, 15), purgeOf, purgeA, "R-DAT-3 [INFERRED]: not before DeletedStart, deadline max(DeletedStart, E+180)")
	a.row("AC-07/deleted", date(2026, 7, 29), purgeOf, purgeA, "R-DAT-3: the bounds do not move once Deleted")
	a.row("AC-07/active", date(2026, 2, 2), purgeOf, purgeA, "R-DAT-3: an expiring subscription's bounds are known before it expires")
	a.row("AC-60/2026-03-15", date(2026, 3, 15), namesOf, namesView{lifecycle.Active, "Active", lifecycle.Enabled}, "§1.1 notes: Graph capabilityStatus Enabled")
	a.row("AC-60/2026-04-15", date(2026, 4, 15), namesOf, namesView{lifecycle.Expired, "Grace", lifecycle.Warning}, "§1.1 notes, C-25: Grace, Graph Warning")
	a.row("AC-60/2026-06-01", date(2026, 6, 1), namesOf, namesView{lifecycle.Disabled, "Inactive", lifecycle.GraphSuspended}, "§1.1 notes, C-25: Inactive, Graph Suspended")
	a.row("AC-60/2026-07-29", date(2026, 7, 29), namesOf, namesView{lifecycle.Deleted, "Deleted", lifecycle.GraphDeleted}, "§1.1 notes: Graph Deleted")

	// AC-02 ALT: the same subscription under DC-3b.
	alt := a.rulesOf(t)
	alt.ExpiryAnchor = policy.DayAfterEndDate
	b := a.with(t, alt)
	b.row("AC-02/ALT/2026-03-31", E, phaseOf, phaseView{State: lifecycle.Active, Since: start, Cause: lifecycle.Purchased, Next: lifecycle.Expired, NextAt: date(2026, 4, 1)},
		"DC-3b: the end date is the last Active day")
	b.edge("AC-02/ALT", date(2026, 4, 1), phaseOf,
		phaseView{State: lifecycle.Active, Since: start, Cause: lifecycle.Purchased, Next: lifecycle.Expired, NextAt: date(2026, 4, 1)},
		phaseView{State: lifecycle.Expired, Since: date(2026, 4, 1), Cause: lifecycle.TermEnded, Next: lifecycle.Disabled, NextAt: date(2026, 5, 1)},
		"DC-3b, C-16: Expired from E+1")

	// B. Direct (MOSA) cancellation and explicit deletion: Business
	// Premium monthly, 10 licenses, "Cancel now" on 2026-05-10.
	bStart := utc(2026, 4, 20, 8, 0)
	C := utc(2026, 5, 10, 9, 0)
	bSpec := lifecycle.Spec{
		ID: "AC-08..11", Channel: policy.DirectMOSA, Term: policy.Monthly,
		Start: bStart, End: mustDate(lifecycle.EndOfTerm(bStart, policy.Monthly)), Licenses: 10, Assigned: 10,
		PaymentMethod: true, RecurringBilling: true,
		History: []lifecycle.Event{{Kind: lifecycle.CancelNow, At: C, Actor: lifecycle.BillingAdmin}},
	}
	cb := fix(bSpec)
	cancelled := phaseView{State: lifecycle.Disabled, Since: C, Cause: lifecycle.Cancelled, Next: lifecycle.Deleted, NextAt: date(2026, 8, 8)}
	cb.edge("AC-08", C, phaseOf, phaseView{State: lifecycle.Active, Since: bStart, Cause: lifecycle.Purchased}, cancelled,
		"R-LC-5, R-LC-6, DC-4: Expired is skipped, Disabled from the cancellation (the event takes effect at its instant)")
	cb.row("AC-08/2026-05-10", utc(2026, 5, 10, 12, 0), accessOf, accessView{State: lifecycle.Disabled, Data: lifecycle.AdminsOnly},
		"R-LC-5: users lose access the same day; only admins have the data")
	cb.edge("AC-08/reactivate-until", date(2026, 8, 8), reactivationOf,
		reactivationView{State: lifecycle.Disabled, Reactivate: true, ReactivateRoles: mosa, ReactivateUntil: day(2026, 8, 7), ReactivateBefore: date(2026, 8, 8)},
		reactivationView{State: lifecycle.Deleted}, "AC-08, R-REA-3: reactivation through C+89 = 2026-08-07 (ReactivateUntil), not from 2026-08-08T00:00Z (ReactivateBefore)")
	cb.edge("AC-08/deleted", date(2026, 8, 8), phaseOf, cancelled,
		phaseView{State: lifecycle.Deleted, Since: date(2026, 8, 8), Cause: lifecycle.DisabledEnded}, "R-LC-7: Disabled lasts 90 days")
	cb.row("AC-08/purge", utc(2026, 5, 10, 12, 0), purgeOf,
		purgeView{PurgeNotBefore: day(2026, 8, 8), PurgeDeadline: day(2026, 11, 6), DataGoneBy: date(2026, 11, 7)},
		"R-DAT-2, DC-7: might be deleted after C+90, deleted no later than C+180")

	X := utc(2026, 5, 20, 9, 0)
	delSpec := bSpec
	delSpec.History = append(append([]lifecycle.Event(nil), bSpec.History...), lifecycle.Event{Kind: lifecycle.Delete, At: X, Actor: lifecycle.GlobalAdmin})
	d := fix(delSpec)
	X72 := X.Add(72 * time.Hour)
	d.edge("AC-11", X, phaseOf, phaseView{State: lifecycle.Disabled, Since: C, Cause: lifecycle.Cancelled, Next: lifecycle.Deleted, NextAt: date(2026, 8, 8)},
		phaseView{State: lifecycle.Deleted, Since: X, Cause: lifecycle.ExplicitlyDeleted}, "R-LC-8: explicit deletion skips the rest of Disabled")
	d.row("AC-11/purge", X, purgeOf, purgeView{PurgeNotBefore: day(2026, 5, 20), PurgeDeadline: day(2026, 5, 23), DataGoneBy: X72},
		"R-DAT-4: SharePoint/OneDrive at once, all data within three days (hour-based, exact): gone from 2026-05-23T09:00Z, so 2026-05-23 is the last day it may still exist")
	d.row("AC-11/reactivation", X, reactivationOf, reactivationView{State: lifecycle.Deleted}, "C-6 default: ExplicitDeleteReactivationHours = 0, not reactivatable")
	knob := d.rulesOf(t)
	knob.Reactivation.ExplicitDeleteHours = 72
	dk := d.with(t, knob)
	// DC-5: windows are inclusive by default, so +72 h itself is inside
	// and ReactivateBefore, the first instant outside, is the nanosecond
	// after it; ReactivateUntil, the last day, is that instant's date.
	dk.row("AC-11/knob", X, reactivationOf, reactivationView{State: lifecycle.Deleted, Reactivate: true, ReactivateRoles: mosa,
		ReactivateUntil: day(2026, 5, 23), ReactivateBefore: X72.Add(time.Nanosecond)},
		"C-6 knob ExplicitDeleteReactivationHours=72: reactivatable until X+72h")
	dk.edge("AC-11/knob/until", X72.Add(time.Nanosecond), reactivationOf,
		reactivationView{State: lifecycle.Deleted, Reactivate: true, ReactivateRoles: mosa, ReactivateUntil: day(2026, 5, 23), ReactivateBefore: X72.Add(time.Nanosecond)},
		reactivationView{State: lifecycle.Deleted}, "C-6, R-REA-8, DC-5: the three-day period includes its last instant")
	reSpec := delSpec
	reSpec.History = append(append([]lifecycle.Event(nil), delSpec.History...), lifecycle.Event{Kind: lifecycle.Reactivate, At: utc(2026, 5, 22, 9, 0), Actor: lifecycle.BillingAdmin})
	re := fixture{sub: mustNew(t, reSpec), table: pin(t, knob), rows: &rows}
	re.row("AC-11/knob/reactivated", utc(2026, 5, 22, 9, 0), termOf,
		termView{State: lifecycle.Active, Cause: lifecycle.Reactivated, TermStart: day(2026, 5, 22), TermEnd: day(2026, 6, 21)},
		"C-6, R-REA-8: a reactivation within the three days starts a new term")

	// AC-12: two subscriptions of the same product; cancelling one does
	// not touch the other.
	s1 := fix(lifecycle.Spec{ID: "S1", Channel: policy.DirectMOSA, Term: policy.Monthly, Start: utc(2026, 3, 15, 9, 0),
		End: day(2026, 4, 14), Licenses: 10, Assigned: 10, PaymentMethod: true, RecurringBilling: true,
		History: []lifecycle.Event{{Kind: lifecycle.CancelNow, At: utc(2026, 4, 1, 9, 0), Actor: lifecycle.BillingAdmin}}})
	s2 := fix(lifecycle.Spec{ID: "S2", Channel: policy.DirectMOSA, Term: policy.Monthly, Start: utc(2026, 3, 15, 9, 0),
		End: day(2026, 4, 14), Licenses: 5, Assigned: 5, PaymentMethod: true, RecurringBilling: true})
	s1.row("AC-12/S1", utc(2026, 4, 1, 12, 0), licensesOf, licenseView{State: lifecycle.Disabled, Licenses: 10, Assigned: 10}, "R-CAN-13, R-LC-5")
	s2.row("AC-12/S2", utc(2026, 4, 1, 12, 0), licensesOf, licenseView{State: lifecycle.Active, Services: true, Licenses: 5, Assigned: 5}, "R-CAN-13: the other subscription keeps its 5 licenses and service")

	// D. Direct MCA.
	mcaStart := utc(2026, 1, 10, 9, 0)
	m := fix(lifecycle.Spec{ID: "AC-18", Channel: policy.DirectMCA, Term: policy.Annual, Start: mcaStart,
		End: mustDate(lifecycle.EndOfTerm(mcaStart, policy.Annual)), Licenses: 5, Assigned: 5, PaymentMethod: true, RecurringBilling: true,
		History: []lifecycle.Event{{Kind: lifecycle.CancelNow, At: utc(2026, 1, 15, 10, 0), Actor: lifecycle.BillingAccountOwner}}})
	m.edge("AC-18", utc(2026, 1, 15, 10, 0), phaseOf,
		phaseView{State: lifecycle.Active, Since: mcaStart, Cause: lifecycle.Purchased},
		phaseView{State: lifecycle.Disabled, Since: utc(2026, 1, 15, 10, 0), Cause: lifecycle.Cancelled, Next: lifecycle.Deleted, NextAt: date(2026, 4, 15)},
		"R-CAN-3, R-LC-5: cancelled within seven days, Disabled from the cancellation")
	m.row("AC-18/window", utc(2026, 1, 15, 9, 0), cancelOf, cancelView{State: lifecycle.Active, Cancel: true, CancelWindowEnd: date(2026, 1, 17)},
		"R-CAN-3, DC-6: the seven-day window is open on 2026-01-15")
	m19 := fix(lifecycle.Spec{ID: "AC-19", Channel: policy.DirectMCA, Term: policy.Annual, Start: mcaStart,
		End: mustDate(lifecycle.EndOfTerm(mcaStart, policy.Annual)), Licenses: 5, Assigned: 5, PaymentMethod: true, RecurringBilling: true})
	m19.edge("AC-19/window", date(2026, 1, 18), cancelOf,
		cancelView{State: lifecycle.Active, Cancel: true, CancelWindowEnd: date(2026, 1, 17)},
		cancelView{State: lifecycle.Active, CancelWindowEnd: date(2026, 1, 17)},
		"R-CAN-3, DC-6 (inclusive, [AMBIGUOUS]): start+7 = 2026-01-17 still open, 2026-01-18 closed")

	mcaOld := utc(2025, 2, 1, 9, 0)
	m20 := fix(lifecycle.Spec{ID: "AC-20", Channel: policy.DirectMCA, Term: policy.Annual, Start: mcaOld, End: day(2026, 1, 31),
		Licenses: 5, Assigned: 5, PaymentMethod: true, RecurringBilling: true,
		History: []lifecycle.Event{{Kind: lifecycle.RecurringBillingOff, At: utc(2025, 12, 1, 9, 0), Actor: lifecycle.BillingAccountOwner}}})
	exp20 := phaseView{State: lifecycle.Expired, Since: date(2026, 1, 31), Cause: lifecycle.TermEnded, Next: lifecycle.Disabled, NextAt: date(2026, 3, 2)}
	dis20 := phaseView{State: lifecycle.Disabled, Since: date(2026, 3, 2), Cause: lifecycle.GraceEnded, Next: lifecycle.Deleted, NextAt: date(2026, 5, 31)}
	m20.row("AC-20/version", date(2026, 1, 31), func(s lifecycle.Status) any { return s.Versions().Lifecycle.Label() }, "2024-09",
		"R-LC-14 [AMBIGUOUS]: judged by the version in force on the end date, before 2026-02-09")
	m20.edge("AC-20/expired", date(2026, 1, 31), phaseOf,
		phaseView{State: lifecycle.Active, Since: mcaOld, Cause: lifecycle.Purchased, Next: lifecycle.Expired, NextAt: date(2026, 1, 31)}, exp20,
		"R-LC-14, DC-3a: classic lifecycle, Expired from E")
	m20.edge("AC-20/disabled", date(2026, 3, 2), phaseOf, exp20, dis20, "DC-2: Expired 2026-01-31…2026-03-01, Disabled from 2026-03-02")
	m20.edge("AC-20/deleted", date(2026, 5, 31), phaseOf, dis20,
		phaseView{State: lifecycle.Deleted, Since: date(2026, 5, 31), Cause: lifecycle.DisabledEnded}, "DC-2: Deleted from 2026-05-31")

	reactAt := utc(2026, 5, 5, 10, 0)
	m23Spec := m20.sub.Spec()
	m23Spec.ID = "AC-23"
	m23Spec.History = append(m23Spec.History, lifecycle.Event{Kind: lifecycle.Reactivate, At: reactAt, Actor: lifecycle.BillingAccountOwner})
	m23 := fix(m23Spec)
	newTerm := termView{State: lifecycle.Active, Cause: lifecycle.Reactivated, TermStart: day(2026, 5, 5), TermEnd: day(2027, 5, 4)}
	m23.edge("AC-23", reactAt, termOf, termView{State: lifecycle.Disabled, Cause: lifecycle.GraceEnded, TermStart: day(2025, 2, 1), TermEnd: day(2026, 1, 31)},
		newTerm, "R-REA-5: MCA reactivation creates a new term starting on the day of reactivation")
	// The same on a subscription that is still Expired, judged by the
	// last MCA version with an Expired state.
	exSpec := lifecycle.Spec{ID: "AC-23/expired", Channel: policy.DirectMCA, Term: policy.Annual, Start: utc(2025, 5, 1, 9, 0), End: day(2026, 4, 30),
		Licenses: 5, Assigned: 5, PaymentMethod: true,
		History: []lifecycle.Event{{Kind: lifecycle.Reactivate, At: reactAt, Actor: lifecycle.BillingAccountOwner}}}
	ex := fix(exSpec)
	ex = ex.with(t, versionAt(t, ex.sub, date(2026, 2, 8)))
	ex.edge("AC-23/expired", reactAt, termOf, termView{State: lifecycle.Expired, Cause: lifecycle.TermEnded, TermStart: day(2025, 5, 1), TermEnd: day(2026, 4, 30)},
		newTerm, "R-REA-5 with the 2024-09 rules: reactivated from Expired, new term 2026-05-05…2027-05-04")

	// E. Enterprise customers and Volume Licensing.
	for _, c := range []struct {
		id    string
		term  policy.Term
		start time.Time
	}{{"AC-25", policy.Monthly, utc(2026, 6, 1, 9, 0)}, {"AC-26", policy.Annual, utc(2025, 7, 1, 9, 0)}} {
		en := fix(lifecycle.Spec{ID: c.id, Channel: policy.Enterprise, Term: c.term, Start: c.start, End: day(2026, 6, 30), Licenses: 50, Assigned: 40})
		grace := phaseView{State: lifecycle.Expired, Since: date(2026, 6, 30), Cause: lifecycle.TermEnded, Next: lifecycle.Disabled, NextAt: date(2026, 7, 30)}
		inactive := phaseView{State: lifecycle.Disabled, Since: date(2026, 7, 30), Cause: lifecycle.GraceEnded, Next: lifecycle.Deleted, NextAt: date(2026, 10, 28)}
		en.edge(c.id+"/grace", date(2026, 6, 30), phaseOf,
			phaseView{State: lifecycle.Active, Since: c.start, Cause: lifecycle.Purchased, Next: lifecycle.Expired, NextAt: date(2026, 6, 30)}, grace,
			"§1.1 rows 4/5, DC-3a: Grace from E")
		en.edge(c.id+"/inactive", date(2026, 7, 30), phaseOf, grace, inactive, "§1.1 rows 4/5: Grace 30 days, through 2026-07-29")
		en.edge(c.id+"/deleted", date(2026, 10, 28), phaseOf, inactive,
			phaseView{State: lifecycle.Deleted, Since: date(2026, 10, 28), Cause: lifecycle.DisabledEnded}, "§1.1 rows 4/5: Inactive 90 days")
		en.row(c.id+"/names", date(2026, 7, 30), namesOf, namesView{lifecycle.Disabled, "Inactive", lifecycle.GraphSuspended}, "C-25: enterprise names")
	}

	vlStart := utc(2023, 7, 1, 9, 0)
	vl := fix(lifecycle.Spec{ID: "AC-28", Channel: policy.VolumeLicensing, Term: policy.MultiYear, Start: vlStart, End: day(2026, 6, 30), Licenses: 100, Assigned: 90})
	vlGrace := phaseView{State: lifecycle.Expired, Since: date(2026, 6, 30), Cause: lifecycle.TermEnded, Next: lifecycle.Disabled, NextAt: date(2026, 9, 28)}
	vlInactive := phaseView{State: lifecycle.Disabled, Since: date(2026, 9, 28), Cause: lifecycle.GraceEnded, Next: lifecycle.Deleted, NextAt: date(2026, 11, 27)}
	vl.row("AC-28", date(2026, 8, 1), accessOf, accessView{State: lifecycle.Expired, Services: true, Data: lifecycle.Everyone},
		"C-1 (newer): \"Services available for 90 days from subscription end date\"")
	vl.edge("AC-28/grace", date(2026, 6, 30), phaseOf,
		phaseView{State: lifecycle.Active, Since: vlStart, Cause: lifecycle.Purchased, Next: lifecycle.Expired, NextAt: date(2026, 6, 30)}, vlGrace,
		"§1.1 row 7, DC-3a")
	vl.edge("AC-28/inactive", date(2026, 9, 28), phaseOf, vlGrace, vlInactive, "§1.1 row 7: Grace 90 days")
	vl.edge("AC-28/services", date(2026, 9, 28), accessOf, accessView{State: lifecycle.Expired, Services: true, Data: lifecycle.Everyone},
		accessView{State: lifecycle.Disabled, Data: lifecycle.AdminsOnly}, "§2 VL row: \"Service is immediately unavailable\" when Inactive starts")
	vl.edge("AC-28/deleted", date(2026, 11, 27), phaseOf, vlInactive,
		phaseView{State: lifecycle.Deleted, Since: date(2026, 11, 27), Cause: lifecycle.DisabledEnded}, "§1.1 row 7: Inactive 60 days")
	vl03 := vl.with(t, versionAt(t, vl.sub, date(2024, 6, 1)))
	vl03.row("AC-28/2024-03/version", date(2026, 6, 30), func(s lifecycle.Status) any { return s.Versions().Lifecycle.Label() }, "2024-03", "§1.3 03/2024 version")
	vl03.edge("AC-28/2024-03", date(2026, 6, 30), accessOf, accessView{State: lifecycle.Active, Services: true, Data: lifecycle.Everyone},
		accessView{State: lifecycle.Expired, Data: lifecycle.AdminsOnly},
		"C-1 (older, 03/2024): services unavailable when Expired starts; data for admins [INFERRED]")

	vl30Start := utc(2020, 7, 1, 9, 0)
	vl30 := fix(lifecycle.Spec{ID: "AC-30", Channel: policy.VolumeLicensing, Term: policy.MultiYear, Start: vl30Start, End: day(2023, 6, 30), Licenses: 100, Assigned: 90})
	g30 := phaseView{State: lifecycle.Expired, Since: date(2023, 6, 30), Cause: lifecycle.TermEnded, Next: lifecycle.Disabled, NextAt: date(2023, 9, 28)}
	i30 := phaseView{State: lifecycle.Disabled, Since: date(2023, 9, 28), Cause: lifecycle.GraceEnded, Next: lifecycle.Deleted, NextAt: date(2023, 10, 28)}
	vl30.edge("AC-30/expired", date(2023, 6, 30), phaseOf,
		phaseView{State: lifecycle.Active, Since: vl30Start, Cause: lifecycle.Purchased, Next: lifecycle.Expired, NextAt: date(2023, 6, 30)}, g30,
		"C-2 (01/2023 version: Expired 90, Disabled 30), R-LC-14")
	vl30.edge("AC-30/disabled", date(2023, 9, 28), phaseOf, g30, i30, "C-2: Expired through 2023-09-27")
	vl30.edge("AC-30/deleted", date(2023, 10, 28), phaseOf, i30,
		phaseView{State: lifecycle.Deleted, Since: date(2023, 10, 28), Cause: lifecycle.DisabledEnded}, "C-2: Disabled 30 days")

	reduce := utc(2026, 3, 1, 10, 0)
	vl33 := fix(lifecycle.Spec{ID: "AC-33", Channel: policy.VolumeLicensing, Term: policy.MultiYear, Start: vlStart, End: day(2026, 6, 30),
		Licenses: 100, Assigned: 95, RecurringBilling: true,
		History: []lifecycle.Event{{Kind: lifecycle.ChangeLicenses, At: reduce, Licenses: 80, Assigned: 95}}})
	// AC-33: "2026-03-01…2026-05-29": LicenseConflictUntil is its last day.
	conflict := licenseView{State: lifecycle.Active, Services: true, Licenses: 80, Assigned: 95, LicenseConflictUntil: day(2026, 5, 29)}
	vl33.edge("AC-33", reduce, licensesOf, licenseView{State: lifecycle.Active, Services: true, Licenses: 100, Assigned: 95}, conflict,
		"R-LIC-4, R-LIC-6: a seat reduction is not an expiry; 90 days to resolve the conflict")
	vl33.row("AC-33/2026-05-15", date(2026, 5, 15), licensesOf, conflict, "R-LIC-4: no service interruption during the 90 days")
	vl33.edge("AC-33/window-end", date(2026, 5, 30), licensesOf, conflict,
		licenseView{State: lifecycle.Active, Services: true, Licenses: 80, Assigned: 95},
		"R-LIC-4: the window is 2026-03-01…2026-05-29; behaviour after it is [AMBIGUOUS] (state stays Active)")

	vl34 := fix(lifecycle.Spec{ID: "AC-34", Channel: policy.VolumeLicensing, Term: policy.Annual, Product: policy.ExtraFileStorage, NonUser: true,
		Start: utc(2025, 7, 1, 9, 0), End: day(2026, 6, 30), Licenses: 10, Assigned: 10, RecurringBilling: true,
		History: []lifecycle.Event{{Kind: lifecycle.ChangeLicenses, At: reduce, Licenses: 5, Assigned: 8}}})
	vl34.edge("AC-34", reduce, licensesOf, licenseView{State: lifecycle.Active, Services: true, Licenses: 10, Assigned: 10},
		licenseView{State: lifecycle.Active, Services: true, Licenses: 5, Assigned: 8}, "R-LIC-5: non-user subscriptions are reduced at once, no conflict window")

	// F. CSP new commerce.
	cspStart := utc(2026, 1, 15, 10, 0)
	cspCancel := utc(2026, 1, 20, 9, 0)
	backup := utc(2026, 1, 27, 9, 0)
	csp := fix(lifecycle.Spec{ID: "AC-35", Channel: policy.CSPNewCommerce, Term: policy.Annual, Start: cspStart,
		End: mustDate(lifecycle.EndOfTerm(cspStart, policy.Annual)), Licenses: 10, Assigned: 10, RecurringBilling: true,
		History: []lifecycle.Event{{Kind: lifecycle.CancelNow, At: cspCancel, Actor: lifecycle.Partner}}})
	csp.edge("AC-35", cspCancel, phaseOf, phaseView{State: lifecycle.Active, Since: cspStart, Cause: lifecycle.Purchased},
		phaseView{State: lifecycle.Deleted, Since: cspCancel, Cause: lifecycle.Cancelled}, "R-CAN-14, C-7: a CSP cancellation deletes at once, no Expired or Disabled")
	csp.edge("AC-35/access", cspCancel, accessOf, accessView{State: lifecycle.Active, Services: true, Data: lifecycle.Everyone},
		accessView{State: lifecycle.Deleted, Data: lifecycle.AdminsOnly}, "§1.2, R-DAT-5: customers lose access at once; the partner admin may back up")
	csp.edge("AC-35/backup", backup, accessOf, accessView{State: lifecycle.Deleted, Data: lifecycle.AdminsOnly},
		accessView{State: lifecycle.Deleted, Data: lifecycle.Nobody}, "R-DAT-5: 7 days to back up, until 2026-01-27T09:00Z")
	csp.row("AC-35/purge", cspCancel, purgeOf, purgeView{PurgeNotBefore: day(2026, 1, 27), PurgeDeadline: day(2026, 7, 19), DataGoneBy: date(2026, 7, 20)},
		"R-DAT-5: may be deleted from C+7 days (2026-01-27T09:00Z, its first day 2026-01-27: AC-35/backup has the instant); R-DAT-2: kept at most through C+180")
	csp.row("AC-35/reactivation", cspCancel, reactivationOf, reactivationView{State: lifecycle.Deleted}, "§1.2: \"The service can't be restored\"")

	// AC-36: the 168-hour window on instants (DC-5, inclusive default).
	csp36 := fix(lifecycle.Spec{ID: "AC-36", Channel: policy.CSPNewCommerce, Term: policy.Annual, Start: cspStart,
		End: mustDate(lifecycle.EndOfTerm(cspStart, policy.Annual)), Licenses: 10, Assigned: 10, RecurringBilling: true})
	end36 := utc(2026, 1, 22, 10, 0)
	open36 := cancelView{State: lifecycle.Active, Cancel: true, CancelWindowEnd: end36}
	csp36.row("AC-36/before", end36.Add(-time.Nanosecond), cancelOf, open36, "R-CAN-14: within 7 days of the purchase")
	csp36.row("AC-36/at", end36, cancelOf, open36, "DC-5 [AMBIGUOUS], default inclusive: exactly 168 h is allowed")
	csp36.row("AC-36/after", end36.Add(time.Nanosecond), cancelOf, cancelView{State: lifecycle.Active, CancelWindowEnd: end36}, "R-CAN-14: after the window, no cancellation")
	csp36.row("AC-36/2026-01-22T10:00:01Z", end36.Add(time.Second), cancelOf, cancelView{State: lifecycle.Active, CancelWindowEnd: end36}, "AC-36: rejected one second later")

	// AC-38: the window after a renewal starts when the renewal completes.
	renewed := utc(2026, 3, 2, 6, 0)
	csp38 := fix(lifecycle.Spec{ID: "AC-38", Channel: policy.CSPNewCommerce, Term: policy.Annual, Start: utc(2025, 3, 2, 10, 0),
		End: day(2026, 3, 1), Licenses: 10, Assigned: 10, RecurringBilling: true,
		History: []lifecycle.Event{{Kind: lifecycle.Renew, At: renewed, Actor: lifecycle.Partner}}})
	csp38.edge("AC-38/renewal-completes", renewed, cancelOf,
		cancelView{State: lifecycle.Active, Cancel: true, CancelWindowEnd: utc(2026, 3, 9, 0, 0)},
		cancelView{State: lifecycle.Active, Cancel: true, CancelWindowEnd: utc(2026, 3, 9, 6, 0)},
		"R-CAN-15, R-REN-5: the renewal starts 2026-03-02T00:00Z (DC-3b) and the window counts from its completion")
	end38 := utc(2026, 3, 9, 6, 0)
	csp38.row("AC-38/at", end38, cancelOf, cancelView{State: lifecycle.Active, Cancel: true, CancelWindowEnd: end38}, "R-CAN-15, DC-5 inclusive")
	csp38.row("AC-38/after", end38.Add(time.Nanosecond), cancelOf, cancelView{State: lifecycle.Active, CancelWindowEnd: end38}, "R-CAN-15: closed after 2026-03-09T06:00Z")

	// G. Trials.
	trialStart := utc(2026, 5, 1, 8, 0)
	trial := lifecycle.Spec{ID: "AC-43", Channel: policy.CSPNewCommerce, Term: policy.Annual, Trial: true, Start: trialStart,
		End: mustDate(lifecycle.EndOfTrial(trialStart, 30)), Licenses: 25, RecurringBilling: true}
	t43 := fix(trial)
	t43.edge("AC-43", date(2026, 5, 31), termOf,
		termView{State: lifecycle.Active, Cause: lifecycle.TrialStarted, Trial: true, TermStart: day(2026, 5, 1), TermEnd: day(2026, 5, 30)},
		termView{State: lifecycle.Active, Cause: lifecycle.TrialConverted, TermStart: day(2026, 5, 31), TermEnd: day(2027, 5, 30)},
		"R-TRI-7: converts after 30 days to a paid one-year subscription")
	t43.row("AC-43/next", date(2026, 5, 30), func(s lifecycle.Status) any { return []any{s.Next(), s.NextAt(), s.NextCause()} },
		[]any{lifecycle.Active, date(2026, 5, 31), lifecycle.TrialConverted}, "R-TRI-7: the conversion is announced as the next phase")
	open43 := cancelView{State: lifecycle.Active, Cancel: true, CancelWindowEnd: date(2026, 6, 7)}
	t43.row("AC-43/window/before", date(2026, 6, 7).Add(-time.Nanosecond), cancelOf, open43,
		"R-TRI-7: the converted subscription's seven-day window ends 2026-06-07T00:00Z")
	t43.row("AC-43/window/at", date(2026, 6, 7), cancelOf, open43, "DC-5 [AMBIGUOUS], default inclusive: open at exactly 168 h")
	t43.row("AC-43/window/after", date(2026, 6, 7).Add(time.Nanosecond), cancelOf,
		cancelView{State: lifecycle.Active, CancelWindowEnd: date(2026, 6, 7)}, "DC-5: one nanosecond after 168 h the window is closed")
	trial44 := trial
	trial44.ID, trial44.RecurringBilling = "AC-44", false
	t44 := fix(trial44)
	t44.edge("AC-44", date(2026, 5, 31), phaseOf,
		phaseView{State: lifecycle.Active, Since: trialStart, Cause: lifecycle.TrialStarted, Next: lifecycle.Expired, NextAt: date(2026, 5, 31)},
		phaseView{State: lifecycle.Expired, Since: date(2026, 5, 31), Cause: lifecycle.TrialEnded, Next: lifecycle.Deleted, NextAt: date(2026, 6, 30)},
		"R-TRI-7: auto-renew off, the trial expires at the end of the 30 days (DC-3b); Expired 30 days [INFERRED]")
	trial45 := trial
	trial45.ID, trial45.Channel = "AC-45", policy.CSPLegacy
	t45 := fix(trial45)
	t45.edge("AC-45", date(2026, 5, 31), phaseOf,
		phaseView{State: lifecycle.Active, Since: trialStart, Cause: lifecycle.TrialStarted, Next: lifecycle.Expired, NextAt: date(2026, 5, 31)},
		phaseView{State: lifecycle.Expired, Since: date(2026, 5, 31), Cause: lifecycle.TrialEnded, Next: lifecycle.Deleted, NextAt: date(2026, 6, 30)},
		"R-TRI-8: never auto-converted; expires after 30 days even with auto-renew on")
	t47Start := utc(2026, 3, 2, 9, 0)
	t47 := fix(lifecycle.Spec{ID: "AC-47", Channel: policy.DirectMOSA, Term: policy.Annual, Trial: true, Start: t47Start,
		End: mustDate(lifecycle.EndOfTrial(t47Start, 30)), Licenses: 25, PaymentMethod: true, RecurringBilling: true})
	t47.edge("AC-47", date(2026, 4, 1), termOf,
		termView{State: lifecycle.Active, Cause: lifecycle.TrialStarted, Trial: true, TermStart: day(2026, 3, 2), TermEnd: day(2026, 3, 31)},
		termView{State: lifecycle.Active, Cause: lifecycle.TrialConverted, TermStart: day(2026, 4, 1), TermEnd: day(2027, 3, 31)},
		"R-TRI-1, R-TRI-2: converts to an annual term when the trial (ending 2026-03-31) ends")

	// H. Account closure, MCA after 2026-02-09.
	m54Start := utc(2025, 9, 1, 9, 0)
	m54 := fix(lifecycle.Spec{ID: "AC-54", Channel: policy.DirectMCA, Term: policy.Annual, Start: m54Start, End: day(2026, 8, 31),
		Licenses: 5, Assigned: 5, PaymentMethod: true, RecurringBilling: true,
		History: []lifecycle.Event{{Kind: lifecycle.RecurringBillingOff, At: utc(2026, 3, 1, 10, 0), Actor: lifecycle.BillingAccountOwner}}})
	m54.row("AC-54/cancel", utc(2026, 3, 1, 9, 0), func(s lifecycle.Status) any {
		return []any{s.State(), s.Capabilities().Cancel, s.Capabilities().ChangeRecurringBilling}
	}, []any{lifecycle.Active, false, true}, "R-CAN-3: the seven-day window has passed; turning off recurring billing is the only option")
	dis54 := phaseView{State: lifecycle.Disabled, Since: date(2026, 8, 31), Cause: lifecycle.TermEnded, Next: lifecycle.Deleted, NextAt: date(2026, 11, 29)}
	m54.edge("AC-54/disabled", date(2026, 8, 31), phaseOf,
		phaseView{State: lifecycle.Active, Since: m54Start, Cause: lifecycle.Purchased, Next: lifecycle.Disabled, NextAt: date(2026, 8, 31)}, dis54,
		"R-LC-13, R-LC-14: no Expired after 2026-02-09; Disabled from E [INFERRED]")
	m54.row("AC-54/delete", date(2026, 9, 1), func(s lifecycle.Status) any { return []any{s.State(), s.Capabilities().Delete} },
		[]any{lifecycle.Disabled, false}, "R-LC-9: an MCA admin can't delete a disabled subscription")
	m54.edge("AC-54/deleted", date(2026, 11, 29), phaseOf, dis54,
		phaseView{State: lifecycle.Deleted, Since: date(2026, 11, 29), Cause: lifecycle.DisabledEnded}, "R-LC-13: deleted at E+90 = 2026-11-29 [INFERRED]")
	return rows
}

// TestAcceptance asks every row of Lifecycle.At and of the one-shot
// Evaluate, which must agree on every answer, in UTC and in other
// locations.
func TestAcceptance(t *testing.T) {
	locs := locations(t)
	for _, tt := range acceptanceRows(t) {
		t.Run(tt.name, func(t *testing.T) {
			lc := judge(t, tt.sub, tt.table)
			got, err := lc.At(tt.at)
			if err != nil {
				t.Fatalf("At(%s, %v): %v\nreason: %s", tt.sub.ID(), tt.at, err, tt.reason)
			}
			if diff := cmp.Diff(tt.want, tt.view(got)); diff != "" {
				t.Errorf("At() mismatch (-want +got):\n%s\nreason: %s", diff, tt.reason)
			}
			one, err := lifecycle.Evaluate(tt.sub, tt.table, tt.at)
			if err != nil {
				t.Fatalf("Evaluate(%s, %v): %v", tt.sub.ID(), tt.at, err)
			}
			if diff := cmp.Diff(answersOf(got), answersOf(one)); diff != "" {
				t.Errorf("Evaluate differs from At (-At +Evaluate):\n%s", diff)
			}
			for _, loc := range locs {
				in, err := lc.At(tt.at.In(loc))
				if err != nil {
					t.Fatalf("At(at.In(%v)): %v", loc, err)
				}
				if diff := cmp.Diff(answersOf(got), answersOf(in)); diff != "" {
					t.Errorf("At(at.In(%v)) differs from UTC (-utc +local):\n%s", loc, diff)
				}
			}
		})
	}
}

// TestAcceptanceRowNames keeps the table honest: every AC id the issue
// lists is present.
func TestAcceptanceRowNames(t *testing.T) {
	have := map[string]bool{}
	for _, r := range acceptanceRows(t) {
		id := r.name
		if len(id) > 5 {
			id = id[:5]
		}
		have[id] = true
	}
	for _, n := range []int{1, 2, 3, 5, 7, 8, 11, 12, 18, 19, 20, 23, 25, 26, 28, 30, 33, 34, 35, 36, 38, 43, 44, 45, 47, 54, 60} {
		if id := fmt.Sprintf("AC-%02d", n); !have[id] {
			t.Errorf("no acceptance row for %s", id)
		}
	}
}
