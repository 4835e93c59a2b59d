import { parseArgs } from 'node:util';
import type { AppDeps } from '../app-deps';
import { AppError } from '../app-error';
import { inviteMember } from '../auth/invite-member';
import { copyDatabase } from '../db/copy-database';
import { connectPostgres } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { formatDemoCounts, seedDemoWorkspace } from '../demo/seed-demo';
import { listOutbox } from '../mail/outbox';
import { createWorkspace } from '../workspaces/create-workspace';

export type CommandResult = { stdout: string; stderr: string; exitCode: number };

export const usage = `Usage: npm run candor -- <command>

Commands:
  migrate                                   apply pending database migrations
  seed-demo                                 create the demo workspace (once)
  worker                                    run background jobs in this process
  workspace create <name> [--json]          create a workspace; prints its keys once
  outbox [--json] [--limit <n>] [--reveal-links]
                                            emails in the local outbox, newest first; sign-in,
                                            interview and unsubscribe links redacted unless revealed
  copy-to-postgres <postgres-url> [--json]  copy every row of the embedded database into an
                                            empty Postgres database (then set DATABASE_URL)
  member invite <email> [--workspace <id>] [--role admin|csm] [--json]
                                            add a console member; prints a one-time sign-in link
`;

const ok = (stdout: string): CommandResult => ({ stdout, stderr: '', exitCode: 0 });
const fail = (stderr: string, exitCode = 1): CommandResult => ({ stdout: '', stderr, exitCode });
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Runs one CLI command against a booted process. The same function serves a local run
 * and a run relayed through the server's admin channel, so output never differs.
 */
export async function runCommand(
  deps: AppDeps,
  argv: string[],
  context: { viaServer: boolean },
): Promise<CommandResult> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    return fail(`${(err as Error).message}\n\n${usage}`, 2);
  }
  const {
    positionals: [command, sub, ...rest],
    values,
  } = parsed;
  try {
    switch (command) {
      case 'migrate': {
        const applied = await migrateToLatest(deps.db);
        return ok(applied.length ? `Applied ${applied.join(', ')}.\n` : 'Migrations are current.\n');
      }
      case 'seed-demo': {
        if (!deps.config.demo) return fail('The demo is switched off on this server (CANDOR_DEMO=false).\n');
        const seeded = await seedDemoWorkspace(deps);
        if (values.json) return ok(json(seeded));
        return ok(
          seeded.created
            ? `Seeded the demo workspace ${seeded.workspace.id}: ${formatDemoCounts(seeded.counts)}.\n`
            : `The demo workspace already exists (${seeded.workspace.id}); nothing to do.\n`,
        );
      }
      case 'workspace': {
        const name = [sub === 'create' ? undefined : sub, ...rest].filter(Boolean).join(' ').trim();
        if (sub !== 'create' || !name) return fail(`Usage: npm run candor -- workspace create <name> [--json]\n`, 2);
        const ws = await createWorkspace(deps, { name });
        if (values.json) return ok(json(ws));
        return ok(
          [
            `Created workspace "${ws.name}"`,
            `  id               ${ws.id}`,
            `  publishable key  ${ws.publishable_key}   (safe in web pages: the widget's key)`,
            `  secret key       ${ws.secret_key}   (server-side only)`,
            `  identity secret  ${ws.identity_secret}   (signs the widget's token or userHash; verification is on)`,
            'The keys are shown only now; store them somewhere safe.',
            '',
          ].join('\n'),
        );
      }
      case 'member': {
        const email = rest[0];
        if (sub !== 'invite' || !email || rest.length > 1)
          return fail(
            'Usage: npm run candor -- member invite <email> [--workspace <id>] [--role admin|csm] [--json]\n',
            2,
          );
        const invite = await inviteMember(deps, { email, workspaceId: values.workspace, role: values.role });
        if (values.json) return ok(json(invite));
        return ok(`One-time sign-in link for ${invite.email} (${invite.role}):\n  ${invite.url}\n`);
      }
      case 'outbox': {
        const limit = values.limit === undefined ? 20 : Number(values.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 500)
          return fail('--limit must be a whole number from 1 to 500\n', 2);
        const emails = await listOutbox(deps.db, { limit, revealLinks: values['reveal-links'] === true });
        return ok(values.json ? json(emails) : formatOutbox(emails));
      }
      case 'copy-to-postgres': {
        if (!sub || rest.length > 0 || !/^postgres(?:ql)?:\/\//.test(sub))
          return fail('Usage: npm run candor -- copy-to-postgres <postgres://user@host:5432/database>\n', 2);
        if (deps.database.kind !== 'pglite')
          return fail('This process already runs on Postgres; copy-to-postgres moves the embedded database.\n');
        const target = connectPostgres(sub, { max: 2 });
        try {
          const copied = await copyDatabase(deps.db, target.db);
          if (values.json) return ok(json(copied));
          const total = copied.reduce((n, c) => n + c.rows, 0);
          return ok(
            [
              `Copied ${total} rows in ${copied.length} tables:`,
              ...copied.filter((c) => c.rows > 0).map((c) => `  ${c.table.padEnd(24)} ${c.rows}`),
              'Stop Candor, set DATABASE_URL to that database and start it again. Background jobs that were',
              'queued but not yet run on the embedded database are not carried over.',
              '',
            ].join('\n'),
          );
        } finally {
          await target.close();
        }
      }
      case 'worker':
        return context.viaServer
          ? fail(
              'The running server owns the embedded database and already runs the background jobs. A separate worker process needs a Postgres server: set DATABASE_URL.\n',
            )
          : fail('worker is handled by the CLI entry point\n');
      case undefined:
      case 'help':
        return ok(usage);
      default:
        return fail(`Unknown command "${command}".\n\n${usage}`, 2);
    }
  } catch (err) {
    if (err instanceof AppError) return fail(`${err.message}\n`);
    throw err;
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      workspace: { type: 'string' },
      role: { type: 'string' },
      limit: { type: 'string' },
      // The operator can read the database anyway; the flag keeps live links out of pasted output.
      'reveal-links': { type: 'boolean' },
    },
  });
}

function formatOutbox(emails: Awaited<ReturnType<typeof listOutbox>>): string {
  if (emails.length === 0) return 'The outbox is empty.\n';
  return `${emails
    .map((e) => `${e.created_at.toISOString()}  ${e.status.padEnd(7)}  to ${e.to}\n  ${e.subject}\n${indent(e.text)}`)
    .join('\n')}\n`;
}

const indent = (text: string) =>
  text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
