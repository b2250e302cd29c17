// Package clocktest provides a fake [github.com/lapse-go/lapse/clock.Clock]
// for tests, named after what it is, like net/http/httptest.
//
// A [Fake] stands still until the test moves it: by a duration with
// [Fake.Advance], by calendar units with [Fake.AdvanceDate], or to an exact
// instant with [Fake.Set].
package clocktest
