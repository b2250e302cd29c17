package policy

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The rule fields of [Rules] in the order a policy file writes them. Each
// constant indexes fields and is a bit of an override row's field mask.
// Channel, Version and Cite are row-level keys, not rule fields.
const (
	fExpiryAnchor = iota
	fExpired
	fDisabled
	fServicesDuringExpired
	fDisabledUntilTermEnd
	fExplicitDelete
	fAOBOStatusDelay
	fSalesEnd
	fCancelWindow
	fCancelEffect
	fCancelOnlineMax
	fCancelOnlineCount
	fCancelOnlineInclusive
	fCancelOnlineOver
	fCancelProductKeyViaSupport
	fCancelProrated
	fCancelEarlyTerminationFee
	fCancelViaSupport
	fCancelOtherProcess
	fCancelRecurringBillingOnly
	fCancelSellerWindow
	fPurgeCancelNotBefore
	fPurgeCancelDeadline
	fPurgeExpiryDeadline
	fPurgeExpiryDeadlineFrom
	fPurgeExplicitDelete
	fPurgeCancelBackup
	fReactivationFromExpired
	fReactivationFromDisabled
	fReactivationFromSuspended
	fReactivationCreatesNewSubscription
	fReactivationViaSupport
	fReactivationExplicitDelete
	fReactivationRequiresPaymentMethod
	fReactivationBeforeTermEnd
	fSuspensionAllowed
	fSuspensionPartnerBilled
	fSuspensionAtTermEnd
	fSuspensionDisabled
	fSuspensionMax
	fSuspensionTurnsOffAutoRenew
	fTrialAvailable
	fTrialLength
	fTrialLicenses
	fTrialExtension
	fTrialExtensionWithin
	fTrialMaxExtensions
	fTrialAutoConvert
	fTrialConvertTerm
	fTrialExpired
	fTrialCancellable
	fTrialSeatChangesAllowed
	fTrialOncePerOffer
	fLicensesRemoveWindow
	fLicensesRemoveRequiresRecurringBilling
	fLicensesRemovableInAdminCenter
	fLicensesConflict
	fLicensesExpiredOnlyWhenAllRemoved
	fLicensesMin
	fRenewalRecurringBillingDefault
	fRenewalESTAvailable
	fRenewalESTSurchargePercent
	fPaymentAllowReplaceWhileDisabled
	numFields
)

// fieldMask is a set of rule fields, bit i for fields[i].
type fieldMask uint64

const allFields fieldMask = 1<<numFields - 1

func (m fieldMask) has(i int) bool { return m&(1<<i) != 0 }

// field describes one rule field: its names and how a policy file writes,
// reads and checks it. The functions are for loading, writing and
// explaining; the hot at copies fields with copyField.
type field struct {
	path   string // JSON path within a row, such as "cancel.window"
	goPath string // path within Rules, such as "Cancel.Window"
	// enc returns the value as a policy file writes it, such as
	// {"days": 30}; ok is false for a value a file cannot hold.
	enc func(r *Rules) (text string, ok bool)
	// dec reads n into r, reporting problems to d under path.
	dec func(d *decoder, n *jnode, at jpath, r *Rules) bool
	// check returns why the value in r is invalid on its own, or "".
	check func(r *Rules) string
}

