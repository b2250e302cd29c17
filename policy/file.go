package policy

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Format is the value of the "format" key of every policy file this
// version of the package reads and writes.
const Format = "lapse-policy/v1"

// DefaultMaxBytes is the size limit on a policy file when
// LoadOptions.MaxBytes is 0: 1 MiB.
const DefaultMaxBytes = 1 << 20

// MaxProblems is the most problems [LoadJSON], [ParseJSON] and [LoadFile]
// report one by one; when there are more, the error ends with one more
// *FileError whose Reason counts the rest, "and N more problems".
const MaxProblems = 100

// LoadOptions control [LoadJSON], [ParseJSON] and [LoadFile]. The zero
// value is ready to use.
type LoadOptions struct {
	// Name names the file in error messages, such as "policy/eu.json".
	Name string
	// MaxBytes is the size limit in bytes; 0 means DefaultMaxBytes. A
	// limit above math.MaxInt32 is math.MaxInt32; a negative one is an
	// error.
	MaxBytes int64
	// Base is the table an overrides file is layered on; nil means
	// Builtin(). A table file ignores it.
	Base *Table
}

// maxBytes returns the size limit: MaxBytes, or DefaultMaxBytes for 0,
// at most math.MaxInt32 (the most ParseJSON can address).
func (o LoadOptions) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return min(o.MaxBytes, math.MaxInt32)
	}
	return DefaultMaxBytes
}

// check refuses a negative MaxBytes rather than reading it as the default.
func (o LoadOptions) check() error {
	if o.MaxBytes < 0 {
		return &FieldError{Field: "LoadOptions.MaxBytes", Value: o.MaxBytes, Reason: "must not be negative; 0 means DefaultMaxBytes"}
	}
	return nil
}

// LoadJSON reads a policy file (see the package documentation, "Policy
// files") and returns its table: for a file of kind "table", a table of
// its rows named by the file's "name"; for a file of kind "overrides",
// opts.Base (or Builtin()) with the file's rows as a layer named by its
// "name" (see [Table.With]).
//
// Loading is strict and reports every problem at once (errors.Join), each
// a *FileError naming the line, column and JSON path of the value: invalid
// JSON, unknown or duplicate keys, wrong types, a missing or unsupported
// format, missing fields (a table row gives every rule field), durations
// without their unit, negative or absurd durations, windows without a
// unit, missing citations, dates out of order, rows of equal specificity
// that overlap, gaps in a channel's rules, values that Rules.Validate
// refuses (checked once a row's fields read without problems), a list of
// more than [MaxNames] names, rows that name more than [MaxCells] scope
// combinations, and a file larger than
// opts.MaxBytes. Problems are in file order, at most [MaxProblems] and a
// count of the rest; each row that overlaps others is reported once,
// naming the first row it overlaps. An error reading r is returned as is;
// a nil r is a *FileError. LoadJSON never panics, whatever the bytes, and
// its time and memory are bounded (see "Limits" in the package
// documentation).
func LoadJSON(r io.Reader, opts LoadOptions) (*Table, error) {
	if err := opts.check(); err != nil {
		return nil, err
	}
	if r == nil {
		return nil, &FileError{File: opts.Name, Reason: "nothing to read: the reader is nil"}
	}
	max := opts.maxBytes()
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("policy: reading %s: %w", nameOr(opts.Name), err)
	}
	if int64(len(data)) > max {
		return nil, &FileError{File: opts.Name, Reason: fmt.Sprintf("larger than the limit of %d bytes", max)}
	}
	return ParseJSON(data, opts)
}

// ParseJSON is [LoadJSON] for a policy file held in memory.
func ParseJSON(data []byte, opts LoadOptions) (*Table, error) {
	if err := opts.check(); err != nil {
		return nil, err
	}
	if max := opts.maxBytes(); int64(len(data)) > max {
		return nil, &FileError{File: opts.Name, Reason: fmt.Sprintf("larger than the limit of %d bytes", max)}
	}
	d := &decoder{data: data, file: opts.Name, bad: make(map[string]bool), below: make(map[string]bool)}
	t := d.document(opts)
	if err := d.err(); err != nil {
		return nil, err
	}
	return t, nil
}

// LoadFile opens the named policy file and loads it with [LoadJSON]; when
// opts.Name is empty, error messages use name.
func LoadFile(name string, opts LoadOptions) (*Table, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("policy: %w", err)
	}
	defer f.Close()
	if opts.Name == "" {
		opts.Name = name
	}
	return LoadJSON(f, opts)
}

func nameOr(name string) string {
	if name == "" {
		return "input"
	}
	return name
}

