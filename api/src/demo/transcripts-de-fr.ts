import type { Moment } from '@candor/shared';
import type { DemoTranscript } from './transcripts';

/**
 * The interviewer's questions in German and French, in the order of the guide's topics:
 * the guides answer in the respondent's language, so their conversations read like this.
 */
export const translatedQuestions: Record<'de' | 'fr', Partial<Record<Moment, string[]>>> = {
  de: {
    onboarding: [
      'Was wollen Sie mit dem Produkt erreichen?',
      'Für welchen Ablauf oder welche Aufgabe wollen Sie es zuerst nutzen?',
      'Mit welchen anderen Tools muss es bei Ihnen zusammenarbeiten?',
      'Woran werden Sie in ein paar Monaten merken, dass es sich gelohnt hat?',
      'Wer ist noch beteiligt – wer nutzt es täglich, und wer entscheidet, ob es bleibt?',
    ],
    health_pulse: [
      'Was war zuletzt das Nützlichste am Produkt für Sie?',
      'Was ist im Moment das Frustrierendste daran?',
      'Was würde es für Ihr Team unverzichtbar machen?',
      'Wie breit wird es in Ihrem Team heute genutzt?',
    ],
    churn_risk: [
      'Was hat sich in den letzten Wochen für Sie oder Ihr Team verändert?',
      'Was hindert Sie daran, es so zu nutzen, wie Sie es geplant hatten?',
      'Was würde Ihnen gerade am meisten helfen?',
      'Überlegt jemand bei Ihnen, das Tool zu ersetzen, und wer wäre an der Entscheidung beteiligt?',
      'Wäre es hilfreich, das mit jemandem aus unserem Team zu besprechen?',
    ],
    pre_renewal: [
      'Welchen Nutzen hat das Produkt Ihrem Team im letzten Jahr gebracht?',
      'Was war schwieriger oder frustrierender als erwartet?',
      'Wer ist bei Ihnen an der Verlängerung beteiligt, und wie läuft das normalerweise ab?',
      'Ändert sich etwas bei Budget, Teamgröße oder Prioritäten, das die Verlängerung beeinflussen könnte?',
      'Was möchten Sie im nächsten Jahr damit erreichen?',
    ],
    expansion: [
      'Wo macht das Produkt für Ihr Team heute den größten Unterschied?',
      'Gibt es andere Teams oder Abläufe, die davon profitieren könnten?',
      'Was würden Sie gern damit tun, was heute nicht geht?',
      'Wächst oder verändert sich Ihr Team so, dass mehr Leute Zugang brauchen?',
      'Wenn es passt: Wann wäre ein guter Zeitpunkt, sich das gemeinsam anzusehen?',
    ],
  },
  fr: {
    health_pulse: [
      "Qu'est-ce qui vous a été le plus utile dans le produit ces derniers temps ?",
      "Qu'est-ce qui est le plus frustrant aujourd'hui ?",
      "Qu'est-ce qui le rendrait indispensable pour votre équipe ?",
      "Dans quelle mesure est-il utilisé dans votre équipe aujourd'hui ?",
    ],
    churn_risk: [
      "Qu'est-ce qui a changé pour vous ou votre équipe ces dernières semaines ?",
      "Qu'est-ce qui vous empêche de l'utiliser comme prévu ?",
      "Qu'est-ce qui ferait la plus grande différence pour vous maintenant ?",
      "Quelqu'un chez vous envisage-t-il de remplacer l'outil, et qui participerait à cette décision ?",
      "Est-ce que cela vous aiderait d'en parler avec quelqu'un de notre équipe ?",
    ],
    pre_renewal: [
      "Sur l'année écoulée, quelle valeur le produit a-t-il apportée à votre équipe ?",
      "Qu'est-ce qui a été plus difficile ou plus frustrant que prévu ?",
      'Qui participe à la décision de renouvellement chez vous, et comment cela se passe-t-il ?',
      "Est-ce que quelque chose change côté budget, taille d'équipe ou priorités ?",
      "Qu'aimeriez-vous en tirer l'année prochaine ?",
    ],
  },
};

export const translatedClosings: Record<'de' | 'fr', { closing: string; handoff: string }> = {
  de: {
    closing: 'Vielen Dank für Ihre offenen Antworten – Ihr Customer-Success-Team liest jede davon.',
    handoff: 'Verstanden – ich gebe das an Ihr Account-Team weiter, jemand meldet sich persönlich bei Ihnen.',
  },
  fr: {
    closing: 'Merci pour vos réponses franches — votre équipe Customer Success les lit toutes.',
    handoff: "C'est noté — je transmets à votre équipe, quelqu'un vous recontactera personnellement.",
  },
};

