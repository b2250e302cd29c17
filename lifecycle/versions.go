package lifecycle

import (
	"errors"
	"time"

	"github.com/lapse-go/lapse/internal/policyview"
	"github.com/lapse-go/lapse/policy"
)

// A subscription lives through several versions of the policy (RULES.md
// §1.3): judging it resolves each term's end of life by the version in
// force on the term's end date (R-LC-14), each window by the version in
// force when it opened, and each command by the version in force at its
// instant. The versions come from the table's schedule for the
// subscription's key; a book reads them in place.

// viewOf returns the versions a schedule holds without copying their rules
// (see internal/policyview).
var viewOf = policyview.Of.(func(*policy.Schedule) *policyview.Versions[policy.Rules, policy.Schedule])

// book is a subscription's schedule of versions, read in place: one
// pointer, so that every fold can carry it. Its rules are shared with the
// table and never modified.
type book struct {
	v *policyview.Versions[policy.Rules, policy.Schedule]
}

// sched returns the schedule the book reads.
func (b book) sched() *policy.Schedule { return b.v.Owner }

// openBook returns the schedule table holds for s's key, and checks that
// versions are in force without a gap from the first day of s on: every
// look-up the engine makes is at or after that day.
func openBook(table *policy.Table, s *sub) (book, error) {
	if table == nil {
		return book{}, &RulesError{Field: "table", Value: "nil",
			Reason: "required: policy.Builtin(), a loaded table, or policy.Pin(rules) to judge by fixed rules"}
	}
	sched, err := table.Schedule(s.key())
	if err != nil {
		return book{}, &RulesError{Field: "table", Value: tableName(table), Reason: "no rules for " + s.key().String(), Err: err}
	}
	b := book{v: viewOf(sched)}
	if err := b.covers(s.day0.ns()); err != nil {
		return book{}, err
	}
	return b, nil
}

func tableName(t *policy.Table) string {
	if n := t.Name(); n != "" {
		return n
	}
	return "unnamed"
}

// covers reports the first instant from t on at which no version is in
// force, as a *RulesError wrapping the *policy.NoRuleError.
func (b book) covers(t int64) error {
	if t >= b.v.CoveredFrom {
		return nil
	}
	i := b.v.Index(t)
	for i >= 0 && b.v.Ends[i] != never {
		end := b.v.Ends[i]
		if i+1 < b.v.Len() && b.v.Starts[i+1] == end {
			i++
			continue
		}
		t, i = end, -1
	}
	if i >= 0 {
		return nil
	}
	_, err := b.sched().At(timeOf(t))
	var nr *policy.NoRuleError
	if !errors.As(err, &nr) {
		err = &policy.NoRuleError{Key: b.sched().Key(), At: timeOf(t), Reason: "no rule in force"}
	}
	return &RulesError{Field: "table", Value: b.sched().Key().String(),
		Reason: "no rules in force from " + timeOf(t).Format(time.RFC3339) + ": a subscription is judged by the versions in force from its first day on", Err: err}
}

// at returns the index of the version in force at t (t on or after the
// first day of the subscription).
func (b book) at(t int64) int32 { return int32(b.v.Index(t)) }

// rules returns the rules of version i.
func (b book) rules(i int32) *policy.Rules { return b.v.Rules[i] }

// rulesAt returns the rules in force at t.
func (b book) rulesAt(t int64) *policy.Rules { return b.v.Rules[b.v.Index(t)] }

// channel returns the channel of the subscriptions the book judges.
func (b book) channel() policy.Channel { return b.sched().Key().Channel }

// version returns version i as the policy package shows it.
func (b book) version(i int32) policy.Version { return b.sched().Version(int(i)) }

// window returns the version that judges a window opened at t0: the
// version in force at t0 unless a later version declares its window
// retroactive and that window, measured from t0, is still open when the
// version takes effect (R-CAN-14: the seven-day window "will apply
// retroactively to subscriptions purchased seven days prior"). The
// argument which picks the window: the cancellation or the license-removal
// window.
func (b book) window(t0 int64, which func(*policy.Rules) *policy.Window) int32 {
	i := b.at(t0)
	for j := int(i) + 1; j < b.v.Len(); j++ {
		from := b.v.Starts[j]
		if from-t0 > maxWindowNs {
			break // no window is that long
		}
		if w := which(b.v.Rules[j]); w.Kind == policy.AfterStart && w.Retroactive && windowOpen(w, t0, from) {
			i = int32(j)
		}
	}
	return i
}

// maxWindowNs bounds every window: policy.Rules.Validate refuses windows
// over 3660 days or 87840 hours.
const maxWindowNs = 3661 * dayNs

func cancelWindow(r *policy.Rules) *policy.Window { return &r.Cancel.Window }

func removeWindow(r *policy.Rules) *policy.Window { return &r.Licenses.RemoveWindow }
