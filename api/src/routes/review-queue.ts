import { listQuery } from '@candor/shared';
import { createRoute, z } from '@hono/zod-openapi';
import { body, createRouter, errorResponse, json } from '../http/openapi';
import { listReviewItems, updateReviewItem } from '../review-queue/review-queue';
import { secretKeyAuth } from '../workspaces/secret-key-auth';

const status = z.enum(['open', 'snoozed', 'done']);
const reviewItem = z
  .object({
    id: z.uuid(),
    account: z.object({ id: z.uuid(), external_id: z.string(), name: z.string() }),
    kind: z.string().describe('health (a state transition), handoff (the customer asked for a person), …'),
    reason: z.string(),
    evidence: z.array(
      z.object({
        interview_id: z.string().optional(),
        message_id: z.string().optional(),
        quote: z.string().optional(),
        signal_id: z.string().optional(),
      }),
    ),
    status,
    snoozed_until: z.string().nullable(),
    assignee: z.object({ id: z.uuid(), email: z.string(), name: z.string().nullable() }).nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('ReviewItem');
const errors = {
  400: errorResponse('Invalid change'),
  401: errorResponse('Missing or wrong secret key'),
  404: errorResponse('No such item in this workspace'),
};

/** The review queue: accounts that need a human decision, assigned to the owning CSM. */
export function reviewQueueRoutes() {
  const app = createRouter();
  app.use('/v1/review-items', secretKeyAuth);
  app.use('/v1/review-items/*', secretKeyAuth);
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/review-items',
      tags: ['Review queue'],
      security: [{ secretKey: [] }],
      summary: 'List review items',
      request: {
        query: listQuery({
          status: status.optional().describe('A snoozed item whose time has come is open again.'),
          assignee: z.email().optional().describe("The owning CSM's email"),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
      },
      responses: {
        200: json('Newest first', z.object({ items: z.array(reviewItem) })),
        401: errors[401],
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const items = await listReviewItems(c.get('deps').db, c.get('ws'), {
        status: q.status,
        assigneeEmail: q.assignee,
        limit: q.limit,
      });
      return c.json({ items }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/review-items/{id}',
      tags: ['Review queue'],
      security: [{ secretKey: [] }],
      summary: 'Mark done, snooze, reopen or reassign',
      request: {
        params: z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }),
        ...body(
          z.strictObject({
            status: status.optional(),
            snoozed_until: z.iso.datetime({ offset: true }).optional(),
            assignee_email: z.email().optional(),
          }),
        ),
      },
      responses: { 204: { description: 'Changed' }, ...errors },
    }),
    async (c) => {
      await updateReviewItem(c.get('deps').db, c.get('ws'), c.req.valid('param').id, c.req.valid('json'));
      return c.body(null, 204);
    },
  );
  return app;
}
