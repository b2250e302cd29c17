package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/lapse-go/lapse/internal/cli"
	"github.com/lapse-go/lapse/lang"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

const checkDoc = `Check says whether the command -command, issued by -actor at -at, would
be accepted for the subscription with the id: "accepted" and the state
before and after, or "refused" with the rule that refuses it, why, and
what the actor can do instead. It exits 0 when the command is accepted
and 1 when it is refused.

-licenses is the number of licenses add-licenses and remove-licenses add
or remove, -assigned the number assign-licenses leaves assigned,
-product-key the key renew extends a prepaid subscription with, and
-custom-domain (repeatable) a custom domain still to be removed before a
cancellation.`

const applyDoc = `Apply issues the command as check judges it and, when it is accepted,
writes the subscription with the command's event appended, as a
lapse-subscription/v1 document on one line, to save or to pipe to another
command's -in. When it is refused it writes nothing on stdout, the
refusal on stderr, and exits 1.`

const quoteDoc = `Quote prices cancel-now or remove-licenses, issued by -actor at -at: what
was paid for the billing period, what is deducted for the days held, what
is refunded or credited, and any early termination fee. -price is the
price of one license for one billing period, in -currency (an ISO 4217
code); -billing is the billing frequency, monthly, annual or multi-year
(default the subscription's term). A cancellation whose window has closed
quotes no refund with the refusal, and exits 1.`

// commandFlags are the flags of check, apply and quote that make the
// command.
type commandFlags struct {
	fs                 *flag.FlagSet
	kind, actor        string
	licenses, assigned int
	productKey         string
	domains            cli.Strings
}

// newCommandFlags registers the flags of check, apply and quote: the
// input, -at, -lang and the command's.
func (c *commands) newCommandFlags(fs *flag.FlagSet) (*opts, *commandFlags) {
	o := newOpts(c.e, fs)
	o.inputFlags(true)
	o.instantFlag("at", "instant to issue the command at")
	cf := &commandFlags{fs: fs}
	fs.StringVar(&cf.kind, "command", "", "command to issue: "+strings.Join(commandKindNames(), ", "))
	fs.StringVar(&cf.actor, "actor", "", "role of who issues it: "+strings.Join(roleNames(), ", "))
	fs.IntVar(&cf.licenses, "licenses", 0, "add-licenses, remove-licenses: how many licenses to add or remove (`N`)")
	fs.IntVar(&cf.assigned, "assigned", 0, "assign-licenses: how many licenses are assigned afterwards (`N`)")
	fs.StringVar(&cf.productKey, "product-key", "", "renew: the product `key` that extends a prepaid subscription")
	fs.Var(&cf.domains, "custom-domain", "cancel-now, cancel-at-renewal: a custom `domain` still to be removed (repeatable)")
	return o, cf
}

func commandKindNames() []string {
	var names []string
	for _, k := range lifecycle.CommandKinds() {
		names = append(names, k.String())
	}
	return names
}

func roleNames() []string {
	var names []string
	for r := lifecycle.Role(1); r.IsValid(); r++ {
		names = append(names, r.String())
	}
	return names
}

