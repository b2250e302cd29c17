package lifecycle

import (
	"encoding/json"
	"errors"
	"time"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/internal/strictjson"
	"github.com/lapse-go/lapse/lang"
	"github.com/lapse-go/lapse/policy"
)

// SubscriptionFormat names the JSON form of a subscription that this
// version of lapse writes and reads: the "format" field of every
// document, described in docs/subscription-json.md. A document of another
// format is refused, never half read.
const SubscriptionFormat = "lapse-subscription/v1"

// specJSON is the JSON form of a Spec, lapse-subscription/v1: keys in
// lowerCamelCase, enums by their text names, instants in RFC 3339 in UTC
// to the nanosecond, the end date as a date; zero, false and empty fields
// omitted (a valid subscription always has channel, term, start and end).
// docs/lapse-subscription-v1.schema.json is its schema, which a test
// keeps equal to these keys.
type specJSON struct {
	Format           string            `json:"format"`
	ID               string            `json:"id,omitempty"`
	Channel          policy.Channel    `json:"channel,omitzero"`
	Term             policy.Term       `json:"term,omitzero"`
	Product          policy.Product    `json:"product,omitempty"`
	Offer            string            `json:"offer,omitempty"`
	Country          string            `json:"country,omitempty"`
	Start            time.Time         `json:"start,omitzero"`
	End              clock.Date        `json:"end,omitzero"`
	Licenses         int               `json:"licenses,omitempty"`
	Assigned         int               `json:"assigned,omitempty"`
	Trial            bool              `json:"trial,omitempty"`
	ProductKey       bool              `json:"productKey,omitempty"`
	ProductKeyID     string            `json:"productKeyId,omitempty"`
	PaymentMethod    bool              `json:"paymentMethod,omitempty"`
	RecurringBilling bool              `json:"recurringBilling,omitempty"`
	NonUser          bool              `json:"nonUser,omitempty"`
	ViaSeller        bool              `json:"viaSeller,omitempty"`
	OfferClass       policy.OfferClass `json:"offerClass,omitzero"`
	WindowFrom       time.Time         `json:"windowFrom,omitzero"`
	History          []Event           `json:"history,omitzero"` // nil omitted, empty kept
}

// eventJSON is the JSON form of an Event: the same fields, so that the
// conversions between them check that none is forgotten.
type eventJSON struct {
	Kind       EventKind `json:"kind,omitzero"`
	At         time.Time `json:"at,omitzero"`
	Actor      Role      `json:"actor,omitzero"`
	Licenses   int       `json:"licenses,omitempty"`
	Assigned   int       `json:"assigned,omitempty"`
	ProductKey string    `json:"productKey,omitempty"`
}

// utc returns t in UTC, and the zero time as it is.
func utc(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC()
}

// MarshalJSON implements json.Marshaler: the document of
// lapse-subscription/v1 ([SubscriptionFormat]), without validation — a
// Spec may be invalid — except that an enum that is set must have a name.
// Zero, false and empty fields are omitted, the zero Actor of an event
// among them.
func (sp Spec) MarshalJSON() ([]byte, error) {
	j := specJSON{
		Format: SubscriptionFormat, ID: sp.ID, Channel: sp.Channel, Term: sp.Term, Product: sp.Product,
		Offer: sp.Offer, Country: sp.Country, Start: utc(sp.Start), End: sp.End,
		Licenses: sp.Licenses, Assigned: sp.Assigned, Trial: sp.Trial, ProductKey: sp.ProductKey,
		ProductKeyID: sp.ProductKeyID, PaymentMethod: sp.PaymentMethod, RecurringBilling: sp.RecurringBilling,
		NonUser: sp.NonUser, ViaSeller: sp.ViaSeller, OfferClass: sp.OfferClass, WindowFrom: utc(sp.WindowFrom),
		History: sp.History,
	}
	return json.Marshal(j)
}

