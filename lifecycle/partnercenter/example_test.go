package partnercenter_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/lifecycle/partnercenter"
	"github.com/lapse-go/lapse/policy"
)

// Import a page of a customer's subscriptions as Partner Center returns
// it (testdata/collection.json: a monthly, an annual with auto-renew off,
// a trial, a suspended one, one renewed since 2024, a legacy one) and ask
// lapse about each on 2026-06-20. Partner Center does not say when the
// suspended one was suspended: the partner's own records do. A renewed
// subscription is known from its current term on: d166, bought on
// 2024-01-31, is active since the term that began on 2026-04-30.
func ExampleImport() {
	f, err := os.Open("testdata/collection.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	subs, err := partnercenter.Import(f, partnercenter.Options{
		SuspendedAt: map[string]time.Time{
			"a4c1340d-6911-4758-bba3-0c4c6007d165": time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC),
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	at := time.Date(2026, 6, 20, 12, 0, 0, 0, time.UTC)
	for _, sub := range subs {
		st, err := lifecycle.Evaluate(sub, policy.Builtin(), at)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s %-10s %-7s %-9s since %s, term %s to %s\n", sub.ID()[len(sub.ID())-4:], sub.Channel(), sub.Term(),
			st.State(), st.Since().Format(time.DateOnly), st.TermStart(), st.TermEnd())
	}
	// Output:
	// d162 csp-nce    monthly active    since 2026-04-14, term 2026-06-14 to 2026-07-13
	// d163 csp-nce    annual  expired   since 2026-06-14, term 2025-06-14 to 2026-06-13
	// d164 csp-nce    annual  active    since 2026-05-31, term 2026-05-31 to 2027-05-30
	// d165 csp-nce    annual  suspended since 2026-03-02, term 2025-09-02 to 2026-09-01
	// d166 csp-nce    monthly active    since 2026-04-30, term 2026-05-31 to 2026-06-29
	// 8EEE csp-legacy annual  active    since 2025-02-10, term 2026-02-10 to 2027-02-09
}

// A suspended subscription needs the instant of its suspension, which
// Partner Center does not give: the error names the option that supplies
// it.
func ExampleSubscription_Spec() {
	f, err := os.Open("testdata/nce-suspended.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	subs, err := partnercenter.Decode(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	s := subs[0]
	_, err = s.Spec(partnercenter.Options{})
	var fe *partnercenter.FieldError
	if errors.As(err, &fe) && errors.Is(err, partnercenter.ErrMissing) {
		fmt.Println("refused:", fe.Field, "needs Options."+fe.Option)
	}
	spec, err := s.Spec(partnercenter.Options{
		SuspendedAt: map[string]time.Time{s.ID: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(spec.Channel, spec.Term, spec.Start.Format(time.RFC3339), "to", spec.End)
	fmt.Println(spec.History[0])
	// Output:
	// refused: status needs Options.SuspendedAt
	// csp-nce annual 2025-09-02T11:00:00Z to 2026-09-01
	// suspend at 2026-03-02T10:00:00Z
}

// Decode reads a single Subscription object as well as a collection, and
// names the item and field of what it cannot read.
func ExampleDecode() {
	_, err := partnercenter.Decode(strings.NewReader(`{"items": [{"id": "a", "quantity": 1}, {"id": "b", "quantity": "ten"}]}`))
	fmt.Println(err)
	var ie *partnercenter.ItemError
	if errors.As(err, &ie) {
		fmt.Println("item", ie.Index, "id", ie.ID)
	}
	// Output:
	// partnercenter: item 1 (id "b"): partnercenter: quantity = "string": want an integer
	// item 1 id b
}