// command returns the command the flags give, or the usage errors they
// hold: -command and -actor required and known, and each of the other
// flags set only for the commands that read it.
func (cf *commandFlags) command() (lifecycle.Command, error) {
	if err := cli.Required(cf.fs, "command", "actor"); err != nil {
		return lifecycle.Command{}, err
	}
	var errs []error
	kind, err := lifecycle.ParseCommandKind(strings.TrimSpace(cf.kind))
	if err != nil {
		errs = append(errs, cli.FlagError("command", cli.UnknownID("command", cf.kind, commandKindNames())))
	}
	actor, err := lifecycle.ParseRole(strings.TrimSpace(cf.actor))
	if err != nil {
		errs = append(errs, cli.FlagError("actor", cli.UnknownID("role", cf.actor, roleNames())))
	}
	if err := errors.Join(errs...); err != nil {
		return lifecycle.Command{}, err
	}
	set := map[string]bool{}
	cf.fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	// only refuses flag unless the command is one of kinds, and requires
	// it when it is.
	only := func(flag string, kinds ...lifecycle.CommandKind) {
		var names []string
		for _, k := range kinds {
			names = append(names, k.String())
		}
		switch in := slices.Contains(kinds, kind); {
		case set[flag] && !in:
			errs = append(errs, cli.FlagError(flag, fmt.Errorf("only for %s, not %s", strings.Join(names, " and "), kind)))
		case !set[flag] && in && flag != "custom-domain":
			errs = append(errs, cli.FlagError(flag, fmt.Errorf("missing; %s needs it", kind)))
		}
	}
	only("licenses", lifecycle.CmdAddLicenses, lifecycle.CmdRemoveLicenses)
	only("assigned", lifecycle.CmdAssignLicenses)
	only("custom-domain", lifecycle.CmdCancelNow, lifecycle.CmdCancelAtRenewal)
	if set["product-key"] && kind != lifecycle.CmdRenew {
		errs = append(errs, cli.FlagError("product-key", fmt.Errorf("only for %s, not %s", lifecycle.CmdRenew, kind)))
	}
	return lifecycle.Command{Kind: kind, Actor: actor, Licenses: cf.licenses, Assigned: cf.assigned,
		ProductKey: cf.productKey, CustomDomains: cf.domains}, errors.Join(errs...)
}

// commandError sorts an error of Check, Apply or Quote: a refusal is
// returned as it is, an instant before the history's last event is the
// fault of -at, other invalid input the command line's.
func commandError(err error) error {
	var refusal *lifecycle.RefusalError
	switch {
	case errors.As(err, &refusal):
		return err
	case errors.Is(err, lifecycle.ErrHistory):
		return cli.FlagError("at", err)
	case errors.Is(err, lifecycle.ErrInvalid):
		return &cli.UsageError{Err: err}
	}
	return err
}

// parseIssue parses the flags of check, apply and quote and returns the
// subscription id and the command.
func (o *opts) parseIssue(cf *commandFlags, args []string) (string, lifecycle.Command, error) {
	rest, err := cli.Parse(o.fs, args)
	if err != nil {
		return "", lifecycle.Command{}, err
	}
	id, err := oneID(rest)
	cmd, cmdErr := cf.command()
	if err := errors.Join(err, cmdErr); err != nil {
		return "", cmd, err
	}
	return id, cmd, o.settle()
}

// target loads the portfolio and returns the subscription with the id and
// the instant to issue the command at.
func (o *opts) target(id string) (entry, time.Time, error) {
	p, at, err := o.judgedAt(nil)
	if err != nil {
		return entry{}, at, err
	}
	en, err := p.find(id)
	return en, at, err
}

// issue parses the flags of check and apply and returns the subscription,
// the command and the instant.
func (o *opts) issue(cf *commandFlags, args []string) (entry, lifecycle.Command, time.Time, error) {
	id, cmd, err := o.parseIssue(cf, args)
	if err != nil {
		return entry{}, cmd, time.Time{}, err
	}
	en, at, err := o.target(id)
	return en, cmd, at, err
}

func (c *commands) check(fs *flag.FlagSet, args []string, stdout, _ io.Writer) error {
	o, cf := c.newCommandFlags(fs)
	o.tzFlag()
	o.langFlag()
	o.formatFlag(cli.Table, cli.JSON)
	en, cmd, at, err := o.issue(cf, args)
	if err != nil {
		return err
	}
	err = commandError(en.lc.Check(cmd, at))
	var refusal *lifecycle.RefusalError
	if err != nil && !errors.As(err, &refusal) {
		return err
	}
	// The states before and after: At fails only for an instant Check
	// has refused.
	before, _ := en.lc.At(at)
	out := checkResult{ID: en.id(), At: at.UTC(), Command: cmd, Accepted: refusal == nil, State: before.State()}
	if refusal == nil {
		next, err := en.lc.Apply(cmd, at)
		if err != nil {
			return err
		}
		after, err := next.At(at)
		if err != nil {
			return err
		}
		out.After = after.State()
	} else {
		out.Refusal = refusalOf(refusal)
	}
	if o.format == cli.JSON {
		err = writeJSONLine(stdout, out)
	} else {
		err = writeCheck(stdout, o.view(), out, before, refusal)
	}
	if err == nil && refusal != nil {
		return cli.ErrFinding
	}
	return err
}

