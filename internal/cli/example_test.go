package cli_test

import (
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/lapse-go/lapse/internal/cli"
)

// A date is its first instant in the location; a local time that the
// clocks skip is refused, with the readings that would be exact.
func ExampleParseInstant() {
	berlin, _ := cli.ParseTZ("Europe/Berlin")

	t, _ := cli.ParseInstant("2026-06-01", berlin)
	fmt.Println(t)
	t, _ = cli.ParseInstant("2026-06-01T09:00", nil)
	fmt.Println(t)
	t, _ = cli.ParseInstant("2026-06-01T09:00+02:00", nil)
	fmt.Println(t)
	_, err := cli.ParseInstant("2026-03-29T02:30", berlin)
	fmt.Println(err)
	// Output:
	// 2026-06-01 00:00:00 +0200 CEST
	// 2026-06-01 09:00:00 +0000 UTC
	// 2026-06-01 07:00:00 +0000 UTC
	// bad date or time "2026-03-29T02:30": the clocks in Europe/Berlin go forward from 02:00 to 03:00 that day, so 02:30 does not exist; want a time with an offset, such as 2026-03-29T02:30+01:00 or 2026-03-29T02:30+02:00
}

func ExampleParseWithin() {
	d, _ := cli.ParseWithin("2w")
	fmt.Println(d)
	_, err := cli.ParseWithin("14")
	fmt.Println(err)
	// Output:
	// 336h0m0s
	// bad duration "14": a number needs a unit; want days (14d), weeks (2w), hours (36h) or a Go duration (1h30m)
}

// An error from a flag's value becomes a usage error naming the flag;
// Report prints it and gives the exit code.
func ExampleFlagError() {
	_, err := cli.ParseDate("2026-02-30")
	err = cli.FlagError("end", err)
	code := cli.Report(os.Stdout, "lapse check", err)
	fmt.Println("exit", code)
	// Output:
	// lapse check: -end: bad date "2026-02-30": day out of range 1 to 28; want YYYY-MM-DD, such as 2026-06-01
	// exit 2
}

func ExampleUnknownID() {
	err := cli.UnknownID("subscription", "MOSA-annual", []string{"mosa-annual", "csp-trial"})
	fmt.Println(err)
	// Output:
	// unknown subscription "MOSA-annual" (did you mean "mosa-annual"?); want one of csp-trial, mosa-annual
}

func ExampleConflicts() {
	fs := flag.NewFlagSet("lapse", flag.ContinueOnError)
	fs.String("timeline", "", "subscription id")
	fs.String("explain", "", "subscription id")
	if _, err := cli.Parse(fs, []string{"-timeline", "a", "-explain", "a"}); err != nil {
		fmt.Println(err)
	}
	fmt.Println(cli.Conflicts(fs, "timeline", "explain"))
	// Output:
	// -timeline and -explain cannot be used together
}

// A Program dispatches to its commands; each defines its flags on the
// flag set it is given and parses them with Parse.
func ExampleProgram() {
	p := &cli.Program{
		Name: "lapse",
		Commands: []cli.Command{{
			Name: "explain",
			Args: "[-at DATE] ID",
			Run: func(fs *flag.FlagSet, args []string, stdout, _ io.Writer) error {
				at := fs.String("at", "", "date or time")
				ids, err := cli.Parse(fs, args)
				if err != nil {
					return err
				}
				if len(ids) != 1 {
					return cli.Usagef("want one ID, got %d", len(ids))
				}
				when, err := cli.ParseInstant(*at, nil)
				if err != nil {
					return cli.FlagError("at", err)
				}
				if ids[0] != "mosa-annual" {
					return cli.UnknownID("subscription", ids[0], []string{"mosa-annual"})
				}
				fmt.Fprintln(stdout, ids[0], "at", when.Format(time.RFC3339))
				return nil
			},
		}},
	}
	fmt.Println("exit", p.Run([]string{"explain", "mosa-annual", "-at", "2026-06-01"}, os.Stdout, os.Stdout))
	fmt.Println("exit", p.Run([]string{"explain", "mosa", "-at", "2026-06-01"}, os.Stdout, os.Stdout))
	fmt.Println("exit", p.Run([]string{"explan"}, os.Stdout, os.Stdout))
	// Output:
	// mosa-annual at 2026-06-01T00:00:00Z
	// exit 0
	// lapse explain: unknown subscription "mosa"; want one of mosa-annual
	// usage: lapse explain [-at DATE] ID
	// exit 2
	// lapse: unknown command "explan"; want one of explain
	// usage:
	//   lapse explain [-at DATE] ID
	// exit 2
}
