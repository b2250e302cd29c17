package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/lapse-go/lapse/internal/cli"
	"github.com/lapse-go/lapse/lang"
	"github.com/lapse-go/lapse/lifecycle"
)

const statusDoc = `Status judges each subscription of the input (all, or the ids given) and
answers at -at: its state and since when, what comes next and when, the
last day it can be reactivated (REACTIVATE THROUGH) and the last day its
data may still exist (DATA KEPT THROUGH), and who can use what.

-format json writes one status record per line (JSON Lines):
{"at": instant, "subscription": lapse-subscription/v1 document, "status":
StatusRecord, or null when it was not bought yet at -at}. Every command's
-in reads these lines back (the status is judged again, not read), and
takes -at (deadlines: -from) from their "at":

  lapse status -at 2026-06-01 -format json | lapse deadlines -within 30d -in -

-format csv writes one line per subscription, the fields of the record
in snake_case.`

// status is the status command.
func (c *commands) status(fs *flag.FlagSet, args []string, stdout, _ io.Writer) error {
	o := c.statusFlags(fs)
	ids, err := cli.Parse(fs, args)
	if err != nil {
		return err
	}
	if err := o.settle(); err != nil {
		return err
	}
	return o.writeStatus(stdout, ids)
}

// statusFlags registers the flags of status.
func (c *commands) statusFlags(fs *flag.FlagSet) *opts {
	o := newOpts(c.e, fs)
	o.inputFlags(true)
	o.instantFlag("at", "instant to answer at")
	o.tzFlag()
	o.langFlag()
	o.formatFlag(cli.Table, cli.JSON, cli.CSV)
	return o
}

// judgedAt loads the portfolio, keeps the subscriptions with the ids
// (all when there are none), and returns the instant to answer at.
func (o *opts) judgedAt(ids []string) (*portfolio, time.Time, error) {
	p, err := o.load()
	if err != nil {
		return nil, time.Time{}, err
	}
	if p, err = p.only(ids); err != nil {
		return nil, time.Time{}, err
	}
	at, err := o.instant(p)
	if err != nil {
		return nil, time.Time{}, err
	}
	return p, at, cli.FlagError(o.atName, lifecycle.CheckInstant(at))
}

func (o *opts) writeStatus(w io.Writer, ids []string) error {
	p, at, err := o.judgedAt(ids)
	if err != nil {
		return err
	}
	switch o.format {
	case cli.JSON:
		return statusJSON(w, p, at)
	case cli.CSV:
		return statusCSV(w, p, at, o.view())
	}
	return statusTable(w, p, at, o.view())
}

// statusOf returns the status of en at at, and false when the
// subscription was not bought yet.
func statusOf(en entry, at time.Time) (lifecycle.Status, bool, error) {
	if at.Before(en.lc.Subscription().Start()) {
		return lifecycle.Status{}, false, nil
	}
	st, err := en.lc.At(at)
	if err != nil {
		return st, false, fmt.Errorf("%s: %s: %w", en.src, en.id(), err)
	}
	return st, true, nil
}

func statusTable(w io.Writer, p *portfolio, at time.Time, v view) error {
	fmt.Fprintf(w, "%s\n\n", v.words("cli.portfolio.header", lang.Text(v.stamp(at))))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, v.words("cli.portfolio.columns"))
	var errs []error
	for _, en := range p.entries {
		sub := en.lc.Subscription()
		ch := v.words("channel." + sub.Channel().String())
		st, bought, err := statusOf(en, at)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if !bought {
			fmt.Fprintf(tw, "%s\t%s\t%s\t-\t%s\t-\t-\t-\t-\n", sub.ID(), ch, v.words("cli.not-bought"), v.words("cli.active-from", lang.Text(v.when(sub.Start()))))
			continue
		}
		next := "-"
		if st.Next().IsValid() {
			next = v.words("cli.next-on", lang.Term("state."+st.Next().String()), lang.Text(v.when(st.NextAt())))
		}
		users := v.words("cli.users.no-access")
		if st.Capabilities().Services {
			users = v.words("cli.users.normal")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", sub.ID(), ch, v.state(st.State(), st.Trial()), v.when(st.Since()), next,
			v.reactivateCell(st), dateCell(st.PurgeDeadline()), users, v.words("data."+st.Capabilities().Data.String()))
	}
	return errors.Join(append(errs, tw.Flush())...)
}

func statusJSON(w io.Writer, p *portfolio, at time.Time) error {
	var errs []error
	for _, en := range p.entries {
		st, bought, err := statusOf(en, at)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		line := statusLine{At: at.UTC(), Subscription: en.lc.Subscription()}
		if bought {
			rec := st.Record()
			line.Status = &rec
		}
		if err := writeJSONLine(w, line); err != nil {
			return err
		}
	}
	return errors.Join(errs...)
}

var statusColumns = []string{"id", "channel", "at", "state", "trial", "since", "cause", "next", "next_at", "next_cause",
	"term_end", "recurring_billing", "licenses", "assigned", "cancel_window_closes_at", "reactivate_until", "reactivate_before",
	"purge_not_before", "purge_deadline", "data_gone_by", "deleted_at", "services", "data"}

func statusCSV(w io.Writer, p *portfolio, at time.Time, v view) error {
	var rows [][]string
	var errs []error
	for _, en := range p.entries {
		sub := en.lc.Subscription()
		st, bought, err := statusOf(en, at)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if !bought {
			row := make([]string, len(statusColumns))
			row[0], row[1], row[2] = sub.ID(), sub.Channel().String(), v.cell(at)
			rows = append(rows, row)
			continue
		}
		next, nextCause := "", ""
		if st.Next().IsValid() {
			next, nextCause = st.Next().String(), st.NextCause().String()
		}
		caps := st.Capabilities()
		rows = append(rows, []string{sub.ID(), sub.Channel().String(), v.cell(at), st.State().String(), strconv.FormatBool(st.Trial()),
			v.cell(st.Since()), st.Cause().String(), next, v.cell(st.NextAt()), nextCause,
			dateField(st.TermEnd()), strconv.FormatBool(st.RecurringBilling()), strconv.Itoa(st.Licenses()), strconv.Itoa(st.Assigned()),
			v.cell(st.CancelWindowClosesAt()), dateField(st.ReactivateUntil()), v.cell(st.ReactivateBefore()),
			dateField(st.PurgeNotBefore()), dateField(st.PurgeDeadline()), v.cell(st.DataGoneBy()), v.cell(st.DeletedAt()),
			strconv.FormatBool(caps.Services), caps.Data.String()})
	}
	return errors.Join(append(errs, writeCSV(w, statusColumns, rows))...)
}
