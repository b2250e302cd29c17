// Command lapse is lapse's main example: it judges a built-in portfolio of
// Microsoft 365 subscriptions — one per purchase channel, taken from the
// acceptance cases of the domain specification — once against the
// built-in policy table, answers at an instant, and prints each one's
// state, what comes next, the last day it can be reactivated and the last
// day its data may still exist (the words -explain uses: "through" that
// day), and who may do what. With -timeline or -explain it prints one subscription's phases,
// each with the policy version that judged it, or the reasons behind its
// status.
//
// Usage:
//
//	go run ./examples/lapse [-at 2026-06-01] [-timeline ID] [-explain ID] [-lang de]
//	go run ./examples/lapse -channels [-lang de]
//
// -lang picks the language of the words: en (the default), de, nl or da,
// as a BCP 47 tag or a POSIX locale ("de_DE.UTF-8"); a language lapse has
// no catalog for is a usage error. Without -lang, lapse reads LC_ALL,
// LC_MESSAGES and LANG, and a locale it has no catalog for ("C",
// "fr_FR.UTF-8") means English. Dates in the tables stay ISO 8601; the
// explanation writes them as the language does. -channels prints the
// policy table of README.md (in English) with its words in the language;
// rule citations stay as the table has them.
//
// Without -at it reads the system clock, the only place in lapse that does.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"golang.org/x/text/language"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/lang"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, clock.System(), os.Getenv))
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// day is the calendar date y-m-d: an end date is a date, not an instant.
func day(y int, m time.Month, d int) clock.Date { return clock.Date{Year: y, Month: m, Day: d} }

// portfolio returns the built-in subscriptions, each from an acceptance
// case of RULES.md §6.
func portfolio() []lifecycle.Spec {
	at := func(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, time.UTC) }
	return []lifecycle.Spec{
		{ // AC-01…AC-07: annual, recurring billing turned off
			ID: "mosa-annual", Channel: policy.DirectMOSA, Term: policy.Annual,
			Start: date(2025, 3, 31), End: day(2026, 3, 31), Licenses: 10, Assigned: 8, RecurringBilling: true, PaymentMethod: true,
			History: []lifecycle.Event{{Kind: lifecycle.RecurringBillingOff, At: date(2026, 2, 1), Actor: lifecycle.BillingAdmin}},
		},
		{ // AC-08: monthly, cancelled now
			ID: "mosa-cancelled", Channel: policy.DirectMOSA, Term: policy.Monthly,
			Start: date(2026, 5, 1), End: day(2026, 5, 31), Licenses: 10, RecurringBilling: true, PaymentMethod: true,
			History: []lifecycle.Event{{Kind: lifecycle.CancelNow, At: at(2026, 5, 10, 9), Actor: lifecycle.BillingAdmin}},
		},
		{ // AC-54: MCA annual, recurring billing off; its end (2026-08-31) is judged by the 2025-12 version: no Expired
			ID: "mca-annual", Channel: policy.DirectMCA, Term: policy.Annual,
			Start: date(2025, 9, 1), End: day(2026, 8, 31), Licenses: 5, RecurringBilling: true, PaymentMethod: true,
			History: []lifecycle.Event{{Kind: lifecycle.RecurringBillingOff, At: date(2026, 3, 1), Actor: lifecycle.BillingAccountOwner}},
		},
		{ // R-LC-13, R-LC-14: MCA monthly bought under the 2024-09 version (7-day window), renewed;
			// its term ending 2026-02-28 is judged by the 2025-12 version: no Expired state
			ID: "mca-monthly", Channel: policy.DirectMCA, Term: policy.Monthly,
			Start: date(2025, 12, 1), End: day(2025, 12, 31), Licenses: 5, RecurringBilling: true, PaymentMethod: true,
			History: []lifecycle.Event{{Kind: lifecycle.RecurringBillingOff, At: date(2026, 2, 10), Actor: lifecycle.BillingAccountOwner}},
		},
		{ // AC-25: enterprise, monthly term
			ID: "enterprise-monthly", Channel: policy.Enterprise, Term: policy.Monthly,
			Start: date(2026, 6, 1), End: day(2026, 6, 30), Licenses: 50,
		},
		{ // AC-28: Volume Licensing, end date aligned with the agreement
			ID: "vl-agreement", Channel: policy.VolumeLicensing, Term: policy.MultiYear,
			Start: date(2023, 7, 1), End: day(2026, 6, 30), Licenses: 100,
		},
		{ // AC-35: CSP new commerce, cancelled within 168 hours
			ID: "csp-cancelled", Channel: policy.CSPNewCommerce, Term: policy.Annual,
			Start: at(2026, 1, 15, 10), End: day(2027, 1, 14), Licenses: 20, RecurringBilling: true,
			History: []lifecycle.Event{{Kind: lifecycle.CancelNow, At: at(2026, 1, 20, 9), Actor: lifecycle.Partner}},
		},
		{ // AC-44: CSP new commerce trial, auto-renew off
			ID: "csp-trial", Channel: policy.CSPNewCommerce, Term: policy.Annual, Trial: true,
			Start: date(2026, 5, 1), End: day(2026, 5, 30), Licenses: 25, RecurringBilling: true,
			History: []lifecycle.Event{{Kind: lifecycle.RecurringBillingOff, At: date(2026, 5, 3), Actor: lifecycle.Partner}},
		},
		{ // AC-47: direct trial with a card, converts to annual
			ID: "direct-trial", Channel: policy.DirectMOSA, Term: policy.Annual, Trial: true,
			Start: date(2026, 3, 2), End: day(2026, 3, 31), Licenses: 25, RecurringBilling: true, PaymentMethod: true,
		},
	}
}

