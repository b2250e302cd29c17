package policy

import (
	"bytes"
	"fmt"
	"iter"
	"math"
	"slices"
	"sort"
	"time"

	"github.com/lapse-go/lapse/internal/policyview"
)

func init() {
	policyview.Of = func(s *Schedule) *policyview.Versions[Rules, Schedule] { return &s.view }
}

// Schedule is the sequence of versions of the rules a [Table] answers for
// one key over time: each [Version] is the rules in force during a period,
// in time order, the periods never overlapping. A version's period is the
// longest run of time during which the same row of the table, with the
// same override rows applied in the same order, is in force; when the
// same rows are in force again after others, that is another version,
// sharing the rules of the first. Where no row is in force (before the
// first row, between rows, after the last) the schedule has no version.
//
// A Schedule is immutable and safe for concurrent use; a table builds one
// per key class on first use and shares it (see [Table.Schedule]). Its
// versions hold the table's resolved rules in place and give out copies.
// The zero Schedule has no versions; a nil *Schedule behaves as one.
type Schedule struct {
	key      Key
	versions []period // versions[i] is the period of version i
	view     policyview.Versions[Rules, Schedule]
}

// period is a version's [from, until) in UTC; until zero: open-ended.
type period struct{ from, until time.Time }

// Schedule returns the versions of the rules in force for k over time:
// what [Table.Lookup] answers for k at each instant, as periods. Lookup
// is Schedule(k) followed by [Schedule.At] and [Version.Rules].
//
// Schedules are built once per key class and shared: two keys that every
// row and layer row treat alike (a product, offer or country that no row
// of k's channel names behaves as none) get the same *Schedule, whose
// [Schedule.Key] is the class. Building one reads the table once per
// instant at which a row of the channel that matches k starts or ends.
//
// Errors: an invalid key is a *FieldError; a nil table, or no row for k
// at any time, a *NoRuleError (with a zero At).
func (t *Table) Schedule(k Key) (*Schedule, error) {
	if err := k.check(); err != nil {
		return nil, err
	}
	if t == nil {
		return nil, &NoRuleError{Key: k, Reason: "the table is nil"}
	}
	s := t.schedule(&k)
	if s.Len() == 0 {
		return nil, s.noRule(k, time.Time{})
	}
	return s, nil
}

// buildSchedule resolves the rules for the class key k at each instant at
// which a row or layer row that matches k starts or ends, and merges the
// consecutive periods of equal resolution into versions. The caller holds
// t.classes.build when t has classes.
func (t *Table) buildSchedule(k Key) *Schedule {
	s := &Schedule{key: k}
	var points []time.Time
	note := func(r *Row) {
		if r.matches(k) {
			points = append(points, r.From)
			if !r.Until.IsZero() {
				points = append(points, r.Until)
			}
		}
	}
	for _, i := range t.byChannel[k.Channel&15] {
		note(&t.rows[i])
	}
	if len(points) == 0 {
		return s // no row for k at any time; layers apply to none
	}
	for _, l := range t.layers {
		for i := range l.rows {
			note(&l.rows[i])
		}
	}
	slices.SortFunc(points, time.Time.Compare)
	points = slices.CompactFunc(points, time.Time.Equal)

	tr := &trace{}
	var sig, last []byte
	var rules []*Rules
	rv := t.newResolver(k)
	for i, at := range points {
		tr.applied = tr.applied[:0]
		r, base, _ := rv.at(at, tr)
		if base < 0 {
			continue // a gap
		}
		var until time.Time
		if i+1 < len(points) {
			until = points[i+1]
		}
		sig = appendSig(sig[:0], base, tr.applied)
		if n := len(s.versions); n > 0 && s.versions[n-1].until.Equal(at) && bytes.Equal(sig, last) {
			s.versions[n-1].until = until
			continue
		}
		p := &t.rows[base].Rules
		if len(tr.applied) > 0 {
			p = t.classes.shared(sig, &r)
		}
		s.versions = append(s.versions, period{from: at.UTC(), until: until.UTC()})
		rules = append(rules, p)
		sig, last = last, sig
	}
	s.view = policyview.Versions[Rules, Schedule]{
		Starts: make([]int64, len(s.versions)),
		Ends:   make([]int64, len(s.versions)),
		Rules:  rules,
		Owner:  s,
	}
	for i, v := range s.versions {
		s.view.Starts[i] = unixNano(v.from)
		s.view.Ends[i] = math.MaxInt64
		if !v.until.IsZero() {
			s.view.Ends[i] = unixNano(v.until)
		}
	}
	s.view.Cover()
	return s
}

