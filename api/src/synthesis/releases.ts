import type { Db } from '../db/database';
import { tenant, type Ws } from '../db/tenant';

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
