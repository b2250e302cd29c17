package lifecycle

import (
	"bytes"
	"encoding"
	"encoding/json"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/lapse-go/lapse/policy"
)

// schema is the part of docs/lapse-subscription-v1.schema.json the test
// compares with the encoder.
type schema struct {
	AdditionalProperties *bool                     `json:"additionalProperties"`
	Required             []string                  `json:"required"`
	Properties           map[string]schemaProperty `json:"properties"`
	Defs                 map[string]schema         `json:"$defs"`
}

type schemaProperty struct {
	Const string   `json:"const"`
	Enum  []string `json:"enum"`
	Type  string   `json:"type"`
}

// tagsOf returns the json names of a struct type's fields, in order.
func tagsOf(t reflect.Type) []string {
	var out []string
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		out = append(out, name)
	}
	return out
}

// namesOf returns the text names of the valid values 1…255 of the enum
// type T, in order.
func namesOf[T interface {
	~uint8
	encoding.TextMarshaler
}]() []string {
	var out []string
	for i := 1; i < 256; i++ {
		if b, err := T(i).MarshalText(); err == nil {
			out = append(out, string(b))
		}
	}
	return out
}

func readSchema(t *testing.T) schema {
	t.Helper()
	b, err := os.ReadFile("../docs/lapse-subscription-v1.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var s schema
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatalf("the schema is not valid JSON: %v", err)
	}
	return s
}

// TestSchemaMatchesEncoder requires the JSON Schema of lapse-subscription/v1
// to describe exactly what the encoder writes: the same properties, no
// other allowed, the required ones, the format, and every enum's names.
func TestSchemaMatchesEncoder(t *testing.T) {
	s := readSchema(t)
	ev, ok := s.Defs["event"]
	if !ok {
		t.Fatal(`the schema has no $defs "event"`)
	}
	for _, c := range []struct {
		what     string
		s        schema
		fields   []string
		required []string
	}{
		{"subscription", s, tagsOf(reflect.TypeFor[specJSON]()), []string{"format", "channel", "term", "start", "end"}},
		{"event", ev, tagsOf(reflect.TypeFor[eventJSON]()), []string{"kind", "at"}},
	} {
		var props []string
		for k := range c.s.Properties {
			props = append(props, k)
		}
		slices.Sort(props)
		want := slices.Sorted(slices.Values(c.fields))
		if diff := cmp.Diff(want, props); diff != "" {
			t.Errorf("%s: schema properties differ from the encoder's fields (-encoder +schema):\n%s", c.what, diff)
		}
		if c.s.AdditionalProperties == nil || *c.s.AdditionalProperties {
			t.Errorf("%s: the schema allows additional properties; the decoder refuses them", c.what)
		}
		if diff := cmp.Diff(c.required, c.s.Required); diff != "" {
			t.Errorf("%s: required (-want +schema):\n%s", c.what, diff)
		}
	}
	if got := s.Properties["format"].Const; got != SubscriptionFormat {
		t.Errorf("schema format = %q, want %q", got, SubscriptionFormat)
	}
	for _, e := range []struct {
		path  string
		got   []string
		names []string
	}{
		{"channel", s.Properties["channel"].Enum, namesOf[policy.Channel]()},
		{"term", s.Properties["term"].Enum, namesOf[policy.Term]()},
		{"offerClass", s.Properties["offerClass"].Enum, namesOf[policy.OfferClass]()},
		{"history[].kind", ev.Properties["kind"].Enum, namesOf[EventKind]()},
		{"history[].actor", ev.Properties["actor"].Enum, namesOf[Role]()},
	} {
		if diff := cmp.Diff(e.names, e.got); diff != "" {
			t.Errorf("schema %s enum (-names +schema):\n%s", e.path, diff)
		}
	}
}

// TestSchemaDoc requires docs/subscription-json.md to list the fields the
// encoder writes in its tables, in the order it writes them, and its
// example to be exactly what lapse writes of the subscription it decodes
// to, a subscription the built-in table judges.
func TestSchemaDoc(t *testing.T) {
	b, err := os.ReadFile("../docs/subscription-json.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	// The two field tables, in order: the subscription's, then an event's.
	row := regexp.MustCompile("(?m)^\\| `([a-zA-Z]+)` \\|")
	_, fields, _ := strings.Cut(doc, "## Fields")
	fields, _, _ = strings.Cut(fields, "## Reading")
	top, event, ok := strings.Cut(fields, "An event of `history`")
	if !ok {
		t.Fatal("docs/subscription-json.md has no event table")
	}
	for _, c := range []struct {
		what, table string
		want        []string
	}{
		{"subscription", top, tagsOf(reflect.TypeFor[specJSON]())},
		{"event", event, tagsOf(reflect.TypeFor[eventJSON]())},
	} {
		var got []string
		for _, m := range row.FindAllStringSubmatch(c.table, -1) {
			got = append(got, m[1])
		}
		if diff := cmp.Diff(c.want, got); diff != "" {
			t.Errorf("docs/subscription-json.md: the %s table (-encoder +doc):\n%s", c.what, diff)
		}
	}

	_, ex, ok := strings.Cut(doc, "```json\n")
	ex, _, ok2 := strings.Cut(ex, "```")
	if !ok || !ok2 {
		t.Fatal("docs/subscription-json.md has no ```json example")
	}
	var sub Subscription
	if err := json.Unmarshal([]byte(ex), &sub); err != nil {
		t.Fatalf("the example does not decode: %v", err)
	}
	if _, err := Judge(sub, policy.Builtin()); err != nil {
		t.Errorf("the example decodes to a subscription the built-in table refuses: %v", err)
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, []byte(ex)); err != nil {
		t.Fatal(err)
	}
	if got, err := json.Marshal(sub); err != nil || string(got) != compact.String() {
		t.Errorf("lapse writes the example's subscription as\n%s (%v)\nnot as the example\n%s", got, err, compact.String())
	}
}
