package partnercenter

import (
	"strings"

	"github.com/lapse-go/lapse/policy"
)

// productTypeNCE is the productType id of a license-based new-commerce
// subscription in Partner Center's examples.
const productTypeNCE = "OnlineServicesNCE"

// channel returns the channel of s: opts.Channel when set (Options.check
// made sure it is a CSP channel), else the one its productType and
// offerId document (see the package doc).
func (s *Subscription) channel(opts *Options) (policy.Channel, error) {
	if opts.Channel != 0 {
		return opts.Channel, nil
	}
	nceType := s.ProductType != nil && strings.EqualFold(s.ProductType.ID, productTypeNCE)
	switch {
	case nceType && isGUID(s.OfferID):
		return 0, &FieldError{Field: "offerId", Value: s.OfferID, Option: "Channel",
			Reason: "a legacy offer GUID on a subscription whose productType.id is " + productTypeNCE}
	case nceType, isCatalogOffer(s.OfferID):
		return policy.CSPNewCommerce, nil
	case isGUID(s.OfferID):
		return policy.CSPLegacy, nil
	}
	return 0, &FieldError{Field: "offerId", Value: s.OfferID, Option: "Channel",
		Reason: "neither a new-commerce catalog id (productId:skuId[:availabilityId], such as CFQ7TTC0LH18:0001:CFQ7TTC0K971) " +
			"nor a legacy offer GUID, and productType.id is not " + productTypeNCE}
}

// isCatalogOffer reports whether id has the form of an offer of the new
// commerce catalog: a 12-character product id and a 4-character SKU id,
// optionally followed by a 12-character availability id, joined by
// colons ("CFQ7TTC0LH18:0001", "CFQ7TTC0LH18:0001:CFQ7TTC0K971").
func isCatalogOffer(id string) bool {
	parts := strings.Split(id, ":")
	if len(parts) != 2 && len(parts) != 3 {
		return false
	}
	for i, p := range parts {
		want := 12
		if i == 1 {
			want = 4
		}
		if len(p) != want || !alnum(p) {
			return false
		}
	}
	return true
}

// isGUID reports whether id is a GUID in its 8-4-4-4-12 hexadecimal form,
// the form of a legacy offer id ("2828BE95-46BA-4F91-B2FD-0BEF192ECF60").
func isGUID(id string) bool {
	if len(id) != 36 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
				return false
			}
		}
	}
	return true
}

func alnum(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

// offerNames are the offer names that select a lapse product: rules
// specific to the product (RULES.md §1.1 row 7a, R-LIC-5, R-CAN-17) or
// override rows a caller's table scopes by it. A name matches when the
// offer name contains it, ignoring case.
var offerNames = []struct {
	name    string
	product policy.Product
}{
	{"Microsoft 365 Copilot", policy.Copilot},
	{"Extra File Storage", policy.ExtraFileStorage},
	{"Business Central", policy.BusinessCentral},
}

// product returns the lapse product of s ("" for none) and whether its
// licenses are not assigned per user.
func (s *Subscription) product() (p policy.Product, nonUser bool, err error) {
	if s.ProductType != nil {
		switch {
		case strings.EqualFold(s.ProductType.ID, "Azure"):
			return "", false, &FieldError{Field: "productType.id", Value: s.ProductType.ID,
				Reason: "an Azure subscription: lapse models Microsoft 365 license-based subscriptions"}
		case strings.EqualFold(s.ProductType.ID, "Software"):
			if s.TermDuration == "" {
				return "", false, &FieldError{Field: "productType.id", Value: s.ProductType.ID,
					Reason: "perpetual software (no termDuration) has no term: lapse models subscriptions"}
			}
			return policy.SoftwareSubscription, false, nil // lifecycle.New refuses it: R-CAN-17 is not modelled
		}
	}
	if s.IsMicrosoftProduct != nil && !*s.IsMicrosoftProduct {
		return policy.MarketplaceSaaS, false, nil // lifecycle.New refuses it: R-CAN-17 is not modelled
	}
	lower := strings.ToLower(s.OfferName)
	for _, n := range offerNames {
		if strings.Contains(lower, strings.ToLower(n.name)) {
			return n.product, n.product == policy.ExtraFileStorage, nil
		}
	}
	return "", false, nil
}
