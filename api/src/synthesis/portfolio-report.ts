import type { AppDeps } from '../app-deps';
import { taxonomyLabel } from '../console/signal-label';
import type { Db } from '../db/database';
import { tenant, type Ws } from '../db/tenant';
import { modelConfigured } from '../model-access/model-provider';
import { writePortfolioNarrative } from './ai/portfolio-report-ai';
import { SynthesisModelError } from './ai/synthesis-model';
import { provenanceOf } from './brief-versions';

const DAY = 86_400_000;
const WEEKS = 12;

type Evidence = { quote: string; interview_id: string; message_id: string };
type AccountRef = { id: string; external_id: string; name: string; arr: number | null };

export type PortfolioReport = {
  window_days: number;
  owner: string | null;
  mode: 'ai' | 'rules';
  churn_reasons: {
    reason: string;
    label: string;
    count: number;
    share: number;
    accounts: number;
    arr_at_risk: number;
    weekly: { week: string; count: number }[];
    quotes: Evidence[];
  }[];
  expansion_pipeline: {
    account: AccountRef;
    kind: string;
    label: string;
    size: string | null;
    timing: string | null;
    evidence: Evidence;
    at: string;
  }[];
  feature_requests: { summary: string; count: number; accounts: AccountRef[]; arr: number; quotes: Evidence[] }[];
};

const weekOf = (d: Date) => {
  const monday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7)));
  return monday.toISOString().slice(0, 10);
};
// "SSO!" and "sso" are one request; wording beyond case and punctuation is kept apart.
const normalize = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * The portfolio report of a workspace, or of one CSM's book (`ownerEmail`), from stored
 * signals: churn reasons ranked with share, ARR at risk, a 12-week trend and top quotes;
 * the expansion pipeline; feature requests grouped with the accounts and ARR behind them.
 */
export async function buildPortfolioReport(
  db: Db,
  ws: Ws,
  options: { ownerEmail?: string; days?: number; now: Date },
): Promise<PortfolioReport> {
  const days = options.days ?? 90;
  let q = tenant(db, ws)
    .selectFrom('signals')
    .innerJoin('accounts', 'accounts.id', 'signals.account_id')
    .select([
      'signals.kind',
      'signals.value',
      'signals.quote',
      'signals.interview_id',
      'signals.message_id',
      'signals.created_at',
      'accounts.id as account_id',
      'accounts.external_id',
      'accounts.name',
      'accounts.arr_cents',
    ])
    .where('signals.kind', 'in', ['churn_risk', 'expansion_intent', 'feature_request'])
    .where('signals.created_at', '>=', new Date(options.now.getTime() - days * DAY))
    .orderBy('signals.created_at', 'desc');
  if (options.ownerEmail) q = q.where('accounts.owner_email', '=', options.ownerEmail);
  const rows = await q.execute();
  type Row = (typeof rows)[number];
  const account = (r: Row): AccountRef => ({
    id: r.account_id,
    external_id: r.external_id,
    name: r.name,
    arr: r.arr_cents === null ? null : Number(r.arr_cents) / 100,
  });
  const evidence = (r: Row): Evidence => ({
    quote: r.quote,
    interview_id: r.interview_id,
    message_id: r.message_id,
  });

  const weeks = Array.from({ length: WEEKS }, (_, i) =>
    weekOf(new Date(options.now.getTime() - (WEEKS - 1 - i) * 7 * DAY)),
  );
  const churnRows = rows.filter((r) => r.kind === 'churn_risk' && (r.value as { level?: string }).level !== 'low');
  const reasons = new Map<string, { rows: Row[]; accounts: Map<string, AccountRef> }>();
  for (const r of churnRows)
    for (const reason of ((r.value as { reasons?: string[] }).reasons ?? []).slice(0, 9)) {
      const entry = reasons.get(reason) ?? { rows: [] as Row[], accounts: new Map<string, AccountRef>() };
      entry.rows.push(r);
      entry.accounts.set(r.account_id, account(r));
      reasons.set(reason, entry);
    }
  const churn_reasons = [...reasons.entries()]
    .map(([reason, e]) => ({
      reason,
      label: taxonomyLabel(reason),
      count: e.rows.length,
      share: churnRows.length ? Math.round((e.rows.length / churnRows.length) * 1000) / 1000 : 0,
      accounts: e.accounts.size,
      arr_at_risk: [...e.accounts.values()].reduce((sum, a) => sum + (a.arr ?? 0), 0),
      weekly: weeks.map((week) => ({ week, count: e.rows.filter((r) => weekOf(r.created_at) === week).length })),
      quotes: e.rows.slice(0, 3).map(evidence),
    }))
    .sort((a, b) => b.count - a.count || b.arr_at_risk - a.arr_at_risk);

  const pipeline = new Map<string, PortfolioReport['expansion_pipeline'][number]>();
  for (const r of rows.filter((x) => x.kind === 'expansion_intent')) {
    const v = r.value as { kind: string; size: string | null; timing: string | null };
    const key = `${r.account_id}:${v.kind}`;
    if (pipeline.has(key)) continue; // newest first: keep the latest word per account and kind
    pipeline.set(key, {
      account: account(r),
      kind: v.kind,
      label: taxonomyLabel(v.kind),
      size: v.size,
      timing: v.timing,
      evidence: evidence(r),
      at: r.created_at.toISOString(),
    });
  }

  const features = new Map<string, { summary: string; rows: Row[]; accounts: Map<string, AccountRef> }>();
  for (const r of rows.filter((x) => x.kind === 'feature_request')) {
    const summary = String((r.value as { summary?: string }).summary ?? r.quote);
    const key = normalize(summary);
    const entry = features.get(key) ?? { summary, rows: [] as Row[], accounts: new Map<string, AccountRef>() };
    entry.rows.push(r);
    entry.accounts.set(r.account_id, account(r));
    features.set(key, entry);
  }
  const feature_requests = [...features.values()]
    .map((f) => {
      const accounts = [...f.accounts.values()];
      return {
        summary: f.summary,
        count: f.rows.length,
        accounts,
        arr: accounts.reduce((sum, a) => sum + (a.arr ?? 0), 0),
        quotes: f.rows.slice(0, 2).map(evidence),
      };
    })
    .sort((a, b) => b.arr - a.arr || b.count - a.count);

  return {
    window_days: days,
    owner: options.ownerEmail ?? null,
    mode: 'rules',
    churn_reasons,
    expansion_pipeline: [...pipeline.values()].sort((a, b) => (b.account.arr ?? 0) - (a.account.arr ?? 0)),
    feature_requests,
  };
}

