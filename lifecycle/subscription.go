package lifecycle

import (
	"fmt"
	"math"
	"slices"
	"sync/atomic"
	"time"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/policy"
)

// Spec is the plain description of a subscription: what was bought, when,
// and what happened since. It is the input of [New]; a Spec may be invalid,
// a [Subscription] never is.
type Spec struct {
	// ID identifies the subscription to the caller; lapse does not
	// interpret it.
	ID string
	// Channel is the purchase channel. Required.
	Channel policy.Channel
	// Term is the commitment term; for a trial, the term it converts to.
	// Required.
	Term policy.Term
	// Product names the product or offer, for product-specific rules
	// (policy.Copilot, …); empty for none.
	Product policy.Product
	// Offer and Country scope policy overrides (a reseller's SKU, a
	// sovereign cloud such as 21Vianet's); empty for none. See
	// policy.Key.
	Offer   string
	Country string
	// Start is the exact purchase (or trial sign-up) instant. Hour-based
	// windows run from it (DC-5); its UTC date is the first day.
	Start time.Time
	// End is the end date of the first term, or of the trial, as the
	// admin center or Partner Center shows it: a calendar date, read in
	// UTC as every date is (DC-1). Required; it may not be before Start's
	// UTC date. [EndOfTerm] and [EndOfTrial] compute it from Start. A
	// date stored as an instant is converted by the caller, who knows in
	// which location it was written: clock.DateOf(t) takes t's date in
	// t's own location (Berlin midnight of 2026-09-27 is 2026-09-27).
	End clock.Date
	// Licenses is the purchased license (seat) count; Assigned how many are
	// assigned to users. Neither may be negative, and Assigned may not
	// exceed Licenses.
	Licenses int
	Assigned int
	// Trial says the first term, Start to End, is a free trial.
	Trial bool
	// ProductKey says the subscription was prepaid with a product key
	// (§1.1 row 14, R-REN-3, R-REF-4).
	ProductKey bool
	// ProductKeyID identifies that product key, so that re-entering it
	// to extend the subscription can be refused (R-REN-3); empty when not
	// recorded.
	ProductKeyID string
	// PaymentMethod says a payment method is attached (a direct trial
	// converts only with one, R-TRI-1, R-TRI-3).
	PaymentMethod bool
	// RecurringBilling is the recurring billing (auto-renew) setting at
	// purchase (R-REN-1: on by default for card and billing-profile
	// subscriptions; off for product keys, R-REN-3).
	RecurringBilling bool
	// NonUser says licenses are not assigned per user (Office 365 Extra
	// File Storage): reductions take effect at once (R-LIC-5).
	NonUser bool
	// ViaSeller says a DirectMCA subscription was bought through a partner
	// or a Microsoft representative: it is cancelled through the seller,
	// within the seller's window (R-CAN-4: seven days, ten in Chile).
	ViaSeller bool
	// OfferClass is the offer's class (government, education, add-on);
	// zero for a commercial offer. CSP traditional gives no free trial to
	// the others (R-TRI-8).
	OfferClass policy.OfferClass
	// WindowFrom is, for a subscription created by upgrading another, the
	// instant the parent's cancellation window opened, which it inherits:
	// "Cancellation windows are not applied to upgrades"; the window
	// "doesn't reopen until the subscription itself renews" (R-CAN-16).
	// Zero otherwise; it may not follow Start. See [Lifecycle.Upgrade].
	WindowFrom time.Time
	// History is what happened since, in non-decreasing order of At.
	History []Event
}

// Subscription is a validated, immutable subscription: a Spec whose
// fields are consistent, with its history in order. The zero Subscription
// is invalid (every function given one returns an error). A Subscription is
// safe to share between goroutines; [Apply] returns new values and never
// changes the one it is given.
//
// A Subscription is a handle to data that New fills once and nothing
// changes: copying one copies a pointer.
type Subscription struct {
	*sub // nil in the zero Subscription: every method checks IsZero first
}

// sub is what a Subscription holds.
type sub struct {
	spec Spec // History is owned: never aliased by a caller
	// start is ns(spec.Start); day0 and dayE are the first term's first
	// day and end date; cycle is the first day of its renewal chain (see
	// fold.cycle); ts[i] is ns(spec.History[i].At). New computes them once.
	start             int64
	day0, dayE, cycle day // dayE is dayFrom(spec.End)
	ts                []int64
	// line lets a chain of Applies share one history: see extend.
	line *line
}

