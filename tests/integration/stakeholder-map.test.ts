import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/console-session';
import { createTestWorkspace, databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';
import { recordAnswer } from '../support/signal-fixtures';

describe(`stakeholder map in the renewal brief (${databaseKind})`, () => {
  let t: TestApp;
  let ws: { id: string; secret_key: string };
  let globexId: string;

  beforeAll(async () => {
    t = await startTestApp();
    ws = await createTestWorkspace(t);
    const db = t.deps.db;
    const acc = await db
      .insertInto('accounts')
      .values({ workspace_id: ws.id, external_id: 'globex', name: 'Globex', attributes: {}, health_reasons: [] })
      .returning('id')
      .executeTakeFirstOrThrow();
    globexId = acc.id;
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
      'Tom (champion) — champion; left last month — re-establish the relationship; mentioned by Ana Ruiz (admin)',
    );
    expect(tom[0]?.quote).toBe('Our champion Tom left last month.');
    expect(maria[0]?.text).toBe('Maria (vp of sales) — economic buyer; mentioned by Ana Ruiz (admin)');
    // The change leads the section: it is what the CSM must act on first.
    expect(items[0]?.text.startsWith('Tom')).toBe(true);
  });

  it('shows everyone on the console account page: who answered, who they named, their part and what changed', async () => {
    const db = t.deps.db;
    const { cookie } = await signIn(t, ws.id, 'csm@vendor.test', 'csm');
    const detail = async (id: string) => {
      const res = await t.request(`/console/api/accounts/${id}`, { headers: { cookie } });
      expect(res.status).toBe(200);
      return (await readJson(res)).stakeholders;
    };
    const globex = await detail(globexId);
    expect(globex).toEqual([
      {
        name: 'Tom',
        role: 'champion',
        part: 'champion',
        change: 'left last month',
        answered: false,
        mentioned_by: ['Ana Ruiz (admin)'],
        evidence: expect.objectContaining({ quote: 'Our champion Tom left last month.' }),
      },
      {
        name: 'Maria',
        role: 'vp of sales',
        part: 'economic_buyer',
        change: null,
        answered: false,
        mentioned_by: ['Ana Ruiz (admin)'],
        // The newest of her two mentions.
        evidence: expect.objectContaining({ quote: 'Maria, our VP of Sales, still wants the weekly report.' }),
      },
      {
        name: 'Ana Ruiz',
        role: 'admin',
        part: null,
        change: null,
        answered: true,
        mentioned_by: [],
        evidence: null,
      },
    ]);

    // A newcomer, and a respondent someone else names by first name: one entry each.
    const initech = await db
      .insertInto('accounts')
      .values({ workspace_id: ws.id, external_id: 'initech', name: 'Initech', attributes: {}, health_reasons: [] })
      .returning('id')
      .executeTakeFirstOrThrow();
    const people = await db
      .insertInto('contacts')
      .values(
        [
          ['bill', 'Bill Lumbergh', 'champion'],
          ['milton', 'Milton Waddams', 'end user'],
        ].map(([external_id, name, role]) => ({
          workspace_id: ws.id,
          account_id: initech.id,
          external_id: external_id!,
          name: name!,
          role: role!,
          attributes: {},
        })),
      )
      .returning(['id', 'external_id'])
      .execute();
    const id = (x: string) => people.find((p) => p.external_id === x)!.id;
    await recordAnswer(t, ws.id, {
      accountId: initech.id,
      contactId: id('milton'),
      text: 'Our new CFO, Henrik, is reviewing every tool. Our champion, Bill, still fights for it.',
      signals: [
        {
          kind: 'stakeholder',
          value: { name: 'Henrik', role: 'cfo', champion_change: true },
          quote: 'Our new CFO, Henrik, is reviewing every tool.',
        },
        {
          kind: 'stakeholder',
          value: { name: 'Bill', role: 'champion', champion_change: false },
          quote: 'Our champion, Bill, still fights for it.',
        },
      ],
    });
    await recordAnswer(t, ws.id, { accountId: initech.id, contactId: id('bill'), text: 'Fine.', signals: [] });
    const named = await detail(initech.id);
    expect(
      named.map((p: { name: string; part: string | null; change: string | null; answered: boolean }) => [
        p.name,
        p.part,
        p.change,
        p.answered,
      ]),
    ).toEqual([
      ['Henrik', 'economic_buyer', 'new CFO', false],
      ['Bill Lumbergh', 'champion', null, true],
      ['Milton Waddams', null, null, true],
    ]);
    expect(named[1].mentioned_by).toEqual(['Milton Waddams (end user)']);

    // Another workspace's member sees none of it.
    const stranger = await createTestWorkspace(t, 'Stranger');
    const theirs = await signIn(t, stranger.id, 'csm@stranger.test', 'csm');
    const res = await t.request(`/console/api/accounts/${globexId}`, { headers: { cookie: theirs.cookie } });
    expect(res.status).toBe(404);
  });
});
