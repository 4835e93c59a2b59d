import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';
import { waitForJob } from '../support/jobs';
import { recordAnswer } from '../support/signal-fixtures';

describe(`renewal briefs (${databaseKind})`, () => {
  let t: TestApp;
  let ws: { id: string; secret_key: string };
  let other: { secret_key: string };
  const messages = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp();
    ws = await createTestWorkspace(t);
    other = await createTestWorkspace(t, 'Other');
    const db = t.deps.db;
    const acc = await db
      .insertInto('accounts')
      .values({ workspace_id: ws.id, external_id: 'acme', name: 'Acme', attributes: {}, health_reasons: [] })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Two people, what each said, and the signals extraction stored from it.
    const people = [
      {
        name: 'Grace Hopper',
        role: 'champion',
        said: 'The dashboards saved my team hours every week and leadership loves the weekly report.',
        signals: [
          { kind: 'sentiment', value: { polarity: 'positive' }, quote: 'saved my team hours every week' },
          {
            kind: 'expansion_intent',
            value: { kind: 'new_team_use_case', size: 'the finance team', timing: 'next quarter' },
            quote: 'leadership loves the weekly report',
          },
        ],
      },
      {
        name: 'Linus Lee',
        role: 'end user',
        said: 'Exports keep timing out and honestly the price is hard to justify. We really need an API for bulk exports.',
        signals: [
          { kind: 'sentiment', value: { polarity: 'negative' }, quote: 'Exports keep timing out' },
          {
            kind: 'churn_risk',
            value: { level: 'high', reasons: ['performance_reliability', 'price_value'] },
            quote: 'the price is hard to justify',
          },
          {
            kind: 'feature_request',
            value: { summary: 'API for bulk exports' },
            quote: 'We really need an API for bulk exports',
          },
        ],
      },
    ];
    for (const p of people) {
      const contact = await db
        .insertInto('contacts')
        .values({
          workspace_id: ws.id,
          account_id: acc.id,
          external_id: p.name,
          name: p.name,
          role: p.role,
          attributes: {},
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const { messageId } = await recordAnswer(t, ws.id, {
        accountId: acc.id,
        contactId: contact.id,
        text: p.said,
        signals: p.signals,
        moment: 'pre_renewal',
      });
      messages.set(messageId, p.said);
    }
  });
  afterAll(() => t?.close());

  it('says there is no brief before one is generated', async () => {
    const res = await t.request('/v1/accounts/acme/brief', { token: ws.secret_key });
    expect(res.status).toBe(404);
  });

  it('builds every section from signals, each claim citing verbatim words of the message it links to', async () => {
    const res = await t.request('/v1/accounts/acme/brief', { method: 'POST', token: ws.secret_key });
    expect(res.status).toBe(201);
    const brief = await readJson(res);
    expect(brief).toMatchObject({ version: 1, status: 'ready', mode: 'rules' });
    const headings = brief.content.sections.map((s: { heading: string }) => s.heading);
    expect(headings).toEqual([
      'Value perception',
      'Friction',
      'Stakeholders',
      'Risks',
      'Open asks and feature requests',
      'Talking points for the renewal call',
    ]);
    const items = brief.content.sections.flatMap((s: { items: object[] }) => s.items);
    for (const item of items) {
      expect(item.quote).toBeTruthy();
      expect(messages.get(item.message_id)).toContain(item.quote);
    }
    const text = (heading: string) =>
      brief.content.sections
        .find((s: { heading: string }) => s.heading === heading)
        .items.map((i: { text: string }) => i.text)
        .join('\n');
    expect(text('Stakeholders')).toMatch(/champion is positive but end users are not/);
    expect(text('Friction')).toMatch(/Performance \/ reliability/);
    expect(text('Open asks and feature requests')).toMatch(/API for bulk exports/);
    expect(text('Value perception')).toMatch(/Grace Hopper \(champion\) sees value/);
  });

  it('keeps versions and reads the newest', async () => {
    const second = await readJson(await t.request('/v1/accounts/acme/brief', { method: 'POST', token: ws.secret_key }));
    expect(second.version).toBe(2);
    const latest = await readJson(await t.request('/v1/accounts/acme/brief', { token: ws.secret_key }));
    expect(latest.id).toBe(second.id);
  });

  it('generates briefs on its own for accounts renewing within 60 days', async () => {
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    for (const [id, renewal] of [
      ['soon', day(45)],
      ['later', day(200)],
    ] as const)
      await t.deps.db
        .insertInto('accounts')
        .values({
          workspace_id: ws.id,
          external_id: id,
          name: id,
          renewal_date: renewal,
          attributes: {},
          health_reasons: [],
        })
        .execute();
    const job = await t.deps.jobs.send('renewal-briefs', {});
    await waitForJob(t, job!);
    expect((await t.request('/v1/accounts/soon/brief', { token: ws.secret_key })).status).toBe(200);
    expect((await t.request('/v1/accounts/later/brief', { token: ws.secret_key })).status).toBe(404);
  });

  it("does not show another workspace's brief", async () => {
    expect((await t.request('/v1/accounts/acme/brief', { token: other.secret_key })).status).toBe(404);
    expect((await t.request('/v1/accounts/acme/brief', { method: 'POST', token: other.secret_key })).status).toBe(404);
  });
});
