package lifecycle

import (
	"log/slog"

	"github.com/lapse-go/lapse/clock"
)

// LogValue implements slog.LogValuer: a group of the main answers — "at",
// "state", "since", "cause", then those that are set of "next", "nextAt",
// "nextCause", "trial", "termEnd", "reactivateUntil", "purgeDeadline" and
// "dataGoneBy" — states and causes by name, days as "2026-09-27", never
// the numbers behind them. For every answer, log s.Record(). The zero
// Status logs as the string "zero".
func (s Status) LogValue() slog.Value {
	if s.m == nil {
		return slog.StringValue("zero")
	}
	attrs := make([]slog.Attr, 0, 12)
	attrs = append(attrs,
		slog.Time("at", s.At()),
		slog.String("state", s.State().String()),
		slog.Time("since", s.Since()),
		slog.String("cause", s.Cause().String()))
	if s.Next().IsValid() {
		attrs = append(attrs,
			slog.String("next", s.Next().String()),
			slog.Time("nextAt", s.NextAt()),
			slog.String("nextCause", s.NextCause().String()))
	}
	if s.Trial() {
		attrs = append(attrs, slog.Bool("trial", true))
	}
	attrs = appendDate(attrs, "termEnd", s.TermEnd())
	attrs = appendDate(attrs, "reactivateUntil", s.ReactivateUntil())
	attrs = appendDate(attrs, "purgeDeadline", s.PurgeDeadline())
	if t := s.DataGoneBy(); !t.IsZero() {
		attrs = append(attrs, slog.Time("dataGoneBy", t))
	}
	return slog.GroupValue(attrs...)
}

// appendDate appends the day answer v as "2026-09-27" unless it is zero.
func appendDate(attrs []slog.Attr, key string, d clock.Date) []slog.Attr {
	if !d.IsZero() {
		return append(attrs, slog.String(key, d.String()))
	}
	return attrs
}

// LogValue implements slog.LogValuer: a group of "id", "channel", "term",
// "start", "end" (a date) and "events", the number of events in the
// history; channel and term by name. The zero Subscription logs as the
// string "zero".
func (s Subscription) LogValue() slog.Value {
	if s.IsZero() {
		return slog.StringValue("zero")
	}
	sp := &s.sub.spec
	return slog.GroupValue(
		slog.String("id", sp.ID),
		slog.String("channel", sp.Channel.String()),
		slog.String("term", sp.Term.String()),
		slog.Time("start", sp.Start.UTC()),
		slog.String("end", sp.End.String()),
		slog.Int("events", len(sp.History)))
}
