// Package policytest provides rapid generators of valid policy values:
// [policy.Rules] that pass [policy.Rules.Validate], tables that load from
// their own JSON (no overlaps, no gaps, every channel open-ended), layers
// that a given table accepts, and keys that hit the rows they scope. They
// let billing code, and package lifecycle's tests, property-test
// themselves against every policy this package can express, not only the
// built-in one.
//
// The generators draw products, offers and countries from the small pools
// [Products], [Offers] and [Countries], so that generated keys meet
// generated rows.
package policytest

import (
	"slices"
	"time"

	"github.com/lapse-go/lapse/policy"
	"pgregory.net/rapid"
)

// Pools of the names generated rows and keys use; "" (no name) is not in
// them.
var (
	Products  = []policy.Product{"p-0", "p-1", "p-2"}
	Offers    = []string{"o-0", "o-1", "o-2"}
	Countries = []string{"CA", "CB", "CC"}
)

// epoch is the earliest instant generated rows start at.
var epoch = time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC)

// Channel generates a valid channel.
func Channel() *rapid.Generator[policy.Channel] { return rapid.SampledFrom(policy.Channels()) }

// Term generates a valid term.
func Term() *rapid.Generator[policy.Term] { return rapid.SampledFrom(policy.Terms()) }

// Key generates a key for a channel and term with, now and then, a product,
// offer or country from the pools.
func Key() *rapid.Generator[policy.Key] {
	return rapid.Custom(func(t *rapid.T) policy.Key {
		k := policy.Key{Channel: Channel().Draw(t, "channel"), Term: Term().Draw(t, "term")}
		if rapid.Bool().Draw(t, "has product") {
			k.Product = rapid.SampledFrom(Products).Draw(t, "product")
		}
		if rapid.Bool().Draw(t, "has offer") {
			k.Offer = rapid.SampledFrom(Offers).Draw(t, "offer")
		}
		if rapid.Bool().Draw(t, "has country") {
			k.Country = rapid.SampledFrom(Countries).Draw(t, "country")
		}
		return k
	})
}

// Rules generates valid rules for a random channel.
func Rules() *rapid.Generator[policy.Rules] {
	return rapid.Custom(func(t *rapid.T) policy.Rules {
		return RulesFor(Channel().Draw(t, "channel")).Draw(t, "rules")
	})
}

// days draws a day count, mostly small, up to the package's bound.
func days(t *rapid.T, label string, min int) int {
	if rapid.IntRange(0, 9).Draw(t, label+" large") == 0 {
		return rapid.IntRange(min, 3660).Draw(t, label)
	}
	return rapid.IntRange(min, 200).Draw(t, label)
}

func hours(t *rapid.T, label string) int { return rapid.IntRange(0, 24*400).Draw(t, label) }

// text draws a citation or label: usually a plausible one, sometimes any
// non-empty UTF-8 string (quotes, backslashes, control characters).
func text(t *rapid.T, label string) string {
	if rapid.Bool().Draw(t, label+" arbitrary") {
		return rapid.StringN(1, 40, -1).Draw(t, label)
	}
	return rapid.SampledFrom([]string{"R-LC-1, DC-3a", "§1.1 row 9, C-8 [AMBIGUOUS]", "[D-WIF-2025-02], [S004]", "\"quoted\" \\ back…"}).Draw(t, label)
}

// enumOrZero draws one of vals, or the zero value when zeroOK.
func enumOrZero[E ~uint8](t *rapid.T, label string, vals []E, zeroOK bool) E {
	if zeroOK && rapid.IntRange(0, 3).Draw(t, label+" zero") == 0 {
		return 0
	}
	return rapid.SampledFrom(vals).Draw(t, label)
}

