package tenant_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/lifecycle/tenant"
	"github.com/lapse-go/lapse/policy"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

var ga = lifecycle.RolesOf(lifecycle.GlobalAdmin)

// sub builds a subscription, judges it against the built-in table, then
// issues cmds through Lifecycle.Apply.
func sub(t testing.TB, id string, ch policy.Channel, term policy.Term, start time.Time, licenses int, cmds ...cmdAt) lifecycle.Lifecycle {
	t.Helper()
	return judged(t, policy.Builtin(), id, ch, term, start, licenses, cmds...)
}

// judged is sub against table.
func judged(t testing.TB, table *policy.Table, id string, ch policy.Channel, term policy.Term, start time.Time, licenses int, cmds ...cmdAt) lifecycle.Lifecycle {
	t.Helper()
	s, err := lifecycle.New(lifecycle.Spec{ID: id, Channel: ch, Term: term, Start: start, End: mustDate(lifecycle.EndOfTerm(start, term)),
		Licenses: licenses, PaymentMethod: true, RecurringBilling: true})
	if err != nil {
		t.Fatal(err)
	}
	lc, err := lifecycle.Judge(s, table)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cmds {
		actor := lifecycle.GlobalAdmin
		if !lifecycle.BillingRoles(ch).Has(actor) {
			actor = lifecycle.BillingRoles(ch).List()[0]
		}
		lc, err = lc.Apply(lifecycle.Command{Kind: c.kind, Actor: actor}, c.at)
		if err != nil {
			t.Fatal(err)
		}
	}
	return lc
}

// pinAt returns a table of the built-in rules in force for key at the
// instant at, fixed (policy.Pin); label is the version they must be.
func pinAt(t testing.TB, key policy.Key, at time.Time, label string) *policy.Table {
	t.Helper()
	r, err := policy.Builtin().Lookup(key, at)
	if err != nil {
		t.Fatal(err)
	}
	if r.Version != label {
		t.Fatalf("built-in %s at %s is version %s; want %s", key, at.Format(time.RFC3339), r.Version, label)
	}
	table, err := policy.Pin(r)
	if err != nil {
		t.Fatal(err)
	}
	return table
}

type cmdAt struct {
	kind lifecycle.CommandKind
	at   time.Time
}

func mustNew(t testing.TB, spec tenant.SnapshotSpec) tenant.Snapshot {
	t.Helper()
	s, err := tenant.New(spec)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// row is the part of a step the tables compare; texts are checked by the
// golden files.
type row struct {
	ID       tenant.StepID
	Status   tenant.StepStatus
	Rule     string
	Earliest time.Time
	Targets  []string
}

func rows(p tenant.Plan) []row {
	out := make([]row, len(p.Steps))
	for i, s := range p.Steps {
		out[i] = row{s.ID, s.Status, s.Rule, s.Earliest, s.Targets}
	}
	return out
}

// statuses returns the rows with only ID and Status, for tables that care
// about the shape of a plan.
func statuses(p tenant.Plan) map[tenant.StepID]tenant.StepStatus {
	out := map[tenant.StepID]tenant.StepStatus{}
	for _, s := range p.Steps {
		out[s.ID] = s.Status
	}
	return out
}

// render prints every field of a plan, for the golden files.
func render(p tenant.Plan) string {
	var b strings.Builder
	b.WriteString(p.String())
	for _, s := range p.Steps {
		b.WriteString("\n" + s.ID.String() + " [" + s.Status.String() + "]\n")
		b.WriteString("  text:    " + s.Text + "\n")
		b.WriteString("  reason:  " + s.Reason + "\n")
		b.WriteString("  rule:    " + s.Rule + "  " + s.Sources + "\n")
		if s.Unblock != "" {
			b.WriteString("  unblock: " + s.Unblock + "\n")
		}
		if !s.Earliest.IsZero() {
			b.WriteString("  from:    " + s.Earliest.UTC().Format(time.RFC3339) + "\n")
		}
		if len(s.Targets) > 0 {
			b.WriteString("  targets: " + strings.Join(s.Targets, ", ") + "\n")
		}
	}
	return b.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

// walk executes the plan's next step until it is done, no step is next or
// limit steps were taken; it returns the ids executed and the last plan.
func walk(t *testing.T, snap tenant.Snapshot, plan func(tenant.Snapshot, time.Time) (tenant.Plan, error), at time.Time, limit int) ([]tenant.StepID, tenant.Plan, tenant.Snapshot) {
	t.Helper()
	var ids []tenant.StepID
	for range limit {
		p, err := plan(snap, at)
		if err != nil {
			t.Fatal(err)
		}
		n, ok := p.Next()
		if !ok {
			return ids, p, snap
		}
		if n.Earliest.After(at) {
			at = n.Earliest
		}
		snap, err = p.Execute(snap, n.ID, at)
		if err != nil {
			t.Fatalf("Execute(%s) at %s: %v\n%s", n.ID, at.Format(time.RFC3339), err, p)
		}
		ids = append(ids, n.ID)
	}
	t.Fatalf("no end after %d steps", limit)
	return nil, tenant.Plan{}, snap
}
