package lifecycle

import (
	"database/sql/driver"
	"time"

	"github.com/lapse-go/lapse/internal/enumtext"
	"github.com/lapse-go/lapse/policy"
)

// PaymentKind is the kind of a payment method. The zero value is invalid.
type PaymentKind uint8

// Payment method kinds.
const (
	// Card is a credit or debit card.
	Card PaymentKind = iota + 1
	// BankAccount is a bank account (direct debit), "no longer available"
	// (R-PAY-4).
	BankAccount
	// Invoice is payment by invoice (check or wire transfer).
	Invoice
)

var paymentKindNames = []string{"", "card", "bank-account", "invoice"}

var paymentKinds = enumtext.New[PaymentKind]("PaymentKind", paymentKindNames, enumError)

// String returns the kind's text name, such as "card".
func (k PaymentKind) String() string { return paymentKinds.String(k) }

// IsValid reports whether k is a declared kind.
func (k PaymentKind) IsValid() bool { return paymentKinds.Valid(k) }

// MarshalText implements encoding.TextMarshaler: the kind's canonical
// name. An invalid PaymentKind is a *FieldError naming the value.
func (k PaymentKind) MarshalText() ([]byte, error) { return paymentKinds.MarshalText(k) }

// UnmarshalText implements encoding.TextUnmarshaler, reading what
// ParsePaymentKind reads. On error k is unchanged.
func (k *PaymentKind) UnmarshalText(b []byte) error { return paymentKinds.UnmarshalText(k, b) }

// Value implements database/sql/driver.Valuer: the canonical name, as a
// string. An invalid PaymentKind is a *FieldError.
func (k PaymentKind) Value() (driver.Value, error) { return paymentKinds.Value(k) }

// Scan implements database/sql.Scanner: a string or []byte column is read
// as ParsePaymentKind reads it. SQL NULL and other types are a *FieldError;
// scan a nullable column into a sql.Null[PaymentKind].
func (k *PaymentKind) Scan(src any) error { return paymentKinds.Scan(k, src) }

// ParsePaymentKind parses a kind's text name, such as "card", in any
// ASCII case. The error, a *FieldError, names the value and the
// accepted names.
func ParsePaymentKind(name string) (PaymentKind, error) { return paymentKinds.Parse(name) }

// PaymentMethod is a payment method an admin wants to add: its kind and
// the country or region that issued it. It is a plain value.
type PaymentMethod struct {
	Kind PaymentKind
	// Country is the issuing country or region as an upper-case ISO
	// 3166-1 alpha-2 code, such as "DE".
	Country string
}

// CanAddPaymentMethod reports whether actor may add pm at the instant at
// to a tenant whose country or region is tenantCountry (an upper-case ISO
// 3166-1 alpha-2 code): nil when it may, else a *RefusalError. Payment
// methods must be "issued from the same country/region as your tenant",
// and bank accounts are "no longer available" (R-PAY-4), as rules say
// (policy.BuiltinAccount()). Who may: at least a Billing Administrator, or
// an MCA billing account or profile owner or contributor (§3.12). Invalid
// input is a *FieldError naming the field.
func CanAddPaymentMethod(actor Role, pm PaymentMethod, tenantCountry string, rules policy.AccountRules, at time.Time) error {
	switch {
	case !actor.IsValid():
		return &FieldError{Field: "actor", Value: actor.String(), Reason: "not a valid role"}
	case !pm.Kind.IsValid():
		return &FieldError{Field: "PaymentMethod.Kind", Value: pm.Kind.String(), Reason: "not a valid payment kind"}
	case !isCountry(pm.Country):
		return &FieldError{Field: "PaymentMethod.Country", Value: pm.Country, Reason: "not an upper-case ISO 3166-1 alpha-2 code"}
	case !isCountry(tenantCountry):
		return &FieldError{Field: "tenantCountry", Value: tenantCountry, Reason: "not an upper-case ISO 3166-1 alpha-2 code"}
	}
	refuse := func(why refusal) *RefusalError {
		info := refusals[why]
		return &RefusalError{Actor: actor, At: at.UTC(), Rule: info.rule, Sources: info.sources, why: why, action: "add-payment-method"}
	}
	if !paymentRoles.Has(actor) {
		e := refuse(refRole)
		e.Rule, e.Sources, e.roles = "§3.12", "[D-PAY-2024-02]", paymentRoles
		return e
	}
	if pm.Kind == BankAccount && !rules.BankAccounts {
		return refuse(refBankAccount)
	}
	if rules.PaymentCountryMatchesTenant && pm.Country != tenantCountry {
		e := refuse(refPaymentCountry)
		e.country = [2]string{pm.Country, tenantCountry}
		return e
	}
	return nil
}

func isCountry(s string) bool {
	return len(s) == 2 && 'A' <= s[0] && s[0] <= 'Z' && 'A' <= s[1] && s[1] <= 'Z'
}
