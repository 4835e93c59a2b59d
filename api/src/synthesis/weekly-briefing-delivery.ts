import type { BriefMode } from '@candor/shared';
import type { AppDeps } from '../app-deps';
import { queueBriefingAlert } from '../connectors/alerts';
import { tenant, type Ws } from '../db/tenant';
import { queueEmail } from '../mail/send-email';
import { modelConfigured } from '../model-access/model-provider';
import { emitBriefReady } from '../webhooks/brief-events';
import { noProgress, type Progress } from './ai/progress';
import { SynthesisModelError } from './ai/synthesis-model';
import { WEEKLY_BRIEFING_PROMPT_VERSION, writeWeeklyBriefingWithModel } from './ai/weekly-briefing-ai';
import {
  type BriefProvenance,
  latestBriefVersion,
  provenanceOf,
  type StoredBrief,
  storeBriefVersion,
} from './brief-versions';
import { briefingWeek } from './briefing-week';
import { buildWeeklyBriefing, memberTimeZone, type WeeklyBriefing } from './weekly-briefing';
import { renderWeeklyBriefingEmail } from './weekly-briefing-email';

export type StoredBriefing = {
  id: string;
  version: number;
  /** `ai`: priorities and meeting prep written by the synthesis model; `rules`: deterministic. */
  mode: BriefMode;
  created_at: string;
  content: WeeklyBriefing;
} & ReturnType<typeof provenanceOf>;

/**
 * Builds, stores and emails a CSM's weekly briefing — once per week: a second call in the
 * same week returns the stored one unless `regenerate` asks for a new version. With a
 * synthesis model configured the model writes the priorities and meeting prep; without
 * one, or when it fails after its retries, the deterministic briefing goes out.
 */
export async function deliverWeeklyBriefing(
  deps: AppDeps,
  ws: Ws,
  memberEmail: string,
  options: { regenerate?: boolean; progress?: Progress; rulesOnly?: boolean } = {},
): Promise<StoredBriefing> {
  const progress = options.progress ?? noProgress;
  if (!options.regenerate) {
    const thisWeek = briefingWeek(deps.now(), await memberTimeZone(deps, ws, memberEmail)).monday;
    // A cheap look first, so a scheduler firing twice does not pay for a second model run.
    const member = await tenant(deps.db, ws)
      .selectFrom('members')
      .select('id')
      .where('email', '=', memberEmail)
      .executeTakeFirst();
    const latest = member && (await latestBriefVersion(deps.db, ws, 'weekly_briefing', member.id));
    if (latest && latest.content.week_of === thisWeek) return toStored(latest);
  }
  await progress('Reading accounts', 0, 3);
  let briefing = await buildWeeklyBriefing(deps, ws, memberEmail);
  let mode: BriefMode = 'rules';
  let provenance: BriefProvenance = {};
  if (modelConfigured(deps.config) && !options.rulesOnly) {
    try {
      const ai = await writeWeeklyBriefingWithModel(deps, ws, briefing, progress);
      briefing = ai.briefing;
      mode = 'ai';
      provenance = {
        model: ai.model,
        promptVersion: WEEKLY_BRIEFING_PROMPT_VERSION,
        promptTokens: ai.usage.promptTokens,
        completionTokens: ai.usage.completionTokens,
        costMicros: ai.usage.costMicros,
        generation: ai.generation,
      };
    } catch (err) {
      if (!(err instanceof SynthesisModelError)) throw err;
      provenance = { fallbackReason: err.message };
      deps.log.warn({ workspaceId: ws.id, reason: err.reason }, 'weekly briefing falls back to rules');
    }
  }
  await progress('Saving and emailing', 2, 3);
  // Once per week: decided under the brief's lock, so a scheduler firing twice sends once.
  const { brief, created } = await storeBriefVersion(
    deps.db,
    ws,
    { kind: 'weekly_briefing', subjectId: briefing.member.id, mode, content: briefing, ...provenance },
    (latest) => !options.regenerate && latest.content.week_of === briefing.week_of,
  );
  if (created) {
    const email = await renderWeeklyBriefingEmail(briefing, deps.config.publicUrl);
    await queueEmail(deps, { workspaceId: ws.id, kind: 'weekly_briefing', to: briefing.member.email, ...email });
    await emitBriefReady(deps, ws, { ...brief, kind: 'weekly_briefing', member: briefing.member.email });
    await queueBriefingAlert(deps, ws, {
      memberEmail: briefing.member.email,
      weekOf: briefing.week_of,
      summary: briefing.priorities.length
        ? `Priorities: ${briefing.priorities.map((p) => p.account).join(', ')}`
        : 'No account needs you first this week.',
    });
  }
  return toStored(brief);
}

function toStored(row: StoredBrief<'weekly_briefing'>): StoredBriefing {
  return {
    id: row.id,
    version: row.version,
    mode: row.mode,
    created_at: row.created_at.toISOString(),
    content: row.content,
    ...provenanceOf(row),
  };
}

/** A member's newest weekly briefing, or undefined. */
export async function latestWeeklyBriefing(
  deps: AppDeps,
  ws: Ws,
  memberId: string,
): Promise<StoredBriefing | undefined> {
  const row = await latestBriefVersion(deps.db, ws, 'weekly_briefing', memberId);
  return row ? toStored(row) : undefined;
}

/**
 * The clock's side: in every workspace where it is now Monday at the briefing hour
 * (07:00 by default, `settings.briefing_hour`) in the workspace's time zone, each member
 * who owns accounts gets this week's briefing. Safe to run often: once per week each.
 * Returns how many members it looked at.
 */
export async function sendDueWeeklyBriefings(deps: AppDeps): Promise<number> {
  const now = deps.now();
  const workspaces = await deps.db.selectFrom('workspaces').select(['id', 'timezone', 'settings']).execute();
  let sent = 0;
  for (const ws of workspaces) {
    const hour = Number(ws.settings.briefing_hour ?? 7);
    const local = new Intl.DateTimeFormat('en-GB', {
      weekday: 'short',
      hour: 'numeric',
      hourCycle: 'h23',
      timeZone: ws.timezone,
    }).formatToParts(now);
    const weekday = local.find((p) => p.type === 'weekday')?.value;
    const localHour = Number(local.find((p) => p.type === 'hour')?.value);
    if (weekday !== 'Mon' || localHour !== hour) continue;
    const owners = await tenant(deps.db, ws)
      .selectFrom('members')
      .select('email')
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('accounts')
            .select('accounts.id')
            .whereRef('accounts.owner_email', '=', 'members.email')
            .whereRef('accounts.workspace_id', '=', 'members.workspace_id'),
        ),
      )
      .execute();
    for (const { email } of owners) {
      await deliverWeeklyBriefing(deps, ws, email);
      sent++;
    }
  }
  return sent;
}
