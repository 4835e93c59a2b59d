import {
  type HealthReason,
  type HealthState,
  kindedSignal,
  type SignalValueOf,
  type WeeklyBriefing,
} from '@candor/shared';
import { sql } from 'kysely';
import type { AppDeps } from '../app-deps';
import { notFound } from '../app-error';
import { tenant, type Ws } from '../db/tenant';
import { zonedInstant } from '../time/zoned-time';
import { type BriefingWeek, briefingWeek, weekdayName } from './briefing-week';
import { listReleases, releaseMatchesRequest } from './releases';

const DAY = 86_400_000;
/** An account with no touch for this long needs attention. */
const QUIET_DAYS = 21;
/** Hand-offs and expansion intents this recent are priorities of the week. */
const FRESH_DAYS = 7;

export type { WeeklyBriefing } from '@candor/shared';

type Cite = WeeklyBriefing['priorities'][number]['evidence'];

type Account = {
  id: string;
  name: string;
  arr_cents: string | null;
  renewal_date: string | null;
  health_state: HealthState;
  health_reasons: HealthReason[];
  last_touch_at: Date | null;
};

const arrOf = (a: Account) => (a.arr_cents === null ? null : Number(a.arr_cents) / 100);
const reasonsOf = (a: Account) => a.health_reasons;
const daysUntil = (date: string | null, now: Date) =>
  date === null ? null : Math.round((Date.parse(`${String(date).slice(0, 10)}T00:00:00Z`) - now.getTime()) / DAY);

/** The time zone a member's briefing is in: their own, else the workspace's. */
export async function memberTimeZone(deps: Pick<AppDeps, 'db'>, ws: Ws, memberEmail: string): Promise<string> {
  const row = await deps.db
    .selectFrom('workspaces')
    .leftJoin('members', (j) =>
      j.onRef('members.workspace_id', '=', 'workspaces.id').on('members.email', '=', memberEmail),
    )
    .select(['workspaces.timezone as workspace_tz', 'members.timezone as member_tz'])
    .where('workspaces.id', '=', ws.id)
    .executeTakeFirst();
  return row?.member_tz ?? row?.workspace_tz ?? 'UTC';
}

/**
 * One CSM's week on one page, following the weekly-briefing workflow: the top three
 * priority accounts and why, prep notes for this week's meetings, accounts with no
 * touchpoint that need attention, releases that answer their customers' requests, and
 * suggested time blocks. Built from stored data only; every quote cites its message.
 */