// checkResult is check's answer as JSON.
type checkResult struct {
	ID       string            `json:"id"`
	At       time.Time         `json:"at"`
	Command  lifecycle.Command `json:"command"`
	Accepted bool              `json:"accepted"`
	State    lifecycle.State   `json:"state,omitzero"` // the state at At, before the command
	After    lifecycle.State   `json:"after,omitzero"` // the state after it, when accepted
	Refusal  *refusalJSON      `json:"refusal,omitempty"`
}

// refusalJSON is a refusal as JSON: its text, the rule and sources that
// refuse, why and what to do instead (in English, and as messages that
// render in every language), and the instant it turns on.
type refusalJSON struct {
	Error          string       `json:"error"`
	Rule           string       `json:"rule,omitempty"`
	Sources        string       `json:"sources,omitempty"`
	Reason         string       `json:"reason"`
	ReasonMessage  lang.Message `json:"reasonMessage"`
	Instead        string       `json:"instead,omitempty"`
	InsteadMessage lang.Message `json:"insteadMessage,omitzero"`
	Until          time.Time    `json:"until,omitzero"`
}

func refusalOf(r *lifecycle.RefusalError) *refusalJSON {
	return &refusalJSON{Error: r.Error(), Rule: r.Rule, Sources: r.Sources, Reason: r.Reason(), ReasonMessage: r.ReasonMessage(),
		Instead: r.Instead(), InsteadMessage: r.InsteadMessage(), Until: r.Until}
}

// commandLine names a command as check and quote print it:
// "mosa-annual: cancel-now by billing-admin at 2026-06-01T00:00:00Z".
func commandLine(v view, id string, cmd lifecycle.Command, at time.Time) string {
	s := fmt.Sprintf("%s: %s by %s", id, cmd.Kind, cmd.Actor)
	switch cmd.Kind {
	case lifecycle.CmdAddLicenses, lifecycle.CmdRemoveLicenses:
		s += fmt.Sprintf(" (%d licenses)", cmd.Licenses)
	case lifecycle.CmdAssignLicenses:
		s += fmt.Sprintf(" (%d assigned)", cmd.Assigned)
	}
	return s + " at " + v.stamp(at)
}

func writeCheck(w io.Writer, v view, out checkResult, before lifecycle.Status, refusal *lifecycle.RefusalError) error {
	fmt.Fprintln(w, commandLine(v, out.ID, out.Command, out.At))
	if refusal == nil {
		_, err := fmt.Fprintf(w, "accepted: %s → %s\n", v.state(out.State, before.Trial()), v.words("state."+out.After.String()))
		return err
	}
	return writeRefusal(w, v, refusal)
}

// writeRefusal writes a refusal's reason and what to do instead, in the
// view's language, and the rules and sources behind it.
func writeRefusal(w io.Writer, v view, r *lifecycle.RefusalError) error {
	fmt.Fprintf(w, "refused: %s\n", r.ReasonMessage().In(v.tag))
	if !r.InsteadMessage().IsZero() {
		fmt.Fprintf(w, "instead: %s\n", r.InsteadMessage().In(v.tag))
	}
	_, err := fmt.Fprintf(w, "%s: %s\n%s: %s\n", v.words("cli.rules"), r.Rule, v.words("cli.sources"), r.Sources)
	return err
}

func (c *commands) apply(fs *flag.FlagSet, args []string, stdout, _ io.Writer) error {
	o, cf := c.newCommandFlags(fs)
	o.langFlag()
	en, cmd, at, err := o.issue(cf, args)
	if err != nil {
		return err
	}
	next, err := en.lc.Apply(cmd, at)
	var refusal *lifecycle.RefusalError
	if errors.As(err, &refusal) {
		var b strings.Builder
		fmt.Fprintln(&b, commandLine(o.view(), en.id(), cmd, at))
		writeRefusal(&b, o.view(), refusal)
		return errors.New(strings.TrimSuffix(b.String(), "\n"))
	}
	if err != nil {
		return commandError(err)
	}
	return writeJSONLine(stdout, next.Subscription())
}

