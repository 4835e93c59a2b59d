import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';
import { recordAnswer } from '../support/signal-fixtures';

describe(`stakeholder map in the renewal brief (${databaseKind})`, () => {
  let t: TestApp;
  let ws: { id: string; secret_key: string };

  beforeAll(async () => {
    t = await startTestApp();
    ws = await createTestWorkspace(t);
    const db = t.deps.db;
    const acc = await db
      .insertInto('accounts')
      .values({ workspace_id: ws.id, external_id: 'globex', name: 'Globex', attributes: {}, health_reasons: [] })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ana = await db
      .insertInto('contacts')
      .values({
        workspace_id: ws.id,
        account_id: acc.id,
        external_id: 'ana',
        name: 'Ana Ruiz',
        role: 'admin',
        attributes: {},
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Ana answered; Tom and Maria never did: they exist only in what she said.
    await recordAnswer(t, ws.id, {
      accountId: acc.id,
      contactId: ana.id,
      text: 'Our champion Tom left last month. Our VP of Sales, Maria, signs off on the renewal.',
      signals: [
        {
          kind: 'stakeholder',
          value: { name: 'Tom', role: 'champion', champion_change: true },
          quote: 'Our champion Tom left last month.',
        },
        {
          kind: 'stakeholder',
          value: { name: 'Maria', role: 'vp of sales', champion_change: false },
          quote: 'Our VP of Sales, Maria, signs off on the renewal.',
        },
      ],
    });
    await recordAnswer(t, ws.id, {
      accountId: acc.id,
      contactId: ana.id,
      text: 'Maria, our VP of Sales, still wants the weekly report.',
      signals: [
        {
          kind: 'stakeholder',
          value: { name: 'Maria', role: 'vp of sales', champion_change: false },
          quote: 'Maria, our VP of Sales, still wants the weekly report.',
        },
      ],
    });
  });
  afterAll(() => t?.close());

  it('lists every person mentioned once, with role, part in the deal and change, citing the words', async () => {
    const res = await t.request('/v1/accounts/globex/brief', { method: 'POST', token: ws.secret_key });
    expect(res.status).toBe(201);
    const brief = await readJson(res);
    const items: { text: string; quote: string }[] = brief.content.sections.find(
      (s: { heading: string }) => s.heading === 'Stakeholders',
    ).items;
    const tom = items.filter((i) => i.text.startsWith('Tom'));
    const maria = items.filter((i) => i.text.startsWith('Maria'));
    expect(tom).toHaveLength(1);
    expect(maria).toHaveLength(1);
    expect(tom[0]?.text).toBe(
      'Tom (champion) — champion; left or changed — re-establish the relationship; mentioned by Ana Ruiz (admin)',
    );
    expect(tom[0]?.quote).toBe('Our champion Tom left last month.');
    expect(maria[0]?.text).toBe('Maria (vp of sales) — economic buyer; mentioned by Ana Ruiz (admin)');
    // The change leads the section: it is what the CSM must act on first.
    expect(items[0]?.text.startsWith('Tom')).toBe(true);
  });
});
