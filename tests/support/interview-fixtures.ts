import { insertGuide } from '@candor/api/guides/guide-store';
import { identityHash } from '@candor/api/widget-auth/identity-proof';
import type { GuideBody } from '@candor/shared';
import { decodeSse } from '@candor/shared/sse';
import { createTestWorkspace, readJson, type TestApp } from './harness';

/** A small guide with known words, so tests can tell scripted replies apart. */
export function guideFixture(overrides: Partial<GuideBody> = {}): GuideBody {
  const topic = (key: string, required = true) => ({
    key,
    question: `What can you tell us about ${key}?`,
    probing: `Ask for a concrete example about ${key}.`,
    follow_up: `Could you say a bit more about ${key}?`,
    required,
  });
  return {
    name: 'Health pulse (test)',
    moment: 'health_pulse',
    objective: 'Learn how the customer gets value and what is in the way.',
    tone: 'warm, curious, concise',
    language_policy: 'respondent',
    opening_message: 'Hi {name}, thanks for taking a few minutes with us.',
    closing_message: 'Thank you, this was really helpful. Have a great day.',
    topics: [topic('value'), topic('friction'), topic('wishes', false)],
    limits: { max_turns: 8, max_minutes: 5 },
    taxonomy: { churn_reasons: [], expansion_kinds: [] },
    ...overrides,
  };
}

/** A workspace with one account (with CSM-only data), one contact and one guide. */
export async function seedWorkspace(t: TestApp, guide: GuideBody = guideFixture()) {
  const ws = await createTestWorkspace(t);
  const account = await t.deps.db
    .insertInto('accounts')
    .values({
      workspace_id: ws.id,
      external_id: 'acme',
      name: 'Acme Corp',
      arr_cents: 12_345_600,
      health_state: 'at_risk',
      attributes: { csm_notes: 'Champion is leaving in March' },
      health_reasons: [],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.deps.db
    .insertInto('contacts')
    .values({
      workspace_id: ws.id,
      account_id: account.id,
      external_id: 'u_42',
      name: 'Ada Lovelace',
      email: 'ada@acme.io',
      attributes: {},
    })
    .execute();
  const guideId = await insertGuide(t.deps.db, { id: ws.id }, guide);
  return { ws, guideId, accountId: account.id };
}

/** Invites through the server API and returns the interview id (and link for email). */
export async function invite(
  t: TestApp,
  ws: { secret_key: string },
  guideId: string,
  channel: 'in_app' | 'email' = 'in_app',
  contactId = 'u_42',
) {
  const res = await t.request('/v1/interviews', {
    method: 'POST',
    token: ws.secret_key,
    json: { contact_id: contactId, guide_id: guideId, channel },
  });
  if (res.status !== 201) throw new Error(`invite failed: ${res.status} ${await res.text()}`);
  return (await readJson(res)) as { id: string; url: string | null };
}

/** Identifies the contact through the widget API (signed with userHash) and returns the widget token and invitation. */
export async function identify(t: TestApp, ws: { publishable_key: string; identity_secret: string }, userId = 'u_42') {
  const res = await t.request('/v1/widget/identify', {
    method: 'POST',
    json: { key: ws.publishable_key, user: { id: userId }, userHash: identityHash(ws.identity_secret, userId) },
  });
  if (res.status !== 200) throw new Error(`identify failed: ${res.status} ${await res.text()}`);
  return readJson(res);
}

export type SseEvent = { event: string; data: unknown };

/** Parses a whole text/event-stream body with the codec the widget uses; every event's data is JSON. */
export function parseSse(body: string): SseEvent[] {
  return decodeSse(body).map((e) => ({ event: e.event, data: JSON.parse(e.data) }));
}

/** Sends one answer and reads the whole streamed reply. */
export async function answer(t: TestApp, interviewId: string, token: string, clientId: string, text: string) {
  const res = await t.request(`/v1/widget/interviews/${interviewId}/messages`, {
    method: 'POST',
    token,
    json: { client_id: clientId, text },
  });
  const body = await res.text();
  if (res.status !== 200)
    return { status: res.status, body, events: [], reply: undefined, deltas: '', done: undefined };
  const events = parseSse(body);
  // Deltas after the last reset are what a client would show.
  const lastReset = events.map((e) => e.event).lastIndexOf('reset');
  const deltas = events
    .slice(lastReset + 1)
    .filter((e) => e.event === 'delta')
    .map((e) => (e.data as { text: string }).text)
    .join('');
  const reply = events.find((e) => e.event === 'message')?.data as
    | { id: string; role: string; text: string }
    | undefined;
  const done = events.find((e) => e.event === 'done')?.data as { status: string } | undefined;
  return { status: res.status, body, events, reply, deltas, done };
}

/** A sentence of at least eight words, so the policy moves on instead of probing. */
export const longAnswer = (about: string) =>
  `We mostly use it for ${about} across three teams and it saves us hours every week.`;
