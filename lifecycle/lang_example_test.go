package lifecycle_test

import (
	"errors"
	"fmt"
	"time"

	"golang.org/x/text/language"

	"github.com/lapse-go/lapse/clock"
	"github.com/lapse-go/lapse/lifecycle"
	"github.com/lapse-go/lapse/policy"
)

// The README's subscription, explained in German: state names from the
// German lifecycle page (seed 004), German dates, and the same rule ids.
func ExampleReason_In() {
	sub, err := lifecycle.New(lifecycle.Spec{ // AC-01…AC-07
		ID:      "contoso-business-standard",
		Channel: policy.DirectMOSA, Term: policy.Annual,
		Start:    time.Date(2025, 4, 1, 10, 0, 0, 0, time.UTC),
		End:      clock.Date{Year: 2026, Month: time.March, Day: 31},
		Licenses: 10, Assigned: 8, PaymentMethod: true, RecurringBilling: true,
		History: []lifecycle.Event{
			{Kind: lifecycle.RecurringBillingOff, At: time.Date(2026, 2, 1, 12, 0, 0, 0, time.UTC), Actor: lifecycle.BillingAdmin},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	lc, err := lifecycle.Judge(sub, policy.Builtin())
	if err != nil {
		fmt.Println(err)
		return
	}
	st, err := lc.At(time.Date(2026, 4, 15, 9, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range st.Explain()[:5] {
		fmt.Printf("%s: %s [%s]\n", r.TopicIn(language.German), r.In(language.German), r.Rules)
	}
	// Output:
	// Status: Das Abonnement ist seit dem 31. März 2026 im Status Abgelaufen: seine Laufzeit endete an seinem Enddatum, dem 31. März 2026, und der Status Abgelaufen beginnt am Enddatum, nicht an dem Datum, an dem die wiederkehrende Abrechnung deaktiviert wurde. [R-LC-2, R-LC-3, DC-3a]
	// Als Nächstes: Wenn sich nichts ändert, wechselt es am 30. April 2026 in den Status Deaktiviert, wenn die Zeit im Status Abgelaufen endet. [R-LC-1]
	// Zugriff: Die Benutzer haben normalen Zugriff auf ihre Apps, Dateien und E-Mails, und die Daten sind für alle zugänglich. [§2]
	// Zugriff: Wer ein neues Abonnement mit denselben Dienstplänen kauft, bevor dieses gelöscht ist, erhält wieder Zugriff auf seine Daten; nach dem Löschen nicht mehr. [C-22, R-DAT-7, R-TRI-8]
	// Reaktivierung: Reaktivieren kann es bis einschließlich 28. Juli 2026: Globaler Administrator oder Abrechnungsadministrator. [R-REA-1, R-REA-2, R-REA-4]
}

// A refusal's reason and advice are data too: render them in the
// admin's language.
func ExampleRefusalError_ReasonMessage() {
	sub, err := lifecycle.New(lifecycle.Spec{
		ID: "fabrikam", Channel: policy.DirectMCA, Term: policy.Annual,
		Start: time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC), End: clock.Date{Year: 2026, Month: time.August, Day: 31},
		Licenses: 5, PaymentMethod: true, RecurringBilling: true,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	lc, err := lifecycle.Judge(sub, policy.Builtin())
	if err != nil {
		fmt.Println(err)
		return
	}
	err = lc.Check(lifecycle.Command{Kind: lifecycle.CmdCancelNow, Actor: lifecycle.BillingAccountOwner}, time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC))
	var re *lifecycle.RefusalError
	if !errors.As(err, &re) {
		fmt.Println("not refused:", err)
		return
	}
	for _, tag := range []language.Tag{language.English, language.Dutch, language.Danish} {
		fmt.Printf("%s: %s. → %s.\n", tag, re.ReasonMessage().In(tag), re.InsteadMessage().In(tag))
	}
	// Output:
	// en: cancel within the window after the start or renewal; its last day was 2025-09-08. → turn off recurring billing and let it expire on 2026-08-31; charges continue until then.
	// nl: annuleer binnen de periode na de aankoop of verlenging; de laatste dag was 8 september 2025. → schakel de terugkerende facturering uit en laat het op 31 augustus 2026 verlopen; tot dan lopen de kosten door.
	// da: annuller inden for perioden efter købet eller fornyelsen; dens sidste dag var den 8. september 2025. → slå tilbagevendende fakturering fra, og lad det udløbe den 31. august 2026; betalingen fortsætter indtil da.
}
