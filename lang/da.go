package lang

import "golang.org/x/text/language"

// danish: state, role and command names as Microsoft's Danish pages use
// them. Sources beside each term: [S002] the Danish "Annullere Office 365
// til virksomheder" (seed 002), [MS-da] Microsoft Learn and the Microsoft
// 365 Administration in Danish, not among the seeds.
var danish = Catalog{
	Tag:  language.Danish,
	Name: "Dansk",
	Months: [12]string{"januar", "februar", "marts", "april", "maj", "juni", "juli",
		"august", "september", "oktober", "november", "december"},
	Date:    "%[1]s. %[2]s %[3]s",
	Day:     "%[1]s. %[2]s %[3]s",
	Clock:   "15.04 MST",
	Seconds: "15.04.05,999999999 MST",
	Instant: "%[1]s kl. %[2]s",
	Stamp:   "%[1]s kl. %[2]s",
	Or:      " eller ",
	Units: map[string][2]string{
		"days":          {"%d dag", "%d dage"},
		"licenses":      {"%d licens", "%d licenser"},
		"times":         {"%d gang", "%d gange"},
		"users":         {"%d bruger", "%d brugere"},
		"subscriptions": {"%d abonnement", "%d abonnementer"},
	},
	Messages: map[string]string{
		"state.active":    "Aktiv",       // [MS-da] "Aktiv"
		"state.expired":   "Udløbet",     // [MS-da] "Udløbet"; [S002] "abonnementsperiodens udløb"
		"state.disabled":  "Deaktiveret", // [S002] "vises nu i en Deaktiveret tilstand"
		"state.deleted":   "Slettet",     // [S002] "indtil det bliver slettet"
		"state.suspended": "Suspenderet", // [MS-da] Partnercenter
		"state.in-trial":  "%[1]s (prøveversion)",

		"channel.direct-mosa":      "Direkte (MOSA)",       // [MS-da] Microsoft Online Subscription Agreement
		"channel.direct-mca":       "Direkte (MCA)",        // [MS-da] Microsoft-kundeaftale
		"channel.enterprise":       "Enterprise Agreement", // [MS-da]
		"channel.volume-licensing": "Volumenlicensering",   // [MS-da]
		"channel.open-value":       "Open Value",           // [MS-da]
		"channel.open-license":     "Open License",         // [MS-da]
		"channel.csp-nce":          "CSP (ny handel)",      // [MS-da] "ny handel" (New Commerce)
		"channel.csp-legacy":       "CSP (ældre)",          // [MS-da]

		"command.turn-off-recurring-billing": "Slå tilbagevendende fakturering fra", // [MS-da]
		"command.turn-on-recurring-billing":  "Slå tilbagevendende fakturering til", // [MS-da]
		"command.cancel-now":                 "Annuller abonnement",                 // [S002] "vælg Annuller abonnement"
		"command.cancel-at-renewal":          "Afmeld ved fornyelse",                // [S002] "afmelde dit abonnement", [MS-da]
		"command.reactivate":                 "Genaktiver abonnement",               // [S002] "Forny eller genaktiver dit abonnement"
		"command.delete":                     "Slet abonnement",                     // [MS-da]
		"command.suspend":                    "Suspender abonnement",                // [MS-da] Partnercenter
		"command.unsuspend":                  "Genoptag abonnement",                 // [MS-da] Partnercenter
		"command.extend-trial":               "Forlæng prøveversion",                // [MS-da]
		"command.convert-trial":              "Køb prøveversion",                    // [MS-da]
		"command.add-licenses":               "Tilføj licenser",                     // [MS-da]
		"command.remove-licenses":            "Fjern licenser",                      // [MS-da]
		"command.assign-licenses":            "Tildel licenser",                     // [S002] "licenser tildelt til brugere"
		"command.renew":                      "Forny",                               // [S002] "Forny eller genaktiver"
		"command.convert-to-est":             "Skift til Extended Service Term",     // [MS-da] the term stays English

		"role.global-admin":                "global administrator",                // [S002] "som global administrator"
		"role.billing-admin":               "faktureringsadministrator",           // [MS-da]
		"role.billing-account-owner":       "ejer af faktureringskontoen",         // [MS-da]
		"role.billing-account-contributor": "bidragyder til faktureringskontoen",  // [MS-da]
		"role.billing-profile-owner":       "ejer af faktureringsprofilen",        // [MS-da]
		"role.billing-profile-contributor": "bidragyder til faktureringsprofilen", // [MS-da]
		"role.user-admin":                  "brugeradministrator",                 // [MS-da]
		"role.partner":                     "CSP-partneren",                       // [MS-da]
		"role.support":                     "Microsoft-support",                   // [S002] "ringe til support"
		"role.user":                        "bruger uden administratorrolle",      // [MS-da]
		"role.nobody":                      "ingen",
		"list.or":                          "%[1]s eller %[2]s",

		"cause.name.purchased":             "købt",
		"cause.name.trial-started":         "prøveversion startet",
		"cause.name.trial-converted":       "prøveversion købt",
		"cause.name.reactivated":           "genaktiveret",
		"cause.name.renewed":               "fornyet",
		"cause.name.term-ended":            "abonnementsperioden udløb",
		"cause.name.cancelled-at-renewal":  "afmeldt ved fornyelse",
		"cause.name.trial-ended":           "prøveversion sluttet",
		"cause.name.grace-ended":           "perioden Udløbet sluttet",
		"cause.name.disabled-ended":        "perioden Deaktiveret sluttet",
		"cause.name.cancelled":             "annulleret",
		"cause.name.explicitly-deleted":    "slettet af en administrator",
		"cause.name.suspended":             "suspenderet",
		"cause.name.unsuspended":           "genoptaget",
		"cause.name.suspended-at-term-end": "suspenderet ved periodens udløb",
		"cause.name.suspension-limit":      "længste suspension nået",
		"cause.name.all-licenses-removed":  "alle licenser fjernet",
		"cause.name.extended-service-term": "Extended Service Term",

		"topic.state":        "status",
		"topic.next":         "derefter",
		"topic.access":       "adgang",
		"topic.reactivation": "genaktivering",
		"topic.purge":        "sletning af data",
		"topic.cancel":       "annullering",
		"topic.renewal":      "fornyelse",
		"topic.delete":       "sletning",
		"topic.licenses":     "licenser",
		"topic.rules":        "regler",

		"cli.explain.header":    "%[1]s den %[2]s",
		"cli.rules":             "regler",
		"cli.sources":           "kilder",
		"cli.portfolio.header":  "Abonnementer den %[1]s",
		"cli.portfolio.columns": "ID\tKANAL\tSTATUS\tSIDEN\tDEREFTER\tGENAKTIVER INDTIL\tDATA VÆK SENEST\tBRUGERE\tDATA",
		"cli.not-bought":        "endnu ikke købt",
		"cli.active-from":       "Aktiv fra %[1]s",
		"cli.next-on":           "%[1]s fra %[2]s",
		"cli.users.normal":      "normal adgang",
		"cli.users.no-access":   "ingen adgang",
		"data.everyone":         "alle",
		"data.admins-only":      "kun administratorer",
		"data.nobody":           "ingen",
		"cli.timeline.header":   "Tidslinje for %[1]s (%[2]s)",
		"cli.timeline.columns":  "STATUS\tFRA\tTIL\tÅRSAG\tREGLER",
		"cli.open":              "åben",

		"cause.purchased":                 "Abonnementet har haft status %[1]s, siden det blev købt den %[2]s.",
		"cause.trial-started":             "Den gratis prøveversion har haft status %[1]s siden den %[2]s.",
		"cause.trial-converted":           "Prøveversionen blev konverteret til et betalt abonnement den %[1]s.",
		"cause.reactivated.mca":           "Abonnementet blev genaktiveret den %[1]s som et nyt abonnement med samme bindingsperiode, der begynder den dag.",
		"cause.reactivated.partner":       "Abonnementet blev genaktiveret den %[1]s; det fornyes kun gennem licenspartneren.",
		"cause.reactivated":               "Abonnementet blev genaktiveret den %[1]s.",
		"cause.renewed":                   "Abonnementet blev fornyet den %[1]s.",
		"how.term-ended":                  "abonnementsperioden udløb",
		"how.cancelled-at-renewal":        "det blev afmeldt før næste fornyelsesdato, og abonnementsperioden udløb",
		"cause.term-ended.mca-no-expired": "Abonnementet har haft status %[1]s siden den %[3]s, fordi %[2]s på slutdatoen: Status Udløbet gælder ikke længere for licensbaserede abonnementer, der er købt direkte gennem en Microsoft-kundeaftale (MCA); dataene opbevares i %[4]s og slettes derefter permanent.",
		"cause.term-ended":                "Abonnementet har haft status %[1]s siden den %[2]s: %[3]s %[4]s.",
		"expiry.day-after":                "efter slutdatoen, den %[1]s, som omfatter hele dagen",
		"expiry.partner":                  "på slutdatoen, den %[1]s; det fornyes kun ved en fornyelsesordre hos licenspartneren",
		"expiry.on-end-date":              "på slutdatoen, den %[1]s, og status Udløbet begynder på slutdatoen, ikke på den dato, hvor tilbagevendende fakturering blev slået fra",
		"expiry.no-expired":               "%[1]s; disse regler har ingen status Udløbet",
		"cause.trial-ended":               "Den gratis prøveversion sluttede uden at blive købt og har haft status %[1]s siden den %[2]s.",
		"cause.grace-ended":               "Perioden med status Udløbet sluttede den %[1]s; siden da har abonnementet haft status %[2]s.",
		"cause.disabled-ended":            "Perioden med status Deaktiveret sluttede den %[1]s; siden da har abonnementet haft status %[2]s.",
		"cause.cancelled.deleted":         "Partneren annullerede abonnementet den %[1]s inden for annulleringsperioden; det blev derfor straks slettet og kan ikke gendannes.",
		"cause.cancelled.deferred":        "Abonnementet blev annulleret den %[1]s med virkning fra næste faktureringscyklus og har haft status %[2]s siden den %[3]s; dets data slettes 90 dage efter annulleringen.",
		"cause.cancelled":                 "Abonnementet blev annulleret den %[1]s; det sprang status Udløbet over, brugerne mistede adgang samme dag, og kun administratorer kan få adgang til dataene.",
		"cause.explicitly-deleted":        "En administrator slettede abonnementet den %[1]s; det sprang status Udløbet og Deaktiveret over, og indholdet i SharePoint Online og OneDrive blev slettet med det samme.",
		"cause.suspended":                 "Partneren suspenderede abonnementet den %[1]s; brugerne kan ikke bruge tjenesterne, men administratorer kan få adgang til dataene.",
		"cause.unsuspended":               "Partneren genoptog det suspenderede abonnement den %[1]s.",
		"cause.suspended-at-term-end":     "Abonnementet var stadig suspenderet, da abonnementsperioden udløb, og har haft status %[1]s siden den %[2]s.",
		"cause.suspension-limit":          "Abonnementet var suspenderet så længe som højst tilladt og blev slettet den %[1]s.",
		"cause.all-licenses-removed":      "Alle licenser blev fjernet den %[1]s, så abonnementet fik status %[2]s.",
		"cause.extended-service-term":     "Abonnementet er siden den %[1]s fortsat måned for måned med en Extended Service Term.",
		"cause.other":                     "Abonnementet har haft status %[1]s siden den %[2]s.",
		"state.aobo-lag":                  "Partneren annullerede det på kundens vegne, så Administration kan vise den gamle status indtil den %[1]s; det er kun til orientering.",

		"next":                       "Medmindre noget ændrer sig, får det status %[1]s den %[2]s, %[3]s.",
		"next.mca-no-expired":        "når abonnementsperioden udløber på slutdatoen, den %[1]s: Status Udløbet gælder ikke længere for licensbaserede abonnementer, der er købt direkte gennem en Microsoft-kundeaftale (MCA); dataene opbevares i %[2]s og slettes derefter permanent",
		"next.cancelled-at-renewal":  "når abonnementsperioden udløber %[1]s, fordi det blev afmeldt før næste fornyelsesdato",
		"next.term-ended":            "når abonnementsperioden udløber %[1]s",
		"next.grace-ended":           "når perioden med status Udløbet slutter",
		"next.disabled-ended.csp":    "når perioden med status Deaktiveret slutter; dataene opbevares i 90 dage efter afslutningen af den forrige status",
		"next.disabled-ended":        "når perioden med status Deaktiveret slutter",
		"next.trial-converted":       "når prøveversionen konverteres til et betalt abonnement",
		"next.trial-ended":           "når prøveversionen slutter uden at blive købt",
		"next.cancelled":             "når annulleringen træder i kraft ved udgangen af faktureringscyklussen",
		"next.suspended-at-term-end": "hvis det stadig er suspenderet, når abonnementsperioden udløber",
		"next.suspension-limit":      "efter den længste tilladte suspension",
		"next.extended-service-term": "når dets Extended Service Term begynder",
		"next.all-licenses-removed":  "fordi alle licenser blev fjernet",
		"next.partner-renews":        "Det fornyes gennem licenspartneren, så ingen anden status er planlagt.",
		"next.renews":                "Tilbagevendende fakturering er slået til, så abonnementet fornyes ved udgangen af hver abonnementsperiode, og ingen anden status er planlagt.",

		"access.everyone":              "Brugerne har fortsat normal adgang til deres apps, filer og mail, og dataene er tilgængelige for alle.",
		"access.admins-only":           "Brugerne kan ikke bruge tjenesterne; kun administratorer kan få adgang til dataene og sikkerhedskopiere dem.",
		"access.nobody":                "Dataene er slettet eller ved at blive slettet; ingen kan få adgang til dem, og et nyt abonnement gendanner dem ikke. Microsoft Entra ID-lejeren fjernes også, medmindre andre tjenester bruger den.",
		"access.reduced-functionality": "Office-skrivebordsprogrammerne skifter til sidst til en skrivebeskyttet tilstand med begrænset funktionalitet og viser meddelelser om produkt uden licens; brugerne kan kun læse og udskrive dokumenter.",
		"access.repurchase":            "Køber man et nyt abonnement med de samme tjenesteplaner, før dette abonnement er slettet, får man adgang til dets data igen; efter sletningen ikke længere.",
		"access.vl-services-off":       "Ifølge denne version af reglerne for volumenlicensering blev tjenesterne utilgængelige, da status Udløbet begyndte.",
		"access.csp-expired":           "Et udløbet abonnement vises ikke længere på siden Abonnementer i Partnercenter; find det via eksporten eller API'en. Partneren faktureres ikke for det.",

		"reactivation.until":                   "Det kan genaktiveres til og med den %[2]s af: %[1]s.",
		"reactivation.before":                  "Det kan genaktiveres før den %[2]s af: %[1]s.",
		"reactivation.refused":                 "Det kan ikke genaktiveres nu: %[1]s.",
		"reactivation.refused.instead":         "Det kan ikke genaktiveres nu: %[1]s. I stedet: %[2]s.",
		"purge":                                "Kundedata kan blive slettet fra den %[1]s og bliver slettet senest den %[2]s.",
		"purge.end-of-day":                     "Kundedata kan blive slettet fra den %[1]s og bliver slettet senest ved udgangen af den %[2]s.",
		"cancel.window":                        "Det kan annulleres inden for annulleringsperioden, som slutter den %[2]s, af: %[1]s.",
		"cancel.trial":                         "Den gratis prøveversion kan annulleres af: %[1]s. Annulleringen slår tilbagevendende fakturering fra, og prøveversionen slutter ved prøveperiodens udløb uden betaling.",
		"cancel.online":                        "Det kan annulleres online af: %[1]s.",
		"cancel.refused":                       "Det kan ikke annulleres online nu: %[1]s.",
		"cancel.refused.instead":               "Det kan ikke annulleres online nu: %[1]s. I stedet: %[2]s.",
		"renewal.product-key":                  "Det blev forudbetalt med en produktnøgle og udløber ved abonnementsperiodens udløb; for at beholde det skal du slå tilbagevendende fakturering til og tilføje en betalingsmetode eller forlænge det med en ny, ubrugt produktnøgle til samme plan.",
		"delete.now":                           "Følgende kan slette det nu for at fjerne dets data, før status Deaktiveret er forbi: %[1]s. Kontakt support, hvis det ikke kan slettes med det samme.",
		"licenses.conflict":                    "Der er tildelt flere licenser end købt; løs konflikten før den %[1]s. Tjenester, der tildeles pr. bruger, afbrydes ikke i mellemtiden.",
		"licenses.conflict.online-reservation": "Der er tildelt flere licenser end købt; løs konflikten før den %[1]s. Tjenester, der tildeles pr. bruger, afbrydes ikke i mellemtiden. Afgiv en onlinereservation, og kontakt din licenspartner for at gendanne licenserne.",
		"rules.lifecycle":                      "Vurderet efter reglerne for kanalen %[1]s, version %[2]s: %[3]s.",
		"rules.commands":                       "Hvad der kan gøres nu, vurderes efter version %[1]s, der gælder på dette tidspunkt: %[2]s.",
		"rules.window":                         "Annulleringsperioden vurderes efter version %[1]s, der gjaldt, da den begyndte: %[2]s.",

		"refused.role":                          "rollen %[1]s må ikke udføre »%[2]s« for et abonnement fra kanalen %[3]s",
		"refused.role.buy":                      "rollen %[1]s må ikke købe",
		"refused.role.buy.of":                   "rollen %[1]s må ikke købe et abonnement fra kanalen %[2]s",
		"refused.role.remove-payment-method":    "rollen %[1]s må ikke fjerne en betalingsmetode",
		"refused.role.remove-payment-method.of": "rollen %[1]s må ikke fjerne en betalingsmetode fra et abonnement fra kanalen %[2]s",
		"refused.csp-licenses":                  "abonnementet blev købt gennem en CSP-partner, så licenserne kan ikke ændres i Microsoft 365 Administration",
		"refused.recurring-not-active":          "tilbagevendende fakturering kan kun ændres, mens abonnementet er aktivt; det har status %[1]s",
		"refused.suspended-auto-renew":          "suspenderingen af abonnementet slog automatisk fornyelse fra, og det kan ikke ændres, mens det er suspenderet",
		"refused.deleted":                       "abonnementet er slettet og kan hverken ændres eller genaktiveres",
		"refused.cancel-first":                  "et abonnement skal være annulleret og deaktiveret, før det kan slettes",
		"refused.delete-not-offered":            "et deaktiveret abonnement fra kanalen %[1]s kan ikke slettes af en administrator; det slettes den %[2]s",
		"refused.delete-not-yet":                "kun et deaktiveret abonnement kan slettes; det bliver deaktiveret den %[1]s",
		"refused.no-reactivate-csp":             "et CSP-abonnement med status %[1]s kan ikke genaktiveres",
		"refused.reactivate-trial":              "en prøveversion genaktiveres ikke, den købes",
		"refused.reactivate-closed":             "abonnementet kan ikke længere genaktiveres med status %[1]s",
		"refused.already":                       "»%[1]s« ville ikke ændre noget",
		"refused.trial-seats":                   "antallet af licenser kan ikke ændres i en gratis prøveperiode",
		"refused.partner-channel":               "et abonnement fra kanalen %[1]s ændres gennem licenspartneren, ikke i Administration",
		"refused.no-cancel":                     "et abonnement fra kanalen %[1]s kan ikke annulleres online",
		"refused.trial-no-extend":               "gratis prøveversioner fra denne kanal kan ikke forlænges",
		"refused.trial-extended-once":           "prøveversionen er allerede forlænget; den kan kun forlænges én gang",
		"refused.trial-extended":                "prøveversionen er allerede forlænget %[1]s, det højst tilladte",
		"refused.trial-extend-early":            "en prøveversion kan kun forlænges i de sidste %[1]s før dens udløb den %[2]s",
		"refused.trial-not-cancellable":         "en gratis prøveversion kan ikke annulleres efter disse regler",
		"refused.trial-status":                  "status og antal for en CSP-prøveversion kan ikke ændres i prøveperioden",
		"refused.cancel-window.closed-at":       "annuller inden for perioden efter købet eller fornyelsen; perioden lukkede den %[1]s",
		"refused.cancel-window.last-day":        "annuller inden for perioden efter købet eller fornyelsen; dens sidste dag var den %[1]s",
		"refused.product-key":                   "et abonnement købt med en produktnøgle kan kun annulleres gennem support, uden refusion",
		"refused.online-limit":                  "%[1]s er over grænsen for onlineannullering på %[2]s",
		"limit.fewer-than-assigned":             "færre end %[1]s tildelte",
		"refused.custom-domain":                 "der er stadig tilføjet et brugerdefineret domæne til abonnementet: %[1]s",
		"refused.licenses-assigned":             "tildelte licenser kan ikke fjernes: der er tildelt %[1]s flere end de resterende licenser",
		"refused.licenses-min":                  "antallet af licenser kan ikke komme under %[1]s",
		"refused.prepaid":                       "licenser til et forudbetalt abonnement kan ikke fjernes, fordi de allerede er betalt",
		"refused.est-quantity":                  "antallet af licenser kan ikke ændres under en Extended Service Term",
		"refused.license-window":                "nu kan %[1]s fjernes: licenser kan kun fjernes inden for perioden efter, at de blev købt, fornyet eller tilføjet",
		"refused.licenses-recurring":            "licenser kan kun fjernes, når tilbagevendende fakturering er slået til",
		"refused.assign-too-many":               "%[1]s kan ikke tildeles, når der er købt %[2]s",
		"refused.est-not-offered":               "en Extended Service Term tilbydes ikke for et abonnement fra kanalen %[1]s efter disse regler",
		"refused.suspend-not-offered":           "et abonnement fra kanalen %[1]s kan ikke suspenderes",
		"refused.sales-ended":                   "programmet %[1]s sælger og fornyer intet fra den %[2]s",
		"refused.payment-attached":              "betalingsmetoden er stadig knyttet til abonnementet %[1]s, som har status %[2]s",
		"refused.key-used":                      "produktnøglen er allerede brugt til dette abonnement",
		"refused.trial-licenses":                "en gratis prøveversion omfatter %[1]s, ikke %[2]s",
		"refused.reactivate-payment":            "der skal vælges eller tilføjes en betalingsmetode for at genaktivere abonnementet",
		"refused.payment-cancelled":             "betalingsmetoden for et annulleret eller udløbet abonnement kan først fjernes, når abonnementet er slettet; %[1]s har status %[2]s indtil den %[3]s",
		"refused.state":                         "»%[1]s« er ikke muligt for et abonnement fra kanalen %[2]s med status %[3]s",

		"instead.contact-csp-partner":       "kontakt din CSP-partner",
		"instead.ask":                       "spørg: %[1]s",
		"instead.ask-or-support":            "spørg: %[1]s, eller kontakt support",
		"instead.contact-support":           "kontakt support",
		"instead.or-contact-support":        "%[1]s, eller kontakt support",
		"instead.csp-licenses":              "kontakt din CSP-partner for at ændre licenser",
		"instead.reactivate-first":          "genaktiver først abonnementet, og slå derefter tilbagevendende fakturering til eller fra",
		"instead.unsuspend-first":           "genoptag det først",
		"instead.buy-new.data-lost":         "køb et nyt abonnement; det slettede abonnements data gendannes ikke",
		"instead.cancel-first":              "annuller det først",
		"instead.buy-new":                   "køb et nyt abonnement",
		"instead.convert-trial":             "køb prøveversionen (convert-trial)",
		"instead.wait-for-conversion":       "vent, til prøveversionen er konverteret til et betalt abonnement",
		"instead.buy-trial-then-licenses":   "køb først prøveabonnementet, og køb derefter flere licenser",
		"instead.contact-licensing-partner": "kontakt din licenspartner",
		"instead.suspend":                   "suspender det i stedet",
		"instead.let-expire-partner":        "sørg sammen med din licenspartner for, at der ikke er nogen automatisk forlængelse, og lad det udløbe",
		"instead.convert-trial-before":      "køb prøveversionen (convert-trial), før den udløber den %[1]s",
		"instead.extend-from":               "forlæng den fra den %[1]s",
		"instead.trial-auto-renew-off":      "slå automatisk fornyelse fra, og lad prøveversionen udløbe den %[1]s",
		"instead.trial-recurring-off":       "slå tilbagevendende fakturering fra, og lad prøveversionen udløbe den %[1]s",
		"instead.auto-renew-off":            "slå automatisk fornyelse fra, så det udløber den %[1]s; partneren faktureres for hele perioden",
		"instead.recurring-off":             "slå tilbagevendende fakturering fra, og lad det udløbe den %[1]s; betalingen fortsætter indtil da",
		"instead.support-no-refund":         "kontakt support for at annullere; der gives ingen refusion",
		"instead.reduce-first":              "reducer først til højst %[1]s, og annuller derefter online",
		"instead.support-cancel":            "kontakt support for at annullere",
		"instead.unassign-or-support":       "fjern licenstildelinger, indtil færre end %[1]s er tildelt, eller kontakt support",
		"instead.remove-domain":             "fjern først det brugerdefinerede domæne %[1]s",
		"instead.remove-domains":            "fjern først de brugerdefinerede domæner",
		"instead.unassign":                  "fjern først tildelingen af %[1]s fra brugerne",
		"instead.cancel-subscription":       "annuller abonnementet i stedet",
		"instead.prepaid":                   "slå tilbagevendende fakturering fra, så færre licenser fornyes",
		"instead.buy-quantity":              "køb et nyt abonnement med det antal, du har brug for",
		"instead.next-window":               "fjern licenser i den næste periode, som begynder ved fornyelsen den %[1]s",
		"instead.next-window.others":        "fjern de øvrige i den næste periode, som begynder ved fornyelsen den %[1]s",
		"instead.recurring-on-first":        "slå først tilbagevendende fakturering til",
		"instead.buy-licenses-first":        "køb først flere licenser",
		"instead.renew-or-end":              "forny abonnementet, eller lad det udløbe",
		"instead.other-program":             "køb gennem et andet program, f.eks. Open Value",
		"instead.move-payment":              "flyt først abonnementet %[1]s til en anden betalingsmetode",
		"instead.new-key":                   "angiv en ny, ubrugt produktnøgle til samme Microsoft-plan",
		"instead.trial-licenses":            "start prøveversionen med højst %[1]s, og køb flere, når den er købt",
		"instead.add-payment":               "tilføj en betalingsmetode, og genaktiver derefter",
		"instead.wait-deleted":              "vent, til abonnementet %[1]s slettes den %[2]s",
	},
}
