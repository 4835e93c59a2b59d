import type { Migration } from 'kysely/migration';
import * as core from './migrations/0001-core';

export type * from './schema';

/** Every migration, in order. Never edit one after it has landed; add the next. */
export const migrations: Record<string, Migration> = {
  '0001-core': core,
};
