import { sql } from 'kysely';
import type { Db } from '../db/database';
import { tenant, type Ws } from '../db/tenant';
import { notPreviewContact } from '../guides/preview-contact';
import { describeSignal, taxonomyLabel } from './signal-label';

const WINDOW_DAYS = 90;
// Enough rows to rank a quarter of a busy workspace without loading everything.
const MAX_ROWS = 5_000;

/** Portfolio view of the last 90 days of signals: counts, churn reasons, expansion, feature requests, weekly trend. */
export async function getInsights(db: Db, ws: Ws, now: Date) {
  const t = tenant(db, ws);
  const since = new Date(now.getTime() - WINDOW_DAYS * 86_400_000);
  const [counts, trend, ranked, expansion] = await Promise.all([
    t
      .selectFrom('signals')
      .select(['kind', sql<string>`count(*)`.as('n')])
      .where('created_at', '>=', since)
      .where(notPreviewContact(ws, 'signals.contact_id'))
      .groupBy('kind')
      .orderBy(sql`count(*)`, 'desc')
      .execute(),
    t
      .selectFrom('signals')
      .select([
        sql<string>`to_char(date_trunc('week', created_at), 'YYYY-MM-DD')`.as('week'),
        sql<string>`count(*) filter (where kind = 'churn_risk')`.as('churn'),
        sql<string>`count(*) filter (where kind = 'expansion_intent')`.as('expansion'),
        sql<string>`count(*) filter (where kind = 'feature_request')`.as('feature'),
      ])
      .where('created_at', '>=', since)
      .where(notPreviewContact(ws, 'signals.contact_id'))
      .groupBy(sql`date_trunc('week', created_at)`)
      .orderBy(sql`date_trunc('week', created_at)`)
      .execute(),
    t
      .selectFrom('signals')
      .select(['kind', 'value', 'quote', 'account_id'])
      .where('created_at', '>=', since)
      .where(notPreviewContact(ws, 'signals.contact_id'))
      .where('kind', 'in', ['churn_risk', 'feature_request'])
      .orderBy('created_at', 'desc')
      .limit(MAX_ROWS)
      .execute(),
    t
      .selectFrom('signals')
      .leftJoin('accounts', 'accounts.id', 'signals.account_id')
      .select([
        'signals.account_id',
        'accounts.name as account_name',
        'signals.value',
        'signals.quote',
        'signals.interview_id',
        'signals.created_at',
      ])
      .where('signals.kind', '=', 'expansion_intent')
      .where('signals.created_at', '>=', since)
      .where(notPreviewContact(ws, 'signals.contact_id'))
      .orderBy('signals.created_at', 'desc')
      .limit(25)
      .execute(),
  ]);

  const churn = new Map<string, { label: string; count: number; quote: string | null }>();
  const features = new Map<string, { label: string; count: number; accounts: Set<string>; quote: string | null }>();
  for (const s of ranked) {
    const v = (s.value ?? {}) as Record<string, unknown>;
    if (s.kind === 'churn_risk') {
      for (const reason of Array.isArray(v.reasons) ? v.reasons : []) {
        const key = String(reason);
        const row = churn.get(key) ?? { label: taxonomyLabel(key), count: 0, quote: null };
        row.count++;
        // A quote erased by the retention policy is empty; show the newest one still there.
        row.quote ??= s.quote || null;
        churn.set(key, row);
      }
    } else {
      const label = describeSignal('feature_request', v);
      const key = label.toLowerCase();
      const row = features.get(key) ?? { label, count: 0, accounts: new Set<string>(), quote: null };
      row.count++;
      row.quote ??= s.quote || null;
      if (s.account_id) row.accounts.add(s.account_id);
      features.set(key, row);
    }
  }
  const byCount = <T extends { count: number; label: string }>(a: T, b: T) =>
    b.count - a.count || a.label.localeCompare(b.label);

  return {
    signal_counts: counts.map((c) => ({ kind: c.kind, count: Number(c.n) })),
    churn_reasons: [...churn.values()].sort(byCount).slice(0, 15),
    trend: trend.map((w) => ({
      week: w.week,
      churn: Number(w.churn),
      expansion: Number(w.expansion),
      feature: Number(w.feature),
    })),
    expansion: expansion.map((e) => ({
      account_id: e.account_id,
      account_name: e.account_name,
      label: describeSignal('expansion_intent', e.value),
      quote: e.quote || null,
      interview_id: e.interview_id,
      at: e.created_at.toISOString(),
    })),
    feature_requests: [...features.values()]
      .sort(byCount)
      .slice(0, 15)
      .map((f) => ({ label: f.label, count: f.count, accounts: f.accounts.size, quote: f.quote })),
  };
}
