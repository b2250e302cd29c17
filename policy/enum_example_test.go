package policy_test

import (
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/lapse-go/lapse/policy"
)

// Partner Center states a subscription's term as an ISO 8601 duration;
// ParseTerm reads it, in any case, and the term prints by its own name.
func ExampleParseTerm() {
	for _, s := range []string{"P1Y", "P3Y", "p1y", "P5Y"} {
		t, err := policy.ParseTerm(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s → %v (%d months)\n", s, t, t.Months())
	}
	// Output:
	// P1Y → annual (12 months)
	// P3Y → multi-year (36 months)
	// p1y → annual (12 months)
	// policy: Term = "P5Y": unknown Term; want one of monthly, annual, multi-year (aliases: P1M, P1Y, P3Y, three-year)
}

// A Channel is a database column of its own: Value writes the canonical
// name, Scan reads a string or []byte column in any case or by an alias.
// SQL NULL is refused; a nullable column scans into sql.Null[Channel].
func ExampleChannel_Scan() {
	var v driver.Valuer = policy.CSPNewCommerce
	stored, err := v.Value()
	fmt.Printf("%#v %v\n", stored, err)

	var c policy.Channel
	for _, src := range []any{[]byte("csp-nce"), "NCE", "Direct-MOSA"} {
		if err := c.Scan(src); err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(c)
	}

	err = c.Scan(nil)
	var fe *policy.FieldError
	fmt.Println(errors.As(err, &fe), fe.Field, err)

	var null sql.Null[policy.Channel]
	fmt.Println(null.Scan(nil), null.Valid)

	_, err = policy.Channel(0).Value()
	fmt.Println(err)
	// Output:
	// "csp-nce" <nil>
	// csp-nce
	// csp-nce
	// direct-mosa
	// true Channel policy: Channel = <nil>: SQL NULL is not a Channel; scan a nullable column into sql.Null[Channel]
	// <nil> false
	// policy: Channel = 0: not a valid Channel
}

// A TermSet's text is "any" or names joined by "|"; its JSON is an array,
// [] for the empty set, which matches every term.
func ExampleTermSet_MarshalJSON() {
	for _, s := range []policy.TermSet{0, policy.TermsOf(policy.Annual, policy.Monthly)} {
		text, _ := s.MarshalText()
		js, _ := json.Marshal(s)
		fmt.Printf("%s %s\n", text, js)
	}
	var s policy.TermSet
	err := json.Unmarshal([]byte(`["P1Y","P3Y"]`), &s)
	fmt.Println(s, err, s.Has(policy.Monthly))
	// Output:
	// any []
	// monthly|annual ["monthly","annual"]
	// annual|multi-year <nil> false
}
