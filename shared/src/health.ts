import { z } from 'zod';

/** An account's health state. `unknown` until there is usage or something a customer said. */
export const healthStates = ['healthy', 'watch', 'at_risk', 'unknown'] as const;
export const healthStateSchema = z.enum(healthStates);
export type HealthState = z.infer<typeof healthStateSchema>;

/** One reason behind a state (`accounts.health_reasons`), with the customer's words when it came from an interview. */
export const healthReasonSchema = z.strictObject({
  code: z.enum([
    'churn_risk_high',
    'churn_risk_medium',
    'wants_human',
    'negative_sentiment',
    'usage_drop',
    'usage_stopped',
    'expansion_intent',
  ]),
  text: z.string(),
  evidence: z
    .strictObject({ signal_id: z.string(), interview_id: z.string(), message_id: z.string(), quote: z.string() })
    .optional(),
});
export type HealthReason = z.infer<typeof healthReasonSchema>;
export const healthReasonsSchema = z.array(healthReasonSchema);

export const isHealthState = (value: string): value is HealthState => healthStateSchema.safeParse(value).success;
