import { z } from 'zod';

/**
 * Every error code the API answers with, in `{ error: { code, message } }`. The set is closed
 * so clients can switch on it; the HTTP status of each is decided at the edge
 * (api/src/http/errors.ts), never by the code that finds the problem.
 */
export const errorCodeSchema = z.enum([
  // Bad input.
  'invalid_request',
  'invalid_json',
  'invalid_text',
  'json_too_deep',
  'invalid_items',
  'invalid_rating',
  'rating_not_expected',
  'not_an_invite',
  'bad_request',
  'payload_too_large',
  'unsupported_media_type',
  // Who is asking.
  'unauthorized',
  'forbidden',
  // What is asked for.
  'not_found',
  'method_not_allowed',
  'contact_erased',
  'interview_expired',
  // The state does not allow it.
  'already_member',
  'last_admin',
  'guide_archived',
  'opted_out',
  'interview_busy',
  'interview_closed',
  'idempotency_key_in_use',
  'idempotency_key_reused',
  'target_not_empty',
  // Too much, or our side.
  'rate_limited',
  'http_error',
  'internal',
]);

export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** One problem with one item of a batch (`index` null when it is about the whole body). */
export const errorItemSchema = z.object({ index: z.number().int().nullable(), field: z.string(), message: z.string() });
export type ErrorItem = z.infer<typeof errorItemSchema>;
