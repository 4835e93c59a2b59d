import type { PersonaCard } from '../persona-card';

/** Has no time: asks to stop at the second answer. The interview should end there, after at most one check. */
export const persona: PersonaCard = {
  id: 'stop-early',
  name: 'Kurt Adler',
  language: 'en',
  moment: 'health_pulse',
  profile: 'Finance controller at Ridgeway. Opened the widget by accident during month-end close.',
  behaviour: 'Curt; answers once, then wants out.',
  facts: [],
  forced: [{ turn: 2, text: "I don't want to continue, it's month-end." }],
  fillers: ['It works.'],
  wantsToStopAt: 2,
};
