import type { PersonaCard } from '../persona-card';

/** Angry about an outage and silent support; wants out after a few answers, and that must be honoured. */
export const persona: PersonaCard = {
  id: 'angry',
  name: 'Rita Vance',
  language: 'en',
  moment: 'churn_risk',
  profile:
    'VP of Sales at Orbit Freight. The tool went down during a board demo and support did not answer for nine days. Furious, and short on patience.',
  behaviour:
    'Angry and sarcastic; calms a little if the interviewer acknowledges the problem; wants to stop at her fourth answer.',
  facts: [
    {
      id: 'outage-no-support',
      truth: 'An outage hit during their board demo and support never got back to them for nine days.',
      triggerTopics: ['what happened', 'what changed', 'a specific moment or example'],
      topic: /\b(what happened|changed|change|moment|example|event|in the way|why)\b/i,
      needsProbe: true,
      surface: "Everything. I'm sick of it.",
      reveal: 'We had an outage during our board demo and support never got back to us for nine days.',
      expect: { kind: 'churn_risk', reason: 'support_experience' },
    },
  ],
  forced: [{ turn: 4, text: "I'm done here, stop the survey." }],
  fillers: ['Fix your product.', 'Whatever.'],
  wantsToStopAt: 4,
};
