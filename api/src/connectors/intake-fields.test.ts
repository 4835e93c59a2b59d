import { describe, expect, it } from 'vitest';
import { answersByTopic } from './intake-fields';

const asked = (topic_index: number, action = 'advance') => ({
  role: 'interviewer',
  text: '?',
  decision: { action, topic_index },
});
const said = (text: string) => ({ role: 'customer', text, decision: null });

describe('answersByTopic', () => {
  it('files each answer under the topic its question asked, probes included, the opening asking the first', () => {
    const answers = answersByTopic(
      ['goals', 'use_cases', 'stack'],
      [
        { role: 'interviewer', text: 'Hi! What are your goals?', decision: null },
        said('Faster onboarding'),
        asked(0, 'probe'),
        said('  Two days, not two weeks  '),
        asked(1),
        said(''),
        asked(2),
        said('Salesforce'),
        asked(2, 'close'),
        said('Thanks!'),
      ],
    );
    expect(Object.fromEntries(answers)).toEqual({
      goals: 'Faster onboarding\nTwo days, not two weeks',
      stack: 'Salesforce\nThanks!',
    });
  });

  it('caps a long answer and ignores a topic index the guide does not have', () => {
    const answers = answersByTopic(['goals'], [said('x'.repeat(6000)), asked(5), said('lost')]);
    expect(answers.get('goals')).toHaveLength(5000);
    expect([...answers.keys()]).toEqual(['goals']);
  });
});
