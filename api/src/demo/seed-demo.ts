import { randomUUID } from 'node:crypto';
import type { Database } from '@candor/migrations';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { AppDeps } from '../app-deps';
import type { Db } from '../db/database';
import { tenant, type Ws } from '../db/tenant';
import { seedDemoOperatingModel } from '../operating-model/demo-operating-model';
import { recomputeHealth } from '../synthesis/account-health';
import { buildDueRenewalBriefs } from '../synthesis/renewal-brief';
import { deliverWeeklyBriefing } from '../synthesis/weekly-briefing-delivery';
import { installDemoTriggers } from '../triggers/demo-triggers';
import { createWorkspace } from '../workspaces/create-workspace';
import { type DemoBook, demoWorkspaceName, generateBook } from './generate-book';
import { type AccountOutcome, type DemoEvent, generateEvents } from './generate-events';
import { createRng } from './prng';
import { seedDemoInterviews } from './seed-interviews';

/** Bump when the generated data changes shape, so a stored demo says which recipe made it. */
const seedVersion = 2;
const seedText = 'northwind-analytics-demo';
const chunkSize = 1_000;
const eventChunkSize = 5_000;

export type DemoSeedResult = {
  created: boolean;
  workspace: { id: string; name: string };
  counts: Record<'accounts' | 'contacts' | 'members' | 'events', number>;
  /** Milliseconds each step of a seed that created the demo took (what `bench/demo-seed` prints). */
  timings?: Record<string, number>;
};

type Executor = Kysely<Database> | Transaction<Database>;

/** The fully seeded demo workspace, if there is one. */
export async function findDemoWorkspace(db: Executor): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('workspaces')
    .select('id')
    .where('is_demo', '=', true)
    .where(sql<boolean>`settings ? 'demo'`)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Creates the demo workspace once — members, ~200 accounts with contacts and 90 days of
 * usage — from a fixed seed, so every run produces the same book. A second call finds it
 * and creates nothing.
 */
export async function seedDemoWorkspace(deps: AppDeps): Promise<DemoSeedResult> {
  const existing = await findDemoWorkspace(deps.db);
  if (existing) return { created: false, ...(await describeDemo(deps.db, existing)) };
  const timings: Record<string, number> = {};
  let lap = performance.now();
  const step = <T>(name: string, done: T): T => {
    const at = performance.now();
    timings[name] = Math.round(at - lap);
    lap = at;
    return done;
  };

  // A demo workspace without its data is the remnant of an interrupted seed: fill it in.
  const unfinished = await deps.db
    .selectFrom('workspaces')
    .select(['id', 'name'])
    .where('is_demo', '=', true)
    .orderBy('created_at')
    .executeTakeFirst();
  const ws =
    unfinished ??
    (await createWorkspace(deps, { name: demoWorkspaceName, timezone: 'America/New_York', isDemo: true }));

  const now = deps.now();
  const rng = createRng(seedText);
  const book = generateBook(rng, now);
  const { events, outcomes } = generateEvents(rng, book, now);

  const outcome = await deps.db.transaction().execute(async (trx) => {
    // Two processes starting at once on one Postgres must not both seed: the second waits
    // here, then sees the first one's demo and drops its own empty workspace.
    await sql`select pg_advisory_xact_lock(hashtext('candor.seed-demo'))`.execute(trx);
    const winner = await findDemoWorkspace(trx);
    if (winner) {
      if (winner.id !== ws.id && !unfinished) await trx.deleteFrom('workspaces').where('id', '=', ws.id).execute();
      return { winner };
    }
    const counts = await insertBook(tenant(trx, ws), book, events, outcomes);
    const current = await trx
      .selectFrom('workspaces')
      .select('settings')
      .where('id', '=', ws.id)
      .executeTakeFirstOrThrow();
    const demo = {
      seed_version: seedVersion,
      seeded_at: now.toISOString(),
      note: 'Generated demo data: a 200-account book of business with contacts, 90 days of usage, upcoming meetings and completed interviews in English, German and French. No real companies or people; every address is under .example.',
      counts,
    };
    await trx
      .updateTable('workspaces')
      .set({ settings: { ...current.settings, demo } })
      .where('id', '=', ws.id)
      .execute();
    return { counts };
  });
  if ('winner' in outcome && outcome.winner)
    return { created: false, ...(await describeDemo(deps.db, outcome.winner)) };
  step('book', null);
  // The demo should look lived-in on first start: its playbook runs (declining accounts get
  // churn-risk invitations), health is computed from the seeded usage, renewals due within
  // 60 days get their brief and each CSM this week's briefing.
  const playbook = step('playbook', await installDemoTriggers(deps, { id: ws.id }));
  // A year of renewals and a holdout wave, so the Operating model page has figures at once.
  step('operating_model', await seedDemoOperatingModel(deps, { id: ws.id }));
  // What customers said in the last weeks, run through extraction: the story every page tells.
  // A seed of its own, so the conversations never shift the book above.
  const told = step(
    'interviews',
    await seedDemoInterviews(deps, { id: ws.id }, book, createRng(`${seedText}:interviews`), now),
  );
  step('health', await recomputeHealth(deps, { id: ws.id }));
  // Deterministic on purpose: first start must not wait on (or pay for) a model; "Regenerate brief" asks it.
  step('renewal_briefs', await buildDueRenewalBriefs(deps, { id: ws.id }, { rulesOnly: true }));
  for (const member of await tenant(deps.db, ws)
    .selectFrom('members')
    .select('email')
    .where('role', '=', 'csm')
    .execute())
    await deliverWeeklyBriefing(deps, ws, member.email, { rulesOnly: true });
  step('weekly_briefings', null);
  // The embedded database has no autovacuum to gather statistics: without them the planner
  // ignores the console's indexes on a freshly seeded book.
  step('analyze', await sql`analyze`.execute(deps.db));
  deps.log.info({ workspace: ws.id, ...outcome.counts, invited: playbook.invited, ...told }, 'demo workspace seeded');
  return { created: true, workspace: { id: ws.id, name: ws.name }, counts: outcome.counts!, timings };
}

