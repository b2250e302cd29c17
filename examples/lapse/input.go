package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/lapse-go/lapse/internal/cli"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/lifecycle/partnercenter"
)

// inFormats are the values of -in-format.
var inFormats = []string{"auto", "json", "csv", "partnercenter"}

// maxInput is the most lapse reads from -in: 256 MiB, far more than a
// portfolio of a million subscriptions as CSV.
const maxInput = 256 << 20

// maxProblems is how many problems of an input lapse reports before it
// stops reading, so that one run shows most of the fixes it needs.
const maxProblems = 20

// An item is one subscription read from the input.
type item struct {
	sub lifecycle.Subscription
	src string    // where it was read, for messages: "portfolio.json:12", "builtin"
	at  time.Time // the instant of the status record it came in; zero if none
}

// An entry is one subscription of the portfolio, judged.
type entry struct {
	lc  lifecycle.Lifecycle
	src string
	at  time.Time
}

// portfolio is the subscriptions a command works on, in input order.
type portfolio struct {
	entries []entry
}

// id returns the entry's subscription id.
func (en entry) id() string { return en.lc.Subscription().ID() }

// ids returns the ids of the portfolio's subscriptions, in input order.
func (p *portfolio) ids() []string {
	var ids []string
	for _, en := range p.entries {
		ids = append(ids, en.id())
	}
	return ids
}

// find returns the entry whose subscription has the id, or a usage error
// listing the ids there are.
func (p *portfolio) find(id string) (entry, error) {
	for _, en := range p.entries {
		if en.id() == id {
			return en, nil
		}
	}
	return entry{}, cli.UnknownID("subscription", id, p.ids())
}

// only returns the portfolio of the entries with the ids, in the order
// given, or p itself when ids is empty.
func (p *portfolio) only(ids []string) (*portfolio, error) {
	if len(ids) == 0 {
		return p, nil
	}
	out := &portfolio{}
	var errs []error
	for _, id := range ids {
		en, err := p.find(id)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out.entries = append(out.entries, en)
	}
	return out, errors.Join(errs...)
}

// read reads the subscriptions of -in (the built-in portfolio when there
// is none) without judging them.
func (o *opts) read() ([]item, error) {
	if o.in == "" {
		var items []item
		for _, spec := range builtinPortfolio() {
			sub, err := lifecycle.New(spec)
			if err != nil { // not reached: TestBuiltinPortfolio
				return nil, fmt.Errorf("builtin: %s: %w", spec.ID, err)
			}
			items = append(items, item{sub: sub, src: "builtin"})
		}
		return items, nil
	}
	data, label, err := readInput(o.in, o.e.stdin)
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, utf8BOM))) == 0 {
		return nil, fmt.Errorf("%s: empty: no subscriptions", label)
	}
	format := o.inFormat
	if format == "auto" {
		switch {
		case o.in != "-" && strings.EqualFold(filepath.Ext(o.in), ".csv"):
			format = "csv"
		case startsJSON(data):
			format = "json"
		default:
			return nil, cli.FlagError("in-format", fmt.Errorf("missing: %s does not start with [ or {, so it is not JSON; for CSV give -in-format csv", label))
		}
	}
	var items []item
	switch format {
	case "json":
		items, err = decodeJSON(data, label)
	case "csv":
		items, err = decodeCSV(data, label)
	case "partnercenter":
		items, err = decodePartnerCenter(data, label)
	}
	if err != nil {
		return nil, err
	}
	return items, checkIDs(items)
}

// load reads the input and judges every subscription against the policy
// of -policy.
func (o *opts) load() (*portfolio, error) {
	items, err := o.read()
	if err != nil {
		return nil, err
	}
	p := &portfolio{}
	var errs []error
	for _, it := range items {
		lc, err := lifecycle.Judge(it.sub, o.table)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %s: %w", it.src, it.sub.ID(), err))
			if len(errs) == maxProblems {
				break
			}
			continue
		}
		p.entries = append(p.entries, entry{lc: lc, src: it.src, at: it.at})
	}
	return p, errors.Join(errs...)
}

