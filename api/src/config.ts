import path from 'node:path';
import { z } from 'zod';

/** Environment, parsed once at start. The only reader of process.env in the product. */
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const optionalUrl = (protocols: RegExp, hint: string) =>
  optionalString.refine((v) => v === undefined || (URL.canParse(v) && protocols.test(new URL(v).protocol)), {
    message: `must be ${hint}`,
  });

/** Every rate limit by name: how many requests (`points`) per window (`seconds`), and what it counts. */
export const rateLimitDefaults = {
  /** Widget identify/track/start/messages per client address. */
  widget_address: { points: 300, seconds: 60 },
  /** Widget identify/track/start/messages per workspace (its publishable key is public). */
  widget_key: { points: 3000, seconds: 60 },
  /** Sign-in links (member invites) sent to one email address. */
  login_link_recipient: { points: 5, seconds: 3600 },
  /** Sign-in links (member invites) requested from one client address. */
  login_link_address: { points: 30, seconds: 3600 },
  /** Server API writes (POST/PUT/PATCH/DELETE) per secret key. */
  api_writes_key: { points: 1200, seconds: 60 },
} as const;

export type RateLimitName = keyof typeof rateLimitDefaults;
export type RateLimit = { points: number; seconds: number };

const rateLimitSchema = z.strictObject({
  points: z.number().int().min(1).max(1_000_000_000),
  seconds: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 3600),
});

const jsonString = optionalString.transform((v, ctx) => {
  if (v === undefined) return undefined;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be JSON' });
    return z.NEVER;
  }
});

