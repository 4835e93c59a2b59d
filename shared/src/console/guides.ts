import { z } from 'zod';

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
