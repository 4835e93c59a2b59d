import { allJobs } from './all-jobs';
import type { AppDeps } from './app-deps';
import type { Config } from './config';
import type { DatabaseHandle } from './db/database';
import { migrateToLatest } from './db/migrate';
import { openDatabase } from './db/open-database';
import { resolveInstanceSecret } from './instance-secret';
import { startJobs } from './jobs/jobs';
import { createLogger, type Logger } from './log';
import { resealStoredSecrets } from './secrets/reseal-secrets';

/**
 * Brings a process's dependencies up in order — database, migrations, signing key, job
 * queue, secrets sealed under the current key — and returns them with one `shutdown` that takes them down in reverse.
 */
export async function boot(
  config: Config,
  options: { runJobs: boolean; log?: Logger; database?: DatabaseHandle },
): Promise<AppDeps & { shutdown(): Promise<void> }> {
  const log = options.log ?? createLogger(config.logLevel);
  const database = options.database ?? (await openDatabase(config));
  try {
    const applied = await migrateToLatest(database.db);
    if (applied.length) log.info({ applied }, 'migrations applied');
    const secret = await resolveInstanceSecret(database.db, config);
    const resealed = await resealStoredSecrets(database.db, { secret, previousSecret: config.previousSecret });
    if (resealed) log.info({ resealed }, 'stored secrets sealed with the current key');
    const jobs = await startJobs<AppDeps>(database, config, log, allJobs);
    // One object for the app and the job handlers, so a test that pins `now` pins it everywhere.
    const deps: AppDeps & { shutdown(): Promise<void> } = {
      config,
      db: database.db,
      database,
      log,
      jobs,
      secret,
      previousSecret: config.previousSecret,
      now: () => new Date(),
      async shutdown() {
        await jobs.stop().catch((err) => log.error({ err }, 'job queue did not stop cleanly'));
        await database.close();
      },
    };
    if (options.runJobs) {
      await jobs.work(deps);
      await jobs.scheduleRecurring();
    }
    return deps;
  } catch (err) {
    await database.close().catch(() => {});
    throw err;
  }
}
