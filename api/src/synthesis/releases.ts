import type { SignalValueOf } from '@candor/shared';
import type { AppDeps } from '../app-deps';
import type { Db } from '../db/database';
import { tenant, type Ws } from '../db/tenant';
import { evaluateRecordedEvents } from '../triggers/evaluate-events';

export type Release = { id: string; title: string; notes: string; features: string[]; released_on: string };

const words = (s: string) =>
  new Set(
    s
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2 && !STOP.has(w)),
  );
const STOP = new Set([
  'the',
  'and',
  'for',
  'with',
  'new',
  'more',
  'better',
  'support',
  'can',
  'our',
  'you',
  'want',
  'need',
]);

/**
 * Whether a release answers a feature request: one of its feature tags, or its title,
 * shares a meaningful word with what the customer asked for ("SSO" ↔ "SAML SSO login").
 */
export function releaseMatchesRequest(release: Pick<Release, 'title' | 'features'>, request: string): boolean {
  const asked = words(request);
  const offered = new Set([...release.features.flatMap((f) => [...words(f)]), ...words(release.title)]);
  return [...asked].some((w) => offered.has(w));
}

/** Records a release; briefings and the feature-launch playbook pick it up. */
export async function createRelease(
  db: Db,
  ws: Ws,
  input: { title: string; notes?: string; features?: string[]; released_on?: string },
  today: string,
): Promise<Release> {
  const row = await tenant(db, ws)
    .insertInto('releases')
    .values({
      title: input.title,
      notes: input.notes ?? '',
      features: input.features ?? [],
      released_on: input.released_on ?? today,
    })
    .returning(['id', 'title', 'notes', 'features', 'released_on'])
    .executeTakeFirstOrThrow();
  return { ...row, released_on: String(row.released_on).slice(0, 10) };
}

/** Releases on or after a date, newest first. */
export async function listReleases(db: Db, ws: Ws, since?: string): Promise<Release[]> {
  let q = tenant(db, ws)
    .selectFrom('releases')
    .select(['id', 'title', 'notes', 'features', 'released_on'])
    .orderBy('released_on', 'desc');
  if (since) q = q.where('released_on', '>=', since);
  return (await q.limit(200).execute()).map((r) => ({ ...r, released_on: String(r.released_on).slice(0, 10) }));
}

/**
 * "You asked, we shipped": records a `feature_released` event for every contact whose
 * feature request the release answers, so feature-launch trigger rules on that event
 * invite exactly the people who asked (fatigue rules apply as to any trigger).
 */
export async function announceRelease(deps: AppDeps, ws: Ws, release: Release): Promise<number> {
  const t = tenant(deps.db, ws);
  const requests = await t
    .selectFrom('signals')
    .innerJoin('contacts', 'contacts.id', 'signals.contact_id')
    .select(['signals.contact_id', 'contacts.account_id', 'signals.value', 'signals.quote'])
    .where('signals.kind', '=', 'feature_request')
    .$narrowType<{ value: SignalValueOf<'feature_request'> }>()
    .where('signals.created_at', '>', new Date(deps.now().getTime() - 365 * 86_400_000))
    .execute();
  const askers = new Map<string, { account_id: string | null; request: string }>();
  for (const r of requests) {
    const request = String(r.value.summary ?? r.quote);
    if (r.contact_id && !askers.has(r.contact_id) && releaseMatchesRequest(release, request))
      askers.set(r.contact_id, { account_id: r.account_id, request });
  }
  if (askers.size === 0) return 0;
  const now = deps.now();
  const events = [...askers].map(([contactId, a]) => ({
    contact_id: contactId,
    account_id: a.account_id,
    name: 'feature_released',
    properties: { release_id: release.id, release: release.title, request: a.request },
    occurred_at: now,
  }));
  await t.insertInto('events').values(events).execute();
  await evaluateRecordedEvents(deps, ws, events);
  return askers.size;
}
