import { randomBytes } from 'node:crypto';
import { connectPostgres, type DatabaseHandle, openPglite } from '@candor/api/db/database';
import { migrations } from '@candor/migrations';
import { Migrator } from 'kysely/migration';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The database as it was before 0013, on whichever server this run uses.
describe('migration 0013: identity verification on by default, existing workspaces explicit', () => {
  let handle: DatabaseHandle;
  let drop = async () => {};
  beforeAll(async () => {
    const base = process.env.TEST_DATABASE_URL;
    if (base) {
      const name = `candor_test_${randomBytes(6).toString('hex')}`;
      const admin = postgres(base, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database ${name}`);
      const url = new URL(base);
      url.pathname = `/${name}`;
      handle = connectPostgres(url.toString(), { max: 2 });
      drop = async () => {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      };
    } else {
      handle = await openPglite(undefined);
    }
  });
  afterAll(async () => {
    await handle?.close();
    await drop();
  });

  it('keeps an existing workspace in test mode, audited, and verifies every new one', async () => {
    const migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => migrations } });
    const before = await migrator.migrateTo('0010-workspace-settings');
    expect(before.error).toBeUndefined();
    const [open, verified] = await handle.db
      .insertInto('workspaces')
      .values([
        { name: 'Installed long ago', identity_secret: 'a'.repeat(64), settings: {} },
        { name: 'Already verifying', identity_secret: 'b'.repeat(64), settings: {}, identity_verification: true },
      ])
      .returning(['id', 'identity_verification'])
      .execute();
    expect(open?.identity_verification).toBe(false);

    const after = await migrator.migrateToLatest();
    expect(after.error).toBeUndefined();
    const rows = await handle.db.selectFrom('workspaces').select(['id', 'identity_verification']).execute();
    expect(rows).toEqual(
      expect.arrayContaining([
        { id: open?.id, identity_verification: false },
        { id: verified?.id, identity_verification: true },
      ]),
    );
    const audit = await handle.db
      .selectFrom('audit_log')
      .select(['workspace_id', 'actor', 'action'])
      .where('action', '=', 'identity_verification.kept_off')
      .execute();
    expect(audit).toEqual([{ workspace_id: open?.id, actor: 'system', action: 'identity_verification.kept_off' }]);

    const fresh = await handle.db
      .insertInto('workspaces')
      .values({ name: 'New', identity_secret: 'c'.repeat(64), settings: {} })
      .returning('identity_verification')
      .executeTakeFirstOrThrow();
    expect(fresh.identity_verification).toBe(true);
  });
});
