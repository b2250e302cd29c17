// Package lifecycletest provides rapid generators of subscriptions,
// histories, rules, instants and locations, so that code built on lapse —
// billing sweeps, reseller portals, admin tools — can property-test itself
// against the lifecycle library, the way net/http/httptest serves code
// built on net/http.
//
// Every generated [lifecycle.Subscription] is valid: its history was built
// by appending only events that [lifecycle.Evaluate] accepts at the
// event's instant under the rules that judge it, so Evaluate and
// [lifecycle.Timeline] never return an error for it at an instant from its
// start on. Generated rules pass policy.Rules.Validate.
//
// # Use
//
//	rapid.Check(t, func(t *rapid.T) {
//		c := lifecycletest.Cases(policy.Builtin(), true).Draw(t, "case")
//		at := lifecycletest.Instant(c.Sub.Start(), c.Sub.Start().AddDate(3, 0, 0)).Draw(t, "at")
//		st, err := lifecycle.Evaluate(c.Sub, c.Rules, at)
//		// … check your code against st …
//	})
//
// The package imports time/tzdata so that [Location] works on machines
// without a zoneinfo database; it is meant for tests, not for production
// binaries.
package lifecycletest
