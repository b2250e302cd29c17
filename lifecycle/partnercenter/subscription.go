package partnercenter

// Subscription is one Partner Center Subscription resource as the REST
// API sends it: the documented fields that the mapping to lapse reads, or
// that identify the subscription, under their documented JSON names. It is
// a plain value, safe to copy; [Decode] returns new ones and nothing in
// this package changes them.
//
// The dates are kept as the strings Partner Center sends ("string in UTC
// date time format", such as "2021-01-14T16:57:15.0966728Z"): [Subscription.Spec]
// parses them and names the field of one it cannot read. Pointer fields
// are nil when the field is absent, so that a missing value is told apart
// from false or zero. Fields the API adds later, and documented fields
// lapse does not read (links, refundOptions, hasPurchasableAddons, …), are
// ignored.
//
// The zero Subscription has no id; Spec refuses it.
type Subscription struct {
	// ID is the subscription identifier ("id"), a GUID. Required.
	ID string `json:"id"`
	// OfferID ("offerId") is the offer identifier: a GUID for a legacy
	// offer, "productId:skuId:availabilityId" (such as
	// "CFQ7TTC0LH18:0001:CFQ7TTC0K971") in the new commerce catalog. It
	// decides the channel (see the package doc) and becomes Spec.Offer.
	OfferID string `json:"offerId"`
	// OfferName ("offerName") is the offer's name, such as "Microsoft 365
	// Business Basic"; a few names select a product (see the package doc).
	OfferName string `json:"offerName"`
	// FriendlyName ("friendlyName") is the partner's name for the
	// subscription; lapse does not read it.
	FriendlyName string `json:"friendlyName"`
	// ProductType ("productType") is the type of product the subscription
	// is for, such as {"id": "OnlineServicesNCE"}; nil when absent (legacy
	// responses omit it).
	ProductType *ItemType `json:"productType"`
	// Quantity ("quantity") is the license count for license-based
	// billing; it becomes Spec.Licenses. Required.
	Quantity *int `json:"quantity"`
	// UnitType ("unitType") is the unit of Quantity: "Licenses",
	// "Usage-based", …; lapse reads BillingType instead.
	UnitType string `json:"unitType"`
	// ParentSubscriptionID ("parentSubscriptionId") is the base
	// subscription of an add-on; lapse does not model the link.
	ParentSubscriptionID string `json:"parentSubscriptionId"`
	// CreationDate ("creationDate") is the instant the subscription was
	// created. It is the start when EffectiveStartDate is absent; otherwise
	// it is only checked to be a valid instant.
	CreationDate string `json:"creationDate"`
	// EffectiveStartDate ("effectiveStartDate") is "the effective start
	// date for this subscription", which Partner Center also uses "to back
	// date a migrated subscription or to align it with another". It is the
	// start of the first term; see the package doc.
	EffectiveStartDate string `json:"effectiveStartDate"`
	// CommitmentEndDate ("commitmentEndDate") is the end date of the
	// current term. New-commerce end dates are inclusive (the term ends at
	// the end of that UTC day); legacy end dates are not. Required.
	CommitmentEndDate string `json:"commitmentEndDate"`
	// CancellationAllowedUntilDate ("cancellationAllowedUntilDate") is the
	// last instant the partner may cancel in the current term, null when
	// cancellation is not allowed. lapse computes the window from its own
	// rules and does not read it.
	CancellationAllowedUntilDate string `json:"cancellationAllowedUntilDate"`
	// Status ("status") is "none", "active", "pending", "suspended",
	// "expired", "disabled" or "deleted". Required.
	Status string `json:"status"`
	// AutoRenewEnabled ("autoRenewEnabled") says whether the subscription
	// renews at the end of the current term; it becomes
	// Spec.RecurringBilling. Required.
	AutoRenewEnabled *bool `json:"autoRenewEnabled"`
	// BillingType ("billingType") is "none", "usage", "license" or
	// "benefit"; usage and benefit subscriptions are refused.
	BillingType string `json:"billingType"`
	// BillingCycle ("billingCycle") is how often the partner is billed
	// ("monthly", "annual", "none", …); lapse does not read it.
	BillingCycle string `json:"billingCycle"`
	// TermDuration ("termDuration") is the ISO 8601 duration of the
	// current term: "P1M", "P1Y" or "P3Y".
	TermDuration string `json:"termDuration"`
	// RenewalTermDuration ("renewalTermDuration") is the duration of the
	// next term; lapse does not read it (a term change at renewal is
	// known only once it happened).
	RenewalTermDuration string `json:"renewalTermDuration"`
	// IsTrial ("isTrial") says the subscription is a free trial; absent
	// reads as false, as in the responses that predate the field.
	IsTrial bool `json:"isTrial"`
	// IsMicrosoftProduct ("isMicrosoftProduct") is false for a commercial
	// marketplace (third-party) product; nil when absent.
	IsMicrosoftProduct *bool `json:"isMicrosoftProduct"`
	// ContractType ("contractType") is "subscription", "productKey" or
	// "redemptionCode"; only subscriptions are mapped.
	ContractType string `json:"contractType"`
	// PartnerID ("partnerId") is the MPN id of the reseller of record;
	// lapse does not read it.
	PartnerID string `json:"partnerId"`
	// OrderID ("orderId") is the order that began the subscription; lapse
	// does not read it.
	OrderID string `json:"orderId"`
	// SuspensionReasons ("suspensionReasons") says why a suspended
	// subscription was suspended; it carries no instant, and lapse does
	// not read it.
	SuspensionReasons []string `json:"suspensionReasons"`
	// ScheduledNextTermInstructions ("scheduledNextTermInstructions") is a
	// change scheduled for the next term; for a trial, its product's term
	// duration is the term the trial converts to.
	ScheduledNextTermInstructions *NextTermInstructions `json:"scheduledNextTermInstructions"`
	// Attributes ("attributes") holds the resource's object type,
	// "Subscription".
	Attributes Attributes `json:"attributes"`
}