export async function buildWeeklyBriefing(deps: AppDeps, ws: Ws, memberEmail: string): Promise<WeeklyBriefing> {
  const t = tenant(deps.db, ws);
  const now = deps.now();
  const member = await t
    .selectFrom('members')
    .select(['id', 'email', 'name'])
    .where('email', '=', memberEmail)
    .executeTakeFirst();
  if (!member) throw notFound('Member');
  const week = briefingWeek(now, await memberTimeZone(deps, ws, member.email));
  const weekEnd = week.end;
  const accounts = await t
    .selectFrom('accounts')
    .select(['id', 'name', 'arr_cents', 'renewal_date', 'health_state', 'health_reasons', 'last_touch_at'])
    .where('owner_email', '=', member.email)
    .execute();
  const ids = accounts.map((a) => a.id);
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const [reviews, meetings, requests, releases, fresh] = ids.length
    ? await Promise.all([
        t
          .selectFrom('review_items')
          .select(['account_id', 'reason'])
          .where('account_id', 'in', ids)
          .where('status', '=', 'open')
          .execute(),
        t
          .selectFrom('events')
          .select(['account_id', 'properties'])
          .where('account_id', 'in', ids)
          .where('name', '=', 'meeting_scheduled')
          .where(sql<string>`properties->>'time'`, '>=', now.toISOString())
          .where(sql<string>`properties->>'time'`, '<', weekEnd.toISOString())
          .execute(),
        t
          .selectFrom('signals')
          .select(['account_id', 'value', 'quote', 'interview_id', 'message_id'])
          .where('account_id', 'in', ids)
          .where('kind', '=', 'feature_request')
          .$narrowType<{ value: SignalValueOf<'feature_request'> }>()
          .where('created_at', '>', new Date(now.getTime() - 180 * DAY))
          .execute(),
        listReleases(deps.db, ws, new Date(now.getTime() - 14 * DAY).toISOString().slice(0, 10)),
        // What customers said this week that a CSM acts on first: asks for a person and intents to grow.
        t
          .selectFrom('signals')
          .select(['account_id', 'kind', 'value', 'quote', 'interview_id', 'message_id', 'created_at'])
          .where('account_id', 'in', ids)
          .where('kind', 'in', ['wants_human', 'expansion_intent'])
          .where('created_at', '>', new Date(now.getTime() - FRESH_DAYS * DAY))
          .orderBy('created_at', 'desc')
          .execute()
          .then((rows) => rows.map(kindedSignal)),
      ])
    : [[], [], [], [], []];

  // Priorities: risk first, then renewals close at hand, open review items and size.
  const scored = accounts.map((a) => {
    const why: string[] = [];
    let score = 0;
    const reasonText = reasonsOf(a)
      .map((r) => r.text)
      .join('; ');
    if (a.health_state === 'at_risk') {
      score += 100;
      why.push(`At risk: ${reasonText || 'see health'}`);
    }
    if (a.health_state === 'watch') {
      score += 40;
      why.push(`Watch: ${reasonText}`);
    }
    const renewal = daysUntil(a.renewal_date, now);
    if (renewal !== null && renewal >= 0 && renewal <= 60) {
      score += 30 + (60 - renewal);
      why.push(`Renews in ${renewal} days`);
    }
    const open = reviews.filter((r) => r.account_id === a.id);
    if (open.length) {
      score += 20 * open.length;
      why.push(`${open.length} open review item${open.length > 1 ? 's' : ''}`);
    }
    const own = fresh.filter((f) => f.account_id === a.id);
    const handoff = own.find((f) => f.kind === 'wants_human');
    if (handoff) {
      score += 150;
      why.unshift(`Asked to talk to a person ${ago(handoff.created_at, now)}`);
    }
    const expansion = own.find((f) => f.kind === 'expansion_intent');
    if (expansion) {
      const v = expansion.value;
      score += 60;
      why.push(
        `Wants to grow ${ago(expansion.created_at, now)}: ${[v.size, v.timing].filter(Boolean).join(', ') || String(v.kind ?? 'expansion').replace(/_/g, ' ')}`,
      );
    }
    score += Math.min(30, (arrOf(a) ?? 0) / 10_000);
    const cited = reasonsOf(a).find((r) => r.evidence)?.evidence;
    const quoted = handoff ?? cited ?? expansion;
    return {
      a,
      score,
      why,
      evidence: quoted
        ? { quote: quoted.quote, interview_id: quoted.interview_id, message_id: quoted.message_id }
        : null,
    };
  });
  const priorities = scored
    .filter((s) => s.why.length > 0)
    .sort((x, y) => y.score - x.score)
    .slice(0, 3)
    .map((s) => ({ account: s.a.name, account_id: s.a.id, arr: arrOf(s.a), why: s.why, evidence: s.evidence }));

  const meetingNotes = meetings
    .map((m) => ({ account: byId.get(m.account_id as string)!, p: m.properties as Record<string, unknown> }))
    .sort((x, y) => String(x.p.time).localeCompare(String(y.p.time)))
    .map(({ account, p }) => {
      const asks = requests.filter((r) => r.account_id === account.id);
      const reason = reasonsOf(account)[0];
      const renewal = daysUntil(account.renewal_date, now);
      return {
        time: String(p.time),
        title: String(p.title ?? 'Meeting'),
        account: account.name,
        account_id: account.id,
        attendees: ((p.attendees as { name?: string; role?: string }[]) ?? []).map(
          (x) => `${x.name ?? 'Someone'}${x.role ? ` (${x.role})` : ''}`,
        ),
        context: [
          `Health: ${account.health_state.replace('_', ' ')}${reason ? ` — ${reason.text}` : ''}`,
          ...(renewal !== null && renewal >= 0 && renewal <= 120 ? [`Renewal in ${renewal} days`] : []),
          ...(arrOf(account) ? [`ARR $${arrOf(account)!.toLocaleString('en-US')}`] : []),
        ],
        talking_points: [
          ...(reason ? [`Ask about: ${reason.text.toLowerCase()}`] : ['Confirm what success looks like this quarter']),
          ...asks.slice(0, 2).map((r) => `Update on their request: ${String(r.value.summary)}`),
        ],
        evidence: reason?.evidence ?? null,
      };
    });

  const meetingAccounts = new Set(meetings.map((m) => m.account_id));
  const needs_attention = accounts
    .filter(
      (a) =>
        !meetingAccounts.has(a.id) &&
        (!a.last_touch_at || now.getTime() - a.last_touch_at.getTime() > QUIET_DAYS * DAY),
    )
    .sort((x, y) => (arrOf(y) ?? 0) - (arrOf(x) ?? 0))
    .slice(0, 5)
    .map((a) => ({
      account: a.name,
      account_id: a.id,
      arr: arrOf(a),
      last_touch: a.last_touch_at?.toISOString() ?? null,
      why: a.last_touch_at
        ? `No touchpoint for ${Math.floor((now.getTime() - a.last_touch_at.getTime()) / DAY)} days and none scheduled`
        : 'Never touched and nothing scheduled',
    }));

  const releaseNotes = releases.flatMap((release) =>
    requests
      .filter((r) => releaseMatchesRequest(release, String(r.value.summary ?? r.quote)))
      .map((r) => ({
        release: release.title,
        account: byId.get(r.account_id as string)!.name,
        account_id: r.account_id as string,
        request: String(r.value.summary),
        evidence: { quote: r.quote, interview_id: r.interview_id, message_id: r.message_id },
      })),
  );

  const briefing = {
    member: { id: member.id, email: member.email, name: member.name },
    week_of: week.monday,
    time_zone: week.timeZone,
    priorities,
    meetings: meetingNotes,
    needs_attention,
    releases: releaseNotes,
    time_blocks: suggestTimeBlocks(week, now, priorities.length, needs_attention.length, releaseNotes.length),
  };
  return { ...briefing, sections: asSections(briefing) };
}

