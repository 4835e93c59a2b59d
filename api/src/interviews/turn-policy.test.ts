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
    expect(d.state).toMatchObject({ turns: 1, covered: ['a'], topic_probes: 0 });
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

describe('the safety net for intent', () => {
  const offer = 'Would you like me to connect you with your account manager?';

  it('keeps going on answers that only mention stopping or calling', () => {
    for (const text of [
      'Honestly the best part is that the regional managers stop asking for the spreadsheet every Monday.',
      'Call me crazy, but I actually like the old dashboard better.',
      'We stopped using the Slack integration last spring.',
      'Stop asking for the spreadsheet',
    ]) {
      expect(asksForHuman(text), text).toBe(false);
      expect(asksToStop(text), text).toBe(false);
      expect(decide(initialTurnState(), text).action, text).not.toMatch(/handoff|opt_out|confirm_stop/);
    }
  });

  it('hands off on requests for a person in the six UI languages, and on a yes to our own offer', () => {
    for (const text of [
      'Can I talk to our account manager about this?',
      'Could someone from your side reach out?',
      'Kann ich mit unserem Account Manager sprechen?',
      'Könnte sich jemand von Ihnen bei mir melden?',
      'Est-ce que je peux parler à notre responsable de compte ?',
      "Quelqu'un de chez vous pourrait me contacter ?",
      '¿Puedo hablar con nuestro gestor de cuenta?',
      '¿Podría alguien de su equipo contactarme?',
      'Posso falar com o nosso gerente de conta?',
      'Alguém da sua equipe poderia entrar em contato?',
      '担当者と話したいです',
      '誰かから連絡してください',
    ])
      expect(decide(initialTurnState(), text).action, text).toBe('handoff');
    for (const yes of ['yes', 'Yes please!', 'ja', 'oui', 'sí', 'sim', 'はい'])
      expect(
        decideNextTurn({
          guide: guide(),
          state: initialTurnState(),
          answer: yes,
          elapsedMs: 0,
          lastInterviewerText: offer,
        }).action,
        yes,
      ).toBe('handoff');
    // A yes to an ordinary question is just an answer.
    expect(
      decideNextTurn({
        guide: guide(),
        state: initialTurnState(),
        answer: 'yes',
        elapsedMs: 0,
        lastInterviewerText: 'Do you use exports?',
      }).action,
    ).toBe('probe');
  });

  it('records a clear stop at once and confirms an unclear one first, once', () => {
    expect(decide(initialTurnState(), 'unsubscribe').action).toBe('opt_out');
    expect(decide(initialTurnState(), "Please don't contact me again.").action).toBe('opt_out');

    const ask = decide(initialTurnState(), "I don't want to continue");
    expect(ask).toMatchObject({ action: 'confirm_stop', topic_index: 0, state: { confirming_stop: true } });
    expect(decide(ask.state, 'yes')).toMatchObject({ action: 'opt_out', reason: 'opted_out' });
    const goOn = decide(ask.state, 'no, go on');
    expect(goOn).toMatchObject({ action: 'advance', topic_index: 0, state: { confirming_stop: false } });
    expect(decide(ask.state, long)).toMatchObject({ action: 'advance', topic_index: 1 });
  });
});

describe('scripted mode that listens a little', () => {
  it('takes "nothing else" on an optional topic as a full answer, in six languages', () => {
    const g = guide({ topics: [topic('a'), topic('b', false), topic('c', false)] });
    const onB: TurnState = { ...initialTurnState(), topic_index: 1, turns: 1, covered: ['a'] };
    for (const text of [
      'Nothing else.',
      "that's all",
      'nichts weiter',
      "c'est tout",
      'nada más',
      'só isso',
      '特にありません',
    ]) {
      const d = decide(onB, text, g);
      expect(d, text).toMatchObject({ action: 'advance', topic_index: 2 });
      expect(d.state.covered, text).toContain('b');
    }
    const onLast: TurnState = { ...onB, topic_index: 2, covered: ['a', 'b'] };
    expect(decide(onLast, 'nothing else', g)).toMatchObject({ action: 'close', reason: 'topics_covered' });
    // On a required topic the follow-up is still asked, once.
    const onA = decide(initialTurnState(), 'nothing else', g);
    expect(onA.action).toBe('probe');
    expect(decide(onA.state, 'nothing else', g).action).toBe('advance');
  });
});
