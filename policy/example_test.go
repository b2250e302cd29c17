package policy_test

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/lapse-go/lapse/policy"
)

func ExampleTable_Lookup() {
	k := policy.Key{Channel: policy.VolumeLicensing, Term: policy.Annual, Product: policy.Copilot}
	r, err := policy.Builtin().Lookup(k, time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Version, r.ExpiredDays, r.DisabledDays)
	fmt.Println(r.Cite.Rules)

	// The built-in Volume Licensing rules begin in 2020 (§1.3).
	_, err = policy.Builtin().Lookup(k, time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC))
	fmt.Println(errors.Is(err, policy.ErrNoRule))
	// Output:
	// 2025-02-copilot 30 60
	// §1.1 row 7a, C-24 (Power BI Premium P plans from S004 only); Disabled 60 [INFERRED]
	// true
}

func ExampleLoadJSON() {
	// An overrides file layers a few values on the built-in table.
	const file = `{
  "format": "lapse-policy/v1",
  "kind": "overrides",
  "name": "21vianet",
  "rows": [
    {
      "channel": "csp-legacy",
      "countries": ["CN"],
      "from": "2016-01-01",
      "cite": {"rules": "R-MISC-4 (example)", "sources": "[21V-PARTNER-2024]"},
      "suspension": {"max": {"days": 60}}
    }
  ]
}`
	tbl, err := policy.LoadJSON(strings.NewReader(file), policy.LoadOptions{Name: "21vianet.json"})
	if err != nil {
		fmt.Println(err)
		return
	}
	at := time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)
	for _, country := range []string{"CN", "DE"} {
		r, _ := tbl.Lookup(policy.Key{Channel: policy.CSPLegacy, Term: policy.Annual, Country: country}, at)
		fmt.Println(country, r.Suspension.MaxDays)
	}
	// Output:
	// CN 60
	// DE 90
}

func ExampleLoadJSON_errors() {
	// Every problem is reported at once, with its line, column and path.
	const file = `{
  "format": "lapse-policy/v1",
  "kind": "overrides",
  "name": "typos",
  "rows": [
    {
      "channel": "csp-nce",
      "from": "2023-01-01",
      "until": "2022-01-01",
      "cite": {"rules": "R-X", "sources": "[X]"},
      "expired": 45,
      "cancel": {"window": {"kind": "after-start", "length": 14}}
    }
  ]
}`
	_, err := policy.LoadJSON(strings.NewReader(file), policy.LoadOptions{Name: "typos.json"})
	fmt.Println(err)
	// Output:
	// policy: typos.json:9:16: rows[0].until = "2022-01-01": dates out of order: must be after from "2023-01-01"
	// policy: typos.json:11:18: rows[0].expired = 45: a duration needs its unit: write {"days": 45}
	// policy: typos.json:12:28: rows[0].cancel.window.unit = {"kind": "after-start", "length": 14}: missing: an after-start window needs a unit (days or hours)
	// policy: typos.json:12:28: rows[0].cancel.window.inclusive = {"kind": "after-start", "length": 14}: missing: say whether the last instant or date is inside the window ([AMBIGUOUS], DC-5, DC-6)
}

func ExampleTable_With() {
	// A reseller's Copilot offer keeps the 30-day grace period in Volume
	// Licensing (§1.1 row 7a), whatever product it is filed under.
	grace := policy.Override{
		Row: policy.Row{
			Channel: policy.VolumeLicensing,
			Offers:  []string{"contoso-copilot-vl"},
			From:    time.Date(2025, 2, 6, 0, 0, 0, 0, time.UTC),
			Rules: policy.Rules{
				Cite:        policy.Citation{Rules: "§1.1 row 7a", Sources: "[CONTOSO-OFFER-2025]"},
				ExpiredDays: 30,
			},
		},
		Set: []string{"expired"},
	}
	layer, err := policy.NewLayer("contoso", []policy.Override{grace})
	if err != nil {
		fmt.Println(err)
		return
	}
	tbl, err := policy.Builtin().With(layer)
	if err != nil {
		fmt.Println(err)
		return
	}
	at := time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)
	for _, offer := range []string{"contoso-copilot-vl", "other"} {
		r, _ := tbl.Lookup(policy.Key{Channel: policy.VolumeLicensing, Term: policy.Annual, Offer: offer}, at)
		fmt.Println(offer, r.ExpiredDays, r.DisabledDays)
	}
	// Output:
	// contoso-copilot-vl 30 60
	// other 90 60
}

