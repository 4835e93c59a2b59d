import type { DemoAccount, DemoBook, DemoContact, DemoMember } from './generate-book';
import type { Rng } from './prng';
import { dashboards, exportFormats, reports } from './word-lists';

const DAY = 86_400_000;
const HOUR = 3_600_000;
export const demoHistoryDays = 90;

export type DemoEvent = {
  /** Index into book.accounts. */
  account: number;
  /** Index into that account's contacts, or null for an account-level event. */
  contact: number | null;
  name: string;
  properties: Record<string, unknown>;
  at: Date;
};

/** What the events leave behind on the account row. */
export type AccountOutcome = { seats: number; lastTouchAt: Date | null };

/**
 * 90 days of product usage for every account, following its profile (steady, declining
 * in the last month, growing with seats added, or onboarding), the CSMs' touches, and the
 * meetings booked for the coming week.
 */
export function generateEvents(
  rng: Rng,
  book: DemoBook,
  now: Date,
): { events: DemoEvent[]; outcomes: AccountOutcome[] } {
  const events: DemoEvent[] = [];
  const outcomes = book.accounts.map((account, a) => {
    events.push(...usageEvents(rng, account, a, now));
    const seats = seatEvents(rng, account, a, now, events);
    const touches = csmTouches(rng, account, a, now);
    events.push(...touches);
    const lastTouchAt = touches.reduce<Date | null>((last, e) => (!last || e.at > last ? e.at : last), null);
    return { seats, lastTouchAt };
  });
  events.push(...meetings(rng, book, now));
  return { events, outcomes };
}

function usageEvents(rng: Rng, account: DemoAccount, a: number, now: Date): DemoEvent[] {
  const out: DemoEvent[] = [];
  // Bigger accounts have more people active; the square root keeps the largest in check.
  const rate = Math.min(6.5, 0.7 + 1.6 * Math.sqrt(account.arrCents / 100 / 40_000));
  const trend = trendFor(rng, account, now);
  const contactWeights = account.contacts.map((c, i) => [i, roleActivity[c.role]] as const);
  for (let daysAgo = demoHistoryDays - 1; daysAgo >= 0; daysAgo--) {
    const day = startOfDay(new Date(now.getTime() - daysAgo * DAY));
    const weekday = day.getUTCDay() === 0 || day.getUTCDay() === 6 ? 0.25 : 1.15;
    const expected = rate * weekday * trend(daysAgo) * rng.between(0.8, 1.2);
    const count = Math.floor(expected) + (rng.chance(expected % 1) ? 1 : 0);
    for (let k = 0; k < count; k++) {
      const c = rng.weighted(contactWeights);
      const contact = account.contacts[c]!;
      const at = workingTime(rng, day, contact);
      if (at > now || now.getTime() - at.getTime() > demoHistoryDays * DAY) continue;
      const [name, properties] = usageAction(rng, contact);
      out.push({ account: a, contact: c, name, properties, at });
    }
  }
  return out;
}

const roleActivity: Record<DemoContact['role'], number> = {
  champion: 3,
  admin: 2,
  'end user': 1.6,
  'economic buyer': 0.3,
};

/** Multiplier on the usage rate by days ago. */
function trendFor(rng: Rng, account: DemoAccount, now: Date): (daysAgo: number) => number {
  switch (account.profile) {
    case 'declining': {
      // Usage falls off a cliff over a week, starting a month or so ago, to a fraction.
      const start = rng.int(30, 36);
      const floor = rng.between(0.1, 0.35);
      return (d) => (d > start ? 1 : Math.max(floor, 1 - ((start - d) / 7) * (1 - floor)));
    }
    case 'growing': {
      const gain = rng.between(0.35, 0.7);
      return (d) => (d > 45 ? 1 : 1 + (gain * (45 - d)) / 45);
    }
    case 'onboarding': {
      const since = Math.round((now.getTime() - Date.parse(account.customerSince)) / DAY);
      return (d) => (d > since ? 0 : Math.min(1, 0.4 + ((since - d) / 30) * 0.6));
    }
    default:
      return () => 1;
  }
}

function usageAction(rng: Rng, contact: DemoContact): [string, Record<string, unknown>] {
  const name = rng.weighted([
    ['login', 30],
    ['dashboard_viewed', 30],
    ['report_created', 14],
    ['export_run', 8],
    ['alert_created', 4],
    ['user_invited', contact.role === 'admin' ? 4 : 0.5],
  ] as const);
  switch (name) {
    case 'login':
      return [name, { method: rng.chance(0.7) ? 'sso' : 'password' }];
    case 'dashboard_viewed':
      return [name, { dashboard: rng.pick(dashboards) }];
    case 'report_created':
      return [name, { report: rng.pick(reports) }];
    case 'export_run':
      return [name, { format: rng.pick(exportFormats), rows: rng.int(50, 25_000) }];
    case 'alert_created':
      return [name, { metric: rng.pick(['revenue', 'churn', 'pipeline', 'inventory']) }];
    default:
      return [name, { invited_role: rng.pick(['viewer', 'editor']) }];
  }
}