// line is shared by the subscriptions that [Lifecycle.Apply] derives from
// one another: each appends its event to the arrays of its parent in
// place, past the parent's length, when it is the first to extend the
// parent (an atomic claim on the history length), and copies them
// otherwise. Values only ever read their own length, so the arrays they
// share are never written where anyone reads: old values stay immutable,
// and concurrent Applies on one value stay race-free.
type line struct {
	n atomic.Int64 // the history length of the one value that may extend in place
}

// MaxEvents is the longest history lapse accepts: [New] refuses more
// events and [Lifecycle.Apply] refuses the command that would append one
// more, with a *HistoryLimitError. A real subscription records a handful
// of events a year; the limit keeps a judged lifecycle's memory bounded
// (about 150 bytes an event) whatever a caller sends.
const MaxEvents = 1 << 20

// key returns the policy look-up key of the subscription.
func (s *sub) key() policy.Key {
	sp := &s.spec
	return policy.Key{Channel: sp.Channel, Term: sp.Term, Product: sp.Product, Offer: sp.Offer, Country: sp.Country}
}

// zeroSub is what the accessors of the zero Subscription read.
var zeroSub sub

// data returns what s holds, or zeroSub for the zero Subscription.
func (s Subscription) data() *sub {
	if s.sub == nil {
		return &zeroSub
	}
	return s.sub
}

// build returns the Subscription holding spec, whose History it owns.
func build(spec Spec) Subscription {
	start := ns(spec.Start)
	d := &sub{spec: spec, start: start, day0: dayOf(start), dayE: dayFrom(spec.End), ts: make([]int64, len(spec.History)), line: new(line)}
	d.line.n.Store(int64(len(spec.History)))
	// The chain starts with the first term when it is a whole term, so that
	// renewals keep its day of month (R-REN-3: "every year on the day that
	// you subscribed"), else the day after its end, where a renewal starts
	// (R-REN-5, DC-1): an irregular first term, a trial, or a VL end date
	// aligned with the agreement's (RULES.md §1.1 row 7).
	d.cycle = d.dayE.add(1)
	if m := spec.Term.Months(); !spec.Trial && m > 0 && d.day0.addMonths(m).add(-1) == d.dayE {
		d.cycle = d.day0
	}
	for i := range spec.History {
		d.ts[i] = ns(spec.History[i].At)
	}
	return Subscription{d}
}

// Earliest and latest instants lapse accepts; every instant is converted to
// nanoseconds since 1970 internally, which covers 1678–2262.
var (
	minInstant = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	maxInstant = time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC)
)

// The same bounds in Unix seconds (both are whole seconds).
const (
	minUnix = -2208988800 // 1900-01-01T00:00:00Z
	maxUnix = 7258118400  // 2200-01-01T00:00:00Z
)

// CheckInstant reports whether lapse accepts t as an instant: nil, or a
// *FieldError on "at" (matching ErrInvalid) when t is the zero time or
// outside the supported range, from 1900-01-01T00:00:00Z up to but not
// including 2200-01-01T00:00:00Z. Callers that take instants from users
// (and package lifecycle/tenant) check them with it before use.
func CheckInstant(t time.Time) error { return checkInstant("at", t) }

func checkInstant(field string, t time.Time) error {
	if t.IsZero() {
		return &FieldError{Field: field, Value: t, Reason: "required"}
	}
	if t.Before(minInstant) || !t.Before(maxInstant) {
		return &FieldError{Field: field, Value: t, Reason: "outside the supported range 1900-01-01 to 2200-01-01"}
	}
	return nil
}

// checkDate reports a calendar date lapse does not accept: the zero Date,
// an invalid one (2026-02-30), or one outside the supported range, from
// 1900-01-01 up to but not including 2200-01-01.
func checkDate(field string, d clock.Date) error {
	switch {
	case d.IsZero():
		return &FieldError{Field: field, Value: d, Reason: "required: the end date of the first term, or of the trial (see EndOfTerm and EndOfTrial)"}
	case !d.IsValid():
		return &FieldError{Field: field, Value: d, Reason: "not a valid calendar date"}
	case d.Year < 1900 || d.Year >= 2200:
		return &FieldError{Field: field, Value: d, Reason: "outside the supported range 1900-01-01 to 2200-01-01"}
	}
	return nil
}

