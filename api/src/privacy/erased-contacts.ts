import { createHmac } from 'node:crypto';
import type { AppDeps } from '../app-deps';
import type { Tenant } from '../db/tenant';

type Keys = Pick<AppDeps, 'secret' | 'previousSecret'>;

/**
 * A keyed digest of one identifying value of an erased person (`email:` or `id:` prefixed),
 * bound to the workspace: it proves "this one was erased" to whoever holds the instance
 * secret, and names nobody to whoever holds only a copy of the database.
 */
function digest(secret: string, workspaceId: string, value: string): string {
  return createHmac('sha256', secret).update(`candor:erased-contact:v1:${workspaceId}:${value}`).digest('base64url');
}

const identifiers = (p: { email?: string | null; externalId?: string | null }) => [
  ...(p.email ? [`email:${p.email.trim().toLowerCase()}`] : []),
  ...(p.externalId ? [`id:${p.externalId}`] : []),
];

/** Records that the person with this email and external id was erased, inside the erasure's transaction. */
export async function rememberErasure(
  keys: Keys,
  t: Tenant,
  person: { email: string | null; externalId: string },
): Promise<void> {
  const rows = identifiers(person).map((v) => ({ digest: digest(keys.secret, t.ws.id, v) }));
  await t
    .insertInto('erased_contacts')
    .values(rows)
    .onConflict((oc) => oc.columns(['workspace_id', 'digest']).doNothing())
    .execute();
}

/**
 * Which of `people` were erased (by email or external id). Digests under the previous
 * secret are checked too, so a secret rotation does not forget an erasure.
 */
export async function erasedAmong<P extends { email?: string | null; externalId?: string | null }>(
  keys: Keys,
  t: Tenant,
  people: readonly P[],
): Promise<Set<P>> {
  const secrets = [keys.secret, ...(keys.previousSecret ? [keys.previousSecret] : [])];
  const byDigest = new Map<string, P>();
  for (const p of people)
    for (const v of identifiers(p)) for (const s of secrets) byDigest.set(digest(s, t.ws.id, v), p);
  if (byDigest.size === 0) return new Set();
  const found = await t
    .selectFrom('erased_contacts')
    .select('digest')
    .where('digest', 'in', [...byDigest.keys()])
    .execute();
  return new Set(found.map((r) => byDigest.get(r.digest)!));
}