// fields lists every rule field in file order.
var fields = [numFields]field{
	fExpiryAnchor:          enumField("expiryAnchor", "ExpiryAnchor", anchorNames, func(r *Rules) *ExpiryAnchor { return &r.ExpiryAnchor }),
	fExpired:               durationField("expired", "ExpiredDays", Days, func(r *Rules) *int { return &r.ExpiredDays }),
	fDisabled:              durationField("disabled", "DisabledDays", Days, func(r *Rules) *int { return &r.DisabledDays }),
	fServicesDuringExpired: boolField("servicesDuringExpired", "ServicesDuringExpired", func(r *Rules) *bool { return &r.ServicesDuringExpired }),
	fDisabledUntilTermEnd:  boolField("disabledUntilTermEnd", "DisabledUntilTermEnd", func(r *Rules) *bool { return &r.DisabledUntilTermEnd }),
	fExplicitDelete:        boolField("explicitDelete", "ExplicitDelete", func(r *Rules) *bool { return &r.ExplicitDelete }),
	fAOBOStatusDelay:       durationField("aoboStatusDelay", "AOBOStatusDelayDays", Days, func(r *Rules) *int { return &r.AOBOStatusDelayDays }),
	fSalesEnd:              timeField("salesEnd", "SalesEnd", func(r *Rules) *time.Time { return &r.SalesEnd }),

	fCancelWindow:               windowField("cancel.window", "Cancel.Window", func(r *Rules) *Window { return &r.Cancel.Window }),
	fCancelEffect:               enumField("cancel.effect", "Cancel.Effect", cancelEffectNames, func(r *Rules) *CancelEffect { return &r.Cancel.Effect }),
	fCancelOnlineMax:            countField("cancel.online.max", "Cancel.Online.Max", -1, func(r *Rules) *int { return &r.Cancel.Online.Max }),
	fCancelOnlineCount:          enumField("cancel.online.count", "Cancel.Online.Count", licenseCountNames, func(r *Rules) *LicenseCount { return &r.Cancel.Online.Count }),
	fCancelOnlineInclusive:      boolField("cancel.online.inclusive", "Cancel.Online.Inclusive", func(r *Rules) *bool { return &r.Cancel.Online.Inclusive }),
	fCancelOnlineOver:           enumField("cancel.online.over", "Cancel.Online.Over", overLimitNames, func(r *Rules) *OverLimit { return &r.Cancel.Online.Over }),
	fCancelProductKeyViaSupport: boolField("cancel.productKeyViaSupport", "Cancel.ProductKeyViaSupport", func(r *Rules) *bool { return &r.Cancel.ProductKeyViaSupport }),
	fCancelProrated:             boolField("cancel.prorated", "Cancel.Prorated", func(r *Rules) *bool { return &r.Cancel.Prorated }),
	fCancelEarlyTerminationFee:  boolField("cancel.earlyTerminationFee", "Cancel.EarlyTerminationFee", func(r *Rules) *bool { return &r.Cancel.EarlyTerminationFee }),

	fPurgeCancelNotBefore:    durationField("purge.cancelNotBefore", "Purge.CancelNotBeforeDays", Days, func(r *Rules) *int { return &r.Purge.CancelNotBeforeDays }),
	fPurgeCancelDeadline:     durationField("purge.cancelDeadline", "Purge.CancelDeadlineDays", Days, func(r *Rules) *int { return &r.Purge.CancelDeadlineDays }),
	fPurgeExpiryDeadline:     durationField("purge.expiryDeadline", "Purge.ExpiryDeadlineDays", Days, func(r *Rules) *int { return &r.Purge.ExpiryDeadlineDays }),
	fPurgeExpiryDeadlineFrom: enumField("purge.expiryDeadlineFrom", "Purge.ExpiryDeadlineFrom", purgeAnchorNames, func(r *Rules) *PurgeAnchor { return &r.Purge.ExpiryDeadlineFrom }),
	fPurgeExplicitDelete:     durationField("purge.explicitDelete", "Purge.ExplicitDeleteHours", Hours, func(r *Rules) *int { return &r.Purge.ExplicitDeleteHours }),
	fPurgeCancelBackup:       durationField("purge.cancelBackup", "Purge.CancelBackupDays", Days, func(r *Rules) *int { return &r.Purge.CancelBackupDays }),

	fReactivationFromExpired:            boolField("reactivation.fromExpired", "Reactivation.FromExpired", func(r *Rules) *bool { return &r.Reactivation.FromExpired }),
	fReactivationFromDisabled:           boolField("reactivation.fromDisabled", "Reactivation.FromDisabled", func(r *Rules) *bool { return &r.Reactivation.FromDisabled }),
	fReactivationFromSuspended:          boolField("reactivation.fromSuspended", "Reactivation.FromSuspended", func(r *Rules) *bool { return &r.Reactivation.FromSuspended }),
	fReactivationCreatesNewSubscription: boolField("reactivation.createsNewSubscription", "Reactivation.CreatesNewSubscription", func(r *Rules) *bool { return &r.Reactivation.CreatesNewSubscription }),
	fReactivationViaSupport:             boolField("reactivation.viaSupport", "Reactivation.ViaSupport", func(r *Rules) *bool { return &r.Reactivation.ViaSupport }),
	fReactivationExplicitDelete:         durationField("reactivation.explicitDelete", "Reactivation.ExplicitDeleteHours", Hours, func(r *Rules) *int { return &r.Reactivation.ExplicitDeleteHours }),
	fReactivationRequiresPaymentMethod:  boolField("reactivation.requiresPaymentMethod", "Reactivation.RequiresPaymentMethod", func(r *Rules) *bool { return &r.Reactivation.RequiresPaymentMethod }),
	fReactivationBeforeTermEnd:          boolField("reactivation.beforeTermEnd", "Reactivation.BeforeTermEnd", func(r *Rules) *bool { return &r.Reactivation.BeforeTermEnd }),

	fSuspensionAllowed:           boolField("suspension.allowed", "Suspension.Allowed", func(r *Rules) *bool { return &r.Suspension.Allowed }),
	fSuspensionPartnerBilled:     boolField("suspension.partnerBilled", "Suspension.PartnerBilled", func(r *Rules) *bool { return &r.Suspension.PartnerBilled }),
	fSuspensionAtTermEnd:         enumField("suspension.atTermEnd", "Suspension.AtTermEnd", suspendedAtTermEndNames, func(r *Rules) *SuspendedAtTermEnd { return &r.Suspension.AtTermEnd }),
	fSuspensionDisabled:          durationField("suspension.disabled", "Suspension.DisabledDays", Days, func(r *Rules) *int { return &r.Suspension.DisabledDays }),
	fSuspensionMax:               durationField("suspension.max", "Suspension.MaxDays", Days, func(r *Rules) *int { return &r.Suspension.MaxDays }),
	fSuspensionTurnsOffAutoRenew: boolField("suspension.turnsOffAutoRenew", "Suspension.TurnsOffAutoRenew", func(r *Rules) *bool { return &r.Suspension.TurnsOffAutoRenew }),

	fTrialAvailable:          boolField("trial.available", "Trial.Available", func(r *Rules) *bool { return &r.Trial.Available }),
	fTrialLength:             durationField("trial.length", "Trial.Days", Days, func(r *Rules) *int { return &r.Trial.Days }),
	fTrialLicenses:           countField("trial.licenses", "Trial.Licenses", -1, func(r *Rules) *int { return &r.Trial.Licenses }),
	fTrialExtension:          durationField("trial.extension", "Trial.ExtensionDays", Days, func(r *Rules) *int { return &r.Trial.ExtensionDays }),
	fTrialExtensionWithin:    durationField("trial.extensionWithin", "Trial.ExtensionWithinDays", Days, func(r *Rules) *int { return &r.Trial.ExtensionWithinDays }),
	fTrialMaxExtensions:      countField("trial.maxExtensions", "Trial.MaxExtensions", -1, func(r *Rules) *int { return &r.Trial.MaxExtensions }),
	fTrialAutoConvert:        boolField("trial.autoConvert", "Trial.AutoConvert", func(r *Rules) *bool { return &r.Trial.AutoConvert }),
	fTrialConvertTerm:        enumField("trial.convertTerm", "Trial.ConvertTerm", termNames, func(r *Rules) *Term { return &r.Trial.ConvertTerm }),
	fTrialExpired:            durationField("trial.expired", "Trial.ExpiredDays", Days, func(r *Rules) *int { return &r.Trial.ExpiredDays }),
	fTrialCancellable:        boolField("trial.cancellable", "Trial.Cancellable", func(r *Rules) *bool { return &r.Trial.Cancellable }),
	fTrialSeatChangesAllowed: boolField("trial.seatChangesAllowed", "Trial.SeatChangesAllowed", func(r *Rules) *bool { return &r.Trial.SeatChangesAllowed }),

	fLicensesRemoveWindow:                   windowField("licenses.removeWindow", "Licenses.RemoveWindow", func(r *Rules) *Window { return &r.Licenses.RemoveWindow }),
	fLicensesRemoveRequiresRecurringBilling: boolField("licenses.removeRequiresRecurringBilling", "Licenses.RemoveRequiresRecurringBilling", func(r *Rules) *bool { return &r.Licenses.RemoveRequiresRecurringBilling }),
	fLicensesRemovableInAdminCenter:         boolField("licenses.removableInAdminCenter", "Licenses.RemovableInAdminCenter", func(r *Rules) *bool { return &r.Licenses.RemovableInAdminCenter }),
	fLicensesConflict:                       durationField("licenses.conflict", "Licenses.ConflictDays", Days, func(r *Rules) *int { return &r.Licenses.ConflictDays }),
	fLicensesExpiredOnlyWhenAllRemoved:      boolField("licenses.expiredOnlyWhenAllRemoved", "Licenses.ExpiredOnlyWhenAllRemoved", func(r *Rules) *bool { return &r.Licenses.ExpiredOnlyWhenAllRemoved }),
	fLicensesMin:                            countField("licenses.min", "Licenses.Min", -1, func(r *Rules) *int { return &r.Licenses.Min }),

	fRenewalRecurringBillingDefault: boolField("renewal.recurringBillingDefault", "Renewal.RecurringBillingDefault", func(r *Rules) *bool { return &r.Renewal.RecurringBillingDefault }),
	fRenewalESTAvailable:            boolField("renewal.estAvailable", "Renewal.ESTAvailable", func(r *Rules) *bool { return &r.Renewal.ESTAvailable }),
	fRenewalESTSurchargePercent:     countField("renewal.estSurchargePercent", "Renewal.ESTSurchargePercent", 100, func(r *Rules) *int { return &r.Renewal.ESTSurchargePercent }),

	fPaymentAllowReplaceWhileDisabled: boolField("payment.allowReplaceWhileDisabled", "Payment.AllowReplaceWhileDisabled", func(r *Rules) *bool { return &r.Payment.AllowReplaceWhileDisabled }),

	// R-CAN-4, R-CAN-7(c), R-CAN-8, R-CAN-11, R-TRI-8.
	fCancelViaSupport:           boolField("cancel.viaSupport", "Cancel.ViaSupport", func(r *Rules) *bool { return &r.Cancel.ViaSupport }),
	fCancelOtherProcess:         boolField("cancel.otherProcess", "Cancel.OtherProcess", func(r *Rules) *bool { return &r.Cancel.OtherProcess }),
	fCancelRecurringBillingOnly: boolField("cancel.recurringBillingOnly", "Cancel.RecurringBillingOnly", func(r *Rules) *bool { return &r.Cancel.RecurringBillingOnly }),
	fCancelSellerWindow:         durationField("cancel.sellerWindow", "Cancel.SellerWindowDays", Days, func(r *Rules) *int { return &r.Cancel.SellerWindowDays }),
	fTrialOncePerOffer:          boolField("trial.oncePerOffer", "Trial.OncePerOffer", func(r *Rules) *bool { return &r.Trial.OncePerOffer }),
}

