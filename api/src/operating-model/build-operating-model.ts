import { sql } from 'kysely';
import type { Db } from '../db/database';
import { tenant, type Ws } from '../db/tenant';
import { loadOutcomes } from '../outcomes/load-outcomes';
import { retentionOf } from '../outcomes/retention-rates';
import { scoreTasks } from './automation-scorer';
import { analyzeCoverage, type MeasuredVolumes } from './coverage-analyzer';
import { effectiveBookTrend } from './effective-book';
import { engagementByMoment } from './engagement';
import { holdoutReport } from './holdout-groups';
import { loadInputs } from './inputs-store';
import { type RoiInputs, roiModel, roiSensitivity, seedExample } from './roi-model';

const DAY = 86_400_000;
const VOLUME_WEEKS = 13;

/** The workspace's book as it stands: accounts, their ARR and owners. */
async function measureBook(db: Db, ws: Ws) {
  const row = await tenant(db, ws)
    .selectFrom('accounts')
    .select([
      sql<string>`count(*)`.as('accounts'),
      sql<string>`count(*) filter (where arr_cents > 0)`.as('with_arr'),
      sql<string | null>`avg(arr_cents) filter (where arr_cents > 0)`.as('avg_arr'),
      sql<string>`count(distinct owner_email)`.as('owners'),
    ])
    .executeTakeFirstOrThrow();
  const owners = Math.max(1, Number(row.owners));
  return {
    accounts: Number(row.accounts),
    customers: Number(row.with_arr),
    acv_cents: Math.round(Number(row.avg_arr ?? 0)),
    csms: owners,
    book_per_csm: Math.round(Number(row.accounts) / owners),
  };
}

/** What Candor did in the last 13 weeks: interviews completed per moment, briefs and briefings. */
async function measureVolumes(db: Db, ws: Ws, now: Date): Promise<MeasuredVolumes> {
  const since = new Date(now.getTime() - VOLUME_WEEKS * 7 * DAY);
  const t = tenant(db, ws);
  const [interviews, briefs] = await Promise.all([
    t
      .selectFrom('interviews')
      .innerJoin('guides', 'guides.id', 'interviews.guide_id')
      .select(['guides.moment', sql<string>`count(*)`.as('n')])
      .where('interviews.status', '=', 'completed')
      .where('interviews.ended_at', '>=', since)
      .groupBy('guides.moment')
      .execute(),
    t
      .selectFrom('briefs')
      .select(['kind', sql<string>`count(*)`.as('n')])
      .where('created_at', '>=', since)
      .groupBy('kind')
      .execute(),
  ]);
  const count = (moment: string) => Number(interviews.find((r) => r.moment === moment)?.n ?? 0);
  return {
    weeks: VOLUME_WEEKS,
    interviews_completed: {
      onboarding: count('onboarding'),
      health_pulse: count('health_pulse'),
      pre_renewal: count('pre_renewal'),
      churn_risk: count('churn_risk'),
    },
    renewal_briefs: Number(briefs.find((b) => b.kind === 'renewal')?.n ?? 0),
    weekly_briefings: Number(briefs.find((b) => b.kind === 'weekly_briefing')?.n ?? 0),
  };
}

/**
 * Every figure of the operating model, computed from the workspace's own data and its
 * saved inputs: retention, the effective book and its trend, the coverage analysis, the
 * scored tasks, the ROI (seed example and own book, measured lift once holdouts have it),
 * the holdout comparison and engagement against the previous survey.
 */
export async function buildOperatingModel(db: Db, ws: Ws, now: Date) {
  const t = tenant(db, ws);
  const [inputs, rows, book, volumes, holdouts] = await Promise.all([
    loadInputs(t),
    loadOutcomes(t),
    measureBook(db, ws),
    measureVolumes(db, ws, now),
    holdoutReport(t),
  ]);
  const engagement = await engagementByMoment(db, ws, inputs.baseline.survey_response_rate);
  const trend = effectiveBookTrend(rows, inputs.targets);
  const latest = trend.at(-1) ?? null;
  const coverage = analyzeCoverage(inputs.coverage, book, volumes);

  const measuredLift = holdouts.overall.enough_data ? holdouts.overall.lift : null;
  const csms = inputs.coverage.csms ?? book.csms;
  const futureCsms = inputs.roi.future_csms ?? Math.max(1, Math.ceil(csms / 2));
  const ownBook: RoiInputs = {
    customers: book.customers,
    acv_cents: book.acv_cents,
    current_csms: csms,
    csm_loaded_cost_cents: Math.round(inputs.roi.csm_loaded_cost * 100),
    future_csms: futureCsms,
    future_team_cost_cents: Math.round(futureCsms * inputs.roi.future_csm_loaded_cost * 100),
    ai_layer_cost_cents: Math.round(inputs.roi.ai_layer_cost * 100),
    grr_lift_points: measuredLift
      ? Math.round(measuredLift.grr.estimate * 1000) / 10
      : inputs.roi.assumed_grr_lift_points,
    nrr_lift_points: measuredLift
      ? Math.round(measuredLift.nrr.estimate * 1000) / 10
      : inputs.roi.assumed_nrr_lift_points,
  };
  const responseRates = engagement.filter((e) => e.response_rate !== null);
  const invited = responseRates.reduce((s, e) => s + e.invited, 0);
  const responded = responseRates.reduce((s, e) => s + (e.response_rate ?? 0) * e.invited, 0);

  return {
    generated_at: now.toISOString(),
    inputs,
    book,
    retention: retentionOf('workspace', rows),
    effective_book: {
      headline: latest?.effective_book ?? null,
      book_per_csm: latest?.book_per_csm ?? null,
      quarter: latest?.quarter ?? null,
      csms: latest?.csms ?? [],
      trend: trend.map((p) => ({ quarter: p.quarter, effective_book: p.effective_book, book_per_csm: p.book_per_csm })),
      how: `Accounts per CSM whose latest renewal in the trailing four quarters kept ≥ ${Math.round(inputs.targets.grr * 100)}% of ARR (GRR) and ended ≥ ${Math.round(inputs.targets.nrr * 100)}% of it (NRR); averaged over CSMs. Expansion target per CSM: ${Math.round(inputs.targets.expansion_rate * 100)}% of renewals.`,
    },
    coverage,
    automation: scoreTasks(inputs.tasks),
    roi: {
      seed_example: { inputs: seedExample, result: roiModel(seedExample) },
      own_book: {
        inputs: ownBook,
        result: roiModel(ownBook),
        lift_basis: measuredLift ? ('measured' as const) : ('assumed' as const),
        response_rate: invited ? responded / invited : null,
        sensitivity: roiSensitivity(ownBook),
      },
    },
    holdouts,
    engagement: { baseline: inputs.baseline, moments: engagement },
  };
}

export type OperatingModel = Awaited<ReturnType<typeof buildOperatingModel>>;
