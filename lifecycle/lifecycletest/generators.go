package lifecycletest

import (
	"time"
	_ "time/tzdata" // Location works without a zoneinfo database

	"pgregory.net/rapid"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// Case is a subscription together with the rules that judge it; its history
// is valid under exactly these rules.
type Case struct {
	Sub   lifecycle.Subscription
	Rules policy.Rules
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
// term have rules in table, judged by [lifecycle.RulesFor]: every channel
// and term the table covers, paid or trial, whole or irregular first
// terms, generic or product-specific (Copilot, Power BI Premium P, Extra
// File Storage), with recurring billing on or off, and a history of up to
// [MaxEvents] events that Evaluate accepts. It panics if table has no rows.
func Subscription(table *policy.Table) *rapid.Generator[lifecycle.Subscription] {
	g := Cases(table, false)
	return rapid.Custom(func(t *rapid.T) lifecycle.Subscription { return g.Draw(t, "case").Sub })
}

// Cases returns a generator of subscriptions with the rules that judge
// them. With knobs false the rules are table's (RulesFor); with knobs true
// they are drawn by [Rules] from table's, so that the documented
// alternatives (DC-3b, C-6, C-12, C-20, R-DAT-3 …) are exercised too, and
// the history is built under the perturbed rules. It panics if table has
// no rows.
func Cases(table *policy.Table, knobs bool) *rapid.Generator[Case] {
	combos := coverage(table)
	if len(combos) == 0 {
		panic("lifecycletest: the table has no rows")
	}
	return rapid.Custom(func(t *rapid.T) Case {
		c := rapid.SampledFrom(combos).Draw(t, "channel/term")
		spec, rules := drawSpec(t, table, c)
		if knobs {
			rules = Rules(rules).Draw(t, "rules")
		}
		sub := drawHistory(t, spec, rules)
		return Case{Sub: sub, Rules: rules}
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

var products = []policy.Product{"", "", "", policy.Copilot, policy.PowerBIPremiumP, policy.ExtraFileStorage}

// drawSpec draws a subscription without history and looks up its rules.
func drawSpec(t *rapid.T, table *policy.Table, c combo) (lifecycle.Spec, policy.Rules) {
	start := Instant(c.from, maxStart).Draw(t, "start")
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
	spec := lifecycle.Spec{
		ID:               "gen",
		Channel:          c.ch,
		Term:             c.term,
		Product:          rapid.SampledFrom(products).Draw(t, "product"),
		Start:            start,
		End:              lifecycle.EndOfTerm(start, c.term),
		ProductKey:       rapid.IntRange(0, 9).Draw(t, "product key") == 0,
		PaymentMethod:    rapid.Bool().Draw(t, "payment method"),
		RecurringBilling: rapid.Bool().Draw(t, "recurring billing"),
	}
	spec.NonUser = spec.Product == policy.ExtraFileStorage
	spec.Licenses = rapid.IntRange(0, 60).Draw(t, "licenses")
	spec.Assigned = rapid.IntRange(0, spec.Licenses).Draw(t, "assigned")
	if rapid.IntRange(0, 4).Draw(t, "irregular first term") == 0 {
		// A first term that is not a whole term (VL agreement alignment,
		// Open activation): 0 to 1200 days.
		spec.End = start.AddDate(0, 0, rapid.IntRange(0, 1200).Draw(t, "first term days"))
	}
	rules := lookup(t, table, spec)
	if rules.Trial.Available && rules.Trial.Days > 0 && rapid.IntRange(0, 2).Draw(t, "trial") == 0 {
		trial := spec
		trial.Trial = true
		trial.End = lifecycle.EndOfTrial(start, rules.Trial.Days)
		if tr := lookup(t, table, trial); tr.Trial.Available && tr.Trial.Days > 0 {
			return trial, tr
		}
	}
	return spec, rules
}

func lookup(t *rapid.T, table *policy.Table, spec lifecycle.Spec) policy.Rules {
	sub, err := lifecycle.New(spec)
	if err != nil {
		t.Fatalf("lifecycletest: generated an invalid spec %+v: %v", spec, err)
	}
	r, err := lifecycle.RulesFor(table, sub)
	if err != nil {
		t.Skipf("no rules in force on the end date: %v", err)
	}
	return r
}

var roles = []lifecycle.Role{0, lifecycle.GlobalAdmin, lifecycle.BillingAdmin, lifecycle.BillingAccountOwner, lifecycle.Partner}

// drawHistory appends up to MaxEvents events, each one only if Evaluate
// accepts it at its instant under rules.
func drawHistory(t *rapid.T, spec lifecycle.Spec, rules policy.Rules) lifecycle.Subscription {
	sub, err := lifecycle.New(spec)
	if err != nil {
		t.Fatalf("lifecycletest: generated an invalid spec %+v: %v", spec, err)
	}
	n := rapid.IntRange(0, MaxEvents).Draw(t, "events")
	prev := spec.Start
	for i := 0; i < n; i++ {
		at := nextInstant(t, sub, rules, prev)
		if !at.Before(maxEvent) {
			break
		}
		st, err := lifecycle.Evaluate(sub, &rules, at)
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
			if _, err := lifecycle.Evaluate(cand, &rules, at); err != nil {
				continue
			}
			sub, prev, added = cand, at, true
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
func nextInstant(t *rapid.T, sub lifecycle.Subscription, rules policy.Rules, prev time.Time) time.Time {
	switch rapid.IntRange(0, 5).Draw(t, "gap kind") {
	case 0:
		return prev
	case 1:
		return prev.Add(time.Duration(rapid.IntRange(1, 24*60).Draw(t, "gap minutes")) * time.Minute)
	case 2:
		st, err := lifecycle.Evaluate(sub, &rules, prev)
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

// Rules returns a generator of valid variants of base: the [AMBIGUOUS]
// and inferred values of RULES.md replaced by documented alternatives or
// other plausible day counts — the expiry anchor (DC-3a/DC-3b), Expired
// and Disabled days, services during Expired (C-1), Disabled until the
// term end (C-20), reactivation after an explicit deletion (C-6), trial
// Expired days (C-12), purge bounds and anchor (R-DAT-2, R-DAT-3) and the
// CSP suspension outcome (C-8). Channel, version and citation are kept.
// Every value passes policy.Rules.Validate when base does.
func Rules(base policy.Rules) *rapid.Generator[policy.Rules] {
	return rapid.Custom(func(t *rapid.T) policy.Rules {
		r := base
		r.ExpiryAnchor = rapid.SampledFrom([]policy.ExpiryAnchor{policy.OnEndDate, policy.DayAfterEndDate}).Draw(t, "anchor")
		r.ExpiredDays = rapid.SampledFrom([]int{0, 1, 30, 90, base.ExpiredDays}).Draw(t, "expired days")
		r.DisabledDays = rapid.SampledFrom([]int{0, 1, 30, 60, 90, base.DisabledDays}).Draw(t, "disabled days")
		r.ServicesDuringExpired = rapid.Bool().Draw(t, "services during expired")
		r.DisabledUntilTermEnd = rapid.IntRange(0, 3).Draw(t, "disabled until term end") == 0
		r.Reactivation.ExplicitDeleteHours = rapid.SampledFrom([]int{0, 0, 72}).Draw(t, "explicit delete hours")
		if r.Trial.Available {
			r.Trial.ExpiredDays = rapid.SampledFrom([]int{0, 30, 60, 90}).Draw(t, "trial expired days")
		}
		nb := rapid.SampledFrom([]int{0, 30, 90}).Draw(t, "purge not before days")
		r.Purge.CancelNotBeforeDays = nb
		r.Purge.CancelDeadlineDays = nb + rapid.SampledFrom([]int{0, 90}).Draw(t, "purge window days")
		r.Purge.ExpiryDeadlineFrom = rapid.SampledFrom([]policy.PurgeAnchor{policy.FromEndDate, policy.FromExpiredEnd}).Draw(t, "purge anchor")
		if r.Suspension.Allowed {
			r.Suspension.AtTermEnd = rapid.SampledFrom([]policy.SuspendedAtTermEnd{
				policy.DisabledThenDisabled, policy.DeletedAtTermEnd, policy.DisabledThenDeleted}).Draw(t, "suspended at term end")
		}
		return r
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