// UnmarshalJSON implements json.Unmarshaler, reading a document of
// lapse-subscription/v1 without validating it (see [New]): "format" is
// required and must be [SubscriptionFormat]; a field the format does not
// have is refused rather than dropped, and so is a field given twice, an
// enum given as a number, or a value of the wrong type — each as a
// *FieldError naming the field by its JSON path, such as
// "history[2].kind". On error *sp is unchanged.
func (sp *Spec) UnmarshalJSON(b []byte) error {
	var j specJSON
	if err := strictjson.Decode(b, &j); err != nil {
		return jsonError(err, "Spec")
	}
	if err := checkFormat(j.Format); err != nil {
		return err
	}
	out := Spec{
		ID: j.ID, Channel: j.Channel, Term: j.Term, Product: j.Product, Offer: j.Offer, Country: j.Country,
		Start: j.Start, Licenses: j.Licenses, Assigned: j.Assigned, Trial: j.Trial, ProductKey: j.ProductKey,
		ProductKeyID: j.ProductKeyID, PaymentMethod: j.PaymentMethod, RecurringBilling: j.RecurringBilling,
		NonUser: j.NonUser, ViaSeller: j.ViaSeller, OfferClass: j.OfferClass, WindowFrom: j.WindowFrom,
		History: j.History,
	}
	out.End = j.End
	*sp = out
	return nil
}

// checkFormat refuses a document of a format other than this version's.
func checkFormat(f string) error {
	switch f {
	case SubscriptionFormat:
		return nil
	case "":
		return &FieldError{Field: "format", Value: f, Reason: "required: want " + SubscriptionFormat}
	}
	return &FieldError{Field: "format", Value: f, Reason: "unsupported format: this version of lapse reads " + SubscriptionFormat}
}

// MarshalJSON implements json.Marshaler: {"kind", "at", "actor",
// "licenses", "assigned", "productKey"}, the kind and actor by name, the
// instant in RFC 3339 in UTC; zero fields (an actor not recorded) are
// omitted. An invalid kind or role that is set is an error.
func (e Event) MarshalJSON() ([]byte, error) {
	j := eventJSON(e)
	j.At = utc(e.At)
	return json.Marshal(j)
}

// UnmarshalJSON implements json.Unmarshaler, reading what MarshalJSON
// writes without validating it (see [New]); an unknown field, a kind or
// role given as a number or unknown name is a *FieldError naming it.
func (e *Event) UnmarshalJSON(b []byte) error {
	var j eventJSON
	if err := strictjson.Decode(b, &j); err != nil {
		return jsonError(err, "Event")
	}
	*e = Event(j)
	return nil
}

// MarshalJSON implements json.Marshaler: the subscription's [Spec] as a
// document of lapse-subscription/v1 ([SubscriptionFormat],
// docs/subscription-json.md), history included. The zero Subscription is
// not a subscription and is an error, not {} and not null: a field that
// may hold no subscription is a *Subscription, which writes null when nil.
func (s Subscription) MarshalJSON() ([]byte, error) {
	if s.IsZero() {
		return nil, &FieldError{Field: "Subscription", Value: "zero", Reason: "not built with lifecycle.New: there is no subscription to write"}
	}
	return s.sub.spec.MarshalJSON()
}

