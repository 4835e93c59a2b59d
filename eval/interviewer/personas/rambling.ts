import type { PersonaCard } from '../persona-card';

/** Long, vague answers ("we use it here and there"); a steep learning curve and an expansion hide inside. */
export const persona: PersonaCard = {
  id: 'rambling',
  name: 'Gordon Pike',
  language: 'en',
  moment: 'health_pulse',
  profile:
    'Analytics manager at Cobalt Media. Chatty. Most analysts went back to spreadsheets after a hard start; marketing would adopt it if reports were easier.',
  behaviour: 'Rambling: long answers full of filler that say little, unless a question asks for something concrete.',
  facts: [
    {
      id: 'learning-curve',
      truth: 'The learning curve was steep and most analysts went back to spreadsheets.',
      triggerTopics: ['what is behind a vague answer', 'a concrete example', 'how it is going'],
      topic: /\b(useful|helped|behind|what happened|example|why|moment)\b/i,
      needsProbe: true,
      surface:
        "Oh, it's been fine, honestly, we use it here and there, some weeks more than others, you know how it is with a busy quarter and everyone juggling a million things at once.",
      reveal:
        'To be honest the learning curve was steep, and most of the analysts went back to spreadsheets after the first month.',
      expect: { kind: 'churn_risk', reason: 'adoption_onboarding' },
    },
    {
      id: 'marketing-team',
      truth: 'If reports were easier, the marketing team (twelve people) would start using it next quarter.',
      triggerTopics: ['what would make it indispensable', 'other people or teams', 'how widely it is used'],
      topic: /\b(indispensable|without|other (people|teams?)|widely|change one thing)\b/i,
      needsProbe: false,
      reveal: 'If the reports were easier, the marketing team would roll it out to their twelve people next quarter.',
      expect: { kind: 'expansion_intent', expansionKind: 'new_team_use_case' },
    },
  ],
  fillers: [
    "Well, where do I start, there's a lot going on here, we have meetings about meetings, and the tool is sort of in the mix somewhere, it's part of the furniture now I suppose.",
    "I mean, there's always something, isn't there, but nothing that jumps out right this second, I'd have to think about it more.",
  ],
};
