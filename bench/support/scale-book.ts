import { randomUUID } from 'node:crypto';
import { tenant } from '@candor/api/db/tenant';
import { extractWithRules } from '@candor/api/extraction/rules-extraction';
import { getGuideVersion } from '@candor/api/guides/guide-store';
import { installDemoTriggers } from '@candor/api/triggers/demo-triggers';
import type { Database } from '@candor/migrations';
import type { EventInput } from '@candor/shared';
import { type Insertable, sql } from 'kysely';
import type { TestApp } from '../../tests/support/harness';

const DAY = 86_400_000;

/** How big the generated book is: the scale run's full book times `size`. */
export function bookCounts(size: number) {
  const accounts = Math.max(5, Math.round(5_000 * size));
  return {
    accounts,
    contacts: accounts * 10,
    events: accounts * 200,
    interviews: accounts * 4,
    owners: Math.max(2, Math.min(25, Math.round(accounts / 200))),
  };
}
export type BookCounts = ReturnType<typeof bookCounts>;

/** What the book's generation left for the measurements: ids to read and timings of each step. */
export type Book = {
  counts: BookCounts & { signals: number };
  owners: string[];
  /** External and internal id of accounts: all of them, and the ones renewing within 60 days. */
  accounts: { external: string; id: string; contact: string; renewsSoon: boolean }[];
  guide: { id: string; versionId: string };
  timings: Record<string, number>;
  /** Events per second through `POST /v1/events` while the book was loaded. */
  generationEventsPerSecond: number;
};

// What customers answer: some of it trips the extraction rules (churn, expansion, a request for
// a human, feature requests, praise), some not — so signals exist in a realistic mix.
export const ANSWERS = [
  'We use it every day for the weekly report and it saves us hours.',
  'Honestly we are thinking about switching to Zendesk because of the price.',
  'We will need 20 more seats next quarter when the new team starts.',
  'Could someone call me about the invoice? I would like to talk to a human.',
  'The export is slow and it would be great if it supported CSV.',
  'Nothing to add, it works fine for us.',
  'The price went up again and our budget is cut, we may cancel at renewal.',
  'It would be great to have an API for the dashboards, we love the alerts.',
];
const QUESTIONS = ['How is it going with the product?', 'What would you change first?', 'Anything else?'];
const USAGE = ['login', 'report_run', 'export_run', 'dashboard_viewed'];

const timed = async <T>(timings: Record<string, number>, name: string, work: () => Promise<T>): Promise<T> => {
  const started = performance.now();
  const out = await work();
  timings[name] = performance.now() - started;
  return out;
};

/** Runs `work` over `items` in chunks of `size`, `concurrency` chunks at a time. */
async function inChunks<T>(items: T[], size: number, concurrency: number, work: (chunk: T[]) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const chunk = items.slice(next, next + size);
        next += size;
        await work(chunk);
      }
    }),
  );
}

