import { briefModeSchema, listQuery, noQuery, weeklyBriefingSchema } from '@candor/shared';
import { createRoute, z } from '@hono/zod-openapi';
import { notFound } from '../app-error';
import { tenant } from '../db/tenant';
import { body, createRouter, errorResponse, json } from '../http/openapi';
import { startBriefRun } from '../synthesis/brief-runs';
import { announceRelease, createRelease, listReleases } from '../synthesis/releases';
import { deliverWeeklyBriefing, latestWeeklyBriefing } from '../synthesis/weekly-briefing-delivery';
import { secretKeyAuth } from '../workspaces/secret-key-auth';
import { provenanceSchema, runStartedResponse } from './synthesis-schemas';

const briefing = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    mode: briefModeSchema,
    created_at: z.string(),
    ...provenanceSchema,
    content: weeklyBriefingSchema,
  })
  .openapi('WeeklyBriefing');
const release = z
  .object({
    id: z.uuid(),
    title: z.string(),
    notes: z.string(),
    features: z.array(z.string()),
    released_on: z.string(),
  })
  .openapi('Release');
const errors = {
  400: errorResponse('Invalid input'),
  401: errorResponse('Missing or wrong secret key'),
  404: errorResponse('No such member, or no briefing yet'),
};
const security = [{ secretKey: [] }];

/** The weekly CSM briefing and the releases it matches to customers' requests. */
export function briefingRoutes() {
  const app = createRouter();
  for (const path of ['/v1/briefings/*', '/v1/releases']) app.use(path, secretKeyAuth);
  const memberQuery = listQuery({ member: z.email().describe("The CSM's email") });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/briefings/weekly',
      tags: ['Briefings'],
      security,
      summary: "A CSM's latest weekly briefing",
      description: 'Generated every Monday at 07:00 workspace time (settings.briefing_hour) and emailed to the CSM.',
      request: { query: memberQuery },
      responses: {
        200: json('The newest briefing', briefing),
        ...errors,
      },
    }),
    async (c) => {
      const { member } = c.req.valid('query');
      const found = await tenant(c.get('deps').db, c.get('ws'))
        .selectFrom('members')
        .select('id')
        .where('email', '=', member)
        .executeTakeFirst();
      if (!found) throw notFound('Member');
      const latest = await latestWeeklyBriefing(c.get('deps'), c.get('ws'), found.id);
      if (!latest) throw notFound('Weekly briefing (generate one with POST)');
      return c.json(latest, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/briefings/weekly',
      tags: ['Briefings'],
      security,
      summary: "Generate (and email) a CSM's briefing for this week now",
      request: { query: memberQuery },
      responses: {
        201: json('A new version', briefing),
        ...errors,
      },
    }),
    async (c) =>
      c.json(
        await deliverWeeklyBriefing(c.get('deps'), c.get('ws'), c.req.valid('query').member, { regenerate: true }),
        201,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/briefings/weekly/runs',
      tags: ['Briefings'],
      security,
      summary: "Regenerate (and email) a CSM's briefing in the background",
      description:
        'Answers 202 with a run at once; poll `GET /v1/brief-runs/{run_id}` for its progress. `brief.ready` fires when the new version is stored.',
      request: { query: memberQuery },
      responses: {
        ...runStartedResponse,
        ...errors,
      },
    }),
    async (c) => {
      const deps = c.get('deps');
      const found = await tenant(deps.db, c.get('ws'))
        .selectFrom('members')
        .select('id')
        .where('email', '=', c.req.valid('query').member)
        .executeTakeFirst();
      if (!found) throw notFound('Member');
      const { run } = await startBriefRun(deps, c.get('ws'), 'weekly_briefing', found.id);
      c.header('Location', `/v1/brief-runs/${run.id}`);
      return c.json(run, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/releases',
      tags: ['Releases'],
      security,
      summary: 'Record a product release',
      description:
        'A release whose title or features match a feature request shows in the owning CSM\'s weekly briefing, and each contact who asked gets a `feature_released` event (properties `release_id`, `release`, `request`) that feature-launch trigger rules can fire on ("you asked, we shipped"). `asked_by` counts them.',
      request: {
        ...body(
          z.strictObject({
            title: z.string().trim().min(1).max(200),
            notes: z.string().max(10_000).optional(),
            features: z.array(z.string().trim().min(1).max(100)).max(30).optional(),
            released_on: z.iso.date().optional(),
          }),
        ),
      },
      responses: {
        201: json('Recorded', release.extend({ asked_by: z.number().int() })),
        ...errors,
      },
    }),
    async (c) => {
      const deps = c.get('deps');
      const release = await createRelease(
        deps.db,
        c.get('ws'),
        c.req.valid('json'),
        deps.now().toISOString().slice(0, 10),
      );
      return c.json({ ...release, asked_by: await announceRelease(deps, c.get('ws'), release) }, 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/releases',
      tags: ['Releases'],
      security,
      summary: 'List releases, newest first',
      request: { query: noQuery },
      responses: {
        200: json('Releases', z.object({ releases: z.array(release) })),
        401: errors[401],
      },
    }),
    async (c) => c.json({ releases: await listReleases(c.get('deps').db, c.get('ws')) }, 200),
  );
  return app;
}
