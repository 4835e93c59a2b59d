import type { BriefItem, BriefSection, HealthReason } from '@candor/shared';
import type { AppDeps } from '../app-deps';
import { tenant, type Ws } from '../db/tenant';
import { taxonomyLabel } from '../guides/signal-label';
import { dealPart, describeChange } from './stakeholder-map';

type Row = {
  kind: string;
  value: Record<string, unknown>;
  quote: string;
  message_id: string;
  interview_id: string;
  contact_id: string | null;
  contact_name: string | null;
  contact_role: string | null;
};

const who = (r: Row) => `${r.contact_name ?? 'A contact'}${r.contact_role ? ` (${r.contact_role})` : ''}`;
const cite = (r: Row, text: string): BriefItem => ({
  text,
  quote: r.quote,
  interview_id: r.interview_id,
  message_id: r.message_id,
});

/** "Tom (champion) — champion; left last month — …; mentioned by Ana (admin)": who, what they are to the deal, what changed. */
function personLine(r: Row): string {
  const name = r.value.name ? String(r.value.name) : null;
  const role = r.value.role ? String(r.value.role) : null;
  const person = name ? `${name}${role ? ` (${role})` : ''}` : `Their ${role}`;
  const part = dealPart(role)?.replace('_', ' ') ?? null;
  const change = r.value.champion_change === true ? changeLine(describeChange(r.quote, role)) : null;
  const facts = [part, change].filter(Boolean).join('; ');
  return `${person}${facts ? ` — ${facts}` : ''}; mentioned by ${who(r)}`;
}
/** What a change asks of the CSM: someone who left needs replacing, a newcomer needs winning over. */
const changeLine = (change: string) =>
  /^(?:left|changed)/.test(change)
    ? `${change} — re-establish the relationship`
    : `${change} — introduce yourself and the value so far`;
const isChampion = (r: Row) => (r.contact_role ?? '').toLowerCase() === 'champion';
const isEndUser = (r: Row) => /end.?user|user/i.test(r.contact_role ?? '');

/**
 * The deterministic renewal brief, built from stored signals only (never raw transcripts):
 * value perception, friction, stakeholder map (flagging a champion/end-user split and a
 * champion change), risks, open asks and talking points — every claim citing its quote.
 */
