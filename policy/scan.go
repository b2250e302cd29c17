package policy

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"
)

// This file parses JSON into a tree that remembers where every value
// starts, so that a policy file's problems can name their line and column.
// It is a small recursive-descent parser for RFC 8259 with a nesting limit;
// encoding/json decodes only the strings that hold escapes.

type jkind uint8

const (
	jNull jkind = iota + 1
	jBool
	jNumber
	jString
	jArray
	jObject
)

// String describes the kind for messages, such as "an object".
func (k jkind) String() string {
	switch k {
	case jNull:
		return "null"
	case jBool:
		return "a boolean"
	case jNumber:
		return "a number"
	case jString:
		return "a string"
	case jArray:
		return "an array"
	case jObject:
		return "an object"
	}
	return "nothing"
}

// jnode is one JSON value and the byte range [off, end) it occupies.
// Offsets are int32: ParseJSON refuses larger inputs.
type jnode struct {
	kind     jkind
	b        bool // jBool
	off, end int32
	s        string // jString: the decoded string
	// members are an object's members in file order (duplicates kept),
	// or an array's elements (with empty keys).
	members []jmember
}

type jmember struct {
	key    string
	keyOff int32 // offset of the key's opening quote
	val    *jnode
}

// syntaxError is a JSON syntax error at a byte offset.
type syntaxError struct {
	off int
	msg string
}

// maxDepth bounds nesting; a policy file needs five levels.
const maxDepth = 32

type jparser struct {
	data    []byte
	pos     int
	depth   int
	arena   []jnode   // nodes are taken from here, a chunk at a time
	marena  []jmember // finished members are copied here, a chunk at a time
	members []jmember // members of the objects and arrays being read, innermost last
}

// node returns a new node; nodes are allocated in chunks, the first sized
// for the input (a policy file holds about one value per 27 bytes).
func (p *jparser) node(kind jkind, off int) *jnode {
	if len(p.arena) == cap(p.arena) {
		p.arena = make([]jnode, 0, max(256, min(len(p.data)/24, 1<<16)))
	}
	p.arena = append(p.arena, jnode{kind: kind, off: int32(off)})
	return &p.arena[len(p.arena)-1]
}

// maxInterned is the length of the longest interned string.
const maxInterned = 40

// finish moves the members read since base off the stack into a slice of
// their own, carved from a chunk shared by many nodes.
func (p *jparser) finish(base int) []jmember {
	n := len(p.members) - base
	if cap(p.marena)-len(p.marena) < n {
		p.marena = make([]jmember, 0, max(n, 256, min(len(p.data)/24, 1<<16)))
	}
	start := len(p.marena)
	p.marena = append(p.marena, p.members[base:]...)
	p.members = p.members[:base]
	return p.marena[start:len(p.marena):len(p.marena)]
}

// interned holds the keys and names a policy file uses, so that reading
// them allocates nothing.
var interned = func() map[string]string {
	m := map[string]string{}
	add := func(ss ...string) {
		for _, s := range ss {
			m[s] = s
		}
	}
	add(topKeys...)
	add(rowKeys...)
	add("days", "hours", "kind", "length", "unit", "inclusive", "rules", "sources", "table", "overrides", Format)
	for _, f := range fields {
		for _, seg := range strings.Split(f.path, ".") {
			add(seg)
		}
	}
	for _, names := range [][]string{channelNames, termNames, anchorNames, windowKindNames, unitNames, cancelEffectNames,
		licenseCountNames, overLimitNames, suspendedAtTermEndNames, purgeAnchorNames} {
		add(names[1:]...)
	}
	return m
}()

// parseJSON parses data as one JSON value followed only by white space.
func parseJSON(data []byte) (*jnode, *syntaxError) {
	p := &jparser{data: data}
	p.space()
	if p.pos == len(data) {
		return nil, &syntaxError{0, "empty input: want a JSON object"}
	}
	n, err := p.value()
	if err != nil {
		return nil, err
	}
	p.space()
	if p.pos < len(data) {
		return nil, p.errorf("unexpected %s after the top-level value", p.show())
	}
	return n, nil
}

func (p *jparser) errorf(format string, args ...any) *syntaxError {
	return &syntaxError{p.pos, fmt.Sprintf(format, args...)}
}