// decoder walks a parsed policy file and collects its problems.
type decoder struct {
	data    []byte
	file    string
	lines   []int // offsets of line starts, computed on the first problem
	errs    []error
	dropped int
	bad     map[string]bool // JSON paths with a problem
	below   map[string]bool // JSON paths above a path with a problem
}

// err returns the problems in file order, joined.
func (d *decoder) err() error {
	slices.SortStableFunc(d.errs, func(a, b error) int {
		fa, fb := a.(*FileError), b.(*FileError)
		return cmp.Or(cmp.Compare(fa.Line, fb.Line), cmp.Compare(fa.Col, fb.Col))
	})
	if d.dropped > 0 {
		d.errs = append(d.errs, &FileError{File: d.file, Reason: fmt.Sprintf("and %d more problems", d.dropped)})
	}
	return errors.Join(d.errs...)
}

// full reports whether the decoder holds MaxProblems problems: the rest
// are only counted, so need not be formatted.
func (d *decoder) full() bool { return len(d.errs) >= MaxProblems }

// mark records that the JSON path field has a problem (see related).
func (d *decoder) mark(field string) {
	if d.bad[field] {
		return
	}
	d.bad[field] = true
	for p := field; strings.Contains(p, "."); { // each parent of field
		p = p[:strings.LastIndexByte(p, '.')]
		d.below[p] = true
	}
}

// report records a problem at byte offset off.
func (d *decoder) report(off int, field, value, reason string) {
	d.mark(field)
	if d.full() {
		d.dropped++
		return
	}
	line, col := d.position(off)
	d.errs = append(d.errs, &FileError{File: d.file, Line: line, Col: col, Field: field, Value: value, Reason: reason})
}

// fail reports a problem with the value n at path at.
func (d *decoder) fail(n *jnode, at jpath, reason string) {
	d.report(int(n.off), at.String(), d.text(n), reason)
}

// missing reports a value at path at missing from the object n.
func (d *decoder) missing(n *jnode, at jpath, reason string) {
	d.report(int(n.off), at.String(), "", reason)
}

// raw returns n's JSON text.
func (d *decoder) raw(n *jnode) string { return string(d.data[n.off:n.end]) }

// jpath is a JSON path such as "rows[3].cancel.window.unit", held in up
// to three parts (row, field, key) so that it is joined into a string only
// when a problem is reported.
type jpath struct{ a, b, c string }

func path(s string) jpath { return jpath{a: s} }

// key returns the path of member k.
func (p jpath) key(k string) jpath {
	switch {
	case p.a == "":
		return jpath{a: k}
	case p.b == "":
		return jpath{a: p.a, b: k}
	case p.c == "":
		return jpath{a: p.a, b: p.b, c: k}
	}
	return jpath{a: p.a, b: p.b, c: p.c + "." + k}
}

// index returns the path of element i of the array at p.
func (p jpath) index(i int) jpath {
	s := p.String() + "[" + strconv.Itoa(i) + "]"
	return jpath{a: s}
}

// String joins the path.
func (p jpath) String() string {
	s := p.a
	for _, x := range []string{p.b, p.c} {
		if x != "" {
			s += "." + x
		}
	}
	return s
}

// position returns the 1-based line and column (in characters) of off.
func (d *decoder) position(off int) (line, col int) {
	if d.lines == nil {
		d.lines = append(d.lines, 0)
		for i, c := range d.data {
			if c == '\n' {
				d.lines = append(d.lines, i+1)
			}
		}
	}
	off = min(max(off, 0), len(d.data))
	i := sort.Search(len(d.lines), func(i int) bool { return d.lines[i] > off }) - 1
	return i + 1, utf8.RuneCount(d.data[d.lines[i]:off]) + 1
}

// text returns n's JSON text on one line, shortened.
func (d *decoder) text(n *jnode) string {
	raw := d.data[n.off:n.end]
	const limit = 60
	var b strings.Builder
	space := false
	for _, r := range string(raw) {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		if b.Len() >= limit {
			b.WriteString("…")
			break
		}
		b.WriteRune(r)
	}
	return b.String()
}

// members calls fn for each member of the object n, reporting and skipping
// duplicate keys. A set finds them, so that an object of many keys costs
// O(n).
func (d *decoder) members(n *jnode, at jpath, fn func(m *jmember, at jpath)) {
	seen := make(map[string]bool, len(n.members))
	for i := range n.members {
		m := &n.members[i]
		mpath := at.key(m.key)
		if seen[m.key] {
			d.report(int(m.keyOff), mpath.String(), strconv.Quote(m.key), "duplicate key")
			continue
		}
		seen[m.key] = true
		fn(m, mpath)
	}
}

