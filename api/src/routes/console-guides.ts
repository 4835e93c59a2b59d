import { noQuery } from '@candor/shared';
import {
  consoleGuidePatchSchema,
  guideDetailSchema,
  guidePreviewSchema,
  guideRowSchema,
  savedGuideSchema,
} from '@candor/shared/console';
import { createRoute, z } from '@hono/zod-openapi';
import { editGuide } from '../guides/guide-editor';
import { type GuideListing, getGuideWithVersions, listGuides } from '../guides/guide-store';
import { createNewGuide, newGuideBody } from '../guides/new-guide';
import { adminOnly, consoleRoute, createConsoleRouter, errorResponses, signedIn } from '../http/console-router';
import { body, json } from '../http/openapi';
import { previewGuide } from '../interviews/preview-guide';

const tags = ['Guides'];
const idParam = z.object({ id: z.string() });

/** A guide as the console's table shows it. */
const guideRow = (g: GuideListing) => ({
  id: g.id,
  name: g.name,
  moment: g.moment,
  current_version: g.version,
  versions: g.versions,
  interviews: g.interviews,
  archived: g.archived,
  updated_at: g.updated_at,
});

/** Guides in the console: any member reads them; admins create, edit and preview them. */
export function consoleGuideRoutes() {
  const app = createConsoleRouter();
  consoleRoute(
    app,
    createRoute({
      method: 'get',
      path: '/guides',
      tags,
      summary: 'Guides, archived last',
      middleware: signedIn,
      request: { query: noQuery },
      responses: {
        200: json('Every guide', z.object({ items: z.array(guideRowSchema) })),
        ...errorResponses(400, 401),
      },
    }),
    async (c) => {
      const guides = await listGuides(c.get('deps').db, c.get('ws'), { withArchived: true });
      return c.json({ items: guides.map(guideRow) }, 200);
    },
  );
  consoleRoute(
    app,
    createRoute({
      method: 'get',
      path: '/guides/{id}',
      tags,
      summary: 'One guide and its versions',
      middleware: signedIn,
      request: { params: idParam },
      responses: {
        200: json('The guide', guideDetailSchema),
        ...errorResponses(401, 404),
      },
    }),
    async (c) => {
      const { guide, versions } = await getGuideWithVersions(c.get('deps').db, c.get('ws'), c.req.valid('param').id);
      return c.json({ guide: guideRow(guide), versions }, 200);
    },
  );
  consoleRoute(
    app,
    createRoute({
      method: 'post',
      path: '/guides',
      tags,
      summary: 'A new guide: a copy of a built-in template, or a blank to fill in',
      middleware: adminOnly,
      request: body(newGuideBody),
      responses: {
        201: json('Created', savedGuideSchema),
        ...errorResponses(400, 401, 403),
      },
    }),
    async (c) => c.json(await createNewGuide(c.get('deps').db, c.get('ws'), c.req.valid('json')), 201),
  );
  consoleRoute(
    app,
    createRoute({
      method: 'patch',
      path: '/guides/{id}',
      tags,
      summary: "Change a guide's fields: stored as its next version",
      middleware: adminOnly,
      request: {
        params: idParam,
        ...body(consoleGuidePatchSchema),
      },
      responses: {
        200: json('The new version', savedGuideSchema),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => c.json(await editGuide(c.get('deps'), c.get('ws'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  consoleRoute(
    app,
    createRoute({
      method: 'post',
      path: '/guides/{id}/preview',
      tags,
      summary: "Start a preview interview of the guide's current version",
      description:
        'A real interview for the workspace’s preview contact, run through the widget endpoints with the token.',
      middleware: adminOnly,
      request: { params: idParam },
      responses: {
        201: json('Started', guidePreviewSchema),
        ...errorResponses(401, 403, 404),
      },
    }),
    async (c) => c.json(await previewGuide(c.get('deps'), c.get('ws'), c.req.valid('param').id), 201),
  );
  return app;
}
