package policy

import (
	"cmp"
	"slices"
	"strconv"
	"time"
)

// Change is one rule field whose value differs between two tables, for a
// set of keys during a period.
type Change struct {
	Channel Channel
	// Terms are the terms the change holds for; the empty set is every
	// term.
	Terms TermSet
	// Product, Offer and Country scope the change; "" stands for every
	// name that no row of either table gives a rule of its own.
	Product Product
	Offer   string
	Country string
	// From and Until bound the period; a zero Until is open-ended.
	From, Until time.Time
	// Path is the field's JSON path, such as "suspension.max"; "" when one
	// table has no rule in force at all.
	Path string
	// Old and New are the values as a policy file writes them. When Path
	// is "", the one of the table without a rule in force is "" and the
	// other is the version of the rules in force as a JSON string.
	Old, New string
	// OldLayer and NewLayer name the table or layer each value came from.
	OldLayer, NewLayer string
}

// Diff compares the answers of two tables (with their layers) for every
// key and instant at which either could change, and returns the rule
// values that differ, merged over terms and adjacent periods, ordered by
// channel, scope, period, terms and field. Citations and versions are not
// compared. The error reports a policy too large to compare (see With).
func Diff(a, b *Table) ([]Change, error) {
	var raw []Change
	for _, c := range channelsOf(a, b) {
		keys, points, err := grid(c, a, b)
		if err != nil {
			return nil, err
		}
		for _, k := range keys {
			var rvA, rvB *resolver
			if a != nil && b != nil {
				rvA, rvB = a.newResolver(k), b.newResolver(k)
			}
			for i, at := range points {
				var until time.Time
				if i+1 < len(points) {
					until = points[i+1]
				}
				raw = append(raw, diffCell(a, b, rvA, rvB, k, at, until)...)
			}
		}
	}
	return mergeChanges(raw), nil
}

func layerOf(e *Effective, v Value) string { return e.Sources[v.Source].Layer }

// diffCell compares one key at one instant; rvA and rvB resolve k in a
// and b when neither is nil.
func diffCell(a, b *Table, rvA, rvB *resolver, k Key, at, until time.Time) []Change {
	if rvA != nil {
		ra, baseA, _ := rvA.at(at, nil)
		rb, baseB, _ := rvB.at(at, nil)
		if baseA < 0 && baseB < 0 {
			return nil
		}
		ra.Version, ra.Cite, rb.Version, rb.Cite = "", Citation{}, "", Citation{}
		if baseA >= 0 && baseB >= 0 && ra == rb {
			return nil // the common case, without explaining
		}
	}
	ea, errA := a.Effective(k, at)
	eb, errB := b.Effective(k, at)
	base := Change{Channel: k.Channel, Terms: TermsOf(k.Term), Product: k.Product, Offer: k.Offer, Country: k.Country, From: at, Until: until}
	switch {
	case errA != nil && errB != nil:
		return nil
	case errA != nil:
		base.New, base.NewLayer = strconv.Quote(eb.Rules.Version), eb.Sources[0].Layer
		return []Change{base}
	case errB != nil:
		base.Old, base.OldLayer = strconv.Quote(ea.Rules.Version), ea.Sources[0].Layer
		return []Change{base}
	}
	var out []Change
	for f := range ea.Values {
		va, vb := ea.Values[f], eb.Values[f]
		if va.JSON == vb.JSON {
			continue
		}
		c := base
		c.Path, c.Old, c.New = va.Path, va.JSON, vb.JSON
		c.OldLayer, c.NewLayer = layerOf(&ea, va), layerOf(&eb, vb)
		out = append(out, c)
	}
	return out
}

// mergeChanges drops scoped changes that the unscoped key shows already,
// merges adjacent periods, then merges terms.
func mergeChanges(raw []Change) []Change {
	type cell struct {
		ch          Channel
		terms       TermSet
		from        int64
		path, o, nw string
	}
	generic := make(map[cell]bool)
	for _, c := range raw {
		if c.Product == "" && c.Offer == "" && c.Country == "" {
			generic[cell{c.Channel, c.Terms, c.From.UnixNano(), c.Path, c.Old, c.New}] = true
		}
	}
	kept := raw[:0:0]
	for _, c := range raw {
		scoped := c.Product != "" || c.Offer != "" || c.Country != ""
		if scoped && generic[cell{c.Channel, c.Terms, c.From.UnixNano(), c.Path, c.Old, c.New}] {
			continue
		}
		kept = append(kept, c)
	}

	same := func(a, b *Change) bool {
		return a.Channel == b.Channel && a.Product == b.Product && a.Offer == b.Offer && a.Country == b.Country &&
			a.Path == b.Path && a.Old == b.Old && a.New == b.New && a.OldLayer == b.OldLayer && a.NewLayer == b.NewLayer
	}
	// Periods: the changes of one key and value come in time order.
	type run struct {
		ch                  Channel
		terms               TermSet
		product             Product
		offer, country      string
		path, o, nw, ol, nl string
	}
	last := make(map[run]int)
	var periods []Change
	for _, c := range kept {
		k := run{c.Channel, c.Terms, c.Product, c.Offer, c.Country, c.Path, c.Old, c.New, c.OldLayer, c.NewLayer}
		if i, ok := last[k]; ok && !periods[i].Until.IsZero() && periods[i].Until.Equal(c.From) {
			periods[i].Until = c.Until
			continue
		}
		last[k] = len(periods)
		periods = append(periods, c)
	}
	// Terms.
	var out []Change
	for _, c := range periods {
		merged := false
		for i := range out {
			o := &out[i]
			if same(o, &c) && o.From.Equal(c.From) && o.Until.Equal(c.Until) {
				o.Terms |= c.Terms
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, c)
		}
	}
	all := TermsOf(Terms()...)
	for i := range out {
		if out[i].Terms == all {
			out[i].Terms = 0
		}
	}
	slices.SortStableFunc(out, func(a, b Change) int {
		return cmp.Or(
			cmp.Compare(a.Channel, b.Channel),
			cmp.Compare(a.Product, b.Product),
			cmp.Compare(a.Offer, b.Offer),
			cmp.Compare(a.Country, b.Country),
			a.From.Compare(b.From),
			cmp.Compare(a.Terms, b.Terms),
			cmp.Compare(fieldOrder(a.Path), fieldOrder(b.Path)),
		)
	})
	return out
}

// fieldOrder is a path's index in file order; -1 for "".
func fieldOrder(path string) int {
	if i, ok := fieldIndex[path]; ok {
		return i
	}
	return -1
}