// copyField copies field i from src to dst. It is a switch rather than a
// call through fields so that Lookup's Rules stay on the stack.
func copyField(dst, src *Rules, i int) {
	switch i {
	case fExpiryAnchor:
		dst.ExpiryAnchor = src.ExpiryAnchor
	case fExpired:
		dst.ExpiredDays = src.ExpiredDays
	case fDisabled:
		dst.DisabledDays = src.DisabledDays
	case fServicesDuringExpired:
		dst.ServicesDuringExpired = src.ServicesDuringExpired
	case fDisabledUntilTermEnd:
		dst.DisabledUntilTermEnd = src.DisabledUntilTermEnd
	case fExplicitDelete:
		dst.ExplicitDelete = src.ExplicitDelete
	case fAOBOStatusDelay:
		dst.AOBOStatusDelayDays = src.AOBOStatusDelayDays
	case fSalesEnd:
		dst.SalesEnd = src.SalesEnd
	case fCancelWindow:
		dst.Cancel.Window = src.Cancel.Window
	case fCancelEffect:
		dst.Cancel.Effect = src.Cancel.Effect
	case fCancelOnlineMax:
		dst.Cancel.Online.Max = src.Cancel.Online.Max
	case fCancelOnlineCount:
		dst.Cancel.Online.Count = src.Cancel.Online.Count
	case fCancelOnlineInclusive:
		dst.Cancel.Online.Inclusive = src.Cancel.Online.Inclusive
	case fCancelOnlineOver:
		dst.Cancel.Online.Over = src.Cancel.Online.Over
	case fCancelProductKeyViaSupport:
		dst.Cancel.ProductKeyViaSupport = src.Cancel.ProductKeyViaSupport
	case fCancelProrated:
		dst.Cancel.Prorated = src.Cancel.Prorated
	case fCancelEarlyTerminationFee:
		dst.Cancel.EarlyTerminationFee = src.Cancel.EarlyTerminationFee
	case fPurgeCancelNotBefore:
		dst.Purge.CancelNotBeforeDays = src.Purge.CancelNotBeforeDays
	case fPurgeCancelDeadline:
		dst.Purge.CancelDeadlineDays = src.Purge.CancelDeadlineDays
	case fPurgeExpiryDeadline:
		dst.Purge.ExpiryDeadlineDays = src.Purge.ExpiryDeadlineDays
	case fPurgeExpiryDeadlineFrom:
		dst.Purge.ExpiryDeadlineFrom = src.Purge.ExpiryDeadlineFrom
	case fPurgeExplicitDelete:
		dst.Purge.ExplicitDeleteHours = src.Purge.ExplicitDeleteHours
	case fPurgeCancelBackup:
		dst.Purge.CancelBackupDays = src.Purge.CancelBackupDays
	case fReactivationFromExpired:
		dst.Reactivation.FromExpired = src.Reactivation.FromExpired
	case fReactivationFromDisabled:
		dst.Reactivation.FromDisabled = src.Reactivation.FromDisabled
	case fReactivationFromSuspended:
		dst.Reactivation.FromSuspended = src.Reactivation.FromSuspended
	case fReactivationCreatesNewSubscription:
		dst.Reactivation.CreatesNewSubscription = src.Reactivation.CreatesNewSubscription
	case fReactivationViaSupport:
		dst.Reactivation.ViaSupport = src.Reactivation.ViaSupport
	case fReactivationExplicitDelete:
		dst.Reactivation.ExplicitDeleteHours = src.Reactivation.ExplicitDeleteHours
	case fReactivationRequiresPaymentMethod:
		dst.Reactivation.RequiresPaymentMethod = src.Reactivation.RequiresPaymentMethod
	case fReactivationBeforeTermEnd:
		dst.Reactivation.BeforeTermEnd = src.Reactivation.BeforeTermEnd
	case fSuspensionAllowed:
		dst.Suspension.Allowed = src.Suspension.Allowed
	case fSuspensionPartnerBilled:
		dst.Suspension.PartnerBilled = src.Suspension.PartnerBilled
	case fSuspensionAtTermEnd:
		dst.Suspension.AtTermEnd = src.Suspension.AtTermEnd
	case fSuspensionDisabled:
		dst.Suspension.DisabledDays = src.Suspension.DisabledDays
	case fSuspensionMax:
		dst.Suspension.MaxDays = src.Suspension.MaxDays
	case fSuspensionTurnsOffAutoRenew:
		dst.Suspension.TurnsOffAutoRenew = src.Suspension.TurnsOffAutoRenew
	case fTrialAvailable:
		dst.Trial.Available = src.Trial.Available
	case fTrialLength:
		dst.Trial.Days = src.Trial.Days
	case fTrialLicenses:
		dst.Trial.Licenses = src.Trial.Licenses
	case fTrialExtension:
		dst.Trial.ExtensionDays = src.Trial.ExtensionDays
	case fTrialExtensionWithin:
		dst.Trial.ExtensionWithinDays = src.Trial.ExtensionWithinDays
	case fTrialMaxExtensions:
		dst.Trial.MaxExtensions = src.Trial.MaxExtensions
	case fTrialAutoConvert:
		dst.Trial.AutoConvert = src.Trial.AutoConvert
	case fTrialConvertTerm:
		dst.Trial.ConvertTerm = src.Trial.ConvertTerm
	case fTrialExpired:
		dst.Trial.ExpiredDays = src.Trial.ExpiredDays
	case fTrialCancellable:
		dst.Trial.Cancellable = src.Trial.Cancellable
	case fTrialSeatChangesAllowed:
		dst.Trial.SeatChangesAllowed = src.Trial.SeatChangesAllowed
	case fLicensesRemoveWindow:
		dst.Licenses.RemoveWindow = src.Licenses.RemoveWindow
	case fLicensesRemoveRequiresRecurringBilling:
		dst.Licenses.RemoveRequiresRecurringBilling = src.Licenses.RemoveRequiresRecurringBilling
	case fLicensesRemovableInAdminCenter:
		dst.Licenses.RemovableInAdminCenter = src.Licenses.RemovableInAdminCenter
	case fLicensesConflict:
		dst.Licenses.ConflictDays = src.Licenses.ConflictDays
	case fLicensesExpiredOnlyWhenAllRemoved:
		dst.Licenses.ExpiredOnlyWhenAllRemoved = src.Licenses.ExpiredOnlyWhenAllRemoved
	case fLicensesMin:
		dst.Licenses.Min = src.Licenses.Min
	case fRenewalRecurringBillingDefault:
		dst.Renewal.RecurringBillingDefault = src.Renewal.RecurringBillingDefault
	case fRenewalESTAvailable:
		dst.Renewal.ESTAvailable = src.Renewal.ESTAvailable
	case fRenewalESTSurchargePercent:
		dst.Renewal.ESTSurchargePercent = src.Renewal.ESTSurchargePercent
	case fPaymentAllowReplaceWhileDisabled:
		dst.Payment.AllowReplaceWhileDisabled = src.Payment.AllowReplaceWhileDisabled
	case fCancelViaSupport:
		dst.Cancel.ViaSupport = src.Cancel.ViaSupport
	case fCancelOtherProcess:
		dst.Cancel.OtherProcess = src.Cancel.OtherProcess
	case fCancelRecurringBillingOnly:
		dst.Cancel.RecurringBillingOnly = src.Cancel.RecurringBillingOnly
	case fCancelSellerWindow:
		dst.Cancel.SellerWindowDays = src.Cancel.SellerWindowDays
	case fTrialOncePerOffer:
		dst.Trial.OncePerOffer = src.Trial.OncePerOffer
	}
}

