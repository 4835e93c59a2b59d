import { z } from 'zod';
import type { AppDeps } from '../../app-deps';
import { tenant, type Ws } from '../../db/tenant';
import { citingSchema, type RefField } from '../../model-access/citing-schema';
import { asSections, type WeeklyBriefing } from '../weekly-briefing';
import { digestAccounts, loadAccountSignals, mapReduceGeneration } from './account-digests';
import { type CitedItem, EvidenceRefs, resolveClaims } from './evidence';
import type { Progress } from './progress';
import { addUsage, callSynthesisModel, DATA_RULE, dataBlock, type Usage } from './synthesis-model';

/** Bumped whenever the briefing's instructions or schema change; stored on every AI briefing. */
export const WEEKLY_BRIEFING_PROMPT_VERSION = 'weekly-briefing-v1';
const DAY = 86_400_000;

/** The briefing's output schema; each `…Ref` is the field one kind of ref goes in. */
function briefingOutput(refs: { citation: RefField; account: RefField; meeting: RefField }) {
  const claim = z.object({
    text: z.string().describe('One reason or point, under 25 words'),
    citations: z.array(refs.citation).describe('Refs of the evidence: signals (S…) or account facts (F…)'),
  });
  return z.object({
    priorities: z
      .array(z.object({ account: refs.account.describe('The account ref, e.g. "A4"'), why: z.array(claim) }))
      .describe('The three accounts that most need the CSM this week, most urgent first'),
    meeting_prep: z.array(
      z.object({ meeting: refs.meeting.describe('The meeting ref, e.g. "M1"'), talking_points: z.array(claim) }),
    ),
  });
}
export const weeklyBriefingOutputSchema = briefingOutput({
  citation: z.string(),
  account: z.string(),
  meeting: z.string(),
});
type Claim = z.infer<typeof weeklyBriefingOutputSchema>['priorities'][number]['why'][number];

const INSTRUCTIONS = [
  "You write the priorities and meeting prep of a Customer Success Manager's weekly briefing: one page, no filler. It is internal: ARR and health may appear.",
  DATA_RULE,
  "The data holds the CSM's accounts (refs A1…) with their facts (refs F…) and a digest of what each account said in interviews (signal refs S…), and this week's meetings (refs M1…).",
  'priorities: the three accounts that most need attention this week (risk of leaving, a renewal close at hand, open review items, asks for a person, size), most urgent first, each with up to three reasons.',
  'meeting_prep: for each meeting, up to three talking points drawn from that account’s digest and facts.',
  'Every reason and talking point cites at least one ref that proves it, using only refs present in the data. Leave out what no ref proves. Never invent names, quotes or numbers.',
].join('\n');

export type AiBriefing = {
  briefing: WeeklyBriefing;
  model: string;
  usage: Usage;
  generation: Record<string, unknown>;
};

/**
 * The weekly briefing with its priorities and meeting prep written by the synthesis
 * model, map-reduce: one cached digest per account with signals (map; only accounts with
 * new signals call the model), then one call over the whole book (reduce). The rules
 * briefing supplies the facts that need no model — meetings, quiet accounts, releases,
 * time blocks. Throws SynthesisModelError when the model fails every attempt.
 */
