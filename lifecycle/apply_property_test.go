package lifecycle_test

import (
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/lifecycle/lifecycletest"
	"github.com/lapse-go/lapse/policy"
)

// applyModel is a deliberately simple model of a Direct MOSA annual
// subscription under the current rules, written from RULES.md rather than
// from the engine: Active while recurring billing is on; otherwise Active
// to the end date E, Expired for 30 days, Disabled for 90, then Deleted
// (DC-3a, R-LC-3); a cancellation is Disabled on its date for 90 days
// (R-LC-5, DC-4); an explicit deletion is Deleted at once (R-LC-8).
type applyModel struct {
	anchor    time.Time // first day of the terms that roll yearly from it
	recurring bool
	end       time.Time // end date E when recurring billing is off
	cancelled time.Time // cancellation instant; zero if none
	cancelEnd time.Time // end date of the term the cancellation fell in
	deleted   time.Time // explicit deletion instant; zero if none
	licenses  int
	assigned  int
}

func mDay(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// mAddYears adds years to a date, clamping the day to the month's end.
func mAddYears(d time.Time, k int) time.Time {
	first := time.Date(d.Year()+k, d.Month(), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return first.AddDate(0, 0, min(d.Day(), last)-1)
}

// termEnd returns the end date of the yearly term holding t.
func (m *applyModel) termEnd(t time.Time) time.Time {
	d := mDay(t)
	k := 0
	for !mAddYears(m.anchor, k+1).After(d) {
		k++
	}
	return mAddYears(m.anchor, k+1).AddDate(0, 0, -1)
}

func (m *applyModel) state(t time.Time) lifecycle.State {
	switch {
	case !m.deleted.IsZero() && !t.Before(m.deleted):
		return lifecycle.Deleted
	case !m.cancelled.IsZero():
		if t.Before(mDay(m.cancelled).AddDate(0, 0, 90)) {
			return lifecycle.Disabled
		}
		return lifecycle.Deleted
	case m.recurring:
		return lifecycle.Active
	case t.Before(m.end):
		return lifecycle.Active
	case t.Before(m.end.AddDate(0, 0, 30)):
		return lifecycle.Expired
	case t.Before(m.end.AddDate(0, 0, 120)):
		return lifecycle.Disabled
	}
	return lifecycle.Deleted
}

// newTerm starts a new yearly term on t's date (a reactivation or renewal
// after the end date, R-REA-1, R-REA-9).
func (m *applyModel) newTerm(t time.Time) {
	m.anchor = mDay(t)
	m.end = m.termEnd(t)
	m.cancelled, m.cancelEnd = time.Time{}, time.Time{}
}

var propActors = []lifecycle.Role{lifecycle.GlobalAdmin, lifecycle.BillingAdmin, lifecycle.UserAdmin, lifecycle.User, lifecycle.Partner}

// modelApply returns whether the model accepts cmd at t and applies it.
func (m *applyModel) apply(cmd lifecycle.Command, t time.Time) bool {
	st := m.state(t)
	billing := cmd.Actor == lifecycle.GlobalAdmin || cmd.Actor == lifecycle.BillingAdmin
	switch cmd.Kind {
	case lifecycle.CmdTurnOffRecurringBilling, lifecycle.CmdCancelAtRenewal:
		// R-LC-12, AC-59: a partner (AOBO) cancels for a direct customer.
		aobo := cmd.Kind == lifecycle.CmdCancelAtRenewal && cmd.Actor == lifecycle.Partner
		if !(billing || aobo) || st != lifecycle.Active || (!m.recurring && cmd.Kind == lifecycle.CmdTurnOffRecurringBilling) {
			return false
		}
		if m.recurring {
			m.end = m.termEnd(t)
		}
		m.recurring = false
	case lifecycle.CmdTurnOnRecurringBilling:
		if !billing || st != lifecycle.Active || m.recurring {
			return false
		}
		m.recurring = true
		m.anchor = mAddYears(m.end.AddDate(0, 0, 1), -1) // terms keep rolling from the current one
	case lifecycle.CmdCancelNow:
		if !(billing || cmd.Actor == lifecycle.Partner) || st != lifecycle.Active || m.licenses > 25 {
			return false
		}
		if m.recurring {
			m.end = m.termEnd(t)
		}
		m.cancelled, m.cancelEnd = t, m.end
	case lifecycle.CmdReactivate:
		if !billing || (st != lifecycle.Expired && st != lifecycle.Disabled) {
			return false
		}
		if !m.cancelled.IsZero() && t.Before(m.cancelEnd) {
			m.cancelled = time.Time{} // the term goes on
		} else {
			m.newTerm(t)
		}
		m.recurring = true
		m.anchor = mAddYears(m.end.AddDate(0, 0, 1), -1)
	case lifecycle.CmdDelete:
		if !billing || st != lifecycle.Disabled {
			return false
		}
		m.deleted = t
	case lifecycle.CmdAddLicenses:
		if !billing || st != lifecycle.Active {
			return false
		}
		m.licenses += cmd.Licenses
	case lifecycle.CmdRemoveLicenses:
		if !billing || st != lifecycle.Active || m.licenses-cmd.Licenses < 1 || m.licenses-cmd.Licenses < m.assigned {
			return false
		}
		m.licenses -= cmd.Licenses
	case lifecycle.CmdAssignLicenses:
		ok := cmd.Actor == lifecycle.GlobalAdmin || cmd.Actor == lifecycle.UserAdmin
		if !ok || (st != lifecycle.Active && st != lifecycle.Expired) || cmd.Assigned > m.licenses || cmd.Assigned == m.assigned {
			return false
		}
		m.assigned = cmd.Assigned
	case lifecycle.CmdRenew:
		if !billing || (st != lifecycle.Active && st != lifecycle.Expired) {
			return false
		}
		switch {
		case st == lifecycle.Expired:
			m.newTerm(t)
		case !m.recurring:
			m.end = mAddYears(m.end.AddDate(0, 0, 1), 1).AddDate(0, 0, -1)
		}
	default: // suspensions, trials and EST do not exist for a paid MOSA subscription
		return false
	}
	return true
}

// TestApplyStateMachine issues random commands at random increasing
// instants against the model and checks after each step that the judged
// lifecycle Apply returns agrees with the model, that it answers as the new
// subscription judged from scratch does, that a refused command changes
// nothing, and that nothing panics.
func TestApplyStateMachine(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		start := time.Date(2026, 1, 1, 9, 30, 0, 0, time.UTC)
		spec := lifecycle.Spec{ID: "prop", Channel: policy.DirectMOSA, Term: policy.Annual, Start: start,
			End: mustDate(lifecycle.EndOfTerm(start, policy.Annual)), Licenses: rapid.IntRange(1, 30).Draw(t, "licenses"),
			RecurringBilling: true, PaymentMethod: true}
		sub, err := lifecycle.New(spec)
		if err != nil {
			t.Fatal(err)
		}
		lc, err := lifecycle.Judge(sub, builtin)
		if err != nil {
			t.Fatal(err)
		}
		m := &applyModel{anchor: mDay(start), recurring: true, licenses: spec.Licenses}
		now := start
		advance := func(t *rapid.T) {
			days := rapid.IntRange(0, 60).Draw(t, "days")
			ns := rapid.Int64Range(0, int64(24*time.Hour)).Draw(t, "ns")
			now = now.AddDate(0, 0, days).Add(time.Duration(ns))
		}
		issue := func(t *rapid.T, cmd lifecycle.Command) {
			advance(t)
			before, errBefore := lc.At(now)
			phases := lc.Phases()
			next, err := lc.Apply(cmd, now)
			want := m.apply(cmd, now)
			if (err == nil) != want {
				t.Fatalf("Apply(%v at %v) = %v; model accepts: %v (state %v)", cmd, now, err, want, before.State())
			}
			if cerr := lc.Check(cmd, now); (cerr == nil) != (err == nil) {
				t.Fatalf("Check(%v at %v) = %v, Apply = %v", cmd, now, cerr, err)
			}
			if err != nil {
				if !errors.Is(err, lifecycle.ErrRefused) {
					t.Fatalf("Apply(%v at %v): %v is not a refusal", cmd, now, err)
				}
				after, errAfter := lc.At(now)
				if errBefore != nil || errAfter != nil || !cmp.Equal(answersOf(before), answersOf(after)) || !cmp.Equal(phases, lc.Phases()) {
					t.Fatalf("a refused command changed the lifecycle: %+v → %+v", answersOf(before), answersOf(after))
				}
				return
			}
			if n := next.Subscription().Len(); n != sub.Len()+1 {
				t.Fatalf("Apply appended %d events", n-sub.Len())
			}
			if !cmp.Equal(phases, lc.Phases()) {
				t.Fatalf("Apply changed the lifecycle it was called on")
			}
			sameAsRejudged(t, next, builtin, now)
			sub, lc = next.Subscription(), next
		}
		actor := func(t *rapid.T) lifecycle.Role { return rapid.SampledFrom(propActors).Draw(t, "actor") }
		simple := func(k lifecycle.CommandKind) func(*rapid.T) {
			return func(t *rapid.T) { issue(t, lifecycle.Command{Kind: k, Actor: actor(t)}) }
		}
		t.Repeat(map[string]func(*rapid.T){
			"off":        simple(lifecycle.CmdTurnOffRecurringBilling),
			"on":         simple(lifecycle.CmdTurnOnRecurringBilling),
			"cancel":     simple(lifecycle.CmdCancelNow),
			"atRenewal":  simple(lifecycle.CmdCancelAtRenewal),
			"reactivate": simple(lifecycle.CmdReactivate),
			"delete":     simple(lifecycle.CmdDelete),
			"renew":      simple(lifecycle.CmdRenew),
			"other": func(t *rapid.T) {
				k := rapid.SampledFrom([]lifecycle.CommandKind{lifecycle.CmdSuspend, lifecycle.CmdUnsuspend, lifecycle.CmdExtendTrial,
					lifecycle.CmdConvertTrial, lifecycle.CmdConvertToEST}).Draw(t, "kind")
				issue(t, lifecycle.Command{Kind: k, Actor: actor(t)})
			},
			"add": func(t *rapid.T) {
				issue(t, lifecycle.Command{Kind: lifecycle.CmdAddLicenses, Actor: actor(t), Licenses: rapid.IntRange(1, 10).Draw(t, "n")})
			},
			"remove": func(t *rapid.T) {
				issue(t, lifecycle.Command{Kind: lifecycle.CmdRemoveLicenses, Actor: actor(t), Licenses: rapid.IntRange(1, 10).Draw(t, "n")})
			},
			"assign": func(t *rapid.T) {
				issue(t, lifecycle.Command{Kind: lifecycle.CmdAssignLicenses, Actor: actor(t), Assigned: rapid.IntRange(0, 40).Draw(t, "assigned")})
			},
			"": func(t *rapid.T) {
				for _, at := range []time.Time{now, now.AddDate(0, 0, 45), now.AddDate(0, 0, 200)} {
					st, err := lc.At(at)
					if err != nil {
						t.Fatalf("At(%v): %v", at, err)
					}
					if want := m.state(at); st.State() != want {
						t.Fatalf("at %v: At says %v, the model %v (history %v)", at, st.State(), want, sub.History())
					}
					if at.Equal(now) && (st.Licenses() != m.licenses || st.Assigned() != m.assigned) {
						t.Fatalf("at %v: licenses %d/%d, model %d/%d", at, st.Licenses(), st.Assigned(), m.licenses, m.assigned)
					}
				}
			},
		})
	})
}

