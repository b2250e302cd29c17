package lifecycle_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// setEnd sets a Spec's end date to d.
//
// TODO(merge date): Spec.End becomes a clock.Date (issue 13 item 2); this
// compiles before and after. After the merge, write spec.End = d.
func setEnd(p any, d clock.Date) {
	switch e := p.(type) {
	case *time.Time:
		*e = d.UTC()
	case *clock.Date:
		*e = d
	}
}

// dayAnswer is the date of a Status answer that is a day: a time.Time
// before issue 13's dates are merged, a clock.Date after; both have UTC
// and IsZero.
func dayAnswer(v interface {
	UTC() time.Time
	IsZero() bool
}) clock.Date {
	if v.IsZero() {
		return clock.Date{}
	}
	return clock.DateOf(v.UTC())
}

// cdate returns the calendar date y-m-d.
func cdate(y int, m time.Month, d int) clock.Date { return clock.Date{Year: y, Month: m, Day: d} }

// endByDate compares Spec.End by its UTC date, the only part that counts,
// until it is a clock.Date (TODO(merge date): then it compares nothing
// and can go).
var endByDate = cmp.FilterPath(func(p cmp.Path) bool { return p.Last().String() == ".End" },
	cmp.Comparer(func(a, b time.Time) bool { return dayAnswer(a) == dayAnswer(b) }))

// jsonSpecs are specs that exercise every field of the format: each
// channel's quirks, a trial, a product key, an upgrade's inherited window,
// events without an actor, a zero license count, instants off the second
// and off UTC.
func jsonSpecs() []lifecycle.Spec {
	berlin := time.FixedZone("CET", 3600)
	at := func(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, time.UTC) }
	specs := []lifecycle.Spec{
		exampleSub().Spec(),
		{ID: "csp-trial", Channel: policy.CSPNewCommerce, Term: policy.Monthly, Start: time.Date(2026, 1, 31, 23, 59, 59, 999999999, time.UTC),
			Licenses: 25, Trial: true, PaymentMethod: true,
			History: []lifecycle.Event{{Kind: lifecycle.ConvertTrial, At: at(2026, 2, 10, 9), Actor: lifecycle.Partner}}},
		{ID: "prepaid", Channel: policy.DirectMOSA, Term: policy.Annual, Start: time.Date(2024, 2, 29, 12, 30, 0, 0, berlin),
			Licenses: 1, Assigned: 1, ProductKey: true, ProductKeyID: "KEY-1",
			History: []lifecycle.Event{{Kind: lifecycle.Renew, At: at(2025, 3, 1, 8), ProductKey: "KEY-2"}}},
		{ID: "mca-seller", Channel: policy.DirectMCA, Term: policy.Annual, Product: policy.Copilot, Offer: "sku-1", Country: "CL",
			Start: at(2026, 3, 2, 7), Licenses: 3, RecurringBilling: true, ViaSeller: true, OfferClass: policy.EducationOffer,
			WindowFrom: at(2026, 3, 1, 6), NonUser: true,
			History: []lifecycle.Event{
				{Kind: lifecycle.ChangeLicenses, At: at(2026, 3, 3, 8), Licenses: 0, Assigned: 0},
				{Kind: lifecycle.ChangeLicenses, At: at(2026, 3, 3, 8), Licenses: 5, Assigned: 2, Actor: lifecycle.BillingAccountOwner},
			}},
		{ID: "", Channel: policy.VolumeLicensing, Term: policy.MultiYear, Start: at(2025, 12, 31, 23)},
		{ID: "empty history", Channel: policy.OpenValue, Term: policy.Monthly, Start: at(2020, 5, 5, 5), History: []lifecycle.Event{}},
	}
	ends := []clock.Date{cdate(2026, 3, 31), cdate(2026, 3, 2), cdate(2025, 2, 28), cdate(2027, 3, 1), cdate(2028, 12, 30), cdate(2020, 6, 4)}
	for i := range specs[1:] {
		setEnd(&specs[i+1].End, ends[i+1])
	}
	return specs
}

