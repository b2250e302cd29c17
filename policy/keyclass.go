package policy

import (
	"encoding/binary"
	"sync"
	"sync/atomic"
)

// A key class is the set of keys that every row and layer row of a table
// treats alike: within a channel, a product, offer or country that no row
// names behaves as none. Schedules are built once per class, on first use,
// and cached in the table's classes.

// maxSlots bounds the classes of one channel that get a slot of their own
// (a look-up without a lock or a hash of the key); a channel whose rows name
// more products, offers and countries keeps its schedules in a map.
const maxSlots = 1 << 10

// smallNames is the most names that find scans; more get a map, which is
// faster for them.
const smallNames = 8

// classes indexes the names a table's rows and its layers' rows mention,
// per channel, and caches the schedules of the key classes built so far.
// Every table has its own, made with the table.
type classes struct {
	ch [16]channelClasses

	build    sync.Mutex        // serializes building; guards resolved
	resolved map[string]*Rules // the rules of each resolution that applies layer rows, by signature (see appendSig)

	mu   sync.RWMutex          // guards more
	more map[classID]*Schedule // the schedules of classes without a slot
}

// channelClasses is the part of classes for one channel.
type channelClasses struct {
	products  names
	offers    names
	countries names
	// slots holds the schedule of each class, nil until built, at
	// (term-1)·stride[0] + p·stride[1] + o·stride[2] + c for the class's
	// term and name positions (see classID); slots is nil when the channel
	// has more than maxSlots classes.
	slots  []atomic.Pointer[Schedule]
	stride [3]int
}

// classID names a key class by the positions of its names (0: none).
type classID struct {
	channel Channel
	term    Term
	p, o, c int32
}

// names lists the names of one kind (products, offers or countries) that
// the rows of a channel mention, and finds their 1-based position.
type names struct {
	list  []string
	index map[string]int32 // when len(list) > smallNames
}

// find returns the 1-based position of s, or 0 when s is "" or not
// mentioned.
func (n *names) find(s string) int32 {
	if s == "" || len(n.list) == 0 {
		return 0
	}
	if n.index != nil {
		return n.index[s]
	}
	for i, x := range n.list {
		if x == s {
			return int32(i + 1)
		}
	}
	return 0
}

// name returns the name at the 1-based position i, or "" for 0.
func (n *names) name(i int32) string {
	if i == 0 {
		return ""
	}
	return n.list[i-1]
}

func (n *names) add(s string) {
	if n.find(s) != 0 {
		return
	}
	n.list = append(n.list, s)
	switch {
	case n.index != nil:
		n.index[s] = int32(len(n.list))
	case len(n.list) > smallNames:
		n.index = make(map[string]int32, 2*len(n.list))
		for i, x := range n.list {
			n.index[x] = int32(i + 1)
		}
	}
}

// newClasses indexes the names t's rows and its layers' rows mention. It
// reads each row once and builds no schedule.
func newClasses(t *Table) *classes {
	cl := &classes{}
	visit := func(r *Row) {
		cc := &cl.ch[r.Channel&15]
		for _, p := range r.Products {
			cc.products.add(string(p))
		}
		for _, o := range r.Offers {
			cc.offers.add(o)
		}
		for _, c := range r.Countries {
			cc.countries.add(c)
		}
	}
	for i := range t.rows {
		visit(&t.rows[i])
	}
	for _, l := range t.layers {
		for i := range l.rows {
			visit(&l.rows[i])
		}
	}
	for _, c := range Channels() {
		cc := &cl.ch[c]
		n := len(Terms())
		for _, d := range [...]int{len(cc.products.list) + 1, len(cc.offers.list) + 1, len(cc.countries.list) + 1} {
			if n > maxSlots/d {
				n = 0
				break
			}
			n *= d
		}
		if n > 0 {
			cc.slots = make([]atomic.Pointer[Schedule], n)
			nc := len(cc.countries.list) + 1
			no := (len(cc.offers.list) + 1) * nc
			cc.stride = [3]int{no * (len(cc.products.list) + 1), no, nc}
		}
	}
	return cl
}

// key returns the key that stands for the class of a key of channel c
// and term with names at positions p, o and c (0: none).
func (cc *channelClasses) key(ch Channel, term Term, p, o, c int32) Key {
	return Key{Channel: ch, Term: term, Product: Product(cc.products.name(p)), Offer: cc.offers.name(o), Country: cc.countries.name(c)}
}

// schedule returns the schedule of k's class, building it on first use. k
// is valid (Key.check).
func (t *Table) schedule(k *Key) *Schedule {
	cl := t.classes
	if cl == nil { // the zero Table
		return t.buildSchedule(Key{Channel: k.Channel, Term: k.Term})
	}
	cc := &cl.ch[k.Channel&15]
	p, o, c := cc.products.find(string(k.Product)), cc.offers.find(k.Offer), cc.countries.find(k.Country)
	if cc.slots != nil {
		slot := &cc.slots[int(k.Term-1)*cc.stride[0]+int(p)*cc.stride[1]+int(o)*cc.stride[2]+int(c)]
		if s := slot.Load(); s != nil {
			return s
		}
		return cl.buildSlot(t, cc.key(k.Channel, k.Term, p, o, c), slot)
	}
	id := classID{k.Channel, k.Term, p, o, c}
	cl.mu.RLock()
	s := cl.more[id]
	cl.mu.RUnlock()
	if s != nil {
		return s
	}
	return cl.buildMore(t, cc.key(k.Channel, k.Term, p, o, c), id)
}

// buildSlot builds the schedule of class key k into slot, unless another
// goroutine has.
func (cl *classes) buildSlot(t *Table, k Key, slot *atomic.Pointer[Schedule]) *Schedule {
	cl.build.Lock()
	defer cl.build.Unlock()
	if s := slot.Load(); s != nil {
		return s
	}
	s := t.buildSchedule(k)
	slot.Store(s)
	return s
}

// buildMore builds the schedule of class key k into cl.more, unless
// another goroutine has.
func (cl *classes) buildMore(t *Table, k Key, id classID) *Schedule {
	cl.build.Lock()
	defer cl.build.Unlock()
	cl.mu.RLock()
	s := cl.more[id]
	cl.mu.RUnlock()
	if s != nil {
		return s
	}
	s = t.buildSchedule(k)
	cl.mu.Lock()
	if cl.more == nil {
		cl.more = make(map[classID]*Schedule)
	}
	cl.more[id] = s
	cl.mu.Unlock()
	return s
}

// appendSig appends the signature of a resolution to b: the base row and
// the layer rows applied, in order.
func appendSig(b []byte, base int, applied []origin) []byte {
	b = binary.LittleEndian.AppendUint32(b, uint32(base))
	for _, o := range applied {
		b = binary.LittleEndian.AppendUint32(b, uint32(o.layer))
		b = binary.LittleEndian.AppendUint32(b, uint32(o.row))
	}
	return b
}

// shared returns the table's one copy of the rules r of the resolution
// with signature sig, storing r on first use. The caller holds cl.build;
// cl may be nil (the zero Table, which has no layers).
func (cl *classes) shared(sig []byte, r *Rules) *Rules {
	if cl == nil {
		p := new(Rules)
		*p = *r
		return p
	}
	if p, ok := cl.resolved[string(sig)]; ok {
		return p
	}
	if cl.resolved == nil {
		cl.resolved = make(map[string]*Rules)
	}
	p := new(Rules)
	*p = *r
	cl.resolved[string(sig)] = p
	return p
}