// sameAsRejudged checks that next, a lifecycle Apply returned for a
// command at the instant at, is the lifecycle Judge makes of its
// subscription from scratch: Apply folds only the new event, and that
// must equal folding the whole history again. It compares the phases and
// every answer just before, at and just after each phase boundary, each
// version's first instant and the command's instant, and well after the
// last boundary.
func sameAsRejudged(t *rapid.T, next lifecycle.Lifecycle, table *policy.Table, at time.Time) {
	t.Helper()
	fresh, err := lifecycle.Judge(next.Subscription(), table)
	if err != nil {
		t.Fatalf("Judge of the subscription Apply returned: %v (history %v)", err, next.Subscription().History())
	}
	got, want := next.Phases(), fresh.Phases()
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("Apply at %v: Phases differ from Judge's (-judge +apply):\n%s\nhistory %v", at, diff, next.Subscription().History())
	}
	if next.Schedule() != fresh.Schedule() {
		t.Fatalf("Apply at %v: Schedule %p, Judge's %p", at, next.Schedule(), fresh.Schedule())
	}
	probes := []time.Time{at, want[len(want)-1].Start.AddDate(1, 1, 1)}
	for _, p := range want {
		probes = append(probes, p.Start)
	}
	for v := range next.Schedule().All() { // where a phase may be cut by a new version
		probes = append(probes, v.From())
	}
	start := next.Subscription().Start()
	for _, b := range probes {
		for _, d := range []time.Duration{-time.Nanosecond, 0, time.Nanosecond} {
			x := b.Add(d)
			if x.Before(start) {
				continue
			}
			sa, errA := next.At(x)
			sj, errJ := fresh.At(x)
			if errA != nil || errJ != nil {
				t.Fatalf("At(%v): Apply's %v, Judge's %v", x, errA, errJ)
			}
			if diff := cmp.Diff(answersOf(sj), answersOf(sa)); diff != "" {
				t.Fatalf("Apply at %v: At(%v) differs from Judge's (-judge +apply):\n%s\nhistory %v", at, x, diff, next.Subscription().History())
			}
		}
	}
}

