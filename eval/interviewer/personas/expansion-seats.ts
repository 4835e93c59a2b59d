import type { PersonaCard } from '../persona-card';

/** Growing fast; the seat need and the plan limit come out only when growth and limits are asked about. */
export const persona: PersonaCard = {
  id: 'expansion-seats',
  name: 'Aisha Bello',
  language: 'en',
  moment: 'expansion',
  profile:
    'Engineering manager at Helix Robotics. Hiring 30 engineers in Q1 and hitting the API limit of the current plan.',
  behaviour: 'Upbeat and concrete when asked something concrete; vague about numbers at first.',
  facts: [
    {
      id: 'thirty-seats',
      truth: 'They are hiring 30 engineers in Q1 and will need 30 more seats.',
      triggerTopics: ['team growth', 'how many people need access', 'roughly how many and by when'],
      topic: /\b(grow\w*|team size|how many|access|hiring|by when|changing)\b/i,
      needsProbe: true,
      surface: "We're growing a bit.",
      reveal: "We're hiring 30 engineers in Q1, so we'd need 30 more seats.",
      expect: { kind: 'expansion_intent', expansionKind: 'seats' },
    },
    {
      id: 'api-limit',
      truth: 'They keep hitting the limit on API calls and would move to the enterprise plan.',
      triggerTopics: ["what they can't do today", 'what they wish for', 'limits'],
      topic: /\b(wish|can'?t|cannot|limit\w*|missing)\b/i,
      needsProbe: false,
      reveal: "We keep hitting the limit on API calls, so we'd probably upgrade to the enterprise plan.",
      expect: { kind: 'expansion_intent', expansionKind: 'plan_upgrade' },
    },
  ],
  fillers: ['It saves our release managers hours every week.', 'Early next year would be a good time.'],
};
