import { type Kysely, sql } from 'kysely';
import { executeStatements } from '../execute-statements';

/**
 * Daily summaries of signals, so the portfolio report and Insights add up small rows instead
 * of reading every signal in their window several times over:
 * - `signal_days`: signals per workspace, UTC day, kind and account, and how many of the
 *   churn-risk ones give at least one counted churn reason;
 * - `churn_reason_days`: churn-reason rows (see `churn_reasons`) per workspace, day, reason
 *   and account, and how many of them carry a non-empty quote;
 * - `feature_request_days`: feature requests per workspace, day, grouping key and account.
 *
 * Only signals a portfolio figure counts are summarized: with an account, and not from the
 * workspace's guide-preview contact. The database keeps the summaries current itself:
 * statement-level triggers on `signals` apply every insert, update and delete (extraction,
 * corrections, erasure, retention, cascades from deleted accounts or interviews) in the same
 * transaction as the write, whichever code path made it. Account fields (ARR, owner, plan)
 * stay on `accounts` and are joined at read time, so they are never stale.
 *
 * `churn_reasons(value)` is the one definition of which reasons a churn-risk signal counts
 * for (medium and high risk, its first nine), shared by the triggers and the reads.
 * `signals_churn_quotes` and `signals_feature_quotes` let a read take the newest few quotes
 * per reason or request from an index instead of sorting every row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    create function churn_reasons(value jsonb) returns setof text language sql immutable as $$
      select x.reason from jsonb_array_elements_text(
        case when jsonb_typeof(value->'reasons') = 'array' and coalesce(value->>'level', '') <> 'low'
          then value->'reasons' else '[]'::jsonb end
      ) with ordinality as x(reason, ord)
      where x.ord <= 9
    $$;
    create table signal_days (
      workspace_id uuid not null references workspaces(id) on delete cascade,
      day date not null,
      kind text not null,
      account_id uuid not null,
      signals integer not null,
      churn_reasoned integer not null,
      primary key (workspace_id, day, kind, account_id)
    );
    create table churn_reason_days (
      workspace_id uuid not null references workspaces(id) on delete cascade,
      day date not null,
      reason text,
      account_id uuid not null,
      signals integer not null,
      quoted integer not null,
      constraint churn_reason_days_key unique nulls not distinct (workspace_id, day, reason, account_id)
    );
    create table feature_request_days (
      workspace_id uuid not null references workspaces(id) on delete cascade,
      day date not null,
      feature_key text not null,
      account_id uuid not null,
      signals integer not null,
      primary key (workspace_id, day, feature_key, account_id)
    );
    create index signals_churn_quotes on signals (workspace_id, created_at desc, id) where kind = 'churn_risk';
    create index signals_feature_quotes on signals (workspace_id, feature_key, created_at desc, id)
      where kind = 'feature_request';
    create function counted_signal_changes(added signals[], removed signals[])
    returns table (workspace_id uuid, day date, kind text, account_id uuid, value jsonb, quote text, feature_key text, delta integer)
    language sql stable as $$
      select c.workspace_id, (c.created_at at time zone 'UTC')::date, c.kind, c.account_id, c.value, c.quote, c.feature_key, c.delta
      from (
        select a.*, 1 as delta from unnest(added) a
        union all
        select r.*, -1 as delta from unnest(removed) r
      ) c
      where c.account_id is not null
        and not exists (select 1 from contacts p where p.id = c.contact_id and p.external_id = 'candor-preview')
    $$;
    `,
  );
  // Function bodies hold statements of their own, so each goes to the database whole.
  await sql.raw(SUMMARIZE_SIGNALS).execute(db);
  for (const [event, referencing, added, removed] of [
    ['insert', 'new table as new_rows', 'new_rows', null],
    ['update', 'old table as old_rows new table as new_rows', 'new_rows', 'old_rows'],
    ['delete', 'old table as old_rows', null, 'old_rows'],
  ] as const) {
    const rows = (name: string | null) => (name ? `array(select t::signals from ${name} t)` : `'{}'::signals[]`);
    await sql
      .raw(`create function summarize_signals_${event}() returns trigger language plpgsql as $$
begin
  perform summarize_signals(${rows(added)}, ${rows(removed)});
  return null;
end
$$`)
      .execute(db);
    await sql
      .raw(`create trigger signals_summarize_${event} after ${event} on signals
      referencing ${referencing} for each statement execute function summarize_signals_${event}()`)
      .execute(db);
  }
  // The signals already stored, one workspace at a time.
  await sql
    .raw(`select summarize_signals(array(select s from signals s where s.workspace_id = w.id), '{}') from workspaces w`)
    .execute(db);
}

/**
 * Applies signals added and removed to the summaries: adds each group's net change (in key
 * order, so concurrent writers lock summary rows in the same order), then drops the groups
 * that reached zero. An update that moves nothing a summary counts (a quote erased by
 * retention leaves `signals` alone) nets to zero and writes nothing there.
 */
