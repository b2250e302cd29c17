package tenant

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/lapse-go/lapse/internal/enumtext"
	"github.com/lapse-go/lapse/lifecycle"
)

// SystemSuffix is the suffix of the tenant's initial system domain, which
// can never be removed (R-DOM-9).
const SystemSuffix = ".onmicrosoft.com"

// UserID identifies a user to the caller: a directory object id, or the
// user principal name the user had when first seen. It stays the same when
// the user's sign-in domain changes.
type UserID string

// User is one account of the tenant's directory. Shared and resource
// mailboxes and mail contacts that use a domain count as users for the
// domain-release plan (R-DOM-8).
type User struct {
	// ID identifies the user. Required and unique.
	ID UserID
	// Domain is the user's sign-in (user principal name) domain, such as
	// "contoso.com". Required; it must be a domain of the tenant.
	Domain string
	// Roles are the user's admin roles; lifecycle.GlobalAdmin is the one
	// both plans care about.
	Roles lifecycle.RoleSet
	// MFA reports whether multifactor authentication is on for the user.
	MFA bool
	// Synced reports whether the user is synchronized from an on-premises
	// Active Directory (R-CLO-3).
	Synced bool
}

// IsGlobalAdmin reports whether the user holds the Global Administrator
// role.
func (u User) IsGlobalAdmin() bool { return u.Roles.Has(lifecycle.GlobalAdmin) }

// Group is a Microsoft 365 group, distribution list or team, with the
// domain of its email address.
type Group struct {
	// Name identifies the group, such as "sales@contoso.com". Required.
	Name string
	// Domain is the domain of the group's email address. Required; it
	// must be a domain of the tenant.
	Domain string
}

// Alias is an additional email address (proxy address) of a user or group
// that still uses a domain (R-DOM-10).
type Alias struct {
	// Address is the email address, such as "info@contoso.com"; its domain
	// is the part after the last "@".
	Address string
}

// Domain returns the alias's domain in lower case, or "" when the address
// has no "@".
func (a Alias) Domain() string {
	i := strings.LastIndexByte(a.Address, '@')
	if i < 0 {
		return ""
	}
	return normalize(a.Address[i+1:])
}

// Domain is one domain of the tenant and its DNS facts.
type Domain struct {
	// Name is the domain name, such as "contoso.com"; compared without
	// regard to case. Required and unique.
	Name string
	// System marks the initial ".onmicrosoft.com" domain every tenant has
	// exactly one of; every other domain is a custom domain. A domain is
	// marked System if and only if its name ends in ".onmicrosoft.com".
	System bool
	// Default marks the tenant's default domain; exactly one domain is the
	// default.
	Default bool
	// NSAtMicrosoft reports whether the domain's NS records point to
	// Microsoft 365 nameservers (R-DOM-3, R-DOM-4).
	NSAtMicrosoft bool
	// MXAtMicrosoft reports whether the MX record in effect still routes
	// mail to Microsoft 365.
	MXAtMicrosoft bool
	// RecordsAtNewHost reports whether the MX and other DNS records are
	// set up at the DNS host the domain moves to (R-DOM-2, R-DOM-4).
	RecordsAtNewHost bool
	// UsersNotified is when the domain's users were told the switch date
	// and the new email provider (R-DOM-6); zero if not yet.
	UsersNotified time.Time
	// RemovedAt is when the domain was removed from the tenant (removal
	// takes "as little as 5 minutes" up to about a day, R-DOM-9); zero while
	// it is attached. A removed domain has no users, groups or aliases and
	// is not the default.
	RemovedAt time.Time
}

// Removed reports whether the domain was removed from the tenant.
func (d Domain) Removed() bool { return !d.RemovedAt.IsZero() }

// BillingAccount is the tenant's billing account type. The zero value is
// invalid.
type BillingAccount uint8

// Billing account types.
const (
	// MOSA is a Microsoft Online Subscription Agreement billing account.
	MOSA BillingAccount = iota + 1
	// MCA is a Microsoft Customer Agreement billing account; it comes with
	// Microsoft Entra ID Free, which can't be cancelled (R-CAN-12).
	MCA
)

var billingAccountNames = []string{"", "mosa", "mca"}

var billingAccounts = enumtext.New[BillingAccount]("BillingAccount", billingAccountNames, entryError)

