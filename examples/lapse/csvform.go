package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/lapse-go/lapse/internal/cli"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// The CSV form of subscriptions: a header line naming the columns, then
// one subscription per line (RFC 4180). The columns are the fields of
// lapse-subscription/v1 (docs/subscription-json.md) in snake_case, in any
// order; id, channel, term, start and end are required, the others may
// be left out, and an empty cell is the field's zero value. Instants are
// read as -at reads them (a date is 00:00 UTC); end is a date. The
// history is one column: its events separated by ";", each
// "kind@instant", then "@actor" when it is recorded and "@licenses=N",
// "@assigned=N" or "@product-key=K" where the event has them:
//
//	recurring-billing-off@2026-02-01T00:00:00Z@billing-admin;change-licenses@2026-03-01T00:00:00Z@partner@licenses=30@assigned=22

// A csvColumn is one column of the CSV form: how to write a Spec's field
// and how to read it back.
type csvColumn struct {
	name     string
	required bool
	get      func(sp *lifecycle.Spec) (string, error)
	set      func(sp *lifecycle.Spec, v string) error
}

func textColumn(name string, required bool, field func(sp *lifecycle.Spec) *string) csvColumn {
	return csvColumn{name: name, required: required,
		get: func(sp *lifecycle.Spec) (string, error) { return *field(sp), nil },
		set: func(sp *lifecycle.Spec, v string) error { *field(sp) = v; return nil }}
}

func boolColumn(name string, field func(sp *lifecycle.Spec) *bool) csvColumn {
	return csvColumn{name: name,
		get: func(sp *lifecycle.Spec) (string, error) {
			if *field(sp) {
				return "true", nil
			}
			return "", nil
		},
		set: func(sp *lifecycle.Spec, v string) error {
			b, err := parseBool(v)
			*field(sp) = b
			return err
		}}
}

func countColumn(name string, field func(sp *lifecycle.Spec) *int) csvColumn {
	return csvColumn{name: name,
		get: func(sp *lifecycle.Spec) (string, error) { return countCell(*field(sp)), nil },
		set: func(sp *lifecycle.Spec, v string) error {
			n, err := parseCount(v)
			*field(sp) = n
			return err
		}}
}

func instantColumn(name string, required bool, field func(sp *lifecycle.Spec) *time.Time) csvColumn {
	return csvColumn{name: name, required: required,
		get: func(sp *lifecycle.Spec) (string, error) { return instantCell(*field(sp)), nil },
		set: func(sp *lifecycle.Spec, v string) error {
			if v == "" {
				return nil
			}
			t, err := cli.ParseInstant(v, time.UTC)
			*field(sp) = t
			return err
		}}
}

// textEnum is an enum of the CSV form: written and read by its name.
type textEnum interface {
	MarshalText() ([]byte, error)
}

func enumColumn[T any, P interface {
	*T
	UnmarshalText([]byte) error
}](name string, required bool, field func(sp *lifecycle.Spec) *T) csvColumn {
	return csvColumn{name: name, required: required,
		get: func(sp *lifecycle.Spec) (string, error) {
			var zero T
			v := field(sp)
			if any(*v) == any(zero) {
				return "", nil
			}
			b, err := any(*v).(textEnum).MarshalText()
			return string(b), err
		},
		set: func(sp *lifecycle.Spec, v string) error {
			if v == "" {
				return nil
			}
			return P(field(sp)).UnmarshalText([]byte(v))
		}}
}

