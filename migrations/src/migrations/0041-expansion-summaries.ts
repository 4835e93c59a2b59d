import { type Kysely, sql } from 'kysely';
import { executeStatements } from '../execute-statements';

/**
 * `expansion_days`: expansion-intent signals per workspace, UTC day, account and kind of
 * expansion (`value->>'kind'`), so the expansion pipeline counts small rows instead of
 * reading, numbering and sorting every expansion signal in its window on each request.
 * Each pipeline entry's newest signal is then read for the page alone, down
 * `signals_account`.
 *
 * Kept like the summaries of 0040: statement-level triggers on `signals` apply every
 * insert, update and delete in the same transaction as the write, counting only the
 * signals a portfolio figure counts (`counted_signal_changes`: with an account, not from
 * the guide-preview contact). Rows of other kinds are left out before the changes are
 * worked out, so a write with no expansion signal in it costs next to nothing here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    create table expansion_days (
      workspace_id uuid not null references workspaces(id) on delete cascade,
      day date not null,
      account_id uuid not null,
      expansion_kind text,
      signals integer not null,
      constraint expansion_days_key unique nulls not distinct (workspace_id, day, account_id, expansion_kind)
    );
    `,
  );
  // Function bodies hold statements of their own, so each goes to the database whole.
  await sql.raw(SUMMARIZE_EXPANSION).execute(db);
  for (const [event, referencing, added, removed] of [
    ['insert', 'new table as new_rows', 'new_rows', null],
    ['update', 'old table as old_rows new table as new_rows', 'new_rows', 'old_rows'],
    ['delete', 'old table as old_rows', null, 'old_rows'],
  ] as const) {
    const rows = (name: string | null) =>
      name ? `array(select t::signals from ${name} t where t.kind = 'expansion_intent')` : `'{}'::signals[]`;
    await sql
      .raw(`create function summarize_expansion_${event}() returns trigger language plpgsql as $$
begin
  perform summarize_expansion(${rows(added)}, ${rows(removed)});
  return null;
end
$$`)
      .execute(db);
    await sql
      .raw(`create trigger signals_expansion_${event} after ${event} on signals
      referencing ${referencing} for each statement execute function summarize_expansion_${event}()`)
      .execute(db);
  }
  // The expansion signals already stored, one workspace at a time.
  await sql
    .raw(
      `select summarize_expansion(array(select s from signals s where s.workspace_id = w.id and s.kind = 'expansion_intent'), '{}')
      from workspaces w`,
    )
    .execute(db);
  // Planner statistics now, not at autovacuum's leisure: without them the first reads guess
  // one row and join each summary row to its account one at a time.
  await sql`analyze expansion_days`.execute(db);
}

/**
 * Applies expansion signals added and removed: each group's net change in key order (so
 * concurrent writers lock rows in the same order), then drops the groups that reached zero.
 */
const SUMMARIZE_EXPANSION = `
create function summarize_expansion(added signals[], removed signals[]) returns void language plpgsql as $$
begin
  if cardinality(added) = 0 and cardinality(removed) = 0 then
    return;
  end if;
  insert into expansion_days as d (workspace_id, day, account_id, expansion_kind, signals)
  select c.workspace_id, c.day, c.account_id, c.value->>'kind', sum(c.delta)
  from counted_signal_changes(added, removed) c
  where c.kind = 'expansion_intent'
  group by 1, 2, 3, 4
  having sum(c.delta) <> 0
  order by 1, 2, 3, 4
  on conflict on constraint expansion_days_key do update set signals = d.signals + excluded.signals;
  delete from expansion_days d using counted_signal_changes(added, removed) k
  where k.kind = 'expansion_intent' and d.workspace_id = k.workspace_id and d.day = k.day
    and d.account_id = k.account_id and d.expansion_kind is not distinct from k.value->>'kind' and d.signals <= 0;
end
$$`;

export async function down(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    drop trigger signals_expansion_insert on signals;
    drop trigger signals_expansion_update on signals;
    drop trigger signals_expansion_delete on signals;
    drop function summarize_expansion_insert();
    drop function summarize_expansion_update();
    drop function summarize_expansion_delete();
    drop function summarize_expansion(signals[], signals[]);
    drop table expansion_days;
    `,
  );
}
