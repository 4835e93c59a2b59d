import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, read } from '../../api';
import { formatMoney, formatMoneyCompact, formatPercent, humanize } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { Empty, QueryView } from '../../components/states';
import { useMe } from '../../me';
import { EffectiveBookTrend, HoldoutLift, RoiWaterfall, TimeAllocation } from './operating-model-charts';
import { InputsEditor } from './operating-model-inputs';
import type { OperatingModel } from './operating-model-types';
import { ScrollTable } from './scroll-table';
import './operating-model.css';

const ratio = (r: number | null) => (r === null ? '—' : `${Math.round(r)}:1`);
const points = (x: number | null | undefined) => (x == null ? '—' : `${(x * 100).toFixed(1)}%`);

/** CS leaders' view of the operating model: effective book, coverage, automation, ROI and the holdout proof. */
export default function OperatingModelPage() {
  const { member } = useMe();
  const client = useQueryClient();
  const model = useQuery({
    queryKey: ['operating-model'],
    queryFn: () => read(api.GET('/operating-model')),
    enabled: member.role === 'admin',
  });
  const save = useMutation({
    mutationFn: (inputs: OperatingModel['inputs']) => read(api.PUT('/operating-model/inputs', { body: inputs })),
    onSuccess: (data) => client.setQueryData(['operating-model'], data),
  });
  if (member.role !== 'admin')
    return (
      <>
        <PageHeader title="Operating model" />
        <Empty title="For admins">The operating model is for CS leaders; ask an admin of this workspace.</Empty>
      </>
    );
  return (
    <>
      <PageHeader
        title="Operating model"
        subtitle="Effective book of business, coverage, automation and ROI — computed from this workspace's own data"
      />
      <QueryView query={model}>
        {(m) => (
          <div className="opmodel">
            <Headline m={m} />
            <div className="grid grid-2">
              <section className="card" aria-labelledby="eb-h">
                <h2 id="eb-h">Effective book of business</h2>
                {m.effective_book.trend.length ? (
                  <EffectiveBookTrend trend={m.effective_book.trend} />
                ) : (
                  <p>No renewals recorded yet: send them to POST /v1/renewals.</p>
                )}
                <p className="footnote">{m.effective_book.how}</p>
              </section>
              <section className="card" aria-labelledby="alloc-h">
                <h2 id="alloc-h">Time allocation, before and after</h2>
                <TimeAllocation coverage={m.coverage} />
                <p className="footnote">
                  Hours per CSM per week ({m.coverage.hours_per_week} h). {m.coverage.hours_saved_per_week} h freed →
                  projected book {m.coverage.book_per_csm} × {m.coverage.hours_per_week} ÷ ({m.coverage.hours_per_week}{' '}
                  − {m.coverage.hours_saved_per_week}) ={' '}
                  <strong>{m.coverage.projected_book_per_csm} accounts per CSM</strong>.
                </p>
              </section>
            </div>
            <Coverage m={m} />
            <Roi m={m} />
            <Holdouts m={m} />
            <Engagement m={m} />
            <Automation m={m} />
            <InputsEditor inputs={m.inputs} saving={save.isPending} error={save.error} onSave={(i) => save.mutate(i)} />
          </div>
        )}
      </QueryView>
    </>
  );
}

function Headline({ m }: { m: OperatingModel }) {
  const seed = m.roi.seed_example.result;
  return (
    <section className="kpis" aria-label="Headline figures">
      <Kpi
        label="Effective book per CSM"
        value={m.effective_book.headline === null ? '—' : m.effective_book.headline.toFixed(1)}
        hint={`accounts at target outcomes, ${m.effective_book.quarter ?? 'no renewals yet'}`}
        how={m.effective_book.how}
      />
      <Kpi
        label="GRR / NRR"
        value={`${formatPercent(m.retention.grr)} / ${formatPercent(m.retention.nrr)}`}
        hint={`${m.retention.renewals} renewals recorded`}
        how="GRR = Σ min(ARR after, ARR before) ÷ Σ ARR before; NRR = Σ ARR after ÷ Σ ARR before, over every recorded renewal."
      />
      <Kpi
        label="Projected book per CSM"
        value={String(m.coverage.projected_book_per_csm)}
        hint={`today ${m.coverage.book_per_csm}`}
        how="Today's book × hours per week ÷ (hours − hours the moves free)."
      />
      <Kpi
        label="ROI on your book"
        value={ratio(m.roi.own_book.result.return_ratio)}
        hint={`${formatMoneyCompact(m.roi.own_book.result.total_impact_cents)} a year; seed example ${ratio(seed.return_ratio)}`}
        how="Total annual impact (cost saved + GRR and NRR lift on ARR) ÷ the AI layer's cost."
      />
    </section>
  );
}

