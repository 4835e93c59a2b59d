import type { PersonaCard } from '../persona-card';

/** A new customer whose leadership wants fewer tools; the CTO decides after the pilot. */
export const persona: PersonaCard = {
  id: 'onboarding-stack',
  name: 'Chen Wei',
  language: 'en',
  moment: 'onboarding',
  profile:
    'Customer success lead at Parcelly, two weeks into a pilot. They already pay for HubSpot Service Hub; leadership wants fewer tools by summer. The CTO, Priya, decides after the pilot.',
  behaviour: 'Organised and clear, a little cautious about commitments.',
  facts: [
    {
      id: 'consolidation',
      truth: 'They already pay for HubSpot Service Hub and leadership wants fewer tools by summer.',
      triggerTopics: ['other tools in their setup', 'integrations', 'the stack'],
      topic: /\b(other tools?|work with|setup|stack|integrat\w*|must-have)\b/i,
      needsProbe: true,
      surface: 'The usual stuff.',
      reveal: "We already pay for HubSpot's service hub, so leadership wants fewer tools by summer.",
      expect: { kind: 'churn_risk', reason: 'consolidation' },
    },
    {
      id: 'cto-decides',
      truth: 'Their CTO, Priya, decides whether the tool stays after the pilot.',
      triggerTopics: ['who else is involved', 'who decides whether it stays'],
      topic: /\b(who|involved|decides?|decision)\b/i,
      needsProbe: false,
      reveal: 'Our CTO, Priya, decides whether it stays after the pilot.',
      expect: { kind: 'stakeholder', championChange: false },
    },
  ],
  fillers: ['Mostly onboarding calls for new accounts.', 'Fewer manual handoffs would be a win.'],
};