// show describes the byte at the current position for a message.
func (p *jparser) show() string {
	if p.pos >= len(p.data) {
		return "end of input"
	}
	r, _ := utf8.DecodeRune(p.data[p.pos:])
	if r == utf8.RuneError {
		return fmt.Sprintf("byte %#02x", p.data[p.pos])
	}
	return fmt.Sprintf("%q", r)
}

func (p *jparser) space() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *jparser) value() (*jnode, *syntaxError) {
	if p.pos >= len(p.data) {
		return nil, p.errorf("unexpected end of input: want a value")
	}
	switch c := p.data[p.pos]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		n := p.node(jString, p.pos)
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		n.s, n.end = s, int32(p.pos)
		return n, nil
	case c == 't':
		n := p.node(jBool, p.pos)
		n.b = true
		return p.literal("true", n)
	case c == 'f':
		return p.literal("false", p.node(jBool, p.pos))
	case c == 'n':
		return p.literal("null", p.node(jNull, p.pos))
	case c == '-' || '0' <= c && c <= '9':
		return p.number()
	}
	return nil, p.errorf("invalid character %s: want a value", p.show())
}

func (p *jparser) literal(word string, n *jnode) (*jnode, *syntaxError) {
	if len(p.data)-p.pos < len(word) || string(p.data[p.pos:p.pos+len(word)]) != word {
		return nil, p.errorf("invalid literal: want %s", word)
	}
	p.pos += len(word)
	n.end = int32(p.pos)
	return n, nil
}

func (p *jparser) digits() int {
	start := p.pos
	for p.pos < len(p.data) && '0' <= p.data[p.pos] && p.data[p.pos] <= '9' {
		p.pos++
	}
	return p.pos - start
}

func (p *jparser) number() (*jnode, *syntaxError) {
	off := p.pos
	if p.data[p.pos] == '-' {
		p.pos++
	}
	if p.pos < len(p.data) && p.data[p.pos] == '0' {
		p.pos++
	} else if p.digits() == 0 {
		return nil, p.errorf("invalid number: want a digit")
	}
	if p.pos < len(p.data) && p.data[p.pos] == '.' {
		p.pos++
		if p.digits() == 0 {
			return nil, p.errorf("invalid number: want a digit after the decimal point")
		}
	}
	if p.pos < len(p.data) && (p.data[p.pos] == 'e' || p.data[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.data) && (p.data[p.pos] == '+' || p.data[p.pos] == '-') {
			p.pos++
		}
		if p.digits() == 0 {
			return nil, p.errorf("invalid number: want a digit in the exponent")
		}
	}
	n := p.node(jNumber, off)
	n.end = int32(p.pos)
	return n, nil
}

// str reads a string starting at its opening quote.
func (p *jparser) str() (string, *syntaxError) {
	start := p.pos
	p.pos++
	escaped, ascii := false, true
	for {
		// The common bytes first, in a tight loop.
		for p.pos < len(p.data) {
			c := p.data[p.pos]
			if c == '"' || c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
				break
			}
			p.pos++
		}
		if p.pos >= len(p.data) {
			return "", &syntaxError{start, "unterminated string"}
		}
		c := p.data[p.pos]
		switch {
		case c == '"':
			raw := p.data[start+1 : p.pos]
			p.pos++
			if !ascii && !utf8.Valid(raw) {
				return "", &syntaxError{start, "string is not valid UTF-8"}
			}
			if !escaped {
				if len(raw) <= maxInterned {
					if s, ok := interned[string(raw)]; ok {
						return s, nil
					}
				}
				return string(raw), nil
			}
			var s string
			if err := json.Unmarshal(p.data[start:p.pos], &s); err != nil {
				return "", &syntaxError{start, "invalid string: " + err.Error()}
			}
			return s, nil
		case c < 0x20:
			return "", p.errorf("control character %#02x in string: write it escaped", c)
		case c == '\\':
			escaped = true
			p.pos++
			if p.pos >= len(p.data) {
				return "", &syntaxError{start, "unterminated string"}
			}
			switch p.data[p.pos] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				p.pos++
			case 'u':
				esc := p.pos - 1
				v, err := p.hex4()
				if err != nil {
					return "", err
				}
				// encoding/json would read a lone surrogate as U+FFFD, a
				// character the file does not hold.
				switch {
				case 0xDC00 <= v && v <= 0xDFFF:
					return "", &syntaxError{esc, fmt.Sprintf(`invalid \u escape \u%04x: a low surrogate without a high surrogate before it is not a character`, v)}
				case 0xD800 <= v && v <= 0xDBFF:
					if p.pos+1 < len(p.data) && p.data[p.pos] == '\\' && p.data[p.pos+1] == 'u' {
						p.pos++
						if w, err := p.hex4(); err != nil {
							return "", err
						} else if 0xDC00 <= w && w <= 0xDFFF {
							break
						}
					}
					return "", &syntaxError{esc, fmt.Sprintf(`invalid \u escape \u%04x: a high surrogate must be followed by a low surrogate (\udc00 to \udfff)`, v)}
				}
			default:
				return "", p.errorf("invalid escape %s in string", p.show())
			}
		default: // non-ASCII
			ascii = false
			p.pos++
		}
	}
}