func TestSubscriptionJSONRoundTrip(t *testing.T) {
	for _, spec := range jsonSpecs() {
		sub, err := lifecycle.New(spec)
		if err != nil {
			t.Fatalf("New(%s): %v", spec.ID, err)
		}
		b, err := json.Marshal(sub)
		if err != nil {
			t.Errorf("json.Marshal(%s): %v", spec.ID, err)
			continue
		}
		var back lifecycle.Subscription
		if err := json.Unmarshal(b, &back); err != nil {
			t.Errorf("json.Unmarshal(%s): %v", b, err)
			continue
		}
		if diff := cmp.Diff(sub.Spec(), back.Spec()); diff != "" {
			t.Errorf("round trip of %s mismatch (-want +got):\n%s", b, diff)
		}
		// The Spec's own JSON is the same document.
		bs, err := json.Marshal(sub.Spec())
		if err != nil || !bytes.Equal(b, bs) {
			t.Errorf("json.Marshal(Spec) = %s, %v; want the subscription's %s", bs, err, b)
		}
		var sp lifecycle.Spec
		if err := json.Unmarshal(b, &sp); err != nil {
			t.Errorf("json.Unmarshal(%s) into a Spec: %v", b, err)
		} else if diff := cmp.Diff(sub.Spec(), sp); diff != "" {
			t.Errorf("Spec round trip of %s mismatch (-want +got):\n%s", b, diff)
		}
	}
}

func TestSubscriptionJSONForm(t *testing.T) {
	b, err := json.Marshal(exampleSub())
	if err != nil {
		t.Fatal(err)
	}
	want := `{"format":"lapse-subscription/v1","id":"contoso-business-standard","channel":"direct-mosa","term":"annual",` +
		`"start":"2025-04-01T10:00:00Z","end":"2026-03-31","licenses":10,"assigned":8,"paymentMethod":true,"recurringBilling":true,` +
		`"history":[{"kind":"recurring-billing-off","at":"2026-02-01T12:00:00Z","actor":"billing-admin"}]}`
	if string(b) != want {
		t.Errorf("json.Marshal(exampleSub()) =\n%s\nwant\n%s", b, want)
	}
	specs := jsonSpecs()
	b, err = json.Marshal(specs[2]) // off UTC: written in UTC; an event without an actor: no "actor"
	want = `{"format":"lapse-subscription/v1","id":"prepaid","channel":"direct-mosa","term":"annual","start":"2024-02-29T11:30:00Z",` +
		`"end":"2025-02-28","licenses":1,"assigned":1,"productKey":true,"productKeyId":"KEY-1",` +
		`"history":[{"kind":"renew","at":"2025-03-01T08:00:00Z","productKey":"KEY-2"}]}`
	if err != nil || string(b) != want {
		t.Errorf("json.Marshal(Spec) =\n%s, %v\nwant\n%s", b, err, want)
	}
	b, err = json.Marshal(specs[5]) // an empty history is kept apart from none
	if err != nil || !strings.HasSuffix(string(b), `"history":[]}`) {
		t.Errorf("json.Marshal(Spec with an empty history) = %s, %v; want it to end with an empty history", b, err)
	}
}

// TestSpecJSONWithoutActor is issue 13's finding: json.Marshal(sub.Spec())
// failed on an event without an actor, which the docs allow.
func TestSpecJSONWithoutActor(t *testing.T) {
	spec := exampleSub().Spec()
	spec.History[0].Actor = 0
	b, err := json.Marshal(spec)
	if err != nil {
		t.Fatalf("json.Marshal(Spec with an event without actor): %v", err)
	}
	if strings.Contains(string(b), "actor") {
		t.Errorf("json.Marshal = %s: the zero actor is written", b)
	}
	// A Spec may be invalid: it is written as it is.
	for _, sp := range []lifecycle.Spec{{}, {ID: "x", Licenses: -1, History: []lifecycle.Event{{}}}} {
		b, err := json.Marshal(sp)
		if err != nil {
			t.Errorf("json.Marshal(%+v): %v", sp, err)
			continue
		}
		var back lifecycle.Spec
		if err := json.Unmarshal(b, &back); err != nil {
			t.Errorf("json.Unmarshal(%s): %v", b, err)
		} else if diff := cmp.Diff(sp, back); diff != "" {
			t.Errorf("round trip of %s mismatch (-want +got):\n%s", b, diff)
		}
	}
	// An enum that is set must have a name.
	for _, sp := range []lifecycle.Spec{{Channel: 99}, {History: []lifecycle.Event{{Kind: 99}}}, {History: []lifecycle.Event{{Actor: 99}}}} {
		if b, err := json.Marshal(sp); err == nil {
			t.Errorf("json.Marshal(%+v) = %s, want an error", sp, b)
		}
	}
}

