package lifecycle

import (
	"encoding/json"
	"time"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/internal/strictjson"
)

// StatusRecord is every answer of a [Status] as a plain value: what a
// caller stores, sends or logs about a subscription at one instant. A
// Status cannot be rebuilt from stored answers — it points into a judged
// lifecycle, whose rules its Capabilities and Explain consult — but its
// record can: StatusRecord has exported fields and round-trips through
// JSON exactly. Each field is the answer of the Status method of the same
// name (ExtendedServiceTerm of ExtendedServiceTerm, Reasons of Explain,
// Versions of Versions().Labels()); a zero field means what that method's
// zero answer means ("none", "no deadline"). Instants are in UTC; days
// are dates.
//
// The zero StatusRecord is the record of the zero Status. A StatusRecord
// is a plain value; its slices are its own.
type StatusRecord struct {
	// At is the instant judged; State the state then, Since when it
	// began and Cause why; Trial and ExtendedServiceTerm what the term is.
	At                  time.Time `json:"at,omitzero"`
	State               State     `json:"state,omitzero"`
	Since               time.Time `json:"since,omitzero"`
	Cause               Cause     `json:"cause,omitzero"`
	Trial               bool      `json:"trial,omitempty"`
	ExtendedServiceTerm bool      `json:"est,omitempty"`
	// Next is the state that follows absent further events, NextAt when
	// and NextCause why; zero when nothing follows.
	Next      State     `json:"next,omitzero"`
	NextAt    time.Time `json:"nextAt,omitzero"`
	NextCause Cause     `json:"nextCause,omitzero"`
	// TermStart and TermEnd are the first and the end date of the current
	// term.
	TermStart clock.Date `json:"termStart,omitzero"`
	TermEnd   clock.Date `json:"termEnd,omitzero"`
	// RecurringBilling reports whether recurring billing is on; Licenses
	// and Assigned are the purchased and assigned license counts, and
	// LicenseConflictUntil ends the period to resolve excess assignments.
	RecurringBilling     bool       `json:"recurringBilling,omitempty"`
	Licenses             int        `json:"licenses,omitempty"`
	Assigned             int        `json:"assigned,omitempty"`
	LicenseConflictUntil clock.Date `json:"licenseConflictUntil,omitzero"`
	// CancelWindowEnd is the boundary of the cancellation window, and
	// CancelWindowClosesAt the first instant a cancellation is refused.
	CancelWindowEnd      time.Time `json:"cancelWindowEnd,omitzero"`
	CancelWindowClosesAt time.Time `json:"cancelWindowClosesAt,omitzero"`
	// ReactivateUntil is the day and ReactivateBefore the instant from
	// which reactivation is no longer possible.
	ReactivateUntil  clock.Date `json:"reactivateUntil,omitzero"`
	ReactivateBefore time.Time  `json:"reactivateBefore,omitzero"`
	// AdminCenterLagUntil is the first day the admin center must show a
	// partner's cancellation on behalf of the customer.
	AdminCenterLagUntil clock.Date `json:"adminCenterLagUntil,omitzero"`
	// RepurchaseRestoresData reports whether buying the same service plans
	// again gives the data back.
	RepurchaseRestoresData bool `json:"repurchaseRestoresData,omitempty"`
	// PurgeNotBefore and PurgeDeadline bound the deletion of the data,
	// DataGoneBy is the instant it is guaranteed gone, and DeletedAt the
	// instant the subscription is (or will be) Deleted.
	PurgeNotBefore clock.Date `json:"purgeNotBefore,omitzero"`
	PurgeDeadline  clock.Date `json:"purgeDeadline,omitzero"`
	DataGoneBy     time.Time  `json:"dataGoneBy,omitzero"`
	DeletedAt      time.Time  `json:"deletedAt,omitzero"`
	// Versions are the labels of the versions of the policy that judged
	// the answers.
	Versions VersionLabels `json:"versions,omitzero"`
	// Capabilities says who may use what and do what.
	Capabilities Capabilities `json:"capabilities,omitzero"`
	// Reasons are the answers in words, with their rules and sources
	// (Status.Explain).
	Reasons []Reason `json:"reasons,omitzero"` // nil omitted, empty kept
}

// Record returns every answer of s as a plain value (see [StatusRecord]),
// its explanation included: like [Status.Explain], it allocates, and is
// not for the hot path of a billing sweep. The zero Status gives the zero
// StatusRecord.
func (s Status) Record() StatusRecord {
	if s.m == nil {
		return StatusRecord{}
	}
	r := StatusRecord{
		At: s.At(), State: s.State(), Since: s.Since(), Cause: s.Cause(),
		Trial: s.Trial(), ExtendedServiceTerm: s.ExtendedServiceTerm(),
		Next: s.Next(), NextAt: s.NextAt(), NextCause: s.NextCause(),
		RecurringBilling: s.RecurringBilling(), Licenses: s.Licenses(), Assigned: s.Assigned(),
		CancelWindowEnd: s.CancelWindowEnd(), CancelWindowClosesAt: s.CancelWindowClosesAt(), RepurchaseRestoresData: s.RepurchaseRestoresData(),
		DataGoneBy: s.DataGoneBy(), DeletedAt: s.DeletedAt(),
		Versions: s.Versions().Labels(), Capabilities: s.Capabilities(), Reasons: s.Explain(),
	}
	r.dates(s)
	return r
}

// dates sets the answers that are days, and the instant reactivation
// ends.
func (r *StatusRecord) dates(s Status) {
	r.TermStart, r.TermEnd = s.TermStart(), s.TermEnd()
	r.LicenseConflictUntil = s.LicenseConflictUntil()
	r.ReactivateUntil, r.ReactivateBefore = s.ReactivateUntil(), s.ReactivateBefore()
	r.AdminCenterLagUntil = s.AdminCenterLagUntil()
	r.PurgeNotBefore, r.PurgeDeadline = s.PurgeNotBefore(), s.PurgeDeadline()
}

// statusRecordJSON has StatusRecord's fields and tags without its
// methods, for its UnmarshalJSON.
type statusRecordJSON StatusRecord

// UnmarshalJSON implements json.Unmarshaler, reading what json.Marshal
// writes of a StatusRecord (its fields under their json tags, which
// [Status.MarshalJSON] writes too). A field it does not have is refused
// rather than dropped, with a *FieldError naming it by its JSON path.
func (r *StatusRecord) UnmarshalJSON(b []byte) error {
	var j statusRecordJSON
	if err := strictjson.Decode(b, &j); err != nil {
		return jsonError(err, "StatusRecord")
	}
	*r = StatusRecord(j)
	return nil
}

// MarshalJSON implements json.Marshaler: the status's [StatusRecord], every
// answer under its lowerCamelCase name, enums and role sets by name, dates
// as "2026-09-27", zero answers omitted; read it back into a
// StatusRecord. The zero Status (returned with an error) is no answer and
// is an error, not {}.
func (s Status) MarshalJSON() ([]byte, error) {
	if s.m == nil {
		return nil, &FieldError{Field: "Status", Value: "zero", Reason: "not an answer of Lifecycle.At or Evaluate: there is no status to write"}
	}
	return json.Marshal(s.Record())
}
