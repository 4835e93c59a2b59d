import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { migrationsAreCurrent } from '../db/migrate';
import { createRouter, json } from '../http/openapi';

const health = z.object({ status: z.literal('ok') }).openapi('Health');
const readiness = z
  .object({ status: z.enum(['ready', 'not_ready']), database: z.boolean(), migrations: z.boolean() })
  .openapi('Readiness');

/** Liveness and readiness probes for orchestrators and load balancers. */
export function systemRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/healthz',
      tags: ['System'],
      summary: 'The process is up',
      responses: { 200: json('Up', health) },
    }),
    (c) => c.json({ status: 'ok' as const }, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/readyz',
      tags: ['System'],
      summary: 'The database is reachable and migrations are applied',
      responses: {
        200: json('Ready', readiness),
        503: json('Not ready', readiness),
      },
    }),
    async (c) => {
      const { db } = c.get('deps');
      const database = await sql`select 1`.execute(db).then(
        () => true,
        () => false,
      );
      const migrations = database && (await migrationsAreCurrent(db).catch(() => false));
      const ready = database && migrations;
      return c.json(
        { status: ready ? ('ready' as const) : ('not_ready' as const), database, migrations },
        ready ? 200 : 503,
      );
    },
  );
  return app;
}
