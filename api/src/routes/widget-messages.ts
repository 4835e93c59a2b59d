import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../app-error';
import { createRouter, errorResponse, json } from '../http/openapi';
import { recordMessageOutcome } from '../triggers/in-app-messages';
import { type WidgetEnv, widgetTokenAuth } from '../widget-auth/widget-token-auth';

/** A play's in-app message as identify answers it: plain text to render as text, and an https link. */
export const widgetPlayMessage = z
  .object({
    id: z.uuid(),
    title: z.string(),
    body: z.string(),
    link_url: z.string().describe('Always an https:// URL, checked when the play was saved.'),
    link_label: z.string().nullable(),
  })
  .nullable()
  .openapi('WidgetPlayMessage');

const params = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  outcome: z.enum(['dismiss', 'click']).openapi({ param: { name: 'outcome', in: 'path' } }),
});

/** What the contact did with a play's message (dismissed it, or followed its link), for the play's funnel. */
export function widgetMessageRoutes() {
  const app = createRouter() as unknown as OpenAPIHono<WidgetEnv>;
  app.use('/v1/widget/messages/*', widgetTokenAuth);
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/widget/messages/{id}/{outcome}',
      tags: ['Widget'],
      summary: "Record that the contact dismissed a play's message or followed its link",
      request: {
        params,
        headers: z.object({ authorization: z.string().optional().openapi({ description: 'Bearer widget token' }) }),
      },
      responses: {
        200: json('Recorded (the first time counts)', z.object({ recorded: z.literal(true) })),
        400: errorResponse('Invalid input'),
        401: errorResponse('Missing or invalid widget token'),
        404: errorResponse("No such message shown to this token's contact"),
      },
    }),
    async (c) => {
      const access = c.get('access');
      if (access.kind !== 'widget') throw new AppError('unauthorized', 'Messages need a widget token.');
      const { id, outcome } = c.req.valid('param');
      await recordMessageOutcome(
        c.get('deps'),
        c.get('ws'),
        access.contactId,
        id,
        outcome === 'dismiss' ? 'dismissed' : 'clicked',
      );
      return c.json({ recorded: true as const }, 200);
    },
  );
  return app;
}