// UnmarshalJSON implements json.Unmarshaler: it reads a document of
// lapse-subscription/v1 as [Spec.UnmarshalJSON] does, then validates it
// with [New], so that the result is a valid Subscription or an error
// naming the field (a *FieldError, *HistoryError, …, all matching
// ErrInvalid). JSON null is an error too: it is no subscription (decode
// into a *Subscription to allow one). On error *s is unchanged.
func (s *Subscription) UnmarshalJSON(b []byte) error {
	var sp Spec
	if err := sp.UnmarshalJSON(b); err != nil {
		return err
	}
	v, err := New(sp)
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// versionJSON is the JSON form of a policy version: what identifies it to
// a reader (policy.Version is a handle into a table and cannot be read
// back).
type versionJSON struct {
	Label string    `json:"label,omitempty"`
	From  time.Time `json:"from,omitzero"`
	Until time.Time `json:"until,omitzero"`
}

func versionOf(v policy.Version) *versionJSON {
	if v.IsZero() {
		return nil
	}
	return &versionJSON{Label: v.Label(), From: utc(v.From()), Until: utc(v.Until())}
}

// phaseJSON is the JSON form of a Phase.
type phaseJSON struct {
	State   State        `json:"state,omitzero"`
	Cause   Cause        `json:"cause,omitzero"`
	Start   time.Time    `json:"start,omitzero"`
	End     time.Time    `json:"end,omitzero"`
	Trial   bool         `json:"trial,omitempty"`
	EST     bool         `json:"est,omitempty"`
	Version *versionJSON `json:"version,omitempty"`
}

// MarshalJSON implements json.Marshaler: {"state", "cause", "start",
// "end", "trial", "est", "version"}, the state and cause by name, instants
// in RFC 3339 in UTC, "end" omitted for the open-ended last phase, and the
// version as {"label", "from", "until"}: a [policy.Version] is a handle
// into a policy table, which JSON cannot carry.
func (p Phase) MarshalJSON() ([]byte, error) {
	return json.Marshal(phaseJSON{State: p.State, Cause: p.Cause, Start: utc(p.Start), End: utc(p.End),
		Trial: p.Trial, EST: p.ExtendedServiceTerm, Version: versionOf(p.Version)})
}

// UnmarshalJSON implements json.Unmarshaler, reading what MarshalJSON
// writes. The version is read and checked but left the zero
// policy.Version: it cannot be rebuilt without the table; judge the
// subscription again ([Lifecycle.Phases]) for the versions. An unknown
// field is a *FieldError naming it.
func (p *Phase) UnmarshalJSON(b []byte) error {
	var j phaseJSON
	if err := strictjson.Decode(b, &j); err != nil {
		return jsonError(err, "Phase")
	}
	*p = Phase{State: j.State, Cause: j.Cause, Start: j.Start, End: j.End, Trial: j.Trial, ExtendedServiceTerm: j.EST}
	return nil
}

// capabilitiesJSON is the JSON form of Capabilities: the same fields, so
// that the conversions between them check that none is forgotten.
type capabilitiesJSON struct {
	Services                    bool       `json:"services"`
	Data                        DataAccess `json:"data,omitzero"`
	OfficeApps                  AppsMode   `json:"officeApps,omitzero"`
	AdminCenter                 bool       `json:"adminCenter"`
	AssignLicenses              bool       `json:"assignLicenses"`
	AssignLicensesRoles         RoleSet    `json:"assignLicensesRoles"`
	Reactivate                  bool       `json:"reactivate"`
	ReactivateRoles             RoleSet    `json:"reactivateRoles"`
	ChangeRecurringBilling      bool       `json:"changeRecurringBilling"`
	ChangeRecurringBillingRoles RoleSet    `json:"changeRecurringBillingRoles"`
	Cancel                      bool       `json:"cancel"`
	CancelRoles                 RoleSet    `json:"cancelRoles"`
	Delete                      bool       `json:"delete"`
	DeleteRoles                 RoleSet    `json:"deleteRoles"`
	RemovePaymentMethod         bool       `json:"removePaymentMethod"`
	BuyOtherSubscriptions       bool       `json:"buyOtherSubscriptions"`
	PartnerBilled               Billing    `json:"partnerBilled,omitzero"`
}

// MarshalJSON implements json.Marshaler: every answer under its
// lowerCamelCase name, flags as true or false, data access, apps mode and
// partner billing by name, role sets as lists of role names.
func (c Capabilities) MarshalJSON() ([]byte, error) { return json.Marshal(capabilitiesJSON(c)) }

// UnmarshalJSON implements json.Unmarshaler, reading what MarshalJSON
// writes; an unknown field is a *FieldError naming it.
func (c *Capabilities) UnmarshalJSON(b []byte) error {
	var j capabilitiesJSON
	if err := strictjson.Decode(b, &j); err != nil {
		return jsonError(err, "Capabilities")
	}
	*c = Capabilities(j)
	return nil
}

// reasonJSON is the JSON form of a Reason.
type reasonJSON struct {
	Topic   string       `json:"topic,omitempty"`
	Text    string       `json:"text,omitempty"`
	Rules   string       `json:"rules,omitempty"`
	Sources string       `json:"sources,omitempty"`
	Message lang.Message `json:"message"`
}

// MarshalJSON implements json.Marshaler: {"topic", "text", "rules",
// "sources", "message"}, the message as lang.Message writes it (its key
// and typed arguments), so that a stored reason renders in every
// language.
func (r Reason) MarshalJSON() ([]byte, error) { return json.Marshal(reasonJSON(r)) }

// UnmarshalJSON implements json.Unmarshaler, reading what MarshalJSON
// writes; an unknown field is a *FieldError naming it.
func (r *Reason) UnmarshalJSON(b []byte) error {
	var j reasonJSON
	if err := strictjson.Decode(b, &j); err != nil {
		return jsonError(err, "Reason")
	}
	*r = Reason(j)
	return nil
}

// commandJSON is the JSON form of a Command.
type commandJSON struct {
	Kind          CommandKind `json:"kind,omitzero"`
	Actor         Role        `json:"actor,omitzero"`
	Licenses      int         `json:"licenses,omitempty"`
	Assigned      int         `json:"assigned,omitempty"`
	ProductKey    string      `json:"productKey,omitempty"`
	CustomDomains []string    `json:"customDomains,omitzero"` // nil omitted, empty kept
}

// MarshalJSON implements json.Marshaler: {"kind", "actor", "licenses",
// "assigned", "productKey", "customDomains"}, kind and actor by name, zero
// fields omitted.
func (c Command) MarshalJSON() ([]byte, error) { return json.Marshal(commandJSON(c)) }

// UnmarshalJSON implements json.Unmarshaler, reading what MarshalJSON
// writes without validating it ([Lifecycle.Apply] does); an unknown field
// is a *FieldError naming it.
func (c *Command) UnmarshalJSON(b []byte) error {
	var j commandJSON
	if err := strictjson.Decode(b, &j); err != nil {
		return jsonError(err, "Command")
	}
	*c = Command(j)
	return nil
}

// priceJSON is the JSON form of a Price.
type priceJSON struct {
	PerLicense *Money      `json:"perLicense,omitempty"`
	Billing    policy.Term `json:"billing,omitzero"`
}

// moneyRef returns m, or nil for the zero Money (zero of no currency),
// which the JSON forms omit. Money's IsZero is true for a zero amount of a
// currency too, so omitzero would lose that currency.
func moneyRef(m Money) *Money {
	if m == (Money{}) {
		return nil
	}
	return &m
}

// moneyOf returns *m, or the zero Money for nil.
func moneyOf(m *Money) Money {
	if m == nil {
		return Money{}
	}
	return *m
}

// MarshalJSON implements json.Marshaler: {"perLicense": Money,
// "billing": "monthly"}, the zero Money omitted.
func (p Price) MarshalJSON() ([]byte, error) {
	return json.Marshal(priceJSON{PerLicense: moneyRef(p.PerLicense), Billing: p.Billing})
}

// UnmarshalJSON implements json.Unmarshaler, reading what MarshalJSON
// writes; an unknown field is a *FieldError naming it.
func (p *Price) UnmarshalJSON(b []byte) error {
	var j priceJSON
	if err := strictjson.Decode(b, &j); err != nil {
		return jsonError(err, "Price")
	}
	*p = Price{PerLicense: moneyOf(j.PerLicense), Billing: j.Billing}
	return nil
}

// paymentMethodJSON is the JSON form of a PaymentMethod.
type paymentMethodJSON struct {
	Kind    PaymentKind `json:"kind,omitzero"`
	Country string      `json:"country,omitempty"`
}

// MarshalJSON implements json.Marshaler: {"kind": "card", "country":
// "DE"}.
func (pm PaymentMethod) MarshalJSON() ([]byte, error) { return json.Marshal(paymentMethodJSON(pm)) }

// UnmarshalJSON implements json.Unmarshaler, reading what MarshalJSON
// writes; an unknown field is a *FieldError naming it.
func (pm *PaymentMethod) UnmarshalJSON(b []byte) error {
	var j paymentMethodJSON
	if err := strictjson.Decode(b, &j); err != nil {
		return jsonError(err, "PaymentMethod")
	}
	*pm = PaymentMethod(j)
	return nil
}

// refundJSON is the JSON form of a Refund.
type refundJSON struct {
	Kind         RefundKind   `json:"kind,omitzero"`
	Licenses     int          `json:"licenses,omitempty"`
	Paid         *Money       `json:"paid,omitempty"`
	Used         *Money       `json:"used,omitempty"`
	Amount       *Money       `json:"amount,omitempty"`
	Fee          *Money       `json:"fee,omitempty"`
	PeriodStart  clock.Date   `json:"periodStart,omitzero"`
	PeriodEnd    clock.Date   `json:"periodEnd,omitzero"`
	DaysUsed     int          `json:"daysUsed,omitempty"`
	DaysInPeriod int          `json:"daysInPeriod,omitempty"`
	Rule         string       `json:"rule,omitempty"`
	Sources      string       `json:"sources,omitempty"`
	Note         string       `json:"note,omitempty"`
	Refusal      *refusalJSON `json:"refusal,omitempty"`
}

// refusalJSON is the JSON form of the refusal of a Refund: its words and
// the sentinels it matches.
type refusalJSON struct {
	Error string   `json:"error"`
	Is    []string `json:"is,omitempty"`
}

// sentinels are the errors a stored refusal can match, by name.
var sentinels = []struct {
	name string
	err  error
}{
	{"invalid", ErrInvalid}, {"history", ErrHistory}, {"rules-mismatch", ErrRulesMismatch},
	{"history-limit", ErrHistoryLimit}, {"not-modelled", ErrNotModelled}, {"refused", ErrRefused},
	{"role", ErrRole}, {"state", ErrState}, {"window-closed", ErrWindowClosed},
	{"license-limit", ErrLicenseLimit}, {"precondition", ErrPrecondition},
	{"not-offered", ErrNotOffered}, {"sales-ended", ErrSalesEnded},
}

// storedError is an error read back from JSON: its text, and the
// sentinels the error it was written from matched.
type storedError struct {
	text string
	is   []error
}

// Error returns the text of the error it was written from.
func (e *storedError) Error() string { return e.text }

// Is reports whether the error it was written from matched target.
func (e *storedError) Is(target error) bool {
	for _, s := range e.is {
		if s == target {
			return true
		}
	}
	return false
}

// MarshalJSON implements json.Marshaler: the kind by name, amounts as
// Money writes them (the zero Money omitted), the billing period's bounds in RFC 3339 in UTC, zero
// fields omitted, and a refusal as {"error": its text, "is": the names of
// the sentinels it matches, such as ["refused", "window-closed"]}.
func (q Refund) MarshalJSON() ([]byte, error) {
	j := refundJSON{Kind: q.Kind, Licenses: q.Licenses, Paid: moneyRef(q.Paid), Used: moneyRef(q.Used),
		Amount: moneyRef(q.Amount), Fee: moneyRef(q.Fee),
		PeriodStart: q.PeriodStart, PeriodEnd: q.PeriodEnd, DaysUsed: q.DaysUsed, DaysInPeriod: q.DaysInPeriod,
		Rule: q.Rule, Sources: q.Sources, Note: q.Note}
	if q.Refusal != nil {
		j.Refusal = &refusalJSON{Error: q.Refusal.Error()}
		for _, s := range sentinels {
			if errors.Is(q.Refusal, s.err) {
				j.Refusal.Is = append(j.Refusal.Is, s.name)
			}
		}
	}
	return json.Marshal(j)
}

// UnmarshalJSON implements json.Unmarshaler, reading what MarshalJSON
// writes. A refusal reads back as an error with the same text that
// matches the same sentinels with errors.Is (ErrRefused,
// ErrWindowClosed…), but it is not a *RefusalError: its words in other
// languages are not stored. An unknown field or sentinel name is a
// *FieldError naming it.
func (q *Refund) UnmarshalJSON(b []byte) error {
	var j refundJSON
	if err := strictjson.Decode(b, &j); err != nil {
		return jsonError(err, "Refund")
	}
	out := Refund{Kind: j.Kind, Licenses: j.Licenses, Paid: moneyOf(j.Paid), Used: moneyOf(j.Used),
		Amount: moneyOf(j.Amount), Fee: moneyOf(j.Fee),
		PeriodStart: j.PeriodStart, PeriodEnd: j.PeriodEnd, DaysUsed: j.DaysUsed, DaysInPeriod: j.DaysInPeriod,
		Rule: j.Rule, Sources: j.Sources, Note: j.Note}
	if r := j.Refusal; r != nil {
		e := &storedError{text: r.Error}
	names:
		for _, n := range r.Is {
			for _, s := range sentinels {
				if s.name == n {
					e.is = append(e.is, s.err)
					continue names
				}
			}
			return &FieldError{Field: "refusal.is", Value: n, Reason: "not the name of a lifecycle sentinel error"}
		}
		out.Refusal = e
	}
	*q = out
	return nil
}

// VersionLabels are the labels of the versions of the policy that judged a
// status ([Versions]), such as "2025-02": what a stored answer can keep of
// them, since a policy.Version is a handle into a table. An empty label is
// a version without one, or none. It is a plain value.
type VersionLabels struct {
	// Lifecycle, Window and Commands are the labels of the versions of
	// the same names in Versions.
	Lifecycle string `json:"lifecycle,omitempty"`
	Window    string `json:"window,omitempty"`
	Commands  string `json:"commands,omitempty"`
}

// Labels returns the labels of the versions.
func (v Versions) Labels() VersionLabels {
	return VersionLabels{Lifecycle: v.Lifecycle.Label(), Window: v.Window.Label(), Commands: v.Commands.Label()}
}

// MarshalJSON implements json.Marshaler: the labels, as
// [VersionLabels] writes them. Versions cannot be read back — a
// policy.Version is a handle into a policy table — and decoding into one
// is an error; read [VersionLabels] instead.
func (v Versions) MarshalJSON() ([]byte, error) { return json.Marshal(v.Labels()) }

// jsonError turns an error of strictjson.Decode into a *FieldError whose
// Field is the JSON path of the value refused, through the errors of the
// nested values' own decoders; what names the whole value.
func jsonError(err error, what string) error {
	var e *strictjson.Error
	if !errors.As(err, &e) {
		return err
	}
	out := &FieldError{Field: e.Path, Value: e.Value, Reason: e.Reason}
	var fe *FieldError
	var le *lang.FieldError
	var pe *policy.FieldError
	switch {
	case e.Reason != "":
	case errors.As(e.Err, &fe):
		out.Field, out.Value, out.Reason = nested(out.Field, fe.Field), fe.Value, fe.Reason
	case errors.As(e.Err, &le):
		out.Field, out.Value, out.Reason = nested(out.Field, le.Field), le.Value, le.Reason
	case errors.As(e.Err, &pe):
		out.Reason = pe.Reason // an enum's own error names its type, not the field
	case e.Err != nil:
		out.Reason = e.Err.Error()
	}
	if out.Field == "" {
		out.Field = what
	}
	return out
}

// nested returns the path of a nested value's field: inner when it is a
// JSON path (lower case, or an index) within the value at path, else path
// (inner names a Go type, such as "EventKind" or "Message").
func nested(path, inner string) string {
	if inner != "" && (inner[0] == '[' || (inner[0] >= 'a' && inner[0] <= 'z')) {
		return strictjson.Join(path, inner)
	}
	return path
}
