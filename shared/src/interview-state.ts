import { z } from 'zod';

/** What the turn policy can decide for a reply. */
export const turnActions = ['probe', 'advance', 'close', 'handoff', 'opt_out', 'confirm_stop'] as const;
export type TurnAction = (typeof turnActions)[number];

/** Why an interview closed. */
export const closeReasons = ['topics_covered', 'max_turns', 'max_minutes', 'wants_human', 'opted_out'] as const;
export type CloseReason = (typeof closeReasons)[number];

/**
 * `interviews.state`: the turn policy's state plus message bookkeeping. Stored states may
 * predate a field (an invited interview stores `{}`), so every field has a default and the
 * engine reads the column through this schema (`z.input` is what may be stored).
 */
export const interviewStateSchema = z.object({
  topic_index: z.number().int().default(0),
  turns: z.number().int().default(0),
  covered: z.array(z.string()).default([]),
  topic_probes: z.number().int().min(0).optional(),
  /** Kept by states stored before probes were counted: true meant one follow-up asked. */
  follow_up_used: z.boolean().optional(),
  confirming_stop: z.boolean().default(false),
  rated: z.array(z.string()).optional(),
  reason_for: z.string().optional(),
  next_seq: z.number().int().default(1),
  /** Replies decided (their seq reserved) but not stored yet, by the customer message they answer. */
  pending: z
    .record(
      z.string(),
      z.object({
        reply_seq: z.number().int(),
        action: z.enum(turnActions),
        topic_index: z.number().int(),
        reason: z.enum(closeReasons).optional(),
        /** Why the policy decided this (a DecisionWhy); absent on turns decided before it was kept. */
        why: z.string().optional(),
        /** Rating topics: the score this turn answered, so the reply can ask about its reason. */
        score: z.number().int().optional(),
        since: z.string(),
      }),
    )
    .default({}),
});
/** An interview's state as it may be stored. */
export type StoredInterviewState = z.input<typeof interviewStateSchema>;
