import type { AppDeps } from '../app-deps';
import { tenant, type Ws } from '../db/tenant';
import { emitWebhookEvent } from './emit-event';

type Deps = Pick<AppDeps, 'db' | 'jobs' | 'log' | 'now'>;

/**
 * Sends `brief.ready` for a stored brief version — an account's renewal brief, or a CSM's
 * weekly briefing (`member`) — ; the receiver fetches the content by API.
 */
export async function emitBriefReady(
  deps: Deps,
  ws: Ws,
  brief: { id: string; kind: string; version: number; mode: string } & (
    | { accountId: string; member?: undefined }
    | { member: string; accountId?: undefined }
  ),
): Promise<void> {
  const account = brief.accountId
    ? await tenant(deps.db, ws)
        .selectFrom('accounts')
        .select(['external_id', 'name'])
        .where('id', '=', brief.accountId)
        .executeTakeFirst()
    : undefined;
  await emitWebhookEvent(
    deps,
    ws,
    'brief.ready',
    {
      brief_id: brief.id,
      kind: brief.kind,
      version: brief.version,
      mode: brief.mode,
      account_id: account?.external_id ?? null,
      account_name: account?.name ?? null,
      ...(brief.member ? { member: brief.member } : {}),
    },
    { key: `brief.ready:${brief.id}` },
  );
}
