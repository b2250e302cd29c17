package lang

import (
	"database/sql/driver"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/lapse-go/lapse/internal/enumtext"
)

// Kind says what an argument of a Message holds and how it is rendered.
// The zero value is invalid.
type Kind uint8

// Argument kinds.
const (
	// KindDate is a calendar day in the language's long form: "July 29,
	// 2026", "29. Juli 2026". Arg.Time holds it.
	KindDate Kind = iota + 1
	// KindInstant is an instant: a long date when it is a UTC midnight (a
	// day-based deadline), else a long date with the time of day.
	KindInstant
	// KindDay is a calendar day as a refusal or a plan states it: ISO 8601
	// ("2026-07-29") in English, the long form in the other languages.
	KindDay
	// KindStamp is an instant as a refusal states it, exactly: RFC 3339 in
	// English, the long form with the time of day in the other languages
	// (with seconds and their fraction when it is not on a whole minute).
	KindStamp
	// KindNumber is a count printed with the language's digit grouping.
	// Arg.N holds it.
	KindNumber
	// KindDays is a duration in calendar days, with the plural the count
	// needs ("1 day", "30 days"). Arg.N holds it.
	KindDays
	// KindCount is a count of a unit named by Arg.Term ("licenses",
	// "times", "users", "subscriptions", "groups"), with the plural the
	// count needs. Arg.N holds it.
	KindCount
	// KindTerm is a term of Microsoft's vocabulary: a state, role, channel,
	// command, cause or topic. Arg.Term holds its key, such as
	// "state.expired" or "channel.direct-mosa": the prefix names the
	// vocabulary, the rest is the value's text name (lifecycle.ParseState
	// and the other Parse functions read it back).
	KindTerm
	// KindRoles is a list of roles joined by the language's "or"
	// ("a Global Administrator or a Billing Administrator"), or the term
	// for nobody when empty. Arg.Terms holds their keys ("role.global-admin").
	KindRoles
	// KindText is verbatim text that is never translated: ids, rule ids,
	// source keys, version labels, domain names.
	KindText
	// KindQuoted is verbatim text in Go double quotes: subscription ids in
	// refusals.
	KindQuoted
	// KindList is verbatim items joined by ", ".
	KindList
	// KindMessage is a nested message, rendered in the same language.
	// Arg.Msg holds it; a zero Message renders as "".
	KindMessage
)

var kindNames = []string{"", "date", "instant", "day", "stamp", "number", "days", "count", "term", "roles", "text", "quoted", "list", "message"}

var kinds = enumtext.New[Kind]("Kind", kindNames, fieldError)

// String returns the kind's name, such as "date", or "%!Kind(n)" for an
// invalid value.
func (k Kind) String() string { return kinds.String(k) }

// IsValid reports whether k is a declared kind.
func (k Kind) IsValid() bool { return kinds.Valid(k) }

// MarshalText implements encoding.TextMarshaler: the kind's name. An
// invalid Kind is a *FieldError naming the value.
func (k Kind) MarshalText() ([]byte, error) { return kinds.MarshalText(k) }

// UnmarshalText implements encoding.TextUnmarshaler: a name in any ASCII
// case. The error, a *FieldError, names the value and the accepted names;
// on error k is unchanged.
func (k *Kind) UnmarshalText(b []byte) error { return kinds.UnmarshalText(k, b) }

// Value implements database/sql/driver.Valuer: the kind's name, as a
// string. An invalid Kind is a *FieldError.
func (k Kind) Value() (driver.Value, error) { return kinds.Value(k) }

// Scan implements database/sql.Scanner: a string or []byte column is read
// as UnmarshalText reads it. SQL NULL and other types are a *FieldError;
// scan a nullable column into a sql.Null[Kind].
func (k *Kind) Scan(src any) error { return kinds.Scan(k, src) }

// Arg is one typed argument of a Message. It is a plain value; which
// fields are set depends on Kind. The zero Arg is invalid and renders as
// "%!(BAD ARG)".
type Arg struct {
	// Kind says what the argument is.
	Kind Kind
	// Time is the date or instant of KindDate, KindInstant, KindDay and
	// KindStamp.
	Time time.Time
	// N is the count of KindNumber, KindDays and KindCount.
	N int
	// Term is the term key of KindTerm, the unit of KindCount, or the
	// verbatim text of KindText and KindQuoted.
	Term string
	// Terms are the role keys of KindRoles or the items of KindList.
	Terms []string
	// Msg is the nested message of KindMessage.
	Msg *Message
	// Cap says the rendering starts with an upper-case letter (a role list
	// that begins a sentence).
	Cap bool
}

// Date returns a KindDate argument: the UTC date of t. A calendar date
// (a clock.Date d) is passed as d.UTC(), the instant it begins in UTC, so
// that it renders as itself and never as the day before.
func Date(t time.Time) Arg { return Arg{Kind: KindDate, Time: t} }

// Instant returns a KindInstant argument.
func Instant(t time.Time) Arg { return Arg{Kind: KindInstant, Time: t} }

// Day returns a KindDay argument: the UTC date of t; a clock.Date d is
// passed as d.UTC(), as for [Date].
func Day(t time.Time) Arg { return Arg{Kind: KindDay, Time: t} }

// Stamp returns a KindStamp argument.
func Stamp(t time.Time) Arg { return Arg{Kind: KindStamp, Time: t} }

// Number returns a KindNumber argument.
func Number(n int) Arg { return Arg{Kind: KindNumber, N: n} }

// Days returns a KindDays argument.
func Days(n int) Arg { return Arg{Kind: KindDays, N: n} }

// Count returns a KindCount argument of n units, such as Count("licenses", 3).
func Count(unit string, n int) Arg { return Arg{Kind: KindCount, Term: unit, N: n} }

