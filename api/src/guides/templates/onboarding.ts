import { standardTaxonomy } from './taxonomy';
import type { GuideTemplate } from './template';

/** Onboarding intake: replaces the kickoff form with a conversation in the first days. */
export const onboardingTemplate: GuideTemplate = {
  key: 'onboarding',
  body: {
    name: 'Onboarding intake',
    moment: 'onboarding',
    objective:
      'Learn what this customer wants to achieve, how they will use the product, what it must fit into, how they will judge success, and who else matters — so the CSM can tailor onboarding and reach first value fast.',
    tone: 'warm, curious, concise; plain words; never salesy',
    language_policy: 'respondent',
    opening_message:
      "Hi {name}, welcome aboard! I'd love to understand what you're hoping to get out of this, so your onboarding fits how you actually work. It takes about three minutes, and you can stop any time.",
    topics: [
      {
        key: 'goals',
        question:
          'What made your team decide to start using us now — what do you want to be different in three months?',
        probing:
          'Look for the business outcome behind the feature wish (time saved, revenue, risk). If they name a tool-level goal, ask what it would let them do. Ask for a number or a date when one is implied.',
        follow_up: 'Could you say a bit more about what a good outcome would look like for you?',
        required: true,
      },
      {
        key: 'use_cases',
        question: 'Which workflow or task do you plan to use it for first?',
        probing:
          'Get a concrete first workflow: who does it, how often, what they do today instead. If several, ask which one matters most this month.',
        follow_up: 'What does that task look like for you today, before using us?',
        required: true,
      },
      {
        key: 'stack',
        question: 'Which other tools does this need to work with in your setup?',
        probing:
          'Listen for systems of record (CRM, data warehouse, SSO, ticketing) and for anything that could block rollout, such as security review or data access.',
        follow_up: 'Is there any integration that would be a must-have for you?',
        required: false,
      },
      {
        key: 'success_criteria',
        question: 'How will you know, a few months from now, that this was worth it?',
        probing:
          'Push gently for something measurable or observable; ask who will judge success and when they will look.',
        follow_up: 'Is there a number or a moment you would point to as proof?',
        required: true,
      },
      {
        key: 'stakeholders',
        question: 'Who else will be involved, from daily users to whoever decides whether it stays?',
        probing:
          'Map roles, not just names: daily users, the admin, the budget owner, anyone sceptical. Ask whether the decision maker has seen it yet.',
        follow_up: 'Is there anyone else whose opinion will matter here?',
        required: false,
      },
    ],
    limits: { max_turns: 8, max_minutes: 5 },
    closing_message:
      "Thank you — that's really helpful. Your CSM will use this to shape your onboarding, so you won't be asked the same things twice. Have a great start!",
    taxonomy: standardTaxonomy,
  },
};
