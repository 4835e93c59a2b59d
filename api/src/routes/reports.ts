import { briefModeSchema, briefSectionSchema, listQuery, ratingReportSchema } from '@candor/shared';
import { createRoute, z } from '@hono/zod-openapi';
import { notFound } from '../app-error';
import { tenant } from '../db/tenant';
import { createRouter, errorResponse, json } from '../http/openapi';
import { churnReasonPage, portfolioReport, REPORT_LIST_LIMIT, reportListPage } from '../synthesis/portfolio-report';
import { ratingReport } from '../synthesis/rating-report';
import { secretKeyAuth } from '../workspaces/secret-key-auth';
import { provenanceSchema } from './synthesis-schemas';

const evidence = z.object({ quote: z.string(), interview_id: z.string(), message_id: z.string() });
const accountRef = z.object({ id: z.string(), external_id: z.string(), name: z.string(), arr: z.number().nullable() });
const churnReason = z.object({
  reason: z.string(),
  label: z.string(),
  count: z.number().int(),
  share: z.number().describe('Of all churn-risk signals in the window'),
  accounts: z.number().int(),
  arr_at_risk: z.number().describe('Sum of ARR (USD) of the accounts that gave this reason'),
  weekly: z.array(z.object({ week: z.string(), count: z.number().int() })).describe('12 weeks, Mondays (UTC)'),
  quotes: z.array(evidence).describe('The newest three; page the rest at …/churn-reasons/{reason}/quotes'),
});
const expansionEntry = z.object({
  account: accountRef,
  kind: z.string(),
  label: z.string(),
  size: z.string().nullable(),
  timing: z.string().nullable(),
  evidence,
  at: z.string(),
  signals: z.number().int().describe('Expansion-intent signals of this account and kind in the window'),
});
const featureRequest = z.object({
  summary: z.string(),
  count: z.number().int(),
  accounts: z.array(accountRef).describe('The five largest accounts asking'),
  account_count: z.number().int(),
  arr: z.number(),
  quotes: z.array(evidence),
});
const reasonAccount = accountRef.extend({ signals: z.number().int(), latest_at: z.string() });

const report = z
  .object({
    window_days: z.number().int(),
    owner: z.string().nullable(),
    plan: z.string().nullable(),
    mode: briefModeSchema,
    narrative: z
      .array(briefSectionSchema)
      .nullable()
      .describe('ai mode: findings over the figures, each citing stored signals or the figures themselves'),
    generated_at: z.string().nullable().describe('When the narrative was written'),
    cached: z.boolean().describe('ai mode: nothing changed since the stored narrative, so no model call was made'),
    ...provenanceSchema,
    totals: z
      .object({
        churn_reasons: z.number().int(),
        expansion_pipeline: z.number().int(),
        feature_requests: z.number().int(),
      })
      .describe('How many entries each list holds in all; the report carries the first `limit` of each'),
    limit: z.number().int(),
    churn_reasons: z.array(churnReason).describe('Ranked by signals, then ARR at risk'),
    expansion_pipeline: z.array(expansionEntry).describe('Largest ARR first'),
    feature_requests: z.array(featureRequest).describe('Ranked by the ARR behind them, then by count'),
  })
  .openapi('PortfolioReport');

const listPage = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    next_offset: z.number().int().nullable().describe('The offset of the next page; null on the last one'),
  });
