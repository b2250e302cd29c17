package policy

import (
	"database/sql/driver"
	"strings"

	"github.com/lapse-go/lapse/internal/enumtext"
)

// enum is the set of small named integer types of this package whose zero
// value is invalid. names[0] is always "" so that the zero value never has a
// name.
type enum interface {
	~uint8
}

func enumValid[T enum](v T, names []string) bool { return enumtext.Valid(v, names) }

// fieldError is this package's enumtext.ErrorFunc.
func fieldError(typ string, v any, reason string) error {
	return &FieldError{Field: typ, Value: v, Reason: reason}
}

// The tables of the enums: their text names, the aliases they also parse
// and this package's errors. Parsing folds ASCII case; output is always
// the canonical name.
var (
	channels = enumtext.New("Channel", channelNames, fieldError,
		enumtext.Alias[Channel]{Name: "mosa", Value: DirectMOSA},
		enumtext.Alias[Channel]{Name: "mca", Value: DirectMCA},
		enumtext.Alias[Channel]{Name: "ea", Value: VolumeLicensing},
		enumtext.Alias[Channel]{Name: "csp-new-commerce", Value: CSPNewCommerce},
		enumtext.Alias[Channel]{Name: "nce", Value: CSPNewCommerce},
		enumtext.Alias[Channel]{Name: "csp-traditional", Value: CSPLegacy},
	)
	terms = enumtext.New("Term", termNames, fieldError,
		enumtext.Alias[Term]{Name: "P1M", Value: Monthly},
		enumtext.Alias[Term]{Name: "P1Y", Value: Annual},
		enumtext.Alias[Term]{Name: "P3Y", Value: MultiYear},
		enumtext.Alias[Term]{Name: "three-year", Value: MultiYear},
	)
	anchors             = enumtext.New[ExpiryAnchor]("ExpiryAnchor", anchorNames, fieldError)
	windowKinds         = enumtext.New[WindowKind]("WindowKind", windowKindNames, fieldError)
	units               = enumtext.New[Unit]("Unit", unitNames, fieldError)
	cancelEffects       = enumtext.New[CancelEffect]("CancelEffect", cancelEffectNames, fieldError)
	licenseCounts       = enumtext.New[LicenseCount]("LicenseCount", licenseCountNames, fieldError)
	overLimits          = enumtext.New[OverLimit]("OverLimit", overLimitNames, fieldError)
	suspendedAtTermEnds = enumtext.New[SuspendedAtTermEnd]("SuspendedAtTermEnd", suspendedAtTermEndNames, fieldError)
	purgeAnchors        = enumtext.New[PurgeAnchor]("PurgeAnchor", purgeAnchorNames, fieldError)
	offerClasses        = enumtext.New[OfferClass]("OfferClass", offerClassNames, fieldError)
)

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
func (c Channel) String() string { return channels.String(c) }

// IsValid reports whether c is one of the declared channels.
func (c Channel) IsValid() bool { return channels.Valid(c) }

// IsCSP reports whether c is a Cloud Solution Provider channel (Partner
// Center), where the partner, not the customer, transacts.
func (c Channel) IsCSP() bool { return c == CSPNewCommerce || c == CSPLegacy }

// IsDirect reports whether c is bought directly from Microsoft (MOSA or MCA).
func (c Channel) IsDirect() bool { return c == DirectMOSA || c == DirectMCA }

// MarshalText implements encoding.TextMarshaler: the channel's canonical
// name. An invalid Channel is a *FieldError naming the value.
func (c Channel) MarshalText() ([]byte, error) { return channels.MarshalText(c) }

// UnmarshalText implements encoding.TextUnmarshaler, reading what
// ParseChannel reads. On error c is unchanged.
func (c *Channel) UnmarshalText(b []byte) error { return channels.UnmarshalText(c, b) }

// Value implements database/sql/driver.Valuer: the canonical name, as a
// string. An invalid Channel is a *FieldError.
func (c Channel) Value() (driver.Value, error) { return channels.Value(c) }

// Scan implements database/sql.Scanner: a string or []byte column is read
// as UnmarshalText reads it. SQL NULL and other types are a *FieldError;
// scan a nullable column into a sql.Null[Channel].
func (c *Channel) Scan(src any) error { return channels.Scan(c, src) }

