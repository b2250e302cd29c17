package cli

import (
	"strings"
	"time"

	// The time zone database, built in, so that ParseTZ reads the same
	// names on every system, including those without /usr/share/zoneinfo
	// (Windows without Go installed, minimal containers). It costs a
	// command about 450 kB.
	_ "time/tzdata"
)

const tzForms = "UTC, Local, an offset such as +02:00, or an IANA name such as Europe/Berlin"

// ParseTZ parses a time zone given on a command line: "UTC" (the default
// lapse reads dates in), "Local" (the system's zone), either in any case;
// a fixed offset from UTC, "+02:00" or "-05:30", which has no daylight
// saving; or an IANA time zone name, such as "Europe/Berlin", which does.
// The time zone database is built into the command, so the names are the
// same on every system. Spaces around name are ignored. Errors are
// [*ValueError]s.
func ParseTZ(name string) (*time.Location, error) {
	v := strings.TrimSpace(name)
	bad := func(reason string, err error) (*time.Location, error) {
		return nil, &ValueError{What: "time zone", Value: name, Reason: reason, Want: tzForms, Err: err}
	}
	switch {
	case v == "":
		return bad("empty", nil)
	case strings.EqualFold(v, "UTC"):
		return time.UTC, nil
	case strings.EqualFold(v, "Local"):
		return time.Local, nil
	case v[0] == '+' || v[0] == '-':
		t, err := time.Parse("-07:00", v)
		if err != nil {
			return bad(parseReason(err), err)
		}
		_, off := t.Zone()
		if off < -12*3600 || off > 14*3600 {
			return bad("offsets run from -12:00 to +14:00", nil)
		}
		return time.FixedZone(v, off), nil
	}
	loc, err := time.LoadLocation(v)
	if err != nil {
		return bad("no such time zone", err)
	}
	return loc, nil
}
