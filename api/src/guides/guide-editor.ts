import type { GuidePatch } from '@candor/shared';
import type { AppDeps } from '../app-deps';
import { notFound } from '../app-error';
import type { Ws } from '../db/tenant';
import { isUuid } from '../db/uuid';
import { updateGuide } from './guide-store';

/** Stores a guide's changed fields as its next version (the merged body is validated as a whole). */
export async function editGuide(deps: Pick<AppDeps, 'db'>, ws: Ws, id: string, patch: GuidePatch) {
  if (!isUuid(id)) throw notFound('Guide');
  return updateGuide(deps.db, ws, id, patch);
}