// window draws a valid window; an after-start one is retroactive or not.
func window(t *rapid.T, label string) policy.Window {
	w := policy.Window{
		Kind: rapid.SampledFrom([]policy.WindowKind{policy.Anytime, policy.Never, policy.AfterStart}).Draw(t, label+" kind"),
	}
	if w.Kind == policy.AfterStart {
		w.Inclusive = rapid.Bool().Draw(t, label+" inclusive")
		w.Unit = rapid.SampledFrom([]policy.Unit{policy.Days, policy.Hours}).Draw(t, label+" unit")
		if w.Unit == policy.Days {
			w.Length = rapid.IntRange(1, 60).Draw(t, label+" length")
		} else {
			w.Length = rapid.IntRange(1, 24*30).Draw(t, label+" length")
		}
		w.Retroactive = rapid.Bool().Draw(t, label+" retroactive")
	}
	return w
}

// instant draws an instant after from: usually a UTC midnight, sometimes
// an arbitrary second, within about ten years.
func instant(t *rapid.T, label string, from time.Time) time.Time {
	d := from.AddDate(0, 0, rapid.IntRange(1, 1500).Draw(t, label+" days"))
	if rapid.IntRange(0, 4).Draw(t, label+" exact") == 0 {
		d = d.Add(time.Duration(rapid.IntRange(1, 86399).Draw(t, label+" seconds")) * time.Second)
	}
	return d
}

