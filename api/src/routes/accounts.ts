import { accountView, upsertAccountsBody, upsertAccountsResult } from '@candor/shared';
import { createRoute, z } from '@hono/zod-openapi';
import { findAccount } from '../accounts/find-account';
import { upsertAccounts } from '../accounts/upsert-accounts';
import { notFound } from '../app-error';
import { retryTransaction } from '../db/retry-transaction';
import { tenant } from '../db/tenant';
import { idempotency, idempotencyKeyHeaders } from '../http/idempotency';
import { body, createRouter, errorResponse, json } from '../http/openapi';
import { secretKeyAuth } from '../workspaces/secret-key-auth';

// Named with zod's own .meta() (not .openapi()): shared schemas may be built before zod is extended.
const upsertAccountsBodyDoc = upsertAccountsBody.meta({ id: 'UpsertAccounts' });
const upsertAccountsResultDoc = upsertAccountsResult.meta({ id: 'UpsertAccountsResult' });
const accountViewDoc = accountView.meta({ id: 'Account' });

const security = [{ secretKey: [] }];
const tags = ['Accounts'];
const externalIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(255)
    .openapi({ param: { name: 'id', in: 'path' }, description: 'Your external id.' }),
});

/** Server API: upsert accounts in batches and read one back, by the customer's external id. */
export function accountRoutes() {
  const app = createRouter();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/accounts',
      tags,
      security,
      middleware: [secretKeyAuth, idempotency] as const,
      summary: 'Upsert accounts (batch)',
      description:
        'Creates or updates up to 1,000 accounts by your external `id`. **All or nothing**: if any item is invalid ' +
        '(schema error → 400 with the field path, e.g. `accounts.3.renewal_date`) nothing is written. Fields you ' +
        'omit keep their stored value, `null` clears one, `attributes` are merged key by key. `arr` is in whole ' +
        'currency units and stored as integer cents. An id repeated within one batch is merged into one account.',
      request: {
        headers: idempotencyKeyHeaders,
        ...body(upsertAccountsBodyDoc),
      },
      responses: {
        200: json('What happened to each id, in request order', upsertAccountsResultDoc),
        400: errorResponse('Invalid body or item (nothing written), with the field path'),
        401: errorResponse('Missing or wrong secret key'),
        409: errorResponse('A request with this Idempotency-Key is still running'),
        413: errorResponse('Body over 256 KB'),
        422: errorResponse('Idempotency-Key reused with a different request'),
      },
    }),
    async (c) => {
      const { db } = c.get('deps');
      const ws = c.get('ws');
      const { accounts } = c.req.valid('json');
      const result = await retryTransaction(db, (trx) => upsertAccounts(tenant(trx, ws), accounts));
      return c.json(result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/accounts/{id}',
      tags,
      security,
      middleware: [secretKeyAuth] as const,
      summary: 'Get an account by your external id',
      request: { params: externalIdParam },
      responses: {
        200: json('The account', accountViewDoc),
        401: errorResponse('Missing or wrong secret key'),
        404: errorResponse('No such account in this workspace'),
      },
    }),
    async (c) => {
      const account = await findAccount(tenant(c.get('deps').db, c.get('ws')), c.req.valid('param').id);
      if (!account) throw notFound('Account');
      return c.json(account, 200);
    },
  );
  return app;
}
