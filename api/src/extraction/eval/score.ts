import type { Signal } from '@candor/shared';
import type { LabelledSentence } from './labelled-set';

/** The signal kinds the labelled set speaks for (sentiment and themes are not labelled). */
export const scoredKinds = [
  'churn_risk',
  'expansion_intent',
  'competitor',
  'feature_request',
  'stakeholder',
  'wants_human',
] as const;
export type ScoredKind = (typeof scoredKinds)[number];

const kindOfTag: Record<string, ScoredKind> = {
  churn: 'churn_risk',
  expansion: 'expansion_intent',
  competitor: 'competitor',
  feature_request: 'feature_request',
  stakeholder: 'stakeholder',
  wants_human: 'wants_human',
};

/** The labelled-set tags one extracted signal stands for. */
export function tagsOf(signal: Signal): string[] {
  switch (signal.kind) {
    case 'churn_risk':
      return signal.value.reasons.length ? signal.value.reasons.map((r) => `churn:${r}`) : ['churn:*'];
    case 'expansion_intent':
      return [`expansion:${signal.value.kind}`];
    case 'competitor':
      return [`competitor:${signal.value.name.toLowerCase()}`];
    case 'stakeholder':
      return [signal.value.champion_change ? 'stakeholder:change' : 'stakeholder'];
    case 'feature_request':
    case 'wants_human':
      return [signal.kind];
    default:
      return [];
  }
}

export type KindScore = { kind: ScoredKind; tp: number; fp: number; fn: number; precision: number; recall: number };
export type Miss = { text: string; tag: string; type: 'false positive' | 'missed' };

/**
 * Precision and recall per kind over the labelled set: a tag the extractor emits that the
 * label lacks is a false positive; a labelled tag it does not emit is a miss. Precision is
 * 1 when a kind emits nothing (it said nothing false).
 */
export function score(
  set: readonly LabelledSentence[],
  extract: (s: LabelledSentence) => Signal[],
): { kinds: KindScore[]; misses: Miss[] } {
  const counts = new Map(scoredKinds.map((k) => [k, { tp: 0, fp: 0, fn: 0 }]));
  const misses: Miss[] = [];
  for (const s of set) {
    const got = new Set(extract(s).flatMap(tagsOf));
    const want = new Set(s.signals);
    for (const tag of new Set([...got, ...want])) {
      const kind = kindOfTag[tag.split(':')[0] ?? ''];
      const c = kind && counts.get(kind);
      if (!c) continue;
      if (got.has(tag) && want.has(tag)) c.tp++;
      else if (got.has(tag)) {
        c.fp++;
        misses.push({ text: s.text, tag, type: 'false positive' });
      } else {
        c.fn++;
        misses.push({ text: s.text, tag, type: 'missed' });
      }
    }
  }
  const kinds = scoredKinds.map((kind) => {
    const { tp, fp, fn } = counts.get(kind) ?? { tp: 0, fp: 0, fn: 0 };
    return { kind, tp, fp, fn, precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1 };
  });
  return { kinds, misses };
}
