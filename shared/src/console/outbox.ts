import { z } from 'zod';
import { roleSchema } from './common';

/** One email in the outbox list; sign-in, interview and unsubscribe links in the subject come redacted. */
export const outboxRowSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    to_address: z.string(),
    subject: z.string(),
    status: z.string(),
    created_at: z.string(),
  })
  .meta({ id: 'OutboxRow' });

/** One email as its recipient would see it, secret links redacted (`redacted_links` of them). */
export const outboxEmailSchema = outboxRowSchema
  .extend({ from_address: z.string(), html: z.string(), text: z.string(), redacted_links: z.number().int() })
  .meta({ id: 'OutboxEmail' });

/** A fresh sign-in link from "Resend invite", shown once to the admin who asked. */
export const resentInviteSchema = z
  .object({ id: z.string(), email: z.string(), role: roleSchema, url: z.string() })
  .meta({ id: 'ResentInvite' });
