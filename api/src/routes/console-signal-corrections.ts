import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { sessionAuth } from '../auth/session-auth';
import { readJsonBody } from '../console/read-query';
import { correctionBody, correctionCounts, correctSignal } from '../extraction/signal-corrections';
import type { AppEnv } from '../http/app-env';

/**
 * CSM corrections from the transcript page: change a signal's kind or value, or dismiss
 * it; and the corrections counted per kind. Session cookie; internal to the console.
 */
export function consoleSignalCorrectionRoutes() {
  const app = new Hono<AppEnv>().basePath('/console/api');
  const noStore = createMiddleware<AppEnv>(async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  app.post('/signals/:id/corrections', sessionAuth, noStore, async (c) => {
    const body = await readJsonBody(c, correctionBody);
    const signal = await correctSignal(c.get('deps'), c.get('ws'), c.get('member').id, c.req.param('id'), body);
    return c.json({ signal }, 201);
  });
  app.get('/signal-corrections', sessionAuth, noStore, async (c) =>
    c.json({ kinds: await correctionCounts(c.get('deps'), c.get('ws')) }),
  );
  return app;
}