// ParseChannel parses a channel's text name, such as "csp-nce", in any
// ASCII case ("CSP-NCE", "Csp-Nce"). It also accepts these aliases, which
// are read but never written (String and MarshalText give the canonical
// name):
//
//	mosa              DirectMOSA (a direct MOSA subscription)
//	mca               DirectMCA (bought directly under an MCA; a CSP
//	                  customer's MCA acceptance does not make it direct)
//	ea                VolumeLicensing (an Enterprise Agreement)
//	csp-new-commerce  CSPNewCommerce
//	nce               CSPNewCommerce
//	csp-traditional   CSPLegacy (Partner Center's name for legacy CSP)
//
// Names that could mean more than one channel, such as "open" (Open Value
// or Open License) or "csp", are refused. The error, a *FieldError, names
// the value and the accepted names and aliases.
func ParseChannel(s string) (Channel, error) { return channels.Parse(s) }

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
func (t Term) String() string { return terms.String(t) }

// IsValid reports whether t is one of the declared terms.
func (t Term) IsValid() bool { return terms.Valid(t) }

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

// MarshalText implements encoding.TextMarshaler: the term's canonical
// name. An invalid Term is a *FieldError naming the value.
func (t Term) MarshalText() ([]byte, error) { return terms.MarshalText(t) }

// UnmarshalText implements encoding.TextUnmarshaler, reading what
// ParseTerm reads. On error t is unchanged.
func (t *Term) UnmarshalText(b []byte) error { return terms.UnmarshalText(t, b) }

// Value implements database/sql/driver.Valuer: the canonical name, as a
// string. An invalid Term is a *FieldError.
func (t Term) Value() (driver.Value, error) { return terms.Value(t) }

// Scan implements database/sql.Scanner: a string or []byte column is read
// as UnmarshalText reads it. SQL NULL and other types are a *FieldError;
// scan a nullable column into a sql.Null[Term].
func (t *Term) Scan(src any) error { return terms.Scan(t, src) }

// ParseTerm parses a term's text name, such as "annual", in any ASCII case.
// It also accepts Partner Center's ISO 8601 termDuration values "P1M",
// "P1Y" and "P3Y" (in any case) and "three-year", the direct and CSP
// offers' name for MultiYear; these aliases are read but never written
// (String and MarshalText give the canonical name). Other durations, such
// as "P5Y" or "P12M", are refused. The error, a *FieldError, names the
// value and the accepted names and aliases.
func ParseTerm(s string) (Term, error) { return terms.Parse(s) }

// termExact returns the term named exactly name, or 0: policy files, which
// lapse writes and reads, hold canonical names only.
func termExact(name string) Term { return Term(enumtext.Index(termNames, name)) }

// TermSet is a set of terms; the zero set matches every term.
//
// As text (MarshalText, String, and Value for a database column) a set is
// its terms' names joined by "|" in declaration order, such as
// "monthly|annual", and the empty set is "any". As JSON it is an array of
// names, such as ["monthly","annual"], and the empty set, which means any
// term, is []: a set listing every term is a different value that matches
// the same terms, and keeps its names. Reading accepts what ParseTerm
// accepts for each name, and repeated names.
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

// anyTerm is the text of the empty TermSet.
const anyTerm = "any"

// names returns the set's term names, or a *FieldError when it holds a
// bit that names no term (a TermSet made by conversion, not by TermsOf).
func (s TermSet) names() ([]string, error) {
	names, ok := enumtext.SetNames(terms, s)
	if !ok {
		return nil, &FieldError{Field: "TermSet", Value: uint8(s), Reason: "holds a bit that names no term"}
	}
	return names, nil
}

// MarshalText implements encoding.TextMarshaler: the names joined by "|",
// or "any" for the empty set, as String. A set holding a bit that names no
// term is a *FieldError.
func (s TermSet) MarshalText() ([]byte, error) {
	names, err := s.names()
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return []byte(anyTerm), nil
	}
	return []byte(strings.Join(names, "|")), nil
}

