import type { Tenant } from '../db/tenant';

/**
 * A contact's "don't ask me about this again", kept as a skipped invitation with reason
 * `opted_out` and one dedupe key per contact and moment, so it survives contact upserts.
 */
export async function recordMomentOptOut(
  t: Tenant,
  input: {
    contactId: string;
    accountId: string | null;
    guideId: string;
    moment: string;
    interviewId: string | null;
    channel: string;
  },
) {
  await t
    .insertInto('invitations')
    .values({
      guide_id: input.guideId,
      contact_id: input.contactId,
      account_id: input.accountId,
      interview_id: input.interviewId,
      channel: input.channel,
      decision: 'skipped',
      skip_reason: 'opted_out',
      dedupe_key: momentOptOutKey(input.contactId, input.moment),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export function momentOptOutKey(contactId: string, moment: string) {
  return `opt_out:${contactId}:${moment}`;
}

/** Whether the contact opted out of everything or of this moment. */
export async function hasOptedOut(t: Tenant, contactId: string, moment: string): Promise<boolean> {
  const contact = await t
    .selectFrom('contacts')
    .select(['opted_out_at'])
    .where('id', '=', contactId)
    .executeTakeFirst();
  if (contact?.opted_out_at) return true;
  const row = await t
    .selectFrom('invitations')
    .select(['id'])
    .where('dedupe_key', '=', momentOptOutKey(contactId, moment))
    .executeTakeFirst();
  return Boolean(row);
}
