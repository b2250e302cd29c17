package policy

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Key is what a look-up matches rows against.
type Key struct {
	Channel Channel
	Term    Term
	Product Product // empty: no specific product
	// Offer is the commercial offer or SKU identifier (such as a reseller's
	// offer id); empty matches only rows that name no offer.
	Offer string
	// Country is the customer's country or region as an upper-case ISO
	// 3166-1 alpha-2 code, such as "CN"; empty matches only rows that name
	// no country.
	Country string
}

// String returns "channel/term/product", followed by "/offer=…" and
// "/country=…" when they are set.
func (k Key) String() string {
	p := string(k.Product)
	if p == "" {
		p = "-"
	}
	s := k.Channel.String() + "/" + k.Term.String() + "/" + p
	if k.Offer != "" {
		s += "/offer=" + k.Offer
	}
	if k.Country != "" {
		s += "/country=" + k.Country
	}
	return s
}

// Row is one effective-dated entry of a [Table]: the rules that apply to a
// channel, a set of terms and a set of products during [From, Until).
type Row struct {
	// Channel is the channel the row applies to; it equals Rules.Channel.
	Channel Channel
	// Terms is the set of terms the row applies to; empty means any.
	Terms TermSet
	// Products names the products the row applies to; empty means the row
	// is the channel's generic row. A product row is more specific than a
	// generic row and wins over it. Treat as read-only.
	Products []Product
	// Offers names the offers (see [Key.Offer]) the row applies to; empty
	// means any offer. An offer row is more specific than a country,
	// product or generic row. Treat as read-only.
	Offers []string
	// Countries names the countries (see [Key.Country]) the row applies
	// to; empty means any country. A country row is more specific than a
	// product or generic row. Treat as read-only.
	Countries []string
	// From is the first instant the row is in force.
	From time.Time
	// Until is the first instant the row is no longer in force; zero means
	// open-ended.
	Until time.Time
	// Rules are the values.
	Rules Rules
}

// span is a row's period [From, Until) as seconds and nanoseconds since
// the Unix epoch, which compare faster than time.Time on the hot path.
type span struct {
	fromSec, untilSec   int64
	fromNsec, untilNsec int32
	open                bool // Until is zero
}

func spanOf(r *Row) span {
	return span{
		fromSec: r.From.Unix(), fromNsec: int32(r.From.Nanosecond()),
		untilSec: r.Until.Unix(), untilNsec: int32(r.Until.Nanosecond()),
		open: r.Until.IsZero(),
	}
}

func spansOf(rows []Row) []span {
	out := make([]span, len(rows))
	for i := range rows {
		out[i] = spanOf(&rows[i])
	}
	return out
}

// covers reports whether [From, Until) holds the instant sec.nsec.
func (s *span) covers(sec int64, nsec int32) bool {
	if sec < s.fromSec || sec == s.fromSec && nsec < s.fromNsec {
		return false
	}
	return s.open || sec < s.untilSec || sec == s.untilSec && nsec < s.untilNsec
}

// covers reports whether the row is in force at t.
func (r *Row) covers(t time.Time) bool {
	return !t.Before(r.From) && (r.Until.IsZero() || t.Before(r.Until))
}

func (r *Row) hasProduct(p Product) bool {
	for _, q := range r.Products {
		if q == p {
			return true
		}
	}
	return false
}

// specificity orders matching rows: an offer row beats a country row, a
// country row beats a product row, a product row beats a generic one, and
// a row for named terms beats one for any term. The weights are powers of
// two, so rows of equal specificity scope the same dimensions.
func (r *Row) specificity() int {
	s := 0
	if len(r.Offers) > 0 {
		s += 8
	}
	if len(r.Countries) > 0 {
		s += 4
	}
	if len(r.Products) > 0 {
		s += 2
	}
	if r.Terms != 0 {
		s++
	}
	return s
}

// matches reports whether the row applies to k (ignoring time).
func (r *Row) matches(k Key) bool {
	if r.Channel != k.Channel || !r.Terms.Has(k.Term) {
		return false
	}
	if len(r.Products) > 0 && (k.Product == "" || !r.hasProduct(k.Product)) {
		return false
	}
	if len(r.Offers) > 0 && (k.Offer == "" || !slices.Contains(r.Offers, k.Offer)) {
		return false
	}
	if len(r.Countries) > 0 && (k.Country == "" || !slices.Contains(r.Countries, k.Country)) {
		return false
	}
	return true
}