// fieldIndex maps a JSON path to its index in fields.
var fieldIndex = func() map[string]int {
	idx := make(map[string]int, numFields)
	for i, f := range fields {
		idx[f.path] = i
	}
	return idx
}()

// FieldPaths lists the JSON paths of every rule field in the order a policy
// file writes them, such as "expired", "cancel.window" and
// "suspension.max": the names an [Override] sets.
func FieldPaths() []string {
	out := make([]string, numFields)
	for i, f := range fields {
		out[i] = f.path
	}
	return out
}

// jsonPathOf maps a Go field path of Rules as a *FieldError names it (such
// as "Rules.Cancel.Window.Length") to the JSON path of a policy file
// ("cancel.window.length").
func jsonPathOf(goPath string) string {
	goPath = strings.TrimPrefix(goPath, "Rules.")
	best := -1
	for i, f := range fields {
		if (goPath == f.goPath || strings.HasPrefix(goPath, f.goPath+".")) &&
			(best < 0 || len(f.goPath) > len(fields[best].goPath)) {
			best = i
		}
	}
	if best < 0 {
		return lowerPath(goPath)
	}
	return fields[best].path + lowerPath(goPath[len(fields[best].goPath):])
}

// lowerPath lower-cases the first letter of every segment of a dotted path.
func lowerPath(p string) string {
	parts := strings.Split(p, ".")
	for i, s := range parts {
		if s != "" {
			parts[i] = strings.ToLower(s[:1]) + s[1:]
		}
	}
	return strings.Join(parts, ".")
}

