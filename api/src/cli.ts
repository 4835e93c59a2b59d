import { boot } from './boot';
import { runThroughServer } from './cli/admin-channel';
import { runCommand, usage } from './cli/commands';
import { ConfigError, loadConfig } from './config';
import { dataDirOwner } from './db/data-dir-lock';
import { createLogger } from './log';

/** `npm run candor -- <command>`: operator commands. */
async function cli(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === 'help' || argv.includes('--help')) {
    process.stdout.write(usage);
    return 0;
  }
  const config = loadConfig();
  // Logs go to stderr at warn so that stdout stays clean for --json.
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);

  // On the embedded database a running server owns the data directory: ask it to run the command.
  if (!config.databaseUrl && dataDirOwner(config.dataDir)) {
    const result = await runThroughServer(config.dataDir, argv);
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    return result.exitCode;
  }

  const isWorker = argv[0] === 'worker';
  const deps = await boot({ ...config, runJobsInProcess: isWorker }, { runJobs: isWorker, log });
  if (isWorker) {
    process.stdout.write(
      `Worker running background jobs against the ${deps.database.kind} database. Ctrl-C to stop.\n`,
    );
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await deps.shutdown();
    return 0;
  }
  try {
    const result = await runCommand(deps, argv, { viaServer: false });
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    return result.exitCode;
  } finally {
    await deps.shutdown();
  }
}

cli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(
      err instanceof ConfigError ? `${err.message}\n` : `candor: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exit(1);
  },
);
