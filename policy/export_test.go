package policy

import (
	"fmt"
	"slices"
	"time"
)

// ScanLookup is the reference for Table.Lookup and Schedule.At: the
// look-up as it was before schedules, reading every row of the table and
// of its layers at the instant, without the channel or layer indexes.
func ScanLookup(t *Table, k Key, at time.Time) (Rules, error) {
	if err := k.check(); err != nil {
		return Rules{}, err
	}
	if t == nil {
		return Rules{}, &NoRuleError{Key: k, At: at, Reason: "the table is nil"}
	}
	best, bestSpec := -1, -1
	for i := range t.rows {
		r := &t.rows[i]
		if r.matches(k) && r.covers(at) && r.specificity() > bestSpec {
			best, bestSpec = i, r.specificity()
		}
	}
	if best < 0 {
		return Rules{}, scanNoRule(t, k, at)
	}
	r := t.rows[best].Rules
	for _, l := range t.layers {
		// Rows in force for one key at one instant have distinct
		// specificities; they apply least specific first.
		var bySpec [16]int
		for i := range bySpec {
			bySpec[i] = -1
		}
		for i := range l.rows {
			if l.rows[i].matches(k) && l.rows[i].covers(at) {
				bySpec[l.rows[i].specificity()] = i
			}
		}
		for _, i := range bySpec {
			if i < 0 {
				continue
			}
			row := &l.rows[i]
			for f := range numFields {
				if l.masks[i].has(f) {
					copyField(&r, &row.Rules, f)
				}
			}
			r.Cite = row.Rules.Cite
			if row.Rules.Version != "" {
				r.Version = row.Rules.Version
			}
		}
	}
	return r, nil
}

// scanNoRule is the explanation Lookup gave before schedules.
func scanNoRule(t *Table, k Key, at time.Time) error {
	var first, last time.Time
	found := false
	for i := range t.rows {
		r := &t.rows[i]
		if !r.matches(k) {
			continue
		}
		if !found || r.From.Before(first) {
			first = r.From
		}
		if !found || (!last.IsZero() && (r.Until.IsZero() || r.Until.After(last))) {
			last = r.Until
		}
		found = true
	}
	switch {
	case !found:
		return &NoRuleError{Key: k, At: at, Reason: fmt.Sprintf("no row for channel %s with term %s", k.Channel, k.Term)}
	case at.Before(first):
		return &NoRuleError{Key: k, At: at, Reason: "before the first documented rule, in force from " + first.UTC().Format(time.DateOnly)}
	case !last.IsZero() && !at.Before(last):
		return &NoRuleError{Key: k, At: at, Reason: "after the last documented rule, in force until " + last.UTC().Format(time.DateOnly)}
	}
	return &NoRuleError{Key: k, At: at, Reason: "in a gap between documented rules"}
}

// OverlapPairs returns the pairs (later, earlier) that overlapProblems
// reports for rows.
func OverlapPairs(rows []Row) [][2]int {
	var out [][2]int
	for _, p := range overlapProblems(rows, nil) {
		if p.overlap == nil {
			panic("not an overlap: " + p.reason)
		}
		out = append(out, [2]int{p.overlap.later, p.overlap.earlier})
	}
	return out
}

// ScanOverlapping is the reference for overlapProblems: whether two rows
// of equal specificity could both answer the same look-up at the same
// instant, compared pairwise as NewTable did before scope cells.
func ScanOverlapping(a, b *Row) bool { return overlapping(a, b) }

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
	if len(a.Offers) > 0 && !intersect(a.Offers, b.Offers) {
		return false
	}
	if len(a.Countries) > 0 && !intersect(a.Countries, b.Countries) {
		return false
	}
	// [a.From, a.Until) ∩ [b.From, b.Until) ≠ ∅
	aEndsFirst := !a.Until.IsZero() && !a.Until.After(b.From)
	bEndsFirst := !b.Until.IsZero() && !b.Until.After(a.From)
	return !aEndsFirst && !bEndsFirst
}

func intersect(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}