// Term returns a KindTerm argument, such as Term("state.expired").
func Term(key string) Arg { return Arg{Kind: KindTerm, Term: key} }

// Roles returns a KindRoles argument of the role keys, such as
// Roles("role.global-admin", "role.billing-admin").
func Roles(keys ...string) Arg { return Arg{Kind: KindRoles, Terms: keys} }

// Text returns a KindText argument.
func Text(s string) Arg { return Arg{Kind: KindText, Term: s} }

// Quoted returns a KindQuoted argument.
func Quoted(s string) Arg { return Arg{Kind: KindQuoted, Term: s} }

// List returns a KindList argument.
func List(items ...string) Arg { return Arg{Kind: KindList, Terms: items} }

// Sub returns a KindMessage argument holding m.
func Sub(m Message) Arg { return Arg{Kind: KindMessage, Msg: &m} }

// Capitalized returns a with Cap set.
func (a Arg) Capitalized() Arg { a.Cap = true; return a }

// Message is a sentence as data: a stable key of the catalogs and its typed
// arguments. It renders itself on demand, in any supported language; the
// zero Message renders as "". It is a plain value, safe to share once
// built.
type Message struct {
	// Key names the sentence in the catalogs, such as "cause.purchased".
	Key string
	// Args are its arguments, referred to as %[1]s, %[2]s… by every
	// translation.
	Args []Arg
}

// New returns the message key with args.
func New(key string, args ...Arg) Message { return Message{Key: key, Args: args} }

// IsZero reports whether m is the zero Message, which stands for no words.
func (m Message) IsZero() bool { return m.Key == "" }

// String renders m in English, the default language.
func (m Message) String() string { return m.In(language.English) }

// In renders m in the supported language closest to t (English when none
// is close). An argument of the wrong kind renders as "%!(BAD ARG)"; a key
// missing from the catalogs renders as the key, which the catalogs'
// completeness test forbids.
func (m Message) In(t language.Tag) string {
	if m.IsZero() {
		return ""
	}
	c := catalogFor(t)
	return c.render(c.printer(), m)
}

// render renders m with p, the printer of c.
func (c *Catalog) render(p *message.Printer, m Message) string {
	if m.IsZero() {
		return ""
	}
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		args[i] = c.arg(p, a)
	}
	if _, ok := c.Plurals[m.Key]; ok && len(m.Args) > 0 && m.Args[0].Kind == KindNumber {
		args[0] = m.Args[0].N // the count the plural rules select by
	}
	return p.Sprintf(m.Key, args...)
}

func (c *Catalog) arg(p *message.Printer, a Arg) string {
	var s string
	switch a.Kind {
	case KindDate:
		s = c.date(a.Time, c.Date)
	case KindDay:
		s = c.date(a.Time, c.Day)
	case KindInstant:
		t := a.Time.UTC()
		if t.Equal(t.Truncate(24 * time.Hour)) {
			s = c.date(t, c.Date)
		} else {
			s = p.Sprintf(c.Instant, c.date(t, c.Date), t.Format(c.Clock))
		}
	case KindStamp:
		t := a.Time.UTC()
		clock := c.Clock
		if !t.Equal(t.Truncate(time.Minute)) { // exact to the nanosecond, as RFC 3339 is
			clock = c.Seconds
		}
		s = p.Sprintf(c.Stamp, c.date(t, c.Date), t.Format(clock), t.Format(time.RFC3339Nano))
	case KindNumber:
		s = p.Sprintf("%d", a.N)
	case KindDays:
		s = p.Sprintf("unit.days", a.N)
	case KindCount:
		s = p.Sprintf("unit."+a.Term, a.N)
	case KindTerm:
		s = p.Sprintf(a.Term)
	case KindRoles:
		s = c.roles(p, a.Terms)
	case KindText:
		s = a.Term
	case KindQuoted:
		s = strconv.Quote(a.Term)
	case KindList:
		s = strings.Join(a.Terms, ", ")
	case KindMessage:
		if a.Msg != nil {
			s = c.render(p, *a.Msg)
		}
	default:
		return "%!(BAD ARG)"
	}
	if a.Cap {
		r, n := utf8.DecodeRuneInString(s)
		s = string(unicode.ToUpper(r)) + s[n:]
	}
	return s
}

// date renders the UTC day of t with the template f.
func (c *Catalog) date(t time.Time, f string) string {
	t = t.UTC()
	return fill(f, strconv.Itoa(t.Day()), c.Months[t.Month()-1], strconv.Itoa(t.Year()), t.Format(time.DateOnly))
}

// fill replaces %[1]s … %[9]s in f by args, in one pass and without a
// printer: a date's year must not get the digit grouping of a number.
func fill(f string, args ...string) string {
	var b strings.Builder
	b.Grow(len(f) + 16)
	for {
		i := strings.Index(f, "%[")
		if i < 0 || i+4 >= len(f) || f[i+3] != ']' || f[i+4] != 's' || f[i+2] < '1' || int(f[i+2]-'1') >= len(args) {
			if i < 0 {
				b.WriteString(f)
				return b.String()
			}
			b.WriteString(f[:i+2])
			f = f[i+2:]
			continue
		}
		b.WriteString(f[:i])
		b.WriteString(args[f[i+2]-'1'])
		f = f[i+5:]
	}
}

func (c *Catalog) roles(p *message.Printer, keys []string) string {
	switch len(keys) {
	case 0:
		return p.Sprintf("role.nobody")
	case 1:
		return p.Sprintf(keys[0])
	}
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = p.Sprintf(k)
	}
	return strings.Join(parts[:len(parts)-1], ", ") + c.Or + parts[len(parts)-1]
}