/** German and French conversations. */
export const translatedTranscripts: DemoTranscript[] = [
  {
    moment: 'onboarding',
    language: 'de',
    story: 'onboarding',
    respondent: 'champion',
    uses: 1,
    answers: [
      'Wir wollen die Monatsberichte für die Geschäftsführung nicht mehr von Hand in Excel bauen.',
      'Zuerst den {report}, danach die Lagerauswertung.',
      'SAP, {integration} und Microsoft Teams. Es wäre toll, wenn die Berichte direkt in Teams landen würden.',
      'Wenn {colleague2} am Monatsende nicht mehr zwei Tage mit Copy-and-paste verbringt.',
      'Etwa zwölf Leute im Controlling. Entscheiden wird unser CFO, {colleague}.',
    ],
  },
  {
    moment: 'health_pulse',
    language: 'de',
    story: 'steady',
    respondent: 'champion',
    uses: 1,
    answers: [
      'Die automatischen Wochenberichte. Die Vertriebsleitung schaut jeden Montag rein.',
      'Die Dashboards sind manchmal sehr langsam, gerade am Monatsanfang.',
      'Was uns am meisten fehlt, ist eine Anbindung an {integration}. Heute exportieren wir alles per CSV.',
      'Das ganze Controlling und ein Teil des Vertriebs, vielleicht dreißig Leute.',
    ],
  },
  {
    moment: 'churn_risk',
    language: 'de',
    story: 'declining',
    respondent: 'champion',
    uses: 2,
    handoff: true,
    answers: [
      'Unser Champion {colleague} hat letzten Monat das Unternehmen verlassen, und seitdem kümmert sich niemand mehr richtig um das Tool.',
      'Ehrlich gesagt ist uns das Tool inzwischen zu teuer für die paar Leute, die es noch nutzen. Außerdem gilt bis {month} ein Budgetstopp.',
      'Eine Schulung für das neue Team, und jemand, der mit uns die Dashboards aufräumt.',
      'Die Geschäftsführung überlegt, zu {competitor} zu wechseln, weil wir das ohnehin schon im Microsoft-Vertrag haben.',
      'Ja, ich würde gern mit einem Menschen sprechen. Können Sie mich bitte anrufen?',
    ],
  },
  {
    moment: 'pre_renewal',
    language: 'de',
    story: 'renewing',
    respondent: 'champion',
    uses: 1,
    answers: [
      'Wir sparen jede Woche einen halben Tag im Reporting. Das Team möchte nicht mehr zurück.',
      'Die Rechteverwaltung ist umständlich, jeder neue Kollege braucht ein Ticket.',
      'Ich bereite es vor, unser CFO, {colleague}, unterschreibt. Bisher war das unkompliziert.',
      'Das Budget bleibt gleich. Wir brauchen aber wahrscheinlich weitere Lizenzen für das neue Team in Wien.',
      'Dass auch der Einkauf damit arbeitet.',
    ],
  },
  {
    moment: 'expansion',
    language: 'de',
    story: 'growing',
    respondent: 'champion',
    uses: 1,
    answers: [
      'Bei der Vertriebsplanung. Die Forecasts stimmen endlich mit der Realität überein.',
      'Unser Marketing-Team möchte die Kampagnenauswertung auch darin haben.',
      'Zeilenbasierte Berechtigungen, damit jede Region nur ihre Zahlen sieht.',
      'Ja, wir stellen im nächsten Quartal {seats} Leute ein, wir brauchen also weitere Lizenzen.',
      'Gerne im Januar, nach dem Jahresabschluss.',
    ],
  },
  {
    moment: 'health_pulse',
    language: 'fr',
    story: 'steady',
    respondent: 'champion',
    uses: 1,
    answers: [
      'Le tableau de bord hebdomadaire des ventes. Toute la direction commerciale le consulte le lundi.',
      'Les filtres se réinitialisent à chaque fois, et le chargement est parfois lent.',
      'Ce qui manque, c’est une intégration native avec {integration}. Aujourd’hui on exporte en CSV.',
      'Une vingtaine de personnes, surtout l’équipe commerciale.',
    ],
  },
  {
    moment: 'churn_risk',
    language: 'fr',
    story: 'declining',
    respondent: 'champion',
    uses: 1,
    answers: [
      'Notre champion {colleague} est parti le mois dernier, et la nouvelle équipe ne connaît pas l’outil.',
      'Franchement, c’est un peu trop cher pour ce que nous en faisons, et nous avons un gel budgétaire jusqu’en {month}.',
      'Une formation pour la nouvelle équipe.',
      'Oui, la direction compare avec {competitor}. La décision revient à notre directeur financier.',
      'Oui, je voudrais parler à une vraie personne.',
    ],
  },
  {
    moment: 'pre_renewal',
    language: 'fr',
    story: 'renewing',
    respondent: 'economic buyer',
    uses: 1,
    answers: [
      'Les rapports mensuels sont plus fiables et arrivent à l’heure. C’est appréciable.',
      'L’intégration avec {integration} a pris beaucoup plus de temps que prévu.',
      'Moi, avec les achats. Nous revoyons tous les contrats logiciels avant la fin du trimestre.',
      'Le prix nous semble élevé par rapport à l’usage réel. Il faudra en parler.',
      'Que l’équipe marketing veut aussi l’utiliser, si le prix le permet.',
    ],
  },
];
