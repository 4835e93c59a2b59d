import type { SignalKind, SignalValue } from '@candor/shared';
import { sql } from 'kysely';
import type { TestApp } from './harness';

export type FixtureSignal = { kind: string; value: Record<string, unknown>; quote: string; created_at?: Date };

/**
 * What extraction leaves behind when a customer said `text`: a completed interview of the
 * workspace's first guide with that answer, and the given signals citing it. For tests of
 * what is built *from* signals (health, briefs, reports); extraction itself is tested
 * through the interview endpoints.
 */
export async function recordAnswer(
  t: TestApp,
  workspaceId: string,
  input: {
    accountId: string;
    contactId?: string;
    text: string;
    signals: FixtureSignal[];
    moment?: string;
    invitedAt?: Date;
  },
): Promise<{ interviewId: string; messageId: string }> {
  const db = t.deps.db;
  let guideQuery = db
    .selectFrom('guides')
    .innerJoin('guide_versions', 'guide_versions.guide_id', 'guides.id')
    .select(['guides.id', 'guide_versions.id as version_id'])
    .where('guides.workspace_id', '=', workspaceId);
  if (input.moment) guideQuery = guideQuery.where('guides.moment', '=', input.moment);
  const guide = await guideQuery.executeTakeFirstOrThrow();
  const interview = await db
    .insertInto('interviews')
    .values({
      workspace_id: workspaceId,
      guide_id: guide.id,
      guide_version_id: guide.version_id,
      account_id: input.accountId,
      contact_id: input.contactId ?? null,
      channel: 'in_app',
      status: 'completed',
      state: {},
      cost_micros: 0,
      // A completed interview was started and ended: Home's rates count on both.
      ...(input.invitedAt
        ? { invited_at: input.invitedAt, started_at: input.invitedAt, ended_at: input.invitedAt }
        : { started_at: sql`now()`, ended_at: sql`now()` }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const message = await db
    .insertInto('messages')
    .values({ workspace_id: workspaceId, interview_id: interview.id, seq: 2, role: 'customer', text: input.text })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.signals.length)
    await db
      .insertInto('signals')
      .values(
        input.signals.map((s) => ({
          workspace_id: workspaceId,
          interview_id: interview.id,
          account_id: input.accountId,
          contact_id: input.contactId ?? null,
          message_id: message.id,
          source: 'rules' as const,
          ...s,
          // A fixture may leave out fields of a value that the code under test does not read.
          kind: s.kind as SignalKind,
          value: s.value as SignalValue,
        })),
      )
      .execute();
  return { interviewId: interview.id, messageId: message.id };
}
