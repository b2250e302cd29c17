package policy

import (
	"strings"
	"sync"
	"time"
)

// Effective-from instants of the documented versions (RULES.md §1.3, §4).
// Where a source gives only a document date, the row starts on that date
// ([INFERRED]: the text is taken to be in force from its ms.date).
var (
	since2011     = date(2011, 6, 28) // Office 365 launch; P-O365-2013 [INFERRED start]
	since2014     = date(2014, 1, 1)  // Office 365 era: S002, P-KB2990529 (2014) [INFERRED start]
	since2016     = date(2016, 1, 1)  // CSP legacy pages, P-PC-SUSP-OLD [INFERRED start]
	since2020     = date(2020, 5, 8)  // D-WIF-2020 lasthandoff 05/08/2020, D-CAN-2020
	since2022     = date(2022, 1, 1)  // P-CAN-2022 (2022 cancel article); Open License retirement, P-OPEN
	sinceNCE7Days = date(2022, 3, 1)  // "became seven days in March 2022", P-CRN-2022 [INFERRED day]
	since2023     = date(2023, 1, 10) // D-WIF-2023-01
	since2024     = date(2024, 3, 29) // D-WIF-2024-03
	sinceMCA7Days = date(2024, 9, 10) // D-CAN-2024-09: first text with the MCA seven-day window
	since2025     = date(2025, 2, 6)  // D-WIF-2025-02, S004
	sinceMCANoExp = date(2026, 2, 9)  // D-WIF-2025-12: "As of February 9, 2026" (R-LC-13, R-LC-14)

	openLicenseSalesEnd = date(2022, 1, 1) // P-OPEN: "As of January 1, 2022 … won't be able to buy new or renew" (C-23)
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// purgeDefault is R-DAT-2 (cancellation 90/180, C-3), R-DAT-3 (expiry 180
// from E, [INFERRED]), R-DAT-4 (explicit delete 72 h) and R-DAT-5 (CSP
// backup 7 days).
var purgeDefault = PurgeRules{
	CancelNotBeforeDays: 90,
	CancelDeadlineDays:  180,
	ExpiryDeadlineDays:  180,
	ExpiryDeadlineFrom:  FromEndDate,
	ExplicitDeleteHours: 72,
	CancelBackupDays:    7,
}

// directTrial is R-TRI-1…R-TRI-5 (D-TRY-2025-06, D-EXT-2020) with the
// C-12 default of a 30-day Expired state.
var directTrial = TrialRules{
	Available:           true,
	Days:                30,
	Licenses:            25,
	ExtensionDays:       30,
	ExtensionWithinDays: 15,
	MaxExtensions:       1,
	AutoConvert:         true,
	ConvertTerm:         Annual,
	ExpiredDays:         30,
	Cancellable:         true,
	SeatChangesAllowed:  false, // R-LIC-9: "First buy your trial subscription, then you can buy more licenses."
}

// mosaCurrent is §1.1 row 1 (and row 14 for product keys) in the 02/2025
// text.
func mosaCurrent() Rules {
	return Rules{
		Channel: DirectMOSA,
		Version: "2025-02",
		Cite: Citation{
			Rules:   "§1.1 rows 1 and 14, DC-3a, DC-4, DC-7, R-LC-1…R-LC-10, R-CAN-1, R-CAN-2, R-CAN-9, R-REF-1, R-REF-4, R-REA-1…R-REA-4, R-REN-1…R-REN-3, R-LIC-1, R-LIC-3, R-DAT-2…R-DAT-4, R-PAY-1…R-PAY-3, R-TRI-1…R-TRI-5, C-3, C-4, C-6, C-12, C-14",
			Sources: "[D-WIF-2025-02], [S004], [D-CAN-2024-09], [D-REACT-2025-07], [D-RENEW-2025-07], [D-LIC-2024-02], [D-PAY-2024-02], [D-TRY-2025-06], [E-TENANT-2024-01]",
		},
		ExpiryAnchor:          OnEndDate,
		ExpiredDays:           30,
		DisabledDays:          90,
		ServicesDuringExpired: true,
		ExplicitDelete:        true,
		Cancel: CancelRules{
			Window:               Window{Kind: Anytime},
			Effect:               CancelToDisabled,
			Online:               OnlineLimit{Max: 25, Count: Purchased, Inclusive: true, Over: ReduceFirst},
			ProductKeyViaSupport: true,
			Prorated:             true,
		},
		Purge: purgeDefault,
		Reactivation: ReactivationRules{
			FromExpired:           true,
			FromDisabled:          true,
			RequiresPaymentMethod: true,
		},
		Trial:    directTrial,
		Licenses: LicenseRules{RemoveWindow: Window{Kind: Anytime}, RemovableInAdminCenter: true, Min: 1},
		Renewal:  RenewalRules{RecurringBillingDefault: true},
	}
}

// mcaRules is §1.1 row 2 (before 2026-02-09).
func mcaRules() Rules {
	r := mosaCurrent()
	r.Channel = DirectMCA
	r.Version = "2024-09"
	r.Cite = Citation{
		Rules:   "§1.1 row 2, DC-3a, DC-4, DC-6, R-CAN-3, R-CAN-9, R-REF-2, R-REA-5, R-LIC-2, R-LC-9, C-5, C-20",
		Sources: "[D-WIF-2025-02], [D-CAN-2024-09], [D-CLOSE-2024-07], [D-REACT-2025-07], [D-LIC-2024-02]",
	}
	seven := Window{Kind: AfterStart, Length: 7, Unit: Days, Inclusive: true}
	r.Cancel = CancelRules{Window: seven, Effect: CancelToDisabled, Prorated: true,
		SellerWindowDays: 7, // R-CAN-4: "seven days to cancel … Contact your seller or partner" [D-CAN-2024-09]
	}
	r.ExplicitDelete = false // R-LC-9: "you can't delete a disabled subscription"
	r.Reactivation.CreatesNewSubscription = true
	r.Reactivation.RequiresPaymentMethod = false
	r.Licenses = LicenseRules{RemoveWindow: seven, RemoveRequiresRecurringBilling: true, RemovableInAdminCenter: true, Min: 1}
	return r
}

func cspNCE() Rules {
	return Rules{
		Channel: CSPNewCommerce,
		Version: "2023-10",
		Cite: Citation{
			Rules:   "§1.1 rows 9 and 12, §1.2, DC-3b, DC-5, R-CAN-14 (retroactive to subscriptions purchased seven days prior), R-CAN-15, R-CAN-16, R-REF-6, R-REA-7, R-REN-5, R-LIC-7, R-LIC-8, R-DAT-5, R-TRI-7, R-MISC-4, C-7, C-8",
			Sources: "[PC-LIFE-2023-08], [P-PC-LIFE-LIVE], [PC-SUB-2023-10], [PC-TRIAL-2022-09], [P-CRN-2022]",
		},
		ExpiryAnchor:          DayAfterEndDate,
		ExpiredDays:           30,
		DisabledDays:          90,
		ServicesDuringExpired: true,
		Cancel: CancelRules{
			Window:   Window{Kind: AfterStart, Length: 168, Unit: Hours, Inclusive: true},
			Effect:   CancelToDeleted,
			Prorated: true,
		},
		Purge:        purgeDefault,
		Reactivation: ReactivationRules{FromSuspended: true, BeforeTermEnd: true},
		Suspension: SuspensionRules{
			Allowed:           true,
			PartnerBilled:     true,
			AtTermEnd:         DisabledThenDisabled,
			DisabledDays:      30,
			TurnsOffAutoRenew: true,
		},
		Trial: TrialRules{
			Available:   true,
			Days:        30,
			Licenses:    25,
			AutoConvert: true,
			ConvertTerm: Annual,
			ExpiredDays: 30, // [INFERRED] "lifecycle after expiry not documented": §1.1 row 9's 30-day Expired
			// R-TRI-7: "during the trial quantity and status can't be
			// changed"; turning auto-renew off lets it expire.
			Cancellable: false,
		},
		Licenses: LicenseRules{RemoveWindow: Window{Kind: AfterStart, Length: 168, Unit: Hours, Inclusive: true}, Min: 1},
		Renewal:  RenewalRules{RecurringBillingDefault: true},
	}
}

func rows() []Row {
	var out []Row
	add := func(terms TermSet, products []Product, from, until time.Time, r Rules) {
		out = append(out, Row{Channel: r.Channel, Terms: terms, Products: products, From: from, Until: until, Rules: r})
	}

	// Direct MOSA, §1.1 row 1 and its history (§1.3).
	{
		r := mosaCurrent()
		r.Version = "2013"
		r.Cite = Citation{
			Rules:   "§1.3 (~2011–2013), C-13, C-21; durations 30/90 [INFERRED] from §1.1 row 1",
			Sources: "[P-O365-2013]",
		}
		r.Cancel = CancelRules{Window: Window{Kind: Anytime}, Effect: CancelAtTermEnd}
		r.Purge.CancelNotBeforeDays, r.Purge.CancelDeadlineDays = 90, 90 // "deleted 90 days after cancellation"
		r.Reactivation = ReactivationRules{FromExpired: true, FromDisabled: true, ViaSupport: true}
		r.ExplicitDelete = false
		r.Trial.AutoConvert = false
		r.Trial.Cancellable = false // "You cannot cancel a trial subscription."
		r.Trial.ExpiredDays = 0     // "permanently deleted at the end of the trial period"
		r.Trial.MaxExtensions, r.Trial.ExtensionDays, r.Trial.ExtensionWithinDays = 0, 0, 0
		add(0, nil, since2011, since2014, r)
	}
	{
		r := mosaCurrent()
		r.Version = "office-365-era"
		r.Cite = Citation{
			Rules:   "R-CAN-7, R-REF-1, R-REF-4, R-REF-5, R-LIC-1 (\"cannot reduce … to zero\"), C-4, C-18; durations 30/90 [INFERRED] from §1.1 row 1",
			Sources: "[S002], [P-KB2990529]",
		}
		r.Cancel.Online = OnlineLimit{Max: 25, Count: Assigned, Inclusive: false, Over: ReduceOrCallSupport}
		r.Cancel.EarlyTerminationFee = true
		r.Trial.AutoConvert = false
		r.Trial.MaxExtensions, r.Trial.ExtensionDays, r.Trial.ExtensionWithinDays = 0, 0, 0
		add(0, nil, since2014, since2020, r)
	}
	{
		r := mosaCurrent()
		r.Version = "2020"
		r.Cite = Citation{
			Rules:   "§1.3 (2020), R-CAN-6, R-REA-2 (2021), C-3, C-4, C-14, C-17; AC-15 exactly 25 [AMBIGUOUS]: Inclusive=false",
			Sources: "[D-WIF-2020], [S003], [D-CAN-2020], [D-REACT-2021], [D-EXT-2020]",
		}
		r.Cancel.Online = OnlineLimit{Max: 25, Count: Assigned, Inclusive: false, Over: CallSupport}
		r.Cancel.ProductKeyViaSupport = false
		r.Trial.AutoConvert = false
		add(0, nil, since2020, since2022, r)
	}
	{
		r := mosaCurrent()
		r.Version = "2022"
		r.Cite = Citation{
			Rules:   "R-CAN-5 (without billing profile: \"Reduce … to 25 or fewer and try again, or call support\"), C-4, C-14",
			Sources: "[P-CAN-2022]",
		}
		r.Cancel.Online.Over = ReduceOrCallSupport
		r.Trial.AutoConvert = false
		add(0, nil, since2022, since2023, r)
	}
	{
		r := mosaCurrent()
		r.Version = "2023-01"
		r.Cite = Citation{
			Rules:   "§1.3 (01/2023, 03/2024), R-LC-12 (AOBO delay), C-9, C-14, C-19",
			Sources: "[D-WIF-2023-01], [D-WIF-2024-03]",
		}
		r.AOBOStatusDelayDays = 90
		r.Trial.AutoConvert = false
		add(0, nil, since2023, since2025, r)
	}
	add(0, nil, since2025, time.Time{}, mosaCurrent())

	// Direct MCA, §1.1 rows 2 and 3.
	{
		r := mcaRules()
		r.Version = "2022"
		r.Cite = Citation{
			Rules:   "R-CAN-5 (72 hours), R-REF-3, DC-5, C-5; license removal window [INFERRED] equal to the cancellation window",
			Sources: "[P-CAN-2022]",
		}
		r.Cancel.Window = Window{Kind: AfterStart, Length: 72, Unit: Hours, Inclusive: true}
		r.Cancel.SellerWindowDays = 0 // R-CAN-4 is first documented in D-CAN-2024-09
		r.Licenses.RemoveWindow = r.Cancel.Window
		r.Trial.AutoConvert = false
		add(0, nil, since2022, sinceMCA7Days, r)
	}
	{
		add(0, nil, sinceMCA7Days, sinceMCANoExp, mcaRules())
	}
	{
		r := mcaRules()
		r.Version = "2025-12"
		r.Cite = Citation{
			Rules:   "§1.1 row 3, R-LC-13, R-LC-14 [AMBIGUOUS: judged by the end date], C-20, C-26; Disabled 90 days [INFERRED] from \"Your data is retained for 90 days\"",
			Sources: "[D-WIF-2025-12], [D-EST-2026-03], [D-CAN-2024-09]",
		}
		r.ExpiredDays = 0
		r.Renewal.ESTAvailable = true
		r.Renewal.ESTSurchargePercent = 3
		add(0, nil, sinceMCANoExp, time.Time{}, r)
	}

	// Enterprise customers by term, §1.1 rows 4–6.
	{
		r := mosaCurrent()
		r.Channel = Enterprise
		r.Version = "2024-03"
		r.Cite = Citation{
			Rules:   "§1.1 rows 4 and 5, DC-3a; cancellation \"as row 1\" [INFERRED]",
			Sources: "[D-WIF-2024-03], [D-WIF-2025-02], [S004]",
		}
		r.Cancel = CancelRules{Window: Window{Kind: Anytime}, Effect: CancelToDisabled, Prorated: true}
		r.Trial = TrialRules{}
		r.ExplicitDelete = false
		r.Reactivation.RequiresPaymentMethod = false
		add(TermsOf(Monthly, Annual), nil, since2024, time.Time{}, r)
		r.ExpiredDays = 90
		r.Cite.Rules = "§1.1 row 6, DC-3a; cancellation \"as row 1\" [INFERRED]"
		add(TermsOf(MultiYear), nil, since2024, time.Time{}, r)
	}

	// Volume Licensing, §1.1 rows 7 and 7a, C-1, C-2.
	{
		vl := func() Rules {
			r := mosaCurrent()
			r.Channel = VolumeLicensing
			r.Cancel = CancelRules{Window: Window{Kind: Never}} // R-REN-4: let it expire through the VL partner
			r.Trial = TrialRules{}
			r.ExplicitDelete = false
			r.Reactivation.RequiresPaymentMethod = false
			r.Licenses = LicenseRules{RemoveWindow: Window{Kind: Never}, ConflictDays: 90, ExpiredOnlyWhenAllRemoved: true}
			return r
		}
		r := vl()
		r.Version = "2020"
		r.Cite = Citation{
			Rules:   "§1.3 (2020, 01/2023), C-2 (older: Expired 90, Disabled 30), R-REN-4, R-LIC-4 and R-LIC-6 [INFERRED for this version]",
			Sources: "[D-WIF-2020], [D-WIF-2023-01]",
		}
		r.ExpiredDays, r.DisabledDays = 90, 30
		add(0, nil, since2020, since2024, r)

		r = vl()
		r.Version = "2024-03"
		r.Cite = Citation{
			Rules:   "§1.1 row 7 (03/2024), C-1 (older: \"Services immediately become unavailable when the Expired status starts\"), C-2, R-LIC-4, R-LIC-6",
			Sources: "[D-WIF-2024-03]",
		}
		r.ExpiredDays, r.DisabledDays = 90, 60
		r.ServicesDuringExpired = false
		add(0, nil, since2024, since2025, r)

		r = vl()
		r.Version = "2025-02"
		r.Cite = Citation{
			Rules:   "§1.1 row 7, DC-3a, C-1 (newer: \"Services available for 90 days from subscription end date\"), C-2, C-15, R-LIC-4, R-LIC-6, R-REN-4, R-REA-9",
			Sources: "[D-WIF-2025-02], [D-WIF-2025-12], [S004]",
		}
		r.ExpiredDays, r.DisabledDays = 90, 60
		add(0, nil, since2025, time.Time{}, r)

		r.Version = "2025-02-copilot"
		r.Cite = Citation{
			Rules:   "§1.1 row 7a, C-24 (Power BI Premium P plans from S004 only); Disabled 60 [INFERRED]",
			Sources: "[D-WIF-2025-02], [D-WIF-2025-12], [S004]",
		}
		r.ExpiredDays = 30
		add(0, []Product{Copilot, PowerBIPremiumP}, since2025, time.Time{}, r)
	}

	// Open Value and Open License, §1.1 rows 8 and 8a, C-23.
	{
		r := mosaCurrent()
		r.Channel = OpenValue
		r.Version = "2020"
		r.Cite = Citation{
			Rules:   "§1.1 row 8, §1.3 (2020: \"including subscriptions bought through Microsoft Open\"), DC-3a, R-REN-4, C-23",
			Sources: "[D-WIF-2020], [D-WIF-2025-02], [S004], [P-OPEN]",
		}
		r.Cancel = CancelRules{Window: Window{Kind: Never}}
		r.Trial = TrialRules{}
		r.ExplicitDelete = false
		r.Reactivation.RequiresPaymentMethod = false
		r.Licenses = LicenseRules{RemoveWindow: Window{Kind: Never}}
		add(0, nil, since2020, time.Time{}, r)

		r.Channel = OpenLicense
		r.Cite = Citation{
			Rules:   "§1.1 row 8a, C-23: existing subscriptions as row 8; no new purchases or renewals from 2022-01-01",
			Sources: "[D-WIF-2025-02], [P-OPEN]",
		}
		r.SalesEnd = openLicenseSalesEnd
		add(0, nil, since2020, time.Time{}, r)
	}

	// CSP new commerce, §1.1 rows 9 and 12.
	{
		r := cspNCE()
		r.Version = "2022-01"
		r.Cite = Citation{
			Rules:   "R-CAN-14 (\"72 hours at NCE launch\"), C-5; other values as §1.1 row 9",
			Sources: "[P-CRN-2022], [PC-LIFE-2023-08]",
		}
		r.Cancel.Window.Length = 72
		r.Licenses.RemoveWindow.Length = 72
		add(0, nil, since2022, sinceNCE7Days, r)

		// The seven-day window "will apply retroactively to subscriptions
		// purchased seven days prior" (R-CAN-14, P-CRN-2022): a 72-hour
		// window still open on 2022-03-01 is judged by this row.
		r = cspNCE()
		r.Cancel.Window.Retroactive = true
		r.Licenses.RemoveWindow.Retroactive = true
		add(0, nil, sinceNCE7Days, time.Time{}, r)
	}

	// CSP legacy, §1.1 rows 10 and 13.
	{
		r := cspNCE()
		r.Channel = CSPLegacy
		r.Version = "2023-08"
		r.Cite = Citation{
			Rules:   "§1.1 rows 10 and 13, §1.2 (Suspended legacy), R-TRI-8, C-14; no Expired or Disabled state (\"Active, Suspended, Deleted\"); trial Expired 30 days [INFERRED] from §1.1 row 11",
			Sources: "[PC-LIFE-2023-08], [P-PC-SUSP-OLD], [PC-TRIAL-2022-09]",
		}
		r.ExpiredDays, r.DisabledDays = 0, 0
		r.Cancel = CancelRules{Window: Window{Kind: Never}} // legacy subscriptions end through suspension
		r.Suspension = SuspensionRules{Allowed: true, AtTermEnd: DeletedAtTermEnd, MaxDays: 90}
		r.Reactivation = ReactivationRules{FromSuspended: true}
		r.Trial = TrialRules{Available: true, Days: 30, Licenses: 25, ExpiredDays: 30, // R-TRI-8: expires if not converted; no cancellation
			OncePerOffer: true, // R-TRI-8: one free trial per offer per customer; none for government, education or add-on offers [PC-TRIAL-2022-09]
		}
		r.Licenses = LicenseRules{RemoveWindow: Window{Kind: Anytime}, Min: 1}
		add(0, nil, since2016, time.Time{}, r)
	}
	out = append(out, chileRows(out)...)
	return append(out, productRows(out)...)
}

// chileRows returns a country row for each MCA version from 2024-09 that
// differs from it only in the seller's cancellation window: "10 days to
// cancel for a prorated refund" with a partner in Chile (R-CAN-4,
// [D-CAN-2024-09]).
func chileRows(generic []Row) []Row {
	var out []Row
	for _, g := range generic {
		if g.Channel != DirectMCA || g.From.Before(sinceMCA7Days) || len(g.Products) > 0 || len(g.Countries) > 0 || len(g.Offers) > 0 {
			continue
		}
		r := g.Rules
		r.Version += "-cl"
		r.Cite = Citation{Rules: "R-CAN-4 (Chile: 10 days); otherwise as " + g.Rules.Version, Sources: withSource("[D-CAN-2024-09]", g.Rules.Cite.Sources)}
		r.Cancel.SellerWindowDays = 10 // R-CAN-4 [D-CAN-2024-09]
		out = append(out, Row{Channel: DirectMCA, Terms: g.Terms, Countries: []string{"CL"}, From: g.From, Until: g.Until, Rules: r})
	}
	return out
}

// Products that are never cancelled through the Microsoft 365 admin
// center (R-CAN-8, [D-CAN-2024-09]): the article "only applies to
// canceling Dynamics 365, Intune, Power Platform, Windows 365, Microsoft
// Defender for Business, and Microsoft 365 for business subscriptions".
var otherProcessProducts = []Product{Azure, PowerBIService, FabricTrial, Microsoft365Family, Microsoft365Personal}

// productRows returns, for the direct (MOSA, MCA) versions of generic,
// the product rows that differ from them in how the subscription is
// cancelled: R-CAN-8 (other processes) and R-CAN-11 (a domain
// subscription is left to end) for the versions in force from their
// source, D-CAN-2024-09, on ([INFERRED]: the sources before it don't
// say), and R-CAN-7(c) (Dynamics 365 and Intune through support) for the
// Office 365 era version. The rows of a version keep its dates, so that a
// product is judged by the same version as the channel.
func productRows(generic []Row) []Row {
	var out []Row
	for _, g := range generic {
		if !g.Channel.IsDirect() || len(g.Products) > 0 {
			continue
		}
		current := !g.From.Before(sinceMCA7Days) // D-CAN-2024-09 is in force
		row := func(products []Product, rule, sources string, set func(*Rules)) {
			r := g.Rules
			r.Cite = Citation{Rules: rule + "; otherwise as " + r.Version, Sources: withSource(sources, r.Cite.Sources)}
			set(&r)
			out = append(out, Row{Channel: g.Channel, Terms: g.Terms, Products: products, Countries: g.Countries, From: g.From, Until: g.Until, Rules: r})
		}
		if current {
			row(otherProcessProducts, "R-CAN-8", "[D-CAN-2024-09]", func(r *Rules) { r.Cancel.OtherProcess = true })
			row([]Product{DomainSubscription}, "R-CAN-11", "[D-CAN-2024-09]", func(r *Rules) { r.Cancel.RecurringBillingOnly = true })
		}
		if g.Rules.Version == "office-365-era" {
			row([]Product{Dynamics365, Intune}, "R-CAN-7(c)", "[S002]", func(r *Rules) { r.Cancel.ViaSupport = true })
		}
	}
	return out
}

// withSource returns the source list sources led by key, unless it holds
// key already.
func withSource(key, sources string) string {
	if strings.Contains(sources, key) {
		return sources
	}
	return key + ", " + sources
}

var builtin = sync.OnceValue(func() *Table { return newTable(rows(), "builtin") })

// Builtin returns the built-in table: every row of RULES.md §1.1 and the
// historical versions of §1.3, each citing its rule ids and sources. It is
// built once and shared; it is immutable and safe for concurrent use.
func Builtin() *Table { return builtin() }

// builtinAccount is R-MISC-1, R-MISC-2 and R-DAT-6.
var builtinAccount = AccountRules{
	Cite: Citation{
		Rules:   "R-MISC-1, R-MISC-2, R-DAT-6, R-PAY-4, AC-57, AC-58",
		Sources: "[D-DUN-2025-09], [D-INACT-2025-09], [P-TRAIN], [D-PAY-2024-02]",
	},
	DunningMinDays:    2,  // R-MISC-1: "ranges from two to 30 days" [D-DUN-2025-09]
	DunningMaxDays:    30, // R-MISC-1 [D-DUN-2025-09]
	ChargebackDays:    1,  // R-MISC-1: "within one day of the chargeback acceptance" [D-DUN-2025-09]
	InactiveMonths:    12, // R-MISC-2: "a minimum of a 12-month period" [D-INACT-2025-09]
	InactiveBlockDays: 30, // R-MISC-2: "inactive for 30 days after the notification, we block it" [D-INACT-2025-09]
	LockoutPurgeDays:  3,  // R-DAT-6: "three days after the administrator enters the lockout code" [P-TRAIN]

	PaymentCountryMatchesTenant: true,  // R-PAY-4: "issued from the same country/region as your tenant" [D-PAY-2024-02]
	BankAccounts:                false, // R-PAY-4: bank accounts are "no longer available" [D-PAY-2024-02]
}
