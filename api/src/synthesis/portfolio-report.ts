import type { AppDeps } from '../app-deps';
import type { Db } from '../db/database';
import type { Ws } from '../db/tenant';
import { taxonomyLabel } from '../guides/signal-label';
import { modelConfigured } from '../model-access/model-provider';
import { writePortfolioNarrative } from './ai/portfolio-report-ai';
import { SynthesisModelError } from './ai/synthesis-model';
import { provenanceOf } from './brief-versions';
import {
  churnReasonAccounts,
  churnReasonQuotes,
  countChurnReasonQuotes,
  type Page,
  rankChurnReasons,
} from './portfolio-churn';
import { rankFeatureRequests } from './portfolio-features';
import { expansionPipeline } from './portfolio-pipeline';
import type { AccountRef, ExpansionEntry, FeatureRequestEntry, PortfolioReport } from './portfolio-report-shape';
import { type PortfolioScope, trendWeeks } from './portfolio-scope';

const DAY = 86_400_000;
/** Entries per list in the report unless `limit` says otherwise; the tails are paged. */
export const REPORT_LIST_LIMIT = 25;
const QUOTES_PER_REASON = 3;

export type ReportOptions = { ownerEmail?: string; plan?: string; days?: number; now: Date };

const dollars = (cents: number | null) => (cents === null ? null : cents / 100);
const accountRef = (a: { id: string; external_id: string; name: string; arr_cents: number | null }): AccountRef => ({
  id: a.id,
  external_id: a.external_id,
  name: a.name,
  arr: dollars(a.arr_cents),
});
const reportScope = (o: ReportOptions): PortfolioScope => ({
  since: new Date(o.now.getTime() - (o.days ?? 90) * DAY),
  // Inclusive of `now` itself.
  until: new Date(o.now.getTime() + 1),
  ...(o.ownerEmail ? { ownerEmail: o.ownerEmail } : {}),
  ...(o.plan ? { plan: o.plan } : {}),
});

/**
 * The portfolio report of a workspace, or of one CSM's book (`ownerEmail`), aggregated in
 * SQL from stored signals: churn reasons ranked with share, ARR at risk, a 12-week trend
 * and top quotes; the expansion pipeline; feature requests grouped with the accounts and
 * ARR behind them. Each list holds its first `limit` entries; the rest are paged
 * (`reportListPage`, `churnReasonPage`), so the answer stays small however big the book.
 */
export async function buildPortfolioReport(
  db: Db,
  ws: Ws,
  options: ReportOptions & { limit?: number },
): Promise<PortfolioReport> {
  const days = options.days ?? 90;
  const limit = options.limit ?? REPORT_LIST_LIMIT;
  const page = { offset: 0, limit };
  const scope = reportScope(options);
  const [churn, pipeline, features] = await Promise.all([
    churnReasonEntries(db, ws, scope, page),
    expansionEntries(db, ws, scope, page),
    featureRequestEntries(db, ws, scope, page),
  ]);
  return {
    window_days: days,
    owner: options.ownerEmail ?? null,
    plan: options.plan ?? null,
    mode: 'rules',
    totals: { churn_reasons: churn.total, expansion_pipeline: pipeline.total, feature_requests: features.total },
    limit,
    churn_reasons: churn.items,
    expansion_pipeline: pipeline.items,
    feature_requests: features.items,
  };
}

async function churnReasonEntries(db: Db, ws: Ws, scope: PortfolioScope, page: Page) {
  const ranked = await rankChurnReasons(db, ws, scope, page);
  const reasons = ranked.items.map((r) => r.reason);
  const quotes = await churnReasonQuotes(db, ws, scope, reasons, { offset: 0, limit: QUOTES_PER_REASON });
  const weeks = trendWeeks(new Date(scope.until.getTime() - 1));
  return {
    total: ranked.total,
    items: ranked.items.map((r) => {
      const byWeek = new Map(r.weekly.map((w) => [w.week, w.signals]));
      return {
        reason: r.reason,
        label: taxonomyLabel(r.reason),
        count: r.signals,
        share: ranked.churnSignals ? Math.round((r.signals / ranked.churnSignals) * 1000) / 1000 : 0,
        accounts: r.accounts,
        arr_at_risk: r.arr_cents / 100,
        weekly: weeks.map((week) => ({ week, count: byWeek.get(week) ?? 0 })),
        quotes: quotes.get(r.reason) ?? [],
      };
    }),
  };
}