// ItemType is Partner Center's ItemType: the type of a product, such as
// {"id": "OnlineServicesNCE", "displayName": "OnlineServicesNCE"}. It is a
// plain value.
type ItemType struct {
	// ID is the type identifier ("id").
	ID string `json:"id"`
	// DisplayName is the type's display name ("displayName").
	DisplayName string `json:"displayName"`
}

// NextTermInstructions is Partner Center's ScheduledNextTermInstructions:
// what the subscription becomes at its next renewal. It is a plain value.
type NextTermInstructions struct {
	// Product is the product, SKU, availability, billing cycle and term of
	// the next term ("product").
	Product ProductTerm `json:"product"`
	// Quantity is the license count of the next term ("quantity"); nil
	// when absent.
	Quantity *int `json:"quantity"`
	// CustomTermEndDate is the end date chosen for the next term, when it
	// is aligned with another subscription ("customTermEndDate").
	CustomTermEndDate string `json:"customTermEndDate"`
}

// ProductTerm is Partner Center's ProductTerm: the product and term a
// subscription continues with. It is a plain value.
type ProductTerm struct {
	ProductID      string `json:"productId"`      // "productId", such as "CFQ7TTC0LH18"
	SkuID          string `json:"skuId"`          // "skuId", such as "0001"
	AvailabilityID string `json:"availabilityId"` // "availabilityId"
	BillingCycle   string `json:"billingCycle"`   // "billingCycle", such as "Monthly"
	TermDuration   string `json:"termDuration"`   // "termDuration", such as "P1Y"
}

// Attributes is Partner Center's ResourceAttributes: metadata of a
// resource. It is a plain value.
type Attributes struct {
	// ObjectType is the resource's type ("objectType"): "Subscription" for
	// a subscription, "Collection" for a collection of them.
	ObjectType string `json:"objectType"`
	// Etag is the resource's version ("etag").
	Etag string `json:"etag"`
}
