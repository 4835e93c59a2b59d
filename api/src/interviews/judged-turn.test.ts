import type { AnswerJudgement, GuideBody } from '@candor/shared';
import { describe, expect, it } from 'vitest';
import { readState } from './interview-store';
import { allowedMoves, decideForcedTurn, decideJudgedTurn, forcedMoves, forcedTurn, moveOf } from './judged-turn';
import { decideNextTurn, initialTurnState, type TurnState } from './turn-policy';

const topic = (key: string, over: Partial<GuideBody['topics'][number]> = {}) => ({
  key,
  question: `About ${key}?`,
  probing: '',
  follow_up: `More on ${key}?`,
  required: true,
  ...over,
});
const guide = (over: Partial<Pick<GuideBody, 'topics' | 'limits'>> = {}) => ({
  topics: [topic('a'), topic('b'), topic('c', { required: false })],
  limits: { max_turns: 8, max_minutes: 5 },
  ...over,
});
const judged = (over: Partial<AnswerJudgement> = {}): AnswerJudgement => ({
  quality: 'specific',
  reason_reached: true,
  worth_probing: false,
  statement: 'other',
  intent: 'continue',
  language: 'en',
  ...over,
});
const decide = (state: TurnState, answer: string, judgement: AnswerJudgement, g = guide(), elapsedMs = 0) =>
  decideJudgedTurn({ guide: g, state, answer, elapsedMs, judgement });
const VAGUE_LONG = 'it has been fine, we use it here and there across the team and it does what it does mostly';

describe('decideJudgedTurn', () => {
  it('probes a long vague answer and not a short complete one', () => {
    expect(decide(initialTurnState(), VAGUE_LONG, judged({ quality: 'vague' }))).toMatchObject({
      action: 'probe',
      why: 'vague_answer',
    });
    expect(decide(initialTurnState(), 'Saves us 3 hours.', judged())).toMatchObject({
      action: 'advance',
      why: 'answered',
      topic_index: 1,
    });
  });

  it('never probes past the topic cap, whatever the judgement asks', () => {
    const vague = judged({ quality: 'vague', reason_reached: false, worth_probing: true });
    const g = guide({ topics: [topic('a', { max_probes: 3 }), topic('b', { max_probes: 0 }), topic('c')] });
    let state = initialTurnState();
    const actions: string[] = [];
    for (let i = 0; i < 5; i++) {
      const d = decide(state, VAGUE_LONG, vague, g);
      actions.push(`${d.action}:${d.topic_index}`);
      state = d.state;
    }
    expect(actions).toEqual(['probe:0', 'probe:0', 'probe:0', 'advance:1', 'advance:2']);
    expect(state.topic_probes).toBe(0);
  });

  it('uses the default cap of two probes when the guide sets none', () => {
    const vague = judged({ quality: 'vague' });
    const first = decide(initialTurnState(), VAGUE_LONG, vague);
    const second = decide(first.state, VAGUE_LONG, vague);
    const third = decide(second.state, VAGUE_LONG, vague);
    expect([first.action, second.action, third.action]).toEqual(['probe', 'probe', 'advance']);
    expect(third.why).toBe('probe_cap_reached');
  });

  it('ladders a value statement until its reason is reached', () => {
    const d = decide(initialTurnState(), 'We love the reports.', judged({ statement: 'value', reason_reached: false }));
    expect(d).toMatchObject({ action: 'probe', why: 'reason_not_reached' });
    const next = decide(d.state, 'Because finance trusts the numbers now.', judged({ statement: 'value' }));
    expect(next.action).toBe('advance');
  });

  it('closes at the limits before any probe', () => {
    const g = guide({ limits: { max_turns: 1, max_minutes: 5 } });
    expect(decide(initialTurnState(), VAGUE_LONG, judged({ quality: 'vague' }), g)).toMatchObject({
      action: 'close',
      reason: 'max_turns',
    });
    expect(decide(initialTurnState(), VAGUE_LONG, judged({ quality: 'vague' }), guide(), 5 * 60_000)).toMatchObject({
      action: 'close',
      reason: 'max_minutes',
    });
  });

  it('does not close while a required topic is left', () => {
    let state = decide(initialTurnState(), 'x', judged()).state;
    const d = decide(state, 'y', judged());
    expect(d).toMatchObject({ action: 'advance', topic_index: 2 });
    state = d.state;
    expect(decide(state, 'z', judged())).toMatchObject({ action: 'close', reason: 'topics_covered' });
  });

  it('hands off and stops from the judgement, confirming a stop once', () => {
    expect(
      decide(initialTurnState(), 'Maria should sort this out with me.', judged({ intent: 'wants_human' })),
    ).toMatchObject({ action: 'handoff', reason: 'wants_human' });
    const confirm = decide(initialTurnState(), 'I think we are done.', judged({ intent: 'wants_stop' }));
    expect(confirm).toMatchObject({ action: 'confirm_stop', why: 'unclear_stop' });
    expect(decide(confirm.state, 'Yes, finish it.', judged({ intent: 'wants_stop' }))).toMatchObject({
      action: 'opt_out',
      why: 'stop_confirmed',
    });
    expect(decide(confirm.state, 'no, go on', judged())).toMatchObject({
      action: 'advance',
      why: 'not_stopping',
      topic_index: 0,
    });
  });

  it('keeps the phrases as a safety net, and ignores them where they are answers', () => {
    expect(decide(initialTurnState(), 'unsubscribe', judged())).toMatchObject({ action: 'opt_out', why: 'clear_stop' });
    expect(decide(initialTurnState(), 'Can I talk to our account manager?', judged())).toMatchObject({
      action: 'handoff',
    });
    expect(decide(initialTurnState(), 'The managers stop asking for the spreadsheet now.', judged()).action).toBe(
      'advance',
    );
  });

  it('asks the same question again for a question or confusion, without spending a probe', () => {
    const d = decide(initialTurnState(), 'What do you mean by value?', judged({ intent: 'confused' }));
    expect(d).toMatchObject({ action: 'advance', topic_index: 0, why: 'confused' });
    expect(d.state.topic_probes).toBe(0);
    expect(moveOf(d, initialTurnState())).toBe('clarify');
  });
});

