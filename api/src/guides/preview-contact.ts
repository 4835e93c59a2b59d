import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../db/database';
import { tenant, type Ws } from '../db/tenant';

/**
 * The workspace's own stand-in respondent for guide previews. Interviews with this contact
 * are an admin trying a guide, not a customer: they stay out of KPIs, lists, insights,
 * extraction and webhooks.
 */
export const PREVIEW_CONTACT_EXTERNAL_ID = 'candor-preview';

/**
 * A condition that the contact column (`interviews.contact_id`, `signals.contact_id`, …) is
 * not the workspace's preview contact. Rows with no contact (erased people) still count.
 * The subquery is uncorrelated, so the database looks the preview contact up once.
 */
export function notPreviewContact(ws: Ws, contactColumn: string): RawBuilder<boolean> {
  // Not `is distinct from`: with no preview contact yet the subquery is null, and a row
  // with no contact would compare equal to it and vanish.
  return sql<boolean>`coalesce(${sql.ref(contactColumn)} <> (select pc.id from contacts pc where pc.workspace_id = ${ws.id} and pc.external_id = ${PREVIEW_CONTACT_EXTERNAL_ID}), true)`;
}

/** Whether an interview is a guide preview. */
export async function isPreviewInterview(db: Db, ws: Ws, interviewId: string): Promise<boolean> {
  const row = await tenant(db, ws)
    .selectFrom('interviews')
    .innerJoin('contacts', 'contacts.id', 'interviews.contact_id')
    .select('contacts.external_id')
    .where('interviews.id', '=', interviewId)
    .executeTakeFirst();
  return row?.external_id === PREVIEW_CONTACT_EXTERNAL_ID;
}
