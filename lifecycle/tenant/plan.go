package tenant

import (
	"database/sql/driver"
	"fmt"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/lapse-go/lapse/internal/enumtext"
	"github.com/lapse-go/lapse/lang"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// PlanKind says which procedure a [Plan] is. The zero value is invalid.
type PlanKind uint8

// Plan kinds.
const (
	// ReleaseDomain frees a custom domain so that another provider (or the
	// hoster's own mail product) can use it, R-DOM-1…R-DOM-10.
	ReleaseDomain PlanKind = iota + 1
	// CloseAccount closes the Microsoft 365 account and deletes the
	// tenant, R-CLO-1…R-CLO-5.
	CloseAccount
)

var planKindNames = []string{"", "release-domain", "close-account"}

var planKinds = enumtext.New[PlanKind]("PlanKind", planKindNames, entryError)

// String returns the kind's text name, such as "release-domain".
func (k PlanKind) String() string { return planKinds.String(k) }

// IsValid reports whether k is a declared kind.
func (k PlanKind) IsValid() bool { return planKinds.Valid(k) }

// MarshalText implements encoding.TextMarshaler: the kind's canonical
// name. An invalid PlanKind is an *EntryError naming the value.
func (k PlanKind) MarshalText() ([]byte, error) { return planKinds.MarshalText(k) }

// UnmarshalText implements encoding.TextUnmarshaler: a name in any ASCII
// case. The error, an *EntryError, names the value and the accepted
// names; on error k is unchanged.
func (k *PlanKind) UnmarshalText(b []byte) error { return planKinds.UnmarshalText(k, b) }

// Value implements database/sql/driver.Valuer: the canonical name, as a
// string. An invalid PlanKind is an *EntryError.
func (k PlanKind) Value() (driver.Value, error) { return planKinds.Value(k) }

// Scan implements database/sql.Scanner: a string or []byte column is read
// as UnmarshalText reads it. SQL NULL and other types are an *EntryError;
// scan a nullable column into a sql.Null[PlanKind].
func (k *PlanKind) Scan(src any) error { return planKinds.Scan(k, src) }

// StepID names a step of a plan. The zero value is invalid.
type StepID uint8

// Steps of the ReleaseDomain plan, in order (AC-51).
const (
	// NotifyUsers: tell the users the switch date and the new email
	// provider (R-DOM-6).
	NotifyUsers StepID = iota + 1
	// DNSRecords: set up the MX and other records at the new DNS host
	// (R-DOM-2, R-DOM-4, R-DOM-5).
	DNSRecords
	// Nameservers: move the NS records away from Microsoft 365 (R-DOM-3,
	// R-DOM-4).
	Nameservers
	// OtherGlobalAdmin: make sure a Global Administrator signs in with a
	// different domain (R-DOM-8).
	OtherGlobalAdmin
	// MoveUsers: move (or delete) the users of the domain (R-DOM-7,
	// R-DOM-8, R-DOM-10).
	MoveUsers
	// MoveGroups: move the groups, distribution lists and teams (R-DOM-7,
	// R-DOM-8).
	MoveGroups
	// DeleteAliases: delete the remaining aliases (R-DOM-10).
	DeleteAliases
	// ChangeDefaultDomain: make another domain the default (R-DOM-8).
	ChangeDefaultDomain
	// RemoveDomain: remove the domain from the tenant (R-DOM-7, R-DOM-9).
	RemoveDomain

	// ConfirmGlobalAdmin: the person closing the account is a Global
	// Administrator (R-CLO-2, C-10).
	ConfirmGlobalAdmin
	// BackUp: back up the data to keep (R-CLO-1).
	BackUp
	// TurnOffDirectorySync: turn off directory synchronization before
	// deleting synced users (R-CLO-3).
	TurnOffDirectorySync
	// DeleteUsers: delete every user except the acting Global
	// Administrator (R-CLO-3, R-CLO-4).
	DeleteUsers
	// RemoveCustomDomains: remove the custom domains before cancelling
	// (R-CAN-10, R-DOM-1).
	RemoveCustomDomains
	// CancelSubscriptions: cancel the active subscriptions, or turn off
	// their recurring billing (R-CLO-3, R-CAN-3).
	CancelSubscriptions
	// DeleteSubscriptions: delete the disabled subscriptions where the
	// admin can (R-CLO-3, R-LC-9).
	DeleteSubscriptions
	// DisableMFA: turn off multifactor authentication for every account
	// but the acting Global Administrator (R-CLO-3).
	DisableMFA
	// RemoveApplications: delete the applications (R-CLO-4).
	RemoveApplications
	// RemoveMFAProviders: delete the MFA providers (R-CLO-4).
	RemoveMFAProviders
	// PayInvoices: pay the outstanding invoices (R-CLO-4).
	PayInvoices
	// DeleteTenant: delete the tenant in Microsoft Entra ID (R-CLO-3,
	// R-CLO-4, R-CAN-12).
	DeleteTenant
)

var stepNames = []string{"", "notify-users", "dns-records", "nameservers", "other-global-admin", "move-users",
	"move-groups", "delete-aliases", "change-default-domain", "remove-domain",
	"confirm-global-admin", "back-up", "turn-off-directory-sync", "delete-users", "remove-custom-domains",
	"cancel-subscriptions", "delete-subscriptions", "disable-mfa", "remove-applications", "remove-mfa-providers",
	"pay-invoices", "delete-tenant"}

var steps = enumtext.New[StepID]("StepID", stepNames, entryError)

// String returns the step's text name, such as "nameservers".
func (id StepID) String() string { return steps.String(id) }

// IsValid reports whether id is a declared step.
func (id StepID) IsValid() bool { return steps.Valid(id) }

// MarshalText implements encoding.TextMarshaler: the step's canonical
// name. An invalid StepID is an *EntryError naming the value.
func (id StepID) MarshalText() ([]byte, error) { return steps.MarshalText(id) }

// UnmarshalText implements encoding.TextUnmarshaler: a name in any ASCII
// case. The error, an *EntryError, names the value and the accepted
// names; on error id is unchanged.
func (id *StepID) UnmarshalText(b []byte) error { return steps.UnmarshalText(id, b) }

// Value implements database/sql/driver.Valuer: the canonical name, as a
// string. An invalid StepID is an *EntryError.
func (id StepID) Value() (driver.Value, error) { return steps.Value(id) }

// Scan implements database/sql.Scanner: a string or []byte column is read
// as UnmarshalText reads it. SQL NULL and other types are an *EntryError;
// scan a nullable column into a sql.Null[StepID].
func (id *StepID) Scan(src any) error { return steps.Scan(id, src) }

// StepStatus is where a step stands. The zero value is invalid.
type StepStatus uint8

// Step statuses.
const (
	// Done: what the step asks for holds in the snapshot.
	Done StepStatus = iota + 1
	// Next: the step can be taken now, or at Step.Earliest when that is
	// later than the plan's instant (a wait that needs no action).
	Next
	// Blocked: the step can't be taken until an obstacle that Step.Reason
	// names is removed; Step.Unblock says how.
	Blocked
	// NotNeeded: the step does not apply to this tenant.
	NotNeeded
	// Pending: the step comes after steps that are not finished yet
	// (Step.Reason names them).
	Pending
)

var stepStatusNames = []string{"", "done", "next", "blocked", "not-needed", "pending"}

var stepStatuses = enumtext.New[StepStatus]("StepStatus", stepStatusNames, entryError)

// String returns the status's text name, such as "not-needed".
func (s StepStatus) String() string { return stepStatuses.String(s) }

// IsValid reports whether s is a declared status.
func (s StepStatus) IsValid() bool { return stepStatuses.Valid(s) }

// Finished reports whether the status is Done or NotNeeded.
func (s StepStatus) Finished() bool { return s == Done || s == NotNeeded }

// MarshalText implements encoding.TextMarshaler: the status's canonical
// name. An invalid StepStatus is an *EntryError naming the value.
func (s StepStatus) MarshalText() ([]byte, error) { return stepStatuses.MarshalText(s) }

// UnmarshalText implements encoding.TextUnmarshaler: a name in any ASCII
// case. The error, an *EntryError, names the value and the accepted
// names; on error s is unchanged.
func (s *StepStatus) UnmarshalText(b []byte) error { return stepStatuses.UnmarshalText(s, b) }

// Value implements database/sql/driver.Valuer: the canonical name, as a
// string. An invalid StepStatus is an *EntryError.
func (s StepStatus) Value() (driver.Value, error) { return stepStatuses.Value(s) }

// Scan implements database/sql.Scanner: a string or []byte column is read
// as UnmarshalText reads it. SQL NULL and other types are an *EntryError;
// scan a nullable column into a sql.Null[StepStatus].
func (s *StepStatus) Scan(src any) error { return stepStatuses.Scan(s, src) }

// Step is one entry of a plan's checklist. It is a plain value.
type Step struct {
	// ID names the step.
	ID StepID
	// Status says where it stands at the plan's instant.
	Status StepStatus
	// Text says what to do, in plain English (Messages.Text rendered).
	Text string
	// Reason says why the step has its status: what holds, what is
	// missing, what blocks it.
	Reason string
	// Rule and Sources cite RULES.md: rule ids such as "R-DOM-3, R-DOM-4"
	// and source keys such as "[S002], [S003]".
	Rule    string
	Sources string
	// Unblock says what would unblock a Blocked or Pending step; empty
	// otherwise.
	Unblock string
	// Earliest is the first instant the step can be taken, for a Next or
	// Blocked step that also has to wait (an MCA subscription is deleted at
	// the end of its term, a tenant 72 hours after the last subscription
	// deletion). Zero means now, or not known yet (Pending).
	Earliest time.Time
	// By names who can take the step, for the steps that act on
	// subscriptions: the roles of the plan's actor that Apply accepts for
	// a Next step, or — for a step Blocked on someone else — the roles
	// that may (the CSP partner, an MCA billing account owner). Empty for
	// the other steps, which the plan's actor takes. [Plan.Execute] acts
	// only with the actor's own roles.
	By lifecycle.RoleSet
	// Targets name the entries the step acts on or is blocked by: user
	// ids, group names, aliases, subscription ids, domain names, or
	// "billing-account".
	Targets []string
	// Messages are Text, Reason and Unblock as data — catalog keys and
	// typed arguments — which In renders in another language.
	Messages StepMessages
}

// StepMessages are the words of a Step as data (package lang): Text,
// Reason and Unblock are their English renderings. A zero Message stands
// for no words.
type StepMessages struct {
	Text, Reason, Unblock lang.Message
}

// In returns a copy of s with Text, Reason and Unblock in the supported
// language closest to t (English when none is close). Rule ids, sources,
// step ids and targets are not translated.
func (s Step) In(t language.Tag) Step {
	s.Text, s.Reason, s.Unblock = s.Messages.Text.In(t), s.Messages.Reason.In(t), s.Messages.Unblock.In(t)
	return s
}

// In returns a copy of p whose steps' words are in the supported language
// closest to t; see Step.In.
func (p Plan) In(t language.Tag) Plan {
	p.Steps = slices.Clone(p.Steps)
	for i, s := range p.Steps {
		p.Steps[i] = s.In(t)
	}
	return p
}

// Plan is a checklist that knows the tenant: its steps in order, each with
// its status at the instant At. A Plan is a plain value computed by
// [ReleaseDomainPlan] or [CloseAccountPlan]; it does not change when the
// tenant does: compute a new one from a new Snapshot.
type Plan struct {
	// Kind is the procedure.
	Kind PlanKind
	// Domain is the domain a ReleaseDomain plan frees; empty otherwise.
	Domain string
	// Actor is the user who carries the plan out (the acting Global
	// Administrator); may be empty for a ReleaseDomain plan.
	Actor UserID
	// DeleteUsers says a ReleaseDomain plan deletes the users of the
	// domain instead of moving them to the system domain (deleting a user
	// also deletes the user's data in the cloud, R-DOM-10).
	DeleteUsers bool
	// At is the instant the plan was evaluated at, in UTC.
	At time.Time
	// Steps are the steps in the order the sources give.
	Steps []Step
	// Done reports whether every step is Done or NotNeeded.
	Done bool
}

// Next returns the step to take next: among the steps with status Next,
// the one with the earliest Earliest (zero, meaning now, first), and
// among those the first in plan order. ok is false when no step is Next:
// the plan is Done, or Blocked steps hold it up.
func (p Plan) Next() (step Step, ok bool) {
	for _, s := range p.Steps {
		if s.Status != Next {
			continue
		}
		if !ok || s.Earliest.Before(step.Earliest) {
			step, ok = s, true
		}
	}
	return step, ok
}

// Step returns the step with the given id.
func (p Plan) Step(id StepID) (Step, bool) {
	for _, s := range p.Steps {
		if s.ID == id {
			return s, true
		}
	}
	return Step{}, false
}

// Blocked returns the Blocked steps in plan order.
func (p Plan) Blocked() []Step {
	var out []Step
	for _, s := range p.Steps {
		if s.Status == Blocked {
			out = append(out, s)
		}
	}
	return out
}

// String renders the plan as a checklist, one line per step:
//
//	[done] notify-users: Tell the users of contoso.com … (R-DOM-6)
func (p Plan) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s", p.Kind)
	if p.Domain != "" {
		fmt.Fprintf(&b, " %s", p.Domain)
	}
	fmt.Fprintf(&b, " at %s", p.At.UTC().Format(time.RFC3339))
	if p.Done {
		b.WriteString(": done")
	}
	b.WriteByte('\n')
	for _, s := range p.Steps {
		fmt.Fprintf(&b, "[%s] %s", s.Status, s.ID)
		if !s.Earliest.IsZero() {
			fmt.Fprintf(&b, " (from %s)", s.Earliest.UTC().Format(time.RFC3339))
		}
		fmt.Fprintf(&b, ": %s (%s)\n", s.Text, s.Rule)
	}
	return b.String()
}

