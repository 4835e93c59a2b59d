import type { BriefSection } from '@candor/shared';

/**
 * A brief's sections as the console shows them: each claim with its first citation inline.
 * The model's working behind a claim (all its citations, the account facts) stays on the server.
 */
export function consoleSections(sections: BriefSection[]) {
  return sections.map((s) => ({ heading: s.heading, items: s.items.map(({ citations, facts, ...item }) => item) }));
}
