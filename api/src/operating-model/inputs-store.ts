import { type OperatingModelInputs, operatingModelInputsSchema } from '@candor/shared';
import { sql } from 'kysely';
import { AppError, describeZodError } from '../app-error';
import type { Tenant } from '../db/tenant';

/** The workspace's saved inputs, defaults filled in (a stored document that no longer parses falls back to defaults). */
export async function loadInputs(t: Tenant): Promise<OperatingModelInputs> {
  const row = await t.selectFrom('operating_model_inputs').select('inputs').executeTakeFirst();
  const parsed = operatingModelInputsSchema.safeParse(row?.inputs ?? {});
  return parsed.success ? parsed.data : operatingModelInputsSchema.parse({});
}

/** Validates and saves the whole inputs document (omitted sections take their defaults). */
export async function saveInputs(t: Tenant, body: unknown): Promise<OperatingModelInputs> {
  const parsed = operatingModelInputsSchema.safeParse(body);
  if (!parsed.success) throw new AppError('invalid_request', describeZodError(parsed.error));
  await t
    .insertInto('operating_model_inputs')
    .values({ inputs: parsed.data })
    .onConflict((oc) =>
      oc.column('workspace_id').doUpdateSet({ inputs: sql.ref('excluded.inputs'), updated_at: sql`now()` }),
    )
    .execute();
  return parsed.data;
}
