import { tenant } from '@candor/api/db/tenant';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleCall, signIn } from '../support/console-session';
import { readJson, startTestApp, type TestApp } from '../support/harness';
import { answer, identify, invite, longAnswer, seedWorkspace } from '../support/interview-fixtures';
import { waitForJob } from '../support/jobs';

/** Waits until the queue has finished every extraction job queued so far. */
async function extractionsSettled(t: TestApp) {
  const { rows } = await sql<{ id: string }>`select id from pgboss.job where name = 'extract-interview'`.execute(
    t.deps.db,
  );
  for (const r of rows) await waitForJob(t, r.id);
  return rows.length;
}

describe('guide previews stay out of the numbers', () => {
  let t: TestApp;
  let seeded: Awaited<ReturnType<typeof seedWorkspace>>;
  let admin: ReturnType<typeof consoleCall>;
  let previewId: string;
  let realId: string;

  beforeAll(async () => {
    t = await startTestApp();
    seeded = await seedWorkspace(t);
    admin = consoleCall(t, (await signIn(t, seeded.ws.id, 'admin@preview.example', 'admin')).cookie);
    // A webhook receiver that would hear about completed interviews.
    await tenant(t.deps.db, seeded.ws)
      .insertInto('webhook_endpoints')
      .values({ url: 'https://hooks.example.com/x', secret: 'whsec_x', event_types: ['interview.completed'] })
      .execute();

    // One real interview and one preview of the same guide, both answered to the end.
    const real = await invite(t, seeded.ws, seeded.guideId);
    realId = real.id;
    const { token } = await identify(t, seeded.ws);
    await t.request(`/v1/widget/interviews/${realId}/start`, { method: 'POST', token });
    for (const [i, about] of ['the price went up and it is too expensive', 'slow exports', 'a mobile app'].entries())
      await answer(t, realId, token, `r${i}`, longAnswer(about));

    const preview = await readJson(await admin('POST', `/guides/${seeded.guideId}/preview`));
    previewId = preview.interview_id;
    await t.request(`/v1/widget/interviews/${previewId}/start`, { method: 'POST', token: preview.token });
    for (const [i, about] of ['the price went up and it is too expensive', 'slow exports', 'a mobile app'].entries())
      await answer(t, previewId, preview.token, `p${i}`, longAnswer(about));
    expect(await extractionsSettled(t)).toBe(2);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  const statusOf = async (id: string) =>
    (await t.deps.db.selectFrom('interviews').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

  it('completes the preview like a real interview but extracts nothing and notifies no one', async () => {
    expect(await statusOf(previewId)).toBe('completed');
    expect(await statusOf(realId)).toBe('completed');
    const signals = (id: string) =>
      t.deps.db.selectFrom('signals').select('kind').where('interview_id', '=', id).execute();
    expect((await signals(realId)).length).toBeGreaterThan(0);
    expect(await signals(previewId)).toEqual([]);
    const deliveries = await t.deps.db
      .selectFrom('webhook_deliveries')
      .select('payload')
      .where('workspace_id', '=', seeded.ws.id)
      .execute();
    expect(deliveries.map((d) => (d.payload as { data: { interview_id: string } }).data.interview_id)).toEqual([
      realId,
    ]);
  });

  it('leaves previews out of the KPIs, the interview list and the guide counts', async () => {
    const home = await readJson(await admin('GET', '/home'));
    expect(home.kpis).toMatchObject({ invited_30d: 1, started_30d: 1, completed_30d: 1, interviews_this_week: 1 });
    const list = await readJson(await admin('GET', '/interviews'));
    expect(list.total).toBe(1);
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([realId]);
    const completed = await readJson(await admin('GET', '/interviews?status=completed'));
    expect(completed.total).toBe(1);
    const guides = await readJson(await admin('GET', '/guides'));
    expect(guides.items.find((g: { id: string }) => g.id === seeded.guideId).interviews).toBe(1);
    // Nor does the server API list them.
    const listed = await readJson(await t.request('/v1/interviews', { token: seeded.ws.secret_key }));
    expect(listed.data.map((i: { id: string }) => i.id)).toEqual([realId]);
    // The transcript itself still opens from the guide editor's link.
    expect((await admin('GET', `/interviews/${previewId}`)).status).toBe(200);
  });

  it('leaves signals from earlier previews out of insights', async () => {
    const before = await readJson(await admin('GET', '/insights'));
    const preview = await t.deps.db
      .selectFrom('interviews')
      .innerJoin('messages', 'messages.interview_id', 'interviews.id')
      .select(['interviews.contact_id', 'messages.id as message_id'])
      .where('interviews.id', '=', previewId)
      .where('messages.role', '=', 'customer')
      .executeTakeFirstOrThrow();
    // What extraction wrote for previews before it learnt to skip them.
    await tenant(t.deps.db, seeded.ws)
      .insertInto('signals')
      .values({
        interview_id: previewId,
        contact_id: preview.contact_id,
        kind: 'feature_request',
        value: { summary: 'Preview-only request' },
        quote: 'a mobile app',
        message_id: preview.message_id,
        source: 'rules',
      })
      .execute();
    const after = await readJson(await admin('GET', '/insights'));
    expect(after).toEqual(before);
    expect(JSON.stringify(after)).not.toContain('Preview-only request');
  });
});
