package policy

import (
	"strings"

	"github.com/lapse-go/lapse/internal/enumtext"
)

// enum is the set of small named integer types of this package whose zero
// value is invalid. names[0] is always "" so that the zero value never has a
// name.
type enum interface {
	~uint8
}

func enumString[T enum](v T, names []string, typ string) string {
	return enumtext.String(v, names, typ)
}

func enumValid[T enum](v T, names []string) bool { return enumtext.Valid(v, names) }

func enumMarshal[T enum](v T, names []string, typ string) ([]byte, error) {
	if !enumValid(v, names) {
		return nil, &FieldError{Field: typ, Value: uint8(v), Reason: "not a valid " + typ}
	}
	return []byte(names[v]), nil
}

func enumParse[T enum](s string, names []string, typ string) (T, error) {
	if i := enumtext.Index(names, s); i > 0 {
		return T(i), nil
	}
	return 0, &FieldError{Field: typ, Value: s, Reason: "unknown " + typ + "; want one of " + strings.Join(names[1:], ", ")}
}

// Channel is the purchase channel of a subscription. The zero value is
// invalid, so a forgotten channel is an error rather than a silent default.
type Channel uint8

// The purchase channels of RULES.md §1.1.
const (
	// DirectMOSA is bought in the Microsoft 365 admin center under the
	// Microsoft Online Subscription Agreement (card or invoice), §1.1 rows 1
	// and 14 (product keys).
	DirectMOSA Channel = iota + 1
	// DirectMCA is bought directly under a Microsoft Customer Agreement
	// (billing account and billing profile), §1.1 rows 2 and 3.
	DirectMCA
	// Enterprise is an enterprise customer's subscription by term (monthly,
	// annual, multi-year), §1.1 rows 4–6.
	Enterprise
	// VolumeLicensing is an Enterprise Agreement (EA/EAS, Select Plus, MPSA)
	// subscription, §1.1 rows 7 and 7a.
	VolumeLicensing
	// OpenValue is Open Value and Open Value Subscription, §1.1 row 8.
	OpenValue
	// OpenLicense is the retired Open License program, §1.1 row 8a: existing
	// subscriptions run their lifecycle, new purchases and renewals end on
	// 2022-01-01.
	OpenLicense
	// CSPNewCommerce is a Cloud Solution Provider new-commerce (NCE)
	// license-based subscription, §1.1 rows 9 and 12.
	CSPNewCommerce
	// CSPLegacy is a Cloud Solution Provider legacy (traditional)
	// subscription, §1.1 rows 10 and 13.
	CSPLegacy
)

var channelNames = []string{"", "direct-mosa", "direct-mca", "enterprise", "volume-licensing", "open-value", "open-license", "csp-nce", "csp-legacy"}

// Channels lists every valid channel in declaration order.
func Channels() []Channel {
	out := make([]Channel, 0, len(channelNames)-1)
	for i := 1; i < len(channelNames); i++ {
		out = append(out, Channel(i))
	}
	return out
}

// String returns the channel's text name, such as "direct-mosa", or
// "%!Channel(n)" for an invalid value.
func (c Channel) String() string { return enumString(c, channelNames, "Channel") }

// IsValid reports whether c is one of the declared channels.
func (c Channel) IsValid() bool { return enumValid(c, channelNames) }

// IsCSP reports whether c is a Cloud Solution Provider channel (Partner
// Center), where the partner, not the customer, transacts.
func (c Channel) IsCSP() bool { return c == CSPNewCommerce || c == CSPLegacy }

// IsDirect reports whether c is bought directly from Microsoft (MOSA or MCA).
func (c Channel) IsDirect() bool { return c == DirectMOSA || c == DirectMCA }

// MarshalText implements encoding.TextMarshaler; an invalid channel is an
// error.
func (c Channel) MarshalText() ([]byte, error) { return enumMarshal(c, channelNames, "Channel") }

// UnmarshalText implements encoding.TextUnmarshaler.
func (c *Channel) UnmarshalText(b []byte) error {
	v, err := ParseChannel(string(b))
	if err == nil {
		*c = v
	}
	return err
}

// ParseChannel parses a channel's text name. The error names the value and
// the accepted names.
func ParseChannel(s string) (Channel, error) { return enumParse[Channel](s, channelNames, "Channel") }

