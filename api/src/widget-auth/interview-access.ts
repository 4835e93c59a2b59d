import type { Db } from '../db/database';
import { tenant } from '../db/tenant';
import { notFound } from '../http/errors';
import { getInterview } from '../interviews/interview-store';
import { loadTurn } from '../interviews/load-turn';
import type { InterviewAccess } from './tokens';

/**
 * The interview a token may touch: a widget token reaches its own contact's interviews, a
 * link token exactly one. Anything else is answered as not found, never as forbidden, so
 * tokens cannot probe for other interviews' existence.
 */
export async function loadAccessibleInterview(db: Db, access: InterviewAccess, interviewId: string) {
  const ws = { id: access.workspaceId };
  if (access.kind === 'link' && access.interviewId !== interviewId) throw notFound('Interview');
  const interview = await getInterview(tenant(db, ws), interviewId);
  checkReach(access, interview);
  return { ws, interview };
}

/** The same check for a customer turn, which reads the interview with its transcript in one go. */
export async function loadAccessibleTurn(db: Db, access: InterviewAccess, interviewId: string) {
  const ws = { id: access.workspaceId };
  if (access.kind === 'link' && access.interviewId !== interviewId) throw notFound('Interview');
  const turn = await loadTurn(db, ws, interviewId);
  checkReach(access, turn.interview);
  return { ws, turn };
}

function checkReach(access: InterviewAccess, interview: { contact_id: string | null }) {
  if (access.kind === 'widget' && interview.contact_id !== access.contactId) throw notFound('Interview');
}