func TestSubscriptionJSONZero(t *testing.T) {
	var zero lifecycle.Subscription
	b, err := json.Marshal(zero)
	var fe *lifecycle.FieldError
	if !errors.As(err, &fe) || fe.Field != "Subscription" || !errors.Is(err, lifecycle.ErrInvalid) {
		t.Errorf("json.Marshal(zero Subscription) = %s, %v; want a *FieldError on Subscription", b, err)
	}
	var sub lifecycle.Subscription
	if err := json.Unmarshal([]byte("null"), &sub); !errors.Is(err, lifecycle.ErrInvalid) || !sub.IsZero() {
		t.Errorf("json.Unmarshal(null) into a Subscription = %v, %v; want ErrInvalid", sub, err)
	}
	// A field that may hold no subscription is a pointer: null both ways.
	var p struct{ Sub *lifecycle.Subscription }
	if b, err := json.Marshal(p); err != nil || string(b) != `{"Sub":null}` {
		t.Errorf("json.Marshal(nil *Subscription) = %s, %v", b, err)
	}
	if err := json.Unmarshal([]byte(`{"Sub":null}`), &p); err != nil || p.Sub != nil {
		t.Errorf("json.Unmarshal(null) into *Subscription = %v, %v", p.Sub, err)
	}
}

