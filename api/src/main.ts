import { serve } from '@hono/node-server';
import { createApp } from './app';
import { boot } from './boot';
import { startAdminChannel } from './cli/admin-channel';
import { ConfigError, loadConfig } from './config';
import { DataDirInUseError } from './db/data-dir-lock';
import { onFirstStart } from './first-start';

/** Process entry: config → database → jobs → HTTP, and a graceful shutdown on SIGINT/SIGTERM. */
async function main() {
  const config = loadConfig();
  const deps = await boot(config, { runJobs: config.runJobsInProcess });
  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port: config.port });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const admin = config.databaseUrl ? undefined : await startAdminChannel(deps, config.dataDir);
  deps.log.info({ port: config.port, database: deps.database.kind }, 'listening');

  const banner = await onFirstStart(deps);
  // Time from process start to a usable console (listening, demo seeded, sign-in link made).
  process.stdout.write(`${banner}\n  Ready in ${process.uptime().toFixed(1)} s.\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    deps.log.info({ signal }, 'shutting down');
    const forced = setTimeout(() => process.exit(1), 15_000);
    forced.unref();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await admin?.close();
    await deps.shutdown();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
  } else if (err instanceof DataDirInUseError) {
    process.stderr.write(`${err.message} Stop that process first, or set DATABASE_URL to use a Postgres server.\n`);
  } else if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    process.stderr.write(
      `Port ${(err as { port?: number }).port ?? ''} is already in use; set PORT to another port.\n`,
    );
  } else {
    process.stderr.write(`Candor could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  }
  process.exit(1);
});
