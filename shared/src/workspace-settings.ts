import { z } from 'zod';
import { fatigueSettingsSchema } from './triggers';

/**
 * `workspaces.settings`: what an operator may set beside the columns the Settings page
 * edits. Every key is optional; readers fall back to a default when one is unset.
 */
export const workspaceSettingsDocumentSchema = z.object({
  fatigue: fatigueSettingsSchema.partial().optional(),
  /** Days after an unstarted email invitation before its one reminder. */
  reminder_days: z.number().int().optional(),
  /** The local hour the weekly briefing is generated (07 by default). */
  briefing_hour: z.number().int().optional(),
  /** The demo workspace: what was seeded and when. */
  demo: z
    .object({
      seed_version: z.number().int(),
      seeded_at: z.string(),
      note: z.string(),
      counts: z.record(z.string(), z.number()),
    })
    .optional(),
  /** The demo workspace's publishable key in plain text (the demo page embeds the widget with it). */
  demo_widget_key: z.string().optional(),
});
export type WorkspaceSettingsDocument = z.infer<typeof workspaceSettingsDocumentSchema>;
