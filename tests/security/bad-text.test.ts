import { Writable } from 'node:stream';
import { createApp } from '@candor/api/app';
import { tenant } from '@candor/api/db/tenant';
import { createLogger } from '@candor/api/log';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/console-session';
import { readJson, startTestApp, type TestApp } from '../support/harness';
import { guideFixture, identify, invite, seedWorkspace } from '../support/interview-fixtures';

const NUL = 'Ada\u0000Lovelace';
const LONE = 'Ada \ud800 Lovelace';
const bad = [
  ['a NUL byte', NUL],
  ['a lone surrogate', LONE],
] as const;

/** `{ a: { a: … { a: 'x' } } }`, `levels` objects deep. */
function nested(levels: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

describe('text Postgres cannot store', () => {
  let t: TestApp;
  let seeded: Awaited<ReturnType<typeof seedWorkspace>>;
  beforeAll(async () => {
    t = await startTestApp();
    seeded = await seedWorkspace(t, guideFixture());
  });
  afterAll(async () => {
    await t?.close();
  });

  const db = () => tenant(t.deps.db, { id: seeded.ws.id });
  const expectRefused = async (res: Response, field: string, problem: RegExp) => {
    const body = await readJson(res);
    expect(res.status).toBe(400);
    expect(body.error.code).toBe('invalid_text');
    expect(body.error.message).toContain(field);
    expect(body.error.message).toMatch(problem);
  };
  const problemOf = (what: string) => (what === 'a NUL byte' ? /NUL byte/ : /lone surrogate/);

  it.each(bad)(
    'refuses a contact name with %s on the server API, naming the field, and writes nothing',
    async (what, name) => {
      const res = await t.request('/v1/contacts', {
        method: 'POST',
        token: seeded.ws.secret_key,
        json: {
          contacts: [
            { id: 'u_ok', account_id: 'acme', name: 'Fine Name' },
            { id: 'u_bad', account_id: 'acme', name },
          ],
        },
      });
      await expectRefused(res, 'contacts[1].name', problemOf(what));
      const stored = await db()
        .selectFrom('contacts')
        .select('external_id')
        .where('external_id', 'in', ['u_ok', 'u_bad'])
        .execute();
      expect(stored).toEqual([]);
    },
  );

  it.each(bad)('refuses an event property with %s, and writes nothing', async (what, value) => {
    const res = await t.request('/v1/events', {
      method: 'POST',
      token: seeded.ws.secret_key,
      json: { events: [{ event: 'Report Exported', contact_id: 'u_42', properties: { format: { label: value } } }] },
    });
    await expectRefused(res, 'events[0].properties.format.label', problemOf(what));
    expect(await db().selectFrom('events').select('id').execute()).toEqual([]);
  });

  it.each(bad)('refuses a widget answer with %s, and stores no message', async (what, text) => {
    const person = `w_${what.length}`;
    const made = await t.request('/v1/contacts', {
      method: 'POST',
      token: seeded.ws.secret_key,
      json: { contacts: [{ id: person, account_id: 'acme', name: 'Grace Hopper' }] },
    });
    expect(made.status).toBe(200);
    const { id } = await invite(t, seeded.ws, seeded.guideId, 'in_app', person);
    const { token } = await identify(t, seeded.ws, person);
    await t.request(`/v1/widget/interviews/${id}/start`, { method: 'POST', token });
    const before = await db().selectFrom('messages').select('seq').where('interview_id', '=', id).execute();
    const res = await t.request(`/v1/widget/interviews/${id}/messages`, {
      method: 'POST',
      token,
      json: { client_id: 'bad-1', text: `We mostly use it for ${text} every single week.` },
    });
    await expectRefused(res, 'text', problemOf(what));
    const after = await db().selectFrom('messages').select('seq').where('interview_id', '=', id).execute();
    expect(after).toEqual(before);
  });

  it.each(bad)('refuses a Segment payload with %s, and writes nothing', async (what, name) => {
    const res = await t.request('/v1/segment', {
      method: 'POST',
      token: seeded.ws.secret_key,
      json: { batch: [{ type: 'identify', userId: 'seg_bad', traits: { name } }] },
    });
    await expectRefused(res, 'batch[0].traits.name', problemOf(what));
    expect(await db().selectFrom('contacts').select('id').where('external_id', '=', 'seg_bad').execute()).toEqual([]);
  });

  it.each(bad)('refuses a console body with %s, and leaves the guide as it was', async (what, opening) => {
    const { cookie } = await signIn(t, seeded.ws.id, 'admin@acme.io', 'admin');
    const res = await t.request(`/console/api/guides/${seeded.guideId}`, {
      method: 'PATCH',
      headers: { cookie, origin: 'http://candor.test' },
      json: { opening_message: `Hi! ${opening}, two minutes?` },
    });
    await expectRefused(res, 'opening_message', problemOf(what));
    const versions = await db()
      .selectFrom('guide_versions')
      .select('version')
      .where('guide_id', '=', seeded.guideId)
      .execute();
    expect(versions).toEqual([{ version: 1 }]);
  });

  it('refuses a NUL byte in a query or path parameter', async () => {
    await expectRefused(await t.request('/v1/contacts/u%0042', { token: seeded.ws.secret_key }), 'path', /NUL byte/);
    await expectRefused(
      await t.request('/v1/accounts?cursor=abc%00def', { token: seeded.ws.secret_key }),
      'cursor',
      /NUL byte/,
    );
  });

  it('refuses JSON nested deeper than 32 levels, and accepts 32', async () => {
    const send = (levels: number) =>
      t.request('/v1/events', {
        method: 'POST',
        token: seeded.ws.secret_key,
        json: { events: [{ event: 'Deep', contact_id: 'u_42', properties: { p: nested(levels) } }] },
      });
    const deep = await send(40);
    expect(deep.status).toBe(400);
    expect((await readJson(deep)).error).toMatchObject({ code: 'json_too_deep' });
    expect(await db().selectFrom('events').select('id').where('name', '=', 'Deep').execute()).toEqual([]);
    // events, [0], properties, p and 28 levels of objects: 32 in all.
    expect((await send(28)).status).toBe(200);
  });

  it('logs a database error with its code and constraint only: no customer text, no query string', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = createApp({ ...t.deps, log: createLogger('debug', sink) });
    // A constraint the product does not have, to force an error carrying the row's values.
    await sql`alter table contacts add constraint forced_failure check (name is null or name not like '%FORCE-FAIL%')`.execute(
      t.deps.db,
    );
    try {
      const res = await app.request('http://candor.test/v1/contacts?trace=QUERY-MARKER-77', {
        method: 'POST',
        headers: { authorization: `Bearer ${seeded.ws.secret_key}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          contacts: [
            { id: 'u_forced', account_id: 'acme', name: 'FORCE-FAIL whispered-secret-words', email: 'hidden@acme.io' },
          ],
        }),
      });
      expect(res.status).toBe(500);
      expect(JSON.stringify(await readJson(res))).not.toContain('whispered');
    } finally {
      await sql`alter table contacts drop constraint forced_failure`.execute(t.deps.db);
    }
    const all = lines.join('\n');
    for (const secret of ['whispered-secret-words', 'FORCE-FAIL', 'hidden@acme.io', 'u_forced', 'QUERY-MARKER-77'])
      expect(all).not.toContain(secret);
    const logged = lines.map((l) => JSON.parse(l));
    const failure = logged.find((l) => l.msg === 'unhandled error');
    expect(failure?.err).toMatchObject({ code: '23514', constraint: 'forced_failure' });
    expect(failure?.route).toBe('/v1/contacts');
  });
});
