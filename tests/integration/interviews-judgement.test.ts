import { fixedLines } from '@candor/api/interviews/fixed-lines';
import type { AnswerJudgement } from '@candor/shared';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockCall, type MockReply, mockOpenAI } from '../msw/openai';
import { readJson, startTestApp, type TestApp } from '../support/harness';
import { answer, guideFixture, identify, invite, longAnswer, seedWorkspace } from '../support/interview-fixtures';

const server = setupServer();
const openai = mockOpenAI(server);
beforeAll(() => server.listen({ onUnhandledFrame: 'bypass' }));
afterAll(() => server.close());

/** A judgement of an answer that is specific and complete, to be varied per case. */
const judgement = (over: Partial<AnswerJudgement> = {}): AnswerJudgement => ({
  quality: 'specific',
  reason_reached: true,
  worth_probing: false,
  statement: 'other',
  intent: 'continue',
  language: 'en',
  ...over,
});

/** The customer's latest words as a call carries them: the reply's last message, or the judge's last delimited block. */
function latestAnswer(call: MockCall): string {
  const blocks = [...call.promptText.matchAll(/<customer_message>\n([\s\S]*?)\n<\/customer_message>/g)];
  return blocks.at(-1)?.[1] ?? '';
}

const isReply = (call: MockCall) => call.promptText.includes('You are a customer interviewer');
const offered = (call: MockCall) => [
  ...new Set([...call.promptText.matchAll(/\[(next|probe|clarify|close|handoff|stop)\]/g)].map((m) => m[1] ?? '')),
];

/** A reply model that makes `move` (tagged as asked) when the prompt offers it. */
function replyFor(call: MockCall, move: string): MockReply {
  const next = /ask this next question in your own words: "(.*)"/.exec(call.promptText)?.[1];
  const texts: Record<string, string> = {
    next: `Thanks, that helps. ${next}`,
    probe: 'What happened the last time that came up?',
    clarify: 'Good question. What can you tell us about value?',
    close: 'Thank you, this was really helpful.',
    handoff: 'Of course, someone from the team will reach out soon. Thank you.',
    stop: call.promptText.includes('They confirm they want to stop')
      ? 'Understood, we will stop here and not ask again. Thank you.'
      : 'Would you like to stop here?',
  };
  return { text: `[${move}] ${texts[move]}`, chunkDelayMs: 2 };
}

/** The move a reply model that reads the answer as the judge did would tag. */
function followJudgement(judge: AnswerJudgement | MockReply, moves: string[]): string {
  if (!('quality' in judge)) return moves.includes('next') ? 'next' : 'close';
  if (judge.intent === 'wants_human') return 'handoff';
  if (judge.intent === 'wants_stop') return 'stop';
  if (judge.intent !== 'continue') return 'clarify';
  if (judge.quality !== 'specific' && moves.includes('probe')) return 'probe';
  return moves.includes('next') ? 'next' : 'close';
}

/**
 * Scripts both calls of a judged turn from the answer: what the judge returns, and which
 * move the reply model tags (by default the one a judge-following model would choose).
 */
function scriptTurns(byAnswer: (answer: string) => { judge: AnswerJudgement | MockReply; move?: string }) {
  openai.script({
    judge: (call) => {
      const { judge } = byAnswer(latestAnswer(call));
      return 'quality' in judge ? { json: judge } : judge;
    },
    chat: (call) => {
      if (!isReply(call)) return { json: { signals: [] } };
      const { judge, move } = byAnswer(latestAnswer(call));
      const moves = offered(call);
      return replyFor(call, move ?? followJudgement(judge, moves));
    },
  });
}

