package policy

import (
	"cmp"
	"errors"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"time"
)

// Override is one row of a [Layer]: the scope and period of a [Row] and the
// rule fields it sets, named by their JSON paths (see [FieldPaths]), such as
// "this reseller's Copilot offer has 30 days in Expired" or "in China
// (21Vianet) a CSP subscription may stay suspended 60 days".
//
// Only the fields named in Set are taken from Row.Rules; the others are
// ignored. Row.Rules.Cite is required: it is the citation of the values the
// row sets. Row.Rules.Version, when not empty, relabels the rules the row
// applies to. Row.Rules.Channel may be left zero.
type Override struct {
	Row
	// Set names the fields the row sets, such as "expired" or
	// "suspension.max"; at least one.
	Set []string
}

// Layer is a named, validated set of override rows that [Table.With]
// applies on top of a table. It is immutable and safe for concurrent use.
// The zero Layer has no name and no rows; build one with [NewLayer] or load
// one from a policy file of kind "overrides" with [LoadJSON].
//
// Within a layer, every row that matches a key and is in force at an
// instant applies, the least specific first (see [Table.Lookup] for the
// order), so that an offer row refines a product row; rows of the same
// specificity must not overlap. Layers apply in the order given to With,
// each on top of the one before.
type Layer struct {
	name  string
	rows  []Row          // normalized: Rules holds only the set fields
	spans []span         // spans[i] is the period of rows[i]
	masks []fieldMask    // masks[i]: the fields rows[i] sets
	order [][]uint8      // order[i]: those fields in the order given
	index [16]layerIndex // row indexes by channel
}

// layerIndex finds the rows of one channel of a layer that may match a
// key without reading the others: each row is filed under its offers if
// it names any, else its products, else its countries, else as generic.
type layerIndex struct {
	generic   []int32
	offers    map[string][]int32
	products  map[Product][]int32
	countries map[string][]int32
}

func fileUnder[K comparable](m *map[K][]int32, names []K, i int32) {
	if *m == nil {
		*m = make(map[K][]int32)
	}
	for _, n := range names {
		(*m)[n] = append((*m)[n], i)
	}
}

// NewLayer validates overrides and returns a layer named name holding a
// copy of them. Every problem is reported at once (errors.Join), each a
// *FieldError: a missing name, an invalid channel, scope or period, a
// missing citation, an empty or unknown field name in Set, a value that is
// invalid on its own (a negative or absurd duration, a window without a
// unit), and two rows of equal specificity for the same key whose periods
// overlap. Whether the values are valid together with the rules they
// override is checked by [Table.With].
func NewLayer(name string, overrides []Override) (*Layer, error) {
	l, problems := newLayer(name, overrides, nil)
	if len(problems) > 0 {
		errs := make([]error, len(problems))
		for i, p := range problems {
			errs[i] = p.fieldError()
		}
		return nil, errors.Join(errs...)
	}
	return l, nil
}

// rowProblem is one problem of a row of a layer or file: field is a path
// under the row, such as "from" or "cancel.window.unit", or "" for the row.
type rowProblem struct {
	row    int
	field  string
	value  any
	reason string
	// overlap, when not nil, is the row this one overlaps; value and
	// reason are then formatted by resolved, only for problems reported.
	overlap *overlapRef
	// ambiguous says the rows overlap (or are too many to tell), so that
	// checking the rules they merge into is moot.
	ambiguous bool
}

// overlapRef names the earlier row of an overlapping pair among rows;
// idx maps an index of rows to the index messages name (nil: the same).
type overlapRef struct {
	rows           []Row
	idx            []int
	later, earlier int
}

// resolved returns p with value and reason formatted.
func (p rowProblem) resolved() rowProblem {
	if o := p.overlap; o != nil {
		p.value = describeRow(&o.rows[o.later])
		p.reason = fmt.Sprintf("overlaps rows[%d] (%s) for the same channel, terms, products, offers and countries",
			fileIndex(o.idx, o.earlier), describeRow(&o.rows[o.earlier]))
		p.overlap = nil
	}
	return p
}

func (p rowProblem) path() string {
	if p.row < 0 {
		return p.field
	}
	s := fmt.Sprintf("rows[%d]", p.row)
	if p.field != "" {
		s += "." + p.field
	}
	return s
}