// New validates spec and returns the subscription it describes. The error
// names the first invalid field and its value: zero or unknown channel or
// term, missing or out-of-range instants, a missing or invalid end date
// or one outside 1900–2200, an end before the start's UTC date,
// negative licenses, more licenses assigned than bought, an invalid event
// kind or role, and events out of order or before the start. Whether each
// event could happen in the state it found is checked against the policy by
// [Judge] and [Evaluate]. A CSP product whose rules lapse does not model
// (R-CAN-17) is a *NotModelledError.
func New(spec Spec) (Subscription, error) {
	if !spec.Channel.IsValid() {
		return Subscription{}, &FieldError{Field: "Spec.Channel", Value: spec.Channel.String(), Reason: "not a valid channel"}
	}
	if !spec.Term.IsValid() {
		return Subscription{}, &FieldError{Field: "Spec.Term", Value: spec.Term.String(), Reason: "not a valid term"}
	}
	if err := checkInstant("Spec.Start", spec.Start); err != nil {
		return Subscription{}, err
	}
	if err := checkDate("Spec.End", spec.End); err != nil {
		return Subscription{}, err
	}
	if dayFrom(spec.End) < dayOf(ns(spec.Start)) {
		return Subscription{}, &FieldError{Field: "Spec.End", Value: spec.End,
			Reason: "end date before the start date " + spec.Start.UTC().Format(time.DateOnly) + " (Start's UTC date)"}
	}
	if err := checkCount("Spec.Licenses", spec.Licenses); err != nil {
		return Subscription{}, err
	}
	if err := checkCount("Spec.Assigned", spec.Assigned); err != nil {
		return Subscription{}, err
	}
	if spec.Assigned > spec.Licenses {
		return Subscription{}, &FieldError{Field: "Spec.Assigned", Value: spec.Assigned,
			Reason: fmt.Sprintf("more licenses assigned than bought (%d)", spec.Licenses)}
	}
	if len(spec.History) > MaxEvents {
		return Subscription{}, &HistoryLimitError{Len: len(spec.History)}
	}
	if err := checkSale(&spec); err != nil {
		return Subscription{}, err
	}
	prev := spec.Start
	for i, e := range spec.History {
		if err := checkEvent(i, e, prev); err != nil {
			return Subscription{}, err
		}
		prev = e.At
	}
	spec.History = slices.Clone(spec.History)
	return build(spec), nil
}

func checkEvent(i int, e Event, prev time.Time) error {
	field := func(name string) string { return fmt.Sprintf("Spec.History[%d].%s", i, name) } // only on error
	if !e.Kind.IsValid() {
		return &FieldError{Field: field("Kind"), Value: e.Kind.String(), Reason: "not a valid event kind"}
	}
	if e.At.IsZero() || e.At.Before(minInstant) || !e.At.Before(maxInstant) {
		return checkInstant(field("At"), e.At)
	}
	if e.At.Before(prev) {
		return &HistoryError{Index: i, Kind: e.Kind, At: e.At,
			Reason: "out of order: before the previous event or the start at " + prev.UTC().Format(time.RFC3339Nano)}
	}
	if e.Actor != 0 && !e.Actor.IsValid() {
		return &FieldError{Field: field("Actor"), Value: e.Actor.String(), Reason: "not a valid role"}
	}
	if e.ProductKey != "" && e.Kind != Renew {
		return &FieldError{Field: field("ProductKey"), Value: e.ProductKey, Reason: "only a renewal is made with a product key (R-REN-3)"}
	}
	if e.Kind == ChangeLicenses {
		if err := checkCount(field("Licenses"), e.Licenses); err != nil {
			return err
		}
		if err := checkCount(field("Assigned"), e.Assigned); err != nil {
			return err
		}
	}
	return nil
}

// maxLicenses is the largest license count lapse accepts.
const maxLicenses = math.MaxInt32

// checkCount reports a license count out of [0, maxLicenses].
func checkCount(field string, n int) error {
	switch {
	case n < 0:
		return &FieldError{Field: field, Value: n, Reason: "must not be negative"}
	case n > maxLicenses:
		return &FieldError{Field: field, Value: n, Reason: "absurd: more than 2147483647 licenses"}
	}
	return nil
}

