import { ratingReasonLine } from '@candor/api/interviews/rating-reason-lines';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleCall, signIn } from '../support/console-session';
import { readJson, startTestApp, type TestApp } from '../support/harness';
import { answer, identify, invite } from '../support/interview-fixtures';
import { templateLines, workspaceWithContact } from '../support/language-fixtures';

// No OPENAI_API_KEY: scripted mode, so every interviewer line is a template line, verbatim.
// Each test runs a whole interview through HTTP, which can outlast the default timeout on a busy machine.
describe("the interview speaks the customer's language", { timeout: 90_000 }, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const start = (id: string, token: string, locale?: string) =>
    t.request(`/v1/widget/interviews/${id}/start`, {
      method: 'POST',
      token,
      ...(locale ? { json: { locale } } : {}),
    });

  it('asks a German contact the German opening, questions, follow-up and closing', async () => {
    const { ws, guideId } = await workspaceWithContact(t, 'health_pulse', 'de-DE');
    const de = templateLines('health_pulse', 'de');
    const { id } = await invite(t, ws, guideId);
    const { token, invitation } = await identify(t, ws);
    expect(invitation).toMatchObject({ interview_id: id, language: 'de', message: de.opening });

    // The browser says English; the contact's own locale wins.
    const started = await readJson(await start(id, token, 'en-US'));
    expect(started.language).toBe('de');
    expect(started.messages[0].text).toBe(`${de.opening.replace('{name}', 'Ada')}\n\n${de.topics[0]?.question}`);

    const r1 = await answer(t, id, token, 'd1', 'Die Berichte sparen uns jede Woche mehrere Stunden Arbeit im Team.');
    expect(r1.reply?.text).toBe(de.topics[1]?.question);
    const r2 = await answer(t, id, token, 'd2', 'Die Exporte.');
    expect(r2.reply?.text).toBe(de.topics[1]?.follow_up);
    // The scripted interviewer keeps the interview's language, even when an answer is in English.
    const r3 = await answer(t, id, token, 'd3', 'Large exports time out after a minute and we have to start over.');
    expect(r3.reply?.text).toBe(de.topics[2]?.question);
    const r4 = await answer(t, id, token, 'd4', 'Eine Anbindung an unser Data Warehouse wäre für uns entscheidend.');
    expect(r4.reply?.text).toBe(de.topics[3]?.question);
    const r5 = await answer(t, id, token, 'd5', 'Drei Teams nutzen es täglich, das Marketing noch gar nicht.');
    expect(r5.reply?.text).toBe(de.topics[4]?.question);
    // The score topic: a typed score, then the reason asked in German.
    const r6 = await answer(t, id, token, 'd6', '9');
    expect(r6.reply?.text).toBe(ratingReasonLine('nps', 9, 'de'));
    const r7 = await answer(t, id, token, 'd7', 'Weil die Berichte uns jede Woche Zeit sparen.');
    expect(r7.reply?.text).toBe(de.closing);
    expect(r7.done).toEqual({ status: 'completed' });

    const detail = await readJson(await t.request(`/v1/interviews/${id}`, { token: ws.secret_key }));
    expect(detail.messages.filter((m: { role: string }) => m.role === 'interviewer')).toHaveLength(8);
    const row = await t.deps.db
      .selectFrom('interviews')
      .select('language')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.language).toBe('de');
  });

  it('speaks French to a contact without a locale whose browser is French', async () => {
    const { ws, guideId } = await workspaceWithContact(t, 'churn_risk');
    const fr = templateLines('churn_risk', 'fr');
    const { id } = await invite(t, ws, guideId);
    const { token } = await identify(t, ws);
    const started = await readJson(await start(id, token, 'fr-CA'));
    expect(started.language).toBe('fr');
    expect(started.messages[0].text).toBe(`${fr.opening.replace('{name}', 'Ada')}\n\n${fr.topics[0]?.question}`);
    const r1 = await answer(
      t,
      id,
      token,
      'f1',
      'Notre responsable est parti et personne ne suit plus les tableaux de bord.',
    );
    expect(r1.reply?.text).toBe(fr.topics[1]?.question);
    // A resume reads the interview's language back.
    expect((await readJson(await t.request(`/v1/widget/interviews/${id}`, { token }))).language).toBe('fr');
  });

  it("never lets identify's browser language overwrite a locale the server set", async () => {
    const { ws, guideId } = await workspaceWithContact(t, 'onboarding', 'ja');
    const res = await t.request('/v1/widget/identify', {
      method: 'POST',
      json: {
        key: ws.publishable_key,
        user: { id: 'u_42' },
        userHash: (await import('@candor/api/widget-auth/identity-proof')).identityHash(ws.identity_secret, 'u_42'),
        locale: 'en-US',
      },
    });
    expect(res.status).toBe(200);
    const exported = await readJson(await t.request('/v1/contacts/u_42/export', { token: ws.secret_key }));
    expect(JSON.stringify(exported)).toContain('"locale":"ja"');
    const { id } = await invite(t, ws, guideId);
    const { token } = await identify(t, ws);
    const started = await readJson(await start(id, token, 'en-US'));
    expect(started.language).toBe('ja');
    expect(started.messages[0].text).toContain('Ada様、ご利用開始ありがとうございます。');

    // The server may still change it: a trusted source.
    await t.request('/v1/contacts', {
      method: 'POST',
      token: ws.secret_key,
      json: { contacts: [{ id: 'u_42', account_id: 'acme', locale: 'pt-BR' }] },
    });
    const again = await readJson(await t.request('/v1/contacts/u_42/export', { token: ws.secret_key }));
    expect(JSON.stringify(again)).toContain('"locale":"pt-BR"');
  });

  it("fills a contact that has no locale with the browser's", async () => {
    const { ws } = await workspaceWithContact(t, 'onboarding');
    const { identityHash } = await import('@candor/api/widget-auth/identity-proof');
    await t.request('/v1/widget/identify', {
      method: 'POST',
      json: {
        key: ws.publishable_key,
        user: { id: 'u_42' },
        userHash: identityHash(ws.identity_secret, 'u_42'),
        locale: 'es-MX',
      },
    });
    const exported = await readJson(await t.request('/v1/contacts/u_42/export', { token: ws.secret_key }));
    expect(JSON.stringify(exported)).toContain('"locale":"es-MX"');
  });

  it('uses the workspace default language, set in Settings, when neither the contact nor the browser names one', async () => {
    const { ws, guideId } = await workspaceWithContact(t, 'expansion');
    const admin = consoleCall(t, (await signIn(t, ws.id, 'admin@lang.example', 'admin')).cookie);

    const bad = await admin('PATCH', '/settings/workspace', { default_language: 'xx' });
    expect(bad.status).toBe(400);
    expect((await readJson(bad)).error.message).toMatch(/default_language/);
    expect((await readJson(await admin('GET', '/settings'))).workspace.default_language).toBe('en');

    const saved = await admin('PATCH', '/settings/workspace', { default_language: 'pt' });
    expect(saved.status).toBe(200);
    expect((await readJson(saved)).default_language).toBe('pt');
    const audited = await t.deps.db
      .selectFrom('audit_log')
      .select('details')
      .where('workspace_id', '=', ws.id)
      .where('action', '=', 'settings.updated')
      .execute();
    expect(audited.map((a) => a.details)).toEqual([{ default_language: { from: 'en', to: 'pt' } }]);
    const overview = await readJson(await admin('GET', '/settings'));
    expect(overview.workspace.default_language).toBe('pt');
    expect(overview.languages.map((l: { code: string }) => l.code)).toEqual(['en', 'de', 'fr', 'es', 'pt', 'ja']);

    const pt = templateLines('expansion', 'pt');
    const { id } = await invite(t, ws, guideId);
    const { token } = await identify(t, ws);
    // A browser language Candor does not speak falls through to the workspace default.
    const started = await readJson(await start(id, token, 'zh-CN'));
    expect(started.language).toBe('pt');
    expect(started.messages[0].text).toBe(`${pt.opening.replace('{name}', 'Ada')}\n\n${pt.topics[0]?.question}`);
    const r1 = await answer(t, id, token, 'p1', 'Pouco.');
    expect(r1.reply?.text).toBe(pt.topics[0]?.follow_up);
  });

  it("keeps a team's own guide lines as written, and the hosted page follows the interview's language", async () => {
    const { ws, guideId } = await workspaceWithContact(t, 'feature_launch', 'de');
    const edited = await t.request(`/v1/guides/${guideId}`, {
      method: 'PATCH',
      token: ws.secret_key,
      json: { opening_message: 'Servus {name}! Kurz zur neuen Exportfunktion:' },
    });
    expect(edited.status).toBe(200);
    const de = templateLines('feature_launch', 'de');
    const { id, url } = await invite(t, ws, guideId, 'email');
    const page = await (await t.request(new URL(url!).pathname)).text();
    expect(page).toContain('<html lang="de">');
    expect(page).toContain('data-locale="de"');
    const token = new URL(url!).pathname.split('/').pop()!;
    const started = await readJson(await start(id, token));
    expect(started.messages[0].text).toBe(`Servus Ada! Kurz zur neuen Exportfunktion:\n\n${de.topics[0]?.question}`);
  });
});