func (p rowProblem) fieldError() *FieldError {
	p = p.resolved()
	return &FieldError{Field: p.path(), Value: p.value, Reason: p.reason}
}

// newLayer builds a layer and lists its problems; idx maps the index of an
// override to the index messages name (nil: the same).
func newLayer(name string, overrides []Override, idx []int) (*Layer, []rowProblem) {
	var problems []rowProblem
	bad := func(row int, field string, v any, reason string) {
		problems = append(problems, rowProblem{row: row, field: field, value: v, reason: reason})
	}
	if name == "" {
		bad(-1, "name", "", "a layer needs a name")
	}
	l := &Layer{name: name, rows: make([]Row, len(overrides)), masks: make([]fieldMask, len(overrides)), order: make([][]uint8, len(overrides))}
	total := 0
	for _, o := range overrides {
		total += len(o.Set)
	}
	orders := make([]uint8, 0, total) // one array for every row's order
	for i, o := range overrides {
		r := o.Row
		if !r.Channel.IsValid() {
			bad(i, "channel", r.Channel.String(), "not a valid Channel")
		}
		if r.Rules.Channel != 0 && r.Rules.Channel != r.Channel {
			bad(i, "channel", r.Channel.String(), "differs from Rules.Channel "+r.Rules.Channel.String())
		}
		if r.From.IsZero() {
			bad(i, "from", r.From, "every row needs an effective-from instant")
		}
		if !r.Until.IsZero() && !r.From.Before(r.Until) {
			bad(i, "until", r.Until, "must be after from "+r.From.UTC().Format(time.RFC3339))
		}
		for _, e := range r.scopeProblems("") {
			fe := e.(*FieldError)
			bad(i, lowerPath(fe.Field), fe.Value, fe.Reason)
		}
		if r.Rules.Cite.Rules == "" {
			bad(i, "cite.rules", "", "every row must cite its rule ids")
		}
		if r.Rules.Cite.Sources == "" {
			bad(i, "cite.sources", "", "every row must cite its sources")
		}
		if len(o.Set) == 0 {
			bad(i, "", "", "an override row sets at least one field")
		}
		var m fieldMask
		start := len(orders)
		for _, path := range o.Set {
			f, ok := fieldIndex[path]
			switch {
			case !ok:
				bad(i, "", path, "unknown field; see policy.FieldPaths")
			case m.has(f):
				bad(i, "", path, "field named twice")
			default:
				m |= 1 << f
				orders = append(orders, uint8(f))
				if why := fields[f].check(&r.Rules); why != "" {
					text, _ := fields[f].enc(&r.Rules)
					bad(i, path, text, why)
				}
			}
		}
		norm := Rules{Channel: r.Channel, Version: r.Rules.Version, Cite: r.Rules.Cite}
		for f := 0; f < numFields; f++ {
			if m.has(f) {
				copyField(&norm, &r.Rules, f)
			}
		}
		r.Rules = norm
		r.Products = slices.Clone(r.Products)
		r.Offers = slices.Clone(r.Offers)
		r.Countries = slices.Clone(r.Countries)
		l.rows[i], l.masks[i], l.order[i] = r, m, groupOrder(orders[start:len(orders):len(orders)])
	}
	overlaps := overlapProblems(l.rows, idx)
	problems = append(problems, overlaps...)
	if len(overlaps) == 1 && overlaps[0].overlap == nil {
		return l, problems // more than MaxCells cells: too many to index
	}
	l.spans = spansOf(l.rows)
	for i := range l.rows {
		r, ix := &l.rows[i], &l.index[l.rows[i].Channel&15]
		switch {
		case len(r.Offers) > 0:
			fileUnder(&ix.offers, r.Offers, int32(i))
		case len(r.Products) > 0:
			fileUnder(&ix.products, r.Products, int32(i))
		case len(r.Countries) > 0:
			fileUnder(&ix.countries, r.Countries, int32(i))
		default:
			ix.generic = append(ix.generic, int32(i))
		}
	}
	return l, problems
}

