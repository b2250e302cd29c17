package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/lapse-go/lapse/internal/cli"
	"github.com/lapse-go/lapse/lang"
	"github.com/lapse-go/lapse/lifecycle"
)

const explainDoc = `Explain prints the reasons behind the status of the subscription with
the id at -at, in the language of -lang: each answer in words a support
agent can read to a customer, with the rule ids and sources behind it.

-format json writes {"id", "at", "reasons": [Reason...]}, each reason with
its message key and arguments, which render in every language; -format
csv one line per reason, its words in the language of -lang.`

func (c *commands) explain(fs *flag.FlagSet, args []string, stdout, _ io.Writer) error {
	o := newOpts(c.e, fs)
	o.inputFlags(true)
	o.instantFlag("at", "instant to answer at")
	o.tzFlag()
	o.langFlag()
	o.formatFlag(cli.Table, cli.JSON, cli.CSV)
	id, err := o.parseID(args)
	if err != nil {
		return err
	}
	return o.writeExplanation(stdout, id)
}

func (o *opts) writeExplanation(w io.Writer, id string) error {
	p, at, err := o.judgedAt(nil)
	if err != nil {
		return err
	}
	en, err := p.find(id)
	if err != nil {
		return err
	}
	st, err := en.lc.At(at)
	if err != nil {
		if errors.Is(err, lifecycle.ErrInvalid) {
			return cli.FlagError(o.atName, err)
		}
		return err
	}
	v := o.view()
	switch o.format {
	case cli.JSON:
		return writeJSONLine(w, struct {
			ID      string             `json:"id"`
			At      string             `json:"at"`
			Reasons []lifecycle.Reason `json:"reasons"`
		}{id, utcView.stamp(at), st.Explain()})
	case cli.CSV:
		var rows [][]string
		for _, r := range st.Explain() {
			rows = append(rows, []string{id, v.cell(at), r.Topic, r.In(v.tag), r.Rules, r.Sources})
		}
		return writeCSV(w, []string{"id", "at", "topic", "text", "rules", "sources"}, rows)
	}
	fmt.Fprintf(w, "%s\n\n", v.words("cli.explain.header", lang.Text(id), v.stampArg(at)))
	rules, sources := v.words("cli.rules"), v.words("cli.sources")
	for _, r := range st.Explain() {
		fmt.Fprintf(w, "- %s\n  %s", r.TopicIn(v.tag), r.In(v.tag))
		if r.Rules != "" {
			fmt.Fprintf(w, "\n  %s: %s", rules, r.Rules)
		}
		fmt.Fprintf(w, "\n  %s: %s\n", sources, r.Sources)
	}
	return nil
}
