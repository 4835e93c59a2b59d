import { interviewListQuerySchema, interviewPageSchema, transcriptSchema } from '@candor/shared/console';
import { createRoute, z } from '@hono/zod-openapi';
import { consoleRoute, createConsoleRouter, errorResponses, signedIn } from '../http/console-router';
import { json } from '../http/openapi';
import { getTranscript, listInterviews } from '../interviews/interview-queries';

const tags = ['Interviews'];
const PAGE_SIZE = 50;
const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The interviews list and one interview's transcript under /console/api/interviews. */
export function consoleInterviewRoutes() {
  const app = createConsoleRouter();
  consoleRoute(
    app,
    createRoute({
      method: 'get',
      path: '/interviews',
      tags,
      summary: 'One page of interviews, newest invitation first (guide previews left out)',
      middleware: signedIn,
      request: { query: interviewListQuerySchema },
      responses: {
        200: json('Up to 50 interviews', interviewPageSchema),
        ...errorResponses(400, 401),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const filter = { ...(q.status ? { status: q.status } : {}), ...(q.account ? { accountId: q.account } : {}) };
      const found = await listInterviews(c.get('deps').db, c.get('ws'), filter, { page: q.page, pageSize: PAGE_SIZE });
      // The console names the account by our id and shows who was asked.
      const items = found.items.map((r) => ({
        id: r.id,
        status: r.status,
        mode: r.mode,
        channel: r.channel,
        account_id: r.account_id,
        invited_at: r.invited_at.toISOString(),
        started_at: iso(r.started_at),
        ended_at: iso(r.ended_at),
        guide_name: r.guide_name,
        contact_name: r.contact_name,
        contact_email: r.contact_email,
        account_name: r.account_name,
        signal_count: r.signal_count,
      }));
      return c.json({ items, total: found.total, page: q.page, page_size: PAGE_SIZE }, 200);
    },
  );
  consoleRoute(
    app,
    createRoute({
      method: 'get',
      path: '/interviews/{id}',
      tags,
      summary: "An interview's messages and its signals",
      middleware: signedIn,
      request: { params: z.object({ id: z.string() }) },
      responses: {
        200: json('The transcript', transcriptSchema),
        ...errorResponses(401, 404),
      },
    }),
    async (c) => c.json(await getTranscript(c.get('deps').db, c.get('ws'), c.req.valid('param').id), 200),
  );
  return app;
}