// groupOrder sorts fields, in place, so that each group of fields (such
// as "cancel" or "cancel.window") is where its first field is, keeping
// the order otherwise: the order in which a policy file can write them,
// each group as one object. The order of a file's fields is unchanged.
func groupOrder(order []uint8) []uint8 {
	if len(order) < 3 {
		return order // two fields are in an order a file can hold
	}
	first := make(map[string]int) // group or field path → first position
	for pos, f := range order {
		// The path and each of its parents: "cancel.window", "cancel".
		for p := fields[f].path; ; p = p[:strings.LastIndexByte(p, '.')] {
			if _, ok := first[p]; !ok {
				first[p] = pos
			}
			if !strings.Contains(p, ".") {
				break
			}
		}
	}
	rank := func(f uint8) []int {
		var r []int
		p := fields[f].path
		for i := 0; i <= len(p); i++ {
			if i == len(p) || p[i] == '.' {
				r = append(r, first[p[:i]])
			}
		}
		return r
	}
	slices.SortStableFunc(order, func(a, b uint8) int { return slices.Compare(rank(a), rank(b)) })
	return order
}

// Name returns the layer's name, which [Effective] reports as the origin of
// the values the layer sets.
func (l *Layer) Name() string {
	if l == nil {
		return ""
	}
	return l.name
}

// Overrides returns a copy of the layer's rows in their original order,
// each with Rules holding only the set fields and Set in file order: for a
// loaded layer, the order of the fields in the file; for one from
// [NewLayer], the order given, with each group of fields (such as
// "cancel.online") moved to where its first field is, as a file writes
// them ([Layer.WriteJSON] writes that order).
func (l *Layer) Overrides() []Override {
	if l == nil {
		return nil
	}
	out := make([]Override, len(l.rows))
	for i, r := range l.rows {
		r.Products = slices.Clone(r.Products)
		r.Offers = slices.Clone(r.Offers)
		r.Countries = slices.Clone(r.Countries)
		set := make([]string, len(l.order[i]))
		for j, f := range l.order[i] {
			set[j] = fields[f].path
		}
		out[i] = Override{Row: r, Set: set}
	}
	return out
}

// With returns a table that answers look-ups with t's rules and the values
// of layers applied on top, in order; t is unchanged. Overrides change the
// rules t has: they never supply rules where t has none.
//
// With checks every combination of key and period that a layer changes:
// the merged rules must pass [Rules.Validate] (a layer that opens the
// cancellation window of a channel whose effect is null, for example, is
// refused), and a layer row must not apply where t has no rule in force.
// Every problem is reported at once, each a *FieldError naming the layer
// row and field.
func (t *Table) With(layers ...*Layer) (*Table, error) {
	if t == nil {
		return nil, &FieldError{Field: "Table", Value: "nil", Reason: "cannot add layers to a nil table"}
	}
	for i, l := range layers {
		if l == nil {
			return nil, &FieldError{Field: fmt.Sprintf("layers[%d]", i), Value: "nil", Reason: "a layer must not be nil"}
		}
	}
	nt := t.withLayers(append(slices.Clip(t.layers), layers...))
	problems := nt.checkLayers()
	if len(problems) == 0 {
		return nt, nil
	}
	errs := make([]error, len(problems))
	for i, p := range problems {
		fe := p.rowProblem.fieldError()
		if p.layer >= 0 {
			fe.Field = fmt.Sprintf("layer %q %s", nt.layers[p.layer].name, fe.Field)
		}
		errs[i] = fe
	}
	return nil, errors.Join(errs...)
}

// Layers returns the table's override layers, bottom first.
func (t *Table) Layers() []*Layer {
	if t == nil {
		return nil
	}
	return slices.Clone(t.layers)
}

// Base returns the table without its override layers.
func (t *Table) Base() *Table {
	if t == nil || len(t.layers) == 0 {
		return t
	}
	return t.withLayers(nil)
}

// withLayers returns a table of t's own rows with layers on top.
func (t *Table) withLayers(layers []*Layer) *Table {
	nt := &Table{rows: t.rows, spans: t.spans, byChannel: t.byChannel, name: t.name, layers: layers}
	nt.classes = newClasses(nt)
	return nt
}

// origin names the row a value came from: layer -1 is the table's own rows.
type origin struct{ layer, row int }

