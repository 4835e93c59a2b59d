import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';

describe(`POST /v1/events (${databaseKind})`, () => {
  let t: TestApp;
  let key: string;
  let otherKey: string;
  beforeAll(async () => {
    t = await startTestApp();
    key = (await createTestWorkspace(t, 'Acme')).secret_key;
    otherKey = (await createTestWorkspace(t, 'Globex')).secret_key;
    await t.request('/v1/accounts', {
      method: 'POST',
      token: key,
      json: {
        accounts: [
          { id: 'acct_1', name: 'Initech' },
          { id: 'acct_2', name: 'Umbrella' },
        ],
      },
    });
    await t.request('/v1/contacts', {
      method: 'POST',
      token: key,
      json: {
        contacts: [
          { id: 'u_1', account_id: 'acct_1', email: 'ada@initech.io' },
          { id: 'u_2', account_id: 'acct_2', email: 'bo@umbrella.io' },
        ],
      },
    });
    // Event rules are what stored events are handed to: each decision they record names
    // its event's day, so what they saw can be read back.
    const guides = await readJson(await t.request('/v1/guides', { token: key }));
    const rule = async (name: string, event: string, who: object) =>
      expect(
        (
          await t.request('/v1/triggers', {
            method: 'POST',
            token: key,
            json: {
              name,
              guide_id: guides.guides[0].id,
              when: { type: 'event', event },
              who,
              how: { channel: 'in_app' },
              holdout_percent: 0,
              throttle: { recontact_days: 0 },
            },
          })
        ).status,
      ).toBe(201);
    await rule('Exported', 'report_exported', { type: 'contact' });
    await rule('Seats', 'seat_added', { type: 'account_contacts' });
    await rule('Logins', 'login', { type: 'contact' });
  });
  afterAll(() => t?.close());

  const post = (json: unknown, token = key) => t.request('/v1/events', { method: 'POST', json, token });
  const events = () =>
    t.deps.db
      .selectFrom('events')
      .leftJoin('contacts', 'contacts.id', 'events.contact_id')
      .leftJoin('accounts', 'accounts.id', 'events.account_id')
      .select([
        'events.name',
        'events.properties',
        'events.occurred_at',
        'events.message_id',
        'contacts.external_id as contact',
        'accounts.external_id as account',
      ])
      .orderBy('events.occurred_at')
      .execute();
  /** What the event rules decided, as `rule contact day`, in order. */
  const decisions = async () =>
    (
      await t.deps.db
        .selectFrom('invitations')
        .innerJoin('triggers', 'triggers.id', 'invitations.trigger_id')
        .innerJoin('contacts', 'contacts.id', 'invitations.contact_id')
        .select(['triggers.name', 'contacts.external_id', 'invitations.dedupe_key'])
        .execute()
    )
      .map((d) => `${d.name} ${d.external_id} ${d.dedupe_key?.split(':').at(-1)}`)
      .sort();

  it("stores events, defaulting the account to the contact's and the time to now", async () => {
    const before = Date.now();
    const res = await post({
      events: [
        { event: 'report_exported', contact_id: 'u_1', properties: { format: 'csv' } },
        { event: 'seat_added', account_id: 'acct_2', timestamp: '2026-01-05T10:00:00+02:00' },
      ],
    });
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({ recorded: 2, duplicates: 0, contacts_created: 0 });
    const rows = await events();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ name: 'seat_added', account: 'acct_2', contact: null });
    expect(new Date(rows[0]!.occurred_at).toISOString()).toBe('2026-01-05T08:00:00.000Z');
    expect(rows[1]).toMatchObject({
      name: 'report_exported',
      account: 'acct_1',
      contact: 'u_1',
      properties: { format: 'csv' },
    });
    expect(new Date(rows[1]!.occurred_at).getTime()).toBeGreaterThanOrEqual(before - 1000);
    // Both events reached the rules: each made its decision, on its own day.
    const today = new Date(rows[1]!.occurred_at).toISOString().slice(0, 10);
    expect(await decisions()).toEqual([`Exported u_1 ${today}`, 'Seats u_2 2026-01-05']);
  });

  it('creates a minimal contact for an unknown contact id, on the named account', async () => {
    const res = await post({ events: [{ event: 'login', contact_id: 'u_new', account_id: 'acct_2' }] });
    expect(await readJson(res)).toEqual({ recorded: 1, duplicates: 0, contacts_created: 1 });
    const contact = await readJson(await t.request('/v1/contacts/u_new', { token: key }));
    expect(contact).toMatchObject({ id: 'u_new', account_id: 'acct_2', email: null });
  });

  it('stores a message_id once, across calls and within one batch', async () => {
    // Each repeat carries a day of its own, so a repeat that reached the rules would leave a decision on it.
    const login = (message_id: string, day: string) => ({
      event: 'login',
      contact_id: 'u_1',
      message_id,
      timestamp: `2026-03-${day}T12:00:00Z`,
    });
    const first = await post({ events: [login('m-1', '01'), login('m-1', '02'), login('m-2', '03')] });
    expect(await readJson(first)).toMatchObject({ recorded: 2, duplicates: 1 });
    const again = await post({ events: [login('m-2', '04'), login('m-3', '05')] });
    expect(await readJson(again)).toMatchObject({ recorded: 1, duplicates: 1 });
    const stored = (await events()).filter((e) => e.message_id);
    expect(stored.map((e) => e.message_id)).toEqual(['m-1', 'm-2', 'm-3']);
    // The rules saw only what was new: one decision per stored event, none for a repeat.
    const storedDays = stored.map((e) => `Logins u_1 ${new Date(e.occurred_at).toISOString().slice(0, 10)}`);
    expect(storedDays).toEqual(['Logins u_1 2026-03-01', 'Logins u_1 2026-03-03', 'Logins u_1 2026-03-05']);
    expect((await decisions()).filter((d) => d.startsWith('Logins u_1'))).toEqual(storedDays);
  });

  it('moves last_touch_at forward on csm_touch, never back', async () => {
    const touch = async () =>
      (
        await t.deps.db
          .selectFrom('accounts')
          .select('last_touch_at')
          .where('external_id', '=', 'acct_1')
          .executeTakeFirstOrThrow()
      ).last_touch_at;
    expect(await touch()).toBeNull();
    await post({ events: [{ event: 'csm_touch', account_id: 'acct_1', timestamp: '2026-03-01T12:00:00Z' }] });
    expect(new Date((await touch())!).toISOString()).toBe('2026-03-01T12:00:00.000Z');
    await post({
      events: [
        { event: 'csm_touch', contact_id: 'u_1', timestamp: '2026-02-01T12:00:00Z' },
        { event: 'login', account_id: 'acct_1', timestamp: '2026-04-01T12:00:00Z' },
      ],
    });
    expect(new Date((await touch())!).toISOString()).toBe('2026-03-01T12:00:00.000Z');
    await post({ events: [{ event: 'csm_touch', contact_id: 'u_1', timestamp: '2026-03-02T09:30:00Z' }] });
    expect(new Date((await touch())!).toISOString()).toBe('2026-03-02T09:30:00.000Z');
    const account = await readJson(await t.request('/v1/accounts/acct_1', { token: key }));
    expect(account.last_touch_at).toBe('2026-03-02T09:30:00.000Z');
  });

  it('rejects the batch when an account is unknown, naming the index, and writes nothing', async () => {
    const before = (await events()).length;
    const decided = await decisions();
    const res = await post({
      events: [
        { event: 'login', contact_id: 'u_brand_new' },
        { event: 'login', account_id: 'acct_nope' },
      ],
    });
    expect(res.status).toBe(400);
    const body = await readJson(res);
    expect(body.error.items).toEqual([
      { index: 1, field: 'account_id', message: expect.stringContaining('acct_nope') },
    ]);
    expect((await events()).length).toBe(before);
    expect((await t.request('/v1/contacts/u_brand_new', { token: key })).status).toBe(404);
    expect(await decisions()).toEqual(decided);
  });

  it('answers schema errors with the field path and writes nothing', async () => {
    const before = (await events()).length;
    const noTarget = await readJson(await post({ events: [{ event: 'login' }] }));
    expect(noTarget.error.message).toContain('events.0.contact_id');
    const badTime = await readJson(
      await post({
        events: [
          { event: 'login', contact_id: 'u_1' },
          { event: 'login', contact_id: 'u_1', timestamp: 'yesterday' },
        ],
      }),
    );
    expect(badTime.error.message).toContain('events.1.timestamp');
    const tooMany = await post({ events: Array.from({ length: 1001 }, () => ({ event: 'x', contact_id: 'u_1' })) });
    expect(tooMany.status).toBe(400);
    expect((await readJson(tooMany)).error.message).toMatch(/at most 1000 events/);
    expect((await events()).length).toBe(before);
  });

  it("cannot reach another workspace's accounts or contacts", async () => {
    const res = await post({ events: [{ event: 'login', account_id: 'acct_1' }] }, otherKey);
    expect(res.status).toBe(400);
    const created = await post({ events: [{ event: 'login', contact_id: 'u_1' }] }, otherKey);
    // u_1 is unknown in the other workspace: a new minimal contact there, nothing attached to ours.
    expect(await readJson(created)).toMatchObject({ recorded: 1, contacts_created: 1 });
    expect((await readJson(await t.request('/v1/contacts/u_1', { token: otherKey }))).account_id).toBeNull();
  });

  it('stores a 1,000-event batch with a fixed number of statements', async () => {
    const contacts = Array.from({ length: 50 }, (_, i) => `bulk_u_${i}`);
    const batch = Array.from({ length: 1000 }, (_, i) => ({
      event: i % 10 === 0 ? 'csm_touch' : 'feature_used',
      contact_id: contacts[i % contacts.length],
      account_id: i % 2 ? 'acct_1' : 'acct_2',
      properties: { feature: `f${i % 7}`, n: i },
      message_id: `bulk-${i}`,
    }));
    const started = performance.now();
    const res = await post({ events: batch });
    const ms = performance.now() - started;
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({ recorded: 1000, duplicates: 0, contacts_created: 50 });
    console.info(`[${databaseKind}] 1,000 events in ${ms.toFixed(0)} ms ≈ ${Math.round(1000 / (ms / 1000))} events/s`);
  });
});
