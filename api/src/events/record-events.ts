import { randomUUID } from 'node:crypto';
import type { EventInput, TrackEventsResult } from '@candor/shared';
import { sql } from 'kysely';
import { rejectItems } from '../accounts/batch-upsert';
import { resolveAccountIds } from '../accounts/find-account';
import type { ErrorItem } from '../app-error';
import type { Tenant } from '../db/tenant';

/** An event as stored by this call, handed to `onEventsRecorded`. */
export type RecordedEvent = {
  id: string;
  name: string;
  properties: Record<string, unknown>;
  occurred_at: Date;
  account_id: string | null;
  contact_id: string | null;
  account_external_id: string | null;
  contact_external_id: string | null;
  message_id: string | null;
};

/** Event names with a built-in meaning. */
export const CSM_TOUCH = 'csm_touch';

type ContactRef = { id: string; account_id: string | null };

/**
 * Stores a batch of events with a fixed number of statements whatever its size: one lookup
 * per id kind, one insert for unseen contacts, one multi-row event insert, one touch update.
 * Runs inside the caller's transaction. Unknown account ids reject the batch (nothing written).
 */
export async function recordEvents(
  t: Tenant,
  events: EventInput[],
  now: Date,
): Promise<{ result: TrackEventsResult; recorded: RecordedEvent[] }> {
  const accountIds = await resolveAccountIds(
    t,
    events.flatMap((e) => (e.account_id ? [e.account_id] : [])),
  );
  const errors: ErrorItem[] = [];
  events.forEach((e, index) => {
    if (e.account_id && !accountIds.has(e.account_id))
      errors.push({ index, field: 'account_id', message: `no account with id "${e.account_id}"; send it first` });
  });
  if (errors.length > 0) rejectItems('events', errors);

  const { contacts, created } = await ensureContacts(t, events, accountIds);

  // A repeated message_id inside one batch is stored once, like a repeat across calls.
  const seenMessageIds = new Set<string>();
  const rows: RecordedEvent[] = [];
  for (const e of events) {
    if (e.message_id !== undefined) {
      if (seenMessageIds.has(e.message_id)) continue;
      seenMessageIds.add(e.message_id);
    }
    const contact = e.contact_id ? contacts.get(e.contact_id) : undefined;
    const accountId = (e.account_id ? accountIds.get(e.account_id) : contact?.account_id) ?? null;
    rows.push({
      id: randomUUID(),
      name: e.event,
      properties: e.properties ?? {},
      occurred_at: e.timestamp ? new Date(e.timestamp) : now,
      account_id: accountId,
      contact_id: contact?.id ?? null,
      account_external_id: e.account_id ?? null,
      contact_external_id: e.contact_id ?? null,
      message_id: e.message_id ?? null,
    });
  }

  const inserted = await insertEvents(t, rows, now);
  const insertedIds = new Set(inserted);
  const recorded = rows.filter((r) => insertedIds.has(r.id));

  await recordTouches(t, recorded);
  return {
    result: { recorded: recorded.length, duplicates: events.length - recorded.length, contacts_created: created },
    recorded,
  };
}

/** Finds the contacts events name and creates minimal ones for ids never seen before. */
async function ensureContacts(t: Tenant, events: EventInput[], accountIds: Map<string, string>) {
  const wanted = [...new Set(events.flatMap((e) => (e.contact_id ? [e.contact_id] : [])))];
  const contacts = new Map<string, ContactRef>();
  if (wanted.length === 0) return { contacts, created: 0 };
  const select = (ids: string[]) =>
    t.selectFrom('contacts').select(['id', 'external_id', 'account_id']).where('external_id', 'in', ids).execute();
  for (const c of await select(wanted)) contacts.set(c.external_id, c);

  // Sorted: concurrent batches creating the same contacts insert them in one order.
  const missing = wanted.filter((id) => !contacts.has(id)).sort();
  if (missing.length === 0) return { contacts, created: 0 };
  const accountOf = new Map<string, string | null>();
  for (const e of events) {
    if (e.contact_id && !accountOf.has(e.contact_id))
      accountOf.set(e.contact_id, (e.account_id && accountIds.get(e.account_id)) || null);
  }
  const inserted = await t
    .insertInto('contacts')
    .values(missing.map((id) => ({ external_id: id, account_id: accountOf.get(id) ?? null, attributes: {} })))
    .onConflict((oc) => oc.columns(['workspace_id', 'external_id']).doNothing())
    .returning(['id', 'external_id', 'account_id'])
    .execute();
  for (const c of inserted) contacts.set(c.external_id, c);
  // Another request may have created some of them between our select and insert.
  const raced = missing.filter((id) => !contacts.has(id));
  if (raced.length > 0) for (const c of await select(raced)) contacts.set(c.external_id, c);
  return { contacts, created: inserted.length };
}

/**
 * A `csm_touch` event moves its account's last touch forward (never back). The rows are
 * locked in id order first: two batches touching the same accounts in different orders
 * would otherwise each hold a row the other waits for.
 */
async function recordTouches(t: Tenant, recorded: RecordedEvent[]) {
  const latest = new Map<string, Date>();
  for (const r of recorded) {
    if (r.name !== CSM_TOUCH || !r.account_id) continue;
    const seen = latest.get(r.account_id);
    if (!seen || r.occurred_at > seen) latest.set(r.account_id, r.occurred_at);
  }
  if (latest.size === 0) return;
  const ids = [...latest.keys()].sort();
  await t.selectFrom('accounts').select('id').where('id', 'in', ids).orderBy('id').forNoKeyUpdate().execute();
  const touches = JSON.stringify(ids.map((id) => ({ id, at: latest.get(id)?.toISOString() })));
  await sql`
    update accounts a
    set last_touch_at = greatest(coalesce(a.last_touch_at, x.at), x.at)
    from jsonb_to_recordset(cast(${touches} as text)::jsonb) as x(id uuid, at timestamptz)
    where a.id = x.id and a.workspace_id = ${t.ws.id}::uuid`.execute(t.db);
}

/**
 * One statement for the whole batch, with the rows as a single JSON parameter: thousands of
 * bound parameters cost more in the drivers than the insert itself. The workspace comes
 * from `t`, never from the rows.
 */
async function insertEvents(t: Tenant, rows: RecordedEvent[], now: Date): Promise<string[]> {
  if (rows.length === 0) return [];
  // Inserted in message_id order: two batches resending the same ids in different orders
  // would otherwise each wait on a unique-index entry the other has written.
  const ordered = [...rows].sort((a, b) => compareNullable(a.message_id, b.message_id));
  const payload = JSON.stringify(
    ordered.map((r) => ({
      id: r.id,
      name: r.name,
      properties: r.properties,
      occurred_at: r.occurred_at.toISOString(),
      account_id: r.account_id,
      contact_id: r.contact_id,
      message_id: r.message_id,
    })),
  );
  const result = await sql<{ id: string }>`
    insert into events (id, workspace_id, name, properties, occurred_at, received_at, account_id, contact_id, message_id)
    select x.id, ${t.ws.id}::uuid, x.name, x.properties, x.occurred_at, ${now.toISOString()}::timestamptz,
           x.account_id, x.contact_id, x.message_id
    from jsonb_to_recordset(cast(${payload} as text)::jsonb)
      as x(id uuid, name text, properties jsonb, occurred_at timestamptz, account_id uuid, contact_id uuid, message_id text)
    on conflict (workspace_id, message_id) where message_id is not null do nothing
    returning id`.execute(t.db);
  return result.rows.map((r) => r.id);
}

/** Orders strings with nulls last; the shared order that keeps concurrent writers from deadlocking. */
function compareNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
