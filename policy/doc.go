// Package policy holds the Microsoft 365 commercial subscription lifecycle
// rules as data: the purchase [Channel], the commitment [Term], the
// per-channel [Rules] (days in Expired and Disabled, the expiry anchor,
// cancellation windows and effects, purge bounds, reactivation, suspension,
// trial and license rules), and an effective-dated [Table] whose every row
// cites the rule ids (R-…, DC-…, C-…) and source keys of the domain
// specification it transcribes.
//
// # What it is not
//
// Rules are not a state machine and never read the clock: they are the
// numbers and settings that package lifecycle applies to a subscription at
// an instant the caller passes in. A [Table] is immutable once built and
// safe for concurrent use; [Rules] and [Row] are plain values.
//
// # Versions
//
// Microsoft's numbers hold "for most offers in most countries/regions" and
// changed over time (Volume Licensing in 2024 and 2025, direct MCA from
// 2026-02-09, the Open License program retired in December 2021). The
// built-in table keeps every documented version as rows with an
// effective-from and an effective-until instant; [Table.Lookup] returns the
// row in force at the instant given. A subscription lives through several
// versions, and package lifecycle's Judge resolves each rule by the one in
// force when it applies: each term's end of life by the version in force
// on that term's end date (R-LC-14), each window by the version in force
// when it opened, each command by the version in force at its instant.
//
// [Table.Schedule] lists, for one key, every [Version] of the rules over
// time: the periods during which the same row, with the same override
// rows, is in force. A table builds one schedule per key class on first
// use and shares it, so that Lookup is a search by date; [Pin] makes a
// table of fixed rules, for judging a subscription by them alone.
//
// A window is judged by the version in force when it opened, unless a
// later version declares its window [Window.Retroactive]: the CSP
// new-commerce seven-day window of March 2022 "will apply retroactively to
// subscriptions purchased seven days prior" (R-CAN-14).
//
// # Ambiguities
//
// Where the sources leave a boundary open ([AMBIGUOUS] in the
// specification) the choice is a named field with the documented default,
// never a silent choice: [Rules.ExpiryAnchor] (DC-3a/DC-3b),
// [Window.Inclusive] (DC-5/DC-6), [ReactivationRules.ExplicitDeleteHours]
// (C-6), [Rules.DisabledUntilTermEnd] (C-20),
// [SuspensionRules.AtTermEnd] (C-8), [PurgeRules.ExpiryDeadlineFrom]
// (R-DAT-3), [TrialRules.ExpiredDays] (C-12), [OnlineLimit.Inclusive]
// (R-CAN-6, AC-15) and [PaymentRules.AllowReplaceWhileDisabled] (R-PAY-3).
//
// # Scope: products, offers and countries
//
// A [Key] names a channel and a term, and optionally a product, an offer
// and a country; a [Row] may be scoped by any of them. [Table.Lookup]
// answers with the most specific row in force: offer before country,
// country before product, product before a generic row, named terms before
// any term. Microsoft's numbers hold "for most offers in most
// countries/regions" (§1.1), so the scopes are where the exceptions go.
//
// # Policy files
//
// A policy file is JSON (read and written with the standard library only):
//
//	{
//	  "format": "lapse-policy/v1",
//	  "kind": "table",            // or "overrides"
//	  "name": "builtin",          // required for overrides: the layer's name
//	  "description": "…",         // optional, for people
//	  "rows": [
//	    {
//	      "channel": "volume-licensing",
//	      "terms": ["annual"],               // optional: every term
//	      "products": ["microsoft-365-copilot"], // optional, as "offers" and "countries"
//	      "from": "2025-02-06",              // a date (00:00Z) or an RFC 3339 time
//	      "until": "2026-02-09",             // optional: open-ended
//	      "version": "2025-02",              // optional label
//	      "cite": {"rules": "§1.1 row 7a", "sources": "[D-WIF-2025-02]"},
//	      "expiryAnchor": "on-end-date",
//	      "expired": {"days": 30},
//	      "cancel": {"window": {"kind": "after-start", "length": 7, "unit": "days", "inclusive": true, "retroactive": false}, …},
//	      …
//	    }
//	  ]
//	}
//
// Every duration carries its unit ({"days": n} or {"hours": n}, the unit
// the field counts in), every window its kind, length, unit and the
// [AMBIGUOUS] inclusive boundary, every enum its text name (null for none
// where the zero value is allowed), and every row its citation. An
// after-start window may say "retroactive": true ([Window.Retroactive]);
// the key is optional (absent means false, so files written before it
// existed still load), refused in other kinds of window, and always
// written by [Table.WriteJSON] and [Layer.WriteJSON].
// [FieldPaths] lists the rule fields by JSON path. A row of a "table" file
// gives every rule field; [Table.WriteJSON] writes such a file, and loading
// it gives an equal table (testdata/builtin.golden.json is [Builtin]).
//
// [LoadJSON], [ParseJSON] and [LoadFile] are strict: unknown or duplicate
// keys, wrong types, missing fields, durations without their unit,
// negative or absurd durations, windows without a unit, missing
// citations, dates out of order, rows of equal specificity that overlap,
// gaps in a channel's rules and files over the size limit are errors.
// Every problem is reported at once, each a [*FileError] naming the line,
// column and JSON path of the value, up to [MaxProblems] of them and then
// one more *FileError counting the rest ("and 2153 more problems"); no
// input makes them panic.
//
// # Limits
//
// Loading is bounded whatever the input: a file is at most
// [LoadOptions.MaxBytes] ([DefaultMaxBytes], 1 MiB, by default), nested
// at most 32 levels deep, a row names at most [MaxNames] products,
// offers or countries, and its rows name at most [MaxCells]
// combinations of channel, term, product, offer and country (a row names
// its terms × products × offers × countries, each at least one); checking
// an overrides file against the table it applies to examines at most
// MaxCells keys × instants per channel. Rows are compared only with rows
// of the same scope, in order of date, and each row that overlaps another
// is reported once. Any input within the default limit loads or is
// refused in well under 200 ms and 64 MB (BenchmarkLoadAdversarial, on
// the files of testdata/adversarial).
//
// # Overrides
//
// A file of kind "overrides" is a [Layer]: rows that set only some rule
// fields, for a channel and any scope, during a period, each citing where
// its values come from. [Table.With] applies layers on top of a table (the
// loader puts an overrides file on [Builtin] unless told otherwise), and
// [Table.Effective] tells, for each value, which table or layer and which
// of its rows it came from. [Diff] compares the answers of two tables.
//
// The command examples/lapsepolicy validates, shows, diffs and exports
// policy files.
package policy
