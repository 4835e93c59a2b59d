import type { HealthReason, HealthState } from '@candor/shared';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps';
import type { Ws } from '../../db/tenant';
import { describeSignal } from '../../guides/signal-label';
import { citingSchema, type RefField } from '../../model-access/citing-schema';
import { loadStakeholderMap, type Stakeholder } from '../stakeholder-map';
import { digestAccounts, loadAccountSignals, mapReduceGeneration, speaker } from './account-digests';
import { type CitedItem, EvidenceRefs, resolveClaims } from './evidence';
import type { Progress } from './progress';
import { addUsage, callSynthesisModel, DATA_RULE, dataBlock, SynthesisModelError, type Usage } from './synthesis-model';

/** Bumped whenever the brief's instructions or schema change; stored on every AI brief. */
export const RENEWAL_BRIEF_PROMPT_VERSION = 'renewal-brief-v2';

/** The brief's output schema; `citation` is the field a ref goes in (an enum of the prompt's refs when sent). */
function briefOutput(citation: RefField) {
  const claims = z.array(
    z.object({
      text: z.string().describe('One claim, under 30 words'),
      citations: z.array(citation).describe('Refs of the evidence: signals (S…) or account facts (F…)'),
    }),
  );
  return z.object({
    value_perception: claims,
    friction: claims,
    stakeholders: claims,
    risks: claims,
    open_asks: claims,
    talking_points: claims,
  });
}
export const renewalBriefOutputSchema = briefOutput(z.string());

const headings: Record<keyof z.infer<typeof renewalBriefOutputSchema>, string> = {
  value_perception: 'Value perception',
  friction: 'Friction',
  stakeholders: 'Stakeholders',
  risks: 'Risks',
  open_asks: 'Open asks and feature requests',
  talking_points: 'Talking points for the renewal call',
};

const INSTRUCTIONS = [
  'You write the renewal brief a Customer Success Manager reads before a renewal call. It is internal: account figures may appear.',
  DATA_RULE,
  'The data holds account facts (refs F1…), the people the interviews speak of (each a fact ref F…, with the signal ref that names them), a digest of what the account said in interviews, and the signals behind it (refs S1…: kind, detail, who said it, the verbatim quote).',
  "Sections: value_perception (value they named); friction (what gets in their way); stakeholders (one claim per person in people — name, role, champion or economic buyer, and what changed, such as a champion who left or a new CFO — citing that person's F ref and their signal ref; flag where the champion and end users disagree); risks (of not renewing, including a champion change); open_asks (requests, asks for a person, feature requests); talking_points (what to raise on the call, each tied to evidence).",
  'Every claim cites at least one ref that proves it, using only refs present in the data. Leave out what no ref proves; an empty section is fine. Never invent quotes, names or numbers.',
  'Short, specific, no filler.',
].join('\n');

export type AiBrief = {
  sections: { heading: string; items: CitedItem[] }[];
  signalsUsed: number;
  model: string;
  usage: Usage;
  generation: Record<string, unknown>;
};

/**
 * The renewal brief written by the synthesis model, map-reduce: the account's cached
 * digest of its signals (map), then one call writing the brief from the digest, the
 * signals it cites and the account's facts (reduce). Undefined when the account has no
 * signals to write from. Throws SynthesisModelError when the model fails every attempt.
 */