func (c *commands) quote(fs *flag.FlagSet, args []string, stdout, _ io.Writer) error {
	o, cf := c.newCommandFlags(fs)
	o.formatFlag(cli.Table, cli.JSON)
	price := fs.String("price", "", "price of one license for one billing period, such as 12.50")
	currency := fs.String("currency", "", "currency of -price, an ISO 4217 code such as USD or EUR")
	billing := fs.String("billing", "", "billing `frequency`: monthly, annual or multi-year; default the subscription's term")
	id, cmd, err := o.parseIssue(cf, args)
	if err != nil {
		return err
	}
	var errs []error
	if cmd.Kind != lifecycle.CmdCancelNow && cmd.Kind != lifecycle.CmdRemoveLicenses {
		errs = append(errs, cli.FlagError("command", fmt.Errorf("quote prices %s or %s, not %s", lifecycle.CmdCancelNow, lifecycle.CmdRemoveLicenses, cmd.Kind)))
	}
	if err := cli.Required(fs, "price", "currency"); err != nil {
		return errors.Join(append(errs, err)...)
	}
	var p lifecycle.Price
	cur := strings.ToUpper(strings.TrimSpace(*currency))
	if len(cur) != 3 || strings.Trim(cur, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		errs = append(errs, cli.FlagError("currency", fmt.Errorf("%q: want an ISO 4217 code of three letters, such as USD or EUR", *currency)))
	} else if p.PerLicense, err = lifecycle.ParseMoney(strings.TrimSpace(*price), cur); err != nil {
		errs = append(errs, cli.FlagError("price", err))
	}
	if *billing != "" {
		if p.Billing, err = policy.ParseTerm(strings.TrimSpace(*billing)); err != nil {
			errs = append(errs, cli.FlagError("billing", cli.UnknownID("billing frequency", *billing, []string{"monthly", "annual", "multi-year"})))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	en, at, err := o.target(id)
	if err != nil {
		return err
	}
	if p.Billing == 0 {
		p.Billing = en.lc.Subscription().Term()
	}
	q, err := en.lc.Quote(cmd, p, at)
	if err != nil {
		return commandError(err)
	}
	if o.format == cli.JSON {
		err = writeJSONLine(stdout, struct {
			ID      string            `json:"id"`
			At      time.Time         `json:"at"`
			Command lifecycle.Command `json:"command"`
			Price   lifecycle.Price   `json:"price"`
			Refund  lifecycle.Refund  `json:"refund"`
		}{en.id(), at.UTC(), cmd, p, q})
	} else {
		err = writeQuote(stdout, en.id(), cmd, at, p, q)
	}
	if err == nil && q.Refusal != nil {
		return cli.ErrFinding
	}
	return err
}

func writeQuote(w io.Writer, id string, cmd lifecycle.Command, at time.Time, p lifecycle.Price, q lifecycle.Refund) error {
	fmt.Fprintln(w, commandLine(utcView, id, cmd, at))
	fmt.Fprintf(w, "price: %s per license and billing period (%s)\n\n", p.PerLicense, p.Billing)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	money := func(m lifecycle.Money) string {
		if m.IsZero() {
			return "-"
		}
		return m.String()
	}
	fmt.Fprintf(tw, "refund\t%s\n", q.Kind)
	fmt.Fprintf(tw, "licenses\t%d\n", q.Licenses)
	if !q.PeriodStart.IsZero() {
		fmt.Fprintf(tw, "billing period\t%s through %s (%d of %d days used)\n", q.PeriodStart, q.PeriodEnd, q.DaysUsed, q.DaysInPeriod)
	}
	fmt.Fprintf(tw, "paid\t%s\nused\t%s\namount\t%s\nfee\t%s\n", money(q.Paid), money(q.Used), money(q.Amount), money(q.Fee))
	fmt.Fprintf(tw, "rules\t%s\nsources\t%s\n", q.Rule, q.Sources)
	if q.Note != "" {
		fmt.Fprintf(tw, "note\t%s\n", q.Note)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	var refusal *lifecycle.RefusalError
	if errors.As(q.Refusal, &refusal) {
		fmt.Fprintln(w)
		return writeRefusal(w, utcView, refusal)
	}
	return nil
}
