import { createHash } from 'node:crypto';
import type { PortfolioReportContent } from '@candor/shared';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps';
import { tenant, type Ws } from '../../db/tenant';
import { citingSchema, type RefField } from '../../model-access/citing-schema';
import { latestBriefVersion, type StoredBrief, storeBriefVersion } from '../brief-versions';
import type { PortfolioReport } from '../portfolio-report-shape';
import { digestAccounts, loadAccountSignals, mapReduceGeneration } from './account-digests';
import { EvidenceRefs, resolveClaims } from './evidence';
import { addUsage, callSynthesisModel, DATA_RULE, dataBlock } from './synthesis-model';

/** Bumped whenever the report's instructions or schema change; stored with every AI narrative. */
export const PORTFOLIO_PROMPT_VERSION = 'portfolio-v1';
const DAY = 86_400_000;
/** The largest accounts with signals in the window that the narrative reads (each one digest). */
const MAX_ACCOUNTS = 80;

/** The narrative's output schema; `citation` is the field a ref goes in. */
function narrativeOutput(citation: RefField) {
  const claims = z.array(
    z.object({
      text: z.string().describe('One finding, under 30 words'),
      citations: z.array(citation).describe('Refs of the evidence: signals (S…) or report figures (F…)'),
    }),
  );
  return z.object({
    headline: claims.describe('The two or three things a CS leader must know'),
    churn: claims.describe('Why customers are at risk of leaving, biggest first'),
    expansion: claims.describe('Where the book can grow'),
    feature_requests: claims.describe('What customers ask for, by weight of ARR behind it'),
  });
}
export const portfolioOutputSchema = narrativeOutput(z.string());
const headings = {
  headline: 'Headline',
  churn: 'Why customers are at risk',
  expansion: 'Expansion',
  feature_requests: 'Feature requests',
} as const;

const INSTRUCTIONS = [
  'You write the narrative of a Customer Success portfolio report for CS leaders. It is internal: ARR and health may appear.',
  DATA_RULE,
  'The data holds the report’s figures (refs F1…: churn reasons with counts, share, ARR at risk and the last four weeks; feature requests with the ARR behind them) and, for the largest accounts, a digest of what each said in interviews (signal refs S…).',
  'Write short findings in four sections: headline, churn, expansion, feature_requests. Each finding cites at least one ref that proves it, using only refs present in the data; counts and money come from the figures, never estimated. Leave out what no ref proves. No filler.',
].join('\n');

export type PortfolioNarrative = {
  sections: PortfolioReportContent['sections'];
  generated_at: string;
  /** True when nothing changed since the stored narrative, so no model call was made. */
  cached: boolean;
  brief: StoredBrief<'portfolio_report'>;
};

/**
 * The portfolio report's narrative by the synthesis model, map-reduce: cached digests of
 * the largest accounts with signals in the window (map), then one call over them and the
 * report's figures (reduce). The narrative is stored; when its input is unchanged the
 * stored one is returned without calling the model. Throws SynthesisModelError when the
 * model fails every attempt.
 */
