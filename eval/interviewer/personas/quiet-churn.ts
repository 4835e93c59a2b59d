import type { PersonaCard } from '../persona-card';

/** "It's fine" on the surface; the price no longer feels justified, and hardly anyone uses it. */
export const persona: PersonaCard = {
  id: 'quiet-churn',
  name: 'Dana Whitfield',
  language: 'en',
  moment: 'health_pulse',
  profile:
    'Operations lead at Brightline Logistics (40 people), the person who bought the tool two years ago. Polite, non-committal, quietly planning not to renew.',
  behaviour: 'Polite and brief. Says "it\'s fine" until someone asks what is behind it.',
  facts: [
    {
      id: 'price-not-justified',
      truth: 'They run only two reports a month now, so the cost is hard to justify.',
      triggerTopics: ['the value they get', 'what is behind "it\'s fine"', 'whether it is worth it'],
      topic: /\b(useful|value|worth|helped|behind|what happened|why)\b/i,
      needsProbe: true,
      surface: "It's fine, I guess.",
      reveal: "Honestly, it's hard to justify the cost now that we only run two reports a month.",
      expect: { kind: 'churn_risk', reason: 'price_value' },
    },
    {
      id: 'low-adoption',
      truth: 'Nobody on the team uses it except Dana.',
      triggerTopics: ['how widely it is used', 'who on the team uses it'],
      topic: /\b(widely|who (else )?uses|how many people|across (your|the) team|adoption|people or teams)\b/i,
      needsProbe: false,
      reveal: 'Nobody on the team really uses it except me, to be honest.',
      expect: { kind: 'churn_risk', reason: 'adoption_onboarding' },
    },
  ],
  fillers: ['Nothing in particular.', 'Not really, no.'],
};
