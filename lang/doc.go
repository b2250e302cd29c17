// Package lang holds lapse's words in English, German, Dutch and Danish —
// the languages of the documents lapse encodes — and renders them.
//
// A [Message] is a sentence as data: a stable key ("cause.purchased") and
// typed arguments ([Arg]): dates and instants as time.Time (a date as the
// instant it begins in UTC, so a clock.Date d is d.UTC()), counts and
// durations as ints, states, roles, channels and commands as terms of
// Microsoft's vocabulary ("state.expired"), rule ids and other ids as
// verbatim text. lifecycle's Reason, RefusalError and tenant.Step carry
// messages; [Message.In] renders one in a language on demand, and
// [Message.String] in English, the default. Rendering allocates and is
// never on lifecycle's Evaluate path.
//
// # Catalogs
//
// Each language is one [Catalog] in one file (en.go, de.go, nl.go, da.go):
// month names, date and time formats, plural forms of the counted units,
// and a template per key. Templates refer to arguments by index (%[1]s,
// %[2]s), so a translation can put them in any order. Catalogs are turned
// into golang.org/x/text message catalogs; counts go through x/text's
// plural rules and number formatting ("1 Tag", "30 Tage", "12.345").
// Each term notes its source beside it: a seed document ([S004]) or
// Microsoft's localised pages ([MS-de]).
//
// # Storing messages
//
// A Message is data, and survives JSON: [Message.MarshalJSON] writes its
// key and its arguments, each with its kind by name and the fields it
// uses ({"key":"cause.purchased","args":[{"kind":"term","term":
// "state.active"},{"kind":"date","time":"2026-07-29T00:00:00Z"}]}), and
// [Message.UnmarshalJSON] reads them back, so that a message stored in a
// queue or a database column renders the same words in every language.
// Reading refuses a field it does not know, rather than drop it, with a
// *[FieldError] that names it by its JSON path.
//
// # Choosing a language
//
// [Parse] reads a BCP 47 tag or a POSIX locale ("de_DE.UTF-8") and
// refuses a language without a catalog; [FromEnv] reads LC_ALL,
// LC_MESSAGES and LANG and falls back to English; [Message.In] matches
// any tag to the closest catalog (de-AT is German) and falls back to
// English.
//
// # Adding a language
//
// Copy de.go to xx.go, rename the variable, set Tag, Name, Months and the
// formats, translate every template and unit (keeping each %[n]s), note
// the source of each term, and add one line to the table in languages.go.
// The catalog tests then check that every key is there, that every
// argument is used, and that no sentence is left in English; the
// properties of lifecycle and lifecycle/tenant render every reason,
// refusal and plan step of generated portfolios in the new language too
// (package langtest), and fail on an English word left in it — unless
// the catalog lists it among its Lookalikes (German "was").
package lang