const schema = z.object({
  PORT: optionalString
    .transform((v) => (v === undefined ? 3000 : Number(v)))
    .refine((n) => Number.isInteger(n) && n >= 0 && n <= 65535, { message: 'must be a whole number from 0 to 65535' }),
  DATABASE_URL: optionalUrl(/^postgres(ql)?:$/, 'a postgres:// URL'),
  CANDOR_DATA_DIR: optionalString.transform((v) => path.resolve(process.env.INIT_CWD ?? process.cwd(), v ?? '.candor')),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalUrl(/^https?:$/, 'an http(s) URL'),
  CANDOR_INTERVIEW_MODEL: optionalString.transform((v) => v ?? 'gpt-4.1-mini'),
  CANDOR_SYNTHESIS_MODEL: optionalString.transform((v) => v ?? 'gpt-4.1'),
  CANDOR_MODEL_PRICES: optionalString
    .transform((v, ctx) => {
      if (v === undefined) return {};
      try {
        return JSON.parse(v) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be JSON' });
        return z.NEVER;
      }
    })
    .pipe(
      z.record(z.string(), z.object({ input: z.number().min(0), output: z.number().min(0) }), {
        error: 'must be {"<model>": {"input": <USD per 1M tokens>, "output": <USD per 1M tokens>}}',
      }),
    ),
  RESEND_API_KEY: optionalString,
  CANDOR_EMAIL_FROM: optionalString.transform((v) => v ?? 'Candor <interviews@candor.localhost>'),
  CANDOR_PUBLIC_URL: optionalUrl(/^https?:$/, 'an http(s) URL'),
  CANDOR_SECRET: optionalString.refine((v) => v === undefined || v.length >= 32, {
    message: 'must be at least 32 characters',
  }),
  CANDOR_SECRET_PREVIOUS: optionalString.refine((v) => v === undefined || v.length >= 32, {
    message: 'must be at least 32 characters',
  }),
  CANDOR_RATE_LIMITS: jsonString.pipe(
    z
      .strictObject(
        Object.fromEntries(Object.keys(rateLimitDefaults).map((name) => [name, rateLimitSchema.optional()])) as Record<
          RateLimitName,
          z.ZodOptional<typeof rateLimitSchema>
        >,
        {
          error: `must be {"<limit>": {"points": <requests>, "seconds": <window>}} with limits among ${Object.keys(rateLimitDefaults).join(', ')}`,
        },
      )
      .optional(),
  ),
  CANDOR_TRUST_PROXY: optionalString
    .transform((v) => (v === undefined ? 0 : Number(v)))
    .refine((n) => Number.isInteger(n) && n >= 0 && n <= 10, {
      message: 'must be the number of proxies in front of Candor, 0 to 10',
    }),
  LOG_LEVEL: optionalString.pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional()),
  CANDOR_MODEL_FIRST_TOKEN_MS: optionalString
    .transform((v) => (v === undefined ? 5_000 : Number(v)))
    .refine((n) => Number.isInteger(n) && n > 0, { message: 'must be a positive whole number of milliseconds' }),
  CANDOR_MODEL_TURN_MS: optionalString
    .transform((v) => (v === undefined ? 10_000 : Number(v)))
    .refine((n) => Number.isInteger(n) && n > 0, { message: 'must be a positive whole number of milliseconds' }),
  CANDOR_MODEL_RETRIES: optionalString
    .transform((v) => (v === undefined ? 2 : Number(v)))
    .refine((n) => Number.isInteger(n) && n >= 0 && n <= 10, { message: 'must be a whole number from 0 to 10' }),
  CANDOR_MODEL_RETRY_DELAY_MS: optionalString
    .transform((v) => (v === undefined ? 500 : Number(v)))
    .refine((n) => Number.isInteger(n) && n >= 0, { message: 'must be a whole number of milliseconds' }),
  CANDOR_EMAIL_RETRY_MS: optionalString
    .transform((v) => (v === undefined ? 60_000 : Number(v)))
    .refine((n) => Number.isInteger(n) && n >= 0, { message: 'must be a whole number of milliseconds' }),
  CANDOR_INTERVIEW_JUDGEMENT: optionalString
    .pipe(z.enum(['on', 'off'], { message: 'must be on or off' }).optional())
    .transform((v) => v !== 'off'),
  CANDOR_WEBHOOKS_ALLOW_PRIVATE: optionalString
    .pipe(z.enum(['true', 'false']).optional())
    .transform((v) => v === 'true'),
  CANDOR_WEBHOOK_RETRY_MS: optionalString
    .transform((v) => (v === undefined ? 30_000 : Number(v)))
    .refine((n) => Number.isInteger(n) && n >= 0, { message: 'must be a whole number of milliseconds' }),
  CANDOR_BRIEF_REFRESH_SECONDS: optionalString
    .transform((v) => (v === undefined ? 30 : Number(v)))
    .refine((n) => Number.isInteger(n) && n >= 1 && n <= 55, {
      message: 'must be a whole number of seconds from 1 to 55',
    }),
  CANDOR_SLACK_API_URL: optionalUrl(/^https?:$/, 'an http(s) URL'),
  CANDOR_HUBSPOT_API_URL: optionalUrl(/^https?:$/, 'an http(s) URL'),
  CANDOR_CONNECTOR_RETRY_MS: optionalString
    .transform((v) => (v === undefined ? 30_000 : Number(v)))
    .refine((n) => Number.isInteger(n) && n >= 0, { message: 'must be a whole number of milliseconds' }),
  CANDOR_RUN_JOBS: optionalString.pipe(z.enum(['true', 'false']).optional()).transform((v) => v !== 'false'),
  CANDOR_DEMO: optionalString.pipe(z.enum(['true', 'false']).optional()).transform((v) => v !== 'false'),
});

