import type { PersonaCard } from '../persona-card';

/** Usage dropped: slow dashboards, and a competitor on trial that they mention only when alternatives come up. */
export const persona: PersonaCard = {
  id: 'competitor-trial',
  name: 'Priya Raman',
  language: 'en',
  moment: 'churn_risk',
  profile:
    'Sales operations manager at Lumen Retail. Usage fell after a release made dashboards slow; the ops team quietly started a trial of Pipedrive.',
  behaviour: 'Guarded. Mentions the trial only when asked about alternatives, other tools or who is reconsidering.',
  facts: [
    {
      id: 'slow-dashboards',
      truth: 'Since the last release the dashboards are slow and time out every morning.',
      triggerTopics: ['what changed recently', 'what gets in the way'],
      topic: /\b(changed|change|lately|recently|last few weeks|in the way)\b/i,
      needsProbe: false,
      reveal: 'The dashboards got slow since the last release, they time out every morning.',
      expect: { kind: 'churn_risk', reason: 'performance_reliability' },
    },
    {
      id: 'pipedrive-trial',
      truth: 'The ops team started a trial of Pipedrive last week for its forecasting.',
      triggerTopics: [
        'alternatives or other tools',
        'whether anyone is reconsidering the tool',
        'what another tool does better',
      ],
      topic: /\b(other tools?|alternatives?|reconsider\w*|instead|compar\w*|another tool|evaluat\w*|options?)\b/i,
      needsProbe: true,
      surface: "We're looking at our options, like everyone.",
      reveal: 'Our ops team started a trial of Pipedrive last week because it has the forecasting we asked you for.',
      expect: { kind: 'competitor', name: 'Pipedrive' },
    },
  ],
  fillers: ['Faster dashboards would help most.', 'No, not right now.'],
};
