import { recordRenewalsBody, recordRenewalsResult } from '@candor/shared';
import { createRoute } from '@hono/zod-openapi';
import { tenant } from '../db/tenant';
import { idempotency, idempotencyKeyHeaders } from '../http/idempotency';
import { body, createRouter, errorResponse, json } from '../http/openapi';
import { recordRenewals } from '../outcomes/record-renewals';
import { secretKeyAuth } from '../workspaces/secret-key-auth';

// Named with zod's own .meta() (not .openapi()): shared schemas may be built before zod is extended.
const bodyDoc = recordRenewalsBody.meta({ id: 'RecordRenewals' });
const resultDoc = recordRenewalsResult.meta({ id: 'RecordRenewalsResult' });
/** Server API: renewal outcomes (renewed, churned, contracted, expanded) in batches. */
export function renewalRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/renewals',
      tags: ['Outcomes'],
      security: [{ secretKey: [] }],
      middleware: [secretKeyAuth, idempotency] as const,
      summary: 'Record renewal outcomes (batch)',
      description:
        'Creates or updates up to 1,000 renewal outcomes by your `id` (sending the same id again updates it, so ' +
        'replays are harmless). **All or nothing**: an invalid item or an unknown `account_id` → 400 with the ' +
        'item path (e.g. `renewals.2.account_id`) and nothing written. Amounts are whole currency units, stored ' +
        'as integer cents. They feed GRR/NRR, the effective book of business and the holdout comparison.',
      request: {
        headers: idempotencyKeyHeaders,
        ...body(bodyDoc),
      },
      responses: {
        200: json('What happened to each id, in request order', resultDoc),
        400: errorResponse('Invalid body, item or unknown account (nothing written)'),
        401: errorResponse('Missing or wrong secret key'),
        409: errorResponse('A request with this Idempotency-Key is still running'),
        413: errorResponse('Body over 256 KB'),
        422: errorResponse('Idempotency-Key reused with a different request'),
      },
    }),
    async (c) => {
      const { renewals } = c.req.valid('json');
      const result = await c
        .get('deps')
        .db.transaction()
        .execute((trx) => recordRenewals(tenant(trx, c.get('ws')), renewals));
      return c.json(result, 200);
    },
  );
  return app;
}
