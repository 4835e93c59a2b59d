import type { Database } from '@candor/migrations';
import type { Transaction } from 'kysely';
import { insertGuide } from './guide-store';
import { guideTemplates } from './templates';

/** Gives a new workspace the six lifecycle guides, each at version 1, inside the caller's transaction. */
export async function installGuideTemplates(trx: Transaction<Database>, workspaceId: string) {
  const ws = { id: workspaceId };
  for (const template of guideTemplates) await insertGuide(trx, ws, template.body, template.key);
}
