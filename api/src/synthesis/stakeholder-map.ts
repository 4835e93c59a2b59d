import type { SignalValueOf } from '@candor/shared';
import type { stakeholderSchema } from '@candor/shared/console';
import type { z } from 'zod';
import type { Db } from '../db/database';
import { tenant, type Ws } from '../db/tenant';

const DAY = 86_400_000;

/** What a person is to the renewal: who carries it inside, who signs it. */
export type DealPart = 'champion' | 'economic_buyer';

/** One person at the account, whether they answered an interview or were only named in one (the console's shape). */
export type Stakeholder = z.infer<typeof stakeholderSchema>;

const economicBuyer = /\b(?:ceo|cfo|coo|founder|owner|procurement|finance|economic buyer|vp|vice president|head of)\b/i;

/** Champion, economic buyer or neither, from the role a customer gave (or a contact's role). */
export function dealPart(role: string | null | undefined): DealPart | null {
  if (!role) return null;
  if (/champion|sponsor/i.test(role)) return 'champion';
  return economicBuyer.test(role) ? 'economic_buyer' : null;
}

const acronyms = /\b(ceo|cfo|cto|coo|cio|ciso|vp)\b/gi;
const displayRole = (role: string) => role.replace(acronyms, (r) => r.toUpperCase());
const newcomer = /(?<![\p{L}])(?:new|neue[rn]?|nouveau|nouvelle|nuevo|nueva|novo|nova)(?![\p{L}])|新しい/iu;
const departed =
  /\b(?:left|quit|moved on|no longer)\b|(?<![\p{L}])(?:verlassen|parti|partie|quitté|se fue|saiu)(?![\p{L}])|退職|辞め/iu;
const whenLeft: [RegExp, string][] = [
  [/\blast (week|month|quarter|year)\b/i, 'last $1'],
  [/\bthis (week|month|quarter)\b/i, 'this $1'],
  [/letzten monat|le mois dernier|el mes pasado|no mês passado|先月/i, 'last month'],
  [/letzte woche|la semaine dernière|la semana pasada|na semana passada|先週/i, 'last week'],
];

/** "left last month", "new CFO", "left", else "changed": the change a quote describes, in a few words. */
export function describeChange(quote: string, role: string | null): string {
  if (role && newcomer.test(role)) return displayRole(role);
  if (newcomer.test(quote) && role && role !== 'champion') return `new ${displayRole(role)}`;
  for (const [pattern, phrase] of whenLeft) {
    const m = pattern.exec(quote);
    if (m) return `left ${m[0].replace(pattern, phrase).toLowerCase()}`;
  }
  return departed.test(quote) ? 'left' : 'changed';
}

const who = (name: string | null, role: string | null) => `${name ?? 'A contact'}${role ? ` (${role})` : ''}`;

/**
 * Everyone the account's interviews speak of, from the last year: the people who answered
 * and every person they named (the stakeholder signals), one entry per person, with role,
 * part in the deal and what changed. Changes come first, then champions and buyers.
 */
export async function loadStakeholderMap(db: Db, ws: Ws, accountId: string, now: Date): Promise<Stakeholder[]> {
  const t = tenant(db, ws);
  const since = new Date(now.getTime() - 365 * DAY);
  const [mentions, respondents] = await Promise.all([
    t
      .selectFrom('signals')
      .leftJoin('contacts', 'contacts.id', 'signals.contact_id')
      .select([
        'signals.id',
        'signals.value',
        'signals.quote',
        'signals.interview_id',
        'signals.message_id',
        'contacts.name as contact_name',
        'contacts.role as contact_role',
      ])
      .where('signals.account_id', '=', accountId)
      .where('signals.kind', '=', 'stakeholder')
      .where('signals.created_at', '>', since)
      .orderBy('signals.created_at', 'desc')
      .$narrowType<{ value: SignalValueOf<'stakeholder'> }>()
      .execute(),
    t
      .selectFrom('interviews')
      .innerJoin('contacts', 'contacts.id', 'interviews.contact_id')
      .select(['contacts.id', 'contacts.name', 'contacts.role'])
      .select((eb) => eb.fn.max('interviews.last_activity_at').as('last'))
      .where('interviews.account_id', '=', accountId)
      .where('interviews.status', 'in', ['completed', 'abandoned'])
      .where('interviews.last_activity_at', '>', since)
      .groupBy(['contacts.id', 'contacts.name', 'contacts.role'])
      .orderBy('last', 'desc')
      .execute(),
  ]);

  const people: Stakeholder[] = respondents.map((r) => ({
    name: r.name,
    role: r.role,
    part: dealPart(r.role),
    change: null,
    answered: true,
    mentioned_by: [],
    evidence: null,
  }));
  const find = (name: string | null, role: string | null) => {
    const key = (name ?? '').toLowerCase();
    if (key)
      return people.find((p) => {
        const full = (p.name ?? '').toLowerCase();
        return full === key || full.split(' ')[0] === key;
      });
    // Unnamed ("our new CFO"): the same role named before is the same person.
    return people.find((p) => !p.answered && !p.name && p.role === role);
  };
  for (const m of mentions) {
    const value = m.value;
    const name = typeof value.name === 'string' && value.name ? value.name : null;
    const role = typeof value.role === 'string' && value.role ? value.role : null;
    if (!name && !role) continue;
    const by = who(m.contact_name, m.contact_role);
    let person = find(name, role);
    if (!person) {
      person = { name, role, part: null, change: null, answered: false, mentioned_by: [], evidence: null };
      people.push(person);
    }
    // Mentions are newest first: the first one sets what is current, later ones only add who spoke.
    if (!person.evidence) {
      person.evidence = {
        signal_id: m.id,
        quote: m.quote,
        interview_id: m.interview_id,
        message_id: m.message_id,
      };
      if (!person.answered || !person.role) person.role = role ?? person.role;
      person.part = dealPart(role) ?? person.part;
      if (value.champion_change === true) person.change = describeChange(m.quote, role);
    }
    if (!person.mentioned_by.includes(by)) person.mentioned_by.push(by);
  }
  const rank = (p: Stakeholder) => (p.change ? 0 : p.part ? 1 : p.answered ? 2 : 3);
  return people
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
    .map(({ p }) => p);
}
