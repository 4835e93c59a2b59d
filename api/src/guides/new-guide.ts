import { type Moment, momentSchema } from '@candor/shared';
import { z } from 'zod';
import type { Db } from '../db/database';
import type { Ws } from '../db/tenant';
import { createGuide, type Guide } from './guide-store';
import { guideTemplates, standardTaxonomy } from './templates';

/** "New guide" in the console: a copy of a built-in template, or a blank to fill in. */
export const newGuideBody = z.strictObject({
  name: z.string().trim().min(1).max(120),
  template: z.enum(['blank', ...guideTemplates.map((t) => t.key)]).default('blank'),
  /** The lifecycle moment of a blank guide (a template brings its own). */
  moment: momentSchema.default('health_pulse'),
});

/**
 * A blank guide still has to be a valid one (a guide always has an objective, messages and
 * a topic), so it starts from placeholders that say what to write; the editor replaces them.
 */
const blankBody = (name: string, moment: Moment) => ({
  name,
  moment,
  objective: 'Describe what you want to learn from these customers, in one or two sentences.',
  opening_message: 'Hi {name}! Do you have two minutes to tell us how things are going?',
  closing_message: 'Thank you — this really helps us.',
  topics: [
    {
      key: 'main',
      question: 'What is the one thing you would change about the product?',
      probing: 'Ask for a recent concrete example and what it cost them.',
      follow_up: 'Can you think of a recent moment when that happened?',
      required: true,
    },
  ],
  limits: { max_turns: 6, max_minutes: 5 },
  taxonomy: standardTaxonomy,
});

export async function createNewGuide(db: Db, ws: Ws, input: z.infer<typeof newGuideBody>): Promise<Guide> {
  const template = guideTemplates.find((t) => t.key === input.template);
  return createGuide(db, ws, template ? { ...template.body, name: input.name } : blankBody(input.name, input.moment));
}
