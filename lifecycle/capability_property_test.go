package lifecycle_test

import (
	"flag"
	"strconv"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/lifecycle/lifecycletest"
	"github.com/lapse-go/lapse/policy"
)

// atLeastChecks raises rapid's -rapid.checks to n for the test, unless it
// was set higher (CI sets more), and restores it afterwards.
func atLeastChecks(tb testing.TB, n int) {
	tb.Helper()
	f := flag.Lookup("rapid.checks")
	if f == nil {
		tb.Fatal("rapid registers no -rapid.checks flag")
	}
	old := f.Value.String()
	if cur, err := strconv.Atoi(old); err == nil && cur >= n {
		return
	}
	if err := f.Value.Set(strconv.Itoa(n)); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = f.Value.Set(old) })
}

// boundaryInstants returns the instants where answers change — phase
// starts and ends, events, the cancellation window's end, the
// reactivation deadline, the versions' effective dates — each with the
// nanoseconds either side, from the last event of the history on (Apply
// refuses earlier instants, ErrHistory).
func boundaryInstants(lc lifecycle.Lifecycle) []time.Time {
	sub := lc.Subscription()
	from := lastInstant(sub)
	var bs []time.Time
	for _, ph := range lc.Phases() {
		bs = append(bs, ph.Start)
		if !ph.End.IsZero() {
			bs = append(bs, ph.End)
		}
	}
	for _, e := range sub.History() {
		bs = append(bs, e.At)
	}
	for v := range lc.Schedule().All() {
		bs = append(bs, v.From())
	}
	for _, t := range []time.Time{from, from.AddDate(0, 0, 7), from.Add(72 * time.Hour), from.Add(168 * time.Hour)} {
		bs = append(bs, t)
		if st, err := lc.At(t); err == nil {
			bs = append(bs, st.CancelWindowEnd(), st.CancelWindowClosesAt(), st.ReactivateBefore(), st.NextAt(), st.TermEnd().UTC(), st.TermEnd().AddDays(-15).UTC())
		}
	}
	var out []time.Time
	for _, b := range bs {
		if b.IsZero() {
			continue
		}
		for _, d := range []time.Duration{-time.Nanosecond, 0, time.Nanosecond} {
			if t := b.Add(d); !t.Before(from) && t.Year() < 2190 {
				out = append(out, t)
			}
		}
	}
	return append(out, from)
}

// TestCapabilitiesIffApply is issue 11 item 4: for generated subscriptions
// of every channel (with the [AMBIGUOUS] knobs perturbed), at instants
// around every boundary, for every role, a capability allows a command
// exactly when Apply accepts it. The deliberate exceptions of
// [lifecycle.Capabilities] are kept out of the commands: no custom domain
// (a tenant fact), no instant before the last event (ErrHistory), and
// AssignLicenses is asked with the count Capabilities asks (one more
// assigned license, or one fewer when all are).
func TestCapabilitiesIffApply(t *testing.T) {
	atLeastChecks(t, 10000)
	rapid.Check(t, propCapabilitiesIffApply)
}

// drawBoundaryStatus draws a generated subscription of any channel judged
// against a perturbed table, an instant at or beside one of its
// boundaries, and its status then: the draw the properties over
// generated portfolios share.
func drawBoundaryStatus(t *rapid.T) (lifecycle.Lifecycle, time.Time, lifecycle.Status) {
	c := lifecycletest.Cases(builtin, true).Draw(t, "case")
	lc, err := lifecycle.Judge(c.Sub, c.Table)
	if err != nil {
		t.Fatalf("Judge: %v", err)
	}
	at := rapid.SampledFrom(boundaryInstants(lc)).Draw(t, "at")
	st, err := lc.At(at)
	if err != nil {
		t.Fatalf("At: %v", err)
	}
	return lc, at, st
}

func propCapabilitiesIffApply(t *rapid.T) {
	lc, at, st := drawBoundaryStatus(t)
	caps := st.Capabilities()
	refusals := map[lifecycle.Role]error{} // the last refusal per role, for the report
	accepts := func(cmd lifecycle.Command) lifecycle.RoleSet {
		var set lifecycle.RoleSet
		for _, r := range allRoles {
			cmd.Actor = r
			if _, err := lc.Apply(cmd, at); err == nil {
				set |= lifecycle.RolesOf(r)
			} else {
				refusals[r] = err
			}
		}
		return set
	}
	check := func(what string, flag bool, roles, want lifecycle.RoleSet, wantFlag bool) {
		if roles != want || flag != wantFlag {
			var why error
			for _, r := range (roles ^ want).List() {
				why = refusals[r]
			}
			t.Fatalf("%s at %v (%v, trial %v, %v): Capabilities says %v by %v; Apply accepts from %v (%v)",
				what, at, st.State(), st.Trial(), lc.Subscription().Channel(), flag, roles, want, why)
		}
	}
	rea := accepts(lifecycle.Command{Kind: lifecycle.CmdReactivate})
	check("reactivate", caps.Reactivate, caps.ReactivateRoles, rea, !rea.IsEmpty())
	rb := accepts(lifecycle.Command{Kind: lifecycle.CmdTurnOffRecurringBilling}) | accepts(lifecycle.Command{Kind: lifecycle.CmdTurnOnRecurringBilling})
	check("change recurring billing", caps.ChangeRecurringBilling, caps.ChangeRecurringBillingRoles, rb, !rb.IsEmpty())
	cn := accepts(lifecycle.Command{Kind: lifecycle.CmdCancelNow})
	check("cancel now", caps.Cancel, caps.CancelRoles, cn, !(cn &^ lifecycle.RolesOf(lifecycle.Support)).IsEmpty())
	del := accepts(lifecycle.Command{Kind: lifecycle.CmdDelete})
	check("delete", caps.Delete, caps.DeleteRoles, del, !del.IsEmpty())
	var as lifecycle.RoleSet
	if n := st.Licenses(); n > 0 {
		probe := st.Assigned() + 1
		if st.Assigned() >= n {
			probe = st.Assigned() - 1
		}
		as = accepts(lifecycle.Command{Kind: lifecycle.CmdAssignLicenses, Assigned: probe})
	}
	check("assign licenses", caps.AssignLicenses, caps.AssignLicensesRoles, as, !as.IsEmpty())

	// §2 facts the flags imply: only an Active subscription changes its
	// recurring billing (R-REN-2), never on the channels that renew
	// through their licensing partner (R-REN-4); nothing is done to a
	// Deleted subscription but a reactivation in the hours after an
	// explicit deletion (C-6).
	ch := lc.Subscription().Channel()
	if caps.ChangeRecurringBilling && (st.State() != lifecycle.Active ||
		ch == policy.VolumeLicensing || ch == policy.OpenValue || ch == policy.OpenLicense) {
		t.Fatalf("recurring billing changeable while %v on %v", st.State(), ch)
	}
	if st.State() == lifecycle.Deleted && (caps.Cancel || caps.Delete || caps.AssignLicenses || caps.ChangeRecurringBilling) {
		t.Fatalf("a deleted subscription offers commands: %+v", caps)
	}
	if u := st.ReactivateBefore(); (caps.Reactivate && !u.IsZero() && !u.After(at)) || (st.State() == lifecycle.Active && !u.IsZero()) {
		t.Fatalf("Reactivate %v while %v but ReactivateBefore %v", caps.Reactivate, st.State(), u)
	}
}
