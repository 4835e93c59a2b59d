import { fixedLines } from '@candor/api/interviews/fixed-lines';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readJson, startTestApp, type TestApp } from '../support/harness';
import { answer, guideFixture, identify, invite, longAnswer, seedWorkspace } from '../support/interview-fixtures';

describe('interview limits, handoff and opt-out', () => {
  let t: TestApp;
  const realNow = () => new Date();
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterEach(() => {
    t.deps.now = realNow;
  });
  afterAll(async () => {
    await t?.close();
  });

  async function begin(guide = guideFixture()) {
    const seeded = await seedWorkspace(t, guide);
    const { id } = await invite(t, seeded.ws, seeded.guideId);
    const { token } = await identify(t, seeded.ws);
    await t.request(`/v1/widget/interviews/${id}/start`, { method: 'POST', token });
    return { ...seeded, id, token, guide };
  }

  it('closes at max_turns even with topics left, and takes no more answers', async () => {
    const { id, token, guide } = await begin(guideFixture({ limits: { max_turns: 2, max_minutes: 5 } }));
    // A short answer uses a turn on the follow-up, so the required second topic is never reached.
    expect((await answer(t, id, token, 'm1', 'It is fine.')).reply?.text).toBe(guide.topics[0]?.follow_up);
    const last = await answer(t, id, token, 'm2', longAnswer('value'));
    expect(last.reply?.text).toBe(guide.closing_message);
    expect(last.done).toEqual({ status: 'completed' });
    expect((await answer(t, id, token, 'm3', longAnswer('more'))).status).toBe(409);
  });

  it('closes when max_minutes have passed since the start', async () => {
    const { id, token, guide } = await begin();
    await answer(t, id, token, 't1', longAnswer('value'));
    const later = Date.now() + 6 * 60_000;
    t.deps.now = () => new Date(later);
    const r = await answer(t, id, token, 't2', longAnswer('friction'));
    expect(r.reply?.text).toBe(guide.closing_message);
    expect(r.done).toEqual({ status: 'completed' });
  });

  it('hands off to a person: acknowledges, closes, and queues the account for review', async () => {
    const { id, token, ws, accountId } = await begin();
    const r = await answer(t, id, token, 'h1', "Honestly I'd rather talk to a real person about this.");
    expect(r.reply?.text).toBe(fixedLines.en.handoff);
    expect(r.done).toEqual({ status: 'completed' });
    const items = await t.deps.db.selectFrom('review_items').selectAll().where('workspace_id', '=', ws.id).execute();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      account_id: accountId,
      kind: 'handoff',
      reason: 'Asked to talk to a person',
      status: 'open',
    });
    expect(items[0]?.evidence).toEqual([expect.objectContaining({ interview_id: id })]);
  });

  it('stops politely on "stop" and never asks about that moment again', async () => {
    const { id, token, ws, guideId } = await begin();
    const r = await answer(t, id, token, 's1', 'stop');
    expect(r.reply?.text).toBe(fixedLines.en.opt_out);
    expect(r.done).toEqual({ status: 'declined' });
    const again = await t.request('/v1/interviews', {
      method: 'POST',
      token: ws.secret_key,
      json: { contact_id: 'u_42', guide_id: guideId, channel: 'email' },
    });
    expect(again.status).toBe(409);
    expect((await readJson(again)).error.code).toBe('opted_out');
  });

  it('declines through the endpoint; only "forever" blocks the moment', async () => {
    const { id, token, ws, guideId } = await begin();
    const once = await t.request(`/v1/widget/interviews/${id}/decline`, { method: 'POST', token });
    expect(await readJson(once)).toEqual({ id, status: 'declined' });
    const second = await invite(t, ws, guideId);
    const forever = await t.request(`/v1/widget/interviews/${second.id}/decline`, {
      method: 'POST',
      token,
      json: { forever: true },
    });
    expect((await readJson(forever)).status).toBe('declined');
    const third = await t.request('/v1/interviews', {
      method: 'POST',
      token: ws.secret_key,
      json: { contact_id: 'u_42', guide_id: guideId, channel: 'in_app' },
    });
    expect(third.status).toBe(409);
    // Answers are refused once declined.
    expect((await answer(t, second.id, token, 'd1', longAnswer('anything'))).status).toBe(409);
  });

  it('does not start an invitation that has expired', async () => {
    const seeded = await seedWorkspace(t);
    t.deps.now = () => new Date(Date.now() - 15 * 86_400_000);
    const { id } = await invite(t, seeded.ws, seeded.guideId);
    t.deps.now = realNow;
    const { token, invitation } = await identify(t, seeded.ws);
    expect(invitation).toBeNull();
    const res = await t.request(`/v1/widget/interviews/${id}/start`, { method: 'POST', token });
    expect(res.status).toBe(410);
    const view = await readJson(await t.request(`/v1/widget/interviews/${id}`, { token }));
    expect(view).toMatchObject({ status: 'expired', messages: [] });
  });
});
