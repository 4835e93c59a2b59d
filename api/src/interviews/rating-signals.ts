import type { RatingScale } from '@candor/shared';
import type { Tenant } from '../db/tenant';

type RatingSource = {
  interviewId: string;
  accountId: string | null;
  contactId: string | null;
  /** The customer message that gave the score. */
  messageId: string;
  text: string;
};

/**
 * Records a score as a `rating` signal the moment it is answered, in the turn's transaction:
 * it is the customer's own choice, so it needs no extraction and extraction never rewrites it.
 */
export async function recordRating(
  t: Tenant,
  source: RatingSource,
  rating: { topic: string; scale: RatingScale; score: number },
) {
  await t
    .insertInto('signals')
    .values({
      interview_id: source.interviewId,
      account_id: source.accountId,
      contact_id: source.contactId,
      kind: 'rating',
      value: { scale: rating.scale, score: rating.score, topic: rating.topic },
      quote: source.text.slice(0, 1000),
      message_id: source.messageId,
      confidence: 1,
      // Deterministic, like the rules: no model was involved in reading a tapped or typed score.
      source: 'rules',
    })
    .execute();
}

/** Links the customer's answer to "why that score?" to the topic's rating signal. */
export async function linkRatingReason(t: Tenant, interviewId: string, topic: string, reasonMessageId: string) {
  await t
    .updateTable('signals')
    .set({ reason_message_id: reasonMessageId })
    .where('interview_id', '=', interviewId)
    .where('kind', '=', 'rating')
    .where((eb) => eb(eb.ref('value', '->>').key('topic'), '=', topic))
    .execute();
}
