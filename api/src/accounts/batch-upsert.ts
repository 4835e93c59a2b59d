import { sql } from 'kysely';
import { AppError, type ErrorItem } from '../app-error';
import type { Tenant } from '../db/tenant';

/** One item of a batch after repeats of the same external id were merged, with where it came from. */
export type MergedItem<T> = { item: T; index: number };

/**
 * Folds items that repeat an external id into one (later fields win, attributes merge key by
 * key): Postgres refuses to update the same row twice in one `on conflict do update`.
 */
export function mergeRepeats<T extends { id: string; attributes?: Record<string, unknown> | undefined }>(
  items: T[],
): MergedItem<T>[] {
  const byId = new Map<string, MergedItem<T>>();
  items.forEach((item, index) => {
    const seen = byId.get(item.id);
    if (!seen) {
      byId.set(item.id, { item: { ...item }, index });
      return;
    }
    const attributes =
      seen.item.attributes || item.attributes ? { ...seen.item.attributes, ...item.attributes } : undefined;
    seen.item = { ...seen.item, ...stripUndefined(item), ...(attributes ? { attributes } : {}) };
  });
  return [...byId.values()];
}

/**
 * Splits rows by which columns they carry, so each group is one multi-row upsert whose
 * `do update` touches only the columns that were sent (omitted fields keep their value).
 */
export function groupByColumns<R extends Record<string, unknown>>(rows: R[]): R[][] {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const shape = Object.keys(row).sort().join(',');
    const group = groups.get(shape);
    if (group) group.push(row);
    else groups.set(shape, [row]);
  }
  return [...groups.values()];
}

/** Drops keys whose value is undefined: "omitted" and "null" mean different things in an upsert. */
export function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The whole batch is rejected (nothing written) with every failing item and its index. */
export function rejectItems(noun: string, items: ErrorItem[]): never {
  const first = items[0];
  const more = items.length > 1 ? ` (and ${items.length - 1} more)` : '';
  throw new AppError(
    'invalid_items',
    `Nothing was written: ${noun}.${first?.index}.${first?.field}: ${first?.message}${more}.`,
    items,
  );
}

/**
 * The upsert both batch endpoints share: rows grouped by the columns they carry (so an
 * omitted field keeps its stored value), one multi-row insert per group, attributes merged
 * key by key. Says per external id whether it was created (true) or updated (false).
 */
export async function upsertByExternalId(
  t: Tenant,
  table: 'accounts' | 'contacts',
  rows: Partial<Record<string, unknown>>[],
): Promise<Map<string, boolean>> {
  const inserted = new Map<string, boolean>();
  // Rows go to Postgres in external-id order, so two batches naming the same rows in
  // different orders take their row locks in one order instead of deadlocking. A batch
  // split into several statements locks its existing rows up front, in that order too.
  const byId = (a: Record<string, unknown>, b: Record<string, unknown>) =>
    String(a.external_id) < String(b.external_id) ? -1 : String(a.external_id) > String(b.external_id) ? 1 : 0;
  const groups = groupByColumns(rows as Record<string, unknown>[]).map((g) => g.sort(byId));
  if (groups.length > 1) {
    await t
      .selectFrom(table)
      .select('id')
      .where(
        'external_id',
        'in',
        rows.map((r) => String(r.external_id)),
      )
      // Byte order, the order the statements below send rows in (JS string order).
      .orderBy(sql`external_id collate "C"`)
      .forNoKeyUpdate()
      .execute();
  }
  for (const group of groups) {
    const columns = Object.keys(group[0] ?? {}).filter((c) => c !== 'external_id');
    const result = await t
      .insertInto(table)
      // biome-ignore lint/suspicious/noExplicitAny: rows are built per table by its caller
      .values(group as any)
      .onConflict((oc) =>
        oc.columns(['workspace_id', 'external_id']).doUpdateSet(() => ({
          ...Object.fromEntries(
            columns.map((c) => [
              c,
              c === 'attributes'
                ? sql`${sql.ref(`${table}.attributes`)} || excluded.attributes`
                : sql.ref(`excluded.${c}`),
            ]),
          ),
          updated_at: sql`now()`,
        })),
      )
      // xmax is 0 only on a freshly inserted row: tells created from updated in one round trip.
      .returning(['external_id', sql<boolean>`(xmax = 0)`.as('inserted')])
      .execute();
    for (const r of result) inserted.set(r.external_id as string, r.inserted);
  }
  return inserted;
}