// Term is a subscription's commitment term. The zero value is invalid.
type Term uint8

// Commitment terms.
const (
	// Monthly is a one-month term.
	Monthly Term = iota + 1
	// Annual is a one-year term.
	Annual
	// MultiYear is a three-year term (the "three-year" of direct and CSP
	// offers, the "multi-year" of the enterprise table).
	MultiYear
)

var termNames = []string{"", "monthly", "annual", "multi-year"}

// Terms lists every valid term in declaration order.
func Terms() []Term { return []Term{Monthly, Annual, MultiYear} }

// String returns the term's text name, such as "annual".
func (t Term) String() string { return enumString(t, termNames, "Term") }

// IsValid reports whether t is one of the declared terms.
func (t Term) IsValid() bool { return enumValid(t, termNames) }

// Months returns the length of the term in calendar months (1, 12 or 36),
// or 0 for an invalid term.
func (t Term) Months() int {
	switch t {
	case Monthly:
		return 1
	case Annual:
		return 12
	case MultiYear:
		return 36
	}
	return 0
}

// MarshalText implements encoding.TextMarshaler.
func (t Term) MarshalText() ([]byte, error) { return enumMarshal(t, termNames, "Term") }

// UnmarshalText implements encoding.TextUnmarshaler.
func (t *Term) UnmarshalText(b []byte) error {
	v, err := ParseTerm(string(b))
	if err == nil {
		*t = v
	}
	return err
}

// ParseTerm parses a term's text name.
func ParseTerm(s string) (Term, error) { return enumParse[Term](s, termNames, "Term") }

// TermSet is a set of terms; the zero set matches every term.
type TermSet uint8

// TermsOf returns the set holding ts.
func TermsOf(ts ...Term) TermSet {
	var s TermSet
	for _, t := range ts {
		s |= 1 << t
	}
	return s
}

// Has reports whether the set holds t; the empty set holds every term.
func (s TermSet) Has(t Term) bool { return s == 0 || s&(1<<t) != 0 }

// List returns the terms in the set in declaration order (nil for the
// empty set, which means "any term").
func (s TermSet) List() []Term {
	var out []Term
	for _, t := range Terms() {
		if s&(1<<t) != 0 {
			out = append(out, t)
		}
	}
	return out
}

// String returns the terms joined by "|", or "any".
func (s TermSet) String() string {
	if s == 0 {
		return "any"
	}
	var parts []string
	for _, t := range s.List() {
		parts = append(parts, t.String())
	}
	return strings.Join(parts, "|")
}

// Product names a product or offer (SKU family). Products are open-ended:
// the empty Product means "no specific product" and matches only rows that
// name no product. The constants are the products the specification gives
// rules for.
type Product string

// Products with product-specific rules in RULES.md.
const (
	// Copilot is "some Microsoft 365 Copilot subscriptions" bought through
	// Volume Licensing, with a 30-day grace period (§1.1 row 7a).
	Copilot Product = "microsoft-365-copilot"
	// PowerBIPremiumP is Power BI Premium P plans bought through Volume
	// Licensing, with a 30-day grace period (seed S004 only, C-24).
	PowerBIPremiumP Product = "power-bi-premium-p"
	// ExtraFileStorage is Office 365 Extra File Storage, a non-user
	// subscription whose reductions take effect immediately (R-LIC-5).
	ExtraFileStorage Product = "office-365-extra-file-storage"

	// Dynamics365 and Intune were cancelled only by calling support in the
	// Office 365 era: "all other subscriptions (e.g. Microsoft Dynamics 365
	// or Microsoft Intune)" (R-CAN-7(c), [S002]).
	Dynamics365 Product = "dynamics-365"
	Intune      Product = "microsoft-intune"

	// Azure, PowerBIService, FabricTrial, Microsoft365Family and
	// Microsoft365Personal are not cancelled through the Microsoft 365
	// admin center: they "use other processes" (R-CAN-8, [D-CAN-2024-09]).
	Azure                Product = "azure"
	PowerBIService       Product = "power-bi-service"
	FabricTrial          Product = "fabric-trial"
	Microsoft365Family   Product = "microsoft-365-family"
	Microsoft365Personal Product = "microsoft-365-personal"

	// DomainSubscription is a domain bought with the subscription: "If you
	// have a domain subscription and do not want it to renew, turn off
	// recurring billing" (R-CAN-11, [D-CAN-2024-09]).
	DomainSubscription Product = "domain"

	// CSP products other than license-based new-commerce subscriptions
	// (R-CAN-17, [PC-CANPOL-2023-07], [P-PC-CANPOL-LIVE]):
	// BusinessCentral has "7 days", the channel's own window (168 hours,
	// R-CAN-14). SoftwareSubscription ("prorated refund within seven
	// calendar days"), PerpetualSoftware ("Full refund within 30 calendar
	// days of purchase") and MarketplaceSaaS (full refund within 72 hours;
	// 2023: "Monthly 24 hours/yearly 14 days", the change undated) are not
	// modelled: lifecycle.New refuses them on CSP with
	// lifecycle.ErrNotModelled rather than judge them as license-based
	// subscriptions.
	BusinessCentral      Product = "dynamics-365-business-central"
	SoftwareSubscription Product = "software-subscription"
	PerpetualSoftware    Product = "perpetual-software"
	MarketplaceSaaS      Product = "marketplace-saas"
)