// TestApplyConcurrent applies commands from many goroutines to copies of
// the same judged lifecycle (go test -race): Lifecycle values share their
// history and segments, which Apply must never write.
func TestApplyConcurrent(t *testing.T) {
	base := judge(t, mustNew(t, lifecycle.Spec{Channel: policy.CSPNewCommerce, Term: policy.Annual, Start: utc(2026, 1, 15, 10, 0),
		End: day(2027, 1, 14), Licenses: 20, Assigned: 5, RecurringBilling: true}), builtin)
	base, err := base.Apply(lifecycle.Command{Kind: lifecycle.CmdAddLicenses, Actor: lifecycle.Partner, Licenses: 5}, utc(2026, 1, 16, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	basePhases := base.Phases()
	cmds := []lifecycle.Command{
		{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.Partner},
		{Kind: lifecycle.CmdTurnOffRecurringBilling, Actor: lifecycle.Partner},
		{Kind: lifecycle.CmdSuspend, Actor: lifecycle.Partner},
		{Kind: lifecycle.CmdRemoveLicenses, Actor: lifecycle.Partner, Licenses: 3},
		{Kind: lifecycle.CmdAddLicenses, Actor: lifecycle.Partner, Licenses: 1},
		{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.GlobalAdmin},
	}
	const goroutines = 32
	var wg sync.WaitGroup
	results := make([][]lifecycle.EventKind, goroutines)
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lc := base // a copy sharing the history and segments
			for i := range 50 {
				at := utc(2026, 1, 17, 0, 0).Add(time.Duration(i) * time.Minute)
				cmd := cmds[(g+i)%len(cmds)]
				if next, err := lc.Apply(cmd, at); err == nil && i%7 == 0 {
					lc = next
				}
				if _, err := base.At(at); err != nil {
					t.Error(err)
				}
				if _, err := lifecycle.Diagram(policy.CSPNewCommerce, lifecycle.Mermaid); err != nil {
					t.Error(err)
				}
			}
			for _, e := range lc.Subscription().History() {
				results[g] = append(results[g], e.Kind)
			}
		}()
	}
	wg.Wait()
	if n := base.Subscription().Len(); n != 1 {
		t.Errorf("the shared lifecycle changed: %d events", n)
	}
	if diff := cmp.Diff(basePhases, base.Phases()); diff != "" {
		t.Errorf("the shared lifecycle's phases changed (-before +after):\n%s", diff)
	}
	for g, h := range results {
		if len(h) == 0 || h[0] != lifecycle.ChangeLicenses {
			t.Errorf("goroutine %d: history %v does not start with the shared event", g, h)
		}
	}
}

