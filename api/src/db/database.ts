import fs from 'node:fs';
import type { Database } from '@candor/migrations';
import { PGlite, types } from '@electric-sql/pglite';
import { Kysely, PGliteDialect } from 'kysely';
import postgres from 'postgres';
import { postgresJsDialect } from './postgres-js-dialect';

export type Db = Kysely<Database>;

/** The raw SQL door pg-boss needs; implemented per driver. */
export type ExecuteSql = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

export type DatabaseHandle = {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** Set for the embedded database: pg-boss runs through it instead of its own pool. */
  executeSql?: ExecuteSql;
  close(): Promise<void>;
};

// Both drivers hand back the same shapes: int8 as string (never a lossy number), date as 'YYYY-MM-DD'.
const keepText = (v: string) => v;

/** Connects to Postgres through postgres.js. */
export function connectPostgres(url: string, options: { max?: number } = {}): DatabaseHandle {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    types: {
      date: { to: 1082, from: [1082], serialize: (v: string) => v, parse: keepText },
      int8: { to: 20, from: [20], serialize: (v: string) => String(v), parse: keepText },
    },
  });
  const db = new Kysely<Database>({ dialect: postgresJsDialect(sql) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

/** Opens (or creates) the embedded PGlite database; `dataDir` undefined means in memory. */
export async function openPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    parsers: { [types.INT8]: keepText, [types.DATE]: keepText },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite: pg }) });
  const executeSql: ExecuteSql = async (text, values) => {
    if (values && values.length > 0) return pg.query(text, values);
    // pg-boss sends multi-statement scripts and needs the rows of every statement.
    const results = await pg.exec(text);
    return { rows: results.flatMap((r) => r.rows) };
  };
  return {
    db,
    kind: 'pglite',
    executeSql,
    close: async () => {
      await db.destroy();
      if (!pg.closed) await pg.close();
    },
  };
}
