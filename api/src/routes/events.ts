import { trackEventsBody, trackEventsResult } from '@candor/shared';
import { createRoute } from '@hono/zod-openapi';
import { trackEvents } from '../events/track-events';
import { idempotency, idempotencyKeyHeaders } from '../http/idempotency';
import { body, createRouter, errorResponse, json } from '../http/openapi';
import { secretKeyAuth } from '../workspaces/secret-key-auth';

// Named with zod's own .meta() (not .openapi()): shared schemas may be built before zod is extended.
const trackEventsBodyDoc = trackEventsBody.meta({ id: 'TrackEvents' });
const trackEventsResultDoc = trackEventsResult.meta({ id: 'TrackEventsResult' });

/** Server API: batch track of usage and lifecycle events. */
export function eventRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/events',
      tags: ['Events'],
      security: [{ secretKey: [] }],
      middleware: [secretKeyAuth, idempotency] as const,
      summary: 'Track events (batch)',
      description:
        'Stores up to 1,000 events. Each names a `contact_id` and/or `account_id` (your external ids). An unknown ' +
        'contact id creates a minimal contact (enrich it later with `POST /v1/contacts`); an event without ' +
        "`account_id` belongs to the contact's account. **All or nothing**: a schema error (400 with the field path) " +
        'or an unknown `account_id` (400 `invalid_items` with `error.items: [{ index, field, message }]`) writes ' +
        'nothing. `timestamp` defaults to the time of receipt; a `message_id` already stored is skipped and counted ' +
        "in `duplicates`. The event `csm_touch` moves the account's last-touch time forward.",
      request: {
        headers: idempotencyKeyHeaders,
        ...body(trackEventsBodyDoc),
      },
      responses: {
        200: json('Counts of what was stored', trackEventsResultDoc),
        400: errorResponse('Invalid body or items (nothing written), with field paths and item indexes'),
        401: errorResponse('Missing or wrong secret key'),
        409: errorResponse('A request with this Idempotency-Key is still running'),
        413: errorResponse('Body over 256 KB'),
        422: errorResponse('Idempotency-Key reused with a different request'),
      },
    }),
    async (c) => c.json(await trackEvents(c.get('deps'), c.get('ws'), c.req.valid('json').events), 200),
  );
  return app;
}
