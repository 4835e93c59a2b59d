import { z } from 'zod';

/**
 * Every background job: its queue name and the schema of its payload. Features add
 * their jobs here so that producers and handlers agree on one definition.
 */
export const jobCatalog = {
  /** Smoke job used by readiness checks and tests: proves a queue round-trip works. */
  ping: z.object({ token: z.string() }),
  /** Delivers one queued email through Resend (outbox_emails row). */
  'send-email': z.object({ emailId: z.uuid() }),
} as const;

export type JobName = keyof typeof jobCatalog;
export type JobPayload<N extends JobName> = z.infer<(typeof jobCatalog)[N]>;
