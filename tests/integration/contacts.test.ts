import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';

describe(`POST /v1/contacts and GET /v1/contacts/{id} (${databaseKind})`, () => {
  let t: TestApp;
  let key: string;
  let otherKey: string;
  beforeAll(async () => {
    t = await startTestApp();
    key = (await createTestWorkspace(t, 'Acme')).secret_key;
    otherKey = (await createTestWorkspace(t, 'Globex')).secret_key;
    const res = await t.request('/v1/accounts', {
      method: 'POST',
      token: key,
      json: {
        accounts: [
          { id: 'acct_1', name: 'Initech' },
          { id: 'acct_2', name: 'Umbrella' },
        ],
      },
    });
    expect(res.status).toBe(200);
  });
  afterAll(() => t?.close());

  const post = (json: unknown, token = key) => t.request('/v1/contacts', { method: 'POST', json, token });
  const get = (id: string, token = key) => t.request(`/v1/contacts/${encodeURIComponent(id)}`, { token });
  const countContacts = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('contacts')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('creates contacts linked to their account by external id', async () => {
    const res = await post({
      contacts: [
        {
          id: 'u_1',
          account_id: 'acct_1',
          email: 'ada@initech.io',
          name: 'Ada',
          role: 'champion',
          timezone: 'europe/paris',
          locale: 'fr-CA',
          attributes: { seat: 'admin' },
        },
        { id: 'u_2', account_id: 'acct_2' },
      ],
    });
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({
      created: 2,
      updated: 0,
      contacts: [
        { id: 'u_1', status: 'created' },
        { id: 'u_2', status: 'created' },
      ],
    });
    expect(await readJson(await get('u_1'))).toMatchObject({
      id: 'u_1',
      account_id: 'acct_1',
      email: 'ada@initech.io',
      name: 'Ada',
      role: 'champion',
      timezone: 'Europe/Paris',
      locale: 'fr-CA',
      attributes: { seat: 'admin' },
      opted_out: false,
    });
  });

  it('moves a contact to another account and keeps omitted fields', async () => {
    const res = await post({ contacts: [{ id: 'u_1', account_id: 'acct_2', attributes: { plan: 'pro' } }] });
    expect(await readJson(res)).toMatchObject({ created: 0, updated: 1 });
    expect(await readJson(await get('u_1'))).toMatchObject({
      account_id: 'acct_2',
      email: 'ada@initech.io',
      attributes: { seat: 'admin', plan: 'pro' },
    });
  });

  it('rejects the whole batch with per-item errors and indexes when an account is unknown', async () => {
    const before = await countContacts();
    const res = await post({
      contacts: [
        { id: 'u_3', account_id: 'acct_1' },
        { id: 'u_4', account_id: 'acct_missing' },
        { id: 'u_5', account_id: 'acct_1' },
        { id: 'u_6', account_id: 'acct_gone' },
      ],
    });
    expect(res.status).toBe(400);
    const body = await readJson(res);
    expect(body.error.code).toBe('invalid_items');
    expect(body.error.items).toEqual([
      { index: 1, field: 'account_id', message: expect.stringContaining('acct_missing') },
      { index: 3, field: 'account_id', message: expect.stringContaining('acct_gone') },
    ]);
    expect(await countContacts()).toBe(before);
    expect((await get('u_3')).status).toBe(404);
  });

  it('answers schema errors with the field path and writes nothing', async () => {
    const before = await countContacts();
    const badEmail = await readJson(await post({ contacts: [{ id: 'u_7', account_id: 'acct_1', email: 'nope' }] }));
    expect(badEmail.error.message).toContain('contacts.0.email');
    const badZone = await readJson(
      await post({
        contacts: [
          { id: 'u_7', account_id: 'acct_1' },
          { id: 'u_8', account_id: 'acct_1', timezone: 'Mars/Olympus' },
        ],
      }),
    );
    expect(badZone.error.message).toContain('contacts.1.timezone');
    const missing = await readJson(await post({ contacts: [{ id: 'u_9' }] }));
    expect(missing.error.message).toContain('contacts.0.account_id');
    const empty = await post({ contacts: [] });
    expect(empty.status).toBe(400);
    expect(await countContacts()).toBe(before);
  });

  it('refuses more than 1,000 contacts', async () => {
    const contacts = Array.from({ length: 1001 }, (_, i) => ({ id: `c_${i}`, account_id: 'acct_1' }));
    const res = await post({ contacts });
    expect(res.status).toBe(400);
    expect((await readJson(res)).error.message).toMatch(/at most 1000 contacts/);
  });

  it('answers 401 without a valid key', async () => {
    expect((await post({ contacts: [{ id: 'x', account_id: 'acct_1' }] }, 'sk_wrong')).status).toBe(401);
    expect((await t.request('/v1/contacts/u_1')).status).toBe(401);
  });

  it("never shows another workspace's contact, and their account ids don't resolve", async () => {
    expect((await get('u_1', otherKey)).status).toBe(404);
    const res = await post({ contacts: [{ id: 'u_1', account_id: 'acct_1' }] }, otherKey);
    expect(res.status).toBe(400);
    expect((await readJson(res)).error.items[0]).toMatchObject({ index: 0, field: 'account_id' });
    expect((await readJson(await get('u_1'))).account_id).toBe('acct_2');
  });
});
