package tenant_test

import (
	"reflect"
	"testing"

	"github.com/lapse-go/lapse/internal/apitest"
	"github.com/lapse-go/lapse/lifecycle/tenant"
)

// TestZeroValues_Defect3 calls every exported function and method of package
// tenant with zero values — a nil table, the zero Subscription, Lifecycle,
// Status, Command and instant, nil slices, zero receivers; then again with
// slices of one zero element and enums of their first value — and requires
// that none panics (issue 12, defect 3: CanRemovePaymentMethod with a zero
// use dereferenced nil). The table below must list exactly the package's
// exported API, which the test reads from the source with go/parser: a new
// function fails this test until it is added here.
func TestZeroValues_Defect3(t *testing.T) {
	table := map[string]reflect.Value{
		"(*PurchaseError).Error":          reflect.ValueOf((*tenant.PurchaseError).Error),
		"(*PurchaseError).Is":             reflect.ValueOf((*tenant.PurchaseError).Is),
		"AccountBlocked":                  reflect.ValueOf(tenant.AccountBlocked),
		"Chargeback":                      reflect.ValueOf(tenant.Chargeback),
		"DataDeletedAfterLockout":         reflect.ValueOf(tenant.DataDeletedAfterLockout),
		"Purchase":                        reflect.ValueOf(tenant.Purchase),
		"UnpaidInvoice":                   reflect.ValueOf(tenant.UnpaidInvoice),
		"(*BillingAccount).UnmarshalText": reflect.ValueOf((*tenant.BillingAccount).UnmarshalText),
		"(*CustomDomainError).Error":      reflect.ValueOf((*tenant.CustomDomainError).Error),
		"(*CustomDomainError).Is":         reflect.ValueOf((*tenant.CustomDomainError).Is),
		"(*EntryError).Error":             reflect.ValueOf((*tenant.EntryError).Error),
		"(*EntryError).Is":                reflect.ValueOf((*tenant.EntryError).Is),
		"(*EntryError).Unwrap":            reflect.ValueOf((*tenant.EntryError).Unwrap),
		"(*PlanKind).UnmarshalText":       reflect.ValueOf((*tenant.PlanKind).UnmarshalText),
		"(*StepError).Error":              reflect.ValueOf((*tenant.StepError).Error),
		"(*StepError).Is":                 reflect.ValueOf((*tenant.StepError).Is),
		"(*StepError).Unwrap":             reflect.ValueOf((*tenant.StepError).Unwrap),
		"(*StepID).UnmarshalText":         reflect.ValueOf((*tenant.StepID).UnmarshalText),
		"(*StepStatus).UnmarshalText":     reflect.ValueOf((*tenant.StepStatus).UnmarshalText),
		"Alias.Domain":                    reflect.ValueOf(tenant.Alias.Domain),
		"BillingAccount.IsValid":          reflect.ValueOf(tenant.BillingAccount.IsValid),
		"BillingAccount.MarshalText":      reflect.ValueOf(tenant.BillingAccount.MarshalText),
		"BillingAccount.String":           reflect.ValueOf(tenant.BillingAccount.String),
		"CanCancel":                       reflect.ValueOf(tenant.CanCancel),
		"CloseAccountPlan":                reflect.ValueOf(tenant.CloseAccountPlan),
		"Domain.Removed":                  reflect.ValueOf(tenant.Domain.Removed),
		"New":                             reflect.ValueOf(tenant.New),
		"Plan.Blocked":                    reflect.ValueOf(tenant.Plan.Blocked),
		"Plan.Execute":                    reflect.ValueOf(tenant.Plan.Execute),
		"Plan.In":                         reflect.ValueOf(tenant.Plan.In),
		"Plan.Next":                       reflect.ValueOf(tenant.Plan.Next),
		"Plan.Step":                       reflect.ValueOf(tenant.Plan.Step),
		"Plan.String":                     reflect.ValueOf(tenant.Plan.String),
		"Step.In":                         reflect.ValueOf(tenant.Step.In),
		"PlanKind.IsValid":                reflect.ValueOf(tenant.PlanKind.IsValid),
		"PlanKind.MarshalText":            reflect.ValueOf(tenant.PlanKind.MarshalText),
		"PlanKind.String":                 reflect.ValueOf(tenant.PlanKind.String),
		"ReleaseDomainPlan":               reflect.ValueOf(tenant.ReleaseDomainPlan),
		"Snapshot.BillingAccount":         reflect.ValueOf(tenant.Snapshot.BillingAccount),
		"Snapshot.CustomDomainsInUse":     reflect.ValueOf(tenant.Snapshot.CustomDomainsInUse),
		"Snapshot.Domain":                 reflect.ValueOf(tenant.Snapshot.Domain),
		"Snapshot.Domains":                reflect.ValueOf(tenant.Snapshot.Domains),
		"Snapshot.IsZero":                 reflect.ValueOf(tenant.Snapshot.IsZero),
		"Snapshot.Spec":                   reflect.ValueOf(tenant.Snapshot.Spec),
		"Snapshot.Subscription":           reflect.ValueOf(tenant.Snapshot.Subscription),
		"Snapshot.Subscriptions":          reflect.ValueOf(tenant.Snapshot.Subscriptions),
		"Snapshot.SystemDomain":           reflect.ValueOf(tenant.Snapshot.SystemDomain),
		"Snapshot.User":                   reflect.ValueOf(tenant.Snapshot.User),
		"Snapshot.Users":                  reflect.ValueOf(tenant.Snapshot.Users),
		"StepID.IsValid":                  reflect.ValueOf(tenant.StepID.IsValid),
		"StepID.MarshalText":              reflect.ValueOf(tenant.StepID.MarshalText),
		"StepID.String":                   reflect.ValueOf(tenant.StepID.String),
		"StepStatus.Finished":             reflect.ValueOf(tenant.StepStatus.Finished),
		"StepStatus.IsValid":              reflect.ValueOf(tenant.StepStatus.IsValid),
		"StepStatus.MarshalText":          reflect.ValueOf(tenant.StepStatus.MarshalText),
		"StepStatus.String":               reflect.ValueOf(tenant.StepStatus.String),
		"User.IsGlobalAdmin":              reflect.ValueOf(tenant.User.IsGlobalAdmin),

		// The enums' text and database/sql forms (issue 13).
		"(*BillingAccount).Scan": reflect.ValueOf((*tenant.BillingAccount).Scan),
		"BillingAccount.Value":   reflect.ValueOf(tenant.BillingAccount.Value),
		"ParseBillingAccount":    reflect.ValueOf(tenant.ParseBillingAccount),
		"(*PlanKind).Scan":       reflect.ValueOf((*tenant.PlanKind).Scan),
		"PlanKind.Value":         reflect.ValueOf(tenant.PlanKind.Value),
		"(*StepID).Scan":         reflect.ValueOf((*tenant.StepID).Scan),
		"StepID.Value":           reflect.ValueOf(tenant.StepID.Value),
		"(*StepStatus).Scan":     reflect.ValueOf((*tenant.StepStatus).Scan),
		"StepStatus.Value":       reflect.ValueOf(tenant.StepStatus.Value),
	}
	apitest.Check(t, ".", table, nilErrOK)
}

// nilErrOK lists the functions that may return a nil error for zero
// values, and why.
var nilErrOK = map[string]bool{
	// Unwrap returns the error wrapped, nil when there is none.
	"(*EntryError).Unwrap": true,
	"(*StepError).Unwrap":  true,
}
