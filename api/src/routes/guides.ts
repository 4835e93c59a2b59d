import { guideBodySchema, guidePatchSchema, noQuery } from '@candor/shared';
import { createRoute, z } from '@hono/zod-openapi';
import { createGuide, getGuide, listGuides, listGuideVersions, updateGuide } from '../guides/guide-store';
import { body, createRouter, errorResponse, json } from '../http/openapi';
import { secretKeyAuth } from '../workspaces/secret-key-auth';

// extend() makes a fresh schema: ones built before @hono/zod-openapi loaded lack .openapi().
const guideBody = guideBodySchema.extend({}).openapi('GuideBody');
const summary = z
  .object({
    id: z.uuid(),
    name: z.string(),
    moment: z.string(),
    version: z.number().int(),
    template_key: z.string().nullable(),
    updated_at: z.string(),
  })
  .openapi('GuideSummary');
const guide = summary.extend({ version_id: z.uuid(), created_at: z.string(), body: guideBody }).openapi('Guide');
const version = z
  .object({ id: z.uuid(), guide_id: z.uuid(), version: z.number().int(), created_at: z.string(), body: guideBody })
  .openapi('GuideVersion');
const patchBody = guidePatchSchema.extend({}).openapi('GuidePatch');
const idParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

const errors = {
  400: errorResponse('Invalid guide, with the field path'),
  401: errorResponse('Missing or wrong secret key'),
  404: errorResponse('No such guide in this workspace'),
};
const security = [{ secretKey: [] }];
const tags = ['Guides'];

/** Interview guides: the six lifecycle templates every workspace starts with, plus its own; edits make versions. */
export function guideRoutes() {
  const app = createRouter();
  app.use('/v1/guides', secretKeyAuth);
  app.use('/v1/guides/*', secretKeyAuth);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/guides',
      tags,
      security,
      summary: 'List guides',
      request: { query: noQuery },
      responses: { 200: json('Guides, oldest first', z.object({ guides: z.array(summary) })), 401: errors[401] },
    }),
    async (c) => {
      const guides = await listGuides(c.get('deps').db, c.get('ws'));
      // The server API's summary leaves out the console's counts.
      return c.json({ guides: guides.map(({ archived: _a, versions: _v, interviews: _i, ...g }) => g) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/guides',
      tags,
      security,
      summary: 'Create a guide',
      request: body(guideBody),
      responses: { 201: json('Created at version 1', guide), 400: errors[400], 401: errors[401] },
    }),
    async (c) => c.json(await createGuide(c.get('deps').db, c.get('ws'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/guides/{id}',
      tags,
      security,
      summary: 'Get a guide with the body of its current version',
      request: { params: idParam },
      responses: { 200: json('The guide', guide), ...errors },
    }),
    async (c) => c.json(await getGuide(c.get('deps').db, c.get('ws'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/guides/{id}',
      tags,
      security,
      summary: 'Edit a guide (stores a new version)',
      description:
        'Send only the top-level fields you change (`topics` and `taxonomy` are replaced whole). The result is stored as a new version; earlier versions and the interviews that ran them are unchanged.',
      request: { params: idParam, ...body(patchBody) },
      responses: { 200: json('The guide at its new version', guide), ...errors },
    }),
    async (c) =>
      c.json(await updateGuide(c.get('deps').db, c.get('ws'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/guides/{id}/versions',
      tags,
      security,
      summary: "List a guide's versions",
      request: { params: idParam, query: noQuery },
      responses: { 200: json('Versions, newest first', z.object({ versions: z.array(version) })), ...errors },
    }),
    async (c) =>
      c.json({ versions: await listGuideVersions(c.get('deps').db, c.get('ws'), c.req.valid('param').id) }, 200),
  );

  return app;
}