// draft is a step being computed, with the steps it waits for.
type draft struct {
	Step
	after []StepID
}

// resolve turns drafts into the plan's steps. A step waits for the
// unfinished steps it comes after and, through a finished one, for what
// that one waits for (the facts of a later step can be true before an
// earlier step is done, without releasing the order); an unfinished
// step that waits for an unfinished step becomes Pending, keeping its own
// reason after the wait.
func resolve(p *Plan, ds []draft) {
	status := map[StepID]StepStatus{}
	waits := map[StepID][]StepID{} // the nearest unfinished steps each step waits for
	p.Steps = make([]Step, 0, len(ds))
	p.Done = true
	for _, d := range ds {
		s := d.Step
		var w []StepID
		for _, a := range d.after {
			if !status[a].Finished() {
				if !slices.Contains(w, a) {
					w = append(w, a)
				}
				continue
			}
			for _, b := range waits[a] { // a is finished but waits itself (facts can run ahead)
				if !slices.Contains(w, b) {
					w = append(w, b)
				}
			}
		}
		slices.Sort(w) // StepIDs are declared in plan order
		waits[s.ID] = w
		if !s.Status.Finished() {
			p.Done = false
			if len(w) > 0 {
				names := make([]string, len(w))
				for i, id := range w {
					names[i] = id.String()
				}
				if s.Status == Blocked {
					s.Messages.Unblock = msg("plan.finish-then", lang.List(names...), lang.Sub(s.Messages.Unblock))
				} else {
					s.Messages.Unblock = msg("plan.finish", lang.List(names...))
				}
				if own := s.Messages.Reason; own.IsZero() {
					s.Messages.Reason = msg("plan.waits-for", lang.List(names...))
				} else {
					s.Messages.Reason = msg("plan.waits-for.own", lang.List(names...), lang.Sub(own))
				}
				s.Status = Pending
			}
		}
		status[s.ID] = s.Status
		s.Text, s.Reason, s.Unblock = s.Messages.Text.String(), s.Messages.Reason.String(), s.Messages.Unblock.String()
		p.Steps = append(p.Steps, s)
	}
}

