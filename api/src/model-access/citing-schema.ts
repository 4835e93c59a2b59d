import { jsonSchema, type Schema, zodSchema } from 'ai';
import { z } from 'zod';

/** The schema of one field holding a ref of the prompt's evidence (a message, signal, fact, account or meeting). */
export type RefField = z.ZodType<string>;

/**
 * The structured-output schema of a model call whose answer cites refs. The JSON schema
 * sent to the provider lists, as an enum, exactly the refs the prompt shows, so a provider
 * with strict structured output cannot name any other. The answer itself is validated with
 * free-text refs: from a lenient provider one stray ref then costs one claim (the caller
 * resolves every ref and drops what it does not know), not the whole answer.
 */
export function citingSchema<T>(build: (ref: (refs: readonly string[]) => RefField) => z.ZodType<T>): Schema<T> {
  const sent = zodSchema(build(refEnum));
  const accepted = build(() => z.string());
  return jsonSchema<T>(() => sent.jsonSchema, {
    validate: async (value) => {
      const parsed = await accepted.safeParseAsync(value);
      return parsed.success ? { success: true, value: parsed.data } : { success: false, error: parsed.error };
    },
  });
}

/** An enum of refs; a prompt with nothing of that sort to cite offers the single value "none", which resolves to nothing. */
function refEnum(refs: readonly string[]): RefField {
  const unique = [...new Set(refs)];
  return unique.length > 0 ? z.enum(unique as [string, ...string[]]) : z.enum(['none']);
}