func boolField(path, goPath string, p func(*Rules) *bool) field {
	return field{
		path: path, goPath: goPath,
		enc: func(r *Rules) (string, bool) { return strconv.FormatBool(*p(r)), true },
		dec: func(d *decoder, n *jnode, at jpath, r *Rules) bool {
			if n.kind != jBool {
				d.fail(n, at, "want true or false")
				return false
			}
			*p(r) = n.b
			return true
		},
		check: func(*Rules) string { return "" },
	}
}

// durationProblem returns why a duration of v units is refused, or "".
// The bounds are those of Rules.Validate.
func durationProblem(v int, u Unit) string {
	switch {
	case v < 0:
		return "must not be negative"
	case u == Days && v > maxDays:
		return fmt.Sprintf("absurd: more than %d days", maxDays)
	case u == Hours && v > maxHours:
		return fmt.Sprintf("absurd: more than %d hours", maxHours)
	}
	return ""
}

// durationField is a duration in one unit, written {"days": n} or
// {"hours": n}; the unit is required and must be the field's own.
func durationField(path, goPath string, u Unit, p func(*Rules) *int) field {
	unit := u.String()
	return field{
		path: path, goPath: goPath,
		enc: func(r *Rules) (string, bool) { return `{"` + unit + `": ` + strconv.Itoa(*p(r)) + `}`, true },
		dec: func(d *decoder, n *jnode, at jpath, r *Rules) bool {
			if n.kind == jNumber {
				d.fail(n, at, fmt.Sprintf(`a duration needs its unit: write {"%s": %s}`, unit, d.raw(n)))
				return false
			}
			if n.kind != jObject {
				d.fail(n, at, fmt.Sprintf(`want a duration such as {"%s": 30}`, unit))
				return false
			}
			ok := true
			var val *jnode
			d.members(n, at, func(m *jmember, mpath jpath) {
				switch m.key {
				case unit:
					val = m.val
				case "days", "hours":
					d.fail(m.val, mpath, fmt.Sprintf(`this duration counts %s: write {"%s": n}`, unit, unit))
					ok = false
				default:
					d.report(int(m.keyOff), mpath.String(), strconv.Quote(m.key), fmt.Sprintf(`unknown unit: this duration counts %s, write {"%s": n}`, unit, unit))
					ok = false
				}
			})
			if val == nil {
				if ok {
					d.fail(n, at, fmt.Sprintf(`a duration needs its unit: write {"%s": n}`, unit))
				}
				return false
			}
			v, vok := d.integer(val, at.key(unit))
			if !vok {
				return false
			}
			if why := durationProblem(v, u); why != "" {
				d.fail(val, at.key(unit), why)
				return false
			}
			*p(r) = v
			return ok
		},
		check: func(r *Rules) string { return durationProblem(*p(r), u) },
	}
}

