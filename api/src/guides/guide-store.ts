import { type GuideBody, type GuideBodyInput, guideBodySchema } from '@candor/shared';
import { sql } from 'kysely';
import { AppError, notFound } from '../app-error';
import type { Db } from '../db/database';
import { type Tenant, tenant, type Ws } from '../db/tenant';
import { isUuid } from '../db/uuid';
import { notPreviewContact } from './preview-contact';

type Executor = Tenant['db'];

export type GuideSummary = {
  id: string;
  name: string;
  moment: string;
  version: number;
  template_key: string | null;
  updated_at: string;
};
export type Guide = GuideSummary & { version_id: string; created_at: string; body: GuideBody };
export type GuideVersion = { id: string; guide_id: string; version: number; created_at: string; body: GuideBody };

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

/** A guide as a list shows it: a summary, whether it is archived, its versions and the interviews it ran. */
export type GuideListing = GuideSummary & { archived: boolean; versions: number; interviews: number };

/**
 * The workspace's guides with their current version and how many versions and interviews
 * each has (a guide preview is not an interview with a customer). The server API lists the
 * live guides oldest first; the console's table (`withArchived`) every guide by name, archived last.
 */
export async function listGuides(db: Db, ws: Ws, options: { withArchived?: boolean } = {}): Promise<GuideListing[]> {
  let q = tenant(db, ws)
    .selectFrom('guides')
    .select([
      'guides.id',
      'guides.name',
      'guides.moment',
      'guides.current_version',
      'guides.template_key',
      'guides.archived_at',
      'guides.updated_at',
      sql<string>`(select count(*) from guide_versions v where v.guide_id = guides.id)`.as('versions'),
      sql<string>`(select count(*) from interviews i where i.guide_id = guides.id and i.workspace_id = guides.workspace_id and ${notPreviewContact(ws, 'i.contact_id')})`.as(
        'interviews',
      ),
    ]);
  q = options.withArchived
    ? q.orderBy('guides.archived_at', (ob) => ob.nullsFirst()).orderBy('guides.name')
    : q.where('guides.archived_at', 'is', null).orderBy('guides.created_at').orderBy('guides.id');
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    moment: r.moment,
    version: r.current_version,
    template_key: r.template_key,
    updated_at: iso(r.updated_at),
    archived: r.archived_at !== null,
    versions: Number(r.versions),
    interviews: Number(r.interviews),
  }));
}

/** One guide, archived or not, with every saved version as stored, newest first (the console's editor). */
export async function getGuideWithVersions(db: Db, ws: Ws, guideId: string) {
  if (!isUuid(guideId)) throw notFound('Guide');
  const guide = (await listGuides(db, ws, { withArchived: true })).find((g) => g.id === guideId);
  if (!guide) throw notFound('Guide');
  const versions = await tenant(db, ws)
    .selectFrom('guide_versions')
    .select(['id', 'version', 'definition', 'created_at'])
    .where('guide_id', '=', guideId)
    .orderBy('version', 'desc')
    .execute();
  return { guide, versions: versions.map((v) => ({ ...v, created_at: iso(v.created_at) })) };
}

/** One guide with the body of its current version. */
export async function getGuide(db: Executor, ws: Ws, id: string): Promise<Guide> {
  const t = tenant(db, ws);
  const guide = await t
    .selectFrom('guides')
    .select(['id', 'name', 'moment', 'current_version', 'template_key', 'created_at', 'updated_at'])
    .where('id', '=', id)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (!guide) throw notFound('Guide');
  const version = await t
    .selectFrom('guide_versions')
    .select(['id', 'definition'])
    .where('guide_id', '=', id)
    .where('version', '=', guide.current_version)
    .executeTakeFirstOrThrow();
  return {
    id: guide.id,
    name: guide.name,
    moment: guide.moment,
    version: guide.current_version,
    version_id: version.id,
    template_key: guide.template_key,
    created_at: iso(guide.created_at),
    updated_at: iso(guide.updated_at),
    body: guideBodySchema.parse(version.definition),
  };
}

/** One stored version of a guide — what an interview ran, unchanged by later edits. */
export async function getGuideVersion(db: Executor, ws: Ws, versionId: string): Promise<GuideVersion> {
  const row = await tenant(db, ws)
    .selectFrom('guide_versions')
    .select(['id', 'guide_id', 'version', 'created_at', 'definition'])
    .where('id', '=', versionId)
    .executeTakeFirst();
  if (!row) throw notFound('Guide version');
  return {
    id: row.id,
    guide_id: row.guide_id,
    version: row.version,
    created_at: iso(row.created_at),
    body: guideBodySchema.parse(row.definition),
  };
}

/** Every version of a guide, newest first. */
export async function listGuideVersions(db: Db, ws: Ws, guideId: string): Promise<GuideVersion[]> {
  await getGuide(db, ws, guideId);
  const rows = await tenant(db, ws)
    .selectFrom('guide_versions')
    .select(['id', 'guide_id', 'version', 'created_at', 'definition'])
    .where('guide_id', '=', guideId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    guide_id: r.guide_id,
    version: r.version,
    created_at: iso(r.created_at),
    body: guideBodySchema.parse(r.definition),
  }));
}

/** Stores a guide and its version 1 with an executor the caller controls (used inside workspace creation). */
export async function insertGuide(trx: Executor, ws: Ws, body: GuideBody, templateKey: string | null = null) {
  const t = tenant(trx, ws);
  const guide = await t
    .insertInto('guides')
    .values({ name: body.name, moment: body.moment, template_key: templateKey, current_version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.insertInto('guide_versions').values({ guide_id: guide.id, version: 1, definition: body }).execute();
  return guide.id;
}

/** Creates a guide from a full body; it starts at version 1. */
export async function createGuide(db: Db, ws: Ws, input: GuideBodyInput): Promise<Guide> {
  const body = guideBodySchema.parse(input);
  return db.transaction().execute(async (trx) => getGuide(trx, ws, await insertGuide(trx, ws, body)));
}

/**
 * Applies a partial edit to the current body and stores the result as a NEW version; old
 * versions are never touched, so interviews keep pointing at what they actually ran.
 */
export async function updateGuide(db: Db, ws: Ws, id: string, patch: Partial<GuideBodyInput>): Promise<Guide> {
  return db.transaction().execute(async (trx) => {
    const current = await getGuide(trx, ws, id);
    const parsed = guideBodySchema.safeParse({ ...current.body, ...patch });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError('invalid_request', `${issue?.path.join('.') || 'body'}: ${issue?.message}`);
    }
    const body = parsed.data;
    const t = tenant(trx, ws);
    // The increment happens in the UPDATE, which row-locks the guide: concurrent edits get distinct versions.
    const bumped = await t
      .updateTable('guides')
      .set((eb) => ({
        current_version: eb('current_version', '+', 1),
        name: body.name,
        moment: body.moment,
        updated_at: new Date(),
      }))
      .where('id', '=', id)
      .returning('current_version')
      .executeTakeFirstOrThrow();
    await t
      .insertInto('guide_versions')
      .values({ guide_id: id, version: bumped.current_version, definition: body })
      .execute();
    return getGuide(trx, ws, id);
  });
}