export type Config = {
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  openai: { apiKey: string | undefined; baseUrl: string | undefined; interviewModel: string; synthesisModel: string };
  /**
   * Whether the AI interviewer has each answer judged by the model (CANDOR_INTERVIEW_JUDGEMENT,
   * on by default); off, it decides turns by the rules scripted mode uses.
   */
  interviewJudgement: boolean;
  /** Extra or overriding model prices, USD per 1M tokens (CANDOR_MODEL_PRICES); see pricing/model-prices.ts. */
  modelPrices: Record<string, { input: number; output: number }>;
  /**
   * How model calls are bounded: retries and the base backoff for every call; time to
   * first token and the whole turn's budget (all attempts) for the interviewer.
   */
  modelCalls: { firstTokenMs: number; turnMs: number; retries: number; retryDelayMs: number };
  /** Resend when a key is set, else the local outbox; retryBaseMs doubles per failed attempt. */
  mail: { resendApiKey: string | undefined; from: string; retryBaseMs: number };
  /** Outgoing webhooks: private/loopback targets refused unless allowed; retryBaseMs doubles per failed attempt. */
  webhooks: { allowPrivateTargets: boolean; retryBaseMs: number };
  /** New answers re-synthesize an account's renewal brief at most once per this many seconds, this long after. */
  briefRefreshSeconds: number;
  /** Slack, HubSpot and Salesforce: API base URLs (a proxy or a test double) and the retry base. */
  connectors: { slackApiUrl: string; hubspotApiUrl: string; retryBaseMs: number };
  publicUrl: string;
  /** CANDOR_SECRET; required with DATABASE_URL, so the database never holds what signs for it. */
  secret: string | undefined;
  /** CANDOR_SECRET_PREVIOUS: still verifies links and opens secrets made before a rotation. */
  previousSecret: string | undefined;
  /** Per-limit budgets, and how many proxies' X-Forwarded-For entries to trust for the client address. */
  rateLimits: { limits: Record<RateLimitName, RateLimit>; trustProxyHops: number };
  logLevel: string;
  runJobsInProcess: boolean;
  /** The demo (CANDOR_DEMO, on by default): its workspace seeded on first start, /demo and POST /demo/invite. */
  demo: boolean;
};

export class ConfigError extends Error {}

/** Parses the environment; throws a ConfigError whose message is one line naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    const got = env[name];
    throw new ConfigError(
      `Configuration error: ${name} ${issue?.message ?? 'is invalid'}${got ? ` (got "${got}")` : ''}`,
    );
  }
  const e = parsed.data;
  if (e.DATABASE_URL && !e.CANDOR_SECRET)
    throw new ConfigError(
      'Configuration error: CANDOR_SECRET must be set when DATABASE_URL is set (at least 32 random characters, e.g. from `openssl rand -base64 32`), so the signing secret is not kept in the database it signs for.',
    );
  return {
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.CANDOR_DATA_DIR,
    openai: {
      apiKey: e.OPENAI_API_KEY,
      baseUrl: e.OPENAI_BASE_URL,
      interviewModel: e.CANDOR_INTERVIEW_MODEL,
      synthesisModel: e.CANDOR_SYNTHESIS_MODEL,
    },
    interviewJudgement: e.CANDOR_INTERVIEW_JUDGEMENT,
    modelCalls: {
      firstTokenMs: e.CANDOR_MODEL_FIRST_TOKEN_MS,
      turnMs: e.CANDOR_MODEL_TURN_MS,
      retries: e.CANDOR_MODEL_RETRIES,
      retryDelayMs: e.CANDOR_MODEL_RETRY_DELAY_MS,
    },
    modelPrices: e.CANDOR_MODEL_PRICES,
    mail: { resendApiKey: e.RESEND_API_KEY, from: e.CANDOR_EMAIL_FROM, retryBaseMs: e.CANDOR_EMAIL_RETRY_MS },
    webhooks: { allowPrivateTargets: e.CANDOR_WEBHOOKS_ALLOW_PRIVATE, retryBaseMs: e.CANDOR_WEBHOOK_RETRY_MS },
    briefRefreshSeconds: e.CANDOR_BRIEF_REFRESH_SECONDS,
    connectors: {
      slackApiUrl: e.CANDOR_SLACK_API_URL ?? 'https://slack.com/api/',
      hubspotApiUrl: (e.CANDOR_HUBSPOT_API_URL ?? 'https://api.hubapi.com').replace(/\/$/, ''),
      retryBaseMs: e.CANDOR_CONNECTOR_RETRY_MS,
    },
    publicUrl: (e.CANDOR_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    secret: e.CANDOR_SECRET,
    previousSecret: e.CANDOR_SECRET_PREVIOUS,
    rateLimits: { limits: { ...rateLimitDefaults, ...e.CANDOR_RATE_LIMITS }, trustProxyHops: e.CANDOR_TRUST_PROXY },
    logLevel: e.LOG_LEVEL ?? 'info',
    runJobsInProcess: e.CANDOR_RUN_JOBS,
    demo: e.CANDOR_DEMO,
  };
}
