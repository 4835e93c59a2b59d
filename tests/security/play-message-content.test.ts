import { tenant } from '@candor/api/db/tenant';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleCall, signIn } from '../support/console-session';
import { databaseKind, readJson, startTestApp, type TestApp } from '../support/harness';
import { guideFixture, seedWorkspace } from '../support/interview-fixtures';

/**
 * A play's in-app message ends up on customers' pages: its link must be https (never a
 * script or data URL), its text bounded and plain. Every refusal names the field and
 * stores nothing.
 */
describe(`in-app message steps refuse hostile content (${databaseKind})`, () => {
  let t: TestApp;
  let seeded: Awaited<ReturnType<typeof seedWorkspace>>;
  beforeAll(async () => {
    t = await startTestApp();
    seeded = await seedWorkspace(t, guideFixture());
  });
  afterAll(async () => {
    await t?.close();
  });

  const step = (overrides: Record<string, unknown>) => ({
    type: 'in_app_message',
    title: 'Seat guide',
    body: 'How upgrades work.',
    link_url: 'https://help.example.com/seats',
    ...overrides,
  });
  const create = (s: Record<string, unknown>) =>
    t.request('/v1/triggers', {
      method: 'POST',
      token: seeded.ws.secret_key,
      json: {
        name: 'Detractor follow-up',
        guide_id: seeded.guideId,
        when: { type: 'signal', signal: 'nps_detractor' },
        do: [s],
      },
    });
  const triggerCount = async () =>
    (await tenant(t.deps.db, { id: seeded.ws.id }).selectFrom('triggers').select('id').execute()).length;

  it.each([
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['JavaScript: with spaces and case', '  JavaScript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['plain http', 'http://help.example.com/seats'],
    ['protocol-relative', '//evil.example.com/x'],
    ['relative path', '/account/delete'],
    ['credentials in the URL', 'https://user:secret@help.example.com/'],
    ['an oversized URL', `https://help.example.com/${'a'.repeat(2001)}`],
  ])('refuses a %s link', async (_label, link_url) => {
    const before = await triggerCount();
    const res = await create(step({ link_url }));
    expect(res.status).toBe(400);
    expect((await readJson(res)).error.message).toMatch(/^do\.0\.link_url: /);
    expect(await triggerCount()).toBe(before);
  });

  it.each([
    ['an oversized title', { title: 'x'.repeat(81) }, 'title'],
    ['an oversized body', { body: 'x'.repeat(501) }, 'body'],
    ['an oversized link label', { link_label: 'x'.repeat(41) }, 'link_label'],
    ['an empty title', { title: '   ' }, 'title'],
    ['a terminal escape in the title', { title: 'Seat\u001b[2Jguide' }, 'title'],
    ['a control character in the body', { body: 'Ring\u0007' }, 'body'],
    ['an unknown field', { html: '<b>hi</b>' }, ''],
  ])('refuses %s', async (_label, overrides, field) => {
    const before = await triggerCount();
    const res = await create(step(overrides));
    expect(res.status).toBe(400);
    expect((await readJson(res)).error.message).toContain(field ? `do.0.${field}` : 'do.0');
    expect(await triggerCount()).toBe(before);
  });

  it('refuses a NUL byte anywhere in the body before the rule is read', async () => {
    const before = await triggerCount();
    const res = await create(step({ title: 'Seat\u0000guide' }));
    expect(res.status).toBe(400);
    expect((await readJson(res)).error.message).toMatch(/NUL/);
    expect(await triggerCount()).toBe(before);
  });

  it('keeps HTML in the text as the words typed: stored and answered verbatim, for the widget to show as text', async () => {
    const title = '<img src=x onerror=alert(1)> Seat guide';
    const body = '<script>alert(1)</script> & more';
    const res = await create(step({ title, body }));
    expect(res.status).toBe(201);
    const play = await readJson(res);
    expect(play.do[0]).toMatchObject({ title, body });
  });

  it('a patch with a javascript: link changes nothing', async () => {
    const play = await readJson(await create(step({})));
    const res = await t.request(`/v1/triggers/${play.id}`, {
      method: 'PATCH',
      token: seeded.ws.secret_key,
      json: { do: [step({ link_url: 'javascript:alert(1)' })] },
    });
    expect(res.status).toBe(400);
    const after = await readJson(await t.request(`/v1/triggers/${play.id}`, { token: seeded.ws.secret_key }));
    expect(after.do[0].link_url).toBe('https://help.example.com/seats');
  });

  it('the console refuses the same link with the field named, for the form to show beside it', async () => {
    const { cookie } = await signIn(t, seeded.ws.id, 'admin@acme.io', 'admin');
    const call = consoleCall(t, cookie);
    const before = await triggerCount();
    const res = await call('POST', '/triggers', {
      name: 'From the console',
      guide_id: seeded.guideId,
      when: { type: 'signal', signal: 'wants_human' },
      do: [step({ link_url: 'javascript:alert(1)' })],
    });
    expect(res.status).toBe(400);
    expect((await readJson(res)).error.message).toBe('do.0.link_url: must be an https:// link');
    expect(await triggerCount()).toBe(before);
  });
});