func TestSubscriptionJSONErrors(t *testing.T) {
	good := `"format":"lapse-subscription/v1","channel":"direct-mosa","term":"annual","start":"2025-04-01T10:00:00Z","end":"2026-03-31"`
	tests := []struct {
		name, in string
		field    string
		value    any
		reason   string // a fragment
		direct   bool   // call UnmarshalJSON: json.Unmarshal checks the syntax itself
	}{
		{"no format", `{"channel":"direct-mosa"}`, "format", "", "required: want lapse-subscription/v1", false},
		{"other format", `{"format":"lapse-subscription/v2"}`, "format", "lapse-subscription/v2", "unsupported format: this version of lapse reads lapse-subscription/v1", false},
		{"misspelt field", `{` + good + `,"licences":3}`, "licences", "3", "unknown field; want one of format, id, channel", false},
		{"field in another case", `{` + good + `,"Licenses":3}`, "Licenses", "3", "unknown field", false},
		{"field twice", `{` + good + `,"channel":"csp-nce"}`, "channel", "csp-nce", "field given twice", false},
		{"channel as a number", `{"format":"lapse-subscription/v1","channel":1}`, "channel", "1", "want a JSON string, not a number", false},
		{"unknown channel", `{"format":"lapse-subscription/v1","channel":"direct-mosaa"}`, "channel", "direct-mosaa", "unknown Channel", false},
		{"end as an instant", `{"format":"lapse-subscription/v1","end":"2026-03-31T00:00:00Z"}`, "end", "2026-03-31T00:00:00Z", "want YYYY-MM-DD", false},
		{"start as a date", `{"format":"lapse-subscription/v1","start":"2025-04-01"}`, "start", "2025-04-01", "want an RFC 3339 instant", false},
		{"licenses as text", `{"format":"lapse-subscription/v1","licenses":"3"}`, "licenses", "3", "want a whole number in range, not a string", false},
		{"event kind", `{` + good + `,"history":[{"kind":"renew","at":"2025-05-01T00:00:00Z"},{"kind":"cancel","at":"2025-05-01T00:00:00Z"}]}`,
			"history[1].kind", "cancel", "unknown EventKind", false},
		{"event field", `{` + good + `,"history":[{"kind":"renew","when":"2025-05-01T00:00:00Z"}]}`, "history[0].when", "2025-05-01T00:00:00Z", "unknown field; want one of kind, at, actor", false},
		{"event actor", `{` + good + `,"history":[{"kind":"renew","at":"2025-05-01T00:00:00Z","actor":8}]}`, "history[0].actor", "8", "want a JSON string, not a number", false},
		{"history not a list", `{` + good + `,"history":{}}`, "history", "{}", "want a JSON array, not an object", false},
		{"not an object", `["lapse-subscription/v1"]`, "Spec", `["lapse-subscription/v1"]`, "want a JSON object", false},
		{"not JSON", `{"format":`, "Spec", `{"format":`, "not valid JSON", true},
		// Decoded, then refused by New: the error names the Spec field.
		{"no channel", `{"format":"lapse-subscription/v1"}`, "Spec.Channel", "%!Channel(0)", "not a valid channel", false},
		{"more assigned than bought", `{` + good + `,"licenses":1,"assigned":2}`, "Spec.Assigned", 2, "more licenses assigned than bought", false},
	}
	for _, tt := range tests {
		sub := exampleSub()
		var err error
		if tt.direct {
			err = sub.UnmarshalJSON([]byte(tt.in))
		} else {
			err = json.Unmarshal([]byte(tt.in), &sub)
		}
		var fe *lifecycle.FieldError
		if !errors.As(err, &fe) || !errors.Is(err, lifecycle.ErrInvalid) {
			t.Errorf("%s: json.Unmarshal(%s) = %v, want a *FieldError matching ErrInvalid", tt.name, tt.in, err)
			continue
		}
		if fe.Field != tt.field || !strings.Contains(fe.Reason, tt.reason) || !cmp.Equal(fe.Value, tt.value) {
			t.Errorf("%s: json.Unmarshal(%s) = %#v\nwant Field %q, Value %#v, a Reason with %q", tt.name, tt.in, fe, tt.field, tt.value, tt.reason)
		}
		if sub.ID() != "contoso-business-standard" || sub.Len() != 1 {
			t.Errorf("%s: json.Unmarshal changed the subscription on error: %+v", tt.name, sub.Spec())
		}
	}
	// An impossible order is a *HistoryError, as from New.
	err := json.Unmarshal([]byte(`{`+good+`,"history":[{"kind":"renew","at":"2024-01-01T00:00:00Z"}]}`), new(lifecycle.Subscription))
	var he *lifecycle.HistoryError
	if !errors.As(err, &he) || he.Index != 0 {
		t.Errorf("json.Unmarshal of an event before the start = %v, want a *HistoryError on event 0", err)
	}
}

// statusAt judges exampleSub at the instant at.
func statusAt(tb testing.TB, at time.Time) lifecycle.Status {
	tb.Helper()
	lc, err := lifecycle.Judge(exampleSub(), policy.Builtin())
	if err != nil {
		tb.Fatal(err)
	}
	st, err := lc.At(at)
	if err != nil {
		tb.Fatal(err)
	}
	return st
}