func ExampleTable_Effective() {
	tbl, err := policy.LoadFile("testdata/21vianet.json", policy.LoadOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	e, err := tbl.Effective(policy.Key{Channel: policy.CSPNewCommerce, Term: policy.Annual, Country: "CN"}, time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, v := range e.Values {
		if strings.HasPrefix(v.Path, "suspension.") {
			s := e.Sources[v.Source]
			fmt.Printf("%s = %s (%s rows[%d])\n", v.Path, v.JSON, s.Layer, s.Row)
		}
	}
	// Output:
	// suspension.allowed = true (builtin rows[18])
	// suspension.partnerBilled = true (builtin rows[18])
	// suspension.atTermEnd = "disabled-then-disabled" (builtin rows[18])
	// suspension.disabled = {"days": 30} (builtin rows[18])
	// suspension.max = {"days": 60} (21vianet rows[0])
	// suspension.turnsOffAutoRenew = true (builtin rows[18])
}

func ExampleDiff() {
	tbl, err := policy.LoadFile("testdata/reseller-copilot.json", policy.LoadOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	changes, err := policy.Diff(policy.Builtin(), tbl)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range changes {
		fmt.Printf("%s offer=%s from %s: %s %s → %s (%s)\n", c.Channel, c.Offer, c.From.Format(time.DateOnly), c.Path, c.Old, c.New, c.NewLayer)
	}
	// Output:
	// volume-licensing offer=contoso-copilot-vl from 2025-02-06: expired {"days": 90} → {"days": 30} (contoso-reseller)
}

func ExampleTable_WriteJSON() {
	tbl, err := policy.NewTable(policy.Builtin().Rows())
	if err != nil {
		fmt.Println(err)
		return
	}
	var b strings.Builder
	if err := tbl.WriteJSON(&b); err != nil {
		fmt.Println(err)
		return
	}
	lines := strings.Split(b.String(), "\n")
	fmt.Println(strings.Join(lines[:12], "\n"))
	// Output:
	// {
	//   "format": "lapse-policy/v1",
	//   "kind": "table",
	//   "rows": [
	//     {
	//       "channel": "direct-mosa",
	//       "from": "2011-06-28",
	//       "until": "2014-01-01",
	//       "version": "2013",
	//       "cite": {
	//         "rules": "§1.3 (~2011–2013), C-13, C-21; durations 30/90 [INFERRED] from §1.1 row 1",
	//         "sources": "[P-O365-2013]"
}

func ExampleTable_Schedule() {
	// Direct MCA's rules changed twice (R-CAN-5, R-CAN-3, R-LC-13).
	s, err := policy.Builtin().Schedule(policy.Key{Channel: policy.DirectMCA, Term: policy.Annual})
	if err != nil {
		fmt.Println(err)
		return
	}
	for v := range s.All() {
		r := v.Rules()
		fmt.Printf("%v: cancel within %d %s, %d days Expired\n", v, r.Cancel.Window.Length, r.Cancel.Window.Unit, r.ExpiredDays)
	}
	// Output:
	// direct-mca 2022 [2022-01-01, 2024-09-10): cancel within 72 hours, 30 days Expired
	// direct-mca 2024-09 [2024-09-10, 2026-02-09): cancel within 7 days, 30 days Expired
	// direct-mca 2025-12 [2026-02-09, open): cancel within 7 days, 0 days Expired
}

func ExampleSchedule_At() {
	// Keys that no row tells apart share a schedule: no built-in row names
	// an offer, so this key's schedule is that of CSP new commerce.
	k := policy.Key{Channel: policy.CSPNewCommerce, Term: policy.Monthly, Offer: "contoso-m365-e3"}
	s, err := policy.Builtin().Schedule(k)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.Key())
	for _, at := range []time.Time{
		time.Date(2022, 2, 28, 23, 59, 59, 0, time.UTC),
		time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC),
	} {
		v, _ := s.At(at)
		w := v.Rules().Cancel.Window
		fmt.Println(v.Label(), w.Length, w.Unit, "retroactive:", w.Retroactive)
	}
	_, err = s.At(time.Date(2021, 12, 31, 0, 0, 0, 0, time.UTC))
	fmt.Println(err)
	// Output:
	// csp-nce/monthly/-
	// 2022-01 72 hours retroactive: false
	// 2023-10 168 hours retroactive: true
	// policy: no rule for csp-nce/monthly/- at 2021-12-31T00:00:00Z: before the first documented rule, in force from 2022-01-01
}

func ExamplePin() {
	// Judge by today's Volume Licensing rules, whatever the dates.
	k := policy.Key{Channel: policy.VolumeLicensing, Term: policy.Annual}
	r, err := policy.Builtin().Lookup(k, time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	tbl, err := policy.Pin(r)
	if err != nil {
		fmt.Println(err)
		return
	}
	old, _ := tbl.Lookup(k, time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC))
	fmt.Println(tbl.Name(), old.Version, old.ExpiredDays, old.DisabledDays)
	s, _ := tbl.Schedule(k)
	fmt.Println(s.Version(0))
	// Output:
	// pinned 2025-02 90 60
	// volume-licensing 2025-02 [1900-01-01, open)
}