var allRoles = []lifecycle.Role{lifecycle.GlobalAdmin, lifecycle.BillingAdmin, lifecycle.BillingAccountOwner,
	lifecycle.BillingAccountContributor, lifecycle.BillingProfileOwner, lifecycle.BillingProfileContributor,
	lifecycle.UserAdmin, lifecycle.Partner, lifecycle.Support, lifecycle.User}

// drawCommand draws a command of any kind by any actor, now and then with
// a custom domain still attached.
func drawCommand(t *rapid.T) lifecycle.Command {
	cmd := lifecycle.Command{
		Kind:     rapid.SampledFrom(lifecycle.CommandKinds()).Draw(t, "kind"),
		Actor:    rapid.SampledFrom(allRoles).Draw(t, "actor"),
		Licenses: rapid.IntRange(1, 30).Draw(t, "licenses"),
		Assigned: rapid.IntRange(0, 40).Draw(t, "assigned"),
	}
	if rapid.IntRange(0, 9).Draw(t, "domain") == 0 {
		cmd.CustomDomains = []string{"contoso.com"}
	}
	return cmd
}

// lastInstant returns the instant of sub's last event, or its start.
func lastInstant(sub lifecycle.Subscription) time.Time {
	if n := sub.Len(); n > 0 {
		e, _ := sub.Event(n - 1)
		return e.At
	}
	return sub.Start()
}

