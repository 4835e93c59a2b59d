/** The events a workspace can subscribe an endpoint to (webhook.test is sent on request only). */
export const webhookEventTypes = [
  'interview.completed',
  'signal.churn_risk',
  'signal.expansion_intent',
  'brief.ready',
  'account.state_changed',
] as const;

export type WebhookEventType = (typeof webhookEventTypes)[number];

/**
 * What a delivery can carry: a subscribable event, the test ping, or a play's webhook step
 * (sent to the one endpoint the step names, whatever it subscribes to).
 */
export type WebhookMessageType = WebhookEventType | 'webhook.test' | 'play.fired';