// trace records, for Effective, which row set each field and which layer
// rows applied, in order.
type trace struct {
	field   [numFields]origin
	applied []origin
}

// resolve returns the rules for k at at: the table's most specific row
// (base, -1 when none) with the matching layer rows applied. tr may be
// nil. It reads every row of k's channel; to resolve one key at many
// instants, use a resolver.
func (t *Table) resolve(k Key, at time.Time, tr *trace) (r Rules, base int) {
	base = t.find(k, at)
	if base < 0 {
		return Rules{}, -1
	}
	r = t.rows[base].Rules
	t.applyLayers(&r, k, at, tr)
	return r, base
}

// applyLayers applies to r the layer rows that match k at at; tr may be
// nil.
func (t *Table) applyLayers(r *Rules, k Key, at time.Time, tr *trace) {
	sec, nsec := at.Unix(), int32(at.Nanosecond())
	for li, l := range t.layers {
		// The rows that match at one instant have distinct specificities
		// (equal ones would overlap), so a slot per specificity orders them.
		var hit [16]int32
		found := false
		ix := &l.index[k.Channel&15]
		found = l.match(&hit, ix.generic, k, sec, nsec) || found
		if k.Offer != "" && ix.offers != nil {
			found = l.match(&hit, ix.offers[k.Offer], k, sec, nsec) || found
		}
		if k.Product != "" && ix.products != nil {
			found = l.match(&hit, ix.products[k.Product], k, sec, nsec) || found
		}
		if k.Country != "" && ix.countries != nil {
			found = l.match(&hit, ix.countries[k.Country], k, sec, nsec) || found
		}
		if found {
			l.apply(r, li, &hit, tr)
		}
	}
}

// apply applies to r the rows of layer li in hit (slots of index+1 by
// specificity; at least one), least specific first, and returns the last
// one applied; tr may be nil.
func (l *Layer) apply(r *Rules, li int, hit *[16]int32, tr *trace) (top origin) {
	for _, i := range hit {
		if i == 0 {
			continue
		}
		i-- // slots hold index+1
		row := &l.rows[i]
		for m := uint64(l.masks[i]); m != 0; m &= m - 1 {
			f := bits.TrailingZeros64(m)
			copyField(r, &row.Rules, f)
			if tr != nil {
				tr.field[f] = origin{li, int(i)}
			}
		}
		r.Cite = row.Rules.Cite
		if row.Rules.Version != "" {
			r.Version = row.Rules.Version
		}
		top = origin{li, int(i)}
		if tr != nil {
			tr.applied = append(tr.applied, top)
		}
	}
	return top
}

// resolver resolves the rules for one key at instants in ascending order,
// as [Table.resolve] does, reading only the rows that match the key and
// are in force: the rows are sorted by From once and each instant reads
// the rows in force at the one before and those that start since, so that
// a key with n versions costs O(n log n) rather than O(n²).
type resolver struct {
	t       *Table
	anyBase bool      // some row of t matches the key
	pending [][]int32 // [0]: matching rows of t; [1+li]: of layer li; sorted by From, latest first
	active  [][]int32 // the rows of each that started at or before the last instant
}

// newResolver returns the resolver of k for t.
func (t *Table) newResolver(k Key) *resolver {
	rv := &resolver{t: t, pending: make([][]int32, 1+len(t.layers)), active: make([][]int32, 1+len(t.layers))}
	rv.reset(k)
	return rv
}

// reset makes rv the resolver of k, reusing its memory.
func (rv *resolver) reset(k Key) {
	t := rv.t
	for j := range rv.pending {
		rv.pending[j], rv.active[j] = rv.pending[j][:0], rv.active[j][:0]
	}
	add := func(to int, spans []span, rows []Row, ix []int32) {
		for _, i := range ix {
			if rows[i].matches(k) {
				rv.pending[to] = append(rv.pending[to], i)
			}
		}
		// latest first, so that the next to start is last
		slices.SortStableFunc(rv.pending[to], func(a, b int32) int { return -cmpStart(&spans[a], &spans[b]) })
	}
	add(0, t.spans, t.rows, t.byChannel[k.Channel&15])
	rv.anyBase = len(rv.pending[0]) > 0
	for li, l := range t.layers {
		ix := &l.index[k.Channel&15]
		cand := rv.active[1+li] // empty; borrowed until add
		cand = append(cand, ix.generic...)
		if k.Offer != "" {
			cand = append(cand, ix.offers[k.Offer]...)
		}
		if k.Product != "" {
			cand = append(cand, ix.products[k.Product]...)
		}
		if k.Country != "" {
			cand = append(cand, ix.countries[k.Country]...)
		}
		add(1+li, l.spans, l.rows, cand)
		rv.active[1+li] = cand[:0]
	}
}