// RulesFor generates valid rules for channel c: every field within its
// bounds, and the fields that depend on one another consistent (an open
// cancellation window has an effect, a license limit has its count and
// action, a suspension that is allowed says what happens at the term end,
// an available trial has a length).
func RulesFor(c policy.Channel) *rapid.Generator[policy.Rules] {
	return rapid.Custom(func(t *rapid.T) policy.Rules {
		r := policy.Rules{
			Channel: c,
			Cite:    policy.Citation{Rules: text(t, "cite rules"), Sources: text(t, "cite sources")},
		}
		if rapid.Bool().Draw(t, "has version") {
			r.Version = text(t, "version")
		}
		r.ExpiryAnchor = enumOrZero(t, "anchor", []policy.ExpiryAnchor{policy.OnEndDate, policy.DayAfterEndDate}, false)
		r.ExpiredDays = days(t, "expired", 0)
		r.DisabledDays = days(t, "disabled", 0)
		r.ServicesDuringExpired = rapid.Bool().Draw(t, "services during expired")
		r.DisabledUntilTermEnd = rapid.Bool().Draw(t, "disabled until term end")
		r.ExplicitDelete = rapid.Bool().Draw(t, "explicit delete")
		r.AOBOStatusDelayDays = days(t, "aobo", 0)
		if rapid.Bool().Draw(t, "has sales end") {
			r.SalesEnd = instant(t, "sales end", epoch)
		}

		r.Cancel.Window = window(t, "cancel window")
		r.Cancel.Effect = enumOrZero(t, "cancel effect", []policy.CancelEffect{policy.CancelToDisabled, policy.CancelToDeleted, policy.CancelAtTermEnd},
			r.Cancel.Window.Kind == policy.Never)
		r.Cancel.Online.Max = rapid.IntRange(0, 300).Draw(t, "online max")
		limited := r.Cancel.Online.Max > 0
		r.Cancel.Online.Count = enumOrZero(t, "online count", []policy.LicenseCount{policy.Purchased, policy.Assigned}, !limited)
		r.Cancel.Online.Over = enumOrZero(t, "online over", []policy.OverLimit{policy.ReduceFirst, policy.CallSupport, policy.ReduceOrCallSupport}, !limited)
		r.Cancel.Online.Inclusive = rapid.Bool().Draw(t, "online inclusive")
		r.Cancel.ProductKeyViaSupport = rapid.Bool().Draw(t, "product key via support")
		r.Cancel.Prorated = rapid.Bool().Draw(t, "prorated")
		r.Cancel.EarlyTerminationFee = rapid.Bool().Draw(t, "early termination fee")

		r.Purge.CancelNotBeforeDays = days(t, "purge not before", 0)
		r.Purge.CancelDeadlineDays = r.Purge.CancelNotBeforeDays + rapid.IntRange(0, 3660-r.Purge.CancelNotBeforeDays).Draw(t, "purge deadline extra")
		r.Purge.ExpiryDeadlineDays = days(t, "purge expiry", 0)
		r.Purge.ExpiryDeadlineFrom = enumOrZero(t, "purge from", []policy.PurgeAnchor{policy.FromEndDate, policy.FromExpiredEnd}, false)
		r.Purge.ExplicitDeleteHours = hours(t, "purge explicit delete")
		r.Purge.CancelBackupDays = days(t, "purge backup", 0)

		r.Reactivation = policy.ReactivationRules{
			FromExpired:            rapid.Bool().Draw(t, "reactivate from expired"),
			FromDisabled:           rapid.Bool().Draw(t, "reactivate from disabled"),
			FromSuspended:          rapid.Bool().Draw(t, "reactivate from suspended"),
			CreatesNewSubscription: rapid.Bool().Draw(t, "reactivation creates new"),
			ViaSupport:             rapid.Bool().Draw(t, "reactivation via support"),
			ExplicitDeleteHours:    hours(t, "reactivation explicit delete"),
			RequiresPaymentMethod:  rapid.Bool().Draw(t, "reactivation payment"),
			BeforeTermEnd:          rapid.Bool().Draw(t, "reactivation before term end"),
		}

		r.Suspension.Allowed = rapid.Bool().Draw(t, "suspension allowed")
		r.Suspension.PartnerBilled = rapid.Bool().Draw(t, "suspension billed")
		r.Suspension.AtTermEnd = enumOrZero(t, "suspension at term end",
			[]policy.SuspendedAtTermEnd{policy.DisabledThenDisabled, policy.DeletedAtTermEnd, policy.DisabledThenDeleted}, !r.Suspension.Allowed)
		r.Suspension.DisabledDays = days(t, "suspension disabled", 0)
		r.Suspension.MaxDays = days(t, "suspension max", 0)
		r.Suspension.TurnsOffAutoRenew = rapid.Bool().Draw(t, "suspension turns off auto-renew")

		tr := &r.Trial
		tr.Available = rapid.Bool().Draw(t, "trial available")
		minDays := 0
		if tr.Available {
			minDays = 1
		}
		tr.Days = days(t, "trial days", minDays)
		tr.Licenses = rapid.IntRange(0, 100).Draw(t, "trial licenses")
		tr.MaxExtensions = rapid.IntRange(0, 3).Draw(t, "trial max extensions")
		minExt := 0
		if tr.Available && tr.MaxExtensions > 0 {
			minExt = 1
		}
		tr.ExtensionDays = days(t, "trial extension", minExt)
		tr.ExtensionWithinDays = days(t, "trial extension within", 0)
		tr.AutoConvert = rapid.Bool().Draw(t, "trial auto-convert")
		tr.ConvertTerm = enumOrZero(t, "trial convert term", policy.Terms(), !(tr.Available && tr.AutoConvert))
		tr.ExpiredDays = days(t, "trial expired", 0)
		tr.Cancellable = rapid.Bool().Draw(t, "trial cancellable")
		tr.SeatChangesAllowed = rapid.Bool().Draw(t, "trial seat changes")

		r.Licenses = policy.LicenseRules{
			RemoveWindow:                   window(t, "remove window"),
			RemoveRequiresRecurringBilling: rapid.Bool().Draw(t, "remove requires billing"),
			RemovableInAdminCenter:         rapid.Bool().Draw(t, "removable in admin center"),
			ConflictDays:                   days(t, "conflict", 0),
			ExpiredOnlyWhenAllRemoved:      rapid.Bool().Draw(t, "expired only when all removed"),
			Min:                            rapid.IntRange(0, 5).Draw(t, "licenses min"),
		}
		r.Renewal = policy.RenewalRules{
			RecurringBillingDefault: rapid.Bool().Draw(t, "recurring billing default"),
			ESTAvailable:            rapid.Bool().Draw(t, "est available"),
			ESTSurchargePercent:     rapid.IntRange(0, 100).Draw(t, "est surcharge"),
		}
		r.Payment.AllowReplaceWhileDisabled = rapid.Bool().Draw(t, "payment replace while disabled")
		return r
	})
}

// termParts are the ways a channel's generic rows may split the terms.
var termParts = [][]policy.TermSet{
	{0},
	{policy.TermsOf(policy.Monthly, policy.Annual), policy.TermsOf(policy.MultiYear)},
	{policy.TermsOf(policy.Monthly), policy.TermsOf(policy.Annual), policy.TermsOf(policy.MultiYear)},
}

