import { type Kysely, sql } from 'kysely';
import { executeStatements } from '../execute-statements';

/**
 * `funnel_days`: the invitation funnel per workspace, UTC day, trigger (null: sent by hand),
 * guide and skip reason, so a funnel read adds up a few rows per day instead of joining
 * every invitation of its window to its interview and looking up that interview's signals.
 * Each row counts what `computeFunnels` counts (api/src/triggers/funnel.ts):
 * - a trigger's invitations by the day they were decided: eligible, skipped, invited, and
 *   of their interviews those shown, started, completed and with signals (actionable);
 * - the interviews sent by hand (no trigger, not a guide preview, not linked by a trigger's
 *   keyed invitation) by the day they were invited, each eligible and invited.
 * The guide's moment is joined at read time: it can change.
 *
 * Kept like the summaries of 0040: triggers on `invitations`, `interviews` and `signals`
 * apply every change in the same transaction as the write, whichever code path made it,
 * as deltas in key order (so concurrent writers lock summary rows in the same order). A
 * change works out a row's stages before and after from the rows as they are, so each
 * trigger first locks the interviews it reads (the hub every stage hangs on): two writers
 * touching one interview take turns, and the second sees what the first committed.
 *
 * `invitations_interview` lets a change to an interview find the invitations linking it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    create table funnel_days (
      workspace_id uuid not null references workspaces(id) on delete cascade,
      day date not null,
      trigger_id uuid,
      guide_id uuid not null,
      skip_reason text,
      eligible integer not null,
      skipped integer not null,
      invited integer not null,
      shown integer not null,
      started integer not null,
      completed integer not null,
      actionable integer not null,
      constraint funnel_days_key unique nulls not distinct (workspace_id, day, trigger_id, guide_id, skip_reason)
    );
    create index invitations_interview on invitations (interview_id) where interview_id is not null;
    `,
  );
  // Function bodies hold statements of their own, so each goes to the database whole.
  for (const statement of FUNCTIONS) await sql.raw(statement).execute(db);
  for (const [table, events] of [
    ['invitations', ['insert', 'update', 'delete']],
    ['interviews', ['insert', 'update']],
    ['signals', ['insert', 'update', 'delete']],
  ] as const) {
    for (const event of events) {
      const referencing = {
        insert: 'new table as new_rows',
        update: 'old table as old_rows new table as new_rows',
        delete: 'old table as old_rows',
      }[event];
      const rows = (name: string) =>
        referencing.includes(name) ? `array(select t::${table} from ${name} t)` : `'{}'::${table}[]`;
      await sql
        .raw(`create function funnel_${table}_${event}() returns trigger language plpgsql as $$
begin
  perform funnel_${table}_changed(${rows('new_rows')}, ${rows('old_rows')});
  return null;
end
$$`)
        .execute(db);
      await sql
        .raw(`create trigger ${table}_funnel_${event} after ${event} on ${table}
        referencing ${referencing} for each statement execute function funnel_${table}_${event}()`)
        .execute(db);
    }
  }
  // An interview's deletion takes its stages out while it, its signals and the invitations
  // linking it are still there: their cascades run after, when it is no longer seen.
  await sql
    .raw(`create function funnel_interviews_delete() returns trigger language plpgsql as $$
begin
  perform funnel_interviews_changed('{}', array[old]);
  return old;
end
$$`)
    .execute(db);
  await sql
    .raw(`create trigger interviews_funnel_delete before delete on interviews
    for each row execute function funnel_interviews_delete()`)
    .execute(db);
  // What is already stored, one workspace at a time.
  await sql
    .raw(
      `select funnel_apply(array(
        select c from funnel_invitation_stages(array(select i from invitations i where i.workspace_id = w.id), 1) c
        union all
        select c from interviews v cross join lateral funnel_manual_send(v, 1,
          exists (select 1 from signals s where s.interview_id = v.id),
          exists (select 1 from invitations i where i.interview_id = v.id and i.dedupe_key is not null)) c
        where v.workspace_id = w.id and v.trigger_id is null
      ))
      from workspaces w`,
    )
    .execute(db);
  // Planner statistics now, not at autovacuum's leisure (see 0041).
  await sql`analyze funnel_days`.execute(db);
}

const FUNCTIONS = [
  /**
   * Adds changes to the summary: each group's net change in key order, then drops the groups
   * that reached zero. Changes of a workspace being deleted are dropped: its rows go with it.
   */
  `create function funnel_apply(changes funnel_days[]) returns void language plpgsql as $$
begin
  if cardinality(changes) = 0 then
    return;
  end if;
  insert into funnel_days as d (workspace_id, day, trigger_id, guide_id, skip_reason,
    eligible, skipped, invited, shown, started, completed, actionable)
  select c.workspace_id, c.day, c.trigger_id, c.guide_id, c.skip_reason, sum(c.eligible), sum(c.skipped),
    sum(c.invited), sum(c.shown), sum(c.started), sum(c.completed), sum(c.actionable)
  from unnest(changes) c
  where exists (select 1 from workspaces w where w.id = c.workspace_id)
  group by 1, 2, 3, 4, 5
  having sum(c.eligible) <> 0 or sum(c.skipped) <> 0 or sum(c.invited) <> 0 or sum(c.shown) <> 0
    or sum(c.started) <> 0 or sum(c.completed) <> 0 or sum(c.actionable) <> 0
  order by 1, 2, 3, 4, 5
  on conflict on constraint funnel_days_key do update set
    eligible = d.eligible + excluded.eligible, skipped = d.skipped + excluded.skipped,
    invited = d.invited + excluded.invited, shown = d.shown + excluded.shown,
    started = d.started + excluded.started, completed = d.completed + excluded.completed,
    actionable = d.actionable + excluded.actionable;
  delete from funnel_days d
  using (select distinct c.workspace_id, c.day, c.trigger_id, c.guide_id, c.skip_reason from unnest(changes) c) k
  where d.workspace_id = k.workspace_id and d.day = k.day and d.trigger_id is not distinct from k.trigger_id
    and d.guide_id = k.guide_id and d.skip_reason is not distinct from k.skip_reason
    and d.eligible = 0 and d.skipped = 0 and d.invited = 0 and d.shown = 0 and d.started = 0
    and d.completed = 0 and d.actionable = 0;
end
$$`,
  /** A trigger's invitations, each with the stages its interview (as it is now) reached, times `sign`. */
  `create function funnel_invitation_stages(rows invitations[], sign integer) returns setof funnel_days
language sql stable as $$
  select i.workspace_id, (i.created_at at time zone 'UTC')::date, i.trigger_id, i.guide_id, i.skip_reason,
    sign, sign * (i.decision = 'skipped')::int, sign * (i.decision = 'invited')::int,
    sign * (v.shown_at is not null or v.started_at is not null)::int, sign * (v.started_at is not null)::int,
    sign * coalesce(v.status = 'completed', false)::int,
    sign * (v.id is not null and exists (select 1 from signals s where s.interview_id = v.id))::int
  from unnest(rows) i left join interviews v on v.id = i.interview_id
  where i.trigger_id is not null
$$`,
  /** The stages an interview gives each trigger's invitation linking it, times `sign`. */
  `create function funnel_linked_stages(v interviews, sign integer, answered boolean) returns setof funnel_days
language sql stable as $$
  select i.workspace_id, (i.created_at at time zone 'UTC')::date, i.trigger_id, i.guide_id, i.skip_reason,
    0, 0, 0, sign * (v.shown_at is not null or v.started_at is not null)::int, sign * (v.started_at is not null)::int,
    sign * (v.status = 'completed')::int, sign * answered::int
  from invitations i
  where i.interview_id = v.id and i.trigger_id is not null
$$`,
  /**
   * An interview as a send by hand, times `sign`: none when a trigger decided it, when it is
   * a guide preview, or when an invitation carrying a dedupe key links it (`keyed`).
   */
  `create function funnel_manual_send(v interviews, sign integer, answered boolean, keyed boolean)
returns setof funnel_days language sql stable as $$
  select v.workspace_id, (v.invited_at at time zone 'UTC')::date, null::uuid, v.guide_id, null::text,
    sign, 0, sign, sign * (v.shown_at is not null or v.started_at is not null)::int,
    sign * (v.started_at is not null)::int, sign * (v.status = 'completed')::int, sign * answered::int
  where v.trigger_id is null and not keyed
    and coalesce(v.contact_id <> (select pc.id from contacts pc
      where pc.workspace_id = v.workspace_id and pc.external_id = 'candor-preview'), true)
$$`,
  /**
   * Interviews added and removed (an update is both): their stages on the invitations linking
   * them and as sends by hand. Their signals and invitations are as they were, so are read
   * as they are. Updates that change no stage (a turn's working state) cost nothing more.
   */
  `create function funnel_interviews_changed(added interviews[], removed interviews[]) returns void
language plpgsql as $$
declare
  moved uuid[];
begin
  if cardinality(added) > 0 and cardinality(removed) > 0 then
    moved := array(
      select n.id from unnest(added) n join unnest(removed) o on o.id = n.id
      where (n.workspace_id, n.guide_id, n.trigger_id, n.contact_id, n.invited_at, n.shown_at, n.started_at, n.status)
        is distinct from (o.workspace_id, o.guide_id, o.trigger_id, o.contact_id, o.invited_at, o.shown_at, o.started_at, o.status));
    if cardinality(moved) = 0 then
      return;
    end if;
    added := array(select n from unnest(added) n where n.id = any(moved));
    removed := array(select o from unnest(removed) o where o.id = any(moved));
  end if;
  perform funnel_apply(array(
    select c from (
      select v, 1 as sign from unnest(added) v
      union all
      select v, -1 from unnest(removed) v
    ) x
    cross join lateral (select
      exists (select 1 from signals s where s.interview_id = (x.v).id) as answered,
      exists (select 1 from invitations i where i.interview_id = (x.v).id and i.dedupe_key is not null) as keyed) f
    cross join lateral (
      select l from funnel_linked_stages(x.v, x.sign, f.answered) l
      union all
      select m from funnel_manual_send(x.v, x.sign, f.answered, f.keyed) m
    ) s(c)
  ));
end
$$`,
  /**
   * Invitations added and removed: their own stages, and, where a dedupe-keyed invitation
   * came to link an interview or stopped linking it, whether that interview counts as a
   * send by hand.
   */
  `create function funnel_invitations_changed(added invitations[], removed invitations[]) returns void
language plpgsql as $$
declare
  moved uuid[];
begin
  if cardinality(added) > 0 and cardinality(removed) > 0 then
    moved := array(
      select n.id from unnest(added) n join unnest(removed) o on o.id = n.id
      where (n.workspace_id, n.trigger_id, n.guide_id, n.interview_id, n.decision, n.skip_reason, n.dedupe_key, n.created_at)
        is distinct from (o.workspace_id, o.trigger_id, o.guide_id, o.interview_id, o.decision, o.skip_reason, o.dedupe_key, o.created_at));
    if cardinality(moved) = 0 then
      return;
    end if;
    added := array(select n from unnest(added) n where n.id = any(moved));
    removed := array(select o from unnest(removed) o where o.id = any(moved));
  end if;
  perform 1 from interviews v
  where v.id in (select a.interview_id from unnest(added) a union select r.interview_id from unnest(removed) r)
  order by v.id for no key update;
  perform funnel_apply(array(
    select c from funnel_invitation_stages(added, 1) c
    union all
    select c from funnel_invitation_stages(removed, -1) c
    union all
    select c from (
      select k.interview_id, sum(k.delta) as net
      from (
        select a.interview_id, 1 as delta from unnest(added) a where a.dedupe_key is not null
        union all
        select r.interview_id, -1 from unnest(removed) r where r.dedupe_key is not null
      ) k
      where k.interview_id is not null
      group by 1
      having sum(k.delta) <> 0
    ) k
    join interviews v on v.id = k.interview_id
    cross join lateral (select
      (select count(*) from invitations i where i.interview_id = v.id and i.dedupe_key is not null) as now,
      exists (select 1 from signals s where s.interview_id = v.id) as answered) n
    cross join lateral (
      select a from funnel_manual_send(v, 1, n.answered, n.now > 0) a
      union all
      select b from funnel_manual_send(v, -1, n.answered, n.now - k.net > 0) b
    ) s(c)
    where (n.now > 0) <> (n.now - k.net > 0)
  ));
end
$$`,
  /**
   * Signals added and removed: where an interview came to have signals or lost its last,
   * its invitations and its send by hand become actionable or stop being so.
   */
  `create function funnel_signals_changed(added signals[], removed signals[]) returns void
language plpgsql as $$
declare
  touched uuid[];
begin
  -- An update that moves no signal between interviews (retention blanking quotes) nets to zero.
  touched := array(
    select k.interview_id from (
      select a.interview_id, 1 as delta from unnest(added) a
      union all
      select r.interview_id, -1 from unnest(removed) r
    ) k
    group by 1 having sum(k.delta) <> 0);
  if cardinality(touched) = 0 then
    return;
  end if;
  perform 1 from interviews v where v.id = any(touched) order by v.id for no key update;
  perform funnel_apply(array(
    select c from (
      select k.interview_id, sum(k.delta) as net
      from (
        select a.interview_id, 1 as delta from unnest(added) a
        union all
        select r.interview_id, -1 from unnest(removed) r
      ) k
      group by 1
      having sum(k.delta) <> 0
    ) k
    join interviews v on v.id = k.interview_id
    cross join lateral (select count(*) as now from signals s where s.interview_id = v.id) n
    cross join lateral (select
      exists (select 1 from invitations i where i.interview_id = v.id and i.dedupe_key is not null) as keyed) f
    cross join lateral (
      select a from funnel_linked_stages(v, 1, n.now > 0) a
      union all
      select b from funnel_linked_stages(v, -1, n.now - k.net > 0) b
      union all
      select p from funnel_manual_send(v, 1, n.now > 0, f.keyed) p
      union all
      select q from funnel_manual_send(v, -1, n.now - k.net > 0, f.keyed) q
    ) s(c)
    where (n.now > 0) <> (n.now - k.net > 0)
  ));
end
$$`,
];

