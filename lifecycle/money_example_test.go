package lifecycle_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"golang.org/x/text/language"

	"github.com/lapse-go/lapse/lifecycle"
)

// ExampleParseMoneyIn reads amounts as a German, an English and a French
// customer write them. ParseMoney takes only the full stop that Go and
// JSON write, and says which function reads a decimal comma.
func ExampleParseMoneyIn() {
	de, _ := lifecycle.ParseMoneyIn("1.234,50", "EUR", language.German)
	en, _ := lifecycle.ParseMoneyIn("1,234.50", "USD", language.English)
	fr, _ := lifecycle.ParseMoneyIn("1\u202f234,50", "EUR", language.French)
	fmt.Println(de, en, fr)

	_, err := lifecycle.ParseMoney("12,50", "EUR")
	fmt.Println(err)
	_, err = lifecycle.ParseMoneyIn("1.234", "BHD", language.German) // 1234 or 1.234 dinars?
	fmt.Println(err)
	_, err = lifecycle.ParseMoneyIn("1’234.50", "CHF", language.MustParse("de-CH"))
	fmt.Println(errors.Is(err, lifecycle.ErrInvalid))
	// Output:
	// 1234.50 EUR $1234.50 1234.50 EUR
	// lifecycle: Money = "12,50": a decimal comma needs a locale: use ParseMoneyIn with the amount's language, such as language.German
	// lifecycle: Money = "1.234": ambiguous: BHD has 3 decimal digits, so '.' may be a decimal separator; write the fraction after ',', or no group separator
	// true
}

// ExampleMoney_MarshalJSON shows a price in JSON: the amount is a decimal
// string, never a float, and decoding refuses what the currency cannot
// hold.
func ExampleMoney_MarshalJSON() {
	type line struct {
		Item  string          `json:"item"`
		Price lifecycle.Money `json:"price"`
	}
	b, _ := json.Marshal(line{"Microsoft 365 Business Standard", lifecycle.USD(1250)})
	fmt.Println(string(b))

	var l line
	err := json.Unmarshal([]byte(`{"item":"Exchange Online","price":{"amount":"4.00","currency":"EUR"}}`), &l)
	fmt.Println(l.Price, err)

	err = json.Unmarshal([]byte(`{"price":{"amount":"1.5","currency":"JPY"}}`), &l)
	fmt.Println(err)
	err = json.Unmarshal([]byte(`{"price":{"amount":4.00,"currency":"EUR"}}`), &l)
	fmt.Println(err)
	// Output:
	// {"item":"Microsoft 365 Business Standard","price":{"amount":"12.50","currency":"USD"}}
	// 4.00 EUR <nil>
	// lifecycle: Money = "1.5": JPY has no decimal digits, not 1
	// lifecycle: Money = "{\"amount\":4.00,\"currency\":\"EUR\"}": "amount" must be a string, such as "18.57": a JSON number may pass through a float
}

// ExampleMinorDigits gives the scale of Money.Minor in a currency, for a
// caller that formats amounts itself.
func ExampleMinorDigits() {
	for _, c := range []string{"JPY", "USD", "BHD", "CLF", "eur", "XAU"} {
		d, err := lifecycle.MinorDigits(c)
		fmt.Println(c, d, err)
	}
	// Output:
	// JPY 0 <nil>
	// USD 2 <nil>
	// BHD 3 <nil>
	// CLF 4 <nil>
	// eur 0 lifecycle: Money.Currency = "eur": ISO 4217 codes are upper case: want "EUR"
	// XAU 0 lifecycle: Money.Currency = "XAU": ISO 4217 gives it no minor unit: not a currency an amount can be kept in
}
