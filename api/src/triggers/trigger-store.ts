import { type TriggerInput, type TriggerPatch, triggerInputSchema } from '@candor/shared';
import { AppError, describeZodError, notFound } from '../app-error';
import type { Db } from '../db/database';
import { tenant, type Ws } from '../db/tenant';

/** A trigger as the API shows it. */
export type Trigger = TriggerInput & { id: string; created_at: string; updated_at: string };

type Row = {
  id: string;
  name: string;
  guide_id: string;
  enabled: boolean;
  rule: unknown;
  created_at: Date;
  updated_at: Date;
};

function toTrigger(row: Row): Trigger {
  const rule = row.rule as Pick<TriggerInput, 'when' | 'who' | 'how' | 'throttle'> & {
    do?: TriggerInput['do'];
    holdout_percent?: number;
    plans?: string[];
  };
  return {
    id: row.id,
    name: row.name,
    guide_id: row.guide_id,
    enabled: row.enabled,
    when: rule.when,
    who: rule.who,
    how: rule.how,
    throttle: rule.throttle ?? {},
    do: rule.do ?? [{ type: 'invite' }],
    // Rules stored before holdouts existed keep contacting everyone they did.
    holdout_percent: rule.holdout_percent ?? 0,
    ...(rule.plans ? { plans: rule.plans } : {}),
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

const columns = ['id', 'name', 'guide_id', 'enabled', 'rule', 'created_at', 'updated_at'] as const;

async function assertGuide(db: Db, ws: Ws, guideId: string) {
  const guide = await tenant(db, ws).selectFrom('guides').select('id').where('id', '=', guideId).executeTakeFirst();
  if (!guide) throw new AppError('invalid_request', `guide_id: no guide ${guideId} in this workspace`);
}

/** A webhook step must name one of this workspace's endpoints; the message names the step. */
async function assertSteps(db: Db, ws: Ws, steps: TriggerInput['do']) {
  const problems: string[] = [];
  for (const [i, step] of steps.entries()) {
    if (step.type !== 'webhook') continue;
    const endpoint = await tenant(db, ws)
      .selectFrom('webhook_endpoints')
      .select('id')
      .where('id', '=', step.endpoint_id)
      .executeTakeFirst();
    if (!endpoint) problems.push(`do.${i}.endpoint_id: no webhook endpoint ${step.endpoint_id} in this workspace`);
  }
  if (problems.length) throw new AppError('invalid_request', problems.join('; '));
}

/** The stored rule: everything but the columns of its own. */
function ruleOf(input: TriggerInput) {
  return {
    when: input.when,
    who: input.who,
    how: input.how,
    throttle: input.throttle,
    holdout_percent: input.holdout_percent,
    do: input.do,
    ...(input.plans ? { plans: input.plans } : {}),
  };
}

/** Lists the workspace's trigger rules, newest first. */
export async function listTriggers(db: Db, ws: Ws, filter: { enabled?: boolean } = {}): Promise<Trigger[]> {
  let q = tenant(db, ws).selectFrom('triggers').select(columns).orderBy('created_at', 'desc');
  if (filter.enabled !== undefined) q = q.where('enabled', '=', filter.enabled);
  return (await q.execute()).map(toTrigger);
}

/** One trigger rule, or a 404. */
export async function getTrigger(db: Db, ws: Ws, id: string): Promise<Trigger> {
  const row = await tenant(db, ws).selectFrom('triggers').select(columns).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Trigger');
  return toTrigger(row);
}

/** Creates a trigger rule for one of the workspace's guides. */
export async function createTrigger(db: Db, ws: Ws, input: TriggerInput): Promise<Trigger> {
  await assertGuide(db, ws, input.guide_id);
  await assertSteps(db, ws, input.do);
  const row = await tenant(db, ws)
    .insertInto('triggers')
    .values({
      name: input.name,
      guide_id: input.guide_id,
      enabled: input.enabled,
      rule: ruleOf(input),
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
  return toTrigger(row);
}

/** Applies a partial change; the merged rule is validated as a whole before anything is written. */
export async function updateTrigger(db: Db, ws: Ws, id: string, patch: TriggerPatch): Promise<Trigger> {
  const current = await getTrigger(db, ws, id);
  const { id: _id, created_at: _c, updated_at: _u, ...rule } = current;
  const { plans, ...rest } = { ...rule, ...patch };
  // `plans: null` in a patch removes the plan condition.
  const parsed = triggerInputSchema.safeParse(plans === null ? rest : { ...rest, plans });
  if (!parsed.success) throw new AppError('invalid_request', describeZodError(parsed.error));
  const merged = parsed.data;
  if (patch.guide_id) await assertGuide(db, ws, patch.guide_id);
  if (patch.do) await assertSteps(db, ws, merged.do);
  const row = await tenant(db, ws)
    .updateTable('triggers')
    .set({
      name: merged.name,
      guide_id: merged.guide_id,
      enabled: merged.enabled,
      rule: ruleOf(merged),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returning(columns)
    .executeTakeFirstOrThrow();
  return toTrigger(row);
}

/** Deletes a trigger rule; invitations it made keep their history. */
export async function deleteTrigger(db: Db, ws: Ws, id: string): Promise<void> {
  const res = await tenant(db, ws).deleteFrom('triggers').where('id', '=', id).executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw notFound('Trigger');
}
