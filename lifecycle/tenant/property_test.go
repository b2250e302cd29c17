package tenant_test

import (
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/lifecycle/tenant"
	"github.com/lapse-go/lapse/policy"
	"pgregory.net/rapid"
)

const sysDomain = "t.onmicrosoft.com"

// genTenant draws a valid tenant: up to three custom domains with random
// DNS facts and progress, up to six users (at least one Global
// Administrator), groups and aliases on random domains, and up to three
// MOSA, MCA or CSP subscriptions judged against the built-in table, whose
// histories were built with Lifecycle.Apply (commands it refuses are
// dropped). It returns the
// snapshot and the instant to plan at.
func genTenant(t *rapid.T) (tenant.Snapshot, time.Time) {
	at := date(2026, 1, 1).AddDate(0, 0, rapid.IntRange(0, 364).Draw(t, "day")).Add(time.Duration(rapid.IntRange(0, 23).Draw(t, "hour")) * time.Hour)
	spec := tenant.SnapshotSpec{
		BillingAccount: rapid.SampledFrom([]tenant.BillingAccount{tenant.MOSA, tenant.MCA}).Draw(t, "billingAccount"),
		DirectorySync:  rapid.Bool().Draw(t, "directorySync"),
		UnpaidInvoices: rapid.IntRange(0, 2).Draw(t, "unpaidInvoices"),
		BackedUp:       rapid.Bool().Draw(t, "backedUp"),
	}
	names := []string{sysDomain}
	spec.Domains = []tenant.Domain{{Name: sysDomain, System: true}}
	for i := range rapid.IntRange(0, 3).Draw(t, "customDomains") {
		d := tenant.Domain{
			Name:             fmt.Sprintf("d%d.example", i),
			NSAtMicrosoft:    rapid.Bool().Draw(t, "ns"),
			MXAtMicrosoft:    rapid.Bool().Draw(t, "mx"),
			RecordsAtNewHost: rapid.IntRange(0, 3).Draw(t, "records") == 0,
		}
		if rapid.IntRange(0, 3).Draw(t, "notified") == 0 {
			d.UsersNotified = at.AddDate(0, 0, -3)
		}
		spec.Domains = append(spec.Domains, d)
		names = append(names, d.Name)
	}
	spec.Domains[rapid.IntRange(0, len(names)-1).Draw(t, "default")].Default = true
	for i := range rapid.IntRange(1, 6).Draw(t, "users") {
		u := tenant.User{
			ID:     tenant.UserID(fmt.Sprintf("u%d", i)),
			Domain: rapid.SampledFrom(names).Draw(t, "userDomain"),
			MFA:    rapid.Bool().Draw(t, "mfa"),
			Synced: rapid.Bool().Draw(t, "synced"),
		}
		if i == 0 || rapid.Bool().Draw(t, "globalAdmin") {
			u.Roles = ga
		}
		spec.Users = append(spec.Users, u)
	}
	for i := range rapid.IntRange(0, 3).Draw(t, "groups") {
		spec.Groups = append(spec.Groups, tenant.Group{Name: fmt.Sprintf("g%d", i), Domain: rapid.SampledFrom(names).Draw(t, "groupDomain")})
	}
	for i := range rapid.IntRange(0, 3).Draw(t, "aliases") {
		spec.Aliases = append(spec.Aliases, tenant.Alias{Address: fmt.Sprintf("a%d@%s", i, rapid.SampledFrom(names).Draw(t, "aliasDomain"))})
	}
	for i := range rapid.IntRange(0, 2).Draw(t, "applications") {
		spec.Applications = append(spec.Applications, fmt.Sprintf("app%d", i))
	}
	for i := range rapid.IntRange(0, 1).Draw(t, "mfaProviders") {
		spec.MFAProviders = append(spec.MFAProviders, fmt.Sprintf("mfa%d", i))
	}
	for i := range rapid.IntRange(0, 3).Draw(t, "subscriptions") {
		if s, ok := genSubscription(t, fmt.Sprintf("S%d", i), at); ok {
			spec.Subscriptions = append(spec.Subscriptions, s)
		}
	}
	snap, err := tenant.New(spec)
	if err != nil {
		t.Fatalf("generator built an invalid tenant: %v", err)
	}
	return snap, at
}

