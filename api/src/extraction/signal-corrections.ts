import { type SignalKind, type SignalValue, signalValueSchemas } from '@candor/shared';
import type { CorrectionBody } from '@candor/shared/console';
import type { AppDeps } from '../app-deps';
import { AppError, notFound } from '../app-error';
import type { Executor } from '../db/tenant';
import { tenant, type Ws } from '../db/tenant';
import { isUuid } from '../db/uuid';
import { recomputeHealth } from '../synthesis/account-health';
import { scheduleBriefRefresh } from '../synthesis/brief-refresh';
import { memberActor, recordAudit } from '../workspaces/audit';

/**
 * Applies a CSM's correction to a signal of this workspace: a change rewrites its kind and
 * value (and marks it corrected, so re-extraction keeps it); a dismissal removes it. Both
 * are recorded per kind and audited, and flow on at once: the account's health is
 * recomputed, its cached digest dropped and its renewal brief refresh queued.
 */
export async function correctSignal(
  deps: AppDeps,
  ws: Ws,
  memberId: string,
  signalId: string,
  body: CorrectionBody,
): Promise<{ id: string; kind: SignalKind; value: SignalValue } | null> {
  if (!isUuid(signalId)) throw notFound('Signal');
  let value: SignalValue | undefined;
  if (body.action === 'change') {
    const parsed = signalValueSchemas[body.kind].safeParse(body.value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new AppError('invalid_request', `value.${issue.path.join('.')}: ${issue.message}`);
    }
    value = parsed.data;
  }
  const result = await deps.db.transaction().execute(async (trx) => {
    const t = tenant(trx, ws);
    const signal = await t
      .selectFrom('signals')
      .select(['id', 'interview_id', 'account_id', 'message_id', 'kind', 'value', 'source'])
      .where('id', '=', signalId)
      .forUpdate()
      .executeTakeFirst();
    if (!signal) throw notFound('Signal');
    await t
      .insertInto('signal_corrections')
      .values({
        interview_id: signal.interview_id,
        signal_id: signal.id,
        message_id: signal.message_id,
        action: body.action,
        from_kind: signal.kind,
        from_value: signal.value,
        to_kind: body.action === 'change' ? body.kind : null,
        to_value: value ?? null,
        from_source: signal.source,
        member_id: memberId,
      })
      .execute();
    if (body.action === 'dismiss') await t.deleteFrom('signals').where('id', '=', signal.id).execute();
    else
      await t
        .updateTable('signals')
        .set({ kind: body.kind, value: value!, corrected_at: deps.now() })
        .where('id', '=', signal.id)
        .execute();
    await recordAudit(
      deps,
      ws,
      {
        actor: memberActor(memberId),
        action: `signal.${body.action}`,
        target: signal.id,
        details: { from_kind: signal.kind, ...(body.action === 'change' ? { to_kind: body.kind } : {}) },
      },
      trx,
    );
    if (signal.account_id)
      // The digest cache is keyed by signal ids: a changed value must not be read from it.
      await t.deleteFrom('synthesis_digests').where('account_id', '=', signal.account_id).execute();
    return { accountId: signal.account_id };
  });
  if (result.accountId) {
    await recomputeHealth(deps, ws, result.accountId);
    await scheduleBriefRefresh(deps, ws, result.accountId);
  }
  return body.action === 'change' ? { id: signalId, kind: body.kind, value: value! } : null;
}

/**
 * What re-extraction must not undo: for each customer message, the kinds a CSM has ruled on
 * (changed away from, dismissed, or set), so no new signal of that kind is written there.
 */
export async function correctedKinds(db: Executor, ws: Ws, interviewId: string): Promise<Set<string>> {
  const t = tenant(db, ws);
  const [corrections, kept] = await Promise.all([
    t
      .selectFrom('signal_corrections')
      .select(['message_id', 'from_kind', 'to_kind'])
      .where('interview_id', '=', interviewId)
      .execute(),
    t
      .selectFrom('signals')
      .select(['message_id', 'kind'])
      .where('interview_id', '=', interviewId)
      .where('corrected_at', 'is not', null)
      .execute(),
  ]);
  return new Set([
    ...corrections.flatMap((c) => [
      `${c.message_id}:${c.from_kind}`,
      ...(c.to_kind ? [`${c.message_id}:${c.to_kind}`] : []),
    ]),
    ...kept.map((k) => `${k.message_id}:${k.kind}`),
  ]);
}

/** How many signals CSMs changed and dismissed, per kind the extraction gave them: the next labelled data. */
export async function correctionCounts(deps: Pick<AppDeps, 'db'>, ws: Ws) {
  const rows = await tenant(deps.db, ws)
    .selectFrom('signal_corrections')
    .select(['from_kind', 'action', 'from_source', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy(['from_kind', 'action', 'from_source'])
    .execute();
  const byKind = new Map<
    string,
    { kind: string; changed: number; dismissed: number; from_rules: number; from_ai: number }
  >();
  for (const r of rows) {
    const entry = byKind.get(r.from_kind) ?? { kind: r.from_kind, changed: 0, dismissed: 0, from_rules: 0, from_ai: 0 };
    const n = Number(r.n);
    if (r.action === 'change') entry.changed += n;
    else entry.dismissed += n;
    if (r.from_source === 'ai') entry.from_ai += n;
    else entry.from_rules += n;
    byKind.set(r.from_kind, entry);
  }
  return [...byKind.values()].sort((a, b) => b.changed + b.dismissed - (a.changed + a.dismissed));
}
