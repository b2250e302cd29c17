package lifecycle

import (
	"database/sql/driver"
	"time"

	"github.com/lapse-go/lapse/internal/enumtext"
)

// EventKind is what happened to a subscription. The zero value is invalid.
type EventKind uint8

// Event kinds of a subscription's history.
const (
	// RecurringBillingOff: recurring billing (auto-renew) was turned off
	// (R-LC-3, R-LC-4). The subscription stays Active until its end date.
	RecurringBillingOff EventKind = iota + 1
	// RecurringBillingOn: recurring billing was turned back on (R-REN-2).
	RecurringBillingOn
	// CancelNow: "Cancel now" within the cancellation window (R-LC-5,
	// R-LC-6; CSP: R-CAN-14).
	CancelNow
	// CancelAtRenewal: "Cancel before the next renewal date" (R-CAN-2;
	// MCA from 2026-02-09: cancel at the end of the term, R-LC-13).
	CancelAtRenewal
	// Reactivate: an Expired, Disabled (or CSP Suspended) subscription was
	// reactivated (§3.4).
	Reactivate
	// Delete: an admin explicitly deleted the subscription (R-LC-8).
	Delete
	// Suspend: the CSP partner suspended the subscription (§1.2).
	Suspend
	// Unsuspend: the CSP partner reactivated a suspended subscription
	// (R-REA-7).
	Unsuspend
	// ExtendTrial: the trial was extended once (R-TRI-4).
	ExtendTrial
	// ConvertTrial: the trial was bought (converted to paid) before its end
	// (R-TRI-1).
	ConvertTrial
	// ChangeLicenses: the purchased license count changed to
	// Event.Licenses, with Event.Assigned licenses assigned at that time
	// (§3.6).
	ChangeLicenses
	// Renew: a renewal completed at the event's instant (R-CAN-15: the CSP
	// window "starts precisely at this datetime of renewal completion"); in
	// Expired it starts a new term (VL renewal order, a new product key,
	// R-REA-9, R-REN-3).
	Renew
	// ConvertEST: the subscription will continue as an Extended Service
	// Term after its end date (R-LC-13).
	ConvertEST
)

var eventKindNames = []string{"", "recurring-billing-off", "recurring-billing-on", "cancel-now", "cancel-at-renewal",
	"reactivate", "delete", "suspend", "unsuspend", "extend-trial", "convert-trial", "change-licenses", "renew", "convert-est"}

// EventKinds lists every valid kind in declaration order.
func EventKinds() []EventKind {
	out := make([]EventKind, 0, len(eventKindNames)-1)
	for k := RecurringBillingOff; int(k) < len(eventKindNames); k++ {
		out = append(out, k)
	}
	return out
}

var eventKinds = enumtext.New[EventKind]("EventKind", eventKindNames, enumError)

// String returns the kind's text name, such as "cancel-now".
func (k EventKind) String() string { return eventKinds.String(k) }

// IsValid reports whether k is a declared kind.
func (k EventKind) IsValid() bool { return eventKinds.Valid(k) }

// MarshalText implements encoding.TextMarshaler: the kind's canonical
// name. An invalid EventKind is a *FieldError naming the value.
func (k EventKind) MarshalText() ([]byte, error) { return eventKinds.MarshalText(k) }

// UnmarshalText implements encoding.TextUnmarshaler, reading what
// ParseEventKind reads. On error k is unchanged.
func (k *EventKind) UnmarshalText(b []byte) error { return eventKinds.UnmarshalText(k, b) }

// Value implements database/sql/driver.Valuer: the canonical name, as a
// string. An invalid EventKind is a *FieldError.
func (k EventKind) Value() (driver.Value, error) { return eventKinds.Value(k) }

// Scan implements database/sql.Scanner: a string or []byte column is read
// as ParseEventKind reads it. SQL NULL and other types are a *FieldError;
// scan a nullable column into a sql.Null[EventKind].
func (k *EventKind) Scan(src any) error { return eventKinds.Scan(k, src) }

// ParseEventKind parses a kind's text name, such as "cancel-now", in any
// ASCII case. The error, a *FieldError, names the value and the accepted
// names.
func ParseEventKind(name string) (EventKind, error) { return eventKinds.Parse(name) }

// Event is one entry of a subscription's history. It is a plain value.
type Event struct {
	// Kind is what happened.
	Kind EventKind
	// At is the exact instant it happened. Date-based rules use its UTC
	// date; hour-based windows use the instant itself.
	At time.Time
	// Actor is who did it; zero when the history does not record it.
	Actor Role
	// Licenses is the purchased license count after a ChangeLicenses event.
	Licenses int
	// Assigned is the number of licenses assigned to users after a
	// ChangeLicenses event.
	Assigned int
	// ProductKey identifies the product key a Renew event of a prepaid
	// subscription was extended with (R-REN-3: "a new, unused product key
	// for the same Microsoft plan"); empty when none or not recorded.
	// lapse compares keys; it never validates or stores them elsewhere.
	ProductKey string
}

// String returns "kind at instant".
func (e Event) String() string {
	return e.Kind.String() + " at " + e.At.UTC().Format(time.RFC3339Nano)
}