export async function composeRulesBrief(
  deps: Pick<AppDeps, 'db' | 'now'>,
  ws: Ws,
  account: { id: string; health_reasons: HealthReason[] },
): Promise<{ sections: BriefSection[]; signals_used: number }> {
  const t = tenant(deps.db, ws);
  const accountId = account.id;
  const rows = (await t
    .selectFrom('signals')
    .leftJoin('contacts', 'contacts.id', 'signals.contact_id')
    .select([
      'signals.kind',
      'signals.value',
      'signals.quote',
      'signals.message_id',
      'signals.interview_id',
      'signals.contact_id',
      'contacts.name as contact_name',
      'contacts.role as contact_role',
    ])
    .where('signals.account_id', '=', accountId)
    .where('signals.created_at', '>', new Date(deps.now().getTime() - 365 * 86_400_000))
    .orderBy('signals.created_at', 'desc')
    .execute()) as Row[];

  const of = (kind: string, pred: (r: Row) => boolean = () => true) => rows.filter((r) => r.kind === kind && pred(r));
  const positive = of('sentiment', (r) => r.value.polarity === 'positive');
  const negative = of('sentiment', (r) => r.value.polarity === 'negative');
  const churn = of('churn_risk', (r) => r.value.level !== 'low');
  const expansion = of('expansion_intent');
  const requests = of('feature_request');
  const humans = of('wants_human');
  const competitors = of('competitor');

  const value: BriefItem[] = [
    ...positive.slice(0, 4).map((r) => cite(r, `${who(r)} sees value`)),
    ...expansion
      .slice(0, 2)
      .map((r) => cite(r, `${who(r)} talked about growing: ${taxonomyLabel(String(r.value.kind))}`)),
  ];
  const friction: BriefItem[] = [
    ...churn.flatMap((r) =>
      ((r.value.reasons as string[] | undefined) ?? [])
        .slice(0, 2)
        .map((reason) => cite(r, `${who(r)}: ${taxonomyLabel(String(reason))}`)),
    ),
    ...negative.slice(0, 3).map((r) => cite(r, `${who(r)} is frustrated`)),
    ...competitors.slice(0, 2).map((r) => cite(r, `${who(r)} mentioned ${String(r.value.name)}`)),
  ];

  const stakeholders: BriefItem[] = [];
  const byContact = new Map<string, Row[]>();
  for (const r of rows) if (r.contact_id) byContact.set(r.contact_id, [...(byContact.get(r.contact_id) ?? []), r]);
  for (const list of byContact.values()) {
    const sentiments = list.filter((r) => r.kind === 'sentiment');
    const pos = sentiments.filter((r) => r.value.polarity === 'positive').length;
    const neg = sentiments.filter((r) => r.value.polarity === 'negative').length;
    const stance = pos > neg ? 'positive' : neg > pos ? 'critical' : 'mixed or neutral';
    const key = list.find((r) => r.kind === 'churn_risk') ?? sentiments[0] ?? list[0]!;
    stakeholders.push(cite(key, `${who(key)} — ${stance}`));
  }
  const champStance = of('sentiment', isChampion).map((r) => r.value.polarity);
  const userStance = of('sentiment', isEndUser).map((r) => r.value.polarity);
  if (champStance.includes('positive') && userStance.includes('negative')) {
    const r = of('sentiment', (x) => isEndUser(x) && x.value.polarity === 'negative')[0]!;
    stakeholders.unshift(
      cite(r, 'The champion is positive but end users are not: check adoption before the renewal call'),
    );
  } else if (champStance.includes('negative') && userStance.includes('positive')) {
    const r = of('sentiment', (x) => isChampion(x) && x.value.polarity === 'negative')[0]!;
    stakeholders.unshift(cite(r, 'End users are positive but the champion is not: find out what the champion needs'));
  }
  // Everyone the customers mentioned, not only those who answered: one line per person
  // (rows are newest first, so the newest mention wins), changes first.
  const mentioned = new Map<string, Row>();
  for (const r of of('stakeholder')) {
    const key = String(r.value.name ?? r.value.role ?? '').toLowerCase();
    if (key && !mentioned.has(key)) mentioned.set(key, r);
  }
  const people = [...mentioned.values()].map((r) => ({ r, line: personLine(r) }));
  stakeholders.push(...people.filter((p) => p.r.value.champion_change !== true).map((p) => cite(p.r, p.line)));
  stakeholders.unshift(...people.filter((p) => p.r.value.champion_change === true).map((p) => cite(p.r, p.line)));

  const risks: BriefItem[] = [
    ...account.health_reasons.map((h) => ({
      text: h.text,
      quote: h.evidence?.quote ?? null,
      interview_id: h.evidence?.interview_id ?? null,
      message_id: h.evidence?.message_id ?? null,
    })),
    ...churn.filter((r) => r.value.level === 'high').map((r) => cite(r, `${who(r)} signalled a high risk of leaving`)),
  ];
  const asks: BriefItem[] = [
    ...humans.map((r) => cite(r, `${who(r)} asked to talk to a person`)),
    ...requests.slice(0, 6).map((r) => cite(r, `${who(r)} asked for: ${String(r.value.summary)}`)),
  ];
  const talking: BriefItem[] = [
    ...(friction[0]
      ? [{ ...friction[0], text: `Open with what gets in their way: ${friction[0].text.split(': ').pop()}` }]
      : []),
    ...(value[0] ? [{ ...value[0], text: 'Anchor the renewal on the value they named' }] : []),
    ...(expansion[0]
      ? [
          cite(
            expansion[0],
            `Explore ${taxonomyLabel(String(expansion[0].value.kind))}${expansion[0].value.timing ? ` (${String(expansion[0].value.timing)})` : ''}`,
          ),
        ]
      : []),
    ...(requests[0]
      ? [cite(requests[0], `Say where "${String(requests[0].value.summary)}" stands on the roadmap`)]
      : []),
  ];
  const sections: BriefSection[] = [
    { heading: 'Value perception', items: value },
    { heading: 'Friction', items: friction },
    { heading: 'Stakeholders', items: stakeholders },
    { heading: 'Risks', items: risks },
    { heading: 'Open asks and feature requests', items: asks },
    { heading: 'Talking points for the renewal call', items: talking },
  ];
  return { sections, signals_used: rows.length };
}
