import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleCall, signIn } from '../support/console-session';
import { databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';
import { answer, identify, invite, seedWorkspace } from '../support/interview-fixtures';

const HANDOFF = "Honestly I'd rather talk to a real person about this.";

describe(`the review queue in the console (${databaseKind})`, () => {
  let t: TestApp;
  let seeded: Awaited<ReturnType<typeof seedWorkspace>>;
  let interviewId: string;
  let carol: ReturnType<typeof consoleCall>;
  let dan: ReturnType<typeof consoleCall>;
  let danId: string;
  let stranger: ReturnType<typeof consoleCall>;

  beforeAll(async () => {
    t = await startTestApp();
    t.deps.now = () => new Date('2026-12-06T15:00:00Z');
    seeded = await seedWorkspace(t);
    await t.deps.db
      .updateTable('accounts')
      .set({ owner_email: 'carol@vendor.io' })
      .where('id', '=', seeded.accountId)
      .execute();
    carol = consoleCall(t, (await signIn(t, seeded.ws.id, 'carol@vendor.io', 'csm')).cookie);
    const d = await signIn(t, seeded.ws.id, 'dan@vendor.io', 'csm');
    dan = consoleCall(t, d.cookie);
    danId = d.memberId;
    const other = await seedWorkspace(t);
    stranger = consoleCall(t, (await signIn(t, other.ws.id, 'eve@other.io', 'admin')).cookie);
    // A customer asks for a person in a real interview: the queue gets its item.
    interviewId = (await invite(t, seeded.ws, seeded.guideId)).id;
    const { token } = await identify(t, seeded.ws);
    await t.request(`/v1/widget/interviews/${interviewId}/start`, { method: 'POST', token });
    await answer(t, interviewId, token, 'h1', HANDOFF);
  }, 120_000);
  afterAll(() => t?.close());

  const list = async (call: ReturnType<typeof consoleCall>, q: string) =>
    (await readJson(await call('GET', `/review-items${q}`))).items;

  it('lists the item with the reason in words, the customer quote and the transcript to open', async () => {
    const mine = await list(carol, '?scope=mine');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      account: { id: seeded.accountId, name: 'Acme Corp' },
      kind: 'handoff',
      kind_label: 'Hand-off',
      reason: 'Asked to talk to a person',
      quote: HANDOFF,
      interview_id: interviewId,
      assigned_to_me: true,
      assignee: { email: 'carol@vendor.io' },
    });
    expect(mine[0].message_id).toEqual(expect.any(String));
    expect(JSON.stringify(mine)).not.toContain('wants_human');
    expect(await list(carol, `?account_id=${seeded.accountId}`)).toHaveLength(1);
    // Not Dan's, and another workspace sees nothing of it.
    expect(await list(dan, '?scope=mine')).toEqual([]);
    expect(await list(stranger, '')).toEqual([]);
  });

  it('validates what it is asked, and answers 404 for an item of another workspace', async () => {
    const [item] = await list(carol, '?scope=mine');
    const bad = async (body: unknown) => {
      const res = await carol('POST', `/review-items/${item.id}/actions`, body);
      expect(res.status).toBe(400);
      return (await readJson(res)).error;
    };
    expect((await bad({ action: 'snooze' })).message).toMatch(/until/);
    expect((await bad({ action: 'snooze', until: 'next week' })).message).toMatch(/until/);
    expect((await bad({ action: 'snooze', until: '2026-12-01' })).message).toBe('until: pick a day after today');
    expect((await bad({ action: 'reassign', member_id: 'dan' })).message).toMatch(/member_id/);
    expect((await bad({ action: 'archive' })).code).toBe('invalid_request');
    expect((await bad({ action: 'done', extra: 1 })).code).toBe('invalid_request');
    expect((await stranger('POST', `/review-items/${item.id}/actions`, { action: 'done' })).status).toBe(404);
    expect((await carol('GET', '/review-items?account_id=nope')).status).toBe(400);
    expect(await list(carol, '?scope=mine')).toHaveLength(1);
  });

  it('reassigns to a colleague, snoozes until a date, and marks done, each audited', async () => {
    const [item] = await list(carol, '?scope=mine');
    const assignees = (await readJson(await carol('GET', '/review-items/assignees'))).members;
    expect(assignees.map((m: { email: string }) => m.email)).toEqual(['carol@vendor.io', 'dan@vendor.io']);

    expect(
      (await carol('POST', `/review-items/${item.id}/actions`, { action: 'reassign', member_id: danId })).status,
    ).toBe(204);
    expect(await list(carol, '?scope=mine')).toEqual([]);
    const dans = await list(dan, '?scope=mine');
    expect(dans).toMatchObject([{ id: item.id, assigned_to_me: true, assignee: { email: 'dan@vendor.io' } }]);

    expect(
      (await dan('POST', `/review-items/${item.id}/actions`, { action: 'snooze', until: '2026-12-09' })).status,
    ).toBe(204);
    expect(await list(dan, '?scope=mine')).toEqual([]);
    const row = await t.deps.db
      .selectFrom('review_items')
      .select(['status', 'snoozed_until'])
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('snoozed');
    // 08:00 on that day where the workspace is (UTC here).
    expect(row.snoozed_until?.toISOString()).toBe('2026-12-09T08:00:00.000Z');
    // On the day, it is back.
    t.deps.now = () => new Date('2026-12-09T09:00:00Z');
    expect(await list(dan, '?scope=mine')).toHaveLength(1);

    expect((await dan('POST', `/review-items/${item.id}/actions`, { action: 'done' })).status).toBe(204);
    expect(await list(dan, `?account_id=${seeded.accountId}`)).toEqual([]);
    const api = await readJson(await t.request('/v1/review-items?status=done', { token: seeded.ws.secret_key }));
    expect(api.items.map((i: { id: string }) => i.id)).toEqual([item.id]);

    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'target'])
      .where('workspace_id', '=', seeded.ws.id)
      .where('action', 'like', 'review_item.%')
      .orderBy('created_at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['review_item.reassign', 'review_item.snooze', 'review_item.done']);
    expect(new Set(audit.map((a) => a.target))).toEqual(new Set([item.id]));
  });
});
