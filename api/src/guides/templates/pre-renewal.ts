import { standardTaxonomy } from './taxonomy';
import type { GuideTemplate } from './template';

/** Pre-renewal value perception: sixty days before renewal, so the CSM walks in with insight. */
export const preRenewalTemplate: GuideTemplate = {
  key: 'pre_renewal',
  body: {
    name: 'Pre-renewal value perception',
    moment: 'pre_renewal',
    objective:
      'Ahead of the renewal, learn the value this customer believes they got, the friction that could weigh on the decision, who takes part in that decision and how, and any budget or timing signals — for the renewal brief.',
    tone: 'warm, professional, concise; plain words; never salesy',
    language_policy: 'respondent',
    opening_message:
      "Hi {name}! As we head toward your renewal, we'd like to hear how the past year went from your side — what worked, what didn't, and what's coming. About three minutes.",
    topics: [
      {
        key: 'value_delivered',
        question: 'Looking back over the past year, what value has the product delivered for your team?',
        probing:
          'Ask for outcomes and examples (time saved, revenue, fewer errors). If they struggle to name value, ask what would have to be true for it to feel worth it.',
        follow_up: 'Is there a result you would point to if someone asked whether it was worth it?',
        required: true,
      },
      {
        key: 'friction',
        question: 'What has been harder or more frustrating than you expected?',
        probing: 'Get specifics and how much it weighs on the renewal. Do not defend; acknowledge and move on.',
        follow_up: 'How much does that weigh on how you see the tool overall?',
        required: true,
      },
      {
        key: 'decision_process',
        question: 'Who on your side is involved in the renewal decision?',
        probing:
          'Map the stakeholders (users, admin, budget owner, procurement) and any change in who sponsors the tool. Ask whether the decision maker sees the value.',
        follow_up: 'Has anyone new joined that decision this year?',
        required: true,
      },
      {
        key: 'budget_timing',
        question: 'Is anything changing in budget, team size or priorities that could affect the renewal?',
        probing:
          'Listen for budget cuts, consolidation, growth, new teams. Never discuss prices, discounts or contract terms; say the account team will follow up.',
        follow_up: 'Is there a timing or a review date we should know about?',
        required: true,
      },
      {
        key: 'next_year',
        question: 'What would you want to get out of it next year?',
        probing:
          'Listen for expansion (more seats, teams, plan, add-ons) and unmet needs. Ask when, and how many people.',
        follow_up: 'Is there a team or a project where you would want to use it more?',
        required: false,
      },
    ],
    limits: { max_turns: 8, max_minutes: 5 },
    closing_message:
      'Thank you — this is exactly what helps us prepare a useful renewal conversation. Your account team will follow up on anything you raised.',
    taxonomy: standardTaxonomy,
  },
};