export async function writeWeeklyBriefingWithModel(
  deps: Pick<AppDeps, 'db' | 'log' | 'config' | 'now'>,
  ws: Ws,
  base: WeeklyBriefing,
  progress: Progress,
): Promise<AiBriefing> {
  const now = deps.now();
  const t = tenant(deps.db, ws);
  const accounts = await t
    .selectFrom('accounts')
    .select(['id', 'name', 'arr_cents', 'renewal_date', 'health_state', 'health_reasons', 'last_touch_at'])
    .where('owner_email', '=', base.member.email)
    .orderBy('arr_cents', (ob) => ob.desc().nullsLast())
    .orderBy('id')
    .execute();
  const ids = accounts.map((a) => a.id);
  const [signals, reviews] = await Promise.all([
    loadAccountSignals(deps, ws, ids, now),
    ids.length
      ? t
          .selectFrom('review_items')
          .select(['account_id', 'reason'])
          .where('account_id', 'in', ids)
          .where('status', '=', 'open')
          .execute()
      : [],
  ]);
  const withSignals = [...signals.values()].filter((s) => s.length > 0).length;
  const total = withSignals + 3;
  await progress('Summarizing accounts', 1, total);
  const map = await digestAccounts(deps, ws, signals, (done) => progress('Summarizing accounts', 1 + done, total));
  await progress('Writing the briefing', 1 + withSignals, total);

  const refs = new EvidenceRefs();
  const accountRefs = new Map<string, string>();
  const data = {
    week_of: base.week_of,
    accounts: accounts.map((a, i) => {
      const ref = `A${i + 1}`;
      accountRefs.set(ref, a.id);
      const renewal = a.renewal_date
        ? Math.round((Date.parse(`${String(a.renewal_date).slice(0, 10)}T00:00:00Z`) - now.getTime()) / DAY)
        : null;
      const facts = [
        `Health: ${a.health_state.replace('_', ' ')}`,
        ...a.health_reasons.map((r) => `Health reason: ${r.text}`),
        ...(renewal !== null && renewal >= 0 && renewal <= 120 ? [`Renews in ${renewal} days`] : []),
        ...(a.arr_cents !== null ? [`ARR $${(Number(a.arr_cents) / 100).toLocaleString('en-US')}`] : []),
        a.last_touch_at
          ? `Last touchpoint ${Math.floor((now.getTime() - a.last_touch_at.getTime()) / DAY)} days ago`
          : 'Never touched',
        ...reviews.filter((r) => r.account_id === a.id).map((r) => `Open review item: ${r.reason}`),
        ...base.priorities
          .filter((p) => p.account_id === a.id)
          .flatMap((p) => p.why.filter((w) => /^(Asked to talk|Wants to grow)/.test(w))),
      ];
      const digest = map.digests.get(a.id);
      const byId = new Map((signals.get(a.id) ?? []).map((s) => [s.id, s]));
      return {
        ref,
        name: a.name,
        facts: facts.map((text) => ({ ref: refs.fact(text), text })),
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
      };
    }),
    meetings: base.meetings.map((m, i) => ({
      ref: `M${i + 1}`,
      account: `A${ids.indexOf(m.account_id) + 1}`,
      time: m.time,
      title: m.title,
      attendees: m.attendees,
    })),
  };
  const reduce = await callSynthesisModel(deps, {
    purpose: 'weekly briefing',
    instructions: INSTRUCTIONS,
    prompt: `The CSM's book and week:\n${dataBlock(data)}`,
    schema: citingSchema((ref) =>
      briefingOutput({
        citation: ref(refs.all()),
        account: ref([...accountRefs.keys()]),
        meeting: ref(data.meetings.map((m) => m.ref)),
      }),
    ),
  });

  let dropped = 0;
  const resolve = async (list: Claim[], section: string, accountId?: string) => {
    const wanted = list.slice(0, 3);
    const items = await resolveClaims(deps, ws, refs, wanted, {
      artifact: 'weekly briefing',
      section,
      accountIds: accountId ? [accountId] : ids,
    });
    dropped += wanted.length - items.length;
    return items;
  };
  const priorities: (WeeklyBriefing['priorities'][number] & { citations: CitedItem['citations'] })[] = [];
  for (const p of reduce.output.priorities) {
    const accountId = accountRefs.get(p.account.trim().toUpperCase());
    const account = accounts.find((a) => a.id === accountId);
    if (!account || priorities.some((x) => x.account_id === account.id)) {
      dropped++;
      continue;
    }
    const why = await resolve(p.why, 'priorities', account.id);
    if (why.length === 0) continue;
    const citations = why.flatMap((w) => w.citations);
    priorities.push({
      account: account.name,
      account_id: account.id,
      arr: account.arr_cents === null ? null : Number(account.arr_cents) / 100,
      why: why.map((w) => w.text),
      evidence: citations[0] ?? null,
      citations,
    });
    if (priorities.length === 3) break;
  }
  const meetings = [];
  for (const [i, m] of base.meetings.entries()) {
    const prep = reduce.output.meeting_prep.find((x) => x.meeting.trim().toUpperCase() === `M${i + 1}`);
    const points = prep ? await resolve(prep.talking_points, 'meeting_prep', m.account_id) : [];
    // A meeting the model said nothing provable about keeps its rule-based prep.
    meetings.push(
      points.length
        ? {
            ...m,
            talking_points: points.map((p) => p.text),
            evidence: points.find((p) => p.quote)?.citations[0] ?? null,
          }
        : m,
    );
  }
  // Should every priority fail its evidence check, the rule-based ranking stands rather than an empty page.
  const ranked = priorities.length ? [...priorities] : [...base.priorities];
  // A customer who asked for a person this week is always a priority, whatever the model ranked.
  for (const p of base.priorities)
    if (p.why.some((w) => w.startsWith('Asked to talk')) && !ranked.some((x) => x.account_id === p.account_id))
      ranked.splice(Math.min(ranked.length, 2), ranked.length >= 3 ? 1 : 0, p);
  const briefing = { ...base, priorities: ranked, meetings };
  return {
    briefing: { ...briefing, sections: asSections(briefing) },
    model: reduce.model,
    usage: addUsage(map.usage, reduce.usage),
    generation: {
      accounts: accounts.length,
      ...mapReduceGeneration(map, reduce, dropped),
    },
  };
}