func TestStatusRecord(t *testing.T) {
	for _, at := range []time.Time{
		time.Date(2025, 4, 1, 10, 0, 0, 0, time.UTC),  // bought
		time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC),  // Expired
		time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC),  // Disabled
		time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC), // Deleted
	} {
		st := statusAt(t, at)
		r := st.Record()
		// Each field is the answer of the method of the same name.
		want := lifecycle.StatusRecord{
			At: st.At(), State: st.State(), Since: st.Since(), Cause: st.Cause(), Trial: st.Trial(),
			ExtendedServiceTerm: st.ExtendedServiceTerm(), Next: st.Next(), NextAt: st.NextAt(), NextCause: st.NextCause(),
			TermStart: dayAnswer(st.TermStart()), TermEnd: dayAnswer(st.TermEnd()), RecurringBilling: st.RecurringBilling(),
			Licenses: st.Licenses(), Assigned: st.Assigned(), LicenseConflictUntil: dayAnswer(st.LicenseConflictUntil()),
			CancelWindowEnd: st.CancelWindowEnd(), ReactivateUntil: dayAnswer(st.ReactivateUntil()),
			ReactivateBefore: r.ReactivateBefore, AdminCenterLagUntil: dayAnswer(st.AdminCenterLagUntil()),
			RepurchaseRestoresData: st.RepurchaseRestoresData(), PurgeNotBefore: dayAnswer(st.PurgeNotBefore()),
			PurgeDeadline: dayAnswer(st.PurgeDeadline()), DataGoneBy: st.DataGoneBy(), DeletedAt: st.DeletedAt(),
			Versions: st.Versions().Labels(), Capabilities: st.Capabilities(), Reasons: st.Explain(),
		}
		if diff := cmp.Diff(want, r); diff != "" {
			t.Errorf("Record() at %v mismatch (-want +got):\n%s", at, diff)
		}
		if r.ReactivateBefore.IsZero() != r.ReactivateUntil.IsZero() {
			t.Errorf("at %v: ReactivateBefore %v and ReactivateUntil %v: one is set without the other", at, r.ReactivateBefore, r.ReactivateUntil)
		}
		// Status.MarshalJSON writes the record, which reads back exactly.
		b, err := json.Marshal(st)
		if err != nil {
			t.Errorf("json.Marshal(Status at %v): %v", at, err)
			continue
		}
		if rb, _ := json.Marshal(r); !bytes.Equal(b, rb) {
			t.Errorf("json.Marshal(Status) = %s\nwant its record's %s", b, rb)
		}
		var back lifecycle.StatusRecord
		if err := json.Unmarshal(b, &back); err != nil {
			t.Errorf("json.Unmarshal(record at %v): %v", at, err) // waits on Cause.UnmarshalText (issue 13 part a)
		} else if diff := cmp.Diff(r, back); diff != "" {
			t.Errorf("StatusRecord round trip mismatch (-want +got):\n%s", diff)
		}
	}
	if r := (lifecycle.Status{}).Record(); !cmp.Equal(r, lifecycle.StatusRecord{}) {
		t.Errorf("zero Status: Record() = %+v, want the zero StatusRecord", r)
	}
	if b, err := json.Marshal(lifecycle.Status{}); !errors.Is(err, lifecycle.ErrInvalid) {
		t.Errorf("json.Marshal(zero Status) = %s, %v; want ErrInvalid, not {}", b, err)
	}
	var r lifecycle.StatusRecord
	err := json.Unmarshal([]byte(`{"state":"active","nextAT":"2026-01-01T00:00:00Z"}`), &r)
	var fe *lifecycle.FieldError
	if !errors.As(err, &fe) || fe.Field != "nextAT" {
		t.Errorf("json.Unmarshal of a misspelt record field = %v, want a *FieldError on nextAT", err)
	}
}

func TestStatusRecordJSONForm(t *testing.T) {
	b, err := json.Marshal(statusAt(t, time.Date(2026, 4, 15, 9, 0, 0, 0, time.UTC)))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]any{
		"at": "2026-04-15T09:00:00Z", "state": "expired", "cause": "term-ended", "next": "disabled",
		"termStart": "2025-04-01", "termEnd": "2026-03-31", "licenses": 10.0, "versions": map[string]any{
			"lifecycle": "2025-02", "window": "2025-02", "commands": "2025-02"},
	} {
		if !cmp.Equal(m[key], want) {
			t.Errorf("json.Marshal(Status)[%q] = %#v, want %#v", key, m[key], want)
		}
	}
	for _, key := range []string{"trial", "est", "licenseConflictUntil", "adminCenterLagUntil", "deletedAt"} {
		if _, ok := m[key]; ok && key != "deletedAt" {
			t.Errorf("json.Marshal(Status) has %q = %v, a zero answer: want it omitted", key, m[key])
		}
	}
	if _, ok := m["reasons"].([]any); !ok {
		t.Errorf("json.Marshal(Status) has no reasons: %s", b)
	}
}