// MaxNames is the most products, offers or countries one row may name
// (in [Row], [Override] and policy files): a longer list is an error, so
// that checking and indexing a table stays cheap whatever its input.
const MaxNames = 10_000

// validCountry reports whether s is two upper-case ASCII letters, the
// shape of an ISO 3166-1 alpha-2 code.
func validCountry(s string) bool {
	return len(s) == 2 && 'A' <= s[0] && s[0] <= 'Z' && 'A' <= s[1] && s[1] <= 'Z'
}

// scopeProblems reports the invalid product, offer and country names of a
// row as FieldErrors under prefix (such as "rows[3].").
func (r *Row) scopeProblems(prefix string) []error {
	var errs []error
	for _, l := range []struct {
		field string
		n     int
	}{{"Products", len(r.Products)}, {"Offers", len(r.Offers)}, {"Countries", len(r.Countries)}} {
		if l.n > MaxNames {
			errs = append(errs, &FieldError{Field: prefix + l.field, Value: l.n, Reason: fmt.Sprintf("more than %d names; split the row", MaxNames)})
		}
	}
	if len(errs) > 0 {
		return errs
	}
	ix := firstIndex(r.Products)
	for i, p := range r.Products {
		if p == "" {
			errs = append(errs, &FieldError{Field: prefix + "Products", Value: "", Reason: "a product name must not be empty"})
		} else if repeated(r.Products, i, ix) {
			errs = append(errs, &FieldError{Field: prefix + "Products", Value: string(p), Reason: "listed twice"})
		}
	}
	ixs := firstIndex(r.Offers)
	for i, o := range r.Offers {
		if o == "" {
			errs = append(errs, &FieldError{Field: prefix + "Offers", Value: "", Reason: "an offer name must not be empty"})
		} else if repeated(r.Offers, i, ixs) {
			errs = append(errs, &FieldError{Field: prefix + "Offers", Value: o, Reason: "listed twice"})
		}
	}
	ixs = firstIndex(r.Countries)
	for i, c := range r.Countries {
		if !validCountry(c) {
			errs = append(errs, &FieldError{Field: prefix + "Countries", Value: c, Reason: "want an upper-case ISO 3166-1 alpha-2 code such as \"CN\""})
		} else if repeated(r.Countries, i, ixs) {
			errs = append(errs, &FieldError{Field: prefix + "Countries", Value: c, Reason: "listed twice"})
		}
	}
	return errs
}

// firstIndex indexes a long list of names by the first position of each,
// so that repeated is O(1) for it; it returns nil for a short list, which
// repeated scans.
func firstIndex[S ~string](names []S) map[S]int {
	if len(names) <= 16 {
		return nil
	}
	first := make(map[S]int, len(names))
	for i := len(names) - 1; i >= 0; i-- {
		first[names[i]] = i
	}
	return first
}

// repeated reports whether names[i] is among names[:i]; first is
// firstIndex(names).
func repeated[S ~string](names []S, i int, first map[S]int) bool {
	if first == nil {
		return slices.Contains(names[:i], names[i])
	}
	return first[names[i]] < i
}

// Table is an immutable, effective-dated policy table. It is safe for
// concurrent use. The zero Table has no rows; build one with [NewTable] or
// use [Builtin].
type Table struct {
	rows      []Row
	spans     []span       // spans[i] is the period of rows[i]
	byChannel channelIndex // indexes of rows by channel
	name      string       // "builtin", a policy file's name, or ""
	layers    []*Layer     // override layers applied on top of rows, bottom first
	classes   *classes     // the names rows mention and the schedules built; nil in the zero Table
}

// channelIndex lists, for each channel, the indexes of the rows of that
// channel in their order, so that a look-up reads only its channel's rows.
type channelIndex [16][]int32

func indexRows(rows []Row) channelIndex {
	var ix channelIndex
	for i := range rows {
		c := rows[i].Channel & 15
		ix[c] = append(ix[c], int32(i))
	}
	return ix
}

// newTable returns a table of rows, which the caller has validated.
func newTable(rows []Row, name string) *Table {
	t := &Table{rows: rows, spans: spansOf(rows), byChannel: indexRows(rows), name: name}
	t.classes = newClasses(t)
	return t
}

