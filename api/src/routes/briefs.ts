import { createRoute, z } from '@hono/zod-openapi';
import { tenant } from '../db/tenant';
import { notFound } from '../http/errors';
import { createRouter, errorSchemaRef } from '../http/openapi';
import { secretKeyAuth } from '../http/secret-key-auth';
import { buildRenewalBrief, latestRenewalBrief } from '../synthesis/renewal-brief';

const item = z.object({
  text: z.string(),
  quote: z.string().nullable().describe("The customer's words the claim rests on"),
  interview_id: z.string().nullable(),
  message_id: z.string().nullable().describe('The message the quote is from (GET /v1/interviews/{interview_id})'),
});
const brief = z
  .object({
    id: z.uuid(),
    account_id: z.uuid(),
    version: z.number().int(),
    status: z.string(),
    mode: z.string().describe('rules: built deterministically from stored signals'),
    created_at: z.string(),
    content: z.object({
      sections: z.array(z.object({ heading: z.string(), items: z.array(item) })),
      generated_at: z.string(),
      signals_used: z.number().int(),
    }),
  })
  .openapi('RenewalBrief');
const params = z.object({
  id: z
    .string()
    .min(1)
    .max(255)
    .openapi({ param: { name: 'id', in: 'path' }, description: 'Your account id' }),
});
const errors = {
  401: { description: 'Missing or wrong secret key', content: { 'application/json': { schema: errorSchemaRef } } },
  404: { description: 'No such account, or no brief yet', content: { 'application/json': { schema: errorSchemaRef } } },
};

/** Renewal briefs: generated 60 days before renewal and on demand; read instantly. */
export function briefRoutes() {
  const app = createRouter();
  app.use('/v1/accounts/:id/brief', secretKeyAuth);
  const accountId = async (db: Parameters<typeof tenant>[0], ws: { id: string }, externalId: string) => {
    const row = await tenant(db, ws)
      .selectFrom('accounts')
      .select('id')
      .where('external_id', '=', externalId)
      .executeTakeFirst();
    if (!row) throw notFound('Account');
    return row.id;
  };
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/accounts/{id}/brief',
      tags: ['Briefs'],
      security: [{ secretKey: [] }],
      summary: "An account's latest renewal brief",
      request: { params },
      responses: {
        200: { description: 'The newest version', content: { 'application/json': { schema: brief } } },
        ...errors,
      },
    }),
    async (c) => {
      const { db } = c.get('deps');
      const id = await accountId(db, c.get('ws'), c.req.valid('param').id);
      const found = await latestRenewalBrief(c.get('deps'), c.get('ws'), id);
      if (!found) throw notFound('Renewal brief (generate one with POST)');
      return c.json(found, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/accounts/{id}/brief',
      tags: ['Briefs'],
      security: [{ secretKey: [] }],
      summary: 'Generate a new version of the renewal brief now',
      request: { params },
      responses: {
        201: { description: 'The new version', content: { 'application/json': { schema: brief } } },
        ...errors,
      },
    }),
    async (c) => {
      const { db } = c.get('deps');
      const id = await accountId(db, c.get('ws'), c.req.valid('param').id);
      return c.json(await buildRenewalBrief(c.get('deps'), c.get('ws'), id), 201);
    },
  );
  return app;
}
