package lifecycle

import (
	"github.com/lapse-go/lapse/lang"
	"github.com/lapse-go/lapse/policy"
)

// The arguments of lifecycle's messages: each value becomes a term of the
// catalogs ("state.expired"), which every language translates.

func stateArg(s State) lang.Arg { return lang.Term("state." + s.String()) }

func channelArg(ch policy.Channel) lang.Arg { return lang.Term("channel." + ch.String()) }

func commandArg(k CommandKind) lang.Arg { return lang.Term("command." + k.String()) }

func roleArg(r Role) lang.Arg { return lang.Term("role." + r.String()) }

// rolesArg lists the roles of s in declaration order, joined by "or".
func rolesArg(s RoleSet) lang.Arg {
	roles := s.List()
	keys := make([]string, len(roles))
	for i, r := range roles {
		keys[i] = "role." + r.String()
	}
	return lang.Roles(keys...)
}
