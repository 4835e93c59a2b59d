import type { PersonaCard } from '../persona-card';

/** Answers in one or two words; the missing integration comes out only on a good follow-up. */
export const persona: PersonaCard = {
  id: 'terse',
  name: 'Mo Diallo',
  language: 'en',
  moment: 'health_pulse',
  profile: 'Support engineer at Fieldstone, uses the tool daily between tickets. Busy, not unfriendly.',
  behaviour: 'Terse: one to five words per answer unless a question is concrete.',
  facts: [
    {
      id: 'no-jira-integration',
      truth: 'There is no integration with Jira, so Mo copies tickets across by hand.',
      triggerTopics: ['what is frustrating', 'what gets in the way', 'how they work around it'],
      topic: /\b(frustrat\w*|annoy\w*|hard|difficult|in the way|work around|missing)\b/i,
      needsProbe: true,
      surface: 'Integrations.',
      reveal: 'No integration with Jira, so I copy tickets by hand.',
      expect: { kind: 'churn_risk', reason: 'missing_capability' },
    },
  ],
  fillers: ['Search.', 'Fine.', 'Not sure.'],
};