// IsZero reports whether s is the zero (invalid) Subscription.
func (s Subscription) IsZero() bool { return s.sub == nil }

// Spec returns the subscription's description; its History is a copy.
func (s Subscription) Spec() Spec {
	sp := s.data().spec
	sp.History = slices.Clone(sp.History)
	return sp
}

// ID returns the caller's identifier.
func (s Subscription) ID() string { return s.data().spec.ID }

// Channel returns the purchase channel.
func (s Subscription) Channel() policy.Channel { return s.data().spec.Channel }

// Term returns the commitment term.
func (s Subscription) Term() policy.Term { return s.data().spec.Term }

// Product returns the product name.
func (s Subscription) Product() policy.Product { return s.data().spec.Product }

// Key returns the policy look-up key of the subscription.
func (s Subscription) Key() policy.Key { return s.data().key() }

// Start returns the purchase instant.
func (s Subscription) Start() time.Time { return s.data().spec.Start }

// End returns the end date of the first term (or of the trial): the last
// day of that term, as Spec.End gives it. The zero Subscription returns
// the zero Date.
func (s Subscription) End() clock.Date { return s.data().spec.End }

// History returns a copy of the history.
func (s Subscription) History() []Event { return slices.Clone(s.data().spec.History) }

// Len returns the number of events in the history.
func (s Subscription) Len() int { return len(s.data().spec.History) }

// Event returns the i-th event; ok is false when i is out of range.
func (s Subscription) Event(i int) (e Event, ok bool) {
	h := s.data().spec.History
	if i < 0 || i >= len(h) {
		return Event{}, false
	}
	return h[i], true
}

// EndOfTerm returns the end date of a term whose first day is start's UTC
// date: the last day of the term, the day before the same day of month
// term.Months() later, clamped to the month's last day (an annual term
// started on 2026-05-05 ends on 2027-05-04, AC-23). start is an instant,
// such as the purchase instant Spec.Start; its location does not matter:
// 2026-05-05T00:30+02:00 (Berlin) is 2026-05-04T22:30Z, so the term's
// first day is 2026-05-04 (DC-1). An invalid term, a zero start or one
// outside 1900–2200, and an end date on or after 2200-01-01 are a
// *FieldError.
func EndOfTerm(start time.Time, term policy.Term) (clock.Date, error) {
	if !term.IsValid() {
		return clock.Date{}, &FieldError{Field: "term", Value: term.String(), Reason: "not a valid term"}
	}
	if err := checkInstant("start", start); err != nil {
		return clock.Date{}, err
	}
	end := dayOf(ns(start)).addMonths(term.Months()).add(-1)
	if end >= endDay {
		return clock.Date{}, pastRange("start", start, end)
	}
	return end.date(), nil
}

// EndOfTrial returns the end date of a trial of the given days whose first
// day is start's UTC date: its last day, start+days−1 (a 30-day trial
// started on 2026-05-01 ends on 2026-05-30 and, under DC-3b, converts on
// 2026-05-31, AC-43). start is an instant, read in UTC as [EndOfTerm]
// reads it. days must be positive; a zero start or one outside 1900–2200,
// and an end date on or after 2200-01-01 are a *FieldError.
func EndOfTrial(start time.Time, days int) (clock.Date, error) {
	if days < 1 {
		return clock.Date{}, &FieldError{Field: "days", Value: days, Reason: "a trial lasts at least one day"}
	}
	if err := checkInstant("start", start); err != nil {
		return clock.Date{}, err
	}
	d0 := dayOf(ns(start))
	if int64(days) > int64(endDay-d0) { // no int conversion can wrap
		return clock.Date{}, &FieldError{Field: "days", Value: days,
			Reason: "the trial would end on or after 2200-01-01, past the supported range"}
	}
	return d0.add(days - 1).date(), nil
}

// pastRange reports an end date past the supported range, computed from
// field's value.
func pastRange(field string, v any, end day) *FieldError {
	return &FieldError{Field: field, Value: v,
		Reason: "the term would end on " + end.date().String() + ", past the supported range (end dates before 2200-01-01)"}
}
