package partnercenter

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// Spec maps s to a lapse subscription by the rules of the package doc: the
// current term, the channel, the product, the licenses, the recurring
// billing setting, and the events its status implies at the instants opts
// gives. The Spec it returns is one lifecycle.New accepts; when
// opts.AsOf is set, s's status is also the state lapse judges there.
//
// A field it cannot read or map is a *FieldError naming the field (with
// Option set, and matching ErrMissing, when an Options field would supply
// what Partner Center does not give); a status lapse does not judge at
// AsOf is a *MismatchError; lifecycle.New's and lifecycle.Evaluate's
// errors are returned as they are (a CSP product lapse does not model is a
// *lifecycle.NotModelledError).
func (s Subscription) Spec(opts Options) (lifecycle.Spec, error) {
	if err := opts.check(); err != nil {
		return lifecycle.Spec{}, err
	}
	spec, _, err := s.build(&opts)
	return spec, err
}

// Import decodes Partner Center JSON with [Decode] and maps every
// subscription with [Subscription.Spec] and lifecycle.New, in input order.
//
// It is all or nothing: when any subscription cannot be imported it
// returns no subscriptions and an error that joins (errors.Join) an
// *ItemError for each one (up to 100), naming its index and id, so that
// one run shows every fix the input needs. A billing import that dropped
// the subscriptions it could not read would bill as if they did not
// exist; a caller who wants the others calls Decode and Spec itself. Two
// items with the same id (ignoring case, as Partner Center's GUIDs) are
// an error on the second. An invalid Options field is one *FieldError,
// before any item is read.
func Import(r io.Reader, opts Options) ([]lifecycle.Subscription, error) {
	if err := opts.check(); err != nil {
		return nil, err
	}
	subs, err := Decode(r)
	if err != nil {
		return nil, err
	}
	out := make([]lifecycle.Subscription, 0, len(subs))
	var errs []error
	seen := make(map[string]int, len(subs))
	for i := range subs {
		s := &subs[i]
		key := strings.ToLower(s.ID)
		if j, dup := seen[key]; dup && key != "" {
			errs = append(errs, &ItemError{Index: i, ID: s.ID,
				Err: &FieldError{Field: "id", Value: s.ID, Reason: fmt.Sprintf("the id of item %d again", j)}})
			continue
		}
		seen[key] = i
		_, sub, err := s.build(&opts)
		if err != nil {
			errs = append(errs, &ItemError{Index: i, ID: s.ID, Err: err})
			continue
		}
		out = append(out, sub)
	}
	if len(errs) > 0 {
		return nil, joinItems(errs)
	}
	return out, nil
}

// check reports an invalid Options field.
func (o *Options) check() error {
	if o.Channel != 0 && !o.Channel.IsCSP() {
		return &FieldError{Field: "Options.Channel", Value: o.Channel.String(),
			Reason: "Partner Center sells through " + policy.CSPNewCommerce.String() + " or " + policy.CSPLegacy.String()}
	}
	if o.Term != 0 && !o.Term.IsValid() {
		return &FieldError{Field: "Options.Term", Value: o.Term.String(), Reason: "not a valid term"}
	}
	if !o.AsOf.IsZero() {
		if err := lifecycle.CheckInstant(o.AsOf); err != nil {
			return &FieldError{Field: "Options.AsOf", Value: o.AsOf, Reason: "not a valid instant", Err: err}
		}
	}
	return nil
}

// build is Spec on opts already checked, returning the subscription
// lifecycle.New made of the Spec as well.
func (s *Subscription) build(opts *Options) (lifecycle.Spec, lifecycle.Subscription, error) {
	fail := func(err error) (lifecycle.Spec, lifecycle.Subscription, error) {
		return lifecycle.Spec{}, lifecycle.Subscription{}, err
	}
	if s.ID == "" {
		return fail(&FieldError{Field: "id", Value: s.ID, Reason: "required"})
	}
	status := s.statusOf()
	if err := s.checkKind(status); err != nil {
		return fail(err)
	}
	ch, err := s.channel(opts)
	if err != nil {
		return fail(err)
	}
	product, nonUser, err := s.product()
	if err != nil {
		return fail(err)
	}
	term, err := s.term(opts)
	if err != nil {
		return fail(err)
	}
	start, end, err := s.currentTerm(opts, ch, term)
	if err != nil {
		return fail(err)
	}
	history, err := s.history(opts, status, start)
	if err != nil {
		return fail(err)
	}
	spec := lifecycle.Spec{
		ID:               s.ID,
		Channel:          ch,
		Term:             term,
		Product:          product,
		Offer:            s.OfferID,
		Country:          opts.Country,
		Start:            start,
		Licenses:         *s.Quantity,
		Trial:            s.IsTrial,
		RecurringBilling: *s.AutoRenewEnabled,
		NonUser:          nonUser,
		History:          history,
	}
	spec.End = end
	sub, err := lifecycle.New(spec)
	if err != nil {
		return fail(err)
	}
	if !opts.AsOf.IsZero() {
		table := opts.Table
		if table == nil {
			table = policy.Builtin()
		}
		st, err := lifecycle.Evaluate(sub, table, opts.AsOf)
		if err != nil {
			return fail(err)
		}
		if st.State().String() != status { // the five statuses left are lapse's state names
			return fail(&MismatchError{Status: s.Status, State: st.State(), AsOf: opts.AsOf})
		}
	}
	return spec, sub, nil
}

// checkKind refuses a subscription that is not a license-based
// subscription lapse can judge, before its other fields are read: a
// status with no lifecycle, a contract other than a subscription, usage or
// benefit billing, a missing quantity or autoRenewEnabled.
func (s *Subscription) checkKind(status string) error {
	if err := s.checkStatus(status); err != nil {
		return err
	}
	if ct := s.ContractType; ct != "" && !strings.EqualFold(ct, "subscription") {
		return &FieldError{Field: "contractType", Value: ct, Reason: "lapse models subscriptions, not a " + ct}
	}
	switch strings.ToLower(s.BillingType) {
	case "", "license", "none":
	case "usage", "benefit":
		return &FieldError{Field: "billingType", Value: s.BillingType,
			Reason: "not license-based: lapse models subscriptions billed by license"}
	default:
		return &FieldError{Field: "billingType", Value: s.BillingType, Reason: "unknown: want license (or none, usage, benefit)"}
	}
	switch {
	case s.Quantity == nil:
		return &FieldError{Field: "quantity", Value: nil, Reason: "required: the license count"}
	case *s.Quantity < 0:
		return &FieldError{Field: "quantity", Value: *s.Quantity, Reason: "must not be negative"}
	case *s.Quantity > math.MaxInt32:
		return &FieldError{Field: "quantity", Value: *s.Quantity, Reason: "absurd: more than 2147483647 licenses"}
	case s.AutoRenewEnabled == nil:
		return &FieldError{Field: "autoRenewEnabled", Value: nil, Reason: "required: whether the term renews"}
	}
	return nil
}
