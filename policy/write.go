package policy

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// WriteJSON writes the table as a policy file of kind "table" (see the
// package documentation, "Policy files"): every row with every rule
// field, in the order of the table. Loading what it writes gives an equal
// table: [LoadJSON] of the output of Builtin().WriteJSON returns a table
// whose Rows equal Builtin().Rows().
//
// A table with override layers is refused: write [Table.Base] and each
// layer ([Layer.WriteJSON]) instead. A value a file cannot hold (an
// invalid enum where Validate does not look, a year outside 1–9999, a
// string that is not UTF-8) is a *FieldError.
func (t *Table) WriteJSON(w io.Writer) error {
	if t == nil {
		return &FieldError{Field: "Table", Value: "nil", Reason: "cannot write a nil table"}
	}
	if len(t.layers) > 0 {
		return &FieldError{Field: "Table", Value: t.name, Reason: fmt.Sprintf("has %d override layers: write Base() and each layer", len(t.layers))}
	}
	fw := &fileWriter{}
	fw.header("table", t.name)
	for i := range t.rows {
		fw.row(&t.rows[i], allFields, i, nil)
	}
	return fw.finish(w)
}

// WriteJSON writes the layer as a policy file of kind "overrides", each
// row with the fields it sets. Loading what it writes onto the same base
// gives a layer with equal Overrides.
func (l *Layer) WriteJSON(w io.Writer) error {
	if l == nil {
		return &FieldError{Field: "Layer", Value: "nil", Reason: "cannot write a nil layer"}
	}
	fw := &fileWriter{}
	fw.header("overrides", l.name)
	for i := range l.rows {
		fw.row(&l.rows[i], l.masks[i], i, l.order[i])
	}
	return fw.finish(w)
}

// fileWriter writes a policy file with two-space indentation, small values
// (durations, windows, lists) on one line.
type fileWriter struct {
	b     []byte
	first []bool // per open object or array: nothing written in it yet
	err   error
}

func (w *fileWriter) fail(field string, v any, reason string) {
	if w.err == nil {
		w.err = &FieldError{Field: field, Value: v, Reason: reason}
	}
}

func (w *fileWriter) newline() {
	w.b = append(w.b, '\n')
	for range w.first {
		w.b = append(w.b, "  "...)
	}
}

// next starts a member or element of the innermost object or array.
func (w *fileWriter) next() {
	top := len(w.first) - 1
	if !w.first[top] {
		w.b = append(w.b, ',')
	}
	w.first[top] = false
	w.newline()
}

func (w *fileWriter) key(k string) {
	w.next()
	w.b = strconv.AppendQuote(w.b, k) // keys are ASCII names
	w.b = append(w.b, ": "...)
}

func (w *fileWriter) open(c byte) {
	w.b = append(w.b, c)
	w.first = append(w.first, true)
}

func (w *fileWriter) close(c byte) {
	top := len(w.first) - 1
	empty := w.first[top]
	w.first = w.first[:top]
	if !empty {
		w.newline()
	}
	w.b = append(w.b, c)
}

// str writes s as a JSON string; field names it in an error.
func (w *fileWriter) str(s, field string) {
	if !utf8.ValidString(s) {
		w.fail(field, s, "cannot be written: not valid UTF-8")
		return
	}
	w.b = appendJSONString(w.b, s)
}

// appendJSONString quotes s for JSON, escaping only what JSON requires.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c == '\n':
			b = append(b, '\\', 'n')
		case c == '\t':
			b = append(b, '\\', 't')
		case c == '\r':
			b = append(b, '\\', 'r')
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}

func (w *fileWriter) list(names []string, field string) {
	w.b = append(w.b, '[')
	for i, n := range names {
		if i > 0 {
			w.b = append(w.b, ", "...)
		}
		w.str(n, field)
	}
	w.b = append(w.b, ']')
}

func (w *fileWriter) header(kind, name string) {
	w.open('{')
	w.key("format")
	w.str(Format, "format")
	w.key("kind")
	w.str(kind, "kind")
	if name != "" {
		w.key("name")
		w.str(name, "name")
	}
	w.key("rows")
	w.open('[')
}

func (w *fileWriter) finish(out io.Writer) error {
	w.close(']')
	w.close('}')
	w.b = append(w.b, '\n')
	if w.err != nil {
		return w.err
	}
	if out == nil {
		return &FieldError{Field: "w", Value: "nil", Reason: "nothing to write to: the writer is nil"}
	}
	_, err := out.Write(w.b)
	return err
}

// row writes rows[i] with the fields in m, in the order of order when it
// is not nil (grouped, see groupOrder), else in the order of fields.
func (w *fileWriter) row(r *Row, m fieldMask, i int, order []uint8) {
	at := fmt.Sprintf("rows[%d]", i)
	w.next()
	w.open('{')
	w.key("channel")
	if !r.Channel.IsValid() {
		w.fail(at+".channel", r.Channel.String(), "cannot be written: not a valid Channel")
	}
	w.str(r.Channel.String(), at+".channel")
	if r.Terms != 0 {
		w.key("terms")
		var names []string
		for _, t := range r.Terms.List() {
			names = append(names, t.String())
		}
		w.list(names, at+".terms")
	}
	if len(r.Products) > 0 {
		w.key("products")
		names := make([]string, len(r.Products))
		for i, p := range r.Products {
			names[i] = string(p)
		}
		w.list(names, at+".products")
	}
	if len(r.Offers) > 0 {
		w.key("offers")
		w.list(r.Offers, at+".offers")
	}
	if len(r.Countries) > 0 {
		w.key("countries")
		w.list(r.Countries, at+".countries")
	}
	w.key("from")
	w.instant(r.From, at+".from")
	if !r.Until.IsZero() {
		w.key("until")
		w.instant(r.Until, at+".until")
	}
	if r.Rules.Version != "" {
		w.key("version")
		w.str(r.Rules.Version, at+".version")
	}
	w.key("cite")
	w.open('{')
	w.key("rules")
	w.str(r.Rules.Cite.Rules, at+".cite.rules")
	w.key("sources")
	w.str(r.Rules.Cite.Sources, at+".cite.sources")
	w.close('}')

	var groups []string // the open groups, outermost first
	if order == nil {
		for f := range fields {
			if m.has(f) {
				order = append(order, uint8(f))
			}
		}
	}
	for _, f := range order {
		segs := strings.Split(fields[f].path, ".")
		parent := segs[:len(segs)-1]
		common := 0
		for common < len(groups) && common < len(parent) && groups[common] == parent[common] {
			common++
		}
		for len(groups) > common {
			w.close('}')
			groups = groups[:len(groups)-1]
		}
		for len(groups) < len(parent) {
			w.key(parent[len(groups)])
			w.open('{')
			groups = append(groups, parent[len(groups)])
		}
		w.key(segs[len(segs)-1])
		text, ok := fields[f].enc(&r.Rules)
		if !ok {
			w.fail(at+"."+fields[f].path, fields[f].goPath, "cannot be written: the value is not one a policy file can hold")
		}
		w.b = append(w.b, text...)
	}
	for range groups {
		w.close('}')
	}
	w.close('}')
}

func (w *fileWriter) instant(t time.Time, field string) {
	s, ok := formatInstant(t)
	if t.IsZero() || !ok {
		w.fail(field, t, "cannot be written: want a date between the years 1 and 9999")
	}
	w.str(s, field)
}
