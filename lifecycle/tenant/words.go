package tenant

import (
	"time"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/lang"
	"github.com/lapse-go/lapse/lifecycle"
)

// The words of the plans are messages of package lang: a catalog key
// ("plan.ns.text") and typed arguments, rendered in English into the
// steps' Text, Reason and Unblock, and in any language by Step.In.

func msg(key string, args ...lang.Arg) lang.Message { return lang.New(key, args...) }

// text is a verbatim argument: a domain, a user, group or subscription id.
func text(s string) lang.Arg { return lang.Text(s) }

// listArg lists items, the first five and how many more.
func listArg(items []string) lang.Arg {
	const max = 5
	if len(items) <= max {
		return lang.List(items...)
	}
	return lang.Sub(msg("plan.list.more", lang.List(items[:max]...), lang.Number(len(items)-max)))
}

// instantArg is a day when t is a UTC midnight, else an instant.
func instantArg(t time.Time) lang.Arg {
	t = t.UTC()
	if t.Equal(t.Truncate(24 * time.Hour)) {
		return lang.Day(t)
	}
	return lang.Stamp(t.Truncate(time.Second)) // RFC 3339 in English, to the second
}

// dayArg is the calendar date d as a plan states it: lang's day arguments
// render the UTC date of their instant, and d.UTC() begins d in UTC.
func dayArg(d clock.Date) lang.Arg { return lang.Day(d.UTC()) }

// rolesArg lists the roles of s joined by "or".
func rolesArg(s lifecycle.RoleSet) lang.Arg {
	roles := s.List()
	keys := make([]string, len(roles))
	for i, r := range roles {
		keys[i] = "role." + r.String()
	}
	return lang.Roles(keys...)
}

// joined chains ms with the key sep ("plan.join.semicolon": "%[1]s; %[2]s").
func joined(sep string, ms []lang.Message) lang.Message {
	if len(ms) == 0 {
		return lang.Message{}
	}
	out := ms[0]
	for _, m := range ms[1:] {
		out = msg(sep, lang.Sub(out), lang.Sub(m))
	}
	return out
}