func TestPhaseJSON(t *testing.T) {
	lc, err := lifecycle.Judge(exampleSub(), policy.Builtin())
	if err != nil {
		t.Fatal(err)
	}
	phases := lc.Phases()
	b, err := json.Marshal(phases[0])
	want := `{"state":"active","cause":"purchased","start":"2025-04-01T10:00:00Z","end":"2026-03-31T00:00:00Z",` +
		`"version":{"label":"` + phases[0].Version.Label() + `","from":"` + phases[0].Version.From().UTC().Format(time.RFC3339Nano) + `"}}`
	if err != nil || string(b) != want {
		t.Errorf("json.Marshal(Phase) = %s, %v\nwant %s", b, err, want)
	}
	b, err = json.Marshal(phases)
	if err != nil {
		t.Fatal(err)
	}
	var back []lifecycle.Phase
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("json.Unmarshal(phases): %v", err) // waits on Cause.UnmarshalText (issue 13 part a)
	}
	// A Version is a handle into the table: it reads back zero.
	if diff := cmp.Diff(phases, back, cmpopts.IgnoreFields(lifecycle.Phase{}, "Version")); diff != "" {
		t.Errorf("Phase round trip mismatch (-want +got):\n%s", diff)
	}
	for i, p := range back {
		if !p.Version.IsZero() {
			t.Errorf("phase %d read back with version %v, want the zero Version", i, p.Version)
		}
	}
	if err := json.Unmarshal([]byte(`{"state":"active","version":{"label":"x","form":"2025-01-01T00:00:00Z"}}`), new(lifecycle.Phase)); err == nil {
		t.Error("json.Unmarshal of a phase with a misspelt version field: no error")
	}
}

func TestVersionsJSON(t *testing.T) {
	st := statusAt(t, time.Date(2026, 4, 15, 9, 0, 0, 0, time.UTC))
	b, err := json.Marshal(st.Versions())
	if want := `{"lifecycle":"2025-02","window":"2025-02","commands":"2025-02"}`; err != nil || string(b) != want {
		t.Errorf("json.Marshal(Versions) = %s, %v; want %s", b, err, want)
	}
	var v lifecycle.Versions
	if err := json.Unmarshal(b, &v); err == nil {
		t.Errorf("json.Unmarshal into Versions: no error, %v; a Version cannot be read back", v)
	}
	var l lifecycle.VersionLabels
	if err := json.Unmarshal(b, &l); err != nil || l != st.Versions().Labels() {
		t.Errorf("json.Unmarshal into VersionLabels = %+v, %v", l, err)
	}
}

func TestRefundJSONRefusal(t *testing.T) {
	// A CSP subscription cancelled after its 168-hour window: no refund,
	// and the refusal in the quote (AC-24).
	spec := lifecycle.Spec{ID: "csp", Channel: policy.CSPNewCommerce, Term: policy.Monthly,
		Start: time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC), Licenses: 5, Assigned: 5, RecurringBilling: true}
	setEnd(&spec.End, cdate(2026, 2, 9))
	sub, err := lifecycle.New(spec)
	if err != nil {
		t.Fatal(err)
	}
	lc, err := lifecycle.Judge(sub, policy.Builtin())
	if err != nil {
		t.Fatal(err)
	}
	q, err := lc.Quote(lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.Partner},
		lifecycle.Price{PerLicense: lifecycle.USD(1250), Billing: policy.Monthly}, time.Date(2026, 1, 20, 0, 0, 0, 0, time.UTC))
	if err != nil || q.Refusal == nil {
		t.Fatalf("Quote after the window = %+v, %v; want a refusal", q, err)
	}
	b, err := json.Marshal(q)
	if err != nil {
		t.Fatal(err)
	}
	var back lifecycle.Refund
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("json.Unmarshal(refund): %v", err) // waits on the Money and RefundKind codecs (issue 13 parts a, b)
	}
	if diff := cmp.Diff(q, back, refusalByWords); diff != "" {
		t.Errorf("Refund round trip mismatch (-want +got):\n%s", diff)
	}
	if !errors.Is(back.Refusal, lifecycle.ErrWindowClosed) || !errors.Is(back.Refusal, lifecycle.ErrRefused) || errors.Is(back.Refusal, lifecycle.ErrRole) {
		t.Errorf("read-back refusal %v matches the wrong sentinels", back.Refusal)
	}
	err = json.Unmarshal([]byte(`{"refusal":{"error":"x","is":["window-shut"]}}`), &back)
	var fe *lifecycle.FieldError
	if !errors.As(err, &fe) || fe.Field != "refusal.is" || fe.Value != "window-shut" {
		t.Errorf("json.Unmarshal of an unknown sentinel = %v", err)
	}
}