// countField is a plain non-negative count (licenses, extensions,
// percent), at most max when max >= 0.
func countField(path, goPath string, max int, p func(*Rules) *int) field {
	problem := func(v int) string {
		switch {
		case v < 0:
			return "must not be negative"
		case max >= 0 && v > max:
			return fmt.Sprintf("must be between 0 and %d", max)
		}
		return ""
	}
	return field{
		path: path, goPath: goPath,
		enc: func(r *Rules) (string, bool) { return strconv.Itoa(*p(r)), true },
		dec: func(d *decoder, n *jnode, at jpath, r *Rules) bool {
			v, ok := d.integer(n, at)
			if !ok {
				return false
			}
			if why := problem(v); why != "" {
				d.fail(n, at, why)
				return false
			}
			*p(r) = v
			return true
		},
		check: func(r *Rules) string { return problem(*p(r)) },
	}
}

// enumField is one of the package's enums, written as its text name, or
// null for the zero value (such as a cancellation effect where the window
// is never open).
func enumField[T enum](path, goPath string, names []string, p func(*Rules) *T) field {
	return field{
		path: path, goPath: goPath,
		enc: func(r *Rules) (string, bool) {
			v := *p(r)
			if v == 0 {
				return "null", true
			}
			if !enumValid(v, names) {
				return "", false
			}
			return strconv.Quote(names[v]), true
		},
		dec: func(d *decoder, n *jnode, at jpath, r *Rules) bool {
			v, ok := d.enum(n, at, names, true)
			if ok {
				*p(r) = T(v)
			}
			return ok
		},
		check: func(r *Rules) string {
			if v := *p(r); v != 0 && !enumValid(v, names) {
				return "want one of " + strings.Join(names[1:], ", ") + " or null"
			}
			return ""
		},
	}
}

