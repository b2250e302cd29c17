package lang

import "golang.org/x/text/language"

// dutch: state, role and command names as Microsoft's Dutch pages use
// them. Sources beside each term: [S003] the Dutch "Uw abonnement
// opzeggen" (seed 003, with the English original beside each sentence),
// [MS-nl] Microsoft Learn and the Microsoft 365 admin center in Dutch, not
// among the seeds.
var dutch = Catalog{
	Tag:  language.Dutch,
	Name: "Nederlands",
	Months: [12]string{"januari", "februari", "maart", "april", "mei", "juni", "juli",
		"augustus", "september", "oktober", "november", "december"},
	Date:    "%[1]s %[2]s %[3]s",
	Day:     "%[1]s %[2]s %[3]s",
	Clock:   "15:04 MST",
	Seconds: "15:04:05,999999999 MST",
	Instant: "%[1]s om %[2]s",
	Stamp:   "%[1]s om %[2]s",
	Or:      " of ",
	Units: map[string][2]string{
		"days":          {"%d dag", "%d dagen"},
		"licenses":      {"%d licentie", "%d licenties"},
		"times":         {"%d keer", "%d keer"},
		"users":         {"%d gebruiker", "%d gebruikers"},
		"subscriptions": {"%d abonnement", "%d abonnementen"},
	},
	Messages: map[string]string{
		"state.active":    "Actief",        // [MS-nl] "Actief"
		"state.expired":   "Verlopen",      // [MS-nl] "Verlopen"; [S003] "afloopt"
		"state.disabled":  "Uitgeschakeld", // [S003] "de status Uitgeschakeld" (Disabled)
		"state.deleted":   "Verwijderd",    // [S003] "de status Verwijderd"
		"state.suspended": "Onderbroken",   // [MS-nl] Partnercentrum
		"state.in-trial":  "%[1]s (proefversie)",

		"channel.direct-mosa":      "Direct (MOSA)",         // [MS-nl] Microsoft Online Subscription Agreement
		"channel.direct-mca":       "Direct (MCA)",          // [MS-nl] Microsoft-klantovereenkomst
		"channel.enterprise":       "Enterprise Agreement",  // [MS-nl]
		"channel.volume-licensing": "Volumelicentiëring",    // [MS-nl]
		"channel.open-value":       "Open Value",            // [MS-nl]
		"channel.open-license":     "Open License",          // [MS-nl]
		"channel.csp-nce":          "CSP (nieuwe commerce)", // [MS-nl]
		"channel.csp-legacy":       "CSP (verouderd)",       // [MS-nl]

		"command.turn-off-recurring-billing": "Terugkerende facturering uitschakelen", // [MS-nl]
		"command.turn-on-recurring-billing":  "Terugkerende facturering inschakelen",  // [MS-nl]
		"command.cancel-now":                 "Abonnement annuleren",                  // [S003] "Abonnement annuleren" (Cancel subscription)
		"command.cancel-at-renewal":          "Opzeggen bij verlenging",               // [S003] "opzeggen"
		"command.reactivate":                 "Abonnement opnieuw activeren",          // [S003] "Uw abonnement opnieuw activeren"
		"command.delete":                     "Abonnement verwijderen",                // [S003] "totdat het wordt verwijderd"
		"command.suspend":                    "Abonnement onderbreken",                // [MS-nl] Partnercentrum
		"command.unsuspend":                  "Abonnement hervatten",                  // [MS-nl] Partnercentrum
		"command.extend-trial":               "Proefversie verlengen",                 // [MS-nl]
		"command.convert-trial":              "Proefversie kopen",                     // [MS-nl]
		"command.add-licenses":               "Licenties toevoegen",                   // [MS-nl]
		"command.remove-licenses":            "Licenties verwijderen",                 // [MS-nl]
		"command.assign-licenses":            "Licenties toewijzen",                   // [S003] "licenties hebt toegewezen"
		"command.renew":                      "Verlengen",                             // [MS-nl]
		"command.convert-to-est":             "Overstappen op Extended Service Term",  // [MS-nl] the term stays English

		"role.global-admin":                "globale beheerder",                    // [S003] "een globale beheerder of factureringsbeheerder"
		"role.billing-admin":               "factureringsbeheerder",                // [S003]
		"role.billing-account-owner":       "eigenaar van het factureringsaccount", // [MS-nl]
		"role.billing-account-contributor": "inzender van het factureringsaccount", // [MS-nl]
		"role.billing-profile-owner":       "eigenaar van het factureringsprofiel", // [MS-nl]
		"role.billing-profile-contributor": "inzender van het factureringsprofiel", // [MS-nl]
		"role.user-admin":                  "gebruikersbeheerder",                  // [MS-nl]
		"role.partner":                     "de CSP-partner",                       // [MS-nl]
		"role.support":                     "Microsoft-ondersteuning",              // [S003] "de ondersteuning bellen"
		"role.user":                        "gebruiker zonder beheerdersrol",       // [S003] "Over beheerdersrollen"
		"role.nobody":                      "niemand",
		"list.or":                          "%[1]s of %[2]s",

		"cause.name.purchased":             "gekocht",
		"cause.name.trial-started":         "proefversie gestart",
		"cause.name.trial-converted":       "proefversie gekocht",
		"cause.name.reactivated":           "opnieuw geactiveerd",
		"cause.name.renewed":               "verlengd",
		"cause.name.term-ended":            "looptijd beëindigd",
		"cause.name.cancelled-at-renewal":  "opgezegd bij verlenging",
		"cause.name.trial-ended":           "proefversie beëindigd",
		"cause.name.grace-ended":           "periode Verlopen beëindigd",
		"cause.name.disabled-ended":        "periode Uitgeschakeld beëindigd",
		"cause.name.cancelled":             "geannuleerd",
		"cause.name.explicitly-deleted":    "door beheerder verwijderd",
		"cause.name.suspended":             "onderbroken",
		"cause.name.unsuspended":           "hervat",
		"cause.name.suspended-at-term-end": "onderbroken aan einde looptijd",
		"cause.name.suspension-limit":      "langste onderbreking bereikt",
		"cause.name.all-licenses-removed":  "alle licenties verwijderd",
		"cause.name.extended-service-term": "Extended Service Term",

		"topic.state":        "status",
		"topic.next":         "hierna",
		"topic.access":       "toegang",
		"topic.reactivation": "opnieuw activeren",
		"topic.purge":        "verwijdering van gegevens",
		"topic.cancel":       "annuleren",
		"topic.renewal":      "verlenging",
		"topic.delete":       "verwijderen",
		"topic.licenses":     "licenties",
		"topic.rules":        "regels",

		"cli.explain.header":    "%[1]s op %[2]s",
		"cli.rules":             "regels",
		"cli.sources":           "bronnen",
		"cli.portfolio.header":  "Abonnementen op %[1]s",
		"cli.portfolio.columns": "ID\tKANAAL\tSTATUS\tSINDS\tHIERNA\tOPNIEUW ACTIVEREN TOT\tGEGEVENS WEG UITERLIJK\tGEBRUIKERS\tGEGEVENS",
		"cli.not-bought":        "nog niet gekocht",
		"cli.active-from":       "Actief vanaf %[1]s",
		"cli.next-on":           "%[1]s vanaf %[2]s",
		"cli.users.normal":      "normale toegang",
		"cli.users.no-access":   "geen toegang",
		"data.everyone":         "iedereen",
		"data.admins-only":      "alleen beheerders",
		"data.nobody":           "niemand",
		"cli.timeline.header":   "Tijdlijn van %[1]s (%[2]s)",
		"cli.timeline.columns":  "STATUS\tVAN\tTOT\tOORZAAK\tREGELS",
		"cli.open":              "open einde",

		"cause.purchased":                 "Het abonnement heeft de status %[1]s sinds het op %[2]s is gekocht.",
		"cause.trial-started":             "De gratis proefversie heeft sinds %[2]s de status %[1]s.",
		"cause.trial-converted":           "De proefversie is op %[1]s omgezet in een betaald abonnement.",
		"cause.reactivated.mca":           "Het abonnement is op %[1]s opnieuw geactiveerd als nieuw abonnement met dezelfde verbintenisperiode, die die dag begint.",
		"cause.reactivated.partner":       "Het abonnement is op %[1]s opnieuw geactiveerd; het wordt alleen via de licentiepartner verlengd.",
		"cause.reactivated":               "Het abonnement is op %[1]s opnieuw geactiveerd.",
		"cause.renewed":                   "Het abonnement is op %[1]s verlengd.",
		"how.term-ended":                  "de looptijd is geëindigd",
		"how.cancelled-at-renewal":        "het is vóór de volgende verlengingsdatum opgezegd en de looptijd is geëindigd",
		"cause.term-ended.mca-no-expired": "Het abonnement heeft sinds %[3]s de status %[1]s, want %[2]s op de einddatum: de status Verlopen geldt niet meer voor op licenties gebaseerde abonnementen die rechtstreeks via een Microsoft-klantovereenkomst (MCA) zijn gekocht; de gegevens worden %[4]s bewaard en daarna definitief verwijderd.",
		"cause.term-ended":                "Het abonnement heeft sinds %[2]s de status %[1]s: %[3]s %[4]s.",
		"expiry.day-after":                "na de einddatum, %[1]s, die de hele dag omvat",
		"expiry.partner":                  "op de einddatum, %[1]s; het wordt alleen verlengd met een verlengingsorder bij de licentiepartner",
		"expiry.on-end-date":              "op de einddatum, %[1]s, en de status Verlopen begint op de einddatum, niet op de datum waarop de terugkerende facturering is uitgeschakeld",
		"expiry.no-expired":               "%[1]s; deze regels kennen geen status Verlopen",
		"cause.trial-ended":               "De gratis proefversie is geëindigd zonder te zijn gekocht en heeft sinds %[2]s de status %[1]s.",
		"cause.grace-ended":               "De periode met de status Verlopen is op %[1]s geëindigd; sindsdien heeft het abonnement de status %[2]s.",
		"cause.disabled-ended":            "De periode met de status Uitgeschakeld is op %[1]s geëindigd; sindsdien heeft het abonnement de status %[2]s.",
		"cause.cancelled.deleted":         "De partner heeft het abonnement op %[1]s binnen de annuleringsperiode geannuleerd; het is daardoor meteen verwijderd en kan niet worden hersteld.",
		"cause.cancelled.deferred":        "Het abonnement is op %[1]s geannuleerd met ingang van de volgende factureringscyclus en heeft sinds %[3]s de status %[2]s; de gegevens worden 90 dagen na de annulering verwijderd.",
		"cause.cancelled":                 "Het abonnement is op %[1]s geannuleerd; het heeft de status Verlopen overgeslagen, de gebruikers zijn dezelfde dag de toegang kwijtgeraakt en alleen beheerders kunnen bij de gegevens.",
		"cause.explicitly-deleted":        "Een beheerder heeft het abonnement op %[1]s verwijderd; het heeft de statussen Verlopen en Uitgeschakeld overgeslagen en de inhoud van SharePoint Online en OneDrive is meteen verwijderd.",
		"cause.suspended":                 "De partner heeft het abonnement op %[1]s onderbroken; gebruikers kunnen de services niet gebruiken, maar beheerders kunnen bij de gegevens.",
		"cause.unsuspended":               "De partner heeft het onderbroken abonnement op %[1]s hervat.",
		"cause.suspended-at-term-end":     "Het abonnement was aan het einde van de looptijd nog onderbroken en heeft sinds %[2]s de status %[1]s.",
		"cause.suspension-limit":          "Het abonnement is zo lang onderbroken geweest als maximaal is toegestaan en is op %[1]s verwijderd.",
		"cause.all-licenses-removed":      "Op %[1]s zijn alle licenties verwijderd; daardoor kreeg het abonnement de status %[2]s.",
		"cause.extended-service-term":     "Het abonnement loopt sinds %[1]s maandelijks door met een Extended Service Term.",
		"cause.other":                     "Het abonnement heeft sinds %[2]s de status %[1]s.",
		"state.aobo-lag":                  "De partner heeft het namens de klant geannuleerd; het beheercentrum kan daarom tot %[1]s nog de oude status tonen. Dit is alleen ter informatie.",

		"next":                       "Als er niets verandert, krijgt het op %[2]s de status %[1]s, %[3]s.",
		"next.mca-no-expired":        "wanneer de looptijd op de einddatum, %[1]s, eindigt: de status Verlopen geldt niet meer voor op licenties gebaseerde abonnementen die rechtstreeks via een Microsoft-klantovereenkomst (MCA) zijn gekocht; de gegevens worden %[2]s bewaard en daarna definitief verwijderd",
		"next.cancelled-at-renewal":  "wanneer de looptijd eindigt, %[1]s, omdat het vóór de volgende verlengingsdatum is opgezegd",
		"next.term-ended":            "wanneer de looptijd eindigt, %[1]s",
		"next.grace-ended":           "wanneer de periode met de status Verlopen eindigt",
		"next.disabled-ended.csp":    "wanneer de periode met de status Uitgeschakeld eindigt; de gegevens worden bewaard tot 90 dagen na het einde van de vorige status",
		"next.disabled-ended":        "wanneer de periode met de status Uitgeschakeld eindigt",
		"next.trial-converted":       "wanneer de proefversie wordt omgezet in een betaald abonnement",
		"next.trial-ended":           "wanneer de proefversie eindigt zonder te zijn gekocht",
		"next.cancelled":             "wanneer de annulering aan het einde van de factureringscyclus ingaat",
		"next.suspended-at-term-end": "als het aan het einde van de looptijd nog onderbroken is",
		"next.suspension-limit":      "na de langste toegestane onderbreking",
		"next.extended-service-term": "wanneer de Extended Service Term begint",
		"next.all-licenses-removed":  "omdat alle licenties zijn verwijderd",
		"next.partner-renews":        "Het wordt via de licentiepartner verlengd; er is dus geen andere status gepland.",
		"next.renews":                "De terugkerende facturering is ingeschakeld; het abonnement wordt dus aan het einde van elke looptijd verlengd en er is geen andere status gepland.",

		"access.everyone":              "Gebruikers houden normale toegang tot hun apps, bestanden en e-mail, en de gegevens zijn voor iedereen toegankelijk.",
		"access.admins-only":           "Gebruikers kunnen de services niet gebruiken; alleen beheerders hebben toegang tot de gegevens en kunnen er een back-up van maken.",
		"access.nobody":                "De gegevens zijn of worden verwijderd; niemand heeft er toegang toe, en een nieuw abonnement zet ze niet terug. Ook de Microsoft Entra ID-tenant wordt verwijderd, tenzij andere services hem gebruiken.",
		"access.reduced-functionality": "De Office-bureaublad-apps gaan uiteindelijk over naar een alleen-lezenmodus met beperkte functionaliteit en tonen meldingen over een product zonder licentie; gebruikers kunnen documenten alleen lezen en afdrukken.",
		"access.repurchase":            "Wie een nieuw abonnement met dezelfde serviceabonnementen koopt voordat dit abonnement is verwijderd, krijgt weer toegang tot de gegevens; na de verwijdering niet meer.",
		"access.vl-services-off":       "Volgens deze versie van de regels voor volumelicentiëring waren de services niet meer beschikbaar vanaf het begin van de status Verlopen.",
		"access.csp-expired":           "Een verlopen abonnement staat niet meer op de abonnementenpagina van het Partnercentrum; u vindt het via de export of de API. De partner betaalt er niet voor.",

		"reactivation.until":                   "Opnieuw activeren kan tot en met %[2]s door: %[1]s.",
		"reactivation.before":                  "Opnieuw activeren kan vóór %[2]s door: %[1]s.",
		"reactivation.refused":                 "Het kan nu niet opnieuw worden geactiveerd: %[1]s.",
		"reactivation.refused.instead":         "Het kan nu niet opnieuw worden geactiveerd: %[1]s. In plaats daarvan: %[2]s.",
		"purge":                                "Klantgegevens kunnen vanaf %[1]s worden verwijderd en worden uiterlijk op %[2]s verwijderd.",
		"purge.end-of-day":                     "Klantgegevens kunnen vanaf %[1]s worden verwijderd en worden uiterlijk aan het einde van %[2]s verwijderd.",
		"cancel.window":                        "Annuleren kan binnen de annuleringsperiode, die op %[2]s eindigt, door: %[1]s.",
		"cancel.trial":                         "De gratis proefversie kan worden geannuleerd door: %[1]s. Annuleren schakelt de terugkerende facturering uit, en de proefversie eindigt aan het einde van de proefperiode zonder kosten.",
		"cancel.online":                        "Online annuleren kan door: %[1]s.",
		"cancel.refused":                       "Het kan nu niet online worden geannuleerd: %[1]s.",
		"cancel.refused.instead":               "Het kan nu niet online worden geannuleerd: %[1]s. In plaats daarvan: %[2]s.",
		"renewal.product-key":                  "Het is vooruitbetaald met een productsleutel en verloopt aan het einde van de looptijd; om het te houden schakelt u de terugkerende facturering in en voegt u een betalingsmethode toe, of verlengt u het met een nieuwe, ongebruikte productsleutel voor hetzelfde abonnement.",
		"delete.now":                           "Verwijderen kan nu, om de gegevens te verwijderen voordat de status Uitgeschakeld voorbij is, door: %[1]s. Neem contact op met de ondersteuning als het niet meteen kan worden verwijderd.",
		"licenses.conflict":                    "Er zijn meer licenties toegewezen dan gekocht; los het conflict op vóór %[1]s. Per gebruiker toegewezen services worden intussen niet onderbroken.",
		"licenses.conflict.online-reservation": "Er zijn meer licenties toegewezen dan gekocht; los het conflict op vóór %[1]s. Per gebruiker toegewezen services worden intussen niet onderbroken. Plaats een onlinereservering en neem contact op met uw licentiepartner om de licenties te herstellen.",
		"rules.lifecycle":                      "Beoordeeld volgens de regels van het kanaal %[1]s, versie %[2]s: %[3]s.",
		"rules.commands":                       "Wat nu kan, wordt beoordeeld volgens versie %[1]s, die op dit moment geldt: %[2]s.",
		"rules.window":                         "De annuleringsperiode wordt beoordeeld volgens versie %[1]s, die gold toen ze begon: %[2]s.",

		"refused.role":                          "de rol %[1]s mag ‘%[2]s’ niet uitvoeren voor een abonnement van het kanaal %[3]s",
		"refused.role.buy":                      "de rol %[1]s mag niet kopen",
		"refused.role.buy.of":                   "de rol %[1]s mag geen abonnement van het kanaal %[2]s kopen",
		"refused.role.remove-payment-method":    "de rol %[1]s mag geen betalingsmethode verwijderen",
		"refused.role.remove-payment-method.of": "de rol %[1]s mag geen betalingsmethode van een abonnement van het kanaal %[2]s verwijderen",
		"refused.csp-licenses":                  "het abonnement is via een CSP-partner gekocht, dus de licenties kunnen niet in het Microsoft 365-beheercentrum worden gewijzigd",
		"refused.recurring-not-active":          "de terugkerende facturering kan alleen worden gewijzigd zolang het abonnement actief is; het heeft de status %[1]s",
		"refused.suspended-auto-renew":          "door het onderbreken van het abonnement is automatisch verlengen uitgeschakeld, en dat kan niet worden gewijzigd zolang het onderbroken is",
		"refused.deleted":                       "het abonnement is verwijderd en kan niet worden gewijzigd of opnieuw geactiveerd",
		"refused.cancel-first":                  "een abonnement moet geannuleerd en uitgeschakeld zijn voordat het kan worden verwijderd",
		"refused.delete-not-offered":            "een uitgeschakeld abonnement van het kanaal %[1]s kan niet door een beheerder worden verwijderd; het wordt op %[2]s verwijderd",
		"refused.delete-not-yet":                "alleen een uitgeschakeld abonnement kan worden verwijderd; het wordt op %[1]s uitgeschakeld",
		"refused.no-reactivate-csp":             "een CSP-abonnement met de status %[1]s kan niet opnieuw worden geactiveerd",
		"refused.reactivate-trial":              "een proefversie wordt niet opnieuw geactiveerd, maar gekocht",
		"refused.reactivate-closed":             "het abonnement kan met de status %[1]s niet meer opnieuw worden geactiveerd",
		"refused.already":                       "‘%[1]s’ zou niets veranderen",
		"refused.trial-seats":                   "het aantal licenties kan tijdens een gratis proefversie niet veranderen",
		"refused.partner-channel":               "een abonnement van het kanaal %[1]s wordt via de licentiepartner gewijzigd, niet in het beheercentrum",
		"refused.no-cancel":                     "een abonnement van het kanaal %[1]s kan niet online worden geannuleerd",
		"refused.trial-no-extend":               "gratis proefversies van dit kanaal kunnen niet worden verlengd",
		"refused.trial-extended-once":           "de proefversie is al verlengd; ze kan maar één keer worden verlengd",
		"refused.trial-extended":                "de proefversie is al %[1]s verlengd, het maximaal toegestane aantal",
		"refused.trial-extend-early":            "een proefversie kan alleen worden verlengd in de laatste %[1]s vóór het einde op %[2]s",
		"refused.trial-not-cancellable":         "een gratis proefversie kan volgens deze regels niet worden geannuleerd",
		"refused.trial-status":                  "de status en het aantal van een CSP-proefversie kunnen tijdens de proefperiode niet worden gewijzigd",
		"refused.cancel-window.closed-at":       "annuleer binnen de periode na de aankoop of verlenging; de periode is gesloten op %[1]s",
		"refused.cancel-window.last-day":        "annuleer binnen de periode na de aankoop of verlenging; de laatste dag was %[1]s",
		"refused.product-key":                   "een abonnement dat met een productsleutel is gekocht, kan alleen via de ondersteuning worden geannuleerd, zonder terugbetaling",
		"refused.online-limit":                  "%[1]s is meer dan de limiet voor online annuleren van %[2]s",
		"limit.fewer-than-assigned":             "minder dan %[1]s toegewezen",
		"refused.custom-domain":                 "er is nog een aangepast domein aan het abonnement toegevoegd: %[1]s",
		"refused.licenses-assigned":             "toegewezen licenties kunnen niet worden verwijderd: er zijn er %[1]s meer toegewezen dan er overblijven",
		"refused.licenses-min":                  "het aantal licenties kan niet onder %[1]s komen",
		"refused.prepaid":                       "licenties van een vooruitbetaald abonnement kunnen niet worden verwijderd, omdat ze al betaald zijn",
		"refused.est-quantity":                  "het aantal licenties kan tijdens een Extended Service Term niet veranderen",
		"refused.license-window":                "nu kunnen %[1]s worden verwijderd: licenties kunnen alleen worden verwijderd binnen de periode nadat ze zijn gekocht, verlengd of toegevoegd",
		"refused.licenses-recurring":            "licenties kunnen alleen worden verwijderd als de terugkerende facturering is ingeschakeld",
		"refused.assign-too-many":               "%[1]s kunnen niet worden toegewezen als er %[2]s zijn gekocht",
		"refused.est-not-offered":               "voor een abonnement van het kanaal %[1]s wordt volgens deze regels geen Extended Service Term aangeboden",
		"refused.suspend-not-offered":           "een abonnement van het kanaal %[1]s kan niet worden onderbroken",
		"refused.sales-ended":                   "het programma %[1]s verkoopt en verlengt vanaf %[2]s niets meer",
		"refused.payment-attached":              "de betalingsmethode is nog gekoppeld aan abonnement %[1]s, dat de status %[2]s heeft",
		"refused.key-used":                      "de productsleutel is al voor dit abonnement gebruikt",
		"refused.trial-licenses":                "een gratis proefversie heeft %[1]s, niet %[2]s",
		"refused.reactivate-payment":            "om het abonnement opnieuw te activeren moet een betalingsmethode worden gekozen of toegevoegd",
		"refused.payment-cancelled":             "de betalingsmethode van een geannuleerd of verlopen abonnement kan pas worden verwijderd als het abonnement is verwijderd; %[1]s heeft tot %[3]s de status %[2]s",
		"refused.state":                         "‘%[1]s’ is niet mogelijk voor een abonnement van het kanaal %[2]s met de status %[3]s",

		"instead.contact-csp-partner":       "neem contact op met uw CSP-partner",
		"instead.ask":                       "vraag het aan: %[1]s",
		"instead.ask-or-support":            "vraag het aan: %[1]s, of neem contact op met de ondersteuning",
		"instead.contact-support":           "neem contact op met de ondersteuning",
		"instead.or-contact-support":        "%[1]s, of neem contact op met de ondersteuning",
		"instead.csp-licenses":              "neem contact op met uw CSP-partner om licenties te wijzigen",
		"instead.reactivate-first":          "activeer het abonnement eerst opnieuw en schakel daarna de terugkerende facturering in of uit",
		"instead.unsuspend-first":           "hervat het eerst",
		"instead.buy-new.data-lost":         "koop een nieuw abonnement; de gegevens van het verwijderde abonnement worden niet hersteld",
		"instead.cancel-first":              "annuleer het eerst",
		"instead.buy-new":                   "koop een nieuw abonnement",
		"instead.convert-trial":             "koop de proefversie (convert-trial)",
		"instead.wait-for-conversion":       "wacht tot de proefversie is omgezet in een betaald abonnement",
		"instead.buy-trial-then-licenses":   "koop eerst het proefabonnement en daarna meer licenties",
		"instead.contact-licensing-partner": "neem contact op met uw licentiepartner",
		"instead.suspend":                   "onderbreek het in plaats daarvan",
		"instead.let-expire-partner":        "zorg samen met uw licentiepartner dat er geen automatische verlenging is, en laat het verlopen",
		"instead.convert-trial-before":      "koop de proefversie (convert-trial) voordat ze op %[1]s eindigt",
		"instead.extend-from":               "verleng ze vanaf %[1]s",
		"instead.trial-auto-renew-off":      "schakel automatisch verlengen uit en laat de proefversie op %[1]s eindigen",
		"instead.trial-recurring-off":       "schakel de terugkerende facturering uit en laat de proefversie op %[1]s eindigen",
		"instead.auto-renew-off":            "schakel automatisch verlengen uit, zodat het op %[1]s eindigt; de partner betaalt de volledige looptijd",
		"instead.recurring-off":             "schakel de terugkerende facturering uit en laat het op %[1]s verlopen; tot dan lopen de kosten door",
		"instead.support-no-refund":         "neem contact op met de ondersteuning om te annuleren; er is geen terugbetaling",
		"instead.reduce-first":              "verminder eerst tot %[1]s of minder en annuleer dan online",
		"instead.support-cancel":            "neem contact op met de ondersteuning om te annuleren",
		"instead.unassign-or-support":       "trek licenties in tot er minder dan %[1]s zijn toegewezen, of neem contact op met de ondersteuning",
		"instead.remove-domain":             "verwijder eerst het aangepaste domein %[1]s",
		"instead.remove-domains":            "verwijder eerst de aangepaste domeinen",
		"instead.unassign":                  "trek eerst %[1]s bij gebruikers in",
		"instead.cancel-subscription":       "annuleer in plaats daarvan het abonnement",
		"instead.prepaid":                   "schakel de terugkerende facturering uit, zodat er minder licenties worden verlengd",
		"instead.buy-quantity":              "koop een nieuw abonnement met het aantal dat u nodig hebt",
		"instead.next-window":               "verwijder licenties in de volgende periode, die begint bij de verlenging op %[1]s",
		"instead.next-window.others":        "verwijder de overige in de volgende periode, die begint bij de verlenging op %[1]s",
		"instead.recurring-on-first":        "schakel eerst de terugkerende facturering in",
		"instead.buy-licenses-first":        "koop eerst meer licenties",
		"instead.renew-or-end":              "verleng het abonnement of laat het eindigen",
		"instead.other-program":             "koop via een ander programma, zoals Open Value",
		"instead.move-payment":              "zet abonnement %[1]s eerst over op een andere betalingsmethode",
		"instead.new-key":                   "voer een nieuwe, ongebruikte productsleutel in voor hetzelfde Microsoft-abonnement",
		"instead.trial-licenses":            "start de proefversie met %[1]s of minder, en koop er meer zodra ze is gekocht",
		"instead.add-payment":               "voeg een betalingsmethode toe en activeer het daarna opnieuw",
		"instead.wait-deleted":              "wacht tot abonnement %[1]s op %[2]s wordt verwijderd",
	},
}
