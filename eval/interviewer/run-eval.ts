import { randomBytes } from 'node:crypto';
import type { Config } from '@candor/api/config';
import type { GuideBody } from '@candor/shared';
import { benchRateLimits } from '../../bench/support/bench-rate-limits';
import { createTestWorkspace, readJson, startTestApp, type TestApp } from '../../tests/support/harness';
import {
  type Conversation,
  type EvalWorkspace,
  type PlayedInterview,
  playInterview,
  readConversation,
} from './conversation';
import type { SimulatedCustomer } from './customer';
import { type StubBehaviour, startInterviewerStub } from './interviewer-stub';
import { ModelCustomer } from './model-customer';
import type { PersonaCard } from './persona-card';
import { type PersonaScore, scoreConversation } from './scorecard';
import { ScriptedCustomer } from './scripted-customer';

/** Who answers as the interviewer: the app's scripted mode, the stub model, or a real model. */
export type InterviewerSide =
  | { kind: 'scripted' }
  | { kind: 'stub'; behaviour: StubBehaviour }
  | { kind: 'model'; apiKey: string | undefined; baseUrl: string | undefined; model: string; synthesisModel: string };

/** Who plays the customer: the persona's script, or a model reading its card. */
export type CustomerSide = { kind: 'scripted' } | { kind: 'model'; config: Config };

export type EvalOptions = {
  interviewer: InterviewerSide;
  customer: CustomerSide;
  personas: readonly PersonaCard[];
  /** Guides to use instead of the workspace's built-in ones, by moment (tests pin small guides). */
  guides?: Partial<Record<PersonaCard['moment'], GuideBody>>;
  /** Answers after which the eval stops a conversation that has not ended (default 14). */
  maxAnswers?: number;
};

export type EvalResult = { scores: PersonaScore[]; conversations: Conversation[] };

/**
 * Runs every persona through the real app on a fresh database (embedded, or the Postgres
 * named by TEST_DATABASE_URL) with the chosen interviewer, and scores each conversation.
 */
export async function runInterviewerEval(options: EvalOptions): Promise<EvalResult> {
  const stub =
    options.interviewer.kind === 'stub' ? await startInterviewerStub(options.interviewer.behaviour) : undefined;
  let t: TestApp | undefined;
  try {
    t = await startTestApp({ ...appModelEnv(options.interviewer, stub?.url), CANDOR_RATE_LIMITS: benchRateLimits });
    const ws: EvalWorkspace = await createTestWorkspace(t, 'Interviewer eval');
    const guideIds = await guidesByMoment(t, ws, options.guides ?? {});
    const run = randomBytes(3).toString('hex');
    const played: PlayedInterview[] = [];
    for (const card of options.personas) {
      const guideId = guideIds.get(card.moment);
      if (!guideId) throw new Error(`no guide for the moment ${card.moment}`);
      played.push(
        await playInterview(t, ws, card, customerFor(options.customer, card), {
          guideId,
          run,
          maxAnswers: options.maxAnswers ?? 14,
        }),
      );
    }
    // Extractions run in the background while later personas talk; read them all at the end.
    const conversations: Conversation[] = [];
    for (const p of played) conversations.push(await readConversation(t, ws, p));
    return { scores: conversations.map(scoreConversation), conversations };
  } finally {
    await t?.close();
    await stub?.close();
  }
}

/** The app's model configuration for the interviewer side; none at all means scripted mode. */
function appModelEnv(side: InterviewerSide, stubUrl: string | undefined): Record<string, string> {
  switch (side.kind) {
    case 'scripted':
      return {};
    case 'stub':
      return {
        OPENAI_API_KEY: 'stub',
        OPENAI_BASE_URL: stubUrl ?? '',
        CANDOR_INTERVIEW_MODEL: `interviewer-stub-${side.behaviour}`,
        CANDOR_SYNTHESIS_MODEL: 'extraction-stub',
      };
    case 'model':
      return {
        ...(side.apiKey ? { OPENAI_API_KEY: side.apiKey } : {}),
        ...(side.baseUrl ? { OPENAI_BASE_URL: side.baseUrl } : {}),
        CANDOR_INTERVIEW_MODEL: side.model,
        CANDOR_SYNTHESIS_MODEL: side.synthesisModel,
      };
  }
}

function customerFor(side: CustomerSide, card: PersonaCard): SimulatedCustomer {
  return side.kind === 'model' ? new ModelCustomer(card, side.config) : new ScriptedCustomer(card);
}

/** The guide each moment is interviewed with: a given body (created through the API) or the built-in one. */
async function guidesByMoment(
  t: TestApp,
  ws: EvalWorkspace,
  custom: Partial<Record<PersonaCard['moment'], GuideBody>>,
): Promise<Map<string, string>> {
  const listed = await readJson(await t.request('/v1/guides', { token: ws.secret_key }));
  const ids = new Map<string, string>();
  for (const g of listed.guides as { id: string; moment: string }[]) if (!ids.has(g.moment)) ids.set(g.moment, g.id);
  for (const [moment, body] of Object.entries(custom)) {
    const res = await t.request('/v1/guides', { method: 'POST', token: ws.secret_key, json: body });
    if (res.status !== 201) throw new Error(`guide for ${moment} refused: ${res.status} ${await res.text()}`);
    ids.set(moment, (await readJson(res)).id);
  }
  return ids;
}
