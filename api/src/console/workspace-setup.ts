import { sql } from 'kysely';
import { notFound } from '../app-error';
import type { Db } from '../db/database';
import { tenant, type Ws } from '../db/tenant';
import { isUuid } from '../db/uuid';
import { notPreviewContact } from '../guides/preview-contact';
import { computeFunnels, emptyFunnel, type FunnelWindow, MANUAL_KEY } from '../triggers/funnel';

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

/**
 * Trigger rules with their funnel (invitations made and skipped, interviews started and
 * completed) and the funnel of interviews sent by hand: the same counts, over the same
 * window, as `GET /v1/funnel?by=trigger` and `GET /v1/triggers/{id}/funnel`.
 */
export async function listTriggers(db: Db, ws: Ws, window: FunnelWindow) {
  const [rows, funnels] = await Promise.all([
    tenant(db, ws)
      .selectFrom('triggers')
      .leftJoin('guides', 'guides.id', 'triggers.guide_id')
      .select([
        'triggers.id',
        'triggers.name',
        'triggers.enabled',
        'triggers.guide_id',
        'triggers.rule',
        'guides.name as guide_name',
      ])
      .orderBy('triggers.name')
      .execute(),
    computeFunnels(db, ws, 'trigger', { since: window.since }),
  ]);
  const byKey = new Map(funnels.map(({ key, ...stages }) => [key, stages]));
  const none = emptyFunnel();
  const items = rows.map((r) => {
    const f = byKey.get(r.id) ?? none;
    return { ...r, invited: f.invited, skipped: f.skipped, started: f.started, completed: f.completed };
  });
  return { items, manual: byKey.get(MANUAL_KEY) ?? none, window };
}
