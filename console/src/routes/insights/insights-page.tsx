import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { api, type Query, read } from '../../api';
import { formatDay, formatMoneyCompact, humanize } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { Empty, QueryView } from '../../components/states';
import { ExpansionPipeline } from './expansion-pipeline';
import { InsightsFilterBar, useInsightsFilters } from './insights-filters';
import { RankedBars } from './ranked-bars';
import { RatingsSection } from './ratings-section';

// The chart library loads only when there is a trend to draw.
const ChurnTrendChart = lazy(() => import('./churn-trend-chart'));

/** What customers are saying across the book: churn reasons and the ARR behind them, expansion, feature requests. */
export default function InsightsPage() {
  const filters = useInsightsFilters();
  const params = { ...filters.values, expansion_page: filters.page > 1 ? filters.page : undefined };
  const insights = useQuery({
    queryKey: ['insights', params],
    queryFn: () => read(api.GET('/insights', { params: { query: params as Query<'/insights', 'get'> } })),
    placeholderData: keepPreviousData,
  });
  const range = insights.data?.filters;
  return (
    <>
      <PageHeader
        title="Insights"
        subtitle={
          range
            ? `From the signals extracted from interviews, ${formatDay(range.from)} – ${formatDay(range.to)}`
            : 'From the signals extracted from interviews'
        }
      />
      <InsightsFilterBar filters={filters} applied={range} />
      <RatingsSection />
      <QueryView query={insights}>
        {(d) =>
          d.signal_counts.length === 0 ? (
            <Empty title={filters.active ? 'No signals match' : 'No signals yet'}>
              {filters.active
                ? 'Try a wider date range or clear the filters.'
                : 'Insights appear once interviews complete and signals are extracted.'}
            </Empty>
          ) : (
            <>
              <section className="card" aria-labelledby="trend-h">
                <h2 id="trend-h">ARR at risk per churn reason, by week</h2>
                {d.churn_reasons.length === 0 ? (
                  <p className="meta">No churn reasons mentioned in this range.</p>
                ) : (
                  <Suspense fallback={<div className="chart" />}>
                    <ChurnTrendChart weeks={d.weeks} reasons={d.churn_reasons} />
                  </Suspense>
                )}
              </section>
              <div className="grid grid-2" style={{ marginTop: 16 }}>
                <section className="card" aria-labelledby="churn-h">
                  <h2 id="churn-h">Churn reasons, ranked</h2>
                  <RankedBars
                    rows={d.churn_reasons.map((r) => ({
                      label: r.label,
                      count: r.count,
                      note: `${formatMoneyCompact(r.arr_at_risk_cents)} ARR at risk · ${r.accounts} ${r.accounts === 1 ? 'account' : 'accounts'}`,
                      quote: r.quote,
                    }))}
                    empty="No churn reasons mentioned."
                  />
                  {d.churn_reasons_total > d.churn_reasons.length ? (
                    <p className="meta">
                      {d.churn_reasons_total - d.churn_reasons.length} more reasons mentioned less often.
                    </p>
                  ) : null}
                </section>
                <section className="card" aria-labelledby="features-h">
                  <h2 id="features-h">Feature requests</h2>
                  <RankedBars
                    rows={d.feature_requests.map((f) => ({
                      ...f,
                      note: `${f.accounts} ${f.accounts === 1 ? 'account' : 'accounts'} · ${formatMoneyCompact(f.arr_cents)} ARR`,
                    }))}
                    empty="No feature requests yet."
                  />
                </section>
              </div>
              <section className="card" aria-labelledby="expansion-h" style={{ marginTop: 16 }}>
                <h2 id="expansion-h">Expansion pipeline</h2>
                <ExpansionPipeline
                  pipeline={d.expansion}
                  go={(page) => filters.update({ expansion_page: page > 1 ? String(page) : '' })}
                />
              </section>
              <section className="card" aria-labelledby="counts-h" style={{ marginTop: 16 }}>
                <h2 id="counts-h">All signals by kind</h2>
                <RankedBars rows={d.signal_counts.map((s) => ({ label: humanize(s.kind), count: s.count }))} empty="" />
              </section>
            </>
          )
        }
      </QueryView>
    </>
  );
}
