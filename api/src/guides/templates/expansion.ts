import { standardTaxonomy } from './taxonomy';
import type { GuideTemplate } from './template';

/** Expansion discovery: captures growth intent when the customer mentions it, not two months later. */
export const expansionTemplate: GuideTemplate = {
  key: 'expansion',
  body: {
    name: 'Expansion discovery',
    moment: 'expansion',
    objective:
      'Discover where this customer could get more value — new teams or use cases, unmet needs, seat or plan signals — and the timing, without selling, so the right person can follow up with context.',
    tone: 'warm, curious, concise; helpful rather than salesy',
    language_policy: 'respondent',
    opening_message:
      "Hi {name}! Your team has been getting a lot out of the product lately, and we'd love to understand where it could help next. Just a few questions — about two minutes.",
    topics: [
      {
        key: 'current_value',
        question: 'Where is the product making the biggest difference for your team today?',
        probing: 'Anchor on a concrete win; ask who benefits and how often.',
        follow_up: 'Could you share a recent example of that?',
        required: true,
      },
      {
        key: 'new_teams',
        question: 'Are there other teams or workflows that could benefit from the same thing?',
        probing:
          'Ask which team, what they do today, how many people, and who leads them. Listen for a new use case the product was not bought for.',
        follow_up: 'Which team comes to mind first, and roughly how many people?',
        required: true,
      },
      {
        key: 'unmet_needs',
        question: "What do you wish you could do with it that you can't today?",
        probing:
          'Separate true gaps from things an existing plan or add-on already covers; capture the need in their words. Do not quote prices.',
        follow_up: 'What would that let you do that you cannot now?',
        required: true,
      },
      {
        key: 'growth_signals',
        question: 'Is your team growing or changing in a way that affects how many people need access?',
        probing:
          'Listen for hiring, new offices, limits being hit, admin or security needs (SSO, audit logs). Ask how many and when.',
        follow_up: 'Roughly how many more people, and by when?',
        required: false,
      },
      {
        key: 'timing',
        question: 'If this made sense, when would be a good time to look at it together?',
        probing: 'Capture timing and the person to involve. Never promise pricing, discounts or terms.',
        follow_up: 'Who would be the right person to talk to about it?',
        required: false,
      },
    ],
    limits: { max_turns: 8, max_minutes: 5 },
    closing_message:
      'Thanks — really useful. Someone from your account team will follow up only on what you mentioned, at the time that suits you.',
    taxonomy: standardTaxonomy,
  },
};
