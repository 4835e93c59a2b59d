import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { getJson } from '../../api';
import type { Insights } from '../../api-types';
import { formatDay, humanize } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { Empty, QueryView } from '../../components/states';
import { RatingsSection } from './ratings-section';

/** What customers are saying across the book: churn reasons, expansion, feature requests. */
export default function InsightsPage() {
  const insights = useQuery({ queryKey: ['insights'], queryFn: () => getJson<Insights>('/insights') });
  return (
    <>
      <PageHeader title="Insights" subtitle="From the signals extracted from interviews, last 90 days" />
      <RatingsSection />
      <QueryView query={insights}>
        {(d) =>
          d.signal_counts.length === 0 ? (
            <Empty title="No signals yet">Insights appear once interviews complete and signals are extracted.</Empty>
          ) : (
            <>
              <section className="card" aria-labelledby="trend-h">
                <h2 id="trend-h">Signals per week</h2>
                <div className="chart">
                  <ResponsiveContainer width="100%" height="100%">
                    <BarChart maxBarSize={56} data={d.trend.map((t) => ({ ...t, week: formatDay(t.week) }))}>
                      <CartesianGrid strokeDasharray="3 3" vertical={false} />
                      <XAxis dataKey="week" fontSize={12} />
                      <YAxis allowDecimals={false} fontSize={12} />
                      <Tooltip />
                      <Legend />
                      <Bar isAnimationActive={false} dataKey="churn" name="Churn risk" stackId="a" fill="#c2410c" />
                      <Bar isAnimationActive={false} dataKey="expansion" name="Expansion" stackId="a" fill="#15803d" />
                      <Bar
                        isAnimationActive={false}
                        dataKey="feature"
                        name="Feature requests"
                        stackId="a"
                        fill="#3b4fd8"
                      />
                    </BarChart>
                  </ResponsiveContainer>
                </div>
              </section>
              <div className="grid grid-2" style={{ marginTop: 16 }}>
                <section className="card" aria-labelledby="churn-h">
                  <h2 id="churn-h">Churn reasons, ranked</h2>
                  <Ranked rows={d.churn_reasons} empty="No churn reasons mentioned." />
                </section>
                <section className="card" aria-labelledby="features-h">
                  <h2 id="features-h">Feature requests</h2>
                  <Ranked
                    rows={d.feature_requests.map((f) => ({ ...f, note: `${f.accounts} accounts` }))}
                    empty="No feature requests yet."
                  />
                </section>
              </div>
              <section className="card" aria-labelledby="expansion-h" style={{ marginTop: 16 }}>
                <h2 id="expansion-h">Expansion pipeline</h2>
                {d.expansion.length === 0 ? (
                  <p className="meta">No expansion intent heard yet.</p>
                ) : (
                  <ul className="list">
                    {d.expansion.map((e) => (
                      <li key={`${e.interview_id}-${e.quote}`}>
                        {e.account_id ? (
                          <Link to={`/accounts/${e.account_id}`}>{e.account_name}</Link>
                        ) : (
                          'Unknown account'
                        )}{' '}
                        <span className="pill pill-good">{e.label}</span>{' '}
                        <span className="meta">{formatDay(e.at)}</span>
                        {e.quote ? (
                          <blockquote className="quote">
                            <Link to={`/interviews/${e.interview_id}`}>“{e.quote}”</Link>
                          </blockquote>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              <section className="card" aria-labelledby="counts-h" style={{ marginTop: 16 }}>
                <h2 id="counts-h">All signals by kind</h2>
                <Ranked rows={d.signal_counts.map((s) => ({ label: humanize(s.kind), count: s.count }))} empty="" />
              </section>
            </>
          )
        }
      </QueryView>
    </>
  );
}

function Ranked({
  rows,
  empty,
}: {
  rows: { label: string; count: number; quote?: string | null; note?: string }[];
  empty: string;
}) {
  if (rows.length === 0) return <p className="meta">{empty}</p>;
  const max = Math.max(...rows.map((r) => r.count));
  return (
    <div>
      {rows.map((r) => (
        <div key={r.label}>
          <div className="bar-row">
            <span>{r.label}</span>
            <span className="bar" style={{ width: `${(r.count / max) * 100}%` }} aria-hidden="true" />
            <span className="num">{r.count}</span>
          </div>
          {r.note || r.quote ? (
            <div className="meta">
              {r.note}
              {r.quote ? <blockquote className="quote">“{r.quote}”</blockquote> : null}
            </div>
          ) : null}
        </div>
      ))}
    </div>
  );
}
