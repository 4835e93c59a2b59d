import type { GuideBody } from '@candor/shared';
import { describe, expect, it } from 'vitest';
import { asksForHuman, asksToStop, countWords, decideNextTurn, initialTurnState, type TurnState } from './turn-policy';

const topic = (key: string, required = true) => ({
  key,
  question: `About ${key}?`,
  probing: '',
  follow_up: `More on ${key}?`,
  required,
});
const guide = (over: Partial<Pick<GuideBody, 'topics' | 'limits'>> = {}) => ({
  topics: [topic('a'), topic('b'), topic('c', false)],
  limits: { max_turns: 8, max_minutes: 5 },
  ...over,
});
const long = 'this is an answer with more than eight words in it';
const decide = (state: TurnState, answer: string, g = guide(), elapsedMs = 0) =>
  decideNextTurn({ guide: g, state, answer, elapsedMs });

describe('decideNextTurn', () => {
  it('advances to the next topic after a full answer and marks the topic covered', () => {
    const d = decide(initialTurnState(), long);
    expect(d.action).toBe('advance');
    expect(d.topic_index).toBe(1);
    expect(d.state).toMatchObject({ turns: 1, covered: ['a'], follow_up_used: false });
  });

  it('probes once when an answer is under eight words, then moves on', () => {
    const probe = decide(initialTurnState(), 'not much');
    expect(probe.action).toBe('probe');
    expect(probe.topic_index).toBe(0);
    expect(probe.state.covered).toEqual([]);
    const next = decide(probe.state, 'still not much');
    expect(next.action).toBe('advance');
    expect(next.state.covered).toEqual(['a']);
  });

  it('closes when the last topic is answered', () => {
    let s = initialTurnState();
    for (const _ of [1, 2]) s = decide(s, long).state;
    const d = decide(s, long);
    expect(d).toMatchObject({ action: 'close', reason: 'topics_covered' });
    expect(d.state.covered).toEqual(['a', 'b', 'c']);
  });

  it('skips optional topics that no longer fit once the required ones are covered', () => {
    const g = guide({
      topics: [topic('a'), topic('b', false), topic('c', false)],
      limits: { max_turns: 2, max_minutes: 5 },
    });
    const d = decide(initialTurnState(), long, g);
    expect(d).toMatchObject({ action: 'close', reason: 'topics_covered' });
  });

  it('closes at max turns even with topics left', () => {
    const g = guide({ limits: { max_turns: 2, max_minutes: 5 } });
    const s = decide(initialTurnState(), 'short', g).state;
    expect(decide(s, 'short again', g)).toMatchObject({ action: 'close', reason: 'max_turns' });
  });

  it('closes when the time limit has passed', () => {
    expect(decide(initialTurnState(), long, guide(), 5 * 60_000)).toMatchObject({
      action: 'close',
      reason: 'max_minutes',
    });
    expect(decide(initialTurnState(), long, guide(), 5 * 60_000 - 1).action).toBe('advance');
  });

  it('hands off when the customer asks for a person, before any limit', () => {
    expect(decide(initialTurnState(), 'Can I talk to a real person please?')).toMatchObject({
      action: 'handoff',
      reason: 'wants_human',
    });
  });

  it('stops when the customer says stop', () => {
    expect(decide(initialTurnState(), 'stop')).toMatchObject({ action: 'opt_out', reason: 'opted_out' });
    expect(decide(initialTurnState(), 'Please stop asking me these questions.').action).toBe('opt_out');
  });
});

describe('intent and word rules', () => {
  it('recognises requests for a human in several phrasings and languages', () => {
    for (const text of [
      'I want to speak with someone from customer success',
      'could somebody call me',
      'Ich möchte mit einem Menschen sprechen',
      'Je voudrais parler à quelqu’un'.replace('’', "'"),
      'quiero hablar con una persona',
    ])
      expect(asksForHuman(text), text).toBe(true);
    expect(asksForHuman('The person who set it up left the company.')).toBe(false);
  });

  it('does not read an ordinary answer that mentions stopping as an opt-out', () => {
    expect(asksToStop('We had to stop using the export feature because it was slow.')).toBe(false);
    expect(asksToStop('STOP!')).toBe(true);
    expect(asksToStop("I don't want to continue")).toBe(true);
  });

  it('counts words, and CJK characters by pairs', () => {
    expect(countWords('one two  three, four!')).toBe(4);
    expect(countWords('  ')).toBe(0);
    expect(countWords('使いやすいです')).toBe(4);
  });
});
