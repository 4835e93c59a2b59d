import {
  holdoutReportSchema,
  operatingModelInputsSchema,
  operatingModelSchema,
  retentionReportSchema,
} from '@candor/shared';
import { createRoute, z } from '@hono/zod-openapi';
import { tenant } from '../db/tenant';
import { body, createRouter, errorResponse, json } from '../http/openapi';
import { buildOperatingModel } from '../operating-model/build-operating-model';
import { holdoutReport } from '../operating-model/holdout-groups';
import { loadInputs, saveInputs } from '../operating-model/inputs-store';
import { retentionReport } from '../outcomes/load-outcomes';
import { secretKeyAuth } from '../workspaces/secret-key-auth';

const security = [{ secretKey: [] }];
const tags = ['Operating model'];
const sinceQuery = z.object({
  since: z.iso
    .date()
    .optional()
    .openapi({ param: { name: 'since', in: 'query' }, description: 'Only renewals on or after this date.' }),
});

/** Server API: the operating model's figures, computed from the workspace's own data. */
export function operatingModelRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/operating-model/retention',
      tags,
      security,
      middleware: [secretKeyAuth] as const,
      summary: 'GRR and NRR per workspace, CSM, plan and quarter',
      description:
        'From the renewal outcomes sent to `POST /v1/renewals`. GRR = Σ min(ARR after, ARR before) / Σ ARR before; ' +
        'NRR = Σ ARR after / Σ ARR before; the CSM and plan are the ones recorded with each renewal.',
      request: { query: sinceQuery },
      responses: {
        200: json('Retention', retentionReportSchema),
        400: errorResponse('Invalid query'),
        401: errorResponse('Missing or wrong secret key'),
      },
    }),
    async (c) => c.json(await retentionReport(tenant(c.get('deps').db, c.get('ws')), c.req.valid('query').since), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/operating-model/holdouts',
      tags,
      security,
      middleware: [secretKeyAuth] as const,
      summary: "Treated vs held-out accounts: the lift of Candor's outreach",
      description:
        'Each trigger keeps a control share of eligible accounts (`holdout_percent`, recorded in the funnel as ' +
        '`skipped: holdout`, never contacted). Compares renewal rate, GRR, NRR and expansion of the two groups ' +
        'on renewals since assignment, with 95 % intervals and the sample sizes; says when there is not enough data.',
      responses: {
        200: json('Holdout comparison', holdoutReportSchema),
        401: errorResponse('Missing or wrong secret key'),
      },
    }),
    async (c) => c.json(await holdoutReport(tenant(c.get('deps').db, c.get('ws'))), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/operating-model',
      tags,
      security,
      middleware: [secretKeyAuth] as const,
      summary: 'Every operating-model figure',
      description:
        'Effective book of business (and its trend), the coverage analysis, the scored automation tasks, the ROI ' +
        "(seed 002's worked example and the workspace's own book, with the measured holdout lift once it has enough " +
        'data), the holdout comparison and response rates against the previous survey. Money is in integer cents; ' +
        'each figure carries how it was computed.',
      responses: {
        200: json('The operating model', operatingModelSchema),
        401: errorResponse('Missing or wrong secret key'),
      },
    }),
    async (c) => {
      const deps = c.get('deps');
      return c.json(await buildOperatingModel(deps.db, c.get('ws'), deps.now()), 200);
    },
  );
  const inputsDoc = operatingModelInputsSchema.meta({ id: 'OperatingModelInputs' });
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/operating-model/inputs',
      tags,
      security,
      middleware: [secretKeyAuth] as const,
      summary: 'The saved analyzer, scorer, ROI and baseline inputs',
      responses: {
        200: json('Inputs, defaults filled in', inputsDoc),
        401: errorResponse('Missing or wrong secret key'),
      },
    }),
    async (c) => c.json(await loadInputs(tenant(c.get('deps').db, c.get('ws'))), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/operating-model/inputs',
      tags,
      security,
      middleware: [secretKeyAuth] as const,
      summary: 'Replace the saved inputs',
      description: 'The whole document; omitted sections take their defaults. The allocation must add up to 100.',
      request: body(inputsDoc),
      responses: {
        200: json('Saved inputs', inputsDoc),
        400: errorResponse('Invalid inputs (nothing saved)'),
        401: errorResponse('Missing or wrong secret key'),
      },
    }),
    async (c) => c.json(await saveInputs(tenant(c.get('deps').db, c.get('ws')), c.req.valid('json')), 200),
  );
  return app;
}