async function expansionEntries(db: Db, ws: Ws, scope: PortfolioScope, page: Page) {
  const pipeline = await expansionPipeline(db, ws, scope, 'account_kind', page);
  return {
    total: pipeline.total,
    items: pipeline.items.map((e): ExpansionEntry => {
      const v = e.latest.value;
      const kind = v.kind;
      return {
        account: accountRef(e.account),
        kind,
        label: taxonomyLabel(kind),
        size: v.size ?? null,
        timing: v.timing ?? null,
        evidence: e.latest.evidence,
        at: e.latest.at.toISOString(),
        signals: e.signals,
      };
    }),
  };
}

async function featureRequestEntries(db: Db, ws: Ws, scope: PortfolioScope, page: Page) {
  const ranked = await rankFeatureRequests(db, ws, scope, page);
  return {
    total: ranked.total,
    items: ranked.items.map(
      (f): FeatureRequestEntry => ({
        summary: f.summary,
        count: f.signals,
        accounts: f.accounts.map(accountRef),
        account_count: f.account_count,
        arr: f.arr_cents / 100,
        quotes: f.quotes,
      }),
    ),
  };
}

export type ReportList = 'churn_reasons' | 'expansion_pipeline' | 'feature_requests';

/** One page of one of the report's lists, in the report's own entry shape. */
export async function reportListPage(db: Db, ws: Ws, list: ReportList, options: ReportOptions & Page) {
  const scope = reportScope(options);
  const page = { offset: options.offset, limit: options.limit };
  const result =
    list === 'churn_reasons'
      ? await churnReasonEntries(db, ws, scope, page)
      : list === 'expansion_pipeline'
        ? await expansionEntries(db, ws, scope, page)
        : await featureRequestEntries(db, ws, scope, page);
  return pageOf<unknown>(result.items, result.total, page);
}

/** One page of the accounts that gave a churn reason (largest ARR first), or of its quotes (newest first). */
export async function churnReasonPage(
  db: Db,
  ws: Ws,
  reason: string,
  what: 'accounts' | 'quotes',
  options: ReportOptions & Page,
) {
  const scope = reportScope(options);
  const page = { offset: options.offset, limit: options.limit };
  if (what === 'accounts') {
    const accounts = await churnReasonAccounts(db, ws, scope, reason, page);
    const items = accounts.items.map((a) => ({
      ...accountRef(a),
      signals: a.signals,
      latest_at: a.latest_at.toISOString(),
    }));
    return pageOf(items, accounts.total, page);
  }
  const [total, quotes] = await Promise.all([
    countChurnReasonQuotes(db, ws, scope, reason),
    churnReasonQuotes(db, ws, scope, [reason], page),
  ]);
  return pageOf(quotes.get(reason) ?? [], total, page);
}

const pageOf = <T>(items: T[], total: number, page: Page) => ({
  items,
  total,
  next_offset: page.offset + items.length < total ? page.offset + items.length : null,
});

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
  options: { ownerEmail?: string; plan?: string; days?: number; mode?: 'auto' | 'rules'; limit?: number },
): Promise<PortfolioReportResponse> {
  const days = options.days ?? 90;
  const report = await buildPortfolioReport(deps.db, ws, {
    ownerEmail: options.ownerEmail,
    plan: options.plan,
    days,
    now: deps.now(),
    ...(options.limit ? { limit: options.limit } : {}),
  });
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
    const narrative = await writePortfolioNarrative(deps, ws, report, {
      ownerEmail: options.ownerEmail,
      plan: options.plan,
      days,
    });
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
