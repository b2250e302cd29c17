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
// days ("30d") or as a Go duration ("720h"). -at runs the job at a fixed
// instant instead of the system clock. -every keeps running, once per
// interval, until interrupted. Notices are printed to standard output.
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
	"strconv"
	"strings"
	"time"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/policy"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr, clock.System()))
}

// Exit codes, as lapse's other commands use them.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

func run(ctx context.Context, args []string, stdout, stderr io.Writer, clk clock.Clock) int {
	fs := flag.NewFlagSet("nightly", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dbPath := fs.String("db", "", "SQLite database file (created if missing); required")
	seed := fs.Bool("seed", false, "store a demo portfolio dated around now when the database is empty")
	within := fs.String("within", "30d", "how far ahead to look: days (30d) or a Go duration (720h)")
	at := fs.String("at", "", "run at this instant (2026-12-01 or RFC 3339) instead of the system clock")
	every := fs.Duration("every", 0, "keep running once per interval (24h) until interrupted; 0 runs once")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	usage := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "nightly: "+format+"\n", a...)
		return exitUsage
	}
	switch {
	case fs.NArg() > 0:
		return usage("unexpected argument %q", fs.Arg(0))
	case *dbPath == "":
		return usage("-db is required, such as -db demo.db")
	case *every < 0:
		return usage("-every %v: must not be negative", *every)
	case *every > 0 && *at != "":
		return usage("-every and -at conflict: a loop runs on the system clock")
	}
	horizon, err := parseWithin(*within)
	if err != nil {
		return usage("-within %q: %v", *within, err)
	}
	if *at != "" {
		t, err := parseInstant(*at)
		if err != nil {
			return usage("-at %q: %v", *at, err)
		}
		clk = clock.Func(func() time.Time { return t })
	}

	store, err := Open(ctx, *dbPath)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitError
	}
	defer store.Close()
	if *seed {
		n, err := store.Count(ctx)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return exitError
		}
		if n == 0 {
			subs, err := demo(clk.Now())
			if err == nil {
				err = store.Put(ctx, subs...)
			}
			if err != nil {
				fmt.Fprintln(stderr, err)
				return exitError
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
		if err != nil {
			fmt.Fprintln(stderr, err)
			return exitError
		}
		return exitOK
	}
	err = job.Loop(ctx, *every, func(r Report, err error) {
		fmt.Fprintln(stdout, r)
		if err != nil {
			fmt.Fprintln(stderr, err)
		}
	})
	if errors.Is(err, context.Canceled) {
		return exitOK
	}
	fmt.Fprintln(stderr, err)
	return exitError
}

// printer is the demo's Notifier: it prints each notice.
type printer struct{ w io.Writer }

func (p printer) Notify(_ context.Context, n Notice) error {
	_, err := fmt.Fprintf(p.w, "notice %s\n", n)
	return err
}

// parseWithin parses "30d" (days) or a Go duration ("720h").
func parseWithin(s string) (time.Duration, error) {
	var d time.Duration
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil || n <= 0 || n > 3660 {
			return 0, errors.New("want a number of days from 1 to 3660, such as 30d")
		}
		d = time.Duration(n) * 24 * time.Hour
	} else {
		var err error
		if d, err = time.ParseDuration(s); err != nil {
			return 0, errors.New("want days (30d) or a Go duration (720h)")
		}
	}
	if d <= 0 {
		return 0, errors.New("must be positive")
	}
	return d, nil
}

// parseInstant parses a date (its 00:00Z) or an RFC 3339 instant.
func parseInstant(s string) (time.Time, error) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, errors.New("want a date (2026-12-01) or an RFC 3339 instant (2026-12-01T09:00:00Z)")
	}
	return t, nil
}
