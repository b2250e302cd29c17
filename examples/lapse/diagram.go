package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/lapse-go/lapse/internal/cli"
	"github.com/lapse-go/lapse/lang"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

const diagramDoc = `Diagram prints the lifecycle diagram of a purchase channel: its states,
the commands legal in each and the transitions time makes, as a Mermaid
stateDiagram-v2 (for Markdown) or Graphviz dot. It is the union over the
channel's policy versions; which edge is open at an instant is for check
to say.`

func (c *commands) diagram(fs *flag.FlagSet, args []string, stdout, _ io.Writer) error {
	channel := fs.String("channel", "", "purchase channel: "+channelNames())
	format := fs.String("format", "mermaid", "diagram `format`: mermaid or dot")
	rest, err := cli.Parse(fs, args)
	if err != nil {
		return err
	}
	if err := noArgs(rest); err != nil {
		return err
	}
	if err := cli.Required(fs, "channel"); err != nil {
		return err
	}
	ch, err := parseChannel(*channel)
	if err != nil {
		return cli.FlagError("channel", err)
	}
	f, err := lifecycle.ParseDiagramFormat(strings.ToLower(strings.TrimSpace(*format)))
	if err != nil {
		return cli.FlagError("format", cli.UnknownID("diagram format", *format, []string{"mermaid", "dot"}))
	}
	d, err := lifecycle.Diagram(ch, f)
	if err != nil {
		return err
	}
	_, err = io.WriteString(stdout, d)
	return err
}

func channelNames() string {
	var names []string
	for _, ch := range policy.Channels() {
		names = append(names, ch.String())
	}
	return strings.Join(names, ", ")
}

// parseChannel reads a channel by name or alias, or returns a usage
// error listing the names.
func parseChannel(s string) (policy.Channel, error) {
	ch, err := policy.ParseChannel(strings.TrimSpace(s))
	if err != nil {
		return 0, cli.UnknownID("channel", s, strings.Split(channelNames(), ", "))
	}
	return ch, nil
}

const channelsDoc = `Channels prints the built-in policy table as the Markdown table of
README.md, its words in the language of -lang; rule citations stay as the
table has them.`

func (c *commands) channels(fs *flag.FlagSet, args []string, stdout, _ io.Writer) error {
	o := newOpts(c.e, fs)
	o.langFlag()
	rest, err := cli.Parse(fs, args)
	if err != nil {
		return err
	}
	if err := noArgs(rest); err != nil {
		return err
	}
	if err := o.settle(); err != nil {
		return err
	}
	return writeChannels(stdout, o.view())
}

// writeChannels prints every row of the built-in table, in table order,
// as the Markdown table of README.md (in English), in the view's
// language. Its instants are in UTC whatever the view's zone.
func writeChannels(w io.Writer, v view) error {
	v.loc = utcView.loc
	fmt.Fprintln(w, v.words("cli.channels.header"))
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|---|---|")
	for _, row := range policy.Builtin().Rows() {
		r := row.Rules
		products := v.words("cli.channels.any")
		if len(row.Products) > 0 {
			products = fmt.Sprint(row.Products)
		}
		countries := v.words("cli.channels.any")
		if len(row.Countries) > 0 {
			countries = strings.Join(row.Countries, ", ")
		}
		until := v.words("cli.open")
		if !row.Until.IsZero() {
			until = v.when(row.Until)
		}
		expired := v.words("cli.number", lang.Number(r.ExpiredDays))
		if r.ExpiredDays == 0 {
			expired = v.words("cli.channels.none")
		}
		anchor := v.words("cli.channels.on-end-date")
		if r.ExpiryAnchor == policy.DayAfterEndDate {
			anchor = v.words("cli.channels.day-after")
		}
		window := v.words("window." + r.Cancel.Window.Kind.String())
		if r.Cancel.Window.Kind == policy.AfterStart {
			window = v.words("cli.number", lang.Count(r.Cancel.Window.Unit.String(), r.Cancel.Window.Length))
		}
		effect := "-"
		if r.Cancel.Effect.IsValid() {
			effect = v.words("effect." + r.Cancel.Effect.String())
		}
		var terms []string
		for _, term := range strings.Split(row.Terms.String(), "|") {
			terms = append(terms, v.words("term."+term))
		}
		if _, err := fmt.Fprintf(w, "| %s | %s | %s | %s | %s – %s | %s | %s | %s | %s | %s | %s |\n", v.words("channel."+row.Channel.String()), strings.Join(terms, ", "), products, countries,
			v.when(row.From), until, expired, v.words("cli.number", lang.Number(r.DisabledDays)), anchor, window, effect, r.Cite.Rules); err != nil {
			return err
		}
	}
	return nil
}
