import pino from 'pino';

/**
 * Structured JSON logs. Customer text (messages, names, emails) never goes in at info
 * level: log ids and counts; anything richer belongs at debug. Errors, at every level,
 * keep only fields that cannot carry customer text (see `safeError`).
 */
export function createLogger(level: string, destination?: pino.DestinationStream) {
  return pino(
    {
      level,
      base: { service: 'candor' },
      redact: { paths: ['*.authorization', '*.cookie', 'headers', 'body', 'text'], remove: true },
      serializers: { err: safeError },
    },
    destination,
  );
}

export type Logger = ReturnType<typeof createLogger>;

/**
 * What of an error may be logged. Database errors carry the statement's parameters
 * (PGlite's `params`, postgres.js's `parameters`), a `detail` such as "Key (email)=(…)" or
 * "Failing row contains (…)", and messages that quote input ('invalid input syntax for
 * type uuid: "…"'); other errors' messages quote it too (`JSON.parse`). So: the kind, the
 * SQLSTATE and constraint names, and where in the code — never a message, detail or value.
 */
export function safeError(err: unknown): unknown {
  if (!(err instanceof Error)) return { type: typeof err };
  const e = err as Error & Record<string, unknown>;
  const pick = (...keys: string[]) => keys.map((k) => e[k]).find((v) => typeof v === 'string' && v !== '');
  const out: Record<string, unknown> = { type: e.name };
  const fields = {
    code: pick('code'),
    constraint: pick('constraint', 'constraint_name'),
    table: pick('table', 'table_name'),
    column: pick('column', 'column_name'),
    routine: pick('routine'),
    status: typeof e.statusCode === 'number' ? e.statusCode : typeof e.status === 'number' ? e.status : undefined,
  };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key] = value;
  // Frames only: the stack's first line repeats the message.
  const frames = e.stack?.split('\n').filter((line) => /^\s+at /.test(line));
  if (frames?.length) out.stack = frames.join('\n');
  if (e.cause instanceof Error) out.cause = safeError(e.cause);
  return out;
}
