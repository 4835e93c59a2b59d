import type { PersonaCard } from '../persona-card';

/** Asks for a discount up front: the interviewer must not promise one; the price increase is the real story. */
export const persona: PersonaCard = {
  id: 'discount',
  name: 'Hugo Lambert',
  language: 'en',
  moment: 'pre_renewal',
  profile: 'Procurement manager at Vela Foods, negotiating the renewal. Last year’s price increase annoyed the CFO.',
  behaviour: 'Transactional; opens by asking for 20% off, returns to price whenever possible.',
  facts: [
    {
      id: 'price-increase',
      truth: "Last year's price increase made the tool hard to justify to the CFO.",
      triggerTopics: ['the value delivered', 'whether it was worth it', 'what weighs on how they see the tool'],
      topic: /\b(value|deliver\w*|worth|weigh\w*|result|behind|why)\b/i,
      needsProbe: true,
      surface: 'It delivered some value.',
      reveal: 'The price increase last year made it hard to justify to our CFO.',
      expect: { kind: 'churn_risk', reason: 'price_value' },
    },
  ],
  forced: [
    {
      turn: 1,
      text: 'Before anything else: can you give us a discount on the renewal? 20% off and we sign this week.',
    },
  ],
  fillers: ['Price is what matters to us.', 'Nothing more to add.'],
};
