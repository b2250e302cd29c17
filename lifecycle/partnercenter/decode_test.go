package partnercenter_test

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/lifecycle/partnercenter"
)

// readFixture decodes a file of testdata.
func readFixture(t testing.TB, name string) []partnercenter.Subscription {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	subs, err := partnercenter.Decode(f)
	if err != nil {
		t.Fatalf("Decode(%s): %v", name, err)
	}
	return subs
}

// refusal is what a test checks of an error: the item it names (-1 for
// none), the field and the option.
type refusal struct {
	Item   int
	ID     string
	Field  string
	Option string
}

func refusalOf(err error) refusal {
	r := refusal{Item: -1}
	var ie *partnercenter.ItemError
	if errors.As(err, &ie) {
		r.Item, r.ID = ie.Index, ie.ID
	}
	var fe *partnercenter.FieldError
	if errors.As(err, &fe) {
		r.Field, r.Option = fe.Field, fe.Option
	}
	return r
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name, reason string
		in           string
		wantIDs      []string // nil when an error is wanted
		want         refusal
	}{
		{name: "object", reason: "one Subscription resource, as GET …/subscriptions/{id} returns it",
			in: `{"id": "a", "status": "active"}`, wantIDs: []string{"a"}},
		{name: "collection", reason: "the collection shape of GET …/subscriptions",
			in: `{"totalCount": 2, "items": [{"id": "a"}, {"id": "b"}], "links": {"self": {"uri": "/x"}}, "attributes": {"objectType": "Collection"}}`, wantIDs: []string{"a", "b"}},
		{name: "empty collection", reason: "a customer with no subscriptions",
			in: `{"totalCount": 0, "items": [], "attributes": {"objectType": "Collection"}}`, wantIDs: []string{}},
		{name: "totalCount not checked", reason: "totalCount counts every page; the documented example has 37 and one item",
			in: `{"totalCount": 37, "items": [{"id": "a"}]}`, wantIDs: []string{"a"}},
		{name: "keys without case", reason: "the suspend example writes \"Id\"; encoding/json matches keys without case",
			in: `{"Id": "a", "ITEMS_NOT": 1}`, wantIDs: []string{"a"}},
		{name: "Items key without case", in: `{"Items": [{"id": "a"}], "Attributes": {"ObjectType": "collection"}}`, wantIDs: []string{"a"}},
		{name: "unknown fields", reason: "Partner Center adds fields",
			in: `{"id": "a", "futureField": {"x": [1, 2]}, "anotherOne": null}`, wantIDs: []string{"a"}},
		{name: "byte order mark", reason: "a UTF-8 HTTP body may begin with one",
			in: "\uFEFF" + `{"id": "a"}`, wantIDs: []string{"a"}},
		{name: "white space", in: " \n\t{\"id\": \"a\"}\r\n", wantIDs: []string{"a"}},

		{name: "empty", in: ``, want: refusal{Item: -1, Field: "(document)"}},
		{name: "array", reason: "not a documented shape", in: `[{"id": "a"}]`, want: refusal{Item: -1, Field: "(document)"}},
		{name: "null", reason: "would decode to a zero Subscription", in: `null`, want: refusal{Item: -1, Field: "(document)"}},
		{name: "string", in: `"a"`, want: refusal{Item: -1, Field: "(document)"}},
		{name: "truncated", in: `{"id": "a"`, want: refusal{Item: -1, Field: "(document)"}},
		{name: "trailing data", in: `{"id": "a"} {"id": "b"}`, want: refusal{Item: -1, Field: "(document)"}},
		{name: "syntax in items", reason: "the reference's examples have trailing commas",
			in: `{"items": [{"id": "a",}]}`, want: refusal{Item: -1, Field: "items[0]"}},
		{name: "syntax in a field", in: `{"id": "a", "links": {"self": }}`, want: refusal{Item: -1, Field: "links"}},
		{name: "items null", in: `{"items": null}`, want: refusal{Item: -1, Field: "items"}},
		{name: "items object", in: `{"items": {"id": "a"}}`, want: refusal{Item: -1, Field: "items"}},
		{name: "items twice", reason: "which page is meant?", in: `{"items": [], "Items": []}`, want: refusal{Item: -1, Field: "items"}},
		{name: "attributes not an object", in: `{"id": "a", "attributes": 5}`, want: refusal{Item: -1, Field: "attributes"}},
		{name: "collection of another type", in: `{"items": [], "attributes": {"objectType": "Subscription"}}`, want: refusal{Item: -1, Field: "attributes.objectType"}},
		{name: "object of another type", reason: "a Customer resource is not a subscription",
			in: `{"id": "c", "attributes": {"objectType": "Customer"}}`, want: refusal{Item: -1, Field: "attributes.objectType"}},
		{name: "item of another type", in: `{"items": [{"id": "o", "attributes": {"objectType": "Order"}}]}`, want: refusal{Item: 0, ID: "o", Field: "attributes.objectType"}},
		{name: "item null", in: `{"items": [null]}`, want: refusal{Item: 0, Field: "(item)"}},
		{name: "item number", in: `{"items": [{"id": "a"}, 1]}`, want: refusal{Item: 1, Field: "(item)"}},
		{name: "quantity a string", in: `{"items": [{"id": "a"}, {"id": "b", "quantity": "10"}]}`, want: refusal{Item: 1, ID: "b", Field: "quantity"}},
		{name: "quantity a fraction", in: `{"id": "a", "quantity": 1.5}`, want: refusal{Item: 0, ID: "a", Field: "quantity"}},
		{name: "nested field", in: `{"id": "a", "productType": {"id": 3}}`, want: refusal{Item: 0, ID: "a", Field: "productType.id"}},
		{name: "autoRenewEnabled a string", in: `{"id": "a", "autoRenewEnabled": "true"}`, want: refusal{Item: 0, ID: "a", Field: "autoRenewEnabled"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			subs, err := partnercenter.Decode(strings.NewReader(tt.in))
			if tt.wantIDs != nil {
				if err != nil {
					t.Fatalf("Decode: %v (%s)", err, tt.reason)
				}
				ids := []string{}
				for _, s := range subs {
					ids = append(ids, s.ID)
				}
				if diff := cmp.Diff(tt.wantIDs, ids); diff != "" {
					t.Errorf("Decode() ids mismatch (-want +got):\n%s", diff)
				}
				return
			}
			if err == nil || subs != nil {
				t.Fatalf("Decode = %d subscriptions, %v; want none and an error (%s)", len(subs), err, tt.reason)
			}
			if !errors.Is(err, partnercenter.ErrInvalid) || !errors.Is(err, lifecycle.ErrInvalid) {
				t.Errorf("Decode error %v does not match ErrInvalid and lifecycle.ErrInvalid", err)
			}
			if diff := cmp.Diff(tt.want, refusalOf(err)); diff != "" {
				t.Errorf("Decode() refusal mismatch (-want +got):\n%s\nerror: %v", diff, err)
			}
		})
	}
}

