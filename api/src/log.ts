import pino from 'pino';

/**
 * Structured JSON logs. Customer text (messages, names, emails) never goes in at info
 * level: log ids and counts; anything richer belongs at debug.
 */
export function createLogger(level: string) {
  return pino({
    level,
    base: { service: 'candor' },
    redact: { paths: ['*.authorization', '*.cookie', 'headers', 'body', 'text'], remove: true },
  });
}

export type Logger = ReturnType<typeof createLogger>;
