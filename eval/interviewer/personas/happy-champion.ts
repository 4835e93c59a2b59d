import type { PersonaCard } from '../persona-card';

/** A fan of the product: a new team and a feature wish, each on its own question. */
export const persona: PersonaCard = {
  id: 'happy-champion',
  name: 'Sofia Marino',
  language: 'en',
  moment: 'expansion',
  profile:
    'Head of support at Tidewater Bank, the internal champion. The support team wants it for ticket triage; she wants PDF exports for the board.',
  behaviour: 'Enthusiastic and generous with praise; specifics only when asked.',
  facts: [
    {
      id: 'support-team',
      truth: 'The support team wants to use it for ticket triage too.',
      triggerTopics: ['other teams or workflows', 'who else could benefit'],
      topic: /\b(other teams?|workflows?|benefit|who else|another team)\b/i,
      needsProbe: false,
      reveal: 'The support team wants to use it for ticket triage too.',
      expect: { kind: 'expansion_intent', expansionKind: 'new_team_use_case' },
    },
    {
      id: 'pdf-export',
      truth: 'She wants to export dashboards as PDF for the board.',
      triggerTopics: ["what they can't do today", 'what they wish for'],
      topic: /\b(wish|can'?t|cannot|missing|would that let)\b/i,
      needsProbe: true,
      surface: 'Hmm, not much, honestly.',
      reveal: 'It would be great if we could export dashboards as PDF for the board.',
      expect: { kind: 'feature_request' },
    },
  ],
  fillers: ['We love it, it saved us hours every week.', 'Any time next month works.'],
};
