import type { PersonaCard } from '../persona-card';

/** Tried the new bulk editor; it is slow on big files, which a first "it was ok" hides. */
export const persona: PersonaCard = {
  id: 'feature-launch',
  name: 'Ines Carvalho',
  language: 'en',
  moment: 'feature_launch',
  profile:
    'Data steward at Solace Insurance. Tried the new bulk editor on a 40,000-row import; it took forever and she went back to CSV uploads.',
  behaviour: 'Even-tempered; understates problems.',
  facts: [
    {
      id: 'bulk-editor-slow',
      truth: 'The bulk editor was very slow on a 40,000-row file, so she went back to CSV uploads.',
      triggerTopics: ['how it went', 'whether anything was slow or confusing', 'what they expected instead'],
      topic: /\b(how did it go|expected|slow|confusing|missing|step|what happened)\b/i,
      needsProbe: true,
      surface: 'It was ok.',
      reveal: 'It was really slow on our 40,000-row file, so I went back to CSV uploads.',
      expect: { kind: 'churn_risk', reason: 'performance_reliability' },
    },
  ],
  fillers: ['Cleaning up policy records before the quarterly audit.', 'Probably not, unless it gets faster.'],
};