/** Posts one batch to the server API and fails loudly on anything but 200. */
async function post(t: TestApp, key: string, path: string, json: unknown) {
  const res = await t.request(path, { method: 'POST', token: key, json });
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${(await res.text()).slice(0, 300)}`);
  await res.arrayBuffer();
}

/**
 * The events of one account over the last 60 days: a steady user, or (one account in four)
 * one whose usage fell by about half over the last 30 days, so the usage-drop rule and health
 * have something to find; one event in fifty is a CSM's touch.
 */
export function accountEvents(a: number, count: number, now: number, contactsPerAccount: number): EventInput[] {
  const declining = a % 4 === 0;
  return Array.from({ length: count }, (_, k) => {
    // Spread over 60 days; a declining account has two thirds of its events in the older window.
    const frac = ((k * 7919 + a * 104_729) % 10_007) / 10_007;
    const daysAgo = declining ? (k % 3 === 0 ? frac * 30 : 30 + frac * 30) : frac * 60;
    const touch = k % 50 === 0;
    return {
      event: touch ? 'csm_touch' : (USAGE[k % USAGE.length] as string),
      account_id: `acct_${a}`,
      contact_id: `ct_${a}_${k % contactsPerAccount}`,
      timestamp: new Date(now - daysAgo * DAY - (k % 3600) * 1000).toISOString(),
      message_id: `ev_${a}_${k}`,
    };
  });
}

/**
 * Generates the book on `t`'s database. Through the public API (`POST /v1/accounts`, `/v1/contacts`,
 * `/v1/events` in batches of 1,000, four batches in flight): accounts, contacts, events — the way
 * an integration loads them. Directly with multi-row INSERTs (the engine's own tables, 1,000 rows a
 * statement): completed interviews, their messages, their signals (extracted by the same keyword
 * rules extraction falls back to) and the trigger invitations they answered, because playing
 * 20,000 interviews turn by turn would take hours; CSM members too (the API has no member upsert).
 */
export async function generateBook(
  t: TestApp,
  ws: { id: string; secret_key: string },
  counts: BookCounts,
  log: (line: string) => void,
): Promise<Book> {
  const timings: Record<string, number> = {};
  const now = t.deps.now().getTime();
  const key = ws.secret_key;
  const perAccount = counts.contacts / counts.accounts;
  const owners = Array.from({ length: counts.owners }, (_, i) => `csm${i}@bench.example`);
  const db = tenant(t.deps.db, ws);

  // The playbook first, so ingestion pays its event-rule matching as it would in production.
  await installDemoTriggers(t.deps, ws);
  await db
    .insertInto('members')
    .values(owners.map((email, i) => ({ email, name: `CSM ${i}`, role: 'csm' as const })))
    .execute();

  // Renewal dates spread over the past month and the next year: about one in seven inside
  // the 60-day renewal window.
  const accountInputs = Array.from({ length: counts.accounts }, (_, a) => ({
    id: `acct_${a}`,
    name: `Account ${a}`,
    arr: 5_000 + ((a * 7919) % 500_000),
    plan: ['starter', 'growth', 'enterprise'][a % 3],
    renewal_date: new Date(now + (((a * 37) % 395) - 30) * DAY).toISOString().slice(0, 10),
    owner_email: owners[a % owners.length],
    lifecycle_stage: ['onboarding', 'adopted', 'renewing'][a % 3],
    attributes: { region: ['emea', 'amer', 'apac'][a % 3], seats: 10 + (a % 90) },
  }));
  await timed(timings, 'accounts (POST /v1/accounts)', () =>
    inChunks(accountInputs, 1000, 2, (chunk) => post(t, key, '/v1/accounts', { accounts: chunk })),
  );
  const contactInputs = accountInputs.flatMap((acc, a) =>
    Array.from({ length: perAccount }, (_, c) => ({
      id: `ct_${a}_${c}`,
      account_id: acc.id,
      email: `person${c}@account${a}.example`,
      name: `Person ${c} of ${a}`,
      role: c === 0 ? 'Admin' : 'User',
      timezone: 'Europe/Paris',
    })),
  );
  await timed(timings, 'contacts (POST /v1/contacts)', () =>
    inChunks(contactInputs, 1000, 2, (chunk) => post(t, key, '/v1/contacts', { contacts: chunk })),
  );
  log(
    `  accounts and contacts loaded (${(timings['contacts (POST /v1/contacts)']! / 1000).toFixed(1)} s for contacts)`,
  );

  // Events account by account, in batches of 1,000 — generated lazily so 1 M events never sit in memory.
  const perAccountEvents = counts.events / counts.accounts;
  const accountsPerBatch = Math.max(1, Math.floor(1000 / perAccountEvents));
  const batches = Array.from({ length: Math.ceil(counts.accounts / accountsPerBatch) }, (_, b) => b);
  let posted = 0;
  let lastLog = performance.now();
  await timed(timings, 'events (POST /v1/events)', () =>
    inChunks(batches, 1, 4, async ([b]) => {
      const events: EventInput[] = [];
      for (let a = b! * accountsPerBatch; a < Math.min(counts.accounts, (b! + 1) * accountsPerBatch); a++)
        events.push(...accountEvents(a, perAccountEvents, now, perAccount));
      await post(t, key, '/v1/events', { events });
      posted += events.length;
      if (performance.now() - lastLog > 15_000) {
        lastLog = performance.now();
        log(`  … ${posted.toLocaleString()} events posted`);
      }
    }),
  );
  const generationEventsPerSecond = posted / (timings['events (POST /v1/events)']! / 1000);

  const accountRows = await db.selectFrom('accounts').select(['id', 'external_id', 'renewal_date']).execute();
  const firstContact = new Map(
    (
      await db.selectFrom('contacts').select(['id', 'external_id']).where('external_id', 'like', 'ct\\_%\\_0').execute()
    ).map((c) => [c.external_id, c.id]),
  );
  const soon = new Date(now + 60 * DAY).toISOString().slice(0, 10);
  const today = new Date(now).toISOString().slice(0, 10);
  const accounts = accountRows
    .map((r) => {
      const a = Number(r.external_id.slice('acct_'.length));
      const renewal = r.renewal_date ? String(r.renewal_date).slice(0, 10) : '';
      return {
        a,
        external: r.external_id,
        id: r.id,
        contact: firstContact.get(`ct_${a}_0`) as string,
        renewsSoon: renewal >= today && renewal <= soon,
      };
    })
    .sort((x, y) => x.a - y.a)
    .map(({ a: _a, ...rest }) => rest);

  const guideRow = await db
    .selectFrom('guides')
    .select(['id', 'current_version'])
    .where('moment', '=', 'health_pulse')
    .executeTakeFirstOrThrow();
  const version = await db
    .selectFrom('guide_versions')
    .select('id')
    .where('guide_id', '=', guideRow.id)
    .where('version', '=', guideRow.current_version)
    .executeTakeFirstOrThrow();
  const guide = { id: guideRow.id, versionId: version.id };
  const taxonomy = (await getGuideVersion(t.deps.db, ws, guide.versionId)).body.taxonomy;
  const triggers = await db.selectFrom('triggers').select('id').execute();

  // Interviews, messages, signals and invitations, 250 interviews at a time (1,000+ rows a statement).
  let signals = 0;
  await timed(timings, 'interviews, messages, signals (multi-row INSERT)', async () => {
    const all = Array.from({ length: counts.interviews }, (_, i) => i);
    await inChunks(all, 250, 2, async (chunk) => {
      const interviews: Insertable<Database['interviews']>[] = [];
      const messages: Insertable<Database['messages']>[] = [];
      const signalRows: Insertable<Database['signals']>[] = [];
      const invitations: Insertable<Database['invitations']>[] = [];
      for (const i of chunk) {
        const account = accounts[i % accounts.length]!;
        const id = randomUUID();
        const ended = new Date(now - ((i * 7919) % (90 * 24)) * 3_600_000 - 3_600_000);
        const started = new Date(ended.getTime() - 8 * 60_000);
        const trigger = i % 2 === 0 ? triggers[i % triggers.length]?.id : undefined;
        interviews.push({
          id,
          workspace_id: ws.id,
          guide_id: guide.id,
          guide_version_id: guide.versionId,
          account_id: account.id,
          contact_id: account.contact,
          trigger_id: trigger ?? null,
          channel: 'in_app' as const,
          status: 'completed' as const,
          state: {},
          cost_micros: 0,
          invited_at: started,
          shown_at: started,
          started_at: started,
          ended_at: ended,
          last_activity_at: ended,
        });
        if (trigger)
          invitations.push({
            workspace_id: ws.id,
            trigger_id: trigger,
            guide_id: guide.id,
            contact_id: account.contact,
            account_id: account.id,
            interview_id: id,
            channel: 'in_app',
            decision: 'invited' as const,
            created_at: started,
          });
        const customer = [];
        for (let k = 0; k < 3; k++) {
          const question = { id: randomUUID(), text: QUESTIONS[k] as string };
          const answer = { id: randomUUID(), text: ANSWERS[(i * 3 + k) % ANSWERS.length] as string };
          customer.push(answer);
          const at = new Date(started.getTime() + k * 120_000);
          messages.push(
            {
              ...question,
              workspace_id: ws.id,
              interview_id: id,
              seq: k * 2 + 1,
              role: 'interviewer' as const,
              created_at: at,
            },
            {
              ...answer,
              workspace_id: ws.id,
              interview_id: id,
              seq: k * 2 + 2,
              role: 'customer' as const,
              created_at: at,
            },
          );
        }
        for (const s of extractWithRules(customer, taxonomy))
          signalRows.push({
            workspace_id: ws.id,
            interview_id: id,
            account_id: account.id,
            contact_id: account.contact,
            kind: s.kind,
            value: s.value,
            quote: s.quote,
            message_id: s.message_id,
            confidence: s.confidence,
            source: 'rules' as const,
            created_at: ended,
          });
      }
      signals += signalRows.length;
      await t.deps.db.transaction().execute(async (trx) => {
        await trx.insertInto('interviews').values(interviews).execute();
        for (let k = 0; k < messages.length; k += 1000)
          await trx
            .insertInto('messages')
            .values(messages.slice(k, k + 1000))
            .execute();
        for (let k = 0; k < signalRows.length; k += 1000)
          await trx
            .insertInto('signals')
            .values(signalRows.slice(k, k + 1000))
            .execute();
        if (invitations.length) await trx.insertInto('invitations').values(invitations).execute();
      });
    });
  });
  // A live Postgres' autovacuum analyzes tables this size soon after a load; do it now.
  await timed(timings, 'analyze', () => sql`analyze`.execute(t.deps.db));
  return {
    counts: { ...counts, signals },
    owners,
    accounts,
    guide,
    timings,
    generationEventsPerSecond,
  };
}
