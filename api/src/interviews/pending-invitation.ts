import type { InterviewLanguage } from '@candor/shared';
import type { AppDeps } from '../app-deps';
import { tenant, type Ws } from '../db/tenant';
import { localizeLine } from '../guides/localize-guide';
import { chooseInterviewLanguage } from './interview-language';
import { loadGuideVersion } from './interview-store';

export type WidgetInvitation = {
  interview_id: string;
  moment: string;
  guide_name: string;
  message: string;
  /** The language the interview will speak unless the browser names another at start. */
  language: InterviewLanguage;
};

/**
 * The in-app interview waiting for this contact (newest, still invited, not expired), or
 * null. Marks it shown: the widget is about to display it.
 */
export async function takePendingInvitation(
  deps: Pick<AppDeps, 'db' | 'now'>,
  ws: Ws,
  contactId: string,
): Promise<WidgetInvitation | null> {
  const t = tenant(deps.db, ws);
  const now = deps.now();
  const row = await t
    .selectFrom('interviews')
    .innerJoin('guides', 'guides.id', 'interviews.guide_id')
    .innerJoin('contacts', 'contacts.id', 'interviews.contact_id')
    .innerJoin('workspaces', 'workspaces.id', 'interviews.workspace_id')
    .select([
      'interviews.id',
      'interviews.guide_version_id',
      'interviews.shown_at',
      'guides.moment',
      'guides.name as guide_name',
      'contacts.locale',
      'workspaces.default_language',
    ])
    .where('interviews.contact_id', '=', contactId)
    .where('interviews.channel', '=', 'in_app')
    .where('interviews.status', '=', 'invited')
    .where((eb) => eb.or([eb('interviews.expires_at', 'is', null), eb('interviews.expires_at', '>', now)]))
    .orderBy('interviews.invited_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  const guide = await loadGuideVersion(deps.db, ws, row.guide_version_id);
  if (!row.shown_at) await t.updateTable('interviews').set({ shown_at: now }).where('id', '=', row.id).execute();
  const language = chooseInterviewLanguage({
    languagePolicy: guide.language_policy,
    contactLocale: row.locale,
    browserLocale: null,
    workspaceDefault: row.default_language,
  });
  return {
    interview_id: row.id,
    moment: row.moment,
    guide_name: row.guide_name,
    message: localizeLine(guide.opening_message, language),
    language,
  };
}