const SUMMARIZE_SIGNALS = `
create function summarize_signals(added signals[], removed signals[]) returns void language plpgsql as $$
begin
  insert into signal_days as d (workspace_id, day, kind, account_id, signals, churn_reasoned)
  select c.workspace_id, c.day, c.kind, c.account_id, sum(c.delta), sum(c.delta * c.reasoned)
  from (
    select x.*, case when x.kind = 'churn_risk' and exists (select 1 from churn_reasons(x.value)) then 1 else 0 end as reasoned
    from counted_signal_changes(added, removed) x
  ) c
  group by 1, 2, 3, 4
  having sum(c.delta) <> 0 or sum(c.delta * c.reasoned) <> 0
  order by 1, 2, 3, 4
  on conflict (workspace_id, day, kind, account_id) do update
    set signals = d.signals + excluded.signals, churn_reasoned = d.churn_reasoned + excluded.churn_reasoned;
  delete from signal_days d using counted_signal_changes(added, removed) k
  where d.workspace_id = k.workspace_id and d.day = k.day and d.kind = k.kind and d.account_id = k.account_id
    and d.signals <= 0 and d.churn_reasoned <= 0;

  insert into churn_reason_days as d (workspace_id, day, reason, account_id, signals, quoted)
  select c.workspace_id, c.day, r.reason, c.account_id, sum(c.delta), coalesce(sum(c.delta) filter (where c.quote <> ''), 0)
  from counted_signal_changes(added, removed) c cross join lateral churn_reasons(c.value) r(reason)
  where c.kind = 'churn_risk'
  group by 1, 2, 3, 4
  having sum(c.delta) <> 0 or coalesce(sum(c.delta) filter (where c.quote <> ''), 0) <> 0
  order by 1, 2, 3, 4
  on conflict on constraint churn_reason_days_key do update
    set signals = d.signals + excluded.signals, quoted = d.quoted + excluded.quoted;
  delete from churn_reason_days d
  using counted_signal_changes(added, removed) k cross join lateral churn_reasons(k.value) r(reason)
  where k.kind = 'churn_risk' and d.workspace_id = k.workspace_id and d.day = k.day
    and d.reason is not distinct from r.reason and d.account_id = k.account_id and d.signals <= 0 and d.quoted <= 0;

  insert into feature_request_days as d (workspace_id, day, feature_key, account_id, signals)
  select c.workspace_id, c.day, c.feature_key, c.account_id, sum(c.delta)
  from counted_signal_changes(added, removed) c
  where c.kind = 'feature_request' and c.feature_key is not null
  group by 1, 2, 3, 4
  having sum(c.delta) <> 0
  order by 1, 2, 3, 4
  on conflict (workspace_id, day, feature_key, account_id) do update set signals = d.signals + excluded.signals;
  delete from feature_request_days d using counted_signal_changes(added, removed) k
  where k.kind = 'feature_request' and d.workspace_id = k.workspace_id and d.day = k.day
    and d.feature_key = k.feature_key and d.account_id = k.account_id and d.signals <= 0;
end
$$`;

export async function down(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    drop trigger signals_summarize_insert on signals;
    drop trigger signals_summarize_update on signals;
    drop trigger signals_summarize_delete on signals;
    drop function summarize_signals_insert();
    drop function summarize_signals_update();
    drop function summarize_signals_delete();
    drop function summarize_signals(signals[], signals[]);
    drop function counted_signal_changes(signals[], signals[]);
    drop index signals_feature_quotes;
    drop index signals_churn_quotes;
    drop table feature_request_days;
    drop table churn_reason_days;
    drop table signal_days;
    drop function churn_reasons(jsonb);
    `,
  );
}