// cmpStart compares the starts of two spans.
func cmpStart(a, b *span) int {
	return cmp.Or(cmp.Compare(a.fromSec, b.fromSec), cmp.Compare(a.fromNsec, b.fromNsec))
}

// advance moves the rows of list j that start at or before sec.nsec to
// its active rows and drops the active rows no longer in force.
func (rv *resolver) advance(j int, spans []span, sec int64, nsec int32) []int32 {
	p := rv.pending[j]
	for len(p) > 0 {
		s := &spans[p[len(p)-1]]
		if s.fromSec > sec || s.fromSec == sec && s.fromNsec > nsec {
			break
		}
		rv.active[j] = append(rv.active[j], p[len(p)-1])
		p = p[:len(p)-1]
	}
	rv.pending[j] = p
	a := rv.active[j][:0]
	for _, i := range rv.active[j] {
		if spans[i].covers(sec, nsec) {
			a = append(a, i)
		}
	}
	rv.active[j] = a
	return a
}

// at returns what t.resolve(k, at, tr) returns, and the last layer row
// applied (top, layer -1 when none); at must not be before the instant
// of the call before.
func (rv *resolver) at(at time.Time, tr *trace) (r Rules, base int, top origin) {
	t := rv.t
	sec, nsec := at.Unix(), int32(at.Nanosecond())
	base, bestSpec := -1, -1
	for _, i := range rv.advance(0, t.spans, sec, nsec) {
		// The rows in force for one key have distinct specificities
		// (equal ones would overlap, which NewTable refuses).
		if s := t.rows[i].specificity(); s > bestSpec {
			base, bestSpec = int(i), s
		}
	}
	if base < 0 {
		return Rules{}, -1, origin{-1, -1}
	}
	r = t.rows[base].Rules
	top = origin{-1, -1}
	for li, l := range t.layers {
		active := rv.advance(1+li, l.spans, sec, nsec)
		if len(active) == 0 {
			continue
		}
		// As Layer.match: the last row of each specificity in the order
		// of the rows.
		var hit [16]int32
		for _, i := range active {
			s := l.rows[i].specificity()
			hit[s] = max(hit[s], i+1)
		}
		top = l.apply(&r, li, &hit, tr)
	}
	return r, base, top
}

// match puts each row of rows that matches k at sec.nsec into the slot of
// its specificity (as index+1) and reports whether any did.
func (l *Layer) match(hit *[16]int32, rows []int32, k Key, sec int64, nsec int32) bool {
	found := false
	for _, i := range rows {
		if l.spans[i].covers(sec, nsec) && l.rows[i].matches(k) {
			hit[l.rows[i].specificity()] = i + 1
			found = true
		}
	}
	return found
}

// Effective is the rules in force for one key at one instant together with
// where each value came from: which table or layer, which of its rows, and
// that row's citation. It is for explanations and inspection; build one
// with [Table.Effective], which allocates, and use [Table.Lookup] on hot
// paths.
type Effective struct {
	Key   Key
	At    time.Time
	Rules Rules // what Lookup returns
	// Values has one entry per rule field, in the order of a policy file.
	Values []Value
	// Sources are the rows that contributed, in the order they applied:
	// the table's own row first, then the layer rows.
	Sources []Source
}

// Value is one rule field of an [Effective] and its origin.
type Value struct {
	// Path is the field's JSON path, such as "suspension.max".
	Path string
	// JSON is the value as a policy file writes it, such as {"days": 60}.
	JSON string
	// Source indexes Effective.Sources: the row that set the value.
	Source int
}

