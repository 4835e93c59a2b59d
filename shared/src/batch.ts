import { z } from 'zod';

/** The most items one batch call (`/v1/accounts`, `/v1/contacts`, `/v1/events`, Segment `batch`) may carry. */
export const MAX_BATCH_ITEMS = 1000;

/** The customer's own id for an account or contact: opaque, case-sensitive, kept exactly as sent. */
export const externalId = z
  .string()
  .min(1, { error: 'must not be empty' })
  .max(255, { error: 'must be at most 255 characters' })
  .refine((v) => v.trim() === v, { error: 'must not start or end with whitespace' });

/** Free-form JSON attributes; merged key by key into what is stored. */
export const attributes = z.record(z.string().max(200), z.unknown());

/** A list of 1..1000 items, with a message that says what to do when it is too long. */
export function batchOf<T extends z.ZodType>(item: T, noun: string) {
  return z
    .array(item)
    .min(1, { error: `send at least one ${noun.replace(/s$/, '')}` })
    .max(MAX_BATCH_ITEMS, { error: `send at most ${MAX_BATCH_ITEMS} ${noun} per request; split the batch` });
}

/** The IANA name for a time zone the runtime knows (`europe/paris` → `Europe/Paris`), or undefined. */
export function canonicalTimeZone(value: string): string | undefined {
  // Offsets such as "+02:00" are accepted by Intl but are not IANA zones.
  if (!/^[A-Za-z]/.test(value)) return undefined;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** True for well-formed BCP 47 language tags (`en`, `fr-CA`). */
export function isLocale(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}