async function startedInterview(t: TestApp, guide = guideFixture()) {
  const { ws, guideId } = await seedWorkspace(t, guide);
  const { id } = await invite(t, ws, guideId);
  const { token } = await identify(t, ws);
  await t.request(`/v1/widget/interviews/${id}/start`, { method: 'POST', token });
  const detail = async () => readJson(await t.request(`/v1/interviews/${id}`, { token: ws.secret_key }));
  const decisions = async () =>
    // biome-ignore lint/suspicious/noExplicitAny: decisions as the API returns them
    (await detail()).messages.filter((m: any) => m.role === 'interviewer' && m.decision).map((m: any) => m.decision);
  const optOuts = () =>
    t.deps.db
      .selectFrom('invitations')
      .select('id')
      .where('workspace_id', '=', ws.id)
      .where('skip_reason', '=', 'opted_out')
      .execute();
  const handoffs = () =>
    t.deps.db
      .selectFrom('review_items')
      .select('kind')
      .where('workspace_id', '=', ws.id)
      .where('kind', '=', 'handoff')
      .execute();
  return { id, token, ws, detail, decisions, optOuts, handoffs };
}

const VAGUE_LONG =
  "Honestly it's been fine, we use it here and there across the team and it does what it does, nothing special really, mostly okay overall.";
const SHORT_COMPLETE = 'Exports save us 3 hours weekly.';