// scope draws the products, offers and countries of the i-th scoped row
// of a table or layer: at least one of them, and names no other scoped row
// with the same dimensions uses, so that rows of equal specificity never
// overlap.
func scope(t *rapid.T, r *policy.Row, i int) {
	for r.Products == nil && r.Offers == nil && r.Countries == nil {
		if rapid.Bool().Draw(t, "scope product") {
			r.Products = []policy.Product{Products[i%len(Products)]}
		}
		if rapid.Bool().Draw(t, "scope offer") {
			r.Offers = []string{Offers[i%len(Offers)]}
		}
		if rapid.Bool().Draw(t, "scope country") {
			r.Countries = []string{Countries[i%len(Countries)]}
		}
	}
	if rapid.Bool().Draw(t, "scope terms") {
		r.Terms = policy.TermsOf(rapid.SliceOfNDistinct(Term(), 1, 3, func(t policy.Term) policy.Term { return t }).Draw(t, "terms")...)
	}
}

// Table generates a valid table that loads from its own JSON: for one to
// three channels, generic rows that cover each term without a gap from a
// start date on (the last open-ended), split by term or not, and up to
// three rows scoped by product, offer or country (at most as many as the
// pools have names, so that they never overlap).
func Table() *rapid.Generator[*policy.Table] {
	return rapid.Custom(func(t *rapid.T) *policy.Table {
		channels := rapid.SliceOfNDistinct(Channel(), 1, 3, func(c policy.Channel) policy.Channel { return c }).Draw(t, "channels")
		var rows []policy.Row
		for _, c := range channels {
			rules := RulesFor(c)
			start := instant(t, "start", epoch)
			for _, terms := range rapid.SampledFrom(termParts).Draw(t, "term parts") {
				from := start
				if rapid.Bool().Draw(t, "own start") {
					from = instant(t, "part start", epoch)
				}
				n := rapid.IntRange(1, 4).Draw(t, "versions")
				for i := 0; i < n; i++ {
					row := policy.Row{Channel: c, Terms: terms, From: from, Rules: rules.Draw(t, "rules")}
					if i < n-1 {
						row.Until = instant(t, "until", from)
						from = row.Until
					}
					rows = append(rows, row)
				}
			}
			for i := range rapid.IntRange(0, 3).Draw(t, "scoped rows") {
				row := policy.Row{Channel: c, From: instant(t, "scoped from", epoch), Rules: rules.Draw(t, "scoped rules")}
				if rapid.Bool().Draw(t, "scoped ends") {
					row.Until = instant(t, "scoped until", row.From)
				}
				scope(t, &row, i)
				rows = append(rows, row)
			}
		}
		tbl, err := policy.NewTable(rows)
		if err != nil {
			t.Fatalf("policytest: generated an invalid table: %v", err)
		}
		return tbl
	})
}

