import type { Database } from '@candor/migrations';
import { sql } from 'kysely';
import { AppError } from '../app-error';
import type { Db } from './database';
import { migrateToLatest } from './migrate';

/** Kept by triggers from the tables that are copied (migration 0016): rebuilt, not copied. */
const DERIVED = new Set(['account_daily_usage']);
const PAGE = 500;

export type CopiedTable = { table: string; rows: number };

/**
 * Copies every row of Candor's tables from one database to another, for moving from the
 * embedded database to a Postgres server. The target is migrated first and must hold no
 * workspace yet; the copy is one transaction, so a failure leaves the target empty. Tables
 * go parents first (by their foreign keys), each in pages read in storage order. The job
 * queue's own tables are not copied: recurring jobs are scheduled again at start, and work
 * queued but not yet done on the embedded database is not carried over.
 */
export async function copyDatabase(source: Db, target: Db): Promise<CopiedTable[]> {
  await migrateToLatest(target);
  if (await target.selectFrom('workspaces').select('id').limit(1).executeTakeFirst())
    throw new AppError('target_not_empty', 'The target database already holds workspaces; copy into an empty one.');
  const tables = await tablesParentsFirst(source);
  return target.transaction().execute(async (trx) => {
    const copied: CopiedTable[] = [];
    for (const table of tables) {
      // Generated columns are the target's to compute: an insert may not name them.
      const { rows: generated } = await sql<{ name: string }>`
        select attname as name from pg_attribute
        where attrelid = ${table}::regclass and attgenerated <> '' and not attisdropped`.execute(source);
      let rows = 0;
      let after = '(0,0)';
      for (;;) {
        const { rows: page } = await sql<Record<string, unknown> & { _ctid: string }>`
          select *, ctid::text as _ctid from ${sql.table(table)}
          where ctid > ${after}::tid order by ctid limit ${PAGE}`.execute(source);
        if (page.length === 0) break;
        after = page[page.length - 1]?._ctid as string;
        const values = page.map(({ _ctid, ...row }) => {
          for (const { name } of generated) delete row[name];
          return row;
        });
        // Rows are copied as they are, whatever the table: the target has the same schema.
        await trx
          .insertInto(table as keyof Database)
          .values(values as never)
          .execute();
        rows += page.length;
      }
      copied.push({ table, rows });
    }
    return copied;
  });
}

/** Candor's tables, each after every table its foreign keys point to. */
async function tablesParentsFirst(db: Db): Promise<string[]> {
  const { rows: tables } = await sql<{ name: string }>`
    select tablename as name from pg_tables
    where schemaname = 'public' and tablename not like 'kysely_migration%' order by tablename`.execute(db);
  const { rows: edges } = await sql<{ child: string; parent: string }>`
    select child.relname as child, parent.relname as parent
    from pg_constraint c
    join pg_class child on child.oid = c.conrelid
    join pg_class parent on parent.oid = c.confrelid
    join pg_namespace n on n.oid = child.relnamespace
    where c.contype = 'f' and n.nspname = 'public' and child.relname <> parent.relname`.execute(db);
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visit = (name: string, path: Set<string>) => {
    if (placed.has(name) || path.has(name)) return;
    path.add(name);
    for (const e of edges) if (e.child === name) visit(e.parent, path);
    placed.add(name);
    ordered.push(name);
  };
  for (const t of tables) visit(t.name, new Set());
  return ordered.filter((t) => !DERIVED.has(t));
}
