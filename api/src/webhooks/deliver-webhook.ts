import type { AppDeps } from '../app-deps';
import { AppError } from '../app-error';
import { tenant } from '../db/tenant';
import { openSecret } from '../secrets/sealed-secrets';
import { postWebhook } from './post-webhook';
import { signWebhook, webhookMessageId } from './signing';
import { resolveWebhookTarget } from './ssrf-guard';

type Deps = Pick<AppDeps, 'db' | 'jobs' | 'log' | 'now' | 'config' | 'secret' | 'previousSecret'>;

/** Attempts per delivery: the first plus five retries (30 s … 8 min apart by default). */
export const MAX_ATTEMPTS = 6;
export const DELIVERY_TIMEOUT_MS = 10_000;
/** An attempt still marked in flight after this long was lost with its process and may be claimed again. */
const STALE_ATTEMPT_MS = 60_000;

/** Backoff before attempt n+1 after n failed attempts: base, 2×base, 4×base, … */
export function retryDelayMs(baseMs: number, failedAttempts: number): number {
  return baseMs * 2 ** (failedAttempts - 1);
}

/**
 * One attempt of one delivery (the `deliver-webhook` job): claims the row, re-checks the
 * target's addresses, signs with the endpoint's current secret and the delivery's fixed
 * message id, POSTs, and records the outcome. A failure schedules the next attempt with
 * backoff until MAX_ATTEMPTS, then the delivery is `failed`. Never throws for the receiver's faults.
 */
export async function deliverWebhook(deps: Deps, deliveryId: string): Promise<void> {
  const now = deps.now();
  const claimed = await deps.db
    .updateTable('webhook_deliveries')
    .set((eb) => ({
      status: 'delivering',
      attempts: eb('attempts', '+', 1),
      last_attempt_at: now,
      next_attempt_at: null,
    }))
    .where('id', '=', deliveryId)
    .where((eb) =>
      eb.or([
        eb('status', 'in', ['pending', 'retrying']),
        eb.and([
          eb('status', '=', 'delivering'),
          eb('last_attempt_at', '<', new Date(now.getTime() - STALE_ATTEMPT_MS)),
        ]),
      ]),
    )
    .returning(['id', 'workspace_id', 'endpoint_id', 'payload', 'attempts'])
    .executeTakeFirst();
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

type Claimed = { id: string; workspace_id: string; endpoint_id: string; payload: unknown; attempts: number };

async function finishAttempt(deps: Deps, claimed: Claimed): Promise<void> {
  const deliveryId = claimed.id;
  const ws = { id: claimed.workspace_id };
  const t = tenant(deps.db, ws);
  const endpoint = await t
    .selectFrom('webhook_endpoints')
    .select(['url', 'secret', 'enabled'])
    .where('id', '=', claimed.endpoint_id)
    .executeTakeFirst();
  const log = deps.log.child({ deliveryId, workspaceId: ws.id, attempt: claimed.attempts });

  let outcome: { ok: boolean; status: number | null; error: string | null };
  if (!endpoint?.enabled) {
    // A disabled endpoint gets nothing more, not even what was queued before it was disabled.
    outcome = { ok: false, status: null, error: endpoint ? 'endpoint disabled' : 'endpoint deleted' };
  } else {
    outcome = await attempt(deps, endpoint, deliveryId, JSON.stringify(claimed.payload));
  }

  if (outcome.ok) {
    await t
      .updateTable('webhook_deliveries')
      .set({ status: 'delivered', last_status_code: outcome.status, last_error: null, delivered_at: deps.now() })
      .where('id', '=', deliveryId)
      .execute();
    log.info({ status: outcome.status }, 'webhook delivered');
    return;
  }
  const last = claimed.attempts >= MAX_ATTEMPTS || !endpoint?.enabled;
  const nextAt = last
    ? null
    : new Date(deps.now().getTime() + retryDelayMs(deps.config.webhooks.retryBaseMs, claimed.attempts));
  await t
    .updateTable('webhook_deliveries')
    .set({
      status: last ? 'failed' : 'retrying',
      last_status_code: outcome.status,
      last_error: outcome.error,
      next_attempt_at: nextAt,
    })
    .where('id', '=', deliveryId)
    .execute();
  log.warn({ status: outcome.status, error: outcome.error, final: last }, 'webhook attempt failed');
  if (nextAt)
    await deps.jobs.send(
      'deliver-webhook',
      { deliveryId },
      { singletonKey: `webhook:${deliveryId}:${claimed.attempts + 1}`, startAfter: nextAt },
    );
}

async function attempt(
  deps: Deps,
  endpoint: { url: string; secret: string },
  deliveryId: string,
  body: string,
): Promise<{ ok: boolean; status: number | null; error: string | null }> {
  const url = new URL(endpoint.url);
  let targets: Awaited<ReturnType<typeof resolveWebhookTarget>>;
  try {
    // DNS may have changed since the endpoint was created, so the address rule is applied again.
    targets = await resolveWebhookTarget(url, deps.config.webhooks.allowPrivateTargets);
  } catch (err) {
    return { ok: false, status: null, error: err instanceof AppError ? err.message : 'host did not resolve' };
  }
  const headers = signWebhook(
    openSecret(deps, 'webhook-secret', endpoint.secret),
    webhookMessageId(deliveryId),
    deps.now(),
    body,
  );
  const result = await postWebhook(url, targets, headers, body, DELIVERY_TIMEOUT_MS);
  return result.ok
    ? { ok: true, status: result.status, error: null }
    : { ok: false, status: result.status, error: result.error };
}