// windowProblem returns the sub-field ("kind", "length", "unit",
// "retroactive") and why a window is refused, or "" and "". The checks are
// those of Rules.Validate.
func windowProblem(w Window) (sub, why string) {
	if !w.Kind.IsValid() {
		return "kind", "want one of " + strings.Join(windowKindNames[1:], ", ")
	}
	if w.Kind != AfterStart {
		if w.Length != 0 {
			return "length", "only an after-start window has a length and unit"
		}
		if w.Unit != 0 {
			return "unit", "only an after-start window has a length and unit"
		}
		if w.Retroactive {
			return "retroactive", "only an after-start window can be retroactive"
		}
		if w.Inclusive {
			return "inclusive", "only an after-start window has a boundary to include"
		}
		return "", ""
	}
	if !w.Unit.IsValid() {
		return "unit", "an after-start window needs a unit (days or hours)"
	}
	if w.Length <= 0 {
		return "length", "an after-start window needs a positive length"
	}
	if why := durationProblem(w.Length, w.Unit); why != "" {
		return "length", why
	}
	return "", ""
}

// windowField is a Window, written {"kind": "anytime"} or {"kind":
// "after-start", "length": 7, "unit": "days", "inclusive": true,
// "retroactive": false}. An after-start window needs kind, length, unit
// and inclusive: Inclusive is [AMBIGUOUS] (DC-5, DC-6) and a file states
// it; other windows have no boundary, and no "inclusive". "retroactive" is
// optional (absent: false), allowed only in an after-start window, and
// always written there.
func windowField(path, goPath string, p func(*Rules) *Window) field {
	return field{
		path: path, goPath: goPath,
		enc: func(r *Rules) (string, bool) {
			w := *p(r)
			if sub, _ := windowProblem(w); sub != "" {
				return "", false
			}
			s := `{"kind": "` + w.Kind.String() + `"`
			if w.Kind == AfterStart {
				s += `, "length": ` + strconv.Itoa(w.Length) + `, "unit": "` + w.Unit.String() + `", "inclusive": ` + strconv.FormatBool(w.Inclusive) +
					`, "retroactive": ` + strconv.FormatBool(w.Retroactive)
			}
			return s + "}", true
		},
		dec: decodeWindow(p),
		check: func(r *Rules) string {
			if sub, why := windowProblem(*p(r)); sub != "" {
				return sub + ": " + why
			}
			return ""
		},
	}
}

