import type { SignalKind } from '@candor/shared';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/database';
import { tenant, type Ws } from '../db/tenant';
import { notPreviewContact } from '../guides/preview-contact';

const DAY = 86_400_000;
/** Weeks in every portfolio trend. */
export const TREND_WEEKS = 12;

/**
 * Which signals a portfolio figure covers: a time range, and optionally one CSM's book
 * (`ownerEmail`; null means accounts with no owner), one plan and one lifecycle moment.
 */
export type PortfolioScope = {
  since: Date;
  until: Date;
  ownerEmail?: string | null;
  plan?: string;
  moment?: string;
};

/**
 * The signals in scope (of `kinds`, or all), with their account, as one subquery every portfolio
 * figure aggregates over in SQL. Signals with no account (its record deleted) carry no
 * ARR and no owner and stay out; guide previews are not customers and stay out too.
 */
export function scopedSignals(db: Db, ws: Ws, scope: PortfolioScope, kinds?: readonly SignalKind[]) {
  let q = tenant(db, ws)
    .selectFrom('signals')
    .innerJoin('accounts', 'accounts.id', 'signals.account_id')
    .select([
      'signals.id as signal_id',
      'signals.kind',
      'signals.value',
      'signals.quote',
      'signals.interview_id',
      'signals.message_id',
      'signals.created_at',
      'signals.account_id',
      'signals.feature_key',
      'accounts.external_id',
      'accounts.name as account_name',
      'accounts.arr_cents',
    ])
    .where('signals.created_at', '>=', scope.since)
    .where('signals.created_at', '<', scope.until)
    .where(notPreviewContact(ws, 'signals.contact_id'));
  if (kinds) q = q.where('signals.kind', 'in', [...kinds]);
  const inScope = accountInScope(scope);
  if (inScope) q = q.where(inScope);
  const moment = scope.moment;
  if (moment)
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('interviews')
          .innerJoin('guides', 'guides.id', 'interviews.guide_id')
          .select('interviews.id')
          .whereRef('interviews.id', '=', 'signals.interview_id')
          .where('guides.moment', '=', moment),
      ),
    );
  return q;
}

/** The scope's conditions on the joined `accounts` row (owner, plan), or null when it sets none. */
export function accountInScope(scope: PortfolioScope): RawBuilder<boolean> | null {
  const conditions: RawBuilder<boolean>[] = [];
  if (scope.ownerEmail === null) conditions.push(sql<boolean>`accounts.owner_email is null`);
  else if (scope.ownerEmail !== undefined) conditions.push(sql<boolean>`accounts.owner_email = ${scope.ownerEmail}`);
  if (scope.plan) conditions.push(sql<boolean>`accounts.plan = ${scope.plan}`);
  return conditions.length ? sql<boolean>`(${sql.join(conditions, sql` and `)})` : null;
}

/** The Monday (UTC) of the week holding `d`, as YYYY-MM-DD: the key SQL's date_trunc('week') gives too. */
export function weekOf(d: Date): string {
  const monday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7)));
  return monday.toISOString().slice(0, 10);
}

/** The TREND_WEEKS week keys ending with the week of `last`, oldest first. */
export function trendWeeks(last: Date): string[] {
  return Array.from({ length: TREND_WEEKS }, (_, i) =>
    weekOf(new Date(last.getTime() - (TREND_WEEKS - 1 - i) * 7 * DAY)),
  );
}