// hex4 reads the 'u' of a \u escape and its four hex digits.
func (p *jparser) hex4() (rune, *syntaxError) {
	p.pos++
	var v rune
	for i := 0; i < 4; i++ {
		if p.pos >= len(p.data) || !isHex(p.data[p.pos]) {
			return 0, p.errorf(`invalid \u escape: want four hex digits`)
		}
		c := rune(p.data[p.pos])
		switch {
		case c <= '9':
			c -= '0'
		case c >= 'a':
			c -= 'a' - 10
		default:
			c -= 'A' - 10
		}
		v = v<<4 | c
		p.pos++
	}
	return v, nil
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func (p *jparser) enter() *syntaxError {
	if p.depth >= maxDepth {
		return p.errorf("nested more than %d levels deep", maxDepth)
	}
	p.depth++
	return nil
}

func (p *jparser) object() (*jnode, *syntaxError) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	n := p.node(jObject, p.pos)
	p.pos++
	p.space()
	if p.pos < len(p.data) && p.data[p.pos] == '}' {
		p.pos++
		n.end = int32(p.pos)
		p.depth--
		return n, nil
	}
	base := len(p.members)
	for {
		if p.pos >= len(p.data) || p.data[p.pos] != '"' {
			return nil, p.errorf("invalid character %s: want a quoted object key", p.show())
		}
		keyOff := p.pos
		key, err := p.str()
		if err != nil {
			return nil, err
		}
		p.space()
		if p.pos >= len(p.data) || p.data[p.pos] != ':' {
			return nil, p.errorf("invalid character %s after object key: want ':'", p.show())
		}
		p.pos++
		p.space()
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		p.members = append(p.members, jmember{key: key, keyOff: int32(keyOff), val: v})
		p.space()
		if p.pos >= len(p.data) {
			return nil, p.errorf("unexpected end of input: want ',' or '}'")
		}
		switch p.data[p.pos] {
		case ',':
			p.pos++
			p.space()
		case '}':
			p.pos++
			n.end = int32(p.pos)
			n.members = p.finish(base)
			p.depth--
			return n, nil
		default:
			return nil, p.errorf("invalid character %s after object value: want ',' or '}'", p.show())
		}
	}
}

func (p *jparser) array() (*jnode, *syntaxError) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	n := p.node(jArray, p.pos)
	p.pos++
	p.space()
	if p.pos < len(p.data) && p.data[p.pos] == ']' {
		p.pos++
		n.end = int32(p.pos)
		p.depth--
		return n, nil
	}
	base := len(p.members)
	for {
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		p.members = append(p.members, jmember{val: v})
		p.space()
		if p.pos >= len(p.data) {
			return nil, p.errorf("unexpected end of input: want ',' or ']'")
		}
		switch p.data[p.pos] {
		case ',':
			p.pos++
			p.space()
		case ']':
			p.pos++
			n.end = int32(p.pos)
			n.members = p.finish(base)
			p.depth--
			return n, nil
		default:
			return nil, p.errorf("invalid character %s after array element: want ',' or ']'", p.show())
		}
	}
}
