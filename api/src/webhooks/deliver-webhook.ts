import type { AppDeps } from '../app-deps';
import { tenant } from '../db/tenant';
import { claimDelivery, recordDelivered, recordFailedAttempt } from '../deliveries/delivery-attempts';
import { openSecret } from '../secrets/sealed-secrets';
import { postWebhook } from './post-webhook';
import { signWebhook, webhookMessageId } from './signing';
import { resolveWebhookTarget } from './ssrf-guard';

type Deps = Pick<AppDeps, 'db' | 'jobs' | 'log' | 'now' | 'config' | 'secret' | 'previousSecret'>;

export const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * One attempt of one delivery (the `deliver-webhook` job): claims the row, re-checks the
 * target's addresses, signs with the endpoint's current secret and the delivery's fixed
 * message id, POSTs, and records the outcome. A failure schedules the next attempt with
 * backoff until MAX_ATTEMPTS, then the delivery is `failed`. Never throws for the receiver's faults.
 */
export async function deliverWebhook(deps: Deps, deliveryId: string): Promise<void> {
  const claimed = await claimDelivery(deps, 'webhook_deliveries', deliveryId);
  if (!claimed) return; // already delivered, failed, or in flight elsewhere
  try {
    await finishAttempt(deps, claimed);
  } catch (err) {
    // Release the claim so the queue's own retry of this job can attempt it again.
    await deps.db
      .updateTable('webhook_deliveries')
      .set({ status: 'retrying' })
      .where('id', '=', deliveryId)
      .where('status', '=', 'delivering')
      .execute()
      .catch(() => {});
    throw err;
  }
}

type Claimed = { id: string; workspace_id: string; attempts: number };

async function finishAttempt(deps: Deps, claimed: Claimed): Promise<void> {
  const deliveryId = claimed.id;
  const ws = { id: claimed.workspace_id };
  const t = tenant(deps.db, ws);
  const row = await t
    .selectFrom('webhook_deliveries')
    .leftJoin('webhook_endpoints', 'webhook_endpoints.id', 'webhook_deliveries.endpoint_id')
    .select([
      'webhook_deliveries.payload',
      'webhook_endpoints.url',
      'webhook_endpoints.secret',
      'webhook_endpoints.enabled',
    ])
    .where('webhook_deliveries.id', '=', deliveryId)
    .executeTakeFirstOrThrow();
  const endpoint =
    row.url && row.secret && row.enabled !== null
      ? { url: row.url, secret: row.secret, enabled: row.enabled }
      : undefined;
  const log = deps.log.child({ deliveryId, workspaceId: ws.id, attempt: claimed.attempts });

  let outcome: { ok: boolean; status: number | null; error: string | null };
  if (!endpoint?.enabled) {
    // A disabled endpoint gets nothing more, not even what was queued before it was disabled.
    outcome = { ok: false, status: null, error: endpoint ? 'endpoint disabled' : 'endpoint deleted' };
  } else {
    outcome = await attempt(deps, endpoint, deliveryId, JSON.stringify(row.payload));
  }

  if (outcome.ok) {
    await recordDelivered(deps, t, 'webhook_deliveries', deliveryId, outcome.status);
    log.info({ status: outcome.status }, 'webhook delivered');
    return;
  }
  const error = outcome.error ?? 'failed';
  const final = await recordFailedAttempt(
    deps,
    t,
    {
      table: 'webhook_deliveries',
      id: deliveryId,
      attempts: claimed.attempts,
      job: 'deliver-webhook',
      keyPrefix: 'webhook',
    },
    { status: outcome.status, error, final: !endpoint?.enabled, retryBaseMs: deps.config.webhooks.retryBaseMs },
  );
  log.warn({ status: outcome.status, error, final }, 'webhook attempt failed');
}

async function attempt(
  deps: Deps,
  endpoint: { url: string; secret: string },
  deliveryId: string,
  body: string,
): Promise<{ ok: boolean; status: number | null; error: string | null }> {
  const url = new URL(endpoint.url);
  // DNS may have changed since the endpoint was created, so the address rule is applied again.
  const target = await resolveWebhookTarget(url, deps.config.webhooks.allowPrivateTargets);
  if ('refused' in target) return { ok: false, status: null, error: target.refused };
  const headers = signWebhook(
    openSecret(deps, 'webhook-secret', endpoint.secret),
    webhookMessageId(deliveryId),
    deps.now(),
    body,
  );
  const result = await postWebhook(url, target.targets, headers, body, DELIVERY_TIMEOUT_MS);
  return result.ok
    ? { ok: true, status: result.status, error: null }
    : { ok: false, status: result.status, error: result.error };
}
