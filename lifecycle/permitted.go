package lifecycle

import (
	"iter"
	"time"
)

// Permitted returns, for every command kind in declaration order
// ([CommandKinds]), whether actor may issue it at the instant at: a nil
// error when [Lifecycle.Check] accepts the command then, else the error
// Check returns — for a refusal the *RefusalError with its rule, reason
// and what to do instead ([RefusalError.Instead]). It is qmuntal/stateless's
// PermittedTriggers with the reasons for the others:
//
//	for kind, err := range lc.Permitted(lifecycle.BillingAdmin, now) {
//		if err == nil {
//			fmt.Println("may", kind)
//		}
//	}
//
// Each command is asked of Check itself, so Permitted agrees with Check
// and Apply by construction, including what [Status.Capabilities] cannot
// see: the license lots a removal may take (R-LIC-2, R-LIC-7), the
// product keys a renewal may not reuse (R-REN-3), and an instant before
// the last event of the history (ErrHistory). Commands that take
// parameters are asked with representative ones:
//
//   - AddLicenses and RemoveLicenses with one license;
//   - AssignLicenses with one more assigned license, or one fewer when
//     every license is assigned (as Capabilities asks); with no license
//     held, with one, which is refused;
//   - Renew without a product key;
//   - no custom domain still to be removed (R-CAN-10): a tenant fact the
//     caller adds to the Command it issues.
//
// Other parameters may be refused where these are accepted, and the
// reverse (removing more licenses than the window allows, say).
//
// Permitted is on Lifecycle rather than Status because the answer needs
// the history, as Check does: a Status holds the segment of one instant,
// not the events before it. An invalid actor or instant, or the zero
// Lifecycle, yields every kind with Check's *FieldError. The sequence is
// computed as it is ranged over, reads no clock and stops early when the
// loop breaks.
func (lc Lifecycle) Permitted(actor Role, at time.Time) iter.Seq2[CommandKind, error] {
	return func(yield func(CommandKind, error) bool) {
		assign := 1 // with no status (an error every Check reports), any count
		if st, err := lc.At(at); err == nil {
			assign = st.assignProbe()
			if st.f.licenses == 0 {
				assign = int(st.f.assigned) + 1
			}
		}
		for k := CmdTurnOffRecurringBilling; k.IsValid(); k++ {
			cmd := Command{Kind: k, Actor: actor}
			switch k {
			case CmdAddLicenses, CmdRemoveLicenses:
				cmd.Licenses = 1
			case CmdAssignLicenses:
				cmd.Assigned = assign
			}
			if !yield(k, lc.Check(cmd, at)) {
				return
			}
		}
	}
}
