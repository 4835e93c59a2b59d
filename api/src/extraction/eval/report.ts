import { labelledSentences } from './labelled-set';
import { evalRules, evalRulesHeldOut } from './rules-eval';
import type { KindScore } from './score';

/** Rules must not say false things: the precision every kind it emits has to hold. */
export const PRECISION_GOAL = 0.9;

const pct = (n: number) => n.toFixed(2).padStart(9);

export function table(title: string, kinds: KindScore[]) {
  console.log(`\n${title}`);
  console.log(`${'kind'.padEnd(18)}${'precision'.padStart(10)}${'recall'.padStart(10)}   tp  fp  fn`);
  for (const k of kinds) {
    const row = `${k.kind.padEnd(18)} ${pct(k.precision)} ${pct(k.recall)}  ${String(k.tp).padStart(3)} ${String(k.fp).padStart(3)} ${String(k.fn).padStart(3)}`;
    console.log(row);
  }
}

/** Kinds that emitted something and fall below the precision goal. */
export function belowGoal(kinds: KindScore[]): KindScore[] {
  return kinds.filter((k) => k.tp + k.fp > 0 && k.precision < PRECISION_GOAL);
}

/** `npm run eval -- extraction`: precision and recall per kind on the labelled set. */
export async function run(): Promise<boolean> {
  const langs = [...new Set(labelledSentences.map((s) => s.lang))].join(', ');
  console.log(`Extraction eval: ${labelledSentences.length} labelled sentences (${langs})`);
  const rules = evalRules();
  table('Rules extraction (standard taxonomy)', rules.kinds);
  for (const m of rules.misses) console.log(`  ${m.type.padEnd(15)} ${m.tag.padEnd(30)} ${m.text}`);
  const heldOut = evalRulesHeldOut();
  table('Rules extraction, held-out sentences (no cue written for them)', heldOut.kinds);
  for (const m of heldOut.misses) console.log(`  ${m.type.padEnd(15)} ${m.tag.padEnd(30)} ${m.text}`);
  const failing = [...belowGoal(rules.kinds), ...belowGoal(heldOut.kinds)];
  if (failing.length)
    console.log(`\nBelow the precision goal ${PRECISION_GOAL}: ${failing.map((k) => k.kind).join(', ')}`);
  return failing.length === 0;
}
