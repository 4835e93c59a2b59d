import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';
import { answer, identify, invite, longAnswer, seedWorkspace } from '../support/interview-fixtures';

// Link and widget tokens are signed and stateless, so they outlive the person they were
// issued to. After DELETE /v1/contacts/{id} every one of them must open nothing: 410 with
// a clear code, never a 500 and never the interview.
describe(`an erased contact's tokens (${databaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  async function erasedPerson() {
    const seeded = await seedWorkspace(t);
    const { ws, guideId } = seeded;
    const emailed = await invite(t, ws, guideId, 'email');
    const inApp = await invite(t, ws, guideId, 'in_app');
    const { token: widget } = await identify(t, ws);
    const link = emailed.url!.split('/i/')[1]!;
    // One interview under way, one untouched: both must close.
    expect((await answer(t, inApp.id, widget, 'a1', longAnswer('reporting'))).status).toBe(200);
    const [email] = await t.deps.db
      .selectFrom('outbox_emails')
      .select('headers')
      .where('workspace_id', '=', ws.id)
      .execute();
    const unsubscribe = new URL(email!.headers['List-Unsubscribe']!.slice(1, -1)).pathname;
    // Everything works before the erasure.
    expect((await t.request(`/i/${link}`)).status).toBe(200);
    expect((await t.request(`/v1/widget/interviews/${emailed.id}`, { token: link })).status).toBe(200);
    expect((await t.request(`/v1/widget/interviews/${inApp.id}`, { token: widget })).status).toBe(200);
    expect((await t.request(unsubscribe)).status).toBe(200);

    const erased = await t.request('/v1/contacts/u_42', { method: 'DELETE', token: ws.secret_key });
    expect(erased.status).toBe(200);
    return { ...seeded, link, widget, unsubscribe, interviews: [emailed.id, inApp.id] };
  }

  const expectGone = async (res: Response, what: string) => {
    expect(res.status, what).toBe(410);
    expect(await readJson(res), what).toEqual({ error: { code: 'contact_erased', message: expect.any(String) } });
  };

  it('answers 410 to every widget and interview endpoint with an old link or widget token', async () => {
    const { link, widget, interviews } = await erasedPerson();
    const [emailed, inApp] = interviews as [string, string];
    const calls = (token: string, id: string) =>
      [
        [`GET ${id}`, () => t.request(`/v1/widget/interviews/${id}`, { token })],
        [`start ${id}`, () => t.request(`/v1/widget/interviews/${id}/start`, { method: 'POST', token })],
        [
          `messages ${id}`,
          () =>
            t.request(`/v1/widget/interviews/${id}/messages`, {
              method: 'POST',
              token,
              json: { client_id: 'after-erasure', text: longAnswer('anything') },
            }),
        ],
        [
          `decline ${id}`,
          () => t.request(`/v1/widget/interviews/${id}/decline`, { method: 'POST', token, json: { forever: true } }),
        ],
      ] as const;
    for (const [what, call] of [...calls(link, emailed), ...calls(widget, emailed), ...calls(widget, inApp)] as const)
      await expectGone(await call(), what);
    await expectGone(
      await t.request('/v1/widget/track', { method: 'POST', token: widget, json: { event: 'page_viewed' } }),
      'track',
    );

    // Nothing was written for the erased person, and nothing moved.
    const status = (id: string) =>
      t.deps.db.selectFrom('interviews').select(['status', 'contact_id']).where('id', '=', id).executeTakeFirst();
    expect(await status(emailed)).toEqual({ status: 'invited', contact_id: null });
    expect(await status(inApp)).toEqual({ status: 'started', contact_id: null });
    const texts = await t.deps.db
      .selectFrom('messages')
      .select('text')
      .where('interview_id', 'in', interviews)
      .execute();
    expect(texts.every((m) => m.text === '')).toBe(true);
    expect(await t.deps.db.selectFrom('events').select('id').where('name', '=', 'page_viewed').execute()).toEqual([]);
  });

  it('answers 410 on the hosted page and the unsubscribe link, for GET, HEAD and POST', async () => {
    const { link, unsubscribe } = await erasedPerson();
    for (const method of ['GET', 'HEAD']) {
      const page = await t.request(`/i/${link}`, { method });
      expect(page.status, method).toBe(410);
      expect(page.headers.get('content-type'), method).toMatch(/text\/html/);
      expect((await t.request(unsubscribe, { method })).status, method).toBe(410);
    }
    const hosted = await (await t.request(`/i/${link}`)).text();
    expect(hosted).toContain('This interview is no longer available');
    expect(hosted).not.toContain('widget.js');
    const oneClick = await t.request(unsubscribe, {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(oneClick.status).toBe(410);
    expect(await oneClick.text()).toContain('Your details have been deleted');
  });

  it('answers 410, not 500, to a track that races the erasure', async () => {
    const { ws } = await seedWorkspace(t);
    const { token } = await identify(t, ws);
    const contact = await t.deps.db
      .selectFrom('contacts')
      .select('id')
      .where('workspace_id', '=', ws.id)
      .where('external_id', '=', 'u_42')
      .executeTakeFirstOrThrow();
    let track: Promise<Response> | Response | undefined;
    await t.deps.db.transaction().execute(async (trx) => {
      // The erasure has deleted the row but not committed: the track still sees the contact,
      // then its event waits on the row and meets a contact that is gone.
      await trx.deleteFrom('contacts').where('id', '=', contact.id).execute();
      track = t.request('/v1/widget/track', { method: 'POST', token, json: { event: 'raced' } });
      await new Promise((resolve) => setTimeout(resolve, 500));
    });
    await expectGone(await track!, 'track during erasure');
    expect(await t.deps.db.selectFrom('events').select('id').where('name', '=', 'raced').execute()).toEqual([]);
  });

  it('answers 410, not 500, to an answer that races the erasure, and stores none of its words', async () => {
    const { ws, guideId } = await seedWorkspace(t);
    const { id, url } = await invite(t, ws, guideId, 'email');
    const link = url!.split('/i/')[1]!;
    expect((await answer(t, id, link, 'r1', longAnswer('dashboards'))).status).toBe(200);
    let late: Promise<Awaited<ReturnType<typeof answer>>> | undefined;
    await t.deps.db.transaction().execute(async (trx) => {
      // What eraseContact does to the interview, not yet committed while the answer arrives.
      await trx.updateTable('messages').set({ text: '', client_id: null }).where('interview_id', '=', id).execute();
      await trx.updateTable('interviews').set({ state: {} }).where('id', '=', id).execute();
      await trx.deleteFrom('contacts').where('workspace_id', '=', ws.id).where('external_id', '=', 'u_42').execute();
      late = answer(t, id, link, 'r2', 'Words sent while I was being erased.');
      await new Promise((resolve) => setTimeout(resolve, 500));
    });
    const res = await late!;
    expect(res.status).toBe(410);
    expect(JSON.parse(res.body)).toEqual({ error: { code: 'contact_erased', message: expect.any(String) } });
    const texts = await t.deps.db.selectFrom('messages').select('text').where('interview_id', '=', id).execute();
    expect(texts.every((m) => m.text === '')).toBe(true);
  });

  it("still answers 404, not 410, to another contact's token on the erased person's interviews", async () => {
    const { ws, interviews } = await erasedPerson();
    await t.deps.db
      .insertInto('contacts')
      .values({ workspace_id: ws.id, external_id: 'u_7', attributes: {}, account_id: null })
      .execute();
    const { token: someoneElse } = await identify(t, ws, 'u_7');
    for (const id of interviews)
      expect((await t.request(`/v1/widget/interviews/${id}`, { token: someoneElse })).status).toBe(404);
  });
});
