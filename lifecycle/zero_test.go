package lifecycle_test

import (
	"reflect"
	"testing"

	"github.com/lapse-go/lapse/internal/apitest"
	"github.com/lapse-go/lapse/lifecycle"
)

// TestZeroValues_Defect3 calls every exported function and method of package
// lifecycle with zero values — a nil table, the zero Subscription, Lifecycle,
// Status, Command and instant, nil slices, zero receivers; then again with
// slices of one zero element and enums of their first value — and requires
// that none panics (issue 12, defect 3: CanRemovePaymentMethod with a zero
// use dereferenced nil). The table below must list exactly the package's
// exported API, which the test reads from the source with go/parser: a new
// function fails this test until it is added here.
func TestZeroValues_Defect3(t *testing.T) {
	table := map[string]reflect.Value{
		"(*NotModelledError).Error":      reflect.ValueOf((*lifecycle.NotModelledError).Error),
		"(*NotModelledError).Is":         reflect.ValueOf((*lifecycle.NotModelledError).Is),
		"CanAddPaymentMethod":            reflect.ValueOf(lifecycle.CanAddPaymentMethod),
		"Lifecycle.Upgrade":              reflect.ValueOf(lifecycle.Lifecycle.Upgrade),
		"PaymentKind.IsValid":            reflect.ValueOf(lifecycle.PaymentKind.IsValid),
		"PaymentKind.String":             reflect.ValueOf(lifecycle.PaymentKind.String),
		"(*BatchError).Error":            reflect.ValueOf((*lifecycle.BatchError).Error),
		"(*BatchError).Unwrap":           reflect.ValueOf((*lifecycle.BatchError).Unwrap),
		"(*CommandKind).UnmarshalText":   reflect.ValueOf((*lifecycle.CommandKind).UnmarshalText),
		"(*EventKind).UnmarshalText":     reflect.ValueOf((*lifecycle.EventKind).UnmarshalText),
		"(*FieldError).Error":            reflect.ValueOf((*lifecycle.FieldError).Error),
		"(*FieldError).Is":               reflect.ValueOf((*lifecycle.FieldError).Is),
		"(*HistoryError).Error":          reflect.ValueOf((*lifecycle.HistoryError).Error),
		"(*HistoryError).Is":             reflect.ValueOf((*lifecycle.HistoryError).Is),
		"(*HistoryLimitError).Error":     reflect.ValueOf((*lifecycle.HistoryLimitError).Error),
		"(*HistoryLimitError).Is":        reflect.ValueOf((*lifecycle.HistoryLimitError).Is),
		"(*RefusalError).Error":          reflect.ValueOf((*lifecycle.RefusalError).Error),
		"(*RefusalError).Instead":        reflect.ValueOf((*lifecycle.RefusalError).Instead),
		"(*RefusalError).InsteadMessage": reflect.ValueOf((*lifecycle.RefusalError).InsteadMessage),
		"(*RefusalError).ReasonMessage":  reflect.ValueOf((*lifecycle.RefusalError).ReasonMessage),
		"(*RefusalError).Is":             reflect.ValueOf((*lifecycle.RefusalError).Is),
		"(*RefusalError).Reason":         reflect.ValueOf((*lifecycle.RefusalError).Reason),
		"(*Role).UnmarshalText":          reflect.ValueOf((*lifecycle.Role).UnmarshalText),
		"(*RulesError).Error":            reflect.ValueOf((*lifecycle.RulesError).Error),
		"(*RulesError).Is":               reflect.ValueOf((*lifecycle.RulesError).Is),
		"(*RulesError).Unwrap":           reflect.ValueOf((*lifecycle.RulesError).Unwrap),
		"(*State).UnmarshalText":         reflect.ValueOf((*lifecycle.State).UnmarshalText),
		"AppsMode.String":                reflect.ValueOf(lifecycle.AppsMode.String),
		"Billing.String":                 reflect.ValueOf(lifecycle.Billing.String),
		"BillingRoles":                   reflect.ValueOf(lifecycle.BillingRoles),
		"CanRemovePaymentMethod":         reflect.ValueOf(lifecycle.CanRemovePaymentMethod),
		"CapabilityStatus.String":        reflect.ValueOf(lifecycle.CapabilityStatus.String),
		"Cause.IsValid":                  reflect.ValueOf(lifecycle.Cause.IsValid),
		"Cause.MarshalText":              reflect.ValueOf(lifecycle.Cause.MarshalText),
		"Cause.String":                   reflect.ValueOf(lifecycle.Cause.String),
		"CheckInstant":                   reflect.ValueOf(lifecycle.CheckInstant),
		"Command.String":                 reflect.ValueOf(lifecycle.Command.String),
		"CommandKind.IsValid":            reflect.ValueOf(lifecycle.CommandKind.IsValid),
		"CommandKind.MarshalText":        reflect.ValueOf(lifecycle.CommandKind.MarshalText),
		"CommandKind.String":             reflect.ValueOf(lifecycle.CommandKind.String),
		"CommandKinds":                   reflect.ValueOf(lifecycle.CommandKinds),
		"DataAccess.String":              reflect.ValueOf(lifecycle.DataAccess.String),
		"Diagram":                        reflect.ValueOf(lifecycle.Diagram),
		"DiagramFormat.String":           reflect.ValueOf(lifecycle.DiagramFormat.String),
		"EndOfTerm":                      reflect.ValueOf(lifecycle.EndOfTerm),
		"EndOfTrial":                     reflect.ValueOf(lifecycle.EndOfTrial),
		"Evaluate":                       reflect.ValueOf(lifecycle.Evaluate),
		"Event.String":                   reflect.ValueOf(lifecycle.Event.String),
		"EventKind.IsValid":              reflect.ValueOf(lifecycle.EventKind.IsValid),
		"EventKind.MarshalText":          reflect.ValueOf(lifecycle.EventKind.MarshalText),
		"EventKind.String":               reflect.ValueOf(lifecycle.EventKind.String),
		"EventKinds":                     reflect.ValueOf(lifecycle.EventKinds),
		"Judge":                          reflect.ValueOf(lifecycle.Judge),
		"JudgeAll":                       reflect.ValueOf(lifecycle.JudgeAll),
		"Lifecycle.Apply":                reflect.ValueOf(lifecycle.Lifecycle.Apply),
		"Lifecycle.At":                   reflect.ValueOf(lifecycle.Lifecycle.At),
		"Lifecycle.Check":                reflect.ValueOf(lifecycle.Lifecycle.Check),
		"Lifecycle.IsZero":               reflect.ValueOf(lifecycle.Lifecycle.IsZero),
		"Lifecycle.Phases":               reflect.ValueOf(lifecycle.Lifecycle.Phases),
		"Lifecycle.Quote":                reflect.ValueOf(lifecycle.Lifecycle.Quote),
		"Lifecycle.Schedule":             reflect.ValueOf(lifecycle.Lifecycle.Schedule),
		"Lifecycle.Subscription":         reflect.ValueOf(lifecycle.Lifecycle.Subscription),
		"Money.Decimal":                  reflect.ValueOf(lifecycle.Money.Decimal),
		"Money.IsZero":                   reflect.ValueOf(lifecycle.Money.IsZero),
		"Money.Minus":                    reflect.ValueOf(lifecycle.Money.Minus),
		"Money.Plus":                     reflect.ValueOf(lifecycle.Money.Plus),
		"Money.Prorate":                  reflect.ValueOf(lifecycle.Money.Prorate),
		"Money.String":                   reflect.ValueOf(lifecycle.Money.String),
		"Money.Times":                    reflect.ValueOf(lifecycle.Money.Times),
		"New":                            reflect.ValueOf(lifecycle.New),
		"ParseCommandKind":               reflect.ValueOf(lifecycle.ParseCommandKind),
		"ParseMoney":                     reflect.ValueOf(lifecycle.ParseMoney),
		"ParseRole":                      reflect.ValueOf(lifecycle.ParseRole),
		"ParseState":                     reflect.ValueOf(lifecycle.ParseState),
		"Phase.Contains":                 reflect.ValueOf(lifecycle.Phase.Contains),
		"Purchase":                       reflect.ValueOf(lifecycle.Purchase),
		"Reason.String":                  reflect.ValueOf(lifecycle.Reason.String),
		"RefundKind.String":              reflect.ValueOf(lifecycle.RefundKind.String),
		"Role.IsValid":                   reflect.ValueOf(lifecycle.Role.IsValid),
		"Role.MarshalText":               reflect.ValueOf(lifecycle.Role.MarshalText),
		"Role.String":                    reflect.ValueOf(lifecycle.Role.String),
		"Role.Title":                     reflect.ValueOf(lifecycle.Role.Title),
		"RoleSet.Has":                    reflect.ValueOf(lifecycle.RoleSet.Has),
		"RoleSet.IsEmpty":                reflect.ValueOf(lifecycle.RoleSet.IsEmpty),
		"RoleSet.List":                   reflect.ValueOf(lifecycle.RoleSet.List),
		"RoleSet.Phrase":                 reflect.ValueOf(lifecycle.RoleSet.Phrase),
		"RoleSet.String":                 reflect.ValueOf(lifecycle.RoleSet.String),
		"RolesOf":                        reflect.ValueOf(lifecycle.RolesOf),
		"State.AdminCenterName":          reflect.ValueOf(lifecycle.State.AdminCenterName),
		"State.CapabilityStatus":         reflect.ValueOf(lifecycle.State.CapabilityStatus),
		"State.EnterpriseName":           reflect.ValueOf(lifecycle.State.EnterpriseName),
		"State.IsValid":                  reflect.ValueOf(lifecycle.State.IsValid),
		"State.LegacyName":               reflect.ValueOf(lifecycle.State.LegacyName),
		"State.MarshalText":              reflect.ValueOf(lifecycle.State.MarshalText),
		"State.String":                   reflect.ValueOf(lifecycle.State.String),
		"Status.AdminCenterLagUntil":     reflect.ValueOf(lifecycle.Status.AdminCenterLagUntil),
		"Reason.In":                      reflect.ValueOf(lifecycle.Reason.In),
		"Reason.TopicIn":                 reflect.ValueOf(lifecycle.Reason.TopicIn),
		"Status.Assigned":                reflect.ValueOf(lifecycle.Status.Assigned),
		"Status.At":                      reflect.ValueOf(lifecycle.Status.At),
		"Status.CancelWindowEnd":         reflect.ValueOf(lifecycle.Status.CancelWindowEnd),
		"Status.Capabilities":            reflect.ValueOf(lifecycle.Status.Capabilities),
		"Status.Cause":                   reflect.ValueOf(lifecycle.Status.Cause),
		"Status.DataGoneBy":              reflect.ValueOf(lifecycle.Status.DataGoneBy),
		"Status.DeletedAt":               reflect.ValueOf(lifecycle.Status.DeletedAt),
		"Status.Explain":                 reflect.ValueOf(lifecycle.Status.Explain),
		"Status.ExtendedServiceTerm":     reflect.ValueOf(lifecycle.Status.ExtendedServiceTerm),
		"Status.LicenseConflictUntil":    reflect.ValueOf(lifecycle.Status.LicenseConflictUntil),
		"Status.Licenses":                reflect.ValueOf(lifecycle.Status.Licenses),
		"Status.Next":                    reflect.ValueOf(lifecycle.Status.Next),
		"Status.NextAt":                  reflect.ValueOf(lifecycle.Status.NextAt),
		"Status.NextCause":               reflect.ValueOf(lifecycle.Status.NextCause),
		"Status.PurgeDeadline":           reflect.ValueOf(lifecycle.Status.PurgeDeadline),
		"Status.PurgeNotBefore":          reflect.ValueOf(lifecycle.Status.PurgeNotBefore),
		"Status.ReactivateUntil":         reflect.ValueOf(lifecycle.Status.ReactivateUntil),
		"Status.RepurchaseRestoresData":  reflect.ValueOf(lifecycle.Status.RepurchaseRestoresData),
		"Status.RecurringBilling":        reflect.ValueOf(lifecycle.Status.RecurringBilling),
		"Status.Since":                   reflect.ValueOf(lifecycle.Status.Since),
		"Status.State":                   reflect.ValueOf(lifecycle.Status.State),
		"Status.TermEnd":                 reflect.ValueOf(lifecycle.Status.TermEnd),
		"Status.TermStart":               reflect.ValueOf(lifecycle.Status.TermStart),
		"Status.Trial":                   reflect.ValueOf(lifecycle.Status.Trial),
		"Status.Versions":                reflect.ValueOf(lifecycle.Status.Versions),
		"Subscription.Channel":           reflect.ValueOf(lifecycle.Subscription.Channel),
		"Subscription.End":               reflect.ValueOf(lifecycle.Subscription.End),
		"Subscription.Event":             reflect.ValueOf(lifecycle.Subscription.Event),
		"Subscription.History":           reflect.ValueOf(lifecycle.Subscription.History),
		"Subscription.ID":                reflect.ValueOf(lifecycle.Subscription.ID),
		"Subscription.IsZero":            reflect.ValueOf(lifecycle.Subscription.IsZero),
		"Subscription.Key":               reflect.ValueOf(lifecycle.Subscription.Key),
		"Subscription.Len":               reflect.ValueOf(lifecycle.Subscription.Len),
		"Subscription.Product":           reflect.ValueOf(lifecycle.Subscription.Product),
		"Subscription.Spec":              reflect.ValueOf(lifecycle.Subscription.Spec),
		"Subscription.Start":             reflect.ValueOf(lifecycle.Subscription.Start),
		"Subscription.Term":              reflect.ValueOf(lifecycle.Subscription.Term),
		"Timeline":                       reflect.ValueOf(lifecycle.Timeline),
		"USD":                            reflect.ValueOf(lifecycle.USD),
	}
	api, err := apitest.Exported(".")
	if err != nil {
		t.Fatal(err)
	}
	missing, stale := apitest.Missing(api, table)
	for _, n := range missing {
		t.Errorf("%s is exported but not in the table of this test: add it", n)
	}
	for _, n := range stale {
		t.Errorf("%s is in the table of this test but not exported", n)
	}
	for name, fn := range table {
		r := apitest.CallZero(name, fn)
		if r.Panic != nil {
			t.Errorf("%s with zero values panicked: %v", name, r.Panic)
		}
		if e := apitest.CallZeroElems(name, fn); e.Panic != nil {
			t.Errorf("%s with slices of one zero element and enums of 1 panicked: %v", name, e.Panic)
		}
		if r.HasErr && r.Err == nil && !nilErrOK[name] {
			t.Errorf("%s with zero values returned a nil error", name)
		}
	}
}

// nilErrOK lists the functions that may return a nil error for zero
// values, and why.
var nilErrOK = map[string]bool{
	"Money.Times": true, // zero times zero is zero: no error to report
	"Money.Plus":  true,
	"Money.Minus": true,
	"JudgeAll":    true, // an empty batch has nothing to refuse
	// Unwrap returns the error wrapped, nil when there is none.
	"(*RulesError).Unwrap": true,
	"(*BatchError).Unwrap": true,
}
