package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/lapse-go/lapse/internal/cli"
)

// doc is a lapse-subscription/v1 document of a valid subscription with the
// id, for inputs built in tests.
func doc(id string) string {
	return `{"format":"lapse-subscription/v1","id":"` + id + `","channel":"direct-mosa","term":"annual","start":"2026-01-01T00:00:00Z","end":"2026-12-31","licenses":5,"recurringBilling":true}`
}

const csvHead = "id,channel,term,start,end,licenses,history\n"

// with returns args followed by more, in a new slice.
func with(args []string, more ...string) []string { return append(slices.Clone(args), more...) }

// TestRunErrors checks every way a run fails: the exit code (2 for the
// command line, 1 for a refusal or a problem with the input, the same as
// lapsepolicy's), and a message on stderr that names the flag, field,
// column or line at fault and, for an unknown id, the valid ones. A usage
// error writes nothing on stdout.
func TestRunErrors(t *testing.T) {
	check := []string{"check", "mosa-annual", "-at", "2026-06-01"}
	quote := []string{"quote", "csp-cancelled", "-command", "cancel-now", "-actor", "partner", "-at", "2026-01-16"}
	tests := []struct {
		name  string
		args  []string
		stdin string
		code  int
		want  []string // each on stderr
	}{
		// Values.
		{name: "empty date", args: []string{"status", "-at", ""}, code: 2, want: []string{`lapse status: -at: bad date or time "": empty`}},
		{name: "bad date", args: []string{"-at", "2026-13-01"}, code: 2, want: []string{`lapse: -at: bad date or time "2026-13-01": month out of range`}},
		{name: "no such day", args: []string{"status", "-at", "2026-02-30"}, code: 2, want: []string{`lapse status: -at: bad date or time "2026-02-30": day out of range`}},
		{name: "instant out of range", args: []string{"status", "-at", "2300-01-01"}, code: 2, want: []string{"lapse status: -at: lifecycle: at = 2300-01-01"}},
		{name: "before the purchase", args: []string{"-at", "1999-01-01", "-explain", "mosa-annual"}, code: 2, want: []string{"-at: ", "before the subscription started"}},
		{name: "bad time zone", args: []string{"status", "-tz", "Mars/Olympus"}, code: 2, want: []string{`-tz: bad time zone "Mars/Olympus": no such time zone`}},
		{name: "bad within", args: []string{"deadlines", "-within", "3y"}, code: 2, want: []string{`-within: bad duration "3y"; want days (14d)`}},
		{name: "to before from", args: []string{"deadlines", "-from", "2026-06-01", "-to", "2026-05-01"}, code: 2, want: []string{"-to: 2026-05-01T00:00:00Z is not after -from 2026-06-01T00:00:00Z"}},
		{name: "to at from", args: []string{"deadlines", "-from", "2026-06-01", "-to", "2026-06-01"}, code: 2, want: []string{"-to: 2026-06-01T00:00:00Z is not after -from"}},
		{name: "unknown language", args: []string{"-lang", "fr", "-explain", "mosa-annual"}, code: 2, want: []string{`lapse: -lang: unsupported language "fr"; want one of en, de, nl, da`}},
		{name: "unknown locale", args: []string{"status", "-lang", "nb_NO.UTF-8"}, code: 2, want: []string{`-lang: unsupported language "nb_NO.UTF-8"`}},
		{name: "unknown format", args: []string{"status", "-format", "xml"}, code: 2, want: []string{`-format: bad format "xml"; want table, json or csv`}},
		{name: "format the command does not write", args: []string{"check", "mosa-annual", "-format", "csv", "-command", "reactivate", "-actor", "user"}, code: 2,
			want: []string{"-format: lapse check writes table, json, not csv"}},
		{name: "unknown input format", args: []string{"status", "-in", "-", "-in-format", "xml"}, code: 2, want: []string{`-in-format: unknown input format "xml"; want one of auto, csv, json, partnercenter`}},
		{name: "not JSON, no format", args: []string{"status", "-in", "-"}, stdin: csvHead, code: 2, want: []string{"-in-format: missing: stdin does not start with [ or {, so it is not JSON; for CSV give -in-format csv"}},
		{name: "empty -in", args: []string{"status", "-in", ""}, code: 2, want: []string{"-in: empty"}},

		// Ids, commands and flags.
		{name: "unknown id", args: []string{"status", "nope"}, code: 2,
			want: []string{`lapse status: unknown subscription "nope"; want one of csp-cancelled, csp-trial, direct-trial, enterprise-monthly, mca-annual, mca-monthly, mosa-annual, mosa-cancelled, vl-agreement`}},
		{name: "unknown id, earlier flag", args: []string{"-timeline", "nope"}, code: 2, want: []string{`lapse: unknown subscription "nope"; want one of csp-cancelled`}},
		{name: "unknown id in another case", args: []string{"timeline", "MOSA-annual"}, code: 2, want: []string{`(did you mean "mosa-annual"?)`}},
		{name: "unknown id in the input", args: []string{"explain", "mosa-annual", "-in", "-"}, stdin: doc("a") + doc("b"), code: 2, want: []string{`unknown subscription "mosa-annual"; want one of a, b`}},
		{name: "no id", args: []string{"timeline"}, code: 2, want: []string{"lapse timeline: no subscription id given", "usage: lapse timeline ID"}},
		{name: "two ids", args: []string{"explain", "mosa-annual", "csp-trial"}, code: 2, want: []string{`want one subscription id, not 2`}},
		{name: "unknown flag", args: []string{"-bogus"}, code: 2, want: []string{`lapse: unknown flag "-bogus"; want one of -at, -channels, -explain`, "usage: lapse [-at T]"}},
		{name: "unknown command", args: []string{"stats"}, code: 2, want: []string{`lapse: unknown command "stats"; want one of apply, channels, check, deadlines, diagram, explain, export, quote, status, timeline`}},
		{name: "flag before the command", args: []string{"-at", "2026-06-01", "status"}, code: 2, want: []string{"flag -at before the command status; give the command first"}},
		{name: "stray argument", args: []string{"-at", "2026-06-01", "mosa-annual"}, code: 2, want: []string{`unexpected arguments ["mosa-annual"]`}},
		{name: "flag the command does not take", args: []string{"timeline", "mosa-annual", "-at", "2026-06-01"}, code: 2, want: []string{`unknown flag "-at"`}},

		// Flags that conflict.
		{name: "-timeline and -explain", args: []string{"-timeline", "mosa-annual", "-explain", "mosa-annual"}, code: 2, want: []string{"lapse: -timeline and -explain cannot be used together"}},
		{name: "-channels and -at", args: []string{"-channels", "-at", "2026-06-01"}, code: 2, want: []string{"-channels and -at cannot be used together"}},
		{name: "-timeline and -at", args: []string{"-at", "2026-06-01", "-timeline", "mosa-annual"}, code: 2, want: []string{"-timeline and -at cannot be used together"}},
		{name: "-within and -to", args: []string{"deadlines", "-within", "14d", "-to", "2026-07-01"}, code: 2, want: []string{"lapse deadlines: -within and -to cannot be used together"}},
		{name: "-tz with json", args: []string{"status", "-tz", "Europe/Berlin", "-format", "json"}, code: 2, want: []string{"-tz and -format json cannot be used together: JSON writes instants in UTC"}},
		{name: "-lang with json", args: []string{"explain", "mosa-annual", "-lang", "de", "-format", "json"}, code: 2, want: []string{"-lang and -format json cannot be used together"}},
		{name: "-in-format without -in", args: []string{"status", "-in-format", "csv"}, code: 2, want: []string{"-in-format needs -in"}},
		{name: "status records of two instants", args: []string{"deadlines", "-in", "-"}, code: 2,
			stdin: `{"at":"2026-06-01T00:00:00Z","subscription":` + doc("a") + `,"status":null}` + "\n" + `{"at":"2026-06-02T00:00:00Z","subscription":` + doc("b") + `,"status":null}`,
			want:  []string{"-from: missing, and the input's status records were judged at different instants (2026-06-01T00:00:00Z, 2026-06-02T00:00:00Z); give -from"}},

		// The command of check, apply and quote.
		{name: "no command, no actor", args: check, code: 2, want: []string{"lapse check: -command: missing; want command to issue: turn-off-recurring-billing", "lapse check: -actor: missing; want role"}},
		{name: "unknown command kind", args: with(check, "-command", "cancel", "-actor", "user"), code: 2,
			want: []string{`-command: unknown command "cancel"; want one of add-licenses, assign-licenses, cancel-at-renewal, cancel-now,`}},
		{name: "unknown role", args: with(check, "-command", "reactivate", "-actor", "admin"), code: 2, want: []string{`-actor: unknown role "admin"; want one of billing-account-contributor`}},
		{name: "licenses for reactivate", args: with(check, "-command", "reactivate", "-actor", "billing-admin", "-licenses", "3"), code: 2,
			want: []string{"-licenses: only for add-licenses and remove-licenses, not reactivate"}},
		{name: "add-licenses without -licenses", args: with(check, "-command", "add-licenses", "-actor", "billing-admin"), code: 2, want: []string{"-licenses: missing; add-licenses needs it"}},
		{name: "a count that is not one", args: with(check, "-command", "add-licenses", "-actor", "billing-admin", "-licenses", "three"), code: 2, want: []string{`-licenses: bad value "three"`}},
		{name: "no licenses to add", args: []string{"check", "mca-annual", "-command", "add-licenses", "-licenses", "0", "-actor", "billing-account-owner", "-at", "2026-06-01"}, code: 2,
			want: []string{"lapse check: lifecycle: Command.Licenses = 0: must be a positive number"}},
		{name: "product key for cancel", args: with(check, "-command", "cancel-now", "-actor", "billing-admin", "-product-key", "X"), code: 2, want: []string{"-product-key: only for renew, not cancel-now"}},
		{name: "before the last event", args: []string{"check", "mosa-annual", "-command", "reactivate", "-actor", "billing-admin", "-at", "2026-01-01"}, code: 2,
			want: []string{"lapse check: -at: lifecycle: ", "can't be issued before the start or the last event at 2026-02-01T00:00:00Z"}},
		{name: "quote of a command it does not price", args: []string{"quote", "mosa-annual", "-command", "reactivate", "-actor", "billing-admin", "-price", "1", "-currency", "USD"}, code: 2,
			want: []string{"-command: quote prices cancel-now or remove-licenses, not reactivate"}},
		{name: "quote without a price", args: quote, code: 2, want: []string{"-price: missing", "-currency: missing"}},
		{name: "bad currency", args: with(quote, "-price", "12.50", "-currency", "US$"), code: 2, want: []string{`-currency: "US$": want an ISO 4217 code of three letters`}},
		{name: "too many decimals", args: with(quote, "-price", "12.505", "-currency", "USD"), code: 2, want: []string{`-price: lifecycle: Money = "12.505": USD has 2 decimal digits, not 3`}},
		{name: "bad billing", args: with(quote, "-price", "12.50", "-currency", "USD", "-billing", "weekly"), code: 2,
			want: []string{`-billing: unknown billing frequency "weekly"; want one of annual, monthly, multi-year`}},
		{name: "diagram without a channel", args: []string{"diagram"}, code: 2, want: []string{"-channel: missing; want purchase channel: direct-mosa"}},
		{name: "diagram of an unknown channel", args: []string{"diagram", "-channel", "csp"}, code: 2, want: []string{`-channel: unknown channel "csp"; want one of csp-legacy, csp-nce,`}},
		{name: "diagram format", args: []string{"diagram", "-channel", "csp-nce", "-format", "png"}, code: 2, want: []string{`-format: unknown diagram format "png"; want one of dot, mermaid`}},
		{name: "help of two commands", args: []string{"help", "status", "check"}, code: 2, want: []string{"help takes one command"}},

		// Refusals: 1.
		{name: "apply refused", args: []string{"apply", "mosa-annual", "-command", "reactivate", "-actor", "user", "-at", "2026-06-01"}, code: 1,
			want: []string{"lapse apply: mosa-annual: reactivate by user at 2026-06-01T00:00:00Z", "lapse apply: refused: a user without an admin role may not reactivate",
				"lapse apply: instead: ask a Global Administrator or a Billing Administrator"}},

		// Problems with the input or the policy: 1.
		{name: "no such file", args: []string{"status", "-in", "testdata/nope.json"}, code: 1, want: []string{"lapse status: open testdata/nope.json: no such file or directory"}},
		{name: "no such policy", args: []string{"status", "-policy", "testdata/nope.json"}, code: 1, want: []string{"nope.json"}},
		{name: "empty JSON", args: []string{"status", "-in", "-", "-in-format", "json"}, stdin: " \n", code: 1, want: []string{"lapse status: stdin: empty: no subscriptions"}},
		{name: "empty input", args: []string{"status", "-in", "-"}, code: 1, want: []string{"lapse status: stdin: empty: no subscriptions"}},
		{name: "JSON of no subscriptions", args: []string{"status", "-in", "-"}, stdin: "[]", code: 1, want: []string{"lapse status: stdin: no subscriptions"}},
		{name: "JSON syntax", args: []string{"status", "-in", "-"}, stdin: "[\n" + doc("a") + ",\n{\"id\": }\n]", code: 1,
			want: []string{`lapse status: stdin:3:8: bad JSON: invalid character '}' looking for beginning of value`}},
		{name: "JSON cut short", args: []string{"status", "-in", "-"}, stdin: "[\n" + doc("a") + ",\n" + doc("b")[:40], code: 1, want: []string{"lapse status: stdin:3:41: bad JSON: unexpected end of input"}},
		{name: "JSON field", args: []string{"status", "-in", "-"}, stdin: doc("a") + "\n" + strings.Replace(doc("b"), "channel", "chanel", 1), code: 1,
			want: []string{`lapse status: stdin:2: lifecycle: chanel = "direct-mosa": unknown field; want one of format, id, channel`}},
		{name: "JSON value", args: []string{"status", "-in", "-"}, stdin: "[\n" + doc("a") + ",\n\n" + strings.Replace(doc("b"), `"2026-12-31"`, `"2026-12-32"`, 1) + "]", code: 1,
			want: []string{`lapse status: stdin:4: lifecycle: end`}},
		{name: "JSON not an object", args: []string{"status", "-in", "-"}, stdin: `[1]`, code: 1, want: []string{"stdin:1: want a subscription (a lapse-subscription/v1 document) or a status record"}},
		{name: "JSON without format", args: []string{"status", "-in", "-"}, stdin: `{"id":"a"}`, code: 1, want: []string{`stdin:1: format: missing; want a subscription`}},
		{name: "Partner Center without -in-format", args: []string{"status", "-in", "testdata/partnercenter.json"}, code: 1,
			want: []string{"lapse status: testdata/partnercenter.json:1: format: missing; this looks like Partner Center JSON: give -in-format partnercenter"}},
		{name: "Partner Center refusal", args: []string{"status", "-in", "-", "-in-format", "partnercenter"}, stdin: `{"id":"x","status":"suspended"}`, code: 1, want: []string{"lapse status: stdin: partnercenter: item 0"}},
		{name: "status record field", args: []string{"status", "-in", "-"}, stdin: `{"at":"2026-06-01T00:00:00Z","subscription":` + doc("a") + `,"extra":1}`, code: 1,
			want: []string{"stdin:1: extra: unknown field of a status record; want at, subscription, status"}},
		{name: "status record without at", args: []string{"status", "-in", "-"}, stdin: `{"subscription":` + doc("a") + `}`, code: 1, want: []string{"stdin:1: at: want the instant the status was judged at"}},
		{name: "status record's subscription", args: []string{"status", "-in", "-"}, stdin: `{"at":"2026-06-01T00:00:00Z","subscription":{"id":"a"}}`, code: 1,
			want: []string{"stdin:1: subscription: lifecycle: format = \"\": required"}},
		{name: "status record's status", args: []string{"status", "-in", "-"}, stdin: `{"at":"2026-06-01T00:00:00Z","subscription":` + doc("a") + `,"status":{"state":"gone"}}`, code: 1,
			want: []string{"stdin:1: status: "}},
		{name: "no id", args: []string{"status", "-in", "-"}, stdin: strings.Replace(doc("a"), `"id":"a",`, "", 1), code: 1, want: []string{"stdin:1: id: missing; lapse names each subscription by its id"}},
		{name: "an id twice", args: []string{"status", "-in", "-"}, stdin: doc("a") + "\n" + doc("b") + "\n" + doc("a"), code: 1, want: []string{`stdin:3: id "a": given twice, first at stdin:1`}},
		{name: "impossible history", args: []string{"status", "-in", "-"}, stdin: doc("a") + "\n" + strings.Replace(doc("b"), `}`, `,"history":[{"kind":"reactivate","at":"2026-02-01T00:00:00Z"}]}`, 1), code: 1,
			want: []string{"lapse status: stdin:2: b: lifecycle: history[0] reactivate at 2026-02-01T00:00:00Z in state active: only an expired, disabled or suspended subscription can be reactivated"}},

		// CSV, with the line of each problem.
		{name: "CSV empty", args: []string{"status", "-in", "-", "-in-format", "csv"}, code: 1, want: []string{"stdin: empty: no subscriptions"}},
		{name: "CSV header only", args: []string{"status", "-in", "-", "-in-format", "csv"}, stdin: csvHead, code: 1, want: []string{"stdin: no subscriptions after the header"}},
		{name: "CSV unknown column", args: []string{"status", "-in", "-", "-in-format", "csv"}, stdin: "id,channel,term,start,end,seats\n", code: 1,
			want: []string{`stdin:1: column "seats": unknown; want id, channel, term, start, end, licenses,`}},
		{name: "CSV columns missing", args: []string{"status", "-in", "-", "-in-format", "csv"}, stdin: "id,channel,start\n", code: 1, want: []string{"stdin:1: required columns missing: term, end"}},
		{name: "CSV column twice", args: []string{"status", "-in", "-", "-in-format", "csv"}, stdin: "id,channel,term,start,end,ID\n", code: 1, want: []string{`stdin:1: column "ID": given twice`}},
		{name: "CSV cells", args: []string{"status", "-in", "-", "-in-format", "csv"}, code: 1,
			stdin: csvHead + "a,direct-mosa,annual,2026-01-01,2026-12-31,5,\nb,direct-mosa,annual,2026-01-01,2026-02-30,-1,\nc,,annual,2026-01-01,2026-12-31,5,\n",
			want: []string{`stdin:3: column end: bad date "2026-02-30": day out of range`, `stdin:3: column licenses: "-1": want a whole number from 0 to 2147483647`,
				"stdin:4: column channel: empty; required"}},
		{name: "CSV enum", args: []string{"status", "-in", "-", "-in-format", "csv"}, stdin: csvHead + "a,mosa,yearly,2026-01-01,2026-12-31,5,\n", code: 1,
			want: []string{`stdin:2: column term: policy: Term = "yearly": unknown Term`}},
		{name: "CSV history", args: []string{"status", "-in", "-", "-in-format", "csv"}, code: 1,
			stdin: csvHead + "a,direct-mosa,annual,2026-01-01,2026-12-31,5,recurring-billing-off@2026-02-01@billing-admin;cancel@2026-03-01;recurring-billing-on@2026-03-32;recurring-billing-on@2026-04-01@nobody;recurring-billing-on;change-licenses@2026-05-01@seats=3\n",
			want: []string{`stdin:2: column history: event 2 "cancel@2026-03-01": lifecycle: EventKind = "cancel": unknown EventKind`,
				`event 3 "recurring-billing-on@2026-03-32": bad date or time "2026-03-32": day out of range`,
				`event 4 "recurring-billing-on@2026-04-01@nobody": lifecycle: Role = "nobody": unknown Role`,
				`event 5 "recurring-billing-on": want kind@instant[@actor][@licenses=N][@assigned=N][@product-key=K]`,
				`event 6 "change-licenses@2026-05-01@seats=3": "seats=3": want kind@instant`}},
		{name: "CSV row too short", args: []string{"status", "-in", "-", "-in-format", "csv"}, stdin: csvHead + "a,direct-mosa,annual,2026-01-01,2026-12-31,5,\nb,direct-mosa\n", code: 1,
			want: []string{"stdin:3:1: bad CSV: wrong number of fields"}},
		{name: "CSV quote", args: []string{"status", "-in", "-", "-in-format", "csv"}, stdin: csvHead + "a,direct-mosa,annual,2026-01-01,2026-12-31,5,\"x\n", code: 1,
			want: []string{"bad CSV: extraneous or missing \" in quoted-field"}},
		{name: "CSV subscription", args: []string{"status", "-in", "-", "-in-format", "csv"}, stdin: csvHead + "\n\na,direct-mosa,annual,2026-01-01,2025-12-31,5,\n", code: 1,
			want: []string{"stdin:4: lifecycle: Spec.End = 2025-12-31: end date before the start date 2026-01-01"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := lapse(tt.args, tt.stdin)
			if r.code != tt.code {
				t.Fatalf("lapse %q = %d, want %d; stderr:\n%s", tt.args, r.code, tt.code, r.stderr)
			}
			for _, want := range tt.want {
				if !strings.Contains(r.stderr, want) {
					t.Errorf("lapse %q stderr =\n%s\nwant it to contain %q", tt.args, r.stderr, want)
				}
			}
			if tt.code == cli.ExitUsage && r.stdout != "" {
				t.Errorf("lapse %q: a usage error wrote on stdout:\n%s", tt.args, r.stdout)
			}
			if strings.Contains(r.stderr, "panic") || strings.Contains(r.stderr, "goroutine") {
				t.Errorf("lapse %q panicked:\n%s", tt.args, r.stderr)
			}
		})
	}
}

// TestHelp: -h, help and help COMMAND print help on stdout and exit 0,
// for every command and the form without one.
func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"-h"}, {"--help"}, {"help"}, {"-at", "2026-06-01", "-h"}} {
		if r := lapse(args, ""); r.code != 0 || !strings.Contains(r.stdout, "usage:\n  lapse status") || r.stderr != "" {
			t.Errorf("lapse %q = %d, stdout:\n%s\nstderr:\n%s\nwant 0 and the program's help", args, r.code, r.stdout, r.stderr)
		}
	}
	for _, c := range (&commands{}).program().Commands {
		for _, args := range [][]string{{"help", c.Name}, {c.Name, "-h"}} {
			r := lapse(args, "")
			if r.code != 0 || !strings.HasPrefix(r.stdout, "usage: lapse "+c.Name) || r.stderr != "" {
				t.Errorf("lapse %q = %d, stdout:\n%s\nstderr:\n%s\nwant 0 and the command's help", args, r.code, r.stdout, r.stderr)
			}
		}
	}
}