// unknown reports an unknown key, suggesting the nearest of names.
func (d *decoder) unknown(m *jmember, at jpath, names []string) {
	if d.full() {
		d.report(int(m.keyOff), at.String(), "", "") // counted, not formatted
		return
	}
	reason := "unknown field"
	if s := suggest(m.key, names); s != "" {
		reason += fmt.Sprintf("; did you mean %q?", s)
	}
	d.report(int(m.keyOff), at.String(), strconv.Quote(m.key), reason)
}

// suggest returns the name nearest to key (same letters ignoring case, or
// at most two edits apart), or "".
func suggest(key string, names []string) string {
	lk := strings.ToLower(key)
	best, bestD := "", 3
	for _, n := range names {
		if strings.ToLower(n) == lk {
			return n
		}
		if dist := editDistance(lk, strings.ToLower(n)); dist < bestD {
			best, bestD = n, dist
		}
	}
	return best
}

// editDistance is the Levenshtein distance, for short names only.
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 99
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func (d *decoder) integer(n *jnode, at jpath) (int, bool) {
	if n.kind != jNumber {
		d.fail(n, at, "want a whole number, not "+n.kind.String())
		return 0, false
	}
	text := d.data[n.off:n.end]
	neg := text[0] == '-'
	if neg {
		text = text[1:]
	}
	v := 0
	for _, c := range text {
		if c < '0' || c > '9' {
			d.fail(n, at, "want a whole number")
			return 0, false
		}
		if v > (math.MaxInt-9)/10 {
			d.fail(n, at, "number out of range")
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	if neg {
		v = -v
	}
	return v, true
}

func (d *decoder) str(n *jnode, at jpath) (string, bool) {
	if n.kind != jString {
		d.fail(n, at, "want a string, not "+n.kind.String())
		return "", false
	}
	return n.s, true
}

// enum reads one of names (names[0] is ""), or null when nullable.
func (d *decoder) enum(n *jnode, at jpath, names []string, nullable bool) (uint8, bool) {
	if nullable && n.kind == jNull {
		return 0, true
	}
	if n.kind == jString {
		for i := 1; i < len(names); i++ {
			if names[i] == n.s {
				return uint8(i), true
			}
		}
	}
	want := "want one of " + strings.Join(names[1:], ", ")
	if nullable {
		want += " or null"
	}
	d.fail(n, at, want)
	return 0, false
}

func (d *decoder) instant(n *jnode, at jpath) (time.Time, bool) {
	if n.kind == jString {
		if t, ok := parseInstant(n.s); ok && t.IsZero() {
			// A Row, like a time.Time, reads the zero instant as "no
			// date": accepting it would turn a "from" into a missing one
			// and an "until" or "salesEnd" into none.
			d.fail(n, at, `out of range: 0001-01-01T00:00:00Z is the zero instant, which means "no date"; want a later instant`)
			return time.Time{}, false
		} else if ok {
			return t, true
		}
	}
	d.fail(n, at, `want a date such as "2025-02-06" or an RFC 3339 time such as "2025-02-06T10:00:00Z", in the years 1 to 9999`)
	return time.Time{}, false
}

// fileRow is a row as read from a file.
type fileRow struct {
	node    *jnode
	row     Row
	set     fieldMask // rule fields read without problems
	order   []uint8   // the fields of set, in file order, for an override row (partial)
	partial bool      // an override row, which may leave rule fields out
	seen    fieldMask // rule fields present
	scopeOK bool      // channel, scope and period read without problems
	citeOK  bool
}

var (
	topKeys = []string{"format", "kind", "name", "description", "rows"}
	rowKeys = []string{"channel", "terms", "products", "offers", "countries", "from", "until", "version", "cite"}
)

// group is a group of rule fields ("cancel", "cancel.online") or the rule
// fields of a row (path ""), by the keys a file uses.
type group struct {
	path   string
	fields map[string]int    // key → index in fields
	groups map[string]*group // key → subgroup
}

// rules is the group of a row's rule fields.
var rules = func() *group {
	root := &group{fields: map[string]int{}, groups: map[string]*group{}}
	for i, f := range fields {
		g := root
		segs := strings.Split(f.path, ".")
		for j, seg := range segs[:len(segs)-1] {
			sub := g.groups[seg]
			if sub == nil {
				sub = &group{path: strings.Join(segs[:j+1], "."), fields: map[string]int{}, groups: map[string]*group{}}
				g.groups[seg] = sub
			}
			g = sub
		}
		g.fields[segs[len(segs)-1]] = i
	}
	return root
}()

// document reads the whole file.
func (d *decoder) document(opts LoadOptions) *Table {
	root, serr := parseJSON(d.data)
	if serr != nil {
		d.report(serr.off, "", "", serr.msg)
		return nil
	}
	if root.kind != jObject {
		d.fail(root, jpath{}, `want a JSON object with "format", "kind" and "rows"`)
		return nil
	}
	var format, kind, name, rows *jnode
	d.members(root, jpath{}, func(m *jmember, at jpath) {
		switch m.key {
		case "format":
			format = m.val
		case "kind":
			kind = m.val
		case "name":
			name = m.val
		case "description":
			d.str(m.val, at)
		case "rows":
			rows = m.val
		default:
			d.unknown(m, at, topKeys)
		}
	})
	switch {
	case format == nil:
		d.missing(root, path("format"), fmt.Sprintf("missing: want %q", Format))
		return nil
	case format.kind != jString || format.s != Format:
		d.fail(format, path("format"), fmt.Sprintf("unsupported format; want %q", Format))
		return nil
	case kind == nil:
		d.missing(root, path("kind"), `missing: want "table" or "overrides"`)
		return nil
	case kind.kind != jString || kind.s != "table" && kind.s != "overrides":
		d.fail(kind, path("kind"), `want "table" or "overrides"`)
		return nil
	}
	overrides := kind.s == "overrides"
	var tableName string
	if name != nil {
		if s, ok := d.str(name, path("name")); ok {
			tableName = s
			if s == "" {
				d.fail(name, path("name"), "must not be empty")
			}
		}
	} else if overrides {
		d.missing(root, path("name"), "missing: an overrides file names its layer")
	}
	if rows == nil {
		d.missing(root, path("rows"), "missing: want an array of rows")
		return nil
	}
	if rows.kind != jArray {
		d.fail(rows, path("rows"), "want an array of rows, not "+rows.kind.String())
		return nil
	}
	frs := make([]fileRow, len(rows.members))
	for i := range rows.members {
		frs[i] = d.row(rows.members[i].val, i, overrides)
	}
	if overrides {
		base := opts.Base
		if base == nil {
			base = Builtin()
		}
		return d.overrides(frs, tableName, base)
	}
	return d.table(frs, tableName)
}

// row reads rows[i]; partial says whether rule fields may be left out.
func (d *decoder) row(n *jnode, i int, partial bool) fileRow {
	at := path("rows[" + strconv.Itoa(i) + "]")
	fr := fileRow{node: n, partial: partial}
	if n.kind != jObject {
		d.fail(n, at, "want an object, not "+n.kind.String())
		return fr
	}
	fr.scopeOK, fr.citeOK = true, true
	r := &fr.row
	var channel, from, until, cite *jnode
	d.members(n, at, func(m *jmember, mat jpath) {
		switch m.key {
		case "channel":
			channel = m.val
		case "terms":
			ts, ok := d.terms(m.val, mat)
			r.Terms = ts
			fr.scopeOK = fr.scopeOK && ok
		case "products":
			ps, ok := d.names(m.val, mat, nil)
			for _, p := range ps {
				r.Products = append(r.Products, Product(p))
			}
			fr.scopeOK = fr.scopeOK && ok
		case "offers":
			var ok bool
			r.Offers, ok = d.names(m.val, mat, nil)
			fr.scopeOK = fr.scopeOK && ok
		case "countries":
			var ok bool
			r.Countries, ok = d.names(m.val, mat, validCountry)
			fr.scopeOK = fr.scopeOK && ok
		case "from":
			from = m.val
		case "until":
			until = m.val
		case "version":
			r.Rules.Version, _ = d.str(m.val, mat)
		case "cite":
			cite = m.val
		default:
			d.ruleMember(m, rules, at, &fr)
		}
	})
	if channel == nil {
		d.missing(n, at.key("channel"), "missing: want one of "+strings.Join(channelNames[1:], ", "))
		fr.scopeOK = false
	} else if c, ok := d.enum(channel, at.key("channel"), channelNames, false); ok {
		r.Channel, r.Rules.Channel = Channel(c), Channel(c)
	} else {
		fr.scopeOK = false
	}
	if from == nil {
		d.missing(n, at.key("from"), `missing: every row needs an effective-from date such as "2025-02-06"`)
		fr.scopeOK = false
	} else if t, ok := d.instant(from, at.key("from")); ok {
		r.From = t
	} else {
		fr.scopeOK = false
	}
	if until != nil {
		if t, ok := d.instant(until, at.key("until")); !ok {
			fr.scopeOK = false
		} else if !r.From.IsZero() && !r.From.Before(t) {
			d.fail(until, at.key("until"), "dates out of order: must be after from "+d.text(from))
			fr.scopeOK = false
		} else {
			r.Until = t
		}
	}
	if cite == nil {
		d.missing(n, at.key("cite"), `missing: every row cites its rule ids and sources, {"rules": "R-…", "sources": "[…]"}`)
		fr.citeOK = false
	} else {
		fr.citeOK = d.cite(cite, at.key("cite"), &r.Rules.Cite)
	}
	if partial {
		if fr.seen == 0 {
			d.missing(n, at, "an override row sets at least one rule field")
		}
	} else {
		d.missingFields(n, at, fr.seen)
	}
	return fr
}

// terms reads a non-empty array of distinct term names.
func (d *decoder) terms(n *jnode, at jpath) (TermSet, bool) {
	names, ok := d.names(n, at, nil)
	var s TermSet
	for i, name := range names {
		t := termExact(name) // canonical names only, as every enum of a file
		if t == 0 {
			d.fail(n.members[i].val, at.index(i), "want one of "+strings.Join(termNames[1:], ", "))
			ok = false
			continue
		}
		s |= TermsOf(t)
	}
	return s, ok
}

// names reads a non-empty array of distinct non-empty strings, each
// accepted by valid when valid is not nil.
func (d *decoder) names(n *jnode, at jpath, valid func(string) bool) ([]string, bool) {
	if n.kind != jArray {
		d.fail(n, at, "want an array of strings, not "+n.kind.String())
		return nil, false
	}
	if len(n.members) == 0 {
		d.fail(n, at, "must not be empty: leave the key out to match every value")
		return nil, false
	}
	if len(n.members) > MaxNames {
		d.fail(n, at, fmt.Sprintf("%d names, more than the limit of %d; split the row", len(n.members), MaxNames))
		return nil, false
	}
	ok := true
	out := make([]string, 0, len(n.members))
	seen := make(map[string]bool, len(n.members))
	listed := func(s string) bool {
		if seen[s] {
			return true
		}
		seen[s] = true
		return false
	}
	for i := range n.members {
		e := n.members[i].val
		if e.kind != jString {
			d.fail(e, at.index(i), "want a string, not "+e.kind.String())
			ok = false
			continue
		}
		switch s := e.s; {
		case s == "":
			d.fail(e, at.index(i), "must not be empty")
			ok = false
		case valid != nil && !valid(s):
			d.fail(e, at.index(i), `want an upper-case ISO 3166-1 alpha-2 code such as "CN"`)
			ok = false
		case listed(s):
			d.fail(e, at.index(i), "listed twice")
			ok = false
		default:
			out = append(out, s)
		}
	}
	return out, ok
}

func (d *decoder) cite(n *jnode, at jpath, c *Citation) bool {
	if n.kind != jObject {
		d.fail(n, at, `want {"rules": "R-…", "sources": "[…]"}`)
		return false
	}
	var rules, sources *jnode
	d.members(n, at, func(m *jmember, mat jpath) {
		switch m.key {
		case "rules":
			rules = m.val
		case "sources":
			sources = m.val
		default:
			d.unknown(m, mat, []string{"rules", "sources"})
		}
	})
	ok := true
	for _, x := range []struct {
		key  string
		n    *jnode
		dst  *string
		what string
	}{{"rules", rules, &c.Rules, "rule ids"}, {"sources", sources, &c.Sources, "sources"}} {
		if x.n == nil {
			d.missing(n, at.key(x.key), "missing: every row must cite its "+x.what)
			ok = false
			continue
		}
		s, sok := d.str(x.n, at.key(x.key))
		if sok && s == "" {
			d.fail(x.n, at.key(x.key), "every row must cite its "+x.what)
			sok = false
		}
		*x.dst = s
		ok = ok && sok
	}
	return ok
}

// ruleMember reads member m of group g of the rule fields of the row at
// path row.
func (d *decoder) ruleMember(m *jmember, g *group, row jpath, fr *fileRow) {
	if f, ok := g.fields[m.key]; ok {
		fr.seen |= 1 << f
		if fields[f].dec(d, m.val, row.key(fields[f].path), &fr.row.Rules) {
			fr.set |= 1 << f
			if fr.partial {
				fr.order = append(fr.order, uint8(f))
			}
		} else {
			d.mark(row.key(fields[f].path).String())
		}
		return
	}
	if sub, ok := g.groups[m.key]; ok {
		if m.val.kind != jObject {
			d.fail(m.val, row.key(sub.path), "want an object, not "+m.val.kind.String())
			for f := range fields {
				if strings.HasPrefix(fields[f].path, sub.path+".") {
					fr.seen |= 1 << f
				}
			}
			return
		}
		d.members(m.val, row.key(sub.path), func(m *jmember, _ jpath) { d.ruleMember(m, sub, row, fr) })
		return
	}
	at := row.key(m.key)
	if g.path != "" {
		at = row.key(g.path + "." + m.key)
	}
	if d.full() {
		d.report(int(m.keyOff), at.String(), "", "") // counted, not formatted
		return
	}
	var names []string
	if g.path == "" {
		names = append(names, rowKeys...)
	}
	for key, f := range g.fields {
		// The Go name is a hint: "expiredDays" → "expired".
		if goName := fields[f].goPath[strings.LastIndexByte(fields[f].goPath, '.')+1:]; strings.EqualFold(goName, m.key) {
			d.report(int(m.keyOff), at.String(), strconv.Quote(m.key), fmt.Sprintf("unknown field; did you mean %q?", key))
			return
		}
		names = append(names, key)
	}
	for key := range g.groups {
		names = append(names, key)
	}
	slices.Sort(names)
	d.unknown(m, at, names)
}

// missingFields reports the rule fields a table row leaves out, in one
// problem per row: a whole group by its name when none of its fields is
// given.
func (d *decoder) missingFields(n *jnode, at jpath, seen fieldMask) {
	if seen == allFields {
		return
	}
	givesAny := func(group string) bool {
		for f := range fields {
			if seen.has(f) && strings.HasPrefix(fields[f].path, group+".") {
				return true
			}
		}
		return false
	}
	var missing []string
	for f := range fields {
		if seen.has(f) {
			continue
		}
		target := fields[f].path
		for i := 0; i < len(target); i++ {
			if target[i] == '.' && !givesAny(target[:i]) {
				target = target[:i]
				break
			}
		}
		if !slices.Contains(missing, target) {
			missing = append(missing, target)
			d.mark(at.key(target).String())
		}
	}
	d.missing(n, at, "missing rule fields (a row of a table file gives every one; see policy.FieldPaths): "+strings.Join(missing, ", "))
}

// related reports whether a problem is recorded at path, above it or
// below it within its row, so that one mistake is reported once.
func (d *decoder) related(path string) bool {
	for p := path; ; {
		if d.bad[p] {
			return true
		}
		i := strings.LastIndexByte(p, '.')
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return d.below[path]
}

// nodeAt returns the node at a dotted JSON path below n, or the deepest
// node on the way.
func nodeAt(n *jnode, path string) *jnode {
	for _, seg := range strings.Split(path, ".") {
		if n.kind != jObject {
			return n
		}
		var next *jnode
		for i := range n.members {
			if n.members[i].key == seg {
				next = n.members[i].val
				break
			}
		}
		if next == nil {
			return n
		}
		n = next
	}
	return n
}

// reportRow reports a problem p of rows[i] found after reading, placed at
// the node of its field; when followOn is true, only if the same spot has
// no problem yet (a value Validate refuses because of one already reported).
func (d *decoder) reportRow(fr *fileRow, i int, p rowProblem, followOn bool) {
	p.row = i
	path := p.path()
	if followOn && p.field != "" && d.related(path) {
		return
	}
	if d.full() {
		d.mark(path)
		d.dropped++
		return
	}
	p = p.resolved()
	n := fr.node
	value := formatValue(p.value)
	if p.field != "" {
		n = nodeAt(fr.node, p.field)
		if n != fr.node {
			value = d.text(n)
		}
	}
	if p.value == "" {
		value = ""
	}
	d.report(int(n.off), path, value, p.reason)
}

// table checks a table file's rows together and builds its table.
func (d *decoder) table(frs []fileRow, name string) *Table {
	rows := make([]Row, len(frs))
	var good []Row
	var goodIdx []int
	for i := range frs {
		fr := &frs[i]
		rows[i] = fr.row
		if fr.node.kind != jObject {
			continue
		}
		// Rules.Validate checks fields together; a field that did not
		// read would make it report follow-on problems.
		if fr.set != fr.seen {
			// skip
		} else if err := fr.row.Rules.Validate(); err != nil {
			for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
				if fe, ok := e.(*FieldError); ok {
					d.reportRow(fr, i, rowProblem{field: jsonPathOf(fe.Field), value: fe.Value, reason: fe.Reason}, true)
				}
			}
		}
		if fr.scopeOK {
			good = append(good, fr.row)
			goodIdx = append(goodIdx, i)
		}
	}
	for _, p := range overlapProblems(good, goodIdx) {
		d.reportRow(&frs[goodIdx[p.row]], goodIdx[p.row], p, false)
	}
	for _, p := range gapProblems(good, goodIdx) {
		d.reportRow(&frs[goodIdx[p.row]], goodIdx[p.row], p, false)
	}
	if len(d.errs) > 0 {
		return nil
	}
	t, err := NewTable(rows)
	if err != nil {
		// Not expected: the checks above cover NewTable's.
		d.report(0, "rows", "", err.Error())
		return nil
	}
	t.name = name
	return t
}

// overrides checks an overrides file's rows and layers them on base.
func (d *decoder) overrides(frs []fileRow, name string, base *Table) *Table {
	good := make([]Override, 0, len(frs))
	goodIdx := make([]int, 0, len(frs))
	total := 0
	for i := range frs {
		total += len(frs[i].order)
	}
	paths := make([]string, 0, total) // one array for the Set of every row
	for i := range frs {
		fr := &frs[i]
		if fr.node.kind != jObject || !fr.scopeOK || !fr.citeOK {
			continue
		}
		o := Override{Row: fr.row}
		start := len(paths)
		for _, f := range fr.order {
			paths = append(paths, fields[f].path)
		}
		o.Set = paths[start:len(paths):len(paths)]
		if len(o.Set) == 0 {
			continue
		}
		good = append(good, o)
		goodIdx = append(goodIdx, i)
	}
	l, problems := newLayer(name, good, goodIdx)
	overlaps := false
	for _, p := range problems {
		overlaps = overlaps || p.ambiguous
		if p.row >= 0 {
			d.reportRow(&frs[goodIdx[p.row]], goodIdx[p.row], p, true)
		}
	}
	if overlaps {
		// Rows that overlap answer a look-up ambiguously: checking the
		// merged rules would report follow-on problems and, with n rows
		// in force at once, take O(n²).
		return nil
	}
	t := base.withLayers(append(slices.Clip(base.layers), l))
	for _, p := range t.checkLayers() {
		switch {
		case p.layer == len(base.layers) && p.row >= 0:
			d.reportRow(&frs[goodIdx[p.row]], goodIdx[p.row], p.rowProblem, true)
		case p.layer < 0:
			d.report(0, "rows", "", p.reason)
		}
	}
	if len(d.errs) > 0 {
		return nil
	}
	return t
}

// overlapProblems reports rows of equal specificity that could both
// answer the same look-up at the same instant: each such row is named at
// least once, on the later of a pair, with the earlier row it overlaps.
// idx maps an index of rows to the index the message names (nil: the
// same). Rows are compared only within their scope cell (channel,
// specificity, term, product, offer, country) and, within a cell, in order
// of From, so the work is O(c log c) in the c cells the rows name; more
// than MaxCells cells is itself a problem (on the row that crosses the
// limit) and ends the check.
func overlapProblems(rows []Row, idx []int) []rowProblem {
	type cell struct {
		channel Channel
		spec    int
		term    Term
		product Product
		offer   string
		country string
	}
	orAny := func(ss []string) []string {
		if len(ss) == 0 {
			return []string{""}
		}
		return ss
	}
	products := func(ps []Product) []Product {
		if len(ps) == 0 {
			return []Product{""}
		}
		return ps
	}
	type entry struct {
		cell
		row int32
	}
	var entries []entry
	n := 0
	for i := range rows {
		r := &rows[i]
		terms := 0
		for _, t := range Terms() {
			if r.Terms.Has(t) {
				terms++
			}
		}
		c := cellCount(terms, len(r.Products), len(r.Offers), len(r.Countries))
		if n += c; c > MaxCells || n > MaxCells {
			return []rowProblem{{row: i, value: describeRow(r), ambiguous: true, reason: fmt.Sprintf(
				"the rows up to this one name more than %d combinations of channel, term, product, offer and country; split the policy", MaxCells)}}
		}
	}
	entries = make([]entry, 0, n)
	for i := range rows {
		r := &rows[i]
		spec := r.specificity()
		for _, t := range Terms() {
			if !r.Terms.Has(t) {
				continue
			}
			for _, p := range products(r.Products) {
				for _, o := range orAny(r.Offers) {
					for _, x := range orAny(r.Countries) {
						entries = append(entries, entry{cell{r.Channel, spec, t, p, o, x}, int32(i)})
					}
				}
			}
		}
	}
	// By cell, then From: a row overlaps a row before it in its cell
	// exactly when it starts before the latest end so far.
	slices.SortStableFunc(entries, func(a, b entry) int {
		return cmp.Or(cmp.Compare(a.channel, b.channel), cmp.Compare(a.spec, b.spec), cmp.Compare(a.term, b.term),
			cmp.Compare(a.product, b.product), cmp.Compare(a.offer, b.offer), cmp.Compare(a.country, b.country),
			rows[a.row].From.Compare(rows[b.row].From))
	})
	type pair struct{ later, earlier int32 }
	var seen map[pair]bool
	var out []pair
	for start := 0; start < len(entries); {
		end := start + 1
		for end < len(entries) && entries[end].cell == entries[start].cell {
			end++
		}
		last := entries[start].row // the row that ends last so far
		for _, e := range entries[start+1 : end] {
			j := e.row
			if j == last {
				continue // a row that names a product, offer or country twice
			}
			r, l := &rows[j], &rows[last]
			if l.Until.IsZero() || l.Until.After(r.From) {
				if seen == nil {
					seen = make(map[pair]bool)
				}
				p := pair{max(j, last), min(j, last)}
				if !seen[p] {
					seen[p] = true
					out = append(out, p)
				}
			}
			if !l.Until.IsZero() && (r.Until.IsZero() || r.Until.After(l.Until)) {
				last = j
			}
		}
		start = end
	}
	slices.SortFunc(out, func(a, b pair) int { return cmp.Or(cmp.Compare(a.later, b.later), cmp.Compare(a.earlier, b.earlier)) })
	problems := make([]rowProblem, len(out))
	for i, p := range out {
		problems[i] = rowProblem{row: int(p.later), ambiguous: true, overlap: &overlapRef{rows: rows, idx: idx, later: int(p.later), earlier: int(p.earlier)}}
	}
	return problems
}

// cellCount returns terms × products × offers × countries, each at least
// 1, or MaxCells+1 when that is larger.
func cellCount(terms int, dims ...int) int {
	n := max(terms, 1)
	for _, d := range dims {
		n *= max(d, 1)
		if n > MaxCells {
			return MaxCells + 1
		}
	}
	return n
}

// fileIndex returns idx[i], or i when idx is nil.
func fileIndex(idx []int, i int) int {
	if idx == nil {
		return i
	}
	return idx[i]
}

// gapProblems reports, for each channel and term with generic rows (rows
// that name no product, offer or country), every period from the first
// row's From on in which no generic row is in force, including an end:
// the last row of a channel must be open-ended. The problem is placed on
// the "until" of the row after which the gap begins.
func gapProblems(rows []Row, idx []int) []rowProblem {
	type gap struct {
		row      int
		from, to time.Time // to zero: no rule from from on
		next     int
	}
	terms := make(map[gap]TermSet)
	var order []gap
	for _, c := range Channels() {
		for _, term := range Terms() {
			var generic []int
			for i := range rows {
				r := &rows[i]
				if r.Channel == c && r.Terms.Has(term) && len(r.Products) == 0 && len(r.Offers) == 0 && len(r.Countries) == 0 {
					generic = append(generic, i)
				}
			}
			if len(generic) == 0 {
				continue
			}
			slices.SortStableFunc(generic, func(a, b int) int { return rows[a].From.Compare(rows[b].From) })
			end, endRow := rows[generic[0]].Until, generic[0]
			note := func(g gap) {
				if _, ok := terms[g]; !ok {
					order = append(order, g)
				}
				terms[g] |= TermsOf(term)
			}
			for _, i := range generic[1:] {
				if end.IsZero() {
					break
				}
				if rows[i].From.After(end) {
					note(gap{endRow, end, rows[i].From, i})
				}
				if rows[i].Until.IsZero() || rows[i].Until.After(end) {
					end, endRow = rows[i].Until, i
				}
			}
			if !end.IsZero() {
				note(gap{endRow, end, time.Time{}, -1})
			}
		}
	}
	var out []rowProblem
	for _, g := range order {
		ts := "every term"
		if s := terms[g]; s != TermsOf(Terms()...) {
			ts = s.String()
		}
		r := &rows[g.row]
		var reason string
		if g.to.IsZero() {
			reason = fmt.Sprintf("no rule in force for %s (%s) from %s on: a channel's last row must be open-ended (leave out \"until\")",
				r.Channel, ts, g.from.UTC().Format(time.DateOnly))
		} else {
			reason = fmt.Sprintf("gap: no rule in force for %s (%s) from %s until %s, where rows[%d] begins",
				r.Channel, ts, g.from.UTC().Format(time.DateOnly), g.to.UTC().Format(time.DateOnly), fileIndex(idx, g.next))
		}
		out = append(out, rowProblem{row: g.row, field: "until", value: r.Until, reason: reason})
	}
	return out
}