// ExpiryAnchor says on which day the Expired state begins relative to the
// subscription end date E (RULES.md DC-3a, DC-3b, C-16).
type ExpiryAnchor uint8

// Expiry anchors.
const (
	// OnEndDate: Expired begins on E itself (DC-3a; direct, enterprise, VL,
	// Open, direct trials).
	OnEndDate ExpiryAnchor = iota + 1
	// DayAfterEndDate: E is the last Active day, "inclusive of the whole
	// day"; Expired begins on E+1 (DC-3b; CSP).
	DayAfterEndDate
)

var anchorNames = []string{"", "on-end-date", "day-after-end-date"}

// String returns the anchor's text name.
func (a ExpiryAnchor) String() string { return enumString(a, anchorNames, "ExpiryAnchor") }

// IsValid reports whether a is a declared anchor.
func (a ExpiryAnchor) IsValid() bool { return enumValid(a, anchorNames) }

// MarshalText implements encoding.TextMarshaler.
func (a ExpiryAnchor) MarshalText() ([]byte, error) {
	return enumMarshal(a, anchorNames, "ExpiryAnchor")
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (a *ExpiryAnchor) UnmarshalText(b []byte) error {
	v, err := enumParse[ExpiryAnchor](string(b), anchorNames, "ExpiryAnchor")
	if err == nil {
		*a = v
	}
	return err
}

// WindowKind says when an action (cancellation, license removal) is open.
type WindowKind uint8

// Window kinds.
const (
	// Anytime: open for the whole Active state (MOSA, R-CAN-1, R-LIC-3).
	Anytime WindowKind = iota + 1
	// Never: never open (for example an Open License cancellation online).
	Never
	// AfterStart: open for Length Units after the start or renewal of the
	// subscription, or after seats were added (R-CAN-3, R-CAN-14, R-LIC-7).
	AfterStart
)

var windowKindNames = []string{"", "anytime", "never", "after-start"}

// String returns the kind's text name.
func (k WindowKind) String() string { return enumString(k, windowKindNames, "WindowKind") }

// IsValid reports whether k is a declared kind.
func (k WindowKind) IsValid() bool { return enumValid(k, windowKindNames) }

// MarshalText implements encoding.TextMarshaler.
func (k WindowKind) MarshalText() ([]byte, error) {
	return enumMarshal(k, windowKindNames, "WindowKind")
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *WindowKind) UnmarshalText(b []byte) error {
	v, err := enumParse[WindowKind](string(b), windowKindNames, "WindowKind")
	if err == nil {
		*k = v
	}
	return err
}

// Unit is the unit of a window's length.
type Unit uint8

// Units.
const (
	// Days are calendar days compared on UTC dates (DC-6): the window is
	// open on date(t0)+Length when Inclusive.
	Days Unit = iota + 1
	// Hours are measured on instants from the exact start timestamp (DC-5):
	// the window is open while now < t0+Length h, or at t0+Length h when
	// Inclusive.
	Hours
)

var unitNames = []string{"", "days", "hours"}

// String returns the unit's text name.
func (u Unit) String() string { return enumString(u, unitNames, "Unit") }

// IsValid reports whether u is a declared unit.
func (u Unit) IsValid() bool { return enumValid(u, unitNames) }

// MarshalText implements encoding.TextMarshaler.
func (u Unit) MarshalText() ([]byte, error) { return enumMarshal(u, unitNames, "Unit") }

// UnmarshalText implements encoding.TextUnmarshaler.
func (u *Unit) UnmarshalText(b []byte) error {
	v, err := enumParse[Unit](string(b), unitNames, "Unit")
	if err == nil {
		*u = v
	}
	return err
}

// CancelEffect is what a cancellation does to the lifecycle (C-7, C-21).
type CancelEffect uint8

// Cancellation effects.
const (
	// CancelToDisabled: Expired is skipped and Disabled begins on the UTC
	// date of the cancellation (R-LC-5, R-LC-6, DC-4; direct).
	CancelToDisabled CancelEffect = iota + 1
	// CancelToDeleted: the subscription is Deleted at the instant of the
	// cancellation, with a backup period (R-DAT-5; CSP new commerce).
	CancelToDeleted
	// CancelAtTermEnd: the cancellation takes effect "as of the next billing
	// cycle" and Disabled begins then (C-21, the ~2013 rule).
	CancelAtTermEnd
)

var cancelEffectNames = []string{"", "disabled", "deleted", "at-term-end"}

// String returns the effect's text name.
func (e CancelEffect) String() string { return enumString(e, cancelEffectNames, "CancelEffect") }

// IsValid reports whether e is a declared effect.
func (e CancelEffect) IsValid() bool { return enumValid(e, cancelEffectNames) }

// MarshalText implements encoding.TextMarshaler.
func (e CancelEffect) MarshalText() ([]byte, error) {
	return enumMarshal(e, cancelEffectNames, "CancelEffect")
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (e *CancelEffect) UnmarshalText(b []byte) error {
	v, err := enumParse[CancelEffect](string(b), cancelEffectNames, "CancelEffect")
	if err == nil {
		*e = v
	}
	return err
}

// LicenseCount says which license count an online-cancellation limit is
// compared with (C-4).
type LicenseCount uint8

// License counts.
const (
	// Purchased compares the licenses in the subscription (2022+).
	Purchased LicenseCount = iota + 1
	// Assigned compares the licenses assigned to users (2013–2021).
	Assigned
)

var licenseCountNames = []string{"", "purchased", "assigned"}

// String returns the count's text name.
func (c LicenseCount) String() string { return enumString(c, licenseCountNames, "LicenseCount") }

// IsValid reports whether c is a declared count.
func (c LicenseCount) IsValid() bool { return enumValid(c, licenseCountNames) }

// MarshalText implements encoding.TextMarshaler.
func (c LicenseCount) MarshalText() ([]byte, error) {
	return enumMarshal(c, licenseCountNames, "LicenseCount")
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (c *LicenseCount) UnmarshalText(b []byte) error {
	v, err := enumParse[LicenseCount](string(b), licenseCountNames, "LicenseCount")
	if err == nil {
		*c = v
	}
	return err
}

// OverLimit is what the sources tell a customer above the online
// cancellation limit to do.
type OverLimit uint8

// Actions above the online cancellation limit.
const (
	// ReduceFirst: reduce to the limit, then cancel online (R-CAN-1).
	ReduceFirst OverLimit = iota + 1
	// CallSupport: call support to cancel (R-CAN-6).
	CallSupport
	// ReduceOrCallSupport: either (R-CAN-5 without billing profile, R-CAN-7).
	ReduceOrCallSupport
)

var overLimitNames = []string{"", "reduce-first", "call-support", "reduce-or-call-support"}

// String returns the action's text name.
func (o OverLimit) String() string { return enumString(o, overLimitNames, "OverLimit") }

// IsValid reports whether o is a declared action.
func (o OverLimit) IsValid() bool { return enumValid(o, overLimitNames) }

// MarshalText implements encoding.TextMarshaler.
func (o OverLimit) MarshalText() ([]byte, error) {
	return enumMarshal(o, overLimitNames, "OverLimit")
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (o *OverLimit) UnmarshalText(b []byte) error {
	v, err := enumParse[OverLimit](string(b), overLimitNames, "OverLimit")
	if err == nil {
		*o = v
	}
	return err
}

// SuspendedAtTermEnd is what happens to a CSP subscription still suspended
// when its term ends (C-8, [AMBIGUOUS]).
type SuspendedAtTermEnd uint8

// Outcomes of a suspension that reaches the term end.
const (
	// DisabledThenDisabled: a 30-day Disabled state, then the 90-day
	// Disabled state, then Deleted (C-8 preferred; PC-LIFE-2023-08).
	DisabledThenDisabled SuspendedAtTermEnd = iota + 1
	// DeletedAtTermEnd: "If the subscription is still suspended by the
	// term's end, the subscription is deleted" (legacy CSP, §1.1 row 10).
	DeletedAtTermEnd
	// DisabledThenDeleted: "services are disabled immediately. Data is
	// deleted after 90 days" (D-WIF-2023-01): one Disabled period of
	// Rules.DisabledDays, then Deleted.
	DisabledThenDeleted
)

var suspendedAtTermEndNames = []string{"", "disabled-then-disabled", "deleted", "disabled-then-deleted"}

// String returns the outcome's text name.
func (s SuspendedAtTermEnd) String() string {
	return enumString(s, suspendedAtTermEndNames, "SuspendedAtTermEnd")
}

// IsValid reports whether s is a declared outcome.
func (s SuspendedAtTermEnd) IsValid() bool { return enumValid(s, suspendedAtTermEndNames) }

// MarshalText implements encoding.TextMarshaler.
func (s SuspendedAtTermEnd) MarshalText() ([]byte, error) {
	return enumMarshal(s, suspendedAtTermEndNames, "SuspendedAtTermEnd")
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *SuspendedAtTermEnd) UnmarshalText(b []byte) error {
	v, err := enumParse[SuspendedAtTermEnd](string(b), suspendedAtTermEndNames, "SuspendedAtTermEnd")
	if err == nil {
		*s = v
	}
	return err
}

// PurgeAnchor says from which day the expiry purge deadline is counted
// (R-DAT-3, [AMBIGUOUS]: "whether 'expiration' is E or the end of Expired").
type PurgeAnchor uint8

// Purge anchors.
const (
	// FromEndDate counts from the subscription end date E (default).
	FromEndDate PurgeAnchor = iota + 1
	// FromExpiredEnd counts from the first day after the Expired state.
	FromExpiredEnd
)

var purgeAnchorNames = []string{"", "end-date", "expired-end"}

// String returns the anchor's text name.
func (p PurgeAnchor) String() string { return enumString(p, purgeAnchorNames, "PurgeAnchor") }

// IsValid reports whether p is a declared anchor.
func (p PurgeAnchor) IsValid() bool { return enumValid(p, purgeAnchorNames) }

// MarshalText implements encoding.TextMarshaler.
func (p PurgeAnchor) MarshalText() ([]byte, error) {
	return enumMarshal(p, purgeAnchorNames, "PurgeAnchor")
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (p *PurgeAnchor) UnmarshalText(b []byte) error {
	v, err := enumParse[PurgeAnchor](string(b), purgeAnchorNames, "PurgeAnchor")
	if err == nil {
		*p = v
	}
	return err
}

// OfferClass is the class of a commercial offer, for the trial rules of
// CSP traditional: "one free trial per offer per customer; none for
// government, education or add-on offers" (R-TRI-8). The zero value is
// invalid; a subscription that does not state its class is commercial.
type OfferClass uint8

// Offer classes.
const (
	// CommercialOffer is an ordinary commercial offer.
	CommercialOffer OfferClass = iota + 1
	// GovernmentOffer is an offer for government customers.
	GovernmentOffer
	// EducationOffer is an offer for education customers.
	EducationOffer
	// AddOnOffer is an add-on to another subscription.
	AddOnOffer
)

var offerClassNames = []string{"", "commercial", "government", "education", "add-on"}

// String returns the class's text name, such as "education".
func (c OfferClass) String() string { return enumString(c, offerClassNames, "OfferClass") }

// IsValid reports whether c is a declared class.
func (c OfferClass) IsValid() bool { return enumValid(c, offerClassNames) }

// MarshalText implements encoding.TextMarshaler.
func (c OfferClass) MarshalText() ([]byte, error) {
	return enumMarshal(c, offerClassNames, "OfferClass")
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (c *OfferClass) UnmarshalText(b []byte) error {
	v, err := enumParse[OfferClass](string(b), offerClassNames, "OfferClass")
	if err == nil {
		*c = v
	}
	return err
}
