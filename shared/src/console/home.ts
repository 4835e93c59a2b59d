import { z } from 'zod';
import { consoleBriefSectionSchema } from './brief-sections';

const count = z.number().int();

/** One CSM's book in the admin's team breakdown (`owner_email` null: the accounts no one owns). */
export const teamRowSchema = z
  .object({
    owner_email: z.string().nullable(),
    name: z.string().nullable(),
    accounts: count,
    arr_cents: count,
    accounts_at_risk: count,
    arr_at_risk_cents: count,
    interviews_completed: count,
    open_reviews: count,
  })
  .meta({ id: 'TeamRow' });
export type TeamRow = z.infer<typeof teamRowSchema>;

/** The Home page: KPIs over the member's book (or the whole team for admins), open review items, latest briefing. */
export const homeSchema = z
  .object({
    scope: z.enum(['book', 'team']).describe("book: the signed-in CSM's accounts; team: the whole workspace (admins)"),
    team: z.object({ rows: z.array(teamRowSchema), total: count }).nullable(),
    kpis: z.object({
      invited_30d: count,
      started_30d: count,
      completed_30d: count,
      response_rate: z.number().nullable(),
      completion_rate: z.number().nullable(),
      interviews_this_week: count,
      accounts: count,
      arr_cents: count,
      accounts_at_risk: count,
      arr_at_risk_cents: count,
      at_risk_states: z.array(z.string()),
    }),
    review_queue: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        reason: z.string(),
        status: z.string(),
        account_id: z.string(),
        account_name: z.string(),
        created_at: z.string(),
        assigned_to_me: z.boolean(),
      }),
    ),
    briefing: z
      .object({
        created_at: z.string(),
        week_of: z.string().nullable(),
        time_zone: z.string().nullable(),
        sections: z.array(consoleBriefSectionSchema),
      })
      .nullable(),
  })
  .meta({ id: 'Home' });
export type Home = z.infer<typeof homeSchema>;