// refusalByWords compares errors by their text and the sentinels they
// match: a refusal read back from JSON is not a *RefusalError.
var refusalByWords = cmp.Comparer(func(a, b error) bool {
	if a == nil || b == nil {
		return a == b
	}
	for _, s := range []error{lifecycle.ErrRefused, lifecycle.ErrRole, lifecycle.ErrState, lifecycle.ErrWindowClosed,
		lifecycle.ErrLicenseLimit, lifecycle.ErrPrecondition, lifecycle.ErrNotOffered, lifecycle.ErrSalesEnded, lifecycle.ErrInvalid} {
		if errors.Is(a, s) != errors.Is(b, s) {
			return false
		}
	}
	return a.Error() == b.Error()
})

func TestStatusLogValue(t *testing.T) {
	st := statusAt(t, time.Date(2026, 4, 15, 9, 0, 0, 0, time.UTC))
	noTime := func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}
	var js, txt bytes.Buffer
	slog.New(slog.NewJSONHandler(&js, &slog.HandlerOptions{ReplaceAttr: noTime})).Info("judged", "status", st, "sub", exampleSub())
	slog.New(slog.NewTextHandler(&txt, &slog.HandlerOptions{ReplaceAttr: noTime})).Info("judged", "status", st, "sub", exampleSub())
	wantJSON := `{"level":"INFO","msg":"judged","status":{"at":"2026-04-15T09:00:00Z","state":"expired","since":"2026-03-31T00:00:00Z",` +
		`"cause":"term-ended","next":"disabled","nextAt":"2026-04-30T00:00:00Z","nextCause":"grace-ended","termEnd":"2026-03-31",` +
		`"reactivateUntil":"2026-07-28","purgeDeadline":"2026-09-27","dataGoneBy":"2026-09-28T00:00:00Z"},` +
		`"sub":{"id":"contoso-business-standard","channel":"direct-mosa","term":"annual","start":"2025-04-01T10:00:00Z","end":"2026-03-31","events":1}}` + "\n"
	if got := js.String(); got != wantJSON {
		t.Errorf("JSON handler logged\n%s\nwant\n%s", got, wantJSON)
	}
	wantText := `level=INFO msg=judged status.at=2026-04-15T09:00:00.000Z status.state=expired status.since=2026-03-31T00:00:00.000Z ` +
		`status.cause=term-ended status.next=disabled status.nextAt=2026-04-30T00:00:00.000Z status.nextCause=grace-ended ` +
		`status.termEnd=2026-03-31 status.reactivateUntil=2026-07-28 status.purgeDeadline=2026-09-27 status.dataGoneBy=2026-09-28T00:00:00.000Z ` +
		`sub.id=contoso-business-standard sub.channel=direct-mosa sub.term=annual sub.start=2025-04-01T10:00:00.000Z sub.end=2026-03-31 sub.events=1` + "\n"
	if got := txt.String(); got != wantText {
		t.Errorf("text handler logged\n%s\nwant\n%s", got, wantText)
	}
	for _, v := range []slog.LogValuer{lifecycle.Status{}, lifecycle.Subscription{}} {
		if got := v.LogValue(); got.Kind() != slog.KindString || got.String() != "zero" {
			t.Errorf("%T{}.LogValue() = %v, want the string zero", v, got)
		}
	}
}

