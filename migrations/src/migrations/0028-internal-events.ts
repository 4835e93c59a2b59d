import { type Kysely, sql } from 'kysely';
import { executeStatements } from '../execute-statements';

/**
 * Events that are not product usage: what a CSM did (a touch, a booked meeting) and what
 * Candor itself recorded (a health transition, a release reaching a requester, its own
 * interview and signal events when an integration echoes them back). The usage rollup, the
 * health rules, usage-drop triggers and the account page's usage card all count usage by
 * this one list; the API reads it from here (`@candor/migrations`). Changing it takes a
 * migration that replaces the rollup's function and corrects its rows.
 */
export const INTERNAL_EVENTS = [
  'csm_touch',
  'meeting_scheduled',
  'account.state_changed',
  'feature_released',
  'interview.invited',
  'interview.started',
  'interview.completed',
  'interview.declined',
  'signal.churn_risk',
  'signal.expansion_intent',
  'brief.ready',
] as const;

// The list 0016 excluded; the rows of every other internal name are taken out of the rollup below.
const EXCLUDED_BY_0016 = ['csm_touch', 'meeting_scheduled', 'account.state_changed'];
const quoted = (names: readonly string[]) => `(${names.map((n) => `'${n}'`).join(', ')})`;
const DAY = `(occurred_at at time zone 'UTC')::date`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await replaceRollupFunction(db, INTERNAL_EVENTS);
  // Rows already counted for names 0016 did not exclude: only the accounts and days that
  // have such events are touched (events_name_time finds them without a scan of all events).
  const added = INTERNAL_EVENTS.filter((n) => !EXCLUDED_BY_0016.includes(n));
  await sql
    .raw(`
    update account_daily_usage u set usage_events = greatest(u.usage_events - d.n, 0)
    from (
      select account_id, ${DAY} as day, count(*)::int as n from events
      where account_id is not null and name in ${quoted(added)}
      group by account_id, ${DAY}
    ) d
    where u.account_id = d.account_id and u.day = d.day`)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await replaceRollupFunction(db, EXCLUDED_BY_0016);
  await executeStatements(
    db,
    `
    delete from account_daily_usage;
    insert into account_daily_usage (workspace_id, account_id, day, usage_events)
    select workspace_id, account_id, ${DAY}, count(*)::int from events
    where account_id is not null and name not in ${quoted(EXCLUDED_BY_0016)}
    group by workspace_id, account_id, ${DAY};
    `,
  );
}

/** The rollup's trigger function (0016) counting every name but `excluded`. */
async function replaceRollupFunction(db: Kysely<unknown>, excluded: readonly string[]) {
  const list = quoted(excluded);
  await sql
    .raw(`
    create or replace function account_daily_usage_count() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into account_daily_usage (workspace_id, account_id, day, usage_events)
        select workspace_id, account_id, ${DAY}, count(*)::int from changed
        where account_id is not null and name not in ${list}
        group by workspace_id, account_id, ${DAY}
        order by account_id, ${DAY}
        on conflict (account_id, day)
          do update set usage_events = account_daily_usage.usage_events + excluded.usage_events;
      else
        update account_daily_usage u set usage_events = greatest(u.usage_events - d.n, 0)
        from (
          select account_id, ${DAY} as day, count(*)::int as n from changed
          where account_id is not null and name not in ${list}
          group by account_id, ${DAY}
        ) d
        where u.account_id = d.account_id and u.day = d.day;
      end if;
      return null;
    end $$`)
    .execute(db);
}
