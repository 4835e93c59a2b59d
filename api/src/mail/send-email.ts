import { Resend } from 'resend';
import type { AppDeps } from '../app-deps';
import type { Db } from '../db/database';

/** Attempts before an email is recorded as failed. */
export const MAX_EMAIL_ATTEMPTS = 4;

export type OutgoingEmail = {
  workspaceId: string;
  kind: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
  /** Not before this time (quiet hours); default now. */
  sendAt?: Date;
};

/**
 * Records an email and queues its delivery. Every email lands in `outbox_emails` first,
 * so the table is the log of all mail; without RESEND_API_KEY it *is* the local outbox.
 */
export async function queueEmail(deps: AppDeps, email: OutgoingEmail, db: Db = deps.db): Promise<string> {
  const transport = deps.config.mail.resendApiKey ? 'resend' : 'outbox';
  const row = await db
    .insertInto('outbox_emails')
    .values({
      workspace_id: email.workspaceId,
      kind: email.kind,
      to_address: email.to,
      from_address: deps.config.mail.from,
      subject: email.subject,
      html: email.html,
      text: email.text,
      headers: email.headers ?? {},
      transport,
      status: transport === 'resend' ? 'queued' : 'stored',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (transport === 'resend') {
    await deps.jobs.send('send-email', { emailId: row.id }, email.sendAt ? { startAfter: email.sendAt } : undefined);
  }
  return row.id;
}

/**
 * Delivers one queued email through Resend. A failed attempt is retried with exponential
 * backoff; after MAX_EMAIL_ATTEMPTS it is recorded as failed with the provider's error.
 */
export async function deliverEmail(deps: AppDeps, emailId: string): Promise<void> {
  const email = await deps.db
    .updateTable('outbox_emails')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', emailId)
    .where('status', '=', 'queued')
    .returningAll()
    .executeTakeFirst();
  if (!email || !deps.config.mail.resendApiKey) return; // already sent, or nothing to send with
  const resend = new Resend(deps.config.mail.resendApiKey);
  let error: string | undefined;
  let providerId: string | undefined;
  try {
    const res = await resend.emails.send(
      {
        from: email.from_address,
        to: email.to_address,
        subject: email.subject,
        html: email.html,
        text: email.text,
        headers: email.headers,
      },
      { idempotencyKey: `candor-email-${email.id}` },
    );
    if (res.error) error = `${res.error.name}: ${res.error.message}`;
    else providerId = res.data?.id;
  } catch (err) {
    error = (err as Error).message;
  }
  if (!error) {
    await deps.db
      .updateTable('outbox_emails')
      .set({ status: 'sent', provider_id: providerId ?? null, sent_at: deps.now(), last_error: null })
      .where('id', '=', email.id)
      .execute();
    return;
  }
  const final = email.attempts >= MAX_EMAIL_ATTEMPTS;
  await deps.db
    .updateTable('outbox_emails')
    .set({ status: final ? 'failed' : 'queued', last_error: error.slice(0, 500) })
    .where('id', '=', email.id)
    .execute();
  deps.log.warn({ emailId: email.id, attempt: email.attempts, final }, 'email delivery failed');
  if (!final) {
    const delay = deps.config.mail.retryBaseMs * 2 ** (email.attempts - 1);
    await deps.jobs.send('send-email', { emailId: email.id }, { startAfter: new Date(Date.now() + delay) });
  }
}
