import { z } from 'zod';
import { batchOf, externalId } from './batch';

export const renewalOutcomes = ['renewed', 'churned', 'contracted', 'expanded'] as const;
export type RenewalOutcome = (typeof renewalOutcomes)[number];

const money = z.number().nonnegative().max(1e12);

/** The outcome a renewal's ARR change implies: what `outcome` must agree with when it is sent. */
export function impliedOutcome(before: number, after: number): RenewalOutcome {
  if (after === 0 && before > 0) return 'churned';
  if (after < before) return 'contracted';
  if (after > before) return 'expanded';
  return 'renewed';
}

/**
 * One renewal period's result in `POST /v1/renewals`: snake_case and flat, so a Segment
 * destination function or a CRM export maps onto it field for field.
 */
export const renewalInput = z
  .strictObject({
    id: externalId.describe('Your id for this renewal (an opportunity or subscription-period id); the upsert key.'),
    account_id: externalId.describe('Your external id of the account (as sent to /v1/accounts).'),
    outcome: z
      .enum(renewalOutcomes)
      .optional()
      .describe('renewed (flat), churned (ARR to 0), contracted or expanded; derived from the amounts when omitted.'),
    date: z.iso.date({ error: 'must be a date as YYYY-MM-DD' }).describe('When the renewal took effect, YYYY-MM-DD.'),
    arr_before: money.describe('ARR at the start of the period, whole currency units (stored as integer cents).'),
    arr_after: money.describe('ARR after the renewal; 0 when the account churned.'),
    plan: z.string().max(100).nullish().describe("Plan or tier; defaults to the account's current plan."),
    owner_email: z
      .email()
      .max(320)
      .nullish()
      .describe("The CSM who owned the account; defaults to the account's current owner."),
  })
  .superRefine((r, ctx) => {
    if (r.outcome && r.outcome !== impliedOutcome(r.arr_before, r.arr_after))
      ctx.addIssue({
        code: 'custom',
        path: ['outcome'],
        message: `does not match the amounts (arr_before ${r.arr_before} → arr_after ${r.arr_after} is ${impliedOutcome(r.arr_before, r.arr_after)})`,
      });
  });
export type RenewalInput = z.infer<typeof renewalInput>;

/** Body of `POST /v1/renewals`. */
export const recordRenewalsBody = z.strictObject({ renewals: batchOf(renewalInput, 'renewals') });

/** Answer of `POST /v1/renewals`. */
export const recordRenewalsResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  renewals: z.array(
    z.object({ id: z.string(), status: z.enum(['created', 'updated']), outcome: z.enum(renewalOutcomes) }),
  ),
});
export type RecordRenewalsResult = z.infer<typeof recordRenewalsResult>;
