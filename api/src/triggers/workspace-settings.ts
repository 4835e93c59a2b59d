import { type FatigueSettings, fatigueSettingsSchema, type InterviewLanguage } from '@candor/shared';
import { z } from 'zod';
import type { Db } from '../db/database';
import type { Ws } from '../db/tenant';

const invitationSettings = z.object({
  fatigue: fatigueSettingsSchema.catch(fatigueSettingsSchema.parse({})).default(fatigueSettingsSchema.parse({})),
  /** Days after an unstarted email invitation before its one reminder. */
  reminder_days: z.number().int().min(1).max(30).catch(3).default(3),
});
export type InvitationSettings = {
  fatigue: FatigueSettings;
  reminder_days: number;
  name: string;
  default_language: InterviewLanguage;
};

/** The workspace's fatigue and reminder settings (defaults where unset), its name and default language for email copy. */
export async function loadInvitationSettings(db: Db, ws: Ws): Promise<InvitationSettings> {
  const row = await db
    .selectFrom('workspaces')
    .select(['name', 'settings', 'default_language'])
    .where('id', '=', ws.id)
    .executeTakeFirstOrThrow();
  const parsed = invitationSettings.parse(row.settings ?? {});
  return { ...parsed, name: row.name.replace(/\s*\(demo\)$/i, ''), default_language: row.default_language };
}
