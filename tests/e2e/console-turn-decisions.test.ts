/// <reference lib="dom" />
import type { AnswerJudgement } from '@candor/shared';
import { setupServer } from 'msw/node';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockCall, mockOpenAI } from '../msw/openai';
import { type CandorServer, hasChromium, startCandorServer } from '../support/browser';
import { answer, guideFixture, identify, invite, seedWorkspace } from '../support/interview-fixtures';
import { ensureConsoleBuilt, screenshotPage, seriousA11yViolations, signedInAsCsm } from './console-support';

// The server runs in this process, so msw sees its calls to the model provider.
const server = setupServer();
const openai = mockOpenAI(server);

const VAGUE = "It's been fine, we use it here and there across the team, nothing special really, it mostly works.";
const judged = (over: Partial<AnswerJudgement>): AnswerJudgement => ({
  quality: 'specific',
  reason_reached: true,
  worth_probing: false,
  statement: 'other',
  intent: 'continue',
  language: 'en',
  ...over,
});
const latest = (call: MockCall) =>
  [...call.promptText.matchAll(/<customer_message>\n([\s\S]*?)\n<\/customer_message>/g)].at(-1)?.[1] ?? '';

describe.skipIf(!hasChromium)('the transcript shows why the interviewer did what it did', { timeout: 90_000 }, () => {
  let candor: CandorServer;
  let browser: Browser;
  let page: Page;
  let interviewId: string;

  beforeAll(async () => {
    server.listen({ onUnhandledFrame: 'bypass' });
    ensureConsoleBuilt();
    candor = await startCandorServer({
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: 'http://openai.test/v1',
      CANDOR_INTERVIEW_MODEL: 'interviewer-test',
      CANDOR_MODEL_FIRST_TOKEN_MS: '5000',
    });
    openai.script({
      judge: (call) => ({
        json: latest(call) === VAGUE ? judged({ quality: 'vague', reason_reached: false }) : judged({}),
      }),
      chat: (call) => {
        if (!call.promptText.includes('You are a customer interviewer')) return { json: { signals: [] } };
        if (latest(call) === VAGUE) return { text: '[probe] What happened the last time it fell short?' };
        const next = /ask this next question in your own words: "(.*)"/.exec(call.promptText)?.[1];
        return { text: `[next] Thanks, that helps. ${next}` };
      },
    });
    const t = candor.t;
    // The second topic takes no follow-up: its answer moves on whatever it says, unjudged.
    const topics = guideFixture().topics.map((topic, i) => (i === 1 ? { ...topic, max_probes: 0 } : topic));
    const { ws, guideId } = await seedWorkspace(t, guideFixture({ topics }));
    ({ id: interviewId } = await invite(t, ws, guideId));
    const { token } = await identify(t, ws);
    await answer(t, interviewId, token, 'd1', VAGUE);
    await answer(
      t,
      interviewId,
      token,
      'd2',
      'Last week the export timed out twice, so finance got the numbers a day late.',
    );
    await answer(t, interviewId, token, 'd3', 'Mostly the permissions screen, it confuses new admins every time.');
    ({ browser, page } = await signedInAsCsm(candor, ws.id));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await candor?.close();
    server.close();
  });

  it('puts each decision and its reason under the interviewer message it shaped', async () => {
    await page.goto(`${candor.origin}/interviews/${interviewId}`);
    const transcript = page.getByRole('region', { name: 'Transcript' });
    const probe = transcript.getByText('Probed: vague answer, reason not reached (1 of 2 probes).');
    await probe.waitFor();
    expect(await transcript.getByText('Moved on: answered.').count()).toBe(1);
    expect(await transcript.getByText(/Judged by the model: vague, intent continue, language en/).count()).toBe(1);
    expect(await transcript.getByText('Moved on: probe cap reached.').count()).toBe(1);
    expect(await transcript.getByText(/Forced by the guide’s bounds: no answer could change it/).count()).toBe(1);
    // The opening has no decision to show.
    expect(await transcript.locator('.decision').count()).toBe(3);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshotPage(page, 'transcript-decisions');
  });
});