describe('the AI interviewer judges each answer and code picks the move', () => {
  let t: TestApp;
  beforeAll(async () => {
    // A first-token budget a busy test machine cannot miss: these turns are about decisions.
    t = await startTestApp({
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: 'http://openai.test/v1',
      CANDOR_INTERVIEW_MODEL: 'interviewer-test',
      CANDOR_MODEL_FIRST_TOKEN_MS: '5000',
      CANDOR_MODEL_RETRIES: '1',
      CANDOR_MODEL_RETRY_DELAY_MS: '5',
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('probes a long vague answer and moves on after a short complete one', async () => {
    scriptTurns((a) =>
      a === VAGUE_LONG
        ? { judge: judgement({ quality: 'vague', reason_reached: false }) }
        : { judge: judgement({ quality: 'specific', reason_reached: true }) },
    );
    const guide = guideFixture();
    const i = await startedInterview(t, guide);
    const r1 = await answer(t, i.id, i.token, 'v1', VAGUE_LONG);
    expect(r1.reply?.text).toBe('What happened the last time that came up?');
    expect(r1.deltas).toBe(r1.reply?.text);
    const r2 = await answer(t, i.id, i.token, 'v2', SHORT_COMPLETE);
    expect(r2.reply?.text).toBe(`Thanks, that helps. ${guide.topics[1]?.question}`);

    const replies = (await i.detail()).messages.filter((m: { role: string }) => m.role === 'interviewer');
    expect(replies.slice(1).map((m: { mode: string | null }) => m.mode)).toEqual(['ai', 'ai']);
    const [probe, next] = await i.decisions();
    expect(probe).toMatchObject({
      action: 'probe',
      why: 'vague_answer',
      decided_by: 'judgement',
      judgement: { quality: 'vague', reason_reached: false },
      probes: { used: 1, cap: 2 },
    });
    expect(next).toMatchObject({ action: 'advance', topic_index: 1, why: 'answered', decided_by: 'judgement' });
    expect(openai.judgeCalls.length).toBeGreaterThanOrEqual(2);
  });

  it('holds the probe cap however often the judgement asks for another', async () => {
    scriptTurns(() => ({ judge: judgement({ quality: 'vague', reason_reached: false, statement: 'churn' }) }));
    const guide = guideFixture({
      topics: [
        { ...guideFixture().topics[0]!, max_probes: 2 },
        { ...guideFixture().topics[1]!, max_probes: 0 },
        guideFixture().topics[2]!,
      ],
    });
    const i = await startedInterview(t, guide);
    const texts: string[] = [];
    for (const n of [1, 2, 3, 4])
      texts.push((await answer(t, i.id, i.token, `c${n}`, longAnswer(`try ${n}`))).reply?.text ?? '');
    const decisions = await i.decisions();
    expect(decisions.map((d: { action: string }) => d.action)).toEqual(['probe', 'probe', 'advance', 'advance']);
    expect(decisions.map((d: { probes?: unknown }) => d.probes ?? null)).toEqual([
      { used: 1, cap: 2 },
      { used: 2, cap: 2 },
      null,
      null,
    ]);
    expect(decisions[2]).toMatchObject({ why: 'probe_cap_reached', topic_index: 1 });
    // A topic with max_probes 0 is never probed: the vague answer moves on.
    expect(decisions[3]).toMatchObject({ why: 'probe_cap_reached', topic_index: 2 });
    expect(texts[2]).toBe(`Thanks, that helps. ${guide.topics[1]?.question}`);
  });

  it('replaces a probe the policy forbids before any of it reaches the stream', async () => {
    // The judgement asks for more, the cap (0) forbids it, and the reply model probes anyway.
    const guide = guideFixture({ topics: guideFixture().topics.map((tp) => ({ ...tp, max_probes: 0 })) });
    scriptTurns(() => ({ judge: judgement({ quality: 'vague', reason_reached: false }), move: 'probe' }));
    const i = await startedInterview(t, guide);
    const r = await answer(t, i.id, i.token, 'f1', VAGUE_LONG);
    expect(r.body).not.toContain('What happened the last time');
    expect(r.events.some((e) => e.event === 'reset')).toBe(false);
    expect(r.reply?.text).toBe(guide.topics[1]?.question);
    expect(r.deltas).toBe(guide.topics[1]?.question);
    const [decision] = await i.decisions();
    expect(decision).toMatchObject({ action: 'advance', why: 'probe_cap_reached', corrected: 'reply_move_probe' });
    expect((await i.detail()).messages.at(-1)).toMatchObject({ role: 'interviewer', mode: 'scripted' });
  });

  it('replaces a reply whose move differs from the decision, and one without a tag', async () => {
    const guide = guideFixture();
    openai.script({
      judge: () => ({ json: judgement() }),
      chat: (call) =>
        latestAnswer(call).includes('untagged')
          ? { text: 'Thanks. What else comes to mind?' }
          : replyFor(call, 'clarify'),
    });
    const i = await startedInterview(t, guide);
    const r1 = await answer(t, i.id, i.token, 'd1', longAnswer('the reports'));
    expect(r1.reply?.text).toBe(guide.topics[1]?.question);
    const r2 = await answer(t, i.id, i.token, 'd2', longAnswer('untagged exports'));
    expect(r2.reply?.text).toBe(guide.topics[2]?.question);
    expect((await i.decisions()).map((d: { corrected?: string }) => d.corrected)).toEqual([
      'reply_move_clarify',
      'reply_untagged',
    ]);
  });

  it.each([
    'Honestly the best part is that the regional managers stop asking for the spreadsheet every Monday.',
    'Call me crazy, but the old dashboard was easier to read for our finance people.',
    'We stopped using the Slack integration last spring because nobody read the alerts.',
  ])('keeps the interview going on "%s"', async (text) => {
    scriptTurns(() => ({ judge: judgement() }));
    const guide = guideFixture();
    const i = await startedInterview(t, guide);
    const r = await answer(t, i.id, i.token, 'fa1', text);
    expect(r.reply?.text).toBe(`Thanks, that helps. ${guide.topics[1]?.question}`);
    expect(r.done).toEqual({ status: 'started' });
    expect((await i.detail()).status).toBe('started');
    expect(await i.optOuts()).toHaveLength(0);
    expect(await i.handoffs()).toHaveLength(0);
  });

  it.each([
    ['Can I talk to our account manager about the renewal?', 'en'],
    ['Could someone from your side reach out to me this week?', 'en'],
    ['Kann ich bitte mit unserem Account Manager darüber sprechen?', 'de'],
    ["J'aimerais en parler directement avec Claire, notre responsable de compte.", 'fr'],
    ['Prefiero resolver esto con Marta, nuestra gestora de cuenta.', 'es'],
  ] as const)('hands off on "%s"', async (text, language) => {
    scriptTurns(() => ({ judge: judgement({ intent: 'wants_human' }) }));
    const i = await startedInterview(t);
    const r = await answer(t, i.id, i.token, 'h1', text);
    expect(r.done).toEqual({ status: 'completed' });
    expect(await i.handoffs()).toHaveLength(1);
    const [decision] = await i.decisions();
    expect(decision).toMatchObject({ action: 'handoff', why: 'asked_for_person' });
    // The model's hand-off, or the fixed line in the language the customer wrote in.
    expect(
      r.reply?.text === 'Of course, someone from the team will reach out soon. Thank you.' ||
        r.reply?.text === fixedLines[language].handoff,
    ).toBe(true);
  });

  it('hands off on a yes to its own offer of a person', async () => {
    const QUOTE = 'The renewal quote doubled and nobody explained why to us.';
    openai.script({
      judge: (call) => ({ json: judgement({ intent: latestAnswer(call) === QUOTE ? 'continue' : 'wants_human' }) }),
      chat: (call) =>
        latestAnswer(call) === QUOTE
          ? { text: '[next] That sounds frustrating. Would you like me to connect you with your account manager?' }
          : { text: '[handoff] Of course, someone from the team will reach out soon. Thank you for your time.' },
    });
    const i = await startedInterview(t);
    const r1 = await answer(t, i.id, i.token, 'y1', QUOTE);
    expect(r1.reply?.text).toContain('connect you with your account manager');
    // Not a bare "yes" the phrases know: the judgement hears it.
    const r2 = await answer(t, i.id, i.token, 'y2', 'Yes please, that would help a lot actually.');
    expect(r2.done).toEqual({ status: 'completed' });
    expect(await i.handoffs()).toHaveLength(1);
  });

  it('asks once before a stop the judgement reads, and records it only on yes', async () => {
    scriptTurns(() => ({ judge: judgement({ intent: 'wants_stop' }) }));
    const i = await startedInterview(t);
    const r1 = await answer(t, i.id, i.token, 's1', 'I think we are about done with this, honestly.');
    expect(r1.reply?.text).toBe('Would you like to stop here?');
    expect(r1.done).toEqual({ status: 'started' });
    expect(await i.optOuts()).toHaveLength(0);
    const r2 = await answer(t, i.id, i.token, 's2', 'Yes, let us finish here please.');
    expect(r2.done).toEqual({ status: 'declined' });
    expect(await i.optOuts()).toHaveLength(1);
    expect((await i.decisions()).map((d: { why: string }) => d.why)).toEqual(['unclear_stop', 'stop_confirmed']);
  });

  /** The model calls one answer caused: judgements of it, and replies to it. */
  const callsFor = (text: string) => ({
    judge: openai.judgeCalls.filter((c) => latestAnswer(c) === text).length,
    reply: openai.calls.filter((c) => isReply(c) && latestAnswer(c) === text).length,
  });
  // No topic may be probed, and two answers end the interview: every turn's move is forced.
  const boundGuide = () =>
    guideFixture({
      topics: guideFixture().topics.map((tp) => ({ ...tp, max_probes: 0 })),
      limits: { max_turns: 2, max_minutes: 5 },
    });

  it('asks only for the reply when the bounds leave one move, and records that it was forced', async () => {
    // A judge that would ask for a probe, were it asked: the cap forbids one anyway.
    scriptTurns(() => ({ judge: judgement({ quality: 'vague', reason_reached: false }) }));
    const guide = boundGuide();
    const i = await startedInterview(t, guide);
    const first = longAnswer('capped probes');
    const r1 = await answer(t, i.id, i.token, 'fo1', first);
    expect(r1.reply?.text).toBe(`Thanks, that helps. ${guide.topics[1]?.question}`);
    const last = longAnswer('the last turn');
    const r2 = await answer(t, i.id, i.token, 'fo2', last);
    expect(r2.reply?.text).toBe('Thank you, this was really helpful.');
    expect(r2.done).toEqual({ status: 'completed' });
    expect([callsFor(first), callsFor(last)]).toEqual([
      { judge: 0, reply: 1 },
      { judge: 0, reply: 1 },
    ]);
    const [advance, close] = await i.decisions();
    expect(advance).toMatchObject({
      action: 'advance',
      topic_index: 1,
      why: 'probe_cap_reached',
      decided_by: 'forced',
    });
    expect(close).toMatchObject({ action: 'close', why: 'limit_reached', reason: 'max_turns', decided_by: 'forced' });
    expect(close.judgement).toBeUndefined();
    expect((await i.detail()).messages.at(-1)).toMatchObject({ role: 'interviewer', mode: 'ai' });
  });

  it('still judges a forced turn whose answer may be a stop', async () => {
    scriptTurns(() => ({ judge: judgement({ intent: 'wants_stop' }) }));
    const i = await startedInterview(t, boundGuide());
    const text = 'I want to stop here.';
    const r = await answer(t, i.id, i.token, 'fs1', text);
    expect(r.reply?.text).toBe('Would you like to stop here?');
    expect(callsFor(text)).toEqual({ judge: 1, reply: 1 });
    expect((await i.decisions())[0]).toMatchObject({ action: 'confirm_stop', decided_by: 'judgement' });
  });

  it('honours a clear stop on a forced turn at once, with one model call', async () => {
    scriptTurns(() => ({ judge: judgement() }));
    const i = await startedInterview(t, boundGuide());
    const r = await answer(t, i.id, i.token, 'fs2', 'Please stop.');
    expect(r.done).toEqual({ status: 'declined' });
    expect(await i.optOuts()).toHaveLength(1);
    expect(callsFor('Please stop.')).toEqual({ judge: 0, reply: 1 });
    expect((await i.decisions())[0]).toMatchObject({ action: 'opt_out', why: 'clear_stop' });
  });

  it('hands off on a forced turn when the reply reads a wish for a person the phrases miss', async () => {
    const text = 'Honestly I would rather sort this out with Marta, our account manager.';
    scriptTurns(() => ({ judge: judgement({ intent: 'wants_human' }) }));
    const i = await startedInterview(t, boundGuide());
    const r = await answer(t, i.id, i.token, 'fh1', text);
    // The model's hand-off, or the fixed line where the output check holds back its promise.
    expect(['Of course, someone from the team will reach out soon. Thank you.', fixedLines.en.handoff]).toContain(
      r.reply?.text,
    );
    expect(r.done).toEqual({ status: 'completed' });
    expect(await i.handoffs()).toHaveLength(1);
    expect(callsFor(text)).toEqual({ judge: 0, reply: 1 });
    expect((await i.decisions())[0]).toMatchObject({
      action: 'handoff',
      why: 'asked_for_person',
      reason: 'wants_human',
      decided_by: 'reply_tag',
    });
  });

  it('asks before a stop the reply reads on a forced turn, and records it only on yes', async () => {
    const text = 'We are about done with this, honestly.';
    scriptTurns((a) => ({ judge: judgement({ intent: a === text ? 'continue' : 'wants_stop' }), move: 'stop' }));
    const i = await startedInterview(t, boundGuide());
    const r1 = await answer(t, i.id, i.token, 'fr1', text);
    expect(r1.reply?.text).toBe('Would you like to stop here?');
    expect(r1.done).toEqual({ status: 'started' });
    expect(await i.optOuts()).toHaveLength(0);
    expect(callsFor(text)).toEqual({ judge: 0, reply: 1 });
    const r2 = await answer(t, i.id, i.token, 'fr2', 'Yes, let us finish here please.');
    expect(r2.done).toEqual({ status: 'declined' });
    expect(await i.optOuts()).toHaveLength(1);
    expect((await i.decisions()).map((d: { why: string; decided_by?: string }) => [d.why, d.decided_by])).toEqual([
      ['unclear_stop', 'reply_tag'],
      ['stop_confirmed', 'judgement'],
    ]);
  });

  it('falls back to the rules when the judgement fails, and records why', async () => {
    const guide = guideFixture();
    openai.script({
      judge: { status: 500 },
      chat: (call) => (isReply(call) ? replyFor(call, 'next') : { json: { signals: [] } }),
    });
    const i = await startedInterview(t, guide);
    const r = await answer(t, i.id, i.token, 'j1', longAnswer('dashboards'));
    expect(r.reply?.text).toBe(`Thanks, that helps. ${guide.topics[1]?.question}`);
    expect((await i.detail()).messages.at(-1)).toMatchObject({ role: 'interviewer', mode: 'ai' });
    const [decision] = await i.decisions();
    expect(decision).toMatchObject({
      action: 'advance',
      why: 'answered',
      decided_by: 'rules_after_failed_judgement',
      judgement_failure: expect.stringContaining('500'),
    });
    expect(decision.judgement).toBeUndefined();
  });
});
