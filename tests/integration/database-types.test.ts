import { databaseColumns } from '@candor/migrations';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness';

// The `Database` types are written by hand beside the migrations. `databaseColumns` is the
// same types as data (tied to them by `satisfies`, so it cannot drift from them without
// failing the typecheck); this holds it against what the migrations really built.
describe('the Database types', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CANDOR_RUN_JOBS: 'false' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const migratedColumns = async () => {
    const { rows } = await sql<{ table_name: string; column_name: string; is_nullable: 'YES' | 'NO' }>`
      select c.table_name, c.column_name, c.is_nullable
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
        and c.table_name not in ('kysely_migration', 'kysely_migration_lock')`.execute(t.deps.db);
    const tables: Record<string, Record<string, string>> = {};
    for (const r of rows) {
      tables[r.table_name] ??= {};
      tables[r.table_name]![r.column_name] = r.is_nullable === 'YES' ? 'null' : 'not null';
    }
    return tables;
  };

  it('name every table and column of the migrated database, with its nullability', async () => {
    expect(await migratedColumns()).toEqual(databaseColumns);
  });

  it('would notice a column the migrations add and the types lack', async () => {
    await sql`alter table briefs add column unseen text`.execute(t.deps.db);
    try {
      expect(await migratedColumns()).not.toEqual(databaseColumns);
    } finally {
      await sql`alter table briefs drop column unseen`.execute(t.deps.db);
    }
  });
});
