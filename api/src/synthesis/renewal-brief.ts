import type { BriefMode, BriefStatus, RenewalBriefContent } from '@candor/shared';
import { sql } from 'kysely';
import type { AppDeps } from '../app-deps';
import { notFound } from '../app-error';
import { tenant, type Ws } from '../db/tenant';
import { modelConfigured } from '../model-access/model-provider';
import { emitBriefReady } from '../webhooks/brief-events';
import { noProgress, type Progress } from './ai/progress';
import { RENEWAL_BRIEF_PROMPT_VERSION, writeRenewalBriefWithModel } from './ai/renewal-brief-ai';
import { SynthesisModelError } from './ai/synthesis-model';
import {
  failedAttemptSince,
  latestBriefVersion,
  provenanceOf,
  type StoredBrief,
  storeBriefVersion,
} from './brief-versions';
import { composeRulesBrief } from './renewal-brief-rules';

export type RenewalBrief = {
  id: string;
  account_id: string;
  version: number;
  status: BriefStatus;
  /** `ai`: written by the synthesis model; `rules`: built deterministically (no model, or it failed). */
  mode: BriefMode;
  created_at: string;
  content: RenewalBriefContent;
  /** The newest generation since this version that produced nothing and so did not replace it. */
  failed_attempt: { version: number; created_at: string; fallback_reason: string | null } | null;
} & ReturnType<typeof provenanceOf>;

/**
 * Builds and stores the next version of an account's renewal brief. With a synthesis
 * model configured the model writes it from the account's signals (map-reduce, every
 * claim resolved to its stored quote); without one, or when the model fails after its
 * retries, the deterministic brief is stored instead, with the reason recorded.
 */
export async function buildRenewalBrief(
  deps: AppDeps,
  ws: Ws,
  accountId: string,
  options: { progress?: Progress; rulesOnly?: boolean } = {},
): Promise<RenewalBrief> {
  const progress = options.progress ?? noProgress;
  const account = await tenant(deps.db, ws)
    .selectFrom('accounts')
    .select(['id', 'name', 'arr_cents', 'renewal_date', 'health_state', 'health_reasons'])
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!account) throw notFound('Account');

  let stored: Parameters<typeof storeBriefVersion<'renewal'>>[2] | undefined;
  let fallbackReason: string | null = null;
  if (modelConfigured(deps.config) && !options.rulesOnly) {
    try {
      const ai = await writeRenewalBriefWithModel(deps, ws, account, progress);
      if (ai)
        stored = {
          kind: 'renewal',
          subjectId: accountId,
          mode: 'ai',
          content: { sections: ai.sections, generated_at: deps.now().toISOString(), signals_used: ai.signalsUsed },
          model: ai.model,
          promptVersion: RENEWAL_BRIEF_PROMPT_VERSION,
          promptTokens: ai.usage.promptTokens,
          completionTokens: ai.usage.completionTokens,
          costMicros: ai.usage.costMicros,
          generation: ai.generation,
        };
    } catch (err) {
      if (!(err instanceof SynthesisModelError)) throw err;
      fallbackReason = err.message;
      deps.log.warn({ accountId, workspaceId: ws.id, reason: err.reason }, 'renewal brief falls back to rules');
    }
  }
  if (!stored) {
    // After a failed model run the bar is already past half way; it never moves back.
    await progress('Building the brief from signals', fallbackReason ? 3 : 1, fallbackReason ? 4 : 2);
    const rules = await composeRulesBrief(deps, ws, account);
    stored = {
      kind: 'renewal',
      subjectId: accountId,
      mode: 'rules',
      content: { ...rules, generated_at: deps.now().toISOString() },
      fallbackReason,
    };
  }
  const { brief: current, created, failedAttempt } = await storeBriefVersion(deps.db, ws, stored);
  if (created) await emitBriefReady(deps, ws, { ...current, kind: 'renewal', accountId });
  else
    deps.log.warn(
      { accountId, workspaceId: ws.id, version: failedAttempt?.version },
      'renewal brief came out empty; the earlier version stays current',
    );
  return toBrief(accountId, current, failedAttempt ? attemptOf(failedAttempt) : null);
}

/** The newest renewal brief of an account, or undefined. */
export async function latestRenewalBrief(deps: AppDeps, ws: Ws, accountId: string): Promise<RenewalBrief | undefined> {
  const row = await latestBriefVersion(deps.db, ws, 'renewal', accountId);
  if (!row) return undefined;
  return toBrief(accountId, row, await failedAttemptSince(deps.db, ws, 'renewal', accountId, row.version));
}

const attemptOf = (row: StoredBrief<'renewal'>) => ({
  version: row.version,
  created_at: row.created_at.toISOString(),
  fallback_reason: row.fallback_reason,
});

function toBrief(
  accountId: string,
  row: StoredBrief<'renewal'>,
  failedAttempt: RenewalBrief['failed_attempt'],
): RenewalBrief {
  return {
    id: row.id,
    account_id: accountId,
    version: row.version,
    status: row.status,
    mode: row.mode,
    created_at: row.created_at.toISOString(),
    content: row.content,
    failed_attempt: failedAttempt,
    ...provenanceOf(row),
  };
}

/**
 * The daily pass: a fresh brief for every account whose renewal is 60 days away (or
 * closer, if the pass was missed) and that has no brief from the last 30 days.
 */
export async function buildDueRenewalBriefs(
  deps: AppDeps,
  only?: Ws,
  options: { rulesOnly?: boolean } = {},
): Promise<number> {
  const now = deps.now();
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  let due = deps.db
    .selectFrom('accounts')
    .select(['accounts.id', 'accounts.workspace_id'])
    .where('accounts.renewal_date', '>=', day(0))
    .where('accounts.renewal_date', '<=', day(60))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('briefs')
            .select('briefs.id')
            .whereRef('briefs.workspace_id', '=', 'accounts.workspace_id')
            .where('briefs.kind', '=', 'renewal')
            .where('briefs.status', '=', 'ready')
            .where(sql<string>`briefs.subject_id`, '=', sql<string>`accounts.id::text`)
            .where('briefs.created_at', '>', new Date(now.getTime() - 30 * 86_400_000)),
        ),
      ),
    );
  if (only) due = due.where('accounts.workspace_id', '=', only.id);
  const accounts = await due.execute();
  for (const account of accounts) await buildRenewalBrief(deps, { id: account.workspace_id }, account.id, options);
  return accounts.length;
}
