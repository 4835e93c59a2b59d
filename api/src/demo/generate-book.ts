import type { Rng } from './prng';
import {
  type ContactRole,
  firstNames,
  industries,
  lastNames,
  namePrefixes,
  nameSuffixes,
  type Region,
  regions,
  titlesByRole,
} from './word-lists';

const DAY = 86_400_000;

export const demoWorkspaceName = 'Northwind Analytics (demo)';
const memberDomain = 'northwind-analytics.example';

export type DemoMember = { email: string; name: string; role: 'admin' | 'csm' };

export type DemoContact = {
  externalId: string;
  email: string;
  name: string;
  role: ContactRole;
  title: string;
  timezone: string;
  /** UTC offset in hours, used only to place events in working hours. */
  utcOffset: number;
  locale: string;
};

/** How the account's usage moves over the 90 days: the story the demo tells. */
export type UsageProfile = 'steady' | 'declining' | 'growing' | 'onboarding';

export type DemoAccount = {
  externalId: string;
  name: string;
  arrCents: number;
  plan: 'starter' | 'growth' | 'enterprise';
  renewalDate: string;
  ownerEmail: string;
  lifecycleStage: string;
  industry: string;
  region: Region;
  domain: string;
  seats: number;
  customerSince: string;
  profile: UsageProfile;
  contacts: DemoContact[];
};

export type DemoBook = { members: DemoMember[]; accounts: DemoAccount[] };

export const demoMembers: DemoMember[] = [
  { email: `jordan.ellis@${memberDomain}`, name: 'Jordan Ellis', role: 'admin' },
  { email: `priya.raman@${memberDomain}`, name: 'Priya Raman', role: 'csm' },
  { email: `marcus.webb@${memberDomain}`, name: 'Marcus Webb', role: 'csm' },
  { email: `sofia.alvarez@${memberDomain}`, name: 'Sofia Alvarez', role: 'csm' },
  { email: `daniel.okafor@${memberDomain}`, name: 'Daniel Okafor', role: 'csm' },
];

/**
 * The demo book of business, modelled on a 200-customer, $8M ARR book run by 4 CSMs:
 * a log-normal ARR spread (a few large accounts, many small), renewals over the next
 * year, and the usage story each account will tell.
 */
export function generateBook(rng: Rng, now: Date, size = { accounts: 200, averageArr: 40_000 }): DemoBook {
  const names = uniqueCompanyNames(rng, size.accounts);
  const arrs = spreadArr(rng, size.accounts, size.averageArr);
  const csms = demoMembers.filter((m) => m.role === 'csm');
  const profiles = assignProfiles(rng, size.accounts);
  // Deal the accounts to CSMs by ARR rank so every book carries similar revenue.
  const byArr = arrs.map((arr, i) => [arr, i] as const).sort((a, b) => b[0] - a[0]);
  const owner = new Map<number, string>();
  byArr.forEach(([, i], rank) => {
    const round = Math.floor(rank / csms.length);
    const offset = round % 2 === 0 ? rank % csms.length : csms.length - 1 - (rank % csms.length);
    owner.set(i, csms[offset]!.email);
  });

  const accounts = names.map(([name, industry], i): DemoAccount => {
    const arr = arrs[i]!;
    const plan = arr >= 75_000 ? 'enterprise' : arr >= 15_000 ? 'growth' : 'starter';
    const seatPrice = plan === 'enterprise' ? 650 : plan === 'growth' ? 500 : 400;
    const region = rng.weighted(Object.entries(regions).map(([r, v]) => [r as Region, v.weight] as const));
    const slug = name
      .toLowerCase()
      .replace(/&/g, 'and')
      .replace(/[^a-z0-9]+/g, '-');
    const profile = profiles[i]!;
    const renewalDays = rng.int(1, 365);
    const sinceDays = profile === 'onboarding' ? rng.int(60, 85) : 365 - renewalDays + 365 * rng.int(0, 3);
    const lifecycleStage =
      profile === 'onboarding'
        ? 'onboarding'
        : renewalDays <= 60
          ? 'renewal'
          : profile === 'growing'
            ? 'expansion'
            : sinceDays < 365
              ? 'adoption'
              : 'mature';
    return {
      externalId: slug,
      name,
      arrCents: arr * 100,
      plan,
      renewalDate: isoDate(new Date(now.getTime() + renewalDays * DAY)),
      ownerEmail: owner.get(i)!,
      lifecycleStage,
      industry,
      region,
      domain: `${slug}.example`,
      seats: Math.max(3, Math.round(arr / seatPrice)),
      customerSince: isoDate(new Date(now.getTime() - sinceDays * DAY)),
      profile,
      contacts: generateContacts(rng, slug, region),
    };
  });
  return { members: demoMembers, accounts };
}

