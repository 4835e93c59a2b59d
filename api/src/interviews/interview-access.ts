import { notFound } from '../app-error';
import type { Db } from '../db/database';
import { tenant, type Ws } from '../db/tenant';
import { checkContactKept, contactErased } from '../privacy/contact-erased';
import type { InterviewAccess } from '../widget-auth/tokens';
import { getInterview } from './interview-store';
import { loadTurn } from './load-turn';

/**
 * The interview a token may touch: a widget token reaches its own contact's interviews, a
 * link token exactly one. Anything else is answered as not found, never as forbidden, so
 * tokens cannot probe for other interviews' existence; an erased person's token is gone.
 */
export async function loadAccessibleInterview(db: Db, access: InterviewAccess, interviewId: string) {
  const ws = { id: access.workspaceId };
  if (access.kind === 'link' && access.interviewId !== interviewId) throw notFound('Interview');
  const interview = await getInterview(tenant(db, ws), interviewId);
  await checkReach(db, ws, access, interview);
  return { ws, interview };
}

/** The same check for a customer turn, which reads the interview with its transcript in one go. */
export async function loadAccessibleTurn(db: Db, access: InterviewAccess, interviewId: string) {
  const ws = { id: access.workspaceId };
  if (access.kind === 'link' && access.interviewId !== interviewId) throw notFound('Interview');
  const turn = await loadTurn(db, ws, interviewId);
  await checkReach(db, ws, access, turn.interview);
  return { ws, turn };
}

async function checkReach(db: Db, ws: Ws, access: InterviewAccess, interview: { contact_id: string | null }) {
  // Interviews always have a contact until that person is erased.
  if (access.kind === 'link' && interview.contact_id === null) throw contactErased();
  if (access.kind === 'widget' && interview.contact_id !== access.contactId) {
    // Only on this rare path: an erased contact's interviews no longer name them.
    await checkContactKept(db, ws, access.contactId);
    throw notFound('Interview');
  }
}