// sources of the rules the plans cite (RULES.md §5).
const (
	srcDNS       = "[S002], [S003]"
	srcRemove    = "[D-DOM-OLD], [P-DOM-LIVE]"
	srcRemoveNew = "[P-DOM-LIVE]"
	srcHoster    = "[S000], [P-GRAPH-DOMDEL]"
	srcCancelDom = "[S002], [S003], [D-CAN-2024-09]"
	srcClose     = "[D-CLOSE-2025-07], [S001]"
	srcEntra     = "[E-TENANT-2024-01]"
	srcMCACancel = "[D-CAN-2024-09], [D-CAN-2025-05]"
)

func userIDs(us []User) []string {
	out := make([]string, len(us))
	for i, u := range us {
		out[i] = string(u.ID)
	}
	return out
}

// entryError is this package's enumtext.ErrorFunc: the enums' text and
// database/sql methods report a bad value as an *EntryError whose Path is
// the type, such as "StepID", and whose Entry is the value ("" for SQL
// NULL).
func entryError(typ string, v any, reason string) error {
	entry := ""
	if v != nil {
		entry = fmt.Sprint(v)
	}
	return &EntryError{Path: typ, Entry: entry, Reason: reason}
}

// evaluated is a judged subscription and its status at the plan's
// instant.
type evaluated struct {
	lc     lifecycle.Lifecycle
	id     string
	status lifecycle.Status
}

// channel returns the subscription's purchase channel.
func (e evaluated) channel() policy.Channel { return e.lc.Subscription().Channel() }

// commands returns the rules in force at the plan's instant, which judge
// a command issued then (Status.Versions().Commands).
func (e evaluated) commands() policy.Rules { return e.status.Versions().Commands.Rules() }

func (s Snapshot) evaluate(at time.Time) ([]evaluated, error) {
	out := make([]evaluated, 0, len(s.spec.Subscriptions))
	for i, lc := range s.spec.Subscriptions {
		id := lc.Subscription().ID()
		st, err := lc.At(at)
		if err != nil {
			return nil, &EntryError{Path: fmt.Sprintf("subscriptions[%d]", i), Entry: id,
				Reason: "can't evaluate at " + at.UTC().Format(time.RFC3339), Err: err}
		}
		out = append(out, evaluated{lc: lc, id: id, status: st})
	}
	return out, nil
}