const nsPerSec = int64(time.Second)

// Bounds of the Unix seconds whose instants are exact in int64
// nanoseconds with room to spare (about 1678 to 2262).
const (
	minExactSec = math.MinInt64/nsPerSec + 1
	maxExactSec = math.MaxInt64/nsPerSec - 1
)

// unixNano returns t in Unix nanoseconds clamped to the int64 range: an
// instant before 1678 is math.MinInt64, one after 2262 math.MaxInt64.
func unixNano(t time.Time) int64 {
	const (
		maxSec, maxNsec = math.MaxInt64 / nsPerSec, math.MaxInt64 % nsPerSec
		// The least second whose instants fit from some nanosecond on, and
		// that nanosecond; Go's % truncates, so the remainder is negative.
		minSec, minNsec = math.MinInt64/nsPerSec - 1, nsPerSec + math.MinInt64%nsPerSec
	)
	sec, nsec := t.Unix(), int64(t.Nanosecond())
	switch {
	case sec > maxSec || sec == maxSec && nsec > maxNsec:
		return math.MaxInt64
	case sec < minSec || sec == minSec && nsec < minNsec:
		return math.MinInt64
	}
	// (sec+1)·1e9 + (nsec-1e9) does not overflow where sec·1e9 would.
	return (sec+1)*nsPerSec + (nsec - nsPerSec)
}

// Key returns the key class the schedule answers for: the key it was
// built for with each product, offer and country that no row or layer row
// of the table names for the key's channel replaced by "". Every key of
// the class gets this schedule.
func (s *Schedule) Key() Key {
	if s == nil {
		return Key{}
	}
	return s.key
}

// Len returns the number of versions.
func (s *Schedule) Len() int {
	if s == nil {
		return 0
	}
	return len(s.versions)
}

// Version returns version i, the first being 0; the zero Version when i
// is out of range.
func (s *Schedule) Version(i int) Version {
	if i < 0 || i >= s.Len() {
		return Version{}
	}
	return Version{s: s, i: int32(i)}
}

// All returns the versions in time order.
func (s *Schedule) All() iter.Seq[Version] {
	return func(yield func(Version) bool) {
		for i := range s.Len() {
			if !yield(Version{s: s, i: int32(i)}) {
				return
			}
		}
	}
}

// At returns the version in force at t. When none is, the error is a
// *NoRuleError for [Schedule.Key] at t whose reason is the one
// [Table.Lookup] gives: before the first documented rule, after the last,
// or in a gap between them.
func (s *Schedule) At(t time.Time) (Version, error) {
	if i := s.index(t); i >= 0 {
		return Version{s: s, i: int32(i)}, nil
	}
	return Version{}, s.noRule(s.Key(), t)
}

// index returns the index of the version in force at t, or -1.
func (s *Schedule) index(t time.Time) int {
	if s == nil {
		return -1
	}
	if sec := t.Unix(); minExactSec <= sec && sec <= maxExactSec {
		return s.view.Index(sec*nsPerSec + int64(t.Nanosecond()))
	}
	// Beyond the int64 nanoseconds: compare the instants themselves.
	i := sort.Search(len(s.versions), func(i int) bool { return s.versions[i].from.After(t) }) - 1
	if i < 0 || !s.versions[i].until.IsZero() && !t.Before(s.versions[i].until) {
		return -1
	}
	return i
}

