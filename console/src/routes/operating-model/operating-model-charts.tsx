import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ErrorBar,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { inSeriesOrder } from '../../components/chart-legend';
import { formatMoneyCompact, humanize } from '../../components/format';
import type { Comparison, OperatingModel, RoiResult } from './operating-model-types';

// Charts render SVG with React-set attributes only: nothing is injected as a style tag at runtime.
const palette = ['#3b4fd8', '#0e7490', '#c2410c', '#b91c1c', '#15803d', '#7c3aed', '#9aa3b5'];

/** Effective book (accounts at target per CSM) and measured book per CSM, by quarter. */
export function EffectiveBookTrend({ trend }: { trend: OperatingModel['effective_book']['trend'] }) {
  return (
    <div className="chart" role="img" aria-label="Effective book of business per CSM by quarter">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={trend}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="quarter" fontSize={11} />
          <YAxis fontSize={12} allowDecimals={false} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(1) : String(v))} />
          <Legend itemSorter={inSeriesOrder(['book_per_csm', 'effective_book'])} />
          <Line isAnimationActive={false} dataKey="book_per_csm" name="Accounts renewed per CSM" stroke="#9aa3b5" />
          <Line
            isAnimationActive={false}
            dataKey="effective_book"
            name="At target (effective book)"
            stroke="#3b4fd8"
            strokeWidth={2}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Hours per CSM per week by activity, today and after the moves (freed hours shown as their own segment). */
export function TimeAllocation({ coverage }: { coverage: OperatingModel['coverage'] }) {
  const before: Record<string, number | string> = { label: 'Today' };
  const after: Record<string, number | string> = { label: 'After the moves' };
  for (const a of coverage.activities) {
    before[a.activity] = a.hours_per_week;
    after[a.activity] = Math.round((a.hours_per_week - a.hours_saved_per_week) * 10) / 10;
  }
  before.freed = 0;
  after.freed = coverage.hours_saved_per_week;
  return (
    <div className="chart chart-tall" role="img" aria-label="Time allocation before and after, stacked by activity">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={[before, after]} layout="vertical" maxBarSize={40}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" fontSize={12} unit=" h" />
          <YAxis type="category" dataKey="label" fontSize={11} width={92} />
          <Tooltip formatter={(v) => `${v} h/week`} />
          <Legend
            wrapperStyle={{ fontSize: 11 }}
            itemSorter={inSeriesOrder([...coverage.activities.map((a) => a.activity), 'freed'])}
          />
          {coverage.activities.map((a, i) => (
            <Bar
              key={a.activity}
              isAnimationActive={false}
              dataKey={a.activity}
              name={humanize(a.activity)}
              stackId="week"
              fill={palette[i % palette.length]}
            />
          ))}
          <Bar
            isAnimationActive={false}
            dataKey="freed"
            name="Freed for more accounts"
            stackId="week"
            fill="#d1fae5"
            stroke="#15803d"
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** The ROI as a waterfall: cost saved, GRR and NRR lifts, stacked on an invisible base up to the total. */
export function RoiWaterfall({ result }: { result: RoiResult }) {
  let running = 0;
  const rows = result.steps.map((s) => {
    const base = s.cents >= 0 ? running : running + s.cents;
    running += s.cents;
    return { label: s.label, base: base / 100, value: Math.abs(s.cents) / 100, negative: s.cents < 0, how: s.how };
  });
  rows.push({
    label: 'Total impact',
    base: 0,
    value: result.total_impact_cents / 100,
    negative: false,
    how: 'Sum of the steps',
  });
  return (
    <div className="chart" role="img" aria-label="ROI waterfall">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} maxBarSize={64}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="label"
            fontSize={10}
            interval={0}
            tickFormatter={(v: string) => v.replace(/ pts$| impact$/, '')}
          />
          <YAxis fontSize={12} tickFormatter={(v: number) => formatMoneyCompact(v * 100)} width={56} />
          <Tooltip
            formatter={(v, name) => (name === 'base' ? [null, null] : [formatMoneyCompact(Number(v) * 100), 'Amount'])}
          />
          <Bar isAnimationActive={false} dataKey="base" stackId="w" fill="transparent" legendType="none" />
          <Bar isAnimationActive={false} dataKey="value" stackId="w" name="Amount">
            {rows.map((r) => (
              <Cell key={r.label} fill={r.label === 'Total impact' ? '#15803d' : r.negative ? '#b91c1c' : '#3b4fd8'} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Treated minus held out, in points, with the 95 % interval as error bars. */
export function HoldoutLift({ comparison }: { comparison: Comparison }) {
  const lift = comparison.lift;
  if (!lift) return null;
  const rows = (['renewal_rate', 'grr', 'nrr', 'expansion_rate'] as const).map((k) => {
    const i = lift[k];
    return {
      metric: k === 'grr' ? 'GRR' : k === 'nrr' ? 'NRR' : humanize(k),
      lift: round1(i.estimate * 100),
      interval: [round1((i.estimate - i.low) * 100), round1((i.high - i.estimate) * 100)],
      range: `${round1(i.low * 100)} to ${round1(i.high * 100)} pts`,
    };
  });
  return (
    <div className="chart" role="img" aria-label="Holdout lift with 95 % intervals">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} maxBarSize={48}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="metric" fontSize={11} interval={0} />
          <YAxis fontSize={12} unit=" pts" width={56} />
          <ReferenceLine y={0} stroke="#475569" />
          <Tooltip
            formatter={(v, _n, item) => [
              `${v} pts (95 % interval ${(item.payload as { range: string }).range})`,
              'Lift',
            ]}
          />
          <Bar isAnimationActive={false} dataKey="lift" name="Lift (treated − held out)" fill="#3b4fd8">
            <ErrorBar dataKey="interval" width={8} stroke="#141a2b" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

const round1 = (n: number) => Math.round(n * 10) / 10;
