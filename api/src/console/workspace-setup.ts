import { sql } from 'kysely';
import type { Db } from '../db/database';
import { tenant, type Ws } from '../db/tenant';
import { isUuid } from '../db/uuid';
import { notPreviewContact } from '../guides/preview-contact';
import { notFound } from '../http/errors';

/** The workspace's guides with how many versions and interviews each has. */
export async function listGuides(db: Db, ws: Ws) {
  const rows = await tenant(db, ws)
    .selectFrom('guides')
    .select([
      'guides.id',
      'guides.name',
      'guides.moment',
      'guides.current_version',
      'guides.archived_at',
      'guides.updated_at',
      sql<string>`(select count(*) from guide_versions v where v.guide_id = guides.id)`.as('versions'),
      // Guide previews are not interviews with customers.
      sql<string>`(select count(*) from interviews i where i.guide_id = guides.id and i.workspace_id = guides.workspace_id and ${notPreviewContact(ws, 'i.contact_id')})`.as(
        'interviews',
      ),
    ])
    .orderBy('guides.archived_at', (ob) => ob.nullsFirst())
    .orderBy('guides.name')
    .execute();
  return rows.map(toGuideRow);
}

function toGuideRow(g: {
  id: string;
  name: string;
  moment: string;
  current_version: number;
  archived_at: Date | null;
  updated_at: Date;
  versions: string;
  interviews: string;
}) {
  return {
    id: g.id,
    name: g.name,
    moment: g.moment,
    current_version: g.current_version,
    versions: Number(g.versions),
    interviews: Number(g.interviews),
    archived: g.archived_at !== null,
    updated_at: g.updated_at.toISOString(),
  };
}

/** One guide and every saved version, newest first. */
export async function getGuide(db: Db, ws: Ws, guideId: string) {
  if (!isUuid(guideId)) throw notFound('Guide');
  const guide = (await listGuides(db, ws)).find((g) => g.id === guideId);
  if (!guide) throw notFound('Guide');
  const versions = await tenant(db, ws)
    .selectFrom('guide_versions')
    .select(['id', 'version', 'definition', 'created_at'])
    .where('guide_id', '=', guideId)
    .orderBy('version', 'desc')
    .execute();
  return { guide, versions: versions.map((v) => ({ ...v, created_at: v.created_at.toISOString() })) };
}

/** Trigger rules with their funnel: invitations made and skipped, interviews started and completed. */
export async function listTriggers(db: Db, ws: Ws) {
  const rows = await tenant(db, ws)
    .selectFrom('triggers')
    .leftJoin('guides', 'guides.id', 'triggers.guide_id')
    .select([
      'triggers.id',
      'triggers.name',
      'triggers.enabled',
      'triggers.guide_id',
      'triggers.rule',
      'guides.name as guide_name',
      sql<string>`(select count(*) from invitations v where v.trigger_id = triggers.id and v.workspace_id = triggers.workspace_id and v.decision = 'invited')`.as(
        'invited',
      ),
      sql<string>`(select count(*) from invitations v where v.trigger_id = triggers.id and v.workspace_id = triggers.workspace_id and v.decision = 'skipped')`.as(
        'skipped',
      ),
      sql<string>`(select count(*) from interviews i where i.trigger_id = triggers.id and i.workspace_id = triggers.workspace_id and i.started_at is not null)`.as(
        'started',
      ),
      sql<string>`(select count(*) from interviews i where i.trigger_id = triggers.id and i.workspace_id = triggers.workspace_id and i.status = 'completed')`.as(
        'completed',
      ),
    ])
    .orderBy('triggers.name')
    .execute();
  return rows.map((r) => ({
    ...r,
    invited: Number(r.invited),
    skipped: Number(r.skipped),
    started: Number(r.started),
    completed: Number(r.completed),
  }));
}