function uniqueCompanyNames(rng: Rng, count: number): (readonly [string, string])[] {
  const seen = new Set<string>();
  const out: (readonly [string, string])[] = [];
  while (out.length < count) {
    const [word, industry] = rng.pick(industries);
    const prefix = rng.pick(namePrefixes);
    const form = rng.next();
    const name =
      form < 0.55
        ? `${prefix}${rng.pick(nameSuffixes)} ${word}`
        : form < 0.8
          ? `${prefix} ${word}`
          : `${prefix} & ${rng.pick(namePrefixes.filter((p) => p !== prefix))} ${word}`;
    if (seen.has(name)) continue;
    seen.add(name);
    out.push([name, industry]);
  }
  return out;
}

/** Log-normal ARR, scaled so the book averages `average` exactly and rounded to $500. */
function spreadArr(rng: Rng, count: number, average: number): number[] {
  const raw = Array.from({ length: count }, () => Math.exp(0.95 * rng.normal()));
  const mean = raw.reduce((a, b) => a + b, 0) / count;
  return raw.map((r) => Math.max(3_000, Math.round(((r / mean) * average) / 500) * 500));
}

/** ~15% of accounts decline, ~6% grow, ~8% are still onboarding; the rest are steady. */
function assignProfiles(rng: Rng, count: number): UsageProfile[] {
  const order = rng.shuffle(Array.from({ length: count }, (_, i) => i));
  const declining = Math.round(count * 0.15);
  const growing = Math.round(count * 0.06);
  const onboarding = Math.round(count * 0.08);
  const profiles: UsageProfile[] = new Array(count).fill('steady');
  order.forEach((account, rank) => {
    if (rank < declining) profiles[account] = 'declining';
    else if (rank < declining + growing) profiles[account] = 'growing';
    else if (rank < declining + growing + onboarding) profiles[account] = 'onboarding';
  });
  return profiles;
}

/** 2–6 people: always a champion; an admin and an economic buyer from three up; the rest end users. */
function generateContacts(rng: Rng, slug: string, region: Region): DemoContact[] {
  const count = rng.weighted([
    [2, 1],
    [3, 2],
    [4, 3],
    [5, 2],
    [6, 1],
  ] as const);
  const roles: ContactRole[] = ['champion', count >= 3 ? 'economic buyer' : 'admin'];
  if (count >= 3) roles.push('admin');
  while (roles.length < count) roles.push('end user');
  const home = rng.pick(regions[region].zones);
  const usedNames = new Set<string>();
  return roles.map((role, i) => {
    let name: string;
    do name = `${rng.pick(firstNames)} ${rng.pick(lastNames)}`;
    while (usedNames.has(name));
    usedNames.add(name);
    // Most people sit in the account's home office; some work from another zone of the region.
    const [timezone, utcOffset, locale] = rng.chance(0.8) ? home : rng.pick(regions[region].zones);
    const local = name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/ø/g, 'o')
      .toLowerCase()
      .replace(/[^a-z]+/g, '.');
    return {
      externalId: `${slug}-u${i + 1}`,
      email: `${local}@${slug}.example`,
      name,
      role,
      title: rng.pick(titlesByRole[role]),
      timezone,
      utcOffset,
      locale,
    };
  });
}

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);
