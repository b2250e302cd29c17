package lang

import "golang.org/x/text/language"

// german: state, role and command names as Microsoft's German pages use
// them. Sources beside each term: [S004] the German lifecycle page (seed
// 004, "Was geschieht mit meinen Daten …"), [S001] the German "Schließen
// Ihres Kontos" (seed 001), [MS-de] Microsoft Learn and the Microsoft 365
// admin center in German, not among the seeds.
var german = Catalog{
	Tag:  language.German,
	Name: "Deutsch",
	Months: [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
		"August", "September", "Oktober", "November", "Dezember"},
	Date:    "%[1]s. %[2]s %[3]s",
	Day:     "%[1]s. %[2]s %[3]s",
	Clock:   "15:04 MST",
	Seconds: "15:04:05,999999999 MST",
	Instant: "%[1]s um %[2]s",
	Stamp:   "%[1]s um %[2]s",
	Or:      " oder ",
	Units: map[string][2]string{
		"days":          {"%d Tag", "%d Tage"},
		"licenses":      {"%d Lizenz", "%d Lizenzen"},
		"times":         {"%d-mal", "%d-mal"},
		"users":         {"%d Benutzer", "%d Benutzer"},
		"subscriptions": {"%d Abonnement", "%d Abonnements"},
	},
	Messages: map[string]string{
		"state.active":    "Aktiv",       // [S004] "Aktiv Abgelaufen Deaktiviert Gelöscht"
		"state.expired":   "Abgelaufen",  // [S004]
		"state.disabled":  "Deaktiviert", // [S004] (its first table's "Arbeitsunfähig" is a machine translation slip)
		"state.deleted":   "Gelöscht",    // [S004]
		"state.suspended": "Angehalten",  // [MS-de] Partner Center, Abonnementstatus
		"state.in-trial":  "%[1]s (Testversion)",

		"channel.direct-mosa":      "Direktkauf (MOSA)",    // [MS-de] Microsoft Online Subscription Agreement
		"channel.direct-mca":       "Direktkauf (MCA)",     // [MS-de] Microsoft-Kundenvereinbarung
		"channel.enterprise":       "Enterprise Agreement", // [S004] "über ein Enterprise Agreement"
		"channel.volume-licensing": "Volumenlizenzierung",  // [S004] "Volumenlizenzierung (VL)"
		"channel.open-value":       "Open Value",           // [S004]
		"channel.open-license":     "Open License",         // [MS-de]
		"channel.csp-nce":          "CSP (New Commerce)",   // [S004] "Cloud Solution Provider (CSP)", [MS-de] "New Commerce"
		"channel.csp-legacy":       "CSP (herkömmlich)",    // [MS-de]

		"command.turn-off-recurring-billing": "Wiederkehrende Abrechnung deaktivieren", // [S004] "die wiederkehrende Abrechnung deaktivieren"
		"command.turn-on-recurring-billing":  "Wiederkehrende Abrechnung aktivieren",   // [S004] "Aktivieren der wiederkehrenden Abrechnung"
		"command.cancel-now":                 "Abonnement kündigen",                    // [S004] "das Abonnement … kündigen"
		"command.cancel-at-renewal":          "Zum Verlängerungsdatum kündigen",        // [MS-de]
		"command.reactivate":                 "Abonnement reaktivieren",                // [S004] "das Abonnement im Admin Center reaktivieren"
		"command.delete":                     "Abonnement löschen",                     // [S001] "Löschen eines Abonnements"
		"command.suspend":                    "Abonnement anhalten",                    // [MS-de] Partner Center
		"command.unsuspend":                  "Abonnement wieder aktivieren",           // [MS-de] Partner Center
		"command.extend-trial":               "Testversion verlängern",                 // [MS-de]
		"command.convert-trial":              "Testversion kaufen",                     // [MS-de]
		"command.add-licenses":               "Lizenzen hinzufügen",                    // [MS-de]
		"command.remove-licenses":            "Lizenzen entfernen",                     // [S004] "alle Lizenzen entfernt"
		"command.assign-licenses":            "Lizenzen zuweisen",                      // [S004] "Benutzern keine Lizenzen zuweisen"
		"command.renew":                      "Verlängern",                             // [S004] "gekauft oder verlängert"
		"command.convert-to-est":             "Zum Extended Service Term wechseln",     // [MS-de] the term stays English

		"role.global-admin":                "Globaler Administrator",              // [S004] "Globale oder Abrechnungsadministratoren", [S001]
		"role.billing-admin":               "Abrechnungsadministrator",            // [S004]
		"role.billing-account-owner":       "Besitzer des Abrechnungskontos",      // [MS-de]
		"role.billing-account-contributor": "Mitwirkender des Abrechnungskontos",  // [MS-de]
		"role.billing-profile-owner":       "Besitzer des Abrechnungsprofils",     // [MS-de]
		"role.billing-profile-contributor": "Mitwirkender des Abrechnungsprofils", // [MS-de]
		"role.user-admin":                  "Benutzeradministrator",               // [MS-de]
		"role.partner":                     "CSP-Partner",                         // [S004] "Cloud Solution Provider (CSP)"
		"role.support":                     "Microsoft-Support",                   // [MS-de]
		"role.user":                        "Benutzer ohne Administratorrolle",    // [MS-de] "Administratorrollen" [S001]
		"role.nobody":                      "niemand",
		"list.or":                          "%[1]s oder %[2]s",

		"cause.name.purchased":             "gekauft",
		"cause.name.trial-started":         "Testversion begonnen",
		"cause.name.trial-converted":       "Testversion gekauft",
		"cause.name.reactivated":           "reaktiviert",
		"cause.name.renewed":               "verlängert",
		"cause.name.term-ended":            "Laufzeit beendet",
		"cause.name.cancelled-at-renewal":  "zur Verlängerung gekündigt",
		"cause.name.trial-ended":           "Testversion beendet",
		"cause.name.grace-ended":           "Status Abgelaufen beendet",
		"cause.name.disabled-ended":        "Status Deaktiviert beendet",
		"cause.name.cancelled":             "gekündigt",
		"cause.name.explicitly-deleted":    "vom Administrator gelöscht",
		"cause.name.suspended":             "angehalten",
		"cause.name.unsuspended":           "wieder aktiviert",
		"cause.name.suspended-at-term-end": "zum Laufzeitende angehalten",
		"cause.name.suspension-limit":      "längste Anhaltedauer erreicht",
		"cause.name.all-licenses-removed":  "alle Lizenzen entfernt",
		"cause.name.extended-service-term": "Extended Service Term",

		"topic.state":        "Status",
		"topic.next":         "Als Nächstes",
		"topic.access":       "Zugriff",
		"topic.reactivation": "Reaktivierung",
		"topic.purge":        "Löschung der Daten",
		"topic.cancel":       "Kündigung",
		"topic.renewal":      "Verlängerung",
		"topic.delete":       "Löschen",
		"topic.licenses":     "Lizenzen",
		"topic.rules":        "Regeln",

		"cli.explain.header":    "%[1]s am %[2]s",
		"cli.rules":             "Regeln",
		"cli.sources":           "Quellen",
		"cli.portfolio.header":  "Abonnements am %[1]s",
		"cli.portfolio.columns": "ID\tKANAL\tSTATUS\tSEIT\tALS NÄCHSTES\tREAKTIVIERBAR BIS\tDATEN GELÖSCHT BIS\tBENUTZER\tDATEN",
		"cli.not-bought":        "noch nicht gekauft",
		"cli.active-from":       "Aktiv ab %[1]s",
		"cli.next-on":           "%[1]s ab %[2]s",
		"cli.users.normal":      "normaler Zugriff",
		"cli.users.no-access":   "kein Zugriff",
		"data.everyone":         "für alle",            // [S004] "Daten sind für alle zugänglich"
		"data.admins-only":      "nur Administratoren", // [S004] "Auf Daten können nur Administratoren zugreifen"
		"data.nobody":           "niemand",
		"cli.timeline.header":   "Zeitleiste von %[1]s (%[2]s)",
		"cli.timeline.columns":  "STATUS\tVON\tBIS\tURSACHE\tREGELN",
		"cli.open":              "offen",

		"cause.purchased":                 "Das Abonnement ist seit dem Kauf am %[2]s im Status %[1]s.",
		"cause.trial-started":             "Die kostenlose Testversion ist seit dem %[2]s im Status %[1]s.",
		"cause.trial-converted":           "Die Testversion wurde am %[1]s in ein kostenpflichtiges Abonnement umgewandelt.",
		"cause.reactivated.mca":           "Das Abonnement wurde am %[1]s als neues Abonnement mit derselben Verpflichtungslaufzeit reaktiviert, die an diesem Tag beginnt.",
		"cause.reactivated.partner":       "Das Abonnement wurde am %[1]s reaktiviert; es wird nur über den Lizenzierungspartner verlängert.",
		"cause.reactivated":               "Das Abonnement wurde am %[1]s reaktiviert.",
		"cause.renewed":                   "Das Abonnement wurde am %[1]s verlängert.",
		"how.term-ended":                  "seine Laufzeit endete",
		"how.cancelled-at-renewal":        "es wurde vor dem nächsten Verlängerungsdatum gekündigt und seine Laufzeit endete",
		"cause.term-ended.mca-no-expired": "Das Abonnement ist seit dem %[3]s im Status %[1]s, denn %[2]s an seinem Enddatum: Der Status Abgelaufen gilt nicht mehr für lizenzbasierte Abonnements, die direkt über eine Microsoft-Kundenvereinbarung (MCA) gekauft wurden; die Daten werden %[4]s lang aufbewahrt und dann endgültig gelöscht.",
		"cause.term-ended":                "Das Abonnement ist seit dem %[2]s im Status %[1]s: %[3]s %[4]s.",
		"expiry.day-after":                "nach seinem Enddatum, dem %[1]s, das den ganzen Tag einschließt",
		"expiry.partner":                  "an seinem Enddatum, dem %[1]s; es wird nur durch eine Verlängerungsbestellung beim Lizenzierungspartner verlängert",
		"expiry.on-end-date":              "an seinem Enddatum, dem %[1]s, und der Status Abgelaufen beginnt am Enddatum, nicht an dem Datum, an dem die wiederkehrende Abrechnung deaktiviert wurde",
		"expiry.no-expired":               "%[1]s; diese Regeln kennen keinen Status Abgelaufen",
		"cause.trial-ended":               "Die kostenlose Testversion endete, ohne gekauft zu werden, und ist seit dem %[2]s im Status %[1]s.",
		"cause.grace-ended":               "Die Zeit im Status Abgelaufen endete am %[1]s; seitdem ist das Abonnement im Status %[2]s.",
		"cause.disabled-ended":            "Die Zeit im Status Deaktiviert endete am %[1]s; seitdem ist das Abonnement im Status %[2]s.",
		"cause.cancelled.deleted":         "Der Partner hat das Abonnement am %[1]s innerhalb des Kündigungsfensters gekündigt; es wurde daher sofort gelöscht und kann nicht wiederhergestellt werden.",
		"cause.cancelled.deferred":        "Das Abonnement wurde am %[1]s zum nächsten Abrechnungszeitraum gekündigt und ist seit dem %[3]s im Status %[2]s; seine Daten werden 90 Tage nach der Kündigung gelöscht.",
		"cause.cancelled":                 "Das Abonnement wurde am %[1]s gekündigt; es hat den Status Abgelaufen übersprungen, die Benutzer haben am selben Tag den Zugriff verloren, und nur Administratoren können auf die Daten zugreifen.",
		"cause.explicitly-deleted":        "Ein Administrator hat das Abonnement am %[1]s gelöscht; es hat die Status Abgelaufen und Deaktiviert übersprungen, und die Inhalte in SharePoint Online und OneDrive wurden sofort gelöscht.",
		"cause.suspended":                 "Der Partner hat das Abonnement am %[1]s angehalten; die Benutzer können die Dienste nicht verwenden, aber Administratoren können auf die Daten zugreifen.",
		"cause.unsuspended":               "Der Partner hat das angehaltene Abonnement am %[1]s wieder aktiviert.",
		"cause.suspended-at-term-end":     "Das Abonnement war zum Ende seiner Laufzeit noch angehalten und ist seit dem %[2]s im Status %[1]s.",
		"cause.suspension-limit":          "Das Abonnement war so lange angehalten wie höchstens erlaubt und wurde am %[1]s gelöscht.",
		"cause.all-licenses-removed":      "Am %[1]s wurden alle Lizenzen entfernt; deshalb wechselte das Abonnement in den Status %[2]s.",
		"cause.extended-service-term":     "Das Abonnement läuft seit dem %[1]s monatlich im Rahmen eines Extended Service Term weiter.",
		"cause.other":                     "Das Abonnement ist seit dem %[2]s im Status %[1]s.",
		"state.aobo-lag":                  "Der Partner hat es im Auftrag des Kunden gekündigt; das Admin Center kann daher bis zum %[1]s noch den alten Status anzeigen. Das dient nur der Information.",

		"next":                       "Wenn sich nichts ändert, wechselt es am %[2]s in den Status %[1]s, %[3]s.",
		"next.mca-no-expired":        "wenn seine Laufzeit an seinem Enddatum, dem %[1]s, endet: Der Status Abgelaufen gilt nicht mehr für lizenzbasierte Abonnements, die direkt über eine Microsoft-Kundenvereinbarung (MCA) gekauft wurden; die Daten werden %[2]s lang aufbewahrt und dann endgültig gelöscht",
		"next.cancelled-at-renewal":  "wenn seine Laufzeit endet, %[1]s, weil es vor dem nächsten Verlängerungsdatum gekündigt wurde",
		"next.term-ended":            "wenn seine Laufzeit endet, %[1]s",
		"next.grace-ended":           "wenn die Zeit im Status Abgelaufen endet",
		"next.disabled-ended.csp":    "wenn die Zeit im Status Deaktiviert endet; die Daten werden 90 Tage nach dem Ende des vorigen Status aufbewahrt",
		"next.disabled-ended":        "wenn die Zeit im Status Deaktiviert endet",
		"next.trial-converted":       "wenn die Testversion in ein kostenpflichtiges Abonnement umgewandelt wird",
		"next.trial-ended":           "wenn die Testversion endet, ohne gekauft zu werden",
		"next.cancelled":             "wenn die Kündigung zum Ende des Abrechnungszeitraums wirksam wird",
		"next.suspended-at-term-end": "falls es zum Ende seiner Laufzeit noch angehalten ist",
		"next.suspension-limit":      "nach der längsten erlaubten Anhaltedauer",
		"next.extended-service-term": "wenn sein Extended Service Term beginnt",
		"next.all-licenses-removed":  "weil alle Lizenzen entfernt wurden",
		"next.partner-renews":        "Es wird über den Lizenzierungspartner verlängert; daher ist kein anderer Status geplant.",
		"next.renews":                "Die wiederkehrende Abrechnung ist aktiviert; das Abonnement wird daher am Ende jeder Laufzeit verlängert, und kein anderer Status ist geplant.",

		"access.everyone":              "Die Benutzer haben normalen Zugriff auf ihre Apps, Dateien und E-Mails, und die Daten sind für alle zugänglich.",
		"access.admins-only":           "Die Benutzer können die Dienste nicht verwenden; nur Administratoren können auf die Daten zugreifen und sie sichern.",
		"access.nobody":                "Die Daten sind oder werden gelöscht; niemand kann auf sie zugreifen, und ein neues Abonnement stellt sie nicht wieder her. Auch der Microsoft Entra ID-Mandant wird entfernt, sofern ihn keine anderen Dienste verwenden.",
		"access.reduced-functionality": "Die Office-Desktop-Apps wechseln schließlich in einen schreibgeschützten Modus mit eingeschränkter Funktionalität und zeigen Benachrichtigungen für nicht lizenzierte Produkte an; die Benutzer können Dokumente nur lesen und drucken.",
		"access.repurchase":            "Wer ein neues Abonnement mit denselben Dienstplänen kauft, bevor dieses gelöscht ist, erhält wieder Zugriff auf seine Daten; nach dem Löschen nicht mehr.",
		"access.vl-services-off":       "Nach dieser Version der Regeln für die Volumenlizenzierung waren die Dienste ab Beginn des Status Abgelaufen nicht mehr verfügbar.",
		"access.csp-expired":           "Ein abgelaufenes Abonnement wird auf der Abonnementseite von Partner Center nicht mehr angezeigt; es ist über den Export oder die API zu finden. Dem Partner wird es nicht berechnet.",

		"reactivation.until":                   "Reaktivieren kann es bis einschließlich %[2]s: %[1]s.",
		"reactivation.before":                  "Reaktivieren kann es vor dem %[2]s: %[1]s.",
		"reactivation.refused":                 "Es kann jetzt nicht reaktiviert werden: %[1]s.",
		"reactivation.refused.instead":         "Es kann jetzt nicht reaktiviert werden: %[1]s. Stattdessen: %[2]s.",
		"purge":                                "Die Kundendaten können ab dem %[1]s gelöscht werden und werden spätestens am %[2]s gelöscht.",
		"purge.end-of-day":                     "Die Kundendaten können ab dem %[1]s gelöscht werden und werden spätestens am %[2]s (bis Tagesende) gelöscht.",
		"cancel.window":                        "Kündigen kann es innerhalb des Kündigungsfensters, das am %[2]s endet: %[1]s.",
		"cancel.trial":                         "Die kostenlose Testversion kann kündigen: %[1]s. Die Kündigung deaktiviert die wiederkehrende Abrechnung, und die Testversion endet an ihrem Ende ohne Kosten.",
		"cancel.online":                        "Online kündigen kann es: %[1]s.",
		"cancel.refused":                       "Es kann jetzt nicht online gekündigt werden: %[1]s.",
		"cancel.refused.instead":               "Es kann jetzt nicht online gekündigt werden: %[1]s. Stattdessen: %[2]s.",
		"renewal.product-key":                  "Es wurde mit einem Produktschlüssel im Voraus bezahlt und läuft am Ende seiner Laufzeit ab; um es zu behalten, aktivieren Sie die wiederkehrende Abrechnung und fügen eine Zahlungsmethode hinzu, oder verlängern Sie es mit einem neuen, unbenutzten Produktschlüssel für denselben Plan.",
		"delete.now":                           "Löschen kann es jetzt, um seine Daten vor dem Ende des Status Deaktiviert zu entfernen: %[1]s. Wenden Sie sich an den Support, wenn es sich nicht sofort löschen lässt.",
		"licenses.conflict":                    "Es sind mehr Lizenzen zugewiesen als gekauft; lösen Sie den Konflikt vor dem %[1]s. Pro Benutzer zugewiesene Dienste werden bis dahin nicht unterbrochen.",
		"licenses.conflict.online-reservation": "Es sind mehr Lizenzen zugewiesen als gekauft; lösen Sie den Konflikt vor dem %[1]s. Pro Benutzer zugewiesene Dienste werden bis dahin nicht unterbrochen. Um die Lizenzen wiederherzustellen, platzieren Sie eine Onlinereservierung und wenden sich an Ihren Lizenzierungspartner.",
		"rules.lifecycle":                      "Beurteilt nach den Regeln des Kanals %[1]s, Version %[2]s: %[3]s.",
		"rules.commands":                       "Was jetzt möglich ist, beurteilt die zu diesem Zeitpunkt geltende Version %[1]s: %[2]s.",
		"rules.window":                         "Das Kündigungsfenster beurteilt die bei seiner Öffnung geltende Version %[1]s: %[2]s.",

		"refused.role":                          "die Rolle %[1]s darf „%[2]s“ für ein Abonnement des Kanals %[3]s nicht ausführen",
		"refused.role.buy":                      "die Rolle %[1]s darf nicht kaufen",
		"refused.role.buy.of":                   "die Rolle %[1]s darf kein Abonnement des Kanals %[2]s kaufen",
		"refused.role.remove-payment-method":    "die Rolle %[1]s darf keine Zahlungsmethode entfernen",
		"refused.role.remove-payment-method.of": "die Rolle %[1]s darf keine Zahlungsmethode eines Abonnements des Kanals %[2]s entfernen",
		"refused.csp-licenses":                  "das Abonnement wurde über einen CSP-Partner gekauft, daher können die Lizenzen nicht im Microsoft 365 Admin Center geändert werden",
		"refused.recurring-not-active":          "die wiederkehrende Abrechnung kann nur geändert werden, solange das Abonnement aktiv ist; es ist im Status %[1]s",
		"refused.suspended-auto-renew":          "das Anhalten des Abonnements hat die automatische Verlängerung deaktiviert, und sie kann nicht geändert werden, solange es angehalten ist",
		"refused.deleted":                       "das Abonnement ist gelöscht und kann weder geändert noch reaktiviert werden",
		"refused.cancel-first":                  "ein Abonnement muss gekündigt und deaktiviert sein, bevor es gelöscht werden kann",
		"refused.delete-not-offered":            "ein deaktiviertes Abonnement des Kanals %[1]s kann nicht von einem Administrator gelöscht werden; es wird am %[2]s gelöscht",
		"refused.delete-not-yet":                "nur ein deaktiviertes Abonnement kann gelöscht werden; es wird am %[1]s deaktiviert",
		"refused.no-reactivate-csp":             "ein CSP-Abonnement im Status %[1]s kann nicht reaktiviert werden",
		"refused.reactivate-trial":              "eine Testversion wird nicht reaktiviert, sondern gekauft",
		"refused.reactivate-closed":             "das Abonnement kann im Status %[1]s nicht mehr reaktiviert werden",
		"refused.already":                       "„%[1]s“ würde nichts ändern",
		"refused.trial-seats":                   "die Anzahl der Lizenzen kann sich während einer kostenlosen Testversion nicht ändern",
		"refused.partner-channel":               "ein Abonnement des Kanals %[1]s wird über den Lizenzierungspartner geändert, nicht im Admin Center",
		"refused.no-cancel":                     "ein Abonnement des Kanals %[1]s kann nicht online gekündigt werden",
		"refused.trial-no-extend":               "kostenlose Testversionen dieses Kanals können nicht verlängert werden",
		"refused.trial-extended-once":           "die Testversion wurde bereits verlängert; sie kann nur einmal verlängert werden",
		"refused.trial-extended":                "die Testversion wurde bereits %[1]s verlängert, so oft wie höchstens erlaubt",
		"refused.trial-extend-early":            "eine Testversion kann nur in den letzten %[1]s vor ihrem Ende am %[2]s verlängert werden",
		"refused.trial-not-cancellable":         "eine kostenlose Testversion kann nach diesen Regeln nicht gekündigt werden",
		"refused.trial-status":                  "Status und Menge einer CSP-Testversion können während der Testphase nicht geändert werden",
		"refused.cancel-window.closed-at":       "kündigen Sie innerhalb des Fensters nach dem Kauf oder der Verlängerung; das Fenster schloss am %[1]s",
		"refused.cancel-window.last-day":        "kündigen Sie innerhalb des Fensters nach dem Kauf oder der Verlängerung; sein letzter Tag war der %[1]s",
		"refused.product-key":                   "ein mit einem Produktschlüssel gekauftes Abonnement kann nur über den Support gekündigt werden, ohne Erstattung",
		"refused.online-limit":                  "%[1]s liegen über der Grenze für die Onlinekündigung von %[2]s",
		"limit.fewer-than-assigned":             "weniger als %[1]s zugewiesenen",
		"refused.custom-domain":                 "dem Abonnement ist noch eine benutzerdefinierte Domäne hinzugefügt: %[1]s",
		"refused.licenses-assigned":             "zugewiesene Lizenzen können nicht entfernt werden: %[1]s mehr als die verbleibenden Lizenzen sind zugewiesen",
		"refused.licenses-min":                  "die Anzahl der Lizenzen kann nicht unter %[1]s sinken",
		"refused.prepaid":                       "Lizenzen eines vorausbezahlten Abonnements können nicht entfernt werden, da sie bereits bezahlt sind",
		"refused.est-quantity":                  "die Lizenzmenge kann sich während eines Extended Service Term nicht ändern",
		"refused.license-window":                "jetzt können %[1]s entfernt werden: Lizenzen können nur innerhalb des Fensters nach ihrem Kauf, ihrer Verlängerung oder ihrem Hinzufügen entfernt werden",
		"refused.licenses-recurring":            "Lizenzen können nur bei aktivierter wiederkehrender Abrechnung entfernt werden",
		"refused.assign-too-many":               "%[1]s können nicht zugewiesen werden, wenn %[2]s gekauft sind",
		"refused.est-not-offered":               "für ein Abonnement des Kanals %[1]s wird nach diesen Regeln kein Extended Service Term angeboten",
		"refused.suspend-not-offered":           "ein Abonnement des Kanals %[1]s kann nicht angehalten werden",
		"refused.sales-ended":                   "das Programm %[1]s verkauft und verlängert ab dem %[2]s nichts mehr",
		"refused.payment-attached":              "die Zahlungsmethode ist noch dem Abonnement %[1]s zugeordnet, das im Status %[2]s ist",
		"refused.key-used":                      "der Produktschlüssel wurde für dieses Abonnement bereits verwendet",
		"refused.trial-licenses":                "eine kostenlose Testversion umfasst %[1]s, nicht %[2]s",
		"refused.reactivate-payment":            "zum Reaktivieren des Abonnements muss eine Zahlungsmethode ausgewählt oder hinzugefügt werden",
		"refused.payment-cancelled":             "die Zahlungsmethode eines gekündigten oder abgelaufenen Abonnements kann erst entfernt werden, wenn das Abonnement gelöscht ist; %[1]s ist bis zum %[3]s im Status %[2]s",
		"refused.state":                         "„%[1]s“ ist für ein Abonnement des Kanals %[2]s im Status %[3]s nicht möglich",

		"instead.contact-csp-partner":       "wenden Sie sich an Ihren CSP-Partner",
		"instead.ask":                       "fragen Sie: %[1]s",
		"instead.ask-or-support":            "fragen Sie: %[1]s, oder wenden Sie sich an den Support",
		"instead.contact-support":           "wenden Sie sich an den Support",
		"instead.or-contact-support":        "%[1]s, oder wenden Sie sich an den Support",
		"instead.csp-licenses":              "wenden Sie sich an Ihren CSP-Partner, um Lizenzen zu ändern",
		"instead.reactivate-first":          "reaktivieren Sie zuerst das Abonnement, dann aktivieren oder deaktivieren Sie die wiederkehrende Abrechnung",
		"instead.unsuspend-first":           "aktivieren Sie es zuerst wieder",
		"instead.buy-new.data-lost":         "kaufen Sie ein neues Abonnement; die Daten des gelöschten Abonnements werden nicht wiederhergestellt",
		"instead.cancel-first":              "kündigen Sie es zuerst",
		"instead.buy-new":                   "kaufen Sie ein neues Abonnement",
		"instead.convert-trial":             "kaufen Sie die Testversion (convert-trial)",
		"instead.wait-for-conversion":       "warten Sie, bis die Testversion in ein kostenpflichtiges Abonnement umgewandelt ist",
		"instead.buy-trial-then-licenses":   "kaufen Sie zuerst das Testabonnement, dann weitere Lizenzen",
		"instead.contact-licensing-partner": "wenden Sie sich an Ihren Lizenzierungspartner",
		"instead.suspend":                   "halten Sie es stattdessen an",
		"instead.let-expire-partner":        "stellen Sie mit Ihrem Lizenzierungspartner sicher, dass es keine automatische Verlängerung gibt, und lassen Sie es ablaufen",
		"instead.convert-trial-before":      "kaufen Sie die Testversion (convert-trial) vor ihrem Ende am %[1]s",
		"instead.extend-from":               "verlängern Sie sie ab dem %[1]s",
		"instead.trial-auto-renew-off":      "deaktivieren Sie die automatische Verlängerung und lassen Sie die Testversion am %[1]s enden",
		"instead.trial-recurring-off":       "deaktivieren Sie die wiederkehrende Abrechnung und lassen Sie die Testversion am %[1]s enden",
		"instead.auto-renew-off":            "deaktivieren Sie die automatische Verlängerung, damit es am %[1]s endet; dem Partner wird die volle Laufzeit berechnet",
		"instead.recurring-off":             "deaktivieren Sie die wiederkehrende Abrechnung und lassen Sie es am %[1]s ablaufen; bis dahin fallen weiter Kosten an",
		"instead.support-no-refund":         "wenden Sie sich zum Kündigen an den Support; es gibt keine Erstattung",
		"instead.reduce-first":              "reduzieren Sie zuerst auf höchstens %[1]s, dann kündigen Sie online",
		"instead.support-cancel":            "wenden Sie sich zum Kündigen an den Support",
		"instead.unassign-or-support":       "heben Sie Lizenzzuweisungen auf, bis weniger als %[1]s zugewiesen sind, oder wenden Sie sich an den Support",
		"instead.remove-domain":             "entfernen Sie zuerst die benutzerdefinierte Domäne %[1]s",
		"instead.remove-domains":            "entfernen Sie zuerst die benutzerdefinierten Domänen",
		"instead.unassign":                  "heben Sie zuerst die Zuweisung von %[1]s an Benutzer auf",
		"instead.cancel-subscription":       "kündigen Sie stattdessen das Abonnement",
		"instead.prepaid":                   "deaktivieren Sie die wiederkehrende Abrechnung, damit weniger Lizenzen verlängert werden",
		"instead.buy-quantity":              "kaufen Sie ein neues Abonnement mit der benötigten Menge",
		"instead.next-window":               "entfernen Sie Lizenzen im nächsten Fenster, das sich mit der Verlängerung am %[1]s öffnet",
		"instead.next-window.others":        "entfernen Sie die übrigen im nächsten Fenster, das sich mit der Verlängerung am %[1]s öffnet",
		"instead.recurring-on-first":        "aktivieren Sie zuerst die wiederkehrende Abrechnung",
		"instead.buy-licenses-first":        "kaufen Sie zuerst weitere Lizenzen",
		"instead.renew-or-end":              "verlängern Sie das Abonnement oder lassen Sie es enden",
		"instead.other-program":             "kaufen Sie über ein anderes Programm, etwa Open Value",
		"instead.move-payment":              "stellen Sie das Abonnement %[1]s zuerst auf eine andere Zahlungsmethode um",
		"instead.new-key":                   "geben Sie einen neuen, unbenutzten Produktschlüssel für denselben Microsoft-Plan ein",
		"instead.trial-licenses":            "beginnen Sie die Testversion mit höchstens %[1]s und kaufen Sie weitere, sobald sie gekauft ist",
		"instead.add-payment":               "fügen Sie eine Zahlungsmethode hinzu und reaktivieren Sie dann",
		"instead.wait-deleted":              "warten Sie, bis das Abonnement %[1]s am %[2]s gelöscht wird",
	},
}
