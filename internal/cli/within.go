package cli

import (
	"strconv"
	"strings"
	"time"
)

// MinWithin is the shortest span [ParseWithin] accepts: a minute. Nothing
// in a subscription's life is closer, so a shorter span is a typo, such
// as 14s for 14d.
const MinWithin = time.Minute

// MaxWithin is the longest span [ParseWithin] accepts: 3660 days, about
// ten years. Nothing in a subscription's life (a multi-year term, a
// retention period) is that far off, so a longer span is a typo.
const MaxWithin = 3660 * 24 * time.Hour

const withinForms = "days (14d), weeks (2w), hours (36h) or a Go duration (1h30m)"

// ParseWithin parses a span of time ahead given on a command line, such
// as the 14d of "deadlines -within 14d": a whole number of days ("14d")
// or weeks ("2w"), or a Go duration ("36h", "90m", "1h30m", as
// [time.ParseDuration] reads them). A day is 24 hours and a week 7 days:
// a span of time, not of calendar days, so "1d" across a daylight-saving
// change ends at a different wall-clock time. The span must be at least
// [MinWithin] and at most [MaxWithin]. Spaces around s are ignored. Errors are
// [*ValueError]s.
func ParseWithin(s string) (time.Duration, error) {
	v := strings.TrimSpace(s)
	bad := func(reason string) (time.Duration, error) {
		return 0, &ValueError{What: "duration", Value: s, Reason: reason, Want: withinForms}
	}
	if v == "" {
		return bad("empty")
	}
	if isInteger(v) {
		return bad("a number needs a unit")
	}
	var d time.Duration
	if unit, ok := map[byte]time.Duration{'d': 24 * time.Hour, 'w': 7 * 24 * time.Hour}[v[len(v)-1]]; ok && isInteger(v[:len(v)-1]) {
		n, err := strconv.ParseInt(v[:len(v)-1], 10, 64)
		switch {
		case err != nil || n > int64(MaxWithin/unit):
			return bad("more than " + span(MaxWithin))
		case n <= 0:
			return bad("must be more than zero")
		}
		d = time.Duration(n) * unit
	} else {
		var err error
		if d, err = time.ParseDuration(v); err != nil {
			if _, ok := map[byte]bool{'d': true, 'w': true}[v[len(v)-1]]; ok {
				if _, ferr := strconv.ParseFloat(v[:len(v)-1], 64); ferr == nil {
					return bad("days and weeks are whole numbers")
				}
			}
			return bad("")
		}
	}
	switch {
	case d <= 0:
		return bad("must be more than zero")
	case d < MinWithin:
		return bad("less than a minute")
	case d > MaxWithin:
		return bad("more than " + span(MaxWithin))
	}
	return d, nil
}

// isInteger reports whether s is a decimal integer with an optional sign.
func isInteger(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// span formats a whole number of days as "3660d (about 10 years)".
func span(d time.Duration) string {
	days := int64(d / (24 * time.Hour))
	return strconv.FormatInt(days, 10) + "d (about " + strconv.FormatInt(days/366, 10) + " years)"
}