// String returns "mosa" or "mca", or "%!BillingAccount(n)" for an invalid
// value.
func (b BillingAccount) String() string { return billingAccounts.String(b) }

// IsValid reports whether b is a declared billing account type.
func (b BillingAccount) IsValid() bool { return billingAccounts.Valid(b) }

// MarshalText implements encoding.TextMarshaler: "mosa" or "mca". An
// invalid BillingAccount is an *EntryError naming the value.
func (b BillingAccount) MarshalText() ([]byte, error) { return billingAccounts.MarshalText(b) }

// UnmarshalText implements encoding.TextUnmarshaler, reading what
// ParseBillingAccount reads. On error b is unchanged.
func (b *BillingAccount) UnmarshalText(text []byte) error {
	return billingAccounts.UnmarshalText(b, text)
}

// Value implements database/sql/driver.Valuer: the canonical name, as a
// string. An invalid BillingAccount is an *EntryError.
func (b BillingAccount) Value() (driver.Value, error) { return billingAccounts.Value(b) }

// Scan implements database/sql.Scanner: a string or []byte column is read
// as UnmarshalText reads it. SQL NULL and other types are an *EntryError;
// scan a nullable column into a sql.Null[BillingAccount].
func (b *BillingAccount) Scan(src any) error { return billingAccounts.Scan(b, src) }

// ParseBillingAccount parses a billing account type's text name, "mosa"
// or "mca", in any ASCII case. The error, an *EntryError, names the value
// and the accepted names.
func ParseBillingAccount(name string) (BillingAccount, error) { return billingAccounts.Parse(name) }

// SnapshotSpec is the plain description of a tenant at one moment: its
// directory, domains, subscriptions and account-level facts. It is the
// input of [New]; a SnapshotSpec may be invalid, a [Snapshot] never is.
//
// What the plans count as done is read from these facts: a domain's users
// are moved when no user signs in with it, the NS records are moved when
// NSAtMicrosoft is false, the backup is done when BackedUp is true, and so
// on. A portal builds a new SnapshotSpec after each change it observes.
type SnapshotSpec struct {
	// Users are the directory's accounts (shared and resource mailboxes
	// and contacts included).
	Users []User
	// Groups are the Microsoft 365 groups, distribution lists and teams.
	Groups []Group
	// Aliases are the additional email addresses still in use.
	Aliases []Alias
	// Domains are the tenant's domains: exactly one System domain and
	// exactly one Default domain, removed domains included.
	Domains []Domain
	// Subscriptions are the tenant's subscriptions, each judged against
	// its policy table with lifecycle.Judge (typically policy.Builtin(),
	// or a loaded table with its override layers). Each must be a judged
	// (non-zero) Lifecycle whose Subscription().ID() is set and unique
	// within the tenant. The plans read them as judged: states from
	// Lifecycle.At, timelines from Lifecycle.Phases, and the rules in force
	// at the plan's instant from Status.Versions; this package never sees
	// the table.
	Subscriptions []lifecycle.Lifecycle
	// BillingAccount is MOSA or MCA. Required.
	BillingAccount BillingAccount
	// DirectorySync reports whether directory synchronization from an
	// on-premises Active Directory is on (R-CLO-3).
	DirectorySync bool
	// Applications are the applications registered in the tenant, by name
	// (R-CLO-4: "no applications").
	Applications []string
	// MFAProviders are the multifactor authentication providers, by name
	// (R-CLO-4: "no MFA providers").
	MFAProviders []string
	// UnpaidInvoices is the number of outstanding invoices (R-CLO-4).
	UnpaidInvoices int
	// InactivityNotified is when Microsoft notified that the billing
	// account had been inactive (no usage, no sign-in, no open support
	// request) for at least 12 months; zero when it was not, or when the
	// account has been active since (R-MISC-2). See [AccountBlocked].
	InactivityNotified time.Time
	// BackedUp reports whether the data to keep was backed up (R-CLO-1).
	BackedUp bool
	// Deleted reports whether the tenant was deleted in Microsoft Entra ID
	// (the last step of closing the account, R-CLO-3). A deleted tenant
	// keeps at most one user, the Global Administrator who closed it, and
	// only subscriptions that reach Deleted.
	Deleted bool
}

