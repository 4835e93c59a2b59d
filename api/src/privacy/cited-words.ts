import { sql } from 'kysely';
import type { Tenant } from '../db/tenant';

/**
 * Stored synthesis (review items, health reasons, brief versions, webhook payloads) cites
 * interviews beside the words it took from them. When those words must go, these rewrite the documents in place: the
 * retention job blanks the quotes of expired interviews and keeps the claims; erasing a
 * person removes every claim resting on their interviews, since its text names or
 * paraphrases them.
 */

/** A webhook delivery's payload once its body is erased: what happened and when, not to whom. */
export const erasedPayload = sql<
  Record<string, unknown>
>`jsonb_build_object('type', payload->'type', 'timestamp', payload->'timestamp', 'data', '{}'::jsonb, 'erased', true)`;

/** Whether `v` is an object citing one of `interviewIds` with its own `interview_id`. */
const citesOneOf = (v: unknown, interviewIds: ReadonlySet<string>) =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { interview_id?: unknown }).interview_id === 'string' &&
  interviewIds.has((v as { interview_id: string }).interview_id);

type RewriteCiting = (value: unknown, interviewIds: ReadonlySet<string>) => { value: unknown; changed: boolean };

/**
 * Blanks every `quote` that cites one of the given interviews, anywhere in a JSON document
 * (a brief's sections, a webhook payload): an object whose `interview_id` is in the set has
 * the quotes in it and below it emptied. Everything else is kept as it was.
 */
export const blankQuotesCiting: RewriteCiting = (value, interviewIds) => {
  let changed = false;
  const walk = (node: unknown, cited: boolean): unknown => {
    if (Array.isArray(node)) return node.map((item) => walk(item, cited));
    if (node === null || typeof node !== 'object') return node;
    const obj = node as Record<string, unknown>;
    const here = cited || citesOneOf(obj, interviewIds);
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(obj)) {
      if (here && key === 'quote' && typeof v === 'string' && v !== '') {
        out[key] = '';
        changed = true;
      } else out[key] = walk(v, here);
    }
    return out;
  };
  const result = walk(value, false);
  return { value: changed ? result : value, changed };
};

/** What a stored claim says once the words it rested on are erased. */
export const ERASED_CLAIM = 'Removed: the person this rested on was erased.';

// Keys that hold structure rather than anything a person said: ids, the account a claim is
// about, a section's heading, a meeting's time, a release's name; numbers and booleans are
// figures. Everything else in an erased claim is redacted (a meeting's title may name them).
const STRUCTURAL = new Set(['account', 'heading', 'time', 'release']);
const isStructural = (key: string) => STRUCTURAL.has(key) || key === 'id' || key.endsWith('_id');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * For an erased person: rewrites a stored brief (renewal brief, weekly briefing) so that
 * nothing of their interviews' words survives in it. A claim is an object citing an
 * interview — with its own `interview_id`, through its `evidence`, or among its
 * `citations` — and everything in it was written from those words: the quotes, the
 * claim's text (a rules brief names the person; a model's claim paraphrases them), its
 * reasons and talking points. A claim citing an erased interview keeps its ids and
 * structure and is flagged `erased: true`; its quotes become empty and its other words a
 * marker. Claims citing anyone else are left exactly as they were.
 */
export const redactClaimsCiting: RewriteCiting = (value, erased) => {
  let changed = false;
  const cites = (v: Json | undefined) => citesOneOf(v, erased);
  const redact = (v: Json, key: string): Json => {
    if (typeof v === 'string') return key === 'quote' ? '' : ERASED_CLAIM;
    if (Array.isArray(v)) return v.map((x) => redact(x, key));
    if (isObject(v))
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, isStructural(k) ? x : redact(x, k)]));
    return v;
  };
  const walk = (v: Json): Json => {
    if (Array.isArray(v)) return v.map(walk);
    if (!isObject(v)) return v;
    if (cites(v) || cites(v.evidence) || (Array.isArray(v.citations) && v.citations.some(cites))) {
      changed = true;
      // Flagged, so a reader can show the claim as removed rather than as what it says.
      return { ...(redact(v, '') as JsonObject), erased: true };
    }
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
  };
  const redacted = walk(value as Json);
  return { value: changed ? redacted : value, changed };
};

const mentionsAny = (column: 'content' | 'payload', interviewIds: string[]) =>
  sql<boolean>`${sql.ref(column)}::text like any (array[${sql.join(interviewIds.map((id) => `%${id}%`))}])`;