func genSubscription(t *rapid.T, id string, at time.Time) (lifecycle.Lifecycle, bool) {
	ch := rapid.SampledFrom([]policy.Channel{policy.DirectMOSA, policy.DirectMCA, policy.CSPNewCommerce}).Draw(t, "channel")
	term := rapid.SampledFrom([]policy.Term{policy.Monthly, policy.Annual}).Draw(t, "term")
	start := at.Add(-time.Duration(rapid.IntRange(1, 500*24).Draw(t, "age")) * time.Hour)
	s, err := lifecycle.New(lifecycle.Spec{ID: id, Channel: ch, Term: term, Start: start, End: mustDate(lifecycle.EndOfTerm(start, term)),
		Licenses: rapid.IntRange(1, 30).Draw(t, "licenses"), PaymentMethod: true, RecurringBilling: true})
	if err != nil {
		t.Fatalf("lifecycle.New: %v", err)
	}
	lc, err := lifecycle.Judge(s, policy.Builtin())
	if err != nil {
		return lifecycle.Lifecycle{}, false
	}
	actor := lifecycle.GlobalAdmin
	if roles := lifecycle.BillingRoles(ch); !roles.Has(actor) {
		actor = roles.List()[0]
	}
	when := start
	for range rapid.IntRange(0, 3).Draw(t, "commands") {
		when = when.Add(time.Duration(rapid.Int64Range(0, int64(at.Sub(when))).Draw(t, "after")))
		kind := rapid.SampledFrom([]lifecycle.CommandKind{lifecycle.CmdTurnOffRecurringBilling, lifecycle.CmdCancelNow,
			lifecycle.CmdDelete, lifecycle.CmdTurnOnRecurringBilling}).Draw(t, "command")
		if next, err := lc.Apply(lifecycle.Command{Kind: kind, Actor: actor}, when); err == nil {
			lc = next
		}
	}
	return lc, true
}

// exists reports whether a step's target names an entry of the snapshot.
func exists(s tenant.Snapshot, target string) bool {
	if target == "billing-account" {
		return s.BillingAccount() == tenant.MCA
	}
	spec := s.Spec()
	for _, u := range spec.Users {
		if string(u.ID) == target {
			return true
		}
	}
	for _, g := range spec.Groups {
		if g.Name == target {
			return true
		}
	}
	for _, a := range spec.Aliases {
		if a.Address == target {
			return true
		}
	}
	for _, d := range spec.Domains {
		if d.Name == target {
			return true
		}
	}
	for _, x := range spec.Subscriptions {
		if x.Subscription().ID() == target {
			return true
		}
	}
	return slices.Contains(spec.Applications, target) || slices.Contains(spec.MFAProviders, target)
}

// checkPlan checks what holds of every plan: valid statuses, cited steps,
// reasons for everything not finished, Done exactly when all are finished.
func checkPlan(t *rapid.T, p tenant.Plan) {
	finished := true
	for _, s := range p.Steps {
		if !s.ID.IsValid() || !s.Status.IsValid() {
			t.Fatalf("invalid step %+v", s)
		}
		if s.Text == "" || s.Rule == "" || s.Sources == "" || s.Reason == "" {
			t.Fatalf("step %s lacks text, rule, sources or reason: %+v", s.ID, s)
		}
		if (s.Status == tenant.Blocked || s.Status == tenant.Pending) && s.Unblock == "" {
			t.Fatalf("%s step %s says nothing about what unblocks it", s.Status, s.ID)
		}
		finished = finished && s.Status.Finished()
	}
	if p.Done != finished {
		t.Fatalf("Done = %v, but finished = %v:\n%s", p.Done, finished, p)
	}
}

func finishedSteps(p tenant.Plan) int {
	n := 0
	for _, s := range p.Steps {
		if s.Status.Finished() {
			n++
		}
	}
	return n
}

