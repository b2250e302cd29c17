package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"

	"github.com/lapse-go/lapse/internal/cli"
	"github.com/lapse-go/lapse/lang"
	"github.com/lapse-go/lapse/lifecycle"
)

const timelineDoc = `Timeline prints the phases of the subscription with the id, past and
future, as its whole history leaves them: each state from its first
instant until the first instant of the next, why it began, and the
version of the policy that judged it.

-format json writes {"id", "channel", "phases": [Phase...]}; -format csv
one line per phase.`

func (c *commands) timeline(fs *flag.FlagSet, args []string, stdout, _ io.Writer) error {
	o := newOpts(c.e, fs)
	o.inputFlags(true)
	o.tzFlag()
	o.langFlag()
	o.formatFlag(cli.Table, cli.JSON, cli.CSV)
	id, err := o.parseID(args)
	if err != nil {
		return err
	}
	return o.writeTimeline(stdout, id)
}

func (o *opts) writeTimeline(w io.Writer, id string) error {
	p, err := o.load()
	if err != nil {
		return err
	}
	en, err := p.find(id)
	if err != nil {
		return err
	}
	sub, v := en.lc.Subscription(), o.view()
	switch o.format {
	case cli.JSON:
		return writeJSONLine(w, struct {
			ID      string            `json:"id"`
			Channel string            `json:"channel"`
			Phases  []lifecycle.Phase `json:"phases"`
		}{sub.ID(), sub.Channel().String(), en.lc.Phases()})
	case cli.CSV:
		var rows [][]string
		for _, ph := range en.lc.Phases() {
			rows = append(rows, []string{sub.ID(), ph.State.String(), strconv.FormatBool(ph.Trial), strconv.FormatBool(ph.ExtendedServiceTerm),
				v.cell(ph.Start), v.cell(ph.End), ph.Cause.String(), ph.Version.Label()})
		}
		return writeCSV(w, []string{"id", "state", "trial", "est", "start", "end", "cause", "version"}, rows)
	}
	fmt.Fprintf(w, "%s\n\n", v.words("cli.timeline.header", lang.Text(sub.ID()), lang.Term("channel."+sub.Channel().String())))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, v.words("cli.timeline.columns"))
	for _, ph := range en.lc.Phases() {
		until := v.words("cli.open")
		if !ph.End.IsZero() {
			until = v.when(ph.End)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", v.state(ph.State, ph.Trial), v.when(ph.Start), until, v.words("cause.name."+ph.Cause.String()), ph.Version.Label())
	}
	return tw.Flush()
}
