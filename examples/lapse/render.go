package main

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"time"

	"golang.org/x/text/language"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/lang"
	"github.com/lapse-go/lapse/lifecycle"
)

// view is how a command writes for people: instants in the time zone of
// -tz, words in the language of -lang. Days (clock.Date) are written as
// they are, whatever the zone: the rules count UTC calendar days, and a
// day is not an instant to convert.
type view struct {
	loc *time.Location
	tag language.Tag
}

func (o *opts) view() view { return view{loc: o.loc, tag: o.tag} }

// utcView is the view of a command without -tz and -lang.
var utcView = view{loc: time.UTC, tag: language.English}

// isUTC reports whether instants are written in UTC.
func (v view) isUTC() bool { return v.loc == time.UTC }

// when writes an instant in a table: "-" for none. In UTC, the first
// instant of a day — where every day-based rule puts its instants — is
// written as that date alone, and any other to the minute
// ("2026-05-10T09:00Z"); in another zone, every instant is written to the
// minute with its offset ("2026-04-30T02:00+02:00").
func (v view) when(t time.Time) string {
	switch {
	case t.IsZero():
		return "-"
	case v.isUTC() && t.Equal(t.Truncate(24*time.Hour)):
		return t.UTC().Format(time.DateOnly)
	}
	return t.In(v.loc).Format("2006-01-02T15:04Z07:00")
}

// stamp writes an instant exactly, in RFC 3339 in the view's zone.
func (v view) stamp(t time.Time) string { return t.In(v.loc).Format(time.RFC3339Nano) }

// cell writes an instant in a CSV cell: RFC 3339 in the view's zone,
// exact; empty for none.
func (v view) cell(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return v.stamp(t)
}

// stampArg is the instant a command answers at, as an argument of a
// catalog message: in UTC as the language writes an exact instant, else
// in RFC 3339 with the zone's offset.
func (v view) stampArg(t time.Time) lang.Arg {
	if v.isUTC() {
		return lang.Stamp(t)
	}
	return lang.Text(v.stamp(t))
}

// dateCell is a calendar date in a table, "-" when there is none.
func dateCell(d clock.Date) string {
	if d.IsZero() {
		return "-"
	}
	return d.String()
}

// dateField is a calendar date in a CSV cell, empty when there is none.
func dateField(d clock.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// words renders the catalog message key with args in the view's language.
func (v view) words(key string, args ...lang.Arg) string { return lang.New(key, args...).In(v.tag) }

// state names a state in the view's language, marked when in a trial.
func (v view) state(st lifecycle.State, trial bool) string {
	s := lang.Term("state." + st.String())
	if trial {
		return v.words("state.in-trial", s)
	}
	return v.words("state." + st.String())
}

// reactivateCell says until when st can be reactivated, as explain does:
// through its last day (Status.ReactivateUntil) when the window ends at a
// day boundary, else until the last instant inclusive (the hours after an
// explicit deletion, C-6) or before the instant it ends.
func (v view) reactivateCell(st lifecycle.Status) string {
	before, last := st.ReactivateBefore(), st.ReactivateUntil()
	switch {
	case before.IsZero():
		return "-"
	case before.Equal(last.AddDays(1).UTC()):
		return last.String()
	case st.State() == lifecycle.Deleted:
		return v.words("deadline.until", lang.Text(v.when(before.Add(-time.Nanosecond))))
	}
	return v.words("deadline.before", lang.Text(v.when(before)))
}

// writeJSONLine writes v as one line of JSON.
func writeJSONLine(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// writeCSV writes a header and rows as CSV.
func writeCSV(w io.Writer, header []string, rows [][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	return cw.Error()
}
