/** The events a workspace can subscribe an endpoint to (webhook.test is sent on request only). */
export const webhookEventTypes = [
  'interview.completed',
  'signal.churn_risk',
  'signal.expansion_intent',
  'brief.ready',
  'account.state_changed',
] as const;

export type WebhookEventType = (typeof webhookEventTypes)[number];
