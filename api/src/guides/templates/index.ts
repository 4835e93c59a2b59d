import { churnRiskTemplate } from './churn-risk';
import { expansionTemplate } from './expansion';
import { featureLaunchTemplate } from './feature-launch';
import { healthPulseTemplate } from './health-pulse';
import { onboardingTemplate } from './onboarding';
import { preRenewalTemplate } from './pre-renewal';
import type { GuideTemplate } from './template';

export { standardTaxonomy } from './taxonomy';
export type { GuideTemplate } from './template';

/** The six lifecycle templates every new workspace gets, in lifecycle order. */
export const guideTemplates: readonly GuideTemplate[] = [
  onboardingTemplate,
  healthPulseTemplate,
  churnRiskTemplate,
  preRenewalTemplate,
  expansionTemplate,
  featureLaunchTemplate,
];
