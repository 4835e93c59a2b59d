import { z } from 'zod';
import { guideBodySchema, guidePatchSchema } from '../guide';

/** A guide in the console's list, with how many versions and interviews it has. */
export const guideRowSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    moment: z.string(),
    current_version: z.number().int(),
    versions: z.number().int(),
    interviews: z.number().int(),
    archived: z.boolean(),
    updated_at: z.string(),
  })
  .meta({ id: 'GuideRow' });

/** One guide and every version of it, newest first. */
export const guideDetailSchema = z
  .object({
    guide: guideRowSchema,
    versions: z.array(
      z.object({
        id: z.string(),
        version: z.number().int(),
        definition: z.record(z.string(), z.unknown()),
        created_at: z.string(),
      }),
    ),
  })
  .meta({ id: 'GuideDetail' });

/** A guide at its current version, as creating or changing it answers. */
export const savedGuideSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    moment: z.string(),
    version: z.number().int(),
    template_key: z.string().nullable(),
    updated_at: z.string(),
    version_id: z.string(),
    created_at: z.string(),
    body: guideBodySchema,
  })
  .meta({ id: 'SavedGuide' });

/** The console's guide editor: every field may be left out, and an unknown one is refused so a typo never passes. */
export const consoleGuidePatchSchema = guidePatchSchema.strict();

/** A preview interview of the guide's current version, run through the widget endpoints with this link token. */
export const guidePreviewSchema = z
  .object({ interview_id: z.string(), token: z.string(), guide_version: z.number().int(), expires_at: z.string() })
  .meta({ id: 'GuidePreview' });
