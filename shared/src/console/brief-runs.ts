import { z } from 'zod';

/** POST /briefings/weekly/runs: the browser's time zone becomes the viewer's. */
export const weeklyRunBodySchema = z.strictObject({
  time_zone: z.string().max(64).optional(),
});