/** Growing accounts add seats in the last six weeks; about half the declining ones drop some. */
function seatEvents(rng: Rng, account: DemoAccount, a: number, now: Date, events: DemoEvent[]): number {
  const admin = Math.max(
    0,
    account.contacts.findIndex((c) => c.role === 'admin'),
  );
  let seats = account.seats;
  const push = (daysAgo: number, name: string, properties: Record<string, unknown>) => {
    const day = startOfDay(new Date(now.getTime() - daysAgo * DAY));
    const at = workingTime(rng, day, account.contacts[admin]!);
    events.push({ account: a, contact: admin, name, properties, at: at > now ? new Date(now.getTime() - HOUR) : at });
  };
  if (account.profile === 'growing') {
    const days = Array.from({ length: rng.int(2, 5) }, () => rng.int(1, 45)).sort((x, y) => y - x);
    for (const d of days) {
      const added = rng.int(3, Math.max(4, Math.round(seats * 0.15)));
      seats += added;
      push(d, 'seat_added', { seats_added: added, total_seats: seats });
    }
  } else if (account.profile === 'declining' && rng.chance(0.5) && seats > 3) {
    const removed = rng.int(1, Math.max(1, Math.min(seats - 2, Math.round(seats * 0.2))));
    seats -= removed;
    push(rng.int(1, 25), 'seat_removed', { seats_removed: removed, total_seats: seats });
  }
  return seats;
}

/** CSM touches at a cadence that follows the plan; many small accounts go quiet for weeks. */
function csmTouches(rng: Rng, account: DemoAccount, a: number, now: Date): DemoEvent[] {
  const cadence = account.plan === 'enterprise' ? 12 : account.plan === 'growth' ? 28 : 55;
  const out: DemoEvent[] = [];
  for (let d = demoHistoryDays - rng.between(0, cadence); d > 0; d -= cadence * rng.between(0.6, 1.4)) {
    const kind = rng.weighted([
      ['email', 0.5],
      ['call', 0.3],
      ['slack', 0.12],
      ['qbr', account.plan === 'enterprise' ? 0.12 : 0],
    ] as const);
    const c = kind === 'qbr' ? bestContact(account, 'economic buyer') : 0;
    const day = startOfDay(new Date(now.getTime() - Math.floor(d) * DAY));
    const at = workingTime(rng, day, account.contacts[c]!);
    if (at > now || now.getTime() - at.getTime() > demoHistoryDays * DAY) continue;
    out.push({ account: a, contact: c, name: 'csm_touch', properties: { kind, csm: account.ownerEmail }, at });
  }
  return out;
}

/** About five meetings per CSM in the coming week, favouring renewals and large or troubled accounts. */
function meetings(rng: Rng, book: DemoBook, now: Date): DemoEvent[] {
  const out: DemoEvent[] = [];
  for (const csm of book.members.filter((m) => m.role === 'csm')) {
    const pool = book.accounts
      .map((account, a) => ({ account, a, weight: meetingWeight(account, now) }))
      .filter((x) => x.account.ownerEmail === csm.email);
    for (let n = 0; n < 5 && pool.length > 0; n++) {
      const chosen = rng.weighted(pool.map((x, i) => [i, x.weight] as const));
      const [{ account, a }] = pool.splice(chosen, 1) as [(typeof pool)[number]];
      out.push(meetingEvent(rng, account, a, csm, now));
    }
  }
  return out;
}

function meetingWeight(account: DemoAccount, now: Date): number {
  const renewingSoon = Date.parse(account.renewalDate) - now.getTime() < 90 * DAY;
  return (
    1 +
    (renewingSoon ? 3 : 0) +
    (account.plan === 'enterprise' ? 2 : 0) +
    (account.profile === 'declining' ? 2 : 0) +
    (account.profile === 'onboarding' ? 1 : 0)
  );
}

function meetingEvent(rng: Rng, account: DemoAccount, a: number, csm: DemoMember, now: Date): DemoEvent {
  const renewingSoon = Date.parse(account.renewalDate) - now.getTime() < 90 * DAY;
  const [title, withBuyer] = renewingSoon
    ? ['Renewal check-in', true]
    : account.profile === 'onboarding'
      ? ['Onboarding review', false]
      : account.profile === 'growing'
        ? ['Expansion planning', true]
        : account.plan === 'enterprise'
          ? ['Quarterly business review', true]
          : ['Account check-in', false];
  const champion = account.contacts[0]!;
  const people = [champion];
  const buyer = account.contacts.find((c) => c.role === 'economic buyer');
  if (withBuyer && buyer) people.push(buyer);
  const time = upcomingSlot(rng, now, champion);
  return {
    account: a,
    contact: 0,
    name: 'meeting_scheduled',
    properties: {
      time: time.toISOString(),
      duration_minutes: rng.pick([30, 45, 60]),
      title: `${title}: ${account.name}`,
      organizer: csm.email,
      attendees: [
        { name: csm.name, email: csm.email, role: 'csm' },
        ...people.map((p) => ({ name: p.name, email: p.email, role: p.role })),
      ],
    },
    at: new Date(now.getTime() - rng.between(0.5, 10) * DAY),
  };
}

/** A weekday half-hour slot within the next seven days, in the contact's working hours. */
function upcomingSlot(rng: Rng, now: Date, contact: DemoContact): Date {
  for (;;) {
    const day = startOfDay(new Date(now.getTime() + rng.int(1, 6) * DAY));
    if (day.getUTCDay() === 0 || day.getUTCDay() === 6) continue;
    const localHour = rng.int(9, 16) + (rng.chance(0.5) ? 0.5 : 0);
    const at = new Date(day.getTime() + (localHour - contact.utcOffset) * HOUR);
    if (at > now && at.getTime() - now.getTime() < 7 * DAY) return at;
  }
}

function bestContact(account: DemoAccount, role: DemoContact['role']): number {
  const i = account.contacts.findIndex((c) => c.role === role);
  return Math.max(i, 0);
}

/** A moment in the contact's working day (08:00–18:30 local) on the given UTC day. */
function workingTime(rng: Rng, day: Date, contact: DemoContact): Date {
  const localHours = rng.between(8, 18.5);
  return new Date(day.getTime() + (localHours - contact.utcOffset) * HOUR);
}

const startOfDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
