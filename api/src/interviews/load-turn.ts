import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { notFound } from '../app-error';
import type { Db } from '../db/database';
import { preparedStatement } from '../db/prepared-statement';
import { tenant, type Ws } from '../db/tenant';
import type { CustomerFacingContext } from './prompts';

/** A message as a turn sees it: enough to spot a repeated client_id and to build the prompt. */
export type TurnMessage = {
  id: string;
  seq: number;
  role: 'interviewer' | 'customer';
  text: string;
  client_id: string | null;
};

/**
 * Everything one customer turn needs, read in a single round trip: the interview row, its
 * transcript so far, the workspace's choice of interviewer, and what the interviewer may say about the person (their name, their
 * company, our product — deliberately nothing else from the account or contact).
 */
export async function loadTurn(db: Db, ws: Ws, interviewId: string) {
  const {
    rows: [row],
  } = await selectTurn(db, { workspaceId: ws.id, interviewId });
  if (!row) throw notFound('Interview');
  const { product, interviewer_mode, contact_name, contact_locale, default_language, company, messages, ...interview } =
    row;
  const context: CustomerFacingContext = {
    contactName: contact_name,
    company,
    product: product ?? 'our product',
    // Interviews started before languages were recorded ran in English.
    language: interview.language ?? 'en',
  };
  return {
    interview,
    messages,
    context,
    interviewerMode: interviewer_mode,
    /** What the interview's language is chosen from when it starts. */
    languageSources: { contactLocale: contact_locale, workspaceDefault: default_language },
  };
}

const selectTurn = preparedStatement(
  ['workspaceId', 'interviewId'],
  (db, p: { workspaceId: string; interviewId: string }) =>
    tenant(db, { id: p.workspaceId })
      .selectFrom('interviews')
      .innerJoin('workspaces', 'workspaces.id', 'interviews.workspace_id')
      .leftJoin('contacts', (j) =>
        j
          .onRef('contacts.id', '=', 'interviews.contact_id')
          .onRef('contacts.workspace_id', '=', 'interviews.workspace_id'),
      )
      .leftJoin('accounts', (j) =>
        j
          .onRef('accounts.id', '=', 'interviews.account_id')
          .onRef('accounts.workspace_id', '=', 'interviews.workspace_id'),
      )
      .selectAll('interviews')
      .select([
        'workspaces.name as product',
        'workspaces.interviewer_mode',
        'workspaces.default_language',
        'contacts.name as contact_name',
        'contacts.locale as contact_locale',
        'accounts.name as company',
      ])
      .select((eb) =>
        jsonArrayFrom(
          eb
            .selectFrom('messages')
            .select(['messages.id', 'messages.seq', 'messages.role', 'messages.text', 'messages.client_id'])
            .whereRef('messages.interview_id', '=', 'interviews.id')
            .orderBy('messages.seq'),
        ).as('messages'),
      )
      .where('interviews.id', '=', p.interviewId),
);

export type Turn = Awaited<ReturnType<typeof loadTurn>>;
