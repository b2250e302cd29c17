package cli

import (
	"fmt"
	"strings"

	"github.com/lapse-go/lapse/policy"
)

// Strings is a repeatable flag, such as -policy: each use appends its
// value.
type Strings []string

// String implements flag.Value: the values joined by ",".
func (f *Strings) String() string { return strings.Join(*f, ",") }

// Set implements flag.Value: it appends s.
func (f *Strings) Set(s string) error { *f = append(*f, s); return nil }

// Policy loads the -policy files as the commands read them: the first a
// table file or an overrides file (overrides on the built-in table), each
// later one an overrides file layered on the table so far; the word
// builtin names the built-in table. No file is the built-in table. A
// table file after the first is a usage error naming -policy; a file
// that does not load is the loader's error.
func Policy(names []string) (*policy.Table, error) {
	t := policy.Builtin()
	for i, name := range names {
		var base *policy.Table
		if i > 0 {
			base = t
		}
		next := policy.Builtin()
		if name != "builtin" {
			var err error
			if next, err = policy.LoadFile(name, policy.LoadOptions{Base: base}); err != nil {
				return nil, err
			}
		}
		if i > 0 && len(next.Layers()) != len(t.Layers())+1 {
			return nil, FlagError("policy", fmt.Errorf("%s: a table file must come first; later files must be overrides", name))
		}
		t = next
	}
	return t, nil
}
