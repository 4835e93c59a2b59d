import { type Kysely, sql } from 'kysely';
import { executeStatements } from '../execute-statements';

// Events that are not product usage: a CSM's touch, a booked meeting, a health transition.
// Health and usage-drop triggers compare usage only. Changing this list takes a migration.
const NOT_USAGE = `('csm_touch', 'meeting_scheduled', 'account.state_changed')`;
const DAY = `(occurred_at at time zone 'UTC')::date`;

/**
 * A per-account daily count of usage events, kept current by statement-level triggers on
 * `events` (every insert path, the API's, Segment's, the widget's and direct ones, is
 * counted once per statement), so the 5-minute usage-drop pass and the health pass read a
 * few rows per account instead of every event of the last two windows.
 *
 * Rows are upserted in (account, day) order: concurrent event batches for the same accounts
 * take these row locks in one order and cannot deadlock on them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    create table account_daily_usage (
      workspace_id uuid not null references workspaces(id) on delete cascade,
      account_id uuid not null references accounts(id) on delete cascade,
      day date not null,
      usage_events integer not null,
      primary key (account_id, day)
    );
    create index account_daily_usage_day on account_daily_usage (workspace_id, day);
    `,
  );
  // Function bodies hold semicolons, so each is one statement of its own.
  await sql
    .raw(`
    create function account_daily_usage_count() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into account_daily_usage (workspace_id, account_id, day, usage_events)
        select workspace_id, account_id, ${DAY}, count(*)::int from changed
        where account_id is not null and name not in ${NOT_USAGE}
        group by workspace_id, account_id, ${DAY}
        order by account_id, ${DAY}
        on conflict (account_id, day)
          do update set usage_events = account_daily_usage.usage_events + excluded.usage_events;
      else
        update account_daily_usage u set usage_events = greatest(u.usage_events - d.n, 0)
        from (
          select account_id, ${DAY} as day, count(*)::int as n from changed
          where account_id is not null and name not in ${NOT_USAGE}
          group by account_id, ${DAY}
        ) d
        where u.account_id = d.account_id and u.day = d.day;
      end if;
      return null;
    end $$`)
    .execute(db);
  await sql
    .raw(`create trigger events_daily_usage_insert after insert on events
      referencing new table as changed for each statement execute function account_daily_usage_count()`)
    .execute(db);
  await sql
    .raw(`create trigger events_daily_usage_delete after delete on events
      referencing old table as changed for each statement execute function account_daily_usage_count()`)
    .execute(db);
  // The events already stored.
  await sql
    .raw(`
    insert into account_daily_usage (workspace_id, account_id, day, usage_events)
    select workspace_id, account_id, ${DAY}, count(*)::int from events
    where account_id is not null and name not in ${NOT_USAGE}
    group by workspace_id, account_id, ${DAY}`)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    drop trigger if exists events_daily_usage_delete on events;
    drop trigger if exists events_daily_usage_insert on events;
    drop function if exists account_daily_usage_count();
    drop table if exists account_daily_usage;
    `,
  );
}
