import { type InterviewLanguage, interviewLanguageSchema } from '@candor/shared';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { AppError, describeZodError } from '../app-error';
import type { Ws } from '../db/tenant';
import { modelConfigured } from '../model-access/model-provider';
import { recordAudit } from './audit';

/** Retention periods an admin can choose for transcripts (days); null keeps them. */
export const retentionChoices = [90, 180, 365, 730] as const;

export const workspaceSettingsPatch = z
  .strictObject({
    interviewer_mode: z.enum(['ai', 'scripted']).optional(),
    // null keeps transcripts.
    retention_days: z.literal(retentionChoices).nullable().optional(),
    identity_verification: z.boolean().optional(),
    /** The interview language when neither the contact's locale nor their browser names one. */
    default_language: interviewLanguageSchema.optional(),
  })
  .refine((p) => Object.keys(p).length > 0, { message: 'send at least one setting to change' });

export type WorkspaceSettings = {
  interviewer_mode: 'ai' | 'scripted';
  retention_days: number | null;
  identity_verification: boolean;
  default_language: InterviewLanguage;
};

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

/** Validates and applies a settings change; a bad body is a 400 and nothing changes. Audited with before → after. */
export async function updateWorkspaceSettings(
  deps: Pick<AppDeps, 'db' | 'log'>,
  ws: Ws,
  actor: string,
  input: unknown,
): Promise<WorkspaceSettings> {
  const parsed = workspaceSettingsPatch.safeParse(input);
  if (!parsed.success) throw new AppError('invalid_request', describeZodError(parsed.error));
  const patch = parsed.data as Partial<WorkspaceSettings>;
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
      (Object.keys(patch) as (keyof WorkspaceSettings)[])
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