// Snapshot is a validated, immutable tenant: a SnapshotSpec without
// contradictions, with domain names in lower case. The zero Snapshot is
// invalid (the plans refuse it). A Snapshot is safe to share between
// goroutines; nothing in this package changes one.
type Snapshot struct {
	spec SnapshotSpec // owned: no slice is shared with a caller
}

// New validates spec and returns the snapshot it describes. Every problem
// is reported at once (errors.Join), each as an *[EntryError] that names
// the offending entry and matches [ErrInvalid]: a missing billing account
// type, an empty, malformed or duplicate domain name, a domain marked as
// the system domain that is not a ".onmicrosoft.com" name (or the other
// way round), no system domain or two, no default domain or two, a removed
// domain that is the default, the system domain or still in use, a user,
// group or alias on a domain the tenant doesn't have, duplicate user or
// subscription ids, a RoleSet with bits that name no lifecycle.Role, a
// zero (unjudged) lifecycle.Lifecycle, and a tenant marked Deleted while
// users other than the one Global Administrator who closed it remain, or
// a subscription whose timeline never reaches Deleted (R-CLO-3, R-CLO-4). A
// subscription's history and the table that judges it were checked by
// lifecycle.Judge, which built the Lifecycle.
func New(spec SnapshotSpec) (Snapshot, error) {
	sp := cloneSpec(spec)
	var errs []error
	bad := func(path, entry, reason string) {
		errs = append(errs, &EntryError{Path: path, Entry: entry, Reason: reason})
	}
	if !sp.BillingAccount.IsValid() {
		bad("BillingAccount", sp.BillingAccount.String(), "required: mosa or mca")
	}
	if sp.UnpaidInvoices < 0 {
		bad("UnpaidInvoices", fmt.Sprint(sp.UnpaidInvoices), "must not be negative")
	}

	// Domains.
	seen := map[string]int{}
	system, def := -1, -1
	for i := range sp.Domains {
		d := &sp.Domains[i]
		path := fmt.Sprintf("domains[%d]", i)
		d.Name = normalize(d.Name)
		if reason := checkDomainName(d.Name); reason != "" {
			bad(path, d.Name, reason)
			continue
		}
		if j, dup := seen[d.Name]; dup {
			bad(path, d.Name, fmt.Sprintf("duplicate of domains[%d]", j))
			continue
		}
		seen[d.Name] = i
		isSystemName := strings.HasSuffix(d.Name, SystemSuffix)
		switch {
		case d.System && !isSystemName:
			bad(path, d.Name, "marked as the system domain but it is a custom domain: only a "+SystemSuffix+" domain is the system domain")
		case !d.System && isSystemName:
			bad(path, d.Name, "a "+SystemSuffix+" domain must be marked as the system domain, not as a custom domain")
		}
		if d.System {
			if system >= 0 {
				bad(path, d.Name, fmt.Sprintf("a second system domain: domains[%d] %q is the tenant's %s domain", system, sp.Domains[system].Name, SystemSuffix))
			} else {
				system = i
			}
			if d.Removed() {
				bad(path, d.Name, "the "+SystemSuffix+" domain can't be removed (R-DOM-9)")
			}
		}
		if d.Default {
			if def >= 0 {
				bad(path, d.Name, fmt.Sprintf("a second default domain: domains[%d] %q is the default", def, sp.Domains[def].Name))
			} else {
				def = i
			}
			if d.Removed() {
				bad(path, d.Name, "a removed domain can't be the default domain (R-DOM-8)")
			}
		}
	}
	if system < 0 {
		bad("domains", "", "no "+SystemSuffix+" system domain: every tenant has one (R-DOM-9)")
	}
	if def < 0 {
		bad("domains", "", "no default domain")
	}
	// attached reports an entry's domain problem, or "".
	attached := func(name, what string) string {
		i, ok := seen[name]
		if !ok {
			return fmt.Sprintf("%s %q is not a domain of the tenant", what, name)
		}
		if sp.Domains[i].Removed() {
			return fmt.Sprintf("%s %q was removed from the tenant on %s", what, name, sp.Domains[i].RemovedAt.UTC().Format(time.RFC3339))
		}
		return ""
	}

	// Users.
	users := map[UserID]int{}
	for i := range sp.Users {
		u := &sp.Users[i]
		path := fmt.Sprintf("users[%d]", i)
		u.Domain = normalize(u.Domain)
		if u.ID == "" {
			bad(path, "", "user id required")
			continue
		}
		if j, dup := users[u.ID]; dup {
			bad(path, string(u.ID), fmt.Sprintf("duplicate of users[%d]", j))
			continue
		}
		users[u.ID] = i
		if r := attached(u.Domain, "sign-in domain"); r != "" {
			bad(path, string(u.ID), r)
		}
		if extra := u.Roles &^ definedRoles; extra != 0 {
			bad(path, string(u.ID), fmt.Sprintf("Roles = %#x: bits %#x name no role", uint16(u.Roles), uint16(extra)))
		}
	}
	if sp.Deleted {
		// R-CLO-3: the users are deleted before the tenant, all but the
		// Global Administrator who closes the account.
		if n := len(sp.Users); n > 1 || n == 1 && !sp.Users[0].IsGlobalAdmin() {
			bad("Deleted", "", fmt.Sprintf("the tenant is deleted but %s users still exist: at most the Global Administrator who closed it remains (R-CLO-3)", fmt.Sprint(n)))
		}
	}
	for i := range sp.Groups {
		g := &sp.Groups[i]
		path := fmt.Sprintf("groups[%d]", i)
		g.Domain = normalize(g.Domain)
		if g.Name == "" {
			bad(path, "", "group name required")
			continue
		}
		if r := attached(g.Domain, "domain"); r != "" {
			bad(path, g.Name, r)
		}
	}
	for i, a := range sp.Aliases {
		path := fmt.Sprintf("aliases[%d]", i)
		if a.Domain() == "" {
			bad(path, a.Address, "not an email address")
			continue
		}
		if r := attached(a.Domain(), "domain"); r != "" {
			bad(path, a.Address, r)
		}
	}

	// Subscriptions.
	subs := map[string]int{}
	for i, lc := range sp.Subscriptions {
		path := fmt.Sprintf("subscriptions[%d]", i)
		if lc.IsZero() {
			bad(path, "", "zero Lifecycle: judge the subscription with lifecycle.Judge(sub, table)")
			continue
		}
		id := lc.Subscription().ID()
		if id == "" {
			bad(path, "", "subscription id required: it names the subscription in plans")
			continue
		}
		if j, dup := subs[id]; dup {
			bad(path, id, fmt.Sprintf("duplicate of subscriptions[%d]", j))
			continue
		}
		subs[id] = i
		if sp.Deleted {
			// R-CLO-4: every subscription is deleted before the tenant.
			if ph := lc.Phases(); ph[len(ph)-1].State != lifecycle.Deleted {
				bad(path, id, "the tenant is deleted but the subscription never reaches Deleted: it is "+ph[len(ph)-1].State.String()+" from "+ph[len(ph)-1].Start.UTC().Format(time.RFC3339))
			}
		}
	}
	for i, a := range sp.Applications {
		if a == "" {
			bad(fmt.Sprintf("applications[%d]", i), "", "application name required")
		}
	}
	for i, p := range sp.MFAProviders {
		if p == "" {
			bad(fmt.Sprintf("mfaProviders[%d]", i), "", "MFA provider name required")
		}
	}
	if err := errors.Join(errs...); err != nil {
		return Snapshot{}, err
	}
	return Snapshot{spec: sp}, nil
}

