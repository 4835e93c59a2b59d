import type { InsightsQuery } from '@candor/shared/console';
import { sql } from 'kysely';
import type { Db } from '../db/database';
import type { Ws } from '../db/tenant';
import { describeSignal, taxonomyLabel } from '../guides/signal-label';
import { resolveInsightsFilters } from './insights-filter';
import { churnReasonQuotes, rankChurnReasons } from './portfolio-churn';
import { rankFeatureRequests } from './portfolio-features';
import { expansionPipeline } from './portfolio-pipeline';
import { type PortfolioScope, trendWeeks } from './portfolio-scope';
import { signalKindDays } from './portfolio-summaries';

/** Reasons drawn in the ARR-at-risk trend and listed; the rest are counted. */
const CHURN_REASONS_SHOWN = 8;
const FEATURE_REQUESTS_SHOWN = 15;
export const EXPANSION_PAGE_SIZE = 20;

/**
 * The Insights page for a set of filters (owner, plan, moment, date range): signals by
 * kind; churn reasons with the ARR at risk behind each and its 12-week trend; feature
 * requests; the expansion pipeline grouped by account, paged. Every figure is aggregated
 * in SQL over the same scoped signals, so the sections agree with each other.
 */
export async function getInsights(db: Db, ws: Ws, query: InsightsQuery, now: Date) {
  const { filters, scope } = resolveInsightsFilters(query, now);
  const weeks = trendWeeks(new Date(scope.until.getTime() - 1));
  const expansionPage = { offset: (query.expansion_page - 1) * EXPANSION_PAGE_SIZE, limit: EXPANSION_PAGE_SIZE };
  const [counts, churn, features, expansion] = await Promise.all([
    signalCounts(db, ws, scope),
    churnReasonsWithTrend(db, ws, scope, weeks),
    rankFeatureRequests(db, ws, scope, { offset: 0, limit: FEATURE_REQUESTS_SHOWN }),
    expansionPipeline(db, ws, scope, 'account', expansionPage),
  ]);
  return {
    filters,
    weeks,
    signal_counts: counts,
    churn_reasons: churn.items,
    churn_reasons_total: churn.total,
    feature_requests: features.items.map((f) => ({
      label: f.summary,
      count: f.signals,
      accounts: f.account_count,
      arr_cents: f.arr_cents,
      quote: f.quotes[0]?.quote ?? null,
    })),
    expansion: {
      items: expansion.items.map((e) => ({
        account_id: e.account.id,
        account_name: e.account.name,
        arr_cents: e.account.arr_cents,
        signals: e.signals,
        label: describeSignal('expansion_intent', e.latest.value),
        // A quote erased by the retention policy is empty.
        quote: e.latest.evidence.quote || null,
        interview_id: e.latest.evidence.interview_id,
        at: e.latest.at.toISOString(),
      })),
      total: expansion.total,
      page: query.expansion_page,
      page_size: EXPANSION_PAGE_SIZE,
    },
  };
}

/** Signals in scope per kind, most frequent first (the kinds are few). */
async function signalCounts(db: Db, ws: Ws, scope: PortfolioScope) {
  const days = signalKindDays(db, ws, scope);
  const { rows } = await sql<{ kind: string; n: string }>`select kind, sum(signals) as n from (${days}) s
    group by kind order by sum(signals) desc, kind`.execute(db);
  return rows.map((r) => ({ kind: r.kind, count: Number(r.n) }));
}

/** The top churn reasons with ARR at risk, the newest quote and a filled 12-week trend of ARR at risk and signals. */
async function churnReasonsWithTrend(db: Db, ws: Ws, scope: PortfolioScope, weeks: string[]) {
  const ranked = await rankChurnReasons(db, ws, scope, { offset: 0, limit: CHURN_REASONS_SHOWN });
  const reasons = ranked.items.map((r) => r.reason);
  const quotes = await churnReasonQuotes(db, ws, scope, reasons, { offset: 0, limit: 1 });
  return {
    total: ranked.total,
    items: ranked.items.map((r) => {
      const byWeek = new Map(r.weekly.map((w) => [w.week, w]));
      return {
        reason: r.reason,
        label: taxonomyLabel(r.reason),
        count: r.signals,
        accounts: r.accounts,
        arr_at_risk_cents: r.arr_cents,
        quote: quotes.get(r.reason)?.[0]?.quote ?? null,
        weekly: weeks.map((week) => ({
          week,
          signals: byWeek.get(week)?.signals ?? 0,
          arr_at_risk_cents: byWeek.get(week)?.arr_cents ?? 0,
        })),
      };
    }),
  };
}