// TestDecodeFields checks that each documented field lands in its Go
// field, from the reference's new-commerce example.
func TestDecodeFields(t *testing.T) {
	subs := readFixture(t, "reference/software.json")
	q, on := 1, true
	want := partnercenter.Subscription{
		ID:                           "d3b7c9a2-9a4b-40b2-b075-6e442909e3e7",
		OfferID:                      "DG7GMGF0DVSV:000P:DG7GMGF0F3Q9",
		OfferName:                    "Windows Server Remote Desktop Services CAL - 1 User CAL – 3 year",
		FriendlyName:                 "Windows Server Remote Desktop Services CAL - 1 User CAL – 3 year",
		ProductType:                  &partnercenter.ItemType{ID: "Software", DisplayName: "Software"},
		Quantity:                     &q,
		UnitType:                     "Licenses",
		CreationDate:                 "2021-09-14T16:44:14.1210743Z",
		EffectiveStartDate:           "2021-09-14T16:44:03.4609789Z",
		CommitmentEndDate:            "2024-09-13T00:00:00Z",
		CancellationAllowedUntilDate: "2021-10-14T23:59:00Z",
		Status:                       "active",
		AutoRenewEnabled:             &on,
		ScheduledNextTermInstructions: &partnercenter.NextTermInstructions{
			Product:  partnercenter.ProductTerm{ProductID: "DG7GMGF0DVSV", SkuID: "000P", AvailabilityID: "DG7GMGF0F3Q9", BillingCycle: "Annual", TermDuration: "P3Y"},
			Quantity: &q,
		},
		BillingType:        "license",
		BillingCycle:       "triennial",
		TermDuration:       "P3Y",
		IsMicrosoftProduct: &on,
		ContractType:       "subscription",
		OrderID:            "123456789101",
		Attributes:         partnercenter.Attributes{ObjectType: "Subscription"},
	}
	if diff := cmp.Diff([]partnercenter.Subscription{want}, subs); diff != "" {
		t.Errorf("Decode(software.json) mismatch (-want +got):\n%s", diff)
	}
	// The suspend example's PascalCase keys reach the same fields.
	pascal := readFixture(t, "reference/legacy-suspended.json")[0]
	got := []string{pascal.ID, pascal.Status, pascal.CommitmentEndDate, pascal.Attributes.ObjectType}
	if diff := cmp.Diff([]string{"83ef9d05-4169-4ef9-9657-0e86b1eab1de", "suspended", "2016-12-12T08:00:00Z", "Subscription"}, got); diff != "" {
		t.Errorf("Decode(legacy-suspended.json) mismatch (-want +got):\n%s", diff)
	}
}