// UnmarshalText implements encoding.TextUnmarshaler: "any" (in any ASCII
// case) is the empty set, anything else term names joined by "|", each
// read as ParseTerm reads it. An empty text, an empty name ("annual|") or
// "any" beside a term is a *FieldError; on error s is unchanged.
func (s *TermSet) UnmarshalText(b []byte) error {
	text := string(b)
	if enumtext.EqualFold(text, anyTerm) {
		*s = 0
		return nil
	}
	if text == "" {
		return &FieldError{Field: "TermSet", Value: text, Reason: `want "any" or term names joined by "|"`}
	}
	v, err := enumtext.ParseSet[TermSet](terms, "TermSet", strings.Split(text, "|"))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// MarshalJSON implements json.Marshaler: an array of the names in
// declaration order, [] for the empty set (any term). A set holding a bit
// that names no term is a *FieldError.
func (s TermSet) MarshalJSON() ([]byte, error) {
	names, err := s.names()
	if err != nil {
		return nil, err
	}
	return enumtext.SetJSON(names)
}

// UnmarshalJSON implements json.Unmarshaler: an array of term names, each
// read as ParseTerm reads it; [] is the empty set (any term). As with
// encoding/json's own types, null leaves s unchanged. Anything else is a
// *FieldError; on error s is unchanged.
func (s *TermSet) UnmarshalJSON(b []byte) error {
	v, ok, err := enumtext.ParseSetJSON[TermSet](terms, "TermSet", "term names", b)
	if ok {
		*s = v
	}
	return err
}

// Value implements database/sql/driver.Valuer: the text form, a string.
func (s TermSet) Value() (driver.Value, error) {
	return enumtext.TextValue(s.MarshalText())
}

// Scan implements database/sql.Scanner: a string or []byte column is read
// as UnmarshalText reads it. SQL NULL and other types are a *FieldError;
// scan a nullable column into a sql.Null[TermSet].
func (s *TermSet) Scan(src any) error {
	text, err := enumtext.ScanText("TermSet", src, fieldError)
	if err != nil {
		return err
	}
	return s.UnmarshalText([]byte(text))
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
func (a ExpiryAnchor) String() string { return anchors.String(a) }

// IsValid reports whether a is a declared anchor.
func (a ExpiryAnchor) IsValid() bool { return anchors.Valid(a) }

// MarshalText implements encoding.TextMarshaler: the anchor's canonical
// name. An invalid ExpiryAnchor is a *FieldError naming the value.
func (a ExpiryAnchor) MarshalText() ([]byte, error) { return anchors.MarshalText(a) }

// UnmarshalText implements encoding.TextUnmarshaler: a name in any ASCII
// case. The error, a *FieldError, names the value and the accepted names;
// on error a is unchanged.
func (a *ExpiryAnchor) UnmarshalText(b []byte) error { return anchors.UnmarshalText(a, b) }

// Value implements database/sql/driver.Valuer: the canonical name, as a
// string. An invalid ExpiryAnchor is a *FieldError.
func (a ExpiryAnchor) Value() (driver.Value, error) { return anchors.Value(a) }

// Scan implements database/sql.Scanner: a string or []byte column is read
// as UnmarshalText reads it. SQL NULL and other types are a *FieldError;
// scan a nullable column into a sql.Null[ExpiryAnchor].
func (a *ExpiryAnchor) Scan(src any) error { return anchors.Scan(a, src) }

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
func (k WindowKind) String() string { return windowKinds.String(k) }

// IsValid reports whether k is a declared kind.
func (k WindowKind) IsValid() bool { return windowKinds.Valid(k) }

// MarshalText implements encoding.TextMarshaler: the kind's canonical
// name. An invalid WindowKind is a *FieldError naming the value.
func (k WindowKind) MarshalText() ([]byte, error) { return windowKinds.MarshalText(k) }

// UnmarshalText implements encoding.TextUnmarshaler: a name in any ASCII
// case. The error, a *FieldError, names the value and the accepted names;
// on error k is unchanged.
func (k *WindowKind) UnmarshalText(b []byte) error { return windowKinds.UnmarshalText(k, b) }

// Value implements database/sql/driver.Valuer: the canonical name, as a
// string. An invalid WindowKind is a *FieldError.
func (k WindowKind) Value() (driver.Value, error) { return windowKinds.Value(k) }

// Scan implements database/sql.Scanner: a string or []byte column is read
// as UnmarshalText reads it. SQL NULL and other types are a *FieldError;
// scan a nullable column into a sql.Null[WindowKind].
func (k *WindowKind) Scan(src any) error { return windowKinds.Scan(k, src) }

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
func (u Unit) String() string { return units.String(u) }

// IsValid reports whether u is a declared unit.
func (u Unit) IsValid() bool { return units.Valid(u) }

// MarshalText implements encoding.TextMarshaler: the unit's canonical
// name. An invalid Unit is a *FieldError naming the value.
func (u Unit) MarshalText() ([]byte, error) { return units.MarshalText(u) }

// UnmarshalText implements encoding.TextUnmarshaler: a name in any ASCII
// case. The error, a *FieldError, names the value and the accepted names;
// on error u is unchanged.
func (u *Unit) UnmarshalText(b []byte) error { return units.UnmarshalText(u, b) }

// Value implements database/sql/driver.Valuer: the canonical name, as a
// string. An invalid Unit is a *FieldError.
func (u Unit) Value() (driver.Value, error) { return units.Value(u) }

// Scan implements database/sql.Scanner: a string or []byte column is read
// as UnmarshalText reads it. SQL NULL and other types are a *FieldError;
// scan a nullable column into a sql.Null[Unit].
func (u *Unit) Scan(src any) error { return units.Scan(u, src) }

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
func (e CancelEffect) String() string { return cancelEffects.String(e) }

// IsValid reports whether e is a declared effect.
func (e CancelEffect) IsValid() bool { return cancelEffects.Valid(e) }

// MarshalText implements encoding.TextMarshaler: the effect's canonical
// name. An invalid CancelEffect is a *FieldError naming the value.
func (e CancelEffect) MarshalText() ([]byte, error) { return cancelEffects.MarshalText(e) }

// UnmarshalText implements encoding.TextUnmarshaler: a name in any ASCII
// case. The error, a *FieldError, names the value and the accepted names;
// on error e is unchanged.
func (e *CancelEffect) UnmarshalText(b []byte) error { return cancelEffects.UnmarshalText(e, b) }

// Value implements database/sql/driver.Valuer: the canonical name, as a
// string. An invalid CancelEffect is a *FieldError.
func (e CancelEffect) Value() (driver.Value, error) { return cancelEffects.Value(e) }

// Scan implements database/sql.Scanner: a string or []byte column is read
// as UnmarshalText reads it. SQL NULL and other types are a *FieldError;
// scan a nullable column into a sql.Null[CancelEffect].
func (e *CancelEffect) Scan(src any) error { return cancelEffects.Scan(e, src) }

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
func (c LicenseCount) String() string { return licenseCounts.String(c) }

// IsValid reports whether c is a declared count.
func (c LicenseCount) IsValid() bool { return licenseCounts.Valid(c) }

// MarshalText implements encoding.TextMarshaler: the count's canonical
// name. An invalid LicenseCount is a *FieldError naming the value.
func (c LicenseCount) MarshalText() ([]byte, error) { return licenseCounts.MarshalText(c) }

// UnmarshalText implements encoding.TextUnmarshaler: a name in any ASCII
// case. The error, a *FieldError, names the value and the accepted names;
// on error c is unchanged.
func (c *LicenseCount) UnmarshalText(b []byte) error { return licenseCounts.UnmarshalText(c, b) }

// Value implements database/sql/driver.Valuer: the canonical name, as a
// string. An invalid LicenseCount is a *FieldError.
func (c LicenseCount) Value() (driver.Value, error) { return licenseCounts.Value(c) }

// Scan implements database/sql.Scanner: a string or []byte column is read
// as UnmarshalText reads it. SQL NULL and other types are a *FieldError;
// scan a nullable column into a sql.Null[LicenseCount].
func (c *LicenseCount) Scan(src any) error { return licenseCounts.Scan(c, src) }

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
func (o OverLimit) String() string { return overLimits.String(o) }

// IsValid reports whether o is a declared action.
func (o OverLimit) IsValid() bool { return overLimits.Valid(o) }

// MarshalText implements encoding.TextMarshaler: the action's canonical
// name. An invalid OverLimit is a *FieldError naming the value.
func (o OverLimit) MarshalText() ([]byte, error) { return overLimits.MarshalText(o) }

// UnmarshalText implements encoding.TextUnmarshaler: a name in any ASCII
// case. The error, a *FieldError, names the value and the accepted names;
// on error o is unchanged.
func (o *OverLimit) UnmarshalText(b []byte) error { return overLimits.UnmarshalText(o, b) }

// Value implements database/sql/driver.Valuer: the canonical name, as a
// string. An invalid OverLimit is a *FieldError.
func (o OverLimit) Value() (driver.Value, error) { return overLimits.Value(o) }

// Scan implements database/sql.Scanner: a string or []byte column is read
// as UnmarshalText reads it. SQL NULL and other types are a *FieldError;
// scan a nullable column into a sql.Null[OverLimit].
func (o *OverLimit) Scan(src any) error { return overLimits.Scan(o, src) }

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
func (s SuspendedAtTermEnd) String() string { return suspendedAtTermEnds.String(s) }

// IsValid reports whether s is a declared outcome.
func (s SuspendedAtTermEnd) IsValid() bool { return suspendedAtTermEnds.Valid(s) }

// MarshalText implements encoding.TextMarshaler: the outcome's canonical
// name. An invalid SuspendedAtTermEnd is a *FieldError naming the value.
func (s SuspendedAtTermEnd) MarshalText() ([]byte, error) { return suspendedAtTermEnds.MarshalText(s) }

// UnmarshalText implements encoding.TextUnmarshaler: a name in any ASCII
// case. The error, a *FieldError, names the value and the accepted names;
// on error s is unchanged.
func (s *SuspendedAtTermEnd) UnmarshalText(b []byte) error {
	return suspendedAtTermEnds.UnmarshalText(s, b)
}

// Value implements database/sql/driver.Valuer: the canonical name, as a
// string. An invalid SuspendedAtTermEnd is a *FieldError.
func (s SuspendedAtTermEnd) Value() (driver.Value, error) { return suspendedAtTermEnds.Value(s) }

// Scan implements database/sql.Scanner: a string or []byte column is read
// as UnmarshalText reads it. SQL NULL and other types are a *FieldError;
// scan a nullable column into a sql.Null[SuspendedAtTermEnd].
func (s *SuspendedAtTermEnd) Scan(src any) error { return suspendedAtTermEnds.Scan(s, src) }

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
func (p PurgeAnchor) String() string { return purgeAnchors.String(p) }

// IsValid reports whether p is a declared anchor.
func (p PurgeAnchor) IsValid() bool { return purgeAnchors.Valid(p) }

// MarshalText implements encoding.TextMarshaler: the anchor's canonical
// name. An invalid PurgeAnchor is a *FieldError naming the value.
func (p PurgeAnchor) MarshalText() ([]byte, error) { return purgeAnchors.MarshalText(p) }

// UnmarshalText implements encoding.TextUnmarshaler: a name in any ASCII
// case. The error, a *FieldError, names the value and the accepted names;
// on error p is unchanged.
func (p *PurgeAnchor) UnmarshalText(b []byte) error { return purgeAnchors.UnmarshalText(p, b) }

// Value implements database/sql/driver.Valuer: the canonical name, as a
// string. An invalid PurgeAnchor is a *FieldError.
func (p PurgeAnchor) Value() (driver.Value, error) { return purgeAnchors.Value(p) }

// Scan implements database/sql.Scanner: a string or []byte column is read
// as UnmarshalText reads it. SQL NULL and other types are a *FieldError;
// scan a nullable column into a sql.Null[PurgeAnchor].
func (p *PurgeAnchor) Scan(src any) error { return purgeAnchors.Scan(p, src) }

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
func (c OfferClass) String() string { return offerClasses.String(c) }

// IsValid reports whether c is a declared class.
func (c OfferClass) IsValid() bool { return offerClasses.Valid(c) }

// MarshalText implements encoding.TextMarshaler: the class's canonical
// name. An invalid OfferClass is a *FieldError naming the value.
func (c OfferClass) MarshalText() ([]byte, error) { return offerClasses.MarshalText(c) }

// UnmarshalText implements encoding.TextUnmarshaler: a name in any ASCII
// case. The error, a *FieldError, names the value and the accepted names;
// on error c is unchanged.
func (c *OfferClass) UnmarshalText(b []byte) error { return offerClasses.UnmarshalText(c, b) }

// Value implements database/sql/driver.Valuer: the canonical name, as a
// string. An invalid OfferClass is a *FieldError.
func (c OfferClass) Value() (driver.Value, error) { return offerClasses.Value(c) }

// Scan implements database/sql.Scanner: a string or []byte column is read
// as UnmarshalText reads it. SQL NULL and other types are a *FieldError;
// scan a nullable column into a sql.Null[OfferClass].
func (c *OfferClass) Scan(src any) error { return offerClasses.Scan(c, src) }
