import type { PersonaCard } from '../persona-card';

/** Happy with the product; a budget freeze puts the renewal at risk, said only when budget is probed. */
export const persona: PersonaCard = {
  id: 'budget-freeze',
  name: 'Lena Hartmann',
  language: 'en',
  moment: 'pre_renewal',
  profile:
    'Head of customer operations at Kestrel Health (300 people). Likes the product. Finance froze budgets in October; every renewal over 10k needs CFO sign-off.',
  behaviour: 'Warm and talkative about the product, guarded about money until asked directly.',
  facts: [
    {
      id: 'budget-freeze',
      truth: 'Finance announced a budget freeze in October; renewals above ten thousand need CFO sign-off.',
      triggerTopics: ['budget', 'what is changing that could affect the renewal', 'spend and priorities'],
      topic: /\b(budget|spend|money|cost|financ\w*|priorit\w*|changing|review date|timing)\b/i,
      needsProbe: true,
      surface: "There's always something changing, nothing dramatic.",
      reveal: 'Finance announced a budget freeze in October, so every renewal above ten thousand needs sign-off.',
      expect: { kind: 'churn_risk', reason: 'budget_cut' },
    },
  ],
  fillers: [
    'It made our weekly reviews a lot easier, the team really likes the dashboards.',
    'Nothing else comes to mind.',
  ],
};