describe('allowedMoves', () => {
  it('offers a probe only under the cap, and only closing moves on the last turn', () => {
    expect(allowedMoves({ guide: guide(), state: initialTurnState(), elapsedMs: 0 })).toEqual([
      'next',
      'probe',
      'clarify',
      'handoff',
      'stop',
    ]);
    const capped = { ...initialTurnState(), topic_probes: 2 };
    expect(allowedMoves({ guide: guide(), state: capped, elapsedMs: 0 })).not.toContain('probe');
    const last = { ...initialTurnState(), turns: 7 };
    expect(allowedMoves({ guide: guide(), state: last, elapsedMs: 0 })).toEqual(['close', 'handoff', 'stop']);
  });
});

describe('forcedTurn', () => {
  const forcedBy = (state: TurnState, answer: string, g = guide(), elapsedMs = 0) =>
    forcedTurn({ guide: g, state, answer, elapsedMs });

  it('forces the close on the last turn and the next topic once the cap is used', () => {
    expect(forcedBy({ ...initialTurnState(), turns: 7 }, VAGUE_LONG)).toMatchObject({
      action: 'close',
      why: 'limit_reached',
      reason: 'max_turns',
    });
    expect(forcedBy({ ...initialTurnState(), topic_probes: 2 }, VAGUE_LONG)).toMatchObject({
      action: 'advance',
      topic_index: 1,
      why: 'probe_cap_reached',
    });
  });

  it('forces nothing while the judgement can still choose between a probe and the next topic', () => {
    expect(forcedBy(initialTurnState(), VAGUE_LONG)).toBeNull();
    expect(forcedBy({ ...initialTurnState(), topic_probes: 1 }, 'Saves us 3 hours.')).toBeNull();
  });

  it('leaves a possible stop and a stop to confirm to the judgement', () => {
    const last = { ...initialTurnState(), turns: 7 };
    expect(forcedBy(last, 'I want to stop here.')).toBeNull();
    expect(forcedBy({ ...last, confirming_stop: true }, 'Sure, whatever.')).toBeNull();
  });

  it('offers the forced move and the moves an intent makes, and takes an intent from the tag', () => {
    const state = { ...initialTurnState(), topic_probes: 2 };
    const input = { guide: guide(), state, answer: VAGUE_LONG, elapsedMs: 0 };
    const forced = forcedTurn(input);
    if (!forced) throw new Error('expected a forced turn');
    expect(forcedMoves(forced, input)).toEqual(['next', 'clarify', 'handoff', 'stop']);
    expect(decideForcedTurn({ ...input, forced, tag: 'next' })).toBe(forced);
    expect(decideForcedTurn({ ...input, forced, tag: 'probe' })).toBe(forced);
    expect(decideForcedTurn({ ...input, forced, tag: null })).toBe(forced);
    expect(decideForcedTurn({ ...input, forced, tag: 'handoff' })).toMatchObject({ action: 'handoff' });
    expect(decideForcedTurn({ ...input, forced, tag: 'stop' })).toMatchObject({
      action: 'confirm_stop',
      state: { confirming_stop: true },
    });
    expect(decideForcedTurn({ ...input, forced, tag: 'clarify' })).toMatchObject({ action: 'advance', topic_index: 0 });
  });
});

describe('the rules in scripted mode', () => {
  it('ask no follow-up on a topic whose cap is 0', () => {
    const g = guide({ topics: [topic('a', { max_probes: 0 }), topic('b')] });
    expect(decideNextTurn({ guide: g, state: initialTurnState(), answer: 'short', elapsedMs: 0 }).action).toBe(
      'advance',
    );
  });

  it('read a state stored before probes were counted', () => {
    expect(readState({ topic_index: 1, follow_up_used: true }).topic_probes).toBe(1);
    expect(readState({ topic_index: 1, follow_up_used: false }).topic_probes).toBe(0);
    expect(readState({ topic_index: 1, topic_probes: 2 }).topic_probes).toBe(2);
  });
});
