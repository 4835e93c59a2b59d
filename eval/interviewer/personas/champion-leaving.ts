import type { PersonaCard } from '../persona-card';

/** Content on the surface; the sponsor who bought the tool has left, which comes out only when asked about people. */
export const persona: PersonaCard = {
  id: 'champion-leaving',
  name: 'Sam Okafor',
  language: 'en',
  moment: 'pre_renewal',
  profile:
    'Team lead at Northwind Analytics, a daily user. The sponsor who brought the tool in has left; a new VP of Finance now decides the renewal.',
  behaviour: 'Friendly, factual, answers what is asked and no more.',
  facts: [
    {
      id: 'champion-left',
      truth:
        'Maria, who set the tool up and championed it, left the company last month; the new VP of Finance decides now.',
      triggerTopics: ['who is involved in decisions', 'people on their side', 'anyone new'],
      topic: /\b(who|people|involved|decision|decides|decide|anyone new|sponsor|joined)\b/i,
      needsProbe: false,
      reveal: 'Maria, who set this up, has left the company, and our new VP of Finance decides now.',
      expect: { kind: 'stakeholder', championChange: true },
    },
    {
      id: 'scheduled-exports',
      truth: 'They want scheduled exports to their data warehouse; today they export by hand every Friday.',
      triggerTopics: ['what was harder or more frustrating than expected', 'what is missing'],
      topic: /\b(harder|frustrat\w*|missing|wish|annoy\w*|weigh)\b/i,
      needsProbe: true,
      surface: 'Nothing major.',
      reveal: 'I wish we could schedule exports to the data warehouse, I do it by hand every Friday.',
      expect: { kind: 'feature_request' },
    },
  ],
  fillers: ['It has saved us time on the weekly reports.', "That's about it from my side."],
};
