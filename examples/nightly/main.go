// Command nightly is a billing service's nightly job built on lapse: it
// keeps a portfolio of Microsoft 365 subscriptions in SQLite
// (modernc.org/sqlite, pure Go) through database/sql, judges them against
// lapse's built-in policy table, and sends a notice for every
// subscription that becomes Disabled or Deleted within the coming days —
// once, however often it runs, and without losing one when a run stops
// half-way.
//
// Usage:
//
//	go run ./examples/nightly -db demo.db -seed
//	go run ./examples/nightly -db demo.db [-within 30d] [-at 2026-12-01] [-every 24h]
//
// -seed stores a demo portfolio dated around now (or -at) when the
// database holds no subscription. -within is how far ahead to look, in
// days ("30d"), weeks ("2w") or as a Go duration ("720h"). -at runs the job at a fixed
// instant instead of the system clock. -every keeps running, once per
// interval, until interrupted. Notices are printed to standard output.
// The exit code is 0 when all is well, 1 when a run failed (what it found
// is kept for the next run) and 2 for a usage error, as in lapse's other
// commands.
//
// It is a nested module (examples/nightly/go.mod), so that lapse's own
// go.mod keeps only the library's dependencies.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/internal/cli"
	"github.com/lapse-go/lapse/policy"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr, clock.System()))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer, clk clock.Clock) int {
	fs := flag.NewFlagSet("nightly", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // cli.Parse reports flag errors
	dbPath := fs.String("db", "", "SQLite database file (created if missing); required")
	seed := fs.Bool("seed", false, "store a demo portfolio dated around now when the database is empty")
	within := fs.String("within", "30d", "how far ahead to look: days (30d), weeks (2w) or a Go duration (720h)")
	at := fs.String("at", "", "run at this instant (2026-12-01, 2026-12-01T02:00:00Z) instead of the system clock")
	every := fs.Duration("every", 0, "keep running once per interval (24h) until interrupted; 0 runs once")
	rest, err := cli.Parse(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(stdout, "usage: nightly -db FILE [-seed] [-within 30d] [-at INSTANT | -every 24h]")
		fs.SetOutput(stdout)
		fs.PrintDefaults()
		return cli.ExitOK
	}
	if err == nil && len(rest) > 0 {
		err = cli.Usagef("unexpected argument %q", rest[0])
	}
	if err == nil {
		err = cli.Required(fs, "db")
	}
	if err == nil {
		err = cli.Conflicts(fs, "every", "at") // a loop runs on the system clock
	}
	if err == nil && *every < 0 {
		err = cli.FlagError("every", fmt.Errorf("%v: must not be negative", *every))
	}
	var horizon time.Duration
	if err == nil {
		horizon, err = cli.ParseWithin(*within)
		err = cli.FlagError("within", err)
	}
	if err == nil && *at != "" {
		var t time.Time
		t, err = cli.ParseInstant(*at, time.UTC)
		err = cli.FlagError("at", err)
		clk = clock.Func(func() time.Time { return t })
	}
	if err != nil {
		return cli.Report(stderr, "nightly", err)
	}

	store, err := Open(ctx, *dbPath)
	if err != nil {
		return cli.Report(stderr, "nightly", err)
	}
	defer store.Close()
	if *seed {
		n, err := store.Count(ctx)
		if err != nil {
			return cli.Report(stderr, "nightly", err)
		}
		if n == 0 {
			subs, err := demo(clk.Now())
			if err == nil {
				err = store.Put(ctx, subs...)
			}
			if err != nil {
				return cli.Report(stderr, "nightly", err)
			}
			fmt.Fprintf(stdout, "seeded %d subscriptions into %s\n", len(subs), *dbPath)
		} else {
			fmt.Fprintf(stdout, "%s already holds %d subscriptions; not seeding\n", *dbPath, n)
		}
	}
	job := &Job{Store: store, Table: policy.Builtin(), Notifier: printer{stdout}, Clock: clk, Within: horizon}
	if *every == 0 {
		r, err := job.RunOnce(ctx)
		fmt.Fprintln(stdout, r)
		return cli.Report(stderr, "nightly", err)
	}
	err = job.Loop(ctx, *every, func(r Report, err error) {
		fmt.Fprintln(stdout, r)
		if err != nil {
			fmt.Fprintln(stderr, err)
		}
	})
	if errors.Is(err, context.Canceled) {
		return cli.ExitOK
	}
	return cli.Report(stderr, "nightly", err)
}

// printer is the demo's Notifier: it prints each notice.
type printer struct{ w io.Writer }

func (p printer) Notify(_ context.Context, n Notice) error {
	_, err := fmt.Fprintf(p.w, "notice %s\n", n)
	return err
}
