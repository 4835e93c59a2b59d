import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import { createTestWorkspace, databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';

/** Every address a name resolves to here, in the forms a message could spell it. */
async function addressesOf(host: string): Promise<string[]> {
  const found = await lookup(host, { all: true }).catch(() => []);
  return found.flatMap((a) => [a.address, a.address.replace(/^::ffff:/, '')]);
}

describe(`webhook refusals do not map the internal network (${databaseKind})`, () => {
  let t: TestApp;
  let ws: { id: string; secret_key: string };
  // Names that resolve to this machine or its private network, and one that resolves nowhere.
  const internal = ['localhost', hostname()];
  const nowhere = 'no-such-host.invalid';

  beforeAll(async () => {
    t = await startTestApp();
    ws = await createTestWorkspace(t, 'Hooks Co');
  }, 120_000);
  afterAll(() => t?.close());

  const create = async (url: string) => {
    const res = await t.request('/v1/webhooks', {
      method: 'POST',
      token: ws.secret_key,
      json: { url, event_types: ['interview.completed'] },
    });
    expect(res.status, url).toBe(400);
    return (await readJson(res)).error.message as string;
  };

  it('refuses an internal host name without saying what it resolves to, or whether it resolves', async () => {
    const addresses = (await Promise.all(internal.map(addressesOf))).flat();
    expect(addresses).toContain('127.0.0.1');
    const messages: string[] = [];
    for (const host of [...internal, nowhere]) {
      const message = await create(`https://${host}/hook`);
      expect(message).toContain(`"${host}"`);
      expect(message).toMatch(/non-public/);
      for (const address of addresses) expect(message, host).not.toContain(address);
      // No IP address of any shape.
      expect(message).not.toMatch(/\b\d{1,3}(\.\d{1,3}){3}\b|\b[0-9a-f]{0,4}::[0-9a-f:]*\b/i);
      messages.push(message.replace(`"${host}"`, '"…"'));
    }
    // A name that resolves privately reads exactly like one that does not resolve at all.
    expect(new Set(messages).size).toBe(1);
    expect(await t.deps.db.selectFrom('webhook_endpoints').select('id').execute()).toEqual([]);
  });

  it('keeps the delivery log as quiet when a stored host turns internal', async () => {
    // As if DNS for an accepted host changed after creation: the name now resolves to loopback.
    const ep = await t.deps.db
      .insertInto('webhook_endpoints')
      .values({
        workspace_id: ws.id,
        url: 'https://localhost/hook',
        secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        event_types: ['brief.ready'],
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const sent = await t.request(`/v1/webhooks/${ep.id}/test`, { method: 'POST', token: ws.secret_key });
    expect(sent.status).toBe(202);
    const row = await eventually(async () => {
      const res = await t.request(`/v1/webhooks/${ep.id}/deliveries`, { token: ws.secret_key });
      const [first] = (await readJson(res)).deliveries as Array<{ status: string; last_error: string | null }>;
      return first?.last_error ? first : undefined;
    });
    expect(row.last_error).toMatch(/non-public/);
    for (const address of await addressesOf('localhost')) expect(row.last_error).not.toContain(address);
  });
});