// run runs the command with args; getenv reads the locale environment
// (os.Getenv, or a test's stand-in).
func run(args []string, stdout, stderr io.Writer, clk clock.Clock, getenv func(string) string) int {
	fs := flag.NewFlagSet("lapse", flag.ContinueOnError)
	fs.SetOutput(stderr)
	atFlag := fs.String("at", "", "instant to evaluate at: a date (2026-06-01) or RFC 3339; default now")
	timeline := fs.String("timeline", "", "print the phases of the subscription with this ID")
	explain := fs.String("explain", "", "print the reasons behind the status of the subscription with this ID")
	channels := fs.Bool("channels", false, "print the built-in policy table as a Markdown table (as in README.md)")
	langFlag := fs.String("lang", "", "language of the words: "+strings.Join(lang.Names(), ", ")+"; default from LC_ALL, LC_MESSAGES or LANG, else en")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	tag := lang.FromEnv(getenv)
	if *langFlag != "" {
		t, err := lang.Parse(*langFlag)
		if err != nil {
			fmt.Fprintf(stderr, "lapse: -lang %q: unsupported language; supported: %s\n", *langFlag, strings.Join(lang.Names(), ", "))
			return 2
		}
		tag = t
	}
	if *channels {
		printChannels(stdout, tag)
		return 0
	}
	at := clk.Now()
	if *atFlag != "" {
		t, err := parseInstant(*atFlag)
		if err != nil {
			fmt.Fprintf(stderr, "lapse: -at %q: %v\n", *atFlag, err)
			return 2
		}
		at = t
	}
	subs, err := load(policy.Builtin())
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	switch {
	case *timeline != "":
		lc, ok := find(subs, *timeline)
		if !ok {
			fmt.Fprintf(stderr, "lapse: -timeline %q: no such subscription\n", *timeline)
			return 2
		}
		return printTimeline(stdout, stderr, lc, tag)
	case *explain != "":
		lc, ok := find(subs, *explain)
		if !ok {
			fmt.Fprintf(stderr, "lapse: -explain %q: no such subscription\n", *explain)
			return 2
		}
		return printExplanation(stdout, stderr, lc, at, tag)
	}
	return printPortfolio(stdout, stderr, subs, at, tag)
}

