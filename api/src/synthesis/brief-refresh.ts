import { sql } from 'kysely';
import type { AppDeps } from '../app-deps';
import { tenant, type Ws } from '../db/tenant';
import { latestBriefVersion } from './brief-versions';
import { buildRenewalBrief } from './renewal-brief';

const DAY = 86_400_000;
/** The renewal window: a brief is worth writing from this many days before the renewal. */
export const RENEWAL_WINDOW_DAYS = 60;

/** Whether new answers should rewrite the account's brief: it renews soon, or a CSM already reads a brief. */
async function wantsFreshBrief(deps: Pick<AppDeps, 'db' | 'now'>, ws: Ws, accountId: string): Promise<boolean> {
  const now = deps.now();
  const day = (offset: number) => new Date(now.getTime() + offset * DAY).toISOString().slice(0, 10);
  const account = await tenant(deps.db, ws)
    .selectFrom('accounts')
    .select([
      'id',
      sql<boolean>`renewal_date is not null and renewal_date >= ${day(0)} and renewal_date <= ${day(RENEWAL_WINDOW_DAYS)}`.as(
        'in_window',
      ),
    ])
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!account) return false;
  return account.in_window || (await latestBriefVersion(deps.db, ws, 'renewal', accountId)) !== undefined;
}

/**
 * After new signals at an account: queue a re-synthesis of its renewal brief when it is in
 * its renewal window or already has a brief. Debounced per account: one job per account
 * per CANDOR_BRIEF_REFRESH_SECONDS, starting that long after, so a burst of answers is
 * written into one new version, within a minute of the first.
 */
export async function scheduleBriefRefresh(deps: AppDeps, ws: Ws, accountId: string): Promise<boolean> {
  if (!(await wantsFreshBrief(deps, ws, accountId))) return false;
  const seconds = deps.config.briefRefreshSeconds;
  await deps.jobs.send(
    'refresh-renewal-brief',
    { workspaceId: ws.id, accountId },
    {
      singletonKey: `${ws.id}:${accountId}`,
      singletonSeconds: seconds,
      startAfter: new Date(Date.now() + seconds * 1000),
    },
  );
  return true;
}

/** The `refresh-renewal-brief` job: a new version when signals arrived after the current one. */
export async function refreshRenewalBrief(deps: AppDeps, ws: Ws, accountId: string): Promise<void> {
  if (!(await wantsFreshBrief(deps, ws, accountId))) return;
  const current = await latestBriefVersion(deps.db, ws, 'renewal', accountId);
  if (current && !(await changedSince(deps, ws, accountId, current.created_at))) return;
  await buildRenewalBrief(deps, ws, accountId);
}

/** Whether the account's signals changed after `since`: new ones, or a CSM's correction. */
async function changedSince(deps: Pick<AppDeps, 'db'>, ws: Ws, accountId: string, since: Date): Promise<boolean> {
  const t = tenant(deps.db, ws);
  const signal = await t
    .selectFrom('signals')
    .select('id')
    .where('account_id', '=', accountId)
    .where((eb) => eb.or([eb('created_at', '>', since), eb('corrected_at', '>', since)]))
    .limit(1)
    .executeTakeFirst();
  if (signal) return true;
  const dismissed = await t
    .selectFrom('signal_corrections')
    .innerJoin('interviews', 'interviews.id', 'signal_corrections.interview_id')
    .select('signal_corrections.id')
    .where('interviews.account_id', '=', accountId)
    .where('signal_corrections.created_at', '>', since)
    .limit(1)
    .executeTakeFirst();
  return dismissed !== undefined;
}