// readInput reads the file name, or standard input for "-", and returns
// its bytes and the name to use in messages.
func readInput(name string, stdin io.Reader) ([]byte, string, error) {
	label, r := name, stdin
	if name == "-" {
		label = "stdin"
	} else {
		f, err := os.Open(name)
		if err != nil {
			return nil, label, err
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return nil, label, fmt.Errorf("%s: %w", label, err)
	}
	if len(data) > maxInput {
		return nil, label, fmt.Errorf("%s: more than %d MiB; split it", label, maxInput>>20)
	}
	return data, label, nil
}

// startsJSON reports whether data's first byte other than white space
// (and a UTF-8 byte order mark) opens a JSON array or object.
func startsJSON(data []byte) bool {
	data = bytes.TrimLeft(bytes.TrimPrefix(data, utf8BOM), " \t\r\n")
	return len(data) > 0 && (data[0] == '[' || data[0] == '{')
}

var utf8BOM = []byte("\ufeff")

// checkIDs refuses a subscription without an id, by which the commands
// name it, and an id given twice.
func checkIDs(items []item) error {
	var errs []error
	seen := map[string]string{}
	for _, it := range items {
		id := it.sub.ID()
		switch first, dup := seen[id]; {
		case id == "":
			errs = append(errs, fmt.Errorf("%s: id: missing; lapse names each subscription by its id", it.src))
		case dup:
			errs = append(errs, fmt.Errorf("%s: id %q: given twice, first at %s", it.src, id, first))
		default:
			seen[id] = it.src
		}
		if len(errs) == maxProblems {
			break
		}
	}
	return errors.Join(errs...)
}

// decodeJSON reads lapse's JSON input: a stream of JSON values, one after
// the other (JSON Lines is one on each line), each a subscription
// document (lapse-subscription/v1), a status record (what status -format
// json writes) or an array of them.
func decodeJSON(data []byte, label string) ([]item, error) {
	data = bytes.TrimPrefix(data, utf8BOM)
	dec := json.NewDecoder(bytes.NewReader(data))
	var items []item
	var errs []error
	// next decodes the value at the decoder's position.
	next := func() (json.RawMessage, string, error) {
		start := skipSpace(data, dec.InputOffset())
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, "", syntaxError(data, label, start, err)
		}
		return raw, position(label, data, start), nil
	}
	add := func(raw json.RawMessage, src string) {
		it, err := decodeItem(raw)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", src, err))
			return
		}
		it.src = src
		items = append(items, it)
	}
	for len(errs) < maxProblems {
		start := skipSpace(data, dec.InputOffset())
		if start == len(data) {
			break
		}
		if data[start] != '[' {
			raw, src, err := next()
			if err != nil {
				return nil, errors.Join(append(errs, err)...)
			}
			add(raw, src)
			continue
		}
		if _, err := dec.Token(); err != nil { // [
			return nil, errors.Join(append(errs, syntaxError(data, label, start, err))...)
		}
		for dec.More() && len(errs) < maxProblems {
			raw, src, err := next()
			if err != nil {
				return nil, errors.Join(append(errs, err)...)
			}
			add(raw, src)
		}
		if len(errs) == maxProblems {
			break
		}
		if _, err := dec.Token(); err != nil { // ]
			return nil, errors.Join(append(errs, syntaxError(data, label, skipSpace(data, dec.InputOffset()), err))...)
		}
	}
	if len(errs) == 0 && len(items) == 0 {
		return nil, fmt.Errorf("%s: no subscriptions", label)
	}
	return items, errors.Join(errs...)
}

// skipSpace returns the offset of the first byte at or after off that is
// not JSON white space or the comma between array elements.
func skipSpace(data []byte, off int64) int {
	i := int(off)
	for i < len(data) && strings.IndexByte(" \t\r\n,", data[i]) >= 0 {
		i++
	}
	return i
}