/** The stored JSON documents that can cite interviews. */
type Documents = { table: 'briefs'; column: 'content' } | { table: 'webhook_deliveries'; column: 'payload' };

/**
 * Rewrites with `rewrite` every stored document of `where` that cites one of
 * `interviewIds`; answers how many changed. Only documents whose text mentions an id are read.
 */
async function rewriteCiting(t: Tenant, where: Documents, interviewIds: string[], rewrite: RewriteCiting) {
  if (interviewIds.length === 0) return 0;
  const ids = new Set(interviewIds);
  const rows = (await t
    .selectFrom(where.table)
    .select(['id', sql.ref(where.column).as('document')])
    .where(mentionsAny(where.column, interviewIds))
    .execute()) as { id: string; document: unknown }[];
  let changed = 0;
  for (const row of rows) {
    const rewritten = rewrite(row.document, ids);
    if (!rewritten.changed) continue;
    await t
      .updateTable(where.table)
      .set({ [where.column]: rewritten.value as Record<string, unknown> })
      .where('id', '=', row.id)
      .execute();
    changed++;
  }
  return changed;
}

/** Rewrites every stored version of every brief citing one of `interviewIds`; answers how many changed. */
export function rewriteBriefsCiting(t: Tenant, interviewIds: string[], rewrite: RewriteCiting): Promise<number> {
  return rewriteCiting(t, { table: 'briefs', column: 'content' }, interviewIds, rewrite);
}

/**
 * For an erased person: webhook deliveries about their interviews, or naming them as the
 * contact, lose their body (a pending one is then sent erased); any other delivery quoting
 * their interviews (an account's health reasons) has those quotes blanked. Answers how
 * many deliveries changed.
 */
export async function eraseWebhookPayloadsCiting(
  t: Tenant,
  interviewIds: string[],
  contactExternalId: string,
): Promise<number> {
  const about = await t
    .updateTable('webhook_deliveries')
    .set({ payload: erasedPayload })
    .where(sql<boolean>`not (payload ? 'erased')`)
    .where((eb) =>
      eb.or([
        eb(sql<string>`payload->'data'->>'contact_id'`, '=', contactExternalId),
        ...(interviewIds.length > 0 ? [eb(sql<string>`payload->'data'->>'interview_id'`, 'in', interviewIds)] : []),
      ]),
    )
    .executeTakeFirst();
  const quoting = await rewriteCiting(
    t,
    { table: 'webhook_deliveries', column: 'payload' },
    interviewIds,
    blankQuotesCiting,
  );
  return Number(about.numUpdatedRows) + quoting;
}

/**
 * Synthesis copies quotes next to their evidence ids (review items, account health reasons);
 * blank the ones taken from these interviews so the words don't outlive the person.
 */
export async function blankCopiedQuotes(t: Tenant, interviewIds: string[]) {
  const ids = sql.join(interviewIds);
  await t
    .updateTable('review_items')
    .set({
      evidence: sql`(select coalesce(jsonb_agg(case when e.v->>'interview_id' in (${ids}) then jsonb_set(e.v, '{quote}', '""') else e.v end order by e.i), '[]'::jsonb) from jsonb_array_elements(review_items.evidence) with ordinality as e(v, i))`,
    })
    .where(
      sql<boolean>`exists (select 1 from jsonb_array_elements(review_items.evidence) e where e->>'interview_id' in (${ids}))`,
    )
    .execute();
  await t
    .updateTable('accounts')
    .set({
      health_reasons: sql`(select coalesce(jsonb_agg(case when r.v->'evidence'->>'interview_id' in (${ids}) then jsonb_set(r.v, '{evidence,quote}', '""') else r.v end order by r.i), '[]'::jsonb) from jsonb_array_elements(accounts.health_reasons) with ordinality as r(v, i))`,
    })
    .where(
      sql<boolean>`exists (select 1 from jsonb_array_elements(accounts.health_reasons) r where r->'evidence'->>'interview_id' in (${ids}))`,
    )
    .execute();
  // Cached account digests paraphrase what was said: drop those of the accounts concerned (rebuilt on next use).
  const accounts = await t.selectFrom('interviews').select('account_id').where('id', 'in', interviewIds).execute();
  const accountIds = [...new Set(accounts.flatMap((a) => (a.account_id ? [a.account_id] : [])))];
  if (accountIds.length > 0) await t.deleteFrom('synthesis_digests').where('account_id', 'in', accountIds).execute();
}