// A subscription is stored as a JSON document of lapse-subscription/v1 and
// read back through New: the result is valid, or an error names the field.
func ExampleSubscription_MarshalJSON() {
	b, err := json.Marshal(exampleSub())
	if err != nil {
		panic(err)
	}
	fmt.Println(string(b))

	var back lifecycle.Subscription
	if err := json.Unmarshal(b, &back); err != nil {
		panic(err)
	}
	fmt.Println(back.ID(), back.Channel(), back.Len())
	// Output:
	// {"format":"lapse-subscription/v1","id":"contoso-business-standard","channel":"direct-mosa","term":"annual","start":"2025-04-01T10:00:00Z","end":"2026-03-31","licenses":10,"assigned":8,"paymentMethod":true,"recurringBilling":true,"history":[{"kind":"recurring-billing-off","at":"2026-02-01T12:00:00Z","actor":"billing-admin"}]}
	// contoso-business-standard direct-mosa 1
}

// A misspelt field is refused rather than dropped; a document that decodes
// but is not a valid subscription is refused by New.
func ExampleSubscription_UnmarshalJSON() {
	var sub lifecycle.Subscription
	err := json.Unmarshal([]byte(`{"format":"lapse-subscription/v1","channel":"direct-mosa","term":"annual",
		"start":"2025-04-01T10:00:00Z","end":"2026-03-31","licences":10}`), &sub)
	fmt.Println(err)
	err = json.Unmarshal([]byte(`{"format":"lapse-subscription/v1","channel":"direct-mosa","term":"annual",
		"start":"2025-04-01T10:00:00Z","end":"2025-03-31"}`), &sub)
	fmt.Println(err)
	err = json.Unmarshal([]byte(`{"format":"lapse-subscription/v2"}`), &sub)
	fmt.Println(err)
	// Output:
	// lifecycle: licences = "10": unknown field; want one of format, id, channel, term, product, offer, country, start, end, licenses, assigned, trial, productKey, productKeyId, paymentMethod, recurringBilling, nonUser, viaSeller, offerClass, windowFrom, history
	// lifecycle: Spec.End = 2025-03-31: end date before the start date 2025-04-01 (Start's UTC date)
	// lifecycle: format = "lapse-subscription/v2": unsupported format: this version of lapse reads lapse-subscription/v1
}

// A Status is an answer of a judged lifecycle; what can be stored of it is
// its record: every answer as a plain value.
func ExampleStatus_Record() {
	lc, err := lifecycle.Judge(exampleSub(), policy.Builtin())
	if err != nil {
		panic(err)
	}
	st, err := lc.At(time.Date(2026, 4, 15, 9, 0, 0, 0, time.UTC))
	if err != nil {
		panic(err)
	}
	r := st.Record()
	fmt.Println(r.State, "since", r.Since.Format(time.DateOnly), "term ended", r.TermEnd)
	fmt.Println("data deleted by the end of", r.PurgeDeadline)
	fmt.Println(r.Versions.Lifecycle, len(r.Reasons) > 0)
	// Output:
	// expired since 2026-03-31 term ended 2026-03-31
	// data deleted by the end of 2026-09-27
	// 2025-02 true
}

// A Status logs as a group of its main answers, by name; a Subscription
// as its identity and dates.
func ExampleStatus_LogValue() {
	lc, err := lifecycle.Judge(exampleSub(), policy.Builtin())
	if err != nil {
		panic(err)
	}
	st, err := lc.At(time.Date(2026, 4, 15, 9, 0, 0, 0, time.UTC))
	if err != nil {
		panic(err)
	}
	noTime := func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}
	log := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: noTime}))
	log.Info("judged", "sub", lc.Subscription(), "status", st)
	// Output:
	// level=INFO msg=judged sub.id=contoso-business-standard sub.channel=direct-mosa sub.term=annual sub.start=2025-04-01T10:00:00.000Z sub.end=2026-03-31 sub.events=1 status.at=2026-04-15T09:00:00.000Z status.state=expired status.since=2026-03-31T00:00:00.000Z status.cause=term-ended status.next=disabled status.nextAt=2026-04-30T00:00:00.000Z status.nextCause=grace-ended status.termEnd=2026-03-31 status.reactivateUntil=2026-07-28 status.purgeDeadline=2026-09-27 status.dataGoneBy=2026-09-28T00:00:00.000Z
}