/** "200 accounts, 800 contacts, …": the seed's counts for people to read. */
export function formatDemoCounts(counts: DemoSeedResult['counts']): string {
  return Object.entries(counts)
    .map(([what, n]) => `${n.toLocaleString('en-US')} ${what}`)
    .join(', ');
}

async function insertBook(
  t: ReturnType<typeof tenant>,
  book: DemoBook,
  events: DemoEvent[],
  outcomes: AccountOutcome[],
): Promise<DemoSeedResult['counts']> {
  await t
    .insertInto('members')
    .values(book.members.map((m) => ({ email: m.email, name: m.name, role: m.role })))
    .execute();

  const accountIds = book.accounts.map(() => randomUUID());
  const contactIds = book.accounts.map((a) => a.contacts.map(() => randomUUID()));
  await insertChunked(
    book.accounts.map((a, i) => ({
      id: accountIds[i]!,
      external_id: a.externalId,
      name: a.name,
      arr_cents: a.arrCents,
      plan: a.plan,
      renewal_date: a.renewalDate,
      owner_email: a.ownerEmail,
      lifecycle_stage: a.lifecycleStage,
      last_touch_at: outcomes[i]!.lastTouchAt,
      attributes: {
        industry: a.industry,
        region: a.region,
        domain: a.domain,
        seats: outcomes[i]!.seats,
        customer_since: a.customerSince,
      },
    })),
    (rows) => t.insertInto('accounts').values(rows).execute(),
  );
  await insertChunked(
    book.accounts.flatMap((a, i) =>
      a.contacts.map((c, j) => ({
        id: contactIds[i]![j]!,
        account_id: accountIds[i]!,
        external_id: c.externalId,
        email: c.email,
        name: c.name,
        role: c.role,
        timezone: c.timezone,
        locale: c.locale,
        attributes: { title: c.title },
      })),
    ),
    (rows) => t.insertInto('contacts').values(rows).execute(),
  );
  const eventRows = events.map((e) => ({
    account_id: accountIds[e.account]!,
    contact_id: e.contact === null ? null : contactIds[e.account]![e.contact]!,
    name: e.name,
    properties: e.properties,
    occurred_at: e.at.toISOString(),
  }));
  // Tens of thousands of rows: one JSON parameter per chunk expands server-side, several
  // times faster than a VALUES list with six parameters a row (most of all on PGlite).
  await insertChunked(
    eventRows,
    (rows) =>
      sql`
      insert into events (workspace_id, account_id, contact_id, name, properties, occurred_at)
      select ${t.ws.id}::uuid, r.account_id, r.contact_id, r.name, r.properties, r.occurred_at
      from jsonb_to_recordset(${JSON.stringify(rows)}::text::jsonb)
        as r(account_id uuid, contact_id uuid, name text, properties jsonb, occurred_at timestamptz)`.execute(t.db),
    eventChunkSize,
  );
  return {
    accounts: book.accounts.length,
    contacts: contactIds.reduce((n, ids) => n + ids.length, 0),
    members: book.members.length,
    events: events.length,
  };
}

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = chunkSize): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

async function describeDemo(db: Db, found: { id: string }) {
  const ws: Ws = { id: found.id };
  const t = tenant(db, ws);
  const count = async (table: 'accounts' | 'contacts' | 'members' | 'events') =>
    Number(
      (
        await t
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const row = await db
    .selectFrom('workspaces')
    .select(['id', 'name'])
    .where('id', '=', ws.id)
    .executeTakeFirstOrThrow();
  return {
    workspace: row,
    counts: {
      accounts: await count('accounts'),
      contacts: await count('contacts'),
      members: await count('members'),
      events: await count('events'),
    },
  };
}