const scopeQuery = {
  owner: z.email().optional().describe("Only this CSM's accounts"),
  plan: z.string().trim().min(1).max(100).optional().describe('Only accounts on this plan (tier)'),
  days: z.coerce.number().int().min(7).max(365).default(90),
};
const pageQuery = {
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(REPORT_LIST_LIMIT),
};
const errors = {
  400: errorResponse('A bad parameter'),
  401: errorResponse('Missing or wrong secret key'),
};

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
          ...scopeQuery,
          mode: z
            .enum(['auto', 'rules'])
            .default('auto')
            .describe('auto: ai when a synthesis model is configured; rules: the deterministic report only'),
          limit: pageQuery.limit.describe('Entries per list (the rest are paged by the list endpoints)'),
        }),
      },
      responses: {
        200: json('The report', report),
        ...errors,
      },
    }),
    async (c) => {
      const { owner, plan, days, mode, limit } = c.req.valid('query');
      return c.json(
        await portfolioReport(c.get('deps'), c.get('ws'), { ownerEmail: owner, plan, days, mode, limit }),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/reports/ratings',
      tags: ['Reports'],
      security: [{ secretKey: [] }],
      summary: 'NPS, CSAT and CES per moment, per account and per week, with the reasons behind low scores',
      request: {
        query: listQuery({
          days: z.coerce.number().int().min(7).max(365).default(90),
          account_id: z.string().min(1).max(200).optional().describe('Only this account (your own account id)'),
        }),
      },
      responses: {
        200: json('The report', ratingReportSchema),
        401: errorResponse('Missing or wrong secret key'),
        404: errorResponse('No such account'),
      },
    }),
    async (c) => {
      const { days, account_id } = c.req.valid('query');
      const deps = c.get('deps');
      const ws = c.get('ws');
      let accountId: string | undefined;
      if (account_id) {
        const account = await tenant(deps.db, ws)
          .selectFrom('accounts')
          .select('id')
          .where('external_id', '=', account_id)
          .executeTakeFirst();
        if (!account) throw notFound('Account');
        accountId = account.id;
      }
      return c.json(await ratingReport(deps.db, ws, { now: deps.now(), days, accountId }), 200);
    },
  );

  const lists = [
    ['churn-reasons', 'churn_reasons', churnReason, 'Churn reasons, one page'],
    ['expansion-pipeline', 'expansion_pipeline', expansionEntry, 'The expansion pipeline, one page'],
    ['feature-requests', 'feature_requests', featureRequest, 'Feature requests, one page'],
  ] as const;
  for (const [path, list, item, summary] of lists) {
    app.openapi(
      createRoute({
        method: 'get',
        path: `/v1/reports/portfolio/${path}`,
        tags: ['Reports'],
        security: [{ secretKey: [] }],
        summary,
        request: { query: listQuery({ ...scopeQuery, ...pageQuery }) },
        responses: {
          200: json('One page', listPage(item)),
          ...errors,
        },
      }),
      async (c) => {
        const { owner, plan, days, offset, limit } = c.req.valid('query');
        const { db, now } = c.get('deps');
        const page = await reportListPage(db, c.get('ws'), list, {
          ownerEmail: owner,
          plan,
          days,
          now: now(),
          offset,
          limit,
        });
        // biome-ignore lint/suspicious/noExplicitAny: each list's entries are built in its own shape above
        return c.json(page as any, 200);
      },
    );
  }

  for (const [what, item, summary] of [
    ['accounts', reasonAccount, 'The accounts that gave a churn reason, largest ARR first'],
    ['quotes', evidence, 'The quotes behind a churn reason, newest first'],
  ] as const) {
    app.openapi(
      createRoute({
        method: 'get',
        path: `/v1/reports/portfolio/churn-reasons/{reason}/${what}`,
        tags: ['Reports'],
        security: [{ secretKey: [] }],
        summary,
        request: {
          params: z.object({ reason: z.string().min(1).max(200) }),
          query: listQuery({ ...scopeQuery, ...pageQuery }),
        },
        responses: {
          200: json('One page', listPage(item)),
          ...errors,
        },
      }),
      async (c) => {
        const { owner, plan, days, offset, limit } = c.req.valid('query');
        const { db, now } = c.get('deps');
        const page = await churnReasonPage(db, c.get('ws'), c.req.valid('param').reason, what, {
          ownerEmail: owner,
          plan,
          days,
          now: now(),
          offset,
          limit,
        });
        // biome-ignore lint/suspicious/noExplicitAny: accounts or quotes, per the route's schema
        return c.json(page as any, 200);
      },
    );
  }
  return app;
}