func decodeWindow(p func(*Rules) *Window) func(d *decoder, n *jnode, at jpath, r *Rules) bool {
	return func(d *decoder, n *jnode, at jpath, r *Rules) bool {
		if n.kind != jObject {
			d.fail(n, at, `want a window such as {"kind": "anytime"} or {"kind": "after-start", "length": 7, "unit": "days", "inclusive": true}`)
			return false
		}
		var w Window
		var kind, length, unit, inclusive, retroactive *jnode
		ok := true
		d.members(n, at, func(m *jmember, mpath jpath) {
			switch m.key {
			case "kind":
				kind = m.val
			case "length":
				length = m.val
			case "unit":
				unit = m.val
			case "inclusive":
				inclusive = m.val
			case "retroactive":
				retroactive = m.val
			default:
				d.unknown(m, mpath, []string{"kind", "length", "unit", "inclusive", "retroactive"})
				ok = false
			}
		})
		if kind == nil {
			d.fail(n, at.key("kind"), "missing: want one of "+strings.Join(windowKindNames[1:], ", "))
			return false
		}
		k, kok := d.enum(kind, at.key("kind"), windowKindNames, false)
		if !kok {
			return false
		}
		w.Kind = WindowKind(k)
		if inclusive != nil {
			if inclusive.kind != jBool {
				d.fail(inclusive, at.key("inclusive"), "want true or false")
				ok = false
			}
			w.Inclusive = inclusive.b
		}
		if retroactive != nil {
			if retroactive.kind != jBool {
				d.fail(retroactive, at.key("retroactive"), "want true or false")
				ok = false
			}
			w.Retroactive = retroactive.b
		}
		if w.Kind != AfterStart {
			for _, m := range []struct {
				name string
				n    *jnode
			}{{"length", length}, {"unit", unit}} {
				if m.n != nil {
					d.fail(m.n, at.key(m.name), "only an after-start window has a length and unit")
					ok = false
				}
			}
			if retroactive != nil && retroactive.kind == jBool {
				d.fail(retroactive, at.key("retroactive"), "only an after-start window can be retroactive")
				ok = false
			}
			if inclusive != nil && inclusive.kind == jBool {
				d.fail(inclusive, at.key("inclusive"), "only an after-start window has a boundary to include")
				ok = false
			}
			if ok {
				*p(r) = w
			}
			return ok
		}
		if unit == nil {
			d.fail(n, at.key("unit"), "missing: an after-start window needs a unit (days or hours)")
			ok = false
		} else if u, uok := d.enum(unit, at.key("unit"), unitNames, false); uok {
			w.Unit = Unit(u)
		} else {
			ok = false
		}
		if length == nil {
			d.fail(n, at.key("length"), "missing: an after-start window needs a positive length")
			ok = false
		} else if v, vok := d.integer(length, at.key("length")); vok {
			w.Length = v
			if v <= 0 {
				d.fail(length, at.key("length"), "an after-start window needs a positive length")
				ok = false
			} else if why := durationProblem(v, w.Unit); w.Unit.IsValid() && why != "" {
				d.fail(length, at.key("length"), why)
				ok = false
			}
		} else {
			ok = false
		}
		if inclusive == nil {
			d.fail(n, at.key("inclusive"), "missing: say whether the last instant or date is inside the window ([AMBIGUOUS], DC-5, DC-6)")
			ok = false
		}
		if ok {
			*p(r) = w
		}
		return ok
	}
}

// timeField is an optional instant, written as a date ("2022-01-01", at
// 00:00Z) or an RFC 3339 time, or null for none.
func timeField(path, goPath string, p func(*Rules) *time.Time) field {
	return field{
		path: path, goPath: goPath,
		enc: func(r *Rules) (string, bool) {
			t := *p(r)
			if t.IsZero() {
				return "null", true
			}
			s, ok := formatInstant(t)
			return `"` + s + `"`, ok
		},
		dec: func(d *decoder, n *jnode, at jpath, r *Rules) bool {
			if n.kind == jNull {
				*p(r) = time.Time{}
				return true
			}
			t, ok := d.instant(n, at)
			if ok {
				*p(r) = t
			}
			return ok
		},
		check: func(*Rules) string { return "" },
	}
}

// formatInstant writes t as a date when it is 00:00Z, else as an RFC 3339
// time in UTC; ok is false for a year a file cannot hold.
func formatInstant(t time.Time) (string, bool) {
	t = t.UTC()
	if y := t.Year(); y < 1 || y > 9999 {
		return "", false
	}
	if t.Equal(dayStart(t)) {
		return t.Format(time.DateOnly), true
	}
	return t.Format(time.RFC3339Nano), true
}

// parseInstant reads a date ("2006-01-02", 00:00Z) or an RFC 3339 time,
// in UTC years 1 to 9999 (what a file can hold).
func parseInstant(s string) (time.Time, bool) {
	layout := time.RFC3339Nano
	if len(s) == len(time.DateOnly) {
		layout = time.DateOnly
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		return time.Time{}, false
	}
	t = t.UTC()
	if y := t.Year(); y < 1 || y > 9999 {
		return time.Time{}, false
	}
	return t, true
}
