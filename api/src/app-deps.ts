import type { Config } from './config';
import type { DatabaseHandle, Db } from './db/database';
import type { Jobs } from './jobs/jobs';
import type { Logger } from './log';

/** Everything the HTTP app and the features need from the process, built once in main.ts (or a test). */
export type AppDeps = {
  config: Config;
  db: Db;
  database: DatabaseHandle;
  log: Logger;
  jobs: Jobs<AppDeps>;
  /** The instance signing key (CANDOR_SECRET, or the generated one from the data directory's 0600 file). */
  secret: string;
  /** CANDOR_SECRET_PREVIOUS during a rotation: still verifies links and opens sealed secrets made with it. */
  previousSecret: string | undefined;
  /** Current time; tests may pin it. */
  now: () => Date;
};
