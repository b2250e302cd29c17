package cli

import (
	"errors"
	"flag"
	"fmt"
	"strings"
)

// Parse parses args, the arguments after a command's name, into fs's
// flags and returns the other arguments, in order. It differs from
// fs.Parse in what a person at a command line expects:
//
//   - Flags and arguments may mix: "explain ID -at DATE" sets -at. An
//     argument that starts with "-" is a flag, except "-" alone (by
//     custom, standard input); everything after "--" is an argument,
//     so "validate -- -h" names a file called -h.
//   - -h, -help and --help, where a flag may stand and fs defines no
//     such flag, return [flag.ErrHelp]: the caller prints its help.
//   - Every other error is a [*UsageError] that names the flag: an
//     unknown flag (with the list of fs's flags, or, when it has none, a
//     reminder of "--"), a flag without its value, a value the flag's
//     [flag.Value] refuses.
//
// Flags are written -name value, -name=value, or with two dashes; a
// boolean flag takes no value unless given with "=" (-v=false). Parse
// writes nothing and never calls fs.Usage, and fs.Args is not set: use
// the result. Check the flags that were set with fs.Visit, [Required] and
// [Conflicts].
func Parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(rest, args[i+1:]...), nil
		}
		if len(a) < 2 || a[0] != '-' {
			rest = append(rest, a)
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimPrefix(a[1:], "-"), "=")
		if name == "" || name[0] == '-' {
			return nil, Usagef("bad flag syntax %q", a)
		}
		f := fs.Lookup(name)
		if f == nil {
			if name == "h" || name == "help" {
				return nil, flag.ErrHelp
			}
			var names []string
			fs.VisitAll(func(f *flag.Flag) { names = append(names, "-"+f.Name) })
			if len(names) == 0 {
				return nil, Usagef("unknown flag %q: this command takes no flags (put -- before an argument that starts with -)", "-"+name)
			}
			return nil, UnknownID("flag", "-"+name, names)
		}
		if !hasValue {
			if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
				value = "true"
			} else if i+1 < len(args) {
				i++
				value = args[i]
			} else {
				return nil, FlagError(name, errors.New("needs a value"))
			}
		}
		if err := fs.Set(name, value); err != nil {
			var ve *ValueError
			if errors.As(err, &ve) { // it already quotes the value
				return nil, FlagError(name, err)
			}
			return nil, FlagError(name, fmt.Errorf("bad value %q: %w", value, err))
		}
	}
	return rest, nil
}

// Required returns a [*UsageError] for each of the named flags (without
// their dashes) that fs's command line did not set, joined with
// errors.Join; nil when all are there. A string flag (fs.String,
// fs.StringVar) set to the empty string counts as not set; a flag of
// another kind set to "" is there, and its parser says what is wrong. Each error
// quotes the flag's usage, so that it says what to give:
//
//	-at: missing; want date (2026-06-01) or time
//
// A name fs does not define is a mistake in the command, reported as such
// (not as a usage error).
func Required(fs *flag.FlagSet, names ...string) error {
	set := visited(fs)
	var errs []error
	for _, name := range names {
		f := fs.Lookup(name)
		switch {
		case f == nil:
			errs = append(errs, fmt.Errorf("cli: Required: %s defines no flag -%s", fs.Name(), name))
		case !set[name] || isEmptyString(f):
			errs = append(errs, FlagError(name, fmt.Errorf("missing; want %s", f.Usage)))
		}
	}
	return errors.Join(errs...)
}

// isEmptyString reports whether f is a string flag whose value is "".
func isEmptyString(f *flag.Flag) bool {
	g, ok := f.Value.(flag.Getter)
	if !ok {
		return false
	}
	s, ok := g.Get().(string)
	return ok && s == ""
}

// Conflicts returns a [*UsageError] when fs's command line set more than
// one of the named flags (without their dashes), which cannot go
// together, and nil otherwise. The message names the flags that were
// set, in the order of names:
//
//	-timeline and -explain cannot be used together
func Conflicts(fs *flag.FlagSet, names ...string) error {
	set := visited(fs)
	var both []string
	for _, name := range names {
		if set[name] {
			both = append(both, "-"+name)
		}
	}
	if len(both) < 2 {
		return nil
	}
	return Usagef("%s cannot be used together", list(both, "and"))
}

// visited returns the names of the flags fs's command line set.
func visited(fs *flag.FlagSet) map[string]bool {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	return set
}

// list joins words as "a", "a and b", "a, b and c", with conj for "and".
func list(words []string, conj string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " " + conj + " " + words[len(words)-1]
}