// propApplyAnyChannel issues random commands by random actors at random
// increasing instants against subscriptions of every channel, term and
// policy version, with the [AMBIGUOUS] knobs perturbed (lifecycletest).
// Apply and Check must agree; a command is either accepted, with the new
// lifecycle answering as Judge of its subscription does and the command's
// effect visible, or refused with a *RefusalError; Apply never reports an
// impossible history it built itself, and never panics.
func propApplyAnyChannel(t *rapid.T) {
	c := lifecycletest.Cases(builtin, true).Draw(t, "case")
	lc, err := lifecycle.Judge(c.Sub, c.Table)
	if err != nil {
		t.Fatalf("Judge: %v", err)
	}
	sub := c.Sub
	now := lastInstant(sub)
	steps := rapid.IntRange(1, 12).Draw(t, "steps")
	for range steps {
		now = now.Add(time.Duration(rapid.Int64Range(0, int64(90*24*time.Hour)).Draw(t, "dt")))
		cmd := drawCommand(t)
		before, err := lc.At(now)
		if err != nil {
			t.Fatalf("At before: %v", err)
		}
		next, err := lc.Apply(cmd, now)
		if cerr := lc.Check(cmd, now); (cerr == nil) != (err == nil) || (err != nil && cerr.Error() != err.Error()) {
			t.Fatalf("Check = %v, Apply = %v", cerr, err)
		}
		// Capabilities.CancelRoles answers the same question for one
		// subscription (no tenant facts). It differs for a CSP trial, which
		// Apply refuses by R-TRI-7 ("during the trial quantity and status
		// can't be changed"). Cancel alone is not the answer for an actor:
		// it is true when anyone may cancel online — under an MCA bought
		// through a seller, the partner, while the customer's own admins
		// are told to contact the seller (R-CAN-4).
		cspTrial := sub.Channel().IsCSP() && before.Trial()
		if cmd.Kind == lifecycle.CmdCancelNow && cmd.CustomDomains == nil && lifecycle.BillingRoles(sub.Channel()).Has(cmd.Actor) &&
			!cspTrial && (err == nil) != before.Capabilities().CancelRoles.Has(cmd.Actor) {
			t.Fatalf("Apply(%v at %v) = %v but Capabilities.CancelRoles = %v (state %v, trial %v)", cmd, now, err, before.Capabilities().CancelRoles, before.State(), before.Trial())
		}
		caps := before.Capabilities()
		switch {
		// Only MOSA can be explicitly deleted (R-LC-9), so only its graph
		// has the C-6 reactivation after a deletion; a history that records
		// a deletion on another channel is not reactivated by Apply.
		case cmd.Kind == lifecycle.CmdReactivate && caps.ReactivateRoles.Has(cmd.Actor) && (err == nil) != caps.Reactivate &&
			(before.State() != lifecycle.Deleted || sub.Channel() == policy.DirectMOSA):
			t.Fatalf("Apply(%v at %v) = %v but Capabilities.Reactivate = %v (state %v)", cmd, now, err, caps.Reactivate, before.State())
		case cmd.Kind == lifecycle.CmdDelete && lifecycle.BillingRoles(sub.Channel()).Has(cmd.Actor) && (err == nil) != caps.Delete:
			t.Fatalf("Apply(%v at %v) = %v but Capabilities.Delete = %v (state %v)", cmd, now, err, caps.Delete, before.State())
		case (cmd.Kind == lifecycle.CmdTurnOffRecurringBilling || cmd.Kind == lifecycle.CmdTurnOnRecurringBilling) && err == nil && !caps.ChangeRecurringBilling:
			t.Fatalf("Apply(%v at %v) accepted but Capabilities.ChangeRecurringBilling is false (state %v)", cmd, now, before.State())
		}
		if err != nil {
			var re *lifecycle.RefusalError
			if !errors.As(err, &re) || !errors.Is(err, lifecycle.ErrRefused) || errors.Is(err, lifecycle.ErrInvalid) {
				t.Fatalf("Apply(%v at %v) in %v: %v is not a refusal", cmd, now, before.State(), err)
			}
			if re.State != before.State() || !re.At.Equal(now) || re.Rule == "" || re.Sources == "" || re.Reason() == "" {
				t.Fatalf("refusal %+v does not describe the state %v at %v", re, before.State(), now)
			}
			continue
		}
		after, err := next.At(now)
		if err != nil {
			t.Fatalf("At after Apply(%v): %v", cmd, err)
		}
		// The command is judged by the version in force at its instant.
		checkEffect(t, before.Versions().Commands.Rules(), cmd, before, after)
		sameAsRejudged(t, next, c.Table, now)
		sub, lc = next.Subscription(), next
	}
}

