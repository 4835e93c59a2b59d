import { createRoute, z } from '@hono/zod-openapi';
import { listQuery } from '../http/list-query';
import { createRouter, errorSchemaRef } from '../http/openapi';
import { secretKeyAuth } from '../http/secret-key-auth';
import { portfolioReport } from '../synthesis/portfolio-report';
import { briefItemSchema, modeSchema, provenanceSchema } from './synthesis-schemas';

const evidence = z.object({ quote: z.string(), interview_id: z.string(), message_id: z.string() });
const accountRef = z.object({ id: z.string(), external_id: z.string(), name: z.string(), arr: z.number().nullable() });
const report = z
  .object({
    window_days: z.number().int(),
    owner: z.string().nullable(),
    mode: modeSchema,
    narrative: z
      .array(z.object({ heading: z.string(), items: z.array(briefItemSchema) }))
      .nullable()
      .describe('ai mode: findings over the figures, each citing stored signals or the figures themselves'),
    generated_at: z.string().nullable().describe('When the narrative was written'),
    cached: z.boolean().describe('ai mode: nothing changed since the stored narrative, so no model call was made'),
    ...provenanceSchema,
    churn_reasons: z.array(
      z.object({
        reason: z.string(),
        label: z.string(),
        count: z.number().int(),
        share: z.number().describe('Of all churn-risk signals in the window'),
        accounts: z.number().int(),
        arr_at_risk: z.number().describe('Sum of ARR (USD) of the accounts that gave this reason'),
        weekly: z.array(z.object({ week: z.string(), count: z.number().int() })),
        quotes: z.array(evidence),
      }),
    ),
    expansion_pipeline: z.array(
      z.object({
        account: accountRef,
        kind: z.string(),
        label: z.string(),
        size: z.string().nullable(),
        timing: z.string().nullable(),
        evidence,
        at: z.string(),
      }),
    ),
    feature_requests: z.array(
      z.object({
        summary: z.string(),
        count: z.number().int(),
        accounts: z.array(accountRef),
        arr: z.number(),
        quotes: z.array(evidence),
      }),
    ),
  })
  .openapi('PortfolioReport');

/** Portfolio reports for the workspace or one CSM's book. */
export function reportRoutes() {
  const app = createRouter();
  app.use('/v1/reports/*', secretKeyAuth);
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/reports/portfolio',
      tags: ['Reports'],
      security: [{ secretKey: [] }],
      summary: 'Churn reasons, expansion pipeline and feature requests',
      request: {
        query: listQuery({
          owner: z.email().optional().describe("Only this CSM's accounts"),
          days: z.coerce.number().int().min(7).max(365).default(90),
          mode: z
            .enum(['auto', 'rules'])
            .default('auto')
            .describe('auto: ai when a synthesis model is configured; rules: the deterministic report only'),
        }),
      },
      responses: {
        200: { description: 'The report', content: { 'application/json': { schema: report } } },
        401: {
          description: 'Missing or wrong secret key',
          content: { 'application/json': { schema: errorSchemaRef } },
        },
      },
    }),
    async (c) => {
      const { owner, days, mode } = c.req.valid('query');
      return c.json(await portfolioReport(c.get('deps'), c.get('ws'), { ownerEmail: owner, days, mode }), 200);
    },
  );
  return app;
}