// noRule explains why no version of s is in force for k at t, with the
// texts of Table.Lookup.
func (s *Schedule) noRule(k Key, t time.Time) error {
	n := s.Len()
	switch {
	case s == nil:
		return &NoRuleError{Key: k, At: t, Reason: "the schedule is nil"}
	case n == 0:
		return &NoRuleError{Key: k, At: t, Reason: fmt.Sprintf("no row for channel %s with term %s", k.Channel, k.Term)}
	case t.Before(s.versions[0].from):
		return &NoRuleError{Key: k, At: t, Reason: "before the first documented rule, in force from " + s.versions[0].from.Format(time.DateOnly)}
	case !s.versions[n-1].until.IsZero() && !t.Before(s.versions[n-1].until):
		return &NoRuleError{Key: k, At: t, Reason: "after the last documented rule, in force until " + s.versions[n-1].until.Format(time.DateOnly)}
	}
	return &NoRuleError{Key: k, At: t, Reason: "in a gap between documented rules"}
}

// Version is one version of the rules in force for a key: the table's
// most specific row in force, with the override layers that apply, during
// [From, Until). It is a small immutable value (a handle into its
// [Schedule]), safe to copy and share; two Versions are == when they are
// the same version of the same schedule. The zero Version is invalid and
// answers zero values.
type Version struct {
	s *Schedule
	i int32
}

// IsZero reports whether v is the zero Version.
func (v Version) IsZero() bool { return v.s == nil }

// Equal reports whether v and w are the same version of the same schedule
// (the same as v == w); go-cmp uses it to compare values that hold
// versions.
func (v Version) Equal(w Version) bool { return v == w }

// Rules returns a copy of the version's rules.
func (v Version) Rules() Rules {
	if v.s == nil {
		return Rules{}
	}
	return *v.s.view.Rules[v.i]
}

// Label returns the version's label, [Rules.Version], such as "2025-02".
func (v Version) Label() string {
	if v.s == nil {
		return ""
	}
	return v.s.view.Rules[v.i].Version
}

// Cite returns the citation of the version's rules, [Rules.Cite]: that of
// the last override row applied, else that of the table's row.
func (v Version) Cite() Citation {
	if v.s == nil {
		return Citation{}
	}
	return v.s.view.Rules[v.i].Cite
}

// From returns the first instant the version is in force, in UTC.
func (v Version) From() time.Time {
	if v.s == nil {
		return time.Time{}
	}
	return v.s.versions[v.i].from
}

// Until returns the first instant the version is no longer in force, in
// UTC; zero means open-ended.
func (v Version) Until() time.Time {
	if v.s == nil {
		return time.Time{}
	}
	return v.s.versions[v.i].until
}

// Key returns the key class of the version's schedule ([Schedule.Key]).
func (v Version) Key() Key { return v.s.Key() }

// Index returns the version's position in its schedule; 0 for the zero
// Version.
func (v Version) Index() int { return int(v.i) }

// String returns the channel, the label ("-" when none) and the period,
// such as "csp-nce 2023-10 [2022-03-01, open)"; instants at 00:00Z are
// written as dates. The zero Version is "(no version)".
func (v Version) String() string {
	if v.s == nil {
		return "(no version)"
	}
	label := v.Label()
	if label == "" {
		label = "-"
	}
	until := "open"
	if u := v.Until(); !u.IsZero() {
		until = instantText(u)
	}
	return fmt.Sprintf("%s %s [%s, %s)", v.s.key.Channel, label, instantText(v.From()), until)
}

// instantText writes t as a date when it is 00:00Z, else as an RFC 3339
// time in UTC.
func instantText(t time.Time) string {
	if s, ok := formatInstant(t); ok {
		return s
	}
	return t.UTC().Format(time.RFC3339Nano)
}