// checkEffect checks what an accepted command visibly did at its instant.
func checkEffect(t *rapid.T, r policy.Rules, cmd lifecycle.Command, before, after lifecycle.Status) {
	fail := func(what string) {
		t.Fatalf("%v: %s (before %v, after %v)", cmd, what, before.State(), after.State())
	}
	switch cmd.Kind {
	case lifecycle.CmdCancelNow:
		if before.Trial() { // R-TRI-3: cancelling a trial turns recurring billing off
			// On the end date itself, where Expired starts on the end date
			// (DC-3a: "not the date that you turned off recurring
			// billing"), the trial that no longer converts has ended at
			// once: Expired, or a later state where the rules give the
			// states before it no days. On any other day the state stays.
			endDay := clock.DateOf(before.At()) == before.TermEnd() && before.Versions().Lifecycle.Rules().ExpiryAnchor == policy.OnEndDate
			ended := after.State() == lifecycle.Expired || after.State() == lifecycle.Disabled || after.State() == lifecycle.Deleted
			sameState := after.State() == before.State() || (endDay && ended)
			if !sameState || !after.Trial() || after.RecurringBilling() {
				fail("a trial's cancellation did not just turn recurring billing off")
			}
			break
		}
		if after.State() != lifecycle.Disabled && after.State() != lifecycle.Deleted && r.Cancel.Effect != policy.CancelAtTermEnd {
			fail("a cancellation did not disable or delete")
		}
	case lifecycle.CmdDelete:
		if after.State() != lifecycle.Deleted {
			fail("a deletion did not delete")
		}
	case lifecycle.CmdReactivate, lifecycle.CmdUnsuspend:
		if after.State() != lifecycle.Active {
			fail("a reactivation did not activate")
		}
	case lifecycle.CmdSuspend:
		// On the end date itself (under DC-3a) the suspended term ends at once.
		if after.State() != lifecycle.Suspended && !mDay(after.At()).Equal(before.TermEnd().UTC()) {
			fail("a suspension did not suspend")
		}
	case lifecycle.CmdTurnOffRecurringBilling, lifecycle.CmdCancelAtRenewal:
		// On the end date itself (DC-3a) the term ends at once.
		onEnd := mDay(after.At()).Equal(before.TermEnd().UTC())
		if after.RecurringBilling() || (after.State() != before.State() && !onEnd) {
			fail("recurring billing is still on, or the state changed before the end date")
		}
	case lifecycle.CmdTurnOnRecurringBilling:
		if !after.RecurringBilling() || after.State() != before.State() {
			fail("recurring billing is still off")
		}
	case lifecycle.CmdAddLicenses:
		if after.Licenses() != before.Licenses()+cmd.Licenses {
			fail("licenses not added")
		}
	case lifecycle.CmdRemoveLicenses:
		if after.Licenses() != before.Licenses()-cmd.Licenses || after.Licenses() < after.Assigned() && r.Licenses.ConflictDays == 0 {
			fail("licenses not removed, or removed below the assigned count")
		}
	case lifecycle.CmdAssignLicenses:
		if after.Assigned() != cmd.Assigned || after.Assigned() > after.Licenses() {
			fail("assignment not recorded")
		}
	case lifecycle.CmdRenew, lifecycle.CmdConvertTrial:
		if after.State() != lifecycle.Active {
			fail("not active after a renewal or a purchase")
		}
	case lifecycle.CmdExtendTrial:
		if !after.TermEnd().After(before.TermEnd()) || !after.Trial() {
			fail("the trial was not extended")
		}
	case lifecycle.CmdConvertToEST:
		if after.State() != before.State() {
			fail("an EST conversion changed the state")
		}
	}
}

func TestApplyAnyChannel(t *testing.T) { rapid.Check(t, propApplyAnyChannel) }

func FuzzApplyAnyChannel(f *testing.F) { f.Fuzz(rapid.MakeFuzz(propApplyAnyChannel)) }

