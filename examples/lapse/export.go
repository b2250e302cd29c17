package main

import (
	"encoding/json"
	"flag"
	"io"

	"github.com/lapse-go/lapse/internal/cli"
	"github.com/lapse-go/lapse/lifecycle"
)

const exportDoc = `Export writes the subscriptions of the input (default the built-in
portfolio) without judging them: -format json as a JSON array of
lapse-subscription/v1 documents, -format csv in lapse's CSV form. It
converts between the input formats, and writes the fixtures
examples/lapse/testdata/portfolio.json and portfolio.csv:

  lapse export > portfolio.json
  lapse export -in partner-center.json -in-format partnercenter -format csv`

func (c *commands) export(fs *flag.FlagSet, args []string, stdout, _ io.Writer) error {
	o := newOpts(c.e, fs)
	o.inputFlags(false)
	o.formatFlag(cli.JSON, cli.CSV)
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
	items, err := o.read()
	if err != nil {
		return err
	}
	subs := make([]lifecycle.Subscription, len(items))
	for i, it := range items {
		subs[i] = it.sub
	}
	if o.format == cli.CSV {
		return encodeCSV(stdout, subs)
	}
	b, err := json.MarshalIndent(subs, "", "  ")
	if err != nil {
		return err
	}
	_, err = stdout.Write(append(b, '\n'))
	return err
}
