import { sql } from 'kysely';
import type { AppDeps } from '../app-deps';
import { type Tenant, tenant, type Ws } from '../db/tenant';
import { eraseWebhookPayloadsCiting, redactClaimsCiting, rewriteBriefsCiting } from '../retention/cited-words';

export type ErasureResult = {
  id: string;
  erased: true;
  events_deleted: number;
  signals_deleted: number;
  messages_redacted: number;
  briefs_redacted: number;
  webhook_deliveries_redacted: number;
  interviews_kept: number;
};

/**
 * Erases a person: deletes the contact row (email, name, attributes…), their events and
 * the signals drawn from their interviews (they quote them), and blanks the text of their
 * interview messages. Interview rows and message rows stay, unlinked, so response and
 * completion counts still add up. Writes an audit_log row. Undefined when no such contact.
 */
export async function eraseContact(
  deps: AppDeps,
  ws: Ws,
  externalId: string,
  actor: string,
): Promise<ErasureResult | undefined> {
  return deps.db.transaction().execute(async (trx) => {
    const t = tenant(trx, ws);
    const contact = await t
      .selectFrom('contacts')
      .select('id')
      .where('external_id', '=', externalId)
      .forUpdate()
      .executeTakeFirst();
    if (!contact) return undefined;
    const interviewIds = (
      await t.selectFrom('interviews').select('id').where('contact_id', '=', contact.id).execute()
    ).map((i) => i.id);

    const signals = await t
      .deleteFrom('signals')
      .where((eb) =>
        interviewIds.length > 0
          ? eb.or([eb('contact_id', '=', contact.id), eb('interview_id', 'in', interviewIds)])
          : eb('contact_id', '=', contact.id),
      )
      .executeTakeFirst();
    let messagesRedacted = 0;
    let briefsRedacted = 0;
    if (interviewIds.length > 0) {
      const messages = await t
        .updateTable('messages')
        .set({ text: '', client_id: null })
        .where('interview_id', 'in', interviewIds)
        .executeTakeFirst();
      messagesRedacted = Number(messages.numUpdatedRows);
      // The engine's working state can hold answers too.
      await t.updateTable('interviews').set({ state: {} }).where('id', 'in', interviewIds).execute();
      await blankCopiedQuotes(t, interviewIds);
      // Brief versions are kept as history; the claims resting on this person's words go.
      briefsRedacted = await rewriteBriefsCiting(t, interviewIds, redactClaimsCiting);
    }
    // Webhook payloads name the contact by external id and quote their interviews.
    const deliveriesRedacted = await eraseWebhookPayloadsCiting(t, interviewIds, externalId);
    const events = await t.deleteFrom('events').where('contact_id', '=', contact.id).executeTakeFirst();
    // Interviews, invitations and any remaining rows keep existing with contact_id null (FK on delete set null).
    await t.deleteFrom('contacts').where('id', '=', contact.id).execute();

    const result: ErasureResult = {
      id: externalId,
      erased: true,
      events_deleted: Number(events.numDeletedRows),
      signals_deleted: Number(signals.numDeletedRows),
      messages_redacted: messagesRedacted,
      briefs_redacted: briefsRedacted,
      webhook_deliveries_redacted: deliveriesRedacted,
      interviews_kept: interviewIds.length,
    };
    // The external id may itself be personal (often an email), so the log names the internal id only.
    const { id: _external, ...counts } = result;
    await trx
      .insertInto('audit_log')
      .values({ workspace_id: ws.id, actor, action: 'contact.erased', target: contact.id, details: counts })
      .execute();
    return result;
  });
}

/**
 * Synthesis copies quotes next to their evidence ids (review items, account health reasons);
 * blank the ones taken from these interviews so the words don't outlive the person.
 */
export async function blankCopiedQuotes(t: Tenant, interviewIds: string[]) {
  const ids = sql.join(interviewIds);
  await t
    .updateTable('review_items')
    .set({
      evidence: sql`(select coalesce(jsonb_agg(case when e.v->>'interview_id' in (${ids}) then jsonb_set(e.v, '{quote}', '""') else e.v end order by e.i), '[]'::jsonb) from jsonb_array_elements(review_items.evidence) with ordinality as e(v, i))`,
    })
    .where(
      sql<boolean>`exists (select 1 from jsonb_array_elements(review_items.evidence) e where e->>'interview_id' in (${ids}))`,
    )
    .execute();
  await t
    .updateTable('accounts')
    .set({
      health_reasons: sql`(select coalesce(jsonb_agg(case when r.v->'evidence'->>'interview_id' in (${ids}) then jsonb_set(r.v, '{evidence,quote}', '""') else r.v end order by r.i), '[]'::jsonb) from jsonb_array_elements(accounts.health_reasons) with ordinality as r(v, i))`,
    })
    .where(
      sql<boolean>`exists (select 1 from jsonb_array_elements(accounts.health_reasons) r where r->'evidence'->>'interview_id' in (${ids}))`,
    )
    .execute();
  // Cached account digests paraphrase what was said: drop those of the accounts concerned (rebuilt on next use).
  const accounts = await t.selectFrom('interviews').select('account_id').where('id', 'in', interviewIds).execute();
  const accountIds = [...new Set(accounts.flatMap((a) => (a.account_id ? [a.account_id] : [])))];
  if (accountIds.length > 0) await t.deleteFrom('synthesis_digests').where('account_id', 'in', accountIds).execute();
}
