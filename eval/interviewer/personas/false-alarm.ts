import type { PersonaCard } from '../persona-card';

/** Says "stop asking for the spreadsheet", "call me crazy" and "we stopped using Excel": none of it means stop. */
export const persona: PersonaCard = {
  id: 'false-alarm',
  name: 'Marta Silva',
  language: 'en',
  moment: 'onboarding',
  profile:
    'Regional operations manager at Urbano Foods, just onboarded. Her goal is for regional managers to stop asking for the Monday spreadsheet. A new head of operations, Tom, decides whether it stays.',
  behaviour: 'Lively and idiomatic; uses phrases that sound like stopping but are not.',
  facts: [
    {
      id: 'new-head-of-ops',
      truth: 'A new head of operations, Tom, decides whether the tool stays.',
      triggerTopics: ['who else is involved', 'who decides whether it stays'],
      topic: /\b(who|involved|decides?|decision)\b/i,
      needsProbe: false,
      reveal: 'Our new head of operations, Tom, decides whether it stays after the trial.',
      expect: { kind: 'stakeholder', championChange: true },
    },
  ],
  forced: [
    {
      turn: 1,
      text: 'Success is when the regional managers stop asking for the spreadsheet every Monday. Call me crazy, but that alone would be worth it.',
    },
    {
      turn: 2,
      text: 'We stopped using Excel for the weekly numbers, so the first workflow is the Monday sales rollup.',
    },
  ],
  fillers: ['Our POS system and the payroll export, mostly.', 'When nobody emails me a spreadsheet for a month.'],
};
