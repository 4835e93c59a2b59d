import type { WebhookEventType } from '@candor/shared';

// The subscribable events are part of the contract the console shares (webhook.test is sent on request only).
export { type WebhookEventType, webhookEventTypes } from '@candor/shared';

/**
 * What a delivery can carry: a subscribable event, the test ping, or a play's webhook step
 * (sent to the one endpoint the step names, whatever it subscribes to).
 */
export type WebhookMessageType = WebhookEventType | 'webhook.test' | 'play.fired';
