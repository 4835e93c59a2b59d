import type { PersonaCard } from '../persona-card';
import { persona as angry } from './angry';
import { persona as budgetFreeze } from './budget-freeze';
import { persona as championLeaving } from './champion-leaving';
import { persona as competitorTrial } from './competitor-trial';
import { persona as discount } from './discount';
import { persona as expansionSeats } from './expansion-seats';
import { persona as falseAlarm } from './false-alarm';
import { persona as featureLaunch } from './feature-launch';
import { persona as german } from './german';
import { persona as happyChampion } from './happy-champion';
import { persona as injection } from './injection';
import { persona as onboardingStack } from './onboarding-stack';
import { persona as quietChurn } from './quiet-churn';
import { persona as rambling } from './rambling';
import { persona as stopEarly } from './stop-early';
import { persona as terse } from './terse';
import { persona as wantsPerson } from './wants-person';

/** Every simulated customer of `npm run eval -- interviewer`. */
export const personas: readonly PersonaCard[] = [
  quietChurn,
  championLeaving,
  budgetFreeze,
  competitorTrial,
  terse,
  rambling,
  german,
  angry,
  wantsPerson,
  injection,
  discount,
  expansionSeats,
  onboardingStack,
  happyChampion,
  featureLaunch,
  stopEarly,
  falseAlarm,
];
