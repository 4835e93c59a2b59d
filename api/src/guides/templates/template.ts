import type { GuideBody } from '@candor/shared';

/** A built-in guide: a stable key (stored as guides.template_key) and the body of its first version. */
export type GuideTemplate = { key: string; body: GuideBody };
