import { standardTaxonomy } from '../../guides/templates/taxonomy';
import { extractWithRules } from '../rules-extraction';
import { heldOutSentences } from './held-out-set';
import { type LabelledSentence, labelledSentences } from './labelled-set';
import { score } from './score';

/** A fixed message id: the eval scores sentences one at a time. */
export const EVAL_MESSAGE_ID = '00000000-0000-4000-8000-000000000001';

/** Rules extraction scored on the labelled set with the standard taxonomy. */
export function evalRules(set: readonly LabelledSentence[] = labelledSentences) {
  return score(set, (s) => extractWithRules([{ id: EVAL_MESSAGE_ID, text: s.text }], standardTaxonomy));
}

/** Rules on the held-out sentences, which no cue was written for. */
export const evalRulesHeldOut = () => evalRules(heldOutSentences);
