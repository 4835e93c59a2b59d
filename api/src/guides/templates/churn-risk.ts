import { standardTaxonomy } from './taxonomy';
import type { GuideTemplate } from './template';

/** Churn-risk early warning: fired when usage drops or a risk state is entered. */
export const churnRiskTemplate: GuideTemplate = {
  key: 'churn_risk',
  body: {
    name: 'Churn-risk early warning',
    moment: 'churn_risk',
    objective:
      'Find out, before the CSM sees a dashboard alert, what changed for this customer, what stands in their way, what would help, and whether they want to talk to a person — with their stated reasons, not guesses.',
    tone: 'calm, candid, respectful; acknowledge problems without defending; never salesy',
    language_policy: 'respondent',
    opening_message:
      "Hi {name} — we noticed things have changed a bit in how your team uses the product, and we'd rather ask than guess. It's short, and an honest answer helps most.",
    topics: [
      {
        key: 'what_changed',
        question: 'What has changed for you or your team in the last few weeks?',
        probing:
          'Separate product reasons (missing capability, reliability, usability) from business reasons (budget, reorg, a champion leaving, a competing tool). Ask when it started.',
        follow_up: 'Was there a specific moment or event when that started?',
        required: true,
      },
      {
        key: 'blockers',
        question: "What's getting in the way of using it the way you planned?",
        probing:
          'Ask for the concrete blocker and its impact. If they mention another tool, ask what it does better. Do not argue or offer discounts.',
        follow_up: 'Could you give me an example of where it got in the way?',
        required: true,
      },
      {
        key: 'what_would_help',
        question: 'What would make the biggest difference for you right now?',
        probing:
          'Listen for help they would accept: training, a fix, a configuration change, a conversation. Never promise pricing, discounts or contract terms.',
        follow_up: 'If we could fix one thing this month, what should it be?',
        required: true,
      },
      {
        key: 'decision',
        question: 'Who on your side would be part of a decision about whether to keep the tool?',
        probing:
          'Map who decides and on what timeline. Note budget owners, new leaders and alternatives under evaluation.',
        follow_up: 'Is there a date or a review coming up when that will be decided?',
        required: false,
      },
      {
        key: 'talk_to_human',
        question: 'Would it help to talk this through with someone from our team?',
        probing: 'If yes, ask the best way and time to reach them. If no, respect it and close.',
        follow_up: 'What would be the best way for someone to reach you?',
        required: true,
      },
    ],
    limits: { max_turns: 8, max_minutes: 5 },
    closing_message:
      "Thank you for being straight with us — it genuinely helps. Someone who looks after your account will read this, and if you asked to talk, they'll reach out soon.",
    taxonomy: standardTaxonomy,
  },
};
