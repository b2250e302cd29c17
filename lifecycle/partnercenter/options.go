package partnercenter

import (
	"time"

	"github.com/lapse-go/lapse/policy"
)

// Options supplies what a Partner Center Subscription resource does not
// say, and how to check the result. The zero Options decides everything
// from the resource, checks nothing against a clock, and refuses a
// subscription whose mapping needs a fact it does not give. Options is a
// plain value; [Subscription.Spec] and [Import] only read it, and its maps
// may be shared between goroutines that do not change them.
//
// The maps are keyed by the subscription's id exactly as Partner Center
// spells it (the "id" field); an entry for a subscription whose status
// does not need it is not read.
type Options struct {
	// Channel forces the channel of every subscription: policy.CSPNewCommerce
	// or policy.CSPLegacy. Zero decides per subscription from productType
	// and offerId (see the package doc). Any other channel is an error.
	// The channel also decides how commitmentEndDate is read: inclusive
	// for new commerce, exclusive for legacy.
	Channel policy.Channel

	// Term is the term of a subscription that gives no termDuration (the
	// legacy responses Partner Center documents omit it). Zero refuses
	// such a subscription. It never overrides a termDuration that is
	// given.
	Term policy.Term

	// Country is the customer's country or region (an upper-case ISO
	// 3166-1 alpha-2 code) for every subscription, for policy rows scoped
	// by country (policy.Key.Country). The Subscription resource does not
	// carry it; empty for none.
	Country string

	// TermStart gives, by subscription id, the instant the current term
	// began: the purchase instant for a first term, the instant its
	// renewal completed for a later one (R-CAN-15: the cancellation window
	// "starts precisely at this datetime of renewal completion"). It
	// replaces the derivation of the current term from the renewal chain
	// (see the package doc), which refuses a term that is not a whole term
	// of the chain: a first term aligned to another subscription's end
	// date and then renewed, a renewal to a custom end date, a term
	// changed at renewal, or a legacy commitment aligned to a billing
	// date.
	TermStart map[string]time.Time

	// SuspendedAt gives, by subscription id, the instant the partner
	// suspended the subscription. Partner Center's Subscription has no
	// suspension date: a subscription whose status is "suspended" is
	// refused without one, and a "disabled" or "deleted" one that was
	// suspended needs one to be judged on the suspension's path.
	SuspendedAt map[string]time.Time

	// CancelledAt gives, by subscription id, the instant the partner
	// cancelled a subscription whose status is "deleted" (R-CAN-14: within
	// seven days of its purchase or renewal). Without it, a "deleted"
	// subscription is taken to have reached Deleted at the end of its
	// life, which only AsOf can confirm: it is refused when AsOf is zero.
	CancelledAt map[string]time.Time

	// AsOf is the instant the JSON was read from Partner Center. When it
	// is set, each subscription is judged at AsOf (by Table) and its
	// status must be the state lapse finds there, else a *MismatchError;
	// it also lets a "disabled" or "deleted" status be mapped without the
	// instant of an event, as the end of the subscription's life, which
	// the check then confirms. Zero checks nothing.
	AsOf time.Time

	// Table judges the AsOf check; nil means policy.Builtin().
	Table *policy.Table
}
