import { briefModeSchema, briefRunSchema, renewalBriefContentSchema } from '@candor/shared';
import { createRoute, z } from '@hono/zod-openapi';
import { notFound } from '../app-error';
import { tenant } from '../db/tenant';
import { createRouter, errorResponse, json } from '../http/openapi';
import { getBriefRun, startBriefRun } from '../synthesis/brief-runs';
import { buildRenewalBrief, latestRenewalBrief } from '../synthesis/renewal-brief';
import { secretKeyAuth } from '../workspaces/secret-key-auth';
import { provenanceSchema, runStartedResponse } from './synthesis-schemas';

const brief = z
  .object({
    id: z.uuid(),
    account_id: z.uuid(),
    version: z.number().int(),
    status: z.string(),
    mode: briefModeSchema,
    created_at: z.string(),
    content: renewalBriefContentSchema,
    failed_attempt: z
      .object({ version: z.number().int(), created_at: z.string(), fallback_reason: z.string().nullable() })
      .nullable()
      .describe(
        'The newest generation since this version that came out empty: it was recorded, and this earlier version stays current',
      ),
    ...provenanceSchema,
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
  401: errorResponse('Missing or wrong secret key'),
  404: errorResponse('No such account, or no brief yet'),
};

/** Renewal briefs: generated 60 days before renewal and on demand; read instantly. */
export function briefRoutes() {
  const app = createRouter();
  for (const path of ['/v1/accounts/:id/brief', '/v1/accounts/:id/brief/runs', '/v1/brief-runs/:id'])
    app.use(path, secretKeyAuth);
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
        200: json('The newest version', brief),
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
      description:
        'Waits for the new version and answers it. With a synthesis model this can take a while; `POST /v1/accounts/{id}/brief/runs` starts the same generation in the background and reports its progress.',
      request: { params },
      responses: {
        201: json('The new version', brief),
        ...errors,
      },
    }),
    async (c) => {
      const { db } = c.get('deps');
      const id = await accountId(db, c.get('ws'), c.req.valid('param').id);
      return c.json(await buildRenewalBrief(c.get('deps'), c.get('ws'), id), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/accounts/{id}/brief/runs',
      tags: ['Briefs'],
      security: [{ secretKey: [] }],
      summary: 'Regenerate the renewal brief in the background',
      description:
        'Answers 202 with a run at once; poll `GET /v1/brief-runs/{run_id}` for its progress. While a run for the account is still going, that run is answered instead of starting another. `brief.ready` fires when the new version is stored.',
      request: { params },
      responses: {
        ...runStartedResponse,
        ...errors,
      },
    }),
    async (c) => {
      const deps = c.get('deps');
      const id = await accountId(deps.db, c.get('ws'), c.req.valid('param').id);
      const { run } = await startBriefRun(deps, c.get('ws'), 'renewal', id);
      c.header('Location', `/v1/brief-runs/${run.id}`);
      return c.json(run, 202);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/brief-runs/{id}',
      tags: ['Briefs'],
      security: [{ secretKey: [] }],
      summary: 'Progress of a brief or briefing regeneration',
      request: {
        params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, description: 'The run id' }) }),
      },
      responses: {
        200: json('The run', briefRunSchema),
        401: errors[401],
        404: errorResponse('No such run'),
      },
    }),
    async (c) => c.json(await getBriefRun(c.get('deps'), c.get('ws'), c.req.valid('param').id), 200),
  );
  return app;
}
