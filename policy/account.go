package policy

// AccountRules are the rules of a billing account or a tenant as a whole
// rather than of one subscription: MCA dunning (R-MISC-1), the blocking of
// an inactive billing account (R-MISC-2), accelerated deprovisioning
// (R-DAT-6) and which payment methods can be added (R-PAY-4). Day counts are calendar days on UTC dates (DC-1, DC-2).
//
// They are not effective-dated: each is documented by one source only
// ([D-DUN-2025-09], [D-INACT-2025-09], [P-TRAIN], [D-PAY-2024-02]). A value is plain and
// safe to copy; the zero value holds no rules (every count 0).
type AccountRules struct {
	// Cite names the rule ids and sources of the values.
	Cite Citation
	// DunningMinDays and DunningMaxDays bound the deactivation of services
	// after an unpaid invoice's due date: "ranges from two to 30 days,
	// depending on the customer type and scenario" (R-MISC-1).
	DunningMinDays int
	DunningMaxDays int
	// ChargebackDays is the latest deactivation of unpaid assets after a
	// chargeback is accepted: "within one day" (R-MISC-1).
	ChargebackDays int
	// InactiveMonths is the least inactivity (no usage, no sign-in, no
	// open support request) before the notification: "a minimum of a
	// 12-month period" (R-MISC-2).
	InactiveMonths int
	// InactiveBlockDays is how long after the notification a still
	// inactive billing account is blocked: 30 (R-MISC-2).
	InactiveBlockDays int
	// LockoutPurgeDays is when all user data is deleted after the
	// administrator enters the lockout code of an accelerated
	// deprovisioning: "three days after" (R-DAT-6).
	LockoutPurgeDays int
	// PaymentCountryMatchesTenant says that a payment method must be
	// "issued from the same country/region as your tenant" (R-PAY-4).
	PaymentCountryMatchesTenant bool
	// BankAccounts says whether a bank account can be added as a payment
	// method; bank accounts are "no longer available" (R-PAY-4): false.
	BankAccounts bool
}

// BuiltinAccount returns the built-in account rules, each value cited.
func BuiltinAccount() AccountRules { return builtinAccount }
