import type { webhookCreateBodySchema, webhookPatchBodySchema } from '@candor/shared/console';
import type { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { notFound } from '../app-error';
import type { Ws } from '../db/tenant';
import { isUuid } from '../db/uuid';
import { memberActor, recordAudit } from '../workspaces/audit';
import { sendTestEvent } from './emit-event';
import {
  createEndpoint,
  deleteEndpoint,
  getEndpoint,
  listDeliveries,
  listEndpoints,
  readEndpointSecret,
  updateEndpoint,
} from './endpoint-store';
import { webhookEventTypes } from './event-types';

type Deps = Pick<AppDeps, 'db' | 'config' | 'log' | 'jobs' | 'now' | 'secret' | 'previousSecret'>;

function checkId(id: string) {
  if (!isUuid(id)) throw notFound('Webhook endpoint');
}

/** Endpoints with the event types one can subscribe to. */
export async function listWebhooks(deps: Pick<AppDeps, 'db'>, ws: Ws) {
  return { webhooks: await listEndpoints(deps, ws), event_types: [...webhookEventTypes] };
}

/** Creates an endpoint (same URL rules as the server API); the secret is answered once. Audited without it. */
export async function createWebhook(
  deps: Deps,
  ws: Ws,
  memberId: string,
  body: z.infer<typeof webhookCreateBodySchema>,
) {
  const created = await createEndpoint(deps, ws, body);
  await recordAudit(deps, ws, {
    actor: memberActor(memberId),
    action: 'webhook.created',
    target: created.id,
    details: { url: created.url, event_types: created.event_types },
  });
  return created;
}

/** Turns an endpoint on or off or changes its events. */
export async function updateWebhook(
  deps: Deps,
  ws: Ws,
  memberId: string,
  id: string,
  patch: z.infer<typeof webhookPatchBodySchema>,
) {
  checkId(id);
  const updated = await updateEndpoint(deps, ws, id, patch);
  await recordAudit(deps, ws, {
    actor: memberActor(memberId),
    action: 'webhook.updated',
    target: id,
    details: patch,
  });
  return updated;
}

export async function deleteWebhook(deps: Deps, ws: Ws, memberId: string, id: string) {
  checkId(id);
  const endpoint = await getEndpoint(deps, ws, id);
  await deleteEndpoint(deps, ws, id);
  await recordAudit(deps, ws, {
    actor: memberActor(memberId),
    action: 'webhook.deleted',
    target: id,
    details: { url: endpoint.url },
  });
}

/** The signing secret, shown on request (audited). */
export async function revealWebhookSecret(deps: Deps, ws: Ws, memberId: string, id: string) {
  checkId(id);
  const secret = await readEndpointSecret(deps, ws, id);
  await recordAudit(deps, ws, { actor: memberActor(memberId), action: 'webhook.secret_revealed', target: id });
  return { secret };
}

/** The delivery log, newest first, without payloads (they can quote customers). */
export async function webhookDeliveries(deps: Deps, ws: Ws, id: string) {
  checkId(id);
  const rows = await listDeliveries(deps, ws, id, 50);
  return { deliveries: rows.map(({ payload: _payload, ...row }) => row) };
}

/** Queues a webhook.test delivery to the endpoint. */
export async function sendWebhookTest(deps: Deps, ws: Ws, memberId: string, id: string) {
  checkId(id);
  await getEndpoint(deps, ws, id);
  const deliveryId = await sendTestEvent(deps, ws, id);
  await recordAudit(deps, ws, { actor: memberActor(memberId), action: 'webhook.test_sent', target: id });
  return { delivery_id: deliveryId };
}
