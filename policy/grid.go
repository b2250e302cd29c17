package policy

import (
	"fmt"
	"slices"
	"time"
)

// MaxCells bounds the work of validating a policy, so that a hostile
// file cannot make it take hours: the keys × instants that [Table.With]
// and [Diff] examine for one channel, and the combinations of channel,
// term, product, offer and country that the rows given to [NewTable] or
// [NewLayer], or read from one policy file, name together.
const MaxCells = 100_000

// grid returns, for channel c, every key and every instant at which the
// answers of the tables (their own rows and their layers) can differ: the
// terms, the products, offers and countries the rows name plus "" (which
// stands for every name no row mentions), and every From and Until. Within
// [points[i], points[i+1]) no answer changes.
func grid(c Channel, tables ...*Table) (keys []Key, points []time.Time, err error) {
	products := []Product{""}
	offers := []string{""}
	countries := []string{""}
	seenP := map[Product]bool{"": true}
	seen := map[string]bool{"": true} // offers, and countries as "\x00CN"
	visit := func(r *Row) {
		if r.Channel != c {
			return
		}
		for _, p := range r.Products {
			if !seenP[p] {
				seenP[p] = true
				products = append(products, p)
			}
		}
		for _, o := range r.Offers {
			if !seen[o] {
				seen[o] = true
				offers = append(offers, o)
			}
		}
		for _, x := range r.Countries {
			if !seen["\x00"+x] {
				seen["\x00"+x] = true
				countries = append(countries, x)
			}
		}
		points = append(points, r.From)
		if !r.Until.IsZero() {
			points = append(points, r.Until)
		}
	}
	for _, t := range tables {
		if t == nil {
			continue
		}
		for i := range t.rows {
			visit(&t.rows[i])
		}
		for _, l := range t.layers {
			for i := range l.rows {
				visit(&l.rows[i])
			}
		}
	}
	slices.SortFunc(points, func(a, b time.Time) int { return a.Compare(b) })
	points = slices.CompactFunc(points, time.Time.Equal)
	slices.Sort(products)
	slices.Sort(offers)
	slices.Sort(countries)
	n := len(Terms()) * len(products) * len(offers) * len(countries)
	if n*len(points) > MaxCells {
		return nil, nil, fmt.Errorf("policy: %s: %d products, %d offers, %d countries and %d dates make too many combinations to check (more than %d); split the policy",
			c, len(products)-1, len(offers)-1, len(countries)-1, len(points), MaxCells)
	}
	keys = make([]Key, 0, n)
	for _, term := range Terms() {
		for _, p := range products {
			for _, o := range offers {
				for _, x := range countries {
					keys = append(keys, Key{Channel: c, Term: term, Product: p, Offer: o, Country: x})
				}
			}
		}
	}
	return keys, points, nil
}

// channelsOf lists the channels that the tables' rows and layers name, in
// declaration order.
func channelsOf(tables ...*Table) []Channel {
	var seen [16]bool
	for _, t := range tables {
		if t == nil {
			continue
		}
		for i := range t.rows {
			seen[t.rows[i].Channel&15] = true
		}
		for _, l := range t.layers {
			for i := range l.rows {
				seen[l.rows[i].Channel&15] = true
			}
		}
	}
	var out []Channel
	for _, c := range Channels() {
		if seen[c] {
			out = append(out, c)
		}
	}
	return out
}