function Kpi({ label, value, hint, how }: { label: string; value: string; hint: string; how: string }) {
  return (
    <div className="kpi" title={how}>
      <div className="label">{label}</div>
      <div className="value">{value}</div>
      <div className="hint">{hint}</div>
    </div>
  );
}

function Coverage({ m }: { m: OperatingModel }) {
  return (
    <section className="card" aria-labelledby="cov-h">
      <h2 id="cov-h">Coverage Model Analyzer</h2>
      <p>
        Top moves by hours saved per unit of complexity:{' '}
        {m.coverage.top_moves.map((t, i) => (
          <span key={t.activity}>
            {i ? ', ' : ''}
            <strong>{humanize(t.activity)}</strong> ({t.hours_saved_per_week} h/week, {t.complexity})
          </span>
        ))}
        .
      </p>
      <ScrollTable>
        <table>
          <thead>
            <tr>
              <th>Activity</th>
              <th>Share</th>
              <th>Layer today → target</th>
              <th>What it takes</th>
              <th>Saved h/week</th>
              <th>Complexity</th>
            </tr>
          </thead>
          <tbody>
            {m.coverage.activities.map((a) => (
              <tr key={a.activity}>
                <td>{humanize(a.activity)}</td>
                <td>{a.percent}%</td>
                <td className="nowrap">
                  {humanize(a.current_layer)} → {humanize(a.target_layer)}
                </td>
                <td>
                  {a.move}
                  {a.capability ? <div className="muted">Candor: {a.capability}</div> : null}
                </td>
                <td title={a.how}>
                  {a.hours_saved_per_week}
                  <span className={`basis basis-${a.basis}`}>{a.basis}</span>
                </td>
                <td>{a.complexity}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <p className="footnote">
        Hover a saving for its computation. “measured”: Candor's own volumes over the last 13 weeks (interviews
        completed, renewal briefs, weekly briefings) × the minutes each replaces, per CSM, capped at the activity's
        hours; “assumed”: the share the move typically takes off.
      </p>
    </section>
  );
}

function Roi({ m }: { m: OperatingModel }) {
  const own = m.roi.own_book;
  const seed = m.roi.seed_example;
  return (
    <div className="grid grid-2">
      <section className="card" aria-labelledby="roi-h">
        <h2 id="roi-h">ROI on your book</h2>
        <RoiWaterfall result={own.result} />
        <ul className="footnote steps">
          {own.result.steps.map((s) => (
            <li key={s.label}>
              <strong>{s.label}</strong>: {formatMoney(s.cents)} — {s.how}
            </li>
          ))}
          <li>
            Lifts are <strong>{own.lift_basis}</strong>
            {own.lift_basis === 'measured'
              ? ' from the holdout comparison below.'
              : ' (seed defaults) until the holdouts have enough data.'}
            {own.response_rate !== null ? ` Measured response rate: ${formatPercent(own.response_rate)}.` : ''}
          </li>
        </ul>
      </section>
      <section className="card" aria-labelledby="sens-h">
        <h2 id="sens-h">Sensitivity</h2>
        <ScrollTable>
          <table>
            <thead>
              <tr>
                <th>Benefits at</th>
                <th>AI layer cost</th>
                <th>Annual impact</th>
                <th>Return</th>
              </tr>
            </thead>
            <tbody>
              {own.sensitivity.map((r) => (
                <tr key={`${r.benefit_factor}-${r.ai_cost_factor}`}>
                  <td>{Math.round(r.benefit_factor * 100)}%</td>
                  <td>×{r.ai_cost_factor}</td>
                  <td>{formatMoneyCompact(r.total_impact_cents)}</td>
                  <td>{ratio(r.return_ratio)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
        <p className="footnote">
          Seed 002's worked example, same model: {seed.inputs.customers} customers ×{' '}
          {formatMoneyCompact(seed.inputs.acv_cents)} ACV; {formatMoneyCompact(seed.result.current_cost_cents)} →{' '}
          {formatMoneyCompact(seed.result.future_cost_cents)} = {formatMoneyCompact(seed.result.savings_cents)} saved;
          total {formatMoney(seed.result.total_impact_cents)}, {ratio(seed.result.return_ratio)}.
        </p>
      </section>
    </div>
  );
}

function Holdouts({ m }: { m: OperatingModel }) {
  const rows = m.holdouts.by_trigger;
  const best = m.holdouts.overall.enough_data ? m.holdouts.overall : null;
  return (
    <section className="card" aria-labelledby="ho-h">
      <h2 id="ho-h">Holdouts: the lift of outreach</h2>
      {best ? (
        <>
          <p>
            <strong>{best.name}</strong>: {best.verdict}
          </p>
          <HoldoutLift comparison={best} />
        </>
      ) : (
        <p>{m.holdouts.overall.verdict}</p>
      )}
      <ScrollTable>
        <table>
          <thead>
            <tr>
              <th>Trigger</th>
              <th>Accounts (treated / held out)</th>
              <th>Renewal rate</th>
              <th>GRR</th>
              <th>NRR</th>
              <th>Reading</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.trigger_id}>
                <td>{r.name}</td>
                <td>
                  {r.treated.accounts} / {r.held_out.accounts}
                </td>
                <td>
                  {points(r.treated.renewal_rate)} vs {points(r.held_out.renewal_rate)}
                </td>
                <td>
                  {points(r.treated.grr)} vs {points(r.held_out.grr)}
                </td>
                <td>
                  {points(r.treated.nrr)} vs {points(r.held_out.nrr)}
                </td>
                <td>{r.verdict}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <p className="footnote">
        Each trigger keeps a control share (“skipped: holdout” in its funnel) drawn by a stable hash of trigger and
        account; those accounts are never contacted by it. Each trigger compares its own two groups (never pooled: rules
        aimed at at-risk accounts would bias a pooled control). Renewals since assignment count; intervals are 95 %
        (Newcombe for rates, a bootstrap over accounts for GRR/NRR). At least 20 accounts per group are needed.
      </p>
    </section>
  );
}

function Engagement({ m }: { m: OperatingModel }) {
  const base = m.engagement.baseline;
  return (
    <section className="card" aria-labelledby="en-h">
      <h2 id="en-h">Response against your {base.survey_name}</h2>
      <ScrollTable>
        <table>
          <thead>
            <tr>
              <th>Moment</th>
              <th>Invited</th>
              <th>Response</th>
              <th>Completion</th>
              <th>
                vs {base.survey_name} ({formatPercent(base.survey_response_rate)})
              </th>
              <th>Trigger → first signal (median / p90)</th>
            </tr>
          </thead>
          <tbody>
            {m.engagement.moments.map((e) => (
              <tr key={e.moment}>
                <td>{humanize(e.moment)}</td>
                <td>{e.invited}</td>
                <td>{formatPercent(e.response_rate)}</td>
                <td>{formatPercent(e.completion_rate)}</td>
                <td>{e.lift_vs_baseline === null ? '—' : `${e.lift_vs_baseline}×`}</td>
                <td>
                  {e.time_to_insight_hours
                    ? `${e.time_to_insight_hours.median} h / ${e.time_to_insight_hours.p90} h (n=${e.time_to_insight_hours.n})`
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <p className="footnote">
        Response = invited contacts who answered at least once; completion = finished interviews; both over invitations
        sent by triggers. Time to insight runs from the trigger's decision to the interview's first signal.
      </p>
    </section>
  );
}

function Automation({ m }: { m: OperatingModel }) {
  const top = new Set(m.automation.top.map((t) => t.name));
  return (
    <section className="card" aria-labelledby="auto-h">
      <h2 id="auto-h">Automation Opportunity Scorer</h2>
      <ScrollTable>
        <table>
          <thead>
            <tr>
              <th>Task</th>
              <th title="1–5">Freq.</th>
              <th title="1–5">Consist.</th>
              <th title="1–5, higher needs more judgement">Judgement</th>
              <th title="1–5">Data</th>
              <th title="1–5, higher is worse if automated poorly">Blast radius</th>
              <th>Readiness</th>
              <th>Saved h/month</th>
              <th>Target layer · infrastructure</th>
            </tr>
          </thead>
          <tbody>
            {[...m.automation.tasks]
              .sort((a, b) => b.priority - a.priority)
              .map((t) => (
                <tr key={t.name} className={top.has(t.name) ? 'top-task' : undefined}>
                  <td>
                    {top.has(t.name) ? <span className="pill pill-good">Top 5</span> : null} {t.name}
                  </td>
                  <td>{t.frequency}</td>
                  <td>{t.consistency}</td>
                  <td>{t.judgement}</td>
                  <td>{t.data_availability}</td>
                  <td>{t.blast_radius}</td>
                  <td>{t.readiness}</td>
                  <td title={`${t.hours_per_month} h × readiness ${t.readiness} ÷ 5`}>{t.hours_saved_per_month}</td>
                  <td>
                    {humanize(t.target_layer)} · <span className="muted">{t.infrastructure}</span>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </ScrollTable>
      <p className="footnote">
        Readiness = (frequency + consistency + (6 − judgement) + data + (6 − blast radius)) ÷ 5. Ranked by hours saved ×
        (6 − risk) ÷ 5, risk being the mean of judgement and blast radius; human-led tasks are never in the top 5.
      </p>
    </section>
  );
}
