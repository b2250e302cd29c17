package partnercenter_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/lifecycle/partnercenter"
	"github.com/lapse-go/lapse/policy"
)

func utc(y int, m time.Month, d, h, min, s int) time.Time {
	return time.Date(y, m, d, h, min, s, 0, time.UTC)
}

func day(y int, m time.Month, d int) time.Time { return utc(y, m, d, 0, 0, 0) }

// endDate is a Spec.End.
func endDate(y int, m time.Month, d int) clock.Date { return clock.Date{Year: y, Month: m, Day: d} }

func ptr[T any](v T) *T { return &v }

// monthly is testdata/nce-monthly.json: new commerce, monthly, bought
// 2026-04-14T16:57:14.498252Z, first term to 2026-05-13, auto-renew on.
func monthly(t testing.TB) partnercenter.Subscription {
	return readFixture(t, "nce-monthly.json")[0]
}

// monthlySpec is what monthly maps to.
func monthlySpec() lifecycle.Spec {
	return lifecycle.Spec{
		ID:               "a4c1340d-6911-4758-bba3-0c4c6007d162",
		Channel:          policy.CSPNewCommerce,
		Term:             policy.Monthly,
		Offer:            "CFQ7TTC0LH18:0001:CFQ7TTC0K971",
		Start:            time.Date(2026, 4, 14, 16, 57, 14, 498252000, time.UTC),
		End:              endDate(2026, 5, 13),
		Licenses:         10,
		RecurringBilling: true,
	}
}

