import { type RatingScale, ratingBand, ratingScales } from '@candor/shared';
import type { Db } from '../db/database';
import { tenant, type Ws } from '../db/tenant';
import { notPreviewContact } from '../guides/preview-contact';

// Enough rows for a year of a busy workspace's scores; the figures are computed in one pass.
const MAX_ROWS = 20_000;
const MAX_REASONS = 25;
const MAX_ACCOUNTS = 50;

/**
 * The figures of a set of scores on one scale. `score` is the headline: for NPS the share of
 * promoters minus the share of detractors (−100…100), for CSAT and CES the average score.
 */
export type RatingFigures = {
  scale: RatingScale;
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  average: number;
  score: number;
};

export type RatingReport = {
  window_days: number;
  overall: RatingFigures[];
  by_moment: (RatingFigures & { moment: string })[];
  by_account: (RatingFigures & { account_id: string; external_id: string; account_name: string })[];
  /** Per week (Monday, UTC) and scale, oldest first. */
  weekly: (RatingFigures & { week: string })[];
  /** The newest low scores with what the customer said about why, each linking to its interview. */
  detractor_reasons: {
    scale: RatingScale;
    score: number;
    reason: string | null;
    interview_id: string;
    message_id: string;
    account_id: string | null;
    account_name: string | null;
    moment: string;
    at: string;
  }[];
};

/** NPS, CSAT and CES per moment, per account and per week, with the reasons behind low scores. */
export async function ratingReport(
  db: Db,
  ws: Ws,
  options: { now: Date; days: number; accountId?: string },
): Promise<RatingReport> {
  const since = new Date(options.now.getTime() - options.days * 86_400_000);
  let q = tenant(db, ws)
    .selectFrom('signals')
    .innerJoin('interviews', 'interviews.id', 'signals.interview_id')
    .innerJoin('guides', 'guides.id', 'interviews.guide_id')
    .leftJoin('accounts', 'accounts.id', 'signals.account_id')
    .leftJoin('messages as reason', 'reason.id', 'signals.reason_message_id')
    .select([
      'signals.value',
      'signals.created_at',
      'signals.interview_id',
      'signals.message_id',
      'signals.reason_message_id',
      'signals.account_id',
      'accounts.name as account_name',
      'accounts.external_id',
      'guides.moment',
      'reason.text as reason_text',
    ])
    .where('signals.kind', '=', 'rating')
    .where('signals.created_at', '>=', since)
    .where(notPreviewContact(ws, 'signals.contact_id'));
  if (options.accountId) q = q.where('signals.account_id', '=', options.accountId);
  const rows = await q.orderBy('signals.created_at', 'desc').limit(MAX_ROWS).execute();

  const scores = rows.flatMap((r) => {
    const v = (r.value ?? {}) as { scale?: string; score?: unknown };
    const scale = ratingScales.find((s) => s === v.scale);
    return scale && typeof v.score === 'number' ? [{ ...r, scale, score: v.score }] : [];
  });
  type Score = (typeof scores)[number];

  const figuresBy = <K extends string>(key: (s: Score) => K | null) => {
    const groups = new Map<string, { key: K; scale: RatingScale; items: Score[] }>();
    for (const s of scores) {
      const k = key(s);
      if (k === null) continue;
      const id = `${k}\u0000${s.scale}`;
      const group = groups.get(id) ?? { key: k, scale: s.scale, items: [] };
      group.items.push(s);
      groups.set(id, group);
    }
    return [...groups.values()].map((g) => ({ key: g.key, figures: figuresOf(g.scale, g.items) }));
  };

  const accounts = new Map(scores.map((s) => [s.account_id, s]));
  return {
    window_days: options.days,
    overall: figuresBy(() => 'all')
      .map((g) => g.figures)
      .sort((a, b) => scaleOrder(a.scale) - scaleOrder(b.scale)),
    by_moment: figuresBy((s) => s.moment)
      .map((g) => ({ moment: g.key, ...g.figures }))
      .sort((a, b) => a.moment.localeCompare(b.moment) || scaleOrder(a.scale) - scaleOrder(b.scale)),
    by_account: figuresBy((s) => s.account_id)
      .map((g) => {
        const a = accounts.get(g.key);
        return {
          account_id: g.key,
          external_id: a?.external_id ?? '',
          account_name: a?.account_name ?? '',
          ...g.figures,
        };
      })
      .sort((a, b) => b.responses - a.responses || a.account_name.localeCompare(b.account_name))
      .slice(0, MAX_ACCOUNTS),
    weekly: figuresBy((s) => weekOf(s.created_at))
      .map((g) => ({ week: g.key, ...g.figures }))
      .sort((a, b) => a.week.localeCompare(b.week) || scaleOrder(a.scale) - scaleOrder(b.scale)),
    detractor_reasons: scores
      .filter((s) => ratingBand(s.scale, s.score) === 'detractor')
      .slice(0, MAX_REASONS)
      .map((s) => ({
        scale: s.scale,
        score: s.score,
        // A reason erased by the retention policy is empty: shown as none.
        reason: s.reason_text || null,
        interview_id: s.interview_id,
        message_id: s.reason_message_id ?? s.message_id,
        account_id: s.account_id,
        account_name: s.account_name,
        moment: s.moment,
        at: new Date(s.created_at).toISOString(),
      })),
  };
}

/** The figures of scores on one scale (see RatingFigures). */
export function figuresOf(scale: RatingScale, items: { score: number }[]): RatingFigures {
  let promoters = 0;
  let detractors = 0;
  let sum = 0;
  for (const { score } of items) {
    const band = ratingBand(scale, score);
    if (band === 'promoter') promoters++;
    else if (band === 'detractor') detractors++;
    sum += score;
  }
  const n = items.length;
  const average = n ? Math.round((sum / n) * 100) / 100 : 0;
  const nps = n ? Math.round(((promoters - detractors) / n) * 100) : 0;
  return {
    scale,
    responses: n,
    promoters,
    passives: n - promoters - detractors,
    detractors,
    average,
    score: scale === 'nps' ? nps : average,
  };
}

const scaleOrder = (scale: RatingScale) => ratingScales.indexOf(scale);

/** The Monday (UTC) of a timestamp's week, as YYYY-MM-DD — the same weeks as Postgres' date_trunc('week'). */
function weekOf(at: Date | string): string {
  const d = new Date(at);
  const day = (d.getUTCDay() + 6) % 7;
  const monday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day));
  return monday.toISOString().slice(0, 10);
}
