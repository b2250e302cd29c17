package cli

import (
	"fmt"
	"slices"
	"strings"
)

// maxListed is how many valid ids UnknownID lists before "and N more".
const maxListed = 20

// UnknownID returns a [*UsageError] for an id given on a command line that
// names no kind (such as "subscription" or "command"), listing the valid
// ids, sorted and without duplicates; past 20 it lists the first 20 and
// says how many more there are. When an id differs from the one given
// only in case, it asks whether that was meant:
//
//	unknown subscription "MOSA-annual" (did you mean "mosa-annual"?); want one of csp-trial, mosa-annual
//
// Wrap it with [FlagError] when the id came from a flag. valid is not
// modified.
func UnknownID(kind, id string, valid []string) error {
	ids := slices.Clone(valid)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	msg := fmt.Sprintf("unknown %s %q", kind, id)
	for _, v := range ids {
		if strings.EqualFold(v, id) {
			msg += fmt.Sprintf(" (did you mean %q?)", v)
			break
		}
	}
	switch {
	case len(ids) == 0:
		msg += fmt.Sprintf("; there is no %s", kind)
	case len(ids) > maxListed:
		msg += fmt.Sprintf("; want one of %s and %d more", strings.Join(ids[:maxListed], ", "), len(ids)-maxListed)
	default:
		msg += "; want one of " + strings.Join(ids, ", ")
	}
	return Usagef("%s", msg)
}