// TestSpec is the table of the mapping rules of the package doc, one row
// each, and of each refusal: every row edits the monthly fixture.
func TestSpec(t *testing.T) {
	const guid = "2828BE95-46BA-4F91-B2FD-0BEF192ECF60"
	tests := []struct {
		name, reason string
		edit         func(*partnercenter.Subscription)
		opts         partnercenter.Options
		want         func(*lifecycle.Spec) // edits monthlySpec; nil when an error is wanted
		wantErr      refusal
		wantIs       error // an error the refusal matches besides ErrInvalid
	}{
		{name: "documented fields", reason: "id, offerId, quantity, autoRenewEnabled, termDuration, the dates",
			want: func(*lifecycle.Spec) {}},

		// The channel.
		{name: "catalog offer without productType", reason: "productId:skuId is the new commerce catalog's form",
			edit: func(s *partnercenter.Subscription) { s.ProductType, s.OfferID = nil, "CFQ7TTC0LH18:0001" },
			want: func(w *lifecycle.Spec) { w.Offer = "CFQ7TTC0LH18:0001" }},
		{name: "productType decides", reason: "OnlineServicesNCE is new commerce whatever the offer id looks like",
			edit: func(s *partnercenter.Subscription) { s.OfferID = "some-offer"; s.ProductType.ID = "onlineservicesnce" },
			want: func(w *lifecycle.Spec) { w.Offer = "some-offer" }},
		{name: "legacy GUID offer", reason: "legacy offers are GUIDs; their end dates are exclusive",
			edit: func(s *partnercenter.Subscription) { s.ProductType, s.OfferID = nil, guid },
			want: func(w *lifecycle.Spec) { w.Channel, w.Offer, w.End = policy.CSPLegacy, guid, endDate(2026, 5, 12) }},
		{name: "lower-case GUID", edit: func(s *partnercenter.Subscription) {
			s.ProductType, s.OfferID = nil, "2828be95-46ba-4f91-b2fd-0bef192ecf60"
		},
			want: func(w *lifecycle.Spec) {
				w.Channel, w.Offer, w.End = policy.CSPLegacy, "2828be95-46ba-4f91-b2fd-0bef192ecf60", endDate(2026, 5, 12)
			}},
		{name: "forced channel", reason: "Options.Channel overrides the rule, and decides how the end date reads",
			opts: partnercenter.Options{Channel: policy.CSPLegacy},
			want: func(w *lifecycle.Spec) { w.Channel, w.End = policy.CSPLegacy, endDate(2026, 5, 12) }},
		{name: "NCE productType with a GUID offer", edit: func(s *partnercenter.Subscription) { s.OfferID = guid },
			wantErr: refusal{Field: "offerId", Option: "Channel"}, wantIs: partnercenter.ErrMissing},
		{name: "offer of no known form", reason: "an Azure legacy offer id",
			edit:    func(s *partnercenter.Subscription) { s.ProductType, s.OfferID = nil, "MS-AZR-0145P" },
			wantErr: refusal{Field: "offerId", Option: "Channel"}, wantIs: partnercenter.ErrMissing},
		{name: "no offer", edit: func(s *partnercenter.Subscription) { s.ProductType, s.OfferID = nil, "" },
			wantErr: refusal{Field: "offerId", Option: "Channel"}},
		{name: "catalog id too short", edit: func(s *partnercenter.Subscription) { s.ProductType, s.OfferID = nil, "CFQ7TTC0LH1:0001" },
			wantErr: refusal{Field: "offerId", Option: "Channel"}},
		{name: "forced channel not CSP", opts: partnercenter.Options{Channel: policy.DirectMCA},
			wantErr: refusal{Field: "Options.Channel"}},

		// The term.
		{name: "P1Y", edit: func(s *partnercenter.Subscription) {
			s.TermDuration, s.CommitmentEndDate = "P1Y", "2027-04-13T00:00:00Z"
		},
			want: func(w *lifecycle.Spec) { w.Term, w.End = policy.Annual, endDate(2027, 4, 13) }},
		{name: "P3Y", edit: func(s *partnercenter.Subscription) {
			s.TermDuration, s.CommitmentEndDate = "P3Y", "2029-04-13T00:00:00Z"
		},
			want: func(w *lifecycle.Spec) { w.Term, w.End = policy.MultiYear, endDate(2029, 4, 13) }},
		{name: "P5Y", edit: func(s *partnercenter.Subscription) { s.TermDuration = "P5Y" },
			wantErr: refusal{Field: "termDuration"}},
		{name: "P12M", reason: "the same length, not a documented value", edit: func(s *partnercenter.Subscription) { s.TermDuration = "P12M" },
			wantErr: refusal{Field: "termDuration"}},
		{name: "lower case", edit: func(s *partnercenter.Subscription) { s.TermDuration = "p1m" },
			wantErr: refusal{Field: "termDuration"}},
		{name: "no termDuration", edit: func(s *partnercenter.Subscription) { s.TermDuration = "" },
			wantErr: refusal{Field: "termDuration", Option: "Term"}, wantIs: partnercenter.ErrMissing},
		{name: "no termDuration, Options.Term", edit: func(s *partnercenter.Subscription) { s.TermDuration = "" },
			opts: partnercenter.Options{Term: policy.Monthly}, want: func(*lifecycle.Spec) {}},
		{name: "Options.Term does not override", reason: "it fills in a missing termDuration only",
			opts: partnercenter.Options{Term: policy.Annual}, want: func(*lifecycle.Spec) {}},
		{name: "Options.Term invalid", opts: partnercenter.Options{Term: policy.Term(9)},
			wantErr: refusal{Field: "Options.Term"}},
		{name: "trial converts to its next term", reason: "a trial's Spec.Term is the term it converts to",
			edit: func(s *partnercenter.Subscription) {
				s.IsTrial = true
				s.ScheduledNextTermInstructions = &partnercenter.NextTermInstructions{Product: partnercenter.ProductTerm{TermDuration: "P1Y"}}
			},
			want: func(w *lifecycle.Spec) { w.Trial, w.Term = true, policy.Annual }},
		{name: "a paid term's next term is not read", reason: "a term change is known once it happened",
			edit: func(s *partnercenter.Subscription) {
				s.ScheduledNextTermInstructions = &partnercenter.NextTermInstructions{Product: partnercenter.ProductTerm{TermDuration: "P1Y"}}
			},
			want: func(*lifecycle.Spec) {}},

		// The product.
		{name: "Copilot", edit: func(s *partnercenter.Subscription) { s.OfferName = "Microsoft 365 Copilot" },
			want: func(w *lifecycle.Spec) { w.Product = policy.Copilot }},
		{name: "Extra File Storage", reason: "R-LIC-5: not assigned per user",
			edit: func(s *partnercenter.Subscription) { s.OfferName = "Office 365 Extra File Storage" },
			want: func(w *lifecycle.Spec) { w.Product, w.NonUser = policy.ExtraFileStorage, true }},
		{name: "Business Central", edit: func(s *partnercenter.Subscription) { s.OfferName = "Dynamics 365 Business Central Essentials" },
			want: func(w *lifecycle.Spec) { w.Product = policy.BusinessCentral }},
		{name: "software subscription", reason: "R-CAN-17: lifecycle.New refuses it as not modelled",
			edit:    func(s *partnercenter.Subscription) { s.ProductType.ID = "Software" },
			wantErr: refusal{Item: -1}, wantIs: lifecycle.ErrNotModelled},
		{name: "perpetual software", edit: func(s *partnercenter.Subscription) { s.ProductType.ID, s.TermDuration = "Software", "" },
			wantErr: refusal{Field: "productType.id"}},
		{name: "marketplace", reason: "isMicrosoftProduct false: a third-party SaaS offer, R-CAN-17",
			edit:    func(s *partnercenter.Subscription) { s.IsMicrosoftProduct = ptr(false) },
			wantErr: refusal{Item: -1}, wantIs: lifecycle.ErrNotModelled},
		{name: "Azure", edit: func(s *partnercenter.Subscription) { s.ProductType.ID = "Azure" },
			wantErr: refusal{Field: "productType.id"}},

		// Quantity, renewal, trial, kind.
		{name: "quantity zero", edit: func(s *partnercenter.Subscription) { s.Quantity = ptr(0) },
			want: func(w *lifecycle.Spec) { w.Licenses = 0 }},
		{name: "quantity missing", edit: func(s *partnercenter.Subscription) { s.Quantity = nil },
			wantErr: refusal{Field: "quantity"}},
		{name: "quantity negative", edit: func(s *partnercenter.Subscription) { s.Quantity = ptr(-1) },
			wantErr: refusal{Field: "quantity"}},
		{name: "quantity absurd", edit: func(s *partnercenter.Subscription) { s.Quantity = ptr(1 << 31) },
			wantErr: refusal{Field: "quantity"}},
		{name: "auto-renew off", edit: func(s *partnercenter.Subscription) { s.AutoRenewEnabled = ptr(false) },
			want: func(w *lifecycle.Spec) { w.RecurringBilling = false }},
		{name: "auto-renew missing", edit: func(s *partnercenter.Subscription) { s.AutoRenewEnabled = nil },
			wantErr: refusal{Field: "autoRenewEnabled"}},
		{name: "trial", edit: func(s *partnercenter.Subscription) { s.IsTrial = true },
			want: func(w *lifecycle.Spec) { w.Trial = true }},
		{name: "contract Subscription", edit: func(s *partnercenter.Subscription) { s.ContractType = "Subscription" },
			want: func(*lifecycle.Spec) {}},
		{name: "contract productKey", edit: func(s *partnercenter.Subscription) { s.ContractType = "productKey" },
			wantErr: refusal{Field: "contractType"}},
		{name: "billing none", edit: func(s *partnercenter.Subscription) { s.BillingType = "none" },
			want: func(*lifecycle.Spec) {}},
		{name: "billing usage", edit: func(s *partnercenter.Subscription) { s.BillingType = "usage" },
			wantErr: refusal{Field: "billingType"}},
		{name: "billing benefit", edit: func(s *partnercenter.Subscription) { s.BillingType = "Benefit" },
			wantErr: refusal{Field: "billingType"}},
		{name: "billing unknown", edit: func(s *partnercenter.Subscription) { s.BillingType = "prepaid" },
			wantErr: refusal{Field: "billingType"}},
		{name: "no id", edit: func(s *partnercenter.Subscription) { s.ID = "" },
			wantErr: refusal{Field: "id"}},
		{name: "country", opts: partnercenter.Options{Country: "CL"},
			want: func(w *lifecycle.Spec) { w.Country = "CL" }},

		// The dates.
		{name: "creationDate when no effectiveStartDate", edit: func(s *partnercenter.Subscription) { s.EffectiveStartDate = "" },
			want: func(w *lifecycle.Spec) { w.Start = time.Date(2026, 4, 14, 16, 57, 15, 96672800, time.UTC) }},
		{name: "effectiveStartDate with an offset", reason: "RFC 3339 with an offset is the same instant",
			edit: func(s *partnercenter.Subscription) { s.EffectiveStartDate = "2026-04-14T18:57:14.498252+02:00" },
			want: func(w *lifecycle.Spec) {
				w.Start = time.Date(2026, 4, 14, 18, 57, 14, 498252000, time.FixedZone("", 7200))
			}},
		{name: "no start", edit: func(s *partnercenter.Subscription) { s.EffectiveStartDate, s.CreationDate = "", "" },
			wantErr: refusal{Field: "effectiveStartDate"}},
		{name: "start with spaces", reason: "the documented collection's \"2015-11-25T06: 41: 12Z\"",
			edit:    func(s *partnercenter.Subscription) { s.EffectiveStartDate = "2026-04-14T16: 57: 14Z" },
			wantErr: refusal{Field: "effectiveStartDate"}},
		{name: "creation date unreadable", reason: "a date that is given must be a date",
			edit:    func(s *partnercenter.Subscription) { s.CreationDate = "yesterday" },
			wantErr: refusal{Field: "creationDate"}},
		{name: "no time zone", edit: func(s *partnercenter.Subscription) { s.CommitmentEndDate = "2026-05-13T00:00:00" },
			wantErr: refusal{Field: "commitmentEndDate"}},
		{name: "no end", edit: func(s *partnercenter.Subscription) { s.CommitmentEndDate = "" },
			wantErr: refusal{Field: "commitmentEndDate"}},
		{name: "end before start", edit: func(s *partnercenter.Subscription) { s.CommitmentEndDate = "2026-04-13T23:59:59Z" },
			wantErr: refusal{Field: "commitmentEndDate"}},
		{name: "end on the start date", reason: "a first term aligned to end the day it began",
			edit: func(s *partnercenter.Subscription) { s.CommitmentEndDate = "2026-04-14T00:00:00Z" },
			want: func(w *lifecycle.Spec) { w.End = endDate(2026, 4, 14) }},
		{name: "far future", reason: "Partner Center's 9999-12-10 for a subscription without terms",
			edit:    func(s *partnercenter.Subscription) { s.CommitmentEndDate = "9999-12-10T00:00:00Z" },
			wantErr: refusal{Field: "commitmentEndDate"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := monthly(t)
			if tt.edit != nil {
				tt.edit(&s)
			}
			got, err := s.Spec(tt.opts)
			if tt.want != nil {
				if err != nil {
					t.Fatalf("Spec: %v (%s)", err, tt.reason)
				}
				want := monthlySpec()
				tt.want(&want)
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("Spec() mismatch (-want +got):\n%s", diff)
				}
				return
			}
			if err == nil {
				t.Fatalf("Spec = %+v, nil; want an error (%s)", got, tt.reason)
			}
			if diff := cmp.Diff(lifecycle.Spec{}, got); diff != "" {
				t.Errorf("Spec returned a Spec with its error (-want +got):\n%s", diff)
			}
			if tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
				t.Errorf("Spec error %v does not match %v", err, tt.wantIs)
			}
			if tt.wantIs != lifecycle.ErrNotModelled && !errors.Is(err, partnercenter.ErrInvalid) {
				t.Errorf("Spec error %v does not match ErrInvalid", err)
			}
			want := tt.wantErr
			want.Item = -1
			if diff := cmp.Diff(want, refusalOf(err)); diff != "" {
				t.Errorf("Spec() refusal mismatch (-want +got):\n%s\nerror: %v", diff, err)
			}
		})
	}
}