// position returns "label:line" for the byte at off.
func position(label string, data []byte, off int) string {
	return fmt.Sprintf("%s:%d", label, 1+bytes.Count(data[:off], []byte("\n")))
}

// syntaxError turns the decoder's error for the value starting at start
// into one that gives the line and column of the byte at fault.
func syntaxError(data []byte, label string, start int, err error) error {
	off := len(data) // the end, for an input cut short
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		// The decoder counts the offset from where it stopped before the
		// value; a decoder of the value alone counts it from start.
		var se *json.SyntaxError
		var raw json.RawMessage
		if errors.As(json.NewDecoder(bytes.NewReader(data[start:])).Decode(&raw), &se) {
			err = se
			off = start + int(se.Offset) - 1
		}
	}
	off = max(0, min(off, len(data)))
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := off - bytes.LastIndexByte(data[:off], '\n')
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if errors.Is(err, io.ErrUnexpectedEOF) {
		msg = "unexpected end of input"
	}
	return fmt.Errorf("%s:%d:%d: bad JSON: %s", label, line, col, msg)
}

// statusLine is one line of status -format json: the subscription, the
// instant it was judged at, and its status then (null when it was not
// bought yet).
type statusLine struct {
	At           time.Time               `json:"at"`
	Subscription lifecycle.Subscription  `json:"subscription"`
	Status       *lifecycle.StatusRecord `json:"status"`
}

var statusLineFields = []string{"at", "subscription", "status"}

// decodeItem reads one JSON value of the input: a subscription document
// or a status record.
func decodeItem(raw json.RawMessage) (item, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil || fields == nil {
		return item{}, errors.New("want a subscription (a lapse-subscription/v1 document) or a status record (a line of status -format json)")
	}
	if _, ok := fields["format"]; ok {
		var sub lifecycle.Subscription
		if err := json.Unmarshal(raw, &sub); err != nil {
			return item{}, err
		}
		return item{sub: sub}, nil
	}
	if _, ok := fields["subscription"]; !ok {
		if _, pc := fields["commitmentEndDate"]; pc || fields["offerId"] != nil {
			return item{}, errors.New(`format: missing; this looks like Partner Center JSON: give -in-format partnercenter`)
		}
		return item{}, fmt.Errorf(`format: missing; want a subscription (a lapse-subscription/v1 document, with "format") or a status record (with "subscription")`)
	}
	for name := range fields {
		if !slices.Contains(statusLineFields, name) {
			return item{}, fmt.Errorf("%s: unknown field of a status record; want %s", name, strings.Join(statusLineFields, ", "))
		}
	}
	var at time.Time
	if err := json.Unmarshal(fields["at"], &at); err != nil || at.IsZero() {
		return item{}, fmt.Errorf(`at: want the instant the status was judged at, in RFC 3339, such as "2026-06-01T00:00:00Z"`)
	}
	var sub lifecycle.Subscription
	if err := json.Unmarshal(fields["subscription"], &sub); err != nil {
		return item{}, fmt.Errorf("subscription: %w", err)
	}
	if s := fields["status"]; s != nil {
		var rec *lifecycle.StatusRecord
		if err := json.Unmarshal(s, &rec); err != nil {
			return item{}, fmt.Errorf("status: %w", err)
		}
	}
	return item{sub: sub, at: at}, nil
}

// decodePartnerCenter reads Partner Center subscription JSON.
func decodePartnerCenter(data []byte, label string) ([]item, error) {
	subs, err := partnercenter.Import(bytes.NewReader(data), partnercenter.Options{})
	if err != nil {
		var errs []error
		for _, e := range leaves(err) {
			errs = append(errs, fmt.Errorf("%s: %w", label, e))
		}
		return nil, errors.Join(errs...)
	}
	var items []item
	for i, sub := range subs {
		items = append(items, item{sub: sub, src: fmt.Sprintf("%s: item %d", label, i)})
	}
	return items, nil
}

// leaves returns the errors joined in err, or err alone.
func leaves(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}
