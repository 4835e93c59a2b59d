import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, startTestApp, type TestApp } from '../support/harness';
import { invite, seedWorkspace } from '../support/interview-fixtures';
import { runJob } from '../support/jobs';

describe(`the invitation email speaks the contact's language (${databaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A workspace whose one contact (Ada) has `locale`, invited by email; returns the queued emails. */
  async function invitedBy(locale: string | null) {
    const { ws, guideId } = await seedWorkspace(t);
    await t.deps.db.updateTable('contacts').set({ locale }).where('workspace_id', '=', ws.id).execute();
    const { id } = await invite(t, ws, guideId, 'email');
    const emails = () =>
      t.deps.db
        .selectFrom('outbox_emails')
        .select(['subject', 'text', 'html'])
        .where('workspace_id', '=', ws.id)
        .orderBy('created_at')
        .execute();
    return { ws, id, emails };
  }

  it('writes to a French contact in French, the reminder included', async () => {
    const { ws, id, emails } = await invitedBy('fr-CA');
    const [first] = await emails();
    expect(first!.subject).toMatch(/^Deux minutes pour nous dire comment .+ vous sert \?$/);
    expect(first!.text).toContain('Bonjour Ada,');
    expect(first!.text).toContain('une question à la fois');
    expect(first!.text).toMatch(/Donner mon avis/i);
    expect(first!.text).toContain('Se désabonner');
    expect(first!.html).toContain('lang="fr"');
    expect(first!.text).not.toMatch(/Share your thoughts|Unsubscribe/);

    await runJob(t, 'invitation-email', { workspaceId: ws.id, interviewId: id, kind: 'reminder' });
    const [, reminder] = await emails();
    expect(reminder!.subject).toMatch(/^Rappel : Deux minutes/);
    expect(reminder!.text).toContain('Petit rappel');
  });

  it('writes in German, Spanish, Portuguese and Japanese, and in English otherwise', async () => {
    const subjects: Record<string, RegExp> = {
      de: /^Zwei Minuten: Wie gut funktioniert .+ für Sie\?$/,
      es: /^¿Dos minutos para contarnos cómo te funciona .+\?$/,
      pt: /^Dois minutos para contar como o .+ está funcionando para você\?$/,
      ja: /の使い心地について、2分ほどお聞かせいただけますか？$/,
      nl: /^Two minutes on how .+ is working for you\?$/,
    };
    for (const [locale, subject] of Object.entries(subjects)) {
      const [email] = await (await invitedBy(locale)).emails();
      expect(email!.subject).toMatch(subject);
    }
    const [none] = await (await invitedBy(null)).emails();
    expect(none!.text).toContain('Hi Ada,');
    const [ja] = await (await invitedBy('ja-JP')).emails();
    expect(ja!.text).toContain('Ada Lovelace様');
  });
});