// csvColumns are the columns, in the order lapse writes them.
var csvColumns = []csvColumn{
	textColumn("id", true, func(sp *lifecycle.Spec) *string { return &sp.ID }),
	enumColumn("channel", true, func(sp *lifecycle.Spec) *policy.Channel { return &sp.Channel }),
	enumColumn("term", true, func(sp *lifecycle.Spec) *policy.Term { return &sp.Term }),
	instantColumn("start", true, func(sp *lifecycle.Spec) *time.Time { return &sp.Start }),
	{name: "end", required: true,
		get: func(sp *lifecycle.Spec) (string, error) {
			if sp.End.IsZero() {
				return "", nil
			}
			return sp.End.String(), nil
		},
		set: func(sp *lifecycle.Spec, v string) error {
			if v == "" {
				return nil
			}
			d, err := cli.ParseDate(v)
			sp.End = d
			return err
		}},
	countColumn("licenses", func(sp *lifecycle.Spec) *int { return &sp.Licenses }),
	countColumn("assigned", func(sp *lifecycle.Spec) *int { return &sp.Assigned }),
	boolColumn("recurring_billing", func(sp *lifecycle.Spec) *bool { return &sp.RecurringBilling }),
	boolColumn("payment_method", func(sp *lifecycle.Spec) *bool { return &sp.PaymentMethod }),
	boolColumn("trial", func(sp *lifecycle.Spec) *bool { return &sp.Trial }),
	{name: "product",
		get: func(sp *lifecycle.Spec) (string, error) { return string(sp.Product), nil },
		set: func(sp *lifecycle.Spec, v string) error { sp.Product = policy.Product(v); return nil }},
	textColumn("offer", false, func(sp *lifecycle.Spec) *string { return &sp.Offer }),
	textColumn("country", false, func(sp *lifecycle.Spec) *string { return &sp.Country }),
	boolColumn("product_key", func(sp *lifecycle.Spec) *bool { return &sp.ProductKey }),
	textColumn("product_key_id", false, func(sp *lifecycle.Spec) *string { return &sp.ProductKeyID }),
	boolColumn("non_user", func(sp *lifecycle.Spec) *bool { return &sp.NonUser }),
	boolColumn("via_seller", func(sp *lifecycle.Spec) *bool { return &sp.ViaSeller }),
	enumColumn("offer_class", false, func(sp *lifecycle.Spec) *policy.OfferClass { return &sp.OfferClass }),
	instantColumn("window_from", false, func(sp *lifecycle.Spec) *time.Time { return &sp.WindowFrom }),
	{name: "history", get: historyCell, set: parseHistory},
}

func csvColumnNames() []string {
	var names []string
	for _, c := range csvColumns {
		names = append(names, c.name)
	}
	return names
}

