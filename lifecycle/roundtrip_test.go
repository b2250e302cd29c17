package lifecycle_test

import (
	"math"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/lapse-go/lapse/internal/roundtrip"
	"github.com/lapse-go/lapse/lang"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// judgedSamples returns the lifecycles of jsonSpecs that the built-in table
// judges, and their statuses at instants across their lives: bought, in
// a later term or state, long after.
func judgedSamples(tb testing.TB) ([]lifecycle.Lifecycle, []lifecycle.Status) {
	tb.Helper()
	var lcs []lifecycle.Lifecycle
	var sts []lifecycle.Status
	for _, spec := range jsonSpecs() {
		sub, err := lifecycle.New(spec)
		if err != nil {
			tb.Fatal(err)
		}
		lc, err := lifecycle.Judge(sub, policy.Builtin())
		if err != nil {
			continue // an old channel the table does not cover then
		}
		lcs = append(lcs, lc)
		for _, d := range []time.Duration{0, 40 * 24 * time.Hour, 400 * 24 * time.Hour, 1500 * 24 * time.Hour} {
			if st, err := lc.At(sub.Start().Add(d)); err == nil {
				sts = append(sts, st)
			}
		}
	}
	if len(lcs) < 3 || len(sts) < 10 {
		tb.Fatalf("only %d lifecycles and %d statuses to sample", len(lcs), len(sts))
	}
	return lcs, sts
}

// TestRoundTrip requires every exported type of package lifecycle to
// survive its codecs — JSON for every value type, text and SQL for the
// enums and Money — or to say why it is not a value to store and what to
// store instead (issue 13). A type added to the package fails here until
// it has a row. Rows that wait on the enum codecs (issue 13 part a) or
// Money's (part b) say so.
func TestRoundTrip(t *testing.T) {
	lcs, sts := judgedSamples(t)
	var subs, specs, events, phases, records, caps, reasons, statuses, deadlines, transitions []any
	for _, lc := range lcs {
		subs = append(subs, lc.Subscription())
		for _, p := range lc.Phases() {
			phases = append(phases, p)
		}
		seq, err := lc.Deadlines(time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		for d := range seq {
			deadlines = append(deadlines, d)
		}
	}
	seq, err := lifecycle.Transitions(lcs, time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	for tr := range seq {
		transitions = append(transitions, tr)
	}
	if len(deadlines) < 10 || len(transitions) < 10 {
		t.Fatalf("only %d deadlines and %d transitions to sample", len(deadlines), len(transitions))
	}
	for _, sp := range jsonSpecs() {
		specs = append(specs, sp)
		for _, e := range sp.History {
			events = append(events, e)
		}
	}
	specs = append(specs, lifecycle.Spec{}, lifecycle.Spec{ID: "invalid", Licenses: -1, Assigned: 2, History: []lifecycle.Event{{}}})
	events = append(events, lifecycle.Event{}, lifecycle.Event{Kind: lifecycle.ChangeLicenses, At: time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC), Licenses: math.MaxInt32})
	for _, st := range sts {
		statuses = append(statuses, st)
		r := st.Record()
		records = append(records, r)
		caps = append(caps, r.Capabilities)
		for _, x := range r.Reasons {
			reasons = append(reasons, x)
		}
	}
	records = append(records, lifecycle.StatusRecord{}, lifecycle.StatusRecord{State: lifecycle.Active, Reasons: []lifecycle.Reason{}})
	caps = append(caps, lifecycle.Capabilities{})
	reasons = append(reasons, lifecycle.Reason{}, lifecycle.Reason{Topic: "x", Message: lang.New("k", lang.Days(-1))})
	phases = append(phases, lifecycle.Phase{})

	all := lifecycle.RolesOf(lifecycle.GlobalAdmin, lifecycle.BillingAdmin, lifecycle.BillingAccountOwner, lifecycle.BillingAccountContributor,
		lifecycle.BillingProfileOwner, lifecycle.BillingProfileContributor, lifecycle.UserAdmin, lifecycle.Partner, lifecycle.Support, lifecycle.User)
	json := []roundtrip.Codec{roundtrip.JSON}
	enum := []roundtrip.Codec{roundtrip.JSON, roundtrip.Text, roundtrip.SQL}
	counts := []string{"licenses", "assigned", "n", "daysUsed", "daysInPeriod"}
	// A Subscription is compared by its Spec: its other fields are what
	// New derives from the Spec.
	bySpec := cmp.Transformer("Spec", func(s lifecycle.Subscription) lifecycle.Spec { return s.Spec() })
	roundtrip.Check(t, ".", map[string]roundtrip.Row{
		"Subscription":  {Samples: subs, Codecs: json, Opts: cmp.Options{bySpec}, Numbers: counts},
		"Spec":          {Samples: specs, Codecs: json, Numbers: counts, Empty: []string{"history"}}, // an invalid Spec's zero Event
		"Event":         {Samples: events, Codecs: json, Numbers: counts},
		"Deadline":      {Samples: deadlines, Codecs: json},
		"Transition":    {Samples: transitions, Codecs: json, Numbers: []string{"index"}},
		"StatusRecord":  {Samples: records, Codecs: json, Numbers: counts}, // waits on part a
		"Capabilities":  {Samples: caps, Codecs: json},                     // waits on part a
		"Reason":        {Samples: reasons, Codecs: json, Numbers: counts},
		"VersionLabels": {Samples: []any{lifecycle.VersionLabels{}, sts[0].Versions().Labels(), lifecycle.VersionLabels{Window: "é"}}, Codecs: json},
		// A phase's Version is a handle into the policy table, written as
		// its label and period and read back as the zero Version: compare
		// without it (TestPhaseJSON checks what is written).
		"Phase": {Samples: phases, Codecs: json, Opts: cmp.Options{cmpopts.IgnoreFields(lifecycle.Phase{}, "Version")}}, // waits on part a
		"Command": {Samples: []any{lifecycle.Command{}, lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.GlobalAdmin, CustomDomains: []string{"contoso.com"}},
			lifecycle.Command{Kind: lifecycle.CmdRemoveLicenses, Actor: lifecycle.Partner, Licenses: 3},
			lifecycle.Command{Kind: lifecycle.CmdAssignLicenses, Actor: lifecycle.UserAdmin, Assigned: 0, CustomDomains: []string{}},
			lifecycle.Command{Kind: lifecycle.CmdRenew, Actor: lifecycle.BillingAdmin, ProductKey: "KEY-3"}},
			Codecs: json, Numbers: counts},
		"Price": {Samples: []any{lifecycle.Price{}, lifecycle.Price{PerLicense: lifecycle.USD(1250), Billing: policy.Monthly},
			lifecycle.Price{PerLicense: lifecycle.Money{Minor: 0, Currency: "JPY"}, Billing: policy.MultiYear}}, Codecs: json}, // waits on part b
		"PaymentMethod": {Samples: []any{lifecycle.PaymentMethod{}, lifecycle.PaymentMethod{Kind: lifecycle.Card, Country: "DE"},
			lifecycle.PaymentMethod{Kind: lifecycle.BankAccount}}, Codecs: json}, // waits on part a
		"Refund": {Samples: refunds(t), Codecs: json, Opts: cmp.Options{refusalByWords}, Numbers: counts}, // waits on parts a and b
		"Money": {Samples: []any{lifecycle.Money{}, lifecycle.USD(1857), lifecycle.USD(-143), lifecycle.Money{Minor: 5, Currency: "JPY"},
			lifecycle.Money{Minor: 1234, Currency: "KWD"}, lifecycle.Money{Minor: math.MinInt64, Currency: "EUR"},
			lifecycle.Money{Minor: math.MaxInt64, Currency: "USD"}, lifecycle.Money{Currency: "USD"}}, Codecs: enum}, // waits on part b
		"RoleSet": {Samples: []any{lifecycle.RoleSet(0), lifecycle.RolesOf(lifecycle.Partner), lifecycle.BillingRoles(policy.DirectMCA), all}, Codecs: json}, // waits on part a

		"AppsMode":         {Samples: []any{lifecycle.AppsMode(0)}, Enum: true, Codecs: enum},
		"Billing":          {Samples: []any{lifecycle.Billing(0)}, Enum: true, Codecs: enum},
		"CapabilityStatus": {Samples: []any{lifecycle.CapabilityStatus(0)}, Enum: true, Codecs: enum},
		"Cause":            {Samples: []any{lifecycle.Cause(0)}, Enum: true, Codecs: enum},
		"CommandKind":      {Samples: []any{lifecycle.CommandKind(0)}, Enum: true, Codecs: enum},
		"DataAccess":       {Samples: []any{lifecycle.DataAccess(0)}, Enum: true, Codecs: enum},
		"DiagramFormat":    {Samples: []any{lifecycle.DiagramFormat(0)}, Enum: true, Codecs: enum},
		"EventKind":        {Samples: []any{lifecycle.EventKind(0)}, Enum: true, Codecs: enum},
		"PaymentKind":      {Samples: []any{lifecycle.PaymentKind(0)}, Enum: true, Codecs: enum},
		"RefundKind":       {Samples: []any{lifecycle.RefundKind(0)}, Enum: true, Codecs: enum},
		"DeadlineKind":     {Samples: []any{lifecycle.DeadlineKind(0)}, Enum: true, Codecs: enum},
		"Role":             {Samples: []any{lifecycle.Role(0)}, Enum: true, Codecs: enum},
		"State":            {Samples: []any{lifecycle.State(0)}, Enum: true, Codecs: enum},

		"Status": {Samples: statuses, OneWay: true, Numbers: counts, // waits on part a
			Instead: "its StatusRecord (Status.Record): a Status points into a judged lifecycle, whose rules Capabilities and Explain consult"},
		"Versions": {Samples: []any{sts[0].Versions(), sts[len(sts)-1].Versions()}, OneWay: true,
			Instead: "VersionLabels (Versions.Labels): a policy.Version is a handle into a policy table"},
		"Lifecycle": {None: "a subscription judged against a policy table: store its Subscription (Lifecycle.Subscription), keep the table, and Judge again"},

		"BatchError":        {None: "an error, not a value to store"},
		"FieldError":        {None: "an error, not a value to store"},
		"HistoryError":      {None: "an error, not a value to store"},
		"HistoryLimitError": {None: "an error, not a value to store"},
		"NotModelledError":  {None: "an error, not a value to store"},
		"RefusalError":      {None: "an error, not a value to store; a Refund stores its words and sentinels"},
		"RulesError":        {None: "an error, not a value to store"},
	})
}

// refunds are sample quotes: prorated, refused after the window, and the
// zero Refund.
func refunds(tb testing.TB) []any {
	tb.Helper()
	lc, err := lifecycle.Judge(exampleSub(), policy.Builtin())
	if err != nil {
		tb.Fatal(err)
	}
	out := []any{lifecycle.Refund{}}
	for _, at := range []time.Time{time.Date(2026, 2, 15, 0, 0, 0, 0, time.UTC), time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)} {
		for _, cmd := range []lifecycle.Command{
			{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.GlobalAdmin},
			{Kind: lifecycle.CmdRemoveLicenses, Actor: lifecycle.GlobalAdmin, Licenses: 2},
		} {
			if q, err := lc.Quote(cmd, lifecycle.Price{PerLicense: lifecycle.USD(1250), Billing: policy.Annual}, at); err == nil {
				out = append(out, q)
			}
		}
	}
	spec := lifecycle.Spec{ID: "csp", Channel: policy.CSPNewCommerce, Term: policy.Monthly,
		Start: time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC), Licenses: 5, Assigned: 5, RecurringBilling: true}
	setEnd(&spec.End, cdate(2026, 2, 9))
	sub, err := lifecycle.New(spec)
	if err != nil {
		tb.Fatal(err)
	}
	if lc, err = lifecycle.Judge(sub, policy.Builtin()); err != nil {
		tb.Fatal(err)
	}
	q, err := lc.Quote(lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.Partner},
		lifecycle.Price{PerLicense: lifecycle.USD(1250), Billing: policy.Monthly}, time.Date(2026, 1, 20, 0, 0, 0, 0, time.UTC))
	if err != nil || q.Refusal == nil {
		tb.Fatalf("Quote after the window = %+v, %v; want a refusal", q, err)
	}
	if len(out) < 3 {
		tb.Fatalf("only %d refunds to sample", len(out))
	}
	return append(out, q)
}
