package main

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"text/tabwriter"
	"time"

	"github.com/lapse-go/lapse/internal/cli"
	"github.com/lapse-go/lapse/lifecycle"
)

const deadlinesDoc = `Deadlines lists what happens to the subscriptions (all, or the ids
given) after -from and through -from plus -within (or through -to): each
phase that begins, each renewal, the cancellation window closing, the
reactivation window closing (through the last day to reactivate), the
end of the license-conflict period, the day the admin center must show a
partner's cancellation, and the instants from which data may be, and is,
deleted (kept through the last day) — merged in time order. A deadline
at exactly -from has passed; one at the end of the window is listed, so
that consecutive windows list each deadline once.

-format json writes one deadline per line: {"id", "kind", "at", "state",
"cause", "rules"}; -format csv the same columns.`

// defaultWithin is the window of deadlines without -within or -to.
const defaultWithin = "14d"

func (c *commands) deadlines(fs *flag.FlagSet, args []string, stdout, _ io.Writer) error {
	o := newOpts(c.e, fs)
	o.inputFlags(true)
	o.instantFlag("from", "instant after which to list deadlines")
	within := fs.String("within", defaultWithin, "`span` of the window after -from: days (14d), weeks (2w), hours (36h) or a Go duration")
	toFlag := fs.String("to", "", "end of the window (`T`), included, instead of -within: a date or time, as -from")
	o.tzFlag()
	o.formatFlag(cli.Table, cli.JSON, cli.CSV)
	ids, err := cli.Parse(fs, args)
	if err != nil {
		return err
	}
	if err := cli.Conflicts(fs, "within", "to"); err != nil {
		return err
	}
	if err := o.settle(); err != nil {
		return err
	}
	var span time.Duration
	var to time.Time
	if *toFlag != "" {
		if to, err = cli.ParseInstant(*toFlag, time.UTC); err != nil {
			return cli.FlagError("to", err)
		}
	} else if span, err = cli.ParseWithin(*within); err != nil {
		return cli.FlagError("within", err)
	}
	p, from, err := o.judgedAt(ids)
	if err != nil {
		return err
	}
	if to.IsZero() {
		to = from.Add(span)
	}
	if !to.After(from) {
		return cli.FlagError("to", fmt.Errorf("%s is not after -from %s", utcView.stamp(to), utcView.stamp(from)))
	}
	if err := lifecycle.CheckInstant(to); err != nil {
		return cli.FlagError("to", err)
	}
	var all []dated
	for _, en := range p.entries {
		seq, err := en.lc.Deadlines(from, to)
		if err != nil {
			return fmt.Errorf("%s: %s: %w", en.src, en.id(), err)
		}
		for d := range seq {
			all = append(all, dated{en: en, d: d})
		}
	}
	// Each subscription's deadlines come in order; a stable sort by
	// instant keeps that order on ties, and the input's order between
	// subscriptions.
	slices.SortStableFunc(all, func(a, b dated) int { return a.d.At.Compare(b.d.At) })
	switch o.format {
	case cli.JSON:
		for _, x := range all {
			if err := writeJSONLine(stdout, deadlineJSON{ID: x.en.id(), Kind: x.d.Kind, At: x.d.At.UTC(), State: x.d.State, Cause: x.d.Cause, Rules: x.d.Rules}); err != nil {
				return err
			}
		}
		return nil
	case cli.CSV:
		v := o.view()
		var rows [][]string
		for _, x := range all {
			cause := ""
			if x.d.Cause.IsValid() {
				cause = x.d.Cause.String()
			}
			rows = append(rows, []string{v.cell(x.d.At), x.en.id(), x.d.Kind.String(), x.d.State.String(), cause, x.d.Rules})
		}
		return writeCSV(stdout, []string{"at", "id", "kind", "state", "cause", "rules"}, rows)
	}
	return deadlinesTable(stdout, o.view(), from, to, all)
}

// dated is a deadline of a subscription.
type dated struct {
	en entry
	d  lifecycle.Deadline
}

// deadlineJSON is a line of deadlines -format json.
type deadlineJSON struct {
	ID    string                 `json:"id"`
	Kind  lifecycle.DeadlineKind `json:"kind"`
	At    time.Time              `json:"at"`
	State lifecycle.State        `json:"state,omitzero"`
	Cause lifecycle.Cause        `json:"cause,omitzero"`
	Rules string                 `json:"rules,omitempty"`
}

func deadlinesTable(w io.Writer, v view, from, to time.Time, all []dated) error {
	fmt.Fprintf(w, "Deadlines after %s through %s\n\n", v.stamp(from), v.stamp(to))
	if len(all) == 0 {
		_, err := fmt.Fprintln(w, "none")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "AT\tID\tWHAT\tRULES")
	for _, x := range all {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", v.when(x.d.At), x.en.id(), what(x.d), x.d.Rules)
	}
	return tw.Flush()
}

// what says what happens at a deadline, with the day it ends for the
// windows the status table gives as days (REACTIVATE THROUGH, DATA KEPT
// THROUGH).
func what(d lifecycle.Deadline) string {
	// through is the last day before d.At when d.At begins a UTC day.
	through := func(label string) string {
		if t := d.At.UTC(); t.Equal(t.Truncate(24 * time.Hour)) {
			return fmt.Sprintf(" (%s %s)", label, t.AddDate(0, 0, -1).Format(time.DateOnly))
		}
		return ""
	}
	switch d.Kind {
	case lifecycle.PhaseBegins:
		return fmt.Sprintf("%s (%s)", d.State, d.Cause)
	case lifecycle.TermRenews:
		return "renews"
	case lifecycle.CancelWindowCloses:
		return "cancellation window closes"
	case lifecycle.ReactivationEnds:
		return "reactivation ends" + through("reactivate through")
	case lifecycle.LicenseConflictEnds:
		return "license-conflict period ends"
	case lifecycle.AdminCenterLagEnds:
		return "admin center shows the cancellation"
	case lifecycle.PurgeMayStart:
		return "data may be deleted"
	case lifecycle.DataGone:
		return "data gone" + through("data kept through")
	}
	return d.Kind.String()
}
