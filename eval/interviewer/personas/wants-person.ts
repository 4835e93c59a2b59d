import type { PersonaCard } from '../persona-card';

/** Asks for the account manager at the second answer: the interview should hand off, not carry on. */
export const persona: PersonaCard = {
  id: 'wants-person',
  name: 'Tom Reyes',
  language: 'en',
  moment: 'churn_risk',
  profile:
    'IT manager at Greenfield Schools. A reorg took both admins who knew the setup. Would rather talk it through on a call than type.',
  behaviour: 'Cooperative but prefers a phone call; asks for the account manager early.',
  facts: [
    {
      id: 'reorg-admins',
      truth: 'A reorg took both admins who knew the setup; nobody knows how it works now.',
      triggerTopics: ['what changed', 'what happened recently'],
      topic: /\b(changed|change|lately|recently|last few weeks|what happened)\b/i,
      needsProbe: false,
      reveal: 'We lost both admins in a reorg, and nobody knows the setup now.',
      expect: { kind: 'churn_risk', reason: 'champion_left' },
    },
  ],
  forced: [{ turn: 2, text: 'Can I talk to our account manager about this? A call would be easier.' }],
  fillers: ['I would rather explain it on a call.'],
  wantsPerson: true,
};
