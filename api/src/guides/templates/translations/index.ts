import type { InterviewLanguage } from '@candor/shared';
import { de } from './de';
import { es } from './es';
import { fr } from './fr';
import { ja } from './ja';
import { pt } from './pt';
import type { TemplateTranslation } from './template-text';

export type { TemplateText, TemplateTranslation } from './template-text';

/** The templates' customer-facing words in every interview language but English (the templates' own). */
export const templateTranslations: Record<Exclude<InterviewLanguage, 'en'>, TemplateTranslation> = {
  de,
  fr,
  es,
  pt,
  ja,
};
