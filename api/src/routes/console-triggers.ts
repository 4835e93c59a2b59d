import { triggerInputSchema, triggerPatchSchema } from '@candor/shared';
import { type Context, Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import { notFound } from '../app-error';
import { requireRole, sessionAuth } from '../auth/session-auth';
import { readJsonBody } from '../console/read-query';
import type { AppEnv } from '../http/app-env';
import { dryRunTrigger } from '../triggers/dry-run';
import { funnelWindow } from '../triggers/funnel';
import { playStepCounts } from '../triggers/signal-plays';
import { createTrigger, deleteTrigger, getTrigger, updateTrigger } from '../triggers/trigger-store';

/** A dry run needs only the rule's *when*, *who* and plan condition; the form sends what it has. */
const dryRunBody = triggerInputSchema.pick({ when: true, who: true, plans: true });
const idParam = z.uuid();

/**
 * The console's trigger editing under /console/api/triggers (admins, session cookie): the
 * same rules and store as /v1/triggers, so a rule made here is the one the API lists.
 */
export function consoleTriggerRoutes() {
  const app = new Hono<AppEnv>().basePath('/console/api');
  const admin = [sessionAuth, requireRole('admin')] as const;
  const noStore = createMiddleware<AppEnv>(async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  const deps = (c: Context<AppEnv>) => c.get('deps');
  const id = (c: Context<AppEnv>) => readId(c.req.param('id'));

  app.post('/triggers', ...admin, noStore, async (c) =>
    c.json(await createTrigger(deps(c).db, c.get('ws'), await readJsonBody(c, triggerInputSchema)), 201),
  );
  app.post('/triggers/dry-run', ...admin, noStore, async (c) =>
    c.json(await dryRunTrigger(deps(c), c.get('ws'), await readJsonBody(c, dryRunBody))),
  );
  app.patch('/triggers/:id', ...admin, noStore, async (c) =>
    c.json(await updateTrigger(deps(c).db, c.get('ws'), id(c), await readJsonBody(c, triggerPatchSchema))),
  );
  // Any signed-in member may read how a play's steps turned out.
  app.get('/triggers/:id/steps', sessionAuth, noStore, async (c) => {
    const trigger = await getTrigger(deps(c).db, c.get('ws'), id(c));
    const window = funnelWindow(deps(c).now());
    return c.json({ steps: await playStepCounts(deps(c), c.get('ws'), trigger.id, window), window });
  });
  app.delete('/triggers/:id', ...admin, noStore, async (c) => {
    await deleteTrigger(deps(c).db, c.get('ws'), id(c));
    return c.json({ deleted: true as const });
  });
  return app;
}

function readId(raw: string | undefined): string {
  const parsed = idParam.safeParse(raw);
  // An id that cannot exist is simply not found, as it is on /v1/triggers/{id}.
  if (!parsed.success) throw notFound('Trigger');
  return parsed.data;
}
