import type { ChangedWorkspaceSettings, WorkspaceSettingsPatch } from '@candor/shared/console';
import type { AppDeps } from '../app-deps';
import type { Ws } from '../db/tenant';
import { modelConfigured } from '../model-access/model-provider';
import { recordAudit } from './audit';

/** The workspace's own settings (what the Settings page edits). */
export async function readWorkspaceSettings(db: AppDeps['db'], ws: Ws) {
  return db
    .selectFrom('workspaces')
    .select([
      'id',
      'name',
      'timezone',
      'identity_verification',
      'interviewer_mode',
      'retention_days',
      'default_language',
    ])
    .where('id', '=', ws.id)
    .executeTakeFirstOrThrow();
}

/** Applies a settings change (validated at the edge). Audited with before → after. */
export async function updateWorkspaceSettings(
  deps: Pick<AppDeps, 'db' | 'log'>,
  ws: Ws,
  actor: string,
  patch: WorkspaceSettingsPatch,
): Promise<ChangedWorkspaceSettings> {
  return deps.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('workspaces')
      .select(['interviewer_mode', 'retention_days', 'identity_verification', 'default_language'])
      .where('id', '=', ws.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const after = await trx
      .updateTable('workspaces')
      .set(patch)
      .where('id', '=', ws.id)
      .returning(['interviewer_mode', 'retention_days', 'identity_verification', 'default_language'])
      .executeTakeFirstOrThrow();
    const changed = Object.fromEntries(
      (Object.keys(patch) as (keyof ChangedWorkspaceSettings)[])
        .filter((k) => before[k] !== after[k])
        .map((k) => [k, { from: before[k], to: after[k] }]),
    );
    if (Object.keys(changed).length > 0)
      await recordAudit(deps, ws, { actor, action: 'settings.updated', details: changed }, trx);
    return after;
  });
}

/**
 * Whether this workspace's interviews are answered by the AI interviewer: a model must be
 * configured and the workspace must not have chosen the scripted interviewer.
 */
export async function aiInterviewerEnabled(deps: Pick<AppDeps, 'db' | 'config'>, ws: Ws): Promise<boolean> {
  if (!modelConfigured(deps.config)) return false;
  const row = await deps.db
    .selectFrom('workspaces')
    .select('interviewer_mode')
    .where('id', '=', ws.id)
    .executeTakeFirst();
  return usesAiInterviewer(deps.config, row?.interviewer_mode);
}

/** The same decision for a caller that has already read the workspace's `interviewer_mode`. */
export function usesAiInterviewer(config: AppDeps['config'], interviewerMode: string | undefined): boolean {
  return modelConfigured(config) && interviewerMode !== 'scripted';
}
