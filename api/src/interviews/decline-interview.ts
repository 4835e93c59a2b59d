import type { AppDeps } from '../app-deps';
import { tenant, type Ws } from '../db/tenant';
import { getInterview, loadGuideVersion } from './interview-store';
import { recordMomentOptOut } from './opt-outs';

/**
 * The customer said no: an open interview becomes declined, and with `forever` the
 * contact is not asked about this moment again. Declining twice is harmless.
 */
export async function declineInterview(
  deps: Pick<AppDeps, 'db' | 'now'>,
  ws: Ws,
  interviewId: string,
  options: { forever: boolean },
) {
  const head = await getInterview(tenant(deps.db, ws), interviewId);
  const guide = await loadGuideVersion(deps.db, ws, head.guide_version_id);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    const t = tenant(trx, ws);
    const interview = await getInterview(t, interviewId, { lock: true });
    if (interview.status === 'invited' || interview.status === 'started') {
      await t
        .updateTable('interviews')
        .set({ status: 'declined', ended_at: now, last_activity_at: now })
        .where('id', '=', interviewId)
        .execute();
    }
    if (options.forever && interview.contact_id) {
      await recordMomentOptOut(t, {
        contactId: interview.contact_id,
        accountId: interview.account_id,
        guideId: interview.guide_id,
        moment: guide.moment,
        interviewId,
        channel: interview.channel,
      });
    }
  });
  return getInterview(tenant(deps.db, ws), interviewId);
}
