// Package lifecycletest provides rapid generators of subscriptions,
// histories, policy tables, instants and locations, so that code built on
// lapse — billing sweeps, reseller portals, admin tools — can
// property-test itself against the lifecycle library, the way
// net/http/httptest serves code built on net/http.
//
// Every generated [lifecycle.Subscription] is valid: its history was built
// by appending only events that [lifecycle.Judge] accepts against the
// table that judges it, so Judge, [lifecycle.Lifecycle.At] and
// [lifecycle.Evaluate] never return an error for it at an instant from its
// start on. Purchases and events range over the years the table covers,
// so histories cross the policy's versions. Generated tables and rules
// pass validation.
//
// # Use
//
//	rapid.Check(t, func(t *rapid.T) {
//		c := lifecycletest.Cases(policy.Builtin(), true).Draw(t, "case")
//		lc, err := lifecycle.Judge(c.Sub, c.Table)
//		// … handle err …
//		at := lifecycletest.Instant(c.Sub.Start(), c.Sub.Start().AddDate(3, 0, 0)).Draw(t, "at")
//		st, err := lc.At(at)
//		// … check your code against st …
//	})
//
// The package imports time/tzdata so that [Location] works on machines
// without a zoneinfo database; it is meant for tests, not for production
// binaries.
package lifecycletest
