import { correctedSignalSchema, correctionBodySchema, correctionCountsSchema } from '@candor/shared/console';
import { createRoute, z } from '@hono/zod-openapi';
import { correctionCounts, correctSignal } from '../extraction/signal-corrections';
import { consoleRoute, createConsoleRouter, errorResponses, signedIn } from '../http/console-router';
import { body, json } from '../http/openapi';

const tags = ['Signal corrections'];

/**
 * CSM corrections from the transcript page: change a signal's kind or value, or dismiss
 * it; and the corrections counted per kind. Session cookie.
 */
export function consoleSignalCorrectionRoutes() {
  const app = createConsoleRouter();
  consoleRoute(
    app,
    createRoute({
      method: 'post',
      path: '/signals/{id}/corrections',
      tags,
      summary: "Change a signal's kind or value, or dismiss it",
      middleware: signedIn,
      request: {
        params: z.object({ id: z.string() }),
        ...body(correctionBodySchema),
      },
      responses: {
        201: json('Corrected', correctedSignalSchema),
        ...errorResponses(400, 401, 404),
      },
    }),
    async (c) => {
      const signal = await correctSignal(
        c.get('deps'),
        c.get('ws'),
        c.get('member').id,
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return c.json({ signal }, 201);
    },
  );
  consoleRoute(
    app,
    createRoute({
      method: 'get',
      path: '/signal-corrections',
      tags,
      summary: 'Corrections counted per kind',
      middleware: signedIn,
      responses: {
        200: json('Per kind', correctionCountsSchema),
        ...errorResponses(401),
      },
    }),
    async (c) => c.json({ kinds: await correctionCounts(c.get('deps'), c.get('ws')) }, 200),
  );
  return app;
}