// followPlan executes the next step of the plan again and again. Every
// execution must change the snapshot and never lower the number of
// finished steps; within a bounded number of steps the plan is done, or no
// step is next and a Blocked step names an obstacle that exists.
func followPlan(t *rapid.T, snap tenant.Snapshot, at time.Time, plan func(tenant.Snapshot, time.Time) (tenant.Plan, error)) tenant.Plan {
	const limit = 40
	prev := 0
	for range limit {
		p, err := plan(snap, at)
		if err != nil {
			t.Fatalf("plan at %s: %v", at, err)
		}
		checkPlan(t, p)
		if f := finishedSteps(p); f < prev {
			t.Fatalf("finished steps went from %d to %d:\n%s", prev, f, p)
		} else {
			prev = f
		}
		if p.Done {
			return p
		}
		n, ok := p.Next()
		if !ok {
			blocked := p.Blocked()
			if len(blocked) == 0 {
				t.Fatalf("not done, nothing next and nothing blocked:\n%s", p)
			}
			for _, b := range blocked {
				if len(b.Targets) == 0 {
					t.Fatalf("blocked step %s names no obstacle:\n%s", b.ID, p)
				}
				for _, x := range b.Targets {
					if !exists(snap, x) {
						t.Fatalf("blocked step %s names %q, which is not in the tenant:\n%s", b.ID, x, p)
					}
				}
			}
			return p
		}
		if n.Earliest.After(at) {
			at = n.Earliest
		}
		next, err := p.Execute(snap, n.ID, at)
		if err != nil {
			t.Fatalf("Execute(%s) at %s: %v\n%s", n.ID, at.Format(time.RFC3339), err, p)
		}
		if reflect.DeepEqual(next.Spec(), snap.Spec()) {
			t.Fatalf("Execute(%s) changed nothing:\n%s", n.ID, p)
		}
		snap = next
	}
	t.Fatalf("no end after %d steps", limit)
	return tenant.Plan{}
}

func releaseProperty(t *rapid.T) {
	snap, at := genTenant(t)
	custom := snap.CustomDomainsInUse()
	if len(custom) == 0 {
		return
	}
	domain := rapid.SampledFrom(custom).Draw(t, "domain")
	actors := []tenant.UserID{""}
	for _, u := range snap.Users() {
		actors = append(actors, u.ID)
	}
	opts := tenant.ReleaseOptions{Actor: rapid.SampledFrom(actors).Draw(t, "actor"), DeleteUsers: rapid.Bool().Draw(t, "deleteUsers")}
	p := followPlan(t, snap, at, func(s tenant.Snapshot, at time.Time) (tenant.Plan, error) {
		return tenant.ReleaseDomainPlan(s, domain, at, opts)
	})
	if !p.Done {
		if b := p.Blocked(); len(b) != 1 || b[0].ID != tenant.OtherGlobalAdmin || b[0].Targets[0] != string(opts.Actor) {
			t.Fatalf("release blocked by something else than R-DOM-8:\n%s", p)
		}
	}
}

func closeProperty(t *rapid.T) {
	snap, at := genTenant(t)
	users := snap.Users()
	actor := rapid.SampledFrom(users).Draw(t, "actor").ID
	p := followPlan(t, snap, at, func(s tenant.Snapshot, at time.Time) (tenant.Plan, error) {
		return tenant.CloseAccountPlan(s, actor, at)
	})
	if p.Done {
		if snap.BillingAccount() == tenant.MCA {
			t.Fatalf("an MCA tenant was deleted despite R-CAN-12:\n%s", p)
		}
		return
	}
	for _, b := range p.Blocked() {
		switch b.ID {
		case tenant.ConfirmGlobalAdmin, tenant.DeleteTenant:
		case tenant.CancelSubscriptions:
		default:
			t.Fatalf("close blocked by %s:\n%s", b.ID, p)
		}
	}
}

func TestReleaseDomainProperty(t *testing.T) { rapid.Check(t, releaseProperty) }

func TestCloseAccountProperty(t *testing.T) { rapid.Check(t, closeProperty) }

func FuzzReleaseDomain(f *testing.F) { f.Fuzz(rapid.MakeFuzz(releaseProperty)) }

func FuzzCloseAccount(f *testing.F) { f.Fuzz(rapid.MakeFuzz(closeProperty)) }
