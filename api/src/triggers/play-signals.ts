import { isNpsDetractor, type KindedSignalValue, type PlaySignal } from '@candor/shared';
import { sql } from 'kysely';
import type { AppDeps } from '../app-deps';
import { tenant, type Ws } from '../db/tenant';
import { planAllowed } from './recipients';

// Which signals plays act on, apart from running them: default alerts read this to give way
// to a play, and running a play sends alerts, so the two must not import each other's files.

/** Which play signal a stored signal is, if any. */
export function playSignalOf(s: KindedSignalValue): PlaySignal | null {
  if (s.kind === 'churn_risk') return s.value.level === 'high' ? 'churn_risk_high' : null;
  if (s.kind === 'expansion_intent') return 'expansion_intent';
  if (s.kind === 'wants_human') return 'wants_human';
  if (s.kind === 'competitor') return 'competitor_named';
  if (isNpsDetractor(s.kind, s.value)) return 'nps_detractor';
  return null;
}

/**
 * The signals the workspace's enabled plays act on for an account on `plan`; their default
 * alerts give way to the play. A play limited to other plans leaves the default alert alone.
 */
export async function signalsWithPlays(
  deps: Pick<AppDeps, 'db'>,
  ws: Ws,
  plan: string | null = null,
): Promise<Set<PlaySignal>> {
  const rows = await tenant(deps.db, ws)
    .selectFrom('triggers')
    .select([sql<PlaySignal>`rule->'when'->>'signal'`.as('signal'), sql<string[] | null>`rule->'plans'`.as('plans')])
    .where('enabled', '=', true)
    .where(sql<string>`rule->'when'->>'type'`, '=', 'signal')
    .execute();
  return new Set(rows.filter((r) => planAllowed(r.plans ?? undefined, plan)).map((r) => r.signal));
}
