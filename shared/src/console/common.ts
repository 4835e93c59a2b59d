import { z } from 'zod';

/** A page of a console list. */
export const pagedSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), page_size: z.number().int() });

export const roleSchema = z.enum(['admin', 'csm']).meta({ id: 'Role' });
export type Role = z.infer<typeof roleSchema>;
