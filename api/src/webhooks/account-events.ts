import type { AppDeps } from '../app-deps';
import { tenant, type Ws } from '../db/tenant';
import { emitWebhookEvent } from './emit-event';

type Deps = Pick<AppDeps, 'db' | 'jobs' | 'log' | 'now'>;

/** Sends `account.state_changed` for each health transition, with the account's stored reasons. */
export async function emitAccountStateChanges(
  deps: Deps,
  ws: Ws,
  changes: readonly { accountId: string; from: string; to: string }[],
): Promise<void> {
  if (changes.length === 0) return;
  const accounts = await tenant(deps.db, ws)
    .selectFrom('accounts')
    .select(['id', 'external_id', 'name', 'health_reasons'])
    .where(
      'id',
      'in',
      changes.map((c) => c.accountId),
    )
    .execute();
  const byId = new Map(accounts.map((a) => [a.id, a]));
  for (const change of changes) {
    const account = byId.get(change.accountId);
    if (!account) continue;
    await emitWebhookEvent(deps, ws, 'account.state_changed', {
      account_id: account.external_id,
      account_name: account.name,
      from: change.from,
      to: change.to,
      reasons: account.health_reasons,
    });
  }
}
