import type { AppDeps } from '../app-deps';
import { AppError } from '../app-error';
import { tenant, type Ws } from '../db/tenant';
import { localizeGuide } from '../guides/localize-guide';
import { chooseInterviewLanguage } from './interview-language';
import { getInterview, loadGuideVersion, readState } from './interview-store';
import { loadTurn } from './load-turn';
import { openingText } from './scripted';
import { initialTurnState } from './turn-policy';

/**
 * Starts an invited interview: chooses and records its language, stores the opening (the
 * guide's greeting and first question, in that language) and marks it started.
 * Idempotent: a second start changes nothing and adds no message.
 */
export async function startInterview(
  deps: Pick<AppDeps, 'db' | 'now'>,
  ws: Ws,
  interviewId: string,
  /** The browser's language, as the widget or hosted page reports it (a preference, untrusted). */
  options: { browserLocale?: string | undefined } = {},
) {
  const { interview: before, context, languageSources } = await loadTurn(deps.db, ws, interviewId);
  if (before.status !== 'invited') return before;
  const guide = await loadGuideVersion(deps.db, ws, before.guide_version_id);
  const language = chooseInterviewLanguage({
    languagePolicy: guide.language_policy,
    contactLocale: languageSources.contactLocale,
    browserLocale: options.browserLocale,
    workspaceDefault: languageSources.workspaceDefault,
  });
  const now = deps.now();
  const expired = await deps.db.transaction().execute(async (trx) => {
    const t = tenant(trx, ws);
    const interview = await getInterview(t, interviewId, { lock: true });
    if (interview.status !== 'invited') return false;
    if (interview.expires_at && new Date(interview.expires_at) <= now) {
      await t.updateTable('interviews').set({ status: 'expired' }).where('id', '=', interviewId).execute();
      return true;
    }
    const state = { ...initialTurnState(), ...readState(interview.state), next_seq: 2, pending: {} };
    await t
      .insertInto('messages')
      .values({
        interview_id: interviewId,
        seq: 1,
        role: 'interviewer',
        text: openingText(localizeGuide(guide, language), { name: context.contactName, company: context.company }),
        mode: 'scripted',
      })
      .execute();
    await t
      .updateTable('interviews')
      .set({
        status: 'started',
        started_at: now,
        last_activity_at: now,
        shown_at: interview.shown_at ?? now,
        state,
        language,
      })
      .where('id', '=', interviewId)
      .execute();
    return false;
  });
  if (expired) throw new AppError('interview_expired', 'This interview invitation has expired.');
  return getInterview(tenant(deps.db, ws), interviewId);
}
