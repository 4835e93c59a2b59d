import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Schemas } from '../../api';
import { inSeriesOrder } from '../../components/chart-legend';
import { formatMoneyCompact } from '../../components/format';

/** Reasons drawn one colour each; the rest are summed as "Other reasons". */
const DRAWN = 5;
const COLOURS = ['#c2410c', '#3b4fd8', '#15803d', '#a21caf', '#0e7490'];
const OTHER = '#9aa3b5';
/** "14 Sep": twelve of them fit under the chart. */
const weekLabel = (week: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${week}T00:00:00Z`),
  );

/** ARR at risk per churn reason, week by week over the 12 trend weeks (stacked bars). */
export default function ChurnTrendChart({
  weeks,
  reasons,
}: {
  weeks: string[];
  reasons: Schemas['Insights']['churn_reasons'];
}) {
  const drawn = reasons.slice(0, DRAWN);
  const rest = reasons.slice(DRAWN);
  const data = weeks.map((week, i) => {
    const row: Record<string, string | number> = { week: `Week of ${weekLabel(week)}`, tick: weekLabel(week) };
    for (const r of drawn) row[r.reason] = (r.weekly[i]?.arr_at_risk_cents ?? 0) / 100;
    if (rest.length) row.other = rest.reduce((sum, r) => sum + (r.weekly[i]?.arr_at_risk_cents ?? 0), 0) / 100;
    return row;
  });
  const money = (v: number) => formatMoneyCompact(v * 100);
  return (
    <div className="chart" role="img" aria-label="ARR at risk per churn reason, per week, last 12 weeks">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} maxBarSize={48}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="tick" fontSize={12} interval={0} />
          <YAxis fontSize={12} tickFormatter={money} width={64} />
          <Tooltip formatter={(v) => money(Number(v))} labelFormatter={(_, p) => String(p[0]?.payload?.week ?? '')} />
          <Legend itemSorter={inSeriesOrder([...drawn.map((r) => r.reason), 'other'])} />
          {drawn.map((r, i) => (
            <Bar
              key={r.reason}
              isAnimationActive={false}
              dataKey={r.reason}
              name={r.label}
              stackId="arr"
              fill={COLOURS[i]}
            />
          ))}
          {rest.length ? (
            <Bar isAnimationActive={false} dataKey="other" name="Other reasons" stackId="arr" fill={OTHER} />
          ) : null}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
