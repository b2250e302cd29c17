package lifecycle_test

import (
	"encoding/json"
	"fmt"

	"github.com/lapse-go/lapse/lifecycle"
)

// ParseState reads the admin center's names, the enterprise and legacy
// names and Partner Center's subscription status values, in any case; the
// state always prints by its own name. Partner Center's "pending" is no
// lifecycle state.
func ExampleParseState() {
	for _, name := range []string{"Disabled", "suspended", "Grace", "Deprovisioned", "pending"} {
		s, err := lifecycle.ParseState(name)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s → %v\n", name, s)
	}
	// Output:
	// Disabled → disabled
	// suspended → suspended
	// Grace → expired
	// Deprovisioned → deleted
	// lifecycle: State = "pending": Partner Center's status "pending" is a subscription not yet provisioned, before its lifecycle begins, not a lifecycle state; want one of active, expired, disabled, deleted, suspended (aliases: grace, inactive, deprovisioned)
}

// A RoleSet is a JSON array of role names, [] when empty, and its text is
// the names joined by "|".
func ExampleRoleSet_MarshalJSON() {
	roles := lifecycle.RolesOf(lifecycle.GlobalAdmin, lifecycle.BillingAdmin)
	js, _ := json.Marshal(roles)
	text, _ := roles.MarshalText()
	fmt.Printf("%s %s\n", js, text)

	var back lifecycle.RoleSet
	err := json.Unmarshal([]byte(`["Partner","support"]`), &back)
	fmt.Println(back.Phrase(), err)

	js, _ = json.Marshal(lifecycle.RoleSet(0))
	fmt.Printf("%s\n", js)
	// Output:
	// ["global-admin","billing-admin"] global-admin|billing-admin
	// the CSP partner or Microsoft support <nil>
	// []
}
