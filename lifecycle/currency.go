package lifecycle

import "fmt"

// iso4217 is ISO 4217 list one (current currencies and funds) as
// published on 2026-01-01 by SIX Financial Information, the maintenance
// agency: each code followed by the number of decimal digits of its
// minor unit, or '-' where the list gives none ("N.A."): the precious
// metals XAG, XAU, XPD and XPT, the bond market units XBA to XBD, the SDR
// XDR, the Sucre XSU, the ADB unit of account XUA, the testing code XTS
// and XXX, "no currency". Sorted, four bytes a code, so that a lookup is
// a binary search over a constant: nothing to initialise, nothing a
// caller could change.
//
// It is written here rather than taken from golang.org/x/text/currency,
// whose data is CLDR 32 (2017): CLDR's digits are those a display rounds
// to, not ISO's minor units (IDR, COP, IQD and 19 others differ), it
// lacks the codes created since (MRU, SLE, UYW, VES, VED, XAD, XCG, ZWG),
// keeps withdrawn ones (BGN, CUC, HRK, …), gives two digits to codes
// without a minor unit (XAU, XXX), and its ParseISO accepts "eur".
// currency_internal_test.go checks this table against it, difference by
// difference.
const iso4217 = "" +
	"AED2AFN2ALL2AMD2AOA2ARS2AUD2AWG2AZN2" +
	"BAM2BBD2BDT2BHD3BIF0BMD2BND2BOB2BOV2BRL2BSD2BTN2BWP2BYN2BZD2" +
	"CAD2CDF2CHE2CHF2CHW2CLF4CLP0CNY2COP2COU2CRC2CUP2CVE2CZK2" +
	"DJF0DKK2DOP2DZD2" +
	"EGP2ERN2ETB2EUR2" +
	"FJD2FKP2" +
	"GBP2GEL2GHS2GIP2GMD2GNF0GTQ2GYD2" +
	"HKD2HNL2HTG2HUF2" +
	"IDR2ILS2INR2IQD3IRR2ISK0" +
	"JMD2JOD3JPY0" +
	"KES2KGS2KHR2KMF0KPW2KRW0KWD3KYD2KZT2" +
	"LAK2LBP2LKR2LRD2LSL2LYD3" +
	"MAD2MDL2MGA2MKD2MMK2MNT2MOP2MRU2MUR2MVR2MWK2MXN2MXV2MYR2MZN2" +
	"NAD2NGN2NIO2NOK2NPR2NZD2" +
	"OMR3" +
	"PAB2PEN2PGK2PHP2PKR2PLN2PYG0" +
	"QAR2" +
	"RON2RSD2RUB2RWF0" +
	"SAR2SBD2SCR2SDG2SEK2SGD2SHP2SLE2SOS2SRD2SSP2STN2SVC2SYP2SZL2" +
	"THB2TJS2TMT2TND3TOP2TRY2TTD2TWD2TZS2" +
	"UAH2UGX0USD2USN2UYI0UYU2UYW4UZS2" +
	"VED2VES2VND0VUV0" +
	"WST2" +
	"XAD2XAF0XAG-XAU-XBA-XBB-XBC-XBD-XCD2XCG2XDR-XOF0XPD-XPF0XPT-XSU-XTS-XUA-XXX-" +
	"YER2" +
	"ZAR2ZMW2ZWG2"

// iso4217Digits looks code up in ISO 4217 list one: the digits of its
// minor unit and true; -1 and true for a code listed without a minor
// unit; false for a code not listed (lower case included).
func iso4217Digits(code string) (int, bool) {
	if len(code) != 3 {
		return 0, false
	}
	lo, hi := 0, len(iso4217)/4
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		switch c := iso4217[4*mid : 4*mid+3]; {
		case c < code:
			lo = mid + 1
		case c > code:
			hi = mid
		default:
			if d := iso4217[4*mid+3]; d != '-' {
				return int(d - '0'), true
			}
			return -1, true
		}
	}
	return 0, false
}

// MinorDigits returns the number of decimal digits of the minor unit of
// an ISO 4217 currency, the scale of [Money.Minor]: 2 for "USD" (cents),
// 0 for "JPY", 3 for "BHD", 4 for "CLF". The code must be a current code
// of ISO 4217 list one (2026-01-01), in upper case. Any other code is a
// *FieldError naming Money.Currency and the code: a lower-case one (the
// error suggests "EUR" for "eur"), an unknown or withdrawn one ("XYZ",
// "HRK"), and one that ISO 4217 lists without a minor unit — the precious
// metals (XAU, …), the bond market units, XDR, XSU, XUA, the testing code
// XTS and XXX, "no currency" — which are not currencies an amount in
// minor units can be kept in.
func MinorDigits(currency string) (int, error) {
	d, ok := iso4217Digits(currency)
	switch {
	case ok && d >= 0:
		return d, nil
	case ok:
		return 0, &FieldError{Field: "Money.Currency", Value: clip(currency),
			Reason: "ISO 4217 gives it no minor unit: not a currency an amount can be kept in"}
	case currency == "":
		return 0, &FieldError{Field: "Money.Currency", Value: clip(currency),
			Reason: "want an ISO 4217 currency code such as USD"}
	}
	if up := asciiUpper(currency); up != currency {
		if d, ok := iso4217Digits(up); ok && d >= 0 {
			return 0, &FieldError{Field: "Money.Currency", Value: clip(currency),
				Reason: fmt.Sprintf("ISO 4217 codes are upper case: want %q", up)}
		}
	}
	return 0, &FieldError{Field: "Money.Currency", Value: clip(currency),
		Reason: "not a current ISO 4217 currency code"}
}

// asciiUpper returns s with the ASCII letters a to z in upper case, and
// nothing else changed.
func asciiUpper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - ('a' - 'A')
		}
	}
	return string(b)
}
