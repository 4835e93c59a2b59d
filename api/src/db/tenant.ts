import type { Database } from '@candor/migrations';
import {
  type DeleteQueryBuilder,
  type DeleteResult,
  type Insertable,
  type Kysely,
  type SelectQueryBuilder,
  sql,
  type Transaction,
  type UpdateQueryBuilder,
  type UpdateResult,
} from 'kysely';

/** The authenticated workspace. Features take it as their first argument. */
export type Ws = { readonly id: string };

/** Tables whose rows belong to exactly one workspace. */
export type TenantTable = {
  [K in keyof Database]: Database[K] extends { workspace_id: string } ? K : never;
}[keyof Database];

export type Executor = Kysely<Database> | Transaction<Database>;

/**
 * A query builder that cannot forget the workspace: every select, update and delete it
 * starts is already filtered by `workspace_id`, and every insert gets it filled in.
 * Feature queries go through `tenant(db, ws)`; the bare `db` is for cross-tenant
 * plumbing only (auth lookups, jobs bookkeeping, migrations).
 */
export function tenant(db: Executor, ws: Ws) {
  const owned = <T extends TenantTable>(table: T) => sql.ref(`${table}.workspace_id`);
  return {
    ws,
    db,
    selectFrom<T extends TenantTable>(table: T) {
      return db.selectFrom(table as TenantTable).where(owned(table), '=', ws.id) as unknown as SelectQueryBuilder<
        Database,
        T,
        {}
      >;
    },
    updateTable<T extends TenantTable>(table: T) {
      return db.updateTable(table as TenantTable).where(owned(table), '=', ws.id) as unknown as UpdateQueryBuilder<
        Database,
        T,
        T,
        UpdateResult
      >;
    },
    deleteFrom<T extends TenantTable>(table: T) {
      return db.deleteFrom(table as TenantTable).where(owned(table), '=', ws.id) as unknown as DeleteQueryBuilder<
        Database,
        T,
        DeleteResult
      >;
    },
    /** Inserts rows with `workspace_id` set from the authenticated workspace. */
    insertInto<T extends TenantTable>(table: T) {
      return {
        values: (rows: TenantInsert<T> | TenantInsert<T>[]) => {
          const list = (Array.isArray(rows) ? rows : [rows]).map((r) => ({ ...r, workspace_id: ws.id }));
          // biome-ignore lint/suspicious/noExplicitAny: the row type is checked by TenantInsert above
          return db.insertInto(table).values(list as any);
        },
      };
    },
  };
}

export type Tenant = ReturnType<typeof tenant>;

export type TenantInsert<T extends TenantTable> = Omit<Insertable<Database[T]>, 'workspace_id'>;
