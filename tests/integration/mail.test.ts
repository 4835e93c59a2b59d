import { queueEmail } from '@candor/api/mail/send-email';
import { listUnsubscribeHeaders, unsubscribeUrl } from '@candor/api/mail/unsubscribe';
import { beforeAll, describe, expect, it } from 'vitest';
import { resendHandlers } from '../msw/resend';
import { eventually } from '../support/eventually';
import { createTestWorkspace, databaseKind, type TestApp } from '../support/harness';
import { useVendorStage } from '../support/vendor-stage';

// One app for the file: the unsubscribe links need nothing the Resend set-up changes.
const stage = useVendorStage({ RESEND_API_KEY: 're_test_key', CANDOR_EMAIL_RETRY_MS: '50' });
let t: TestApp;
beforeAll(() => {
  t = stage.t;
});

describe(`email delivery through Resend (${databaseKind})`, () => {
  let workspaceId: string;
  beforeAll(async () => {
    workspaceId = (await createTestWorkspace(t)).id;
  });

  const email = (to: string) => ({
    workspaceId,
    kind: 'invitation',
    to,
    subject: 'Two minutes on how Acme is working for you?',
    html: '<p>Hi</p>',
    text: 'Hi',
    headers: listUnsubscribeHeaders('http://candor.test/unsubscribe/x'),
  });
  const row = (id: string) =>
    t.deps.db.selectFrom('outbox_emails').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('sends through Resend with a plain-text part, the unsubscribe headers and an idempotency key', async () => {
    const resend = resendHandlers();
    stage.msw.use(resend.handler);
    const id = await queueEmail(t.deps, email('ada@acme.io'));
    const sent = await eventually(async () => {
      const r = await row(id);
      return r.status === 'sent' && r;
    });
    expect(sent.provider_id).toBe('re_1');
    expect(resend.calls).toHaveLength(1);
    expect(resend.calls[0]).toMatchObject({ to: 'ada@acme.io', text: 'Hi' });
    expect(resend.calls[0]?.headers?.['List-Unsubscribe']).toBe('<http://candor.test/unsubscribe/x>');
    expect(resend.calls[0]?.idempotencyKey).toBe(`candor-email-${id}`);
  });

  it('retries a failing provider and then succeeds', async () => {
    const resend = resendHandlers({ failures: 2 });
    stage.msw.use(resend.handler);
    const id = await queueEmail(t.deps, email('bo@acme.io'));
    const sent = await eventually(async () => {
      const r = await row(id);
      return r.status === 'sent' && r;
    });
    expect(sent.attempts).toBe(3);
    expect(resend.calls).toHaveLength(3);
  });

  it('records the failure after the last attempt', async () => {
    const resend = resendHandlers({ failures: 'always', status: 503 });
    stage.msw.use(resend.handler);
    const id = await queueEmail(t.deps, email('cy@acme.io'));
    const failed = await eventually(async () => {
      const r = await row(id);
      return r.status === 'failed' && r;
    });
    expect(failed.attempts).toBe(4);
    expect(failed.last_error).toMatch(/unavailable/);
    expect(resend.calls).toHaveLength(4);
  });
});

describe(`unsubscribe links (${databaseKind})`, () => {
  it('shows a confirmation on GET and opts the contact out on POST (one-click)', async () => {
    const ws = await createTestWorkspace(t);
    const contact = await t.deps.db
      .insertInto('contacts')
      .values({ workspace_id: ws.id, external_id: 'u1', email: 'ada@acme.io', attributes: {} })
      .returning('id')
      .executeTakeFirstOrThrow();
    const path = new URL(unsubscribeUrl(t.deps, ws.id, contact.id)).pathname;
    const optedOut = () =>
      t.deps.db.selectFrom('contacts').select('opted_out_at').where('id', '=', contact.id).executeTakeFirstOrThrow();

    const page = await t.request(path);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post"');
    expect((await optedOut()).opted_out_at).toBeNull(); // a GET (a mail scanner) changes nothing

    const post = await t.request(path, {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(post.status).toBe(200);
    expect((await optedOut()).opted_out_at).toBeInstanceOf(Date);
  });

  it('refuses a tampered token', async () => {
    const ws = await createTestWorkspace(t);
    const url = unsubscribeUrl(t.deps, ws.id, '00000000-0000-4000-8000-000000000000');
    const tampered = `${new URL(url).pathname.slice(0, -3)}abc`;
    expect((await t.request(tampered)).status).toBe(404);
    expect((await t.request(tampered, { method: 'POST' })).status).toBe(404);
  });
});