export async function down(db: Kysely<unknown>): Promise<void> {
  await executeStatements(
    db,
    `
    drop trigger interviews_funnel_delete on interviews;
    drop function funnel_interviews_delete();
    drop trigger invitations_funnel_insert on invitations;
    drop trigger invitations_funnel_update on invitations;
    drop trigger invitations_funnel_delete on invitations;
    drop trigger interviews_funnel_insert on interviews;
    drop trigger interviews_funnel_update on interviews;
    drop trigger signals_funnel_insert on signals;
    drop trigger signals_funnel_update on signals;
    drop trigger signals_funnel_delete on signals;
    drop function funnel_invitations_insert();
    drop function funnel_invitations_update();
    drop function funnel_invitations_delete();
    drop function funnel_interviews_insert();
    drop function funnel_interviews_update();
    drop function funnel_signals_insert();
    drop function funnel_signals_update();
    drop function funnel_signals_delete();
    drop function funnel_signals_changed(signals[], signals[]);
    drop function funnel_invitations_changed(invitations[], invitations[]);
    drop function funnel_interviews_changed(interviews[], interviews[]);
    drop function funnel_manual_send(interviews, integer, boolean, boolean);
    drop function funnel_linked_stages(interviews, integer, boolean);
    drop function funnel_invitation_stages(invitations[], integer);
    drop function funnel_apply(funnel_days[]);
    drop index invitations_interview;
    drop table funnel_days;
    `,
  );
}
