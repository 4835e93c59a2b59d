import { type Kysely, sql } from 'kysely';
import { executeStatements } from '../execute-statements';

/**
 * The nightly health pass reads only the accounts whose health can change: those with new data
 * since their last evaluation, and those whose recheck time has come.
 *
 * `accounts.health_recheck_at` is the earliest time at which an account's stored inputs could
 * change its health with no new data: the day a usage window slides past a threshold, or the
 * moment its oldest health signal leaves the 90 days; 'infinity' when neither can happen; null
 * before the first evaluation (so every existing account is read once more after this).
 *
 * `account_health_due` holds the accounts with new data, written by the database itself so
 * that every write path counts (the API's, Segment's, the widget's, a correction, an erasure,
 * a direct insert): a change to the usage rollup, which the triggers of 0016/0028 keep from
 * every usage event, and any change to a signal. A pass deletes the rows it reads. A write
 * that finds its account already due locks that row without rewriting it (`do update ... where
 * false`): a pass then waits for the write's transaction before taking the row, and reads its
 * data. The rollup takes its rows in (account, day) order, so these locks come in that order too.
 * No foreign keys: deleting an account deletes its signals, whose trigger marks the account
 * in the same statement; a pass deletes what it finds, whether the account is still there or not.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    alter table accounts add column health_recheck_at timestamptz;
    create index accounts_health_recheck on accounts (workspace_id, health_recheck_at);
    create table account_health_due (
      account_id uuid primary key,
      workspace_id uuid not null
    );
    create index account_health_due_workspace on account_health_due (workspace_id);
    `,
  );
  // A function body holds semicolons, so it is one statement of its own.
  await sql
    .raw(`
    create function mark_account_health_due() returns trigger language plpgsql as $$
    begin
      if tg_op <> 'INSERT' and old.account_id is not null then
        insert into account_health_due (account_id, workspace_id) values (old.account_id, old.workspace_id)
        on conflict (account_id) do update set workspace_id = excluded.workspace_id where false;
      end if;
      if tg_op <> 'DELETE' and new.account_id is not null
        and (tg_op = 'INSERT' or new.account_id is distinct from old.account_id) then
        insert into account_health_due (account_id, workspace_id) values (new.account_id, new.workspace_id)
        on conflict (account_id) do update set workspace_id = excluded.workspace_id where false;
      end if;
      return null;
    end $$`)
    .execute(db);
  await sql
    .raw(`create trigger account_daily_usage_marks_health after insert or update on account_daily_usage
      for each row execute function mark_account_health_due()`)
    .execute(db);
  await sql
    .raw(`create trigger signals_mark_health after insert or update or delete on signals
      for each row execute function mark_account_health_due()`)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    drop trigger if exists signals_mark_health on signals;
    drop trigger if exists account_daily_usage_marks_health on account_daily_usage;
    drop function if exists mark_account_health_due();
    drop table if exists account_health_due;
    drop index if exists accounts_health_recheck;
    alter table accounts drop column health_recheck_at;
    `,
  );
}