// TestSpecEndDate checks the reading of commitmentEndDate at the day's
// boundaries: its UTC date is the end date whatever the time and offset
// (Partner Center's dates are UTC dates), and lapse's state changes at
// 00:00Z the day after (new commerce, inclusive) or at 00:00Z of it
// (legacy, exclusive).
func TestSpecEndDate(t *testing.T) {
	tests := []struct {
		name, end string
		channel   policy.Channel
		want      clock.Date // Spec.End; zero when refused
	}{
		{name: "just before the day", end: "2026-05-12T23:59:59Z", channel: policy.CSPNewCommerce, want: endDate(2026, 5, 12)},
		{name: "at midnight", end: "2026-05-13T00:00:00Z", channel: policy.CSPNewCommerce, want: endDate(2026, 5, 13)},
		{name: "at the day's last second", end: "2026-05-13T23:59:59Z", channel: policy.CSPNewCommerce, want: endDate(2026, 5, 13)},
		{name: "at the next midnight", end: "2026-05-14T00:00:00Z", channel: policy.CSPNewCommerce}, // past the first term: refused
		{name: "east of UTC", end: "2026-05-14T00:30:00+01:00", channel: policy.CSPNewCommerce, want: endDate(2026, 5, 13)},
		{name: "west of UTC", end: "2026-05-13T23:30:00-01:00", channel: policy.CSPNewCommerce}, // 2026-05-14 in UTC
		{name: "fractional seconds", end: "2026-05-13T23:59:59.9999999Z", channel: policy.CSPNewCommerce, want: endDate(2026, 5, 13)},
		{name: "legacy at midnight", end: "2026-05-14T00:00:00Z", channel: policy.CSPLegacy, want: endDate(2026, 5, 13)},
		{name: "legacy late that day", end: "2026-05-14T23:59:59Z", channel: policy.CSPLegacy, want: endDate(2026, 5, 13)},
		{name: "legacy the day before", end: "2026-05-13T23:59:59Z", channel: policy.CSPLegacy, want: endDate(2026, 5, 12)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := monthly(t)
			s.CommitmentEndDate = tt.end
			got, err := s.Spec(partnercenter.Options{Channel: tt.channel})
			if tt.want.IsZero() {
				if err == nil || refusalOf(err).Option != "TermStart" {
					t.Fatalf("Spec: End %v, %v; want a refusal naming TermStart", got.End, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.End != tt.want {
				t.Errorf("Spec().End = %v, want %v", got.End, tt.want)
			}
		})
	}
}

// TestSpecEndDateJudged judges the imported subscription around its end:
// with auto-renew off, the last second of the end date is Active and the
// next is Expired (new commerce, DC-3b), for an end date written at
// midnight or at the day's last second, and in any location.
func TestSpecEndDateJudged(t *testing.T) {
	for _, end := range []string{"2026-05-13T00:00:00Z", "2026-05-13T23:59:59Z", "2026-05-13T10:00:00-08:00"} {
		s := monthly(t)
		s.CommitmentEndDate, s.AutoRenewEnabled = end, ptr(false)
		spec, err := s.Spec(partnercenter.Options{})
		if err != nil {
			t.Fatal(err)
		}
		sub, err := lifecycle.New(spec)
		if err != nil {
			t.Fatal(err)
		}
		tokyo := time.FixedZone("Tokyo", 9*3600)
		for _, c := range []struct {
			at   time.Time
			want lifecycle.State
		}{
			{utc(2026, 5, 13, 23, 59, 59), lifecycle.Active},
			{utc(2026, 5, 14, 0, 0, 0), lifecycle.Expired},
			{utc(2026, 5, 14, 0, 0, 1), lifecycle.Expired},
			{utc(2026, 5, 13, 23, 59, 59).In(tokyo), lifecycle.Active},
			{utc(2026, 5, 14, 0, 0, 0).In(tokyo), lifecycle.Expired},
		} {
			st, err := lifecycle.Evaluate(sub, policy.Builtin(), c.at)
			if err != nil {
				t.Fatal(err)
			}
			if st.State() != c.want {
				t.Errorf("end %s: state at %v = %v, want %v", end, c.at, st.State(), c.want)
			}
		}
	}
}
