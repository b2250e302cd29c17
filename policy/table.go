package policy

import (
	"errors"
	"fmt"
	"slices"
	"time"
)

// Key is what a look-up matches rows against.
type Key struct {
	Channel Channel
	Term    Term
	Product Product // empty: no specific product
}

// String returns "channel/term/product".
func (k Key) String() string {
	p := string(k.Product)
	if p == "" {
		p = "-"
	}
	return k.Channel.String() + "/" + k.Term.String() + "/" + p
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
	// From is the first instant the row is in force.
	From time.Time
	// Until is the first instant the row is no longer in force; zero means
	// open-ended.
	Until time.Time
	// Rules are the values.
	Rules Rules
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

// specificity orders matching rows: a product row beats a generic one, a
// row for named terms beats one for any term.
func (r *Row) specificity() int {
	s := 0
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
	if len(r.Products) == 0 {
		return true
	}
	return k.Product != "" && r.hasProduct(k.Product)
}

// Table is an immutable, effective-dated policy table. It is safe for
// concurrent use. The zero Table has no rows; build one with [NewTable] or
// use [Builtin].
type Table struct {
	rows []Row
}

// NewTable validates rows and returns a table holding a copy of them. Every
// problem is reported at once (errors.Join): invalid rules, a row whose
// channel differs from its rules' channel, From not before Until, and two
// rows of equal specificity for the same channel, term and product whose
// periods overlap.
func NewTable(rows []Row) (*Table, error) {
	var errs []error
	cp := make([]Row, len(rows))
	for i, r := range rows {
		r.Products = slices.Clone(r.Products)
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
		for _, p := range r.Products {
			if p == "" {
				errs = append(errs, &FieldError{Field: at + ".Products", Value: "", Reason: "a product name must not be empty"})
			}
		}
	}
	for i := range cp {
		for j := i + 1; j < len(cp); j++ {
			if overlapping(&cp[i], &cp[j]) {
				errs = append(errs, &FieldError{Field: fmt.Sprintf("rows[%d]", j), Value: describeRow(&cp[j]),
					Reason: fmt.Sprintf("overlaps rows[%d] (%s) for the same channel, terms and products", i, describeRow(&cp[i]))})
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return &Table{rows: cp}, nil
}

func describeRow(r *Row) string {
	until := "open"
	if !r.Until.IsZero() {
		until = r.Until.UTC().Format(time.DateOnly)
	}
	return fmt.Sprintf("%s %s %v [%s, %s)", r.Channel, r.Terms, r.Products, r.From.UTC().Format(time.DateOnly), until)
}

// overlapping reports whether two rows of equal specificity could both
// answer the same look-up at the same instant.
func overlapping(a, b *Row) bool {
	if a.Channel != b.Channel || a.specificity() != b.specificity() {
		return false
	}
	if a.Terms != 0 && b.Terms != 0 && a.Terms&b.Terms == 0 {
		return false
	}
	if len(a.Products) > 0 {
		shared := false
		for _, p := range a.Products {
			if b.hasProduct(p) {
				shared = true
				break
			}
		}
		if !shared {
			return false
		}
	}
	// [a.From, a.Until) ∩ [b.From, b.Until) ≠ ∅
	aEndsFirst := !a.Until.IsZero() && !a.Until.After(b.From)
	bEndsFirst := !b.Until.IsZero() && !b.Until.After(a.From)
	return !aEndsFirst && !bEndsFirst
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

// Rows returns a copy of the table's rows in their original order.
func (t *Table) Rows() []Row {
	if t == nil {
		return nil
	}
	out := make([]Row, len(t.rows))
	for i, r := range t.rows {
		r.Products = slices.Clone(r.Products)
		out[i] = r
	}
	return out
}

// Lookup returns the rules in force at the instant at for k: the most
// specific row that matches (a product row before a generic one, a row for
// named terms before one for any term). It allocates nothing when a row
// matches. The error is a *NoRuleError naming what did not match; an
// invalid key is a *FieldError.
func (t *Table) Lookup(k Key, at time.Time) (Rules, error) {
	if !k.Channel.IsValid() {
		return Rules{}, &FieldError{Field: "Key.Channel", Value: k.Channel.String(), Reason: "not a valid Channel"}
	}
	if !k.Term.IsValid() {
		return Rules{}, &FieldError{Field: "Key.Term", Value: k.Term.String(), Reason: "not a valid Term"}
	}
	if t == nil {
		return Rules{}, &NoRuleError{Key: k, At: at, Reason: "the table is nil"}
	}
	best := -1
	for i := range t.rows {
		r := &t.rows[i]
		if !r.matches(k) || !r.covers(at) {
			continue
		}
		if best < 0 || r.specificity() > t.rows[best].specificity() {
			best = i
		}
	}
	if best >= 0 {
		return t.rows[best].Rules, nil
	}
	return Rules{}, t.noRule(k, at)
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
