import type { Config } from '../config';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock';
import { connectPostgres, type DatabaseHandle, openPglite } from './database';

/** The database the config names: Postgres when DATABASE_URL is set, else the embedded one (locked to this process). */
export async function openDatabase(config: Config): Promise<DatabaseHandle & { lock?: DataDirLock }> {
  if (config.databaseUrl) return connectPostgres(config.databaseUrl);
  const lock = acquireDataDirLock(config.dataDir);
  try {
    const handle = await openPglite(config.dataDir);
    return {
      ...handle,
      lock,
      close: async () => {
        await handle.close();
        lock.release();
      },
    };
  } catch (err) {
    lock.release();
    throw err;
  }
}
