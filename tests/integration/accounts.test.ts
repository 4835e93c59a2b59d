import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';

describe(`POST /v1/accounts and GET /v1/accounts/{id} (${databaseKind})`, () => {
  let t: TestApp;
  let key: string;
  let otherKey: string;
  beforeAll(async () => {
    t = await startTestApp();
    key = (await createTestWorkspace(t, 'Acme')).secret_key;
    otherKey = (await createTestWorkspace(t, 'Globex')).secret_key;
  });
  afterAll(() => t?.close());

  const post = (json: unknown, token = key) => t.request('/v1/accounts', { method: 'POST', json, token });
  const get = (id: string, token = key) => t.request(`/v1/accounts/${encodeURIComponent(id)}`, { token });
  const countAccounts = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('accounts')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('creates accounts, storing ARR in cents and the renewal date', async () => {
    const res = await post({
      accounts: [
        {
          id: 'acct_1',
          name: 'Initech',
          arr: 40000.5,
          plan: 'team',
          renewal_date: '2027-03-31',
          owner_email: 'sam@vendor.io',
          attributes: { seats: 40 },
        },
        { id: 'acct_2', name: 'Umbrella' },
      ],
    });
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({
      created: 2,
      updated: 0,
      accounts: [
        { id: 'acct_1', status: 'created' },
        { id: 'acct_2', status: 'created' },
      ],
    });
    const row = await t.deps.db
      .selectFrom('accounts')
      .select(['arr_cents', 'renewal_date'])
      .where('external_id', '=', 'acct_1')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ arr_cents: '4000050', renewal_date: '2027-03-31' });

    const account = await readJson(await get('acct_1'));
    expect(account).toMatchObject({
      id: 'acct_1',
      name: 'Initech',
      arr: 40000.5,
      plan: 'team',
      renewal_date: '2027-03-31',
      owner_email: 'sam@vendor.io',
      health_state: 'unknown',
      attributes: { seats: 40 },
    });
  });

  it('updates by external id: omitted fields stay, null clears, attributes merge', async () => {
    const res = await post({
      accounts: [{ id: 'acct_1', name: 'Initech Corp', plan: null, attributes: { region: 'EU' } }],
    });
    expect(await readJson(res)).toMatchObject({ created: 0, updated: 1 });
    const account = await readJson(await get('acct_1'));
    expect(account).toMatchObject({
      name: 'Initech Corp',
      plan: null,
      arr: 40000.5,
      renewal_date: '2027-03-31',
      attributes: { seats: 40, region: 'EU' },
    });
  });

  it('merges an id repeated within one batch into one account', async () => {
    const res = await post({
      accounts: [
        { id: 'acct_3', name: 'Hooli', arr: 1000 },
        { id: 'acct_3', name: 'Hooli XYZ', attributes: { a: 1 } },
      ],
    });
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({ created: 1, updated: 0, accounts: [{ id: 'acct_3', status: 'created' }] });
    expect(await readJson(await get('acct_3'))).toMatchObject({ name: 'Hooli XYZ', arr: 1000, attributes: { a: 1 } });
  });

  it('rejects a schema error with the field path and writes nothing', async () => {
    const before = await countAccounts();
    const res = await post({
      accounts: [
        { id: 'new_ok', name: 'Fine' },
        { id: 'new_bad', name: 'Bad', renewal_date: '31/03/2027' },
      ],
    });
    expect(res.status).toBe(400);
    const body = await readJson(res);
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).toContain('accounts.1.renewal_date');
    expect(await countAccounts()).toBe(before);
    expect((await get('new_ok')).status).toBe(404);
  });

  it('rejects unknown fields and a negative ARR with their paths', async () => {
    const unknownField = await readJson(await post({ accounts: [{ id: 'x', name: 'X', mrr: 5 }] }));
    expect(unknownField.error.message).toMatch(/accounts\.0/);
    const negative = await readJson(await post({ accounts: [{ id: 'x', name: 'X', arr: -1 }] }));
    expect(negative.error.message).toContain('accounts.0.arr');
  });

  it('answers malformed JSON with 400', async () => {
    const res = await t.request('/v1/accounts', {
      method: 'POST',
      body: '{"accounts": [',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    });
    expect(res.status).toBe(400);
    expect((await readJson(res)).error.code).toBe('invalid_json');
  });

  it('refuses more than 1,000 items with a clear message and writes nothing', async () => {
    const before = await countAccounts();
    const accounts = Array.from({ length: 1001 }, (_, i) => ({ id: `bulk_${i}`, name: `Bulk ${i}` }));
    const res = await post({ accounts });
    expect(res.status).toBe(400);
    expect((await readJson(res)).error.message).toMatch(/at most 1000 accounts per request/);
    expect(await countAccounts()).toBe(before);
  });

  it('accepts a full batch of 1,000 in one call', async () => {
    const accounts = Array.from({ length: 1000 }, (_, i) => ({ id: `bulk_${i}`, name: `Bulk ${i}`, arr: i }));
    const res = await post({ accounts });
    expect(res.status).toBe(200);
    expect((await readJson(res)).created).toBe(1000);
  });

  it('answers 401 without a key or with a wrong one, and writes nothing', async () => {
    const before = await countAccounts();
    const none = await t.request('/v1/accounts', { method: 'POST', json: { accounts: [{ id: 'z', name: 'Z' }] } });
    expect(none.status).toBe(401);
    expect((await readJson(none)).error.code).toBe('unauthorized');
    const wrong = await post({ accounts: [{ id: 'z', name: 'Z' }] }, 'sk_not_a_real_key');
    expect(wrong.status).toBe(401);
    expect((await get('acct_1', 'sk_nope')).status).toBe(401);
    expect(await countAccounts()).toBe(before);
  });

  it("never shows another workspace's account: 404", async () => {
    const res = await get('acct_1', otherKey);
    expect(res.status).toBe(404);
    expect(JSON.stringify(await readJson(res))).not.toContain('Initech');
    // The same external id in another workspace is a different account.
    await post({ accounts: [{ id: 'acct_1', name: 'Globex account' }] }, otherKey);
    expect((await readJson(await get('acct_1'))).name).toBe('Initech Corp');
    expect((await readJson(await get('acct_1', otherKey))).name).toBe('Globex account');
  });

  it('is documented in /openapi.json with the secret key scheme and its batch semantics', async () => {
    const doc = await readJson(await t.request('/openapi.json'));
    const op = doc.paths['/v1/accounts'].post;
    expect(op.security).toEqual([{ secretKey: [] }]);
    expect(op.description).toMatch(/All or nothing/);
    expect(op.parameters.some((p: { name: string }) => p.name.toLowerCase() === 'idempotency-key')).toBe(true);
    expect(doc.paths['/v1/accounts/{id}'].get).toBeDefined();
  });
});