// NewTable validates rows and returns a table holding a copy of them. Every
// problem is reported at once (errors.Join), each a *FieldError: rules
// that [Rules.Validate] refuses, a row whose channel differs from its
// rules' channel, terms that are not declared, empty or repeated names,
// From not before Until, two rows of equal specificity for the same
// channel, term and product whose periods overlap, and, as a policy file
// is checked, gaps in a channel's generic rows (rows that name no product,
// offer or country): from the first row of a channel and term on, a
// generic row must be in force at every instant, the last one
// open-ended. A table of no rows is valid and answers no look-up.
func NewTable(rows []Row) (*Table, error) {
	var errs []error
	cp := make([]Row, len(rows))
	for i, r := range rows {
		r.Products = slices.Clone(r.Products)
		r.Offers = slices.Clone(r.Offers)
		r.Countries = slices.Clone(r.Countries)
		cp[i] = r
		at := fmt.Sprintf("rows[%d]", i)
		if err := r.Rules.Validate(); err != nil {
			errs = append(errs, prefixErrors(at+".", err))
		}
		if r.Channel != r.Rules.Channel {
			errs = append(errs, &FieldError{Field: at + ".Channel", Value: r.Channel.String(),
				Reason: "differs from Rules.Channel " + r.Rules.Channel.String()})
		}
		if r.From.IsZero() {
			errs = append(errs, &FieldError{Field: at + ".From", Value: r.From, Reason: "every row needs an effective-from instant"})
		}
		if !r.Until.IsZero() && !r.From.Before(r.Until) {
			errs = append(errs, &FieldError{Field: at + ".Until", Value: r.Until,
				Reason: "must be after From " + r.From.UTC().Format(time.RFC3339)})
		}
		if r.Terms&^TermsOf(Terms()...) != 0 {
			errs = append(errs, &FieldError{Field: at + ".Terms", Value: fmt.Sprintf("%#b", uint8(r.Terms)), Reason: "holds terms that are not declared"})
		}
		errs = append(errs, r.scopeProblems(at+".")...)
	}
	for _, p := range overlapProblems(cp, nil) {
		errs = append(errs, p.fieldError())
	}
	if len(errs) == 0 {
		// Gaps are read from rows that are otherwise valid, as the loader
		// reads them.
		for _, p := range gapProblems(cp, nil) {
			fe := p.fieldError()
			fe.Field = fmt.Sprintf("rows[%d].Until", p.row)
			errs = append(errs, fe)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return newTable(cp, ""), nil
}

// pinnedFrom is the first instant of a pinned table: the earliest instant
// package lifecycle judges.
var pinnedFrom = date(1900, 1, 1)

// Pin returns a table that answers r for r.Channel at every instant from
// 1900-01-01T00:00:00Z on, the earliest instant package lifecycle judges:
// one open-ended row for every term, product, offer and country, named
// "pinned". It is how a caller judges a subscription by fixed rules rather
// than by the versions of a table. r is validated as [NewTable] validates
// a row, with the same errors (such as "rows[0].Rules.ExpiredDays").
func Pin(r Rules) (*Table, error) {
	t, err := NewTable([]Row{{Channel: r.Channel, From: pinnedFrom, Rules: r}})
	if err != nil {
		return nil, err
	}
	t.name = "pinned"
	return t, nil
}

// describeRow describes a row for messages, such as "csp-nce any [p]
// offers [o] [2022-01-01, open)"; a list of more than describedNames
// names shows the first ones and counts the rest.
func describeRow(r *Row) string {
	until := "open"
	if !r.Until.IsZero() {
		until = r.Until.UTC().Format(time.DateOnly)
	}
	scope := ""
	if len(r.Offers) > 0 {
		scope += " offers " + listText(r.Offers)
	}
	if len(r.Countries) > 0 {
		scope += " countries " + listText(r.Countries)
	}
	return fmt.Sprintf("%s %s %s%s [%s, %s)", r.Channel, r.Terms, listText(r.Products), scope, r.From.UTC().Format(time.DateOnly), until)
}

// describedNames is the most names of a list describeRow shows.
const describedNames = 5

// listText returns names as "[a b c]", with at most describedNames names
// and then "… (n more)".
func listText[S ~string](names []S) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, n := range names {
		if i == describedNames {
			fmt.Fprintf(&b, " … (%d more)", len(names)-i)
			break
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(string(n))
	}
	b.WriteByte(']')
	return b.String()
}

func prefixErrors(prefix string, err error) error {
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	} else {
		errs = []error{err}
	}
	out := make([]error, 0, len(errs))
	for _, e := range errs {
		var fe *FieldError
		if errors.As(e, &fe) {
			c := *fe
			c.Field = prefix + c.Field
			out = append(out, &c)
			continue
		}
		out = append(out, e)
	}
	return errors.Join(out...)
}

// Rows returns a copy of the table's own rows in their original order;
// the rows of its override layers are in [Table.Layers].
func (t *Table) Rows() []Row {
	if t == nil {
		return nil
	}
	out := make([]Row, len(t.rows))
	for i, r := range t.rows {
		r.Products = slices.Clone(r.Products)
		r.Offers = slices.Clone(r.Offers)
		r.Countries = slices.Clone(r.Countries)
		out[i] = r
	}
	return out
}

// Name returns the table's name: "builtin" for [Builtin], the "name" of a
// policy file for a loaded table, "pinned" for a table from [Pin], "" for
// a table from [NewTable].
func (t *Table) Name() string {
	if t == nil {
		return ""
	}
	return t.name
}

// Lookup returns the rules in force at the instant at for k: the most
// specific row that matches (an offer row before a country row, a country
// row before a product row, a product row before a generic one, a row for
// named terms before one for any term), with the values of the table's
// override layers that match k at that instant applied on top (see
// [Table.With]). It returns a copy of what [Table.Schedule] holds for k's
// class in force at at: the first look-up of a class builds its schedule,
// later ones search it by date and allocate nothing when a row matches.
// The error is a *NoRuleError naming what did not match; an invalid key is
// a *FieldError.
func (t *Table) Lookup(k Key, at time.Time) (Rules, error) {
	if err := k.check(); err != nil {
		return Rules{}, err
	}
	if t == nil {
		return Rules{}, &NoRuleError{Key: k, At: at, Reason: "the table is nil"}
	}
	s := t.schedule(&k)
	if i := s.index(at); i >= 0 {
		return *s.view.Rules[i], nil
	}
	return Rules{}, s.noRule(k, at)
}

// check reports an invalid key as a *FieldError.
func (k Key) check() error {
	if !k.Channel.IsValid() {
		return &FieldError{Field: "Key.Channel", Value: k.Channel.String(), Reason: "not a valid Channel"}
	}
	if !k.Term.IsValid() {
		return &FieldError{Field: "Key.Term", Value: k.Term.String(), Reason: "not a valid Term"}
	}
	if k.Country != "" && !validCountry(k.Country) {
		return &FieldError{Field: "Key.Country", Value: k.Country, Reason: "want an upper-case ISO 3166-1 alpha-2 code such as \"CN\""}
	}
	return nil
}

// find returns the index of the most specific row of t's own rows that
// matches k at the instant at, or -1.
func (t *Table) find(k Key, at time.Time) int {
	best, bestSpec := -1, -1
	sec, nsec := at.Unix(), int32(at.Nanosecond())
	for _, i := range t.byChannel[k.Channel&15] {
		r := &t.rows[i]
		if !t.spans[i].covers(sec, nsec) || !r.matches(k) {
			continue
		}
		if s := r.specificity(); s > bestSpec {
			best, bestSpec = int(i), s
		}
	}
	return best
}

// noRule explains a failed look-up: no row for the channel and term at all,
// or rows that exist but are not in force at the instant.
func (t *Table) noRule(k Key, at time.Time) error {
	var first, last time.Time
	any := false
	for i := range t.rows {
		r := &t.rows[i]
		if !r.matches(k) {
			continue
		}
		if !any || r.From.Before(first) {
			first = r.From
		}
		if !any || (!last.IsZero() && (r.Until.IsZero() || r.Until.After(last))) {
			last = r.Until
		}
		any = true
	}
	if !any {
		return &NoRuleError{Key: k, At: at, Reason: fmt.Sprintf("no row for channel %s with term %s", k.Channel, k.Term)}
	}
	if at.Before(first) {
		return &NoRuleError{Key: k, At: at, Reason: "before the first documented rule, in force from " + first.UTC().Format(time.DateOnly)}
	}
	if !last.IsZero() && !at.Before(last) {
		return &NoRuleError{Key: k, At: at, Reason: "after the last documented rule, in force until " + last.UTC().Format(time.DateOnly)}
	}
	return &NoRuleError{Key: k, At: at, Reason: "in a gap between documented rules"}
}
