import { interviewLanguages, languageNames } from '@candor/shared';
import { retentionChoices } from '@candor/shared/console';
import type { AppDeps } from '../app-deps';
import { tenant, type Ws } from '../db/tenant';
import { readKeys } from './api-keys';
import { readWorkspaceSettings } from './workspace-settings';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * The Settings page's first read (admins): the workspace and its settings, the live keys
 * (publishable readable, secret as a prefix only), where the widget is served from, and
 * what the retention job last did.
 */
export async function getSettingsOverview(deps: Pick<AppDeps, 'db' | 'config'>, ws: Ws) {
  const t = tenant(deps.db, ws);
  const [workspace, keys, liveKeys, lastRetention, erased] = await Promise.all([
    readWorkspaceSettings(deps.db, ws),
    readKeys(deps.db, ws),
    t
      .selectFrom('api_keys')
      .select(['id', 'kind', 'display_prefix', 'created_at', 'last_used_at', 'revoked_at'])
      .where('revoked_at', 'is', null)
      .orderBy('created_at', 'desc')
      .execute(),
    deps.db
      .selectFrom('audit_log')
      .select(['created_at', 'details'])
      .where('workspace_id', '=', ws.id)
      .where('action', '=', 'retention.erased')
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
    t
      .selectFrom('interviews')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('transcript_erased_at', 'is not', null)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    workspace,
    public_url: deps.config.publicUrl,
    keys,
    api_keys: liveKeys.map((k) => ({
      ...k,
      created_at: k.created_at.toISOString(),
      last_used_at: iso(k.last_used_at),
      revoked_at: iso(k.revoked_at),
    })),
    /** The interview languages a workspace can default to, named in themselves. */
    languages: interviewLanguages.map((code) => ({ code, name: languageNames[code].native })),
    retention: {
      choices: [...retentionChoices],
      erased_interviews: Number(erased.n),
      last_run: lastRetention
        ? {
            at: lastRetention.created_at.toISOString(),
            interviews: Number((lastRetention.details as { interviews?: number }).interviews ?? 0),
          }
        : null,
    },
  };
}
