import { guideTemplates } from '@candor/api/guides/templates/index';
import { templateTranslations } from '@candor/api/guides/templates/translations/index';
import type { InterviewLanguage, Moment } from '@candor/shared';
import { createTestWorkspace, readJson, type TestApp } from './harness';

/** A template's customer-facing lines in one language: English from the template, others from the catalogue. */
export function templateLines(moment: Moment, language: InterviewLanguage) {
  const body = guideTemplates.find((t) => t.body.moment === moment)!.body;
  if (language === 'en')
    return {
      opening: body.opening_message,
      closing: body.closing_message,
      topics: body.topics.map((t) => ({ question: t.question, follow_up: t.follow_up })),
    };
  const text = templateTranslations[language][moment];
  return {
    opening: text.opening_message,
    closing: text.closing_message,
    topics: body.topics.map((t) => text.topics[t.key]!),
  };
}

/**
 * A new workspace (with its six templates) and one contact, Ada, created through the server
 * API with `locale` when given; answers the workspace and the id of its `moment` guide.
 */
export async function workspaceWithContact(t: TestApp, moment: Moment, locale?: string) {
  const ws = await createTestWorkspace(t);
  const post = (path: string, json: unknown) => t.request(path, { method: 'POST', token: ws.secret_key, json });
  const accounts = await post('/v1/accounts', { accounts: [{ id: 'acme', name: 'Acme' }] });
  if (accounts.status >= 300) throw new Error(`accounts: ${accounts.status}`);
  const contact = {
    id: 'u_42',
    account_id: 'acme',
    name: 'Ada Lovelace',
    email: 'ada@acme.io',
    ...(locale ? { locale } : {}),
  };
  const contacts = await post('/v1/contacts', { contacts: [contact] });
  if (contacts.status >= 300) throw new Error(`contacts: ${contacts.status}`);
  const guides = await readJson(await t.request('/v1/guides', { token: ws.secret_key }));
  const list = guides.guides as { id: string; moment: string }[];
  const guide = list.find((g) => g.moment === moment);
  if (!guide) throw new Error(`no ${moment} guide`);
  return { ws, guideId: guide.id };
}
