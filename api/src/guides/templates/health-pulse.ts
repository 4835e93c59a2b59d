import { standardTaxonomy } from './taxonomy';
import type { GuideTemplate } from './template';

/** Health pulse: a short check-in that replaces the NPS blast and captures the why. */
export const healthPulseTemplate: GuideTemplate = {
  key: 'health_pulse',
  body: {
    name: 'Health pulse',
    moment: 'health_pulse',
    objective:
      'Understand the value this customer gets today, the friction that slows them down, and what would make the product indispensable — in their own words, not a score.',
    tone: 'warm, curious, concise; plain words; never salesy',
    language_policy: 'respondent',
    opening_message:
      "Hi {name}! We're checking in with a few teams to hear how things are really going — the good and the annoying. Just a few quick questions, about two minutes.",
    topics: [
      {
        key: 'value',
        question: 'What has been the most useful thing about the product for you lately?',
        probing:
          'Ask for a recent concrete example and what it replaced or saved. If the answer is lukewarm, ask what they expected instead.',
        follow_up: 'Can you think of a recent moment where it really helped?',
        required: true,
      },
      {
        key: 'friction',
        question: "What's the most frustrating part of using it right now?",
        probing:
          'Get specifics: where in the workflow, how often, what they do as a workaround, who else is affected. Do not defend the product or promise fixes.',
        follow_up: 'What happens when you run into that — how do you work around it?',
        required: true,
      },
      {
        key: 'indispensable',
        question: 'What would make this something your team could not work without?',
        probing:
          'Listen for missing capabilities, integrations and adoption gaps. Ask which matters most if they list several.',
        follow_up: 'If you could change one thing, what would it be?',
        required: true,
      },
      {
        key: 'adoption',
        question: 'How widely is it used across your team today?',
        probing: 'Learn who uses it and who does not, and why. Listen for new teams or use cases that want in.',
        follow_up: 'Are there people or teams who could use it but don’t yet?',
        required: false,
      },
      {
        key: 'recommend',
        kind: 'rating',
        scale: 'nps',
        question: 'On a scale from 0 to 10, how likely are you to recommend us to a colleague?',
        probing:
          'After the score, ask for the main reason in their words. For a low score, ask what fell short; for a middling one, what would raise it; never argue with the score.',
        follow_up: 'If you had to put a number on it, from 0 to 10, what would it be?',
        required: false,
      },
    ],
    limits: { max_turns: 8, max_minutes: 5 },
    closing_message:
      'Thanks so much — this goes straight to the people who look after your account. If anything urgent comes up, just reply here or reach out to your CSM.',
    taxonomy: standardTaxonomy,
  },
};