// overrideBundles are sets of rule fields that an override may set
// together, whatever the rules below: each single field is valid on its
// own, and each group holds the fields that Rules.Validate checks together.
var overrideBundles = [][]string{
	{"expiryAnchor"}, {"expired"}, {"disabled"}, {"servicesDuringExpired"}, {"disabledUntilTermEnd"},
	{"explicitDelete"}, {"aoboStatusDelay"}, {"salesEnd"},
	{"cancel.window", "cancel.effect"},
	{"cancel.online.max", "cancel.online.count", "cancel.online.over"},
	{"cancel.online.inclusive"}, {"cancel.productKeyViaSupport"}, {"cancel.prorated"}, {"cancel.earlyTerminationFee"},
	{"purge.cancelNotBefore", "purge.cancelDeadline"},
	{"purge.expiryDeadline"}, {"purge.expiryDeadlineFrom"}, {"purge.explicitDelete"}, {"purge.cancelBackup"},
	{"reactivation.fromExpired"}, {"reactivation.fromDisabled"}, {"reactivation.fromSuspended"},
	{"reactivation.createsNewSubscription"}, {"reactivation.viaSupport"}, {"reactivation.explicitDelete"},
	{"reactivation.requiresPaymentMethod"}, {"reactivation.beforeTermEnd"},
	{"suspension.allowed", "suspension.atTermEnd"},
	{"suspension.partnerBilled"}, {"suspension.disabled"}, {"suspension.max"}, {"suspension.turnsOffAutoRenew"},
	{"trial.available", "trial.length", "trial.licenses", "trial.extension", "trial.extensionWithin", "trial.maxExtensions",
		"trial.autoConvert", "trial.convertTerm", "trial.expired", "trial.cancellable", "trial.seatChangesAllowed"},
	{"trial.licenses"}, {"trial.extensionWithin"}, {"trial.expired"}, {"trial.cancellable"}, {"trial.seatChangesAllowed"},
	{"licenses.removeWindow"}, {"licenses.removeRequiresRecurringBilling"}, {"licenses.removableInAdminCenter"},
	{"licenses.conflict"}, {"licenses.expiredOnlyWhenAllRemoved"}, {"licenses.min"},
	{"renewal.recurringBillingDefault"}, {"renewal.estAvailable"}, {"renewal.estSurchargePercent"},
	{"payment.allowReplaceWhileDisabled"},
}

// Layer generates a layer that base accepts (base.With(layer) succeeds):
// for channels of base, rows that start once every term of the channel has
// a generic rule, each setting a few bundles of fields drawn from valid
// rules, some generic and some scoped by product, offer or country so that
// they cascade. It fails the test if base names no channel.
func Layer(base *policy.Table) *rapid.Generator[*policy.Layer] {
	// A channel's overrides start once every term it has rules for has
	// its first generic rule: the latest of the terms' first From.
	first := make(map[policy.Channel]map[policy.Term]time.Time)
	for _, r := range base.Rows() {
		if len(r.Products) > 0 || len(r.Offers) > 0 || len(r.Countries) > 0 {
			continue
		}
		if first[r.Channel] == nil {
			first[r.Channel] = make(map[policy.Term]time.Time)
		}
		for _, term := range policy.Terms() {
			if f, ok := first[r.Channel][term]; r.Terms.Has(term) && (!ok || r.From.Before(f)) {
				first[r.Channel][term] = r.From
			}
		}
	}
	starts := make(map[policy.Channel]time.Time)
	var channels []policy.Channel
	for _, c := range policy.Channels() {
		for _, f := range first[c] {
			if f.After(starts[c]) {
				starts[c] = f
			}
		}
		if len(first[c]) > 0 {
			channels = append(channels, c)
		}
	}
	return rapid.Custom(func(t *rapid.T) *policy.Layer {
		if len(channels) == 0 {
			t.Fatalf("policytest: the base table has no generic rows")
		}
		var rows []policy.Override
		for i := range rapid.IntRange(1, 3).Draw(t, "override rows") {
			c := rapid.SampledFrom(channels).Draw(t, "channel")
			o := policy.Override{Row: policy.Row{Channel: c, From: starts[c], Rules: RulesFor(c).Draw(t, "values")}}
			if rapid.Bool().Draw(t, "later start") {
				o.From = instant(t, "from", starts[c])
			}
			if rapid.Bool().Draw(t, "ends") {
				o.Until = instant(t, "until", o.From)
			}
			if i > 0 || rapid.Bool().Draw(t, "scoped") {
				scope(t, &o.Row, i)
			}
			for _, b := range rapid.SliceOfNDistinct(rapid.IntRange(0, len(overrideBundles)-1), 1, 4, func(i int) int { return i }).Draw(t, "bundles") {
				for _, f := range overrideBundles[b] {
					if !slices.Contains(o.Set, f) {
						o.Set = append(o.Set, f)
					}
				}
			}
			rows = append(rows, o)
		}
		l, err := policy.NewLayer(rapid.SampledFrom([]string{"overrides", "reseller", "21vianet"}).Draw(t, "name"), rows)
		if err != nil {
			t.Fatalf("policytest: generated an invalid layer: %v", err)
		}
		return l
	})
}