func parseInstant(s string) (time.Time, error) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	return time.Parse(time.RFC3339, s)
}

// load builds the portfolio and judges each subscription once against
// table: every answer after that is a look-up.
func load(table *policy.Table) ([]lifecycle.Lifecycle, error) {
	var subs []lifecycle.Lifecycle
	for _, spec := range portfolio() {
		sub, err := lifecycle.New(spec)
		if err != nil {
			return nil, fmt.Errorf("lapse: %s: %w", spec.ID, err)
		}
		lc, err := lifecycle.Judge(sub, table)
		if err != nil {
			return nil, fmt.Errorf("lapse: %s: %w", spec.ID, err)
		}
		subs = append(subs, lc)
	}
	return subs, nil
}

func find(subs []lifecycle.Lifecycle, id string) (lifecycle.Lifecycle, bool) {
	for _, lc := range subs {
		if lc.Subscription().ID() == id {
			return lc, true
		}
	}
	return lifecycle.Lifecycle{}, false
}

func ymd(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	if t.Equal(t.Truncate(24 * time.Hour)) {
		return t.UTC().Format(time.DateOnly)
	}
	return t.UTC().Format("2006-01-02T15:04Z")
}

// dateCell is a calendar date in a table, "-" when there is none.
func dateCell(d clock.Date) string {
	if d.IsZero() {
		return "-"
	}
	return d.String()
}

// reactivateCell says until when st can be reactivated, as -explain does:
// through its last day (Status.ReactivateUntil) when the window ends at a
// day boundary, else until the last instant inclusive (the hours after an
// explicit deletion, C-6) or before the instant it ends.
func reactivateCell(t language.Tag, st lifecycle.Status) string {
	before, last := st.ReactivateBefore(), st.ReactivateUntil()
	switch {
	case before.IsZero():
		return "-"
	case before.Equal(last.AddDays(1).UTC()):
		return last.String()
	case st.State() == lifecycle.Deleted:
		return words(t, "deadline.until", lang.Text(ymd(before.Add(-time.Nanosecond))))
	}
	return words(t, "deadline.before", lang.Text(ymd(before)))
}

// words renders the catalog message key with args in the language t.
func words(t language.Tag, key string, args ...lang.Arg) string { return lang.New(key, args...).In(t) }

// stateWords names a state in t, marked when in a trial.
func stateWords(t language.Tag, st lifecycle.State, trial bool) string {
	s := lang.Term("state." + st.String())
	if trial {
		return words(t, "state.in-trial", s)
	}
	return words(t, "state."+st.String())
}

func printPortfolio(stdout, stderr io.Writer, subs []lifecycle.Lifecycle, at time.Time, t language.Tag) int {
	fmt.Fprintf(stdout, "%s\n\n", words(t, "cli.portfolio.header", lang.Text(at.UTC().Format(time.RFC3339))))
	w := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, words(t, "cli.portfolio.columns"))
	code := 0
	for _, lc := range subs {
		sub := lc.Subscription()
		ch := words(t, "channel."+sub.Channel().String())
		if at.Before(sub.Start()) {
			fmt.Fprintf(w, "%s\t%s\t%s\t-\t%s\t-\t-\t-\t-\n", sub.ID(), ch, words(t, "cli.not-bought"), words(t, "cli.active-from", lang.Text(ymd(sub.Start()))))
			continue
		}
		st, err := lc.At(at)
		if err != nil {
			fmt.Fprintf(stderr, "lapse: %s: %v\n", sub.ID(), err)
			code = 1
			continue
		}
		next := "-"
		if st.Next().IsValid() {
			next = words(t, "cli.next-on", lang.Term("state."+st.Next().String()), lang.Text(ymd(st.NextAt())))
		}
		users := words(t, "cli.users.no-access")
		if st.Capabilities().Services {
			users = words(t, "cli.users.normal")
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", sub.ID(), ch, stateWords(t, st.State(), st.Trial()), ymd(st.Since()), next,
			reactivateCell(t, st), dateCell(st.PurgeDeadline()), users, words(t, "data."+st.Capabilities().Data.String()))
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return code
}

