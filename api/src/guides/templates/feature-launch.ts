import { standardTaxonomy } from './taxonomy';
import type { GuideTemplate } from './template';

/** Feature-launch feedback: asked right after a user tries a new feature. */
export const featureLaunchTemplate: GuideTemplate = {
  key: 'feature_launch',
  body: {
    name: 'Feature-launch feedback',
    moment: 'feature_launch',
    objective:
      'Hear from a user who just tried a new feature: what they were trying to do, whether it worked, what got in the way, and what would make it fit their workflow.',
    tone: 'friendly, quick, concrete; plain words',
    language_policy: 'respondent',
    opening_message:
      'Hi! We saw you just tried one of our newest features — thanks for giving it a go. A few quick questions about how it went, about a minute.',
    topics: [
      {
        key: 'job_to_be_done',
        question: 'What were you trying to get done when you tried it?',
        probing: 'Get the task and the context: how they did it before, how often it comes up.',
        follow_up: 'How did you handle that before this feature existed?',
        required: true,
      },
      {
        key: 'first_experience',
        question: 'How did it go — did it do what you expected?',
        probing: 'Ask where it surprised them, good or bad, and whether they finished the task.',
        follow_up: 'What did you expect to happen instead?',
        required: true,
      },
      {
        key: 'friction',
        question: 'Was anything confusing, slow or missing?',
        probing:
          'Get the exact step, what they tried, and the workaround. Capture requests in their words without promising them.',
        follow_up: 'At which step did that happen?',
        required: true,
      },
      {
        key: 'continued_use',
        question: 'Who on your team, you included, will keep using it?',
        probing: 'Listen for adoption by other people or teams and for what would make it a habit.',
        follow_up: 'What would make it part of your routine?',
        required: false,
      },
    ],
    limits: { max_turns: 6, max_minutes: 4 },
    closing_message: 'Thank you! Your feedback goes straight to the team that built it.',
    taxonomy: standardTaxonomy,
  },
};