func countCell(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// instantCell writes an instant of the CSV form: RFC 3339 in UTC, exact.
func instantCell(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func parseBool(v string) (bool, error) {
	switch strings.ToLower(v) {
	case "", "false":
		return false, nil
	case "true":
		return true, nil
	}
	return false, fmt.Errorf("%q: want true or false (or empty, false)", v)
}

func parseCount(v string) (int, error) {
	if v == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(v, 10, 32)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%q: want a whole number from 0 to 2147483647", v)
	}
	return int(n), nil
}

// historyCell writes the history column.
func historyCell(sp *lifecycle.Spec) (string, error) {
	var events []string
	for i, e := range sp.History {
		kind, err := e.Kind.MarshalText()
		if err != nil {
			return "", fmt.Errorf("history[%d]: %w", i, err)
		}
		parts := []string{string(kind), instantCell(e.At)}
		if e.Actor != 0 {
			actor, err := e.Actor.MarshalText()
			if err != nil {
				return "", fmt.Errorf("history[%d]: %w", i, err)
			}
			parts = append(parts, string(actor))
		}
		if e.Licenses != 0 {
			parts = append(parts, "licenses="+strconv.Itoa(e.Licenses))
		}
		if e.Assigned != 0 {
			parts = append(parts, "assigned="+strconv.Itoa(e.Assigned))
		}
		if e.ProductKey != "" {
			if strings.ContainsAny(e.ProductKey, "@;=") {
				return "", fmt.Errorf("history[%d].productKey %q: has @, ; or =, which the CSV form cannot hold", i, e.ProductKey)
			}
			parts = append(parts, "product-key="+e.ProductKey)
		}
		events = append(events, strings.Join(parts, "@"))
	}
	return strings.Join(events, ";"), nil
}

// parseHistory reads the history column.
func parseHistory(sp *lifecycle.Spec, v string) error {
	if strings.TrimSpace(v) == "" {
		return nil
	}
	var errs []error
	for i, s := range strings.Split(v, ";") {
		e, err := parseEvent(strings.TrimSpace(s))
		if err != nil {
			errs = append(errs, fmt.Errorf("event %d %q: %w", i+1, s, err))
			continue
		}
		sp.History = append(sp.History, e)
	}
	return errors.Join(errs...)
}

const eventForm = "kind@instant[@actor][@licenses=N][@assigned=N][@product-key=K]"

func parseEvent(s string) (lifecycle.Event, error) {
	var e lifecycle.Event
	parts := strings.Split(s, "@")
	if len(parts) < 2 {
		return e, fmt.Errorf("want %s", eventForm)
	}
	if err := e.Kind.UnmarshalText([]byte(parts[0])); err != nil {
		return e, err
	}
	at, err := cli.ParseInstant(parts[1], time.UTC)
	if err != nil {
		return e, err
	}
	e.At = at
	for _, p := range parts[2:] {
		key, value, ok := strings.Cut(p, "=")
		switch {
		case !ok && e.Actor == 0:
			if err := e.Actor.UnmarshalText([]byte(p)); err != nil {
				return e, err
			}
		case key == "licenses" || key == "assigned":
			n, err := parseCount(value)
			if err != nil {
				return e, fmt.Errorf("%s: %w", key, err)
			}
			if key == "licenses" {
				e.Licenses = n
			} else {
				e.Assigned = n
			}
		case key == "product-key":
			e.ProductKey = value
		default:
			return e, fmt.Errorf("%q: want %s", p, eventForm)
		}
	}
	return e, nil
}

// decodeCSV reads subscriptions in the CSV form.
func decodeCSV(data []byte, label string) ([]item, error) {
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, utf8BOM)))
	header, err := r.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("%s: empty; want a header line naming the columns, such as %s", label, strings.Join(csvColumnNames()[:5], ","))
	}
	if err != nil {
		return nil, csvError(label, err)
	}
	cols, err := csvHeader(header)
	if err != nil {
		return nil, fmt.Errorf("%s:1: %w", label, err)
	}
	r.FieldsPerRecord = len(header)
	var items []item
	var errs []error
	for len(errs) < maxProblems {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, csvError(label, err))
			if errors.Is(err, csv.ErrFieldCount) {
				continue
			}
			break
		}
		line, _ := r.FieldPos(0)
		src := fmt.Sprintf("%s:%d", label, line)
		var sp lifecycle.Spec
		var cellErrs []error
		for i, c := range cols {
			v := strings.TrimSpace(rec[i])
			if v == "" && c.required {
				cellErrs = append(cellErrs, fmt.Errorf("%s: column %s: empty; required", src, c.name))
				continue
			}
			if err := c.set(&sp, v); err != nil {
				cellErrs = append(cellErrs, fmt.Errorf("%s: column %s: %w", src, c.name, err))
			}
		}
		if len(cellErrs) > 0 {
			errs = append(errs, cellErrs...)
			continue
		}
		sub, err := lifecycle.New(sp)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", src, err))
			continue
		}
		items = append(items, item{sub: sub, src: src})
	}
	if len(errs) == 0 && len(items) == 0 {
		return nil, fmt.Errorf("%s: no subscriptions after the header", label)
	}
	return items, errors.Join(errs...)
}

// csvHeader returns the column of each name of the header line.
func csvHeader(header []string) ([]csvColumn, error) {
	var cols []csvColumn
	var errs []error
	seen := map[string]bool{}
	for _, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		var col *csvColumn
		for i := range csvColumns {
			if csvColumns[i].name == name {
				col = &csvColumns[i]
			}
		}
		switch {
		case col == nil:
			errs = append(errs, fmt.Errorf("column %q: unknown; want %s", h, strings.Join(csvColumnNames(), ", ")))
			continue
		case seen[name]:
			errs = append(errs, fmt.Errorf("column %q: given twice", h))
			continue
		}
		seen[name] = true
		cols = append(cols, *col)
	}
	var missing []string
	for _, c := range csvColumns {
		if c.required && !seen[c.name] {
			missing = append(missing, c.name)
		}
	}
	if len(missing) > 0 {
		errs = append(errs, fmt.Errorf("required columns missing: %s", strings.Join(missing, ", ")))
	}
	return cols, errors.Join(errs...)
}

// csvError gives a CSV reading error as "label:line:column: problem".
func csvError(label string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s:%d:%d: bad CSV: %v", label, pe.Line, pe.Column, pe.Err)
	}
	return fmt.Errorf("%s: %w", label, err)
}

// encodeCSV writes subscriptions in the CSV form, every column.
func encodeCSV(w io.Writer, subs []lifecycle.Subscription) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvColumnNames()); err != nil {
		return err
	}
	for _, sub := range subs {
		sp := sub.Spec()
		row := make([]string, len(csvColumns))
		for i, c := range csvColumns {
			v, err := c.get(&sp)
			if err != nil {
				return fmt.Errorf("%s: %w", sp.ID, err)
			}
			row[i] = v
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