export type PortfolioReportResponse = PortfolioReport & {
  /** Model-written findings over the figures, each citing its evidence; null in rules mode. */
  narrative: Awaited<ReturnType<typeof writePortfolioNarrative>>['sections'] | null;
  generated_at: string | null;
  cached: boolean;
} & Omit<ReturnType<typeof provenanceOf>, 'generation'> & { generation: Record<string, unknown> };

/**
 * The portfolio report in the mode the instance runs: the figures are always computed
 * from signals; with a synthesis model (and unless `mode: 'rules'` is asked for) a
 * narrative over them is added and labelled `ai`. A model failure after its retries
 * answers the rules report, labelled `rules`, with the reason.
 */
export async function portfolioReport(
  deps: Pick<AppDeps, 'db' | 'log' | 'config' | 'now'>,
  ws: Ws,
  options: { ownerEmail?: string; days?: number; mode?: 'auto' | 'rules' },
): Promise<PortfolioReportResponse> {
  const days = options.days ?? 90;
  const report = await buildPortfolioReport(deps.db, ws, { ownerEmail: options.ownerEmail, days, now: deps.now() });
  const rules = {
    ...report,
    narrative: null,
    generated_at: null,
    cached: false,
    model: null,
    prompt_version: null,
    fallback_reason: null as string | null,
    usage: { prompt_tokens: 0, completion_tokens: 0, cost_micros: 0 },
    generation: {},
  };
  if (options.mode === 'rules' || !modelConfigured(deps.config)) return rules;
  try {
    const narrative = await writePortfolioNarrative(deps, ws, report, { ownerEmail: options.ownerEmail, days });
    return {
      ...report,
      mode: 'ai',
      narrative: narrative.sections,
      generated_at: narrative.generated_at,
      cached: narrative.cached,
      ...provenanceOf(narrative.brief),
    };
  } catch (err) {
    if (!(err instanceof SynthesisModelError)) throw err;
    deps.log.warn({ workspaceId: ws.id, reason: err.reason }, 'portfolio report falls back to rules');
    return { ...rules, fallback_reason: err.message };
  }
}
