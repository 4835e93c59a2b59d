import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** A new endpoint signing secret in the Standard Webhooks form: `whsec_` + base64 of 32 random bytes. */
export function generateSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** The message id receivers dedupe on; derived from the delivery so every retry repeats it. */
export function webhookMessageId(deliveryId: string): string {
  return `msg_${deliveryId}`;
}

/** The three Standard Webhooks headers for one attempt (the timestamp is the attempt's, as the spec asks). */
export function signWebhook(secret: string, msgId: string, at: Date, body: string) {
  return {
    'webhook-id': msgId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(msgId, at, body),
  };
}
