import { sql } from 'kysely';
import type { AppDeps } from '../app-deps';
import { tenant, type Ws } from '../db/tenant';
import { notFound } from '../http/errors';
import type { HealthReason } from './health-rules';
import { listReleases, releaseMatchesRequest } from './releases';

const DAY = 86_400_000;
/** An account with no touch for this long needs attention. */
const QUIET_DAYS = 21;

type Cite = { quote: string; interview_id: string; message_id: string } | null;
export type WeeklyBriefing = {
  member: { id: string; email: string; name: string | null };
  week_of: string;
  priorities: { account: string; account_id: string; arr: number | null; why: string[]; evidence: Cite }[];
  meetings: {
    time: string;
    title: string;
    account: string;
    account_id: string;
    attendees: string[];
    context: string[];
    talking_points: string[];
    evidence: Cite;
  }[];
  needs_attention: {
    account: string;
    account_id: string;
    arr: number | null;
    last_touch: string | null;
    why: string;
  }[];
  releases: { release: string; account: string; request: string; evidence: Cite }[];
  time_blocks: { day: string; start: string; end: string; purpose: string }[];
  /** The same page as headed lists with citations, the shape every brief is read in. */
  sections: {
    heading: string;
    items: { text: string; quote: string | null; interview_id: string | null; message_id: string | null }[];
  }[];
};

type Account = {
  id: string;
  name: string;
  arr_cents: string | null;
  renewal_date: string | null;
  health_state: string;
  health_reasons: unknown;
  last_touch_at: Date | null;
};

const arrOf = (a: Account) => (a.arr_cents === null ? null : Number(a.arr_cents) / 100);
const reasonsOf = (a: Account) => (a.health_reasons as HealthReason[]) ?? [];
const daysUntil = (date: string | null, now: Date) =>
  date === null ? null : Math.round((Date.parse(`${String(date).slice(0, 10)}T00:00:00Z`) - now.getTime()) / DAY);
/** Monday of the week `now` falls in (UTC date). */
export const weekOf = (now: Date) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - ((now.getUTCDay() + 6) % 7)))
    .toISOString()
    .slice(0, 10);

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
  const week = weekOf(now);
  const weekEnd = new Date(Date.parse(`${week}T00:00:00Z`) + 7 * DAY);
  const accounts = await t
    .selectFrom('accounts')
    .select(['id', 'name', 'arr_cents', 'renewal_date', 'health_state', 'health_reasons', 'last_touch_at'])
    .where('owner_email', '=', member.email)
    .execute();
  const ids = accounts.map((a) => a.id);
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const [reviews, meetings, requests, releases] = ids.length
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
          .where('created_at', '>', new Date(now.getTime() - 180 * DAY))
          .execute(),
        listReleases(deps.db, ws, new Date(now.getTime() - 14 * DAY).toISOString().slice(0, 10)),
      ])
    : [[], [], [], []];

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
    score += Math.min(30, (arrOf(a) ?? 0) / 10_000);
    const cited = reasonsOf(a).find((r) => r.evidence)?.evidence;
    return {
      a,
      score,
      why,
      evidence: cited ? { quote: cited.quote, interview_id: cited.interview_id, message_id: cited.message_id } : null,
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
          ...asks
            .slice(0, 2)
            .map((r) => `Update on their request: ${String((r.value as { summary?: string }).summary)}`),
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
      .filter((r) => releaseMatchesRequest(release, String((r.value as { summary?: string }).summary ?? r.quote)))
      .map((r) => ({
        release: release.title,
        account: byId.get(r.account_id as string)!.name,
        request: String((r.value as { summary?: string }).summary),
        evidence: { quote: r.quote, interview_id: r.interview_id, message_id: r.message_id },
      })),
  );

  const briefing = {
    member,
    week_of: week,
    priorities,
    meetings: meetingNotes,
    needs_attention,
    releases: releaseNotes,
    time_blocks: suggestTimeBlocks(week, priorities.length, needs_attention.length, releaseNotes.length),
  };
  return { ...briefing, sections: asSections(briefing) };
}

/** The briefing as headed lists with citations (the console and the API read these). */
export function asSections(b: Omit<WeeklyBriefing, 'sections'>): WeeklyBriefing['sections'] {
  const item = (text: string, evidence: Cite = null) => ({
    text,
    quote: evidence?.quote ?? null,
    interview_id: evidence?.interview_id ?? null,
    message_id: evidence?.message_id ?? null,
  });
  return [
    {
      heading: 'Top priorities',
      items: b.priorities.map((p) => item(`${p.account} — ${p.why.join('; ')}`, p.evidence)),
    },
    {
      heading: 'Meetings this week',
      items: b.meetings.map((m) =>
        item(
          `${new Date(m.time).toUTCString().slice(0, 22)} · ${m.title}: ${[...m.context, ...m.talking_points].join('; ')}`,
          m.evidence,
        ),
      ),
    },
    { heading: 'Needs a touchpoint', items: b.needs_attention.map((a) => item(`${a.account} — ${a.why}`)) },
    {
      heading: 'You asked, we shipped',
      items: b.releases.map((r) => item(`${r.release} answers ${r.account}: ${r.request}`, r.evidence)),
    },
    {
      heading: 'Suggested time blocks',
      items: b.time_blocks.map((t) => item(`${t.day} ${t.start}–${t.end}: ${t.purpose}`)),
    },
  ].filter((section) => section.items.length > 0);
}

/** Proactive work in the mornings early in the week, reactive buffers every afternoon. */
function suggestTimeBlocks(week: string, priorities: number, quiet: number, releases: number) {
  const day = (offset: number) => new Date(Date.parse(`${week}T00:00:00Z`) + offset * DAY).toISOString().slice(0, 10);
  const blocks = [
    { day: day(0), start: '09:00', end: '10:30', purpose: `Priority accounts (${priorities}): plan and reach out` },
    {
      day: day(1),
      start: '09:00',
      end: '10:00',
      purpose: `Proactive outreach to ${quiet} quiet account${quiet === 1 ? '' : 's'}`,
    },
  ];
  if (releases)
    blocks.push({ day: day(2), start: '09:00', end: '09:30', purpose: `"You asked, we shipped" notes (${releases})` });
  for (let d = 0; d < 5; d++)
    blocks.push({ day: day(d), start: '15:00', end: '16:30', purpose: 'Reactive: tickets, escalations, follow-ups' });
  return blocks;
}