func TestDecodeLimits(t *testing.T) {
	items := func(n int) string {
		return `{"items": [` + strings.TrimSuffix(strings.Repeat(`{},`, n), ",") + `]}`
	}
	subs, err := partnercenter.Decode(strings.NewReader(items(partnercenter.MaxItems)))
	if err != nil || len(subs) != partnercenter.MaxItems {
		t.Errorf("Decode(MaxItems items) = %d, %v; want %d, nil", len(subs), err, partnercenter.MaxItems)
	}
	var le *partnercenter.LimitError
	subs, err = partnercenter.Decode(strings.NewReader(items(partnercenter.MaxItems + 1)))
	if !errors.As(err, &le) || le.What != "items" || subs != nil || !errors.Is(err, partnercenter.ErrTooLarge) {
		t.Errorf("Decode(MaxItems+1 items) = %d, %v; want a *LimitError on items", len(subs), err)
	}

	// MaxBytes of white space around one object is read; one byte more is
	// not.
	obj := `{"id": "a"}`
	pad := strings.Repeat(" ", partnercenter.MaxBytes-len(obj))
	if subs, err := partnercenter.Decode(strings.NewReader(obj + pad)); err != nil || len(subs) != 1 {
		t.Errorf("Decode(MaxBytes bytes) = %d, %v; want 1, nil", len(subs), err)
	}
	subs, err = partnercenter.Decode(strings.NewReader(obj + pad + " "))
	if !errors.As(err, &le) || le.What != "bytes" || subs != nil {
		t.Errorf("Decode(MaxBytes+1 bytes) = %d, %v; want a *LimitError on bytes", len(subs), err)
	}
}

func TestDecodeReader(t *testing.T) {
	if subs, err := partnercenter.Decode(nil); err == nil || subs != nil {
		t.Errorf("Decode(nil) = %v, %v; want an error", subs, err)
	}
	// A reader's error is the reader's, not invalid input.
	broken := errors.New("connection reset")
	subs, err := partnercenter.Decode(iotest.ErrReader(broken))
	if !errors.Is(err, broken) || errors.Is(err, partnercenter.ErrInvalid) || subs != nil {
		t.Errorf("Decode(failing reader) = %v, %v; want the reader's error only", subs, err)
	}
	// One byte at a time is the same input.
	in := readBytes(t, "testdata/collection.json")
	subs, err = partnercenter.Decode(iotest.OneByteReader(bytes.NewReader(in)))
	if err != nil || len(subs) != 6 {
		t.Errorf("Decode(one byte at a time) = %d, %v; want 6, nil", len(subs), err)
	}
}

// TestDecodeJoinsItems checks that every bad item is reported, with its
// index, up to 100 of them.
func TestDecodeJoinsItems(t *testing.T) {
	bad := func(n int) string {
		return `{"items": [{"id": "ok"},` + strings.TrimSuffix(strings.Repeat(`{"id": "x", "quantity": "q"},`, n), ",") + `]}`
	}
	_, err := partnercenter.Decode(strings.NewReader(bad(3)))
	var got []int
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		got = append(got, refusalOf(e).Item)
	}
	if diff := cmp.Diff([]int{1, 2, 3}, got); diff != "" {
		t.Errorf("Decode(3 bad items) indexes mismatch (-want +got):\n%s", diff)
	}
	_, err = partnercenter.Decode(strings.NewReader(bad(150)))
	errs := err.(interface{ Unwrap() []error }).Unwrap()
	if len(errs) != 101 || !strings.Contains(errs[100].Error(), "50 more items") || !errors.Is(errs[100], partnercenter.ErrInvalid) {
		t.Errorf("Decode(150 bad items) = %d errors, last %v; want 100 and a count of 50 more", len(errs), errs[len(errs)-1])
	}
}

func readBytes(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
