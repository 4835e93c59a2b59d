import type { TemplateTranslation } from './template-text';

/** German: formal "Sie", the way a German CS team writes to a customer. */
export const de: TemplateTranslation = {
  onboarding: {
    opening_message:
      'Hallo {name}, herzlich willkommen! Wir möchten verstehen, was Sie sich vorgenommen haben, damit Ihr Onboarding zu Ihrer Arbeitsweise passt. Das dauert etwa drei Minuten, und Sie können jederzeit aufhören.',
    topics: {
      goals: {
        question: 'Warum haben Sie sich gerade jetzt für uns entschieden – was soll in drei Monaten anders sein?',
        follow_up: 'Wie sähe ein gutes Ergebnis für Sie konkret aus?',
      },
      use_cases: {
        question: 'Für welchen Ablauf oder welche Aufgabe möchten Sie es zuerst einsetzen?',
        follow_up: 'Wie erledigen Sie diese Aufgabe heute, ohne uns?',
      },
      stack: {
        question: 'Mit welchen anderen Tools muss es bei Ihnen zusammenspielen?',
        follow_up: 'Gibt es eine Integration, auf die Sie auf keinen Fall verzichten können?',
      },
      success_criteria: {
        question: 'Woran werden Sie in ein paar Monaten erkennen, dass es sich gelohnt hat?',
        follow_up: 'Gibt es eine Kennzahl oder einen Moment, an dem Sie das festmachen würden?',
      },
      stakeholders: {
        question:
          'Wer ist sonst noch beteiligt – von den täglichen Nutzern bis zu der Person, die über den Verbleib entscheidet?',
        follow_up: 'Gibt es noch jemanden, dessen Meinung hier zählt?',
      },
    },
    closing_message:
      'Vielen Dank, das hilft uns sehr. Ihr Customer Success Manager richtet Ihr Onboarding danach aus, sodass Sie nichts doppelt gefragt werden. Einen guten Start!',
  },
  health_pulse: {
    opening_message:
      'Hallo {name}! Wir fragen gerade bei einigen Teams nach, wie es wirklich läuft – was gut ist und was nervt. Nur ein paar kurze Fragen, etwa zwei Minuten.',
    topics: {
      value: {
        question: 'Was war für Sie in letzter Zeit das Nützlichste am Produkt?',
        follow_up: 'Fällt Ihnen ein konkreter Moment ein, in dem es Ihnen wirklich geholfen hat?',
      },
      friction: {
        question: 'Was ist im Moment das Ärgerlichste bei der Nutzung?',
        follow_up: 'Was passiert, wenn Sie darauf stoßen – wie helfen Sie sich dann?',
      },
      indispensable: {
        question: 'Was müsste passieren, damit Ihr Team nicht mehr ohne das Produkt arbeiten möchte?',
        follow_up: 'Wenn Sie eine Sache ändern könnten, welche wäre das?',
      },
      adoption: {
        question: 'Wie breit wird es in Ihrem Team heute genutzt?',
        follow_up: 'Gibt es Personen oder Teams, die es nutzen könnten, es aber noch nicht tun?',
      },
      recommend: {
        question:
          'Wie wahrscheinlich ist es auf einer Skala von 0 bis 10, dass Sie uns einer Kollegin oder einem Kollegen empfehlen?',
        follow_up: 'Wenn Sie es in einer Zahl von 0 bis 10 ausdrücken müssten – welche wäre es?',
      },
    },
    closing_message:
      'Herzlichen Dank – das geht direkt an die Kolleginnen und Kollegen, die Ihr Konto betreuen. Wenn etwas dringend ist, antworten Sie einfach hier oder wenden Sie sich an Ihren Customer Success Manager.',
  },
  churn_risk: {
    opening_message:
      'Hallo {name}, uns ist aufgefallen, dass sich die Nutzung in Ihrem Team etwas verändert hat – und wir fragen lieber nach, statt zu raten. Es ist kurz, und eine ehrliche Antwort hilft am meisten.',
    topics: {
      what_changed: {
        question: 'Was hat sich in den letzten Wochen für Sie oder Ihr Team verändert?',
        follow_up: 'Gab es einen bestimmten Moment oder Anlass, mit dem das angefangen hat?',
      },
      blockers: {
        question: 'Was hindert Sie daran, es so zu nutzen, wie Sie es geplant hatten?',
        follow_up: 'Können Sie mir ein Beispiel nennen, wo es Ihnen im Weg stand?',
      },
      what_would_help: {
        question: 'Was würde Ihnen im Moment am meisten helfen?',
        follow_up: 'Wenn wir diesen Monat eine Sache lösen könnten – welche sollte es sein?',
      },
      decision: {
        question: 'Wer wäre bei Ihnen an einer Entscheidung beteiligt, ob Sie das Tool behalten?',
        follow_up: 'Gibt es einen Termin oder eine Prüfung, bei der das entschieden wird?',
      },
      talk_to_human: {
        question: 'Wäre es hilfreich, das mit jemandem aus unserem Team zu besprechen?',
        follow_up: 'Wie erreicht man Sie am besten?',
      },
    },
    closing_message:
      'Danke für Ihre Offenheit – das hilft uns wirklich. Die Person, die Ihr Konto betreut, liest das, und wenn Sie ein Gespräch möchten, meldet sie sich bald bei Ihnen.',
  },
  pre_renewal: {
    opening_message:
      'Hallo {name}! Ihre Verlängerung steht bald an, und wir möchten hören, wie das vergangene Jahr aus Ihrer Sicht war – was funktioniert hat, was nicht und was als Nächstes kommt. Etwa drei Minuten.',
    topics: {
      value_delivered: {
        question: 'Wenn Sie auf das letzte Jahr zurückblicken: Welchen Nutzen hat das Produkt Ihrem Team gebracht?',
        follow_up: 'Gibt es ein Ergebnis, auf das Sie verweisen würden, wenn jemand fragt, ob es sich gelohnt hat?',
      },
      friction: {
        question: 'Was war schwieriger oder frustrierender, als Sie erwartet hatten?',
        follow_up: 'Wie sehr prägt das Ihren Gesamteindruck vom Tool?',
      },
      decision_process: {
        question: 'Wer ist bei Ihnen an der Entscheidung über die Verlängerung beteiligt?',
        follow_up: 'Ist in diesem Jahr jemand Neues an dieser Entscheidung beteiligt?',
      },
      budget_timing: {
        question: 'Ändert sich etwas bei Budget, Teamgröße oder Prioritäten, das die Verlängerung beeinflussen könnte?',
        follow_up: 'Gibt es einen Zeitpunkt oder einen Prüftermin, den wir kennen sollten?',
      },
      next_year: {
        question: 'Was möchten Sie im nächsten Jahr damit erreichen?',
        follow_up: 'Gibt es ein Team oder ein Projekt, in dem Sie es stärker nutzen möchten?',
      },
    },
    closing_message:
      'Vielen Dank – genau das hilft uns, ein sinnvolles Gespräch zur Verlängerung vorzubereiten. Ihr Account-Team kommt auf alles zurück, was Sie angesprochen haben.',
  },
  expansion: {
    opening_message:
      'Hallo {name}! Ihr Team holt in letzter Zeit viel aus dem Produkt heraus, und wir möchten verstehen, wo es Ihnen als Nächstes helfen könnte. Nur ein paar Fragen – etwa zwei Minuten.',
    topics: {
      current_value: {
        question: 'Wo macht das Produkt für Ihr Team heute den größten Unterschied?',
        follow_up: 'Haben Sie dafür ein aktuelles Beispiel?',
      },
      new_teams: {
        question: 'Gibt es andere Teams oder Abläufe, die davon ebenfalls profitieren könnten?',
        follow_up: 'Welches Team fällt Ihnen zuerst ein, und wie viele Personen sind das ungefähr?',
      },
      unmet_needs: {
        question: 'Was würden Sie gern damit tun, was heute noch nicht geht?',
        follow_up: 'Was könnten Sie dann tun, was heute nicht möglich ist?',
      },
      growth_signals: {
        question: 'Wächst oder verändert sich Ihr Team so, dass mehr Personen Zugang brauchen?',
        follow_up: 'Wie viele Personen ungefähr, und bis wann?',
      },
      timing: {
        question: 'Falls es passt: Wann wäre ein guter Zeitpunkt, sich das gemeinsam anzusehen?',
        follow_up: 'Wer wäre dafür die richtige Ansprechperson?',
      },
    },
    closing_message:
      'Danke – das ist sehr hilfreich. Jemand aus Ihrem Account-Team meldet sich nur zu dem, was Sie angesprochen haben, und zu einem Zeitpunkt, der Ihnen passt.',
  },
  feature_launch: {
    opening_message:
      'Hallo! Sie haben gerade eine unserer neuesten Funktionen ausprobiert – danke dafür. Ein paar kurze Fragen dazu, wie es gelaufen ist – etwa eine Minute.',
    topics: {
      job_to_be_done: {
        question: 'Was wollten Sie erledigen, als Sie es ausprobiert haben?',
        follow_up: 'Wie haben Sie das gelöst, bevor es diese Funktion gab?',
      },
      first_experience: {
        question: 'Wie ist es gelaufen – hat es das getan, was Sie erwartet hatten?',
        follow_up: 'Was hatten Sie stattdessen erwartet?',
      },
      friction: {
        question: 'War etwas unklar, langsam oder hat etwas gefehlt?',
        follow_up: 'An welcher Stelle ist das passiert?',
      },
      continued_use: {
        question: 'Wer in Ihrem Team, Sie eingeschlossen, wird es weiter nutzen?',
        follow_up: 'Was müsste passieren, damit es fester Teil Ihres Arbeitsalltags wird?',
      },
    },
    closing_message: 'Vielen Dank! Ihr Feedback geht direkt an das Team, das die Funktion gebaut hat.',
  },
};
