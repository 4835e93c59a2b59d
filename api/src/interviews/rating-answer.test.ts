import { ratingBand } from '@candor/shared';
import { describe, expect, it } from 'vitest';
import { figuresOf } from '../synthesis/rating-report';
import { ratingPromptFor, resolveScore, scoreFromText } from './rating-answer';
import { decideNextTurn, initialTurnState, type TurnState } from './turn-policy';

const rating = {
  key: 'nps',
  kind: 'rating' as const,
  scale: 'nps' as const,
  question: 'How likely are you to recommend us?',
  probing: '',
  follow_up: 'From 0 to 10?',
  required: true,
};
const open = { key: 'b', question: 'About b?', probing: '', follow_up: 'More on b?', required: true };
const guide = { topics: [rating, open], limits: { max_turns: 8, max_minutes: 5 } };
const decide = (state: TurnState, answer: string, score: number | null = null) =>
  decideNextTurn({ guide, state, answer, elapsedMs: 0, score });

describe('a rating topic in the turn policy', () => {
  it('follows a score with exactly one question about the reason, then moves on', () => {
    const scored = decide(initialTurnState(), '3', 3);
    expect(scored).toMatchObject({ action: 'probe', why: 'rating_reason', topic_index: 0 });
    expect(scored.rating).toEqual({ topic: 'nps', score: 3 });
    expect(scored.state).toMatchObject({ rated: ['nps'], reason_for: 'nps', covered: ['nps'] });

    // The reason is a whole answer, however short: no second probe.
    const reason = decide(scored.state, 'too slow');
    expect(reason).toMatchObject({ action: 'advance', topic_index: 1, reason_for: 'nps' });
    expect(reason.rating).toBeUndefined();
    expect(reason.state.reason_for).toBeUndefined();
  });

  it('asks the follow-up when no score was given, and takes the score after it', () => {
    const vague = decide(initialTurnState(), 'hard to say');
    expect(vague).toMatchObject({ action: 'probe', why: 'thin_answer' });
    expect(vague.rating).toBeUndefined();
    const scored = decide(vague.state, '7', 7);
    expect(scored).toMatchObject({ action: 'probe', why: 'rating_reason', rating: { score: 7 } });
  });

  it('records a score even when the turn limit closes the interview', () => {
    const state = { ...initialTurnState(), turns: 7 };
    const d = decide(state, '9', 9);
    expect(d).toMatchObject({ action: 'close', reason: 'max_turns', rating: { topic: 'nps', score: 9 } });
  });
});

describe('resolveScore', () => {
  it('takes a structured score on the scale and refuses one off it, or when none is asked', () => {
    const state = initialTurnState();
    expect(resolveScore(guide, state, { text: '10', rating: 10 })).toBe(10);
    expect(() => resolveScore(guide, state, { text: '11', rating: 11 })).toThrow(/0 to 10/);
    expect(() => resolveScore(guide, state, { text: '-1', rating: -1 })).toThrow(/0 to 10/);
    const onOpen = { ...state, topic_index: 1 };
    expect(() => resolveScore(guide, onOpen, { text: '5', rating: 5 })).toThrow(/does not ask for a score/);
    const askingWhy = { ...state, rated: ['nps'], reason_for: 'nps' };
    expect(() => resolveScore(guide, askingWhy, { text: '5', rating: 5 })).toThrow(/does not ask for a score/);
  });

  it('reads a typed score only where it opens the answer', () => {
    expect(scoreFromText('8', 'nps')).toBe(8);
    expect(scoreFromText(' 9/10, easily', 'nps')).toBe(9);
    expect(scoreFromText('10 out of 10', 'nps')).toBe(10);
    expect(scoreFromText('we have 3 teams using it', 'nps')).toBeNull();
    expect(scoreFromText('12', 'nps')).toBeNull();
    expect(scoreFromText('0', 'csat')).toBeNull();
    expect(scoreFromText('4.5', 'csat')).toBeNull();
  });
});

describe('ratingPromptFor', () => {
  it('marks the messages that ask for a score, not the question about the reason', () => {
    expect(ratingPromptFor(guide, { seq: 1, decision: null })).toEqual({ scale: 'nps', min: 0, max: 10 });
    const why = { action: 'probe', topic_index: 0, why: 'rating_reason' };
    expect(ratingPromptFor(guide, { seq: 3, decision: why })).toBeNull();
    const reask = { action: 'probe', topic_index: 0, why: 'thin_answer' };
    expect(ratingPromptFor(guide, { seq: 3, decision: reask })).toEqual({ scale: 'nps', min: 0, max: 10 });
    expect(ratingPromptFor(guide, { seq: 5, decision: { action: 'advance', topic_index: 1 } })).toBeNull();
  });
});

describe('rating figures', () => {
  it('bands scores the standard way and computes NPS as promoters% − detractors%', () => {
    expect([0, 6, 7, 8, 9, 10].map((s) => ratingBand('nps', s))).toEqual([
      'detractor',
      'detractor',
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
    expect([1, 2, 3, 4, 5].map((s) => ratingBand('csat', s))).toEqual([
      'detractor',
      'detractor',
      'passive',
      'promoter',
      'promoter',
    ]);
    const f = figuresOf(
      'nps',
      [10, 9, 9, 7, 2, 0].map((score) => ({ score })),
    );
    // 3 promoters, 2 detractors of 6: (3 − 2) / 6 = 16.7 → 17.
    expect(f).toMatchObject({ responses: 6, promoters: 3, passives: 1, detractors: 2, score: 17 });
    expect(
      figuresOf(
        'csat',
        [5, 4, 2].map((score) => ({ score })),
      ),
    ).toMatchObject({ average: 3.67, score: 3.67 });
  });
});