// propApplyFoldsLikeJudge applies one command to a judged lifecycle of any
// channel, version and knob setting, at an instant near a phase boundary
// or anywhere after the last event: when Apply accepts it, the lifecycle
// it returns has the phases and the answers of Judge of the resulting
// subscription ("Apply folds only the new event" equals refolding).
func propApplyFoldsLikeJudge(t *rapid.T) {
	c := lifecycletest.Cases(builtin, true).Draw(t, "case")
	lc, err := lifecycle.Judge(c.Sub, c.Table)
	if err != nil {
		t.Fatalf("Judge: %v", err)
	}
	at := drawCommandInstant(t, lc)
	// Every kind of command, each by an actor who may well issue it, so
	// that most draws have some accepted.
	actors := append(lifecycle.BillingRoles(c.Sub.Channel()).List(), lifecycle.Partner, lifecycle.UserAdmin, lifecycle.Support)
	for _, k := range lifecycle.CommandKinds() {
		cmd := drawCommand(t)
		cmd.Kind, cmd.Actor = k, rapid.SampledFrom(actors).Draw(t, "actor")
		next, err := lc.Apply(cmd, at)
		if err != nil {
			if !errors.Is(err, lifecycle.ErrRefused) {
				t.Fatalf("Apply(%v at %v): %v is not a refusal", cmd, at, err)
			}
			continue
		}
		sameAsRejudged(t, next, c.Table, at)
	}
}

// drawCommandInstant draws an instant from lc's last event on: just
// around a phase boundary after it, or up to three years later.
func drawCommandInstant(t *rapid.T, lc lifecycle.Lifecycle) time.Time {
	last := lastInstant(lc.Subscription())
	var bounds []time.Time
	for _, p := range lc.Phases() {
		if !p.Start.Before(last) {
			bounds = append(bounds, p.Start)
		}
	}
	if len(bounds) > 0 && rapid.Bool().Draw(t, "near a boundary") {
		b := rapid.SampledFrom(bounds).Draw(t, "boundary")
		at := b.Add(time.Duration(rapid.IntRange(-1, 1).Draw(t, "offset ns")))
		if at.Before(last) {
			at = last
		}
		return at
	}
	return lifecycletest.Instant(last, last.AddDate(3, 0, 0)).Draw(t, "at")
}

func TestApplyFoldsLikeJudge(t *testing.T) { rapid.Check(t, propApplyFoldsLikeJudge) }

// propCheckIffApply: Check(cmd, at) is nil exactly when Apply(cmd, at)
// succeeds, and otherwise returns the error Apply returns — for every
// command, actor and instant, including instants before the last event
// and invalid commands.
func propCheckIffApply(t *rapid.T) {
	c := lifecycletest.Cases(builtin, true).Draw(t, "case")
	lc, err := lifecycle.Judge(c.Sub, c.Table)
	if err != nil {
		t.Fatalf("Judge: %v", err)
	}
	var at time.Time
	if rapid.IntRange(0, 9).Draw(t, "before the last event") == 0 {
		at = lifecycletest.Instant(c.Sub.Start().AddDate(0, 0, -1), lastInstant(c.Sub).Add(time.Nanosecond)).Draw(t, "early at")
	} else {
		at = drawCommandInstant(t, lc)
	}
	cmd := drawCommand(t)
	if rapid.IntRange(0, 19).Draw(t, "invalid command") == 0 {
		cmd.Kind = lifecycle.CommandKind(rapid.SampledFrom([]int{0, 200}).Draw(t, "bad kind"))
	}
	at = at.In(lifecycletest.Location().Draw(t, "location"))
	next, aerr := lc.Apply(cmd, at)
	cerr := lc.Check(cmd, at)
	if (cerr == nil) != (aerr == nil) {
		t.Fatalf("Check(%v at %v) = %v, but Apply = %v", cmd, at, cerr, aerr)
	}
	if aerr != nil && cerr.Error() != aerr.Error() {
		t.Fatalf("Check(%v at %v) = %q, Apply = %q", cmd, at, cerr, aerr)
	}
	if (aerr == nil) == next.IsZero() {
		t.Fatalf("Apply(%v at %v) = (zero %v, %v)", cmd, at, next.IsZero(), aerr)
	}
}

func TestCheckIffApply(t *testing.T) { rapid.Check(t, propCheckIffApply) }
