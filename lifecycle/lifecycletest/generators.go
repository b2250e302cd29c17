package lifecycletest

import (
	"time"
	_ "time/tzdata" // Location works without a zoneinfo database

	"pgregory.net/rapid"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// Case is a subscription together with the policy table that judges it;
// its history is valid under that table.
type Case struct {
	Sub   lifecycle.Subscription
	Table *policy.Table
}

// Bounds of the generated instants. Purchases fall in [minStart, maxStart);
// events and instants stay well before lapse's 2200 limit.
var (
	maxStart = time.Date(2032, 1, 1, 0, 0, 0, 0, time.UTC)
	maxEvent = time.Date(2040, 1, 1, 0, 0, 0, 0, time.UTC)
)

// MaxEvents is the most events a generated history holds.
const MaxEvents = 8

// Subscription returns a generator of valid subscriptions whose channel and
// term have rules in table from their purchase on: every channel and term
// the table covers, paid or trial, whole or irregular first terms, generic
// or product-specific (Copilot, Power BI Premium P, Extra File Storage),
// with recurring billing on or off, and a history of up to [MaxEvents]
// events that [lifecycle.Judge] accepts against table. Purchases and
// events range over the years the table's versions cover, so histories
// cross policy versions. It panics if table has no rows.
func Subscription(table *policy.Table) *rapid.Generator[lifecycle.Subscription] {
	g := Cases(table, false)
	return rapid.Custom(func(t *rapid.T) lifecycle.Subscription { return g.Draw(t, "case").Sub })
}

// Lifecycle returns a generator of subscriptions of [Subscription] judged
// against table.
func Lifecycle(table *policy.Table) *rapid.Generator[lifecycle.Lifecycle] {
	g := Cases(table, false)
	return rapid.Custom(func(t *rapid.T) lifecycle.Lifecycle {
		c := g.Draw(t, "case")
		lc, err := lifecycle.Judge(c.Sub, c.Table)
		if err != nil {
			t.Fatalf("lifecycletest: a generated subscription can't be judged: %v", err)
		}
		return lc
	})
}

// Cases returns a generator of subscriptions with the table that judges
// them. With knobs false the table is table itself; with knobs true it is
// drawn by [Table] from table, so that the documented alternatives (DC-3b,
// C-6, C-12, C-20, R-DAT-3 …) are exercised too, and the history is built
// against the perturbed table. It panics if table has no rows.
func Cases(table *policy.Table, knobs bool) *rapid.Generator[Case] {
	combos := coverage(table)
	if len(combos) == 0 {
		panic("lifecycletest: the table has no rows")
	}
	return rapid.Custom(func(t *rapid.T) Case {
		judge := table
		if knobs {
			judge = Table(table).Draw(t, "table")
		}
		c := rapid.SampledFrom(combos).Draw(t, "channel/term")
		spec := drawSpec(t, judge, c)
		sub := drawHistory(t, spec, judge)
		return Case{Sub: sub, Table: judge}
	})
}

// combo is a channel and term with rules in a table, and the earliest
// instant a row for them is in force.
type combo struct {
	ch   policy.Channel
	term policy.Term
	from time.Time
}

func coverage(table *policy.Table) []combo {
	var out []combo
	rows := table.Rows()
	for _, ch := range policy.Channels() {
		for _, term := range policy.Terms() {
			var from time.Time
			for _, r := range rows {
				if r.Channel == ch && r.Terms.Has(term) && (from.IsZero() || r.From.Before(from)) {
					from = r.From
				}
			}
			if !from.IsZero() && from.Before(maxStart) {
				out = append(out, combo{ch, term, from})
			}
		}
	}
	return out
}

var products = []policy.Product{"", "", "", policy.Copilot, policy.PowerBIPremiumP, policy.ExtraFileStorage,
	policy.Azure, policy.DomainSubscription, policy.Dynamics365} // R-CAN-8, R-CAN-11, R-CAN-7(c)

// drawSpec draws a subscription without history whose channel and term
// the table covers from its purchase on.
func drawSpec(t *rapid.T, table *policy.Table, c combo) lifecycle.Spec {
	product := rapid.SampledFrom(products).Draw(t, "product")
	start := Instant(c.from, maxStart).Draw(t, "start")
	if b := boundaries(table, policy.Key{Channel: c.ch, Term: c.term, Product: product}, c.from); len(b) > 0 && rapid.Bool().Draw(t, "near a new version") {
		// Up to two years before a version takes effect, so that the
		// history crosses it.
		v := rapid.SampledFrom(b).Draw(t, "version boundary")
		start = Instant(maxTime(c.from, v.AddDate(-2, 0, 0)), v).Draw(t, "start before it")
	}
	if rapid.Bool().Draw(t, "whole-second start") {
		start = start.Truncate(time.Second)
	}
	if rapid.IntRange(0, 3).Draw(t, "month-end start") == 0 {
		// Days 29, 30 and 31, where month arithmetic clamps.
		y, m, _ := start.Date()
		d := rapid.IntRange(29, 31).Draw(t, "day of month")
		if last := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day(); d > last {
			d = last
		}
		start = time.Date(y, m, d, start.Hour(), start.Minute(), start.Second(), start.Nanosecond(), time.UTC)
		if start.Before(c.from) {
			start = c.from
		}
	}
	end, err := lifecycle.EndOfTerm(start, c.term)
	if err != nil {
		t.Fatalf("lifecycletest: drew a start with no end date: %v", err)
	}
	spec := lifecycle.Spec{
		ID:               "gen",
		Channel:          c.ch,
		Term:             c.term,
		Product:          product,
		Start:            start,
		End:              end,
		ProductKey:       rapid.IntRange(0, 9).Draw(t, "product key") == 0,
		PaymentMethod:    rapid.Bool().Draw(t, "payment method"),
		RecurringBilling: rapid.Bool().Draw(t, "recurring billing"),
	}
	spec.NonUser = spec.Product == policy.ExtraFileStorage
	if c.ch == policy.DirectMCA && rapid.IntRange(0, 3).Draw(t, "via seller") == 0 {
		spec.ViaSeller = true // R-CAN-4
		spec.Country = rapid.SampledFrom([]string{"", "CL"}).Draw(t, "seller's country")
	}
	spec.Licenses = rapid.IntRange(0, 60).Draw(t, "licenses")
	spec.Assigned = rapid.IntRange(0, spec.Licenses).Draw(t, "assigned")
	if rapid.IntRange(0, 4).Draw(t, "irregular first term") == 0 {
		// A first term that is not a whole term (VL agreement alignment,
		// Open activation): 0 to 1200 days.
		spec.End = clock.DateOf(start.UTC()).AddDays(rapid.IntRange(0, 1200).Draw(t, "first term days"))
	}
	key := policy.Key{Channel: spec.Channel, Term: spec.Term, Product: spec.Product}
	if r, err := table.Lookup(key, start); err == nil && r.Trial.Available && r.Trial.Days > 0 && rapid.IntRange(0, 2).Draw(t, "trial") == 0 {
		spec.Trial = true
		if spec.End, err = lifecycle.EndOfTrial(start, r.Trial.Days); err != nil {
			t.Fatalf("lifecycletest: drew a trial with no end date: %v", err)
		}
	}
	return spec
}

// boundaries returns the instants after from at which a new version of
// the rules for k takes effect.
func boundaries(table *policy.Table, k policy.Key, from time.Time) []time.Time {
	s, err := table.Schedule(k)
	if err != nil {
		return nil
	}
	var out []time.Time
	for v := range s.All() {
		if v.From().After(from) && v.From().Before(maxStart) {
			out = append(out, v.From())
		}
	}
	return out
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

var roles = []lifecycle.Role{0, lifecycle.GlobalAdmin, lifecycle.BillingAdmin, lifecycle.BillingAccountOwner, lifecycle.Partner}

// drawHistory appends up to MaxEvents events, each one only if Judge
// accepts the history with it against table.
func drawHistory(t *rapid.T, spec lifecycle.Spec, table *policy.Table) lifecycle.Subscription {
	sub, err := lifecycle.New(spec)
	if err != nil {
		t.Fatalf("lifecycletest: generated an invalid spec %+v: %v", spec, err)
	}
	lc, err := lifecycle.Judge(sub, table)
	if err != nil {
		t.Skipf("the table can't judge the generated subscription: %v", err)
	}
	n := rapid.IntRange(0, MaxEvents).Draw(t, "events")
	prev := spec.Start
	for i := 0; i < n; i++ {
		at := nextInstant(t, lc, prev)
		if !at.Before(maxEvent) {
			break
		}
		st, err := lc.At(at)
		if err != nil {
			t.Fatalf("lifecycletest: a generated history fails at %v: %v", at, err)
		}
		added := false
		for _, k := range rapid.Permutation(lifecycle.EventKinds()).Draw(t, "kinds") {
			ev := lifecycle.Event{Kind: k, At: at, Actor: rapid.SampledFrom(roles).Draw(t, "actor")}
			if k == lifecycle.ChangeLicenses {
				ev.Licenses = rapid.IntRange(0, 60).Draw(t, "event licenses")
				ev.Assigned = rapid.IntRange(0, max(st.Assigned(), ev.Licenses)+5).Draw(t, "event assigned")
			}
			next := sub.Spec()
			next.History = append(next.History, ev)
			cand, err := lifecycle.New(next)
			if err != nil {
				continue
			}
			clc, err := lifecycle.Judge(cand, table)
			if err != nil {
				continue
			}
			sub, lc, prev, added = cand, clc, at, true
			break
		}
		if !added {
			break
		}
	}
	return sub
}

// nextInstant draws the instant of the next event: the same instant as
// the previous one, minutes, hours or days later, or just around the next
// phase boundary, where off-by-one mistakes live.
func nextInstant(t *rapid.T, lc lifecycle.Lifecycle, prev time.Time) time.Time {
	switch rapid.IntRange(0, 5).Draw(t, "gap kind") {
	case 0:
		return prev
	case 1:
		return prev.Add(time.Duration(rapid.IntRange(1, 24*60).Draw(t, "gap minutes")) * time.Minute)
	case 2:
		st, err := lc.At(prev)
		if err == nil && !st.NextAt().IsZero() {
			d := rapid.SampledFrom([]time.Duration{-time.Nanosecond, 0, time.Nanosecond, time.Hour, 24 * time.Hour}).Draw(t, "around next")
			if at := st.NextAt().Add(d); at.After(prev) {
				return at
			}
		}
		fallthrough
	default:
		days := rapid.IntRange(1, 500).Draw(t, "gap days")
		return prev.AddDate(0, 0, days).Add(time.Duration(rapid.IntRange(0, 86399).Draw(t, "gap seconds")) * time.Second)
	}
}

// Table returns a generator of variants of base in which every row's rules
// take the same documented alternatives, drawn once per table: the values
// [Rules] varies, each either kept as the row has it or replaced in every
// row. The versions of base stay apart, so histories still cross them.
// Override layers of base are applied on top again; a draw whose values
// the layers make invalid is skipped. It panics if base has no rows.
func Table(base *policy.Table) *rapid.Generator[*policy.Table] {
	if len(base.Rows()) == 0 {
		panic("lifecycletest: the table has no rows")
	}
	return rapid.Custom(func(t *rapid.T) *policy.Table {
		k := drawKnobs(t)
		rows := base.Rows()
		for i := range rows {
			rows[i].Rules = k.apply(rows[i].Rules)
		}
		tbl, err := policy.NewTable(rows)
		if err != nil {
			t.Fatalf("lifecycletest: perturbed rows are invalid: %v", err)
		}
		if layers := base.Layers(); len(layers) > 0 {
			if tbl, err = tbl.With(layers...); err != nil {
				t.Skipf("the layers of the base table refuse the perturbed rows: %v", err)
			}
		}
		return tbl
	})
}

// keep marks a knob that leaves each row's own value.
const keep = -1

// knobs are the alternatives drawn once for a whole table; keep leaves a
// row's value as it is.
type knobs struct {
	anchor, expired, disabled, servicesDuringExpired, untilTermEnd int
	deleteHours, trialExpired, purgeNotBefore, purgeWindow         int
	purgeAnchor, atTermEnd                                         int
}

func drawKnobs(t *rapid.T) knobs {
	pick := func(label string, alternatives ...int) int {
		return rapid.SampledFrom(append([]int{keep, keep}, alternatives...)).Draw(t, label)
	}
	return knobs{
		anchor:                pick("anchor", int(policy.OnEndDate), int(policy.DayAfterEndDate)),
		expired:               pick("expired days", 0, 1, 30, 90),
		disabled:              pick("disabled days", 0, 1, 30, 60, 90),
		servicesDuringExpired: pick("services during expired", 0, 1),
		untilTermEnd:          pick("disabled until term end", 1),
		deleteHours:           pick("explicit delete hours", 72),
		trialExpired:          pick("trial expired days", 0, 30, 60, 90),
		purgeNotBefore:        pick("purge not before days", 0, 30, 90),
		purgeWindow:           pick("purge window days", 0, 90),
		purgeAnchor:           pick("purge anchor", int(policy.FromEndDate), int(policy.FromExpiredEnd)),
		atTermEnd:             pick("suspended at term end", int(policy.DisabledThenDisabled), int(policy.DeletedAtTermEnd), int(policy.DisabledThenDeleted)),
	}
}

// apply returns r with the drawn alternatives.
func (k knobs) apply(r policy.Rules) policy.Rules {
	set := func(dst *int, v int) {
		if v != keep {
			*dst = v
		}
	}
	if k.anchor != keep {
		r.ExpiryAnchor = policy.ExpiryAnchor(k.anchor)
	}
	set(&r.ExpiredDays, k.expired)
	set(&r.DisabledDays, k.disabled)
	if k.servicesDuringExpired != keep {
		r.ServicesDuringExpired = k.servicesDuringExpired == 1
	}
	if k.untilTermEnd != keep {
		r.DisabledUntilTermEnd = true
	}
	set(&r.Reactivation.ExplicitDeleteHours, k.deleteHours)
	if r.Trial.Available {
		set(&r.Trial.ExpiredDays, k.trialExpired)
	}
	if k.purgeNotBefore != keep {
		r.Purge.CancelNotBeforeDays = k.purgeNotBefore
		r.Purge.CancelDeadlineDays = max(r.Purge.CancelDeadlineDays, k.purgeNotBefore)
	}
	if k.purgeWindow != keep {
		r.Purge.CancelDeadlineDays = r.Purge.CancelNotBeforeDays + k.purgeWindow
	}
	if k.purgeAnchor != keep {
		r.Purge.ExpiryDeadlineFrom = policy.PurgeAnchor(k.purgeAnchor)
	}
	if r.Suspension.Allowed && k.atTermEnd != keep {
		r.Suspension.AtTermEnd = policy.SuspendedAtTermEnd(k.atTermEnd)
	}
	return r
}

// Rules returns a generator of valid variants of base: the [AMBIGUOUS]
// and inferred values of RULES.md either kept or replaced by documented
// alternatives or other plausible day counts — the expiry anchor
// (DC-3a/DC-3b), Expired and Disabled days, services during Expired (C-1),
// Disabled until the term end (C-20), reactivation after an explicit
// deletion (C-6), trial Expired days (C-12), purge bounds and anchor
// (R-DAT-2, R-DAT-3) and the CSP suspension outcome (C-8). Channel,
// version and citation are kept. Every value passes
// policy.Rules.Validate when base does. [Table] draws the same
// alternatives once for every row of a table.
func Rules(base policy.Rules) *rapid.Generator[policy.Rules] {
	return rapid.Custom(func(t *rapid.T) policy.Rules {
		return drawKnobs(t).apply(base)
	})
}

// Instant returns a generator of UTC instants in [lo, hi), with
// nanosecond resolution. It panics unless lo is before hi.
func Instant(lo, hi time.Time) *rapid.Generator[time.Time] {
	if !lo.Before(hi) {
		panic("lifecycletest: Instant needs lo before hi")
	}
	a, b := lo.UnixNano(), hi.UnixNano()-1
	return rapid.Custom(func(t *rapid.T) time.Time {
		return time.Unix(0, rapid.Int64Range(a, b).Draw(t, "ns")).UTC()
	})
}

// Location returns a generator of locations, UTC among them, including
// fixed offsets at both ends of the range (UTC−12, UTC+14), a 45-minute
// offset and zones with daylight saving time, so that tests can check
// that at.In(loc) does not change an answer.
func Location() *rapid.Generator[*time.Location] {
	locs := []*time.Location{
		time.UTC,
		time.FixedZone("UTC-12", -12*3600),
		time.FixedZone("UTC-10", -10*3600),
		time.FixedZone("UTC+14", 14*3600),
		time.FixedZone("UTC+05:45", 5*3600+45*60),
	}
	for _, name := range []string{"America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Pacific/Chatham"} {
		if l, err := time.LoadLocation(name); err == nil {
			locs = append(locs, l)
		}
	}
	return rapid.SampledFrom(locs)
}
