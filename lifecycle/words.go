package lifecycle

import (
	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/lang"
	"github.com/lapse-go/lapse/policy"
)

// The arguments of lifecycle's messages: each value becomes a term of the
// catalogs ("state.expired"), which every language translates. An invalid
// value is shown as its String ("%!State(9)") in every language, never
// looked up as a key.

func term(prefix string, valid bool, name string) lang.Arg {
	if !valid {
		return lang.Text(name)
	}
	return lang.Term(prefix + name)
}

func stateArg(s State) lang.Arg { return term("state.", s.IsValid(), s.String()) }

func channelArg(ch policy.Channel) lang.Arg { return term("channel.", ch.IsValid(), ch.String()) }

func commandArg(k CommandKind) lang.Arg { return term("command.", k.IsValid(), k.String()) }

func roleArg(r Role) lang.Arg { return term("role.", r.IsValid(), r.String()) }

// rolesArg lists the roles of s in declaration order, joined by "or".
func rolesArg(s RoleSet) lang.Arg {
	roles := s.List()
	keys := make([]string, len(roles))
	for i, r := range roles {
		keys[i] = "role." + r.String()
	}
	return lang.Roles(keys...)
}

// dateArg is the calendar date d in the language's long form: lang's date
// arguments render the UTC date of their instant, and d.UTC() is the
// instant d begins in UTC, so the date is d's own, never the day before.
func dateArg(d clock.Date) lang.Arg { return lang.Date(d.UTC()) }

// dayArg is the calendar date d as a refusal or a plan states it (ISO 8601
// in English); see dateArg.
func dayArg(d clock.Date) lang.Arg { return lang.Day(d.UTC()) }