// definedRoles is the set of every valid lifecycle.Role: a RoleSet with
// other bits names roles that do not exist.
var definedRoles = func() lifecycle.RoleSet {
	var s lifecycle.RoleSet
	for r := lifecycle.Role(1); r.IsValid(); r++ {
		s |= lifecycle.RolesOf(r)
	}
	return s
}()

// checkAt reports a zero instant, or one outside the range package
// lifecycle judges (1900-01-01 to 2200-01-01), as an *EntryError on "at"
// wrapping lifecycle's *FieldError. A plan at a zero instant would do
// nothing, and a loop walking it would never end.
func checkAt(at time.Time) error {
	if err := lifecycle.CheckInstant(at); err != nil {
		return &EntryError{Path: "at", Entry: at.Format(time.RFC3339Nano), Reason: "not an instant a plan can be made at", Err: err}
	}
	return nil
}

func normalize(name string) string {
	return strings.TrimSuffix(strings.ToLower(strings.TrimSpace(name)), ".")
}

// checkDomainName returns why name is not a domain name, or "".
func checkDomainName(name string) string {
	if name == "" {
		return "domain name required"
	}
	if !strings.Contains(name, ".") || strings.HasPrefix(name, ".") || strings.Contains(name, "..") {
		return "not a domain name"
	}
	for _, r := range name {
		if !(r == '.' || r == '-' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 0x7f) {
			return fmt.Sprintf("not a domain name: character %q", r)
		}
	}
	return ""
}