/** The briefing as headed lists with citations (the console and the API read these). */
export function asSections(b: Omit<WeeklyBriefing, 'sections'>): WeeklyBriefing['sections'] {
  const item = (text: string, evidence: Cite = null, about?: { account: string; account_id: string }) => ({
    text,
    quote: evidence?.quote ?? null,
    interview_id: evidence?.interview_id ?? null,
    message_id: evidence?.message_id ?? null,
    ...(about ? { account: about.account, account_id: about.account_id } : {}),
  });
  const inZone = (iso: string) =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: b.time_zone,
      weekday: 'long',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(iso));
  return [
    {
      heading: 'Top priorities',
      items: b.priorities.map((p) => item(`${p.account} — ${p.why.join('; ')}`, p.evidence, p)),
    },
    {
      heading: 'Meetings this week',
      items: b.meetings.map((m) =>
        item(
          `${m.account} · ${inZone(m.time)} · ${m.title}: ${[...m.context, ...m.talking_points].join('; ')}`,
          m.evidence,
          m,
        ),
      ),
    },
    { heading: 'Needs a touchpoint', items: b.needs_attention.map((a) => item(`${a.account} — ${a.why}`, null, a)) },
    {
      heading: 'You asked, we shipped',
      items: b.releases.map((r) => item(`${r.account} — ${r.release} answers their ask: ${r.request}`, r.evidence, r)),
    },
    {
      heading: 'Suggested time blocks',
      items: b.time_blocks.map((t) =>
        item(`${t.weekday} ${dayMonth(t.day)}, ${t.start}–${t.end} ${b.time_zone}: ${t.purpose}`),
      ),
    },
  ].filter((section) => section.items.length > 0);
}

/** "7 Dec" for 2026-12-07. */
const dayMonth = (day: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

/** "today", "yesterday" or "N days ago". */
function ago(at: Date, now: Date): string {
  const days = Math.floor((now.getTime() - at.getTime()) / DAY);
  return days <= 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
}

/**
 * Proactive work in the mornings early in the week, reactive buffers every afternoon, on
 * the covered week's workdays in the CSM's time zone. Blocks already past are left out.
 */
function suggestTimeBlocks(week: BriefingWeek, now: Date, priorities: number, quiet: number, releases: number) {
  const block = (d: number, start: string, end: string, purpose: string) => {
    const day = week.workdays[d]!;
    return {
      day,
      weekday: weekdayName(day),
      start,
      end,
      starts_at: zonedInstant(day, start, week.timeZone).toISOString(),
      purpose,
    };
  };
  // A proactive block only when there is someone to reach: "outreach to 0 accounts" is no plan.
  const blocks = [];
  if (priorities) blocks.push(block(0, '09:00', '10:30', `Priority accounts (${priorities}): plan and reach out`));
  if (quiet)
    blocks.push(block(1, '09:00', '10:00', `Proactive outreach to ${quiet} quiet account${quiet === 1 ? '' : 's'}`));
  if (releases) blocks.push(block(2, '09:00', '09:30', `"You asked, we shipped" notes (${releases})`));
  for (let d = 0; d < 5; d++) blocks.push(block(d, '15:00', '16:30', 'Reactive: tickets, escalations, follow-ups'));
  return blocks
    .filter((b) => Date.parse(b.starts_at) > now.getTime())
    .sort((x, y) => x.starts_at.localeCompare(y.starts_at));
}
