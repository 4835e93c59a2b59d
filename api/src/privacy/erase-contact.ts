import type { AppDeps } from '../app-deps';
import { eraseConnectorActionsCiting } from '../connectors/erase-connector-actions';
import { tenant, type Ws } from '../db/tenant';
import { blankCopiedQuotes, eraseWebhookPayloadsCiting, redactClaimsCiting, rewriteBriefsCiting } from './cited-words';
import { rememberErasure } from './erased-contacts';

export type ErasureResult = {
  id: string;
  erased: true;
  events_deleted: number;
  signals_deleted: number;
  messages_redacted: number;
  briefs_redacted: number;
  webhook_deliveries_redacted: number;
  in_app_messages_deleted: number;
  connector_deliveries_redacted: number;
  interviews_kept: number;
};

/**
 * Erases a person: deletes the contact row (email, name, attributes…), their events and
 * the signals drawn from their interviews (they quote them), and blanks the text of their
 * interview messages, and the in-app messages plays left for them. Interview rows and message rows stay, unlinked, so response and
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
      .select(['id', 'email'])
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
      // A CSM's corrections of those signals hold what the signals said (a stakeholder's name, say).
      await t.deleteFrom('signal_corrections').where('interview_id', 'in', interviewIds).execute();
      // The engine's working state can hold answers too.
      await t.updateTable('interviews').set({ state: {} }).where('id', 'in', interviewIds).execute();
      await blankCopiedQuotes(t, interviewIds);
      // Brief versions are kept as history; the claims resting on this person's words go.
      briefsRedacted = await rewriteBriefsCiting(t, interviewIds, redactClaimsCiting);
    }
    // Webhook payloads name the contact by external id and quote their interviews.
    const deliveriesRedacted = await eraseWebhookPayloadsCiting(t, interviewIds, externalId);
    // Slack cards, CRM tasks and intake field writes quote them too.
    const connectorDeliveriesRedacted = await eraseConnectorActionsCiting(t, interviewIds);
    const events = await t.deleteFrom('events').where('contact_id', '=', contact.id).executeTakeFirst();
    // Deleted here rather than left to the foreign key's cascade, so the result can count them.
    const inAppMessages = await t.deleteFrom('in_app_messages').where('contact_id', '=', contact.id).executeTakeFirst();
    // Interviews, invitations and any remaining rows keep existing with contact_id null (FK on delete set null).
    await t.deleteFrom('contacts').where('id', '=', contact.id).execute();
    // So a CRM sync does not bring the person back; only keyed digests are kept.
    await rememberErasure(deps, t, { email: contact.email, externalId });

    const result: ErasureResult = {
      id: externalId,
      erased: true,
      events_deleted: Number(events.numDeletedRows),
      signals_deleted: Number(signals.numDeletedRows),
      messages_redacted: messagesRedacted,
      briefs_redacted: briefsRedacted,
      webhook_deliveries_redacted: deliveriesRedacted,
      in_app_messages_deleted: Number(inAppMessages.numDeletedRows),
      connector_deliveries_redacted: connectorDeliveriesRedacted,
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