export async function writeRenewalBriefWithModel(
  deps: Pick<AppDeps, 'db' | 'log' | 'config' | 'now'>,
  ws: Ws,
  account: {
    id: string;
    name: string;
    arr_cents: string | null;
    renewal_date: string | null;
    health_state: HealthState;
    health_reasons: HealthReason[];
  },
  progress: Progress,
): Promise<AiBrief | undefined> {
  const now = deps.now();
  await progress('Reading signals', 0, 4);
  const signals = await loadAccountSignals(deps, ws, [account.id], now);
  const own = signals.get(account.id) ?? [];
  if (own.length === 0) return undefined;
  const total = 4;
  await progress('Summarizing the account', 1, total);
  const map = await digestAccounts(deps, ws, signals);
  const digest = map.digests.get(account.id);
  await progress('Writing the brief', 2, total);

  const refs = new EvidenceRefs();
  const cited = new Set(digest?.points.flatMap((p) => p.signal_ids) ?? []);
  const byId = new Map(own.map((s) => [s.id, s]));
  // Stakeholder signals always go in: the stakeholder map needs every voice, not only the digest's.
  const shown = own.filter((s) => cited.has(s.id) || s.kind === 'stakeholder').slice(0, 60);
  const signalData = shown.map((s) => ({
    ref: refs.signal(s),
    kind: s.kind,
    detail: describeSignal(s.kind, s.value),
    said_by: speaker(s),
    quote: s.quote,
  }));
  const renewalDays =
    account.renewal_date === null
      ? null
      : Math.round((Date.parse(`${String(account.renewal_date).slice(0, 10)}T00:00:00Z`) - now.getTime()) / 86_400_000);
  const facts = [
    `Health: ${account.health_state.replace('_', ' ')}`,
    ...account.health_reasons.map((r) => `Health reason: ${r.text}`),
    ...(renewalDays !== null ? [`Renews in ${renewalDays} days (${account.renewal_date})`] : []),
    ...(account.arr_cents !== null ? [`ARR $${(Number(account.arr_cents) / 100).toLocaleString('en-US')}`] : []),
  ];
  const people = await loadStakeholderMap(deps.db, ws, account.id, now);
  const data = {
    account: account.name,
    facts: facts.map((text) => ({ ref: refs.fact(text), text })),
    // Every person as a citable fact, so the stakeholder map can only name people the interviews did.
    people: people.map((p) => {
      const named = p.evidence ? byId.get(p.evidence.signal_id) : undefined;
      return {
        ref: refs.fact(personFact(p)),
        name: p.name,
        role: p.role,
        part: p.part,
        change: p.change,
        answered: p.answered,
        mentioned_by: p.mentioned_by,
        signal: named ? refs.signal(named) : null,
      };
    }),
    digest: digest
      ? {
          summary: digest.summary,
          points: digest.points.map((p) => ({
            kind: p.kind,
            text: p.text,
            citations: p.signal_ids.flatMap((id) => (byId.has(id) ? [refs.signal(byId.get(id)!)] : [])),
          })),
        }
      : null,
    signals: signalData,
  };
  const reduce = await callSynthesisModel(deps, {
    purpose: 'renewal brief',
    instructions: INSTRUCTIONS,
    prompt: `The account's facts, digest and evidence:\n${dataBlock(data)}`,
    schema: citingSchema((ref) => briefOutput(ref(refs.all()))),
  });
  const sections: AiBrief['sections'] = [];
  let dropped = 0;
  let wantedTotal = 0;
  for (const key of Object.keys(headings) as (keyof typeof headings)[]) {
    const wanted = reduce.output[key].slice(0, 8);
    const items = await resolveClaims(deps, ws, refs, wanted, {
      artifact: 'renewal brief',
      section: key,
      accountIds: [account.id],
    });
    dropped += wanted.length - items.length;
    wantedTotal += wanted.length;
    sections.push({ heading: headings[key], items });
  }
  // A brief with every claim dropped would read as "nothing to say": it is a failure, and the rules take over.
  if (dropped === wantedTotal) throw SynthesisModelError.nothingSurvived(wantedTotal, reduce.attempts);
  return {
    sections,
    signalsUsed: own.length,
    model: reduce.model,
    usage: addUsage(map.usage, reduce.usage),
    generation: mapReduceGeneration(map, reduce, dropped),
  };
}

/** "Person: Tom (champion) — champion; left last month; named by Ana Ruiz (admin)": one person as a brief may cite them. */
export function personFact(p: Stakeholder): string {
  const who = p.name ? `${p.name}${p.role ? ` (${p.role})` : ''}` : `Their ${p.role ?? 'contact'}`;
  const facts = [
    p.part?.replace('_', ' '),
    p.change,
    p.answered ? 'answered an interview' : null,
    p.mentioned_by.length ? `named by ${p.mentioned_by.join(', ')}` : null,
  ].filter(Boolean);
  return `Person: ${who}${facts.length ? ` — ${facts.join('; ')}` : ''}`;
}