export async function writePortfolioNarrative(
  deps: Pick<AppDeps, 'db' | 'log' | 'config' | 'now'>,
  ws: Ws,
  report: PortfolioReport,
  options: { ownerEmail?: string; plan?: string; days: number },
): Promise<PortfolioNarrative> {
  const now = deps.now();
  const since = new Date(now.getTime() - options.days * DAY);
  let q = tenant(deps.db, ws)
    .selectFrom('accounts')
    .select(['accounts.id', 'accounts.name', 'accounts.arr_cents', 'accounts.health_state'])
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('signals')
          .select('signals.id')
          .whereRef('signals.account_id', '=', 'accounts.id')
          .where('signals.created_at', '>=', since),
      ),
    )
    .orderBy('accounts.arr_cents', (ob) => ob.desc().nullsLast())
    .orderBy('accounts.id')
    .limit(MAX_ACCOUNTS);
  if (options.ownerEmail) q = q.where('accounts.owner_email', '=', options.ownerEmail);
  if (options.plan) q = q.where('accounts.plan', '=', options.plan);
  const accounts = await q.execute();
  const signals = await loadAccountSignals(
    deps,
    ws,
    accounts.map((a) => a.id),
    now,
  );
  const map = await digestAccounts(deps, ws, signals);

  const refs = new EvidenceRefs();
  const usd = (n: number) => `$${Math.round(n).toLocaleString('en-US')}`;
  const data = {
    scope: `${options.ownerEmail ? "one CSM's book" : 'the whole workspace'}${options.plan ? ', one plan' : ''}`,
    window_days: options.days,
    churn_reasons: report.churn_reasons.slice(0, 10).map((r) => {
      const text = `Churn reason "${r.label}": ${r.count} signals (${Math.round(r.share * 100)}% of churn-risk signals), ${r.accounts} accounts, ${usd(r.arr_at_risk)} ARR at risk; last four weeks ${r.weekly
        .slice(-4)
        .map((w) => w.count)
        .join(', ')}`;
      return { ref: refs.fact(text), text };
    }),
    feature_requests: report.feature_requests.slice(0, 15).map((f) => {
      const text = `Feature request "${f.summary}": asked ${f.count} times by ${f.account_count} accounts with ${usd(f.arr)} ARR`;
      return { ref: refs.fact(text), text };
    }),
    expansion_pipeline: report.expansion_pipeline.slice(0, 20).map((e) => {
      const text = `Expansion at ${e.account.name}: ${e.label}${e.size ? `, ${e.size}` : ''}${e.timing ? `, ${e.timing}` : ''}`;
      return { ref: refs.fact(text), text };
    }),
    accounts: accounts.map((a) => {
      const digest = map.digests.get(a.id);
      const byId = new Map((signals.get(a.id) ?? []).map((s) => [s.id, s]));
      return {
        name: a.name,
        arr: a.arr_cents === null ? null : Number(a.arr_cents) / 100,
        health: a.health_state,
        summary: digest?.summary ?? null,
        points: (digest?.points ?? []).map((p) => ({
          kind: p.kind,
          text: p.text,
          citations: p.signal_ids.flatMap((id) => (byId.has(id) ? [refs.signal(byId.get(id)!)] : [])),
        })),
      };
    }),
  };
  const prompt = `The report's figures and account digests:\n${dataBlock(data)}`;
  const model = deps.config.openai.synthesisModel;
  const inputHash = createHash('sha256')
    .update(`${PORTFOLIO_PROMPT_VERSION}\n${model}\n${INSTRUCTIONS}\n${prompt}`)
    .digest('hex');
  // A plan's report is its own subject; the unfiltered key stays as it was.
  const subjectId = `${options.ownerEmail ?? 'workspace'}:${options.days}${options.plan ? `:plan:${options.plan}` : ''}`;
  const latest = await latestBriefVersion(deps.db, ws, 'portfolio_report', subjectId);
  if (latest && latest.mode === 'ai' && latest.generation.input_hash === inputHash) {
    return { ...latest.content, cached: true, brief: latest };
  }

  const reduce = await callSynthesisModel(deps, {
    purpose: 'portfolio report',
    instructions: INSTRUCTIONS,
    prompt,
    schema: citingSchema((ref) => narrativeOutput(ref(refs.all()))),
  });
  const sections: PortfolioNarrative['sections'] = [];
  let dropped = 0;
  for (const key of Object.keys(headings) as (keyof typeof headings)[]) {
    const wanted = reduce.output[key].slice(0, 6);
    const items = await resolveClaims(deps, ws, refs, wanted, {
      artifact: 'portfolio report',
      section: key,
      accountIds: accounts.map((a) => a.id),
    });
    dropped += wanted.length - items.length;
    sections.push({ heading: headings[key], items });
  }
  const usage = addUsage(map.usage, reduce.usage);
  const content = { sections, generated_at: now.toISOString() };
  const { brief } = await storeBriefVersion(deps.db, ws, {
    kind: 'portfolio_report',
    subjectId,
    mode: 'ai',
    content,
    model: reduce.model,
    promptVersion: PORTFOLIO_PROMPT_VERSION,
    promptTokens: usage.promptTokens,
    completionTokens: usage.completionTokens,
    costMicros: usage.costMicros,
    generation: {
      input_hash: inputHash,
      accounts: accounts.length,
      ...mapReduceGeneration(map, reduce, dropped),
    },
  });
  return { ...content, cached: false, brief };
}
