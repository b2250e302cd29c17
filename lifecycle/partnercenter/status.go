package partnercenter

import (
	"fmt"
	"strings"
	"time"

	"github.com/lapse-go/lapse/lifecycle"
)

// history returns the events the status of s implies, from the instants
// opts gives (Partner Center gives none), or the reason it cannot: see
// the package doc. start is the current term's start, which no event may
// precede.
func (s *Subscription) history(opts *Options, status string, start time.Time) ([]lifecycle.Event, error) {
	event := func(kind lifecycle.EventKind, option string, at time.Time) ([]lifecycle.Event, error) {
		field := fmt.Sprintf("Options.%s[%q]", option, s.ID)
		if err := lifecycle.CheckInstant(at); err != nil {
			return nil, &FieldError{Field: field, Value: at, Reason: "not a valid instant", Err: err}
		}
		if at.Before(start) {
			return nil, &FieldError{Field: field, Value: at,
				Reason: "before the current term began at " + start.UTC().Format(time.RFC3339Nano)}
		}
		return []lifecycle.Event{{Kind: kind, At: at, Actor: lifecycle.Partner}}, nil
	}
	noRenewal := func() error {
		if *s.AutoRenewEnabled {
			return &FieldError{Field: "autoRenewEnabled", Value: true,
				Reason: "status " + status + " follows a term that did not renew"}
		}
		return nil
	}
	suspendedAt, suspended := opts.SuspendedAt[s.ID]
	switch status {
	case "active":
		return nil, nil
	case "suspended":
		if !suspended {
			return nil, &FieldError{Field: "status", Value: s.Status, Option: "SuspendedAt",
				Reason: "Partner Center gives no instant of the suspension: set Options.SuspendedAt for this id"}
		}
		return event(lifecycle.Suspend, "SuspendedAt", suspendedAt)
	case "expired":
		return nil, noRenewal()
	case "disabled":
		if suspended {
			return event(lifecycle.Suspend, "SuspendedAt", suspendedAt)
		}
		if opts.AsOf.IsZero() {
			return nil, &FieldError{Field: "status", Value: s.Status, Option: "AsOf",
				Reason: "disabled after its term expired, or after a suspension that reached the term end, and Partner Center does not say which: " +
					"set Options.SuspendedAt for a suspension, or Options.AsOf to check the expiry"}
		}
		return nil, noRenewal()
	case "deleted":
		if at, ok := opts.CancelledAt[s.ID]; ok {
			return event(lifecycle.CancelNow, "CancelledAt", at)
		}
		if suspended {
			return event(lifecycle.Suspend, "SuspendedAt", suspendedAt)
		}
		if opts.AsOf.IsZero() {
			return nil, &FieldError{Field: "status", Value: s.Status, Option: "CancelledAt",
				Reason: "deleted by a cancellation, after a suspension or at the end of its life, and Partner Center gives no instant: " +
					"set Options.CancelledAt or Options.SuspendedAt, or Options.AsOf to check the end of its life"}
		}
		return nil, noRenewal()
	}
	return nil, s.checkStatus(status)
}

// checkStatus refuses a status lapse has no lifecycle for: pending (not
// provisioned), none, missing or unknown. The five others are lapse's
// state names.
func (s *Subscription) checkStatus(status string) error {
	switch status {
	case "active", "suspended", "expired", "disabled", "deleted":
		return nil
	case "pending":
		return &FieldError{Field: "status", Value: s.Status, Reason: "not provisioned yet: there is no subscription to judge"}
	case "none":
		return &FieldError{Field: "status", Value: s.Status, Reason: "Partner Center reports no status"}
	case "":
		return &FieldError{Field: "status", Value: s.Status, Reason: "required"}
	}
	return &FieldError{Field: "status", Value: s.Status,
		Reason: "unknown: want active, suspended, expired, disabled or deleted (or none, pending)"}
}

// statusOf returns the status of s in lower case: Partner Center's
// values are lower case, and a key's case does not matter either.
func (s *Subscription) statusOf() string { return strings.ToLower(s.Status) }
