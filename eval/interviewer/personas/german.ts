import type { PersonaCard } from '../persona-card';

/** Writes in German; a budget freeze and a competitor comparison sit behind "es läuft so". */
export const persona: PersonaCard = {
  id: 'german',
  name: 'Jonas Becker',
  language: 'de',
  moment: 'churn_risk',
  profile:
    'Teamleiter Vertriebsinnendienst bei der Hansen Logistik GmbH. Seit einer Budgetsperre im Herbst nutzen nur noch fünf Leute das Tool; die Geschäftsführung vergleicht mit Asana.',
  behaviour: 'Schreibt ausschließlich Deutsch, sachlich und knapp.',
  facts: [
    {
      id: 'budget-freeze-de',
      truth:
        'Seit der Budgetsperre im Herbst dürfen sie keine neuen Lizenzen kaufen; nur noch fünf Leute nutzen das Tool.',
      triggerTopics: ['was sich geändert hat', 'Budget', 'warum die Nutzung gesunken ist'],
      topic: /(geändert|veränder\w*|budget|warum|passiert|seit wann|changed|change|why|what happened|moment)/i,
      needsProbe: true,
      surface: 'Es läuft so, nichts Besonderes.',
      reveal:
        'Seit der Budgetsperre im Herbst dürfen wir keine neuen Lizenzen kaufen, deshalb nutzen nur noch fünf Leute das Tool.',
      expect: { kind: 'churn_risk', reason: 'budget_cut' },
    },
    {
      id: 'asana-comparison-de',
      truth: 'Die Geschäftsführung vergleicht gerade mit Asana.',
      triggerTopics: ['wer entscheidet', 'Alternativen', 'ob jemand das Tool überdenkt'],
      topic:
        /(\bwer\b|entscheid\w*|alternativ\w*|anderes tool|andere tools|überdenk\w*|who|decision|reconsider\w*|other tools?)/i,
      needsProbe: false,
      reveal: 'Wir vergleichen gerade mit Asana, die Entscheidung trifft die Geschäftsführung.',
      expect: { kind: 'competitor', name: 'Asana' },
    },
  ],
  fillers: ['Weiß ich gerade nicht.', 'Nein, sonst nichts.'],
};