// Source is a row that contributed to an [Effective].
type Source struct {
	// Layer is the name of the table or layer that holds the row ("" for
	// an unnamed table).
	Layer string
	// Row is the index of the row in that table or layer, as in its file.
	Row int
	// Override says whether the row is an override row of a layer.
	Override bool
	// Version, From, Until and Cite are the row's.
	Version     string
	From, Until time.Time
	Cite        Citation
}

// Effective returns what Lookup returns for k at at, with the origin of
// every value. Its errors are Lookup's.
func (t *Table) Effective(k Key, at time.Time) (Effective, error) {
	if err := k.check(); err != nil {
		return Effective{}, err
	}
	if t == nil {
		return Effective{}, &NoRuleError{Key: k, At: at, Reason: "the table is nil"}
	}
	tr := &trace{}
	for i := range tr.field {
		tr.field[i] = origin{-1, -1}
	}
	r, base := t.resolve(k, at, tr)
	if base < 0 {
		return Effective{}, t.noRule(k, at)
	}
	e := Effective{Key: k, At: at, Rules: r, Values: make([]Value, numFields)}
	b := &t.rows[base]
	e.Sources = append(e.Sources, Source{Layer: t.name, Row: base, Version: b.Rules.Version, From: b.From, Until: b.Until, Cite: b.Rules.Cite})
	index := map[origin]int{{-1, -1}: 0}
	for _, o := range tr.applied {
		row := &t.layers[o.layer].rows[o.row]
		index[o] = len(e.Sources)
		e.Sources = append(e.Sources, Source{Layer: t.layers[o.layer].name, Row: o.row, Override: true,
			Version: row.Rules.Version, From: row.From, Until: row.Until, Cite: row.Rules.Cite})
	}
	for f := range fields {
		text, _ := fields[f].enc(&r)
		e.Values[f] = Value{Path: fields[f].path, JSON: text, Source: index[tr.field[f]]}
	}
	return e, nil
}

// layerProblem is a problem of a layer row found by checkLayers; layer -1
// is a problem of the table as a whole.
type layerProblem struct {
	layer int
	rowProblem
}

// checkLayers checks every key and period at which a layer row applies.
func (t *Table) checkLayers() []layerProblem {
	var problems []layerProblem
	seen := make(map[layerProblem]bool)
	add := func(p layerProblem) {
		key := p
		key.value, key.reason = nil, ""
		if !seen[key] {
			seen[key] = true
			problems = append(problems, p)
		}
	}
	baseName := t.name
	if baseName == "" {
		baseName = "the table"
	}
	for _, c := range Channels() {
		touched := false
		for _, l := range t.layers {
			for i := range l.rows {
				touched = touched || l.rows[i].Channel == c
			}
		}
		if !touched {
			continue
		}
		keys, points, err := grid(c, t)
		if err != nil {
			add(layerProblem{-1, rowProblem{row: -1, value: "", reason: err.Error()}})
			continue
		}
		var rv *resolver
		for _, k := range keys {
			if rv == nil {
				rv = t.newResolver(k)
			} else {
				rv.reset(k)
			}
			for _, at := range points {
				r, base, top := rv.at(at, nil)
				day := at.UTC().Format(time.RFC3339)
				if base < 0 {
					if !rv.anyBase {
						continue // no rule for the key at any time: nothing to override
					}
					var nr *NoRuleError
					if !errors.As(t.noRule(k, at), &nr) {
						continue
					}
					for li, l := range t.layers {
						for _, i := range slices.Sorted(slices.Values(rv.advance(1+li, l.spans, at.Unix(), int32(at.Nanosecond())))) {
							add(layerProblem{li, rowProblem{row: int(i), field: "from", value: l.rows[i].From, reason: fmt.Sprintf("applies to %s at %s, where %s has no rule (%s); start it later", k, day, baseName, nr.Reason)}})
						}
					}
					continue
				}
				if top.layer < 0 {
					continue
				}
				err := r.Validate()
				if err == nil {
					continue
				}
				for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
					var fe *FieldError
					if !errors.As(e, &fe) {
						continue
					}
					add(layerProblem{top.layer, rowProblem{row: top.row, field: jsonPathOf(fe.Field), value: fe.Value, reason: fmt.Sprintf("%s, in the rules for %s at %s (%s rows[%d] with the overrides applied)", fe.Reason, k, day, baseName, base)}})
				}
			}
		}
	}
	return problems
}
