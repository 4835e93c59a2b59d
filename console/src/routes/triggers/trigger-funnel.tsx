import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Schemas } from '../../api';
import { inSeriesOrder } from '../../components/chart-legend';

/** The bar of interviews sent by hand (API or console), which no trigger decided. */
export const MANUAL_LABEL = 'Manual (sent by hand)';

/** The bars of each trigger, in the funnel's order: skips beside invitations, then what the invited did. */
const STAGES = [
  { key: 'skipped', name: 'Skipped (throttled)', fill: '#9aa3b5' },
  { key: 'invited', name: 'Invited', fill: '#3b4fd8' },
  { key: 'started', name: 'Started', fill: '#c2410c' },
  { key: 'completed', name: 'Completed', fill: '#15803d' },
] as const;

/** Invited → started → completed per trigger that has fired, and for interviews sent by hand. */
export default function TriggerFunnel({
  triggers,
  manual,
}: {
  triggers: Schemas['TriggerRow'][];
  manual: Schemas['ManualSends'];
}) {
  const fired: { name: string; invited: number; skipped: number; started: number; completed: number }[] =
    triggers.filter((t) => t.invited + t.skipped > 0);
  if (manual.invited > 0) fired.push({ ...manual, name: MANUAL_LABEL });
  if (fired.length === 0) return null;
  return (
    <section className="card" aria-labelledby="funnel-h" style={{ marginBottom: 16 }}>
      <h2 id="funnel-h">Funnel per trigger</h2>
      <div className="chart">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={fired} maxBarSize={28}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" fontSize={11} interval={0} tickFormatter={(v: string) => shorten(v)} />
            <YAxis allowDecimals={false} fontSize={12} />
            <Tooltip />
            <Legend itemSorter={inSeriesOrder(STAGES.map((s) => s.key))} />
            {STAGES.map((s) => (
              <Bar key={s.key} isAnimationActive={false} dataKey={s.key} name={s.name} fill={s.fill} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}

const shorten = (s: string) => (s.length > 28 ? `${s.slice(0, 27)}…` : s);