func printTimeline(stdout, stderr io.Writer, lc lifecycle.Lifecycle, t language.Tag) int {
	sub := lc.Subscription()
	fmt.Fprintf(stdout, "%s\n\n", words(t, "cli.timeline.header", lang.Text(sub.ID()), lang.Term("channel."+sub.Channel().String())))
	w := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, words(t, "cli.timeline.columns"))
	for _, p := range lc.Phases() {
		until := words(t, "cli.open")
		if !p.End.IsZero() {
			until = ymd(p.End)
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", stateWords(t, p.State, p.Trial), ymd(p.Start), until, words(t, "cause.name."+p.Cause.String()), p.Version.Label())
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

func printExplanation(stdout, stderr io.Writer, lc lifecycle.Lifecycle, at time.Time, t language.Tag) int {
	id := lc.Subscription().ID()
	st, err := lc.At(at)
	if err != nil {
		fmt.Fprintf(stderr, "lapse: %s: %v\n", id, err)
		if errors.Is(err, lifecycle.ErrInvalid) {
			return 2
		}
		return 1
	}
	fmt.Fprintf(stdout, "%s\n\n", words(t, "cli.explain.header", lang.Text(id), lang.Stamp(at)))
	rules, sources := words(t, "cli.rules"), words(t, "cli.sources")
	for _, r := range st.Explain() {
		fmt.Fprintf(stdout, "- %s\n  %s", r.TopicIn(t), r.In(t))
		if r.Rules != "" {
			fmt.Fprintf(stdout, "\n  %s: %s", rules, r.Rules)
		}
		fmt.Fprintf(stdout, "\n  %s: %s\n", sources, r.Sources)
	}
	return 0
}

// printChannels prints every row of the built-in table, in table order, as
// the Markdown table of README.md (in English), in the language t.
func printChannels(stdout io.Writer, t language.Tag) {
	fmt.Fprintln(stdout, words(t, "cli.channels.header"))
	fmt.Fprintln(stdout, "|---|---|---|---|---|---|---|---|---|---|---|")
	for _, row := range policy.Builtin().Rows() {
		r := row.Rules
		products := words(t, "cli.channels.any")
		if len(row.Products) > 0 {
			products = fmt.Sprint(row.Products)
		}
		countries := words(t, "cli.channels.any")
		if len(row.Countries) > 0 {
			countries = strings.Join(row.Countries, ", ")
		}
		until := words(t, "cli.open")
		if !row.Until.IsZero() {
			until = ymd(row.Until)
		}
		expired := words(t, "cli.number", lang.Number(r.ExpiredDays))
		if r.ExpiredDays == 0 {
			expired = words(t, "cli.channels.none")
		}
		anchor := words(t, "cli.channels.on-end-date")
		if r.ExpiryAnchor == policy.DayAfterEndDate {
			anchor = words(t, "cli.channels.day-after")
		}
		window := words(t, "window."+r.Cancel.Window.Kind.String())
		if r.Cancel.Window.Kind == policy.AfterStart {
			window = words(t, "cli.number", lang.Count(r.Cancel.Window.Unit.String(), r.Cancel.Window.Length))
		}
		effect := "-"
		if r.Cancel.Effect.IsValid() {
			effect = words(t, "effect."+r.Cancel.Effect.String())
		}
		var terms []string
		for _, term := range strings.Split(row.Terms.String(), "|") {
			terms = append(terms, words(t, "term."+term))
		}
		fmt.Fprintf(stdout, "| %s | %s | %s | %s | %s – %s | %s | %s | %s | %s | %s | %s |\n", words(t, "channel."+row.Channel.String()), strings.Join(terms, ", "), products, countries,
			ymd(row.From), until, expired, words(t, "cli.number", lang.Number(r.DisabledDays)), anchor, window, effect, r.Cite.Rules)
	}
}