func cloneSpec(s SnapshotSpec) SnapshotSpec {
	s.Users = slices.Clone(s.Users)
	s.Groups = slices.Clone(s.Groups)
	s.Aliases = slices.Clone(s.Aliases)
	s.Domains = slices.Clone(s.Domains)
	s.Subscriptions = slices.Clone(s.Subscriptions)
	s.Applications = slices.Clone(s.Applications)
	s.MFAProviders = slices.Clone(s.MFAProviders)
	return s
}

// IsZero reports whether s is the zero (invalid) Snapshot.
func (s Snapshot) IsZero() bool { return !s.spec.BillingAccount.IsValid() }

// Spec returns the snapshot's description (with domain names in lower
// case); its slices are copies, so a caller may change it and pass it to
// [New] to describe the next moment.
func (s Snapshot) Spec() SnapshotSpec { return cloneSpec(s.spec) }

// BillingAccount returns the billing account type.
func (s Snapshot) BillingAccount() BillingAccount { return s.spec.BillingAccount }

// Users returns a copy of the users.
func (s Snapshot) Users() []User { return slices.Clone(s.spec.Users) }

// User returns the user with the given id.
func (s Snapshot) User(id UserID) (User, bool) {
	for _, u := range s.spec.Users {
		if u.ID == id {
			return u, true
		}
	}
	return User{}, false
}

// Domains returns a copy of the domains, removed ones included.
func (s Snapshot) Domains() []Domain { return slices.Clone(s.spec.Domains) }

// Domain returns the domain with the given name (compared without regard
// to case).
func (s Snapshot) Domain(name string) (Domain, bool) {
	name = normalize(name)
	for _, d := range s.spec.Domains {
		if d.Name == name {
			return d, true
		}
	}
	return Domain{}, false
}

// SystemDomain returns the tenant's ".onmicrosoft.com" domain.
func (s Snapshot) SystemDomain() Domain {
	for _, d := range s.spec.Domains {
		if d.System {
			return d
		}
	}
	return Domain{}
}

// Subscriptions returns a copy of the judged subscriptions, in snapshot
// order. A lifecycle.Lifecycle is an immutable value: the copy shares
// nothing a caller can change.
func (s Snapshot) Subscriptions() []lifecycle.Lifecycle { return slices.Clone(s.spec.Subscriptions) }

// Subscription returns the judged subscription with the given id.
func (s Snapshot) Subscription(id string) (lifecycle.Lifecycle, bool) {
	for _, lc := range s.spec.Subscriptions {
		if lc.Subscription().ID() == id {
			return lc, true
		}
	}
	return lifecycle.Lifecycle{}, false
}

// CustomDomainsInUse returns the names of the custom domains still attached
// to the tenant (not System, not removed), in snapshot order; nil if none.
// A cancellation must wait until it is empty (R-CAN-10, R-DOM-1); see
// [CanCancel].
func (s Snapshot) CustomDomainsInUse() []string {
	var out []string
	for _, d := range s.spec.Domains {
		if !d.System && !d.Removed() {
			out = append(out, d.Name)
		}
	}
	return out
}

func (s Snapshot) usersOn(domain string) []User {
	var out []User
	for _, u := range s.spec.Users {
		if u.Domain == domain {
			out = append(out, u)
		}
	}
	return out
}

func (s Snapshot) groupsOn(domain string) []Group {
	var out []Group
	for _, g := range s.spec.Groups {
		if g.Domain == domain {
			out = append(out, g)
		}
	}
	return out
}

func (s Snapshot) aliasesOn(domain string) []Alias {
	var out []Alias
	for _, a := range s.spec.Aliases {
		if a.Domain() == domain {
			out = append(out, a)
		}
	}
	return out
}
